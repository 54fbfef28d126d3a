"""Whether the stored records still say what the audit chain says they are.

The hash chain (`storage.audit`) proves that no audit entry was changed, removed or slipped in.
But the records themselves live in their own tables (`persons`, `person_names`, `events`,
`revisions`, ...), and a record changed there in SQL (a protected person's `protection` set back
to `public`, the revision that protected them deleted, an alias removed from `person_names`)
left the chain intact: `audit verify` said "intact" of a ledger that contradicted its own
trail. So `verify` also reads every record of the kinds below as the application folds it now
and compares it with the newest audit entry about it:

- a record the chain last saw inserted or revised must exist and hold, in every field that
  entry recorded, the value it recorded; a record the chain last saw voided must not exist;
- a record the store holds must have an entry in the chain (none slipped in beside it);
- the record's revisions in the `revisions` table must be exactly those the chain counted
  (a revision deleted, even one whose change a later one repeats, changes "as known on").

Clearances (what review cleared for the public: a claim's excerpt, a source's title or address)
are checked too: each row of `clearances` must be one the chain recorded (`clear` entries about
a `clearance`), and each recorded one must still be there. A row slipped in by SQL would show a
source title or an excerpt naming a protected person to the public with the chain intact. And
every stored public id (a withheld person's pseudonym, an event's, the key of record ids) must
have the random form the application makes: one set by hand to a name would publish it.

Entries written before the records' whole payload went into the chain (an inserted person's
names, an event's sources) are compared in the fields they hold. Reads go kind by kind, in
chunks of records, so memory stays bounded by the number of record ids.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, Text, cast, func, select

from prisonwatch.storage import rows
from prisonwatch.storage import tables as t
from prisonwatch.storage.audit import Break

CHECKED = ("person", "event", "deal", "observation", "source")
"""Record kinds whose stored state is compared with the chain."""
_TABLES = {
    "person": t.persons,
    "event": t.events,
    "deal": t.deals,
    "observation": t.observations,
    "source": t.sources,
}
_BOOKKEEPING = ("revision", "why")
_CHUNK = 2000


def audited(kind: str, record: Any) -> dict[str, Any]:
    """What an entry about a record holds of it: its table row and its whole payload (names,
    sources, concessions), as JSON values."""
    payload = rows.record_payload(kind, record)  # the table row, and what hangs on it
    if kind == "source":
        payload["text"] = record.text  # stored with the source, kept out of its revisions
    return payload


def _chunks(items: Sequence[str]) -> Iterator[Sequence[str]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i : i + _CHUNK]


def _entries(
    conn: Connection, kind: str, ids: Sequence[str]
) -> dict[str, tuple[tuple[int, str, str | None], tuple[int, str, str | None]]]:
    """The first and the newest entry about each of these records, as (entry id, action,
    `after` as JSON text): one read for both, the text parsed only where it is compared."""
    a = t.audit.c
    stmt = (
        select(a.id, a.record_id, a.action, cast(a.after, Text))
        .where(a.record_kind == kind, a.record_id.in_(ids))
        .order_by(a.id)
    )
    found: dict[str, tuple[tuple[int, str, str | None], tuple[int, str, str | None]]] = {}
    for i, rid, action, after in conn.execute(stmt):
        entry = (int(i), str(action), after)
        first = found.get(rid)
        found[rid] = (entry if first is None else first[0], entry)
    return found


def _parsed(after: str | None) -> Any:
    return json.loads(after) if after else None


def _revision_counts(conn: Connection, kind: str, ids: Sequence[str]) -> dict[str, tuple[int, int]]:
    r = t.revisions.c
    stmt = (
        select(r.record_id, func.count(), func.max(r.seq))
        .where(r.kind == kind, r.record_id.in_(ids))
        .group_by(r.record_id)
    )
    return {rid: (int(n), int(top)) for rid, n, top in conn.execute(stmt)}


def _differs(recorded: dict[str, Any], now: dict[str, Any]) -> str | None:
    """The first field the entry recorded that the record no longer holds."""
    for field, value in sorted(recorded.items()):
        if field in _BOOKKEEPING or field not in now:
            continue
        if now[field] != value:
            return field
    return None


Read = Callable[[str, Sequence[str], bool], list[Any]]


def check(conn: Connection, read: Read) -> Break | None:
    """The first record that disagrees with the chain, or None. `read(kind, ids, folded)` gives
    the records of a kind as the application folds them now (voided ones left out), or with
    `folded` false their first versions (what "as known on" an earlier day starts from)."""
    found = _clearances(conn) or _public_ids(conn)
    if found is not None:
        return found
    for kind in CHECKED:
        a = t.audit.c
        audited_ids = set(
            conn.execute(select(a.record_id).where(a.record_kind == kind).distinct()).scalars()
        )
        stored_ids = set(conn.execute(select(_TABLES[kind].c.id)).scalars())
        for rid in sorted(stored_ids - audited_ids):
            return Break(None, f"{kind} {rid!r} is stored but not in the audit trail")
        for chunk in _chunks(sorted(audited_ids)):
            found = _check_chunk(conn, kind, chunk, stored_ids, read)
            if found is not None:
                return found
    return None


_CLEARED = ("kind", "target_id", "cleared_by", "note")


def _clearances(conn: Connection) -> Break | None:
    """The first clearance stored but never recorded by the chain, or recorded and removed."""
    a = t.audit.c
    recorded: Counter[tuple[Any, ...]] = Counter()
    stmt = select(cast(a.after, Text)).where(a.record_kind == "clearance", a.action == "clear")
    for (after,) in conn.execute(stmt):
        row = _parsed(after)
        if isinstance(row, dict):
            recorded[tuple(row.get(k) for k in _CLEARED)] += 1
    c = t.clearances.c
    stored = Counter(
        tuple(r) for r in conn.execute(select(c.kind, c.target_id, c.cleared_by, c.note))
    )
    for (kind, target, by, _), _n in sorted((stored - recorded).items(), key=repr):
        why = (
            f"clearance of the {kind} of {target!r} by {by!r} is stored but not in the audit trail"
        )
        return Break(None, why + ": it was added or changed in SQL")
    for (kind, target, by, _), _n in sorted((recorded - stored).items(), key=repr):
        return Break(
            None, f"clearance of the {kind} of {target!r} by {by!r} was removed from its table"
        )
    return None


_PUBLIC_ID = re.compile(r"[a-z_]+-[0-9a-f]{16}")
_ID_KEY = re.compile(r"[0-9a-f]{32}")


def _public_ids(conn: Connection) -> Break | None:
    """The first stored public id that is not of the random form the application makes (a
    pseudonym written in SQL can carry a name), or None."""
    c = t.public_ids.c
    for kind, record_id, public_id in conn.execute(
        select(c.kind, c.record_id, c.public_id).order_by(c.kind, c.record_id)
    ):
        form = _ID_KEY if kind == "key" else _PUBLIC_ID
        if not form.fullmatch(public_id) or (
            kind != "key" and not public_id.startswith(kind + "-")
        ):
            why = f"public id of {kind} {record_id!r} is not one the application makes"
            return Break(None, why + ": it was set in SQL")
    return None


def _check_chunk(
    conn: Connection,
    kind: str,
    ids: Sequence[str],
    stored_ids: set[str],
    read: Read,
) -> Break | None:
    entries = _entries(conn, kind, ids)
    counts = _revision_counts(conn, kind, ids)
    present = [i for i in ids if i in stored_ids]
    firsts = {r.id: r for r in read(kind, present, False)} if present else {}
    # a record never revised is its first version: read folded only those that were
    revised = [i for i in present if i in counts]
    current = {r.id: r for r in read(kind, revised, True)} if revised else {}
    for rid in ids:
        (first_id, first_action, first_text), (entry_id, action, after_text) = entries[rid]
        after = _parsed(after_text)
        where = f"{kind} {rid!r} (audit entry {entry_id})"
        revision = int(after.get("revision", 0)) if isinstance(after, dict) else 0
        n, top = counts.get(rid, (0, 0))
        if rid not in stored_ids:
            return Break(entry_id, f"{where} was removed from its table")
        if (n, top) != (revision, revision):
            why = f"has {n} revision(s) stored where the audit trail counts {revision}"
            return Break(entry_id, f"{where} {why}: the revisions were changed in SQL")
        first = firsts.get(rid)
        first_audited = audited(kind, first) if first is not None else None
        first_after = after if first_id == entry_id else _parsed(first_text)
        if first_action == "insert" and first_audited is not None and isinstance(first_after, dict):
            field = _differs(first_after, first_audited)
            if field is not None:
                why = f"field {field!r} of its first version is not what was recorded"
                return Break(first_id, f"{kind} {rid!r} (audit entry {first_id}): {why}")
        record = current.get(rid) if rid in counts else first
        if action == "void":
            if record is not None:
                return Break(entry_id, f"{where} was voided but is in force again")
            continue
        if record is None:
            return Break(entry_id, f"{where} is void, but the audit trail never voided it")
        now = first_audited if record is first and first_audited is not None else None
        field = _differs(after if isinstance(after, dict) else {}, now or audited(kind, record))
        if field is not None:
            why = f"field {field!r} is not what the audit trail last recorded"
            return Break(entry_id, f"{where}: {why}: it was changed in SQL")
    return None
