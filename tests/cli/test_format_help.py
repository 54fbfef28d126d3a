"""Every command's `--format` help offers exactly the formats the command accepts.

`match --help` offered csv, which `match` refused: a user reading the help got an error for
following it. Each command is run with a format no command has, and the formats its refusal
names are compared with the ones its help offers."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import typer
from typer.testing import CliRunner

from prisonwatch.cli.app import app

_HELP = re.compile(r"^(.*?)(?: \(the only format\))?\.$")


def _commands(group: Any, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], Any]]:
    """Every command and group of the command line, by the words that call it."""
    found: list[tuple[tuple[str, ...], Any]] = []
    for name, command in sorted(group.commands.items()):
        if hasattr(command, "commands"):
            found.extend(_commands(command, (*path, name)))
            if any(p.name == "format" for p in command.params):
                found.append(((*path, name), command))
        else:
            found.append(((*path, name), command))
    return found


def _offered(command: Any) -> list[str] | None:
    for param in command.params:
        if "--format" in getattr(param, "opts", ()):
            match = _HELP.match(param.help or "")
            assert match, (command.name, param.help)
            return re.split(r", | or ", match.group(1))
    return None


def test_every_format_help_names_what_the_command_accepts(tmp_path: Path) -> None:
    root = typer.main.get_command(app)
    runner = CliRunner()
    checked = 0
    for path, command in _commands(root):
        offered = _offered(command)
        if offered is None:
            continue
        arguments = [
            "x"
            for p in command.params
            if p.param_type_name == "argument" and p.required
            for _ in range(p.nargs if p.nargs > 0 else 1)
        ]
        db = str(tmp_path / "empty.db")
        has_db = any("--db" in getattr(p, "opts", ()) for p in command.params)
        options = ["--format", "xml", *(["--db", db] if has_db else [])]
        result = runner.invoke(app, [*path, *arguments, *options])
        said = result.output + str(result.exception)  # CliError reaches stderr in main()
        found = re.search(r"--format: unknown format 'xml' \(expected ([^)]*)\)", said)
        assert found, (path, result.exit_code, said)
        assert found.group(1).split(", ") == offered, (path, offered, found.group(1))
        checked += 1
    assert checked >= 15
