"""`prisonwatch import`: file order never matters; --check shows, --update revises."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import SAMPLE, SAMPLE_FILES, Cli


def test_file_order_does_not_matter_and_sources_are_filled_in(cli: Cli) -> None:
    backwards = list(reversed(SAMPLE_FILES))
    r = cli("import", *backwards)
    assert r.code == 0, r.err
    again = cli("import", *SAMPLE_FILES)
    assert again.code == 0, again.err
    assert "nothing new" in again.out and "revised" not in again.out


def test_sources_after_events_fill_in_the_addresses(cli: Cli) -> None:
    first = [f for f in SAMPLE_FILES if not f.endswith(("sources.csv", "observations.csv"))]
    assert cli("import", *first).code == 0
    described = [f for f in SAMPLE_FILES if f.endswith("sources.csv")]
    r = cli("import", *reversed(described))
    assert r.code == 0, r.err
    assert "revised" in r.out and "source" in r.out
    again = cli("import", *SAMPLE_FILES)
    assert again.code == 0 and " observations;" in again.out, again.err
    assert "revised" not in again.out and "imported nothing" not in again.out


def test_check_then_update_a_changed_person(cli: Cli, tmp_path: Path) -> None:
    assert cli("import", *SAMPLE_FILES).code == 0
    text = (SAMPLE / "persons.csv").read_text(encoding="utf-8")
    changed = tmp_path / "persons.csv"
    changed.write_text(text.replace("Mikola Statkevich,", "Mikola Statkevič,", 1), "utf-8")
    check = cli("import", str(changed), "--check")
    assert check.code == 0, check.err
    assert f"changed person {changed}:" in check.out
    assert "name: Mikola Statkevich -> Mikola Statkevič" in check.out
    assert "0 new, 1 changed" in check.out
    refused = cli("import", str(changed))
    assert refused.code == 2
    assert "'by-statkevich-mikola' is already stored with other content" in refused.err
    assert cli("import", str(changed), "--update").code == 2
    r = cli("import", str(changed), "--update", "--why", "spelling")
    assert r.code == 0 and "revised 1 person" in r.out, r.err
    shown = json.loads(cli("person", "by-statkevich-mikola", "--format", "json").out)
    assert shown[0]["name"] == "Mikola Statkevič"
    steps = json.loads(cli("history", "person", "by-statkevich-mikola", "--format", "json").out)
    assert steps[-1]["why"] == "spelling"
    assert cli("import", *SAMPLE_FILES).code == 0
