"""`audit verify` compares with the chain what is kept beside the records: claims and their
review decisions, judgements, conflict choices, the name queue, demands (their names, sources,
decisions and voids), password hashes and sessions. Each of these could be changed, inserted
or deleted in SQL with the verdict "intact" (a judgement turned to `same`, a queued name
resolved to another person, a demand's void deleted, an admin's password hash replaced, a
session inserted that no password gave). Each change below is made in SQL on a real database
(SQLite file, PostgreSQL) and must be named, exit 2 at the command line; what the services
write must still verify."""

from __future__ import annotations

import dataclasses
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Table, create_engine, insert, select, text

from prisonwatch.core.dates import parse_fuzzy
from prisonwatch.core.demands import Demand, DemandName, NameState
from prisonwatch.core.records import Claim, Person, Review, Source, Span
from prisonwatch.core.vocabulary import Qualifier, ReviewStatus
from prisonwatch.services import accounts, audit_trail
from prisonwatch.storage import audit, migrate
from prisonwatch.storage import tables as t
from prisonwatch.storage.accounts import AccountStore
from prisonwatch.storage.demands import DemandStore
from prisonwatch.storage.port import Batch, Judgement
from prisonwatch.storage.sql import SqlStore, _audit
from tests.cli.conftest import Cli

NOW = datetime.now(UTC).replace(tzinfo=None).replace(microsecond=0)
AT = NOW - timedelta(days=3)
PASSWORD = "correct horse battery"
SOURCE = Source("src-1", "https://example.org/a", "A", "Example", date(2025, 3, 1), "en", AT)


def _claim(cid: str, count: int) -> Claim:
    return Claim(
        id=cid,
        source_id=SOURCE.id,
        action="released",
        count=count,
        qualifier=Qualifier.EXACT,
        population="people",
        when=parse_fuzzy("2025-09"),
        evidence=Span(0, 10, "0123456789"),
        extractor="test",
        extractor_version="1",
        recorded_at=AT,
        persons=("Mikola Statkevich",),
    )


def _written(store: SqlStore) -> SqlStore:
    """A store with one of everything, written through the application."""
    person = Person(id="by-statkevich", name="Mikola Statkevich", recorded_at=AT)
    other = Person(id="by-other", name="Other Person", recorded_at=AT)
    claims = [_claim("claim-1", 52), _claim("claim-2", 3), _claim("claim-3", 9)]
    store.apply(Batch(sources=[SOURCE], persons=[person, other], claims=claims), "ana", AT)
    review = Review(ReviewStatus.ACCEPTED, "ana", AT, None)
    store.update_claim(dataclasses.replace(claims[0], review=review), "ana", AT)
    store.add_judgement(Judgement("M. Statkevich", person.id, "same", "ana", AT))
    store.add_judgement(Judgement("N. Statkevich", person.id, "not_same", "ana", AT))
    (first, _) = store.judgements()
    store.revise(
        "judgement", str(first.id), dataclasses.replace(first, note="sure"), "ana", AT, "x"
    )
    store.add_choice("e1|date", "a", "ana", AT, "the court's date")
    store.queue_name("claim-1", "M. Statkevic", [{"person_id": person.id}], AT, "ana")
    resolved = store.queue_name("claim-1", "Statkevich M.", [{"person_id": person.id}], AT, "ana")
    store.resolve_name(resolved, person.id, "ana", AT)
    store.queue_name("claim-2", "Someone", [], AT, "ana")
    store.drop_queued("claim-2", "ana", AT)
    demands = DemandStore(store)
    names = (
        DemandName(0, "Mikola Statkevich", NameState.MATCHED, person.id),
        DemandName(1, "M. S.", NameState.UNSURE, None, (("by-other", "Other Person", 0.7),)),
    )
    made = parse_fuzzy("2025-06-01")
    demands.add(
        Demand("dm-1", "EU", made, AT, "ana", names=names, source_ids=(SOURCE.id,)), "ana", AT
    )
    demands.add(Demand("dm-2", "US", made, AT, "ana", count=4), "ana", AT)
    demands.decide("dm-1", 1, "by-other", "ana", AT, "seen in the list")
    demands.void("dm-2", "ana", AT, "recorded twice")
    acc = AccountStore(store)
    accounts.add_user(acc, "root", "admin", PASSWORD, AT)
    accounts.add_user(acc, "ana", "analyst", PASSWORD, AT)
    accounts.reset_password(acc, "ana", PASSWORD + "!", "root", AT)
    gone = accounts.login(acc, "root", PASSWORD, "127.0.0.1", NOW)
    accounts.logout(acc, gone.token, NOW)
    accounts.login(acc, "ana", PASSWORD + "!", "127.0.0.1", NOW)
    verdict = audit_trail.verify(store)
    assert verdict.ok, verdict.broken
    return store


