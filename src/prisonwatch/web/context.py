"""Per-request context: who is asking (public, analyst, admin) and the ledger as they may see it.

The derived ledger (`figures.View`) is cached and served from memory. When the database changes
(its audit log grows), the unscoped view, the public projection and the name indexes are
brought up to date from the change feed (`services.derived`): only the persons and records the
new audit entries name are read and folded in. The rest is built again on demand.

Each request asks the store for its version once (`OneVersionPerRequest`, one indexed read),
so that no answer is made from a state older than a protection-related change the store held
when the request came in, whichever process made it. Taking a change in runs beside the
requests, not under the lock they share: they go on reading the previous state, which is never
changed, until the new one is swapped in, unless the change bears on protection; then they
wait for it.

The caches are bounded: a few named entries (the registry, the name index, the public
projection), and least-recently-used entries keyed by request values (a view per scope,
figures per scope and dates), so that no pattern of requests, however many distinct `on`,
`known_on` or `org` values it sends, grows the server past a fixed number of entries.
"""

from __future__ import annotations

import gc
import logging
import threading
import time
from collections import OrderedDict
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from starlette.types import ASGIApp, Receive, Scope, Send

from prisonwatch.core.month_precision import month_start
from prisonwatch.core.records import Person
from prisonwatch.names.matcher import NameIndex
from prisonwatch.services import accounts, derived, figures, known, snapshot, start_answers
from prisonwatch.services.public import Projection, cleared_of, id_key_of
from prisonwatch.storage.accounts import AccountStore, User
from prisonwatch.storage.sql import SqlStore

log = logging.getLogger("prisonwatch.web")

SESSION_COOKIE = "pw_session"
ADVANCE_WAIT = 120.0
"""Seconds a request waits for a protection-related change to be taken in before it fails
(answering from the state before it is never the fallback)."""
MAX_VIEWS = 4
"""Derived views (one per scope) kept at once: each holds every event of its scope."""
BUILD_WAIT = 120.0
"""Seconds a request waits for another one's build of the same entry before building it too."""
UNSCOPED = ("view", figures.Scope())
"""The key of the unscoped view, the one kept current write by write."""
PUBLIC_VIEW = "view:public"
"""The key of the unscoped public view (`public_view`), kept current write by write."""
MAX_ENTRIES = 256
"""Other results keyed by request values (figures per scope and dates) kept at once."""
SERVED_WHILE_BUILDING = frozenset({"stats"})
"""Kinds of entry (a tuple key's first element) whose value from an earlier version may be
served while one request computes the current one: figures only, which every reader asks for
after each write. Never the projection, the name indexes or anything a viewer's rights are
judged from; and never across a change that bears on protection (`derived.protection_related`).
The public rows are made from such figures with the current projection (`present.stats`)."""


class _Seen:
    """The store's version as one request found it: asked once, at the request's first need."""

    __slots__ = ("version",)

    def __init__(self) -> None:
        self.version: int | None = None


_request: ContextVar[_Seen | None] = ContextVar("prisonwatch_request", default=None)


class OneVersionPerRequest:
    """Marks each HTTP request so that the ledger asks the store's version once per request,
    not once per cached entry the request reads. A plain ASGI middleware (no task of its own);
    the holder is shared with the threads the request's handlers run in (their context is a
    copy of this one, holding the same object)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        token = _request.set(_Seen())
        try:
            await self.app(scope, receive, send)
        finally:
            _request.reset(token)


class Lru:
    """A dict that keeps at most `size` entries, forgetting the least recently used."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[Any, Any] = OrderedDict()

    def get(self, key: Any) -> tuple[bool, Any]:
        if key not in self._items:
            return False, None
        self._items.move_to_end(key)
        return True, self._items[key]

    def put(self, key: Any, value: Any) -> None:
        self._items[key] = value
        self._items.move_to_end(key)
        while len(self._items) > self.size:
            self._items.popitem(last=False)

    def items(self) -> list[tuple[Any, Any]]:
        return list(self._items.items())

    def clear(self) -> None:
        self._items.clear()

    def __len__(self) -> int:
        return len(self._items)


