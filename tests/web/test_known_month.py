"""Public figures "as known on" a day never tell the day a protected person's record was entered.

A `counts_only` canary (Latin name) and a `withhold_name` canary (Cyrillic name) are entered on
days in the middle of March 2027 (their arrests long before), and a later correction of the
first one's arrest is entered in the middle of May. Every public figure as known on each day
of those months (stats, series, custody with its `withheld` row, the API and the chart
downloads, byte for byte) must be the same on every day of the month: the records count in
public figures as known from the first of the next month (`core.month_precision.known_through`).
Analysts' figures still move on the exact day of entry. Run on SQLite and PostgreSQL.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from prisonwatch.core.dates import parse_fuzzy
from prisonwatch.core.periods import Granularity
from prisonwatch.core.records import Event, Person
from prisonwatch.core.vocabulary import EventKind, Protection
from prisonwatch.services import accounts, custody, editing, figures, importing
from prisonwatch.storage.accounts import AccountStore
from prisonwatch.storage.port import Batch
from prisonwatch.storage.sql import SqlStore
from prisonwatch.web import present
from prisonwatch.web.app import create_app
from prisonwatch.web.context import Ledger, Viewer
from prisonwatch.web.settings import WebSettings
from tests.cli.conftest import SAMPLE_FILES
from tests.web.conftest import PASSWORD, login

SEEDED = datetime(2026, 11, 30, 9, 0)
LATIN = "cn-canary-latin"
CYRILLIC = "cn-canary-cyrillic"
ENTERED = {LATIN: datetime(2027, 3, 17, 14, 30), CYRILLIC: datetime(2027, 3, 9, 8, 0)}
CORRECTED = datetime(2027, 5, 20, 11, 0)
ON = date(2027, 6, 30)
PUBLIC = Viewer(None)


def _seed(store: SqlStore) -> None:
    report = importing.import_files(store, [Path(p) for p in SAMPLE_FILES], "t", SEEDED)
    assert report.ok, report.problems
    canaries = (
        (LATIN, "Canary Zzyzx", Protection.COUNTS_ONLY, "2026-12-04"),
        (CYRILLIC, "Канарейка Зызы", Protection.WITHHOLD_NAME, "2027-01-11"),
    )
    for pid, name, level, day in canaries:
        at = ENTERED[pid]
        events = [
            Event(f"{pid}-1", pid, EventKind.DETAINED, parse_fuzzy(day), at, articles=("342",)),
            Event(
                f"{pid}-2", pid, EventKind.DESIGNATED, parse_fuzzy(day), at, organisation="Viasna"
            ),
        ]
        batch = Batch(persons=[Person(pid, name, at, protection=level)], events=events)
        report = importing.import_batch(store, batch, "t", at)
        assert report.ok, report.problems
    # the Latin canary's arrest corrected to a later day (a revision entered on 20 May)
    editing.edit(store, "event", f"{LATIN}-1", {"date": "2027-02-15"}, "t", CORRECTED, "fix")


def _month(year: int, month: int) -> list[date]:
    d, out = date(year, month, 1), []
    while d.month == month:
        out.append(d)
        d += timedelta(days=1)
    return out


def _public(ledger: Ledger, known: date) -> dict[str, Any]:
    scope = figures.Scope(known_on=known)
    start = date(2026, 10, 1)
    return {
        "stock": present_stats(ledger, scope, ON, None, None),
        "series": present_stats(ledger, scope, ON, start, ON, Granularity.DAY),
        "custody": custody.public_figures(ledger.store, ledger.projection(), ON, known_on=known),
    }


def present_stats(
    ledger: Ledger, scope: figures.Scope, on: date, a: date | None, b: date | None, by: Any = None
) -> dict[str, Any]:
    data = dict(present.stats(ledger, PUBLIC, scope, on, a, b, by))
    data.pop("known_on")  # the day asked about, echoed
    return data


def _analyst_stock(store: SqlStore, known: date) -> int:
    scope = figures.Scope(known_on=known)
    data = figures.stats(figures.View.load(store, scope), scope, ON, None, None, None)
    low: int = data["stock"]["low"]
    return low


def test_public_figures_as_known_do_not_move_within_the_month_of_entry(store: SqlStore) -> None:
    _seed(store)
    ledger = Ledger(store)
    for year, month in ((2027, 3), (2027, 5)):
        days = _month(year, month)
        first = _public(ledger, days[0])
        for d in days[1:]:
            got = _public(ledger, d)
            for key, value in first.items():
                assert got[key] == value, f"public {key} as known on {d} differs from the 1st"
    # counted from the first of the next month: on 1 April both canaries are held
    march = _public(ledger, date(2027, 3, 31))["stock"]["stock"]["low"]
    april = _public(ledger, date(2027, 4, 1))["stock"]["stock"]["low"]
    assert april == march + 2
    # analysts keep the exact day of entry (and of the correction)
    assert _analyst_stock(store, date(2027, 3, 17)) == _analyst_stock(store, date(2027, 3, 16)) + 1
    assert _analyst_stock(store, date(2027, 3, 9)) == _analyst_stock(store, date(2027, 3, 8)) + 1


def _api(client: TestClient, known: date) -> list[bytes]:
    """The public answers as known on `known`, byte for byte but for the day asked about,
    which they echo."""
    q = f"known_on={known}"
    answers = [
        client.get(f"/api/v1/stats?on={ON}&{q}"),
        client.get(f"/api/v1/stats?on={ON}&from=2026-10-01&to={ON}&by=day&{q}"),
        client.get(f"/api/v1/custody?on={ON}&{q}"),
        client.get(f"/charts/stock.csv?from=2026-10-01&to={ON}&by=day&{q}"),
    ]
    assert all(r.status_code == 200 for r in answers)
    echoed = f'"known_on": "{known}"'.encode()
    return [r.content.replace(echoed, b'"known_on": "K"') for r in answers]


def test_api_as_known_is_the_same_bytes_on_every_day_of_the_month(store: SqlStore) -> None:
    """The public API's answers as known on each day of March are the same bytes; an
    analyst's move on the day each canary was entered."""
    _seed(store)
    app = create_app(WebSettings(store.url, secure_cookies=False), store)
    accounts.add_user(AccountStore(store), "ana", "analyst", PASSWORD, SEEDED)
    with TestClient(app) as public, TestClient(app) as analyst:
        login(analyst)
        days = _month(2027, 3)
        first = _api(public, days[0])
        for d in days[1:]:
            assert _api(public, d) == first, f"public answer as known on {d} moved"
        assert _api(public, date(2027, 4, 1)) != first

        def stock(known: date) -> Any:
            return analyst.get(f"/api/v1/stats?on={ON}&known_on={known}").json()["stock"]

        assert stock(date(2027, 3, 17))["low"] == stock(date(2027, 3, 16))["low"] + 1
