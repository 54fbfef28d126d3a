"""Whether the decisions kept beside the records are what the audit chain says they are.

Judgements (is this written name this person?), conflict choices (which of disagreeing values
holds), the name queue (names waiting for a decision) and demands (lists of names a party asked
to be freed, with the decisions on who each name is, and their voids) each write an audit
entry in the same transaction, but `audit verify` compared none of them with the chain: a
judgement's verdict turned to `same` in SQL (the matcher then files that name under that
person for good), a queued name marked resolved to another person, a demand's name or a
decision changed, or a void deleted (the demand counts again) left the verdict "intact". Here
each table is compared with the entries that wrote it:

- a judgement or a choice must be the row its entry recorded (by its number, kept in the entry
  since this check; older entries, which hold no number, by their whole content), and its
  revisions (`edit judgement`, `edit choice`) those the chain recorded, each as recorded;
- a queued name must hold, in every field, what the newest entry about it recorded (`queue`
  when it was queued, `resolve`, `withdraw`);
- a demand must be the row, names and sources its `insert` entry recorded; its decisions and
  its void those its `decide` and `void` entries recorded, no more and no fewer.

Each table is read whole (these are a reviewer's decisions: thousands, not millions).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, Table, Text, cast, select

from prisonwatch.storage import tables as t
from prisonwatch.storage.audit import Break
from prisonwatch.storage.audit_records import JUDGE, Span, check_revisions, revision_entries


def check_decisions(conn: Connection) -> Break | None:
    """The first judgement, choice, queued name or demand stored otherwise than the chain
    recorded it, or None."""
    return (
        _numbered(conn, _JUDGEMENTS) or _numbered(conn, _CHOICES) or _queue(conn) or _demands(conn)
    )


def _plain(value: Any) -> Any:
    """A stored value as the chain holds it (`rows.jsonable`): times and days as ISO text."""
    return value.isoformat() if isinstance(value, date | datetime) else value


def _entries(conn: Connection, kind: str, *actions: str) -> Iterator[tuple[int, str, str, Any]]:
    """The entries about records of `kind` (with one of `actions`, when given), in order: id,
    action, record id, `after` parsed."""
    a = t.audit.c
    stmt = select(a.id, a.action, a.record_id, cast(a.after, Text)).where(a.record_kind == kind)
    if actions:
        stmt = stmt.where(a.action.in_(actions))
    for entry_id, action, record_id, after in conn.execute(stmt.order_by(a.id)):
        yield int(entry_id), str(action), str(record_id), json.loads(after) if after else None


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


class _Numbered:
    """A table of numbered decisions, revised as records of `revised` (judgements, choices):
    how its rows are recorded and named."""

    def __init__(
        self, table: Table, what: str, kind: str, action: str, revised: str, fields: Sequence[str]
    ) -> None:
        self.table, self.what, self.kind, self.action = table, what, kind, action
        self.revised, self.fields = revised, tuple(fields)


_JUDGEMENTS = _Numbered(
    t.judgements,
    "judgement",
    "person",
    JUDGE,
    "judgement",
    ("name", "name_key", "person_id", "verdict", "decided_by", "decided_at", "note"),
)
_CHOICES = _Numbered(
    t.choices,
    "conflict choice",
    "conflict",
    "choose",
    "choice",
    ("conflict", "chosen", "chosen_by", "chosen_at", "why"),
)


def _numbered(conn: Connection, n: _Numbered) -> Break | None:
    """The first row of a numbered table that its entry did not record, or recorded and is
    gone; then the first of its revisions stored otherwise than recorded."""
    by_number: dict[int, tuple[int, tuple[Any, ...]]] = {}
    unnumbered: Counter[tuple[Any, ...]] = Counter()
    for entry_id, _action, _rid, after in _entries(conn, n.kind, n.action):
        if not isinstance(after, dict):
            continue
        content = tuple(after.get(f) for f in n.fields)
        if isinstance(after.get("id"), int):
            by_number[after["id"]] = (entry_id, content)
        else:
            unnumbered[content] += 1
    c = n.table.c
    columns = [c[f] for f in n.fields]
    for number, *values in conn.execute(select(c.id, *columns).order_by(c.id)):
        stored = tuple(_plain(v) for v in values)
        recorded = by_number.pop(int(number), None)
        if recorded is not None:
            entry_id, content = recorded
            for field, was, now in zip(n.fields, content, stored, strict=True):
                if was != now:
                    why = f"field {field!r} is not what the audit trail recorded"
                    return Break(entry_id, f"{n.what} {number}: {why}: it was changed in SQL")
        elif unnumbered[stored] > 0:
            unnumbered[stored] -= 1
        else:
            why = "is stored but not in the audit trail: it was added or changed in SQL"
            return Break(None, f"{n.what} {number} ({_short(stored[0])}) {why}")
    for number, (entry_id, _content) in sorted(by_number.items()):
        return Break(entry_id, f"{n.what} {number} was removed from its table")
    for content, left in sorted(unnumbered.items(), key=repr):
        if left > 0:
            return Break(None, f"a {n.what} ({_short(content[0])}) was removed from its table")
    return _revisions(conn, n)


def _revisions(conn: Connection, n: _Numbered) -> Break | None:
    """The revisions of a numbered table's rows: each as its entry recorded it
    (`audit_records`), and exactly those the chain recorded."""
    whole = Span(None, None)
    found = check_revisions(conn, n.revised, whole)
    if found is not None:
        return found
    recorded = revision_entries(conn, n.revised, whole)
    r = t.revisions.c
    stored = {
        (str(rid), int(seq))
        for rid, seq in conn.execute(select(r.record_id, r.seq).where(r.kind == n.revised))
    }
    for rid, seq in sorted(stored - recorded.keys()):
        why = "is stored but not in the audit trail: it was added in SQL"
        return Break(None, f"{n.what} {rid}: revision {seq} {why}")
    for rid, seq in sorted(recorded.keys() - stored):
        entry_id = recorded[(rid, seq)][0]
        return Break(entry_id, f"{n.what} {rid}: revision {seq} was removed from its table")
    return None


_QUEUED = ("id", "claim_id", "name", "candidates", "status", "person_id", "recorded_at")


def _queue(conn: Connection) -> Break | None:
    """The first queued name stored otherwise than the newest entry about it recorded it."""
    newest: dict[str, tuple[int, Any]] = {}
    for entry_id, _action, record_id, after in _entries(conn, "name"):
        newest[record_id] = (entry_id, after)
    q = t.name_queue.c
    for row in conn.execute(select(*(q[f] for f in _QUEUED)).order_by(q.id)):
        stored = dict(zip(_QUEUED, (_plain(v) for v in row), strict=True))
        number = str(stored["id"])
        recorded = newest.pop(number, None)
        if recorded is None:
            why = "is stored but not in the audit trail: it was added in SQL"
            return Break(None, f"queued name {number} ({_short(stored['name'])}) {why}")
        entry_id, after = recorded
        for field, value in sorted((after or {}).items()):
            if field in stored and stored[field] != value:
                why = (
                    f"field {field!r} is {_short(stored[field])}, not what the audit trail "
                    f"last recorded ({_short(value)})"
                )
                return Break(entry_id, f"queued name {number}: {why}: it was changed in SQL")
    for number, (entry_id, _after) in sorted(newest.items()):
        return Break(entry_id, f"queued name {number} was removed from its table")
    return None


_DEMAND = (
    "id",
    "by",
    "of_party",
    "country",
    "made_earliest",
    "made_latest",
    "made_precision",
    "count",
    "qualifier",
    "claim_id",
    "note",
    "recorded_at",
    "recorded_by",
)
_NAME = ("demand_id", "position", "name", "state", "person_id", "candidates", "note")
_DECISION = ("demand_id", "position", "person_id", "decided_by", "decided_at", "why")
_VOID = ("demand_id", "voided_by", "voided_at", "why")


class _Recorded:
    """What the chain recorded of the demands: each one's insert entry (and the source links
    migration 0013 recorded for those made before the entry held them), its decisions, its
    void."""

    def __init__(self, conn: Connection) -> None:
        self.inserts: dict[str, tuple[int, dict[str, Any]]] = {}
        self.sources: dict[str, list[Any]] = {}
        self.decisions: Counter[tuple[Any, ...]] = Counter()
        self.voids: dict[str, tuple[int, tuple[Any, ...]]] = {}
        for entry_id, action, record_id, after in _entries(conn, "demand"):
            if not isinstance(after, dict):
                continue
            if action == "insert":
                self.inserts[record_id] = (entry_id, after)
            if action in ("insert", "sources") and isinstance(after.get("source_ids"), list):
                self.sources[record_id] = after["source_ids"]
            elif action == "decide":
                self.decisions[tuple(after.get(f) for f in _DECISION)] += 1
            elif action == "void":
                self.voids[record_id] = (entry_id, tuple(after.get(f) for f in _VOID))


def _rows(conn: Connection, table: Table, fields: Sequence[str], *order: str) -> list[Any]:
    c = table.c
    stmt = select(*(c[f] for f in fields)).order_by(*(c[o] for o in order))
    return [tuple(_plain(v) for v in row) for row in conn.execute(stmt)]


def _demands(conn: Connection) -> Break | None:
    """The first demand, name, source link, decision or void stored otherwise than the chain
    recorded it."""
    recorded = _Recorded(conn)
    names: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in _rows(conn, t.demand_names, _NAME, "demand_id", "position"):
        names[row[0]].append(dict(zip(_NAME, row, strict=True)))
    rs = t.record_sources.c
    links: dict[str, list[Any]] = defaultdict(list)
    for rid, sid in conn.execute(
        select(rs.record_id, rs.source_id)
        .where(rs.record_kind == "demand")
        .order_by(rs.record_id, rs.position)
    ):
        links[str(rid)].append(sid)
    inserts = dict(recorded.inserts)
    for row in _rows(conn, t.demands, _DEMAND, "id"):
        stored = dict(zip(_DEMAND, row, strict=True))
        did = str(stored["id"])
        found = inserts.pop(did, None)
        if found is None:
            why = "is stored but not in the audit trail: it was added in SQL"
            return Break(None, f"demand {did!r} {why}")
        entry_id, after = found
        where = f"demand {did!r} (audit entry {entry_id})"
        for field in _DEMAND:
            if field in after and after[field] != stored[field]:
                why = f"field {field!r} is not what the audit trail recorded"
                return Break(entry_id, f"{where}: {why}: it was changed in SQL")
        wrong = _names_differ(after.get("names"), names.pop(did, []))
        if wrong is not None:
            return Break(entry_id, f"{where}: {wrong}: it was changed in SQL")
        sources = recorded.sources.get(did)
        if sources is not None and sources != links.get(did, []):
            why = "its sources are not those the audit trail recorded"
            return Break(entry_id, f"{where}: {why}: changed in SQL")
    for did, (entry_id, _after) in sorted(inserts.items()):
        return Break(entry_id, f"demand {did!r} was removed from its table")
    for did in sorted(names):
        return Break(None, f"demand {did!r}: names are stored for a demand that is not")
    return _decisions(conn, recorded) or _voids(conn, recorded)


def _names_differ(recorded: Any, stored: list[dict[str, Any]]) -> str | None:
    """How a demand's stored names differ from those its entry recorded, or None."""
    if not isinstance(recorded, list):
        return None  # an entry that holds no names: nothing to compare
    by_position = {n.get("position"): n for n in recorded if isinstance(n, dict)}
    for name in stored:
        was = by_position.pop(name["position"], None)
        if was is None:
            return f"a name at position {name['position']} is stored but was never recorded"
        for field in _NAME:
            if field in was and was[field] != name[field]:
                return f"field {field!r} of the name at position {name['position']} differs"
    for position in sorted(by_position, key=repr):
        return f"the name at position {position} was removed"
    return None


