"""Restoring a void record (both backends): it comes back as it was before the void, as a
revision with who, when and why, audited; under the rules of add and edit, so a restore that
would break a timeline, or that names a void record, is refused with the reason and writes
nothing."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prisonwatch.core.bitemporal import effective_events
from prisonwatch.services import editing, importing
from prisonwatch.storage.sql import SqlStore

NOW = datetime(2026, 11, 29, 12, 0)
PERSONS = (
    "id,name,country,recorded_at\n"
    "by-r-ales,Ales Restorovich,BY,2025-01-01\n"
    "by-r-olga,Olga Restorovna,BY,2025-01-01\n"
)
DEALS = (
    "id,date,country,parties,reported_released,recorded_at\n"
    "BY-R-DEAL,2021-01-01,BY,A|B,1,2025-01-01\n"
)
EVENTS = (
    "id,person_id,kind,date,mechanism,deal_id,recorded_at\n"
    "r-det,by-r-ales,detained,2020-01-01,,,2025-01-01\n"
    "r-rel,by-r-ales,released,2021-01-01,pardon,BY-R-DEAL,2025-01-01\n"
    "o-det,by-r-olga,detained,2020-02-01,,,2025-01-01\n"
)


def _load(store: SqlStore, tmp: Path) -> SqlStore:
    files = []
    for name, text in (("persons_r", PERSONS), ("deals_r", DEALS), ("events_r", EVENTS)):
        path = tmp / f"{name}.csv"
        path.write_text(text, encoding="utf-8")
        files.append(path)
    report = importing.import_files(store, files, "tester", NOW)
    assert report.ok, report.problems
    return store


def _events(store: SqlStore) -> list[str]:
    return sorted(e.id for e in effective_events(store.events()))


def test_a_voided_event_is_restored_as_it_was_with_its_reason_audited(
    store: SqlStore, tmp_path: Path
) -> None:
    _load(store, tmp_path)
    (before,) = store.events(ids=["r-rel"])
    editing.void(store, "event", "r-rel", "ana", NOW, "duplicate?")
    assert "r-rel" not in _events(store)
    rev = editing.restore(store, "event", "r-rel", "ana", NOW, "it was not a duplicate")
    assert rev.seq == 2 and rev.record == before
    assert "r-rel" in _events(store)
    steps = editing.history(store, "event", "r-rel")
    assert [(s.seq, s.void, s.why) for s in steps][1:] == [
        (1, True, "duplicate?"),
        (2, False, "it was not a duplicate"),
    ]
    assert any(a.record_id == "r-rel" for a in store.audit_log("r-rel") if a.after is not None)
    # a restored record can be edited and voided again, like any other
    editing.edit(store, "event", "r-rel", {"note": "checked"}, "ana", NOW, "checked", 2)
    editing.void(store, "event", "r-rel", "ana", NOW, "voided again")
    assert "r-rel" not in _events(store)


def test_a_restore_is_refused_when_there_is_nothing_to_restore_or_no_reason(
    store: SqlStore, tmp_path: Path
) -> None:
    _load(store, tmp_path)
    with pytest.raises(editing.EditError, match="not void"):
        editing.restore(store, "event", "r-rel", "ana", NOW, "why")
    with pytest.raises(editing.UnknownRecordError, match="there is no event"):
        editing.restore(store, "event", "nope", "ana", NOW, "why")
    editing.void(store, "event", "r-rel", "ana", NOW, "x")
    with pytest.raises(editing.EditError, match="say why"):
        editing.restore(store, "event", "r-rel", "ana", NOW, "  ")
    with pytest.raises(editing.StaleEditError):
        editing.restore(store, "event", "r-rel", "ana", NOW, "why", based_on=0)
    with pytest.raises(editing.EditError, match="unknown kind"):
        editing.restore(store, "colour", "r-rel", "ana", NOW, "why")
    assert "r-rel" not in _events(store)


def test_a_restore_that_would_break_a_timeline_is_refused_with_the_reason(
    store: SqlStore, tmp_path: Path
) -> None:
    _load(store, tmp_path)
    editing.void(store, "event", "r-rel", "ana", NOW, "wrong date")
    later = {"person_id": "by-r-ales", "kind": "released", "date": "2022-03-01"}
    editing.add(store, "event", {**later, "id": "r-rel-2"}, "ana", NOW)
    state = (_events(store), editing.history(store, "event", "r-rel"))
    with pytest.raises(editing.EditError, match="would break the timeline") as err:
        editing.restore(store, "event", "r-rel", "ana", NOW, "back")
    assert "r-rel-2" in str(err.value)
    assert (_events(store), editing.history(store, "event", "r-rel")) == state
    editing.void(store, "event", "r-rel-2", "ana", NOW, "the first date was right")
    editing.restore(store, "event", "r-rel", "ana", NOW, "the first date was right")
    assert "r-rel" in _events(store)


def test_what_a_restored_record_names_must_be_in_force_first(
    store: SqlStore, tmp_path: Path
) -> None:
    _load(store, tmp_path)
    editing.void(store, "event", "o-det", "ana", NOW, "wrong person")
    editing.void(store, "person", "by-r-olga", "ana", NOW, "no such person")
    with pytest.raises(editing.EditError, match="person 'by-r-olga' is void: restore it first"):
        editing.restore(store, "event", "o-det", "ana", NOW, "back")
    editing.restore(store, "person", "by-r-olga", "ana", NOW, "she exists")
    editing.restore(store, "event", "o-det", "ana", NOW, "back")
    assert "o-det" in _events(store)
    editing.void(store, "event", "r-rel", "ana", NOW, "not in the deal")
    editing.void(store, "deal", "BY-R-DEAL", "ana", NOW, "no such deal")
    with pytest.raises(editing.EditError, match="deal 'BY-R-DEAL' is void: restore it first"):
        editing.restore(store, "event", "r-rel", "ana", NOW, "back")
    editing.restore(store, "deal", "BY-R-DEAL", "ana", NOW, "it happened")
    editing.restore(store, "event", "r-rel", "ana", NOW, "back")
    assert [d.id for d in store.deals()] == ["BY-R-DEAL"]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    word=st.text(max_size=12),
    record_id=st.text(max_size=40),
    why=st.one_of(st.none(), st.text(max_size=30)),
)
def test_bad_restores_are_refused_cleanly(
    store: SqlStore, word: str, record_id: str, why: str | None
) -> None:
    """Any kind word, id and reason: a clean refusal (EditError), never another exception,
    and nothing written (there is nothing void in an empty registry)."""
    with pytest.raises(editing.EditError):
        editing.restore(store, word, record_id, "ana", NOW, why)
