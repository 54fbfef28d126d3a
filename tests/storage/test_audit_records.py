"""`audit verify` vouches for the records, not only for the audit table (red team, session 3).

A protected person made public again in SQL (their protection column set back, or the revision
that protected them deleted, or an alias removed from `person_names` so that texts naming them
by it pass the name check) left the hash chain intact, and `audit verify` said "intact" of a
ledger that contradicted its own trail. Each change below is made in SQL on a real database
(SQLite file, PostgreSQL) and must be named; the ledger as the application wrote it must still
verify."""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from prisonwatch.core.records import Source
from prisonwatch.core.vocabulary import Protection
from prisonwatch.services import audit_trail, exporting, importing, public
from prisonwatch.storage import audit, migrate
from prisonwatch.storage.clearances import ClearanceStore
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


def _revised_twice(ledger: SqlStore) -> None:
    """The protected person revised once more, so that the revision that protected them is
    no longer the newest: only the newest version was compared with the record."""
    person = ledger.person("by-red-hrabianiuk")
    assert person is not None
    later = dataclasses.replace(person, region="Minsk")
    ledger.revise("person", person.id, later, "ana", AT, "moved")
    assert audit_trail.verify(ledger).ok


def test_an_earlier_revision_rewritten_to_public(ledger: SqlStore) -> None:
    """As known on a day between the two revisions, and in `history`, the person read as
    public (and the next revision as protecting them again), with the chain intact."""
    _revised_twice(ledger)
    _sql(
        ledger,
        "UPDATE revisions SET payload = REPLACE(CAST(payload AS TEXT), 'counts_only', 'public')"
        + ("::json" if ledger.engine.dialect.name == "postgresql" else "")
        + " WHERE record_id = 'by-red-hrabianiuk' AND seq = 1",
    )
    _named(ledger, "by-red-hrabianiuk", "revision 1", "protection")


@pytest.mark.parametrize(
    "change",
    ["why = 'a reason never given'", "actor = 'someone else'", "at = '2020-01-02 03:04:05'"],
)
def test_who_when_or_why_of_a_revision_rewritten(ledger: SqlStore, change: str) -> None:
    """`history` showed a forged reason, author or time (and "as known on" moved with the
    time) of a recorded revision, with the chain intact."""
    _revised_twice(ledger)
    _sql(ledger, f"UPDATE revisions SET {change} WHERE record_id = 'by-red-hrabianiuk'")
    _named(ledger, "by-red-hrabianiuk", "revision 1", "who, when or why")


def test_a_void_turned_into_a_revision(ledger: SqlStore) -> None:
    _sql(
        ledger,
        "UPDATE revisions SET void = "
        + ("false" if ledger.engine.dialect.name == "postgresql" else "0")
        + " WHERE record_id = 'red-detained'",
    )
    _named(ledger, "red-detained")


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


SECRET_URL = "https://example.org/red-source"


@pytest.fixture
def cleared_ledger(ledger: SqlStore, tmp_path: Path) -> tuple[SqlStore, str]:
    """The ledger with a source whose title names the withheld person (so the public does not
    know of it), a cleared safe excerpt, a legitimate clearance and a public export made (its
    pseudonyms stored): all of it as the application writes it, so it must still verify."""
    (tmp_path / "sources.csv").write_text(
        "url,title,publisher,published,language,recorded_at\n"
        f"{SECRET_URL},Ала Цярэшка асуджаная,Example,2025-03-01,be,2025-01-01\n"
        "https://example.org/safe,Court news,Example,2025-03-02,en,2025-01-01\n",
        encoding="utf-8",
    )
    report = importing.import_files(ledger, [tmp_path / "sources.csv"], "tester", AT)
    assert report.ok, report.problems
    secret = Source.make_id(None, SECRET_URL)
    safe = Source.make_id(None, "https://example.org/safe")
    public.clear(ledger, "address", safe, "rev", AT, "checked")
    exporting.export_records(ledger, at=AT)
    assert secret not in public.Projection.build(ledger).sources
    verdict = audit_trail.verify(ledger)
    assert verdict.ok, verdict.broken
    return ledger, secret


def test_a_clearance_slipped_in_beside_the_chain(cleared_ledger: tuple[SqlStore, str]) -> None:
    """Red team, session 4: a clearance of a title naming a withheld person inserted in SQL
    showed that title to the public, and `audit verify` said intact (only the record tables
    were compared with the chain)."""
    store, secret = cleared_ledger
    _sql(
        store,
        "INSERT INTO clearances (kind, target_id, cleared_by, cleared_at, named) "
        f"VALUES ('title', '{secret}', 'rev', '2026-11-30 12:00:00', '[\"by-red-ciareshka\"]')",
    )  # vouching for the person it names, as a clearance confirmed past the check would
    assert public.Projection.build(store).sources[secret].title == "Ала Цярэшка асуджаная"
    _named(store, "clearance", "title", secret, "not in the audit trail")