def _decisions(conn: Connection, recorded: _Recorded) -> Break | None:
    stored = Counter(_rows(conn, t.demand_decisions, _DECISION, "id"))
    for content in sorted(stored - recorded.decisions, key=repr):
        why = "is stored but not in the audit trail: it was added or changed in SQL"
        return Break(None, f"demand {content[0]!r}: a decision on position {content[1]} {why}")
    for content in sorted(recorded.decisions - stored, key=repr):
        why = "was removed from its table"
        return Break(None, f"demand {content[0]!r}: a decision on position {content[1]} {why}")
    return None


def _voids(conn: Connection, recorded: _Recorded) -> Break | None:
    voids = dict(recorded.voids)
    for row in _rows(conn, t.demand_voids, _VOID, "demand_id"):
        found = voids.pop(str(row[0]), None)
        if found is None:
            why = "is stored but not in the audit trail: it was added in SQL"
            return Break(None, f"the void of demand {row[0]!r} {why}")
        if found[1] != row:
            why = "is not what the audit trail recorded: it was changed in SQL"
            return Break(found[0], f"the void of demand {row[0]!r} {why}")
    for did, (entry_id, _row) in sorted(voids.items()):
        why = "was voided, but its void was removed from its table: the demand counts again"
        return Break(entry_id, f"demand {did!r} {why}")
    return None
