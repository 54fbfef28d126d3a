"""`review show` before accepting, `review undo` after, through the real command line."""

from __future__ import annotations

import json
from pathlib import Path

from prisonwatch.core.records import content_id
from tests.cli.conftest import SAMPLE_FILES, Cli
from tests.conftest import SHARED

SEED = str(SHARED / "articles" / "000_1c74653c835ba617.txt")


def test_show_accept_undo(cli: Cli) -> None:
    assert cli("import", *SAMPLE_FILES).code == 0
    assert cli("ingest", SEED).code == 0
    listed = json.loads(cli("review", "list", "--format", "json").out)
    figure = next(
        c
        for c in listed
        if c["action"] in ("held", "released", "designated") and c["count"] > len(c["persons"])
    )
    shown = cli("review", "show", figure["id"], "--format", "json")
    assert shown.code == 0, shown.err
    plan = json.loads(shown.out)
    assert len(plan["figures"]) == 1 and plan["figures"][0]["value"] == figure["count"]
    before = cli("stats", "--format", "json").out
    assert cli("review", "accept", figure["id"]).code == 0
    assert cli("review", "undo", figure["id"]).code == 2  # no --why
    r = cli("review", "undo", figure["id"], "--why", "mis-read")
    assert r.code == 0 and "1 figure(s)" in r.out, r.err
    assert cli("stats", "--format", "json").out == before
    again = cli("review", "undo", figure["id"], "--why", "twice")
    assert again.code == 2 and "not accepted" in again.err
    open_ids = [c["id"] for c in json.loads(cli("review", "list", "--format", "json").out)]
    assert figure["id"] in open_ids


def test_a_spelling_learned_by_review_shows_in_history_and_leaves_with_undo(
    cli: Cli, tmp_path: Path
) -> None:
    article = tmp_path / "losik.txt"
    article.write_text(
        "date 2025-09-12\nІгара Лосіка вызвалілі 11 верасня 2025 года, паведамляе Вясна. "
        "Лосік правёў у турме больш за чатыры гады.\n",
        encoding="utf-8",
    )
    assert cli("import", *SAMPLE_FILES).code == 0
    r = cli("ingest", str(article))
    assert r.code == 0, r.err
    listed = json.loads(cli("review", "list", "--format", "json").out)
    (claim,) = [c for c in listed if c["persons"]]
    plan = json.loads(cli("review", "show", claim["id"], "--format", "json").out)
    assert plan["aliases_learned"] == [{"person": "by-losik-ihar", "spelling": "Ігар Лосік"}]
    r = cli("review", "accept", claim["id"])
    assert r.code == 0 and "Ігар Лосік → by-losik-ihar" in r.out, r.out + r.err
    history = cli("history", "person", "by-losik-ihar", "--format", "json")
    assert history.code == 0 and "Ігар Лосік" in history.out
    assert f"accepted claim {claim['id']}" in history.out
    found = json.loads(cli("match", "Ігарам Лосікам", "--format", "json").out)
    assert found[0]["person_id"] == "by-losik-ihar" and found[0]["score"] >= 0.9
    by_alias = json.loads(cli("person", "Ігар Лосік", "--format", "json").out)
    assert [p["id"] for p in by_alias] == ["by-losik-ihar"]
    r = cli("review", "undo", claim["id"], "--why", "mis-read")
    assert r.code == 0 and "1 learned spelling(s) withdrawn" in r.out, r.out + r.err
    shown = json.loads(cli("person", "by-losik-ihar", "--format", "json").out)
    assert "Ігар Лосік" not in shown[0]["aliases"]
    # no stored spelling holds it any more: `person` reaches it only through the name matcher
    # (which reads the Belarusian form), among its other candidates, no longer as the one
    # person whose spelling it is
    by_matcher = json.loads(cli("person", "Ігар Лосік", "--format", "json").out)
    assert len(by_matcher) > 1 and "by-losik-ihar" in [p["id"] for p in by_matcher]


