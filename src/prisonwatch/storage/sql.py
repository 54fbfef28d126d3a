"""The SQL implementation of `LedgerStore`, for SQLite and PostgreSQL alike."""

from __future__ import annotations

import dataclasses
import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    Select,
    Table,
    create_engine,
    event,
    insert,
    select,
)
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError, SQLAlchemyError
from sqlalchemy.pool import ConnectionPoolEntry

from prisonwatch.core.problems import Problem
from prisonwatch.core.records import (
    Claim,
    Concession,
    Deal,
    Event,
    Observation,
    Person,
    Review,
    Source,
)
from prisonwatch.core.revisions import Revision, check_based_on, fold, fold_all, newest_seq
from prisonwatch.core.text import name_key
from prisonwatch.core.vocabulary import stricter
from prisonwatch.storage import audit, audit_records, migrate, restored, rows
from prisonwatch.storage import tables as t
from prisonwatch.storage.audit import Change
from prisonwatch.storage.port import (
    KINDS_REVISED,
    ApplyResult,
    AuditEntry,
    BackedRevision,
    Batch,
    BatchError,
    Choice,
    Extraction,
    Judgement,
    QueuedName,
    ReadConcession,
    StorageError,
)
from prisonwatch.storage.version import VersionReader

_CHUNK = 500
_EPOCH = datetime(1970, 1, 1)


