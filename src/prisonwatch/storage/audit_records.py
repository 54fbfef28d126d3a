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
  (a revision deleted, even one whose change a later one repeats, changes "as known on"), and
  each must hold what the entry that wrote it recorded: its fields, reason, author, time and
  void (a revision between the first and the newest, rewritten, changed `history` and "as
  known on" a day in between, with the newest version still matching the record).

Clearances (what review cleared for the public: a claim's excerpt, a source's title or address)
are checked too: each row of `clearances` must be one the chain recorded (`clear` entries about
a `clearance`), and each recorded one must still be there. A row slipped in by SQL would show a
source title or an excerpt naming a protected person to the public with the chain intact. And
every stored public id (a withheld person's pseudonym, an event's, the key of record ids) must
have the random form the application makes (one set by hand to a name would publish it) and be
one the chain recorded as given (`give` entries about a `public_id`; the key by its sha256), and
each recorded one must still be stored: a pseudonym swapped between two persons in SQL, or the
key replaced (every public id changes), leaves the form intact.

Entries written before the records' whole payload went into the chain (an inserted person's
names, an event's sources) are compared in the fields they hold.

Reads go kind by kind, span by span (`Span`: a few thousand records in a range of ids), each
read a range scan of an index, so memory stays bounded by a span and no statement carries a
list of ids. A record recorded once and never revised whose stored form, as JSON, is the very
text its one entry holds is taken as it is; only the others are parsed and compared field by
field (most records of a large ledger are of the first sort, and this is most of the cost).
For persons and events that stored form is written straight from the columns as the driver
returns them (`audit_texts`); the other kinds, and any record whose text differs, are read as
the application reads them, the others of a span by their ids.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Connection, Text, and_, cast, func, select, true

from prisonwatch.storage import audit_texts, rows
from prisonwatch.storage import tables as t
from prisonwatch.storage.audit import Break, canonical_json

CHECKED = ("person", "event", "deal", "observation", "source", "claim")
"""Record kinds whose stored state is compared with the chain (a claim: an extracted
suggestion, with its review decisions as its revisions)."""
_TABLES = {
    "person": t.persons,
    "event": t.events,
    "deal": t.deals,
    "observation": t.observations,
    "source": t.sources,
    "claim": t.claims,
}
_BOOKKEEPING = ("revision", "why")
_CHUNK = 5000


@dataclass(frozen=True, slots=True)
class Span:
    """The records whose ids lie in a range of the database's own order of ids: above `after`
    (from the first when None) up to and including `upto` (to the last when None). Every read
    of a span (the table, its names and links, its revisions, its audit entries) is a range
    scan of an index in one and the same order, so nothing is compared in Python's order of
    strings (which is not PostgreSQL's collation) and no statement carries a list of ids."""

    after: str | None
    upto: str | None

    def holds(self, column: Any) -> ColumnElement[bool]:
        bounds = []
        if self.after is not None:
            bounds.append(column > self.after)
        if self.upto is not None:
            bounds.append(column <= self.upto)
        return and_(true(), *bounds)


def audited(kind: str, record: Any) -> dict[str, Any]:
    """What an entry about a record holds of it: its table row and its whole payload (names,
    sources, concessions), as JSON values."""
    payload = rows.record_payload(kind, record)  # the table row, and what hangs on it
    if kind == "source":
        payload["text"] = record.text  # stored with the source, kept out of its revisions
    return payload


def _spans(conn: Connection, kind: str) -> Iterator[Span]:
    """The kind's table cut into spans of `_CHUNK` records, in the database's order of ids;
    the first starts before every id and the last runs past every id, so that an audited
    record missing from the table falls in some span too."""
    column = _TABLES[kind].c.id
    after: str | None = None
    while True:
        stmt = select(column).order_by(column).offset(_CHUNK - 1).limit(1)
        if after is not None:
            stmt = stmt.where(column > after)
        upto = conn.execute(stmt).scalar()
        yield Span(after, upto)
        if upto is None:
            return
        after = upto


JUDGE = "judge"
"""The action of a judgement's entry, filed under the person it judges (`sql.add_judgement`):
about the person, but no version of it (its `name` is the name judged, its `note` the
judgement's), so left out of the entries a person is compared with (`audit_decisions` checks
it against the judgement)."""

Entry = tuple[int, str, str | None]
"""An audit entry as the check reads it: its id, its action, its `after` as JSON text."""


def _entries(conn: Connection, kind: str, span: Span) -> dict[str, tuple[Entry, Entry]]:
    """The first and the newest entry about each record of the span, in one read; the text
    is parsed only where it is compared."""
    a = t.audit.c
    stmt = (
        select(a.id, a.record_id, a.action, cast(a.after, Text))
        .where(a.record_kind == kind, span.holds(a.record_id), a.action != JUDGE)
        .order_by(a.id)
    )
    found: dict[str, tuple[Entry, Entry]] = {}
    for i, rid, action, after in conn.execute(stmt).fetchall():
        entry = (int(i), str(action), after)
        first = found.get(rid)
        found[rid] = (entry if first is None else first[0], entry)
    return found


def _parsed(after: str | None) -> Any:
    return json.loads(after) if after else None


def _revision_counts(conn: Connection, kind: str, span: Span) -> dict[str, tuple[int, int]]:
    r = t.revisions.c
    stmt = (
        select(r.record_id, func.count(), func.max(r.seq))
        .where(r.kind == kind, span.holds(r.record_id))
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


Read = Callable[[str, "Sequence[str] | Span", bool], list[Any]]


def check(conn: Connection, read: Read) -> Break | None:
    """The first record that disagrees with the chain, or None. `read(kind, ids, folded)` gives
    the records of a kind (these ids, or a span of them) as the application folds them now
    (voided ones left out), or with `folded` false their first versions, void or not (what
    "as known on" an earlier day starts from, and every record the table holds).

    The same as `check_beside`, then `check_span` for each of `spans` in order, then
    `check_after`, until one finds something (each span can be checked apart, in another
    process too)."""
    found = check_beside(conn)
    if found is not None:
        return found
    for kind in CHECKED:
        for span in _spans(conn, kind):
            found = check_span(conn, kind, span, read)
            if found is not None:
                return found
    return check_after(conn)


def spans(conn: Connection) -> list[tuple[str, Span]]:
    """Every kind's spans, in the order `check` goes through them."""
    return [(kind, span) for kind in CHECKED for span in _spans(conn, kind)]


def check_beside(conn: Connection) -> Break | None:
    """What `check` finds first, beside the records: clearances, then public ids, then the
    accounts (`audit_accounts`) and failed login attempts (`audit_attempts`), then the
    decisions kept beside the records: judgements, conflict choices, the name queue, demands
    (`audit_decisions`)."""
    from prisonwatch.storage.audit_accounts import check_accounts  # it needs storage.sql
    from prisonwatch.storage.audit_attempts import check_attempts
    from prisonwatch.storage.audit_decisions import check_decisions

    return (
        _clearances(conn)
        or _public_ids(conn)
        or check_accounts(conn)
        or check_attempts(conn)
        or check_decisions(conn)
    )


def check_after(conn: Connection) -> Break | None:
    """What `check` compares last, once the records agree with the chain: what is derived
    from them, the search index of revised persons' names (`audit_index`). Before, a
    person's revision changed in SQL would be named as the index's difference."""
    from prisonwatch.storage.audit_index import check_revised_names  # it needs storage.sql

    return check_revised_names(conn)


_CLEARED = ("kind", "target_id", "cleared_by", "note", "text_hash", "named")
"""What a clearance holds that the public projection reads: who cleared what, and what it
vouches for (the text's hash, the protected persons it names)."""


def _held(value: Any) -> Any:
    """A clearance's value in a comparable form: its list of named persons as a tuple (an
    absent list, in entries and rows made before it was kept, as None)."""
    return tuple(value) if isinstance(value, list) else value


def _clearances(conn: Connection) -> Break | None:
    """The first clearance stored but never recorded by the chain, or recorded and removed."""
    a = t.audit.c
    recorded: Counter[tuple[Any, ...]] = Counter()
    stmt = select(cast(a.after, Text)).where(a.record_kind == "clearance", a.action == "clear")
    for (after,) in conn.execute(stmt):
        row = _parsed(after)
        if isinstance(row, dict):
            recorded[tuple(_held(row.get(k)) for k in _CLEARED)] += 1
    c = t.clearances.c
    columns = [c.kind, c.target_id, c.cleared_by, c.note, c.text_hash, c.named]
    stored = Counter(tuple(_held(v) for v in r) for r in conn.execute(select(*columns)))
    for (kind, target, by, *_), _n in sorted((stored - recorded).items(), key=repr):
        why = (
            f"clearance of the {kind} of {target!r} by {by!r} is stored but not in the audit trail"
        )
        return Break(None, why + ": it was added or changed in SQL")
    for (kind, target, by, *_), _n in sorted((recorded - stored).items(), key=repr):
        return Break(
            None, f"clearance of the {kind} of {target!r} by {by!r} was removed from its table"
        )
    return None


PUBLIC_ID = "public_id"
"""The audit record kind of a public id given (`sql.public_id_entry`)."""
_PUBLIC_ID = re.compile(r"[a-z_]+-[0-9a-f]{16}")
_ID_KEY = re.compile(r"[0-9a-f]{32}")


def _public_ids(conn: Connection) -> Break | None:
    """The first stored public id that is not of the random form the application makes (a
    pseudonym written in SQL can carry a name), or that the chain did not record as given
    (`sql.public_id_entry`: added or changed in SQL, say a pseudonym swapped between two
    persons, or the key replaced, which changes every public id), or None; then the first
    one the chain recorded that is no longer stored (removed in SQL: the next export would
    give that person a new pseudonym)."""
    recorded: Counter[tuple[str, str, str]] = Counter()
    a = t.audit.c
    stmt = select(cast(a.after, Text)).where(a.record_kind == PUBLIC_ID, a.action == "give")
    for (after,) in conn.execute(stmt):
        row = _parsed(after)
        if isinstance(row, dict):
            value = row.get("sha256") if row.get("kind") == "key" else row.get("public_id")
            recorded[(str(row.get("kind")), str(row.get("record_id")), str(value))] += 1
    c = t.public_ids.c
    stored: Counter[tuple[str, str, str]] = Counter()
    for kind, record_id, public_id in conn.execute(
        select(c.kind, c.record_id, c.public_id).order_by(c.kind, c.record_id)
    ):
        form = _ID_KEY if kind == "key" else _PUBLIC_ID
        if not form.fullmatch(public_id) or (
            kind != "key" and not public_id.startswith(kind + "-")
        ):
            why = f"public id of {kind} {record_id!r} is not one the application makes"
            return Break(None, why + ": it was set in SQL")
        shown = hashlib.sha256(public_id.encode()).hexdigest() if kind == "key" else public_id
        stored[(kind, record_id, shown)] += 1
    for kind, record_id, _ in sorted(stored - recorded):
        why = f"public id of {kind} {record_id!r} is stored but not in the audit trail"
        return Break(None, why + ": it was added or changed in SQL")
    for kind, record_id, _ in sorted(recorded - stored):
        return Break(None, f"public id of {kind} {record_id!r} was removed from its table")
    return None


def check_span(conn: Connection, kind: str, span: Span, read: Read) -> Break | None:
    """The first record of the kind in the span that disagrees with the chain, or None:
    each stored revision against the entry that wrote it first, then the records."""
    found = check_revisions(conn, kind, span)
    if found is not None:
        return found
    entries = _entries(conn, kind, span)
    counts = _revision_counts(conn, kind, span)
    firsts: dict[str, Any] | None = None
    texts = audit_texts.stored(conn, kind, span)  # straight from the columns, where it can
    if texts is None:
        firsts = {r.id: r for r in read(kind, span, False)}
        texts = {rid: canonical_json(audited(kind, r)) for rid, r in firsts.items()}
    for rid in sorted(texts.keys() - entries.keys()):
        return Break(None, f"{kind} {rid!r} is stored but not in the audit trail")
    # recorded once, never revised, and holding exactly what was recorded: taken as it is
    others = sorted(
        rid
        for rid, (first_entry, newest) in entries.items()
        if not (
            first_entry is newest
            and newest[1] == "insert"
            and rid not in counts
            and newest[2] is not None
            and texts.get(rid) == newest[2]
        )
    )
    if not others:
        return None
    if firsts is None:
        firsts = {r.id: r for r in read(kind, others, False)}
    # a record never revised is its first version: read folded only those that were
    revised = [i for i in sorted(firsts) if i in counts]
    current = {r.id: r for r in read(kind, revised, True)} if revised else {}
    for rid in others:
        first_entry, newest = entries[rid]
        found = _check_record(kind, rid, first_entry, newest, firsts.get(rid), counts, current)
        if found is not None:
            return found
    return None


def revision_entries(
    conn: Connection, kind: str, span: Span
) -> dict[tuple[str, int], tuple[int, Any, str, Any]]:
    """The entry that wrote each revision of the span's records: (record id, revision) to
    its id, time, actor and `after` (parsed); entries that name no revision are left out."""
    a = t.audit.c
    stmt = (
        select(a.id, a.record_id, a.at, a.actor, cast(a.after, Text))
        .where(
            a.record_kind == kind,
            a.action.in_(("revise", "void")),
            span.holds(a.record_id),
        )
        .order_by(a.id)
    )
    out: dict[tuple[str, int], tuple[int, Any, str, Any]] = {}
    for i, rid, at, actor, text in conn.execute(stmt):
        after = _parsed(text)
        if isinstance(after, dict) and isinstance(after.get("revision"), int):
            out[(str(rid), after["revision"])] = (int(i), at, str(actor), after)
    return out


def check_revisions(conn: Connection, kind: str, span: Span) -> Break | None:
    """The first stored revision that is not what its audit entry recorded: its payload, its
    reason, who made it and when, void or not. Only the newest version of a record is
    compared with the record; a revision between the first and the newest (what "as known
    on" a day in between and `history` show) rewritten in SQL left the chain intact."""
    written = revision_entries(conn, kind, span)
    r = t.revisions.c
    stmt = (
        select(r.record_id, r.seq, r.payload, r.supersedes, r.actor, r.at, r.why, r.void)
        .where(r.kind == kind, span.holds(r.record_id))
        .order_by(r.record_id, r.seq)
    )
    for rid, seq, payload, supersedes, actor, at, why, void in conn.execute(stmt):
        entry = written.get((str(rid), int(seq)))
        if entry is None:
            continue  # counted against the chain by `_check_record`
        entry_id, entry_at, entry_actor, after = entry
        where = f"{kind} {rid!r}: revision {seq} (audit entry {entry_id})"
        recorded_void = not (after.keys() - set(_BOOKKEEPING))
        if (actor, at, why, bool(void), supersedes) != (
            entry_actor,
            entry_at,
            after.get("why"),
            recorded_void,
            seq - 1,
        ):
            return Break(entry_id, f"{where}: who, when or why is not what was recorded")
        field = None if void else _differs(after, payload if isinstance(payload, dict) else {})
        if field is not None:
            why_text = f"field {field!r} is not what was recorded"
            return Break(entry_id, f"{where}: {why_text}: it was changed in SQL")
    return None


def _check_record(
    kind: str,
    rid: str,
    first_entry: Entry,
    newest: Entry,
    first: Any,
    counts: dict[str, tuple[int, int]],
    current: dict[str, Any],
) -> Break | None:
    """What is wrong with one record against its first and newest audit entries, if anything."""
    (first_id, first_action, first_text), (entry_id, action, after_text) = first_entry, newest
    after = _parsed(after_text)
    where = f"{kind} {rid!r} (audit entry {entry_id})"
    revision = int(after.get("revision", 0)) if isinstance(after, dict) else 0
    n, top = counts.get(rid, (0, 0))
    if first is None:
        return Break(entry_id, f"{where} was removed from its table")
    if (n, top) != (revision, revision):
        why = f"has {n} revision(s) stored where the audit trail counts {revision}"
        return Break(entry_id, f"{where} {why}: the revisions were changed in SQL")
    first_audited = audited(kind, first)
    first_after = after if first_id == entry_id else _parsed(first_text)
    if first_action == "insert" and isinstance(first_after, dict):
        field = _differs(first_after, first_audited)
        if field is not None:
            why = f"field {field!r} of its first version is not what was recorded"
            return Break(first_id, f"{kind} {rid!r} (audit entry {first_id}): {why}")
    record = current.get(rid) if rid in counts else first
    if action == "void":
        if record is not None:
            return Break(entry_id, f"{where} was voided but is in force again")
        return None
    if record is None:
        return Break(entry_id, f"{where} is void, but the audit trail never voided it")
    now = first_audited if record is first else audited(kind, record)
    field = _differs(after if isinstance(after, dict) else {}, now)
    if field is not None:
        why = f"field {field!r} is not what the audit trail last recorded"
        return Break(entry_id, f"{where}: {why}: it was changed in SQL")
    return None
