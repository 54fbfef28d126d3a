"""`audit verify` compares the records with the chain in worker processes, span by span, beside
the chain (`services.audit_workers`): a record changed in SQL is named in whichever span it
lies (the first, the last, either side of a boundary between two), the answer is the one the
check in one process gives, and a broken chain is still named first. Spans of five records
here, so that a small ledger has many; both backends."""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from datetime import date, datetime

import pytest
from sqlalchemy import text

from prisonwatch.core.dates import parse_fuzzy
from prisonwatch.core.records import Event, Person, Source
from prisonwatch.core.vocabulary import EventKind
from prisonwatch.services import audit_trail, audit_workers
from prisonwatch.storage import audit, audit_records
from prisonwatch.storage.port import Batch
from prisonwatch.storage.sql import SqlStore

AT = datetime(2026, 11, 30, 12, 0)
PERSONS = 42  # spans of 5: eight full ones and two left for the last, which runs past every id
SOURCE = Source(
    "src-court", "https://example.org/court", "Court", "Example", date(2025, 3, 1), "en", AT
)


@pytest.fixture
def ledger(store: SqlStore, monkeypatch: pytest.MonkeyPatch) -> Iterator[SqlStore]:
    monkeypatch.setattr(audit_records, "_CHUNK", 5)
    batch = Batch()
    for p in range(PERSONS):
        pid = f"p{p:03d}"
        batch.persons.append(Person(id=pid, name=f"Person {p}", recorded_at=AT))
        for k, kind in enumerate((EventKind.DETAINED, EventKind.RELEASED)):
            day = parse_fuzzy(f"202{k}-01-{1 + p % 28:02d}")
            batch.events.append(Event(f"{pid}-e{k}", pid, kind, day, AT))
    batch.sources.append(SOURCE)  # the only source: the last span checked, of the last kind
    store.apply(batch, "tester", AT)
    yield store


def _sql(store: SqlStore, statement: str) -> None:
    with store.engine.begin() as conn:
        conn.execute(text(statement))


def _person_spans(store: SqlStore) -> list[audit_records.Span]:
    return [span for kind, span in store.audit_spans() if kind == "person"]


def _ids(store: SqlStore) -> list[str]:
    """The persons' ids in the database's own order (that of the spans)."""
    with store.engine.connect() as conn:
        return list(conn.execute(text("SELECT id FROM persons ORDER BY id")).scalars())


def test_an_intact_ledger_verifies_in_workers(ledger: SqlStore) -> None:
    spans = _person_spans(ledger)
    assert len(spans) == PERSONS // 5 + 1 and spans[0].after is None and spans[-1].upto is None
    verdict = audit_trail.verify(ledger, workers=2)
    assert verdict.ok, verdict.broken
    assert verdict.checked == PERSONS * 3 + 1  # and the source


def _where(store: SqlStore, place: str) -> str:
    """The id of a person: the first, the last, the last of a span, the first of the next."""
    ids, spans = _ids(store), _person_spans(store)
    boundary = spans[3].upto
    assert boundary is not None and spans[4].after == boundary
    return {
        "first": ids[0],
        "last": ids[-1],
        "span's last": boundary,
        "next span's first": ids[ids.index(boundary) + 1],
    }[place]


@pytest.mark.parametrize("place", ["first", "last", "span's last", "next span's first"])
def test_a_record_changed_in_any_span_is_named(ledger: SqlStore, place: str) -> None:
    pid = _where(ledger, place)
    _sql(ledger, f"UPDATE persons SET protection = 'counts_only' WHERE id = '{pid}'")
    verdict = audit_trail.verify(ledger, workers=2)
    assert verdict.broken is not None, f"the {place} person changed in SQL went unnoticed"
    assert repr(pid) in verdict.broken.reason and "'protection'" in verdict.broken.reason
    assert verdict == audit_trail.verify(ledger, workers=0)


