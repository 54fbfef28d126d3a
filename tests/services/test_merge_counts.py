"""A merged person counts once: figures, custody, deals and exports after `merge` are those of
a store where the duplicate was never entered, and `unmerge` gives back the figures and export
bytes of before (session 7: a merge redirected names only, so one prisoner was counted twice in
the stock, the flows, the deals' released counts and the export rows)."""

from __future__ import annotations

import dataclasses
import json
import shutil
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prisonwatch.core.bitemporal import effective_events
from prisonwatch.core.dates import FuzzyDate
from prisonwatch.core.records import Event, Person
from prisonwatch.core.vocabulary import Protection
from prisonwatch.services import custody, exporting, figures, importing, matching
from prisonwatch.services.derived import Current, advance, change_set
from prisonwatch.storage.port import Batch
from prisonwatch.storage.sql import SqlStore
from tests.cli.conftest import SAMPLE_FILES

NOW = datetime(2026, 11, 29, 12, 0)
AT = datetime(2026, 11, 30, 9, 0)
ON = date(2026, 11, 1)
KEEP = "by-kastusiou-ryhor"
"""Detained, recognised and released in a pardon: each of his facts counts in some figure."""
WITH_DEALS = "by-statkevich-mikola"
"""Freed in a deal: his release counts in the deals' released figures."""


def figures_of(store: SqlStore) -> dict[str, Any]:
    """Every figure a user is shown, as one comparable value: stock and flows (stats over a
    range), recognitions, deals and their released counts, custody by article and term end,
    and the public export's bytes."""
    scope = figures.Scope()
    view = figures.View.load(store, scope)
    public = json.dumps(exporting.export_records(store, False, AT), sort_keys=True)
    return {
        "stats": figures.stats(view, scope, ON, date(2020, 1, 1), ON),
        "released": figures.released_in_deals(view, scope, ON),
        "deals": figures.deals(view, scope),
        "custody": custody.figures(store, ON),
        "export": public,
    }


@pytest.fixture(scope="module")
def template(tmp_path_factory: Any) -> Path:
    """The sample ledger in a SQLite file, copied for each generated example."""
    folder: Path = tmp_path_factory.mktemp("template")
    store = SqlStore(f"sqlite:///{folder / 'ledger.db'}")
    store.migrate()
    _sample(store)
    store.close()
    return folder


def _sample(store: SqlStore) -> None:
    assert importing.import_files(store, [Path(p) for p in SAMPLE_FILES], "t", NOW).ok


def _own_events(store: SqlStore, pid: str) -> list[Event]:
    return list(effective_events(store.events([pid])))


def _enter_duplicate(store: SqlStore, keep: str, dup: str, which: list[int]) -> list[Event]:
    """Enter `dup`, a second record of `keep` (another spelling), with the facts of `keep`'s
    events at the positions `which` told again (other ids, recorded later)."""
    kept = store.person(keep)
    assert kept is not None
    theirs = _own_events(store, keep)
    copies = [
        dataclasses.replace(
            theirs[i % len(theirs)], id=f"{dup}-{n}", person_id=dup, recorded_at=NOW
        )
        for n, i in enumerate(sorted(set(which)))
    ]
    person = Person(dup, kept.name + " (2)", recorded_at=NOW, country=kept.country)
    store.apply(Batch(persons=[person], events=copies), "t", NOW)
    return copies