def held_for_good() -> None:
    """Leave every object held now out of later garbage collections (`gc.freeze`), after
    collecting what is garbage already: called when a named entry (the ledger's view, the
    projection, a name index, a registry) of a large ledger has been built from the store, a
    few times in a server's life (`Ledger._settle`). Those entries hold millions of objects
    at scale; a full collection walked them all, seconds at 100,000 persons, and the first
    came during the first writes after a build (the build's survivors counted as new).
    Objects frozen are still freed by reference counting when a later state replaces them;
    only objects alive at that moment that later become garbage in a reference cycle are
    never collected, once per build. The state made write by write (`services.derived`) is
    not frozen: it is little.

    With the built state frozen, the collector counts almost nothing as long-lived, so its
    rule that a full collection waits until the long-lived objects grew by a quarter no
    longer holds full collections back: one came every 70,000 allocations (a write reading a
    few thousand records made several, each walking every object made since the freeze).
    Full collections are made to wait for `FULL_EVERY` younger ones instead of 10."""
    gc.collect()
    gc.freeze()
    young, middle, full = gc.get_threshold()
    if full < FULL_EVERY:
        gc.set_threshold(young, middle, FULL_EVERY)


FULL_EVERY = 100
"""Collections of the middle generation between two full collections, once the built state
is frozen (`held_for_good`; Python's default is 10)."""
FREEZE_FROM = 50_000
"""Effective events from which a built ledger is left out of garbage collections
(`held_for_good`): below, a full collection takes milliseconds."""


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


@dataclass(frozen=True, slots=True)
class Viewer:
    """Who is asking. `user` is None for the public."""

    user: User | None
    csrf: str | None = None
    via_token: bool = False

    @property
    def role(self) -> str:
        return self.user.role if self.user else "public"

    @property
    def analyst(self) -> bool:
        return self.role in ("analyst", "admin")