def _sqlite_pragmas(dbapi_conn: Any, _record: ConnectionPoolEntry) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def redact_url(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        from sqlalchemy.engine import make_url

        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "<unreadable database URL>"


def open_engine(url: str) -> Engine:
    try:
        engine = create_engine(url, pool_pre_ping=True)
    except (ArgumentError, ImportError, SQLAlchemyError) as exc:
        raise StorageError(
            f"database URL {redact_url(url)!r} cannot be used: {exc} (expected a SQLite file "
            "path or sqlite:///PATH, or postgresql+psycopg://USER@HOST:PORT/DATABASE)"
        ) from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _chunks(items: Sequence[str]) -> Iterable[Sequence[str]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i : i + _CHUNK]


_Ids = Sequence[str] | audit_records.Span | None
"""Which records a read is about: these ids, those in a range of ids, or all."""


STREAM_CHUNK = 4096
"""Rows fetched at a time when a whole table is streamed (`_Reader._stream`)."""


def _restricted(stmt: Select[Any], column: Any, ids: _Ids) -> Iterable[Select[Any]]:
    """The statement for these records: as it is for all, with a range for a span, and in
    chunks of ids otherwise."""
    if ids is None:
        yield stmt
    elif isinstance(ids, audit_records.Span):
        yield stmt.where(ids.holds(column))
    else:
        for chunk in _chunks(list(ids)):
            yield stmt.where(column.in_(chunk))


def _judgement_key(j: Judgement) -> tuple[object, ...]:
    """What makes two judgements one decision (the store's number aside)."""
    return (j.name, j.person_id, j.verdict, j.decided_by, j.decided_at, j.note)


def _neutral(record: Any) -> Any:
    """The record with its recording time (and later bookkeeping) blanked, to tell a repeat
    from a change."""
    blank: dict[str, Any] = {"recorded_at": _EPOCH}
    for name in ("merged_into", "superseded_by", "review"):
        if hasattr(record, name):
            blank[name] = None if name != "review" else Review()
    return dataclasses.replace(record, **blank)


class SqlStore:
    """`LedgerStore` on any SQLAlchemy URL; tested on SQLite files and PostgreSQL."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = open_engine(url)
        self._versions = VersionReader(self.engine)

    # -- connection handling -------------------------------------------------------------------

    def _fail(self, exc: Exception) -> StorageError:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        return StorageError(f"database {redact_url(self.url)}: {reason}")

    def _read(self, fn: Callable[[Connection], Any]) -> Any:
        try:
            with self.engine.connect() as conn:
                return fn(conn)
        except (OperationalError, DBAPIError) as exc:
            raise self._fail(exc) from None

    def version(self) -> int:
        """The store's version: the newest audit entry's id, 0 when there is none (one round
        trip on a connection kept for it, `storage.version`)."""
        try:
            return self._versions.read()
        except (OperationalError, DBAPIError) as exc:
            raise self._fail(exc) from None
        except Exception as exc:  # the driver's own error, raised outside SQLAlchemy
            raise self._fail(exc) from None

    def migrate(self) -> None:
        try:
            migrate.upgrade(self.engine)
        except (OperationalError, DBAPIError) as exc:
            raise self._fail(exc) from None

    def close(self) -> None:
        self._versions.close()
        self.engine.dispose()

    # -- writing ---------------------------------------------------------------------------------

    def apply(self, batch: Batch, actor: str, at: datetime) -> ApplyResult:
        try:
            with self.engine.begin() as conn:
                return _Writer(conn, batch, actor, at).run()
        except BatchError:
            raise
        except (OperationalError, DBAPIError) as exc:
            raise self._fail(exc) from None

    def problems(self, batch: Batch) -> list[Problem]:
        try:
            with self.engine.connect() as conn:
                writer = _Writer(conn, batch, "", datetime.now())
                writer.check()
                conn.rollback()
                return writer.problems
        except (OperationalError, DBAPIError) as exc:
            raise self._fail(exc) from None

    # -- reading ---------------------------------------------------------------------------------

    def _records(self, fn: Callable[[_Reader], list[Any]], known_on: datetime | None = None) -> Any:
        return self._read(lambda conn: fn(_Reader(conn, known_on)))

    def sources(
        self, ids: Sequence[str] | None = None, known_on: datetime | None = None
    ) -> list[Source]:
        result: list[Source] = self._records(lambda r: r.sources(ids), known_on)
        return result

    def persons(
        self, known_on: datetime | None = None, ids: Sequence[str] | None = None
    ) -> list[Person]:
        result: list[Person] = self._records(lambda r: r.persons(ids), known_on)
        return result

    def changes(self, after: int, upto: int, limit: int) -> list[Change] | None:
        """What the audit entries after `after` up to `upto` changed (see `audit.changes`);
        None when there are more than `limit` of them."""
        found: list[Change] | None = self._read(
            lambda conn: audit.changes(conn, after, upto, limit)
        )
        return found

    def person(self, person_id: str, known_on: datetime | None = None) -> Person | None:
        found: list[Person] = self._records(lambda r: r.persons([person_id]), known_on)
        return found[0] if found else None

    def find_persons(self, text: str, limit: int = 20) -> list[Person]:
        key = rows.search_key(text)
        if not key:
            return []

        def q(conn: Connection) -> list[Person]:
            like = "%" + key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            candidates: set[str] = set()
            for table in (t.person_names, t.revised_names):
                stmt = (
                    select(table.c.person_id)
                    .where(table.c.key.like(like, escape="\\"))
                    .group_by(table.c.person_id)
                    .limit(limit * 5)
                )
                candidates.update(conn.execute(stmt).scalars())
            found = [
                p
                for p in _Reader(conn).persons(sorted(candidates))
                if any(key in rows.search_key(n) for n in p.all_names)
            ]

            def rank(p: Person) -> tuple[int, str]:
                keys = [rows.search_key(n) for n in p.all_names]
                return (0 if key in keys else 1, rows.search_key(p.name))

            return sorted(found, key=rank)[:limit]

        result: list[Person] = self._read(q)
        return result

    def events(
        self,
        person_ids: Sequence[str] | None = None,
        known_on: datetime | None = None,
        ids: Sequence[str] | None = None,
    ) -> list[Event]:
        result: list[Event] = self._records(
            lambda r: r.events(ids=ids, person_ids=person_ids), known_on
        )
        return result

    def claimed_events(self) -> list[Event]:
        result: list[Event] = self._records(lambda r: r.events(ids=r.claimed_event_ids()))
        return result

    def deals(self, known_on: datetime | None = None) -> list[Deal]:
        result: list[Deal] = self._records(lambda r: r.deals(None), known_on)
        return result

    def observations(self, known_on: datetime | None = None) -> list[Observation]:
        result: list[Observation] = self._records(lambda r: r.observations(None), known_on)
        return result

    def claims(self, source_id: str | None = None, ids: Sequence[str] | None = None) -> list[Claim]:
        result: list[Claim] = self._records(lambda r: r.claims(ids, source_id=source_id))
        return result

    # -- revisions ---------------------------------------------------------------------------------

    def revise(
        self,
        kind: str,
        record_id: str,
        record: Any | None,
        actor: str,
        at: datetime,
        why: str,
        based_on: int | None = None,
    ) -> Revision[Any]:
        result: Revision[Any] = self._write(
            lambda conn: _revise(conn, kind, record_id, record, actor, at, why, based_on)
        )
        return result

    def revisions(self, kind: str, record_id: str) -> list[Revision[Any]]:
        result: list[Revision[Any]] = self._read(
            lambda conn: _Reader(conn).revisions(kind, [record_id]).get(record_id, [])
        )
        return result

    def merge_links(self) -> dict[str, str]:
        """Each merged person record's id and the id it is merged into now, as
        `core.merges.links_of(persons())` gives them, without reading every person: the
        records first recorded as merged (a restored backup's), and the newest version of
        every revised one (a merge and an unmerge are revisions); voided records have none."""

        def q(conn: Connection) -> dict[str, str]:
            p = t.persons.c
            stmt = select(p.id, p.merged_into).where(p.merged_into.is_not(None))
            links = {str(i): str(m) for i, m in conn.execute(stmt)}
            for pid, revs in _Reader(conn).revisions("person", None).items():
                last = revs[-1].record
                links.pop(pid, None)
                if last is not None and last.merged_into:
                    links[pid] = last.merged_into
            return links

        result: dict[str, str] = self._read(q)
        return result

    def claim_history(self) -> list[tuple[Claim, list[Revision[Any]]]]:
        """Every claim that was revised (a review decided, undone, edited), as first recorded
        with its revisions, oldest first, in claim id order: what a backup keeps of a claim's
        earlier reviews (`exporting`)."""

        def q(conn: Connection) -> list[tuple[Claim, list[Revision[Any]]]]:
            revised = _Reader(conn).revisions("claim", None)
            if not revised:
                return []
            firsts = {c.id: c for c in _Reader(conn, folded=False).claims(sorted(revised))}
            return [(firsts[cid], revised[cid]) for cid in sorted(revised) if cid in firsts]

        result: list[tuple[Claim, list[Revision[Any]]]] = self._read(q)
        return result

    def former_names(self) -> dict[str, frozenset[str]]:
        def q(conn: Connection) -> dict[str, frozenset[str]]:
            revised = _Reader(conn).revisions("person", None)
            if not revised:
                return {}
            ids = sorted(revised)
            firsts = _Reader(conn, folded=False).of_kind("person", ids)
            ever: dict[str, set[str]] = {p.id: set(p.all_names) for p in firsts}
            for pid, revs in revised.items():
                for rev in revs:
                    if rev.record is not None:
                        ever.setdefault(pid, set()).update(rev.record.all_names)
            now = {p.id: set(p.all_names) for p in _Reader(conn).persons(ids)}
            out = {pid: frozenset(names - now.get(pid, set())) for pid, names in ever.items()}
            return {pid: names for pid, names in out.items() if names}

        result: dict[str, frozenset[str]] = self._read(q)
        return result

    def voided_persons(self) -> list[Person]:
        def q(conn: Connection) -> list[Person]:
            revised = _Reader(conn).revisions("person", None)
            gone = sorted(pid for pid, revs in revised.items() if revs[-1].record is None)
            if not gone:
                return []
            last: dict[str, Person] = {
                p.id: p for p in _Reader(conn, folded=False).of_kind("person", gone)
            }
            for pid in gone:
                for rev in revised[pid]:
                    if rev.record is not None:
                        last[pid] = rev.record
            return [last[pid] for pid in gone if pid in last]

        result: list[Person] = self._read(q)
        return result

    def first_version(self, kind: str, record_id: str) -> Any | None:
        def q(conn: Connection) -> Any | None:
            found = _Reader(conn, folded=False).of_kind(kind, [record_id])
            return found[0] if found else None

        return self._read(q)

    # -- review, names, conflicts ----------------------------------------------------------------

    def _write(self, fn: Callable[[Connection], Any]) -> Any:
        try:
            with self.engine.begin() as conn:
                return fn(conn)
        except (OperationalError, DBAPIError) as exc:
            raise self._fail(exc) from None

    def read_concessions(self, source_id: str) -> list[ReadConcession]:
        def q(conn: Connection) -> list[ReadConcession]:
            stmt = (
                select(t.read_concessions)
                .where(t.read_concessions.c.source_id == source_id)
                .order_by(t.read_concessions.c.recorded_at, t.read_concessions.c.evidence_start)
            )
            return [rows.read_concession_from(r) for r in conn.execute(stmt).mappings()]

        result: list[ReadConcession] = self._read(q)
        return result

    def extractions(self, source_id: str | None = None) -> list[Extraction]:
        def q(conn: Connection) -> list[Extraction]:
            stmt = select(t.extractions).order_by(t.extractions.c.recorded_at)
            if source_id is not None:
                stmt = stmt.where(t.extractions.c.source_id == source_id)
            return [
                Extraction(r.source_id, r.extractor_version, r.output, r.recorded_at)
                for r in conn.execute(stmt)
            ]

        result: list[Extraction] = self._read(q)
        return result

    def update_claim(self, claim: Claim, actor: str, at: datetime, why: str = "review") -> None:
        self.revise("claim", claim.id, claim, actor, at, why)

    def update_deal(self, deal: Deal, actor: str, at: datetime, why: str = "enriched") -> None:
        self.revise("deal", deal.id, deal, actor, at, why)

    def audit_disagreement(self) -> audit.Break | None:
        """The first record whose stored state is not what the audit chain last recorded of
        it (`storage.audit_records`), or None."""

        def r(conn: Connection) -> audit.Break | None:
            return audit_records.check(conn, _record_reader(conn))

        found: audit.Break | None = self._read(r)
        return found

    def audit_spans(self) -> list[tuple[str, audit_records.Span]]:
        """The spans `audit_disagreement` checks one after the other (`audit_records.spans`),
        to check them apart (`audit_span_disagreement`, beside `audit_beside_disagreement`)."""
        found: list[tuple[str, audit_records.Span]] = self._read(audit_records.spans)
        return found

    def audit_span_disagreement(self, kind: str, span: audit_records.Span) -> audit.Break | None:
        def r(conn: Connection) -> audit.Break | None:
            return audit_records.check_span(conn, kind, span, _record_reader(conn))

        found: audit.Break | None = self._read(r)
        return found

    def audit_after_disagreement(self) -> audit.Break | None:
        """What `audit_disagreement` finds after the records: the derived name index."""
        found: audit.Break | None = self._read(audit_records.check_after)
        return found

    def audit_beside_disagreement(self) -> audit.Break | None:
        """What `audit_disagreement` finds before the records: clearances, public ids."""
        found: audit.Break | None = self._read(audit_records.check_beside)
        return found

    def merge_persons(
        self, keep: str, gone: str, actor: str, at: datetime, why: str | None = None
    ) -> None:
        def w(conn: Connection) -> None:
            if keep == gone:
                raise StorageError(f"cannot merge person {keep!r} with itself")
            found = {p.id: p for p in _Reader(conn).persons([keep, gone])}
            if gone not in found or keep not in found:
                raise StorageError(f"unknown person {gone if gone not in found else keep!r}")
            if found[keep].merged_into is not None or found[gone].merged_into is not None:
                raise StorageError("one of these persons is already merged into another")
            merged = dataclasses.replace(found[gone], merged_into=keep)
            _revise(conn, "person", gone, merged, actor, at, why or f"merged into {keep}", None)

        self._write(w)

    def unmerge_person(self, gone: str, actor: str, at: datetime, why: str) -> str:
        def w(conn: Connection) -> str:
            found = _Reader(conn).persons([gone])
            if not found:
                raise StorageError(f"unknown person {gone!r}")
            keep = found[0].merged_into
            if keep is None:
                raise StorageError(f"person {gone!r} is not merged into another: nothing to undo")
            alone = dataclasses.replace(found[0], merged_into=None)
            _revise(conn, "person", gone, alone, actor, at, why, None)
            return keep

        result: str = self._write(w)
        return result

    def drop_queued(self, claim_id: str, actor: str, at: datetime) -> int:
        def w(conn: Connection) -> int:
            q = t.name_queue
            found = [
                dict(r)
                for r in conn.execute(
                    select(q).where(q.c.claim_id == claim_id, q.c.status == "pending")
                ).mappings()
            ]
            for row in found:
                conn.execute(q.update().where(q.c.id == row["id"]).values(status="withdrawn"))
                after = {**row, "status": "withdrawn"}
                _audit(conn, at, actor, "withdraw", "name", str(row["id"]), row, after)
            return len(found)

        result: int = self._write(w)
        return result

    def add_judgement(self, judgement: Judgement) -> None:
        def w(conn: Connection) -> None:
            row = {
                "name": judgement.name,
                "name_key": name_key(judgement.name),
                "person_id": judgement.person_id,
                "verdict": judgement.verdict,
                "decided_by": judgement.decided_by,
                "decided_at": judgement.decided_at,
                "note": judgement.note,
            }
            pk = conn.execute(insert(t.judgements).values(**row)).inserted_primary_key
            assert pk is not None
            _audit(
                conn,
                judgement.decided_at,
                judgement.decided_by,
                "judge",
                "person",
                judgement.person_id,
                None,
                {**row, "id": int(pk[0])},  # its number: `audit verify` finds it by it
            )

        self._write(w)

    def judgements(self, name: str | None = None) -> list[Judgement]:
        result: list[Judgement] = self._read(lambda conn: _Reader(conn).judgements(name))
        return result

    def queue_name(
        self,
        claim_id: str,
        name: str,
        candidates: list[dict[str, Any]],
        at: datetime,
        actor: str = "system",
    ) -> int:
        def w(conn: Connection) -> int:
            row = {
                "claim_id": claim_id,
                "name": name,
                "candidates": candidates,
                "status": "pending",
                "person_id": None,
                "recorded_at": at,
            }
            pk = conn.execute(insert(t.name_queue).values(**row)).inserted_primary_key
            assert pk is not None
            queued = {"id": int(pk[0]), **row}  # as `resolve_name` and `drop_queued` record it
            _audit(conn, at, actor, "queue", "name", str(pk[0]), None, queued)
            return int(pk[0])

        result: int = self._write(w)
        return result

    def queued_names(self, status: str | None = "pending") -> list[QueuedName]:
        def q(conn: Connection) -> list[QueuedName]:
            stmt = select(t.name_queue).order_by(t.name_queue.c.id)
            if status is not None:
                stmt = stmt.where(t.name_queue.c.status == status)
            return [
                QueuedName(
                    r.id, r.claim_id, r.name, r.candidates, r.status, r.person_id, r.recorded_at
                )
                for r in conn.execute(stmt)
            ]

        result: list[QueuedName] = self._read(q)
        return result

    def resolve_name(self, queue_id: int, person_id: str, actor: str, at: datetime) -> None:
        def w(conn: Connection) -> None:
            found = (
                conn.execute(select(t.name_queue).where(t.name_queue.c.id == queue_id))
                .mappings()
                .first()
            )
            if found is None:
                raise StorageError(f"no queued name {queue_id}")
            conn.execute(
                t.name_queue.update()
                .where(t.name_queue.c.id == queue_id)
                .values(status="resolved", person_id=person_id)
            )
            _audit(
                conn,
                at,
                actor,
                "resolve",
                "name",
                str(queue_id),
                dict(found),
                {**dict(found), "status": "resolved", "person_id": person_id},
            )

        self._write(w)

    def add_choice(self, conflict: str, chosen: str, by: str, at: datetime, why: str) -> None:
        def w(conn: Connection) -> None:
            row = {
                "conflict": conflict,
                "chosen": chosen,
                "chosen_by": by,
                "chosen_at": at,
                "why": why,
            }
            pk = conn.execute(insert(t.choices).values(**row)).inserted_primary_key
            assert pk is not None
            after = {**row, "id": int(pk[0])}  # its number: `audit verify` finds it by it
            _audit(conn, at, by, "choose", "conflict", conflict[:80], None, after)

        self._write(w)

    def choices(self) -> list[Choice]:
        result: list[Choice] = self._read(lambda conn: _Reader(conn).choices(None))
        return result

    def audit_log(self, record_id: str | None = None, limit: int = 100) -> list[AuditEntry]:
        def q(conn: Connection) -> list[AuditEntry]:
            stmt = select(t.audit).order_by(t.audit.c.id.desc()).limit(limit)
            if record_id is not None:
                stmt = stmt.where(t.audit.c.record_id == record_id)
            return [
                AuditEntry(
                    r.id, r.at, r.actor, r.action, r.record_kind, r.record_id, r.before, r.after
                )
                for r in conn.execute(stmt)
            ]

        result: list[AuditEntry] = self._read(q)
        return result


def _audit(
    conn: Connection,
    at: datetime,
    actor: str,
    action: str,
    kind: str,
    rid: str,
    before: rows.Row | None,
    after: rows.Row | None,
) -> None:
    audit.append(
        conn,
        [
            audit.Entry(
                at,
                actor,
                action,
                kind,
                rid,
                rows.jsonable(before) if before else None,
                rows.jsonable(after) if after else None,
            )
        ],
    )


def public_id_entry(at: datetime, actor: str, row: rows.Row) -> audit.Entry:
    """The audit entry of a public id given (a row of `public_ids`: kind, record id, public
    id), so that `audit verify` finds one added or changed in SQL. The key of public record
    ids (kind `key`) is recorded by its sha256 alone: it is never shown, the audit log
    included. A withheld person's pseudonym is recorded as it is (the public export shows it);
    the record id is the one the chain already holds for that person or event."""
    kind, record_id, public_id = str(row["kind"]), str(row["record_id"]), str(row["public_id"])
    after: rows.Row = {"kind": kind, "record_id": record_id}
    if kind == "key":
        after["sha256"] = hashlib.sha256(public_id.encode()).hexdigest()
    else:
        after["public_id"] = public_id
    return audit.Entry(
        at, actor, "give", audit_records.PUBLIC_ID, f"{kind}:{record_id}", None, after
    )


def _revise(
    conn: Connection,
    kind: str,
    record_id: str,
    record: Any | None,
    actor: str,
    at: datetime,
    why: str,
    based_on: int | None,
) -> Revision[Any]:
    """Append one revision of a record (None: a void), checked against the newest one."""
    if kind not in KINDS_REVISED:
        raise StorageError(f"records of kind {kind!r} are not revised")
    if record is not None and str(getattr(record, "id", record_id)) != record_id:
        raise StorageError(f"a revision of {kind} {record_id!r} holds another record")
    reader = _Reader(conn)
    base = _Reader(conn, folded=False).of_kind(kind, [record_id])
    if not base:
        raise StorageError(f"there is no {kind} {record_id!r}")
    revs = reader.revisions(kind, [record_id]).get(record_id, [])
    check_based_on(kind, record_id, revs, based_on)
    current = fold(base[0], revs)
    if record is None and current is None:
        raise StorageError(f"{kind} {record_id!r} is already void")
    seq = newest_seq(revs) + 1
    payload = rows.record_payload(kind, record) if record is not None else None
    conn.execute(
        insert(t.revisions),
        [
            {
                "kind": kind,
                "record_id": record_id,
                "seq": seq,
                "payload": payload,
                "supersedes": seq - 1,
                "actor": actor,
                "at": at,
                "why": why,
                "void": record is None,
            }
        ],
    )
    if kind == "person":
        conn.execute(t.revised_names.delete().where(t.revised_names.c.person_id == record_id))
        if record is not None:
            conn.execute(
                insert(t.revised_names),
                [
                    {"person_id": record_id, "position": i, "key": rows.search_key(n)}
                    for i, n in enumerate(record.all_names)
                ],
            )
    before = rows.record_payload(kind, current) if current is not None else None
    _audit(
        conn,
        at,
        actor,
        "void" if record is None else "revise",
        kind,
        record_id,
        {**before, "revision": seq - 1} if before else None,
        {**payload, "revision": seq, "why": why} if payload else {"revision": seq, "why": why},
    )
    return Revision(kind, record_id, seq, record, actor, at, why, seq - 1)


class _Writer:
    """One batch written inside one transaction; raises `BatchError` before any insert."""

    def __init__(self, conn: Connection, batch: Batch, actor: str, at: datetime) -> None:
        self.conn, self.batch, self.actor, self.at = conn, batch, actor, at
        self.problems: list[Problem] = []
        self.new_public_ids: list[rows.Row] = []
        self.new_judgements: list[rows.Row] = []
        self.new_queued: list[rows.Row] = []
        self.new_choices: list[rows.Row] = []
        self.new_revisions: list[BackedRevision] = []
        self.revised: list[tuple[str, Any, str]] = []

    def _where(self, rid: str) -> str:
        return self.batch.where.get(rid, rid)

    def _existing_ids(self, table: Table, ids: Sequence[str]) -> set[str]:
        found: set[str] = set()
        for chunk in _chunks(list(ids)):
            found.update(
                self.conn.execute(select(table.c.id).where(table.c.id.in_(chunk))).scalars()
            )
        return found

    def _split_new(
        self, kind: str, records: Sequence[Any], stored: Callable[[list[str]], list[Any]]
    ) -> list[Any]:
        """The records not yet stored. One stored under its id is a repeat when it equals the
        first version or the current state (so that a file imported before an edit can be
        imported again). With other content it becomes a revision when the batch says why
        (or when it only fills in a source's empty fields), else a problem."""
        seen: set[str] = set()
        for r in records:
            if r.id in seen:
                self.problems.append(
                    Problem(self._where(r.id), "id", f"duplicate {kind} id {r.id!r}")
                )
            seen.add(r.id)
        ids = [r.id for r in records]
        first = {o.id: o for o in stored(ids)} if ids else {}
        current = {o.id: o for o in _Reader(self.conn).of_kind(kind, ids)} if first else {}
        new = []
        for r in records:
            if r.id not in first:
                new.append(r)
                continue
            known = [_neutral(first[r.id])]
            if r.id in current:
                known.append(_neutral(current[r.id]))
            now = current.get(r.id)
            if kind == "person" and now is not None and _neutral(r) not in known:
                r = self._kept_protection(r, now)
                if r is None:
                    continue
            kept = dataclasses.replace(r, recorded_at=first[r.id].recorded_at)
            if _neutral(r) in known:
                if now is None and self.batch.restore:
                    kept = self._restored(kind, kept)
                    self.revised.append((kind, kept, "restored: recorded again"))
                continue
            if kind == "source" and now is not None and fills_in(now, r):
                self.revised.append((kind, kept, "empty fields filled in by import"))
            elif self.batch.update_why:
                self.revised.append((kind, kept, self.batch.update_why))
            else:
                self.problems.append(
                    Problem(
                        self._where(r.id),
                        "id",
                        f"{kind} {self._where_id(r)} is already stored with other content "
                        "(give --update with --why to record the change as a revision)",
                    )
                )
        return new

    def _kept_protection(self, row: Person, now: Person) -> Person | None:
        """A stored person's row as the import takes it: a row that states no protection (no
        column, or an empty cell: a spreadsheet kept since before the person was protected)
        keeps the stored level; one that states a level less strict than the stored one is a
        problem (None), since writing it would publish a person whose protection someone chose.
        Lowering a protection is a decision of its own: `edit person --protection`."""
        if row.id in self.batch.protection_unstated:
            return dataclasses.replace(row, protection=now.protection)
        if stricter(row.protection, now.protection) is row.protection:
            return row
        self.problems.append(
            Problem(
                self._where(row.id),
                "protection",
                f"person {row.id!r} is {now.protection.value}: an import never lowers a "
                f"protection to {row.protection.value} (use `prisonwatch edit person {row.id} "
                "--protection ... --why ...`)",
            )
        )
        return None

    def _restored(self, kind: str, record: Any) -> Any:
        """A void person recorded again keeps the protection of its last version before the
        void when that is stricter: accepting a claim, protecting the person it made, undoing
        the acceptance and accepting again must not make the person public again."""
        if kind != "person":
            return record
        steps = _Reader(self.conn).revisions(kind, [record.id]).get(record.id, [])
        last = next((s.record for s in reversed(steps) if s.record is not None), None)
        if last is None:
            return record
        return dataclasses.replace(record, protection=stricter(record.protection, last.protection))

    def _where_id(self, record: Any) -> str:
        """How the user named the record: its address for a source, else its id."""
        url = getattr(record, "url", None)
        return repr(url) if isinstance(url, str) and url else repr(record.id)

    def _require(
        self,
        table: Table,
        ids: Iterable[tuple[str, str | None, str]],
        in_batch: set[str],
        what: str,
    ) -> None:
        wanted: dict[str, list[tuple[str, str]]] = {}
        for owner, rid, fld in ids:
            if rid:
                wanted.setdefault(rid, []).append((owner, fld))
        missing = set(wanted) - in_batch
        if missing:
            missing -= self._existing_ids(table, sorted(missing))
        for rid in sorted(missing):  # every row naming it, so that none is left to find later
            for owner, fld in wanted[rid]:
                self.problems.append(Problem(self._where(owner), fld, f"unknown {what} {rid!r}"))

    def check(self) -> tuple[list[Any], ...]:
        """Every reason the store refuses this batch, gathered in `problems` without writing:
        repeated ids, stored ids with other content, and references to records that do not
        exist. Gives the records that are new, by kind, for `run` to write."""
        b, conn = self.batch, self.conn
        store = _Reader(conn, folded=False)
        sources = self._split_new("source", b.sources, store.sources)
        persons = self._split_new("person", b.persons, store.persons)
        deals = self._split_new("deal", b.deals, store.deals)
        claims = self._split_new("claim", b.claims, store.claims)
        events = self._split_new("event", b.events, store.events)
        observations = self._split_new("observation", b.observations, store.observations)
        src_ids = {s.id for s in b.sources}
        self._require(  # a backup's merges: into a person of the batch or the store
            t.persons,
            ((p.id, p.merged_into, "merged_into") for p in persons),
            {p.id for p in b.persons},
            "person",
        )
        self._merged_into_merged(persons)
        self._require(
            t.persons,
            ((j.id, j.judgement.person_id, "person_id") for j in b.judgements),
            {p.id for p in b.persons},
            "person",
        )
        self._require(
            t.claims,
            ((e.id, c, "claim_ids") for e in events for c in e.claim_ids),
            {c.id for c in b.claims},
            "claim",
        )
        self.new_judgements = self._new_judgements()
        self._require(
            t.claims,
            ((q.id, q.claim_id, "claim_id") for q in b.name_queue),
            {c.id for c in b.claims},
            "claim",
        )
        self._require(
            t.persons,
            ((q.id, q.person_id, "person_id") for q in b.name_queue),
            {p.id for p in b.persons},
            "person",
        )
        self.new_queued = restored.new_queued(self.conn, b.name_queue)
        self.new_choices = restored.new_choices(_Reader(conn), b.choices)
        self.new_revisions = restored.new_revisions(
            _Reader(conn), b, {c.id for c in claims}, self.problems
        )
        revised_events = [r for k, r, _ in self.revised if k == "event"]
        checked_events = events + revised_events
        self._require(
            t.persons,
            ((e.id, e.person_id, "person_id") for e in checked_events),
            {p.id for p in b.persons},
            "person",
        )
        self._require(
            t.deals,
            ((e.id, e.deal_id, "deal_id") for e in checked_events),
            {d.id for d in b.deals},
            "deal",
        )
        self._require(
            t.events,
            ((e.id, e.supersedes, "supersedes") for e in events),
            {e.id for e in b.events},
            "event",
        )
        self._require(
            t.sources, ((c.id, c.source_id, "source_id") for c in claims), src_ids, "source"
        )
        revised_rest = [r for k, r, _ in self.revised if k in ("deal", "observation")]
        for recs in (checked_events, deals, observations, revised_rest):
            self._require(
                t.sources,
                ((r.id, s, "source") for r in recs for s in r.source_ids),
                src_ids,
                "source",
            )
        self.new_public_ids = self._public_ids()
        return sources, persons, deals, claims, events, observations

    def _new_judgements(self) -> list[rows.Row]:
        """The batch's judgements (from a backup) the store does not hold yet, in order: one
        held with the same name, person, verdict, reviewer, time and note is a repeat."""
        if not self.batch.judgements:
            return []
        held = {_judgement_key(j) for j in _Reader(self.conn).judgements(None)}
        new: list[rows.Row] = []
        for backed in self.batch.judgements:
            j = backed.judgement
            if _judgement_key(j) in held:
                continue
            held.add(_judgement_key(j))
            new.append(
                {
                    "name": j.name,
                    "name_key": name_key(j.name),
                    "person_id": j.person_id,
                    "verdict": j.verdict,
                    "decided_by": j.decided_by,
                    "decided_at": j.decided_at,
                    "note": j.note,
                }
            )
        return new

    def _merged_into_merged(self, persons: list[Person]) -> None:
        """A person merged into one that is itself merged into another: `merge` never makes
        that (it merges into the person kept), so a backup holding it was altered."""
        merged = [p for p in persons if p.merged_into]
        if not merged:
            return
        links = {p.id: p.merged_into for p in self.batch.persons if p.merged_into}
        for p in merged:
            target = p.merged_into
            if target in links:
                why = f"{target!r} is itself merged into {links[target]!r}: merge into that person"
                self.problems.append(Problem(self._where(p.id), "merged_into", why))

    def _public_ids(self) -> list[rows.Row]:
        """The batch's public ids (from a backup) the store does not hold yet; one it holds
        otherwise, or one it gives another record, is a problem: the public already knows the
        store's own."""
        given = self.batch.public_ids
        if not given:
            return []
        c = t.public_ids.c
        held = {
            (r.kind, r.record_id): r.public_id
            for r in self.conn.execute(select(c.kind, c.record_id, c.public_id))
        }
        owner = {v: k for k, v in held.items()}
        new: list[rows.Row] = []
        for p in given:
            where = self._where(p.id)
            mine = held.get((p.kind, p.record_id))
            other = owner.get(p.public_id)
            if mine is not None and mine != p.public_id:
                why = "this store already gives it another public id (restore into a new store)"
                self.problems.append(Problem(where, "public_id", why))
            elif other is not None and other != (p.kind, p.record_id):
                why = f"this store already gives it to {other[0]} {other[1]!r}"
                self.problems.append(Problem(where, "public_id", why))
            elif mine is None:
                owner[p.public_id] = (p.kind, p.record_id)
                held[(p.kind, p.record_id)] = p.public_id
                row = {"kind": p.kind, "record_id": p.record_id, "public_id": p.public_id}
                new.append({**row, "created_at": self.at})
        return new

    def run(self) -> ApplyResult:
        b, conn = self.batch, self.conn
        sources, persons, deals, claims, events, observations = self.check()
        if self.problems:
            raise BatchError(self.problems)
        self._insert(t.sources, "source", sources, rows.source_row)
        self._insert(t.persons, "person", persons, rows.person_row)
        self._insert_plain(t.person_names, [r for p in persons for r in rows.person_name_rows(p)])
        self._insert(t.deals, "deal", deals, rows.deal_row)
        self._insert_plain(t.concessions, [r for d in deals for r in rows.concession_rows(d)])
        self._insert(t.claims, "claim", claims, rows.claim_row)
        stored_versions = {
            (r.source_id, r.extractor_version)
            for r in conn.execute(
                select(t.extractions.c.source_id, t.extractions.c.extractor_version)
            )
        }
        self._insert_plain(
            t.extractions,
            [
                {
                    "source_id": x.source_id,
                    "extractor_version": x.extractor_version,
                    "output": x.output,
                    "recorded_at": x.recorded_at,
                }
                for x in b.extractions
                if (x.source_id, x.extractor_version) not in stored_versions
            ],
        )
        stored_concessions = {r.id for r in conn.execute(select(t.read_concessions.c.id))}
        self._insert_plain(
            t.read_concessions,
            [
                rows.read_concession_row(k)
                for k in {k.id: k for k in b.read_concessions}.values()
                if k.id not in stored_concessions
            ],
        )
        self._insert(t.events, "event", _supersede_order(events), rows.event_row)
        self._insert(t.observations, "observation", observations, rows.observation_row)
        for kind, recs in (("event", events), ("deal", deals), ("observation", observations)):
            self._insert_plain(
                t.record_sources,
                [
                    {"record_kind": kind, "record_id": r.id, "source_id": s, "position": i}
                    for r in recs
                    for i, s in enumerate(dict.fromkeys(r.source_ids))
                ],
            )
        self._insert_plain(
            t.record_claims,
            [
                {"record_kind": "event", "record_id": e.id, "claim_id": c, "position": i}
                for e in events
                for i, c in enumerate(dict.fromkeys(e.claim_ids))
            ],
        )
        self._insert_plain(t.public_ids, self.new_public_ids)
        for row in self.new_judgements:  # each with its audit entry, as `add_judgement` writes
            self.conn.execute(insert(t.judgements), [row])
            _audit(self.conn, self.at, self.actor, "judge", "person", row["person_id"], None, row)
        audit.append(
            self.conn, [public_id_entry(self.at, self.actor, r) for r in self.new_public_ids]
        )
        restored.write_revisions(self.conn, self.new_revisions, b.claims, _Reader(self.conn))
        restored.write_queued(self.conn, self.new_queued, self.actor, self.at)
        restored.write_choices(self.conn, self.new_choices, self.actor, self.at)
        revised: dict[str, int] = defaultdict(int)
        for kind, record, why in self.revised:
            _revise(self.conn, kind, record.id, record, self.actor, self.at, why, None)
            revised[kind] += 1
        added = {
            "sources": len(sources),
            "persons": len(persons),
            "deals": len(deals),
            "claims": len(claims),
            "events": len(events),
            "observations": len(observations),
            "public_ids": len(self.new_public_ids),
            "judgements": len(self.new_judgements),
            "name_queue": len(self.new_queued),
            "choices": len(self.new_choices),
            "claim_revisions": len(self.new_revisions),
        }
        return ApplyResult(
            added=added,
            unchanged=len(b) - sum(added.values()) - len(self.revised),
            revised=dict(revised),
        )

    def _insert_plain(self, table: Table, values: list[rows.Row]) -> None:
        if values:
            self.conn.execute(insert(table), values)

    def _insert(
        self, table: Table, kind: str, records: Sequence[Any], row: Callable[[Any], rows.Row]
    ) -> None:
        """Insert records of a kind, each with an audit entry holding the whole record (its
        table row, and its names, sources and concessions kept in other tables), so that
        `audit verify` can tell when any of it was changed behind the application's back."""
        if not records:
            return
        values = [row(r) for r in records]
        self.conn.execute(insert(table), values)
        entries = [
            audit.Entry(
                self.at,
                self.actor,
                "insert",
                kind,
                v["id"],
                None,
                rows.jsonable({**v, **rows.record_payload(kind, r)}),
            )
            for v, r in zip(values, records, strict=True)
        ]
        audit.append(self.conn, entries)


def fills_in(stored: Source, incoming: Source) -> bool:
    """Whether `incoming` only adds what `stored` left empty (a source first known by its
    address alone, then described by a sources file)."""
    for f in ("url", "title", "publisher", "published", "language"):
        old = getattr(stored, f)
        if old is not None and old != getattr(incoming, f):
            return False
    return True


def _supersede_order(events: list[Event]) -> list[Event]:
    """Events ordered so that a correction is inserted after the event it corrects."""
    ids = {e.id for e in events}
    done: set[str] = set()
    out: list[Event] = []
    by_id = {e.id: e for e in events}

    def visit(e: Event) -> None:
        if e.id in done:
            return
        done.add(e.id)
        if e.supersedes in ids:
            visit(by_id[e.supersedes])
        out.append(e)

    for e in events:
        visit(e)
    return out


@dataclasses.dataclass(frozen=True, slots=True)
class _Numbered:
    """A judgement or choice under its number as text, as revisions name it."""

    record: Any
    recorded_at: datetime

    @property
    def id(self) -> str:
        return str(self.record.id)


def _record_reader(conn: Connection) -> audit_records.Read:
    """The records `audit_records` compares with the chain, read on this connection."""

    def read(kind: str, ids: Sequence[str] | audit_records.Span, folded: bool) -> list[Any]:
        return _Reader(conn, folded=folded).checked(kind, ids)

    return read


def _unwrap(found: Any) -> Any:
    return found.record if isinstance(found, _Numbered) else found


class _Reader:
    """Reads records, all of them or those with the given ids, on one connection (inside the
    writer's transaction too, so that a batch is checked against what it will join).

    Each record is its first version folded with its revisions (`core.revisions`): as known at
    `known_on` when given (records first recorded later are left out), else as it is now; voided
    records are left out. With `folded=False` it reads first versions only.
    """

    def __init__(
        self, conn: Connection, known_on: datetime | None = None, folded: bool = True
    ) -> None:
        self.conn, self.known_on, self.folded = conn, known_on, folded

    def _rows(
        self, table: Table, ids: _Ids, column: str = "id", order: Sequence[Any] = ()
    ) -> list[Any]:
        if ids is None:
            return list(self.conn.execute(select(table).order_by(*order)).mappings())
        if isinstance(ids, audit_records.Span):
            stmt = select(table).where(ids.holds(table.c[column])).order_by(*order)
            return list(self.conn.execute(stmt).mappings())
        out: list[Any] = []
        for chunk in _chunks(list(ids)):
            stmt = select(table).where(table.c[column].in_(chunk)).order_by(*order)
            out.extend(self.conn.execute(stmt).mappings())
        return out

    def _stream(self, table: Table, order: Sequence[Any]) -> Iterable[Any]:
        """Every row of `table` in `order`, read as they are used rather than all at once:
        reading every event (a million of them) as rows first held them all beside the
        events made of them, several hundred MB more at the peak of a build from the store.
        On PostgreSQL a server-side cursor (`yield_per`), so the client holds a chunk too."""
        stmt = select(table).order_by(*order).execution_options(yield_per=STREAM_CHUNK)
        return self.conn.execute(stmt).mappings()

    def _links(self, table: Table, kind: str, column: str, ids: _Ids) -> dict[str, tuple[str, ...]]:
        out: dict[str, list[str]] = defaultdict(list)
        base = select(table.c.record_id, table.c[column]).where(table.c.record_kind == kind)
        for stmt in _restricted(base, table.c.record_id, ids):
            for rid, other in self.conn.execute(stmt.order_by(table.c.record_id, table.c.position)):
                out[rid].append(other)
        return {k: tuple(v) for k, v in out.items()}

    def revisions(
        self, kind: str, ids: _Ids, texts: dict[str, str | None] | None = None
    ) -> dict[str, list[Revision[Any]]]:
        """The revisions of records of `kind` (those with `ids`), by record id, in seq order."""
        r = t.revisions
        base = select(r).where(r.c.kind == kind).order_by(r.c.record_id, r.c.seq)
        out: dict[str, list[Revision[Any]]] = defaultdict(list)
        for stmt in _restricted(base, r.c.record_id, ids):
            for row in self.conn.execute(stmt).mappings():
                text = (texts or {}).get(row["record_id"])
                record = (
                    None
                    if row["void"]
                    else rows.record_from_payload(kind, row["payload"], text=text)
                )
                out[row["record_id"]].append(
                    Revision(
                        kind,
                        row["record_id"],
                        row["seq"],
                        record,
                        row["actor"],
                        row["at"],
                        row["why"],
                        row["supersedes"],
                    )
                )
        return dict(out)

    def _fold(self, kind: str, firsts: list[Any], ids: _Ids) -> list[Any]:
        if self.known_on is not None:
            limit = self.known_on
            firsts = [f for f in firsts if f.recorded_at <= limit]
        if not self.folded:
            return firsts
        texts = {f.id: f.text for f in firsts} if kind == "source" else None
        revs = self.revisions(kind, ids, texts)
        if not revs:
            return firsts
        return fold_all(firsts, revs, lambda f: f.id, self.known_on)

    def judgements(self, name: str | None = None, ids: Sequence[str] | None = None) -> list[Any]:
        j = t.judgements
        stmt = select(j).order_by(j.c.id)
        if name is not None:
            stmt = stmt.where(j.c.name_key == name_key(name))
        if ids is not None:
            stmt = stmt.where(j.c.id.in_([int(i) for i in ids if str(i).isdigit()]))
        firsts = [
            _Numbered(
                Judgement(r.name, r.person_id, r.verdict, r.decided_by, r.decided_at, r.note, r.id),
                r.decided_at,
            )
            for r in self.conn.execute(stmt)
        ]
        return [_unwrap(n) for n in self._fold("judgement", firsts, ids)]

    def choices(self, ids: Sequence[str] | None) -> list[Any]:
        c = t.choices
        stmt = select(c).order_by(c.c.id)
        if ids is not None:
            stmt = stmt.where(c.c.id.in_([int(i) for i in ids if str(i).isdigit()]))
        firsts = [
            _Numbered(
                Choice(r.id, r.conflict, r.chosen, r.chosen_by, r.chosen_at, r.why), r.chosen_at
            )
            for r in self.conn.execute(stmt)
        ]
        return [_unwrap(n) for n in self._fold("choice", firsts, ids)]

    def of_kind(self, kind: str, ids: Sequence[str] | None) -> list[Any]:
        readers: dict[str, Callable[[Sequence[str] | None], list[Any]]] = {
            "judgement": lambda i: self.judgements(None, i),
            "choice": self.choices,
            "person": self.persons,
            "event": lambda i: self.events(ids=i),
            "deal": self.deals,
            "observation": self.observations,
            "source": self.sources,
            "claim": self.claims,
        }
        if kind not in readers:
            raise StorageError(f"records of kind {kind!r} are not revised")
        return readers[kind](ids)

    def checked(self, kind: str, ids: _Ids) -> list[Any]:
        """The records of a kind the audit check compares (`audit_records.CHECKED`)."""
        readers: dict[str, Callable[[_Ids], list[Any]]] = {
            "person": self.persons,
            "event": lambda i: self.events(ids=i),
            "deal": self.deals,
            "observation": self.observations,
            "source": self.sources,
            "claim": self.claims,
        }
        return readers[kind](ids)

    def sources(self, ids: _Ids) -> list[Source]:
        found = [rows.source_from(r) for r in self._rows(t.sources, ids, order=[t.sources.c.id])]
        return self._fold("source", found, ids)

    def persons(self, ids: _Ids) -> list[Person]:
        names: dict[str, list[str]] = defaultdict(list)
        order = [t.person_names.c.person_id, t.person_names.c.position]
        for r in self._rows(t.person_names, ids, "person_id", order):
            names[r["person_id"]].append(r["name"])
        found = self._rows(t.persons, ids, order=[t.persons.c.id])
        return self._fold("person", [rows.person_from(r, names[r["id"]]) for r in found], ids)

    def deals(self, ids: _Ids) -> list[Deal]:
        srcs = self._links(t.record_sources, "deal", "source_id", ids)
        conc: dict[str, list[Concession]] = defaultdict(list)
        order = [t.concessions.c.deal_id, t.concessions.c.position]
        for r in self._rows(t.concessions, ids, "deal_id", order):
            conc[r["deal_id"]].append(Concession(r["by"], r["what"], r["target"], r["note"]))
        found = self._rows(t.deals, ids, order=[t.deals.c.date_earliest, t.deals.c.id])
        firsts = [rows.deal_from(r, conc[r["id"]], srcs.get(r["id"], ())) for r in found]
        folded: list[Deal] = self._fold("deal", firsts, ids)
        return sorted(folded, key=lambda d: (d.date.earliest, d.id))

    def claims(self, ids: _Ids = None, source_id: str | None = None) -> list[Claim]:
        order = [t.claims.c.source_id, t.claims.c.evidence_start]
        if source_id is not None:
            found = self._rows(t.claims, [source_id], "source_id", order)
            ids = [r["id"] for r in found]
        else:
            found = self._rows(t.claims, ids, order=order)
        return self._fold("claim", [rows.claim_from(r) for r in found], ids)

    def events(self, ids: _Ids = None, person_ids: Sequence[str] | None = None) -> list[Event]:
        order = [t.events.c.date_earliest, t.events.c.id]
        found: Iterable[Any]
        if person_ids is not None:
            found = self._rows(t.events, person_ids, "person_id", order)
            if self.folded:
                # an edit may have moved an event to (or away from) these persons: read the
                # events a revision ever gave to one of them too, and keep those whose folded
                # record is theirs (those moved away are among the first versions read)
                have = {r["id"] for r in found}
                moved = self._moved_to(person_ids)
                found += self._rows(t.events, [i for i in moved if i not in have], order=order)
            ids = [r["id"] for r in found]
        elif ids is not None:
            found = self._rows(t.events, ids, order=order)
        else:  # every event: streamed, never all held as rows
            found = self._stream(t.events, order)
        srcs = self._links(t.record_sources, "event", "source_id", ids)
        clms = self._links(t.record_claims, "event", "claim_id", ids)
        shared = rows.Shared()
        firsts = [
            rows.event_from(r, srcs.get(r["id"], ()), clms.get(r["id"], ()), shared) for r in found
        ]
        folded: list[Event] = self._fold("event", firsts, ids)
        if person_ids is not None:
            wanted = set(person_ids)
            folded = [e for e in folded if e.person_id in wanted]
        if folded is not firsts:
            folded.sort(key=lambda e: (e.date.earliest, e.id))
        return folded

    def claimed_event_ids(self) -> list[str]:
        """Ids of the events that cite a claim as first written, and of every revised event
        (a revision may have given it claims): `SqlStore.claimed_events`."""
        rc, rv = t.record_claims, t.revisions
        cited = select(rc.c.record_id).where(rc.c.record_kind == "event")
        revised = select(rv.c.record_id).where(rv.c.kind == "event")
        return sorted(set(self.conn.execute(cited.union(revised)).scalars()))

    def _moved_to(self, person_ids: Sequence[str]) -> list[str]:
        """Ids of the events one of whose revisions gives them to one of these persons: the
        events an edit may have moved to them. Only those persons' revisions are read (the
        payload's person, by the backend's JSON functions), not every revised event's."""
        rv = t.revisions
        owner = rv.c.payload["person_id"].as_string()
        base = select(rv.c.record_id).where(rv.c.kind == "event").distinct()
        out: set[str] = set()
        for chunk in _chunks(list(person_ids)):
            out.update(self.conn.execute(base.where(owner.in_(chunk))).scalars())
        return sorted(out)

    def observations(self, ids: _Ids) -> list[Observation]:
        srcs = self._links(t.record_sources, "observation", "source_id", ids)
        order = [t.observations.c.period_earliest, t.observations.c.id]
        firsts = [
            rows.observation_from(r, srcs.get(r["id"], ()))
            for r in self._rows(t.observations, ids, order=order)
        ]
        folded: list[Observation] = self._fold("observation", firsts, ids)
        return sorted(folded, key=lambda o: (o.period.earliest, o.id))
