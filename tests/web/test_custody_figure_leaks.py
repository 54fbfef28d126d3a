"""Red team, session 5: the public custody figures split protected persons by custody detail.

`/api/v1/custody` counted every person's events by criminal-code article and by the month
their term ends. An article held by one withheld person showed `held` moving 1 → 0 → 1 on the
days their pseudonym's export rows show a release and a return, tying the pseudonym to the
article again (the export had dropped its articles for that reason); for a counts_only person
it told the public their custody dates by article, and (`on` being free) the day their term
ends. The public's per-article rows and term-end figures now count public persons only;
protected persons are counted in one undivided `withheld` row (persons, held), never split by
article or term end. Analysts keep the full figures.

The surnames are made up, so any trace of them in a public answer is a leak.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from prisonwatch.services import accounts, editing, exporting
from prisonwatch.storage.accounts import AccountStore
from prisonwatch.storage.sql import SqlStore
from prisonwatch.web.app import create_app
from prisonwatch.web.settings import WebSettings
from tests.cli.conftest import Cli
from tests.web.conftest import PASSWORD, login
from tests.web.leak_canaries import imported, normal

NOW = datetime(2026, 11, 29, 12, 0)
PERSONS = (
    "id,name,aliases,birth_year,gender,region,country,protection,note,recorded_at\n"
    "by-cf-zh,Ihar Zhaurankevich,Ігар Жаўранкевіч,1971,male,,BY,withhold_name,,2025-01-01\n"
    "by-cf-lu,Zmicier Lukjančyk,Зміцер Лук'янчык,1969,male,,BY,counts_only,,2025-01-01\n"
    "by-cf-control,Raman Darashevich,Раман Дарашэвіч,1980,male,,BY,public,,2025-01-01\n"
)
EVENTS = (
    "id,person_id,kind,date,articles,sentence,term_ends,court,recorded_at\n"
    # the withheld person alone is held under 361-1; released 2025-03-09, back 2025-05-17
    "cf-zh-1,by-cf-zh,detained,2023-03-01,,,,,2025-01-01\n"
    "cf-zh-2,by-cf-zh,sentenced,2023-06-14,361-1 ч.3|342 ч.1,6y,,Vitsebsk Regional Court,"
    "2025-01-01\n"
    "cf-zh-3,by-cf-zh,released,2025-03-09,,,,,2025-03-10\n"
    "cf-zh-4,by-cf-zh,returned_to_custody,2025-05-17,,,,,2025-05-20\n"
    # the counts_only person alone is held under 130; their term ends 2026-03-01
    "cf-lu-1,by-cf-lu,detained,2022-05-01,,,,,2025-01-01\n"
    "cf-lu-2,by-cf-lu,sentenced,2022-09-02,130 ч.3,,2026-03-01,Homiel Regional Court,"
    "2025-01-01\n"
    # the public control: 342, term ending 2025-09-01
    "cf-c-1,by-cf-control,detained,2023-01-10,,,,,2025-01-01\n"
    "cf-c-2,by-cf-control,sentenced,2023-09-01,342 ч.2,2y,,Minsk City Court,2025-01-01\n"
)
STEMS = ("zhaurank", "жаўранкев", "lukjan", "лукян", "by-cf-zh", "by-cf-lu", "cf-zh", "cf-lu")
BEFORE, OUT, BACK = "2025-03-01", "2025-04-01", "2025-06-01"
"""Days on which the withheld person is held, released, held again."""
NOBODY = "999-9"
"""An article nobody is sentenced under."""


@pytest.fixture
def custody_store(store: SqlStore, tmp_path: Path) -> SqlStore:
    imported(store, tmp_path, {"persons_cf.csv": PERSONS, "events_cf.csv": EVENTS}, NOW)
    accounts.add_user(AccountStore(store), "ana", "analyst", PASSWORD, NOW)
    return store


@pytest.fixture
def pair(custody_store: SqlStore) -> Iterator[tuple[TestClient, TestClient]]:
    app = create_app(WebSettings(custody_store.url, secure_cookies=False), custody_store)
    with TestClient(app) as analyst, TestClient(app) as public:
        login(analyst)
        yield analyst, public


def _get(client: TestClient, **params: str) -> dict[str, Any]:
    r = client.get("/api/v1/custody", params=params)
    assert r.status_code == 200, r.text
    assert not [s for s in STEMS if s in normal(r.text)], r.text
    found: dict[str, Any] = r.json()
    return found


def _rows(data: dict[str, Any]) -> dict[str, tuple[int, int]]:
    return {r["article"]: (r["persons"], r["held"]) for r in data["articles"]}


def test_the_public_counts_articles_over_public_persons_only(
    pair: tuple[TestClient, TestClient],
) -> None:
    analyst, public = pair
    # the analysts' figures show the withheld person's release and return under 361-1 ...
    assert [_rows(_get(analyst, on=d))["361-1"] for d in (BEFORE, OUT, BACK)] == [
        (1, 1),
        (1, 0),
        (1, 1),
    ]
    # ... the public's show no article of a protected person, the same on every day
    for day in (BEFORE, OUT, BACK):
        mine = _get(public, on=day)
        assert _rows(mine) == {"342": (1, 1)}, day  # the control alone
        assert not {"361-1", "130"} & {r["article"] for r in mine["articles"]}
    # protected persons are counted in one undivided row: how many, how many held (at month
    # precision: the pseudonym's release on 9 March counts from 1 March)
    assert [_get(public, on=d)["withheld"] for d in (BEFORE, OUT, BACK)] == [
        {"persons": 2, "held": 1},
        {"persons": 2, "held": 1},
        {"persons": 2, "held": 2},
    ]
    # analysts see every person by article, and nothing withheld from them
    assert _get(analyst, on=BACK)["withheld"] == {"persons": 0, "held": 0}
    assert _rows(_get(analyst, on=BACK)) == {"342": (2, 2), "361-1": (1, 1), "130": (1, 1)}


def test_an_article_only_protected_persons_hold_answers_as_one_nobody_holds(
    pair: tuple[TestClient, TestClient],
) -> None:
    _, public = pair
    for day in (BEFORE, OUT, BACK):
        unknown = _get(public, on=day, article=NOBODY)
        for held_by_protected in ("361-1", "361-1 ч.3", "130", "130 ч.3"):
            asked = _get(public, on=day, article=held_by_protected)
            assert asked["article"]["article"] == held_by_protected.split()[0]
            assert (asked["article"]["persons"], asked["article"]["held"]) == (0, 0)
            asked["article"]["article"] = NOBODY
            assert asked == unknown, (day, held_by_protected)
        # an article public and protected persons share counts the public ones alone
        assert _get(public, on=day, article="342")["article"] == {
            "article": "342",
            "persons": 1,
            "held": 1,
        }


def test_the_public_terms_ending_count_public_persons_only(
    pair: tuple[TestClient, TestClient],
) -> None:
    """The counts_only person's term (2026-03-01) enters the 12 months after 2025-03-01: the
    analysts' count moves then, the public's never does (`on` is free, so any count of a
    protected person's term by a window of days would date it)."""
    analyst, public = pair
    before, within = _get(analyst, on="2025-02-01"), _get(analyst, on=BACK)
    assert before["terms_ending"] == {"persons": 1, "by_month": {"2025-09": 1}}
    assert within["terms_ending"] == {"persons": 2, "by_month": {"2025-09": 1, "2026-03": 1}}
    for day in ("2025-02-01", BEFORE, "2025-03-02", BACK):
        assert _get(public, on=day)["terms_ending"] == {
            "persons": 1,
            "by_month": {"2025-09": 1},
        }, day


def test_a_protection_change_takes_the_person_out_of_the_rows_at_once(
    pair: tuple[TestClient, TestClient], custody_store: SqlStore
) -> None:
    _, public = pair
    assert _rows(_get(public, on=BACK)) == {"342": (1, 1)}
    editing.edit(
        custody_store,
        "person",
        "by-cf-control",
        {"protection": "withhold_name"},
        "tester",
        NOW,
        "the family asked for silence",
    )
    after = _get(public, on=BACK)
    assert after["articles"] == []
    assert after["withheld"] == {"persons": 3, "held": 3}
    assert after["terms_ending"] == {"persons": 0, "by_month": {}}
    assert _get(public, on=BACK, article="342")["article"] == {
        "article": "342",
        "persons": 0,
        "held": 0,
    }


def test_the_custody_command_is_public_unless_it_includes_protected_persons(
    custody_store: SqlStore, tmp_path: Path
) -> None:
    cli = Cli(custody_store.url, tmp_path)
    r = cli("custody", "--on", BACK, "--format", "json")
    assert r.code == 0, r.err
    data = json.loads(r.out)
    assert _rows(data) == {"342": (1, 1)}
    assert data["withheld"] == {"persons": 2, "held": 2}
    assert data["terms_ending"] == {"persons": 1, "by_month": {"2025-09": 1}}
    asked = json.loads(cli("custody", "--on", BACK, "--article", "361-1", "--format", "json").out)
    unknown = json.loads(cli("custody", "--on", BACK, "--article", NOBODY, "--format", "json").out)
    asked["article"]["article"] = NOBODY
    assert asked == unknown
    table = cli("custody", "--on", BACK)
    assert table.code == 0 and "361-1" not in table.out and "130" not in table.out
    assert "articles withheld" in " ".join(table.out.split())
    full = cli("custody", "--on", BACK, "--format", "json", "--include-protected")
    assert full.code == 0, full.err
    assert _rows(json.loads(full.out)) == {"342": (2, 2), "361-1": (1, 1), "130": (1, 1)}


def test_the_export_and_the_figures_no_longer_meet_on_an_article(custody_store: SqlStore) -> None:
    """What the red team joined: the pseudonym's release and return (exported, dated) and the
    public figures by article. The export keeps the dates (to the month); no public figure moves
    by article."""
    export = exporting.export_records(custody_store, at=NOW)
    pseudonym = next(p["id"] for p in export["persons"] if p["protection"] == "withhold_name")
    days = sorted(r["date"] for r in export["events"] if r["person_id"] == pseudonym)
    assert days == ["2023-03", "2023-06", "2025-03", "2025-05"]  # to the month
    assert "361-1" not in json.dumps(export, ensure_ascii=False)
