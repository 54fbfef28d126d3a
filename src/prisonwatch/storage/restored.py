"""Restoring the review work a full backup carries beside the records: the name queue, the
conflict choices and the earlier revisions of claims (who accepted, undid or edited a claim's
review, when and why).

Each is written inside the batch's transaction (`sql._Writer`), with the audit entries its
own command writes (`queue_name`, `add_choice`, `revise`), so that `audit verify` holds a
restored store to them as it holds the original. A row the store already holds (a restore
repeated onto the same store) is not added again; a claim's revision the store holds
otherwise refuses the restore, naming the line: a history is never rewritten by an import.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import Connection, insert, select

from prisonwatch.core.problems import Problem
from prisonwatch.core.records import Claim
from prisonwatch.core.revisions import Revision
from prisonwatch.storage import audit, rows
from prisonwatch.storage import tables as t
from prisonwatch.storage.port import BackedChoice, BackedQueued, BackedRevision, Batch, Choice


class Reader(Protocol):
    """What restoring reads of the store (`sql._Reader`)."""

    def choices(self, ids: Sequence[str] | None) -> list[Any]: ...

    def revisions(self, kind: str, ids: Sequence[str] | None) -> dict[str, list[Revision[Any]]]: ...


def new_queued(conn: Connection, given: Sequence[BackedQueued]) -> list[rows.Row]:
    """The backup's queued names the store does not hold yet (the same claim, name and time,
    as many times as the store holds it), as rows in the backup's order: their numbers are
    given afresh, in that order."""
    if not given:
        return []
    q = t.name_queue.c
    held = Counter(
        (r.claim_id, r.name, r.recorded_at)
        for r in conn.execute(select(q.claim_id, q.name, q.recorded_at))
    )
    out: list[rows.Row] = []
    for b in given:  # a name queued twice at one time (named twice by its claim) is two rows
        key = (b.claim_id, b.name, b.recorded_at)
        if held[key] > 0:
            held[key] -= 1
            continue
        out.append(
            {
                "claim_id": b.claim_id,
                "name": b.name,
                "candidates": b.candidates,
                "status": b.status,
                "person_id": b.person_id,
                "recorded_at": b.recorded_at,
            }
        )
    return out


def write_queued(conn: Connection, new: Sequence[rows.Row], actor: str, at: datetime) -> None:
    """Each queued name with its number and the entry `queue_name` writes (as it stands now:
    a resolved one with its person), which `audit verify` compares the row with."""
    for row in new:
        pk = conn.execute(insert(t.name_queue).values(**row)).inserted_primary_key
        assert pk is not None
        after = rows.jsonable({"id": int(pk[0]), **row})
        audit.append(conn, [audit.Entry(at, actor, "queue", "name", str(pk[0]), None, after)])


def _choice_key(c: Choice | BackedChoice) -> tuple[object, ...]:
    return (c.conflict, c.chosen, c.chosen_by, c.chosen_at, c.why)


def new_choices(reader: Reader, given: Sequence[BackedChoice]) -> list[rows.Row]:
    """The backup's conflict choices the store does not hold yet (the same conflict, value,
    analyst, time and reason), in the backup's order."""
    if not given:
        return []
    held = {_choice_key(c) for c in reader.choices(None)}
    out: list[rows.Row] = []
    for c in given:
        if _choice_key(c) in held:
            continue
        held.add(_choice_key(c))
        out.append(
            {
                "conflict": c.conflict,
                "chosen": c.chosen,
                "chosen_by": c.chosen_by,
                "chosen_at": c.chosen_at,
                "why": c.why,
            }
        )
    return out


def write_choices(conn: Connection, new: Sequence[rows.Row], actor: str, at: datetime) -> None:
    """Each choice with its number and the entry `add_choice` writes."""
    for row in new:
        pk = conn.execute(insert(t.choices).values(**row)).inserted_primary_key
        assert pk is not None
        after = rows.jsonable({**row, "id": int(pk[0])})
        rid = str(row["conflict"])[:80]
        audit.append(conn, [audit.Entry(at, actor, "choose", "conflict", rid, None, after)])


def new_revisions(
    reader: Reader, batch: Batch, new_claims: set[str], problems: list[Problem]
) -> list[BackedRevision]:
    """The backup's claim revisions to write: all those of claims new to the store; those of a
    stored claim only when the store holds none of them, and never one it holds otherwise (a
    problem naming the line: its history is not rewritten)."""
    if not batch.claim_revisions:
        return []
    stored_ids = sorted({r.claim_id for r in batch.claim_revisions} - new_claims)
    stored = reader.revisions("claim", stored_ids) if stored_ids else {}
    out: list[BackedRevision] = []
    for r in batch.claim_revisions:
        if r.claim_id in new_claims:
            out.append(r)
            continue
        held = {s.seq: s for s in stored.get(r.claim_id, [])}
        s = held.get(r.seq)
        if s is None and not held:
            out.append(r)
        elif s is None or (s.record, s.actor, s.at, s.why) != (r.claim, r.actor, r.at, r.why):
            why = (
                f"claim {r.claim_id!r} is stored with another revision {r.seq} "
                "(restore into a new store)"
            )
            problems.append(Problem(batch.where.get(r.id, r.id), "revision", why))
    return out


def write_revisions(
    conn: Connection, new: Sequence[BackedRevision], claims: Sequence[Claim], reader: Reader
) -> None:
    """Each revision as `revise` writes it: the row, and its entry (the claim before and after,
    the revision's number and reason) under the time and name of who made it."""
    if not new:
        return
    held: dict[str, Claim | None] = {c.id: c for c in claims}
    ids = sorted({r.claim_id for r in new} - held.keys())
    for rid, revs in (reader.revisions("claim", ids) if ids else {}).items():
        held[rid] = revs[-1].record
    before: dict[str, Claim | None] = dict(held)
    for r in sorted(new, key=lambda r: (r.claim_id, r.seq)):
        payload = rows.record_payload("claim", r.claim) if r.claim is not None else None
        conn.execute(
            insert(t.revisions),
            [
                {
                    "kind": "claim",
                    "record_id": r.claim_id,
                    "seq": r.seq,
                    "payload": payload,
                    "supersedes": r.seq - 1,
                    "actor": r.actor,
                    "at": r.at,
                    "why": r.why,
                    "void": r.claim is None,
                }
            ],
        )
        was = before.get(r.claim_id)
        old = {**rows.record_payload("claim", was), "revision": r.seq - 1} if was else None
        mark = {"revision": r.seq, "why": r.why}
        after = {**payload, **mark} if payload else mark
        action = "void" if r.claim is None else "revise"
        assert r.at is not None and r.actor is not None  # revisions after 0 say who and when
        entry = audit.Entry(
            r.at,
            r.actor,
            action,
            "claim",
            r.claim_id,
            rows.jsonable(old) if old else None,
            rows.jsonable(after),
        )
        audit.append(conn, [entry])
        before[r.claim_id] = r.claim
