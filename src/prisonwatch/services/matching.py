"""Names against the registry: match, decide, merge, and the queue of unsure names."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from prisonwatch.core import merges
from prisonwatch.core.bitemporal import effective_events
from prisonwatch.core.records import Event, Person
from prisonwatch.core.timeline import fold_custody
from prisonwatch.names.matcher import Candidate, Decision, NameIndex, auto_accept
from prisonwatch.storage.port import Judgement, LedgerStore, StorageError

VERDICTS = ("same", "not_same", "unsure")
UNSURE_FLOOR = 0.6
"""Below this score a name is taken to be someone not yet in the registry."""


class DecisionError(ValueError):
    """A decision that cannot be taken: unknown person, or one contradicting an earlier one."""


def resolve(persons: dict[str, Person], person_id: str) -> str:
    """The id a (possibly merged) person is now known under."""
    seen: set[str] = set()
    while person_id in persons and persons[person_id].merged_into and person_id not in seen:
        seen.add(person_id)
        person_id = persons[person_id].merged_into or person_id
    return person_id


def build_index(store: LedgerStore) -> tuple[NameIndex, dict[str, Person]]:
    """The registry's names; a merged person's names count for the person it joined."""
    persons = {p.id: p for p in store.persons()}
    names: dict[str, list[str]] = {}
    for p in persons.values():
        names.setdefault(resolve(persons, p.id), []).extend(p.all_names)
    index = NameIndex.build((pid, persons[pid].name, all_names) for pid, all_names in names.items())
    return index, persons


def decisions(store: LedgerStore, name: str | None = None) -> list[Decision]:
    return [
        Decision(j.name, j.person_id, j.verdict, j.decided_by, j.decided_at.date().isoformat())
        for j in store.judgements(name)
    ]


@dataclass(frozen=True, slots=True)
class MatchResult:
    candidates: list[Candidate]
    accepted: Candidate | None


def match(
    store: LedgerStore, name: str, limit: int = 5, index: NameIndex | None = None
) -> MatchResult:
    idx = index or build_index(store)[0]
    found = idx.match(name, limit, decisions(store, name))
    return MatchResult(found, auto_accept(found))


def as_dicts(candidates: list[Candidate]) -> list[dict[str, Any]]:
    return [
        {"person_id": c.person_id, "name": c.name, "score": c.score, "why": list(c.why)}
        for c in candidates
    ]


def judge(
    store: LedgerStore,
    name: str,
    person_id: str,
    verdict: str,
    actor: str,
    at: datetime,
    note: str | None = None,
) -> None:
    """Record that a written name is (or is not) a person; later matching honours it."""
    if verdict not in VERDICTS:
        raise DecisionError(f"verdict must be one of {', '.join(VERDICTS)}, not {verdict!r}")
    if store.person(person_id) is None:
        raise DecisionError(f"unknown person {person_id!r}")
    for earlier in store.judgements(name):
        if earlier.person_id != person_id or earlier.verdict == verdict:
            continue
        if "unsure" not in (earlier.verdict, verdict):
            raise DecisionError(
                f"{name!r} was judged {earlier.verdict} for {person_id} by {earlier.decided_by} "
                f"on {earlier.decided_at.date()}; record a correction by merging or ask them"
            )
    store.add_judgement(Judgement(name, person_id, verdict, actor, at, note))


def merge(
    store: LedgerStore, keep: str, gone: str, actor: str, at: datetime, why: str | None = None
) -> list[str]:
    """Merge `gone` into `keep`: from now on one person, counted once (`core.merges`). Gives
    where the two timelines disagree and the problems the joined timeline has that neither
    had alone, for the reader to settle: the merge is made all the same (they are one
    person; which record is right is a question for the record, not for the merge)."""
    if keep == gone:
        raise DecisionError(f"cannot merge person {keep!r} with itself")
    kept, theirs = _in_force(store, keep), _in_force(store, gone)
    before = {str(p) for evs in (kept, theirs) for p in fold_custody(evs)[1]}
    try:
        store.merge_persons(keep, gone, actor, at, (why or "").strip() or None)
    except StorageError as exc:
        raise DecisionError(str(exc)) from None
    _, problems = fold_custody(_in_force(store, keep))
    return [
        *merges.disagreements(kept, theirs),
        *(f"joined timeline: {p}" for p in problems if str(p) not in before),
    ]


def _in_force(store: LedgerStore, person_id: str) -> list[Event]:
    """The joined timeline in force of the person `person_id` is a record of."""
    root_of = merges.roots(store.merge_links())
    ids = sorted(merges.members(root_of, [person_id]))
    return merges.joined(effective_events(store.events(ids)), root_of)


def unmerge(store: LedgerStore, gone: str, actor: str, at: datetime, why: str) -> str:
    """Undo a merge made by mistake: `gone` is a person of its own again, and later
    matching no longer takes its names for the person it had joined. Gives that person."""
    if not why.strip():
        raise DecisionError("--why: say why the merge was wrong")
    try:
        return store.unmerge_person(gone, actor, at, why.strip())
    except StorageError as exc:
        raise DecisionError(str(exc)) from None
