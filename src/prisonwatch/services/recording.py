"""Accepted claims become the record: observations, events on persons, and deals.

Every record made here links to the claim (and so the evidence span) it rests on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import datetime

from prisonwatch.core.bitemporal import effective_events
from prisonwatch.core.dates import FuzzyDate
from prisonwatch.core.records import (
    Claim,
    Concession,
    Deal,
    Event,
    Observation,
    Person,
    Source,
    content_id,
)
from prisonwatch.core.text import fold
from prisonwatch.core.vocabulary import (
    EventKind,
    ObservationMetric,
    ReleaseMechanism,
    ReviewStatus,
)
from prisonwatch.names.aliases import closeness, is_new, nominative_spellings
from prisonwatch.names.matcher import NameIndex, auto_accept
from prisonwatch.services import matching
from prisonwatch.storage.port import Batch, LedgerStore

METRICS = {
    "held": ObservationMetric.HELD,
    "released": ObservationMetric.RELEASED,
    "designated": ObservationMetric.DESIGNATED,
    "detained": ObservationMetric.DETAINED,
    "returned_to_custody": ObservationMetric.RETURNED_TO_CUSTODY,
}
EVENT_KINDS = {
    "released": EventKind.RELEASED,
    "detained": EventKind.DETAINED,
    "sentenced": EventKind.SENTENCED,
    "returned_to_custody": EventKind.RETURNED_TO_CUSTODY,
    "designated": EventKind.DESIGNATED,
    "died_in_custody": EventKind.DIED_IN_CUSTODY,
}


def because(claim_id: str) -> str:
    """The reason kept with a revision that accepting a claim made (so an undo finds it)."""
    return f"accepted claim {claim_id}"


def deal_note(claim_id: str) -> str:
    """The note of a deal that accepting a claim built (so an undo knows the deal is its own)."""
    return f"built from claim {claim_id} and the concession it bought"


@dataclass(slots=True)
class Recorded:
    observations: int = 0
    events: int = 0
    persons_created: int = 0
    queued: list[str] = field(default_factory=list)
    deals: list[str] = field(default_factory=list)
    demands: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    """Spellings learned as aliases, each as "spelling → person id"."""
    notes: list[str] = field(default_factory=list)
    """What accepting could not record, in words, for the reviewer."""


def _source(store: LedgerStore, source_id: str) -> Source | None:
    found = store.sources([source_id])
    return found[0] if found else None


def _when(claim: Claim, source: Source | None) -> FuzzyDate | None:
    if claim.when is not None:
        return claim.when
    if source is not None and source.published is not None:
        return FuzzyDate.day(source.published)
    return None


def observation_for(claim: Claim, source: Source | None, now: datetime) -> Observation | None:
    """An aggregate figure from a claim about more people than it names."""
    metric = METRICS.get(claim.action)
    period = _when(claim, source)
    if metric is None or period is None or claim.count <= len(claim.persons):
        return None
    org = claim.attributed_to or (claim.agent if claim.action == "designated" else None)
    if metric is ObservationMetric.RELEASED and claim.population != "political_prisoners":
        # On a release figure an organisation means "the political prisoners among those
        # released, by its recognition" (docs/ledger.md, deals): Viasna saying 31 prisoners
        # were freed, 12 of them political, is 31 released and 12 political prisoners, not
        # two counts of political prisoners. Who said it stays in the source and the note.
        org = None
    return Observation(
        id=content_id("ob", claim.id),
        metric=metric,
        value=claim.count,
        period=period,
        recorded_at=now,
        organisation=org,
        country=claim.country,
        qualifier=claim.qualifier,
        source_ids=(claim.source_id,),
        claim_id=claim.id,
        note=f"{claim.population}: {claim.evidence.text[:200]}",
    )


def event_for(
    claim: Claim,
    person_id: str,
    source: Source | None,
    now: datetime,
    actor: str,
    deal_id: str | None,
) -> Event | None:
    kind = EVENT_KINDS.get(claim.action)
    when = _when(claim, source)
    if kind is None or when is None:
        return None
    org = None
    if kind is EventKind.DESIGNATED:
        org = claim.agent or claim.attributed_to or "unspecified"
    return Event(
        id=content_id("ev", claim.id, person_id),
        person_id=person_id,
        kind=kind,
        date=when,
        recorded_at=now,
        recorded_by=actor,
        mechanism=(claim.mechanism or ReleaseMechanism.UNKNOWN)
        if kind is EventKind.RELEASED
        else None,
        organisation=org,
        deal_id=deal_id if kind is EventKind.RELEASED else None,
        source_ids=(claim.source_id,),
        claim_ids=(claim.id,),
    )


def _deal_id_for(store: LedgerStore, claim: Claim) -> str | None:
    """The deal a release belongs to: the one its source's concession bought."""
    if claim.action != "released":
        return None
    found = [d.id for d in store.deals() if claim.source_id in d.source_ids]
    return found[0] if len(found) == 1 else None


