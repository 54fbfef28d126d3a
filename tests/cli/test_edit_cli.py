"""`prisonwatch edit`, `void`, `history`: corrections as revisions, bad input refused whole."""

from __future__ import annotations

import json

from tests.cli.conftest import SAMPLE_FILES, Cli

PERSON = "by-statkevich-mikola"


def test_edit_history_known_on_and_stale_edit(cli: Cli) -> None:
    assert cli("import", *SAMPLE_FILES).code == 0
    r = cli("edit", "person", PERSON, "--protection", "counts_only", "--why", "family asked")
    assert r.code == 0, r.err
    assert "revision 1" in r.out
    stale = cli("edit", "person", PERSON, "--region", "Minsk", "--why", "x", "--based-on", "0")
    assert stale.code == 2
    assert "changed by revision 1 (tester" in stale.err.replace("\n", " ")
    h = cli("history", "person", PERSON, "--format", "json")
    assert h.code == 0, h.err
    steps = json.loads(h.out)
    assert [s["revision"] for s in steps] == [0, 1]
    assert steps[1]["changes"] == {"protection": ["public", "counts_only"]}
    assert steps[1]["actor"] == "tester" and steps[1]["why"] == "family asked"
    shown = cli("person", PERSON, "--format", "json")
    assert json.loads(shown.out)[0]["protection"] == "counts_only"


def test_bad_edits_exit_2_and_write_nothing(cli: Cli) -> None:
    assert cli("import", *SAMPLE_FILES).code == 0
    cases = [
        (("edit", "person", "ghost", "--region", "x", "--why", "w"), "there is no person 'ghost'"),
        (("edit", "person", PERSON, "--protection", "secret", "--why", "w"), "is not one of"),
        (("edit", "person", PERSON, "--region", "x"), "--why"),
        (("edit", "deal", "BY-2025-09-11", "--concessions", "US", "--why", "w"), "by/what"),
        (("edit", "figure", "nope", "--value", "3", "--why", "w"), "there is no observation"),
        (("void", "planet", "x", "--why", "w"), "unknown kind 'planet'"),
    ]
    for args, message in cases:
        r = cli(*args)
        assert r.code == 2, (args, r.err)
        assert message in r.err.replace("\n", " "), (args, r.err)
    h = cli("history", "person", PERSON, "--format", "json")
    assert len(json.loads(h.out)) == 1


def test_void_a_deal_release_first_then_void_twice_refused(cli: Cli) -> None:
    assert cli("import", *SAMPLE_FILES).code == 0
    refused = cli("void", "deal", "BY-2025-09-11", "--why", "duplicate")
    assert refused.code == 2 and "release(s) name this deal" in refused.err
    before = json.loads(cli("deals", "--format", "json").out)
    known_before = json.loads(cli("deals", "--format", "json", "--known-on", "2025-12-31").out)
    r = cli("edit", "deal", "BY-2025-09-11", "--reported-released", "60", "--why", "2nd source")
    assert r.code == 0, r.err
    after = json.loads(cli("deals", "--format", "json").out)
    (sept,) = [d for d in after if d["id"] == "BY-2025-09-11"]
    assert 60 in [f["value"] for f in sept["published"]["released"]]
    assert after != before
    known = json.loads(cli("deals", "--format", "json", "--known-on", "2025-12-31").out)
    assert known == known_before
    assert cli("void", "figure", "by-held-2020-12", "--why", "duplicate").code == 0
    twice = cli("void", "figure", "by-held-2020-12", "--why", "duplicate")
    assert twice.code == 2 and "is void" in twice.err


def test_event_edit_meets_the_timeline_rules_of_import(cli: Cli) -> None:
    """An edit may not make a timeline that cannot be true, nor date an event after today; a
    timeline left as it was does not block correcting another field."""
    assert cli("import", *SAMPLE_FILES).code == 0
    early = cli("edit", "event", "statkevich-released", "--date", "2019-01-01", "--why", "w")
    assert early.code == 2
    assert "event statkevich-released" in early.err and "no custody before it" in early.err
    late = cli("edit", "event", "statkevich-released", "--date", "2099-01-01", "--why", "w")
    assert late.code == 2 and "is after today" in late.err
    h = cli("history", "event", "statkevich-released", "--format", "json")
    assert len(json.loads(h.out)) == 1  # nothing written
    note = cli("edit", "event", "statkevich-released", "--note", "Refused exile", "--why", "w")
    assert note.code == 0, note.err


def test_a_void_that_leaves_a_timeline_that_cannot_be_true_says_so(cli: Cli) -> None:
    """Voiding a wrong detention is allowed (often the first of several corrections), but the
    release it leaves with no custody before it is said at once, with how to undo it; a void
    that leaves the timeline sound says nothing more."""
    assert cli("import", *SAMPLE_FILES).code == 0
    r = cli("void", "event", "karnei-detained", "--why", "wrong person")
    assert r.code == 0, r.err
    said = r.out.replace("\n", " ")
    assert "cannot be true yet" in said and "event karnei-released" in said
    assert "with no custody before it" in said and "restore event karnei-detained" in said
    clean = cli("void", "event", "kastusiou-released", "--why", "not confirmed")
    assert clean.code == 0 and "cannot be true" not in clean.out
