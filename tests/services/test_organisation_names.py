"""Figures grouped and filtered by organisation count every spelling of one organisation once,
on a real store (SQLite and PostgreSQL), and a user's own aliases file is applied."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from prisonwatch.core.dates import parse_fuzzy
from prisonwatch.core.organisations import OrganisationFileError, use_organisations
from prisonwatch.core.periods import Period
from prisonwatch.core.records import Event
from prisonwatch.core.tallies import tally
from prisonwatch.core.vocabulary import EventKind
from prisonwatch.services import figures, importing, organisation_names
from prisonwatch.storage.port import Batch
from prisonwatch.storage.sql import SqlStore

AT = datetime(2026, 11, 30, 12, 0)
YEAR = [Period("2024", date(2024, 1, 1), date(2024, 12, 31))]


@pytest.fixture(autouse=True)
def bundled_only() -> Iterator[None]:
    use_organisations(None)
    yield
    use_organisations(None)


@pytest.fixture
def spelled_store(store: SqlStore) -> SqlStore:
    """The sample ledger (designations by "Viasna") plus designations in 2024 by Viasna under
    other spellings and by "Vesna", a distinct organisation with a similar name."""
    folder = resources.files("prisonwatch") / "sample_data"
    files = ("sources.csv", "persons.csv", "registry_persons.csv", "registry_sources.csv")
    files += ("deals.csv", "events.csv", "registry_events.csv", "observations.csv")
    with resources.as_file(folder) as path:
        assert importing.import_files(store, [path / f for f in files], "t", AT).ok
    people = sorted(p.id for p in store.persons())[:4]
    orgs = ["Вясна", "Вясна-96", "Правозащитный центр «Весна»", "Vesna"]
    events = [
        Event(f"org-{i}", pid, EventKind.DESIGNATED, parse_fuzzy("2024-05-01"), AT, organisation=o)
        for i, (pid, o) in enumerate(zip(people, orgs, strict=True))
    ]
    assert importing.import_batch(store, Batch(events=events), "t", AT).ok
    return store


def _designated(view: figures.View, org: str | None) -> dict[str, int]:
    (counts,) = view.tally(YEAR, org)
    return {k: b.high for k, b in counts.items() if k.startswith("designated")}


def test_every_spelling_counts_under_one_name_and_a_similar_name_stays_apart(
    spelled_store: SqlStore,
) -> None:
    view = figures.View.load(spelled_store, figures.Scope())
    base = figures.View.load(spelled_store, figures.Scope())
    (before,) = tally([e for e in view.events if not e.id.startswith("org-")], YEAR)
    viasna_2024 = before["designated:Viasna"].high
    every = _designated(view, None)
    assert every["designated:Viasna"] == viasna_2024 + 3
    assert every["designated:Vesna"] == 1
    assert not any("Вясна" in k or "Весна" in k for k in every)
    for asked in ("Viasna", "Вясна", "Viasna Human Rights Centre"):
        assert _designated(base, asked)["designated"] == viasna_2024 + 3, asked
    assert _designated(view, "Vesna") == {"designated": 1, "designated:Vesna": 1}

    orgs, _ = figures.known_names(spelled_store)
    assert "Viasna" in orgs and "Vesna" in orgs
    assert not {"Вясна", "Вясна-96", "Правозащитный центр «Весна»"} & set(orgs)
    assert view.known_names()[0] == orgs  # the in-memory and the stored path agree
    figures.check_scope(figures.Scope(organisation="Вясна-96"), (orgs, []))
    with pytest.raises(figures.ScopeError):
        figures.check_scope(figures.Scope(organisation="Весна"), (orgs, []))

    on, start, end = date(2025, 9, 30), date(2024, 1, 1), date(2025, 9, 30)

    def scoped(org: str) -> dict[str, Any]:
        scope = figures.Scope(organisation=org)
        return figures.stats(figures.View.load(spelled_store, scope), scope, on, start, end)

    asked_be, asked_en, vesna = scoped("Вясна"), scoped("Viasna"), scoped("Vesna")
    assert asked_be == asked_en and asked_be["organisation"] == "Viasna"
    assert vesna["stock"]["high"] <= 1 < asked_en["stock"]["high"]


def test_a_users_aliases_file_joins_their_spellings(
    spelled_store: SqlStore, tmp_path: Path
) -> None:
    mine = tmp_path / "orgs.toml"
    mine.write_text('[[organisation]]\nname = "Vesna movement"\naliases = ["Vesna"]\n', "utf-8")
    organisation_names.apply(str(mine))
    view = figures.View.load(spelled_store, figures.Scope())
    assert _designated(view, "Vesna movement")["designated"] == 1
    assert "Vesna movement" in figures.known_names(spelled_store)[0]
    mine.write_text('[[organisation]]\nname = "Vesna"\naliases = ["Вясна"]\n', "utf-8")
    with pytest.raises(OrganisationFileError, match=str(mine)):
        organisation_names.apply(str(mine))
    with pytest.raises(OrganisationFileError, match="cannot read"):
        organisation_names.apply(str(tmp_path / "missing.toml"))


def test_saved_figures_are_not_used_under_other_organisation_identities() -> None:
    """A snapshot or saved start answers made under one aliases file hold figures grouped by
    its identities; started with another file, the server must not serve them."""
    from prisonwatch.core.organisations import (
        OrganisationNames,
        known_organisations,
        use_organisations,
    )
    from prisonwatch.services import snapshot, start_answers

    before = (snapshot.code_stamp(), start_answers.code_stamp())
    extra = OrganisationNames.from_groups([("Local Watch", ["Лакальная варта"])])
    try:
        use_organisations(known_organisations().merged(extra, "test"))
        after = (snapshot.code_stamp(), start_answers.code_stamp())
    finally:
        use_organisations(None)
    assert after[0] != before[0] and after[1] != before[1]
    assert (snapshot.code_stamp(), start_answers.code_stamp()) == before
