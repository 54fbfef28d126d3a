"""Derived state kept current: after a write, re-fold only what the write touched.

The server holds the ledger derived from the store (`figures.View`: effective events, custody,
the stock index, problems), the public projection (`public.Projection`) and two name indexes
(everyone's, for analysts; public persons', for the public). Building them takes seconds to
minutes at scale, so a write must not throw them away.

Every write appends audit entries naming the kind and id of each record it changed, and the
person ids the record named before and after (`storage.audit.changes`). That is the change
feed: the entries after the version the state was built at say which persons, sources, deals,
observations and clearances changed. `advance` reads those records as they are now
(`figures.Fresh`) and folds them into the old state (`View.updated`, `Projection.updated`,
`NameIndex.replaced`, each pure over the old state and the changed records). Reading the
current records, not the entries' contents, makes taking in a change idempotent: a record read
after a later write is read again, and gives the same result, when that write is taken in.

The ids the public knows figures, events and deals by (`Projection.record_id`) are worked out
from the projection's protected names, so a change that protects a person (which makes the
projection afresh) hides every id naming them from the next answer on, as a fresh build would.

When the change cannot be described (an entry of a kind this module does not know, more
entries than `FEED_LIMIT`, a correction of an event whose owner was not read) `advance` answers
None and the caller builds everything afresh, as at start.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from prisonwatch.core.records import Person
from prisonwatch.core.vocabulary import Protection
from prisonwatch.names.matcher import NameIndex
from prisonwatch.services import known
from prisonwatch.services.figures import Fresh, Scope, View
from prisonwatch.services.matching import resolve
from prisonwatch.services.public import Projection, cleared_of
from prisonwatch.services.registry import Registry
from prisonwatch.storage.audit import Change
from prisonwatch.storage.sql import SqlStore

FEED_LIMIT = 5000
"""More audit entries than this since the state's version: build afresh (a bulk import)."""

AFFECTING = frozenset({"person", "event", "deal", "observation", "source", "clearance", "claim"})
"""Kinds whose changes the derived state takes in."""
UNRELATED = frozenset(
    {
        "user",
        "token",
        "password",
        "session",
        "name",
        "conflict",
        "judgement",
        "choice",
        "demand",
        "public_id",
    }
)
"""Kinds no derived state kept here is made from: accounts (users, tokens, passwords,
sessions), the name queue, judgements and conflict choices (read from the store on each
request), demands (likewise), public ids given (a pseudonym made for an export; the key of
record ids, made once before the first projection that needs it and never changed)."""


@dataclass(frozen=True, slots=True)
class ChangeSet:
    """What a run of audit entries changed, as derived state needs to know it."""

    persons: frozenset[str]
    """Persons to read again and re-fold: changed persons, owners of changed events (before
    and after), and persons a changed person was or is merged into."""
    sources: frozenset[str]
    deals: bool
    observations: bool
    clearances: bool
    claims: bool

    @property
    def empty(self) -> bool:
        return not (
            self.persons
            or self.sources
            or self.deals
            or self.observations
            or self.clearances
            or self.claims
        )


def change_set(changes: Sequence[Change]) -> ChangeSet | None:
    """The change set of these entries; None when one is of a kind not known here."""
    persons: set[str] = set()
    sources: set[str] = set()
    kinds: set[str] = set()
    for c in changes:
        if c.kind not in AFFECTING and c.kind not in UNRELATED:
            return None
        kinds.add(c.kind)
        if c.kind in ("person", "event"):
            persons.update(c.persons)
        elif c.kind == "source":
            sources.add(c.record_id)
    return ChangeSet(
        frozenset(persons),
        frozenset(sources),
        "deal" in kinds,
        "observation" in kinds,
        "clearance" in kinds,
        "claim" in kinds,
    )


MAX_PENDING = 16
"""Changes a name index may wait for before they are applied without waiting for a search."""


@dataclass(frozen=True, slots=True)
class PendingNames:
    """A name index and the changes not yet applied to it. Changing an index copies its tables
    (a few hundred milliseconds at 100,000 persons), so a write does not wait for it: the
    changes are applied together, as one change, by the thread that takes writes in once it
    has no other write to take in, or by the first search that needs them, or at once when
    `MAX_PENDING` have gathered. Never under the lock requests share (`web.context.Ledger`):
    a search that finds them being applied waits for that, not for anything else."""

    index: NameIndex
    steps: tuple[NameChange, ...] = ()
    _done: list[NameIndex] = field(default_factory=list, compare=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, compare=False, repr=False)

    def then(self, step: NameChange) -> PendingNames | NameIndex:
        base = self._done[0] if self._done else self.index
        steps = (step,) if self._done else (*self.steps, step)
        pending = PendingNames(base, steps)
        return pending.resolve() if len(pending.steps) >= MAX_PENDING else pending

    def resolve(self) -> NameIndex:
        """The index with every change applied; worked out once (others asking meanwhile
        wait for it)."""
        with self._lock:
            if not self._done:
                self._done.append(NameChange.merged(self.steps).apply(self.index))
            return self._done[0]


