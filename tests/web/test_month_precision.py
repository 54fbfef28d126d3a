"""Public figures never move within a month by a `counts_only` person's event.

A canary `counts_only` person is jailed, designated, freed, re-arrested, freed and jailed and
freed again within one month; the test moves every one of those events to another day of the
same month (three variants) and asks the public figures (stock on every day of those months,
daily and monthly series with flows and event counts, the revolving door over one-day windows,
a scoped series, deals, the custody figures' `withheld` row) after each move: they must be the
same whatever the day. Analysts' figures still move with the exact day. A ledger kept current
write by write answers as one built afresh. Run on SQLite and PostgreSQL.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from prisonwatch.core.dates import parse_fuzzy
from prisonwatch.core.periods import Granularity
from prisonwatch.core.records import Event, Person
from prisonwatch.core.vocabulary import EventKind, Protection, ReleaseMechanism
from prisonwatch.services import accounts, custody, editing, figures, importing
from prisonwatch.storage.accounts import AccountStore, User
from prisonwatch.storage.port import Batch
from prisonwatch.storage.sql import SqlStore
from prisonwatch.web import present
from prisonwatch.web.app import create_app
from prisonwatch.web.context import Ledger, Viewer
from prisonwatch.web.settings import WebSettings
from tests.cli.conftest import SAMPLE_FILES
from tests.web.conftest import PASSWORD, login

AT = datetime(2026, 11, 30, 12, 0)
PUBLIC = Viewer(None)
ANALYST = Viewer(User(1, "ana", "analyst", "x"))
CANARY = "cn-canary-person"
YEAR = 2025
MONTHS = (3, 5, 7, 9)

# (event id, kind, month, mechanism): the canary's events, in their true order
SHAPE = (
    ("cn-1", EventKind.DETAINED, 3, None),
    ("cn-2", EventKind.DESIGNATED, 3, None),
    ("cn-3", EventKind.RELEASED, 5, ReleaseMechanism.PARDON),
    ("cn-4", EventKind.RETURNED_TO_CUSTODY, 5, None),  # re-arrested in the month of release
    ("cn-5", EventKind.RELEASED, 7, ReleaseMechanism.TERM_SERVED),
    ("cn-6", EventKind.DETAINED, 9, None),
    ("cn-7", EventKind.RELEASED, 9, ReleaseMechanism.AMNESTY),  # jailed and freed in a month
)
# the day of each event in each variant: every day later than in the variant before, so that
# moving the events one by one (latest first) never puts a release before its arrest
VARIANTS = (
    (2, 2, 3, 4, 1, 2, 3),
    (15, 15, 14, 16, 15, 14, 16),
    (31, 31, 30, 31, 31, 29, 30),
)


def _day(month: int, day: int) -> str:
    return date(YEAR, month, day).isoformat()


def _seed(store: SqlStore) -> None:
    report = importing.import_files(store, [Path(p) for p in SAMPLE_FILES], "t", AT)
    assert report.ok, report.problems
    person = Person(CANARY, "Canary Zzyzx", AT, protection=Protection.COUNTS_ONLY)
    events = [
        Event(
            eid,
            CANARY,
            kind,
            parse_fuzzy(_day(month, VARIANTS[0][i])),
            AT,
            mechanism=mech,
            organisation="Viasna" if kind is EventKind.DESIGNATED else None,
            articles=("342",) if eid == "cn-1" else (),
            term_ends=date(2027, 6, 1) if eid == "cn-1" else None,
        )
        for i, (eid, kind, month, mech) in enumerate(SHAPE)
    ]
    report = importing.import_batch(store, Batch(persons=[person], events=events), "t", AT)
    assert report.ok, report.problems


def _move(store: SqlStore, variant: int) -> None:
    """Move every canary event to its day in `variant`, each within its month."""
    days = VARIANTS[variant]
    for i in reversed(range(len(SHAPE))):
        eid, _, month, _ = SHAPE[i]
        editing.edit(store, "event", eid, {"date": _day(month, days[i])}, "t", AT, "move")


def _days() -> list[date]:
    out = []
    for m in MONTHS:
        d = date(YEAR, m, 1)
        while d.month == m:
            out.append(d)
            d += timedelta(days=1)
    return out


def _public(ledger: Ledger) -> dict[str, Any]:
    """Every public figure the canary's days could move."""
    scope, org = figures.Scope(), figures.Scope(organisation="Viasna")
    start, end = date(YEAR, 1, 1), date(YEAR, 12, 31)
    out: dict[str, Any] = {
        "stock": [present.stats(ledger, PUBLIC, scope, d, None, None, None) for d in _days()],
        "daily": present.stats(ledger, PUBLIC, scope, end, start, end, Granularity.DAY),
        "monthly": present.stats(ledger, PUBLIC, scope, end, start, end, Granularity.MONTH),
        "org_daily": present.stats(ledger, PUBLIC, org, end, start, end, Granularity.DAY),
        # the revolving door and flows over one-day windows
        "windows": [
            present.stats(ledger, PUBLIC, scope, d, d, d, Granularity.DAY)["revolving_door"]
            for d in _days()
        ],
        "deals": present.deals(ledger, PUBLIC, scope),
        "custody": [
            custody.public_figures(ledger.store, ledger.projection(), d)["withheld"]
            for d in _days()
        ],
    }
    return out


