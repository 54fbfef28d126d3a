"""The derived ledger saved between server starts (`services/snapshot.py`).

A snapshot equal to a full rebuild is used (and writes made since it was saved are taken in
through the change feed); a snapshot that is corrupt, made by other code or from another audit
chain is ignored with a log line and the ledger is built afresh; and protection is never taken
from a snapshot: a snapshot that claims to be current but holds a person's old protection is
rejected. Run on SQLite and PostgreSQL.
"""

from __future__ import annotations

import logging
import pickle
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from prisonwatch.services import editing, snapshot
from prisonwatch.storage.sql import SqlStore
from prisonwatch.web import present
from prisonwatch.web.context import Ledger
from tests.web.test_incremental import AT, PUBLIC, SCOPE, _snapshot, _write, sample_store, steps

__all__ = ["sample_store"]  # the fixture, shared with the incremental tests


def _saved(store: SqlStore, path: Path) -> Ledger:
    ledger = Ledger(store, path)
    _snapshot(ledger)
    ledger.save_snapshot()  # when the save after the build has not already written it
    assert path.exists()
    return ledger


def _equal_to_a_full_rebuild(ledger: Ledger, store: SqlStore) -> None:
    got, want = _snapshot(ledger), _snapshot(Ledger(store))
    for key in want:
        assert got[key] == want[key], key


def test_a_snapshot_is_used_and_writes_since_are_taken_in(
    sample_store: SqlStore, tmp_path: Path
) -> None:
    path = tmp_path / "derived.snapshot"
    first = _saved(sample_store, path)
    assert first.from_snapshot == 0  # nothing to start from: built from the store
    again = Ledger(sample_store, path)
    _equal_to_a_full_rebuild(again, sample_store)
    assert again.from_snapshot == 1
    persons = sorted(p.id for p in sample_store.persons() if p.merged_into is None)
    editing.edit(sample_store, "person", persons[0], {"name": "Ales Later"}, "t", AT, "test")
    editing.edit(sample_store, "person", persons[1], {"protection": "counts_only"}, "t", AT, "t")
    later = Ledger(sample_store, path)
    _equal_to_a_full_rebuild(later, sample_store)
    assert later.from_snapshot == 1
    assert persons[1] not in later.projection().persons


def _forged(path: Path, **changes: Any) -> None:
    """The snapshot with its stamp (the first of its pickles) changed, the rest kept."""
    with path.open("rb") as f:
        form, stamp = pickle.load(f)
        rest = f.read()
    fields = {"code": stamp.code, "version": stamp.version, "head_hash": stamp.head_hash}
    with path.open("wb") as f:
        pickle.dump((form, snapshot.Stamp(**{**fields, **changes})), f)
        f.write(rest)


