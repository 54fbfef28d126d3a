"""Persons and events written as the chain holds them, straight from their columns
(`storage.audit_texts`), must be exactly what the application's own reading makes of them, or
nothing: the text only ever lets `audit verify` accept a record without comparing it field by
field. Checked on rows the application wrote with every field set (both backends), and on
values changed in SQL that the straight reading must not take for what was recorded."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from prisonwatch.core.dates import parse_fuzzy
from prisonwatch.core.records import Claim, Event, Person, Source, Span
from prisonwatch.core.vocabulary import (
    EventKind,
    Gender,
    Protection,
    Qualifier,
    ReleaseMechanism,
)
from prisonwatch.services import audit_trail, importing
from prisonwatch.storage import audit_records, audit_texts
from prisonwatch.storage.audit import canonical_json
from prisonwatch.storage.port import Batch
from prisonwatch.storage.sql import SqlStore
from tests.cli.conftest import SAMPLE_FILES

AT = datetime(2026, 11, 30, 12, 0, 0, 123456)
SOURCE = Source(
    Source.make_id(None, "https://example.org/court"),
    "https://example.org/court",
    "Суд",
    "Example",
    date(2025, 3, 1),
    "be",
    AT,
)
CLAIM = Claim(
    id="claim-rich",
    source_id=SOURCE.id,
    action="sentenced",
    count=1,
    qualifier=Qualifier.EXACT,
    population="political prisoners",
    when=parse_fuzzy("2024-05"),
    evidence=Span(0, 3, "Суд"),
    extractor="test",
    extractor_version="1",
    recorded_at=AT,
)
PERSON = Person(
    id="by-rich",
    name="Алесь Бяляцкі",
    recorded_at=AT,
    aliases=("Ales Bialiatski", 'Aleś "Bialacki"\\'),
    birth_year=1962,
    gender=Gender.MALE,
    region="Мінск",
    country="BY",
    protection=Protection.WITHHOLD_NAME,
    note="line one\nline two\t\u2028",
)
SENTENCED = Event(
    id="rich-sentenced",
    person_id=PERSON.id,
    kind=EventKind.SENTENCED,
    date=parse_fuzzy("2024-05"),
    recorded_at=AT,
    recorded_by="ana",
    organisation="Viasna",
    place="Мінск",
    source_ids=(SOURCE.id,),
    claim_ids=(CLAIM.id,),
    note="10 гадоў",
    articles=("342-1", "361-1"),
    sentence_months=120,
    term_ends=date(2031, 7, 14),
    court="Minsk City Court",
    detention_place="IK-9",
    health="poor",
)
RELEASED = Event(
    id="rich-released",
    person_id=PERSON.id,
    kind=EventKind.RELEASED,
    date=parse_fuzzy("2025"),
    recorded_at=datetime(2026, 1, 2, 3, 4, 5),
    mechanism=ReleaseMechanism.PARDON,
)


@pytest.fixture
def rich(store: SqlStore, tmp_path: Path) -> SqlStore:
    """The sample ledger, and a person and events with every field set."""
    report = importing.import_files(store, [Path(p) for p in SAMPLE_FILES], "tester", AT)
    assert report.ok, report.problems
    batch = Batch(sources=[SOURCE], claims=[CLAIM], persons=[PERSON])
    batch.events += [SENTENCED, RELEASED]
    store.apply(batch, "ana", AT)
    assert audit_trail.verify(store).ok
    return store


def _texts(store: SqlStore, kind: str) -> dict[str, str | None]:
    with store.engine.connect() as conn:
        found = audit_texts.stored(conn, kind, audit_records.Span(None, None))
    assert found is not None
    return found


def _sql(store: SqlStore, statement: str) -> None:
    with store.engine.begin() as conn:
        conn.execute(text(statement))


@pytest.mark.parametrize("kind", ["person", "event"])
def test_the_stored_text_is_what_the_application_reads(rich: SqlStore, kind: str) -> None:
    records = rich.persons() if kind == "person" else rich.events()
    texts = _texts(rich, kind)
    assert {r.id for r in records} <= texts.keys()
    assert len(records) > 20
    for record in records:
        assert texts[record.id] == canonical_json(audit_records.audited(kind, record)), record.id


def test_every_field_of_the_rich_records_is_in_the_text(rich: SqlStore) -> None:
    event = _texts(rich, "event")[SENTENCED.id]
    person = _texts(rich, "person")[PERSON.id]
    assert event is not None and person is not None
    for part in ('"342-1"', '"IK-9"', '"2031-07-14"', "120", CLAIM.id, SOURCE.id, '"2024-05-31"'):
        assert part in event
    assert '"recorded_at":"2026-11-30T12:00:00.123456"' in event
    assert '"mechanism":"pardon"' in (_texts(rich, "event")[RELEASED.id] or "")
    assert '"Ales Bialiatski"' in person and '"withhold_name"' in person


def test_kinds_not_read_straight_are_left_to_the_comparison(rich: SqlStore) -> None:
    with rich.engine.connect() as conn:
        assert audit_texts.stored(conn, "deal", audit_records.Span(None, None)) is None


def test_a_day_spelt_otherwise_is_compared_and_still_verifies(rich: SqlStore) -> None:
    """The same day in another spelling SQLite reads alike: not the entry's text, so compared
    field by field, and the same record (no false alarm). A time is read as SQLAlchemy reads
    it, so its other spelling is the same text."""
    if rich.engine.dialect.name != "sqlite":
        pytest.skip("only SQLite stores dates as text")
    _sql(rich, f"UPDATE events SET date_earliest = '2024-W18-3' WHERE id = '{SENTENCED.id}'")
    _sql(
        rich,
        f"UPDATE persons SET recorded_at = '2026-11-30T12:00:00.123456' WHERE id = '{PERSON.id}'",
    )
    event = next(e for e in rich.events() if e.id == SENTENCED.id)
    assert _texts(rich, "event")[SENTENCED.id] != canonical_json(
        audit_records.audited("event", event)
    )
    person = rich.person(PERSON.id)
    assert _texts(rich, "person")[PERSON.id] == canonical_json(
        audit_records.audited("person", person)
    )
    verdict = audit_trail.verify(rich)
    assert verdict.ok, verdict.broken


def test_a_void_stored_as_two_is_not_taken_for_false(rich: SqlStore) -> None:
    """SQLite keeps any number in a boolean column and the application reads 2 as true: the
    event is withdrawn, which the chain never recorded."""
    if rich.engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL keeps only true and false")
    _sql(rich, f"UPDATE events SET void = 2 WHERE id = '{RELEASED.id}'")
    assert _texts(rich, "event")[RELEASED.id] is None
    verdict = audit_trail.verify(rich)
    assert verdict.broken is not None and RELEASED.id in verdict.broken.reason


def _cast_json(store: SqlStore) -> str:
    return "::json" if store.engine.dialect.name == "postgresql" else ""


@pytest.mark.parametrize(
    ("statement", "field"),
    [
        (
            f"UPDATE events SET articles = '[\"342-1\"]'{{json}} WHERE id = '{SENTENCED.id}'",
            "articles",
        ),
        (f"UPDATE events SET articles = '[]'{{json}} WHERE id = '{SENTENCED.id}'", "articles"),
        (f"UPDATE events SET term_ends = NULL WHERE id = '{SENTENCED.id}'", "term_ends"),
        (f"UPDATE events SET sentence_months = 12 WHERE id = '{SENTENCED.id}'", "sentence_months"),
        (f"UPDATE events SET mechanism = NULL WHERE id = '{RELEASED.id}'", "mechanism"),
        (f"DELETE FROM record_claims WHERE record_id = '{SENTENCED.id}'", "claim_ids"),
        (f"DELETE FROM record_sources WHERE record_id = '{SENTENCED.id}'", "source_ids"),
        (
            f"UPDATE events SET recorded_at = '2026-11-30 12:00:00' WHERE id = '{SENTENCED.id}'",
            "recorded_at",
        ),
        (
            f"UPDATE person_names SET name = 'X' WHERE person_id = '{PERSON.id}' AND position = 1",
            "names",
        ),
        (f"UPDATE persons SET birth_year = NULL WHERE id = '{PERSON.id}'", "birth_year"),
    ],
)
def test_a_field_changed_in_sql_is_named(rich: SqlStore, statement: str, field: str) -> None:
    _sql(rich, statement.replace("{json}", _cast_json(rich)))
    verdict = audit_trail.verify(rich)
    assert verdict.broken is not None, "a record changed in SQL went unnoticed"
    assert repr(field) in verdict.broken.reason, verdict.broken.reason
