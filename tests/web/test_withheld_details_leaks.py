"""Red team's open items: a protected person's individual facts beside a pseudonym or a date.

1. The public export gave a withheld (pseudonymised) person's events their articles, sentence
   length and term end: with an exact date, an article number and a sentence a pseudonymous row
   often names its person (court reports are public). Such a row now keeps only what the
   figures need; the custody figures keep counting the person, in one undivided row
   (counted, never described).
2. A deal's timeline showed the day on which a protected person it freed went back into
   custody ("a person freed by the deal back in custody", dated). The public now sees such
   returns only as counts in the deal's totals; a public person's return stays on the timeline,
   and analysts keep every return, dated and named.

The surnames are made up, so any trace of them in a public answer is a leak.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from prisonwatch.services import accounts, editing, exporting
from prisonwatch.storage.accounts import AccountStore
from prisonwatch.storage.sql import SqlStore
from prisonwatch.web.app import create_app
from prisonwatch.web.settings import WebSettings
from tests.web.conftest import PASSWORD, login
from tests.web.leak_canaries import imported, normal

NOW = datetime(2026, 11, 29, 12, 0)
DEAL = "BY-RET-2025-03-09"
QUIET = "BY-RET-2025-04-20"
PERSONS = (
    "id,name,aliases,birth_year,gender,region,country,protection,note,recorded_at\n"
    "by-ret-zh,Ihar Zhaurankevich,Ігар Жаўранкевіч,1971,male,,BY,withhold_name,,2025-01-01\n"
    "by-ret-lu,Zmicier Lukjančyk,Зміцер Лук'янчык,1969,male,,BY,counts_only,,2025-01-01\n"
    "by-ret-control,Raman Darashevich,Раман Дарашэвіч,1980,male,,BY,public,,2025-01-01\n"
    "by-ret-quiet,Ales Pamylkovich,,1960,male,,BY,public,,2025-01-01\n"
)
DEALS = (
    "id,date,country,parties,mediator,concessions,reported_released,"
    "reported_political_prisoners,figures_by,source_url,note,recorded_at\n"
    f"{DEAL},2025-03-09,BY,Belarus|United States,,,3,3,Viasna,,,2025-03-10\n"
    f"{QUIET},2025-04-20,BY,Belarus|Lithuania,,,1,1,Viasna,,,2025-04-21\n"
)
EVENTS = (
    "id,person_id,kind,date,mechanism,deal_id,articles,sentence,term_ends,court,recorded_at\n"
    "ret-zh-1,by-ret-zh,detained,2023-03-01,,,,,,,2025-01-01\n"
    "ret-zh-2,by-ret-zh,sentenced,2023-06-14,,,361-1 ч.3|342 ч.1,6y,2029-06-14,"
    "Vitsebsk Regional Court,2025-01-01\n"
    f"ret-zh-3,by-ret-zh,released,2025-03-09,deal,{DEAL},,,,,2025-03-10\n"
    "ret-zh-4,by-ret-zh,returned_to_custody,2025-05-17,,,,,,,2025-05-20\n"
    "ret-lu-1,by-ret-lu,detained,2022-05-01,,,,,,,2025-01-01\n"
    "ret-lu-2,by-ret-lu,sentenced,2022-09-02,,,130 ч.3,4y,,,2025-01-01\n"
    f"ret-lu-3,by-ret-lu,released,2025-03-09,deal,{DEAL},,,,,2025-03-10\n"
    "ret-lu-4,by-ret-lu,returned_to_custody,2025-06-02,,,,,,,2025-06-05\n"
    "ret-c-1,by-ret-control,detained,2022-01-10,,,,,,,2025-01-01\n"
    "ret-c-2,by-ret-control,sentenced,2022-04-11,,,342 ч.2,3y,,Minsk City Court,2025-01-01\n"
    f"ret-c-3,by-ret-control,released,2025-03-09,deal,{DEAL},,,,,2025-03-10\n"
    "ret-c-4,by-ret-control,returned_to_custody,2025-07-03,,,,,,,2025-07-04\n"
    "ret-q-1,by-ret-quiet,detained,2022-02-01,,,,,,,2025-01-01\n"
    f"ret-q-2,by-ret-quiet,released,2025-04-20,deal,{QUIET},,,,,2025-04-21\n"
)
STEMS = ("zhaurank", "жаўранкев", "lukjan", "лукян", "by-ret-zh", "by-ret-lu", "ret-zh", "ret-lu")
HIDDEN_DAYS = ("2025-05-17", "2025-06-02", "17 May 2025", "2 Jun 2025", "2 June 2025")
"""The days the protected persons went back into custody, as the API and the pages write them."""


@pytest.fixture
def returns_store(store: SqlStore, tmp_path: Path) -> SqlStore:
    files = {"persons_ret.csv": PERSONS, "deals_ret.csv": DEALS, "events_ret.csv": EVENTS}
    imported(store, tmp_path, files, NOW)
    accounts.add_user(AccountStore(store), "ana", "analyst", PASSWORD, NOW)
    return store


@pytest.fixture
def pair(returns_store: SqlStore) -> Iterator[tuple[TestClient, TestClient]]:
    app = create_app(WebSettings(returns_store.url, secure_cookies=False), returns_store)
    with TestClient(app) as analyst, TestClient(app) as public:
        login(analyst)
        yield analyst, public


def _traces(body: str, days: tuple[str, ...] = HIDDEN_DAYS) -> list[str]:
    n = normal(body)
    return [s for s in STEMS if s in n] + [d for d in days if d.casefold() in n]


def test_a_withheld_persons_events_are_exported_without_custody_details(
    returns_store: SqlStore,
) -> None:
    export = exporting.export_records(returns_store, at=NOW)
    pseudonym = next(p["id"] for p in export["persons"] if p["name"] != "Raman Darashevich"
                     and p["protection"] == "withhold_name")  # fmt: skip
    hidden = [r for r in export["events"] if r["person_id"] == pseudonym]
    assert sorted(r["kind"] for r in hidden) == [
        "detained",
        "released",
        "returned_to_custody",
        "sentenced",
    ]
    for row in hidden:
        assert (row["articles"], row["sentence"], row["term_ends"], row["court"]) == (
            "",
            None,
            None,
            None,
        ), row
    # what the figures need stays: kind, date (to the month), mechanism, the deal
    released = next(r for r in hidden if r["kind"] == "released")
    assert (released["date"], released["mechanism"], released["deal_id"]) == (
        "2025-03",
        "deal",
        DEAL,
    )
    # the control: a public person's custody details are exported as before
    control = next(
        r for r in export["events"] if r["person_id"] == "by-ret-control" and r["articles"]
    )
    assert (control["articles"], control["sentence"], control["court"]) == (
        "342 ч.2",
        "3y",
        "Minsk City Court",
    )
    text = "".join(exporting.to_csv(rows, kind) for kind, rows in export.items())
    assert "361-1" not in text and "6y" not in text and "2029-06-14" not in text
    # the export keeps the pseudonym's dates (the figures need them), never a name or id
    assert not _traces(text, days=()), _traces(text, days=())


def test_custody_figures_count_withheld_persons_undivided(
    pair: tuple[TestClient, TestClient],
) -> None:
    """Counted, never described: the public's custody figures count the withheld and the
    counts_only person in one undivided row, never by article (tests/web/
    test_custody_figure_leaks.py); the analysts' count everyone by article."""
    analyst, public = pair
    on = date(2025, 8, 1).isoformat()
    mine, theirs = (c.get("/api/v1/custody", params={"on": on}).json() for c in (public, analyst))
    assert {r["article"]: r["persons"] for r in mine["articles"]} == {"342": 1}
    assert mine["withheld"] == {"persons": 2, "held": 2}
    counts = {r["article"]: r["persons"] for r in theirs["articles"]}
    assert counts == {"342": 2, "361-1": 1, "130": 1}
    assert theirs["withheld"] == {"persons": 0, "held": 0}