def _analyst_stock(ledger: Ledger, day: date) -> int:
    data = present.stats(ledger, ANALYST, figures.Scope(), day, None, None, None)
    low: int = data["stock"]["low"]
    return low


def test_public_figures_do_not_move_within_a_month_by_a_counts_only_event(
    store: SqlStore,
) -> None:
    _seed(store)
    kept = Ledger(store)
    first = _public(kept)
    analyst_first = _analyst_stock(Ledger(store), date(YEAR, 3, 10))
    # the canary is counted: held all of March in public figures (from the 1st)
    plain = first["stock"]
    assert plain[0]["stock"] == plain[30]["stock"]
    for variant in (1, 2):
        _move(store, variant)
        rebuilt_before = kept.rebuilt
        kept.invalidate()
        fresh = _public(Ledger(store))
        for key, value in fresh.items():
            assert value == first[key], f"variant {variant}: public {key} moved with the day"
        got = _public(kept)
        assert kept.rebuilt == rebuilt_before, "the move was not taken in through the feed"
        for key, value in fresh.items():
            assert got[key] == value, f"variant {variant}: {key} kept current differs"
    # analysts' figures stay exact: on 10 March the canary was held in the first variant
    # (jailed on the 2nd) and not yet in the last (jailed on the 31st)
    assert _analyst_stock(Ledger(store), date(YEAR, 3, 10)) == analyst_first - 1


def test_month_precision_counts_the_canary_from_the_first_of_the_month(store: SqlStore) -> None:
    """The rule itself: a counts_only person's arrest counts from the 1st of its month, a
    release from the 1st of its month; jailed and freed in one month they are in that
    month's inflow and outflow, never in the stock."""
    _seed(store)
    _move(store, 1)  # mid-month days
    ledger = Ledger(store)
    scope = figures.Scope()

    def public_stock(d: date) -> int:
        low: int = present.stats(ledger, PUBLIC, scope, d, None, None, None)["stock"]["low"]
        return low

    def exact(d: date) -> int:
        return _analyst_stock(ledger, d)

    # before March the two agree; from 1 March the public counts the canary, analysts from
    # the 15th; from 1 May (release 14 May, re-arrest 16 May) the public counts them held
    # (freed and re-arrested in one month: held across it)
    feb = date(YEAR, 2, 28)
    assert public_stock(feb) == exact(feb)
    assert public_stock(date(YEAR, 3, 1)) - exact(date(YEAR, 3, 1)) == 1
    assert public_stock(date(YEAR, 3, 20)) == exact(date(YEAR, 3, 20))
    assert public_stock(date(YEAR, 7, 1)) - exact(date(YEAR, 7, 1)) == -1
    sep_1, sep_30 = date(YEAR, 9, 1), date(YEAR, 9, 30)
    month = present.stats(ledger, PUBLIC, scope, sep_30, sep_1, sep_30, Granularity.MONTH)
    analysts = present.stats(ledger, ANALYST, scope, sep_30, sep_1, sep_30, Granularity.MONTH)
    (sep,), (sep_exact,) = month["series"], analysts["series"]
    assert sep["inflow"] == sep_exact["inflow"]
    assert sep["outflow"] == sep_exact["outflow"]
    assert month["identity"]["holds"]


def _api(client: TestClient) -> dict[str, Any]:
    days = [d for d in _days() if d.month == 3]
    return {
        "stock": [client.get(f"/api/v1/stats?on={d}").json()["stock"] for d in days],
        "series": client.get("/api/v1/stats?on=2025-12-31&from=2025-01-01&by=day").json()["series"],
        "chart": client.get("/charts/stock.csv?from=2025-01-01&to=2025-12-31&by=day").text,
        "flows": client.get("/charts/flows.csv?from=2025-01-01&to=2025-12-31&by=day").text,
        "page": client.get("/?from=2025-03-01&to=2025-03-31&by=day").text,
    }


def test_api_pages_and_chart_downloads_show_month_precision(store: SqlStore) -> None:
    """The public API, the dashboard and its chart downloads (the public export of the
    figures) are the same whichever day of the month the canary's events fall on; an
    analyst's API answer moves with the day."""
    _seed(store)
    app = create_app(WebSettings(store.url, secure_cookies=False), store)
    accounts.add_user(AccountStore(store), "ana", "analyst", PASSWORD, AT)
    with TestClient(app) as public, TestClient(app) as analyst:
        login(analyst)
        first = _api(public)
        before = analyst.get("/api/v1/stats?on=2025-03-10").json()["stock"]
        _move(store, 2)
        after = _api(public)
        for key, value in first.items():
            assert after[key] == value, f"public {key} moved with the canary's day"
        moved = analyst.get("/api/v1/stats?on=2025-03-10").json()["stock"]
        assert moved["low"] == before["low"] - 1
