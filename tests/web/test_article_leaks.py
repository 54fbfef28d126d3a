"""Red team: a criminal-code article reference is free text after its number.

Viasna-style cards write an article with the case it belongs to: "342 ч.2 (справа Грабянюка)",
a co-defendant's case. The article text was shown to the public as stored on a public
person's page and in the public export, where it also stood beside a withheld person's
pseudonym: both named a protected person. Now an article naming a protected person is shown
as its number alone. The surnames are made up.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from prisonwatch.services import custody as custody_service
from prisonwatch.services import exporting
from prisonwatch.storage.sql import SqlStore
from prisonwatch.web.app import create_app
from prisonwatch.web.settings import WebSettings
from tests.web.leak_canaries import imported, normal

NOW = datetime(2026, 11, 29, 12, 0)
PERSONS = (
    "id,name,aliases,birth_year,gender,region,country,protection,note,recorded_at\n"
    "by-art-hr,Zmitser Hrabianiuk,Зміцер Грабянюк,1979,male,,BY,counts_only,,2025-01-01\n"
    "by-art-zh,Ihar Zhaurankevich,Ігар Жаўранкевіч,1971,male,,BY,withhold_name,,2025-01-01\n"
    "by-art-control,Raman Darashevich,Раман Дарашэвіч,1980,male,,BY,public,,2025-01-01\n"
)
EVENTS = (
    "id,person_id,kind,date,articles,sentence,recorded_at\n"
    "art-hr,by-art-hr,sentenced,2023-03-01,342 ч.2,3y,2025-01-01\n"
    "art-zh,by-art-zh,sentenced,2023-03-02,361-1 ч.3 (дело Жавранкевича),6y,2025-01-01\n"
    "art-control,by-art-control,sentenced,2023-03-03,"
    '"342 ч.2 (справа Грабянюка)|130 ч.3 (Zhaurankevich case)|293 ч.1|'
    '369 (справа Іванова)",5y,2025-01-01\n'
)
STEMS = ("грабян", "hrabian", "жавранкев", "жаўранкев", "zhaurank")


@pytest.fixture
def article_store(store: SqlStore, tmp_path: Path) -> SqlStore:
    return imported(store, tmp_path, {"persons_art.csv": PERSONS, "events_art.csv": EVENTS}, NOW)


@pytest.fixture
def public(article_store: SqlStore) -> Iterator[TestClient]:
    app = create_app(WebSettings(article_store.url, secure_cookies=False), article_store)
    with TestClient(app) as c:
        yield c


def _traces(body: str) -> list[str]:
    n = normal(body)
    return [s for s in STEMS if s in n]


def test_an_article_naming_a_protected_person_is_shown_as_its_number(
    public: TestClient, article_store: SqlStore
) -> None:
    for path in (
        "/api/v1/persons/by-art-control",
        "/persons/by-art-control",
        "/api/v1/events",
        "/api/v1/custody",
    ):
        r = public.get(path)
        assert r.status_code == 200, path
        assert not _traces(r.text), (path, _traces(r.text))
    events = public.get("/api/v1/persons/by-art-control").json()["events"]
    shown = events[0]["custody_details"]["articles"]
    # the control: articles naming nobody protected are shown whole, as before
    assert shown == ["342", "130", "293 ч.1", "369 (справа Іванова)"]
    export = exporting.export_records(article_store, at=NOW)
    rows = {r["person_id"]: r for r in export["events"]}
    assert rows["by-art-control"]["articles"] == "342|130|293 ч.1|369 (справа Іванова)"
    assert not _traces(repr(export)), _traces(repr(export))
    hidden = [r for r in export["events"] if r["person_id"] not in ("by-art-control",)]
    assert [r["articles"] for r in hidden] == [""]  # a pseudonym's row carries no articles


NUMBERED = (
    "id,person_id,kind,date,articles,sentence,recorded_at\n"
    # an article whose number itself carries a protected surname, in both scripts and cases
    "num-1,by-art-control,sentenced,2024-01-01,342-Грабянюк ч.1,2y,2025-01-01\n"
    "num-2,by-art-control,sentenced,2024-02-01,130-HRABIANIUKA,2y,2025-01-01\n"
)


def test_an_article_number_naming_a_protected_person_is_not_listed_nor_counted(
    public: TestClient, article_store: SqlStore, tmp_path: Path
) -> None:
    """Red team, session 4: `/api/v1/custody` listed article numbers as stored, and
    `?article=` counted persons under one whose number named a protected person, where an
    unknown name got 0. The public list leaves such numbers out and answers the asked-for one
    as an article nobody was sentenced under; analysts' figures keep every count."""
    imported(article_store, tmp_path, {"events_num.csv": NUMBERED}, NOW)
    listed = public.get("/api/v1/custody", params={"on": "2024-06-01"})
    assert listed.status_code == 200
    assert not _traces(listed.text), _traces(listed.text)
    for guess, unknown in (
        ("342-грабянюк", "342-невядомы"),
        ("130-Hrabianiuka", "130-Nieviadomy"),
        ("342-ГРАБЯНЮК ч.1", "342-НЕВЯДОМЫ ч.1"),
    ):
        a = public.get("/api/v1/custody", params={"on": "2024-06-01", "article": guess})
        b = public.get("/api/v1/custody", params={"on": "2024-06-01", "article": unknown})
        assert a.status_code == b.status_code == 200
        ja, jb = a.json(), b.json()
        assert (ja["article"]["persons"], ja["article"]["held"]) == (0, 0), guess
        ja["article"].pop("article"), jb["article"].pop("article")
        assert ja == jb, guess  # the same answer as for a name nobody bears
    everything = custody_service.figures(article_store, datetime(2024, 6, 1).date())
    numbers = {r["article"] for r in everything["articles"]}
    assert {"342-Грабянюк", "130-HRABIANIUKA"} <= numbers  # analysts count every article
