"""A release figure accepted from an article counts political prisoners only when the article
says they were: "31 prisoners, including 12 political prisoners, Viasna said" gave a deal with
31 *and* 12 political prisoners "per Viasna", because the organisation a figure names means
"political prisoners by its recognition" (docs/ledger.md) and both figures named Viasna."""

from __future__ import annotations

from datetime import date

from prisonwatch.extract.pipeline import Extractor
from prisonwatch.ingest.documents import Document
from prisonwatch.services import figures, ingesting, reviewing
from prisonwatch.storage.sql import SqlStore
from tests.review.test_loop import NOW

ARTICLE = (
    "MINSK, Nov 20 - Belarus released 31 prisoners on Thursday, including 12 political "
    "prisoners, after a meeting between President Alexander Lukashenko and U.S. envoy John "
    "Coale, the human rights group Viasna said.\n"
    "In return, the United States lifted sanctions on the potash producer Belaruskali, Coale "
    "told reporters.\n"
)


def test_a_count_of_prisoners_is_no_count_of_political_prisoners(
    store: SqlStore, extractor: Extractor
) -> None:
    d = Document("deal.txt", ARTICLE, date(2026, 11, 20), "Belarus frees 31 prisoners")
    ingesting.ingest(store, [d], [extractor.extract(d)], "tester", NOW)
    counts = {
        (c.count, c.population): c
        for c in reviewing.suggestions(store, source=d.id)
        if c.action == "released"
    }
    both = [counts[(31, "prisoners")].id, counts[(12, "political_prisoners")].id]
    assert counts[(31, "prisoners")].attributed_to == "Viasna"  # as the article says
    reviewing.accept(store, both, "ana", NOW)
    scope = figures.Scope()
    (deal,) = figures.deals(figures.View.load(store, scope), scope)
    published = deal["published"]
    assert [f["value"] for f in published["political_prisoners"]] == [12]
    assert [f["by"] for f in published["political_prisoners"]] == ["Viasna"]
    assert sorted(f["value"] for f in published["released"]) == [31]
