"""What a newcomer keeping a spreadsheet of political prisoners meets on first use: their own
record files with the mistakes people make, looking a person up by the spelling at hand, and
correcting what they entered. Each test is a step that went wrong once (s3 newcomer session)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import SAMPLE_FILES, Cli

PERSONS = """id,name,aliases,country
p1,Ales Bialiatski,Алесь Бяляцкі|Алесь Беляцкий,BY
p2,Maria Kalesnikava,Марыя Калеснікава;Мария Колесникова,BY
"""

EVENTS = """person_id,kind,date,organisation,note
p1,detained,2021-07-14,,"see [Viasna] card [/b], [sic]"
p1,designated,2021-07-16,Viasna,
"""


def _write(tmp_path: Path, persons: str) -> list[str]:
    (tmp_path / "persons.csv").write_text(persons, encoding="utf-8")
    (tmp_path / "events.csv").write_text(EVENTS, encoding="utf-8")
    return [str(tmp_path / "persons.csv"), str(tmp_path / "events.csv")]


def test_aliases_run_together_with_a_semicolon_are_refused(cli: Cli, tmp_path: Path) -> None:
    """`edit person --aliases` separates with ';', record files with '|': a file written the
    first way stored one alias "A;B" that no search found. Now it is refused, naming the line
    and the separator to use, and nothing is written."""
    r = cli("import", *_write(tmp_path, PERSONS))
    assert r.code == 2, r.out
    assert "persons.csv:3: aliases: ';' in 'Марыя Калеснікава;Мария Колесникова'" in r.err
    assert "separate spellings with '|'" in r.err
    assert cli("person", "p1").code == 1  # nothing written
    fixed = PERSONS.replace("Калеснікава;Мария", "Калеснікава|Мария")
    r = cli("import", *_write(tmp_path, fixed))
    assert r.code == 0, r.err
    (found,) = json.loads(cli("person", "Мария Колесникова", "--format", "json").out)
    assert found["id"] == "p2"


def test_person_table_prints_brackets_as_written_and_names_event_ids(
    cli: Cli, tmp_path: Path
) -> None:
    """A note with "[/b]" made `person` fail with a MarkupError, and "[sic]" vanished; the
    table now prints what was recorded, and each event's id, which `edit event` needs."""
    fixed = PERSONS.replace("Калеснікава;Мария", "Калеснікава|Мария")
    assert cli("import", *_write(tmp_path, fixed)).code == 0
    r = cli("person", "p1")
    assert r.code == 0, r.err
    assert "see [Viasna] card [/b], [sic]" in r.out
    ids = [e["id"] for e in json.loads(cli("person", "p1", "--format", "json").out)[0]["events"]]
    assert len(ids) == 2 and all(i in r.out for i in ids)


def test_person_finds_spellings_the_matcher_reads(cli: Cli) -> None:
    """README: "a timeline, by any spelling or script". An inflected form or another
    transliteration is found as `match` and the web search find it; a name nobody bears is
    still exit 1, with a hint."""
    assert cli("import", *SAMPLE_FILES).code == 0
    for query in ("Статкевича", "Statkievič"):
        r = cli("person", query, "--format", "json")
        assert r.code == 0, (query, r.err)
        assert "by-statkevich-mikola" in [p["id"] for p in json.loads(r.out)], query
    missing = cli("person", "Zzyzx Qwrtp")
    assert missing.code == 1
    assert "no person matches 'Zzyzx Qwrtp'" in missing.err and "prisonwatch match" in missing.err
    assert len(missing.err.strip().splitlines()) == 1


def test_a_new_source_address_on_add_says_how_to_record_it(cli: Cli) -> None:
    assert cli("import", *SAMPLE_FILES).code == 0
    r = cli(
        "add", "event", "--person-id", "by-statkevich-mikola", "--kind", "transferred",
        "--date", "2025-10-01", "--source-ids", "https://example.org/new",
    )  # fmt: skip
    assert r.code == 2
    err = r.err.replace("\n", " ")
    assert "there is no source 'https://example.org/new'" in err and "importing it" in err


def test_a_voided_event_says_it_cannot_be_edited_back(cli: Cli) -> None:
    """After a void by mistake, `add` of the same content once said "edit it", and editing
    then said only "is void": both now point to `restore` (or another id), and `restore`
    brings the event back as it was, refusing a restore without a reason."""
    assert cli("import", *SAMPLE_FILES).code == 0
    args = ("--person-id", "by-statkevich-mikola", "--kind", "transferred", "--date", "2025-10")
    r = cli("add", "event", *args, "--format", "json")
    assert r.code == 0, r.err
    event_id = json.loads(r.out)["id"]
    assert cli("void", "event", event_id, "--why", "mistake").code == 0
    edit = cli("edit", "event", event_id, "--note", "back", "--why", "undo")
    assert edit.code == 2 and f"is void (restore it first: restore event {event_id}" in edit.err
    again = cli("add", "event", *args)
    assert again.code == 2 and "already exists (void): restore it" in again.err
    assert "or give another id" in again.err and "edit it" not in again.err
    assert cli("restore", "event", event_id).code == 2  # no --why
    back = cli("restore", "event", event_id, "--why", "voided by mistake")
    assert back.code == 0 and "restored (revision 2)" in back.out, back.err
    history = cli("history", "event", event_id).out
    assert "voided by mistake" in history and "mistake" in history
    assert cli("restore", "event", event_id, "--why", "twice").code == 2  # not void
    assert cli("audit", "verify").code == 0  # the restore is a revision the chain vouches for
    assert cli("add", "event", *args, "--id", "ev-again").code == 0


def test_stats_sets_the_registry_count_beside_the_latest_published_one(cli: Cli) -> None:
    """ "How many were held on 1 Jan 2025?": the table printed only the registry's 20–34, which
    a reader took for the country's figure; JSON and the web had the published count beside
    it. The table now says both, with the registry's share."""
    assert cli("import", *SAMPLE_FILES).code == 0
    r = cli("stats", "--on", "2025-01-01")
    assert r.code == 0, r.err
    head = json.loads(cli("stats", "--on", "2025-01-01", "--format", "json").out)["headline"]
    assert "Political prisoners named in the registry on 2025-01-01" in r.out
    line = next(x for x in r.out.splitlines() if x.startswith("Latest published count"))
    assert f"{head['text']} on {head['on']}" in line and f"at most {head['coverage']}%" in line
