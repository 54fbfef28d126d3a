"""The backup on the command line keeps every event's sources (session 6): a store with an
ingested article (no address) is backed up (`export --include-protected`, CSV folder and JSON),
restored into a new store (`import`), and `person` shows the same sources; a second backup of
the restored store is the same files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from prisonwatch.storage.sql import SqlStore
from tests.cli.conftest import Cli
from tests.services.test_backup_sources import TEXT, _article, _listing, _world


def _sources(cli: Cli, person: str) -> list[Any]:
    r = cli("person", person, "--format", "json")
    assert r.code == 0, r.err
    (found,) = json.loads(r.out)
    return [e["sources"] for e in found["events"]]


def test_a_restored_backup_shows_each_events_sources(cli: Cli, tmp_path: Path) -> None:
    store = SqlStore(cli.db)
    store.migrate()
    _world(store, [_article(TEXT), _listing("https://example.org/list")])
    store.close()
    before = _sources(cli, "by-b-ales")
    assert before and all(len(s) == 2 for s in before)

    out = tmp_path / "backup"
    r = cli("export", "--format", "csv", "--out", str(out), "--include-protected")
    assert r.code == 0, r.err
    files = sorted(out.iterdir())
    other = Cli(f"sqlite:///{tmp_path / 'other.db'}", tmp_path)
    r = other("import", *map(str, files))
    assert r.code == 0, r.err
    assert _sources(other, "by-b-ales") == before
    again = tmp_path / "again"
    assert other("export", "--format", "csv", "--out", str(again), "--include-protected").code == 0
    assert [(p.name, p.read_bytes()) for p in sorted(again.iterdir())] == [
        (p.name, p.read_bytes()) for p in files
    ]

    backup = tmp_path / "backup.json"
    backup.write_text(cli("export", "--format", "json", "--include-protected").out)
    third = Cli(f"sqlite:///{tmp_path / 'third.db'}", tmp_path)
    r = third("import", str(backup))
    assert r.code == 0, r.err
    assert _sources(third, "by-b-ales") == before
    assert third("export", "--format", "json", "--include-protected").out == backup.read_text()


def test_a_bad_backup_line_is_named_and_the_restore_writes_nothing(
    cli: Cli, tmp_path: Path
) -> None:
    store = SqlStore(cli.db)
    store.migrate()
    _world(store, [_article(TEXT)])
    store.close()
    out = tmp_path / "backup"
    assert cli("export", "--format", "csv", "--out", str(out), "--include-protected").code == 0
    sources = out / "sources.jsonl"
    row = json.loads(sources.read_text())
    sources.write_text(json.dumps({**row, "text": row["text"] + "tampered"}) + "\n")
    other = Cli(f"sqlite:///{tmp_path / 'other.db'}", tmp_path)
    r = other("import", *map(str, sorted(out.iterdir())))
    assert r.code == 2
    assert f"{sources}:1: id: not the hash of the source's text" in r.err
    assert other("export", "--format", "json", "--include-protected").out.count("by-b-ales") == 0