@pytest.fixture
def kept(store: SqlStore) -> SqlStore:
    return _written(store)


def _sql(store: SqlStore, statement: str) -> None:
    with store.engine.begin() as conn:
        conn.execute(text(statement))


def _named(store: SqlStore, *words: str) -> None:
    verdict = audit_trail.verify(store)
    assert verdict.broken is not None, "a change made in SQL went unnoticed"
    for w in words:
        assert w in verdict.broken.reason, verdict.broken.reason


def _copy(store: SqlStore, table: Table, key: str, was: object, **changes: object) -> None:
    """A row slipped in beside the chain: a stored one with other values."""
    with store.engine.begin() as conn:
        row = dict(conn.execute(select(table).where(table.c[key] == was)).mappings().one())
        row.update(changes)
        conn.execute(insert(table).values(**row))


# -- claims and review decisions -----------------------------------------------------------------


def test_a_claims_count_changed(kept: SqlStore) -> None:
    _sql(kept, "UPDATE claims SET count = 500 WHERE id = 'claim-2'")
    _named(kept, "claim 'claim-2'", "'count'")


def test_a_claim_slipped_in(kept: SqlStore) -> None:
    _copy(kept, t.claims, "id", "claim-2", id="claim-9")
    _named(kept, "claim 'claim-9'", "not in the audit trail")


def test_a_claim_removed(kept: SqlStore) -> None:
    _sql(kept, "DELETE FROM claims WHERE id = 'claim-3'")
    _named(kept, "claim 'claim-3'", "removed")


def test_a_review_decision_removed(kept: SqlStore) -> None:
    """The acceptance deleted: the claim reads as a suggestion again."""
    _sql(kept, "DELETE FROM revisions WHERE kind = 'claim'")
    _named(kept, "claim 'claim-1'", "revision")


def test_a_review_decision_rewritten(kept: SqlStore) -> None:
    cast = "::json" if kept.engine.dialect.name == "postgresql" else ""
    _sql(
        kept,
        "UPDATE revisions SET payload = REPLACE(CAST(payload AS TEXT), 'accepted', 'rejected')"
        f"{cast} WHERE kind = 'claim'",
    )
    _named(kept, "claim 'claim-1'", "review_status")


# -- judgements and conflict choices ---------------------------------------------------------------


def test_a_judgement_leaves_the_person_it_judges_intact(store: SqlStore) -> None:
    """A judgement's entry is filed under the person it judges, holding the name judged and the
    judgement's note: it was compared with the person as if it were a version of them, so any
    judgement of a name other than the person's own broke the verdict ("field 'name' is not what
    the audit trail last recorded") with nothing changed in SQL."""
    person = Person(id="by-p", name="Mikola Statkevich", recorded_at=AT)
    store.apply(Batch(persons=[person]), "ana", AT)
    store.add_judgement(Judgement("M. Statkevich", person.id, "same", "ana", AT, "a note"))
    verdict = audit_trail.verify(store)
    assert verdict.ok, verdict.broken


def test_a_judgements_verdict_changed(kept: SqlStore) -> None:
    _sql(kept, "UPDATE judgements SET verdict = 'same' WHERE verdict = 'not_same'")
    _named(kept, "judgement 2", "'verdict'")


def test_a_judgement_slipped_in(kept: SqlStore) -> None:
    with kept.engine.connect() as conn:
        first = conn.execute(select(t.judgements.c.id).order_by(t.judgements.c.id)).scalar()
    _copy(kept, t.judgements, "id", first, id=7, name="Mikalai Statkevich")
    _named(kept, "judgement 7", "not in the audit trail")


