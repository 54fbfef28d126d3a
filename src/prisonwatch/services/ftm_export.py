"""The record as FollowTheMoney entities, for the sanctions and investigations world.

OpenSanctions-style tools (yente, nomenklatura, Aleph) read FtM entity streams. Each public
person becomes a `Person` (every name and spelling, in every script, as `name`/`alias`; birth
year, gender, country, death date, the addresses of the sources behind their events); each
custody interval an `Event` ("Custody", start and end dates, how it ended, the deal) involving
the person; each recognition as a political prisoner an `Event` organised by the recognising
`Organization`. FtM dates are ISO prefixes, so a date the sources leave open (a range) is given
by the prefix its ends share, and in words in the description.

Built from the public projection like every export: only public persons, free texts and source
addresses the projection shows. `include_protected` (a trusted backup, never published) adds
everyone.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from followthemoney import model

from prisonwatch.core.dates import FuzzyDate, Precision
from prisonwatch.core.records import Event, Person
from prisonwatch.core.timeline import fold_custody
from prisonwatch.core.vocabulary import DEATHS, RECOGNITION
from prisonwatch.services import joined_events
from prisonwatch.services.public import Projection
from prisonwatch.storage.sql import SqlStore

PREFIX = "pw"


def person_entity_id(person_id: str) -> str:
    """The FtM id of a registry person: stable across exports, so tools can follow updates."""
    return _id("person", person_id)


def _id(*parts: str) -> str:
    return f"{PREFIX}-" + hashlib.sha256("|".join(parts).encode()).hexdigest()[:20]


def ftm_date(d: FuzzyDate | None) -> str | None:
    """The date as an ISO prefix FtM accepts: the day, month or year it is known to."""
    if d is None:
        return None
    full = d.earliest.isoformat()
    if d.exact:
        return full
    if d.precision is Precision.MONTH or d.earliest.strftime("%Y-%m") == d.latest.strftime("%Y-%m"):
        return full[:7]
    if d.earliest.year == d.latest.year:
        return full[:4]
    return None


def _person(p: Person, urls: list[str], died: FuzzyDate | None, note: str | None) -> Any:
    e = model.make_entity("Person")
    e.id = person_entity_id(p.id)
    e.add("name", p.name)
    e.add("alias", [a for a in p.aliases if a != p.name])
    if p.birth_year:
        e.add("birthDate", str(p.birth_year))
    if p.gender.value in ("male", "female", "other"):
        e.add("gender", p.gender.value)
    if p.country:
        e.add("country", p.country)
    e.add("deathDate", ftm_date(died))
    e.add("topics", "poi")
    e.add("sourceUrl", urls)
    e.add("notes", note)
    return e


def entities(store: SqlStore, include_protected: bool = False) -> Iterator[dict[str, Any]]:
    """FtM entities (as dicts) for the persons the viewer of an export may see, their custody
    and their recognitions, with the organisations that recognised them."""
    proj = None if include_protected else Projection.build(store)
    everyone = {p.id: p for p in store.persons() if p.merged_into is None}
    persons = everyone if proj is None else {k: v for k, v in everyone.items() if proj.is_public(k)}
    sources = {s.id: s for s in store.sources()}

    def urls(ids: tuple[str, ...]) -> list[str]:
        if proj is None:
            return [sources[i].url for i in ids if i in sources and sources[i].url]  # type: ignore[misc]
        return [u for i in ids if i in proj.sources and (u := proj.sources[i].url)]

    def text(value: str | None) -> str | None:
        return value if proj is None else proj.text(value)

    def rid(kind: str, record_id: str) -> str:
        """A record's id as the public knows it (`Projection.record_id`): an entity id hashed
        from an id naming a protected person would let a guessed id be confirmed."""
        return record_id if proj is None else proj.record_id(kind, record_id)

    by_person: dict[str, list[Event]] = defaultdict(list)
    for found in joined_events.in_force(store, None, sorted(persons)) if persons else []:
        by_person[found.person_id].append(found)
    orgs: dict[str, Any] = {}
    # in the order of the ids the public knows persons by: in the order of their own ids, a
    # keyed id would stand where the id naming a protected person sorts
    for pid, p in sorted(persons.items(), key=lambda kv: rid("person", kv[0])):
        events = by_person.get(pid, [])
        deaths = [e.date for e in events if e.kind in DEATHS]
        refs = list(dict.fromkeys(u for e in events for u in urls(e.source_ids)))
        # the entity id is hashed from the id the public knows the person by (`rid`)
        shown = replace(p, id=rid("person", pid))
        person = _person(shown, refs, min(deaths) if deaths else None, text(p.note))
        yield person.to_dict()
        custody, _ = fold_custody(events)
        for iv in custody:
            held = model.make_entity("Event")
            held.id = _id("custody", pid, rid("event", iv.start_event))
            held.add("name", "Custody")
            held.add("startDate", ftm_date(iv.start))
            held.add("endDate", ftm_date(iv.end))
            how = "still held"
            if iv.end is not None and iv.end_kind is not None:
                how = f"ended {iv.end}: {iv.end_kind.value.replace('_', ' ')}"
                if iv.mechanism is not None:
                    how += f" ({iv.mechanism.value.replace('_', ' ')})"
                if iv.deal_id:
                    how += f", deal {rid('deal', iv.deal_id)}"
            held.add("description", f"held from {iv.start}; {how}")
            held.add("involved", person.id)
            if p.country:
                held.add("country", p.country)
            held.add("recordId", rid("event", iv.start_event))
            yield held.to_dict()
        for e in events:
            if e.kind not in RECOGNITION or not e.organisation:
                continue
            name = text(e.organisation)
            if name is None:
                continue
            if name not in orgs:
                org = model.make_entity("Organization")
                org.id = _id("org", name)
                org.add("name", name)
                orgs[name] = org
                yield org.to_dict()
            rec = model.make_entity("Event")
            rec.id = _id("designation", rid("event", e.id))
            rec.add("name", f"Recognised as a political prisoner by {name}")
            rec.add("date", ftm_date(e.date))
            rec.add("description", f"{e.kind.value.replace('_', ' ')} on {e.date}")
            rec.add("organizer", orgs[name].id)
            rec.add("involved", person.id)
            rec.add("sourceUrl", urls(e.source_ids))
            rec.add("recordId", rid("event", e.id))
            yield rec.to_dict()


def to_jsonl(store: SqlStore, include_protected: bool = False) -> Iterator[str]:
    """One entity per line, the stream format FtM tools read (`ftm validate`, yente)."""
    for entity in entities(store, include_protected):
        yield json.dumps(entity, ensure_ascii=False, sort_keys=True) + "\n"
