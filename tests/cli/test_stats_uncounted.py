"""A registry imported without designations counts no political prisoner: `stats` says how
many held persons it leaves out and why, instead of a bare 0."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import Cli


def test_held_persons_without_a_designation_are_named_as_not_counted(
    cli: Cli, tmp_path: Path
) -> None:
    persons = tmp_path / "persons.csv"
    persons.write_text("id,name\np1,Андрэй Кавалёў\np2,Вольга Семянюк\np3,Ганна С\n", "utf-8")
    events = tmp_path / "events.csv"
    events.write_text(
        "id,person_id,kind,date,organisation\n"
        "e1,p1,detained,2021-03-12,\ne2,p2,detained,2021-05-04,\n"
        "e3,p3,detained,2021-06-16,\ne4,p3,designated,2021-07-01,Viasna\n",
        "utf-8",
    )
    assert cli("import", str(persons), str(events)).code == 0
    table = cli("stats", "--on", "2025-01-01").out
    assert "on 2025-01-01: 1" in table
    assert "at least 2 more person(s) held that day are not counted" in table
    data = json.loads(cli("stats", "--on", "2025-01-01", "--format", "json").out)
    assert (data["stock"]["high"], data["held_not_counted"]) == (1, 2)
    before = json.loads(cli("stats", "--on", "2021-06-20", "--format", "json").out)
    assert before["held_not_counted"] == 3  # p3 not yet designated on that day
