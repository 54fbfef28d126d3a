"""`prisonwatch audit verify|checkpoint|log` on a real SQLite file, tampered with in SQL."""

from __future__ import annotations

import json
import sqlite3

from tests.cli.conftest import SAMPLE_FILES, Cli


def _db_file(cli: Cli) -> str:
    return cli.db.removeprefix("sqlite:///")


def test_verify_passes_then_names_the_entry_changed_in_sql(cli: Cli) -> None:
    assert cli("import", *SAMPLE_FILES).code == 0
    r = cli("audit", "verify")
    assert r.code == 0, r.err
    assert "audit chain intact" in r.out
    with sqlite3.connect(_db_file(cli)) as conn:
        conn.execute("UPDATE audit SET actor = 'mallory' WHERE id = 3")
    r = cli("audit", "verify")
    assert r.code == 2
    said = " ".join(r.err.split())
    assert "entry 3" in said and "changed after it was written" in said
    assert "Traceback" not in r.err


def test_checkpoint_is_written_and_checked_later(cli: Cli) -> None:
    assert cli("import", *SAMPLE_FILES).code == 0
    path = cli.cwd / "checkpoint.json"
    r = cli("audit", "checkpoint", "--out", str(path))
    assert r.code == 0, r.err
    data = json.loads(path.read_text(encoding="utf-8"))
    assert f"head {data['hash']}" in r.out and f"entries {data['entries']}" in r.out
    assert data["entries"] > 100
    assert cli("audit", "verify", "--checkpoint", str(path)).code == 0
    with sqlite3.connect(_db_file(cli)) as conn:  # cut the chain before the checkpoint's entry
        # and remove the records those entries inserted, so the ledger is consistent in itself
        # (`audit verify` compares records with the chain)
        cut = "SELECT record_kind, record_id FROM audit WHERE id >= ?"
        for kind, rid in conn.execute(cut, (data["last_id"] - 1,)).fetchall():
            assert kind == "observation", kind
            conn.execute(
                "DELETE FROM record_sources WHERE record_kind = ? AND record_id = ?", (kind, rid)
            )
            conn.execute("DELETE FROM observations WHERE id = ?", (rid,))
        conn.execute("DELETE FROM audit WHERE id >= ?", (data["last_id"] - 1,))
        conn.execute(
            "UPDATE audit_head SET last_id = ?, entries = ?, "
            "hash = (SELECT hash FROM audit WHERE id = ?)",
            (data["last_id"] - 2, data["entries"] - 2, data["last_id"] - 2),
        )
    assert cli("audit", "verify").code == 0  # consistent in itself ...
    r = cli("audit", "verify", "--checkpoint", str(path))
    assert r.code == 2  # ... but not with what was published
    assert f"entry {data['last_id']}" in r.err


def test_a_bad_checkpoint_file_is_named(cli: Cli) -> None:
    path = cli.cwd / "bad.json"
    path.write_text('{"format": "something else"}', encoding="utf-8")
    r = cli("audit", "verify", "--checkpoint", str(path))
    assert r.code == 2 and "bad.json" in r.err and "not a checkpoint" in r.err
    path.write_text("{", encoding="utf-8")
    r = cli("audit", "verify", "--checkpoint", str(path))
    assert r.code == 2 and "bad.json:1" in r.err


def test_log_filters(cli: Cli) -> None:
    assert cli("import", *SAMPLE_FILES).code == 0
    r = cli("audit", "log", "--kind", "deal", "--format", "json")
    assert r.code == 0, r.err
    found = json.loads(r.out)
    assert found and {e["kind"] for e in found} == {"deal"}
    assert {e["actor"] for e in found} == {"tester"}
    one = found[0]["record_id"]
    r = cli("audit", "log", "--record", one, "--format", "json")
    assert [e["record_id"] for e in json.loads(r.out)] == [one]
    assert json.loads(cli("audit", "log", "--actor", "nobody", "--format", "json").out) == []
    r = cli("audit", "log", "--since", "2999-01-01", "--limit", "3")
    assert r.code == 0 and "deal" not in r.out
    r = cli("audit", "log", "--since", "yesterday")
    assert r.code == 2 and "--since" in r.err
