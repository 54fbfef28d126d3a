"""`audit verify` rebuilds the search index of revised persons' names (`revised_names`) from
their chained revisions (session 8): a row deleted or changed in SQL hid a renamed person from
search (`find_persons`) with the verdict "intact" (each test fails on the code before)."""

from __future__ import annotations

import dataclasses
from datetime import datetime

import pytest
from sqlalchemy import text

from prisonwatch.core.records import Person
from prisonwatch.services import audit_trail
from prisonwatch.storage.port import Batch
from prisonwatch.storage.sql import SqlStore

AT = datetime(2026, 3, 1, 9, 0)


@pytest.fixture
def renamed(store: SqlStore) -> SqlStore:
    p = Person("by-kalesnikava", "Maryia Kalesnikava", AT, aliases=("Марыя Калеснікава",))
    store.apply(Batch(persons=[p, Person("by-other", "Ihar Losik", AT)]), "ana", AT)
    changed = dataclasses.replace(p, aliases=(*p.aliases, "Мария Колесникова"))
    store.revise("person", p.id, changed, "ana", datetime(2026, 3, 2, 9, 0), "Russian spelling")
    assert [x.id for x in store.find_persons("колесникова")] == ["by-kalesnikava"]
    assert audit_trail.verify(store, workers=0).ok
    return store


def _sql(store: SqlStore, statement: str) -> None:
    with store.engine.begin() as conn:
        conn.execute(text(statement))


def _broken(store: SqlStore, *words: str) -> None:
    verdict = audit_trail.verify(store, workers=0)
    assert verdict.broken is not None, "the name index changed in SQL went unnoticed"
    for w in words:
        assert w in verdict.broken.reason, verdict.broken.reason


def test_a_name_deleted_from_the_index_is_named(renamed: SqlStore) -> None:
    _sql(renamed, "DELETE FROM revised_names WHERE key = 'мария колесникова'")
    assert renamed.find_persons("колесникова") == []  # hidden from search
    _broken(renamed, "revised_names", "by-kalesnikava", "мария колесникова")


def test_a_name_changed_in_the_index_is_named(renamed: SqlStore) -> None:
    _sql(renamed, "UPDATE revised_names SET key = 'someone else' WHERE position = 0")
    _broken(renamed, "revised_names", "by-kalesnikava", "changed in SQL")


def test_a_name_added_for_a_person_never_revised_is_named(renamed: SqlStore) -> None:
    _sql(
        renamed,
        "INSERT INTO revised_names (person_id, position, key) VALUES ('by-other', 0, 'x')",
    )
    _broken(renamed, "revised_names", "by-other", "never revised")
