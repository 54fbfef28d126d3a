"""The demand commands through the real CLI: record, list, show, resolve, void, bad input."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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
    head = "position,name,registry,match,status,since,how,deal,before_demand"
    assert csv_out.splitlines()[0] == head
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


def test_a_diplomats_list_says_how_each_was_freed_and_who_was_free_already(
    cli: Cli, tmp_path: Path
) -> None:
    persons = tmp_path / "persons.csv"
    persons.write_text(
        "id,name\nby-a,Ales Bialiatski\nby-b,Ihar Alinevich\nby-c,Mikola Statkevich\n", "utf-8"
    )
    events = tmp_path / "events.csv"
    events.write_text(
        "id,person_id,kind,date,mechanism\n"
        "a1,by-a,detained,2021-07-14,\na2,by-a,released,2025-12-13,deportation\n"
        "b1,by-b,detained,2010-11-28,\nb2,by-b,released,2015-08-22,pardon\n"
        "c1,by-c,detained,2020-05-31,\n",
        "utf-8",
    )
    assert cli("import", str(persons), str(events)).code == 0
    names = tmp_path / "list.txt"
    names.write_text("Ales Bialiatski\nIhar Alinevich\nMikola Statkevich\n", "utf-8")
    source = ("--source", "https://example.org/list", "--names", str(names))
    assert cli("demand", "add", "--by", "Embassy", "--on", "2025-06-01", *source).code == 0
    did = json.loads(cli("demands", "--format", "json").out)[0]["id"]
    rows = cli("demand", "show", did, "--on", "2026-01-01", "--format", "csv").out.splitlines()
    assert rows[1:] == [
        "0,Ales Bialiatski,Ales Bialiatski,matched,freed,2025-12-13,deportation,,",
        "1,Ihar Alinevich,Ihar Alinevich,matched,freed,2015-08-22,pardon,,yes",
        "2,Mikola Statkevich,Mikola Statkevich,matched,held,,,,",
    ]
    table = cli("demand", "show", did, "--on", "2026-01-01").out
    assert "freed 2 (1 of them before the demand was made)" in table


def test_a_demand_from_a_letter_or_a_meeting_has_a_described_source(
    cli: Cli, tmp_path: Path
) -> None:
    """A diplomat's list comes from a letter or a meeting, not a web page (session 7: `demand
    add` refused anything but an http(s) address). `--source-text` describes it; the demand
    says nobody can check it online; an address that is not http(s) points to the option."""
    assert cli("import", *SAMPLE_FILES).code == 0
    base = [
        "demand",
        "add",
        "--by",
        "Embassy of X",
        "--on",
        "2025-06-01",
        "--name",
        "Мікола Статкевіч",
    ]
    said = "Letter of the Embassy of X to the foreign ministry, 1 June 2025"
    r = cli(*base, "--source-text", said)
    assert r.code == 0, r.err
    assert "no address" in r.out and "keep the letter" in r.out
    (row,) = json.loads(cli("demands", "--format", "json").out)
    assert row["by"] == "Embassy of X"
    wrong = cli(*base, "--source", "letter of 1 June")
    assert wrong.code == 2 and "--source-text" in wrong.err
    both = cli(*base, "--source", "https://e.org/x", "--source-text", said)
    assert both.code == 2 and "give one" in both.err
    neither = cli(*base)
    assert neither.code == 2 and "give one" in neither.err
    empty = cli(*base, "--source-text", "  ")
    assert empty.code == 2 and "source text" in empty.err
    assert len(json.loads(cli("demands", "--format", "json").out)) == 1  # nothing half-made


@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    option=st.text(alphabet="abcdefghijklmnopqrstuvwxyz-", min_size=1, max_size=12),
    value=st.text(
        alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
        max_size=30,
    ),
)
def test_any_option_mistake_is_one_line_with_exit_2(cli: Cli, option: str, value: str) -> None:
    """Typer's usage errors were a box over several lines, with a long message wrapped in it:
    now one line naming the command and what is wrong, and where to find help."""
    r = cli("demand", "add", "--by", "EU", f"--{option.strip('-') or 'x'}x", value, "--on")
    assert r.code == 2, (r.out, r.err)
    lines = r.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "--help" in lines[0], r.err
