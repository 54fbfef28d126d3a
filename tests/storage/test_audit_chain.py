"""The audit chain on both backends: intact after real writes, and every change made in SQL
behind the application's back (UPDATE, DELETE, INSERT) found and named."""

from __future__ import annotations

import json
import threading
import time
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from prisonwatch.services import audit_trail, importing
from prisonwatch.storage import audit, migrate
from prisonwatch.storage.sql import SqlStore, _audit
from tests.cli.conftest import SAMPLE_FILES

AT = datetime(2026, 11, 30, 12, 0)


def _filled(store: SqlStore) -> SqlStore:
    report = importing.import_files(store, [Path(p) for p in SAMPLE_FILES], "tester", AT)
    assert report.ok, report.problems
    claim_free = store.deals()[0]
    store.update_deal(claim_free, "editor", datetime(2026, 11, 30, 13, 0))
    return store


def _sql(store: SqlStore, statement: str, **params: object) -> None:
    with store.engine.begin() as conn:
        conn.execute(text(statement), params)


def _broken(store: SqlStore, checkpoint: audit.Head | None = None) -> audit.Break:
    verdict = audit_trail.verify(store, checkpoint)
    assert verdict.broken is not None, "tampering went unnoticed"
    return verdict.broken


def test_a_chain_written_by_the_application_verifies(store: SqlStore) -> None:
    _filled(store)
    verdict = audit_trail.verify(store)
    assert verdict.ok, verdict.broken
    total = len(store.audit_log(limit=10_000))
    assert verdict.checked == total == verdict.head.entries > 100
    assert verdict.head == audit_trail.head(store)
    log = store.audit_log(limit=1)
    assert verdict.head.last_id == log[0].id


def test_an_update_in_sql_is_named(store: SqlStore) -> None:
    _filled(store)
    _sql(store, "UPDATE audit SET actor = 'mallory' WHERE id = 7")
    broken = _broken(store)
    assert broken.entry_id == 7
    assert "entry 7" in broken.reason and "changed after it was written" in broken.reason


def test_an_update_of_the_record_before_is_named(store: SqlStore) -> None:
    _filled(store)
    last = store.audit_log(limit=1)[0]
    assert last.action == "revise" and last.before is not None
    _sql(store, "UPDATE audit SET before = NULL WHERE id = :id", id=last.id)
    assert _broken(store).entry_id == last.id


def test_a_delete_in_sql_is_named(store: SqlStore) -> None:
    _filled(store)
    _sql(store, "DELETE FROM audit WHERE id = 12")
    broken = _broken(store)
    assert broken.entry_id == 13
    assert "entry 13" in broken.reason and "does not follow entry 11" in broken.reason


def test_deleting_the_newest_entries_is_named(store: SqlStore) -> None:
    _filled(store)
    head = audit_trail.head(store)
    _sql(store, "DELETE FROM audit WHERE id > :id", id=head.last_id - 3)
    broken = _broken(store)
    assert broken.entry_id == head.last_id
    assert "removed" in broken.reason


def test_an_insert_in_sql_is_named(store: SqlStore) -> None:
    _filled(store)
    head = audit_trail.head(store)
    new = head.last_id + 1
    # A careful forger: the right previous hash and a correct hash of the forged content.
    digest = audit.entry_hash(new, AT, "mallory", "insert", "event", "x", None, None, head.hash)
    _sql(
        store,
        "INSERT INTO audit (id, at, actor, action, record_kind, record_id, prev_hash, hash) "
        "VALUES (:id, :at, 'mallory', 'insert', 'event', 'x', :prev, :hash)",
        id=new,
        at=AT,
        prev=head.hash,
        hash=digest,
    )
    broken = _broken(store)
    assert broken.entry_id == new
    assert "added behind" in broken.reason


def test_an_insert_in_the_middle_is_named(store: SqlStore) -> None:
    _filled(store)
    _sql(store, "UPDATE audit SET id = id + 1000000 WHERE id > 20")
    _sql(
        store,
        "INSERT INTO audit (id, at, actor, action, record_kind, record_id, prev_hash, hash) "
        "SELECT 21, at, 'mallory', action, record_kind, 'forged', hash, hash FROM audit "
        "WHERE id = 20",
    )
    broken = _broken(store)
    assert broken.entry_id == 21
    assert "does not match its hash" in broken.reason


def test_a_rewritten_chain_is_caught_by_an_earlier_checkpoint(store: SqlStore) -> None:
    _filled(store)
    published = audit_trail.head(store)
    # The forger changes entry 5 and rehashes everything after it, head included.
    _sql(store, "UPDATE audit SET actor = 'mallory' WHERE id = 5")
    with store.engine.begin() as conn:
        rows = conn.execute(text("SELECT * FROM audit WHERE id >= 5 ORDER BY id")).all()
        prev = conn.execute(text("SELECT hash FROM audit WHERE id = 4")).scalar_one()
        for r in rows:
            content = (r.id, _day(r.at), r.actor, r.action, r.record_kind, r.record_id)
            digest = audit.entry_hash(*content, _j(r.before), _j(r.after), prev)
            conn.execute(
                text("UPDATE audit SET prev_hash = :p, hash = :h WHERE id = :id"),
                {"p": prev, "h": digest, "id": r.id},
            )
            prev = digest
        conn.execute(text("UPDATE audit_head SET hash = :h"), {"h": prev})
    assert audit_trail.verify(store).ok  # without a checkpoint a full rewrite is not seen
    broken = _broken(store, published)
    assert broken.entry_id == published.last_id
    assert "rewritten" in broken.reason
    assert audit_trail.verify(store, audit_trail.head(store)).ok


