"""Ids of public persons and of demands that could name a protected person (session 4).

A person's id is chosen by whoever imports or adds the person, like a figure's: a public
person recorded under an id made from a protected relative's name ("барысенкі-брат"), or a
record merged away, showed that name to the public in every listing, link, page and export.
A demand's id is a hash of its content, its list of names included, so it let anyone confirm
a guessed list of names the public is not shown. The canaries name a `counts_only` person
("Зміцер Барысенка") inside public persons' ids in Cyrillic case forms, Łacinka and Latin in
upper and lower case; no public answer (API, its CSV, pages, links, exports JSON/CSV, FtM)
may hold them, the public ids must lead to the records, and an original id must answer
exactly as an id never recorded. Analysts keep the real ids. Real app, real SQLite file and
PostgreSQL.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from prisonwatch.core.dates import parse_fuzzy
from prisonwatch.services import accounts, demands, exporting, ftm_export
from prisonwatch.storage.accounts import AccountStore
from prisonwatch.storage.sql import SqlStore
from prisonwatch.web.app import create_app
from prisonwatch.web.settings import WebSettings
from tests.web.conftest import PASSWORD, login
from tests.web.leak_canaries import NOW, imported

FORMS = ("barysenk", "barysienk", "барысенк", "barysenc", "barysienc")
CANARIES = {
    "барысенкі-брат": "Ales Zhukouski",  # Cyrillic, genitive
    "BY-Barysienku-Mikola": "Mikola Statkevich",  # Łacinka, dative
    "RELATIVE-OF-BARYSENKA": "Ihar Losik",  # Latin, upper case
    "zmitser.barysenka.2": "Maria Kalesnikava",  # Latin, lower case
}
CONTROL = "by-pw-kowalczyk"
"""A public person whose id names nobody the store knows: shown as it is."""
DEAL = "BY-2026-09"


def _world(store: SqlStore, tmp: Path) -> None:
    persons = "id,name,protection,recorded_at\nby-pw-b,Зміцер Барысенка,counts_only,2025-01-01\n"
    persons += "".join(f"{pid},{name},public,2025-01-01\n" for pid, name in CANARIES.items())
    persons += f"{CONTROL},Jan Kowalczyk,public,2025-01-01\n"
    events = "id,person_id,kind,date,deal_id,recorded_at\n"
    for i, pid in enumerate([*CANARIES, CONTROL]):
        events += f"held-{i},{pid},detained,2025-03-01,,2025-03-02\n"
        events += f"freed-{i},{pid},released,2026-02-03,{DEAL},2026-02-04\n"
    files = {
        "persons_p.csv": persons,
        "deals_p.csv": f"id,date,country,recorded_at\n{DEAL},2026-02-03,BY,2026-02-04\n",
        "events_p.csv": events,
    }
    imported(store, tmp, files, NOW)
    demands.record(
        store,
        by="European Parliament",
        made_on=parse_fuzzy("2025-06-01"),
        actor="tester",
        now=NOW,
        names=[("Ales Zhukouski", None), ("Зміцер Барысенка", None), ("Jan Kowalczyk", None)],
        source_ids=[demands.source_for(store, "https://e.org/appeal", None, NOW)],
    )


@pytest.fixture
def pair(store: SqlStore, tmp_path: Path) -> Iterator[tuple[TestClient, TestClient]]:
    accounts.add_user(AccountStore(store), "ana", "analyst", PASSWORD, NOW)
    _world(store, tmp_path)
    app = create_app(WebSettings(store.url, secure_cookies=False), store)
    with TestClient(app) as analyst, TestClient(app) as public:
        login(analyst)
        yield analyst, public


def _named(text: str) -> list[str]:
    folded = text.casefold()
    return [f for f in FORMS if f in folded]


def test_person_and_demand_ids_naming_a_protected_person_are_in_no_public_answer(
    pair: tuple[TestClient, TestClient], store: SqlStore
) -> None:
    analyst, public = pair
    rows = public.get("/api/v1/persons?_size=1000").json()["rows"]
    shown = {r["name"]: r["id"] for r in rows}
    assert shown["Jan Kowalczyk"] == CONTROL
    for pid, name in CANARIES.items():
        assert shown[name].startswith("person-") and shown[name] != pid
    (demand,) = public.get("/api/v1/demands").json()["rows"]
    assert demand["id"].startswith("demand-")
    deal = public.get("/api/v1/deals").json()["rows"][0]["id"]
    paths = [
        "/api/v1/persons?_size=1000",
        "/api/v1/persons.csv",
        "/api/v1/events?_size=1000",
        "/api/v1/events.csv",
        "/api/v1/deals",
        "/api/v1/deals.csv",
        f"/api/v1/deals/{deal}",
        "/api/v1/stats",
        "/api/v1/demands",
        f"/api/v1/demands/{demand['id']}",
        f"/api/v1/demands/{demand['id']}/progress.csv",
        "/",
        "/persons",
        "/deals",
        f"/deals/{deal}",
        "/demands",
        f"/demands/{demand['id']}",
    ]
    paths += [f"/api/v1/persons/{i}" for i in shown.values()]
    paths += [f"/persons/{i}" for i in shown.values()]
    for path in paths:
        r = public.get(path)
        assert r.status_code == 200, (path, r.text[:300])
        assert not _named(r.text), (path, _named(r.text))
    # links carry the ids the public is shown
    events = public.get("/api/v1/events?_size=1000").json()["rows"]
    assert {e["person_id"] for e in events} == set(shown.values())
    released = public.get(f"/api/v1/deals/{deal}").json()["registry"]["released_persons"]
    assert {p["id"] for p in released} == set(shown.values())
    one = public.get(f"/api/v1/demands/{demand['id']}").json()
    assert {n["person_id"] for n in one["names"]} == {shown["Ales Zhukouski"], CONTROL}
    page = public.get(f"/persons/{shown['Ales Zhukouski']}").text
    assert public.get(f"/api/v1/persons/{shown['Ales Zhukouski']}").json()["name"] in page
    # the exports say the same
    data = exporting.export_records(store, at=NOW)
    text = json.dumps(data, ensure_ascii=False)
    text += "".join(exporting.to_csv(r, k) for k, r in data.items())
    text += "".join(ftm_export.to_jsonl(store))
    assert not _named(text), _named(text)
    assert {p["id"] for p in data["persons"]} == set(shown.values())
    assert {e["person_id"] for e in data["events"]} == set(shown.values())
    # analysts see the real ids
    ids = {r["id"] for r in analyst.get("/api/v1/persons?_size=1000").json()["rows"]}
    assert set(CANARIES) <= ids
    (real,) = analyst.get("/api/v1/demands").json()["rows"]
    assert real["id"].startswith("dm:")
    assert analyst.get(f"/api/v1/persons/{next(iter(CANARIES))}").status_code == 200


def test_an_original_person_or_demand_id_answers_like_an_unknown_one(
    pair: tuple[TestClient, TestClient],
) -> None:
    analyst, public = pair
    (real,) = analyst.get("/api/v1/demands").json()["rows"]
    unknown_demand = "dm:" + "0" * 16
    for prefix in ("/api/v1/demands/", "/demands/"):
        r_real, r_unknown = public.get(prefix + real["id"]), public.get(prefix + unknown_demand)
        assert r_unknown.status_code == 404
        assert r_real.status_code == r_unknown.status_code
        assert r_real.text.replace(real["id"], unknown_demand) == r_unknown.text
    for pid in CANARIES:
        unknown = pid.replace("arysen", "arysan").replace("арысен", "арысан")
        for prefix in ("/api/v1/persons/", "/persons/"):
            r_real, r_unknown = public.get(prefix + pid), public.get(prefix + unknown)
            assert r_unknown.status_code == 404, prefix + unknown
            assert r_real.status_code == r_unknown.status_code
            assert r_real.text.replace(pid, unknown) == r_unknown.text
