"""Every effective event of the ledger in order, held so that a write copies only what it touches.

The derived view (`figures.View`) keeps a million events in (earliest date, id) order. A write
re-folds a few persons and must leave the old view as it was for the requests still reading it,
so the new view cannot change the old list in place; copying the whole list on every write
costs tens of milliseconds and as much again to free. `EventRuns` holds the events in runs of
about `RUN` events: a change copies the list of runs (a few hundred references) and the runs
it touches, and shares every other run with the view before it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from itertools import chain, islice
from typing import Any, overload

from prisonwatch.core.records import Event

RUN = 2048
"""Events per run when the runs are made; a run that grows past twice this is split."""

Order = Callable[[Event], tuple[date, str]]


class EventRuns(Sequence[Event]):
    """Events in the order `key` gives them, in runs (never empty) shared between versions.
    Read only: `changed` gives a new sequence and leaves this one as it was."""

    __slots__ = ("_firsts", "_key", "_runs", "_starts")

    def __init__(self, events: Iterable[Event], key: Order) -> None:
        listed = list(events)
        self._key = key
        self._set([listed[i : i + RUN] for i in range(0, len(listed), RUN)])

    def _set(self, runs: list[list[Event]]) -> None:
        self._runs = runs
        self._firsts = [self._key(r[0]) for r in runs]
        starts, at = [], 0
        for r in runs:
            starts.append(at)
            at += len(r)
        starts.append(at)
        self._starts = starts

    def __reduce__(self) -> tuple[Any, ...]:
        return (_restore, (self._runs, self._key))

    def __len__(self) -> int:
        return self._starts[-1]

    def __iter__(self) -> Iterator[Event]:
        return chain.from_iterable(self._runs)

    @overload
    def __getitem__(self, i: int) -> Event: ...

    @overload
    def __getitem__(self, i: slice) -> list[Event]: ...

    def __getitem__(self, i: int | slice) -> Event | list[Event]:
        if isinstance(i, slice):
            return list(self)[i] if i.step or (i.start or 0) < 0 else _sliced(self, i)
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        k = bisect_right(self._starts, i) - 1
        return self._runs[k][i - self._starts[k]]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, EventRuns | list | tuple):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"EventRuns({len(self)} events in {len(self._runs)} runs)"

    def changed(self, removed: Iterable[Event], added: Iterable[Event]) -> EventRuns | None:
        """These events without `removed` and with `added`, in order; None when one of
        `removed` is not here (the caller loads afresh). Only the runs touched are copied."""
        runs = list(self._runs)
        firsts = list(self._firsts)
        copied: set[int] = set()

        def run_for(order: tuple[date, str]) -> int:
            k = max(0, bisect_right(firsts, order) - 1)
            if k not in copied:
                runs[k] = list(runs[k])
                copied.add(k)
            return k

        for e in removed:
            order = self._key(e)
            if not runs:
                return None
            run = runs[run_for(order)]
            at = bisect_left(run, order, key=self._key)
            if at == len(run) or run[at].id != e.id:
                return None
            del run[at]
        for e in added:
            if not runs:
                runs.append([])
                firsts.append(self._key(e))
            insort(runs[run_for(self._key(e))], e, key=self._key)
        kept: list[list[Event]] = []
        for k, run in enumerate(runs):
            if k in copied and len(run) > 2 * RUN:
                kept.extend(run[i : i + RUN] for i in range(0, len(run), RUN))
            elif run:
                kept.append(run)
        out = EventRuns.__new__(EventRuns)
        out._key = self._key
        out._set(kept)
        return out


def _sliced(runs: EventRuns, s: slice) -> list[Event]:
    start, stop, _ = s.indices(len(runs))
    return list(islice(iter(runs), start, stop))


def _restore(runs: list[list[Event]], key: Order) -> EventRuns:
    out = EventRuns.__new__(EventRuns)
    out._key = key
    out._set(runs)
    return out


def ordered(events: Sequence[Event], key: Order) -> EventRuns:
    """`events` (already in `key` order) as runs."""
    return events if isinstance(events, EventRuns) else EventRuns(events, key)