def test_appends_from_concurrent_writers_keep_one_chain(store: SqlStore) -> None:
    errors: list[BaseException] = []

    def writer(name: str) -> None:
        try:
            for i in range(25):
                with store.engine.begin() as conn:
                    _audit(conn, AT, name, "test", "test", f"{name}-{i}", None, {"i": i})
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(f"w{n}",)) for n in range(3)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert not errors, errors
    verdict = audit_trail.verify(store)
    assert verdict.ok, verdict.broken
    assert verdict.checked == 75


def test_an_append_waits_for_the_open_transaction_that_holds_the_head(store: SqlStore) -> None:
    holding, errors = threading.Event(), []

    def first() -> None:
        with store.engine.begin() as conn:
            _audit(conn, AT, "first", "test", "test", "a", None, None)
            holding.set()
            time.sleep(0.5)

    def second() -> None:
        holding.wait(5)
        try:
            with store.engine.begin() as conn:
                _audit(conn, AT, "second", "test", "test", "b", None, None)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert not errors, errors
    assert [e.actor for e in store.audit_log()] == ["second", "first"]
    assert audit_trail.verify(store).ok


def test_a_rolled_back_change_leaves_no_entry_and_no_gap(store: SqlStore) -> None:
    with store.engine.begin() as conn:
        _audit(conn, AT, "a", "test", "test", "one", None, None)
    with pytest.raises(RuntimeError), store.engine.begin() as conn:
        _audit(conn, AT, "a", "test", "test", "two", None, None)
        raise RuntimeError("abort")
    with store.engine.begin() as conn:
        _audit(conn, AT, "a", "test", "test", "three", None, None)
    verdict = audit_trail.verify(store)
    assert verdict.ok and verdict.checked == 2
    assert [e.id for e in store.audit_log()] == [2, 1]


def test_entries_written_before_the_chain_are_chained_by_the_migration(store_url: str) -> None:
    store = SqlStore(store_url)
    migrate.upgrade(store.engine, "0003")
    with store.engine.begin() as conn:
        for i, rid in enumerate(("a", "b", "c"), start=1):
            conn.execute(
                text(
                    "INSERT INTO audit (id, at, actor, action, record_kind, record_id, before, "
                    "after) VALUES (:id, :at, 'old', 'insert', 'test', :rid, NULL, :after)"
                ),
                {"id": i * 2, "at": AT, "rid": rid, "after": '{"n": 1.5, "k": ["x", "y"]}'},
            )
    store.migrate()
    verdict = audit_trail.verify(store)
    assert verdict.ok, verdict.broken
    assert verdict.checked == 3 and verdict.head.last_id == 6
    with store.engine.begin() as conn:
        _audit(conn, AT, "new", "test", "test", "d", None, None)
    assert audit_trail.verify(store).checked == 4
    assert store.audit_log(limit=1)[0].id == 7
    _sql(store, "UPDATE audit SET record_id = 'z' WHERE id = 4")
    assert _broken(store).entry_id == 4
    store.close()


def test_the_log_filters(store: SqlStore) -> None:
    _filled(store)
    by_editor = audit_trail.log(store, audit.Filter(actor="editor"))
    assert [e.action for e in by_editor] == ["revise"]
    deal = by_editor[0].record_id
    on_deal = audit_trail.log(store, audit.Filter(kind="deal", record_id=deal))
    assert [e.action for e in on_deal] == ["revise", "insert"]
    later = audit_trail.log(store, audit.Filter(since=datetime(2026, 11, 30, 12, 30)))
    assert later == by_editor
    page = audit_trail.log(store, audit.Filter(limit=5))
    older = audit_trail.log(store, audit.Filter(limit=5, before_id=page[-1].id))
    assert older[0].id == page[-1].id - 1


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(
    st.tuples(
        st.integers(min_value=1, max_value=2**40),
        st.datetimes(),
        st.text(),
        st.text(max_size=32),
        st.text(max_size=16),
        st.text(max_size=80),
        st.none() | st.dictionaries(st.text(), _json_values, max_size=6),
        st.none() | st.dictionaries(st.text(), _json_values, max_size=6),
        st.text(alphabet="0123456789abcdef", min_size=64, max_size=64),
    )
)
def test_the_canonical_form_is_sorted_compact_json(content: tuple[object, ...]) -> None:
    entry_id, at, actor, action, kind, rid, before, after, prev = content
    assert isinstance(at, datetime)
    expected = {
        "id": entry_id,
        "at": at.isoformat(),
        "actor": actor,
        "action": action,
        "kind": kind,
        "record_id": rid,
        "before": before,
        "after": after,
        "prev": prev,
    }
    text = json.dumps(expected, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert audit.canonical(*content) == text.encode("utf-8")  # type: ignore[arg-type]


def _day(value: object) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def _j(value: object) -> object:
    return json.loads(value) if isinstance(value, str) else value


def test_an_unreadable_time_written_in_sql_is_a_broken_chain(tmp_path: Path) -> None:
    store = SqlStore(f"sqlite:///{tmp_path / 'l.db'}")
    store.migrate()
    with store.engine.begin() as conn:
        _audit(conn, AT, "a", "test", "test", "one", None, None)
    _sql(store, "UPDATE audit SET at = 'yesterday'")
    broken = _broken(store)
    assert "cannot be read" in broken.reason
    store.close()
