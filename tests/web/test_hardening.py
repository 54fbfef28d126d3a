"""Web hardening: only http(s) links, security headers everywhere, errors in one JSON shape,
caches that no request pattern can grow past their bounds."""

from __future__ import annotations

from datetime import date, timedelta

from fastapi.testclient import TestClient

from prisonwatch.web.app import SECURITY_HEADERS
from prisonwatch.web.context import MAX_ENTRIES, MAX_VIEWS, Lru
from tests.web.conftest import login


def _sources_by_title(client: TestClient) -> dict[str, dict[str, str]]:
    rows = client.get("/api/v1/sources?_size=1000").json()["rows"]
    return {r["title"]: r for r in rows if r["title"]}


def test_a_script_address_is_text_not_a_link(client: TestClient) -> None:
    src = client.get("/api/v1/sources?_size=1000").json()["rows"]
    evil = [s for s in src if (s["url"] or "").startswith("javascript:")]
    assert evil, "the fixture has a javascript: address"
    for s in evil:
        assert s["href"] is None
        for viewer_page in (client.get(f"/sources/{s['id']}").text,):
            assert 'href="javascript:' not in viewer_page
            assert "javascript:alert" in viewer_page  # shown, as text
    login(client)
    for s in evil:
        assert 'href="javascript:' not in client.get(f"/sources/{s['id']}").text
    for path in ("/sources", "/persons", "/"):
        assert 'href="javascript:' not in client.get(path).text
        assert 'href="data:' not in client.get(path).text


def test_security_headers_on_every_kind_of_answer(client: TestClient) -> None:
    for path in ("/", "/persons", "/api/v1/stats", "/static/style.css", "/nope", "/api/v1/nope"):
        r = client.get(path)
        for name, value in SECURITY_HEADERS.items():
            assert r.headers.get(name) == value, (path, name)
    csp = SECURITY_HEADERS["Content-Security-Policy"]
    assert "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp


def test_no_inline_script_or_style_in_pages(client: TestClient) -> None:
    for path in ("/", "/persons", "/deals", "/sources", "/login"):
        html = client.get(path).text
        assert "<script" not in html.replace("&lt;script", "")
        assert " style=" not in html and "<style" not in html, path


def test_errors_in_the_documented_shape(client: TestClient) -> None:
    r = client.post("/api/v1/stats")
    assert r.status_code == 405 and set(r.json()["error"]) == {"code", "message"}
    big = "x" * (2 * 1024 * 1024)
    r = client.post("/api/v1/suggestions/x/accept", content=big)
    assert r.status_code == 413 and r.json()["error"]["code"] == "too_large"
    r = client.get("/api/v1/stats?on=nope")
    assert r.status_code == 400 and r.json()["error"]["code"] == "bad_request"


def test_the_openapi_document_declares_what_routes_read(client: TestClient) -> None:
    doc = client.get("/api/v1/openapi.json").json()
    stats = doc["paths"]["/api/v1/stats"]["get"]
    names = {p["name"] for p in stats["parameters"]}
    assert {"on", "from", "to", "by", "org", "country", "known_on"} <= names
    persons = {p["name"] for p in doc["paths"]["/api/v1/persons"]["get"]["parameters"]}
    assert {"q", "status", "region", "gender", "org", "_size", "_next", "_shape"} <= persons
    for status in ("400", "401", "403", "404", "405", "413", "422"):
        assert status in stats["responses"]


def test_lru_forgets_the_least_recently_used() -> None:
    lru = Lru(2)
    lru.put("a", 1)
    lru.put("b", 2)
    assert lru.get("a") == (True, 1)
    lru.put("c", 3)
    assert lru.get("b") == (False, None) and len(lru) == 2


def test_distinct_parameters_do_not_grow_the_caches(client: TestClient) -> None:
    day = date(2020, 1, 1)
    for i in range(MAX_ENTRIES + 20):  # figures: a new `on` each time (cheap: one view)
        client.get(f"/api/v1/stats?on={(day + timedelta(days=i)).isoformat()}")
    for i in range(MAX_VIEWS + 4):  # views: a new scope each time (unknown orgs are a 400)
        d = (day + timedelta(days=i)).isoformat()
        client.get(f"/api/v1/stats?on={d}&known_on={d}&org=Viasna")
    sizes = client.app.state.ledger.cache_sizes()  # type: ignore[attr-defined]
    assert sizes["views"] == MAX_VIEWS and sizes["entries"] == MAX_ENTRIES
