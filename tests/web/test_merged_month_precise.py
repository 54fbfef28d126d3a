"""A merge that joins a public record and a protected one moves no public figure before the
first of the next month.

A protected (`counts_only`) person's records count in public figures as known on a day only
from the first of the month after they were entered (`services.known`), and that holds for
the records merged into them (`level_of`: a record merged into a protected person is that
person, under their protection). A merge is a change of a record too: the day of a merge of
a public record into a protected one (a duplicate found, or a maiden name) must not show in
public figures as known on the days of its month, nor in the live figures of those days, or
comparing two days' figures would tell that a protected person is the same as a record once
public. The custody figures read the merges as they stood on the day asked (or now), beside
the protected persons' records read as they stood at the end of the last month: the merge
took the public record's sentence out of the `withheld` row's second person on the day
it was made. Run on SQLite and PostgreSQL.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from prisonwatch.core.dates import parse_fuzzy
from prisonwatch.core.records import Event, Person
from prisonwatch.core.vocabulary import EventKind, Protection
from prisonwatch.services import custody, demands, figures, importing, matching
from prisonwatch.services.public import Projection
from prisonwatch.storage.port import Batch
from prisonwatch.storage.sql import SqlStore
from prisonwatch.web import context, present
from prisonwatch.web.app import create_app
from prisonwatch.web.context import Ledger, Viewer
from prisonwatch.web.settings import WebSettings
from tests.web.leak_canaries import NOW, imported

ENTERED = datetime(2025, 1, 10, 9, 0)
MERGED = datetime(2026, 11, 17, 14, 30)
ON = date(2026, 11, 20)
DAYS = (date(2026, 11, 2), date(2026, 11, 16), date(2026, 11, 17), date(2026, 11, 30))
ROOT = "mm-canary-zhaurankevich"
RECORD = "mm-record-zhaurankevich-dup"


def _seed(store: SqlStore) -> None:
    def events(pid: str, article: str, term: str) -> list[Event]:
        return [
            Event(f"{pid}-1", pid, EventKind.DETAINED, parse_fuzzy("2023-03-01"), ENTERED),
            Event(
                f"{pid}-2",
                pid,
                EventKind.SENTENCED,
                parse_fuzzy("2023-06-14"),
                ENTERED,
                articles=(article,),
                term_ends=date.fromisoformat(term),
            ),
        ]

    persons = [
        Person(ROOT, "Ihar Zhaurankevich", ENTERED, protection=Protection.COUNTS_ONLY),
        Person(RECORD, "Ігар Жаўранкевіч", ENTERED),
        Person("mm-control", "Raman Darashevich", ENTERED),
    ]
    batch = Batch(
        persons=persons,
        events=[
            *events(ROOT, "342 ч.1", "2027-03-01"),
            *events(RECORD, "361-1", "2027-04-01"),
            *events("mm-control", "130", "2027-05-01"),
        ],
    )
    report = importing.import_batch(store, batch, "t", ENTERED)
    assert report.ok, report.problems
    matching.merge(store, ROOT, RECORD, "t", MERGED, "the same man")


def _public(store: SqlStore, proj: Projection, known_on: date | None, live: date | None) -> Any:
    view = figures.View.load(store, figures.Scope(known_on=known_on), proj.month_precise, live)
    stats = figures.stats(view, figures.Scope(known_on=known_on), ON, None, None, None)
    return (
        custody.public_figures(store, proj, ON, known_on=known_on, live_day=live),
        {k: stats[k] for k in ("stock",) if k in stats},
    )


def test_merge_into_protected_moves_no_public_figure_within_its_month(store: SqlStore) -> None:
    _seed(store)
    proj = Projection.build(store)
    # the record merged into the protected person is that person: protected, month-precise
    assert {ROOT, RECORD} <= proj.month_precise and RECORD not in proj.persons
    as_known = [_public(store, proj, day, None) for day in DAYS]
    for day, answer in zip(DAYS, as_known, strict=True):
        assert answer == as_known[0], f"as known on {day}: the merge shows on its day"
    live = [_public(store, proj, None, day) for day in DAYS]
    for day, answer in zip(DAYS, live, strict=True):
        assert answer == live[0], f"live on {day}: the merge shows on its day"
    # from the first of the next month it counts (one person, not two)
    after = _public(store, proj, date(2026, 12, 1), None)
    assert after[0]["withheld"] != as_known[0][0]["withheld"]


def test_demand_names_no_public_root_a_protected_record_was_merged_into(
    store: SqlStore, tmp_path: Path
) -> None:
    """A protected record merged into a public one makes the joined person protected
    (`level_of`): their names are withheld everywhere. A demand's public answer kept a name
    matched to the public root by the root's own protection, and showed it."""
    persons = (
        "id,name,protection,recorded_at\n"
        "dm-root,Ales Zhaurankevich-Root,public,2025-01-01\n"
        "dm-canary,Ігар Жаўранкевіч,withhold_name,2025-01-01\n"
        "dm-control,Jan Kowalczyk,public,2025-01-01\n"
    )
    ids = ("dm-root", "dm-canary", "dm-control")
    events = "id,person_id,kind,date,recorded_at\n"
    events += "".join(f"{p}-1,{p},detained,2025-03-01,2025-03-02\n" for p in ids)
    imported(store, tmp_path, {"persons_dm.csv": persons, "events_dm.csv": events}, NOW)
    matching.merge(store, "dm-root", "dm-canary", "t", NOW, "the same man")
    demands.record(
        store,
        by="European Parliament",
        made_on=parse_fuzzy("2025-06-01"),
        actor="t",
        now=NOW,
        names=[("Ales Zhaurankevich-Root", "dm-root"), ("Jan Kowalczyk", "dm-control")],
        source_ids=[demands.source_for(store, "https://e.org/appeal", None, NOW)],
    )
    assert "dm-root" not in Projection.build(store).persons  # protected with its record
    app = create_app(WebSettings(store.url, secure_cookies=False), store)
    with TestClient(app) as client:
        listing = client.get("/api/v1/demands").json()["rows"]
        assert len(listing) == 1
        bodies = [json.dumps(listing, ensure_ascii=False)]
        one = client.get(f"/api/v1/demands/{listing[0]['id']}")
        bodies += [one.text, client.get(f"/demands/{listing[0]['id']}").text]
        bodies += [client.get("/demands").text]
        assert "Kowalczyk" in one.text  # the public control is shown
        for body in bodies:
            assert "zhaurank" not in body.casefold(), body[:2000]
            assert "dm-root" not in body


