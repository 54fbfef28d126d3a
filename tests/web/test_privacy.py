"""Protected persons never appear to the public, anywhere; they are still counted."""

from __future__ import annotations

import html
import json
import re
from urllib.parse import parse_qsl, unquote, urlsplit

from fastapi.testclient import TestClient

from tests.web.conftest import SECRET_NAMES, login


def public_routes(client: TestClient) -> list[str]:
    """Every public page and API route, with the ids the public can reach."""
    routes = [
        "/",
        "/persons",
        "/persons?q=Sakrevich",
        "/persons?q=Сакрэвіч",
        "/persons?q=Hanna",
        "/persons?q=Zhuvalich",
        "/persons?status=held",
        "/persons?region=Hrodna",
        "/persons?gender=female",
        "/persons?org=Viasna",
        "/deals",
        "/sources",
        "/login",
        "/persons/by-protected-hanna",
        "/persons/by-protected-piotr",
        "/api/v1/persons",
        "/api/v1/persons.csv",
        "/api/v1/persons?q=Sakrevich",
        "/api/v1/persons?q=Анна Сакревич",
        "/api/v1/persons/by-protected-hanna",
        "/api/v1/events",
        "/api/v1/events.csv",
        "/api/v1/deals",
        "/api/v1/deals.csv",
        "/api/v1/stats",
        "/api/v1/stats?from=2020-01-01&to=2025-12-31&by=year",
        "/api/v1/observations",
        "/api/v1/observations.csv",
        "/api/v1/sources",
        "/api/v1/openapi.json",
        "/api/v1/docs",
        "/static/style.css",
        "/nope",
        "/api/v1/stats?on=Sakrevich",
    ]
    for row in client.get("/api/v1/persons?_size=1000").json()["rows"]:
        routes += [f"/persons/{row['id']}", f"/api/v1/persons/{row['id']}"]
    for row in client.get("/api/v1/deals").json()["rows"]:
        routes += [f"/deals/{row['id']}", f"/api/v1/deals/{row['id']}"]
    for row in client.get("/api/v1/sources?_size=1000").json()["rows"]:
        routes += [f"/sources/{row['id']}", f"/api/v1/sources/{row['id']}"]
    return routes


def _without_echo(route: str, body: str) -> str:
    """The body less what the request itself supplied (echoed alike for any name)."""
    parts = urlsplit(route)
    supplied = [v for _, v in parse_qsl(parts.query)] + unquote(parts.path).split("/")
    for value in sorted(filter(None, supplied), key=len, reverse=True):
        for form in (value, html.escape(value), json.dumps(value)[1:-1]):
            body = body.replace(form, "")
    return body


def test_no_public_route_names_a_protected_person(client: TestClient) -> None:
    routes = public_routes(client)
    assert len(routes) > 60
    for route in routes:
        r = client.get(route)
        body = _without_echo(route, r.text)
        for name in SECRET_NAMES:
            assert name.casefold() not in body.casefold(), f"{name!r} leaks on {route}"
        assert "Traceback" not in body


def test_protected_persons_are_still_counted(client: TestClient) -> None:
    stats = client.get("/api/v1/stats?on=2024-06-01").json()
    assert stats["persons"] == 426  # 424 public + 2 protected
    listed = client.get("/api/v1/persons?_size=1000").json()
    assert listed["count"] == 424
    held_ids = {r["id"] for r in listed["rows"] if r["status"] == "held"}
    assert (
        stats["stock"]["low"]
        >= len(held_ids & {"by-loika-anastasiya", "by-kuznechyk-andrei", "by-shalak-zmitser"}) + 2
    )


def test_analysts_see_protected_persons(client: TestClient) -> None:
    login(client)
    r = client.get("/api/v1/persons/by-protected-hanna")
    assert r.status_code == 200 and r.json()["name"] == "Hanna Sakrevich"
    assert "Hanna Sakrevich" in client.get("/persons?q=Сакрэвіч").text


def test_script_tags_are_escaped(client: TestClient) -> None:
    sources = client.get("/api/v1/sources").json()["rows"]
    (article,) = [s for s in sources if s["title"] == "Court jails activists"]
    assert "alert" not in client.get(f"/sources/{article['id']}").text  # no text for the public
    login(client)
    page = client.get(f"/sources/{article['id']}").text
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page
    assert re.search(r"<mark id=\"cl:", page)
