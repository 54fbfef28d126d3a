"""A full backup restores records whose notes span lines (session 8): a person's, an event's,
a deal's or a figure's note, and a judgement's, may hold line breaks, which `import` refuses
in a CSV value, so one two-line note made the whole backup unrestorable (`persons.csv:2: csv:
the row runs on to line 3`). Such rows are written as JSON Lines beside the CSV
(`persons-lines.jsonl`); restored into an empty store, a second backup is the same bytes, on
SQLite and PostgreSQL; a part left from an earlier backup is refused (fails on the code
before)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from prisonwatch.core.dates import FuzzyDate
from prisonwatch.core.records import Event, Person
from prisonwatch.core.vocabulary import EventKind
from prisonwatch.services import importing
from prisonwatch.storage.port import Batch, Judgement
from prisonwatch.storage.sql import SqlStore
from tests.services.test_backup_review import NOW, _backup, _run
from tests.services.test_backup_sources import _fresh

AT = datetime(2025, 3, 1, 9, 30)


def _world(store: SqlStore) -> None:
    persons = [
        Person("by-a", "Ales A", AT, note="family asked:\nno photos"),
        Person("by-b", "Bo B", AT, note="one line"),
        Person("by-c", "Cy C", AT, note="first\r\nsecond"),
    ]
    events = [
        Event("e1", "by-a", EventKind.DETAINED, FuzzyDate.day(date(2025, 1, 3)), AT, note="x\ny"),
        Event("e2", "by-b", EventKind.DETAINED, FuzzyDate.day(date(2025, 1, 4)), AT),
    ]
    store.apply(Batch(persons=persons, events=events), "ana", AT)
    store.add_judgement(Judgement("A. A", "by-a", "same", "ana", AT, "same man:\nsee file"))
    store.add_judgement(Judgement("B. B", "by-b", "unsure", "bo", AT))


def _state(store: SqlStore) -> object:
    return store.persons(), store.events(), store.judgements()


def test_notes_that_span_lines_are_restored(store_url: str, tmp_path: Path) -> None:
    store = SqlStore(store_url)
    store.migrate()
    _world(store)
    before = _state(store)
    store.close()
    first = _backup(store_url, tmp_path / "first")
    names = {p.name for p in first}
    assert {"persons-lines.jsonl", "events-lines.jsonl", "judgements-lines.jsonl"} <= names
    _fresh(store_url)
    restored = SqlStore(store_url)
    restored.migrate()
    try:
        report = importing.import_files(restored, first, "t", NOW)
        assert report.ok, report.problems
        assert _state(restored) == before
    finally:
        restored.close()
    second = _backup(store_url, tmp_path / "second")
    assert [(p.name, p.read_bytes()) for p in second] == [(p.name, p.read_bytes()) for p in first]


def test_a_lines_file_left_from_an_earlier_backup_is_refused(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'a.db'}"
    store = SqlStore(db)
    store.migrate()
    store.apply(Batch(persons=[Person("by-b", "Bo B", AT)]), "ana", AT)
    store.close()
    out = tmp_path / "backup"
    out.mkdir()
    (out / "persons-lines.jsonl").write_text('{"id": "by-x", "name": "X"}\n', "utf-8")
    code, said = _run(db, "export", "--format", "csv", "--out", str(out), "--include-protected")
    assert code == 2 and "persons-lines.jsonl" in said, said
