"""No shared cache (a reverse proxy, a browser's disk cache on an office computer) may keep an
answer of this site: the same address answers the public and an analyst differently (an
analyst's `/persons/ID` names a protected person; the public's answers 404), and a public
answer kept by a cache would go on showing a person after the family asked for silence.

Red team, session 7: answers carried no `Cache-Control` and no `Vary`. An nginx in front with
`proxy_cache` (the docs put nginx in front; caching is the usual next step when a site is slow)
keys on the address alone, so an analyst's page of a protected person would be served to the
next anonymous visitor of that address, and a cached public page would outlive a protection
change. Now every answer but the static files says `no-store`, and varies on who asks."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.conftest import login

PUBLIC_PATHS = (
    "/",
    "/persons",
    "/persons?q=Sakrevich",
    "/persons/by-protected-hanna",
    "/deals",
    "/sources",
    "/demands",
    "/login",
    "/charts/stock.csv",
    "/api/v1/stats",
    "/api/v1/persons",
    "/api/v1/persons.csv",
    "/api/v1/persons/by-protected-hanna",
    "/api/v1/nope",
    "/nope",
)


def _uncacheable(client: TestClient, path: str) -> None:
    r = client.get(path, follow_redirects=False)
    cache = r.headers.get("cache-control", "")
    assert "no-store" in cache and "private" in cache, (path, r.status_code, cache)
    vary = {v.strip().casefold() for v in r.headers.get("vary", "").split(",")}
    assert {"cookie", "authorization"} <= vary, (path, vary)


def test_no_answer_may_be_kept_by_a_cache(client: TestClient) -> None:
    for path in PUBLIC_PATHS:
        _uncacheable(client, path)
    login(client)
    protected = client.get("/persons/by-protected-hanna")
    assert protected.status_code == 200 and "Sakrevich" in protected.text
    for path in (*PUBLIC_PATHS, "/review", "/conflicts", "/history/person/by-protected-hanna"):
        _uncacheable(client, path)


def test_static_files_stay_cacheable(client: TestClient) -> None:
    r = client.get("/static/style.css")
    assert r.status_code == 200
    assert "no-store" not in r.headers.get("cache-control", "")
    assert r.headers.get("etag")
