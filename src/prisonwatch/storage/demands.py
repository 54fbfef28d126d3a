"""Demand lists in the database, append-only: a demand, its names, later decisions, a void.

Nothing here is updated in place. A decision on an unsure name is a new row (the latest one
counts); a void withdraws a demand without deleting it. Read "as known on" a moment, every row
recorded after it is left out, so a demand's progress can be reproduced as it was known then.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert, select

from prisonwatch.core.dates import FuzzyDate, Precision
from prisonwatch.core.demands import Demand, DemandName, NameState
from prisonwatch.core.vocabulary import Qualifier
from prisonwatch.storage import rows
from prisonwatch.storage import tables as t
from prisonwatch.storage.port import StorageError
from prisonwatch.storage.sql import SqlStore, _audit


def demand_row(d: Demand) -> dict[str, Any]:
    return {
        "id": d.id,
        "by": d.by,
        "of_party": d.of,
        "country": d.country,
        "made_earliest": d.made_on.earliest,
        "made_latest": d.made_on.latest,
        "made_precision": d.made_on.precision.value,
        "count": d.count,
        "qualifier": d.qualifier.value,
        "claim_id": d.claim_id,
        "note": d.note,
        "recorded_at": d.recorded_at,
        "recorded_by": d.recorded_by,
    }


def name_row(demand_id: str, n: DemandName) -> dict[str, Any]:
    return {
        "demand_id": demand_id,
        "position": n.position,
        "name": n.name,
        "state": n.state.value,
        "person_id": n.person_id,
        "candidates": [list(c) for c in n.candidates],
        "note": n.note,
    }


class DemandStore:
    """Demands beside the ledger, on the same database and in the same audit chain."""

    def __init__(self, store: SqlStore) -> None:
        self.store = store

    def add(self, demand: Demand, actor: str, at: datetime) -> None:
        """Store a new demand with its names and source links, in one transaction."""

        def w(conn: Connection) -> None:
            if conn.execute(select(t.demands.c.id).where(t.demands.c.id == demand.id)).first():
                raise StorageError(f"demand {demand.id!r} is already stored")
            missing = [
                s
                for s in demand.source_ids
                if conn.execute(select(t.sources.c.id).where(t.sources.c.id == s)).first() is None
            ]
            if missing:
                raise StorageError(f"demand {demand.id!r}: unknown source {missing[0]!r}")
            row = demand_row(demand)
            conn.execute(insert(t.demands), [row])
            names = [name_row(demand.id, n) for n in demand.names]
            if names:
                conn.execute(insert(t.demand_names), names)
            links = [
                {"record_kind": "demand", "record_id": demand.id, "source_id": s, "position": i}
                for i, s in enumerate(dict.fromkeys(demand.source_ids))
            ]
            if links:
                conn.execute(insert(t.record_sources), links)
            sources = [link["source_id"] for link in links]
            after = {**row, "names": names, "source_ids": sources}
            _audit(conn, at, actor, "insert", "demand", demand.id, None, after)

        self.store._write(w)

    def decide(
        self,
        demand_id: str,
        position: int,
        person_id: str | None,
        actor: str,
        at: datetime,
        why: str | None,
    ) -> None:
        """Record who a name on the list is (`person_id`), or that it is nobody in the
        registry (None)."""

        def w(conn: Connection) -> None:
            found = conn.execute(
                select(t.demand_names.c.name).where(
                    t.demand_names.c.demand_id == demand_id,
                    t.demand_names.c.position == position,
                )
            ).first()
            if found is None:
                raise StorageError(f"demand {demand_id!r} has no name at position {position}")
            row = {
                "demand_id": demand_id,
                "position": position,
                "person_id": person_id,
                "decided_by": actor,
                "decided_at": at,
                "why": why,
            }
            conn.execute(insert(t.demand_decisions), [row])
            _audit(conn, at, actor, "decide", "demand", demand_id, None, row)

        self.store._write(w)

    def void(self, demand_id: str, actor: str, at: datetime, why: str) -> None:
        """Withdraw a demand recorded by mistake; it stays in the database and its history."""

        def w(conn: Connection) -> None:
            if not conn.execute(select(t.demands.c.id).where(t.demands.c.id == demand_id)).first():
                raise StorageError(f"unknown demand {demand_id!r}")
            done = conn.execute(
                select(t.demand_voids).where(t.demand_voids.c.demand_id == demand_id)
            ).first()
            if done is not None:
                raise StorageError(
                    f"demand {demand_id!r} was already voided by {done.voided_by} "
                    f"on {done.voided_at:%Y-%m-%d}"
                )
            row = {"demand_id": demand_id, "voided_by": actor, "voided_at": at, "why": why}
            conn.execute(insert(t.demand_voids), [row])
            _audit(conn, at, actor, "void", "demand", demand_id, None, row)

        self.store._write(w)

    def demands(
        self, ids: Sequence[str] | None = None, known_by: datetime | None = None
    ) -> list[Demand]:
        """Demands (all, or those with `ids`) as known at `known_by` (now when None), voided
        ones included with their void time."""

        def q(conn: Connection) -> list[Demand]:
            stmt = select(t.demands).order_by(t.demands.c.made_earliest, t.demands.c.id)
            if ids is not None:
                stmt = stmt.where(t.demands.c.id.in_(list(ids)))
            if known_by is not None:
                stmt = stmt.where(t.demands.c.recorded_at <= known_by)
            found = list(conn.execute(stmt).mappings())
            wanted = [r["id"] for r in found]
            if not wanted:
                return []
            names: dict[str, list[dict[str, Any]]] = defaultdict(list)
            for r in conn.execute(
                select(t.demand_names)
                .where(t.demand_names.c.demand_id.in_(wanted))
                .order_by(t.demand_names.c.demand_id, t.demand_names.c.position)
            ).mappings():
                names[r["demand_id"]].append(dict(r))
            decisions: dict[tuple[str, int], str | None] = {}
            dstmt = (
                select(t.demand_decisions)
                .where(t.demand_decisions.c.demand_id.in_(wanted))
                .order_by(t.demand_decisions.c.decided_at, t.demand_decisions.c.id)
            )
            if known_by is not None:
                dstmt = dstmt.where(t.demand_decisions.c.decided_at <= known_by)
            for r in conn.execute(dstmt).mappings():
                decisions[(r["demand_id"], r["position"])] = r["person_id"]
            vstmt = select(t.demand_voids).where(t.demand_voids.c.demand_id.in_(wanted))
            if known_by is not None:
                vstmt = vstmt.where(t.demand_voids.c.voided_at <= known_by)
            voids = {r["demand_id"]: r["voided_at"] for r in conn.execute(vstmt).mappings()}
            links: dict[str, list[str]] = defaultdict(list)
            for rid, sid in conn.execute(
                select(t.record_sources.c.record_id, t.record_sources.c.source_id)
                .where(
                    t.record_sources.c.record_kind == "demand",
                    t.record_sources.c.record_id.in_(wanted),
                )
                .order_by(t.record_sources.c.record_id, t.record_sources.c.position)
            ):
                links[rid].append(sid)
            return [
                _demand_from(r, names[r["id"]], decisions, voids.get(r["id"]), links[r["id"]])
                for r in found
            ]

        result: list[Demand] = self.store._read(q)
        return result


def _name_from(r: dict[str, Any], decided: dict[tuple[str, int], str | None]) -> DemandName:
    key = (r["demand_id"], r["position"])
    state, person = NameState(r["state"]), r["person_id"]
    if key in decided:
        person = decided[key]
        state = NameState.MATCHED if person is not None else NameState.UNMATCHED
    return DemandName(
        position=r["position"],
        name=r["name"],
        state=state,
        person_id=person,
        candidates=tuple((c[0], c[1], float(c[2])) for c in r["candidates"]),
        note=r["note"],
    )


def _demand_from(
    r: Any,
    names: list[dict[str, Any]],
    decided: dict[tuple[str, int], str | None],
    voided_at: datetime | None,
    source_ids: list[str],
) -> Demand:
    return Demand(
        id=r["id"],
        by=r["by"],
        made_on=FuzzyDate(
            rows._as_date(r["made_earliest"]),
            rows._as_date(r["made_latest"]),
            Precision(r["made_precision"]),
        ),
        recorded_at=r["recorded_at"],
        recorded_by=r["recorded_by"],
        of=r["of_party"],
        country=r["country"],
        count=r["count"],
        qualifier=Qualifier(r["qualifier"]),
        source_ids=tuple(source_ids),
        claim_id=r["claim_id"],
        note=r["note"],
        names=tuple(_name_from(n, decided) for n in names),
        voided_at=voided_at,
    )