def _deal(client: TestClient, deal_id: str) -> dict[str, object]:
    r = client.get(f"/api/v1/deals/{deal_id}")
    assert r.status_code == 200, r.text
    found: dict[str, object] = r.json()
    return found


def test_the_public_sees_protected_returns_only_as_counts(
    pair: tuple[TestClient, TestClient],
) -> None:
    _, public = pair
    d = _deal(public, DEAL)
    registry = d["registry"]
    assert isinstance(registry, dict)
    assert registry["returned_to_custody"] == 3  # everyone counts
    assert registry["returned_withheld"] == 2
    assert [p["name"] for p in registry["returned_persons"]] == ["Raman Darashevich"]
    assert (registry["released"], registry["released_withheld"]) == (3, 2)
    timeline = d["timeline"]
    assert isinstance(timeline, list)
    returns = [t for t in timeline if t["moment"] == "returned_to_custody"]
    # the public person's return stays, dated and named; no other return is a moment
    assert [(t["date"], t["person"]) for t in returns] == [("2025-07-03", "Raman Darashevich")]
    for path in (
        f"/api/v1/deals/{DEAL}",
        "/api/v1/deals",
        "/api/v1/deals.csv",
        f"/deals/{DEAL}",
        "/deals",
        "/?from=2025-01-01&to=2025-12-31",
        "/charts/deals.svg?from=2025-01-01&to=2025-12-31",
        "/api/v1/events",
        "/api/v1/events.csv",
        "/persons/by-ret-control",
    ):
        r = public.get(path)
        assert r.status_code == 200, path
        assert not _traces(r.text), (path, _traces(r.text))
    page = public.get(f"/deals/{DEAL}").text
    assert "and 2 more whose names are withheld" in page
    assert page.count("back in custody") == 1  # Darashevich's moment on the timeline


