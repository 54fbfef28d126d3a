"""The full backup carries the review work kept beside the records (session 8): the name queue
(names of accepted claims waiting for, or given, a person), the analysts' conflict choices, and
the earlier revisions of each claim's review (accepted by one reviewer, undone by another, edited:
who, when, why). Before, a restore lost all three. Restored into an empty store, a second backup
is the same bytes, on SQLite and PostgreSQL, and `audit verify` holds the restored store to its
chain; a backup made before still imports; a tampered line is refused naming file, line and
field, writing nothing."""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prisonwatch.core.records import Review
from prisonwatch.core.vocabulary import ReviewStatus
from prisonwatch.services import audit_trail, importing
from prisonwatch.storage.sql import SqlStore
from tests.services.test_backup_review import NOW, _backup, _world
from tests.services.test_backup_sources import _fresh

NEW_FILES = ("name_queue.jsonl", "choices.jsonl", "claim_revisions.jsonl")


def _history(store: SqlStore) -> None:
    """The review work of `_world`, continued: the accepted claim undone by another reviewer
    and accepted again with an edited population; the rejected one voided; two names queued
    from it (one resolved to a person, one withdrawn) and one still waiting (queued twice);
    two choices between disagreeing figures (one with a reason that spans lines)."""
    claim = next(c for c in store.claims() if c.id == "cl:a")
    undone = dataclasses.replace(claim, review=Review())
    store.update_claim(undone, "bo", datetime(2025, 3, 3, 8, 0, 0, 5), "undone: wrong person")
    again = dataclasses.replace(
        claim,
        population="Ales Reviewich",
        review=Review(ReviewStatus.ACCEPTED, "cy", datetime(2025, 3, 4, 9, 0), "checked twice"),
    )
    store.update_claim(again, "cy", datetime(2025, 3, 4, 9, 0), "accepted, population edited")
    store.revise("claim", "cl:r", None, "ana", datetime(2025, 3, 5, 7, 0), "duplicate suggestion")
    cands = [{"person_id": "by-reviewich", "name": "Ales Reviewich", "score": 0.81, "why": ["x"]}]
    q1 = store.queue_name("cl:a", "А. Рэвіч", cands, datetime(2025, 3, 2, 10, 0, 1), "ana")
    store.resolve_name(q1, "by-reviewich", "ana", datetime(2025, 3, 2, 11, 0))
    store.queue_name("cl:a", "Ales R.", [], datetime(2025, 3, 2, 10, 0, 2, 250), "ana")
    store.drop_queued("cl:a", "bo", datetime(2025, 3, 3, 8, 0))
    store.queue_name("cl:s", "Алесь Рэвіч", cands, datetime(2025, 3, 4, 9, 30), "cy")
    # a claim naming one name twice queues it twice at one time: both rows come back
    store.queue_name("cl:s", "Алесь Рэвіч", cands, datetime(2025, 3, 4, 9, 30), "cy")
    store.add_choice("held|BY|2025-01", "ob-1", "ana", datetime(2025, 3, 6, 9, 0), "Viasna\ncounts")
    store.add_choice("release|by-x", "ev-2", "bo", datetime(2025, 3, 6, 9, 5), "court record")


def _state(store: SqlStore) -> Any:
    claims = sorted(store.claims(), key=lambda c: c.id)
    revisions = {cid: store.revisions("claim", cid) for cid in ("cl:a", "cl:r", "cl:s")}
    return claims, revisions, store.queued_names(None), store.choices()


def _made(tmp: Path, url: str | None = None) -> tuple[str, list[Path]]:
    db = url or f"sqlite:///{tmp / 'a.db'}"
    store = SqlStore(db)
    store.migrate()
    _world(store)
    _history(store)
    store.close()
    return db, _backup(db, tmp / "backup")


