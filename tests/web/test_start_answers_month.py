"""Saved start answers are never sent in another month than the one they were made in.

Live public figures read month-precise (protected) persons' records as known at the end of
the month before the server's day (`services.known`): on the 1st of a month they take in
the records entered during the month before, with no write at all. Answers saved when a
server stopped in December and sent at a start in January were December's: a canary entered
on 17 December was missing from them, while the figures computed once the ledger loaded had
it. The answers are kept with the month they were made for, and a start in another month
computes them. Real app, SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from prisonwatch.core.dates import parse_fuzzy
from prisonwatch.core.records import Event, Person
from prisonwatch.core.vocabulary import EventKind, Protection
from prisonwatch.services import importing, start_answers
from prisonwatch.storage.port import Batch
from prisonwatch.storage.sql import SqlStore
from prisonwatch.web import context
from tests.web.test_incremental import sample_store
from tests.web.test_start_answers import answers, full_build, ledger_of, served

__all__ = ["sample_store"]

ENTERED = datetime(2026, 12, 17, 14, 30)
DECEMBER = datetime(2026, 12, 31, 23, 50)
JANUARY = datetime(2027, 1, 1, 0, 10)


class Clock:
    """The server's clock, set by the test."""

    def __init__(self) -> None:
        self.at = DECEMBER

    def __call__(self) -> datetime:
        return self.at


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[Clock]:
    c = Clock()
    monkeypatch.setattr(context, "now", c)
    yield c


def _canary(store: SqlStore) -> None:
    pid = "sa-canary-zhaurankevich"
    events = [Event(f"{pid}-1", pid, EventKind.DETAINED, parse_fuzzy("2025-06-03"), ENTERED)]
    person = Person(pid, "Ihar Zhaurankevich", ENTERED, protection=Protection.COUNTS_ONLY)
    report = importing.import_batch(store, Batch(persons=[person], events=events), "t", ENTERED)
    assert report.ok, report.problems


def test_answers_saved_in_a_month_are_not_sent_in_the_next(
    sample_store: SqlStore, tmp_path: Path, clock: Clock
) -> None:
    _canary(sample_store)
    path = tmp_path / "derived.snapshot"
    december = full_build(sample_store)
    with served(sample_store, path) as client:
        assert answers(client) == december
    assert start_answers.path_for(path).exists()
    # the same month: sent from the file
    with served(sample_store, path) as client:
        assert answers(client) == december
        assert ledger_of(client).served_saved > 0
    clock.at = JANUARY  # no write: the month turned
    january = full_build(sample_store)
    assert january != december  # the canary counts from 1 January
    with served(sample_store, path) as client:
        got = answers(client)
        assert ledger_of(client).served_saved == 0
    assert got == january
