"""`review show` before accepting, `review undo` after, through the real command line."""

from __future__ import annotations

import json

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
