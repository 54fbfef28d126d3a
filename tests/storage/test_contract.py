"""The storage contract: every backend must pass every test here."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from prisonwatch.core.dates import parse_fuzzy
from prisonwatch.core.records import (
    Claim,
    Concession,
    Deal,
    Event,
    Observation,
    Person,
    Source,
    Span,
)
from prisonwatch.core.vocabulary import (
    EventKind,
    Gender,
    ObservationMetric,
    Protection,
    Qualifier,
    ReleaseMechanism,
)
from prisonwatch.storage.port import Batch, BatchError, StorageError
from prisonwatch.storage.sql import SqlStore

AT = datetime(2026, 1, 2, 3, 4, 5)


def sample_batch() -> Batch:
    src2 = Source(
        id=Source.make_id(None, "https://example.org/0"),
        url="https://example.org/0",
        title=None,
        publisher=None,
        published=None,
        language=None,
        recorded_at=AT,
    )
    src = Source(
        id=Source.make_id(None, "https://example.org/a"),
        url="https://example.org/a",
        title="A report",
        publisher="Example",
        published=date(2025, 9, 12),
        language="en",
        recorded_at=AT,
    )
    person = Person(
        id="by-statkevich",
        name="Mikola Statkevich",
        aliases=("Mikalai Statkevich", "Мікола Статкевіч", "Николай Статкевич"),
        birth_year=1956,
        gender=Gender.MALE,
        region="Minsk",
        country="BY",
        protection=Protection.PUBLIC,
        recorded_at=AT,
    )
    hidden = Person(
        id="by-hidden", name="Hidden Person", protection=Protection.COUNTS_ONLY, recorded_at=AT
    )
    deal = Deal(
        id="BY-2025-09-11",
        date=parse_fuzzy("2025-09-11"),
        recorded_at=AT,
        country="BY",
        parties=("Belarus", "United States"),
        mediator=None,
        concessions=(Concession("United States", "sanctions_lifted", "Belavia"),),
        reported_released=52,
        reported_political_prisoners=40,
        figures_by="Viasna",
        source_ids=(src.id, src2.id),
    )
    claim = Claim(
        id="claim-1",
        source_id=src.id,
        action="released",
        count=52,
        qualifier=Qualifier.EXACT,
        population="people",
        when=parse_fuzzy("2025-09"),
        evidence=Span(0, 10, "0123456789"),
        extractor="test",
        extractor_version="1",
        recorded_at=AT,
        persons=("Mikola Statkevich",),
        mechanism=ReleaseMechanism.DEAL,
        country="BY",
    )
    events = [
        Event(
            "e1", person.id, EventKind.DETAINED, parse_fuzzy("2020-05-31"), AT, source_ids=(src.id,)
        ),
        Event(
            "e2", person.id, EventKind.DESIGNATED, parse_fuzzy("2020-06"), AT, organisation="Viasna"
        ),
        Event(
            "e3",
            person.id,
            EventKind.RELEASED,
            parse_fuzzy("2025-09-11"),
            AT,
            mechanism=ReleaseMechanism.DEAL,
            deal_id=deal.id,
            source_ids=(src.id,),
            claim_ids=(claim.id,),
        ),
        Event("e4", person.id, EventKind.RETURNED_TO_CUSTODY, parse_fuzzy("2025-09/2025-10"), AT),
        Event("e5", hidden.id, EventKind.DETAINED, parse_fuzzy("2023"), AT),
    ]
    obs = Observation(
        id="obs-1",
        metric=ObservationMetric.HELD,
        value=1246,
        period=parse_fuzzy("2025-09"),
        recorded_at=AT,
        organisation="Viasna",
        country="BY",
        qualifier=Qualifier.EXACT,
        source_ids=(src.id,),
    )
    return Batch(
        sources=[src, src2],
        persons=[person, hidden],
        deals=[deal],
        events=events,
        observations=[obs],
        claims=[claim],
    )


def test_round_trip(store: SqlStore) -> None:
    batch = sample_batch()
    result = store.apply(batch, "tester", AT)
    assert result.added["events"] == 5 and result.unchanged == 0
    assert sorted(store.sources(), key=lambda s: s.id) == sorted(batch.sources, key=lambda s: s.id)
    assert sorted(store.persons(), key=lambda p: p.id) == sorted(batch.persons, key=lambda p: p.id)
    assert store.person("by-statkevich") == batch.persons[0]
    assert store.person("nobody") is None
    assert sorted(store.events(), key=lambda e: e.id) == batch.events
    assert store.events(["by-hidden"]) == [batch.events[4]]
    assert store.deals() == batch.deals
    assert store.observations() == batch.observations
    assert store.claims() == batch.claims
    assert store.claims(source_id="other") == []


def test_repeat_is_idempotent_even_with_a_later_recording_time(store: SqlStore) -> None:
    batch = sample_batch()
    store.apply(batch, "tester", AT)
    later = Batch(
        sources=[replace(s, recorded_at=datetime(2027, 1, 1)) for s in batch.sources],
        persons=batch.persons,
        deals=batch.deals,
        events=batch.events,
        observations=batch.observations,
        claims=batch.claims,
    )
    result = store.apply(later, "tester", AT)
    assert sum(result.added.values()) == 0 and result.unchanged == len(batch)
    assert len(store.events()) == 5


def test_changed_content_under_a_stored_id_rejects_the_whole_batch(store: SqlStore) -> None:
    batch = sample_batch()
    store.apply(batch, "tester", AT)
    new_person = Person(id="new", name="New Person", recorded_at=AT)
    changed = replace(batch.events[2], date=parse_fuzzy("2025-09-12"))
    with pytest.raises(BatchError) as err:
        store.apply(Batch(persons=[new_person], events=[changed]), "tester", AT)
    assert "already stored with other content" in str(err.value.problems[0])
    assert store.person("new") is None
    stored = {e.id: e for e in store.events(["by-statkevich"])}
    assert stored["e3"].date == parse_fuzzy("2025-09-11")


def test_dangling_references_and_duplicates_are_rejected(store: SqlStore) -> None:
    batch = sample_batch()
    bad = Event(
        "x1",
        "ghost",
        EventKind.DETAINED,
        parse_fuzzy("2020"),
        AT,
        deal_id="no-deal",
        supersedes="no-event",
        source_ids=("no-source",),
    )
    batch.events.append(bad)
    batch.events.append(batch.events[0])
    batch.where["x1"] = "events.csv:7"
    with pytest.raises(BatchError) as err:
        store.apply(batch, "tester", AT)
    messages = [str(p) for p in err.value.problems]
    assert any("duplicate event id 'e1'" in m for m in messages)
    assert "events.csv:7: person_id: unknown person 'ghost'" in messages
    assert "events.csv:7: deal_id: unknown deal 'no-deal'" in messages
    assert "events.csv:7: supersedes: unknown event 'no-event'" in messages
    assert "events.csv:7: source: unknown source 'no-source'" in messages
    assert store.persons() == [] and store.sources() == []


def test_problems_names_what_apply_refuses_and_writes_nothing(store: SqlStore) -> None:
    store.apply(sample_batch(), "tester", AT)
    entries = len(store.audit_log(limit=10_000))
    good = Batch(persons=[Person(id="new", name="New Person", recorded_at=AT)])
    assert store.problems(good) == []
    bad = sample_batch()
    bad.events[2] = replace(bad.events[2], date=parse_fuzzy("2025-09-12"))
    bad.events.append(Event("x1", "ghost", EventKind.DETAINED, parse_fuzzy("2020"), AT))
    bad.where["x1"] = "events.csv:7"
    found = [str(p) for p in store.problems(bad)]
    assert "events.csv:7: person_id: unknown person 'ghost'" in found
    assert any("'e3' is already stored with other content" in m for m in found)
    with pytest.raises(BatchError) as err:
        store.apply(bad, "tester", AT)
    assert sorted(str(p) for p in err.value.problems) == sorted(found)
    assert store.person("new") is None and len(store.audit_log(limit=10_000)) == entries
    assert store.problems(good) == []


def test_corrections_are_appended_not_overwritten(store: SqlStore) -> None:
    batch = sample_batch()
    store.apply(batch, "tester", AT)
    fix = Event(
        "e4b",
        "by-statkevich",
        EventKind.RETURNED_TO_CUSTODY,
        parse_fuzzy("2025-09-15"),
        datetime(2026, 2, 1),
        recorded_by="analyst",
        supersedes="e4",
    )
    store.apply(Batch(events=[fix]), "analyst", datetime(2026, 2, 1))
    events = {e.id: e for e in store.events()}
    assert events["e4"].date == parse_fuzzy("2025-09/2025-10")
    assert events["e4b"].supersedes == "e4" and events["e4b"].recorded_by == "analyst"
    entries = store.audit_log("e4b")
    assert len(entries) == 1 and entries[0].actor == "analyst"
    assert entries[0].before is None and entries[0].after is not None
    assert entries[0].after["supersedes"] == "e4"


def test_every_insert_is_audited(store: SqlStore) -> None:
    batch = sample_batch()
    store.apply(batch, "tester", AT)
    log = store.audit_log(limit=1000)
    assert {(a.record_kind, a.record_id) for a in log} == {
        *(("source", s.id) for s in batch.sources),
        ("person", "by-statkevich"),
        ("person", "by-hidden"),
        ("deal", "BY-2025-09-11"),
        ("claim", "claim-1"),
        ("observation", "obs-1"),
        *(("event", e.id) for e in batch.events),
    }
    assert all(a.at == AT and a.actor == "tester" for a in log)


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("Statkevich", ["by-statkevich"]),
        ("статкевич", ["by-statkevich"]),
        ("МІКОЛА", ["by-statkevich"]),
        ("kola stat", ["by-statkevich"]),
        ("%", []),
        ("_", []),
        ("   ", []),
    ],
)
def test_find_persons(store: SqlStore, query: str, found: list[str]) -> None:
    store.apply(sample_batch(), "tester", AT)
    assert [p.id for p in store.find_persons(query)] == found


def test_exact_name_ranks_first(store: SqlStore) -> None:
    people = [
        Person(id=f"p{i}", name=n, recorded_at=AT)
        for i, n in enumerate(["Anna Ivanova-Smith", "Anna Ivanova", "Ivanova"])
    ]
    store.apply(Batch(persons=people), "t", AT)
    assert next(p.id for p in store.find_persons("ivanova")) == "p2"
    assert next(p.id for p in store.find_persons("Anna Ivanova")) == "p1"


def test_migrate_twice_is_harmless(store: SqlStore) -> None:
    store.migrate()
    store.apply(sample_batch(), "tester", AT)
    store.migrate()
    assert len(store.events()) == 5


def test_unreachable_postgres_is_a_clear_error() -> None:
    s = SqlStore("postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2")
    with pytest.raises(StorageError, match=r"127\.0\.0\.1"):
        s.migrate()


def test_unwritable_sqlite_file_is_a_clear_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    s = SqlStore(f"sqlite:///{tmp_path / 'missing-dir' / 'x.db'}")
    with pytest.raises(StorageError, match="unable to open database file"):
        s.migrate()


def test_password_is_never_shown() -> None:
    s = SqlStore("postgresql+psycopg://user:s3cret@127.0.0.1:1/none?connect_timeout=2")
    with pytest.raises(StorageError) as err:
        s.persons()
    assert "s3cret" not in str(err.value)


def test_claim_review_updates_are_audited(store: SqlStore) -> None:
    batch = sample_batch()
    store.apply(batch, "tester", AT)
    claim = batch.claims[0]
    from prisonwatch.core.records import Review
    from prisonwatch.core.vocabulary import ReviewStatus

    later = datetime(2026, 3, 1)
    accepted = replace(claim, review=Review(ReviewStatus.ACCEPTED, "analyst", later), count=53)
    store.update_claim(accepted, "analyst", later)
    (stored,) = store.claims()
    assert stored.review.status is ReviewStatus.ACCEPTED and stored.count == 53
    entry = store.audit_log(claim.id, limit=1)[0]
    assert entry.action == "revise" and entry.actor == "analyst"
    assert entry.before is not None and entry.before["count"] == 52
    assert entry.after is not None and entry.after["count"] == 53
    with pytest.raises(StorageError):
        store.update_claim(replace(claim, id="nope"), "analyst", later)


def test_merge_judgements_queue_and_choices(store: SqlStore) -> None:
    from prisonwatch.storage.port import Judgement

    store.apply(sample_batch(), "tester", AT)
    other = Person(id="dup", name="Mikalai Statkevich", recorded_at=AT)
    store.apply(Batch(persons=[other]), "tester", AT)
    store.merge_persons("by-statkevich", "dup", "analyst", AT)
    assert store.person("dup") is not None and store.person("dup").merged_into == "by-statkevich"  # type: ignore[union-attr]
    for keep, gone in (("dup", "dup"), ("by-statkevich", "dup"), ("ghost", "by-hidden")):
        with pytest.raises(StorageError):
            store.merge_persons(keep, gone, "analyst", AT)
    store.add_judgement(Judgement("Statkevich, Mikola", "by-statkevich", "same", "analyst", AT))
    assert [j.verdict for j in store.judgements("Mikola Statkevich")] == ["same"]
    qid = store.queue_name("claim-1", "M. Statkevich", [{"person_id": "by-statkevich"}], AT)
    assert [q.name for q in store.queued_names()] == ["M. Statkevich"]
    store.resolve_name(qid, "by-statkevich", "analyst", AT)
    assert store.queued_names() == [] and store.queued_names(None)[0].person_id == "by-statkevich"
    store.add_choice("released 2025-12-13", "obs-1", "analyst", AT, "official list")
    (choice,) = store.choices()
    assert (choice.chosen, choice.chosen_by, choice.why) == ("obs-1", "analyst", "official list")


def test_a_wrong_merge_is_undone_by_a_revision(store: SqlStore) -> None:
    store.apply(sample_batch(), "tester", AT)
    other = Person(id="namesake", name="Mikalai Statkevich", recorded_at=AT)
    store.apply(Batch(persons=[other]), "tester", AT)
    store.merge_persons("by-statkevich", "namesake", "analyst", AT)
    assert store.unmerge_person("namesake", "analyst", AT, "a namesake") == "by-statkevich"
    back = store.person("namesake")
    assert back is not None and back.merged_into is None
    steps = store.revisions("person", "namesake")
    assert [s.why for s in steps][-2:] == ["merged into by-statkevich", "a namesake"]
    for gone in ("namesake", "ghost"):  # no longer merged; unknown
        with pytest.raises(StorageError):
            store.unmerge_person(gone, "analyst", AT, "again")
    store.merge_persons("by-statkevich", "namesake", "analyst", AT)  # may be merged again
    assert store.person("namesake").merged_into == "by-statkevich"  # type: ignore[union-attr]
    assert store.audit_disagreement() is None


def test_deal_update_and_extractions(store: SqlStore) -> None:
    from prisonwatch.storage.port import Extraction

    batch = sample_batch()
    batch.extractions.append(Extraction(batch.sources[0].id, "x/1", {"events": []}, AT))
    store.apply(batch, "tester", AT)
    store.apply(batch, "tester", AT)  # the same extraction again changes nothing
    assert [x.extractor_version for x in store.extractions()] == ["x/1"]
    deal = replace(
        batch.deals[0],
        reported_returned=1,
        concessions=(
            Concession("United States", "sanctions_lifted", "Belavia"),
            Concession("Belarus", "payment", None),
        ),
    )
    store.update_deal(deal, "analyst", AT)
    assert store.deals() == [deal]


def test_claims_by_source_and_by_id(store: SqlStore) -> None:
    batch = sample_batch()
    store.apply(batch, "tester", AT)
    claim = batch.claims[0]
    assert store.claims(ids=[claim.id]) == [claim]
    assert store.claims(ids=["nope"]) == []
    assert store.claims(source_id=claim.source_id) == [claim]


def test_every_event_read_whole_shares_repeated_values(store: SqlStore) -> None:
    """Read whole (as the derived ledger is built from the store), events share one object
    per distinct day range, day, recording time and tuple of sources: each event held its
    own before, some 150 MB of a server at 100,000 persons and a million events. The values
    are those stored, as a read of some events by id gives them."""
    batch = sample_batch()
    store.apply(batch, "tester", AT)
    src = batch.sources[1].id
    more = [
        Event(f"x{i}", "by-statkevich", EventKind.DETAINED, parse_fuzzy("2020-05-31"), AT)
        for i in range(3)
    ] + [Event("y", "by-hidden", EventKind.RELEASED, parse_fuzzy("2024"), AT, source_ids=(src,))]
    store.apply(Batch(events=more), "tester", AT)
    found = {e.id: e for e in store.events()}
    assert [found[e.id] for e in [*batch.events, *more]] == [*batch.events, *more]
    assert store.events(["by-statkevich", "by-hidden"]) == store.events()  # the persons' read
    first, again = found["e1"], found["x2"]
    assert first.date is again.date and first.recorded_at is again.recorded_at
    assert first.date.earliest is first.date.latest
    assert first.source_ids is found["e3"].source_ids and found["y"].source_ids == (src,)
    assert found["e4"].date.earliest is not found["e4"].date.latest


def test_claimed_events_are_the_events_citing_a_claim_as_they_stand(store: SqlStore) -> None:
    """`claimed_events`: every event that cites a claim (first written so, or given claims by a
    revision), as it stands now, and no event an import wrote without claims read whole."""
    assert store.claimed_events() == []
    store.apply(sample_batch(), "tester", AT)
    citing = {e.id: e for e in store.events() if e.claim_ids}
    assert citing and len(citing) < len(store.events())
    assert {e.id: e for e in store.claimed_events() if e.claim_ids} == citing
    plain = next(e for e in store.events() if not e.claim_ids)
    claim_id = next(iter(citing.values())).claim_ids[0]
    store.revise("event", plain.id, replace(plain, claim_ids=(claim_id,)), "analyst", AT, "cites")
    now = {e.id: e for e in store.claimed_events() if e.claim_ids}
    assert now[plain.id].claim_ids == (claim_id,) and set(now) == {*citing, plain.id}