def test_a_judgement_removed(kept: SqlStore) -> None:
    _sql(kept, "DELETE FROM judgements WHERE verdict = 'not_same'")
    _named(kept, "judgement 2", "removed")


def test_a_judgements_revision_removed(kept: SqlStore) -> None:
    _sql(kept, "DELETE FROM revisions WHERE kind = 'judgement'")
    _named(kept, "judgement 1", "revision 1", "removed")


def test_a_conflict_choice_changed(kept: SqlStore) -> None:
    _sql(kept, "UPDATE choices SET chosen = 'b'")
    _named(kept, "conflict choice 1", "'chosen'")


def test_a_conflict_choice_slipped_in(kept: SqlStore) -> None:
    _copy(kept, t.choices, "id", 1, id=5, chosen="b")
    _named(kept, "conflict choice 5", "not in the audit trail")


def test_a_conflict_choice_removed(kept: SqlStore) -> None:
    _sql(kept, "DELETE FROM choices")
    _named(kept, "conflict choice 1", "removed")


# -- the name queue ------------------------------------------------------------------------------


def test_a_queued_name_resolved_in_sql(kept: SqlStore) -> None:
    _sql(kept, "UPDATE name_queue SET status = 'resolved', person_id = 'by-other' WHERE id = 1")
    _named(kept, "queued name 1", "'person_id'")


def test_a_withdrawn_name_brought_back(kept: SqlStore) -> None:
    _sql(kept, "UPDATE name_queue SET status = 'pending' WHERE status = 'withdrawn'")
    _named(kept, "queued name 3", "'status'", "'withdrawn'")


def test_a_name_slipped_into_the_queue(kept: SqlStore) -> None:
    _copy(kept, t.name_queue, "id", 1, id=9)
    _named(kept, "queued name 9", "not in the audit trail")


def test_a_queued_name_removed(kept: SqlStore) -> None:
    _sql(kept, "DELETE FROM name_queue WHERE id = 1")
    _named(kept, "queued name 1", "removed")


# -- demands -------------------------------------------------------------------------------------


def test_a_demands_count_changed(kept: SqlStore) -> None:
    _sql(kept, "UPDATE demands SET count = 99 WHERE id = 'dm-2'")
    _named(kept, "demand 'dm-2'", "'count'")


def test_a_name_on_a_demand_changed(kept: SqlStore) -> None:
    _sql(kept, "UPDATE demand_names SET person_id = 'by-other' WHERE position = 0")
    _named(kept, "demand 'dm-1'", "position 0")


def test_a_name_removed_from_a_demand(kept: SqlStore) -> None:
    _sql(kept, "DELETE FROM demand_names WHERE position = 1")
    _named(kept, "demand 'dm-1'", "position 1", "removed")


def test_a_source_linked_to_a_demand_in_sql(kept: SqlStore) -> None:
    _copy(kept, t.record_sources, "record_id", "dm-1", record_id="dm-2")
    _named(kept, "demand 'dm-2'", "sources")


def test_a_decision_on_a_demand_slipped_in(kept: SqlStore) -> None:
    _copy(kept, t.demand_decisions, "demand_id", "dm-1", id=9, person_id="by-statkevich")
    _named(kept, "demand 'dm-1'", "decision", "not in the audit trail")


def test_a_demands_void_removed(kept: SqlStore) -> None:
    _sql(kept, "DELETE FROM demand_voids")
    _named(kept, "demand 'dm-2'", "void", "counts again")


def test_a_demand_slipped_in(kept: SqlStore) -> None:
    _copy(kept, t.demands, "id", "dm-2", id="dm-9")
    _named(kept, "demand 'dm-9'", "not in the audit trail")


def test_a_demand_removed(kept: SqlStore) -> None:
    for table in ("demand_voids", "demand_decisions", "demand_names"):
        _sql(kept, f"DELETE FROM {table} WHERE demand_id = 'dm-2'")
    _sql(kept, "DELETE FROM demands WHERE id = 'dm-2'")
    _named(kept, "demand 'dm-2'", "removed")


# -- passwords and sessions ----------------------------------------------------------------------


