"""Red team: a protected person withdrawn from the registry stays protected.

A family asks for their relative to be taken off the registry; an analyst voids the person's
events and then the person (`void person`, the web's void, the API's). The name check was made
from the persons in force only, so the moment the record was void every source title and
address, every note, place and figure naming them was shown to the public: the removal meant
to protect them published their name. Names they bore when voided while protected now stay
protected; a public person voided (a record made in error) does not protect their names.
The surnames are made up; every script and case form is checked.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from prisonwatch.services import accounts, editing, exporting, ftm_export
from prisonwatch.storage.accounts import AccountStore
from prisonwatch.storage.sql import SqlStore
from prisonwatch.web.app import create_app
from prisonwatch.web.settings import WebSettings
from tests.web.conftest import PASSWORD, login
from tests.web.leak_canaries import imported, normal

NOW = datetime(2026, 11, 29, 12, 0)
PERSONS = (
    "id,name,aliases,birth_year,gender,region,country,protection,note,recorded_at\n"
    "by-void-zh,Ihar Zhaurankevich,Ігар Жаўранкевіч|Игорь Жавранкевич,1971,male,,BY,"
    "withhold_name,,2025-01-01\n"
    "by-void-hr,Зміцер Грабянюк,Zmitser Hrabianiuk,1979,male,,BY,counts_only,,2025-01-01\n"
    "by-void-public,Ales Pamylkovich,,1960,male,,BY,public,,2025-01-01\n"
    "by-void-control,Raman Darashevich,,1980,male,,BY,public,,2025-01-01\n"
)
ZH = "https://news.example.org/zhaurankevich-sentenced"
SOURCES = (
    "url,title,publisher,published,language,recorded_at\n"
    f"{ZH},Ігара Жаўранкевіча асудзілі,Nasha Niva,2025-03-01,be,2025-01-01\n"
    "https://news.example.org/a2,Грабянюку прадоўжылі тэрмін,Nasha Niva,2025-03-02,be,"
    "2025-01-01\n"
    "https://news.example.org/a3,Pamylkovich case closed,Nasha Niva,2025-03-03,en,2025-01-01\n"
)
EVENTS = (
    "id,person_id,kind,date,organisation,place,source_url,note,recorded_at\n"
    f"void-zh,by-void-zh,detained,2023-03-01,,,{ZH},,2025-01-01\n"
    "void-hr,by-void-hr,detained,2023-03-02,,,,,2025-01-01\n"
    "void-public,by-void-public,detained,2023-03-03,,,,,2025-01-01\n"
    "void-control,by-void-control,detained,2023-03-05,,Hrabianiuk's yard,,"
    "Arrested with Жавранкевичем and Pamylkovich,2025-01-01\n"
)
OBSERVATIONS = (
    "id,metric,value,qualifier,period,organisation,country,source_url,note,recorded_at\n"
    "void-obs,held,40,exact,2025-03,Viasna,BY,,Including Zhaurankevich,2025-03-10\n"
)
STEMS = ("zhaurank", "жаўранкев", "жавранкев", "грабян", "hrabian")


@pytest.fixture
def void_store(store: SqlStore, tmp_path: Path) -> SqlStore:
    files = {
        "persons_void.csv": PERSONS,
        "sources_void.csv": SOURCES,
        "events_void.csv": EVENTS,
        "observations_void.csv": OBSERVATIONS,
    }
    imported(store, tmp_path, files, NOW)
    accounts.add_user(AccountStore(store), "ana", "analyst", PASSWORD, NOW)
    return store


@pytest.fixture
def pair(void_store: SqlStore) -> Iterator[tuple[TestClient, TestClient, str]]:
    app = create_app(WebSettings(void_store.url, secure_cookies=False), void_store)
    with TestClient(app) as analyst, TestClient(app) as public:
        yield analyst, public, login(analyst)


PATHS = (
    "/api/v1/persons/by-void-control",
    "/persons/by-void-control",
    "/api/v1/sources",
    "/sources",
    "/api/v1/observations",
    "/api/v1/events",
    "/api/v1/persons",
)


def _public_traces(public: TestClient, store: SqlStore) -> list[str]:
    bodies = [public.get(p).text for p in PATHS]
    bodies.append(json.dumps(exporting.export_records(store, at=NOW), ensure_ascii=False))
    bodies.append("".join(ftm_export.to_jsonl(store)))
    n = normal(" ".join(bodies))
    return [s for s in STEMS if s in n]


def _void(analyst: TestClient, csrf: str, kind: str, rid: str) -> None:
    r = analyst.post(
        f"/api/v1/records/{kind}/{rid}/void",
        json={"why": "the family asked to be taken off the registry"},
        headers={"X-CSRF-Token": csrf},
    )
    assert r.status_code == 200, r.text


def test_voiding_a_protected_person_keeps_their_names_withheld(
    pair: tuple[TestClient, TestClient, str], void_store: SqlStore
) -> None:
    analyst, public, csrf = pair
    assert not _public_traces(public, void_store)
    # through the running app (the projection kept current write by write)
    _void(analyst, csrf, "event", "void-zh")
    _void(analyst, csrf, "person", "by-void-zh")
    assert not _public_traces(public, void_store)
    # written outside the app (`prisonwatch void`), and a server started afresh
    editing.void(void_store, "event", "void-hr", "ana", NOW, "removal")
    editing.void(void_store, "person", "by-void-hr", "ana", NOW, "removal")
    app = create_app(WebSettings(void_store.url, secure_cookies=False), void_store)
    with TestClient(app) as fresh:
        assert not _public_traces(fresh, void_store)
    assert not _public_traces(public, void_store)


def test_a_public_person_voided_does_not_withhold_their_names(
    pair: tuple[TestClient, TestClient, str], void_store: SqlStore
) -> None:
    """The control: a public record voided (made in error) protects nobody, so texts naming
    them are shown as before."""
    analyst, public, csrf = pair
    _void(analyst, csrf, "event", "void-public")
    _void(analyst, csrf, "person", "by-void-public")
    titles = {s["title"] for s in public.get("/api/v1/sources").json()["rows"]}
    assert "Pamylkovich case closed" in titles
    notes = {e["note"] for e in public.get("/api/v1/persons/by-void-control").json()["events"]}
    assert notes == {None}  # it names Жавранкевич as well
