"""Writes under /api/v1 (analysts), and a protection change that takes effect at once."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from datetime import datetime
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from fastapi.testclient import TestClient

from prisonwatch.extract.pipeline import Extractor
from prisonwatch.ingest.documents import Document
from prisonwatch.services import exporting, ingesting
from prisonwatch.storage.sql import SqlStore
from tests.web.conftest import login

PERSON = "by-statkevich-mikola"
NAMES = (
    "Mikola Statkevich",
    "Mikalai Statkevich",
    "Мікола Статкевіч",
    "Николай Статкевич",
    "Statkevich",
    PERSON,
)
ARTICLE = (
    " date 2025-10-02 Statkevich back in prison\nStatkevich back in prison\n"
    "Mikola Statkevich was returned to custody, Viasna said.\n"
)
START = [
    "/",
    "/persons",
    "/deals",
    "/sources",
    "/demands",
    "/api/v1/persons",
    "/api/v1/persons.csv",
    "/api/v1/persons?q=Statkevich",
    "/api/v1/persons?q=Мікола",
    f"/api/v1/persons/{PERSON}",
    f"/persons/{PERSON}",
    "/persons?q=Statkevich",
    "/api/v1/events",
    "/api/v1/events.csv",
    "/api/v1/deals",
    "/api/v1/deals.csv",
    "/api/v1/stats",
    "/api/v1/observations",
    "/api/v1/sources",
]


def crawl(client: TestClient, start: Iterable[str], limit: int = 400) -> dict[str, str]:
    """Every public page reachable from `start` (links followed on this site), by address."""
    todo, seen = list(start), {}
    while todo and len(seen) < limit:
        url = todo.pop()
        if url in seen:
            continue
        r = client.get(url)
        seen[url] = r.text
        if "text/html" in r.headers.get("content-type", ""):
            for link in re.findall(r'href="(/[^"#]*)"', r.text):
                if not link.startswith(("/static", "/login", "/logout")) and link not in seen:
                    todo.append(link.replace("&amp;", "&"))
    return seen


def traces(pages: dict[str, str]) -> list[str]:
    """Names found on each page, leaving out the echo of what the asker typed (`?q=`)."""
    found = []
    for url, text in pages.items():
        for asked in parse_qs(urlsplit(url).query).get("q", []):
            text = text.replace(asked, "")
        found.extend(f"{url}: {n}" for n in NAMES if n in text)
    return found


def edit(client: TestClient, csrf: str, fields: dict[str, object], **extra: object) -> Any:
    body = {"fields": fields, "why": "family asked", **extra}
    return client.post(
        f"/api/v1/records/person/{PERSON}", json=body, headers={"X-CSRF-Token": csrf}
    )


def test_protection_change_leaves_no_trace_and_back(
    client: TestClient, web_store: SqlStore, extractor: Extractor
) -> None:
    doc = Document("statkevich.txt", ARTICLE, datetime(2025, 10, 2).date(), "Statkevich")
    ingesting.ingest(web_store, [doc], [extractor.extract(doc)], "tester", datetime(2026, 1, 1))
    assert traces(crawl(client, START))  # public before: he is named
    csrf = login(client)
    r = edit(client, csrf, {"protection": "counts_only"})
    assert r.status_code == 200, r.text
    client.cookies.clear()
    assert traces(crawl(client, START)) == []
    public = exporting.export_records(web_store, False)
    export = json.dumps(public, ensure_ascii=False, default=str)
    export += "".join(exporting.to_csv(rows, kind) for kind, rows in public.items())
    assert traces({"export": export}) == []
    csrf = login(client)
    r = edit(client, csrf, {"protection": "public"}, based_on=1)
    assert r.status_code == 200, r.text
    client.cookies.clear()
    found = client.get("/api/v1/persons", params={"q": "Statkevich"}).json()
    assert PERSON in [p["id"] for p in found["rows"]]


def test_bad_writes_are_refused_in_the_error_shape(client: TestClient) -> None:
    assert edit(client, "x", {"region": "Minsk"}).status_code == 401
    csrf = login(client)
    assert edit(client, "wrong", {"region": "Minsk"}).status_code == 403
    ok = edit(client, csrf, {"region": "Minsk"}, based_on=0)
    assert ok.status_code == 200 and ok.json()["revision"] == 1
    stale = edit(client, csrf, {"region": "Brest"}, based_on=0)
    assert stale.status_code == 409
    message = stale.json()["error"]["message"]
    assert "changed by revision 1 (ana" in message
    bad = edit(client, csrf, {"protection": "secret", "birth_year": "abc"})
    assert bad.status_code == 400
    assert bad.json()["error"]["code"] == "bad_request"
    assert "protection" in bad.json()["error"]["message"]
    unknown = client.post(
        "/api/v1/records/person/ghost",
        json={"fields": {"region": "x"}, "why": "w"},
        headers={"X-CSRF-Token": csrf},
    )
    assert unknown.status_code == 404
    history = client.get(f"/api/v1/records/person/{PERSON}/history").json()["rows"]
    assert [h["revision"] for h in history] == [0, 1]
    assert history[1]["changes"] == {"region": [None, "Minsk"]}


def test_review_preview_accept_and_undo_pages(client: TestClient) -> None:
    csrf = login(client)
    rows = client.get("/api/v1/suggestions").json()["rows"]
    claim = next(c for c in rows if c["action"] == "released" and c["count"] == 12)
    shown = client.get(f"/review/{claim['id']}/preview")
    assert shown.status_code == 200
    assert 'id="accept"' in shown.text and "released 12" in shown.text
    before = client.get("/api/v1/observations").json()["count"]
    r = client.post(f"/review/{claim['id']}", data={"decision": "accept", "csrf": csrf})
    assert r.status_code == 200  # redirected back to the queue
    assert client.get("/api/v1/observations").json()["count"] == before + 1
    assert 'id="undo"' in client.get(f"/review/{claim['id']}/preview").text
    r = client.post(f"/review/{claim['id']}/undo", data={"why": "mis-read", "csrf": csrf})
    assert "undone: 1 figure(s)" in r.text
    assert client.get("/api/v1/observations").json()["count"] == before
    assert 'id="accept"' in client.get(f"/review/{claim['id']}/preview").text
    bad = client.post(f"/review/{claim['id']}/undo", data={"why": "again", "csrf": csrf})
    assert "not accepted" in bad.text


@pytest.mark.parametrize("body", [b"[" * 100_000, b'{"fields": ' * 50_000])
def test_a_body_nested_too_deep_is_refused_as_not_json(client: TestClient, body: bytes) -> None:
    """A body of 100,000 `[` (well under the size limit) made the JSON parser recurse past
    Python's limit: a 500 and a traceback in the log, where any other malformed body is a
    400 in the error shape."""
    csrf = login(client)
    before = client.get(f"/api/v1/records/person/{PERSON}/history").json()["rows"]
    r = client.post(
        f"/api/v1/records/person/{PERSON}",
        content=body,
        headers={"X-CSRF-Token": csrf, "Content-Type": "application/json"},
    )
    assert r.status_code == 400, r.text
    assert r.json()["error"] == {"code": "bad_request", "message": "the body is not JSON"}
    assert client.get(f"/api/v1/records/person/{PERSON}/history").json()["rows"] == before
