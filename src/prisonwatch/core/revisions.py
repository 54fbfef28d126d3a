"""Revisions: how a record changes without ever being overwritten.

A record is stored once, as first recorded (revision 0). Every later change appends a
`Revision` carrying the whole record as it is after the change (or `record=None` for a void,
which withdraws the record without a replacement), who made it, when and why, and which
revision it was based on. The state of a record "as known at T" is a fold: the newest revision
made at or before T over the first version; the current state is the same fold with no limit.
Nothing here reads a clock or a database.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar

R = TypeVar("R")

KINDS = ("person", "event", "deal", "observation", "source", "claim", "judgement", "choice")
"""The record kinds that change by revisions."""


@dataclass(frozen=True, slots=True)
class Revision(Generic[R]):
    """One change of one record: the record after it (None for a void), with who, when, why.

    `seq` counts the record's revisions from 1 (the first version, as inserted, is 0);
    `supersedes` is the seq this revision replaced.
    """

    kind: str
    record_id: str
    seq: int
    record: R | None
    actor: str
    at: datetime
    why: str
    supersedes: int

    @property
    def void(self) -> bool:
        return self.record is None


class StaleRevisionError(Exception):
    """An edit based on a revision that is no longer the newest: someone changed it meanwhile."""

    def __init__(self, kind: str, record_id: str, based_on: int, newest: Revision[Any] | None):
        if newest is None:
            text = (
                f"{kind} {record_id!r} has no revision {based_on}: its newest is revision 0 "
                "(the first version)"
            )
        else:
            text = (
                f"{kind} {record_id!r} was changed by revision {newest.seq} "
                f"({newest.actor}, {newest.at.isoformat(timespec='seconds')}: {newest.why!r}) "
                f"after revision {based_on} that this edit is based on; "
                "reload it and make the edit again"
            )
        super().__init__(text)
        self.newest_seq = newest.seq if newest is not None else 0


def visible(revisions: Iterable[Revision[R]], as_of: datetime | None) -> list[Revision[R]]:
    """The revisions made at or before `as_of` (all when None), in order of seq."""
    found = [r for r in revisions if as_of is None or r.at <= as_of]
    return sorted(found, key=lambda r: r.seq)


def fold(first: R, revisions: Iterable[Revision[R]], as_of: datetime | None = None) -> R | None:
    """The record as known at `as_of`: the newest visible revision over the first version;
    None when that revision is a void."""
    seen = visible(revisions, as_of)
    if not seen:
        return first
    return seen[-1].record


def fold_all(
    firsts: Iterable[R],
    revisions: Mapping[str, Sequence[Revision[R]]],
    id_of: Any,
    as_of: datetime | None = None,
) -> list[R]:
    """Every record folded, voided ones left out, in the order of `firsts`."""
    out: list[R] = []
    for first in firsts:
        folded = fold(first, revisions.get(id_of(first), ()), as_of)
        if folded is not None:
            out.append(folded)
    return out


def newest_seq(revisions: Sequence[Revision[Any]]) -> int:
    """The seq an edit of the current state is based on (0 when never revised)."""
    return max((r.seq for r in revisions), default=0)


def check_based_on(
    kind: str, record_id: str, revisions: Sequence[Revision[Any]], based_on: int | None
) -> None:
    """Refuse an edit based on an older revision than the newest (`based_on` None: newest)."""
    if based_on is None:
        return
    if not revisions:
        if based_on != 0:
            raise StaleRevisionError(kind, record_id, based_on, None)
        return
    newest = max(revisions, key=lambda r: r.seq)
    if based_on != newest.seq:
        raise StaleRevisionError(kind, record_id, based_on, newest)


def diff(before: object | None, after: object | None) -> dict[str, tuple[Any, Any]]:
    """Field → (old, new) for every field that differs between two versions of a record
    (dataclasses); a void or a first version compares with nothing."""
    old = _fields(before)
    new = _fields(after)
    return {
        k: (old.get(k), new.get(k))
        for k in dict.fromkeys([*old, *new])
        if old.get(k) != new.get(k) and k != "recorded_at"
    }


def _fields(record: object | None) -> dict[str, Any]:
    if record is None or not dataclasses.is_dataclass(record) or isinstance(record, type):
        return {}
    return {f.name: getattr(record, f.name) for f in dataclasses.fields(record)}
