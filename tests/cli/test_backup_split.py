"""Every file of a full backup is split past the import's size limit (session 7: only the
sources were, so a registry whose `events.csv` outgrew 16 MiB made a backup that could not be
restored). The limit is lowered here so that the sample's files each run over it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from prisonwatch.cli.app import app
from prisonwatch.cli.common import CliError
from prisonwatch.ingest import record_files
from prisonwatch.services import importing
from prisonwatch.storage.sql import SqlStore
from tests.cli.conftest import SAMPLE_FILES
from tests.services.test_merge_counts import NOW

LIMIT = 2048
"""Bytes: a few rows of the sample's events a file."""


def _run(db: str, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, [*args, "--db", db], env={"PRISONWATCH_ACTOR": "t"})
    if isinstance(result.exception, CliError):
        return result.exception.code, str(result.exception)
    return result.exit_code, result.output


def _backup(db: str, out: Path) -> list[tuple[str, bytes]]:
    code, said = _run(db, "export", "--format", "csv", "--out", str(out), "--include-protected")
    assert code == 0, said
    return [(p.name, p.read_bytes()) for p in sorted(out.iterdir())]


@pytest.fixture
def small_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(record_files, "MAX_FILE_BYTES", LIMIT)


def test_a_backup_past_the_limit_is_split_and_restores_to_the_same_bytes(
    small_limit: None, tmp_path: Path
) -> None:
    db = f"sqlite:///{tmp_path / 'a.db'}"
    store = SqlStore(db)
    store.migrate()
    # read at the real limit (the sample's files are larger than the lowered one)
    with pytest.MonkeyPatch.context() as m:
        m.setattr(record_files, "MAX_FILE_BYTES", 16 * 1024 * 1024)
        assert importing.import_files(store, [Path(p) for p in SAMPLE_FILES], "t", NOW).ok
    store.close()
    files = _backup(db, tmp_path / "backup")
    names = [n for n, _ in files]
    for kind in ("events", "persons", "deals", "observations"):
        assert f"{kind}.csv" in names and f"{kind}-2.csv" in names, names
    assert all(len(b) <= LIMIT for _, b in files), [(n, len(b)) for n, b in files]
    header = {n: b.split(b"\n", 1)[0] for n, b in files if n.endswith(".csv")}
    assert header["events-2.csv"] == header["events.csv"]  # each part reads on its own

    other = f"sqlite:///{tmp_path / 'b.db'}"
    code, said = _run(other, "import", *(str(tmp_path / "backup" / n) for n in names))
    assert code == 0, said
    assert _backup(other, tmp_path / "again") == files
    whole = _run(db, "export", "--format", "json", "--include-protected")
    assert json.loads(whole[1]) == json.loads(
        _run(other, "export", "--format", "json", "--include-protected")[1]
    )


def test_one_file_past_the_limit_is_refused_by_name(small_limit: None, tmp_path: Path) -> None:
    """What a backup made before this change held: one `events.csv` past the limit. The
    import names the file and the limit and writes nothing."""
    big = tmp_path / "events.csv"
    big.write_text(
        "id,person_id,kind,date\n" + "".join(f"e{i},by-x,detained,2021-01-01\n" for i in range(200))
    )
    db = f"sqlite:///{tmp_path / 'a.db'}"
    problems = importing.import_files(SqlStore(db), [big], "t", NOW).problems
    assert [str(p) for p in problems] == [
        f"{big}: file: too large ({big.stat().st_size} bytes; limit {LIMIT}): split it into "
        "smaller files"
    ]
    code, said = _run(db, "import", str(big))
    assert code == 2 and "nothing was written" in said
    store = SqlStore(db)
    assert store.events() == []
    store.close()


def test_a_folder_with_parts_of_a_larger_backup_is_refused(
    small_limit: None, tmp_path: Path
) -> None:
    """Backing up into the folder of an earlier, larger backup left its `events-3.csv`, which
    a restore of every file would read too: refused, naming it, nothing written."""
    db = f"sqlite:///{tmp_path / 'a.db'}"
    SqlStore(db).migrate()
    out = tmp_path / "backup"
    out.mkdir()
    (out / "events-3.csv").write_text("id\n")
    code, said = _run(db, "export", "--format", "csv", "--out", str(out), "--include-protected")
    assert code == 2 and "events-3.csv" in said and "empty folder" in said
    assert sorted(p.name for p in out.iterdir()) == ["events-3.csv"]
