"""`prisonwatch import`: all or nothing, and every bad row named `file:line: field: reason`."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import SAMPLE_FILES, Cli

PERSONS = (
    "id,name,aliases,birth_year,gender,protection\n"
    "p1,Anna Example,Ганна|A. Example,1980,female,public\n"
)


def write(tmp: Path, name: str, text: str | bytes) -> str:
    p = tmp / name
    if isinstance(text, bytes):
        p.write_bytes(text)
    else:
        p.write_text(text, encoding="utf-8")
    return str(p)


def count_events(cli: Cli) -> int:
    r = cli("stats", "--format", "json", "--on", "2025-01-01")
    assert r.code == 0, r.err
    return int(json.loads(r.out)["events"])


def test_sample_data_imports_and_is_idempotent(cli: Cli) -> None:
    first = cli("import", *SAMPLE_FILES)
    assert first.code == 0, first.err
    assert "imported" in first.out
    again = cli("import", *SAMPLE_FILES)
    assert again.code == 0 and "nothing new" in again.out
    # the count of unchanged records is of every kind, sources too: it says so, not "events"
    assert "record(s) already present (sources included)" in again.out


def test_bad_rows_are_named_and_nothing_is_written(cli: Cli, tmp_path: Path) -> None:
    persons = write(tmp_path, "persons.csv", PERSONS)
    events = write(
        tmp_path,
        "events.csv",
        "person_id,kind,date,mechanism\n"
        "p1,detained,2024-02-30,\n"
        "p1,arrested,2024-01-01,\n"
        "p1,detained,2024-01-01,pardon\n"
        "p1,released,2024-05-01,deal\n",
    )
    r = cli("import", persons, events)
    assert r.code == 2
    lines = r.err.strip().splitlines()
    assert f"{events}:2: date: not a date: '2024-02-30' (day is out of range for month)" in lines
    assert any(line.startswith(f"{events}:3: kind: unknown value 'arrested'") for line in lines)
    assert f"{events}:4: mechanism: only a release has a mechanism, not detained" in lines
    assert lines[-1] == "error: import refused: 3 problem(s); nothing was written"
    assert count_events(cli) == 0
    assert cli("person", "Anna").code == 1


def test_release_before_any_detention_is_refused(cli: Cli, tmp_path: Path) -> None:
    persons = write(tmp_path, "persons.csv", PERSONS)
    events = write(
        tmp_path,
        "events.csv",
        "person_id,kind,date\np1,released,2024-01-01\np1,detained,2024-03-01\n",
    )
    r = cli("import", persons, events)
    assert r.code == 2
    assert f"{events}:2: kind: released on 2024-01-01 with no custody before it" in r.err
    assert count_events(cli) == 0


def test_a_return_to_custody_while_held_is_refused(cli: Cli, tmp_path: Path) -> None:
    """A return says a release came first; with none recorded the release is missing or the
    row is a detention mislabelled. It was accepted silently, and the person's record then
    hid the missing release (new-user trial, session 6)."""
    persons = write(tmp_path, "persons.csv", PERSONS)
    events = write(
        tmp_path,
        "events.csv",
        "id,person_id,kind,date\nd1,p1,detained,2021-03-12\nr1,p1,returned_to_custody,2024-11-17\n",
    )
    r = cli("import", persons, events)
    assert r.code == 2
    assert (
        f"{events}:3: kind: returned_to_custody on 2024-11-17 while held since 2021-03-12 (d1) "
        "with no release between"
    ) in r.err, r.err
    assert count_events(cli) == 0
    fixed = write(
        tmp_path,
        "events_fixed.csv",
        "id,person_id,kind,date\nd1,p1,detained,2021-03-12\nx1,p1,released,2024-06-01\n"
        "r1,p1,returned_to_custody,2024-11-17\n",
    )
    assert cli("import", persons, fixed).code == 0


def test_duplicate_ids_in_file_and_against_the_database(cli: Cli, tmp_path: Path) -> None:
    dup = write(tmp_path, "persons.csv", PERSONS + "p1,Other Name,,,,public\n")
    r = cli("import", dup)
    assert r.code == 2 and f"{dup}:3: id: duplicate person id 'p1'" in r.err
    ok = write(tmp_path, "persons_ok.csv", PERSONS)
    assert cli("import", ok).code == 0
    changed = write(tmp_path, "persons_changed.csv", PERSONS.replace("1980", "1981"))
    r = cli("import", changed)
    assert r.code == 2 and "person 'p1' is already stored with other content" in r.err


def test_unknown_person_and_missing_columns(cli: Cli, tmp_path: Path) -> None:
    events = write(tmp_path, "events.csv", "person_id,kind,date\nghost,detained,2024-01-01\n")
    r = cli("import", events)
    assert r.code == 2 and f"{events}:2: person_id: unknown person 'ghost'" in r.err
    no_cols = write(tmp_path, "events2.csv", "person,kind\nx,detained\n")
    r = cli("import", no_cols)
    assert r.code == 2 and f"{no_cols}:1: person_id: required column missing" in r.err


def test_json_and_jsonl_and_bad_files(cli: Cli, tmp_path: Path) -> None:
    bundle = write(
        tmp_path,
        "bundle.json",
        json.dumps(
            {
                "persons": [{"id": "p2", "name": "Bob", "aliases": ["Боб"]}],
                "events": [{"person_id": "p2", "kind": "detained", "date": "2024"}],
            }
        ),
    )
    lines = write(
        tmp_path,
        "more.jsonl",
        '{"record": "events", "person_id": "p2", "kind": "released", "date": "2025-01", '
        '"mechanism": "pardon"}\n',
    )
    r = cli("import", bundle, lines)
    assert r.code == 0, r.err
    assert count_events(cli) == 2
    binary = write(tmp_path, "events.csv", b"\x00\x01\x02")
    latin = write(tmp_path, "persons.csv", "id,name\np9,J\xf6rg\n".encode("latin-1"))
    broken = write(tmp_path, "x.jsonl", '{"record": "events", \n')
    unknown = write(tmp_path, "notes.txt", "hello")
    r = cli("import", binary, latin, broken, unknown, str(tmp_path / "missing.csv"))
    assert r.code == 2
    err = r.err
    assert f"{binary}: file: binary data, not text" in err
    assert f"{latin}:2: file: not UTF-8" in err
    assert f"{broken}:1: json:" in err
    assert f"{unknown}: file: unknown format '.txt'" in err
    assert "missing.csv: file: No such file or directory" in err
    assert count_events(cli) == 2


def test_supersede_and_void(cli: Cli, tmp_path: Path) -> None:
    persons = write(
        tmp_path, "persons.csv", "id,name,recorded_at\np1,Anna Example,2024-01-01T10:00:00\n"
    )
    events = write(
        tmp_path,
        "events.csv",
        "id,person_id,kind,date,mechanism,supersedes,void,recorded_at\n"
        "d1,p1,detained,2024-01,,,,2024-02-01\n"
        "r1,p1,released,2024-06,pardon,,,2024-07-01\n",
    )
    assert cli("import", persons, events).code == 0
    fix = write(
        tmp_path,
        "events_fix.csv",
        "id,person_id,kind,date,mechanism,supersedes,void,recorded_at\n"
        "r2,p1,released,2024-06-12,pardon,r1,,2024-08-01\n",
    )
    assert cli("import", fix).code == 0

    def events_known(on: str, known: str | None = None) -> int:
        args = ["stats", "--on", on, "--format", "json"]
        if known:
            args += ["--known-on", known]
        return int(json.loads(cli(*args).out)["events"])

    assert events_known("2024-06-30") == 2
    assert events_known("2024-06-30", "2024-07-15") == 2
    assert events_known("2024-06-30", "2024-02-15") == 1
    assert events_known("2024-06-30", "2023-12-31") == 0
    r = cli("person", "p1", "--format", "json")
    (data,) = json.loads(r.out)
    in_force = {e["id"]: e["in_force"] for e in data["events"]}
    assert in_force == {"d1": True, "r1": False, "r2": True}


def test_every_problem_of_a_well_formed_file_is_named_in_one_round(
    cli: Cli, tmp_path: Path
) -> None:
    """A date after today, a release with no custody before it, an unknown person and an
    unknown deal are four mistakes on four lines: one import names all four."""
    persons = write(tmp_path, "persons.csv", PERSONS + "p2,Boris Example,,1975,male,public\n")
    events = write(
        tmp_path,
        "events.csv",
        "person_id,kind,date,mechanism,deal_id\n"
        "p1,detained,2090-01-01,,\n"
        "p2,released,2024-05-01,pardon,\n"
        "ghost,detained,2024-01-01,,\n"
        "p1,detained,2023-01-01,,\n"
        "p1,released,2024-06-01,deal,no-such-deal\n",
    )
    r = cli("import", persons, events)
    assert r.code == 2
    err = r.err
    assert f"{events}:2: date:" in err and "after today" in err
    assert f"{events}:3:" in err
    assert f"{events}:4: person_id: unknown person 'ghost'" in err
    assert f"{events}:6: deal_id: unknown deal 'no-such-deal'" in err
    assert "4 problem(s); nothing was written" in err.strip().splitlines()[-1]
    assert count_events(cli) == 0


def test_a_mistyped_line_does_not_hide_a_date_after_today_on_another(
    cli: Cli, tmp_path: Path
) -> None:
    events = write(
        tmp_path,
        "events.csv",
        "person_id,kind,date\np1,arrested,2024-01-01\np1,detained,2090-01-01\n",
    )
    r = cli("import", write(tmp_path, "persons.csv", PERSONS), events)
    assert r.code == 2
    assert f"{events}:2: kind: unknown value 'arrested'" in r.err
    assert f"{events}:3: date:" in r.err and "after today" in r.err


def test_a_new_event_that_breaks_a_stored_one_is_refused(cli: Cli, tmp_path: Path) -> None:
    """A second release on the day of a stored one, under an id that sorts first, leaves the
    stored release with no custody before it: the new line is refused, not the ledger broken."""
    persons = write(tmp_path, "persons.csv", PERSONS)
    first = write(
        tmp_path,
        "events.csv",
        "id,person_id,kind,date,mechanism\n"
        "e1,p1,detained,2024-06-01,\n"
        "e5,p1,released,2025-09-11,pardon\n",
    )
    assert cli("import", persons, first).code == 0
    again = write(tmp_path, "events2.csv", "id,person_id,kind,date\ne10,p1,released,2025-09-11\n")
    r = cli("import", again)
    assert r.code == 2, r.out
    assert f"{again}:2: kind: " in r.err and "e5" in r.err and "no custody before it" in r.err
    assert count_events(cli) == 2


def test_a_header_saved_with_semicolons_or_capitals_says_so(cli: Cli, tmp_path: Path) -> None:
    """A spreadsheet set to Russian or German saves CSV with ';'; a header may say 'ID': the
    refusal says what to change, not only that the columns are missing."""
    semi = write(tmp_path, "persons.csv", "id;name\np1;Anna Example\n")
    r = cli("import", semi)
    assert r.code == 2
    assert f"{semi}:1: id: required column missing (the header has no comma but ';'" in r.err
    caps = write(tmp_path, "events.csv", "Person_ID,kind,date\np1,detained,2024-01-01\n")
    r = cli("import", caps)
    assert r.code == 2
    assert (
        f"{caps}:1: person_id: required column missing (the header has 'Person_ID': write "
        "column names in lower case, 'person_id')"
    ) in r.err


def test_a_folder_given_whole_says_to_give_its_files(cli: Cli, tmp_path: Path) -> None:
    """A new user restoring a backup types `import backup/` (s8 newuser): the refusal said
    only "is a directory", not that the files in it are what import takes."""
    folder = tmp_path / "backup"
    folder.mkdir()
    (folder / "persons.csv").write_text("id,name\nx1,Foo\n", encoding="utf-8")
    r = cli("import", str(folder))
    assert r.code == 2 and "Traceback" not in r.err
    assert f"{folder}: file: is a directory: give the files in it ({folder}/*)" in r.err


def test_check_names_a_new_source_by_its_address(cli: Cli, tmp_path: Path) -> None:
    """`import --check` listed a source made from an event's `source_url` as `new source
    sha256:... (sha256:...)`, its internal id twice (s8 newuser): it is named by its address."""
    (tmp_path / "persons.csv").write_text("id,name\nx1,Foo\n", encoding="utf-8")
    (tmp_path / "events.csv").write_text(
        "person_id,kind,date,source_url\nx1,detained,2021-01-05,https://example.org/a\n",
        encoding="utf-8",
    )
    r = cli("import", "--check", str(tmp_path / "persons.csv"), str(tmp_path / "events.csv"))
    assert r.code == 0, r.err
    line = next(s for s in r.out.splitlines() if s.startswith("new source "))
    assert line.startswith("new source https://example.org/a (sha256:"), line
