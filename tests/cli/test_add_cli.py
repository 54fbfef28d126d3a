"""`prisonwatch add KIND`, `edit judgement`, `edit choice` on SQLite and PostgreSQL: records added
by hand, judgements and choices corrected as revisions, stale and bad edits refused with exit 2
and nothing written; generated bad `add` options refused the same way."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from prisonwatch.cli.app import app
from prisonwatch.cli.common import CliError
from prisonwatch.services.record_fields import FIELDS
from prisonwatch.storage.sql import SqlStore
from tests.cli.conftest import SAMPLE_FILES, Cli

PERSON = "by-statkevich-mikola"
NAME = "Mikalai Statkevich"
CONFLICT = "released|BY|2025-09-11"
VALUES = ("by-released-2025-09-11", "by-released-2025-09-11-viasna")


def _cli(store_url: str, tmp_path: Path) -> Cli:
    cli = Cli(store_url, tmp_path)
    r = cli("import", *SAMPLE_FILES)
    assert r.code == 0, r.err
    return cli


def _refused(cli: Cli, message: str, *args: str) -> None:
    r = cli(*args)
    assert r.code == 2, (args, r.out, r.err)
    assert message in r.err.replace("\n", " "), (args, r.err)


def test_edit_a_judgement_and_a_choice(store_url: str, tmp_path: Path) -> None:
    cli = _cli(store_url, tmp_path)
    assert cli("judge", NAME, PERSON, "same").code == 0
    assert json.loads(cli("match", NAME, "--format", "json").out)[0]["person_id"] == PERSON
    r = cli("edit", "judgement", "1", "--verdict", "not_same", "--why", "another man")
    assert r.code == 0 and "judgement 1: revision 1" in r.out, r.err
    assert PERSON not in [
        c["person_id"] for c in json.loads(cli("match", NAME, "--format", "json").out)
    ]
    steps = json.loads(cli("history", "judgement", "1", "--format", "json").out)
    assert [s["revision"] for s in steps] == [0, 1]
    assert steps[0]["actor"] == "tester" and steps[1]["changes"] == {
        "verdict": ["same", "not_same"]
    }
    _refused(
        cli,
        "changed by revision 1",
        "edit",
        "judgement",
        "1",
        "--note",
        "x",
        "--why",
        "w",
        "--based-on",
        "0",
    )
    _refused(
        cli,
        "'maybe' is not one of same, not_same, unsure",
        "edit",
        "judgement",
        "1",
        "--verdict",
        "maybe",
        "--why",
        "w",
    )
    _refused(
        cli,
        "there is no judgement '7'",
        "edit",
        "judgement",
        "7",
        "--verdict",
        "same",
        "--why",
        "w",
    )
    # a second judgement of the same name and person may not contradict the first
    assert cli("judge", NAME, PERSON, "unsure").code == 0
    _refused(
        cli,
        "judgement 1 (tester) says",
        "edit",
        "judgement",
        "2",
        "--verdict",
        "same",
        "--why",
        "w",
    )
    assert cli("void", "judgement", "1", "--why", "wrong").code == 0
    assert cli("edit", "judgement", "2", "--verdict", "same", "--why", "sure now").code == 0
    _refused(
        cli, "judgement '1' is void", "edit", "judgement", "1", "--verdict", "unsure", "--why", "w"
    )

    assert cli("conflicts", "choose", CONFLICT, VALUES[0], "--why", "the total").code == 0
    r = cli("edit", "choice", "1", "--chosen", VALUES[1], "--why", "Viasna's count")
    assert r.code == 0, r.err
    (chosen,) = [
        c["chosen"]
        for c in json.loads(cli("conflicts", "--format", "json").out)
        if c["key"] == CONFLICT
    ]
    assert chosen["chosen"] == VALUES[1] and chosen["why"] == "Viasna's count"
    r = cli("edit", "choice", "1", "--reason", "per Viasna's list", "--why", "clearer")
    assert r.code == 0, r.err
    _refused(
        cli,
        "is not one of the values of",
        "edit",
        "choice",
        "1",
        "--chosen",
        "by-held-2020-12",
        "--why",
        "w",
    )
    _refused(
        cli,
        "the edit changes nothing",
        "edit",
        "choice",
        "1",
        "--chosen",
        VALUES[1],
        "--reason",
        "per Viasna's list",
        "--why",
        "w",
    )
    _refused(cli, "--why", "edit", "choice", "1", "--chosen", VALUES[0])
    steps = json.loads(cli("history", "choice", "1", "--format", "json").out)
    assert [s["revision"] for s in steps] == [0, 1, 2]
    assert steps[2]["changes"] == {"why": ["Viasna's count", "per Viasna's list"]}


def test_add_records_by_hand(store_url: str, tmp_path: Path) -> None:
    cli = _cli(store_url, tmp_path)
    r = cli(
        "add",
        "person",
        "--name",
        "Volha Testava",
        "--aliases",
        "Вольга Тэстава",
        "--protection",
        "withhold_name",
        "--format",
        "json",
    )
    assert r.code == 0, r.err
    person = json.loads(r.out)
    assert person["protection"] == "withhold_name" and person["aliases"] == ["Вольга Тэстава"]
    pid = person["id"]
    r = cli(
        "add",
        "event",
        "--person-id",
        pid,
        "--kind",
        "detained",
        "--date",
        "2024-05",
        "--articles",
        "342",
        "--sentence",
        "3y",
    )
    assert r.code == 0, r.err
    r = cli(
        "add",
        "deal",
        "--date",
        "2026-02-03",
        "--country",
        "BY",
        "--parties",
        "United States; Belarus",
        "--concessions",
        "United States/sanctions_eased/potash",
        "--reported-released",
        "14",
    )
    assert r.code == 0 and "deal BY-2026-02-03: added" in r.out, r.err
    r = cli(
        "add",
        "figure",
        "--metric",
        "released",
        "--value",
        "12",
        "--period",
        "2026-02-03",
        "--organisation",
        "Viasna",
        "--country",
        "BY",
    )
    assert r.code == 0, r.err
    deals = json.loads(cli("deals", "--format", "json").out)
    (deal,) = [d for d in deals if d["id"] == "BY-2026-02-03"]
    assert [f["value"] for f in deal["published"]["political_prisoners"]] == [12]
    assert [c["target"] for c in deal["concessions"]] == ["potash"]
    shown = json.loads(cli("person", pid, "--format", "json").out)[0]
    assert [e["kind"] for e in shown["events"]] == ["detained"]
    assert shown["events"][0]["custody_details"]["articles"] == ["342"]
    steps = json.loads(cli("history", "person", pid, "--format", "json").out)
    assert [(s["revision"], s["actor"], s["why"]) for s in steps] == [
        (0, "tester", "first recorded")
    ]
    _refused(
        cli, "already exists (stored)", "add", "deal", "--date", "2026-02-03", "--country", "BY"
    )
    _refused(
        cli,
        "after today",
        "add",
        "event",
        "--person-id",
        pid,
        "--kind",
        "released",
        "--date",
        "2099",
    )
    _refused(cli, "name: is required", "add", "person", "--region", "Minsk")
    assert json.loads(cli("deals", "--format", "json").out) == deals


# -- generated bad options, in process (the real app on a real database), both backends ------

VALID: dict[str, dict[str, str]] = {
    "person": {"name": "Fuzz Person"},
    "event": {"person_id": PERSON, "kind": "detained", "date": "2020-05-31"},
    "deal": {"date": "2026-01-01", "country": "BY", "reported_released": "10"},
    "figure": {"metric": "held", "value": "5", "period": "2026-01-01"},
}
BAD: dict[str, dict[str, list[str]]] = {
    "person": {
        "birth_year": ["x", "-3", "1700", "99999999999"],
        "gender": ["woman", "F"],
        "protection": ["secret", "PUBLIC"],
        "country": ["BYR", "1X"],
        "name": ["a\x07b", "n" * 301],
    },
    "event": {
        "person_id": ["ghost", "p" * 81],
        "kind": ["arrested", "release"],
        "date": ["2025-13", "soon", "1700"],
        "mechanism": ["pardon"],
        "deal_id": ["no-deal", "BY-2025-09-11"],
        "source_ids": ["no-source"],
        "sentence_months": ["5q", "abc"],
        "term_ends": ["2025", "2019-01-01"],
    },
    "deal": {
        "date": ["2025-02-30", "x"],
        "country": ["BYR"],
        "concessions": ["US", "a/b/c/d", "US/" + "w" * 65],
        "reported_released": ["-1", "ten", "2147483648"],
        "reported_political_prisoners": ["11"],
    },
    "figure": {
        "metric": ["prisoners"],
        "value": ["-5", "1.5", "many"],
        "period": ["2025-00"],
        "qualifier": ["roughly"],
    },
}


def _flag(kind: str, name: str) -> str:
    field = FIELDS["observation" if kind == "figure" else kind][name]
    return "--" + (field.option or name).replace("_", "-")


@st.composite
def bad_adds(draw: st.DrawFn) -> list[str]:
    kind = draw(st.sampled_from(sorted(VALID)))
    values = dict(VALID[kind])
    names = draw(st.lists(st.sampled_from(sorted(BAD[kind])), min_size=1, max_size=3, unique=True))
    for name in names:
        values[name] = draw(st.sampled_from(BAD[kind][name]))
    args = ["add", kind]
    for name, value in values.items():
        args += [_flag(kind, name), value]
    return args


def _run(db: str, args: list[str]) -> tuple[int, str]:
    """The command in process, with `main`'s mapping of a refusal to its exit status."""
    result = CliRunner().invoke(app, [*args, "--db", db], env={"PRISONWATCH_ACTOR": "fuzz"})
    if isinstance(result.exception, CliError):
        return result.exception.code, str(result.exception)
    return result.exit_code, result.output


