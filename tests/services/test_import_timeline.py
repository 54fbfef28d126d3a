"""An import that corrects stored events is refused when the timeline it leaves cannot be true,
as `edit` refuses the same correction: a release may not be left with no custody before it."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from prisonwatch.core.bitemporal import effective_events
from prisonwatch.services import importing
from prisonwatch.storage.sql import SqlStore

NOW = datetime(2026, 1, 5, 12, 0)
PERSONS = "id,name\np1,Anna Example\n"
EVENTS = (
    "id,person_id,kind,date,mechanism,recorded_at\n"
    "d1,p1,detained,2023-01-01,,2025-01-01\n"
    "r1,p1,released,2025-06-21,pardon,2025-07-01\n"
)


def _import(store: SqlStore, tmp: Path, name: str, text: str, why: str | None = None) -> list[str]:
    path = tmp / name
    path.write_text(text, encoding="utf-8")
    report = importing.import_files(store, [path], "tester", NOW, update_why=why)
    return [f"{p.where}: {p.field}: {p.reason}" for p in report.problems]


def _in_force(store: SqlStore) -> list[tuple[str, str]]:
    events = effective_events(store.events(["p1"]))
    return sorted((e.id, str(e.date)) for e in events)


@pytest.fixture
def stored(store: SqlStore, tmp_path: Path) -> SqlStore:
    assert _import(store, tmp_path, "persons.csv", PERSONS) == []
    assert _import(store, tmp_path, "events.csv", EVENTS) == []
    return store


@pytest.mark.parametrize(
    ("text", "why"),
    [
        # a correction that moves the detention after the release
        ("id,person_id,kind,date,supersedes\nd2,p1,detained,2025-07-01,d1\n", None),
        # a void of the only detention before the release
        ("id,person_id,kind,date,supersedes,void\nd2,p1,detained,2023-01-01,d1,true\n", None),
        # the stored detention itself, redated under its own id
        ("id,person_id,kind,date,recorded_at\nd1,p1,detained,2025-07-01,2025-01-01\n", "redate"),
    ],
    ids=["superseded", "voided", "updated"],
)
def test_a_correction_leaving_a_release_without_custody_is_refused(
    stored: SqlStore, tmp_path: Path, text: str, why: str | None
) -> None:
    before = _in_force(stored)
    problems = _import(stored, tmp_path, "events_fix.csv", text, why)
    assert any(
        p.startswith(f"{tmp_path / 'events_fix.csv'}:2: kind: ")
        and "stored event r1 would be wrong: released on 2025-06-21 with no custody before it" in p
        for p in problems
    ), problems
    assert _in_force(stored) == before  # nothing written


def test_a_correction_that_keeps_the_timeline_true_is_accepted(
    stored: SqlStore, tmp_path: Path
) -> None:
    text = "id,person_id,kind,date,supersedes\nd2,p1,detained,2023-02-01,d1\n"
    assert _import(stored, tmp_path, "events_fix.csv", text) == []
    assert _in_force(stored) == [("d2", "2023-02-01"), ("r1", "2025-06-21")]
