"""`--org` names an organisation in any declared spelling; a user's aliases file is applied, and
a bad one stops the command with exit status 2 naming the file (the real CLI, SQLite file)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.conftest import SAMPLE_FILES, Cli


def _loaded(cli: Cli) -> Cli:
    r = cli("import", *SAMPLE_FILES)
    assert r.code == 0, r.err
    return cli


def test_org_in_another_script_gives_the_same_figures_under_one_name(cli: Cli) -> None:
    run = _loaded(cli)
    args = ("stats", "--on", "2025-09-30", "--format", "json")
    en = json.loads(run(*args, "--org", "Viasna").out)
    for other in ("Вясна", "Правозащитный центр «Весна»", "Viasna Human Rights Centre"):
        r = run(*args, "--org", other)
        assert r.code == 0, r.err
        assert json.loads(r.out) == en, other
    assert en["organisation"] == "Viasna"
    r = run("stats", "--org", "Vesna")  # a distinct organisation, not in the ledger
    assert r.code == 2 and "no such organisation 'Vesna'" in r.err


def test_a_users_aliases_file_is_applied_and_a_bad_one_is_refused(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run = _loaded(cli)
    mine = tmp_path / "orgs.toml"
    mine.write_text('[[organisation]]\nname = "Viasna"\naliases = ["Вясна Гомель"]\n', "utf-8")
    monkeypatch.setenv("PRISONWATCH_ORG_ALIASES", str(mine))
    args = ("stats", "--on", "2025-09-30", "--format", "json")
    r = run(*args, "--org", "Вясна Гомель")
    assert r.code == 0, r.err
    assert json.loads(r.out) == json.loads(run(*args, "--org", "Viasna").out)
    mine.write_text('[[organisation]]\nname = "Viasna"\naliases = 3\n', "utf-8")
    r = run(*args)
    assert r.code == 2 and r.out == ""
    assert str(mine) in r.err and "field 'aliases'" in r.err and "Traceback" not in r.err
