"""Persons and events as the audit chain holds them, written straight from their stored columns.

`audit verify` accepts a record recorded once and never revised when its stored form, as
canonical JSON, is the very text of the entry that inserted it (`audit_records`). Building that
form through the application's own reading (SQLAlchemy's type processing, `rows.person_from`,
`rows.event_from`, `rows.record_payload`, `json.dumps`) was most of the cost of `audit verify`
on a large ledger: a million records are nearly all persons and events. Here the columns are
read as the database driver returns them and written as that same JSON text directly.

The text is only ever used to *accept* a record, never to fault one: a stored value not in the
exact form the application writes (a date in another spelling, a boolean stored as 2, a list of
articles) gives None, and the record is then read and compared field by field as before. So
for a row the application reads as record R, the text here is either None or exactly
`canonical_json(audited(kind, R))` (`tests/storage/test_audit_texts.py` holds it to that for
rows with every field set, on both backends); a record whose fields change must change here
too, or every record of its kind falls back to the slower comparison (slower, never wrong).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from datetime import date, datetime
from typing import Any, Protocol

from sqlalchemy import Connection, Text, cast, column, select, table

from prisonwatch.storage.audit import canonical_json

_string = json.encoder.encode_basestring  # a JSON string, as canonical_json writes it
_BOOL = {False: "false", True: "true"}  # 0 and 1 too: the application reads them as bool


class _Holds(Protocol):  # audit_records.Span, without importing it (it imports this module)
    def holds(self, column: Any) -> Any: ...


def _text(value: Any) -> str:
    return "null" if value is None else _string(value)


def _int(value: Any) -> str:
    if value is None:
        return "null"
    if type(value) is not int:
        raise TypeError("not stored as a whole number")
    return str(value)


def _articles(value: Any) -> str:
    """As `event_from` then `event_row` make them: anything empty is null, a list stays."""
    if value is None or value == "null":
        return "null"
    found = json.loads(value)
    if not found:
        return "null"
    if type(found) is not list:
        raise TypeError("articles not stored as a list")
    return canonical_json(found) or "null"


def _names(names: list[str]) -> str:
    return "[" + ",".join(map(_string, names)) + "]" if names else "[]"


def _sqlite_day(value: Any) -> str:
    return _string(value)  # as stored: only the ISO form can equal the entry's text


def _sqlite_moment(value: Any) -> str:
    return _string(datetime.fromisoformat(value).isoformat())  # as SQLAlchemy reads it


def _native(value: Any) -> str:
    if not isinstance(value, date):
        raise TypeError("not a date")
    return _string(value.isoformat())


class _Forms:
    """How a dialect's driver returns dates and times, as the JSON text of their ISO form."""

    def __init__(self, dialect: str) -> None:
        sqlite = dialect == "sqlite"
        self.day: Callable[[Any], str] = _sqlite_day if sqlite else _native
        self.moment: Callable[[Any], str] = _sqlite_moment if sqlite else _native


_PERSON_COLUMNS = [
    "id",
    "birth_year",
    "country",
    "gender",
    "merged_into",
    "name",
    "note",
    "protection",
    "recorded_at",
    "region",
]
_EVENT_COLUMNS = [
    "id",
    "articles",
    "court",
    "date_earliest",
    "date_latest",
    "date_precision",
    "deal_id",
    "detention_place",
    "health",
    "kind",
    "mechanism",
    "note",
    "organisation",
    "person_id",
    "place",
    "recorded_at",
    "recorded_by",
    "sentence_months",
    "supersedes",
    "term_ends",
    "void",
]


def _select(name: str, columns: list[str], span: _Holds) -> Any:
    """The columns untyped (no processing of results), JSON ones as their text."""
    tbl = table(name, *(column(c) for c in columns))
    cols = [cast(tbl.c[c], Text) if c == "articles" else tbl.c[c] for c in columns]
    return select(*cols).where(span.holds(tbl.c.id))


