"""Exports in the import formats, so that an export can be imported again unchanged.

A public export (the default) never carries a protected name: persons whose names are withheld
appear under a pseudonymous id with no names or notes, and `counts_only` persons and their
events are left out entirely. `include_protected` gives the full backup for trusted storage.
"""

from __future__ import annotations

import csv
import hashlib
import io
from datetime import datetime
from typing import Any

from prisonwatch.core.dates import format_fuzzy
from prisonwatch.core.records import Deal, Event, Observation, Person, Source
from prisonwatch.core.vocabulary import Protection
from prisonwatch.services.privacy import WITHHELD
from prisonwatch.storage.port import LedgerStore

COLUMNS: dict[str, list[str]] = {
    "sources": ["url", "title", "publisher", "published", "language", "recorded_at"],
    "persons": [
        "id",
        "name",
        "aliases",
        "birth_year",
        "gender",
        "region",
        "country",
        "protection",
        "note",
        "recorded_at",
    ],
    "deals": [
        "id",
        "date",
        "country",
        "parties",
        "mediator",
        "concessions",
        "reported_released",
        "reported_political_prisoners",
        "figures_by",
        "source_url",
        "note",
        "recorded_at",
    ],
    "events": [
        "id",
        "person_id",
        "kind",
        "date",
        "mechanism",
        "organisation",
        "deal_id",
        "place",
        "source_url",
        "note",
        "supersedes",
        "void",
        "recorded_at",
        "recorded_by",
    ],
    "observations": [
        "id",
        "metric",
        "value",
        "qualifier",
        "period",
        "organisation",
        "country",
        "source_url",
        "note",
        "recorded_at",
    ],
}


def pseudonym(person_id: str) -> str:
    return "withheld-" + hashlib.sha256(person_id.encode()).hexdigest()[:12]


def _ts(value: datetime) -> str:
    return value.isoformat(timespec="seconds")


def export_records(
    store: LedgerStore, include_protected: bool = False
) -> dict[str, list[dict[str, Any]]]:
    """Every record as import-format rows, keyed by kind."""
    sources = {s.id: s for s in store.sources()}

    def urls(ids: tuple[str, ...]) -> str:
        return "|".join(sources[i].url or "" for i in ids if i in sources)

    persons: dict[str, Person] = {p.id: p for p in store.persons()}
    hidden = {
        pid
        for pid, p in persons.items()
        if not include_protected and p.protection is Protection.COUNTS_ONLY
    }
    renamed = {
        pid: pseudonym(pid)
        for pid, p in persons.items()
        if not include_protected and p.protection is Protection.WITHHOLD_NAME
    }

    def person_row(p: Person) -> dict[str, Any]:
        masked = p.id in renamed
        return {
            "id": renamed.get(p.id, p.id),
            "name": WITHHELD if masked else p.name,
            "aliases": "" if masked else "|".join(p.aliases),
            "birth_year": p.birth_year,
            "gender": p.gender.value,
            "region": p.region,
            "country": p.country,
            "protection": p.protection.value,
            "note": None if masked else p.note,
            "recorded_at": _ts(p.recorded_at),
        }

    def event_row(e: Event) -> dict[str, Any]:
        masked = e.person_id in renamed
        return {
            "id": e.id,
            "person_id": renamed.get(e.person_id, e.person_id),
            "kind": e.kind.value,
            "date": format_fuzzy(e.date),
            "mechanism": e.mechanism.value if e.mechanism else None,
            "organisation": e.organisation,
            "deal_id": e.deal_id,
            "place": None if masked else e.place,
            "source_url": urls(e.source_ids),
            "note": None if masked else e.note,
            "supersedes": e.supersedes,
            "void": "true" if e.void else "",
            "recorded_at": _ts(e.recorded_at),
            "recorded_by": e.recorded_by,
        }

    def deal_row(d: Deal) -> dict[str, Any]:
        return {
            "id": d.id,
            "date": format_fuzzy(d.date),
            "country": d.country,
            "parties": "|".join(d.parties),
            "mediator": d.mediator,
            "concessions": "|".join(
                ":".join(x for x in (c.by, c.what, c.target) if x) for c in d.concessions
            ),
            "reported_released": d.reported_released,
            "reported_political_prisoners": d.reported_political_prisoners,
            "figures_by": d.figures_by,
            "source_url": urls(d.source_ids),
            "note": d.note,
            "recorded_at": _ts(d.recorded_at),
        }

    def observation_row(o: Observation) -> dict[str, Any]:
        return {
            "id": o.id,
            "metric": o.metric.value,
            "value": o.value,
            "qualifier": o.qualifier.value,
            "period": format_fuzzy(o.period),
            "organisation": o.organisation,
            "country": o.country,
            "source_url": urls(o.source_ids),
            "note": o.note,
            "recorded_at": _ts(o.recorded_at),
        }

    def source_row(s: Source) -> dict[str, Any]:
        return {
            "url": s.url,
            "title": s.title,
            "publisher": s.publisher,
            "published": s.published.isoformat() if s.published else None,
            "language": s.language,
            "recorded_at": _ts(s.recorded_at),
        }

    return {
        "sources": [source_row(s) for s in sources.values() if s.url and s.text is None],
        "persons": [person_row(p) for p in persons.values() if p.id not in hidden],
        "deals": [deal_row(d) for d in store.deals()],
        "events": [event_row(e) for e in store.events() if e.person_id not in hidden],
        "observations": [observation_row(o) for o in store.observations()],
    }


def to_csv(rows: list[dict[str, Any]], kind: str) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS[kind], lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: ("" if v is None else v) for k, v in row.items()})
    return buf.getvalue()
