"""The review loop through the real command line."""

from __future__ import annotations

import json

from tests.cli.conftest import SAMPLE_FILES, Cli
from tests.conftest import SHARED

SEED = str(SHARED / "articles" / "000_1c74653c835ba617.txt")


def test_ingest_review_and_deals(cli: Cli) -> None:
    assert cli("import", *SAMPLE_FILES).code == 0
    r = cli("ingest", SEED, str(SHARED / "articles" / "013.txt"))
    assert r.code == 0, r.err
    assert "2 new source(s)" in r.out
    listed = json.loads(cli("review", "list", "--format", "json").out)
    seed = [c for c in listed if "Coale last visited" in c["evidence"] or c["count"] == 167]
    source_id = seed[0]["source_id"]
    r = cli("review", "accept-source", source_id)
    assert r.code == 0 and "accepted 5" in r.out, r.err
    deals = json.loads(cli("deals", "--format", "json").out)
    sept = next(d for d in deals if d["id"] == "BY-2025-09-11")
    published = sept["published"]
    assert 52 in [f["value"] for f in published["released"]]
    assert 40 in [f["value"] for f in published["political_prisoners"]]
    assert sept["registry"]["returned_to_custody"] == 1
    assert any(r["days_low"] is not None for r in sept["replacement"])
    again = cli("review", "accept", seed[0]["id"])
    assert again.code == 0
    r = cli("review", "reject", seed[0]["id"])
    assert r.code == 2 and "already accepted" in r.err


def test_bad_review_commands(cli: Cli) -> None:
    assert cli("import", *SAMPLE_FILES).code == 0
    for args, fragment in [
        (("review", "accept", "cl:nope"), "unknown suggestion 'cl:nope'"),
        (("review", "edit", "cl:nope", "--count", "3"), "unknown suggestion"),
        (("review", "edit", "cl:nope"), "nothing to change"),
        (("merge", "by-znak-maksim", "by-znak-maksim"), "with itself"),
        (("merge", "by-znak-maksim", "ghost"), "unknown person"),
        (("judge", "Znak", "ghost", "same"), "unknown person 'ghost'"),
        (("judge", "Znak", "by-znak-maksim", "maybe"), "verdict must be one of"),
        (("names", "resolve", "99", "by-znak-maksim"), "no queued name 99"),
        (("conflicts", "choose", "nope", "x", "--why", "y"), "no conflict 'nope'"),
        (("review", "list", "--status", "odd"), "--status: unknown status"),
    ]:
        r = cli(*args)
        assert r.code == 2, (args, r.out, r.err)
        assert fragment in r.err and "Traceback" not in r.err, (args, r.err)
    r = cli("judge", "Maksim Z.", "by-znak-maksim", "not_same")
    assert r.code == 0
    r = cli("judge", "Maksim Z.", "by-znak-maksim", "same")
    assert r.code == 2 and "was judged not_same" in r.err


def test_match_json(cli: Cli) -> None:
    assert cli("import", *SAMPLE_FILES).code == 0
    for query, person in [
        ("Колесниковой", "by-kalesnikava-maria"),
        ("Statkevich, Mikola", "by-statkevich-mikola"),
        ("Sjarhej Cichanoŭski", "by-tsikhanouski-siarhei"),
    ]:
        r = cli("match", query, "--format", "json")
        assert r.code == 0, r.err
        best = json.loads(r.out)[0]
        assert best["person_id"] == person and 0 <= best["score"] <= 1 and best["why"]


def test_conflicts_listed(cli: Cli) -> None:
    assert cli("import", *SAMPLE_FILES).code == 0
    data = json.loads(cli("conflicts", "--format", "json").out)
    keys = {c["key"] for c in data}
    assert "released|BY|2025-12-13" in keys
    r = cli(
        "conflicts",
        "choose",
        "released|BY|2025-12-13",
        "by-released-2025-12-13",
        "--why",
        "two outlets agree",
    )
    assert r.code == 0, r.err
    data = json.loads(cli("conflicts", "--format", "json").out)
    chosen = next(c for c in data if c["key"] == "released|BY|2025-12-13")["chosen"]
    assert chosen["why"] == "two outlets agree" and chosen["by"] == "tester"


def test_confidence_orders_the_queue_and_the_floor_drops_claims(cli: Cli) -> None:
    articles = [str(SHARED / "articles" / n) for n in ("013.txt", "204.txt")]
    assert cli("ingest", *articles).code == 0
    listed = json.loads(cli("review", "list", "--format", "json").out)
    values = [c["confidence"] for c in listed]
    assert values == sorted(values, reverse=True)
    levels = sorted(set(values))
    assert len(levels) > 1, f"every claim got {levels}"
    floor = (levels[0] + levels[1]) / 2
    r = cli("review", "list", "--min-confidence", str(floor), "--format", "json")
    assert r.code == 0, r.err
    kept = json.loads(r.out)
    assert [c["id"] for c in kept] == [c["id"] for c in listed if c["confidence"] >= floor]
    assert 0 < len(kept) < len(listed)
    table = cli("review", "list", "--min-confidence", str(floor)).out
    assert f"{len(kept)} claim(s)" in table and f"{kept[0]['confidence']:.2f}" in table
    source_id = listed[-1]["source_id"]  # a source with a claim below the floor
    mine = [c for c in listed if c["source_id"] == source_id]
    r = cli("review", "accept-source", source_id, "--min-confidence", str(floor))
    above = sum(c["confidence"] >= floor for c in mine)
    assert r.code == 0 and f"accepted {above} suggestion(s)" in r.out, r.err
    assert above < len(mine)
    for bad in ("1.5", "-0.1", "nan"):
        r = cli("review", "list", "--min-confidence", bad)
        assert r.code == 2 and "--min-confidence" in r.err and "between 0 and 1" in r.err
        r = cli("review", "accept-source", source_id, "--min-confidence", bad)
        assert r.code == 2 and "between 0 and 1" in r.err
