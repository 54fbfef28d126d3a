"""The China political prisoner list, converted and imported: deaths shown as deaths, and the
registry's stock on the list's date equal to the list's own count."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tests.cli.conftest import Cli
from tests.conftest import SHARED

LIST = SHARED / "data" / "china_political_prisoners" / "chinese-political-prisoners.csv"
SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "convert_china_list.py"
AS_OF = date(2020, 9, 22)


def _last_day(text: str) -> date:
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 1:
        return date(parts[0], 12, 31)
    y, m = parts
    return date.fromordinal(date(y + (m == 12), m % 12 + 1, 1).toordinal() - 1)


def _first_day(text: str) -> date:
    parts = [int(p) for p in text.split("-")]
    return date(*parts, *([1] * (3 - len(parts))))


def _held_on_list_date(row: dict[str, str]) -> bool:
    """The list's own reading: held unless the sentence ended by its date or the person died."""
    s, died = row["Sentence"], row["Date of Death"]
    if died and _last_day(died) <= AS_OF:
        return False
    return not (s[:1].isdigit() and _last_day(s) <= AS_OF)


@pytest.mark.skipif(not LIST.exists(), reason="../shared/data is not beside the repository")
def test_the_china_list_imports_with_deaths_as_deaths(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "cn"
    done = subprocess.run(
        [sys.executable, str(SCRIPT), str(LIST), str(out)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.count("warning:") == 3  # three impossible birth dates, each named
    r = cli("import", str(out / "sources.csv"), str(out / "persons.csv"), str(out / "events.csv"))
    assert r.code == 0, r.err
    rows = list(csv.DictReader(LIST.open(encoding="utf-8")))
    stats = json.loads(
        cli(
            "stats",
            "--on",
            AS_OF.isoformat(),
            "--from",
            "1990-01-01",
            "--to",
            AS_OF.isoformat(),
            "--by",
            "year",
            "--format",
            "json",
        ).out
    )
    held = sum(_held_on_list_date(r) for r in rows)
    assert stats["stock"] == {"low": held, "high": held}
    assert stats["persons"] == len(rows)
    deaths = sum(
        p["outflow_by_mechanism"].get("died_in_custody", {"low": 0})["low"] for p in stats["series"]
    )
    dead_in_custody = sum(
        1
        for r in rows
        if r["Date of Death"]
        and not (
            r["Sentence"][:1].isdigit()
            and _last_day(r["Sentence"]) < _first_day(r["Date of Death"])
        )
    )
    assert deaths == dead_in_custody
    liu = json.loads(cli("person", "刘晓波", "--format", "json").out)[0]
    assert liu["status"] == "died in custody"
    assert [e["kind"] for e in liu["events"]][-1] == "died_in_custody"


def test_a_future_event_is_refused_at_import(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "persons.csv").write_text("id,name\np1,Test Person\n", encoding="utf-8")
    (tmp_path / "events.csv").write_text(
        "id,person_id,kind,date\ne1,p1,detained,2020-01-01\ne2,p1,released,2100-01-01\n",
        encoding="utf-8",
    )
    r = cli("import", str(tmp_path / "persons.csv"), str(tmp_path / "events.csv"))
    assert r.code == 2
    assert "events.csv:3: date: released on 2100-01-01 is after today" in r.err