def test_a_password_hash_replaced_in_sql(kept: SqlStore) -> None:
    """Whoever sets a hash of a password they know logs in as that user."""
    forged = accounts._hasher.hash("my own password")
    _sql(kept, f"UPDATE users SET password_hash = '{forged}' WHERE name = 'root'")
    _named(kept, "password hash", "'root'")


def test_an_old_password_hash_put_back(kept: SqlStore) -> None:
    acc = AccountStore(kept)
    old = acc.user("ana")
    assert old is not None
    accounts.reset_password(acc, "ana", "a third password", "root", NOW)
    assert audit_trail.verify(kept).ok  # a reset through the application
    _sql(kept, f"UPDATE users SET password_hash = '{old.password_hash}' WHERE name = 'ana'")
    _named(kept, "password hash", "'ana'")


def _session(store: SqlStore, token_hash: str, user_id: int) -> None:
    with store.engine.begin() as conn:
        conn.execute(
            insert(t.sessions).values(
                token_hash=token_hash,
                user_id=user_id,
                csrf="c" * 32,
                created_at=NOW,
                expires_at=NOW + timedelta(hours=12),
            )
        )


def test_a_session_slipped_in(kept: SqlStore) -> None:
    """A login no password gave."""
    _session(kept, "d" * 64, 1)
    _named(kept, "session dddddddddddd", "'root'", "no login")


def test_a_logged_out_session_put_back(kept: SqlStore) -> None:
    with kept.engine.connect() as conn:
        (rid,) = conn.execute(select(t.audit.c.record_id).where(t.audit.c.action == "logout")).one()
    assert rid  # the session's id; its token's hash starts with it
    _session(kept, rid + "0" * (64 - len(rid)), 1)
    _named(kept, f"session {rid}", "ended (logout")


def test_a_session_moved_to_another_user(kept: SqlStore) -> None:
    _sql(kept, "UPDATE sessions SET user_id = (SELECT id FROM users WHERE name = 'root')")
    _named(kept, "session", "user is not what the audit trail recorded")


def test_a_live_session_removed(kept: SqlStore) -> None:
    _sql(kept, "DELETE FROM sessions")
    _named(kept, "session", "'ana'", "before it expired")


def test_sessions_ended_and_pruned_by_the_application_verify(store: SqlStore) -> None:
    """A logout, a password reset and a disable end sessions; a login prunes those expired:
    none of it breaks the verdict, and the pruned session is gone from the table."""
    acc = AccountStore(store)
    accounts.add_user(acc, "root", "admin", PASSWORD, AT)
    accounts.add_user(acc, "ana", "analyst", PASSWORD, AT)
    accounts.login(acc, "ana", PASSWORD, "127.0.0.1", AT)  # expires 12 hours after AT
    accounts.login(acc, "root", PASSWORD, "127.0.0.1", NOW - timedelta(hours=1))
    with store.engine.connect() as conn:
        left = conn.execute(select(t.sessions.c.created_at)).scalars().all()
    assert left == [NOW - timedelta(hours=1)]  # ana's expired session was pruned
    accounts.login(acc, "ana", PASSWORD, "127.0.0.1", NOW - timedelta(minutes=30))
    accounts.reset_password(acc, "ana", "another password", "root", NOW - timedelta(minutes=20))
    accounts.login(acc, "ana", "another password", "127.0.0.1", NOW - timedelta(minutes=10))
    accounts.set_disabled(acc, "ana", True, "root", NOW - timedelta(minutes=5))
    verdict = audit_trail.verify(store)
    assert verdict.ok, verdict.broken
    ended = audit_trail.log(store, audit.Filter(kind="session"))
    assert [e.action for e in reversed(ended)] == ["login", "login", "login", "end", "login", "end"]


# -- the command line and the migration ------------------------------------------------------------


def test_audit_verify_exits_2_naming_the_table(tmp_path: Path) -> None:
    cli = Cli(f"sqlite:///{tmp_path / 'cli.db'}", tmp_path)
    store = SqlStore(cli.db)
    store.migrate()
    _written(store)
    _sql(store, "UPDATE judgements SET verdict = 'same'")
    store.close()
    done = cli("audit", "verify")
    assert done.code == 2, done.out + done.err
    assert "judgement 2" in done.err + done.out and "Traceback" not in done.err