def test_a_deal_answers_in_the_same_form_with_and_without_protected_returns(
    pair: tuple[TestClient, TestClient],
) -> None:
    _, public = pair
    busy, quiet = _deal(public, DEAL), _deal(public, QUIET)
    assert busy.keys() == quiet.keys()
    assert isinstance(quiet["registry"], dict) and isinstance(busy["registry"], dict)
    assert quiet["registry"].keys() == busy["registry"].keys()
    assert (quiet["registry"]["returned_withheld"], quiet["registry"]["released_withheld"]) == (
        0,
        0,
    )
    assert "withheld" not in public.get(f"/deals/{QUIET}").text


def test_analysts_keep_every_return_on_the_timeline(pair: tuple[TestClient, TestClient]) -> None:
    analyst, _ = pair
    d = _deal(analyst, DEAL)
    timeline = d["timeline"]
    assert isinstance(timeline, list) and isinstance(d["registry"], dict)
    returns = [(t["date"], t["person"]) for t in timeline if t["moment"] == "returned_to_custody"]
    assert returns == [
        ("2025-05-17", "Ihar Zhaurankevich"),
        ("2025-06-02", "Zmicier Lukjančyk"),
        ("2025-07-03", "Raman Darashevich"),
    ]
    assert d["registry"]["returned_withheld"] == 0
    assert len(d["registry"]["returned_persons"]) == 3
    page = analyst.get(f"/deals/{DEAL}").text
    assert "Ihar Zhaurankevich back in custody" in page


def test_a_return_leaves_the_public_timeline_as_soon_as_the_person_is_protected(
    pair: tuple[TestClient, TestClient], returns_store: SqlStore
) -> None:
    """A family asks for silence after the deal: the person's return, on the public timeline
    while they were public, leaves it on the next request (no saved answer keeps it)."""
    _, public = pair
    before = _deal(public, DEAL)
    assert isinstance(before["timeline"], list)
    assert "2025-07-03" in {t["date"] for t in before["timeline"]}
    editing.edit(
        returns_store,
        "person",
        "by-ret-control",
        {"protection": "withhold_name"},
        "tester",
        NOW,
        "the family asked for silence",
    )
    after = _deal(public, DEAL)
    assert isinstance(after["timeline"], list) and isinstance(after["registry"], dict)
    assert "returned_to_custody" not in {t["moment"] for t in after["timeline"]}
    assert after["registry"]["returned_persons"] == []
    assert (after["registry"]["returned_to_custody"], after["registry"]["returned_withheld"]) == (
        3,
        3,
    )
    for path in (f"/api/v1/deals/{DEAL}", f"/deals/{DEAL}", "/api/v1/deals.csv"):
        body = public.get(path).text
        assert "2025-07-03" not in body and "Darashevich" not in body, path
