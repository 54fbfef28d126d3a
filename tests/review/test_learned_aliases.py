"""Review teaches the registry the spellings it meets: a stored person named under a spelling
the registry does not hold keeps it as an alias, in the nominative, as a revision of the
person by the reviewer, withdrawn again by `review undo` (every backend)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from prisonwatch.extract.pipeline import Extractor
from prisonwatch.ingest.documents import Document
from prisonwatch.services import acceptance, editing, ingesting, matching, reviewing
from prisonwatch.storage.sql import SqlStore
from tests.review.test_loop import NOW, with_sample

ARTICLE = (
    "Ігара Лосіка вызвалілі 11 верасня 2025 года, паведамляе Вясна. "
    "Лосік правёў у турме больш за чатыры гады."
)


def _accept_one(store: SqlStore, extractor: Extractor, text: str, lang: str = "be") -> str:
    d = Document("alias.txt", text, date(2025, 9, 12), "Вызваленне", language=lang)
    ingesting.ingest(store, [d], [extractor.extract(d)], "tester", NOW)
    (claim,) = [c for c in reviewing.suggestions(store, source=d.id) if c.persons]
    return claim.id


def test_accepting_a_cyrillic_name_keeps_it_as_an_alias_and_undo_withdraws_it(
    store: SqlStore, extractor: Extractor
) -> None:
    with_sample(store)
    assert store.person("by-losik-ihar") is not None
    assert not store.find_persons("Ігар Лосік")  # the registry holds no Belarusian spelling
    before = store.persons()
    cid = _accept_one(store, extractor, ARTICLE)
    plan = acceptance.preview(store, store.claims(ids=[cid])[0], "ana", NOW)
    assert plan.aliases == [{"person": "by-losik-ihar", "spelling": "Ігар Лосік"}]
    assert store.persons() == before  # a preview writes nothing
    done = reviewing.accept(store, [cid], "ana", NOW)
    assert done.aliases == ["Ігар Лосік → by-losik-ihar"]
    person = store.person("by-losik-ihar")
    assert person is not None and "Ігар Лосік" in person.aliases
    assert [p.id for p in store.find_persons("Ігар Лосік")] == ["by-losik-ihar"]
    steps = editing.history(store, "person", "by-losik-ihar")
    assert (steps[-1].actor, steps[-1].at, steps[-1].why) == ("ana", NOW, f"accepted claim {cid}")
    assert steps[-1].fields["aliases"][1][-1] == "Ігар Лосік"
    for form in ("Ігара Лосіка", "Ігару Лосіку", "Ігарам Лосікам", "Ihara Łosika"):
        found = matching.match(store, form)
        assert found.accepted is not None and found.accepted.person_id == "by-losik-ihar", form
    undone = reviewing.undo(store, cid, "ana", NOW, "read wrong")
    assert undone.aliases == 1
    assert store.persons() == before
    assert not store.find_persons("Ігар Лосік")
    assert editing.history(store, "person", "by-losik-ihar")[-1].why.startswith("undo of accepting")
    again = reviewing.accept(store, [cid], "ana", NOW)  # accepted again: learned again
    assert again.aliases == ["Ігар Лосік → by-losik-ihar"]


@pytest.mark.parametrize(
    ("written", "learned"),
    [
        ("Ігара Лосіка", "Ігар Лосік"),  # genitive: kept in the nominative
        ("Ігарам Лосікам", "Ігар Лосік"),  # instrumental
        ("Игоря Лосика", None),  # Russian: "Игорь Лосик" is held already
        ("Лосіка", None),  # a surname alone is never learned
        ("Ihar Losik", None),  # held
        ("IHAR   LOSIK", None),  # held but for capitals and spacing
    ],
)
def test_an_edited_name_is_learned_in_the_nominative_never_as_written(
    store: SqlStore, extractor: Extractor, written: str, learned: str | None
) -> None:
    with_sample(store)
    cid = _accept_one(store, extractor, ARTICLE)
    reviewing.edit(store, cid, {"persons": written}, "ana", NOW)
    before = store.person("by-losik-ihar")
    done = reviewing.accept(store, [cid], "ana", NOW)
    after = store.person("by-losik-ihar")
    assert before is not None and after is not None
    if learned is None:
        assert done.aliases == [] and after == before
        assert not any(
            r.why == f"accepted claim {cid}" for r in store.revisions("person", after.id)
        )
    else:
        assert after.aliases == (*before.aliases, learned)
        assert written not in after.aliases or written == learned


def test_a_lacinka_name_is_learned_with_its_diacritics(
    store: SqlStore, extractor: Extractor
) -> None:
    with_sample(store)
    cid = _accept_one(store, extractor, ARTICLE)
    reviewing.edit(store, cid, {"persons": "Alesia Bialackaha"}, "ana", NOW)
    reviewing.accept(store, [cid], "ana", NOW)
    person = store.person("by-bialiatski-ales")
    assert person is not None and person.aliases[-1] == "Aleś Bialacki"
    assert [p.id for p in store.find_persons("Aleś Bialacki")] == ["by-bialiatski-ales"]


def test_a_protected_person_keeps_protection_with_the_spelling_learned(
    store: SqlStore, extractor: Extractor
) -> None:
    with_sample(store)
    losik = store.person("by-losik-ihar")
    assert losik is not None
    from prisonwatch.core.vocabulary import Protection

    store.revise(
        "person", losik.id, replace(losik, protection=Protection.WITHHOLD_NAME), "admin", NOW, "ask"
    )
    cid = _accept_one(store, extractor, ARTICLE)
    reviewing.accept(store, [cid], "ana", NOW)
    person = store.person("by-losik-ihar")
    assert person is not None and person.protection is Protection.WITHHOLD_NAME
    assert "Ігар Лосік" in person.aliases
