"""A documenter's spreadsheet imported, corrected and imported again: `--check` says what the
import will do (refusals included), and no re-import makes a protected person public."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.cli.conftest import Cli

PERSONS = "id,name,aliases,region,country\n{rows}"
ROWS = (
    "by-tkachuk,Ткачук Наталля,Natallia Tkachuk,{region},BY\n"
    "by-zhuk,Жук Аляксей,Aliaksei Zhuk,Мінск,BY\n"
)
EVENTS = (
    "id,person_id,kind,date,mechanism,deal_id\n"
    "t-det,by-tkachuk,detained,2022-01-05,,\n"
    "z-det,by-zhuk,detained,2023-11-07,,\n"
    "z-rel,by-zhuk,released,2025-09-11,pardon,BY-2025-09-11\n"
)


def _write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def _persons(tmp_path: Path, region: str = "Гродна", extra: str | None = None) -> str:
    text = PERSONS.format(rows=ROWS.format(region=region))
    if extra is not None:  # a protection column, with this value (maybe empty) in every row
        lines = text.splitlines()
        text = "\n".join([lines[0] + ",protection"] + [ln + "," + extra for ln in lines[1:]])
    return _write(tmp_path, "persons.csv", text + "\n")


def test_check_reports_what_the_import_would_refuse(cli: Cli, tmp_path: Path) -> None:
    persons = _persons(tmp_path)
    bad = EVENTS + "z-rel2,by-zhuk,released,2025-12-13,pardon,BY-2025-09-11\n"
    bad += "t-rel,by-nobody,released,2024-01-01,pardon,\n"
    events = _write(tmp_path, "events.csv", bad)
    check = cli("import", "--check", persons, events)
    real = cli("import", persons, events)
    assert real.code == 2
    assert check.code == 2, check.out
    assert "nothing was written" not in check.out
    for line in (4, 5):  # every row naming the unknown deal, not only the last
        assert f"events.csv:{line}: deal_id: unknown deal 'BY-2025-09-11'" in check.err
        assert f"events.csv:{line}: deal_id: unknown deal 'BY-2025-09-11'" in real.err
    assert "events.csv:6: person_id: unknown person 'by-nobody'" in check.err


def test_a_sheet_without_protection_keeps_a_protected_person_protected(
    cli: Cli, tmp_path: Path
) -> None:
    events = _write(tmp_path, "events.csv", EVENTS.replace(",BY-2025-09-11", ","))
    assert cli("import", _persons(tmp_path), events).code == 0
    protect = ("edit", "person", "by-tkachuk", "--protection", "withhold_name", "--why", "family")
    assert cli(*protect).code == 0
    corrected = _persons(tmp_path, region="Гродзенская вобл.")  # no protection column
    check = cli("import", "--check", corrected)
    assert check.code == 0, check.err
    assert "region: Гродна -> Гродзенская вобл." in check.out
    assert "protection" not in check.out
    assert "changed records are imported only with --update" in check.out
    r = cli("import", "--update", "--why", "region spelled out", corrected)
    assert r.code == 0, r.err
    assert "protection withhold_name" in cli("person", "by-tkachuk").out
    public = cli("export", "--format", "csv", "--kind", "persons").out
    assert "Tkachuk" not in public and "Ткачук" not in public
    empty_cells = _persons(tmp_path, region="Гродна", extra="")
    assert cli("import", "--update", "--why", "back", empty_cells).code == 0
    assert "protection withhold_name" in cli("person", "by-tkachuk").out


def test_an_import_never_lowers_a_protection(cli: Cli, tmp_path: Path) -> None:
    events = _write(tmp_path, "events.csv", EVENTS.replace(",BY-2025-09-11", ","))
    assert cli("import", _persons(tmp_path), events).code == 0
    protect = ("edit", "person", "by-tkachuk", "--protection", "counts_only", "--why", "f")
    assert cli(*protect).code == 0
    lowered = _persons(tmp_path, region="Гродно", extra="public")
    for args in (("--check",), ("--update", "--why", "sheet")):
        r = cli("import", *args, lowered)
        assert r.code == 2, r.out
        assert "persons.csv:2: protection: person 'by-tkachuk' is counts_only" in r.err
        assert "edit person by-tkachuk --protection" in r.err
    assert "protection counts_only" in cli("person", "by-tkachuk").out
    first = _persons(tmp_path, extra="public")  # the file as first imported: a repeat
    again = cli("import", "--check", first)
    assert again.code == 0 and "0 changed" in again.out, again.out + again.err
    assert cli("import", first).code == 0


def test_a_date_corrected_in_a_sheet_without_ids_is_named_beside_the_old_one(
    cli: Cli, tmp_path: Path
) -> None:
    persons = _persons(tmp_path)
    rows = "id,person_id,kind,date,mechanism\n{id},by-zhuk,detained,{day},\n"
    rows += ",by-zhuk,released,2025-09-11,pardon\n"
    first = _write(tmp_path, "events.csv", rows.format(id="", day="2023-07-11"))
    assert cli("import", persons, first).code == 0
    old = _events(cli, "by-zhuk")[0]["id"]
    corrected = _write(tmp_path, "events.csv", rows.format(id="", day="2023-11-07"))
    check = cli("import", "--check", persons, corrected)
    assert check.code == 0, check.err
    said = "events.csv:2: id: new detained of 'by-zhuk' on 2023-11-07, beside the stored one"
    assert said in check.err and f"give the row the id {old} and import with --update" in check.err
    # following the advice, the row corrects the stored event instead of adding an arrest
    as_advised = _write(tmp_path, "events.csv", rows.format(id=old, day="2023-11-07"))
    r = cli("import", "--update", "--why", "date corrected", persons, as_advised)
    assert r.code == 0 and "revised 1 event" in r.out and "warning" not in r.err, r.err
    assert [e["date"] for e in _events(cli, "by-zhuk") if e["kind"] == "detained"] == ["2023-11-07"]
    # the corrected sheet without ids is now a repeat: no second arrest, no warning
    again = cli("import", persons, corrected)
    assert again.code == 0 and "imported nothing new" in again.out and not again.err


def _events(cli: Cli, person_id: str) -> list[dict[str, Any]]:
    (shown,) = json.loads(cli("person", person_id, "--format", "json").out)
    events: list[dict[str, Any]] = shown["events"]
    return events
