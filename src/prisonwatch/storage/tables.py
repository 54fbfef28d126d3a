"""The database schema, in SQLAlchemy Core, shared by SQLite and PostgreSQL.

Dates with precision are stored as their range (`*_earliest`, `*_latest`) plus the precision,
so that range queries need no parsing. Lists of source ids live in `record_sources`, one row
per (record, source), so "which records rest on this source" is a query.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

sources = Table(
    "sources",
    metadata,
    Column("id", String(80), primary_key=True),
    Column("url", Text),
    Column("title", Text),
    Column("publisher", Text),
    Column("published", Date),
    Column("language", String(16)),
    Column("text", Text),
    Column("recorded_at", DateTime, nullable=False),
)

persons = Table(
    "persons",
    metadata,
    Column("id", String(80), primary_key=True),
    Column("name", Text, nullable=False),
    Column("birth_year", Integer),
    Column("gender", String(16), nullable=False),
    Column("region", Text),
    Column("country", String(8)),
    Column("protection", String(16), nullable=False),
    Column("note", Text),
    Column("recorded_at", DateTime, nullable=False),
    Column("merged_into", String(80)),
)

person_names = Table(
    "person_names",
    metadata,
    Column("person_id", String(80), ForeignKey("persons.id"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("key", Text, nullable=False),
    Index(None, "key"),
)

events = Table(
    "events",
    metadata,
    Column("id", String(80), primary_key=True),
    Column("person_id", String(80), ForeignKey("persons.id"), nullable=False),
    Column("kind", String(32), nullable=False),
    Column("date_earliest", Date, nullable=False),
    Column("date_latest", Date, nullable=False),
    Column("date_precision", String(16), nullable=False),
    Column("mechanism", String(32)),
    Column("organisation", Text),
    Column("deal_id", String(80), ForeignKey("deals.id")),
    Column("place", Text),
    Column("note", Text),
    Column("recorded_at", DateTime, nullable=False),
    Column("recorded_by", Text, nullable=False),
    Column("supersedes", String(80), ForeignKey("events.id")),
    Column("void", Boolean, nullable=False, default=False),
    # custody details (migration 0009); detention_place and health are for analysts only
    Column("articles", JSON),
    Column("sentence_months", Integer),
    Column("term_ends", Date),
    Column("court", Text),
    Column("detention_place", Text),
    Column("health", Text),
    Index(None, "person_id"),
    Index(None, "deal_id"),
    Index(None, "recorded_at"),
)

deals = Table(
    "deals",
    metadata,
    Column("id", String(80), primary_key=True),
    Column("date_earliest", Date, nullable=False),
    Column("date_latest", Date, nullable=False),
    Column("date_precision", String(16), nullable=False),
    Column("country", String(8)),
    Column("parties", JSON, nullable=False),
    Column("mediator", Text),
    Column("reported_released", Integer),
    Column("reported_political_prisoners", Integer),
    Column("figures_by", Text),
    Column("note", Text),
    Column("recorded_at", DateTime, nullable=False),
    Column("reported_returned", Integer),
)

concessions = Table(
    "concessions",
    metadata,
    Column("deal_id", String(80), ForeignKey("deals.id"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("by", Text, nullable=False),
    Column("what", String(64), nullable=False),
    Column("target", Text),
    Column("note", Text),
)

observations = Table(
    "observations",
    metadata,
    Column("id", String(80), primary_key=True),
    Column("metric", String(32), nullable=False),
    Column("value", Integer, nullable=False),
    Column("qualifier", String(16), nullable=False),
    Column("period_earliest", Date, nullable=False),
    Column("period_latest", Date, nullable=False),
    Column("period_precision", String(16), nullable=False),
    Column("organisation", Text),
    Column("country", String(8)),
    Column("claim_id", String(80)),
    Column("note", Text),
    Column("recorded_at", DateTime, nullable=False),
    Column("place", Text),
    Column("scope", Text),
)

claims = Table(
    "claims",
    metadata,
    Column("id", String(80), primary_key=True),
    Column("source_id", String(80), ForeignKey("sources.id"), nullable=False),
    Column("action", String(32), nullable=False),
    Column("count", Integer, nullable=False),
    Column("qualifier", String(16), nullable=False),
    Column("population", Text, nullable=False),
    Column("when_earliest", Date),
    Column("when_latest", Date),
    Column("when_precision", String(16)),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
    Column("evidence_text", Text, nullable=False),
    Column("extractor", Text, nullable=False),
    Column("extractor_version", Text, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("persons", JSON, nullable=False),
    Column("agent", Text),
    Column("attributed_to", Text),
    Column("mechanism", String(32)),
    Column("country", String(8)),
    Column("part_of", String(80)),
    Column("review_status", String(16), nullable=False),
    Column("reviewer", Text),
    Column("reviewed_at", DateTime),
    Column("review_note", Text),
    Column("recorded_at", DateTime, nullable=False),
    Column("superseded_by", String(80)),
    Column("confidence_note", Text),
    Index(None, "source_id"),
    Index(None, "review_status"),
)

extractions = Table(
    "extractions",
    metadata,
    Column("source_id", String(80), ForeignKey("sources.id"), primary_key=True),
    Column("extractor_version", String(200), primary_key=True),
    Column("output", JSON, nullable=False),
    Column("recorded_at", DateTime, nullable=False),
)

#: Concessions an extractor read in a source (migration 0007): review builds deals from them.
read_concessions = Table(
    "read_concessions",
    metadata,
    Column("id", String(80), primary_key=True),
    Column("source_id", String(80), ForeignKey("sources.id"), nullable=False),
    Column("extractor_version", String(200), nullable=False),
    Column("by_party", Text),
    Column("what", String(40)),
    Column("target", Text),
    Column("in_return_for", JSON, nullable=False),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
    Column("evidence_text", Text, nullable=False),
    Column("recorded_at", DateTime, nullable=False),
    Index(None, "source_id"),
)

judgements = Table(
    "judgements",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False),
    Column("name_key", Text, nullable=False),
    Column("person_id", String(80), ForeignKey("persons.id"), nullable=False),
    Column("verdict", String(16), nullable=False),
    Column("decided_by", Text, nullable=False),
    Column("decided_at", DateTime, nullable=False),
    Column("note", Text),
    Index(None, "name_key"),
)

name_queue = Table(
    "name_queue",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("claim_id", String(80), ForeignKey("claims.id"), nullable=False),
    Column("name", Text, nullable=False),
    Column("candidates", JSON, nullable=False),
    Column("status", String(16), nullable=False),
    Column("person_id", String(80)),
    Column("recorded_at", DateTime, nullable=False),
)

choices = Table(
    "choices",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("conflict", Text, nullable=False),
    Column("chosen", String(80), nullable=False),
    Column("chosen_by", Text, nullable=False),
    Column("chosen_at", DateTime, nullable=False),
    Column("why", Text, nullable=False),
    Index(None, "conflict"),
)

record_sources = Table(
    "record_sources",
    metadata,
    Column("record_kind", String(16), primary_key=True),
    Column("record_id", String(80), primary_key=True),
    Column("source_id", String(80), ForeignKey("sources.id"), primary_key=True),
    Column("position", Integer, nullable=False),
    Index(None, "source_id"),
)

record_claims = Table(
    "record_claims",
    metadata,
    Column("record_kind", String(16), primary_key=True),
    Column("record_id", String(80), primary_key=True),
    Column("claim_id", String(80), ForeignKey("claims.id"), primary_key=True),
    Column("position", Integer, nullable=False),
    Index(None, "claim_id"),
)

audit = Table(
    "audit",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime, nullable=False),
    Column("actor", Text, nullable=False),
    Column("action", String(32), nullable=False),
    Column("record_kind", String(16), nullable=False),
    Column("record_id", String(80), nullable=False),
    Column("before", JSON),
    Column("after", JSON),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
    Index(None, "record_kind", "record_id"),
)

revisions = Table(
    "revisions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(16), nullable=False),
    Column("record_id", String(80), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("payload", JSON),
    Column("supersedes", Integer, nullable=False),
    Column("actor", Text, nullable=False),
    Column("at", DateTime, nullable=False),
    Column("why", Text, nullable=False),
    Column("void", Boolean, nullable=False),
    UniqueConstraint("kind", "record_id", "seq"),
    Index(None, "kind", "at"),
)
"""Every change of a record after its first version: append-only (see `core.revisions`)."""

revised_names = Table(
    "revised_names",
    metadata,
    Column("person_id", String(80), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("key", Text, nullable=False),
    Index(None, "key"),
)
"""A derived search index, not a record: the current names of persons that were revised, rebuilt
on each revision (`person_names` keeps the names as first recorded)."""

# The newest audit entry (one row, id 1): its id and hash and the number of entries. Appends
# lock this row, so that two writers never extend the chain from the same entry.
audit_head = Table(
    "audit_head",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("last_id", Integer, nullable=False),
    Column("hash", String(64), nullable=False),
    Column("entries", Integer, nullable=False),
)


users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(80), nullable=False, unique=True),
    Column("role", String(16), nullable=False),
    Column("password_hash", Text, nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("disabled_at", DateTime),
)

sessions = Table(
    "sessions",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("csrf", String(64), nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("expires_at", DateTime, nullable=False),
)

api_tokens = Table(
    "api_tokens",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("label", Text, nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("expires_at", DateTime, nullable=False),
)

login_attempts = Table(
    "login_attempts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(80), nullable=False),
    Column("address", String(64), nullable=False),
    Column("ok", Boolean, nullable=False),
    Column("at", DateTime, nullable=False),
    Index(None, "name", "at"),
)

clearances = Table(
    "clearances",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(16), nullable=False),
    Column("target_id", String(80), nullable=False),
    Column("cleared_by", Text, nullable=False),
    Column("cleared_at", DateTime, nullable=False),
    Column("note", Text),
    # migration 0011: the sha256 of the text cleared, and the protected persons it was judged
    # to name then (NULL in clearances made before: they vouch for no protected person)
    Column("text_hash", String(64)),
    Column("named", JSON),
    Index(None, "kind", "target_id"),
)

public_ids = Table(
    "public_ids",
    metadata,
    Column("kind", String(16), primary_key=True),
    Column("record_id", String(80), primary_key=True),
    Column("public_id", String(40), nullable=False, unique=True),
    Column("created_at", DateTime, nullable=False),
)

demands = Table(
    "demands",
    metadata,
    Column("id", String(80), primary_key=True),
    Column("by", Text, nullable=False),
    Column("of_party", Text),
    Column("country", String(8)),
    Column("made_earliest", Date, nullable=False),
    Column("made_latest", Date, nullable=False),
    Column("made_precision", String(16), nullable=False),
    Column("count", Integer),
    Column("qualifier", String(16), nullable=False),
    Column("claim_id", String(80)),
    Column("note", Text),
    Column("recorded_at", DateTime, nullable=False),
    Column("recorded_by", Text, nullable=False),
)

demand_names = Table(
    "demand_names",
    metadata,
    Column("demand_id", String(80), ForeignKey("demands.id"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("state", String(16), nullable=False),
    Column("person_id", String(80)),
    Column("candidates", JSON, nullable=False),
    Column("note", Text),
)

demand_decisions = Table(
    "demand_decisions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("demand_id", String(80), ForeignKey("demands.id"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("person_id", String(80)),
    Column("decided_by", Text, nullable=False),
    Column("decided_at", DateTime, nullable=False),
    Column("why", Text),
    Index(None, "demand_id"),
)

demand_voids = Table(
    "demand_voids",
    metadata,
    Column("demand_id", String(80), ForeignKey("demands.id"), primary_key=True),
    Column("voided_by", Text, nullable=False),
    Column("voided_at", DateTime, nullable=False),
    Column("why", Text, nullable=False),
)