def test_a_recorded_clearance_moved_to_another_target(cleared_ledger: tuple[SqlStore, str]) -> None:
    store, secret = cleared_ledger
    _sql(
        store,
        f"UPDATE clearances SET target_id = '{secret}', kind = 'title', text_hash = NULL, "
        "named = '[\"by-red-ciareshka\"]'",
    )
    assert secret in public.Projection.build(store).sources
    _named(store, "clearance", secret)


def test_a_clearance_removed(cleared_ledger: tuple[SqlStore, str]) -> None:
    store, _ = cleared_ledger
    _sql(store, "DELETE FROM clearances")
    _named(store, "clearance", "removed")


def test_a_pseudonym_set_to_the_name_in_sql(cleared_ledger: tuple[SqlStore, str]) -> None:
    """The public export shows a withheld person under a stored pseudonym: one rewritten in
    SQL to their name was published by the next export, with the chain intact."""
    store, _ = cleared_ledger
    _sql(
        store,
        "UPDATE public_ids SET public_id = 'Ala Ciareshka' "
        "WHERE kind = 'person' AND record_id = 'by-red-ciareshka'",
    )
    ids = {p["id"] for p in exporting.export_records(store, at=AT)["persons"]}
    assert "Ala Ciareshka" in ids
    _named(store, "public id", "by-red-ciareshka")


def test_public_ids_given_are_in_the_audit_chain(cleared_ledger: tuple[SqlStore, str]) -> None:
    """Every public id the application gives (the export's pseudonyms, the key of record ids)
    is an audit entry; the key only by its hash (it is never shown, the audit log included)."""
    store, _ = cleared_ledger
    given = audit_trail.log(store, audit.Filter(kind="public_id", limit=1000))
    held = ClearanceStore(store).held_public_ids()
    assert held and len(given) == len(held)
    key = next(p.public_id for p in held if p.kind == "key")
    assert all(key not in json.dumps([e.before, e.after]) for e in given)
    assert {e.record_id for e in given} == {f"{p.kind}:{p.record_id}" for p in held}


def test_a_pseudonym_swapped_between_two_persons_in_sql(
    cleared_ledger: tuple[SqlStore, str],
) -> None:
    """A pseudonym of the random form moved to another record in SQL keeps the form check
    happy; the chain says which record it was given to."""
    store, _ = cleared_ledger
    _sql(
        store,
        "UPDATE public_ids SET record_id = 'by-someone-else' "
        "WHERE kind = 'person' AND record_id = 'by-red-ciareshka'",
    )
    _named(store, "public id", "by-someone-else", "not in the audit trail")


def test_a_public_id_slipped_in_beside_the_chain(cleared_ledger: tuple[SqlStore, str]) -> None:
    store, _ = cleared_ledger
    _sql(
        store,
        "INSERT INTO public_ids (kind, record_id, public_id, created_at) "
        "VALUES ('event', 'red-x', 'event-0123456789abcdef', '2026-11-30 12:00:00')",
    )
    _named(store, "public id", "red-x", "not in the audit trail")


def test_the_key_of_public_ids_replaced_in_sql(cleared_ledger: tuple[SqlStore, str]) -> None:
    """A new key of the right form changes every public id the public knows."""
    store, _ = cleared_ledger
    _sql(store, f"UPDATE public_ids SET public_id = '{'ab' * 16}' WHERE kind = 'key'")
    _named(store, "public id", "key", "not in the audit trail")


def test_a_public_id_removed(cleared_ledger: tuple[SqlStore, str]) -> None:
    store, _ = cleared_ledger
    _sql(store, "DELETE FROM public_ids WHERE kind = 'person'")
    _named(store, "public id", "by-red-ciareshka", "removed")


def test_public_ids_stored_before_they_were_audited_verify_after_the_migration(
    store_url: str,
) -> None:
    """A store whose public ids were given before they were audited (the key, a pseudonym)
    still verifies once migrated: migration 0012 records each of them in the chain."""
    engine = create_engine(store_url)
    for rev in ("0004", "0005", "0006", "0007", "0008", "0009", "0010", "0011"):  # all but 0012
        migrate.upgrade(engine, rev)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO public_ids (kind, record_id, public_id, created_at) VALUES "
                f"('key', 'record-ids', '{'cd' * 16}', '2026-01-01 00:00:00'), "
                "('person', 'by-old', 'person-0123456789abcdef', '2026-01-01 00:00:00')"
            )
        )
    engine.dispose()
    store = SqlStore(store_url)
    store.migrate()
    try:
        verdict = audit_trail.verify(store)
        assert verdict.ok, verdict.broken
        given = audit_trail.log(store, audit.Filter(kind="public_id"))
        assert {e.record_id for e in given} == {"key:record-ids", "person:by-old"}
        _sql(store, "UPDATE public_ids SET record_id = 'by-other' WHERE kind = 'person'")
        _named(store, "public id", "by-other")
    finally:
        store.close()
