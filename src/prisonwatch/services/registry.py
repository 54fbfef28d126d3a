"""Who is in the registry, as a viewer may search it: persons, who recognised them, and every
name as text to search for a piece of it.

Analysts search everyone (merged-away records count for the person kept); the public, the
public projection's persons only, with organisations as the projection shows them
(`public.Projection.text`). Searching for a piece of a name (`containing`) runs over one text
holding every name's search key (`SubstringIndex`), in the registry's person order (by id).

Building that text and its trigram index takes seconds at 100,000 persons, so a write does not
build it again (`updated`): the persons the write changed are marked stale, their current names
are kept beside the index, and `containing` answers from the index less the stale persons plus
the kept names, in the same order and with the same limit as an index built afresh. Past
`MAX_STALE` stale persons the registry is not carried on (it is built again when next asked).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field

from prisonwatch.core.organisations import canonical_organisation
from prisonwatch.core.records import Event, Person
from prisonwatch.core.vocabulary import RECOGNITION
from prisonwatch.names.substrings import SubstringIndex
from prisonwatch.services.keyed import in_key_order
from prisonwatch.storage.rows import search_key

Text = Callable[[str | None], str | None]
"""What of an organisation's name the viewer may see (None: nothing)."""

MAX_STALE = 5000
"""Persons changed since the index was built beyond which a registry is built afresh."""


@dataclass(frozen=True, slots=True)
class Registry:
    """Who is in the registry, held in memory and kept current write by write."""

    everyone: dict[str, Person]
    """The persons searched, by id, in id order."""
    orgs: dict[str, frozenset[str]]
    """Organisations that recognised each person (as the viewer may see their names); one
    set object for all persons with the same organisations (a set per person was a fifth of
    the public registry's memory)."""
    names: SubstringIndex
    """Every name's search key, joined by line breaks (which no key contains)."""
    starts: list[int]
    owners: list[str]
    known_orgs: frozenset[str] = frozenset()
    """Every organisation named by a recognition event, by its display name (a superset after
    writes):
    whose verdicts are compared when the protected names change."""
    stale: frozenset[str] = frozenset()
    """Persons changed since `names` was built: their places in it are passed over."""
    stale_chars: int = 0
    """How many places of `names` belong to stale persons (at most)."""
    fresh: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """The search keys of the stale persons still searched, by id."""

    @classmethod
    def build(cls, everyone: dict[str, Person], events: Iterable[Event], text: Text) -> Registry:
        """The registry of `everyone` (in id order), recognised by `events` (effective ones)."""
        orgs: dict[str, set[str]] = {}
        known: set[str] = set()
        for e in events:
            name = canonical_organisation(e.organisation)  # one name per organisation
            if e.kind in RECOGNITION and name and e.person_id in everyone:
                known.add(name)
                org = text(name)
                if org:
                    orgs.setdefault(e.person_id, set()).add(org)
        parts, starts, owners, pos = [], [], [], 0
        for p in everyone.values():
            for n in p.all_names:
                key = search_key(n)
                parts.append(key)
                starts.append(pos)
                owners.append(p.id)
                pos += len(key) + 1
        return cls(
            everyone,
            _shared_sets(orgs),
            SubstringIndex("\n".join(parts)),
            starts,
            owners,
            frozenset(known),
        )

    def updated(
        self,
        current: Callable[[str], Person | None],
        changed: Collection[str],
        events_of: Callable[[str], Iterable[Event]],
        text: Text,
        old_text: Text | None = None,
    ) -> Registry | None:
        """The registry after a change to the persons `changed` (their record, their events,
        or how they are shown): `current` gives a person as searched now (None: not searched),
        `events_of` a person's effective events now. `old_text` is given when what the viewer
        may see of texts changed (the protected names did): when it judges an organisation
        otherwise than `text`, every person's organisations may change, so None (build
        afresh). None too past `MAX_STALE` stale persons."""
        if old_text is not None and any(
            (old_text(o) is None) != (text(o) is None) for o in self.known_orgs
        ):
            return None
        everyone = self.everyone
        now = {pid: current(pid) for pid in changed}
        if any(everyone.get(pid) is not p for pid, p in now.items()):
            everyone = everyone.copy()  # only when a person changed: an event's edit shares it
            added: list[str] = []
            for pid, p in now.items():
                if p is None:
                    everyone.pop(pid, None)
                else:
                    if pid not in everyone:
                        added.append(pid)
                    everyone[pid] = p
            everyone = in_key_order(everyone, added)  # in id order, as built afresh
        stale = set(self.stale)
        stale_chars = self.stale_chars
        fresh = self.fresh.copy()
        orgs = self.orgs
        known = set(self.known_orgs)
        for pid in changed:
            if pid not in stale:
                stale_chars += self._indexed_chars(pid)
                stale.add(pid)
            fresh.pop(pid, None)
            p = everyone.get(pid)
            mine: set[str] = set()
            if p is not None:
                fresh[pid] = tuple(search_key(n) for n in p.all_names)
                for e in events_of(pid):
                    name = canonical_organisation(e.organisation)
                    if e.kind in RECOGNITION and name:
                        known.add(name)
                        org = text(name)
                        if org:
                            mine.add(org)
            if orgs.get(pid, frozenset()) != mine:
                if orgs is self.orgs:
                    orgs = orgs.copy()  # only when someone's organisations changed
                if mine:
                    orgs[pid] = frozenset(mine)
                else:
                    orgs.pop(pid, None)
        if len(stale) > MAX_STALE:
            return None
        return Registry(
            everyone,
            orgs,
            self.names,
            self.starts,
            self.owners,
            frozenset(known),
            frozenset(stale),
            stale_chars,
            fresh,
        )

    def _indexed_chars(self, pid: str) -> int:
        """How many places of `names` belong to `pid`: none once stale (counted then), else
        those of its names as `everyone` holds them (unchanged since `names` was built)."""
        p = None if pid in self.stale else self.everyone.get(pid)
        return 0 if p is None else sum(len(search_key(n)) + 1 for n in p.all_names)

    def containing(self, text: str, limit: int = 200) -> list[str]:
        """Persons any of whose names contains `text` (case and accents as written): one
        person per place the text occurs, in the order of the names."""
        key = search_key(text)
        if not key:
            return []
        if not self.stale:
            places = self.names.find_all(key, limit)
            return [self.owners[bisect_right(self.starts, at) - 1] for at in places]
        found: list[tuple[str, int]] = []
        for at in self.names.find_all(key, limit + self.stale_chars):
            pid = self.owners[bisect_right(self.starts, at) - 1]
            if pid not in self.stale:
                found.append((pid, at))
        for pid, keys in self.fresh.items():
            joined = "\n".join(keys)
            at = joined.find(key)
            while at != -1:
                found.append((pid, at))
                at = joined.find(key, at + 1)
        found.sort()  # by person (the text's order), then by place
        return [pid for pid, _ in found[:limit]]


def _shared_sets(sets: dict[str, set[str]]) -> dict[str, frozenset[str]]:
    """`sets` with one frozen set object per distinct set: most persons share their few
    organisations."""
    shared: dict[frozenset[str], frozenset[str]] = {}
    out: dict[str, frozenset[str]] = {}
    for key, found in sets.items():
        frozen = frozenset(found)
        out[key] = shared.setdefault(frozen, frozen)
    return out
