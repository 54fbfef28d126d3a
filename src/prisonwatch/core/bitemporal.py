""" "As known on K": the ledger as it stood on an earlier day.

Every record carries when it was recorded. A query with `known_on=K` sees only records recorded
by the end of day K, so a figure published on K can be reproduced from what was known then and
compared with what is known now. Corrections are records too: an event superseded before K is
hidden, one superseded after K still counts as known on K.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, time
from typing import Protocol, TypeVar

from prisonwatch.core.records import Event


class _Recorded(Protocol):
    @property
    def recorded_at(self) -> datetime: ...


R = TypeVar("R", bound=_Recorded)


def cutoff(known_on: date) -> datetime:
    """The last moment of day `known_on`: records up to and including it are known."""
    return datetime.combine(known_on, time.max)


def known_by(records: Iterable[R], known_on: date | None) -> list[R]:
    """The records recorded by the end of `known_on` (all of them when it is None)."""
    if known_on is None:
        return list(records)
    limit = cutoff(known_on)
    return [r for r in records if r.recorded_at <= limit]


def effective_events(events: Sequence[Event], known_on: date | None = None) -> list[Event]:
    """The events in force: known by `known_on`, not superseded by a correction, not voids."""
    visible = known_by(events, known_on)
    superseded = {e.supersedes for e in visible if e.supersedes is not None}
    return [e for e in visible if e.id not in superseded and not e.void]
