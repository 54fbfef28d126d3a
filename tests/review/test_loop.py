"""The loop users live in: ingest, review, the record, names, merges, conflicts (every backend)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from prisonwatch.core.bitemporal import effective_events
from prisonwatch.core.vocabulary import EventKind, ReviewStatus
from prisonwatch.extract.pipeline import Extractor
from prisonwatch.extract.results import ArticleExtraction
from prisonwatch.ingest.documents import Document, read_documents
from prisonwatch.services import conflicts, figures, importing, ingesting, matching, reviewing
from prisonwatch.storage.sql import SqlStore
from tests.cli.conftest import SAMPLE_FILES
from tests.conftest import SHARED

NOW = datetime(2026, 11, 29, 12, 0)
SEED = SHARED / "articles" / "000_1c74653c835ba617.txt"


def doc(path: Path) -> Document:
    d = next(iter(read_documents(path)))
    assert isinstance(d, Document)
    return d


@pytest.fixture(scope="module")
def seed_output(extractor: Extractor) -> tuple[Document, ArticleExtraction]:
    d = doc(SEED)
    return d, extractor.extract(d)


@pytest.fixture(scope="module")
def pardon_output(extractor: Extractor) -> tuple[Document, ArticleExtraction]:
    d = doc(SHARED / "articles" / "020.txt")
    return d, extractor.extract(d)


def with_sample(store: SqlStore) -> SqlStore:
    report = importing.import_files(store, [Path(p) for p in SAMPLE_FILES], "tester", NOW)
    assert report.ok, report.problems
    return store


def test_ingest_is_idempotent_and_newer_versions_supersede(
    store: SqlStore, seed_output: tuple[Document, ArticleExtraction]
) -> None:
    d, out = seed_output
    first = ingesting.ingest(store, [d], [out], "tester", NOW)
    assert (first.sources_added, first.claims_added) == (1, len(out.claims))
    again = ingesting.ingest(store, [d], [out], "tester", NOW)
    assert (again.sources_added, again.claims_added, again.superseded) == (0, 0, 0)
    changed = tuple(c if c.action != "demanded" else replace(c, count=1500) for c in out.claims)
    newer = replace(out, extractor=replace(out.extractor, version="9.9"), claims=changed)
    third = ingesting.ingest(store, [d], [newer], "tester", NOW)
    assert (third.claims_added, third.superseded) == (1, 1)
    open_ones = reviewing.suggestions(store)
    assert sorted(c.count for c in open_ones if c.action == "demanded") == [1500]
    assert len(store.extractions()) == 2


def test_accepting_the_seed_article_gives_the_deal(
    store: SqlStore, seed_output: tuple[Document, ArticleExtraction]
) -> None:
    with_sample(store)
    d, out = seed_output
    ingesting.ingest(store, [d], [out], "tester", NOW)
    ids, done = reviewing.accept_source(store, d.id, 0.0, "analyst", NOW)
    assert len(ids) == 5 and done.observations == 4
    scope = figures.Scope()
    deals = {x["id"]: x for x in figures.deals(figures.View.load(store, scope), scope)}
    sept = deals["BY-2025-09-11"]
    published = sept["published"]
    assert 52 in {f["value"] for f in published["released"]}
    assert (40, "Viasna") in {(f["value"], f["by"]) for f in published["political_prisoners"]}
    assert sept["registry"]["returned_to_custody"] == 1
    assert [p["name"] for p in sept["registry"]["returned_persons"]] == ["Mikola Statkevich"]
    belavia = {"by": "United States", "what": "sanctions_lifted", "target": "Belavia"}
    assert belavia in [{k: c[k] for k in ("by", "what", "target")} for c in sept["concessions"]]
    rate = [r for r in sept["replacement"] if r["basis"] == "published_rate"]
    assert rate and rate[0]["needed"] == 40 and rate[0]["designations"] == 167
    assert len(deals) == 3  # the article's account joined the deal already recorded
    assert all(
        c.review.status is ReviewStatus.ACCEPTED and c.review.reviewer == "analyst"
        for c in store.claims(source_id=d.id)
    )
    obs = [o for o in store.observations() if o.claim_id]
    assert {o.value for o in obs} == {52, 40, 1, 167}
    assert all(o.source_ids == (d.id,) for o in obs)


def test_named_persons_join_their_records_and_deals(
    store: SqlStore, pardon_output: tuple[Document, ArticleExtraction]
) -> None:
    with_sample(store)
    d, out = pardon_output
    ingesting.ingest(store, [d], [out], "tester", NOW)
    (main,) = [c for c in reviewing.suggestions(store, source=d.id) if c.count == 123]
    done = reviewing.accept(store, [main.id], "analyst", NOW)
    assert done.persons_created == 0 and not done.queued
    kalesnikava = [
        e
        for e in effective_events(store.events(["by-kalesnikava-maria"]))
        if e.kind is EventKind.RELEASED
    ]
    assert len(kalesnikava) == 1  # one release, now resting on two sources
    (release,) = kalesnikava
    assert main.id in release.claim_ids and d.id in release.source_ids
    assert release.deal_id == "BY-2025-12-13" and release.supersedes is not None


def test_review_errors_change_nothing(
    store: SqlStore, seed_output: tuple[Document, ArticleExtraction]
) -> None:
    d, out = seed_output
    ingesting.ingest(store, [d], [out], "tester", NOW)
    (first, *_) = reviewing.suggestions(store)
    with pytest.raises(reviewing.ReviewError, match="unknown suggestion 'nope'"):
        reviewing.accept(store, [first.id, "nope"], "analyst", NOW)
    assert all(c.review.status is ReviewStatus.SUGGESTED for c in store.claims())
    reviewing.reject(store, [first.id], "analyst", NOW, "not about prisoners")
    with pytest.raises(reviewing.ReviewError, match="already rejected by analyst"):
        reviewing.accept(store, [first.id], "other", NOW)
    with pytest.raises(reviewing.ReviewError, match="count"):
        reviewing.edit(store, reviewing.suggestions(store)[0].id, {"count": 0}, "analyst", NOW)
    target = reviewing.suggestions(store)[0].id
    edited = reviewing.edit(store, target, {"when": "2025-09"}, "analyst", NOW)
    assert str(edited.when) == "2025-09"
    assert store.audit_log(edited.id, limit=1)[0].before is not None


def test_names_decisions_and_merges(store: SqlStore) -> None:
    with_sample(store)
    found = matching.match(store, "Тихановского").candidates
    assert found[0].person_id == "by-tsikhanouski-siarhei"
    best = matching.match(store, "Lukashenka, Mikola Statkevich")
    assert best.candidates[0].person_id == "by-statkevich-mikola"
    matching.judge(store, "M. Statkevich", "by-statkevich-mikola", "not_same", "analyst", NOW)
    assert all(
        c.person_id != "by-statkevich-mikola"
        for c in matching.match(store, "M. Statkevich").candidates
    )
    with pytest.raises(matching.DecisionError, match="was judged not_same"):
        matching.judge(store, "Statkevich, M.", "by-statkevich-mikola", "same", "other", NOW)
    with pytest.raises(matching.DecisionError, match="with itself"):
        matching.merge(store, "by-znak-maksim", "by-znak-maksim", "analyst", NOW)
    matching.merge(store, "by-dziadok-mikola", "by-khilo-mikalai", "analyst", NOW)
    index, persons = matching.build_index(store)
    assert matching.resolve(persons, "by-khilo-mikalai") == "by-dziadok-mikola"
    assert "by-khilo-mikalai" not in index.names


def test_conflicts_are_listed_and_chosen(store: SqlStore) -> None:
    with_sample(store)
    found = {c.key: c for c in conflicts.find(store)}
    key = "released|BY|2025-12-13"
    assert {o["value"] for o in found[key].options} == {123, 114, 109}
    with pytest.raises(conflicts.ConflictError, match="say why"):
        conflicts.choose(store, key, "by-released-2025-12-13", "analyst", NOW, " ")
    with pytest.raises(conflicts.ConflictError, match="not one of"):
        conflicts.choose(store, key, "nope", "analyst", NOW, "x")
    conflicts.choose(store, key, "by-released-2025-12-13", "analyst", NOW, "two sources agree")
    chosen = {c.key: c for c in conflicts.find(store)}[key].chosen
    assert chosen is not None and chosen["by"] == "analyst" and chosen["why"] == "two sources agree"