Names = NameIndex | PendingNames


def pending(names: Names) -> PendingNames:
    return names if isinstance(names, PendingNames) else PendingNames(names)


@dataclass(frozen=True, slots=True)
class Current:
    """The derived state a server holds: the unscoped view, and (when built) the public
    projection and the name indexes (possibly with changes still to apply)."""

    view: View
    projection: Projection | None = None
    names: Names | None = None
    public_names: Names | None = None
    registry: Registry | None = None
    """Everyone, searchable by a piece of a name (analysts)."""
    public_registry: Registry | None = None
    """The public projection's persons, searchable by a piece of a name."""
    public_view: View | None = None
    """The unscoped view public figures are made from: protected persons at month precision
    (`View.month_precise`, `Projection.month_precise`), kept current like `view`."""


def advance(store: SqlStore, state: Current, changes: ChangeSet) -> Current | None:
    """The state after `changes`, from the records they touched as the store holds them now;
    None when they cannot be taken in (the caller builds afresh)."""
    if changes.empty:
        return state
    fresh = Fresh.read(
        store,
        set(changes.persons),
        set(changes.sources),
        changes.deals,
        changes.observations,
        state.view.links,
    )
    view = state.view.updated(fresh)
    if view is None:
        return None
    before = {pid: state.view.persons.get(pid) for pid in fresh.persons}
    projection = None
    if state.projection is not None:
        cleared = cleared_of(store) if changes.clearances else state.projection.cleared
        projection = state.projection.updated(
            view.persons, view.sources, before, set(changes.sources), cleared
        )
    names = None
    if state.names is not None:
        change = _everyone_names(state.view.persons, view.persons, fresh.persons)
        names = pending(state.names).then(change)
    public_names = None
    if state.public_names is not None and state.projection is not None and projection:
        change = _public_names(state.projection, projection, fresh.persons)
        public_names = pending(state.public_names).then(change)
    touched = set(fresh.persons) | set(fresh.events)
    registry = None
    if state.registry is not None:
        registry = state.registry.updated(
            lambda pid: _kept(view.persons.get(pid)),
            touched,
            lambda pid: view.by_person.get(pid, ()),
            _same,
        )
    public_registry = None
    if state.public_registry is not None and state.projection is not None and projection:
        old = state.projection
        moved = old.names is not projection.names or old.protected != projection.protected
        public_registry = state.public_registry.updated(
            projection.persons.get,
            touched | projection.shown_changed(old) if moved else touched,
            lambda pid: view.by_person.get(pid, ()),
            projection.text,
            old.text if old.names is not projection.names else None,
        )
    public_view = None
    if state.public_view is not None and projection is not None:
        public_view = _public_view(store, state.public_view, fresh, projection.month_precise)
    return Current(view, projection, names, public_names, registry, public_registry, public_view)


def _public_view(
    store: SqlStore, held: View, fresh: Fresh, month_precise: frozenset[str]
) -> View | None:
    """The public view after a change: the touched persons read again and folded, those held
    at month precision as known at the end of the month before the one the view is for
    (`View.through`: a write to them changes nothing here until the month turns), and every
    person whose dates' precision moved (protected, or no longer, by their own protection or
    by a merge) read and folded again too. None: built afresh when asked for."""
    moved = held.month_precise ^ month_precise
    read = Fresh.read(
        store,
        set(fresh.persons) | set(moved),
        set(),
        False,
        False,
        held.links,
        month_precise,
        held.through,
    )
    both = replace(read, sources=fresh.sources, deals=fresh.deals, observations=fresh.observations)
    return held.updated(both, month_precise)


def public_view_of(store: SqlStore, view: View, month_precise: frozenset[str], today: date) -> View:
    """The unscoped public view for `today` made from the analysts' `view` (at its exact
    dates, as they are now): only the `month_precise` persons (`Projection.month_precise`)
    are read again, as known at the end of the month before today's (`services.known`), and
    folded at month precision; equal to `View.load(store, Scope(), month_precise, today)`,
    which it falls back to."""
    through = known.month_precise_cutoff(None, today)
    fresh = Fresh.read(
        store, set(month_precise), set(), False, False, view.links, month_precise, through
    )
    made = view.updated(fresh, month_precise, through)
    return made if made is not None else View.load(store, Scope(), month_precise, today)


def _kept(p: Person | None) -> Person | None:
    """A person as analysts search them: not a record merged into another."""
    return p if p is not None and p.merged_into is None else None


def _same(value: str | None) -> str | None:
    return value


def protection_related(before: View, after: View, changes: ChangeSet) -> bool:
    """Whether a change bears on what the public may see: a touched person who was or is
    protected (any level but public), or a clearance. Figures computed before such a change
    are never served after it, not even while new ones are computed (`web.context.Ledger`)."""
    if changes.clearances:
        return True
    for pid in changes.persons:
        for view in (before, after):
            p = view.persons.get(pid)
            if p is not None and p.protection is not Protection.PUBLIC:
                return True
    return False