def _written(store: SqlStore) -> tuple[int, ...]:
    head = store.audit_log(limit=1)
    counts = (len(store.persons()), len(store.events()), len(store.deals()))
    return (*counts, len(store.observations()), head[0].id if head else 0)


def test_generated_bad_add_options_exit_2_and_write_nothing(store_url: str, tmp_path: Path) -> None:
    _cli(store_url, tmp_path)
    store = SqlStore(store_url)
    before = _written(store)
    kinds: set[str] = set()

    @settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
    @given(args=bad_adds())
    def check(args: list[str]) -> None:
        kinds.add(args[1])
        code, message = _run(store_url, args)
        assert code == 2, (args, code, message)
        assert message.startswith(("new ", "deal ", "event ", "observation ", "person ")), message
        assert _written(store) == before, args

    try:
        check()
        assert kinds == set(VALID)
        for kind, values in VALID.items():  # unspoiled, each option set is written
            args = ["add", kind, *[x for n, v in values.items() for x in (_flag(kind, n), v)]]
            code, message = _run(store_url, args)
            assert code == 0, (args, message)
    finally:
        store.close()


def test_an_id_no_address_can_name_is_refused(store_url: str, tmp_path: Path) -> None:
    """Red team: `add person --id "a b/c"` was stored, a record no page or API route can reach."""
    cli = _cli(store_url, tmp_path)
    _refused(cli, "id: '/' at character 2", "add", "person", "--name", "Ales Slash", "--id", "a/b")
    _refused(cli, "name: holds nothing visible", "add", "person", "--name", "\u200b")
    assert "Ales Slash" not in cli("person", "Ales Slash").out
    # red team, session 4: '.' and '..' alone are folded by browsers into the address above
    for dots in (".", ".."):
        _refused(cli, f"id: {dots!r}", "add", "person", "--name", "Ales Dots", "--id", dots)
    assert "Ales Dots" not in cli("person", "Ales Dots").out


