"""`audit verify` vouches for the records, not only for the audit table (red team, session 3).

A protected person made public again in SQL (their protection column set back, or the revision
that protected them deleted, or an alias removed from `person_names` so that texts naming them
by it pass the name check) left the hash chain intact, and `audit verify` said "intact" of a
ledger that contradicted its own trail. Each change below is made in SQL on a real database
(SQLite file, PostgreSQL) and must be named; the ledger as the application wrote it must still
verify."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from prisonwatch.core.vocabulary import Protection
from prisonwatch.services import audit_trail, importing
from prisonwatch.storage.sql import SqlStore
from tests.cli.conftest import SAMPLE_FILES

AT = datetime(2026, 11, 30, 12, 0)
PERSONS = (
    "id,name,aliases,birth_year,gender,region,country,protection,recorded_at\n"
    "by-red-hrabianiuk,Дзмітры Грабянюк-Лось,Dzmitry Hrabianiuk-Los|Dźmitry Hrabianiuk-Łoś,"
    "1985,male,Viciebsk,BY,public,2025-01-01\n"
    "by-red-ciareshka,Ala Ciareshka,Ала Цярэшка|Алла Терешко,1990,female,,BY,withhold_name,"
    "2025-01-01\n"
)
EVENTS = (
    "id,person_id,kind,date,organisation,source_url,recorded_at\n"
    "red-detained,by-red-hrabianiuk,detained,2024-02-03,,https://example.org/red,2025-01-01\n"
)


@pytest.fixture
def ledger(store: SqlStore, tmp_path: Path) -> SqlStore:
    (tmp_path / "persons.csv").write_text(PERSONS, encoding="utf-8")
    (tmp_path / "events.csv").write_text(EVENTS, encoding="utf-8")
    files = [Path(p) for p in SAMPLE_FILES] + [tmp_path / "persons.csv", tmp_path / "events.csv"]
    report = importing.import_files(store, files, "tester", AT)
    assert report.ok, report.problems
    person = store.person("by-red-hrabianiuk")
    assert person is not None
    protected = dataclasses.replace(person, protection=Protection.COUNTS_ONLY)
    store.revise("person", person.id, protected, "ana", AT, "family asked")
    event = store.events(["by-red-hrabianiuk"])[0]
    store.revise("event", event.id, None, "ana", AT, "duplicate")
    verdict = audit_trail.verify(store)
    assert verdict.ok, verdict.broken
    return store


def _sql(store: SqlStore, statement: str) -> None:
    with store.engine.begin() as conn:
        conn.execute(text(statement))


def _named(store: SqlStore, *words: str) -> None:
    verdict = audit_trail.verify(store)
    assert verdict.broken is not None, "a record changed in SQL went unnoticed"
    for w in words:
        assert w in verdict.broken.reason, verdict.broken.reason


def test_the_revision_that_protected_a_person_deleted(ledger: SqlStore) -> None:
    _sql(ledger, "DELETE FROM revisions WHERE record_id = 'by-red-hrabianiuk'")
    assert ledger.person("by-red-hrabianiuk").protection is Protection.PUBLIC  # type: ignore[union-attr]
    _named(ledger, "by-red-hrabianiuk", "revision")


def test_the_revision_that_protected_a_person_rewritten(ledger: SqlStore) -> None:
    _sql(
        ledger,
        "UPDATE revisions SET payload = REPLACE(CAST(payload AS TEXT), 'counts_only', 'public')"
        + ("::json" if ledger.engine.dialect.name == "postgresql" else "")
        + " WHERE record_id = 'by-red-hrabianiuk'",
    )
    _named(ledger, "by-red-hrabianiuk", "protection")


def test_a_protection_column_set_back_to_public(ledger: SqlStore) -> None:
    _sql(ledger, "UPDATE persons SET protection = 'public' WHERE id = 'by-red-ciareshka'")
    assert ledger.person("by-red-ciareshka").protection is Protection.PUBLIC  # type: ignore[union-attr]
    _named(ledger, "by-red-ciareshka", "protection")


def test_an_alias_removed_beside_the_chain(ledger: SqlStore) -> None:
    _sql(ledger, "DELETE FROM person_names WHERE person_id = 'by-red-ciareshka' AND position = 2")
    _named(ledger, "by-red-ciareshka", "names")


def test_a_voided_event_brought_back(ledger: SqlStore) -> None:
    _sql(ledger, "DELETE FROM revisions WHERE record_id = 'red-detained'")
    _named(ledger, "red-detained")


def test_an_event_removed(ledger: SqlStore) -> None:
    _sql(ledger, "DELETE FROM record_sources WHERE record_id = 'red-detained'")
    _sql(ledger, "DELETE FROM events WHERE id = 'red-detained'")
    _named(ledger, "red-detained", "removed")


def test_a_person_slipped_in(ledger: SqlStore) -> None:
    _sql(
        ledger,
        "INSERT INTO persons (id, name, gender, protection, recorded_at) "
        "VALUES ('by-mallory', 'Mallory', 'unknown', 'public', '2025-01-01 00:00:00')",
    )
    _named(ledger, "by-mallory", "not in the audit trail")