def _same_deal(a: Deal, b: Deal) -> bool:
    """Two accounts of one deal: same country, overlapping dates, a concession in common."""
    overlap = a.date.earliest <= b.date.latest and b.date.earliest <= a.date.latest
    shared = any(
        x.by == y.by and x.what == y.what and _targets_meet(x.target, y.target)
        for x in a.concessions
        for y in b.concessions
    )
    return a.country == b.country and overlap and shared


def _targets_meet(a: str | None, b: str | None) -> bool:
    """ "potash" and "Belarus's potash sector" name the same target."""
    if a is None or b is None:
        return a == b
    words = set(re.findall(r"\w{4,}", fold(a)))
    return bool(words & set(re.findall(r"\w{4,}", fold(b))))


def _enrich(old: Deal, new: Deal) -> Deal:
    """The stored deal with what the new account adds; figures it has already are kept (the
    published figures stay side by side as observations, and disagreements as conflicts)."""
    return replace(
        old,
        reported_released=old.reported_released
        if old.reported_released is not None
        else new.reported_released,
        reported_political_prisoners=old.reported_political_prisoners
        if old.reported_political_prisoners is not None
        else new.reported_political_prisoners,
        figures_by=old.figures_by
        if old.reported_political_prisoners is not None
        else new.figures_by,
        reported_returned=old.reported_returned
        if old.reported_returned is not None
        else new.reported_returned,
        concessions=old.concessions + tuple(c for c in new.concessions if c not in old.concessions),
        source_ids=old.source_ids + tuple(s for s in new.source_ids if s not in old.source_ids),
    )


def new_person(
    store: LedgerStore,
    name: str,
    claim: Claim,
    actor: str,
    now: datetime,
    persons: dict[str, Person],
    result: Recorded,
) -> str:
    """A person the registry did not have, named by an accepted claim."""
    person = Person(
        id=content_id("pe", name),
        name=name,
        recorded_at=now,
        country=claim.country,
        note=f"created from claim {claim.id}",
    )
    if person.id not in persons:
        store.apply(Batch(persons=[person], restore=True), actor, now)
        persons[person.id] = person
        result.persons_created += 1
    return person.id


def record_events_for(
    store: LedgerStore,
    claim: Claim,
    person_ids: list[str],
    actor: str,
    now: datetime,
    result: Recorded,
) -> None:
    """The claim's events on these persons. Where the person already has that event on an
    overlapping date, the new evidence joins it through a correction that supersedes it, so
    one release reported by two sources stays one release."""
    source = _source(store, claim.source_id)
    deal_id = _deal_id_for(store, claim)
    in_force = effective_events(store.events(person_ids))
    events: list[Event] = []
    for pid in person_ids:
        ev = event_for(claim, pid, source, now, actor, deal_id)
        if ev is None:
            continue
        same = next(
            (
                e
                for e in in_force
                if e.person_id == pid
                and e.kind is ev.kind
                and e.date.earliest <= ev.date.latest
                and ev.date.earliest <= e.date.latest
            ),
            None,
        )
        if same is None:
            events.append(ev)
        elif claim.id not in same.claim_ids:
            events.append(
                replace(
                    same,
                    id=content_id("ev", same.id, claim.id),
                    recorded_at=now,
                    recorded_by=actor,
                    source_ids=same.source_ids
                    + tuple(x for x in ev.source_ids if x not in same.source_ids),
                    claim_ids=(*same.claim_ids, claim.id),
                    supersedes=same.id,
                    deal_id=same.deal_id or ev.deal_id,
                )
            )
    if events:
        done = store.apply(Batch(events=events, restore=True), actor, now)
        result.events += done.added["events"] + done.revised.get("event", 0)


def record_persons(
    store: LedgerStore,
    claim: Claim,
    actor: str,
    now: datetime,
    index: NameIndex,
    persons: dict[str, Person],
    result: Recorded,
) -> None:
    """Events for the people a claim names: matched, created, or queued for a decision."""
    chosen_ids: list[str] = []
    for name in claim.persons:
        found = index.match(name, 5, matching.decisions(store, name))
        chosen = auto_accept(found)
        if chosen is None and found and found[0].score >= matching.UNSURE_FLOOR:
            store.queue_name(claim.id, name, matching.as_dicts(found), now, actor)
            result.queued.append(name)
            continue
        if chosen is None:
            pid = new_person(store, name, claim, actor, now, persons, result)
            index.add(pid, name, [name])
        else:
            pid = matching.resolve(persons, chosen.person_id)
            learn_alias(store, name, pid, claim, actor, now, index, persons, result)
        chosen_ids.append(pid)
    record_events_for(store, claim, chosen_ids, actor, now, result)