def test_merging_a_duplicate_gives_the_figures_of_a_store_without_it(
    store: SqlStore, tmp_path: Path
) -> None:
    _sample(store)
    want = figures_of(store)
    for keep in (KEEP, WITH_DEALS):
        n = len(_own_events(store, keep))
        _enter_duplicate(store, keep, keep + "-dup", list(range(n)))
    twice = figures_of(store)
    assert twice["stats"]["persons"] == want["stats"]["persons"] + 2
    assert twice["released"] != want["released"] or twice["stats"] != want["stats"]
    for keep in (KEEP, WITH_DEALS):
        assert matching.merge(store, keep, keep + "-dup", "ana", AT) == []  # same facts: no clash
    assert figures_of(store) == want
    for keep in (KEEP, WITH_DEALS):
        matching.unmerge(store, keep + "-dup", "ana", AT, "two people after all")
    assert figures_of(store) == twice


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    keep=st.sampled_from([KEEP, WITH_DEALS, "by-bialiatski-ales", "by-kalesnikava-maria"]),
    which=st.lists(st.integers(0, 12), min_size=1, max_size=6),
    protected=st.sampled_from(list(Protection)),
)
def test_property_duplicate_merged_counts_once_and_unmerge_restores(
    template: Path, tmp_path_factory: Any, keep: str, which: list[int], protected: Protection
) -> None:
    """Any subset of a person's facts told again by a second record (of any protection), then
    merged: the figures and export bytes of the store without that record; unmerged: those of
    the store with it, exactly."""
    folder = tmp_path_factory.mktemp("merge")
    shutil.copy(template / "ledger.db", folder / "ledger.db")
    store = SqlStore(f"sqlite:///{folder / 'ledger.db'}")
    try:
        kept = store.person(keep)
        assert kept is not None
        if protected is not Protection.PUBLIC:
            # the joined person is protected as strictly as its strictest record
            # (`public.level_of`): the store without the duplicate has the same protection
            store.revise(
                "person",
                keep,
                dataclasses.replace(kept, protection=protected),
                "t",
                NOW,
                "asked",
                None,
            )
        want = figures_of(store)
        _enter_duplicate(store, keep, "dup", which)
        before = figures_of(store)
        matching.merge(store, keep, "dup", "ana", AT)
        assert figures_of(store) == want
        matching.unmerge(store, "dup", "ana", AT, "two people after all")
        assert figures_of(store) == before
    finally:
        store.close()


def test_differing_facts_are_both_kept_and_reported(store: SqlStore) -> None:
    """A second record saying the arrest was on another day: the merge says where the two
    timelines disagree, both events stay on the joined timeline, and its fold's problem (a
    release with no custody before it) is reported, not dropped."""
    _sample(store)
    theirs = _own_events(store, KEEP)
    detained = next(e for e in theirs if e.kind.value == "detained")
    released = next(e for e in theirs if e.kind.value == "released")
    other_day = dataclasses.replace(
        detained,
        id="dup-detained",
        person_id="dup",
        date=FuzzyDate.day(date(2021, 5, 1)),
        recorded_at=NOW,
    )
    again = dataclasses.replace(
        released, id="dup-released", person_id="dup", recorded_at=NOW, note="told again"
    )
    store.apply(
        Batch(
            persons=[Person("dup", "Ryhor Kastusiou (2)", recorded_at=NOW)],
            events=[other_day, again],
        ),
        "t",
        NOW,
    )
    found = matching.merge(store, KEEP, "dup", "ana", AT)
    assert any(line.startswith("dup-detained: detained on 2021-05-01 differs") for line in found), (
        found
    )
    view = figures.View.load(store, figures.Scope())
    ids = {e.id for e in view.by_person[KEEP]}
    assert "dup-detained" in ids and "dup-released" not in ids  # the repeat counts once
    assert view.by_person.get("dup", []) == []


def test_the_view_kept_current_equals_a_fresh_one_across_merge_and_unmerge(
    store: SqlStore,
) -> None:
    """The server's view is kept current write by write (`derived.advance`): after a merge, an
    edit of the merged record's event and an unmerge it equals a view loaded afresh."""
    _sample(store)
    state = Current(figures.View.load(store, figures.Scope()))
    version = store.version()

    def step() -> None:
        nonlocal state, version
        now = store.version()
        changes = store.changes(version, now, 1000)
        assert changes is not None
        found = change_set(changes)
        assert found is not None
        moved = advance(store, state, found)
        assert moved is not None
        state, version = moved, now
        fresh = figures.View.load(store, figures.Scope())
        assert list(state.view.events) == list(fresh.events)
        assert state.view.custody == fresh.custody
        assert state.view.by_person == fresh.by_person
        assert state.view.index.stock_on(ON) == fresh.index.stock_on(ON)
        assert state.view.links == fresh.links

    copies = _enter_duplicate(store, KEEP, "dup", [0, 1, 2])
    step()
    matching.merge(store, KEEP, "dup", "ana", AT)
    step()
    store.revise(
        "event", copies[0].id, dataclasses.replace(copies[0], note="edited"), "t", AT, "typo", None
    )
    step()
    store.revise(
        "event",
        copies[1].id,
        dataclasses.replace(copies[1], date=FuzzyDate.day(date(2021, 1, 2))),
        "t",
        AT,
        "other day",
        None,
    )
    step()
    matching.unmerge(store, "dup", "ana", AT, "two people")
    step()