def test_a_deal_release_without_a_deal_id_is_written_with_a_warning(
    store_url: str, tmp_path: Path
) -> None:
    """A release through a deal that names no deal counts in no deal's figures: import (and its
    --check) and add write it all the same, and say so once, on stderr, where it is."""
    cli = _cli(store_url, tmp_path)
    events = tmp_path / "events.csv"
    events.write_text(
        "id,person_id,kind,date,mechanism,organisation,deal_id,source_url,recorded_at\n"
        f"dealless,{PERSON},released,2025-09-20,deal,,,https://example.org/x,2026-11-29\n"
        f"again,{PERSON},detained,2025-09-25,,,,https://example.org/x,2026-11-29\n"
        f"named,{PERSON},released,2025-09-28,deal,,BY-2025-09-11,https://example.org/x,2026-11-29\n",
        encoding="utf-8",
    )
    r = cli("import", str(events), "--check")
    assert r.code == 0, r.err
    assert r.err.count(": deal_id:") == 1 and f"warning: {events}:2: deal_id:" in r.err, r.err
    assert "count in no deal" in r.err.replace("\n", " ")
    r = cli(
        "add", "event", "--person-id", PERSON, "--kind", "released", "--date", "2025-10-05",
        "--mechanism", "deal",
    )  # fmt: skip
    assert r.code == 0 and ": added" in r.out, r.err
    assert "warning:" in r.err and "count in no deal" in r.err.replace("\n", " "), r.err
    r = cli("add", "event", "--person-id", PERSON, "--kind", "detained", "--date", "2025-10-10")
    assert r.code == 0 and "warning" not in r.err, r.err
    r = cli(
        "add", "event", "--person-id", PERSON, "--kind", "released", "--date", "2025-10-15",
        "--mechanism", "pardon",
    )  # fmt: skip
    assert r.code == 0 and "warning" not in r.err, r.err
