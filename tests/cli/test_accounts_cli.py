"""`prisonwatch user ...` and `prisonwatch token ...`: every change audited, errors exit 2."""

from __future__ import annotations

import json
import sqlite3

from tests.cli.conftest import Cli

PASSWORD = "correct horse battery"


def _audit(cli: Cli, kind: str) -> list[dict[str, object]]:
    r = cli("audit", "log", "--kind", kind, "--format", "json")
    assert r.code == 0, r.err
    found: list[dict[str, object]] = json.loads(r.out)
    return found


def test_users_are_listed_disabled_enabled_and_reset(cli: Cli) -> None:
    assert cli("user", "add", "ana", "--password", PASSWORD).code == 0
    r = cli("user", "add", "root", "--role", "admin", "--password", PASSWORD)
    assert r.code == 0, r.err
    assert cli("user", "add", "ana", "--password", PASSWORD).code == 2  # exists
    r = cli("user", "list")
    assert r.code == 0 and "ana" in r.out and "admin" in r.out and "active" in r.out

    r = cli("user", "disable", "ana")
    assert r.code == 0 and "disabled" in r.out
    assert "disabled" in cli("user", "list").out
    r = cli("user", "disable", "ana")
    assert r.code == 2 and "already disabled" in r.err
    assert cli("user", "enable", "ana").code == 0
    r = cli("user", "reset-password", "ana", "--password", "short")
    assert r.code == 2 and "at least 10 characters" in r.err
    assert cli("user", "reset-password", "ana", "--password", "another good one").code == 0
    r = cli("user", "disable", "nobody")
    assert r.code == 2 and "no user 'nobody'" in r.err

    log = _audit(cli, "user")
    assert [(e["action"], e["record_id"]) for e in log] == [
        ("reset-password", "ana"),
        ("enable", "ana"),
        ("disable", "ana"),
        ("add", "root"),
        ("add", "ana"),
    ]
    assert {e["actor"] for e in log} == {"tester"}
    assert "argon2" not in json.dumps(log) and "another good one" not in json.dumps(log)
    assert cli("audit", "verify").code == 0


def test_tokens_expire_are_listed_and_revoked(cli: Cli) -> None:
    assert cli("user", "add", "ana", "--password", PASSWORD).code == 0
    r = cli("token", "add", "ana", "--label", "nightly", "--expires-days", "7")
    assert r.code == 0, r.err
    token = r.out.strip()
    assert token.startswith("pw_")
    r = cli("token", "add", "ana", "--expires-days", "0")
    assert r.code == 2 and "1 to 3650 days" in r.err
    assert cli("token", "add", "nobody").code == 2

    listed = cli("token", "list")
    assert "nightly" in listed.out and token not in listed.out
    tid = next(line.split()[1] for line in listed.out.splitlines() if "nightly" in line)
    assert len(tid) == 12
    assert cli("token", "list", "--user", "someone-else").out.count("nightly") == 0
    assert cli("token", "revoke", "abc").code == 2  # too short to name one token
    r = cli("token", "revoke", tid)
    assert r.code == 0 and "revoked" in r.out
    assert "nightly" not in cli("token", "list").out
    assert cli("token", "revoke", tid).code == 2

    assert [(e["action"], e["record_id"]) for e in _audit(cli, "token")] == [
        ("revoke", tid),
        ("add", tid),
    ]


def test_disabling_a_user_deletes_their_tokens(cli: Cli) -> None:
    assert cli("user", "add", "ana", "--password", PASSWORD).code == 0
    assert cli("token", "add", "ana").code == 0
    assert cli("user", "disable", "ana").code == 0
    db = cli.db.removeprefix("sqlite:///")
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM api_tokens").fetchone() == (0,)
    r = cli("token", "add", "ana")
    assert r.code == 2 and "disabled" in r.err
