"""A store restored from its backup shows the public the same ids (session 4).

The backup (`export --include-protected`) holds every protected name and every original id;
it did not hold the store's key for public ids, nor the stored pseudonyms of withheld persons
and their events, so a store restored from it made new ones and every public link to a record
shown under a public id broke. The backup now carries them (`public_ids`), and the import
stores them as given; a store that already gives another id to the same record refuses the
restore instead of changing an id the public knows. Real SQLite file and PostgreSQL as the
original; the restore goes to a SQLite file (a backup does not depend on the backend).
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prisonwatch.services import exporting, importing
from prisonwatch.services.public import Projection
from prisonwatch.storage.sql import SqlStore
from tests.web.leak_canaries import NOW
from tests.web.test_record_id_leaks import DEAL, FIGURES, HELD, _world


def _backup(store: SqlStore, out: Path) -> list[Path]:
    out.mkdir()
    data = exporting.export_records(store, include_protected=True)
    for kind, rows in data.items():
        if kind in exporting.JSONL_KINDS:  # texts span lines: JSON Lines, as the CLI writes
            (out / f"{kind}.jsonl").write_text(exporting.to_jsonl(rows), encoding="utf-8")
            continue
        text = exporting.to_csv(rows, kind, backup=True)
        (out / f"{kind}.csv").write_text(text, encoding="utf-8")
    kinds = ("persons", "deals", "events", "observations")
    return [out / "sources.jsonl", *(out / f"{k}.csv" for k in kinds)]


def _public(store: SqlStore) -> tuple[dict[str, Any], list[str]]:
    proj = Projection.build(store)
    ids = [proj.record_id("deal", DEAL), proj.record_id("event", HELD)]
    ids += [proj.record_id("figure", f) for f in FIGURES]
    return exporting.export_records(store, at=NOW), ids


def test_a_restored_store_shows_the_same_public_ids(store: SqlStore, tmp_path: Path) -> None:
    _world(store, tmp_path, "withhold_name")
    before, ids = _public(store)
    assert DEAL not in ids and HELD not in ids  # the canaries are shown under public ids
    pseudonyms = {p["id"] for p in before["persons"] if p["name"] != "Ales Zhukouski"}
    assert pseudonyms and all(p.startswith("person-") for p in pseudonyms)
    files = _backup(store, tmp_path / "backup")
    backup = json.loads(json.dumps(exporting.export_records(store, include_protected=True)))
    assert {p["kind"] for p in backup["public_ids"]} == {"key", "person"}

    restored = SqlStore(f"sqlite:///{tmp_path / 'restored.db'}")
    restored.migrate()
    try:
        report = importing.import_files(
            restored, [*files, tmp_path / "backup" / "public_ids.csv"], "tester", NOW
        )
        assert report.ok, report.problems
        after, ids_after = _public(restored)
        assert ids_after == ids
        assert after == before  # pseudonyms, public event ids, keyed ids: all the same
    finally:
        restored.close()


def test_a_store_with_its_own_ids_refuses_the_restore(store: SqlStore, tmp_path: Path) -> None:
    """Restoring over a store that already gave public ids of its own would change ids the
    public knows: the import names the line and writes nothing."""
    _world(store, tmp_path, "withhold_name")
    _public(store)
    files = _backup(store, tmp_path / "backup")
    other = SqlStore(f"sqlite:///{tmp_path / 'other.db'}")
    other.migrate()
    try:
        (tmp_path / "w").mkdir()
        _world(other, tmp_path / "w", "withhold_name")
        _, own = _public(other)
        report = importing.import_files(
            other, [*files, tmp_path / "backup" / "public_ids.csv"], "tester", NOW
        )
        assert not report.ok
        assert any(
            p.where.startswith(str(tmp_path / "backup" / "public_ids.csv"))
            and p.field == "public_id"
            for p in report.problems
        ), report.problems
        assert _public(other)[1] == own
    finally:
        other.close()


def test_bad_public_id_rows_are_named(tmp_path: Path) -> None:
    bad = tmp_path / "public_ids.csv"
    bad.write_text(
        "kind,record_id,public_id\n"
        "key,record-ids,not-hex\n"
        "person,p1,event-0123456789abcdef\n"
        "secret,x,secret-0123456789abcdef\n",
        encoding="utf-8",
    )
    _, problems = importing.read_files([bad], NOW)
    assert [(p.where, p.field) for p in problems] == [
        (f"{bad}:2", "public_id"),
        (f"{bad}:3", "public_id"),
        (f"{bad}:4", "kind"),
    ]


_FIELD = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["key", "person", "event", "record-ids", "person-0123456789abcdef"]),
    st.from_regex(r"[0-9a-f]{32}", fullmatch=True),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(st.tuples(_FIELD, _FIELD, _FIELD), min_size=1, max_size=5))
def test_generated_public_id_rows_are_read_or_named_by_line_and_field(
    rows: list[tuple[str, str, str]],
) -> None:
    """Any public_ids file is read into public ids or refused with `file:line` and the field
    at fault: never an exception, never a row dropped without a word."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["kind", "record_id", "public_id"])
    writer.writerows(rows)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "public_ids.csv"
        path.write_text(buf.getvalue(), encoding="utf-8")
        batch, problems = importing.read_files([path], NOW)
    for p in problems:
        assert p.where.startswith(f"{path}"), p
        assert p.field in ("kind", "record_id", "public_id", "csv", "file", "id", "record"), p
    if not problems:
        assert len(batch.public_ids) == len(rows)
        assert all(p.kind in ("key", "person", "event") for p in batch.public_ids)