def _links(conn: Connection, name: str, value: str, span: _Holds) -> dict[str, list[Any]]:
    """A link table's values for each event of the span, in position order."""
    tbl = table(name, column("record_kind"), column("record_id"), column(value), column("position"))
    stmt = select(tbl.c.record_id, tbl.c[value])
    stmt = stmt.where(tbl.c.record_kind == "event", span.holds(tbl.c.record_id))
    found: dict[str, list[Any]] = defaultdict(list)
    for rid, item in conn.execute(stmt.order_by(tbl.c.record_id, tbl.c.position)).fetchall():
        found[rid].append(item)
    return found


def _persons(conn: Connection, span: _Holds, forms: _Forms) -> dict[str, str | None]:
    names: dict[str, list[str]] = defaultdict(list)
    pn = table("person_names", column("person_id"), column("position"), column("name"))
    stmt = select(pn.c.person_id, pn.c.name).where(span.holds(pn.c.person_id))
    for pid, name in conn.execute(stmt.order_by(pn.c.person_id, pn.c.position)).fetchall():
        names[pid].append(name)
    out: dict[str, str | None] = {}
    moment = forms.moment
    for row in conn.execute(_select("persons", _PERSON_COLUMNS, span)).fetchall():
        pid, born, country, gender, merged, name, note, protection, at, region = row
        try:
            out[pid] = (
                f'{{"birth_year":{_int(born)},"country":{_text(country)},'
                f'"gender":{_string(gender)},"id":{_string(pid)},"merged_into":{_text(merged)},'
                f'"name":{_string(name)},"names":{_names([name, *names[pid][1:]])},'
                f'"note":{_text(note)},"protection":{_string(protection)},'
                f'"recorded_at":{moment(at)},"region":{_text(region)}}}'
            )
        except (TypeError, ValueError):
            out[pid] = None
    return out


def _events(conn: Connection, span: _Holds, forms: _Forms) -> dict[str, str | None]:
    sources = _links(conn, "record_sources", "source_id", span)
    claims = _links(conn, "record_claims", "claim_id", span)
    out: dict[str, str | None] = {}
    day, moment, t = forms.day, forms.moment, _text
    for row in conn.execute(_select("events", _EVENT_COLUMNS, span)).fetchall():
        (eid, articles, court, d0, d1, precision, deal, held_at, health, kind, mechanism) = row[:11]
        (note, org, pid, place, at, by, months, supersedes, ends, void) = row[11:]
        try:
            out[eid] = (
                f'{{"articles":{_articles(articles)},"claim_ids":{_names(claims.get(eid, []))},'
                f'"court":{t(court)},"date_earliest":{day(d0)},"date_latest":{day(d1)},'
                f'"date_precision":{_string(precision)},"deal_id":{t(deal)},'
                f'"detention_place":{t(held_at)},"health":{t(health)},"id":{_string(eid)},'
                f'"kind":{_string(kind)},"mechanism":{t(mechanism)},"note":{t(note)},'
                f'"organisation":{t(org)},"person_id":{_string(pid)},"place":{t(place)},'
                f'"recorded_at":{moment(at)},"recorded_by":{_string(by)},'
                f'"sentence_months":{_int(months)},"source_ids":{_names(sources.get(eid, []))},'
                f'"supersedes":{t(supersedes)},"term_ends":{"null" if ends is None else day(ends)},'
                f'"void":{_BOOL[void]}}}'
            )
        except (TypeError, ValueError, KeyError):
            out[eid] = None
    return out


_READERS = {"person": _persons, "event": _events}


def stored(conn: Connection, kind: str, span: _Holds) -> dict[str, str | None] | None:
    """Every stored record of the kind in the span, by id: its audited form as canonical JSON,
    or None where a column is not in the form the application writes (compare that record
    field by field). None for kinds not read this way."""
    reader = _READERS.get(kind)
    if reader is None:
        return None
    return reader(conn, span, _Forms(conn.dialect.name))
