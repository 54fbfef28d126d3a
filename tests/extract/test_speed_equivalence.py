"""The extractor's quicker ways of doing its own steps give what the plain ways gave: the
model's attribute rules looked up per token, the parse's count patterns matched only in
sentences holding a number, our sentence starts set as one array, and the concession hint
that stops at the first concession. Each is compared with the plain way on every shared
article and on sentences written to reach the rules the quick ways leave to spaCy."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from prisonwatch.extract import counts_by_parse, events, nlp
from prisonwatch.extract.attribute_index import IndexedMatcher
from prisonwatch.extract.pipeline import Extractor
from prisonwatch.ingest.documents import Document, read_documents
from tests.conftest import SHARED

ARTICLES = sorted((SHARED / "articles").glob("*.txt"))

#: Written to meet the rules looked up with a filter or left to spaCy's `Matcher` (two-token
#: patterns, regular expressions, `NOT_IN`), numbers in a headline and in running text, a
#: sentence with no number, white space holding line breaks.
OWN = [
    " date 2025-03-04 Court frees 12 Activists\nCourt frees 12 activists\n"
    "Police said they ain't gonna stop. Let's see, y'all said nothin' new.\n \n"
    "There are 40 prisoners still held, and it was given to you and me.\n"
    "The authorities have done what they had promised; it gave them to him.\n"
    "Two of the freed men were re-arrested on Friday.\n\n\nNo one counted anyone here.",
    " date 2024-11-02 Sanctions\nSanctions\nWashington lifted sanctions on the airline "
    "after Minsk freed 52 prisoners. The US had eased sanctions in 2023.",
    "   \n\n  ",
]


def _texts() -> list[str]:
    out = list(OWN)
    for path in ARTICLES:
        doc = next(iter(read_documents(path)))
        assert isinstance(doc, Document)
        out.append(doc.text)
    return out


def test_the_shared_articles_are_read() -> None:
    assert len(ARTICLES) >= 20, f"the shared articles are missing under {SHARED}"


def _matcher_of(extractor: Extractor) -> IndexedMatcher:
    ruler: Any = extractor.nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler.matcher, IndexedMatcher)
    return ruler.matcher


def test_attribute_rules_looked_up_match_as_spacy_matches(extractor: Extractor) -> None:
    indexed = _matcher_of(extractor)
    model = extractor.nlp
    leave = [n for n in model.pipe_names if n not in ("tok2vec", "tagger", "parser")]
    with model.select_pipes(disable=[*leave, "prisonwatch_sentences"]):
        docs = list(model.pipe(_texts()))
    for doc in docs:
        quick = Counter(indexed(doc, allow_missing=True))
        plain = Counter(indexed.matcher(doc, allow_missing=True, as_spans=False))
        assert quick == plain, doc.text[:60]
    # most rules are looked up, and some are still left to spaCy (the sentences above reach them)
    plan = indexed._plan
    assert plan is not None
    assert 0 < len(plan.rest) < 20


def test_attribute_rules_added_later_are_looked_up_too(extractor: Extractor) -> None:
    import spacy
    from spacy.matcher import Matcher

    blank = spacy.blank("en")
    plain = Matcher(blank.vocab)
    keys: list[str] = []
    indexed = IndexedMatcher(plain, lambda: list(keys))
    doc = blank("free the men now")
    indexed.add("0", [[{"LOWER": "free"}]])
    keys.append("0")
    assert [s for _, s, _ in indexed(doc, allow_missing=True)] == [0]
    indexed.add("1", [[{"LOWER": {"IN": ["men", "now"]}}]])
    indexed.add("2", [[{"LOWER": {"NOT_IN": ["the"]}, "IS_SPACE": False}]])
    keys.extend(["1", "2"])
    got = Counter(indexed(doc, allow_missing=True))
    assert got == Counter(plain(doc, allow_missing=True, as_spans=False))
    assert sum(got.values()) == 1 + 2 + 3


def _sentence_starts_plain(doc: Any) -> Any:
    """Our sentence starts set token by token, as before."""
    starts = {s for s, _ in nlp.sentences(doc.text)}
    for tok in doc:
        if tok.i == 0:
            continue
        tok.is_sent_start = tok.idx in starts or (
            doc[tok.i - 1].is_space and "\n" in doc[tok.i - 1].text
        )
    return doc


def test_sentence_starts_set_as_an_array_are_the_same(extractor: Extractor) -> None:
    from spacy.attrs import SENT_START

    tokenizer = extractor.nlp.tokenizer
    for text in _texts():
        quick = nlp._own_sentences(tokenizer(text))
        plain = _sentence_starts_plain(tokenizer(text))
        assert quick.to_array([SENT_START]).tolist() == plain.to_array([SENT_START]).tolist()


def test_count_patterns_matched_by_sentence_are_the_same(extractor: Extractor) -> None:
    for doc in extractor.nlp.pipe(_texts()):
        whole = [(m, list(ids)) for m, ids in counts_by_parse._matcher(doc.vocab)(doc)]
        quick = counts_by_parse._matches(doc)
        assert sorted(quick) == sorted(whole), doc.text[:60]
        # within a sentence, in the matcher's own order
        for sent in doc.sents:
            inside = [x for x in whole if sent.start <= x[1][0] < sent.end]
            assert [x for x in quick if sent.start <= x[1][0] < sent.end] == inside


def test_a_count_pattern_without_a_number_is_refused() -> None:
    import spacy
    from spacy.matcher import DependencyMatcher

    numbered = counts_by_parse._Numbered(DependencyMatcher(spacy.blank("en").vocab))
    verb = {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"POS": "VERB"}}
    noun = {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "noun", "RIGHT_ATTRS": {"DEP": "dobj"}}
    with pytest.raises(counts_by_parse.NumberlessPatternError, match="numberless"):
        numbered.add("numberless", [[verb, noun]])
    number = {"LEFT_ID": "noun", "REL_OP": ">", "RIGHT_ID": "n", "RIGHT_ATTRS": {"DEP": "nummod"}}
    numbered.add("counted", [[verb, noun, number]])


@pytest.mark.parametrize("path", ARTICLES + [Path(f"own{i}") for i in range(len(OWN))])
def test_the_concession_hint_is_the_events_with_no_claims(extractor: Extractor, path: Path) -> None:
    if path.name.startswith("own"):
        text = OWN[int(path.name[3:])]
        doc: Any = Document("own.txt", text, None, "own")
        if text.startswith(" date "):
            from datetime import date

            doc = Document("own.txt", text, date.fromisoformat(text[6:16]), "own")
    else:
        doc = next(iter(read_documents(path)))
    a = extractor._article(doc, extractor.nlp(doc.text))
    plain = any(k.kind == "concession" for k in events.find_events(a, extractor.gazetteer, []))
    assert events.concession_told(a, extractor.gazetteer) == plain
    if path.name == "own1":  # "Washington lifted sanctions ... after Minsk freed 52"
        assert plain
