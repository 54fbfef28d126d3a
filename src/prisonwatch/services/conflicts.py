"""Conflicts: where sources disagree, every value is kept; people choose, and say why.

Three kinds: published figures for the same thing (metric, country, period) with different
values (123 vs 114 released on 2025-12-13), persons with releases on dates that cannot both be
true (a second release with no custody between), and two records of one person, merged, that
tell an event of the same kind differently (detained on 3 January in one, on 5 January in the
other). A conflict is derived from the records as they stand, so a merge lists its
disagreements and an unmerge takes them away; only the choices made are stored.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from prisonwatch.core import merges
from prisonwatch.core.bitemporal import effective_events
from prisonwatch.core.dates import format_fuzzy
from prisonwatch.core.ledger import group_by_person
from prisonwatch.core.records import Person
from prisonwatch.core.timeline import fold_custody
from prisonwatch.core.vocabulary import EventKind
from prisonwatch.services import joined_events
from prisonwatch.services.privacy import display_name, is_listed
from prisonwatch.storage.port import LedgerStore


class ConflictError(ValueError):
    """A choice that names an unknown conflict or a value that is not one of its options."""


@dataclass(frozen=True, slots=True)
class Conflict:
    key: str
    what: str
    options: list[dict[str, Any]]
    chosen: dict[str, Any] | None


def find(store: LedgerStore) -> list[Conflict]:
    sources = {s.id: s for s in store.sources()}
    choices = {c.conflict: c for c in store.choices()}

    def urls(ids: tuple[str, ...]) -> list[str]:
        return [sources[i].url or sources[i].title or i for i in ids if i in sources]

    out: list[Conflict] = []
    groups: dict[str, list[Any]] = defaultdict(list)
    for ob in store.observations():
        # figures of different places or events count different things: never a conflict
        key = f"{ob.metric.value}|{ob.country or ''}|{format_fuzzy(ob.period)}"
        if ob.place or ob.scope:
            key += f"|{ob.place or ''}|{ob.scope or ''}"
        groups[key].append(ob)
    for key, obs in sorted(groups.items()):
        if len({o.value for o in obs}) < 2:
            continue
        metric, country, period = key.split("|")[:3]
        options = [
            {
                "id": o.id,
                "value": o.value,
                "qualifier": o.qualifier.value,
                "organisation": o.organisation,
                "note": o.note,
                "sources": urls(o.source_ids),
            }
            for o in obs
        ]
        out.append(
            _with_choice(
                Conflict(key, f"{metric} {country} {period}".strip(), options, None), choices
            )
        )
    persons = {p.id: p for p in store.persons()}
    for pid, evs in group_by_person(joined_events.in_force(store)).items():
        _, problems = fold_custody(evs)
        bad = {p.where for p in problems}
        releases = [e for e in evs if e.kind is EventKind.RELEASED]
        if not bad & {e.id for e in releases} or len(releases) < 2:
            continue
        person = persons.get(pid)
        if person is None or not is_listed(person):
            continue
        options = [
            {
                "id": e.id,
                "value": format_fuzzy(e.date),
                "sources": urls(e.source_ids),
                "note": e.note,
            }
            for e in releases
        ]
        key = f"release|{pid}"
        out.append(
            _with_choice(
                Conflict(key, f"release date of {display_name(person)}", options, None), choices
            )
        )
    out.extend(_merged(store, persons, urls, choices))
    return out


def _merged(
    store: LedgerStore,
    persons: dict[str, Person],
    urls: Callable[[tuple[str, ...]], list[str]],
    choices: dict[str, Any],
) -> list[Conflict]:
    """Where a record merged into a person tells an event differently from the person's own
    record (`core.merges.disagreements`): one conflict per event of the merged record, keyed
    `merge|EVENT`, whose options are that event and the kept record's events of its kind. It
    exists while the merge does (`prisonwatch unmerge` takes it away)."""
    root_of = merges.roots(store.merge_links())
    if not root_of:
        return []
    ids = sorted(set(root_of) | set(root_of.values()))
    by_person = group_by_person(effective_events(store.events(ids)))
    out: list[Conflict] = []
    for gone, root in sorted(root_of.items()):
        person = persons.get(root)
        if person is None or not is_listed(person):
            continue
        kept = by_person.get(root, [])
        facts = {merges.fact(e) for e in kept}
        for e in by_person.get(gone, []):
            others = [o for o in kept if o.kind is e.kind]
            if not others or merges.fact(e) in facts:
                continue
            options = [
                {
                    "id": x.id,
                    "value": format_fuzzy(x.date),
                    "record": x.person_id,
                    "sources": urls(x.source_ids),
                    "note": x.note,
                }
                for x in [*others, e]
            ]
            what = f"{e.kind.value} of {display_name(person)} (merged record {gone})"
            out.append(_with_choice(Conflict(f"merge|{e.id}", what, options, None), choices))
    return out


def _with_choice(c: Conflict, choices: dict[str, Any]) -> Conflict:
    ch = choices.get(c.key)
    if ch is None:
        return c
    return Conflict(
        c.key,
        c.what,
        c.options,
        {
            "chosen": ch.chosen,
            "by": ch.chosen_by,
            "at": ch.chosen_at.isoformat(timespec="seconds"),
            "why": ch.why,
        },
    )


def choose(store: LedgerStore, key: str, chosen: str, actor: str, at: datetime, why: str) -> None:
    if not why.strip():
        raise ConflictError("say why: --why is required")
    found = {c.key: c for c in find(store)}
    if key not in found:
        raise ConflictError(f"no conflict {key!r} (see `prisonwatch conflicts`)")
    if chosen not in {o["id"] for o in found[key].options}:
        raise ConflictError(f"{chosen!r} is not one of the values of {key!r}")
    store.add_choice(key, chosen, actor, at, why)
