"""What accepting a suggestion does, shown before it is done, and undone after.

`preview` runs the very recording code that acceptance runs (`services.recording`) against a
`DryRun`: a store that reads the real ledger and keeps every write to itself, so what it shows
is what acceptance would create or change (persons matched, created or queued with their
candidates, events, figures, deals and concessions), and nothing is written.

`undo` reverts every effect of an acceptance as revisions, never by deleting: the figures and
events that rest on the claim are voided (an event it joined as a correction is voided, so the
event it corrected is in force again), a deal it enriched returns to its state before, persons
it created are voided unless other evidence holds them, names it queued leave the queue, and the
suggestion returns to the queue.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, cast

from prisonwatch.core.bitemporal import effective_events
from prisonwatch.core.records import Claim, Deal, Event, Person, Review
from prisonwatch.core.revisions import Revision, diff
from prisonwatch.core.vocabulary import ReviewStatus
from prisonwatch.names.aliases import nominative_spellings
from prisonwatch.services import matching, recording
from prisonwatch.storage.port import ApplyResult, Batch, LedgerStore


class DryRun:
    """A store that reads the ledger and keeps its writes: what recording would write."""

    def __init__(self, store: LedgerStore, accepted: Claim) -> None:
        self._store = store
        self._accepted = accepted
        self.batch = Batch()
        self.deal_changes: list[tuple[Deal, Deal]] = []
        self.queued: list[tuple[str, list[dict[str, Any]]]] = []
        self.learned: list[tuple[str, str]] = []
        """(person id, spelling) for each alias acceptance would learn."""

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    def claims(self, source_id: str | None = None, ids: Sequence[str] | None = None) -> list[Claim]:
        found = self._store.claims(source_id=source_id, ids=ids)
        return [self._accepted if c.id == self._accepted.id else c for c in found]

    def deals(self, known_on: datetime | None = None) -> list[Deal]:
        planned = {d.id: d for d in self.batch.deals}
        changed = {new.id: new for _, new in self.deal_changes}
        stored = [changed.get(d.id, d) for d in self._store.deals(known_on=known_on)]
        return stored + [d for d in planned.values() if d.id not in {s.id for s in stored}]

    def apply(self, batch: Batch, actor: str, at: datetime) -> ApplyResult:
        self.batch.persons.extend(batch.persons)
        self.batch.events.extend(batch.events)
        self.batch.observations.extend(batch.observations)
        self.batch.deals.extend(batch.deals)
        added = {
            "persons": len(batch.persons),
            "events": len(batch.events),
            "observations": len(batch.observations),
            "deals": len(batch.deals),
        }
        return ApplyResult(added=added, unchanged=0)

    def update_deal(self, deal: Deal, actor: str, at: datetime, why: str = "") -> None:
        before = next((d for d in self.deals() if d.id == deal.id), None)
        if before is not None:
            self.deal_changes.append((before, deal))

    def queue_name(
        self,
        claim_id: str,
        name: str,
        candidates: list[dict[str, Any]],
        at: datetime,
        actor: str = "system",
    ) -> int:
        self.queued.append((name, candidates))
        return -1

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
        """Recording revises a person only to add a learned spelling: kept here."""
        if kind == "person" and isinstance(record, Person) and record.aliases:
            self.learned.append((record_id, record.aliases[-1]))
        return Revision(kind, record_id, -1, record, actor, at, why, 0)


@dataclass(slots=True)
class Preview:
    """What accepting one suggestion would create or change."""

    claim_id: str
    status: str
    matched: list[str] = field(default_factory=list)
    created: list[str] = field(default_factory=list)
    queued: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    figures: list[dict[str, Any]] = field(default_factory=list)
    deals_created: list[dict[str, Any]] = field(default_factory=list)
    deals_changed: list[dict[str, Any]] = field(default_factory=list)
    aliases: list[dict[str, str]] = field(default_factory=list)
    """Spellings the registry would learn: {"person": id, "spelling": ...}."""


def preview(store: LedgerStore, claim: Claim, actor: str, now: datetime) -> Preview:
    """What accepting `claim` would do; nothing is written."""
    accepted = replace(claim, review=Review(ReviewStatus.ACCEPTED, actor, now))
    dry = DryRun(store, accepted)
    result = recording.Recorded()
    index, persons = matching.build_index(store)
    known = set(persons)
    recording.record_claim(cast(LedgerStore, dry), accepted, actor, now, index, persons, result)
    out = Preview(claim.id, claim.review.status.value)
    out.created = [f"{p.name} ({p.id})" for p in dry.batch.persons]
    for e in dry.batch.events:
        who = persons.get(e.person_id)
        name = who.name if who else e.person_id
        if e.person_id in known and name not in out.matched:
            out.matched.append(f"{name} ({e.person_id})")
        out.events.append(
            {
                "person": name,
                "kind": e.kind.value,
                "date": str(e.date),
                "mechanism": e.mechanism.value if e.mechanism else None,
                "deal": e.deal_id,
                "joins": e.supersedes,
            }
        )
    out.queued = [
        {"name": n, "candidates": [c.get("person_id") for c in cands]} for n, cands in dry.queued
    ]
    out.figures = [
        {
            "metric": o.metric.value,
            "value": o.value,
            "period": str(o.period),
            "organisation": o.organisation,
        }
        for o in dry.batch.observations
    ]
    out.deals_created = [_deal_dict(d) for d in dry.batch.deals]
    out.aliases = [{"person": pid, "spelling": sp} for pid, sp in dry.learned]
    out.deals_changed = [
        {"id": new.id, "changes": {k: [str(a), str(b)] for k, (a, b) in diff(old, new).items()}}
        for old, new in dry.deal_changes
    ]
    return out


def _deal_dict(d: Deal) -> dict[str, Any]:
    return {
        "id": d.id,
        "date": str(d.date),
        "parties": list(d.parties),
        "released": d.reported_released,
        "concessions": [f"{c.by}: {c.what} ({c.target or '-'})" for c in d.concessions],
    }


UNDO = "undo of accepting "


RESTORED = "restored: recorded again"
"""Why the store records a void record recorded again (an acceptance made after an undo)."""


def _kept_after(claim: Claim, later: Sequence[Revision[Any]]) -> list[Revision[Any]]:
    """The revisions among `later` still in force that another change made: neither undos,
    nor revisions by acceptances undone since, nor this acceptance's own."""
    undone = {r.why[len(UNDO) :].split(": ", 1)[0] for r in later if r.why.startswith(UNDO)}
    reverted = {recording.because(cid) for cid in undone} | {recording.because(claim.id)}
    return [r for r in later if not r.why.startswith(UNDO) and r.why not in reverted]


