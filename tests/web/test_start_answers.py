"""Answers saved when a server stops and sent again at its next start (`services/start_answers`).

The real app (TestClient, its shutdown saves the answers) on a real store, SQLite and
PostgreSQL. A saved answer is sent only when the store is exactly as when it was saved, and is
then byte for byte the answer a server building everything from the store gives; after any
write (a protection change above all) or a change made outside the audit log, or with a file
of other code or another chain, it is never sent, and the answer is computed.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import update

from prisonwatch.core.vocabulary import Protection
from prisonwatch.services import editing, start_answers
from prisonwatch.storage import tables as t
from prisonwatch.storage.sql import SqlStore
from prisonwatch.web.app import create_app
from prisonwatch.web.context import Ledger
from prisonwatch.web.settings import WebSettings
from tests.web.conftest import login
from tests.web.test_incremental import AT, _write, sample_store, steps

__all__ = ["sample_store"]  # the fixture, shared with the incremental tests

QUERIES = (
    "/api/v1/stats?on=2025-12-31",
    "/api/v1/stats?on=2025-06-30&from=2020-01-01&to=2025-12-31",
    "/api/v1/stats?on=2024-01-01&from=2023-01-01&to=2024-12-31&by=year",
)


@contextmanager
def served(store: SqlStore, path: Path | None) -> Iterator[TestClient]:
    """The app on `store` (with the snapshot file `path`, or none), stopped on leaving."""
    settings = WebSettings(store.url, secure_cookies=False, snapshot=str(path) if path else None)
    with TestClient(create_app(settings, store)) as client:
        yield client


def ledger_of(client: TestClient) -> Ledger:
    found: Ledger = client.app.state.ledger  # type: ignore[attr-defined]
    return found


def answers(client: TestClient) -> dict[str, str]:
    out = {}
    for q in QUERIES:
        r = client.get(q)
        assert r.status_code == 200, r.text
        out[q] = r.text
    return out


def full_build(store: SqlStore) -> dict[str, str]:
    """The answers of a server with no snapshot: everything built from the store."""
    with served(store, None) as client:
        return answers(client)


def save(store: SqlStore, path: Path) -> dict[str, str]:
    """Run a server that answers `QUERIES` and stops (saving them)."""
    with served(store, path) as client:
        got = answers(client)
    assert start_answers.path_for(path).exists()
    return got


def test_saved_answers_are_sent_at_start_and_equal_a_full_build(
    sample_store: SqlStore, tmp_path: Path
) -> None:
    path = tmp_path / "derived.snapshot"
    first = save(sample_store, path)
    with served(sample_store, path) as client:
        again = answers(client)
        ledger = ledger_of(client)
        assert ledger.served_saved == len(QUERIES)
        assert client.get("/api/v1/stats?on=2025-12-30").status_code == 200  # not saved
        assert ledger.served_saved == len(QUERIES)
    assert again == first == full_build(sample_store)


@pytest.mark.parametrize(
    "write",
    [
        ("protection", 0, Protection.COUNTS_ONLY),
        ("protection", 3, Protection.WITHHOLD_NAME),
        ("event_date", 1, 200),
        ("rename", 2, "Ales"),
    ],
)
def test_after_any_write_no_saved_answer_is_sent(
    sample_store: SqlStore, tmp_path: Path, write: tuple[Any, ...]
) -> None:
    """A write since the answers were saved (a protection change, or a change to the
    figures): the answers are computed, and equal a full build of the store as it is now."""
    path = tmp_path / "derived.snapshot"
    before = save(sample_store, path)
    assert _write(sample_store, write)
    with served(sample_store, path) as client:
        got = answers(client)
        assert ledger_of(client).served_saved == 0
    want = full_build(sample_store)
    assert got == want
    if write[0] == "event_date":
        assert want != before  # the saved answers would have been wrong


def test_a_write_while_serving_saved_answers_stops_them(
    sample_store: SqlStore, tmp_path: Path
) -> None:
    """The store's audit head is asked before every saved answer: a write made by another
    process after the start (the server is not told) stops them at once."""
    path = tmp_path / "derived.snapshot"
    save(sample_store, path)
    with served(sample_store, path) as client:
        assert client.get(QUERIES[0]).status_code == 200
        ledger = ledger_of(client)
        assert ledger.served_saved == 1
        pid = sorted(p.id for p in sample_store.persons() if p.merged_into is None)[0]
        editing.edit(sample_store, "person", pid, {"protection": "counts_only"}, "t", AT, "t")
        got = client.get(QUERIES[1]).text
        assert ledger.served_saved == 1
    assert got == full_build(sample_store)[QUERIES[1]]


def test_a_change_outside_the_audit_log_refuses_the_answers(
    sample_store: SqlStore, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A protection changed by hand in the database (no audit entry): the store's rows no
    longer match the fingerprint, and nothing saved is sent."""
    path = tmp_path / "derived.snapshot"
    save(sample_store, path)
    pid = sorted(p.id for p in sample_store.persons() if p.merged_into is None)[0]
    with sample_store.engine.begin() as conn:
        by_hand = update(t.persons).where(t.persons.c.id == pid)
        conn.execute(by_hand.values(protection="counts_only"))
    with (
        caplog.at_level(logging.WARNING, logger="prisonwatch.snapshot"),
        served(sample_store, path) as client,
    ):
        client.get(QUERIES[0])
        assert ledger_of(client).served_saved == 0
    assert any("rows differ" in r.getMessage() for r in caplog.records)


