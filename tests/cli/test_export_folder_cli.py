"""A public export never lands beside a full backup's files (red team, session 7).

`export --out DIR` wrote its five public CSV files into DIR and said "wrote ... to DIR", also
when DIR held a full backup made earlier with `--include-protected` (the same folder name for
both is the natural habit: `exports/`). The backup's own files, which a public export does not
replace, stayed beside the public ones: `public_ids.csv` (every pseudonym with the protected
person's real id, and the key) and `sources.jsonl` (articles naming protected persons). Whoever
then published the folder published the backup. Likewise a full FollowTheMoney export
(`entities.ftm.json`) left beside a public CSV export, and backup CSV files beside a public
FollowTheMoney export. Now a public export refuses such a folder (exit 2, naming the file) and
writes nothing; a public export into an empty folder, or over a public export of its own
format, goes on as before."""

from __future__ import annotations

from pathlib import Path

from prisonwatch.storage.sql import SqlStore
from tests.cli.conftest import Cli
from tests.services.test_backup_sources import TEXT, _article, _world

SECRETS = ("Hanna Hidden", "by-b-hidden")


def _store(cli: Cli) -> None:
    store = SqlStore(cli.db)
    store.migrate()
    _world(store, [_article(TEXT)])
    store.close()


def _folder(path: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(path.iterdir())}


def _naming_secrets(path: Path) -> list[str]:
    return [n for n, b in _folder(path).items() if any(s.encode() in b for s in SECRETS)]


def test_a_public_export_refuses_a_folder_holding_a_backup(cli: Cli, tmp_path: Path) -> None:
    _store(cli)
    out = tmp_path / "exports"
    assert cli("export", "--format", "csv", "--out", str(out), "--include-protected").code == 0
    assert _naming_secrets(out), "the backup names the protected person"
    before = _folder(out)
    for fmt in ("csv", "ftm"):
        r = cli("export", "--format", fmt, "--out", str(out))
        assert r.code == 2, (fmt, r.out, r.err)
        assert "Traceback" not in r.err
        named = [n for n in before if f"{out / n}:" in r.err]
        assert named and named[0] in ("deals.csv", "public_ids.csv", "sources.jsonl"), r.err
        assert "backup" in r.err and "protected" in r.err
        assert _folder(out) == before  # nothing written


def test_a_public_export_refuses_a_full_ftm_export_left_in_its_folder(
    cli: Cli, tmp_path: Path
) -> None:
    _store(cli)
    out = tmp_path / "exports"
    assert cli("export", "--format", "ftm", "--out", str(out), "--include-protected").code == 0
    assert _naming_secrets(out)
    r = cli("export", "--format", "csv", "--out", str(out))
    assert r.code == 2, r.err
    assert str(out / "entities.ftm.json") in r.err
    assert sorted(_folder(out)) == ["entities.ftm.json"]


def test_public_exports_into_a_new_or_own_folder_go_on(cli: Cli, tmp_path: Path) -> None:
    _store(cli)
    for fmt, name in (("csv", "persons.csv"), ("ftm", "entities.ftm.json")):
        out = tmp_path / f"public-{fmt}"
        assert cli("export", "--format", fmt, "--out", str(out)).code == 0
        (out / "README.md").write_text("published nightly\n")
        r = cli("export", "--format", fmt, "--out", str(out))  # again, over its own files
        assert r.code == 0, r.err
        assert name in _folder(out) and not _naming_secrets(out)
    # a backup may still be written anywhere (it is its owner's alone)
    assert (
        cli(
            "export",
            "--format",
            "csv",
            "--out",
            str(tmp_path / "public-csv"),
            "--include-protected",
        ).code
        == 0
    )