def may_bear_on_protection(store: SqlStore, held: View, changes: ChangeSet) -> bool:
    """Whether a change not yet taken in may bear on what the public may see, judged before
    it is taken in, so that no request is answered from the state before it: a touched person
    who is protected in the state held or in the store now (a protection change, a protected
    person's rename, merge or events, a protected person added), a clearance, or a source
    (which texts the public may see is judged per source when the projection is made). A
    person who was protected only between the two and is public in both counts as public: the
    state held shows no more than the store does now. One read of the touched persons."""
    if changes.clearances or changes.sources:
        return True
    if not changes.persons:
        return False
    for pid in changes.persons:
        p = held.persons.get(pid)
        if p is not None and p.protection is not Protection.PUBLIC:
            return True
    return any(
        p.protection is not Protection.PUBLIC for p in store.persons(ids=sorted(changes.persons))
    )


@dataclass(frozen=True, slots=True)
class NameChange:
    """Persons whose entries leave a name index, and those entering it (id, display name,
    every name), as `NameIndex.replaced` takes them."""

    removed: tuple[str, ...]
    added: tuple[tuple[str, str, tuple[str, ...]], ...]

    def apply(self, index: NameIndex) -> NameIndex:
        return (
            index if not (self.removed or self.added) else index.replaced(self.removed, self.added)
        )

    @staticmethod
    def merged(changes: Sequence[NameChange]) -> NameChange:
        """One change doing what `changes` do one after another: every person any of them
        takes out is taken out, and each person is put in as the last of them put them in,
        unless a later one took them out."""
        removed: dict[str, None] = {}
        added: dict[str, tuple[str, str, tuple[str, ...]] | None] = {}
        for c in changes:
            for pid in c.removed:
                removed[pid] = None
                added[pid] = None
            for entry in c.added:
                added[entry[0]] = entry
        return NameChange(
            tuple(removed), tuple(entry for entry in added.values() if entry is not None)
        )


def _everyone_names(
    old: dict[str, Person], new: dict[str, Person], touched: Iterable[str]
) -> NameChange:
    """The change to the analysts' index (`matching.build_index`: a merged person's names
    count for the person they joined) when the touched persons changed."""
    roots: set[str] = set()
    for pid in touched:
        roots.update((pid, resolve(old, pid), resolve(new, pid)))
    members: dict[str, list[Person]] = {}
    for p in new.values():
        if p.merged_into is not None:
            root = resolve(new, p.id)
            if root in roots:
                members.setdefault(root, []).append(p)
    added = []
    for root in sorted(roots):
        kept = new.get(root)
        if kept is None or kept.merged_into is not None:
            continue
        group = sorted([kept, *members.get(root, [])], key=lambda q: q.id)
        added.append((root, kept.name, tuple(n for q in group for n in q.all_names)))
    return NameChange(tuple(sorted(roots)), tuple(added))


def _public_names(old: Projection, new: Projection, touched: Iterable[str]) -> NameChange:
    """The change to the public index (public persons' own names) when the touched persons
    changed."""
    changed = tuple(pid for pid in touched if old.persons.get(pid) != new.persons.get(pid))
    added = tuple(
        (p.id, p.name, tuple(p.all_names))
        for pid in changed
        if (p := new.persons.get(pid)) is not None
    )
    return NameChange(changed, added)


def borrow_memos(store: SqlStore, view: View, public: View) -> int:
    """Give the analysts' `view` the figures the `public` view of the same version remembers
    and it does not (event tallies, series flows, designations per release; `View.tally`):
    the public's moved to exact dates, instead of every event counted again (0.6-1.1 s at
    100,000 persons / 1,000,000 events, for the first analyst asking after a start or for
    other figures than theirs). The two views differ only in the month-precise persons
    (`public_view_of`), so the public view with those persons read as they are now and
    folded at their exact dates (`View.updated`) is the analysts' view, and its memos are
    the public's shifted by those persons' events; only theirs are counted. Gives how many
    figures were taken; none when `public` cannot be moved so (then counted as before)."""
    wanted = (
        public.tallies.keys() - view.tallies.keys(),
        public.flows.keys() - view.flows.keys(),
        public.revolving.keys() - view.revolving.keys(),
    )
    if not any(wanted):
        return 0
    fresh = Fresh.read(store, set(public.month_precise), set(), False, False, public.links)
    moved = public.updated(fresh, frozenset(), None)
    if moved is None or len(moved.events) != len(view.events):
        return 0
    tallies, flows, revolving = wanted
    for key in tallies:
        view.tallies.setdefault(key, moved.tallies[key])
    for fkey in flows:
        view.flows.setdefault(fkey, moved.flows[fkey])
    for rkey in revolving:
        view.revolving.setdefault(rkey, moved.revolving[rkey])
    return len(tallies) + len(flows) + len(revolving)
