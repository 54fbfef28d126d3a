"""What a viewer may see, shaped for pages and the API.

The public sees public persons only; protected persons are counted in every figure but never
named, listed, searched or hinted at (not even "name withheld" in a list). Analysts see all.
Every text written by others (articles, evidence, quotes) passes the redactor for the public.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from typing import Any

from prisonwatch.core.bitemporal import effective_events
from prisonwatch.core.records import Person
from prisonwatch.core.timeline import custody_status
from prisonwatch.core.vocabulary import RECOGNITION, Protection
from prisonwatch.names.matcher import NameIndex
from prisonwatch.services import conflicts as conflict_service
from prisonwatch.services import figures, people, reviewing
from prisonwatch.services.privacy import Redactor
from prisonwatch.storage.rows import search_key
from prisonwatch.web.context import Ledger, Viewer, now


class NotFoundError(LookupError):
    """Unknown, or not for this viewer: the two are indistinguishable from outside."""


def _visible(p: Person, viewer: Viewer) -> bool:
    return viewer.analyst or p.protection is Protection.PUBLIC


def _index(ledger: Ledger) -> NameIndex:
    from prisonwatch.services.matching import build_index

    index: NameIndex = ledger.cached("names", lambda: build_index(ledger.store)[0])
    return index


def person_row(
    p: Person, view: figures.View, orgs: dict[str, set[str]], today: date
) -> dict[str, Any]:
    return {
        "id": p.id,
        "name": p.name,
        "aliases": list(p.aliases),
        "country": p.country,
        "region": p.region,
        "gender": p.gender.value,
        "birth_year": p.birth_year,
        "status": custody_status(view.custody.get(p.id, []), today),
        "designated_by": sorted(orgs.get(p.id, set())),
        "protection": p.protection.value,
    }


@dataclass(frozen=True, slots=True)
class _Registry:
    """Who is in the registry, held in memory until the data changes."""

    everyone: dict[str, Person]
    orgs: dict[str, set[str]]
    blob: str
    starts: list[int]
    owners: list[str]

    @classmethod
    def build(cls, ledger: Ledger) -> _Registry:
        everyone = {p.id: p for p in ledger.store.persons() if p.merged_into is None}
        orgs: dict[str, set[str]] = {}
        for e in ledger.view(figures.Scope()).events:
            if e.kind in RECOGNITION and e.organisation:
                orgs.setdefault(e.person_id, set()).add(e.organisation)
        parts, starts, owners, pos = [], [], [], 0
        for p in everyone.values():
            for n in p.all_names:
                key = search_key(n)
                parts.append(key)
                starts.append(pos)
                owners.append(p.id)
                pos += len(key) + 1
        return cls(everyone, orgs, "\n".join(parts), starts, owners)

    def containing(self, text: str, limit: int = 200) -> list[str]:
        """Persons any of whose names contains `text` (case and accents as written)."""
        key = search_key(text)
        found: list[str] = []
        at = self.blob.find(key) if key else -1
        while at != -1 and len(found) < limit:
            found.append(self.owners[bisect_right(self.starts, at) - 1])
            at = self.blob.find(key, at + 1)
        return found


def _registry(ledger: Ledger) -> _Registry:
    reg: _Registry = ledger.cached("registry", lambda: _Registry.build(ledger))
    return reg


def persons(
    ledger: Ledger,
    viewer: Viewer,
    q: str | None = None,
    status: str | None = None,
    region: str | None = None,
    gender: str | None = None,
    org: str | None = None,
    window: tuple[int, int] | None = None,
) -> tuple[list[dict[str, Any]], int]:
    """Registry search by any spelling in any script, with filters: the rows (of `window`,
    start and size, when given) and how many match in all."""
    view = ledger.view(figures.Scope())
    reg = _registry(ledger)
    everyone = reg.everyone
    if q and q.strip():
        found = [c.person_id for c in _index(ledger).match(q, 25) if c.score >= 0.6]
        found += reg.containing(q)
        ids = [pid for pid in dict.fromkeys(found) if pid in everyone]
    else:
        ids = sorted(everyone, key=lambda pid: everyone[pid].name)
    cheap = [
        pid
        for pid in ids
        if _visible(everyone[pid], viewer)
        and (not region or (everyone[pid].region or "").casefold() == region.casefold())
        and (not gender or everyone[pid].gender.value == gender)
    ]
    today = now().date()
    if not status and not org:
        chosen = cheap[window[0] : window[0] + window[1]] if window else cheap
        return [person_row(everyone[pid], view, reg.orgs, today) for pid in chosen], len(cheap)
    rows = []
    for pid in cheap:
        row = person_row(everyone[pid], view, reg.orgs, today)
        if status and row["status"] != status:
            continue
        if org and org.casefold() not in {o.casefold() for o in row["designated_by"]}:
            continue
        rows.append(row)
    total = len(rows)
    return (rows[window[0] : window[0] + window[1]] if window else rows), total


def person(ledger: Ledger, viewer: Viewer, person_id: str) -> dict[str, Any]:
    p = ledger.store.person(person_id)
    if p is not None and p.merged_into:
        p = ledger.store.person(p.merged_into)
    if p is None or not _visible(p, viewer):
        raise NotFoundError(person_id)
    data = people.timeline(ledger.store, p, now().date())
    if not viewer.analyst:
        data.pop("problems", None)
    return data


def events(ledger: Ledger, viewer: Viewer) -> list[dict[str, Any]]:
    persons_by_id = {p.id: p for p in ledger.store.persons()}
    out = []
    for e in effective_events(ledger.store.events()):
        p = persons_by_id.get(e.person_id)
        if p is None or not _visible(p, viewer):
            continue
        out.append(
            {
                "id": e.id,
                "person_id": p.id,
                "person": p.name,
                "kind": e.kind.value,
                "date": str(e.date),
                "mechanism": e.mechanism.value if e.mechanism else None,
                "organisation": e.organisation,
                "deal_id": e.deal_id,
                "recorded_at": e.recorded_at.isoformat(timespec="seconds"),
            }
        )
    return out


def deals(ledger: Ledger, viewer: Viewer, scope: figures.Scope) -> list[dict[str, Any]]:
    return figures.deals(ledger.view(scope), scope, lambda p: _visible(p, viewer))


def deal(ledger: Ledger, viewer: Viewer, scope: figures.Scope, deal_id: str) -> dict[str, Any]:
    for d in deals(ledger, viewer, scope):
        if d["id"] == deal_id:
            return d
    raise NotFoundError(deal_id)


def stats(
    ledger: Ledger,
    viewer: Viewer,
    scope: figures.Scope,
    on: date,
    start: date | None,
    end: date | None,
    by: Any,
) -> dict[str, Any]:
    """Figures for a scope and dates, computed once until the data changes."""
    key = ("stats", scope, on, start, end, by)
    cached: dict[str, Any] = ledger.cached(
        key, lambda: figures.stats(ledger.view(scope), scope, on, start, end, by)
    )
    data = dict(cached)
    if not viewer.analyst:
        data["problems"] = (
            [] if not data["problems"] else [f"{len(data['problems'])} data problem(s)"]
        )
    return data


def sources(ledger: Ledger, viewer: Viewer) -> list[dict[str, Any]]:
    redact = _redactor(ledger, viewer)
    counts: dict[str, int] = {}
    for c in ledger.store.claims():
        counts[c.source_id] = counts.get(c.source_id, 0) + 1
    return [
        {
            "id": s.id,
            "url": s.url,
            "title": redact(s.title or ""),
            "publisher": s.publisher,
            "published": s.published.isoformat() if s.published else None,
            "claims": counts.get(s.id, 0),
            "has_text": s.text is not None,
        }
        for s in sorted(ledger.store.sources(), key=lambda s: s.published or date.min, reverse=True)
    ]


def _redactor(ledger: Ledger, viewer: Viewer) -> Any:
    return (lambda text: text) if viewer.analyst else ledger.redactor()


def source(ledger: Ledger, viewer: Viewer, source_id: str) -> dict[str, Any]:
    found = ledger.store.sources([source_id])
    if not found:
        raise NotFoundError(source_id)
    s = found[0]
    redact: Redactor = _redactor(ledger, viewer)
    claims = ledger.store.claims(source_id=s.id)
    text = s.text or ""
    segments: list[dict[str, Any]] = []
    pos = 0
    for c in sorted(claims, key=lambda c: c.evidence.start):
        if c.evidence.start < pos or c.evidence.end > len(text):
            continue
        segments.append({"text": redact(text[pos : c.evidence.start]), "claim": None})
        segments.append({"text": redact(text[c.evidence.start : c.evidence.end]), "claim": c.id})
        pos = c.evidence.end
    segments.append({"text": redact(text[pos:]), "claim": None})
    return {
        "id": s.id,
        "url": s.url,
        "title": redact(s.title or ""),
        "publisher": s.publisher,
        "published": s.published.isoformat() if s.published else None,
        "segments": segments,
        "claims": [
            {
                "id": c.id,
                "action": c.action,
                "count": c.count,
                "qualifier": c.qualifier.value,
                "population": c.population,
                "when": str(c.when) if c.when else None,
                "agent": redact(c.agent or ""),
                "source": redact(c.attributed_to or ""),
                "persons": [redact(p) for p in c.persons],
                "status": c.review.status.value,
                "evidence": redact(c.evidence.text),
            }
            for c in claims
        ],
    }


def suggestions(ledger: Ledger, status: str | None = "suggested") -> list[dict[str, Any]]:
    return [reviewing.claim_dict(c) for c in reviewing.suggestions(ledger.store, status=status)]


def conflicts(ledger: Ledger) -> list[dict[str, Any]]:
    return [
        {"key": c.key, "what": c.what, "options": c.options, "chosen": c.chosen}
        for c in conflict_service.find(ledger.store)
    ]
