"""The full backup carries the claims (suggestions read from articles) with their review, the
events' links to the claims they were accepted from, and the reviewers' judgements on names
(session 7: after a restore, reviewers lost what they had accepted or rejected and why, and
every accepted event lost the sentence that supports it). Restored, a second backup is the
same bytes; a tampered line is named by file, line and field, and nothing is written; a
backup made before still imports."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from prisonwatch.cli.app import app
from prisonwatch.cli.common import CliError
from prisonwatch.core.dates import FuzzyDate
from prisonwatch.core.records import Claim, Event, Person, Review, Source, Span
from prisonwatch.core.vocabulary import EventKind, Qualifier, ReviewStatus
from prisonwatch.services import importing
from prisonwatch.services.exporting import CLAIM_FIELDS
from prisonwatch.storage.port import Batch, Judgement
from prisonwatch.storage.sql import SqlStore
from tests.services.test_backup_sources import _fresh

AT = datetime(2025, 3, 1, 9, 30)
NOW = datetime(2026, 11, 30, 12, 0)
TEXT = "Minsk, 1 February.\nAles Reviewich was detained on 3 January.\nTwo others were freed.\n"


def _span(piece: str) -> Span:
    start = TEXT.index(piece)
    return Span(start, start + len(piece), piece)


def _claim(cid: str, piece: str, review: Review, **more: Any) -> Claim:
    return Claim(
        id=cid,
        source_id=Source.make_id(TEXT, None),
        action="detained",
        count=1,
        qualifier=Qualifier.EXACT,
        population="Ales Reviewich\nand others",
        when=FuzzyDate.day(date(2025, 1, 3)),
        evidence=_span(piece),
        extractor="be-rules",
        extractor_version="7.1",
        recorded_at=AT,
        confidence=0.75,
        persons=("Ales Reviewich",),
        review=review,
        **more,
    )


def _world(store: SqlStore) -> None:
    """An ingested article, three claims (accepted with a note, rejected with the reason,
    still suggested), the event accepted from the first, and two judgements on names."""
    source = Source(Source.make_id(TEXT, None), None, "Court", "Nasha Niva", None, "be", AT, TEXT)
    accepted = Review(ReviewStatus.ACCEPTED, "ana", datetime(2025, 3, 2, 10, 0, 0, 123456), "ok")
    rejected = Review(ReviewStatus.REJECTED, "bo", datetime(2025, 3, 2, 11, 0), "not political")
    claims = [
        _claim("cl:a", "Ales Reviewich was detained on 3 January.", accepted),
        _claim("cl:r", "Two others were freed.", rejected, part_of="cl:a"),
        _claim("cl:s", "Minsk, 1 February.", Review(), agent="police", country="BY"),
    ]
    event = Event(
        "ev-a",
        "by-reviewich",
        EventKind.DETAINED,
        FuzzyDate.day(date(2025, 1, 3)),
        AT,
        recorded_by="ana",
        source_ids=(source.id,),
        claim_ids=("cl:a",),
    )
    store.apply(
        Batch(
            sources=[source],
            persons=[Person("by-reviewich", "Ales Reviewich", AT, country="BY")],
            claims=claims,
            events=[event],
        ),
        "ana",
        AT,
    )
    store.add_judgement(Judgement("А. Рэвіч", "by-reviewich", "same", "ana", AT, "same man"))
    store.add_judgement(Judgement("Ales R.", "by-reviewich", "unsure", "bo", AT))


def _run(db: str, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, [*args, "--db", db], env={"PRISONWATCH_ACTOR": "t"})
    if isinstance(result.exception, CliError):
        return result.exception.code, str(result.exception)
    return result.exit_code, result.output


def _backup(db: str, out: Path) -> list[Path]:
    code, said = _run(db, "export", "--format", "csv", "--out", str(out), "--include-protected")
    assert code == 0, said
    return sorted(out.iterdir())


def _review_state(store: SqlStore) -> Any:
    claims = sorted(store.claims(), key=lambda c: c.id)
    judged = sorted(
        (j.name, j.person_id, j.verdict, j.decided_by, j.decided_at, j.note)
        for j in store.judgements()
    )
    links = {e.id: e.claim_ids for e in store.events()}
    return claims, judged, links


def test_a_restore_keeps_claims_reviews_and_judgements(store_url: str, tmp_path: Path) -> None:
    store = SqlStore(store_url)
    store.migrate()
    _world(store)
    before = _review_state(store)
    store.close()
    first = _backup(store_url, tmp_path / "first")
    assert {p.name for p in first} >= {"claims.jsonl", "judgements.csv"}
    _fresh(store_url)
    restored = SqlStore(store_url)
    restored.migrate()
    try:
        report = importing.import_files(restored, first, "t", NOW)
        assert report.ok, report.problems
        assert _review_state(restored) == before
        again = importing.import_files(restored, first, "t", NOW)  # a repeat adds nothing
        assert again.ok and again.result is not None and not any(again.result.added.values())
    finally:
        restored.close()
    second = _backup(store_url, tmp_path / "second")
    assert [(p.name, p.read_bytes()) for p in second] == [(p.name, p.read_bytes()) for p in first]


def _first(tmp_path: Path) -> tuple[Path, list[Path]]:
    db = f"sqlite:///{tmp_path / 'a.db'}"
    store = SqlStore(db)
    store.migrate()
    _world(store)
    store.close()
    return tmp_path, _backup(db, tmp_path / "backup")


def _refused(tmp_path: Path, files: list[Path]) -> list[str]:
    other = SqlStore(f"sqlite:///{tmp_path / 'other.db'}")
    other.migrate()
    try:
        report = importing.import_files(other, files, "t", NOW)
        if report.ok:
            return []
        assert other.claims() == [] and other.judgements() == [] and other.persons() == []
        return [str(p) for p in report.problems]
    finally:
        other.close()


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        (
            "evidence_text",
            "Ales Reviewich was RELEASED on 3 January.",
            "evidence_text: not the source's text at characters 19-61",
        ),
        ("review_status", "maybe", "review_status: unknown value 'maybe'"),
        ("reviewer", None, "reviewer: missing: a claim accepted says who and when"),
        ("evidence_end", 10, "evidence_end: before evidence_start (10 < 19)"),
        ("confidence", 7, "confidence: expected a number from 0 to 1, not '7'"),
        ("source_id", "sha256:" + "0" * 64, "source: unknown source"),
    ],
)
def test_a_tampered_claim_is_named_by_file_line_and_field(
    tmp_path: Path, field: str, value: object, reason: str
) -> None:
    _, files = _first(tmp_path)
    claims = next(p for p in files if p.name == "claims.jsonl")
    rows = [json.loads(line) for line in claims.read_text("utf-8").splitlines()]
    line = next(i for i, r in enumerate(rows) if r["id"] == "cl:a")
    rows[line][field] = value
    claims.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    found = _refused(tmp_path, files)
    assert found and all(p.startswith(f"{claims}:{line + 1}: ") for p in found), found
    assert any(reason.split(": ", 1)[1][:20] in p for p in found), (reason, found)


def test_a_tampered_judgement_or_claim_link_is_named(tmp_path: Path) -> None:
    _, files = _first(tmp_path)
    judged = next(p for p in files if p.name == "judgements.csv")
    text = judged.read_text("utf-8").replace(",same,", ",perhaps,")
    judged.write_text(text, "utf-8")
    found = _refused(tmp_path, files)
    assert (
        len(found) == 1 and found[0].startswith(f"{judged}:") and ": verdict: unknown" in found[0]
    )
    (tmp_path / "b").mkdir()
    _, files = _first(tmp_path / "b")
    events = next(p for p in files if p.name == "events.csv")
    events.write_text(events.read_text("utf-8").replace("cl:a", "cl:zzz"), "utf-8")
    assert _refused(tmp_path / "b", files) == [f"{events}:2: claim_ids: unknown claim 'cl:zzz'"]


def test_a_backup_made_before_imports_without_claims(tmp_path: Path) -> None:
    """A backup of session 6: no claims.jsonl, no judgements.csv, events without claim_ids."""
    _, files = _first(tmp_path)
    old = [p for p in files if p.name not in ("claims.jsonl", "judgements.csv")]
    events = next(p for p in old if p.name == "events.csv")
    lines = events.read_text("utf-8").splitlines()
    cut = [",".join(line.split(",")[:-1]) for line in lines]  # the last column: claim_ids
    assert lines[0].endswith(",claim_ids")
    events.write_text("\n".join(cut) + "\n", "utf-8")
    assert _refused(tmp_path, old) == []


JUNK = st.one_of(
    st.none(),
    st.text(max_size=30),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=True),
    st.booleans(),
    st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(field=st.sampled_from(CLAIM_FIELDS), value=JUNK)
def test_any_altered_claim_field_is_refused_by_line_or_read(
    tmp_path_factory: Any, field: str, value: object
) -> None:
    """Any field of a backup's claim set to any JSON value: the import either reads it (a
    value that is valid) or refuses it naming the claim's file and line, writing nothing;
    never a traceback."""
    tmp = tmp_path_factory.mktemp("claims")
    _, files = _first(tmp)
    claims = next(p for p in files if p.name == "claims.jsonl")
    rows = [json.loads(line) for line in claims.read_text("utf-8").splitlines()]
    rows[0][field] = value
    claims.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    found = _refused(tmp, files)
    assert all(p.startswith(f"{claims}:") or ": claim_ids: unknown claim" in p for p in found), (
        field,
        value,
        found,
    )
