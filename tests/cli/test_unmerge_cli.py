"""A wrong merge is undone from the command line: the person stands alone again."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import Cli


def test_a_wrong_merge_is_undone(cli: Cli, tmp_path: Path) -> None:
    persons = tmp_path / "persons.csv"
    persons.write_text(
        "id,name,aliases\nby-zhuk,Жук Аляксей,Aliaksei Zhuk\nby-kuzmich,Кузьміч Раман,"
        "Raman Kuzmich\n",
        "utf-8",
    )
    assert cli("import", str(persons)).code == 0
    merged = cli("merge", "by-zhuk", "by-kuzmich", "--why", "looked alike")
    assert merged.code == 0 and "prisonwatch unmerge by-kuzmich" in merged.out
    found = json.loads(cli("match", "Raman Kuzmich", "--format", "json").out)
    assert [m["person_id"] for m in found] == ["by-zhuk"]
    assert cli("unmerge", "by-kuzmich").code == 2  # --why is required
    r = cli("unmerge", "by-kuzmich", "--why", "two different men")
    assert r.code == 0 and "no longer merged into by-zhuk" in r.out, r.err
    found = json.loads(cli("match", "Raman Kuzmich", "--format", "json").out)
    assert found[0]["person_id"] == "by-kuzmich"
    steps = json.loads(cli("history", "person", "by-kuzmich", "--format", "json").out)
    assert [s["why"] for s in steps][-2:] == ["looked alike", "two different men"]
    again = cli("unmerge", "by-kuzmich", "--why", "again")
    assert again.code == 2 and "is not merged into another" in again.err
    assert cli("audit", "verify").code == 0


def test_the_merged_away_record_says_where_it_went(cli: Cli, tmp_path: Path) -> None:
    persons = tmp_path / "persons.csv"
    persons.write_text("id,name\nby-a,Андрэй Кавалёў\nby-b,Andrej Kavaliou\n", "utf-8")
    assert cli("import", str(persons)).code == 0
    assert cli("merge", "by-a", "by-b").code == 0
    shown = cli("person", "by-b").out
    assert "merged into by-a" in shown and "prisonwatch unmerge by-b" in shown
    (data,) = json.loads(cli("person", "by-b", "--format", "json").out)
    assert data["merged_into"] == "by-a"
    (kept,) = json.loads(cli("person", "by-a", "--format", "json").out)
    assert kept["merged_into"] is None


def test_a_merge_says_where_the_two_timelines_disagree(cli: Cli, tmp_path: Path) -> None:
    """Two records of one man, arrested on different days by each list: the merge is made
    (one person from then on, counted once) and says which facts differ, to be settled."""
    persons = tmp_path / "persons.csv"
    persons.write_text("id,name\nby-a,Андрэй Кавалёў\nby-b,Andrej Kavaliou\n", "utf-8")
    events = tmp_path / "events.csv"
    events.write_text(
        "id,person_id,kind,date\na1,by-a,detained,2021-03-01\nb1,by-b,detained,2021-03-02\n",
        "utf-8",
    )
    assert cli("import", str(persons), str(events)).code == 0
    before = json.loads(cli("stats", "--on", "2022-01-01", "--format", "json").out)
    r = cli("merge", "by-a", "by-b")
    assert r.code == 0, r.err
    assert "b1: detained on 2021-03-02 differs from the kept record's a1 on 2021-03-01" in r.err
    after = json.loads(cli("stats", "--on", "2022-01-01", "--format", "json").out)
    assert (before["persons"], after["persons"]) == (2, 1)
    (kept,) = json.loads(cli("person", "by-a", "--format", "json").out)
    assert kept["merged_records"] == ["by-b"] and len(kept["disagreements"]) == 1
    assert [e.get("record") for e in kept["events"]] == [None, "by-b"]
