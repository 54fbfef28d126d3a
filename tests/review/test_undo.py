"""Accept shows what it will do, and can be undone: accept -> undo gives the state before."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from prisonwatch.core.bitemporal import effective_events
from prisonwatch.core.vocabulary import ReviewStatus
from prisonwatch.ingest.documents import Document
from prisonwatch.services import acceptance, importing, ingesting, reviewing
from prisonwatch.storage.sql import SqlStore
from tests.review.test_loop import NOW, seed_output, with_sample

__all__ = ["seed_output"]


def state(store: SqlStore) -> dict[str, Any]:
    """Everything acceptance may change, as the ledger reads it now."""
    return {
        "persons": store.persons(),
        "events": sorted(effective_events(store.events()), key=lambda e: e.id),
        "deals": store.deals(),
        "observations": store.observations(),
        "open": sorted(c.id for c in reviewing.suggestions(store)),
        "queued": [(q.claim_id, q.name) for q in store.queued_names()],
    }


def test_preview_then_accept_then_undo_gives_the_state_before(
    store: SqlStore, seed_output: tuple[Document, dict[str, Any]]
) -> None:
    with_sample(store)
    d, out = seed_output
    ingesting.ingest(store, [d], [out], "tester", NOW)
    before = state(store)
    claims = sorted(reviewing.suggestions(store, source=d.id), key=lambda c: c.evidence.start)
    previews = [acceptance.preview(store, c, "analyst", NOW) for c in claims]
    assert state(store) == before  # a preview writes nothing
    assert sum(len(p.figures) for p in previews) == 4
    ids, done = reviewing.accept_source(store, d.id, 0.0, "analyst", NOW)
    assert done.observations == 4
    (sept,) = [x for x in store.deals() if x.id == "BY-2025-09-11"]
    assert d.id in sept.source_ids and len(sept.source_ids) > 1  # enriched by a second source
    assert state(store) != before
    for cid in reversed(ids):
        (claim,) = store.claims(ids=[cid])
        acceptance.undo(store, claim, "analyst", NOW, "mis-read")
    assert state(store) == before
    assert all(c.review.status is ReviewStatus.SUGGESTED for c in store.claims(source_id=d.id))
    again = reviewing.accept(store, ids, "analyst", NOW)
    assert again.observations == 4
    assert len(store.observations()) == len(before["observations"]) + 4


def test_undo_of_a_claim_never_accepted_is_refused(
    store: SqlStore, seed_output: tuple[Document, dict[str, Any]]
) -> None:
    d, out = seed_output
    ingesting.ingest(store, [d], [out], "tester", NOW)
    claim = reviewing.suggestions(store)[0]
    with pytest.raises(acceptance.UndoError, match="not accepted"):
        acceptance.undo(store, claim, "analyst", NOW, "x")


def test_undo_of_the_claim_that_built_a_deal_voids_it_unless_others_still_rest_on_it(
    store: SqlStore, seed_output: tuple[Document, dict[str, Any]], tmp_path: Path
) -> None:
    """A deal built by accepting a claim leaves with the undo of that claim (its figures and
    its "built from claim" note too); a release recorded since that names the deal, or a later
    change still in force, makes the undo refuse with the reason, and nothing is written."""
    d, out = seed_output
    ingesting.ingest(store, [d], [out], "tester", NOW)
    before = state(store)
    claims = {(c.action, c.count): c for c in reviewing.suggestions(store, source=d.id)}
    main = claims[("released", 52)]
    done = reviewing.accept(store, [main.id], "analyst", NOW)
    (deal,) = store.deals()
    assert done.deals == [deal.id] and main.id in (deal.note or "")
    persons = tmp_path / "persons_x.csv"
    persons.write_text(
        "id,name,country,recorded_at\nby-x-person,Ales Test,BY,2025-01-01\n", encoding="utf-8"
    )
    events = tmp_path / "events_x.csv"
    events.write_text(
        "id,person_id,kind,date,mechanism,deal_id,recorded_at\n"
        "x-det,by-x-person,detained,2021-01-01,,,2025-01-01\n"
        f"x-rel,by-x-person,released,2025-09-11,pardon,{deal.id},2025-12-13\n",
        encoding="utf-8",
    )
    assert importing.import_files(store, [persons, events], "tester", NOW).ok
    with_release = state(store)
    (claim,) = store.claims(ids=[main.id])
    with pytest.raises(acceptance.UndoError, match="x-rel"):
        acceptance.undo(store, claim, "analyst", NOW, "misread")
    assert state(store) == with_release
    store.revise("event", "x-rel", None, "analyst", NOW, "not in this deal")
    (claim,) = store.claims(ids=[main.id])
    undone = acceptance.undo(store, claim, "analyst", NOW, "misread")
    assert undone.deals_voided == 1 and undone.deals_restored == 0
    assert store.deals() == []
    after = state(store)
    assert after["observations"] == before["observations"] and after["open"] == before["open"]