def learn_alias(
    store: LedgerStore,
    name: str,
    pid: str,
    claim: Claim,
    actor: str,
    now: datetime,
    index: NameIndex,
    persons: dict[str, Person],
    result: Recorded,
    decided: bool = False,
) -> None:
    """Keep the spelling a claim named a stored person by as the person's alias (in the
    nominative, `names.aliases`), as a revision of the person made by this review, so that an
    undo of the acceptance finds and withdraws it. Of the nominatives an inflected name may
    stand for, the one that finds the same person with the best score is learned; none when
    none does (unless the name as written is nominative and a reviewer `decided` it is the
    person), so an oblique form is never stored. The person's protection is kept, so a
    protected person's new spelling is a protected spelling at once (services.public
    builds from the stored person)."""
    person = persons.get(pid)
    choices = nominative_spellings(name)
    if person is None or not choices:
        return
    merged = [
        p for p in persons.values() if p.merged_into and matching.resolve(persons, p.id) == pid
    ]
    held = [n for p in (person, *merged) for n in p.all_names]
    spelling: str | None = None
    if decided and choices[0] == " ".join(name.split()):
        spelling = choices[0]
    else:
        best = (0.0, 0.0)
        for choice in choices:
            found = auto_accept(index.match(choice, 5, matching.decisions(store, choice)))
            if found is None or matching.resolve(persons, found.person_id) != pid:
                continue
            rank = (found.score, closeness(choice, held))
            if rank > best:
                spelling, best = choice, rank
    if spelling is None or not is_new(spelling, held):
        return
    learned = replace(person, aliases=(*person.aliases, spelling))
    store.revise("person", pid, learned, actor, now, because(claim.id))
    persons[pid] = learned
    index.add(pid, index.names.get(pid, person.name), [spelling])
    result.aliases.append(f"{spelling} → {pid}")


def record_claim(
    store: LedgerStore,
    claim: Claim,
    actor: str,
    now: datetime,
    index: NameIndex,
    persons: dict[str, Person],
    result: Recorded,
) -> None:
    source = _source(store, claim.source_id)
    ob = observation_for(claim, source, now)
    if ob is not None:
        done = store.apply(Batch(observations=[ob], restore=True), actor, now)
        result.observations += done.added["observations"] + done.revised.get("observation", 0)
    record_deals(store, claim.source_id, actor, now, result, because(claim.id))
    record_persons(store, claim, actor, now, index, persons, result)


def _accepted(claims: list[Claim]) -> dict[str, Claim]:
    return {c.id: c for c in claims if c.review.status is ReviewStatus.ACCEPTED}


def record_deals(
    store: LedgerStore,
    source_id: str,
    actor: str,
    now: datetime,
    result: Recorded,
    why: str = "enriched",
) -> None:
    """Deals from the concessions a source reports and the accepted releases they bought."""
    read = store.read_concessions(source_id)
    latest = read[-1].extractor_version if read else None
    accepted = _accepted(store.claims(source_id=source_id))
    source = _source(store, source_id)
    for ev in (k for k in read if k.extractor_version == latest):
        traded = [accepted[x] for x in ev.in_return_for if x in accepted]
        if not traded:
            continue
        main = traded[0]
        parts = [c for c in accepted.values() if c.part_of == main.id]
        political = next(
            (c for c in parts if c.action == "released" and c.population == "political_prisoners"),
            None,
        )
        if political is None and main.population == "political_prisoners":
            political = main
        returned = next((c for c in parts if c.action == "returned_to_custody"), None)
        when = _when(main, source)
        if when is None:
            continue
        concession = Concession(ev.by or "unknown", ev.what or "unknown", ev.target)
        deal = Deal(
            id=content_id("deal", source_id, main.id),
            date=when,
            recorded_at=now,
            country=main.country,
            parties=tuple(p for p in (main.agent, ev.by) if p),
            concessions=(concession,),
            reported_released=main.count,
            reported_political_prisoners=political.count if political else None,
            figures_by=political.attributed_to if political else main.attributed_to,
            source_ids=(source_id,),
            note=deal_note(main.id),
            reported_returned=returned.count if returned else None,
        )
        existing = {d.id: d for d in store.deals()}
        if deal.id in existing:
            if _figures(existing[deal.id]) != _figures(deal):
                stored = replace(deal, recorded_at=existing[deal.id].recorded_at)
                store.update_deal(stored, actor, now, why)
            continue
        other = next((d for d in existing.values() if _same_deal(d, deal)), None)
        if other is not None:
            enriched = _enrich(other, deal)
            if enriched != other:
                store.update_deal(enriched, actor, now, why)
            continue
        store.apply(Batch(deals=[deal], restore=True), actor, now)
        result.deals.append(deal.id)


def _figures(d: Deal) -> tuple[object, ...]:
    return (
        d.reported_released,
        d.reported_political_prisoners,
        d.reported_returned,
        d.figures_by,
        d.concessions,
        d.date,
    )
