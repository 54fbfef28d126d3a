"""One person's timeline, with the sources behind every event."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from prisonwatch.core import merges
from prisonwatch.core.bitemporal import effective_events
from prisonwatch.core.records import Event, Person, Source
from prisonwatch.core.timeline import custody_status, fold_custody, sort_key
from prisonwatch.core.vocabulary import DEATHS
from prisonwatch.services import matching
from prisonwatch.services.public import public_custody
from prisonwatch.storage.port import LedgerStore


def _source_ref(s: Source) -> dict[str, str | None]:
    published = s.published.isoformat() if s.published else None
    return {"url": s.url, "title": s.title, "publisher": s.publisher, "published": published}


def custody_details(e: Event, analyst: bool) -> dict[str, Any]:
    """An event's custody details: the public ones, and for analysts also the place of
    detention and health notes."""
    shown = public_custody(e, lambda v: v)
    if analyst:
        shown |= {"detention_place": e.detention_place, "health": e.health}
    return shown


def find(store: LedgerStore, name: str) -> list[Person]:
    """The persons a typed name may mean, for looking one up: the person with that id; else
    every person one of whose names contains it (any case); else those the name matcher
    finds at or above `matching.UNSURE_FLOOR`, best first, so that an inflected, Łacinka or
    otherwise transliterated spelling ("Статкевича", "Bialiacki") finds the person as
    `prisonwatch match` and the web search do."""
    found = store.person(name)
    if found is not None:
        return [found]
    containing = store.find_persons(name)
    if containing:
        return containing
    result = matching.match(store, name)
    ids = [c.person_id for c in result.candidates if c.score >= matching.UNSURE_FLOOR]
    persons = {p.id: p for p in store.persons(ids=ids)} if ids else {}
    return [persons[i] for i in dict.fromkeys(ids) if i in persons]


def timeline(
    store: LedgerStore,
    person: Person,
    today: date,
    analyst: bool = True,
    links: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """The person's record: names, events in order (with corrections shown), sources.

    A person into whom other records were merged (`core.merges`) is shown with their joined
    timeline: every record's events (each marked with the record it came from when not the
    person's own), a fact two records tell counted once (`in_force` false on the repeat),
    and where the records disagree (`disagreements`) beside the timeline's problems.
    `links`: every merged record's merge (`View.links`); None: read from the store.

    `analyst` false leaves out what only analysts see (place of detention, health)."""
    if person.merged_into is None:
        if links is None:
            links = store.merge_links()
        root_of = {k: v for k, v in merges.roots(links).items() if v == person.id}
    else:
        root_of = {}
    all_events = store.events(sorted(merges.members(root_of, [person.id])))
    effective = {e.id for e in merges.joined(effective_events(all_events), root_of)}
    sources = {
        s.id: s for s in store.sources(sorted({s for e in all_events for s in e.source_ids}))
    }
    in_force = [e for e in all_events if e.id in effective]
    custody, problems = fold_custody(in_force)
    own = [e for e in in_force if e.person_id == person.id]
    differ = merges.disagreements(own, [e for e in in_force if e.person_id != person.id])
    deaths = [e.date for e in in_force if e.kind in DEATHS and e.date.latest <= today]
    status = custody_status(custody, today)
    if deaths and status == "not held":
        status = "died"
    wanted = {c for e in all_events for c in e.claim_ids}
    claims = {c.id: c for c in store.claims(ids=sorted(wanted))} if wanted else {}
    return {
        "id": person.id,
        "name": person.name,
        "aliases": list(person.aliases),
        "birth_year": person.birth_year,
        "gender": person.gender.value,
        "region": person.region,
        "country": person.country,
        "protection": person.protection.value,
        "merged_into": person.merged_into,
        "status": status,
        "custody": [
            {
                "from": str(iv.start),
                "to": str(iv.end) if iv.end else None,
                "ended_by": iv.end_kind.value if iv.end_kind else None,
                "mechanism": iv.mechanism.value if iv.mechanism else None,
            }
            for iv in custody
        ],
        "events": [
            {
                "id": e.id,
                **({"record": e.person_id} if e.person_id != person.id else {}),
                "date": str(e.date),
                "kind": e.kind.value,
                "mechanism": e.mechanism.value if e.mechanism else None,
                "organisation": e.organisation,
                "deal_id": e.deal_id,
                "place": e.place,
                "note": e.note,
                "in_force": e.id in effective,
                "supersedes": e.supersedes,
                "recorded_at": e.recorded_at.isoformat(timespec="seconds"),
                "recorded_by": e.recorded_by,
                "custody_details": custody_details(e, analyst),
                "sources": [_source_ref(sources[s]) for s in e.source_ids if s in sources],
                "claims": [
                    {
                        "id": c,
                        "evidence": claims[c].evidence.text,
                        "status": claims[c].review.status.value,
                    }
                    for c in e.claim_ids
                    if c in claims
                ],
            }
            for e in sorted(all_events, key=sort_key)
        ],
        "problems": [str(p) for p in problems],
        "merged_records": sorted(root_of),
        "disagreements": differ,
    }
