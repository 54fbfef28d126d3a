"""Merged records: one person entered twice counts once.

A merge (`prisonwatch merge KEEP GONE`) says that two person records are one human being: a
duplicate entered from two lists, a maiden name found later. The record keeps both (a merge is
a revision of GONE, undone by `unmerge`), but every figure, custody list, deal account and
export counts the person once: the events of a merged record join the timeline of the person
it was merged into (its *root*, following merges of merges).

Two records of one person often hold the same fact twice (each list noted the arrest): an event
of a merged record that repeats a fact already on the joined timeline (same kind, date and
details; sources, notes and ids may differ) is that fact told again, not a second one, and is
not counted again. Facts that differ (a detention on another day, another article) are both
kept, and `disagreements` names them so the merge can say so: the joined timeline is folded as
it is, and its problems (`core.timeline`) are shown, never hidden.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from prisonwatch.core.bitemporal import effective_events
from prisonwatch.core.records import Event, Person

Fact = tuple[object, ...]


def links_of(persons: Iterable[Person]) -> dict[str, str]:
    """Each merged record's id and the id it was merged into."""
    return {p.id: p.merged_into for p in persons if p.merged_into}


def roots(links: Mapping[str, str]) -> dict[str, str]:
    """Each merged record's root: the person its merges lead to (a record merged into one
    merged in turn joins the last). A cycle, which `merge` never makes, ends where it closes."""
    out: dict[str, str] = {}
    for start in links:
        seen = {start}
        at = links[start]
        while at in links and at not in seen:
            seen.add(at)
            at = links[at]
        out[start] = at
    return out


def members(root_of: Mapping[str, str], ids: Iterable[str]) -> set[str]:
    """`ids` with every record of their persons: the roots of the ids and every record
    merged (directly or not) into one of those roots."""
    wanted = {root_of.get(i, i) for i in ids}
    return wanted | {m for m, r in root_of.items() if r in wanted} | set(ids)


def fact(e: Event) -> Fact:
    """What an event says happened, apart from who recorded it, where it was read and its id."""
    return (
        e.kind,
        e.date,
        e.mechanism,
        e.organisation,
        e.deal_id,
        e.place,
        e.articles,
        e.sentence_months,
        e.term_ends,
        e.court,
        e.detention_place,
        e.health,
    )


def joined(events: Sequence[Event], root_of: Mapping[str, str]) -> list[Event]:
    """The events in force (`bitemporal.effective_events`) with each merged record's events
    owned by its root, in their given order; an event of a merged record that repeats a fact
    of its root's own events, or of a record met earlier in id order, is left out (one fact
    told twice). Events of persons not merged are given back as they are."""
    if not root_of:
        return list(events)
    seen: dict[str, set[Fact]] = {}
    for e in events:
        if e.person_id not in root_of:
            seen.setdefault(e.person_id, set()).add(fact(e))
    dropped: set[str] = set()
    theirs = sorted((e for e in events if e.person_id in root_of), key=lambda e: e.person_id)
    for e in theirs:
        facts = seen.setdefault(root_of[e.person_id], set())
        f = fact(e)
        if f in facts:
            dropped.add(e.id)
        facts.add(f)
    return [
        replace(e, person_id=root_of[e.person_id]) if e.person_id in root_of else e
        for e in events
        if e.id not in dropped
    ]


def rekeyed(events: Sequence[Event], root_of: Mapping[str, str]) -> list[Event]:
    """The events with each merged record's events owned by its root, none left out (stored
    events, corrections and voids included: which events a correction supersedes is then
    known per person as the joined timeline is)."""
    if not root_of:
        return list(events)
    return [
        replace(e, person_id=root_of[e.person_id]) if e.person_id in root_of else e for e in events
    ]


def stored_joined(stored: Sequence[Event], root_of: Mapping[str, str]) -> list[Event]:
    """Stored events (corrections and voids included, as an export lists them) with each
    merged record's under its root, less each repeated fact `joined` leaves out and the
    events it corrects (which would be in force again without it)."""
    if not root_of:
        return list(stored)
    in_force = effective_events(stored)
    dropped = {e.id for e in in_force} - {e.id for e in joined(in_force, root_of)}
    by_id = {e.id: e for e in stored}
    todo = list(dropped)
    while todo:
        target = by_id[todo.pop()].supersedes
        if target is not None and target in by_id and target not in dropped:
            dropped.add(target)
            todo.append(target)
    return rekeyed([e for e in stored if e.id not in dropped], root_of)


def disagreements(kept: Sequence[Event], gone: Sequence[Event]) -> list[str]:
    """Where two records of one person disagree: each event of the merged record (`gone`, in
    force) of a kind the kept record also has, whose fact the kept record does not hold (a
    detention on another day, a sentence under another article). Both stay on the joined
    timeline; the reader decides which is right (`edit event`, `void`)."""
    facts = {fact(e) for e in kept}
    by_kind: dict[object, list[Event]] = {}
    for e in kept:
        by_kind.setdefault(e.kind, []).append(e)
    out = []
    for e in gone:
        others = by_kind.get(e.kind, [])
        if not others or fact(e) in facts:
            continue
        said = ", ".join(f"{o.id} on {o.date}" for o in others)
        out.append(f"{e.id}: {e.kind.value} on {e.date} differs from the kept record's {said}")
    return out
