"""The live public figures never tell the day a protected person's record was entered.

A `counts_only` canary (Latin name) and a `withhold_name` canary (Cyrillic name) are entered
through the services in the middle of March 2027 (their arrests long before), while the
server's clock stands on several days of that month. Every live public answer (no `known_on`:
stats, a daily series, custody with its `withheld` row, deals, the chart download, byte for
byte) is the same on each of those days, before the entry and after it, and takes both
canaries in from 1 April (`services.known`: month-precise persons' records as known at the end
of the month before today's). An analyst's figures take them in at once. Then a correction of
the first canary's arrest entered mid-April moves no public answer until 1 May. Run on SQLite
and PostgreSQL.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from prisonwatch.core.dates import parse_fuzzy
from prisonwatch.core.records import Event, Person
from prisonwatch.core.vocabulary import EventKind, Protection
from prisonwatch.services import accounts, editing, importing
from prisonwatch.storage.accounts import AccountStore
from prisonwatch.storage.port import Batch
from prisonwatch.storage.sql import SqlStore
from prisonwatch.web import context
from prisonwatch.web.app import create_app
from prisonwatch.web.settings import WebSettings
from tests.cli.conftest import SAMPLE_FILES
from tests.web.conftest import PASSWORD

SEEDED = datetime(2026, 11, 30, 9, 0)
ON = date(2027, 6, 30)
CANARIES = (
    ("cn-live-latin", "Canary Zzyzx", Protection.COUNTS_ONLY, "2026-12-04"),
    ("cn-live-cyrillic", "Канарейка Зызы", Protection.WITHHOLD_NAME, "2027-01-11"),
)


class Clock:
    """The server's clock, set by the test."""

    def __init__(self) -> None:
        self.at = SEEDED

    def __call__(self) -> datetime:
        return self.at


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[Clock]:
    c = Clock()
    monkeypatch.setattr(context, "now", c)
    yield c


def _enter(store: SqlStore, at: datetime) -> None:
    for pid, name, level, day in CANARIES:
        events = [
            Event(f"{pid}-1", pid, EventKind.DETAINED, parse_fuzzy(day), at, articles=("342",)),
            Event(
                f"{pid}-2", pid, EventKind.DESIGNATED, parse_fuzzy(day), at, organisation="Viasna"
            ),
        ]
        batch = Batch(persons=[Person(pid, name, at, protection=level)], events=events)
        report = importing.import_batch(store, batch, "t", at)
        assert report.ok, report.problems


def _live(client: TestClient) -> list[bytes]:
    """Every live public answer, byte for byte (each asked for a fixed day, not today)."""
    answers = [
        client.get(f"/api/v1/stats?on={ON}"),
        client.get(f"/api/v1/stats?on={ON}&from=2026-10-01&to={ON}&by=day"),
        client.get(f"/api/v1/stats?on={ON}&from=2026-01-01&to={ON}&by=month&org=Viasna"),
        client.get(f"/api/v1/custody?on={ON}"),
        client.get(f"/api/v1/deals?from=2020-01-01&to={ON}"),
        client.get(f"/charts/stock.csv?from=2026-10-01&to={ON}&by=day"),
    ]
    assert all(r.status_code == 200 for r in answers), [r.text for r in answers]
    return [r.content for r in answers]


def test_live_public_answers_move_by_a_protected_entry_on_the_first_of_a_month_only(
    store: SqlStore, clock: Clock
) -> None:
    report = importing.import_files(store, [Path(p) for p in SAMPLE_FILES], "t", SEEDED)
    assert report.ok, report.problems
    app = create_app(WebSettings(store.url, secure_cookies=False), store)
    ana = accounts.add_user(AccountStore(store), "ana", "analyst", PASSWORD, SEEDED)
    # a token for scripts, valid through the months the clock is set on
    token = accounts.new_api_token(AccountStore(store), ana, "t", SEEDED, days=365)
    with TestClient(app) as public, TestClient(app) as analyst:
        analyst.headers["Authorization"] = f"Bearer {token}"

        def stock() -> int:
            held: int = analyst.get(f"/api/v1/stats?on={ON}").json()["stock"]["low"]
            return held

        clock.at = datetime(2027, 3, 1, 0, 5)
        first = _live(public)
        for day in (2, 9, 17):
            clock.at = datetime(2027, 3, day, 10, 0)
            assert _live(public) == first, f"live public answer moved on 3-{day}"
        before = stock()
        clock.at = datetime(2027, 3, 17, 14, 30)
        _enter(store, clock.at)
        assert stock() == before + 2  # analysts see them at once
        for day, hour in ((17, 14), (17, 23), (18, 9), (31, 23)):
            clock.at = datetime(2027, 3, day, hour, 59)
            assert _live(public) == first, f"live public answer moved on 3-{day} {hour}h"
        # from the first of the next month on, both are counted
        clock.at = datetime(2027, 4, 1, 0, 1)
        april = _live(public)
        assert april != first
        held = public.get(f"/api/v1/stats?on={ON}").json()["stock"]["low"]
        assert held == public_stock(first) + 2
        # a correction of the first canary's arrest (to a later day) entered mid-April: no
        # live public answer moves until 1 May; analysts' series move at once
        series = f"/api/v1/stats?on={ON}&from=2026-10-01&to={ON}&by=day"
        exact = analyst.get(series).content
        clock.at = datetime(2027, 4, 20, 11, 0)
        pid = CANARIES[0][0]
        editing.edit(store, "event", f"{pid}-1", {"date": "2027-02-15"}, "t", clock.at, "fix")
        assert analyst.get(series).content != exact
        for day in (20, 30):
            clock.at = datetime(2027, 4, day, 12, 0)
            assert _live(public) == april, f"live public answer moved on 4-{day}"
        clock.at = datetime(2027, 5, 1, 8, 0)
        assert _live(public) != april


def public_stock(answers: list[bytes]) -> int:
    held: int = json.loads(answers[0])["stock"]["low"]
    return held