def test_org_and_country_known_only_from_a_merged_protected_record_are_unknown(
    store: SqlStore, tmp_path: Path
) -> None:
    """An organisation known only from a protected person's designation is answered as an
    unknown one (`?org=`: 400 naming no such organisation), and so is a country known only
    through a `counts_only` person. A protected record merged into a public one is that
    person's: its events stand under the public record's id, and by that record's own level
    its organisation and its country were known to the public."""
    persons = (
        "id,name,country,protection,recorded_at\n"
        "ko-root,Ales Root,XK,public,2025-01-01\n"
        "ko-canary,Ігар Жаўранкевіч,XK,counts_only,2025-01-01\n"
        "ko-control,Jan Kowalczyk,BY,public,2025-01-01\n"
    )
    events = (
        "id,person_id,kind,date,organisation,recorded_at\n"
        "ko-1,ko-canary,designated,2025-03-01,Zzyzx Watch,2025-03-02\n"
        "ko-2,ko-control,designated,2025-03-01,Viasna,2025-03-02\n"
    )
    imported(store, tmp_path, {"persons_ko.csv": persons, "events_ko.csv": events}, NOW)
    matching.merge(store, "ko-root", "ko-canary", "t", NOW, "the same man")
    orgs, countries = figures.View.load(store, figures.Scope()).known_names(public=True)
    assert "Viasna" in orgs and "BY" in countries
    assert "Zzyzx Watch" not in orgs and "XK" not in countries
    app = create_app(WebSettings(store.url, secure_cookies=False), store)
    with TestClient(app) as client:
        known = client.get("/api/v1/stats?org=Zzyzx%20Watch")
        unknown = client.get("/api/v1/stats?org=Qqqqq%20Watch")
        assert known.status_code == unknown.status_code == 400
        assert len(known.content) - len("Zzyzx") == len(unknown.content) - len("Qqqqq")


def test_live_public_view_takes_in_a_merge_on_the_first_of_the_next_month(
    store: SqlStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The served live figures (`Ledger.public_view`, made from the analysts' view and kept
    current write by write) read the merge as `View.load` does."""
    _seed(store)
    answers = {}
    for day in (*DAYS, date(2026, 12, 1)):
        monkeypatch.setattr(context, "now", lambda day=day: datetime.combine(day, time(12)))
        ledger = Ledger(store)
        stats = present.stats(ledger, Viewer(None), figures.Scope(), ON, None, None, None)
        live = custody.public_figures(store, ledger.projection(), ON, live_day=day)
        answers[day] = (stats["stock"], live["withheld"])
    first = answers[DAYS[0]]
    for day in DAYS:
        assert answers[day] == first, f"live on {day}: the merge shows on its day"
    assert answers[date(2026, 12, 1)] != first  # one person from the 1st
