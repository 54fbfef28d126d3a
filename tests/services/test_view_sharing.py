"""A view kept current leaves the view it came from as it was, and shares with it the
per-person maps a change did not touch: a rename copies the persons but not each person's
events, custody, intervals or problems (100,000 entries each at scale); an event's new date
copies those, and the old view still holds the old date. Both equal a view loaded afresh."""

from __future__ import annotations

import copy
from datetime import datetime
from importlib import resources

from prisonwatch.core.dates import FuzzyDate
from prisonwatch.core.vocabulary import EventKind
from prisonwatch.services import editing, importing
from prisonwatch.services.figures import Fresh, Scope, View
from prisonwatch.storage.sql import SqlStore

AT = datetime(2026, 11, 30, 12, 0)
MAPS = ("persons", "by_person", "custody", "political", "problems_by")


def _sample(store: SqlStore) -> SqlStore:
    folder = resources.files("prisonwatch") / "sample_data"
    with resources.as_file(folder) as path:
        files = [path / f for f in ("persons.csv", "deals.csv", "events.csv")]
        report = importing.import_files(store, files, "t", AT)
    assert report.ok, report.problems
    return store


def _after(store: SqlStore, view: View, pid: str) -> View:
    fresh = Fresh.read(store, {pid}, set(), False, False)
    new = view.updated(fresh)
    assert new is not None
    return new


def test_a_rename_shares_the_per_person_maps_and_leaves_the_old_view(store: SqlStore) -> None:
    _sample(store)
    view = View.load(store, Scope())
    kept = {name: copy.deepcopy(getattr(view, name)) for name in MAPS}
    pid = next(iter(view.by_person))
    editing.edit(store, "person", pid, {"name": "Renamed Person"}, "t", AT, "test")
    new = _after(store, view, pid)
    assert new.persons[pid].name == "Renamed Person"
    for name in MAPS:
        assert getattr(view, name) == kept[name], f"{name} of the old view changed"
    for name in ("by_person", "custody", "political", "problems_by"):
        assert getattr(new, name) is getattr(view, name), f"{name} copied for a rename"
    _same_as_loaded(store, new)


def test_an_event_date_copies_the_maps_it_changes_only(store: SqlStore) -> None:
    _sample(store)
    view = View.load(store, Scope())
    kept = {name: copy.deepcopy(getattr(view, name)) for name in MAPS}
    event = next(e for evs in view.by_person.values() for e in evs if e.kind is EventKind.DETAINED)
    moved = FuzzyDate.day(event.date.earliest.replace(day=1))
    if moved == event.date:
        moved = FuzzyDate.day(event.date.earliest.replace(day=2))
    editing.edit(store, "event", event.id, {"date": str(moved)}, "t", AT, "test")
    new = _after(store, view, event.person_id)
    assert any(e.date == moved for e in new.by_person[event.person_id])
    for name in MAPS:
        assert getattr(view, name) == kept[name], f"{name} of the old view changed"
    assert new.by_person is not view.by_person
    assert new.persons is view.persons or new.persons == view.persons
    _same_as_loaded(store, new)


def _same_as_loaded(store: SqlStore, view: View) -> None:
    loaded = View.load(store, Scope())
    for name in MAPS:
        assert getattr(view, name) == getattr(loaded, name), f"{name} differs from a load"
    assert list(view.events) == list(loaded.events)