def test_what_a_store_held_before_verifies_after_the_migration(store_url: str) -> None:
    """A store migrated to 0012 holds a queued name, a user's password, a session and a demand
    whose entry names no sources, none of them in the chain as verify now wants them: after
    migration 0013 it verifies, and each is then checked."""
    engine = create_engine(store_url)
    for rev in ("0004", "0005", "0006", "0007", "0008", "0009", "0010", "0011", "0012"):
        migrate.upgrade(engine, rev)  # every branch, all but 0013
    engine.dispose()
    store = SqlStore(store_url)  # at 0012: the application writes as it did then, below
    store.apply(Batch(sources=[SOURCE], claims=[_claim("claim-1", 5)]), "ana", AT)
    pw = accounts._hasher.hash(PASSWORD)
    with store.engine.begin() as conn:
        user = {"name": "old", "role": "analyst", "disabled_at": None}
        _audit(conn, AT, "root", "add", "user", "old", None, user)
        uid = conn.execute(
            insert(t.users).values(name="old", role="analyst", password_hash=pw, created_at=AT)
        ).inserted_primary_key
        assert uid is not None
        conn.execute(
            insert(t.sessions).values(
                token_hash="e" * 64,
                user_id=uid[0],
                csrf="c",
                created_at=NOW,
                expires_at=NOW + timedelta(hours=12),
            )
        )
        conn.execute(
            insert(t.name_queue).values(
                claim_id="claim-1",
                name="Old Name",
                candidates=[],
                status="pending",
                person_id=None,
                recorded_at=AT,
            )
        )
        row = {
            "id": "dm-old",
            "by": "EU",
            "of_party": None,
            "country": None,
            "made_earliest": date(2025, 6, 1),
            "made_latest": date(2025, 6, 1),
            "made_precision": "day",
            "count": 3,
            "qualifier": "exact",
            "claim_id": None,
            "note": None,
            "recorded_at": AT,
            "recorded_by": "ana",
        }
        conn.execute(insert(t.demands).values(**row))
        conn.execute(
            insert(t.record_sources).values(
                record_kind="demand", record_id="dm-old", source_id=SOURCE.id, position=0
            )
        )
        _audit(conn, AT, "ana", "insert", "demand", "dm-old", None, {**row, "names": []})
    store.migrate()
    try:
        verdict = audit_trail.verify(store)
        assert verdict.ok, verdict.broken
        _sql(store, "UPDATE name_queue SET status = 'resolved'")
        _named(store, "queued name 1", "'status'")
        _sql(store, "UPDATE name_queue SET status = 'pending'")
        _sql(store, "DELETE FROM record_sources WHERE record_kind = 'demand'")
        _named(store, "demand 'dm-old'", "sources")
        _sql(
            store,
            "INSERT INTO record_sources (record_kind, record_id, source_id, position) "
            f"VALUES ('demand', 'dm-old', '{SOURCE.id}', 0)",
        )
        _sql(store, "UPDATE users SET password_hash = 'x'")
        _named(store, "password hash", "'old'")
    finally:
        store.close()


# -- generated writes through the services ---------------------------------------------------------

_STEP = st.one_of(
    st.tuples(st.just("login"), st.sampled_from(["root", "ana"])),
    st.tuples(st.just("logout"), st.integers(0, 5)),
    st.tuples(st.just("reset"), st.sampled_from(["root", "ana"])),
    st.tuples(st.just("toggle"), st.just("ana")),
    st.tuples(st.just("judge"), st.sampled_from(["same", "not_same", "unsure"])),
    st.tuples(st.just("rejudge"), st.integers(0, 5)),
    st.tuples(st.just("choose"), st.sampled_from(["a", "b"])),
    st.tuples(st.just("queue"), st.sampled_from(["claim-1", "claim-2"])),
    st.tuples(st.just("resolve"), st.integers(0, 5)),
    st.tuples(st.just("drop"), st.sampled_from(["claim-1", "claim-2"])),
    st.tuples(st.just("demand"), st.integers(0, 3)),
    st.tuples(st.just("decide"), st.integers(0, 5)),
    st.tuples(st.just("void"), st.integers(0, 5)),
    st.tuples(st.just("review"), st.sampled_from(["accepted", "rejected", "suggested"])),
)


