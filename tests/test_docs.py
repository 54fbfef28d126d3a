"""Every command and option of the CLI is documented (the datasette habit)."""

from __future__ import annotations

from pathlib import Path

import typer.main

from prisonwatch.cli.app import app

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_every_command_and_option_is_documented() -> None:
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    group = typer.main.get_command(app)
    assert hasattr(group, "commands")
    todo = [(name, command) for name, command in group.commands.items()]
    while todo:
        name, command = todo.pop()
        todo.extend((f"{name} {sub}", c) for sub, c in getattr(command, "commands", {}).items())
        assert f"## `prisonwatch {name}" in text, f"command {name} is not documented"
        section = text.split(f"## `prisonwatch {name}", 1)[1].split("\n## ", 1)[0]
        for param in command.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("--") and opt != "--help":
                    assert f"`{opt}" in section, f"{name} {opt} is not documented"


def test_readme_starts_with_the_two_commands() -> None:
    readme = (DOCS.parent / "README.md").read_text(encoding="utf-8").splitlines()
    blocks = [line for line in readme[:15] if line.startswith(("python3 ", "bash "))]
    assert len(blocks) == 2
    assert "prisonwatch demo" in blocks[0]
    assert blocks[1] == "bash scripts/test"
    ci = (DOCS.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert "exec bash scripts/test" in ci