def test_a_restore_keeps_the_queue_choices_and_claim_revisions(
    store_url: str, tmp_path: Path
) -> None:
    db, first = _made(tmp_path, store_url)
    assert {p.name for p in first} >= set(NEW_FILES)
    store = SqlStore(db)
    before = _state(store)
    store.close()
    _fresh(db)
    restored = SqlStore(db)
    restored.migrate()
    try:
        report = importing.import_files(restored, first, "t", NOW)
        assert report.ok, report.problems
        assert _state(restored) == before
        verdict = audit_trail.verify(restored, workers=0)
        assert verdict.ok, verdict.broken
        again = importing.import_files(restored, first, "t", NOW)  # a repeat adds nothing
        assert again.ok and again.result is not None and not any(again.result.added.values())
        assert _state(restored) == before
    finally:
        restored.close()
    second = _backup(db, tmp_path / "second")
    assert [(p.name, p.read_bytes()) for p in second] == [(p.name, p.read_bytes()) for p in first]


def _refused(tmp: Path, files: list[Path]) -> list[str]:
    other = SqlStore(f"sqlite:///{tmp / 'other.db'}")
    other.migrate()
    try:
        report = importing.import_files(other, files, "t", NOW)
        if report.ok:
            return []
        assert other.claims() == [] and other.persons() == []
        assert other.queued_names(None) == [] and other.choices() == []
        return [str(p) for p in report.problems]
    finally:
        other.close()


def test_a_backup_made_before_imports_without_them(tmp_path: Path) -> None:
    """A backup of session 7: no name_queue.csv, choices.csv or claim_revisions.jsonl."""
    _, files = _made(tmp_path)
    old = [p for p in files if p.name not in NEW_FILES]
    other = SqlStore(f"sqlite:///{tmp_path / 'old.db'}")
    other.migrate()
    try:
        report = importing.import_files(other, old, "t", NOW)
        assert report.ok, report.problems
        assert other.queued_names(None) == [] and other.choices() == []
        assert other.revisions("claim", "cl:a") == []
        assert next(c for c in other.claims() if c.id == "cl:a").review.reviewer == "cy"
    finally:
        other.close()


def _rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def _write_rows(path: Path, rows: list[dict[str, Any]]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")


def _file(files: list[Path], name: str) -> Path:
    return next(p for p in files if p.name == name)


@pytest.mark.parametrize(
    ("name", "line", "changes", "field"),
    [
        ("name_queue.jsonl", 1, {"person_id": None}, "person_id"),
        ("name_queue.jsonl", 2, {"status": "forgotten"}, "status"),
        ("name_queue.jsonl", 2, {"person_id": "by-reviewich"}, "person_id"),
        (
            "name_queue.jsonl",
            1,
            {"candidates": '[{"person_id": "x", "score": "high"}]'},
            "candidates",
        ),
        ("name_queue.jsonl", 3, {"claim_id": "cl:zzz"}, "claim_id"),
        ("name_queue.jsonl", 1, {"person_id": "by-nobody"}, "person_id"),
        ("choices.jsonl", 2, {"why": " "}, "why"),
        ("choices.jsonl", 2, {"chosen_at": "2099-03-06T09:05:00"}, "chosen_at"),
    ],
)
def test_a_tampered_queue_or_choice_line_is_named(
    tmp_path: Path, name: str, line: int, changes: dict[str, Any], field: str
) -> None:
    _, files = _made(tmp_path)
    path = _file(files, name)
    rows = _rows(path)
    rows[line - 1].update(changes)
    _write_rows(path, rows)
    found = _refused(tmp_path, files)
    assert len(found) == 1 and found[0].startswith(f"{path}:{line}: {field}: "), found


def _edit_revision(
    rows: list[dict[str, Any]], claim: str, seq: int, changes: dict[str, Any]
) -> int:
    line = next(i for i, r in enumerate(rows) if (r["claim_id"], r["revision"]) == (claim, seq))
    for key, value in changes.items():
        if key.startswith("claim."):
            rows[line]["claim"][key[6:]] = value
        else:
            rows[line][key] = value
    return line + 1


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"actor": None}, "actor"),
        ({"at": "2025-13-01"}, "at"),
        ({"revision": 7}, "revision"),
        ({"claim.review_status": "perhaps"}, "claim.review_status"),
        (
            {"claim.evidence_text": "Ales Reviewich was RELEASED on 3 January."},
            "claim.evidence_text",
        ),
    ],
)
def test_a_tampered_revision_line_is_named(
    tmp_path: Path, changes: dict[str, Any], field: str
) -> None:
    _, files = _made(tmp_path)
    path = _file(files, "claim_revisions.jsonl")
    rows = _rows(path)
    line = _edit_revision(rows, "cl:a", 1, changes)
    _write_rows(path, rows)
    found = _refused(tmp_path, files)
    assert len(found) == 1 and found[0].split(": ")[1] == field, found
    where = found[0].split(": ")[0]
    # a number out of sequence is named where the sequence breaks (revision 2, after 0)
    assert where == f"{path}:{line + 1 if field == 'revision' else line}", found