class Ledger:
    """The store, accounts, and cached derived views for one app."""

    def __init__(self, store: SqlStore, snapshot: Path | None = None) -> None:
        self.store = store
        self.snapshot = snapshot
        """Where the unscoped view is saved between starts (`services.snapshot`); None: not."""
        self.from_snapshot = 0
        """Times the unscoped view was taken from the snapshot file (for tests and benches)."""
        self._saving = threading.Lock()
        self._saved = -1
        self.accounts = AccountStore(store)
        # the key of public ids, made (an audited write) now if this store has none, not by
        # the first public answer: its audit entry would move the store's version under it
        id_key_of(store)
        self._lock = threading.Lock()
        self._moved = threading.Condition(self._lock)
        """Notified (holding `_lock`) whenever a new state is swapped in."""
        self._named: dict[Any, Any] = {}
        self._views = Lru(MAX_VIEWS)
        self._entries = Lru(MAX_ENTRIES)
        self._building: dict[Any, threading.Event] = {}
        self._version = -1
        """The version of the state served now (`_named`, `_views`, `_entries`)."""
        self._target = -1
        """The newest version some request or write found in the store: the one being built."""
        self._advancing = False
        """Whether a thread is taking changes in (`_advance_loop`); at most one at a time."""
        self._naming = False
        """Whether a thread is applying name-index changes (`_apply_pending_names`)."""
        self._classifying = threading.Lock()
        self._classified = -1
        """Versions up to this one are known to bear, or not, on protection (`_barrier`)."""
        self._barrier = -1
        """A version whose changes bear on protection (`derived.may_bear_on_protection`): no
        request that found it, or a later one, in the store is answered from a state before it."""
        self.advanced = 0
        """Changes taken in by the change feed (a count, for tests and benches)."""
        self.rebuilt = 0
        """Times everything was dropped to be built afresh (at start, or an undescribed change)."""
        self.waited = 0
        """Requests that waited for a protection-related change to be taken in."""
        self._previous = Lru(MAX_ENTRIES)
        """Figures (`SERVED_WHILE_BUILDING`) computed at earlier versions: key -> (version,
        value), served to a request that would otherwise wait for another one's build."""
        self._floor = 0
        """The first version figures may be served from: the last protection-related change
        (or full rebuild) moved it to the version it happened at."""
        self.served_previous = 0
        """Requests answered with figures of an earlier version while a build went on."""
        self._advances = 0
        """Times the derived state moved to another version (`_swap`)."""
        self._answers = Lru(start_answers.MAX_ANSWERS)
        """Answers to keep for the next start: key -> (version, bytes as text)."""
        self._start: start_answers.Saved | None = None
        self._start_read = False
        self._start_lock = threading.Lock()
        self.served_saved = 0
        """Requests answered from the answers saved by the previous server (`start_answers`)."""

    def version(self) -> int:
        """The store's version: the newest audit entry's id (`SqlStore.version`)."""
        return self.store.version()

    def invalidate(self) -> None:
        """A write was made through this app (or beside it, in a test): bring the derived
        state up to the store's version before going on, so that whoever wrote sees it in
        their next answer."""
        self._reach(self.version())

    def _catch_up(self) -> None:
        """Make the state served to this request one it may be answered from.

        In a request (`OneVersionPerRequest`) the store's version is asked once. When it is
        newer than the state held, the change is taken in by a thread of its own while the
        request is answered from the state held, unless the changes since bear on protection
        (`derived.may_bear_on_protection`): then the request waits for the new state. Outside
        a request (tests, tools) the state is always brought up to the store's version first.
        """
        seen = _request.get()
        if seen is None:
            self._reach(self.version())
            return
        if seen.version is None:
            seen.version = self.version()
        v = seen.version
        if v <= self._version:
            return
        if self._named.get(UNSCOPED) is None:
            self._reach(v)  # nothing kept yet to take a change into: cheap, done at once
            return
        if self._bears_on_protection(v):
            self.waited += 1
            self._reach(v)
        else:
            self._start_advance(v)

    def _bears_on_protection(self, v: int) -> bool:
        """Whether a change between the state held and version `v` bears on protection, or one
        taken note of before does and is not taken in yet. Each version range is judged once,
        by the first request that finds it (a read of its audit entries and of the touched
        persons' protection); the others wait for that judgement."""
        with self._classifying:
            if v > self._classified:
                lo = max(self._classified, self._version)
                if self._protection_changed(lo, v):
                    self._barrier = max(self._barrier, v)
                self._classified = v
        return self._barrier > self._version

    def _protection_changed(self, lo: int, v: int) -> bool:
        feed = self.store.changes(lo, v, derived.FEED_LIMIT)
        changes = derived.change_set(feed) if feed is not None else None
        if changes is None:
            return True  # cannot be described: taken in by a full rebuild, never served stale
        view = self._named.get(UNSCOPED)
        return view is None or derived.may_bear_on_protection(self.store, view, changes)

    def _start_advance(self, v: int) -> None:
        """Have the state taken up to (at least) version `v`, by one thread beside requests."""
        with self._lock:
            self._target = max(self._target, v)
            if self._advancing or self._target <= self._version:
                return
            self._advancing = True
        threading.Thread(target=self._advance_loop, name="prisonwatch-advance", daemon=True).start()

    def _reach(self, v: int) -> None:
        """Wait until the state served is at version `v` or later."""
        if v <= self._version:
            return
        with self._lock:
            if self._named.get(UNSCOPED) is None:
                # nothing kept to take changes into: move on at once, built again on demand
                self._swap({}, max(v, self._target), None, None)
                return
        self._start_advance(v)
        deadline = time.monotonic() + ADVANCE_WAIT
        with self._lock:
            while self._version < v:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise RuntimeError(f"derived state not brought to version {v} in time")
                self._moved.wait(left)

    def _advance_loop(self) -> None:
        """Take changes in until the state is at the newest version asked for. Runs in a
        thread of its own; requests go on reading the state held, which this never changes,
        and the new state is swapped in at once, under the lock (`_swap`). Whatever goes wrong
        drops everything, to be built afresh from the store: never a state left behind."""
        while True:
            with self._lock:
                base, target = self._version, self._target
                if target <= base:
                    self._advancing = False
                    if not self._naming:
                        self._naming = True
                        threading.Thread(
                            target=self._apply_pending_names, name="prisonwatch-names", daemon=True
                        ).start()
                    return
                state = self._state()
            try:
                after, changes = self._taken_in(state, base, target)
            except Exception:
                log.exception("taking changes %d..%d in failed: building afresh", base, target)
                after, changes = None, None
            with self._lock:
                if self._version != base:
                    continue  # moved meanwhile (nothing was kept): start from there
                if after is not None and changes is not None and state is not None:
                    self._swap(self._entries_of(after, changes), target, state, after, changes)
                else:
                    self._swap({}, target, None, None)

    def _taken_in(
        self, state: derived.Current | None, base: int, target: int
    ) -> tuple[derived.Current | None, derived.ChangeSet | None]:
        """The state after the changes from `base` to `target`; None when they cannot be
        taken in (everything is built afresh). Pure over `state`: it is left as it was."""
        if state is None or base < 0:
            return None, None
        feed = self.store.changes(base, target, derived.FEED_LIMIT)
        changes = derived.change_set(feed) if feed is not None else None
        after = derived.advance(self.store, state, changes) if changes is not None else None
        return after, changes

    def _swap(
        self,
        kept: dict[Any, Any],
        v: int,
        before: derived.Current | None,
        after: derived.Current | None,
        changes: derived.ChangeSet | None = None,
    ) -> None:
        """Serve the state `kept` at version `v` from now on (called holding the lock).

        Scoped views, figures per request and the registries are dropped and built again on
        demand. With nothing kept (no state yet, or a change that cannot be described)
        everything is built afresh, as at start."""
        if kept and before is not None and after is not None and changes is not None:
            self.advanced += 1
            if derived.protection_related(before.view, after.view, changes):
                self._forget_previous(v)
        else:
            self.rebuilt += 1
            self._forget_previous(v)
        self._named = kept
        self._views.clear()
        self._entries.clear()
        self._version = v
        self._advances += 1
        self._target = max(self._target, v)
        self._moved.notify_all()

    def _settle(self) -> None:
        """After a named entry was built (holding the lock): `held_for_good` when the
        ledger is large enough for full collections to cost more than a few milliseconds."""
        view = self._named.get(UNSCOPED)
        if view is not None and len(view.events) >= FREEZE_FROM:
            held_for_good()

    def _bucket(self, key: Any) -> Any:
        if isinstance(key, str) or key == UNSCOPED:
            return None  # named entries, and the unscoped view every page needs
        return self._views if key[0] == "view" else self._entries

    def cached(self, key: Any, build: Any) -> Any:
        """The value for `key`, built once per data version. A `str` key names one of a fixed
        few entries; a tuple key (holding request values) goes to a bounded LRU. The state is
        first made one this request may be answered from (`_catch_up`)."""
        self._catch_up()
        bucket = self._bucket(key)
        while True:
            with self._lock:
                v = self._version
                found, value = (
                    (key in self._named, self._named.get(key))
                    if bucket is None
                    else bucket.get(key)
                )
                if found and not isinstance(value, derived.PendingNames):
                    return value
                if found:
                    break  # a name index with changes to apply: outside the lock, below
                # one build per key and version: other requests wait for it instead of
                # building the same thing beside it (after a write, every reader would)
                busy = self._building.get((v, key))
                if busy is None:
                    mine = self._building[(v, key)] = threading.Event()
                    break
                # figures while another request computes them: the last ones computed, when
                # no protection-related change came since (readers do not queue behind writes)
                had, earlier = self._previous.get(key)
                if had and earlier[0] >= self._floor:
                    self.served_previous += 1
                    return earlier[1]
            busy.wait(BUILD_WAIT)
            if self._version != v:
                break  # the data moved on meanwhile: build for the version held now
        if found:
            # a name index with writes still to take in: applied now it is asked for (once:
            # another request, or the thread taking writes in, may be applying it already)
            assert isinstance(value, derived.PendingNames)
            return self._resolved(key, value)
        try:
            value = build()
            with self._lock:
                if self._version == v:
                    if bucket is None:
                        self._named[key] = value
                        self._settle()
                    else:
                        bucket.put(key, value)
                self._keep_previous(key, v, value)
            return value
        finally:
            if busy is None:
                with self._lock:
                    self._building.pop((v, key), None)
                mine.set()

    def _resolved(self, key: str, pending: derived.PendingNames) -> NameIndex:
        """The name index `pending` comes to, put in its place while it is still the entry
        held (computed outside the lock: requests for anything else go on meanwhile)."""
        index = pending.resolve()
        with self._lock:
            if self._named.get(key) is pending:
                self._named[key] = index
        return index

    def _apply_pending_names(self) -> None:
        """Apply the name indexes' waiting changes, in a thread of its own started once writes
        are taken in, so that the next search does not wait for them. A failure drops the
        index, to be built again when next asked for."""
        try:
            while self._apply_each_pending():
                pass  # more writes came meanwhile
        finally:
            with self._lock:
                self._naming = False

    def _apply_each_pending(self) -> bool:
        with self._lock:
            waiting = [
                (key, value)
                for key in ("names", "names:public")
                if isinstance(value := self._named.get(key), derived.PendingNames)
            ]
        for key, pending in waiting:
            try:
                self._resolved(key, pending)
            except Exception:
                log.exception("applying changes to the name index %s failed: dropped", key)
                with self._lock:
                    if self._named.get(key) is pending:
                        del self._named[key]
        return bool(waiting)

    def _keep_previous(self, key: Any, v: int, value: Any) -> None:
        """Remember figures computed at version `v` to serve while later ones are computed."""
        if not (isinstance(key, tuple) and key and key[0] in SERVED_WHILE_BUILDING):
            return
        if v < self._floor:
            return
        had, earlier = self._previous.get(key)
        if not had or earlier[0] <= v:
            self._previous.put(key, (v, value))

    def _forget_previous(self, v: int) -> None:
        """From version `v` on, serve no figures computed before it."""
        self._previous.clear()
        self._floor = v

    def _state(self) -> derived.Current | None:
        view = self._named.get(UNSCOPED)
        if view is None:
            return None
        return derived.Current(
            view,
            self._named.get("projection"),
            self._named.get("names"),
            self._named.get("names:public"),
            self._named.get("registry"),
            self._named.get("registry:public"),
            self._named.get(PUBLIC_VIEW),
        )

    def _entries_of(self, state: derived.Current, changes: derived.ChangeSet) -> dict[Any, Any]:
        kept: dict[Any, Any] = {UNSCOPED: state.view}
        for key, value in (
            ("projection", state.projection),
            ("names", state.names),
            ("names:public", state.public_names),
            ("registry", state.registry),
            ("registry:public", state.public_registry),
            (PUBLIC_VIEW, state.public_view),
        ):
            if value is not None:
                kept[key] = value
        if changes.empty:  # nothing derived changed: keep every named entry
            return {**self._named, **kept}
        return kept

    def cache_sizes(self) -> dict[str, int]:
        return {"named": len(self._named), "views": len(self._views), "entries": len(self._entries)}

    def view(self, scope: figures.Scope) -> figures.View:
        if scope == figures.Scope() and self.snapshot is not None:
            result: figures.View = self.cached(("view", scope), self._unscoped)
        else:
            result = self.cached(("view", scope), lambda: figures.View.load(self.store, scope))
        return result

    def borrow_figures(self) -> int:
        """Have the analysts' unscoped view take the figures the public view of the same
        state remembers and it does not (`derived.borrow_memos`), before analysts' figures
        are computed: only the month-precise persons' events are counted then, not every
        event. Gives how many were taken."""
        with self._lock:
            view, public = self._named.get(UNSCOPED), self._named.get(PUBLIC_VIEW)
        if view is None or public is None:
            return 0
        return derived.borrow_memos(self.store, view, public)

    def today(self) -> date:
        """The server's day: the live public figures read month-precise persons' records as
        known at the end of the month before its (`services.known`)."""
        return now().date()

    def public_month(self) -> date:
        """The first day of the month the live public figures are made for: part of the key
        of every cached public answer made from month-precise persons' records, so that on
        the 1st of a month they are made again with the month just ended taken in."""
        return month_start(self.today())

    def public_view(self, scope: figures.Scope) -> figures.View:
        """The view public figures are made from: `counts_only` persons' dates at month
        precision (`core.month_precision`), everyone else's exact; with no `known_on`, their
        records as known at the end of the month before today's (`services.known`), so that
        a live public figure moves by them on the 1st of a month only. The unscoped one is
        made from the analysts' view and kept current write by write (`derived.advance`), and
        made again when the month turns."""
        today = self.today()

        def unscoped() -> figures.View:
            view = self.view(figures.Scope())
            return derived.public_view_of(self.store, view, self.projection().month_precise, today)

        def scoped() -> figures.View:
            return figures.View.load(self.store, scope, self.projection().month_precise, today)

        if scope != figures.Scope():
            month = None if scope.known_on is not None else month_start(today)
            found: figures.View = self.cached(("view", scope, "public", month), scoped)
            return found
        result: figures.View = self.cached(PUBLIC_VIEW, unscoped)
        if result.through != known.month_precise_cutoff(None, today):
            # the month turned since it was made: made again (only the month-precise persons
            # are read again), and kept in its place while the data has not moved meanwhile
            v = self._version
            turned = unscoped()
            with self._lock:
                if self._version == v and self._named.get(PUBLIC_VIEW) is result:
                    self._named[PUBLIC_VIEW] = turned
            result = turned
        return result

    def _unscoped(self) -> figures.View:
        """The unscoped view from the snapshot file with the writes since taken in; or built
        from the store (then saved, in the background, for the next start)."""
        assert self.snapshot is not None
        v = self.version()
        view = self._from_snapshot(self.snapshot, v)
        if view is not None:
            self.from_snapshot += 1
            return view
        view = figures.View.load(self.store, figures.Scope())
        threading.Thread(target=self.save_snapshot, args=(view, v), daemon=True).start()
        return view

    def _from_snapshot(self, path: Path, v: int) -> figures.View | None:
        found = snapshot.load(path, self.store)
        if found is None:
            return None
        view, stamp = found
        if stamp.version < v:
            feed = self.store.changes(stamp.version, v, derived.FEED_LIMIT)
            changes = derived.change_set(feed) if feed is not None else None
            after = (
                derived.advance(self.store, derived.Current(view), changes)
                if changes is not None
                else None
            )
            if after is None:
                snapshot.log.warning(
                    "derived-state snapshot %s ignored: the %d writes since it was saved "
                    "cannot be taken in through the change feed; building afresh",
                    path,
                    v - stamp.version,
                )
                return None
            view = after.view
        else:
            self._saved = max(self._saved, stamp.version)  # the file holds this state already
        if not snapshot.protection_matches(self.store, view):
            snapshot.log.warning(
                "derived-state snapshot %s ignored: a person's protection differs from the "
                "store's; building afresh",
                path,
            )
            return None
        return view

    def saved_answer(self, key: str) -> str | None:
        """The answer the previous server gave to `key`, when the store is exactly as it was
        then (`start_answers`: same code, audit head and rows; the head is asked again here, so
        that after any write no saved answer is sent; logins and passwords set, which change no
        answer, are not such writes: `start_answers.ANSWER_NEUTRAL`). The first one sent starts
        loading the ledger in the background."""
        if self.snapshot is None:
            return None
        with self._start_lock:
            if not self._start_read:
                self._start_read = True
                path = start_answers.path_for(self.snapshot)
                self._start = start_answers.load(path, self.store, self.public_month())
            saved = self._start
            body = saved.answers.get(key) if saved is not None else None
            if saved is None or body is None:
                return None
            if start_answers.answer_head(self.store) > saved.version:
                self._start = None  # written to since: never again
                return None
            if self.public_month() != saved.month:
                self._start = None  # the month turned: the live public figures moved
                return None
            self.served_saved += 1
            with self._lock:
                self._answers.put(key, (saved.version, saved.month, body))
            if self.served_saved == 1:
                threading.Thread(target=self._warm, daemon=True).start()
            return body

    def _warm(self) -> None:
        """Load the ledger and the public projection (what requests answered from the saved
        answers did not need), so that the next requests are computed without waiting."""
        try:
            self.projection()
        except Exception:  # a failed warm-up is retried by the next request that needs it
            snapshot.log.exception("loading the ledger in the background failed")

    def settled(self) -> tuple[int, int, date]:
        """Bring the derived state to the store's version; a token (version, moves, month of
        the live public figures) that `keep_answer` compares with the state after the answer
        was computed."""
        self._catch_up()
        month = self.public_month()
        with self._lock:
            return self._version, self._advances, month

    def keep_answer(self, key: str, token: tuple[int, int, date], body: str) -> None:
        """Remember an answer for the next start, when the state did not move while it was
        computed (so every part of it was made at one version), nor the month turned."""
        if self.snapshot is None:
            return
        month = self.public_month()
        with self._lock:
            if (self._version, self._advances, month) == token:
                self._answers.put(key, (token[0], month, body))

    def save_answers(self) -> bool:
        """Write the answers still true at the current version beside the snapshot (done when
        the server stops): those made since the last entry that can change an answer (a login
        since changes none, `start_answers.ANSWER_NEUTRAL`); False when there are none or the
        store has moved on."""
        if self.snapshot is None:
            return False
        with self._lock:
            v = self._version
            kept = list(self._answers.items())
        floor = start_answers.answer_head(self.store)
        month = self.public_month()
        # only this month's: the live public figures of another month differ with no write
        answers = {k: body for k, (made, m, body) in kept if floor <= made <= v and m == month}
        path = start_answers.path_for(self.snapshot)
        return start_answers.save(path, self.store, v, answers, month)

    def stopped(self) -> None:
        """At shutdown: save the view (when not saved at this version yet) and the answers."""
        self.save_snapshot()
        self.save_answers()

    def save_snapshot(self, view: figures.View | None = None, v: int | None = None) -> bool:
        """Save the unscoped view (by default the one kept current, at the version it was
        brought to) to the snapshot file; False when there is no file or no view."""
        if self.snapshot is None:
            return False
        if view is None:
            with self._lock:
                view, v = self._named.get(UNSCOPED), self._version
        if view is None or v is None or v < 0:
            return False
        with self._saving:
            if v <= self._saved:
                return False  # this state, or a later one, was saved already
            snapshot.save(self.snapshot, view, v, self.store)
            self._saved = v
        return True

    def projection(self) -> Projection:
        """What the public may see, rebuilt when the data changes."""

        def build() -> Projection:
            view = self.view(figures.Scope())
            return Projection.of(
                view.persons.values(),
                view.sources.values(),
                cleared_of(self.store),
                self.store.former_names(),
                id_key_of(self.store),
                self.store.voided_persons(),
            )

        result: Projection = self.cached("projection", build)
        return result

    def names(self) -> NameIndex:
        """Everyone's names (analysts' search, matching), kept current by the change feed."""
        from prisonwatch.services.matching import build_index

        index: NameIndex = self.cached("names", lambda: build_index(self.store)[0])
        return index

    def names_for_writing(self) -> tuple[NameIndex, dict[str, Person]]:
        """The name index and every person as of now, for a write that matches names (an
        accept): copies the write may add to, while requests go on reading the originals."""
        self.invalidate()
        index = self.names()
        return index.fork(), self.view(figures.Scope()).persons.copy()

    def viewer(self, session_token: str | None, bearer: str | None) -> Viewer:
        if bearer:
            user = accounts.token_user(self.accounts, bearer, now())
            return Viewer(user, None, True) if user else Viewer(None)
        s = accounts.session(self.accounts, session_token, now())
        return Viewer(s.user, s.csrf) if s else Viewer(None)