def _made_by(store: LedgerStore, claim: Claim, deal_id: str) -> bool:
    """Whether accepting `claim` created the deal: its first version says it was built from
    this claim (the note may have been edited since; the first version keeps it)."""
    first = store.first_version("deal", deal_id)
    return first is not None and first.note == recording.deal_note(claim.id)


def _deal_reverts(
    store: LedgerStore, claim: Claim, events: Sequence[Event]
) -> list[tuple[str, Deal | None]]:
    """Each deal the acceptance changed, with its state before (None for a deal it created,
    which is withdrawn with its figures and its note); refused when another change came after
    it that is still in force (undo that one first), or when releases that this acceptance did
    not record name a deal it created."""
    out: list[tuple[str, Deal | None]] = []
    for deal in store.deals():
        revs = store.revisions("deal", deal.id)
        if _made_by(store, claim, deal.id):
            # created by the acceptance, or recorded again by its acceptance after an undo
            born = max((r.seq for r in revs if r.why == RESTORED), default=0)
            kept = _kept_after(claim, [r for r in revs if r.seq > born])
            if kept:
                raise UndoError(
                    f"deal {deal.id}, which this acceptance created, was changed after it by "
                    f"revision {kept[-1].seq} ({kept[-1].why}); undo or correct that first"
                )
            naming = sorted(e.id for e in events if e.deal_id == deal.id)
            if naming:
                raise UndoError(
                    f"deal {deal.id}, which this acceptance created, is named by release "
                    f"event(s) {', '.join(naming)} that it did not record; undo or correct "
                    "them first"
                )
            out.append((deal.id, None))
            continue
        mine = [r for r in revs if r.why == recording.because(claim.id)]
        if not mine:
            continue
        later = [r for r in revs if r.seq > mine[-1].seq]
        if any(r.why.startswith(f"{UNDO}{claim.id}:") for r in later):
            continue
        kept = _kept_after(claim, later)
        if kept:
            raise UndoError(
                f"deal {deal.id} was changed after this acceptance by revision {kept[-1].seq} "
                f"({kept[-1].why}); undo or correct that first"
            )
        seq = mine[-1].seq - 1
        before = next((r.record for r in revs if r.seq == seq), None)
        out.append((deal.id, before if seq > 0 else store.first_version("deal", deal.id)))
    return out