def test_a_restored_backup_keeps_the_merge(store: SqlStore, tmp_path: Path) -> None:
    """The full backup carries each record's merge (`merged_into`): the restored store counts
    the person once, its backup is the same bytes, and the merge can still be undone there.
    Before, a restore brought both records back as two persons."""
    _sample(store)
    _enter_duplicate(store, KEEP, "dup", [0, 1, 2])
    matching.merge(store, KEEP, "dup", "ana", AT)
    backup = json.dumps(exporting.export_records(store, True), ensure_ascii=False)
    (tmp_path / "backup.json").write_text(backup, "utf-8")
    other = SqlStore(f"sqlite:///{tmp_path / 'restored.db'}")
    other.migrate()
    try:
        report = importing.import_files(other, [tmp_path / "backup.json"], "t", AT)
        assert report.ok, report.problems
        assert json.dumps(exporting.export_records(other, True), ensure_ascii=False) == backup
        assert figures_of(other)["stats"] == figures_of(store)["stats"]
        assert matching.unmerge(other, "dup", "ana", AT, "two people") == KEEP
    finally:
        other.close()


@pytest.mark.parametrize(
    ("merged_into", "reason"),
    [
        ("by-nobody", "merged_into: unknown person 'by-nobody'"),
        ("dup", "merged_into: a person cannot be merged into itself"),
        (
            "dup2",
            "merged_into: 'dup2' is itself merged into 'by-kastusiou-ryhor': merge into that "
            "person",
        ),
    ],
)
def test_a_tampered_merge_in_a_backup_is_refused_by_line(
    store: SqlStore, tmp_path: Path, merged_into: str, reason: str
) -> None:
    _sample(store)
    rows = (
        "id,name,merged_into\n"
        f"dup,Ryhor Kastusiou (2),{merged_into}\n"
        "dup2,Ryhor Kastusiou (3),by-kastusiou-ryhor\n"
    )
    path = tmp_path / "persons.csv"
    path.write_text(rows, "utf-8")
    before = figures_of(store)
    report = importing.import_files(store, [path], "t", AT)
    assert [str(p) for p in report.problems] == [f"{path}:2: {reason}"]
    assert figures_of(store) == before


def test_a_person_others_are_merged_into_cannot_be_voided(store: SqlStore) -> None:
    """Voiding a person with no events of its own, into whom another record was merged, left
    that record merged into no one: its events counted nowhere, and a fresh build of the name
    index failed on it (KeyError; found by the incremental == rebuild property test). It is
    refused, naming the merged records; after an unmerge the void goes through."""
    from prisonwatch.services import editing

    _sample(store)
    store.apply(Batch(persons=[Person("new-1", "Ryhor Kastusiou", recorded_at=NOW)]), "t", NOW)
    matching.merge(store, "new-1", KEEP, "ana", AT)
    with pytest.raises(editing.EditError, match=r"merged into this person \(by-kastusiou-ryhor\)"):
        editing.void(store, "person", "new-1", "ana", AT, "entered twice")
    assert store.person("new-1") is not None
    matching.unmerge(store, KEEP, "ana", AT, "two people after all")
    editing.void(store, "person", "new-1", "ana", AT, "entered twice")
    assert store.person("new-1") is None
