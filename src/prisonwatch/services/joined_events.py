"""Events as the figures count them: in force, and each merged record's on the timeline of the
person it joined (`core.merges`), read from the store in one place for every reader that
groups events by person (custody, conflicts, exports, demands, person pages)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from prisonwatch.core import merges
from prisonwatch.core.bitemporal import cutoff, effective_events
from prisonwatch.core.records import Event, Person
from prisonwatch.storage.port import LedgerStore


def root_of(store: LedgerStore, known_on: date | None = None) -> dict[str, str]:
    """Each merged record's root, as the merges stood on `known_on` (None: now)."""
    at = cutoff(known_on) if known_on is not None else None
    return merges.roots(merges.links_of(store.persons(known_on=at)))


def in_force(
    store: LedgerStore,
    known_on: date | None = None,
    person_ids: Iterable[str] | None = None,
    roots: dict[str, str] | None = None,
    raw: list[Event] | None = None,
) -> list[Event]:
    """The events in force (as known on `known_on`), merged records' events under their
    root's id and a fact told by two records of one person counted once; of the persons
    `person_ids` (with every record of theirs) or of everyone. `roots`: `root_of`, when the
    caller has it. `raw`: the stored events to start from, when the caller has read them
    (public figures read month-precise persons' records at an earlier cutoff,
    `services.known`)."""
    found = root_of(store, known_on) if roots is None else roots
    if raw is None and person_ids is None:
        raw = store.events()
    elif raw is None:
        ids = sorted(merges.members(found, person_ids or ()))
        raw = store.events(ids) if ids else []
    return merges.joined(effective_events(raw, known_on), found)


def records_of(persons: dict[str, Person], person_id: str) -> list[str]:
    """Every record of the person `person_id` is now known under (its root): the root first,
    then the records merged into it, in id order."""
    found = merges.roots(merges.links_of(persons.values()))
    root = found.get(person_id, person_id)
    return [root, *sorted(m for m, r in found.items() if r == root)]