def test_a_record_changed_in_the_last_span_of_all_is_named(ledger: SqlStore) -> None:
    # the sources' only span, then the claims' (none stored here), the last kind checked
    assert ledger.audit_spans()[-2:] == [
        ("source", audit_records.Span(None, None)),
        ("claim", audit_records.Span(None, None)),
    ]
    _sql(ledger, f"UPDATE sources SET title = 'Other' WHERE id = '{SOURCE.id}'")
    verdict = audit_trail.verify(ledger, workers=2)
    assert verdict.broken is not None and "'title'" in verdict.broken.reason


def test_a_record_slipped_in_past_the_last_id_is_named(ledger: SqlStore) -> None:
    _sql(
        ledger,
        "INSERT INTO persons (id, name, gender, protection, recorded_at) "
        "VALUES ('zz-mallory', 'Mallory', 'unknown', 'public', '2025-01-01 00:00:00')",
    )
    verdict = audit_trail.verify(ledger, workers=2)
    assert verdict.broken is not None and "'zz-mallory'" in verdict.broken.reason


def test_the_first_disagreement_in_order_is_the_one_named(ledger: SqlStore) -> None:
    """Changes in several spans and kinds: the workers finish in any order, the answer is the
    one the check in one process gives (persons before events, spans in order)."""
    ids = _ids(ledger)
    _sql(ledger, f"DELETE FROM events WHERE id = '{ids[0]}-e1'")
    _sql(ledger, f"UPDATE persons SET name = 'X' WHERE id IN ('{ids[30]}', '{ids[-1]}')")
    verdict = audit_trail.verify(ledger, workers=2)
    assert verdict.broken is not None and repr(ids[30]) in verdict.broken.reason
    assert verdict == audit_trail.verify(ledger, workers=0)


def test_a_record_that_cannot_be_read_in_a_worker(ledger: SqlStore) -> None:
    _sql(ledger, f"UPDATE persons SET gender = 'nonsense' WHERE id = '{_ids(ledger)[12]}'")
    verdict = audit_trail.verify(ledger, workers=2)
    assert verdict.broken is not None and "cannot be read" in verdict.broken.reason


def test_a_broken_chain_is_named_before_the_records(ledger: SqlStore) -> None:
    _sql(ledger, f"UPDATE persons SET name = 'X' WHERE id = '{_ids(ledger)[7]}'")
    _sql(ledger, "UPDATE audit SET actor = 'mallory' WHERE id = 5")
    verdict = audit_trail.verify(ledger, workers=2)
    assert verdict.broken is not None and verdict.broken.entry_id == 5
    assert "does not match its hash" in verdict.broken.reason


def test_workers_only_for_a_long_chain_on_a_database_others_can_open(store: SqlStore) -> None:
    cores = os.cpu_count() or 1
    assert audit_workers.how_many(store, audit_workers.POOL_FROM - 1, None) == 0
    assert audit_workers.how_many(store, audit_workers.POOL_FROM, None) in range(cores + 1)
    assert audit_workers.how_many(store, 10, 3) == 3
    memory = SqlStore("sqlite://")
    assert audit_workers.how_many(memory, audit_workers.POOL_FROM, 4) == 0
    memory.close()


def test_the_answer_waits_for_the_spans_before_one_that_finished_first(store: SqlStore) -> None:
    """A later span that finishes first does not answer for an earlier one still checking."""
    check = audit_workers.RecordCheck(store, 0)
    check.pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
    earlier: Future[audit.Break | None] = Future()
    later: Future[audit.Break | None] = Future()
    later.set_result(audit.Break(None, "later"))
    check.futures = [earlier, later]
    threading.Timer(0.2, earlier.set_result, [audit.Break(None, "earlier")]).start()
    try:
        found = check.result()
    finally:
        check.close()
    assert found is not None and found.reason == "earlier"


def test_one_worker_per_idle_core(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "cpu_count", lambda: 4)
    for load, idle in ((0.2, 4), (1.4, 3), (3.6, 0), (9.0, 0)):
        monkeypatch.setattr(os, "getloadavg", lambda load=load: (load, 0.0, 0.0))
        assert audit_workers.idle_cores() == idle
