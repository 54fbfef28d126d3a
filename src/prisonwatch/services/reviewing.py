"""Review: people accept, reject or edit suggestions; accepted ones become the record.

Batch acceptance is an explicit command with an explicit rule (one source, a confidence floor),
never implicit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from prisonwatch.core.dates import DateError, parse_fuzzy
from prisonwatch.core.records import Claim, Person, Review
from prisonwatch.core.vocabulary import ClaimAction, Qualifier, ReviewStatus
from prisonwatch.names.matcher import NameIndex
from prisonwatch.services import acceptance, demands, matching, recording
from prisonwatch.storage.port import LedgerStore
from prisonwatch.storage.sql import SqlStore

EDITABLE = ("count", "qualifier", "population", "when", "persons", "agent", "source", "action")


class ReviewError(ValueError):
    """A review command that cannot be carried out; nothing was changed."""


def claim_dict(c: Claim) -> dict[str, Any]:
    """A claim as plain data for lists and the API."""
    return {
        "id": c.id,
        "source_id": c.source_id,
        "action": c.action,
        "count": c.count,
        "qualifier": c.qualifier.value,
        "population": c.population,
        "when": str(c.when) if c.when else None,
        "persons": list(c.persons),
        "agent": c.agent,
        "source": c.attributed_to,
        "part_of": c.part_of,
        "confidence": c.confidence,
        "status": c.review.status.value,
        "reviewer": c.review.reviewer,
        "reviewed_at": c.review.at.isoformat(timespec="seconds") if c.review.at else None,
        "evidence": c.evidence.text,
        "extractor_version": c.extractor_version,
        "flags": flags(c, c.recorded_at.date()),
    }


def flags(c: Claim, today: date) -> list[str]:
    """What a reviewer must look at before accepting: a date that cannot be right."""
    out = []
    if c.when is not None and c.when.earliest > today:
        out.append(f"dated {c.when}, after the article was read ({today})")
    return out


def decide(
    store: LedgerStore,
    claim_id: str,
    decision: str,
    actor: str,
    now: datetime,
    names: Names | None = None,
) -> str:
    """Accept or reject one suggestion; returns what was done, in words. `names` as for
    `accept`."""
    if decision == "accept":
        done = accept(store, [claim_id], actor, now, names)
        queued = f"; waiting for a decision: {', '.join(done.queued)}" if done.queued else ""
        learned = f"; new spelling(s): {', '.join(done.aliases)}" if done.aliases else ""
        return f"accepted: {done.observations} figure(s), {done.events} event(s){queued}{learned}"
    if decision == "reject":
        reject(store, [claim_id], actor, now)
        return "rejected"
    raise ReviewError(f"no such decision {decision!r} (accept or reject)")


def suggestions(
    store: LedgerStore,
    source: str | None = None,
    action: str | None = None,
    status: str | None = "suggested",
    min_confidence: float = 0.0,
) -> list[Claim]:
    """The review queue, most confident first; `min_confidence` leaves out the claims the
    extractor gives less (a probability of being right, from 0 to 1)."""
    check_confidence(min_confidence)
    out = []
    for c in store.claims(source_id=source):
        if status and c.review.status.value != status:
            continue
        if c.confidence < min_confidence:
            continue
        if status == "suggested" and c.superseded_by is not None:
            continue
        if action and c.action != action:
            continue
        out.append(c)
    # the likeliest first: a reviewer's time goes where it is most likely to be confirmed, and
    # the doubtful ones sit together at the end (ties keep the store's order)
    out.sort(key=lambda c: -c.confidence)
    return out


def check_confidence(value: float) -> None:
    """A confidence floor is a probability: refused outside 0 to 1 (or not a number)."""
    if not 0.0 <= value <= 1.0:
        raise ReviewError(f"--min-confidence: {value} is not between 0 and 1")


def _claim(store: LedgerStore, claim_id: str) -> Claim:
    found = store.claims(ids=[claim_id])
    if not found:
        raise ReviewError(f"unknown suggestion {claim_id!r}")
    return found[0]


def _open(claim: Claim, wanted: ReviewStatus) -> None:
    if claim.review.status is not ReviewStatus.SUGGESTED:
        if claim.review.status is wanted:
            return
        raise ReviewError(
            f"{claim.id} was already {claim.review.status.value} by {claim.review.reviewer} "
            f"on {claim.review.at:%Y-%m-%d}; that decision stands"
        )


Names = Callable[[], tuple[NameIndex, dict[str, Person]]]
"""Where the registry's name index and persons come from: a server passes the ones it keeps
current (a copy it may add to), instead of building them from the store on every accept."""


def accept(
    store: LedgerStore,
    claim_ids: Sequence[str],
    actor: str,
    now: datetime,
    names: Names | None = None,
) -> recording.Recorded:
    """Accept suggestions and record what they say. All are checked before any is changed.
    The persons they name are matched against `names()` (the store's, built afresh, when
    None): the index and dict are added to as persons are created."""
    claims = [_claim(store, cid) for cid in claim_ids]
    for c in claims:
        _open(c, ReviewStatus.ACCEPTED)
    result = recording.Recorded()
    index, persons = names() if names is not None else matching.build_index(store)
    for c in claims:
        if c.review.status is ReviewStatus.ACCEPTED:
            continue
        accepted = replace(c, review=Review(ReviewStatus.ACCEPTED, actor, now))
        store.update_claim(accepted, actor, now)
        recording.record_claim(store, accepted, actor, now, index, persons, result)
        if accepted.action == "demanded" and isinstance(store, SqlStore):
            _record_demand(store, accepted, actor, now, result)
    return result


def _record_demand(
    store: SqlStore, claim: Claim, actor: str, now: datetime, result: recording.Recorded
) -> None:
    """An accepted demand for release becomes a demand (who, when, how many, whom), so that
    what is left of it can be followed; one that says not who demanded or when stays a claim."""
    try:
        made = demands.from_claim(store, claim, actor, now)
    except demands.DemandError as exc:
        result.notes.append(f"the demand was not recorded: {exc}")
        return
    if made is not None:
        result.demands.append(made.id)


def reject(
    store: LedgerStore, claim_ids: Sequence[str], actor: str, now: datetime, why: str | None = None
) -> None:
    claims = [_claim(store, cid) for cid in claim_ids]
    for c in claims:
        _open(c, ReviewStatus.REJECTED)
    for c in claims:
        if c.review.status is ReviewStatus.SUGGESTED:
            store.update_claim(
                replace(c, review=Review(ReviewStatus.REJECTED, actor, now, why)), actor, now
            )


def edit(
    store: LedgerStore, claim_id: str, changes: dict[str, Any], actor: str, now: datetime
) -> Claim:
    """Correct a suggestion before it is accepted; the audit log keeps what it said before."""
    claim = _claim(store, claim_id)
    if claim.review.status is not ReviewStatus.SUGGESTED:
        raise ReviewError(f"{claim_id} is {claim.review.status.value}; only suggestions are edited")
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ReviewError(
            f"cannot edit {', '.join(sorted(unknown))} (editable: {', '.join(EDITABLE)})"
        )
    values: dict[str, Any] = {}
    for key, value in changes.items():
        if key == "count":
            if not isinstance(value, int) or value < 1:
                raise ReviewError(f"count: must be a whole number of at least 1, not {value!r}")
            values["count"] = value
        elif key == "qualifier":
            try:
                values["qualifier"] = Qualifier(value)
            except ValueError:
                raise ReviewError(f"qualifier: unknown value {value!r}") from None
        elif key == "when":
            try:
                values["when"] = parse_fuzzy(value) if value else None
            except DateError as exc:
                raise ReviewError(f"when: {exc}") from None
        elif key == "persons":
            values["persons"] = tuple(p.strip() for p in value.split("|") if p.strip())
        elif key == "source":
            values["attributed_to"] = value or None
        elif key == "action":
            if value not in {a.value for a in ClaimAction}:
                raise ReviewError(f"action: unknown value {value!r}")
            values["action"] = value
        else:
            values[key] = value or None
    edited = replace(claim, **values)
    store.update_claim(edited, actor, now)
    return edited


def accept_source(
    store: LedgerStore, source_id: str, min_confidence: float, actor: str, now: datetime
) -> tuple[list[str], recording.Recorded]:
    """The explicit batch rule: accept every open suggestion of one source at or above a
    confidence floor."""
    check_confidence(min_confidence)
    if not store.sources([source_id]):
        raise ReviewError(f"unknown source {source_id!r}")
    chosen = [c.id for c in suggestions(store, source=source_id, min_confidence=min_confidence)]
    ordered = sorted(chosen, key=lambda cid: _claim(store, cid).evidence.start)
    return ordered, accept(store, ordered, actor, now)


def resolve_name(
    store: LedgerStore, queue_id: int, person_id: str | None, actor: str, now: datetime
) -> recording.Recorded:
    """Decide who a queued name is (a person, or nobody yet: a new person) and record the
    events of its claim; the decision is kept as a judgement for later matching."""
    queued = {q.id: q for q in store.queued_names(None)}
    q = queued.get(queue_id)
    if q is None:
        raise ReviewError(f"no queued name {queue_id}")
    if q.status != "pending":
        raise ReviewError(f"name {queue_id} was already resolved as {q.person_id}")
    claim = _claim(store, q.claim_id)
    result = recording.Recorded()
    persons = {p.id: p for p in store.persons()}
    if person_id is None:
        person_id = recording.new_person(store, q.name, claim, actor, now, persons, result)
    elif person_id not in persons:
        raise ReviewError(f"unknown person {person_id!r}")
    else:
        matching.judge(store, q.name, person_id, "same", actor, now, f"queued name {queue_id}")
        index, persons = matching.build_index(store)
        recording.learn_alias(
            store,
            q.name,
            matching.resolve(persons, person_id),
            claim,
            actor,
            now,
            index,
            persons,
            result,
            decided=True,
        )
    # the events first: while the name is pending its claim is not public
    # (`public.public_claims`), and once resolved it must already cite the person's events
    recording.record_events_for(
        store, claim, [matching.resolve(persons, person_id)], actor, now, result
    )
    store.resolve_name(queue_id, person_id, actor, now)
    return result


def show(store: LedgerStore, claim_id: str, actor: str, now: datetime) -> acceptance.Preview:
    """What accepting one suggestion would create or change; nothing is written."""
    return acceptance.preview(store, _claim(store, claim_id), actor, now)


def undo(
    store: LedgerStore, claim_id: str, actor: str, now: datetime, why: str | None
) -> acceptance.Undone:
    """Revert every effect of accepting one claim (as revisions); it returns to the queue."""
    if not (why or "").strip():
        raise ReviewError("say why the acceptance is undone (--why)")
    try:
        return acceptance.undo(store, _claim(store, claim_id), actor, now, (why or "").strip())
    except acceptance.UndoError as exc:
        raise ReviewError(str(exc)) from None
