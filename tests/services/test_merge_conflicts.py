"""Two records of one person that tell an event differently are conflicts once merged
(session 8): `merge` printed the disagreements and the person's page showed them, but the
conflict workflow (`prisonwatch conflicts`, the review page) never listed them, so no analyst
could choose between them and say why. Now each is a conflict `merge|EVENT` while the merge
stands; an unmerge takes it away; agreeing records make none (fails on the code before)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from prisonwatch.core.dates import FuzzyDate
from prisonwatch.core.records import Event, Person
from prisonwatch.core.vocabulary import EventKind
from prisonwatch.services import conflicts, matching
from prisonwatch.storage.port import Batch
from prisonwatch.storage.sql import SqlStore

AT = datetime(2026, 3, 1, 9, 0)


def _event(eid: str, pid: str, kind: EventKind, day: date) -> Event:
    return Event(eid, pid, kind, FuzzyDate.day(day), AT, recorded_by="ana")


@pytest.fixture
def twice(store: SqlStore) -> SqlStore:
    """One man entered twice: both say he was sentenced on 10 May; one says detained on
    3 January, the other on 5 January."""
    store.apply(
        Batch(
            persons=[Person("by-a", "Ales Bialiacki", AT), Person("by-b", "Ales Bialatski", AT)],
            events=[
                _event("a-det", "by-a", EventKind.DETAINED, date(2025, 1, 3)),
                _event("a-sen", "by-a", EventKind.SENTENCED, date(2025, 5, 10)),
                _event("b-det", "by-b", EventKind.DETAINED, date(2025, 1, 5)),
                _event("b-sen", "by-b", EventKind.SENTENCED, date(2025, 5, 10)),
            ],
        ),
        "ana",
        AT,
    )
    return store


def _merge_conflicts(store: SqlStore) -> list[conflicts.Conflict]:
    return [c for c in conflicts.find(store) if c.key.startswith("merge|")]


def test_a_merge_lists_its_disagreements_as_conflicts_until_unmerged(twice: SqlStore) -> None:
    assert _merge_conflicts(twice) == []
    said = matching.merge(twice, "by-a", "by-b", "ana", AT)
    assert len(said) == 1 and said[0].startswith("b-det")
    found = _merge_conflicts(twice)
    assert [c.key for c in found] == ["merge|b-det"]  # the sentences agree: no conflict
    assert [(o["id"], o["value"], o["record"]) for o in found[0].options] == [
        ("a-det", "2025-01-03", "by-a"),
        ("b-det", "2025-01-05", "by-b"),
    ]
    conflicts.choose(twice, "merge|b-det", "a-det", "bo", AT, "court record says 3 January")
    chosen = _merge_conflicts(twice)[0].chosen
    assert chosen is not None and chosen["chosen"] == "a-det" and chosen["by"] == "bo"
    with pytest.raises(conflicts.ConflictError):
        conflicts.choose(twice, "merge|b-det", "a-sen", "bo", AT, "not an option")
    matching.unmerge(twice, "by-b", "ana", AT, "two different men")
    assert _merge_conflicts(twice) == []