def test_accepting_again_after_an_undo_keeps_the_persons_protection(
    cli: Cli, tmp_path: Path
) -> None:
    """Red team: accept a claim (it makes a person), protect that person (`counts_only`), undo
    the acceptance (the person is voided), accept again: the person was restored as first
    recorded, public, and the public API showed the name. Restoring keeps the stricter
    protection of the person's last version."""
    article = tmp_path / "hrodna.txt"
    article.write_text(
        "On 3 October 2025 police in Hrodna detained activist Uladzimir Tsikhamirau, "
        "his lawyer said.\n",
        encoding="utf-8",
    )
    assert cli("ingest", str(article), "--date", "2025-10-05").code == 0
    (claim,) = json.loads(cli("review", "list", "--format", "json").out)
    assert cli("review", "accept", claim["id"]).code == 0
    pid = content_id("pe", "Uladzimir Tsikhamirau")
    r = cli("edit", "person", pid, "--protection", "counts_only", "--why", "family asked")
    assert r.code == 0, r.err
    assert cli("review", "undo", claim["id"], "--why", "misread").code == 0
    assert cli("review", "accept", claim["id"]).code == 0
    steps = json.loads(cli("history", "person", pid, "--format", "json").out)
    assert steps[-1]["why"] == "restored: recorded again"
    assert "protection" not in steps[-1]["changes"], steps[-1]
    exported = tmp_path / "out"
    assert cli("export", "--format", "csv", "--out", str(exported)).code == 0
    assert "Tsikhamirau" not in (exported / "persons.csv").read_text(encoding="utf-8")


def test_undo_of_the_claim_that_built_a_deal_withdraws_the_deal_and_its_note(cli: Cli) -> None:
    """On an empty registry, accepting the article's release figures builds a deal from the
    52-freed claim; undoing that claim must not leave the deal, its figures or its note
    ("built from claim ...") behind, and while a later acceptance still changes the deal, the
    undo is refused with the reason and nothing is written."""
    assert cli("init").code == 0
    assert cli("ingest", SEED).code == 0
    listed = json.loads(cli("review", "list", "--format", "json").out)
    by_count = {(c["action"], c["count"]): c["id"] for c in listed}
    main = by_count[("released", 52)]
    political = by_count[("released", 40)]
    returned = by_count[("returned_to_custody", 1)]
    r = cli("review", "accept", main, political, returned)
    assert r.code == 0 and "1 new deal(s)" in r.out, r.out + r.err
    (deal,) = json.loads(cli("deals", "--format", "json").out)
    assert main in (deal["note"] or "")
    refused = cli("review", "undo", main, "--why", "misread")
    assert refused.code == 2
    assert f"deal {deal['id']}" in refused.err and returned in refused.err, refused.err
    assert json.loads(cli("deals", "--format", "json").out) == [deal]  # nothing written
    for cid in (returned, political):
        assert cli("review", "undo", cid, "--why", "misread").code == 0
    r = cli("review", "undo", main, "--why", "misread")
    assert r.code == 0 and "1 voided" in r.out, r.out + r.err
    assert json.loads(cli("deals", "--format", "json").out) == []
    stats = json.loads(cli("stats", "--on", "2025-12-31", "--format", "json").out)
    assert stats["released_in_deals"]["deals"] == []
    history = cli("history", "deal", deal["id"])
    assert history.code == 0 and "[void]" in history.out
    # accepted again after the undo, the deal comes back, and a second undo withdraws it again
    assert cli("review", "accept", main).code == 0
    assert [d["id"] for d in json.loads(cli("deals", "--format", "json").out)] == [deal["id"]]
    r = cli("review", "undo", main, "--why", "again")
    assert r.code == 0 and "1 voided" in r.out, r.out + r.err
    assert json.loads(cli("deals", "--format", "json").out) == []