def _spoiled(path: Path, **changes: Any) -> None:
    body = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps({**body, **changes}), encoding="utf-8")


@pytest.mark.parametrize(
    "spoil, reason",
    [
        (lambda p: p.write_text("{not json", encoding="utf-8"), "unreadable"),
        (lambda p: p.write_bytes(p.read_bytes()[:100]), "unreadable"),
        (lambda p: _spoiled(p, format=0), "not a file of this format"),
        (lambda p: _spoiled(p, answers={"k": 1}), "not a file of this format"),
        (lambda p: _spoiled(p, code="0" * 64), "other code"),
        (lambda p: _spoiled(p, month="2000-01-01"), "another month"),
        (lambda p: _spoiled(p, head_hash="f" * 64), "not at entry"),
        (lambda p: _spoiled(p, version=10**9), "not at entry"),
        (lambda p: _spoiled(p, fingerprint="0" * 64), "rows differ"),
    ],
)
def test_a_spoiled_answers_file_is_ignored(
    sample_store: SqlStore,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    spoil: Any,
    reason: str,
) -> None:
    path = tmp_path / "derived.snapshot"
    save(sample_store, path)
    spoil(start_answers.path_for(path))
    with (
        caplog.at_level(logging.WARNING, logger="prisonwatch.snapshot"),
        served(sample_store, path) as client,
    ):
        got = answers(client)
        assert ledger_of(client).served_saved == 0
    assert any(reason in r.getMessage() and "ignored" in r.getMessage() for r in caplog.records)
    assert got == full_build(sample_store)


def test_the_public_is_never_sent_an_analysts_answer(web_store: SqlStore, tmp_path: Path) -> None:
    """Answers are saved per viewer class: after an analyst's and the public's requests, a
    new server sends each the one made for it; the public's equals a full build's."""
    path = tmp_path / "derived.snapshot"
    query = QUERIES[1]
    with served(web_store, path) as client:
        public = client.get(query).text
        login(client)
        # the login is taken in beside requests (`Ledger._catch_up`): an answer computed while
        # it is, is not kept (its state moved under it); wait for it, as a later request would
        ledger_of(client).settled()
        analyst = client.get(query).text
    with served(web_store, path) as client:
        assert client.get(query).text == public
        login(client)
        assert client.get(query).text == analyst
        assert ledger_of(client).served_saved == 2
    assert public == full_build(web_store)[query]


@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(writes=steps, save_between=st.booleans())
def test_answers_at_start_equal_a_full_build_after_any_writes(
    sample_store: SqlStore,
    tmp_path_factory: pytest.TempPathFactory,
    writes: Any,
    save_between: bool,
) -> None:
    """On ledgers made by random writes (protection changes, renames, merges, event edits,
    imports, corrections, clearances, ...): a server started after them answers exactly as a
    full build, whether its answers were saved before the writes (then none is sent) or
    after them (then every one is)."""
    path = tmp_path_factory.mktemp("start") / "derived.snapshot"
    if save_between:
        save(sample_store, path)
    wrote = [step for step in writes if _write(sample_store, step)]
    if not save_between:
        save(sample_store, path)
    with served(sample_store, path) as client:
        got = answers(client)
        sent = ledger_of(client).served_saved
    assert got == full_build(sample_store)
    assert sent == (0 if save_between and wrote else len(QUERIES))