class UndoError(ValueError):
    """An undo that cannot be done; nothing was changed."""


@dataclass(slots=True)
class Undone:
    """What an undo reverted."""

    figures: int = 0
    events: int = 0
    persons: int = 0
    deals_voided: int = 0
    deals_restored: int = 0
    names_dropped: int = 0
    demands: int = 0
    aliases: int = 0


def undo(store: LedgerStore, claim: Claim, actor: str, now: datetime, why: str) -> Undone:
    """Revert every effect of accepting `claim`, as revisions; it returns to the queue."""
    if claim.review.status is not ReviewStatus.ACCEPTED:
        raise UndoError(f"{claim.id} is {claim.review.status.value}, not accepted: nothing to undo")
    reason = f"{UNDO}{claim.id}: {why}"
    others = [e for e in effective_events(store.events()) if claim.id not in e.claim_ids]
    reverts = _deal_reverts(store, claim, others)
    done = Undone()
    for o in store.observations():
        if o.claim_id == claim.id:
            store.revise("observation", o.id, None, actor, now, reason)
            done.figures += 1
    touched: set[str] = set()
    for e in effective_events(store.events()):
        if claim.id in e.claim_ids:
            store.revise("event", e.id, None, actor, now, reason)
            touched.add(e.person_id)
            done.events += 1
    for deal_id, previous in reverts:
        store.revise("deal", deal_id, previous, actor, now, reason)
        if previous is None:
            done.deals_voided += 1
        else:
            done.deals_restored += 1
    held = {e.person_id for e in effective_events(store.events())}
    for p in store.persons():
        if p.note == f"created from claim {claim.id}" and p.id not in held:
            store.revise("person", p.id, None, actor, now, reason)
            done.persons += 1
    done.aliases = _drop_aliases(store, claim, actor, now, reason)
    done.demands = _void_demands(store, claim, actor, now, reason)
    done.names_dropped = store.drop_queued(claim.id, actor, now)
    store.update_claim(replace(claim, review=Review()), actor, now, reason)
    return done


def _learned(store: LedgerStore, claim: Claim, person_id: str) -> set[str]:
    """The spellings accepting `claim` taught the registry for one person (since the last undo
    of that acceptance): what its revisions of the person added to the aliases."""
    revs = store.revisions("person", person_id)
    undone = [r.seq for r in revs if r.why.startswith(f"{UNDO}{claim.id}:")]
    since = max(undone, default=0)
    out: set[str] = set()
    for r in revs:
        if r.seq <= since or r.why != recording.because(claim.id) or r.record is None:
            continue
        before = next((x.record for x in revs if x.seq == r.seq - 1), None)
        if before is None:
            before = store.first_version("person", person_id)
        out |= set(r.record.aliases) - set(before.aliases if before else ())
    return out


def _drop_aliases(store: LedgerStore, claim: Claim, actor: str, now: datetime, why: str) -> int:
    """Withdraw the spellings the acceptance taught (by a revision; the history keeps them)."""
    dropped = 0
    # only persons holding a spelling the claim's names may have taught are looked into
    taught = {s for name in claim.persons for s in nominative_spellings(name)}
    for p in store.persons():
        if not taught & set(p.aliases):
            continue
        learned = _learned(store, claim, p.id) & set(p.aliases)
        if learned:
            kept = tuple(a for a in p.aliases if a not in learned)
            store.revise("person", p.id, replace(p, aliases=kept), actor, now, why)
            dropped += len(learned)
    return dropped


def _void_demands(store: LedgerStore, claim: Claim, actor: str, now: datetime, why: str) -> int:
    """Withdraw the demand accepting a `demanded` claim recorded (it stays in the history)."""
    from prisonwatch.services import demands
    from prisonwatch.storage.sql import SqlStore

    if claim.action != "demanded" or not isinstance(store, SqlStore):
        return 0
    made = [d for d in demands.listed(store) if d.claim_id == claim.id]
    for d in made:
        demands.void(store, d.id, actor, now, why)
    return len(made)