def test_a_history_that_does_not_end_in_the_claim_is_refused(tmp_path: Path) -> None:
    """The last revision changed (its reviewer), or the claim's line in claims.jsonl changed:
    the two no longer agree, and the claim's line is named with the field that differs."""
    _, files = _made(tmp_path)
    path = _file(files, "claim_revisions.jsonl")
    rows = _rows(path)
    _edit_revision(rows, "cl:a", 2, {"claim.reviewer": "mallory"})
    _write_rows(path, rows)
    claims = _file(files, "claims.jsonl")
    line = 1 + next(i for i, r in enumerate(_rows(claims)) if r["id"] == "cl:a")
    found = _refused(tmp_path, files)
    assert len(found) == 1 and found[0].startswith(f"{claims}:{line}: reviewer: "), found


def test_a_left_out_revision_is_refused(tmp_path: Path) -> None:
    _, files = _made(tmp_path)
    path = _file(files, "claim_revisions.jsonl")
    rows = _rows(path)
    kept = [r for r in rows if (r["claim_id"], r["revision"]) != ("cl:a", 1)]
    _write_rows(path, kept)
    found = _refused(tmp_path, files)
    assert len(found) == 1 and ": revision: revision 1 of claim 'cl:a' is missing" in found[0]


JUNK = st.one_of(
    st.none(),
    st.text(max_size=30),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=True),
    st.booleans(),
    st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)
REVISION_FIELDS = ("claim_id", "revision", "actor", "at", "why", "claim", "claim.reviewer")


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(field=st.sampled_from(REVISION_FIELDS), value=JUNK, seq=st.integers(0, 2))
def test_any_altered_revision_field_is_refused_by_line_or_read(
    tmp_path_factory: Any, field: str, value: object, seq: int
) -> None:
    """Any field of a claim's revision line set to any JSON value: the import reads it (a
    valid value that changes nothing the history checks) or refuses it naming a line of
    the backup, writing nothing; never a traceback."""
    tmp = tmp_path_factory.mktemp("revisions")
    _, files = _made(tmp)
    path = _file(files, "claim_revisions.jsonl")
    rows = _rows(path)
    _edit_revision(rows, "cl:a", seq, {field: value})
    _write_rows(path, rows)
    found = _refused(tmp, files)
    assert all(p.startswith(str(tmp / "backup")) and ":" in p for p in found), found


QUEUE_OR_CHOICE = {
    "name_queue.jsonl": ("claim_id", "name", "candidates", "status", "person_id", "recorded_at"),
    "choices.jsonl": ("conflict", "chosen", "chosen_by", "chosen_at", "why"),
}


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    name=st.sampled_from(sorted(QUEUE_OR_CHOICE)),
    column=st.integers(0, 5),
    value=JUNK,
    line=st.integers(0, 1),
)
def test_any_altered_queue_or_choice_field_is_refused_by_line_or_read(
    tmp_path_factory: Any, name: str, column: int, value: object, line: int
) -> None:
    """Any field of a queued name or a choice set to any JSON value: read, or refused naming
    the file and line, writing nothing; never a traceback."""
    tmp = tmp_path_factory.mktemp("decisions")
    _, files = _made(tmp)
    path = _file(files, name)
    rows = _rows(path)
    fields = QUEUE_OR_CHOICE[name]
    rows[line][fields[column % len(fields)]] = value
    _write_rows(path, rows)
    found = _refused(tmp, files)
    assert all(p.startswith(f"{path}:") for p in found), found