class _Run:
    """Generated steps applied through the application, hours apart (all before now)."""

    def __init__(self, store: SqlStore) -> None:
        self.store, self.acc, self.demands = store, AccountStore(store), DemandStore(store)
        self.tokens: list[str] = []
        self.passwords = {"root": PASSWORD, "ana": PASSWORD}
        self.demand_ids: list[str] = []
        self.at = NOW - timedelta(days=20)
        person = Person(id="by-p", name="Some Person", recorded_at=self.at)
        claims = [_claim("claim-1", 5), _claim("claim-2", 7)]
        store.apply(Batch(sources=[SOURCE], persons=[person], claims=claims), "ana", self.at)
        for name in self.passwords:
            accounts.add_user(self.acc, name, "admin", PASSWORD, self.at)

    def step(self, what: str, arg: object) -> None:
        self.at += timedelta(hours=3)
        at, store = self.at, self.store
        if what == "login":
            user = self.acc.user(str(arg))
            if user is not None and user.active:
                done = accounts.login(self.acc, str(arg), self.passwords[str(arg)], "::1", at)
                self.tokens.append(done.token)
        elif what == "logout" and self.tokens:
            accounts.logout(self.acc, self.tokens[int(str(arg)) % len(self.tokens)], at)
        elif what == "reset":
            self.passwords[str(arg)] = f"new password {at:%d%H}"
            accounts.reset_password(self.acc, str(arg), self.passwords[str(arg)], "root", at)
        elif what == "toggle":
            user = self.acc.user("ana")
            assert user is not None
            accounts.set_disabled(self.acc, "ana", user.active, "root", at)
        elif what == "judge":
            store.add_judgement(Judgement("S. Person", "by-p", str(arg), "ana", at))
        elif what == "rejudge" and store.judgements():
            found = store.judgements()
            j = found[int(str(arg)) % len(found)]
            store.revise(
                "judgement", str(j.id), dataclasses.replace(j, note=f"{at}"), "ana", at, "x"
            )
        elif what == "choose":
            store.add_choice("e1|date", str(arg), "ana", at, "why")
        elif what == "queue":
            store.queue_name(str(arg), "S. Persn", [{"person_id": "by-p"}], at, "ana")
        elif what == "resolve":
            pending = store.queued_names()
            if pending:
                q = pending[int(str(arg)) % len(pending)]
                store.resolve_name(q.id, "by-p", "ana", at)
        elif what == "drop":
            store.drop_queued(str(arg), "ana", at)
        elif what == "demand":
            did = f"dm-{len(self.demand_ids)}"
            names = tuple(
                DemandName(i, f"Name {i}", NameState.UNSURE) for i in range(int(str(arg)))
            )
            made = parse_fuzzy("2025-06-01")
            self.demands.add(
                Demand(did, "EU", made, at, "ana", names=names, source_ids=(SOURCE.id,)), "ana", at
            )
            self.demand_ids.append(did)
        elif what == "decide" and self.demand_ids:
            found = [d for d in self.demands.demands() if d.names]
            if found:
                d = found[int(str(arg)) % len(found)]
                self.demands.decide(d.id, d.names[0].position, "by-p", "ana", at, None)
        elif what == "void" and self.demand_ids:
            live = [d.id for d in self.demands.demands() if d.voided_at is None]
            if live:
                self.demands.void(live[int(str(arg)) % len(live)], "ana", at, "mistake")
        elif what == "review":
            (claim,) = store.claims(ids=["claim-1"])
            review = Review(ReviewStatus(str(arg)), "ana", at, None)
            store.update_claim(dataclasses.replace(claim, review=review), "ana", at)


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(_STEP, min_size=1, max_size=25))
def test_generated_service_writes_always_verify(steps: list[tuple[str, object]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = SqlStore(f"sqlite:///{Path(tmp) / 'ledger.db'}")
        store.migrate()
        try:
            run = _Run(store)
            for what, arg in steps:
                run.step(what, arg)
            verdict = audit_trail.verify(store)
            assert verdict.ok, (steps, verdict.broken)
        finally:
            store.close()
