"""The demand commands through the real CLI: record, list, show, resolve, void, bad input."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import SAMPLE_FILES, Cli


def test_a_demand_list_from_a_file_through_the_cli(cli: Cli, tmp_path: Path) -> None:
    assert cli("import", *SAMPLE_FILES).code == 0
    names = tmp_path / "list.csv"
    names.write_text("name,note\nМікола Статкевіч,\nNobody Atall,not in the registry\n", "utf-8")
    r = cli(
        "demand",
        "add",
        "--by",
        "United States",
        "--of",
        "Belarus",
        "--on",
        "2025-09-11",
        "--count",
        "1400",
        "--qualifier",
        "up_to",
        "--source",
        "https://example.org/1400",
        "--names",
        str(names),
    )
    assert r.code == 0, r.err
    assert "1 matched, 1 unmatched" in r.out
    rows = json.loads(cli("demands", "--format", "json").out)
    assert rows[0]["count"] == 1400 and rows[0]["qualifier"] == "up_to"
    did = rows[0]["id"]
    shown = json.loads(cli("demand", "show", did, "--on", "2026-01-01", "--format", "json").out)
    assert [n["status"] for n in shown["names"]] == ["held", "unknown"]
    csv_out = cli("demand", "show", did, "--format", "csv").out
    assert csv_out.splitlines()[0] == "position,name,registry,match,status,since,deal"
    assert cli("demand", "resolve", did, "1", "--nobody", "--why", "checked").code == 0
    assert cli("demand", "void", did, "--why", "test").code == 0
    again = cli("demand", "void", did, "--why", "test")
    assert again.code == 2 and "already voided" in again.err


def test_bad_demand_input_is_exit_2_with_the_reason(cli: Cli, tmp_path: Path) -> None:
    assert cli("import", *SAMPLE_FILES).code == 0
    base = ["demand", "add", "--by", "EU", "--source", "https://example.org/x"]
    r = cli(*base, "--on", "2025-02-30", "--name", "A B")
    assert r.code == 2 and "--on" in r.err
    r = cli(*base, "--on", "2025-02-01", "--name", "A B", "--qualifier", "lots")
    assert r.code == 2 and "--qualifier" in r.err
    r = cli(
        "demand",
        "add",
        "--by",
        "EU",
        "--on",
        "2025-02-01",
        "--name",
        "A",
        "--source",
        "javascript:x",
    )
    assert r.code == 2 and "http(s)" in r.err
    bad = tmp_path / "bad.csv"
    bad.write_text('name\nA B\n""\n', "utf-8")
    r = cli(*base, "--on", "2025-02-01", "--names", str(bad))
    assert r.code == 2 and f"{bad}:3: name: empty" in r.err
    assert cli("demand", "show", "dm:nope").code == 2
    assert json.loads(cli("demands", "--format", "json").out) == []