@pytest.mark.parametrize(
    "spoil, reason",
    [
        (lambda p: p.write_bytes(b"\x80\x05not a pickle at all"), "unreadable"),
        (lambda p: p.write_bytes(p.read_bytes()[:200]), "unreadable"),
        (lambda p: p.write_bytes(p.read_bytes()[: p.stat().st_size // 2]), "unreadable"),
        (lambda p: p.write_bytes(pickle.dumps({"a": 1})), "not a snapshot"),
        (lambda p: _forged(p, code="0" * 64), "other code"),
        (lambda p: _forged(p, head_hash="f" * 64), "not in this store's chain"),
        (lambda p: _forged(p, version=10**9), "not in this store's chain"),
    ],
)
def test_a_spoiled_snapshot_is_ignored(
    sample_store: SqlStore,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    spoil: Any,
    reason: str,
) -> None:
    path = tmp_path / "derived.snapshot"
    _saved(sample_store, path)
    spoil(path)
    ledger = Ledger(sample_store, path)
    with caplog.at_level(logging.WARNING, logger="prisonwatch.snapshot"):
        _equal_to_a_full_rebuild(ledger, sample_store)
    assert ledger.from_snapshot == 0
    assert any(reason in r.getMessage() and "ignored" in r.getMessage() for r in caplog.records)


def test_records_read_in_many_chunks_give_the_same_view(
    sample_store: SqlStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Records (events, persons, intervals) are written in chunks, each read with a memo of
    its own: with chunks of three records, the view loaded equals a full build."""
    monkeypatch.setattr(snapshot, "CHUNK", 3)
    path = tmp_path / "derived.snapshot"
    _saved(sample_store, path)
    again = Ledger(sample_store, path)
    _equal_to_a_full_rebuild(again, sample_store)
    assert again.from_snapshot == 1


def test_records_placed_through_the_compact_map_give_the_same_view(
    sample_store: SqlStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Records' places are kept by identity in sorted numpy columns, merged in every few
    records (`snapshot._Places`): with merges every two records, an event met again (in its
    person's list) is found in the columns, and the view loaded equals a full build."""
    monkeypatch.setattr(snapshot._Places, "MERGE", 2)
    path = tmp_path / "derived.snapshot"
    _saved(sample_store, path)
    again = Ledger(sample_store, path)
    _equal_to_a_full_rebuild(again, sample_store)
    assert again.from_snapshot == 1
    view = again.view(SCOPE)
    by_id = {e.id: e for e in view.events}
    assert all(e is by_id[e.id] for es in view.by_person.values() for e in es)


def test_the_compact_map_finds_what_was_put() -> None:
    places = snapshot._Places()
    places.MERGE = 5
    keys = [(i * 7919) % 1000 + 10**12 for i in range(1000)]
    for n, key in enumerate(keys):
        assert places.get(key) is None
        places.put(key, n)
    assert [places.get(key) for key in keys] == list(range(len(keys)))
    assert places.get(7) is None and places.get(2**63) is None


def test_protection_is_never_taken_from_a_stale_snapshot(
    sample_store: SqlStore, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A snapshot saved before a protection change, stamped as if it held it (so that no
    change would be taken in on top of it): the protection check rejects it."""
    path = tmp_path / "derived.snapshot"
    _saved(sample_store, path)
    ledger = Ledger(sample_store, path)
    public = [p for p in ledger.view(SCOPE).persons.values() if p.merged_into is None]
    person = sorted(public, key=lambda p: p.id)[0]
    assert person.id in ledger.projection().persons
    editing.edit(sample_store, "person", person.id, {"protection": "withhold_name"}, "t", AT, "t")
    head = Ledger(sample_store).version()
    _forged(path, version=head, head_hash=snapshot.audit_hash(sample_store, head))
    fresh = Ledger(sample_store, path)
    with caplog.at_level(logging.WARNING, logger="prisonwatch.snapshot"):
        rows, _ = present.persons(fresh, PUBLIC, person.name)
    assert fresh.from_snapshot == 0
    assert all(r["id"] != person.id for r in rows)
    assert person.id not in fresh.projection().persons
    assert any("protection differs" in r.getMessage() for r in caplog.records)
    _equal_to_a_full_rebuild(fresh, sample_store)


def test_the_server_saves_its_state_when_it_stops(
    sample_store: SqlStore, store_url: str, tmp_path: Path
) -> None:
    """`PRISONWATCH_SNAPSHOT` (`WebSettings.snapshot`): the app saves the state it kept
    current when it shuts down, and the next app starts from it."""
    from fastapi.testclient import TestClient

    from prisonwatch.web.app import create_app
    from prisonwatch.web.settings import WebSettings

    path = tmp_path / "served.snapshot"
    settings = WebSettings(store_url, secure_cookies=False, snapshot=str(path))
    with TestClient(create_app(settings, sample_store)) as client:
        assert client.get("/api/v1/stats").status_code == 200
        pid = sorted(p.id for p in sample_store.persons() if p.merged_into is None)[0]
        editing.edit(sample_store, "person", pid, {"name": "Ales Stopped"}, "t", AT, "test")
        client.app.state.ledger.invalidate()  # type: ignore[attr-defined]
        assert client.get("/api/v1/stats").status_code == 200
    found = snapshot.load(path, sample_store)
    assert found is not None
    view, stamp = found
    assert stamp.version == Ledger(sample_store).version()
    assert view.persons[pid].name == "Ales Stopped"
    again = Ledger(sample_store, path)
    _equal_to_a_full_rebuild(again, sample_store)
    assert again.from_snapshot == 1


@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(writes=steps)
def test_a_loaded_snapshot_equals_a_full_build_on_generated_ledgers(
    sample_store: SqlStore, tmp_path_factory: pytest.TempPathFactory, writes: Any
) -> None:
    """After random writes (protection changes, renames, merges, event edits, imports,
    corrections, clearances, ...), a view saved and loaded again (each distinct day range,
    day, time, string and day number written once and shared on loading; records read in
    chunks) equals a full build, as do the projection and search made from it."""
    for step in writes:
        _write(sample_store, step)
    path = tmp_path_factory.mktemp("snap") / "derived.snapshot"
    _saved(sample_store, path)
    again = Ledger(sample_store, path)
    _equal_to_a_full_rebuild(again, sample_store)
    assert again.from_snapshot == 1
    view = again.view(SCOPE)
    dates = [e.date for e in view.events]
    assert len({id(d) for d in dates}) == len(set(dates))  # equal values are one object
    owners = [e.person_id for e in view.events] + list(view.persons)
    assert len({id(o) for o in owners}) == len(set(owners))
    days = view.index.maybe_starts + view.index.sure_starts
    assert len({id(d) for d in days}) == len(set(days))
