"""Demand pages and API: the public sees public names only, and no answer tells a protected
name from an unknown one."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient

from prisonwatch.core.dates import parse_fuzzy
from prisonwatch.services import demands
from prisonwatch.services.public import Projection
from prisonwatch.storage.sql import SqlStore
from tests.web.conftest import NOW, SECRET_NAMES, login


def _demand(store: SqlStore, names: list[str], url: str) -> str:
    sid = demands.source_for(store, url, None, NOW)
    d = demands.record(
        store,
        by="European Parliament",
        made_on=parse_fuzzy("2025-06-01"),
        actor="tester",
        now=NOW,
        names=[(n, None) for n in names],
        source_ids=[sid],
    )
    return d.id


def _shown(store: SqlStore, demand_id: str) -> str:
    """The id the public knows a demand by (a demand's own id is a hash over its names)."""
    return Projection.build(store).record_id("demand", demand_id)


def _shape(data: object) -> object:
    if isinstance(data, dict):
        return {k: _shape(v) for k, v in data.items() if k not in ("id", "recorded_at", "sources")}
    if isinstance(data, list):
        return [_shape(v) for v in data]
    return data


def test_public_demand_hides_protected_names_exactly_as_unknown_ones(
    client: TestClient, web_store: SqlStore
) -> None:
    protected = _demand(web_store, ["Мікола Статкевіч", "Hanna Sakrevich"], "https://e.org/a")
    unknown = _demand(web_store, ["Мікола Статкевіч", "Olga Nonexistent"], "https://e.org/b")
    for did in (protected, unknown):  # a demand's own id finds nothing for the public
        assert client.get(f"/api/v1/demands/{did}").status_code == 404
    protected, unknown = _shown(web_store, protected), _shown(web_store, unknown)
    a = client.get(f"/api/v1/demands/{protected}")
    b = client.get(f"/api/v1/demands/{unknown}")
    assert a.status_code == b.status_code == 200
    da, db = a.json(), b.json()
    assert [n["name"] for n in da["names"]] == ["Mikola Statkevich"]
    assert da["names_not_shown"] == 1
    # the protected person is held, the unknown one is not in the registry: the public answer
    # is the same for both (counted as "not listed here", nothing else)
    assert _shape(da) == _shape(db)
    assert da["status_counts"]["held"] == 1 and da["named"] == 2
    named = _shown(
        web_store, _demand(web_store, ["Мікола Статкевіч"], "https://e.org/hanna-sakrevich-freed")
    )
    assert client.get(f"/api/v1/demands/{named}").json()["sources"] == []  # withheld source
    assert client.get(f"/api/v1/demands/{protected}").json()["sources"] == [
        {"id": s["id"]}
        for s in client.get("/api/v1/sources?_size=1000").json()["rows"]
        if s["id"] in {x["id"] for x in da["sources"]}
    ]
    for url in (
        f"/api/v1/demands/{named}",
        f"/api/v1/demands/{protected}",
        f"/demands/{protected}",
        "/demands",
        "/api/v1/demands",
    ):
        body = client.get(url).text
        for secret in SECRET_NAMES:
            assert secret.casefold() not in body.casefold(), (url, secret)


def test_analysts_see_every_name_with_its_match(client: TestClient, web_store: SqlStore) -> None:
    did = _demand(web_store, ["Hanna Sakrevich", "Olga Nonexistent"], "https://e.org/c")
    login(client)
    data = client.get(f"/api/v1/demands/{did}").json()
    assert [n["name"] for n in data["names"]] == ["Hanna Sakrevich", "Olga Nonexistent"]
    assert data["names"][0]["status"] == "held"
    assert data["names_not_shown"] == 0
    page = client.get(f"/demands/{did}")
    assert page.status_code == 200 and "Hanna Sakrevich" in page.text


def test_unknown_demand_and_bad_dates_are_4xx(client: TestClient, web_store: SqlStore) -> None:
    did = _shown(web_store, _demand(web_store, ["Мікола Статкевіч"], "https://e.org/d"))
    assert client.get("/api/v1/demands/dm:nope").status_code == 404
    assert client.get(f"/api/v1/demands/{did}?on=2025-13-01").status_code == 400
    r = client.get(f"/api/v1/demands/{did}?known_on=2020-01-01")
    assert r.status_code == 404  # not yet recorded then
    csv_text = client.get(f"/api/v1/demands/{did}/progress.csv").text
    assert csv_text.splitlines()[0].startswith("on,held,uncertain,freed,died")
    assert json.loads(client.get("/api/v1/demands").text)["rows"][0]["by"] == "European Parliament"


def test_public_sees_who_made_a_demand_only_when_it_names_no_protected_person(
    client: TestClient, web_store: SqlStore
) -> None:
    sid = demands.source_for(web_store, "https://e.org/e", None, NOW)
    d = demands.record(
        web_store,
        by="S.a.k.r.e.v.i.c.h family",  # a protected surname dotted out
        of="Сакрэ\u00adвіч's lawyer",  # and with a soft hyphen
        made_on=parse_fuzzy("2025-06-02"),
        count=5,
        actor="tester",
        now=NOW,
        source_ids=[sid],
    )
    shown = _shown(web_store, d.id)
    data = client.get(f"/api/v1/demands/{shown}").json()
    assert data["by"] is None and data["of"] is None
    listed = {r["id"]: r for r in client.get("/api/v1/demands").json()["rows"]}
    assert listed[shown]["by"] is None and listed[shown]["of"] is None
    login(client)
    data = client.get(f"/api/v1/demands/{d.id}").json()
    assert data["by"] == "S.a.k.r.e.v.i.c.h family"
