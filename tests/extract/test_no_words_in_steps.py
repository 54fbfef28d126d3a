"""The steps hold no English words: the words live in `extract/lang/en/` as data.

A "word literal" is a string constant (docstrings aside) holding a run of three or more
letters that is not an allowed non-word: a spaCy label, an entity type, a contract value. The
modules written since the words moved to data must hold none; the older rule modules are on a
ratchet: their count of word literals may only go down (lower the figure when you move words
out), so no new English enters a step.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from prisonwatch.core.vocabulary import ClaimAction, EventKind, Qualifier, ReleaseMechanism

EXTRACT = Path(__file__).resolve().parents[2] / "src" / "prisonwatch" / "extract"

#: Non-words a step may name: spaCy's dependency labels, parts of speech and pipe names, the
#: entity types, the contract's values, file and package names.
ALLOWED = frozenset(
    {
        "nsubj", "nsubjpass", "agent", "pobj", "dobj", "compound", "amod", "appos", "conj",
        "nummod", "prep", "PROPN", "VERB", "NOUN", "mark", "senter", "parser", "ner", "expand",
        "person", "organization", "country", "place", "utf", "txt", "json", "data",
        "words", "prisonwatch", "extract", "confidence", "weights", "intercept", "rule",
        "parse_agrees", "log_distance", "attributed", "in_title", "part_of", "count", "bare",
        "named", "described", "everyone", "people", "concession", "prisonwatch_sentences",
        "_noun", "_nationals",  # the population markers of lexicon.POPULATIONS
        # spaCy's English dependency labels, tags and entity labels, and the keys of its
        # DependencyMatcher patterns: the parse's vocabulary, not English words
        "dative", "prt", "advmod", "acomp", "oprd", "ccomp", "xcomp", "aux", "auxpass",
        "advcl", "pcomp", "relcl", "neg", "quantmod", "punct", "poss", "NUM", "NORP", "DATE",
        "TIME",
        "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "RIGHT_ID", "RIGHT_ATTRS", "LEFT_ID",
        "REL_OP", "DEP", "POS", "LEMMA", "LOWER",
        # the names of the tokens and patterns of counts_by_parse, and the moods it tells
        "verb", "noun", "number", "gift", "share", "given", "given_dative", "object",
        "passive", "fact", "demand", "unreal", "parse_", "counts-by-parse/1.5", "listing",
        "acl", "participle", "share_participle",
        "AUX", "attr",
        "level", "tally", "tally_direct", "VBP", "VBZ", "parse", "dep",
        "persons-by-parse/1.3", "claims/1.13",
        # patterns and token names added in issue 12's third session, and spaCy's keys
        "nominal", "subject", "share_subject", "share_auxsubject", "among", "group",
        "ORTH", "attribute_ruler", "given_passive",
        "det", "PRON", "events/1.3", "quotes/1.1",
        # issue 12's world-news round: a pattern and the parse rules a participle yields to
        "share_going", "parse_object", "parse_given",
        # spaCy's morphological features (issue 12, session 4): a pronoun's gender, an
        # article's definiteness
        "Gender", "Neut", "Definite", "Def",
        # issue 12, session 6: a pronoun's person, number and type, the tags of a participle,
        # a past-tense auxiliary and plural nouns, and the label of a flat name part
        "Person", "PronType", "Prs", "Number", "Plur", "VBN", "VBD", "NNS", "NNPS", "flat",
        # issue 12, session 7: the set test of spaCy's Matcher the attribute index reads
        "NOT_IN",
        # the contract's field names, event kinds and concession values
        # (shared/design/EXTRACTION.md)
        "source", "when", "mechanism",
        "meeting", "visit", "talks", "appointment", "statement", "sanctions_lifted",
        "sanctions_eased", "payment", "exchange",
        *(v.value for v in ClaimAction), *(v.value for v in Qualifier),
        *(v.value for v in ReleaseMechanism), *(v.value for v in EventKind),
        # the names of the concepts (lang/en/words/*.txt) a step asks its language for
        *(p.stem for p in (EXTRACT / "lang" / "en" / "words").glob("*.txt")),
    }
)  # fmt: skip

#: Modules that must hold no word literal at all.
CLEAN = (
    "grammar.py",
    "parse.py",
    "confidence.py",
    "results.py",
    "lang/__init__.py",
    "counts_by_parse.py",
    "numbers.py",
    "persons_by_parse.py",
    "clauses.py",
    "claims.py",
    "counting.py",
    "pronouns.py",
    "states.py",
    "attribute_index.py",
)

#: The older rule modules and their word literals today: the figure may only go down.
RATCHET = {
    "attribution.py": 0,
    "context.py": 0,
    "entities.py": 12,
    "events.py": 0,
    "people.py": 85,
    "quotes.py": 0,
    "relations.py": 0,
    "timex.py": 142,
    "timing.py": 10,
    "sentences.py": 1,
    "pipeline.py": 9,
    "gazetteer.py": 6,
    "nlp.py": 16,
}

_WORD = re.compile(r"[A-Za-z]{3,}")


def word_literals(path: Path) -> list[str]:
    """The string constants of a module that hold a word, docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    found = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
            and node.value not in ALLOWED
            and any(w not in ALLOWED for w in _WORD.findall(node.value))
        ):
            found.append(node.value)
    return found


@pytest.mark.parametrize("name", CLEAN)
def test_new_step_modules_hold_no_words(name: str) -> None:
    assert word_literals(EXTRACT / name) == []


@pytest.mark.parametrize("name", sorted(RATCHET))
def test_older_rule_modules_hold_no_more_words_than_before(name: str) -> None:
    found = len(word_literals(EXTRACT / name))
    assert found <= RATCHET[name], f"{name}: {found} word literals, at most {RATCHET[name]}"


def test_the_detector_finds_a_word() -> None:
    source = 'X = re.compile(r"\\b(?:freed|released)\\b")\nY = "nsubj"\n'
    path = Path(__file__).with_name("_probe_words.tmp")
    path.write_text(source, encoding="utf-8")
    try:
        assert word_literals(path) == [r"\b(?:freed|released)\b"]
    finally:
        path.unlink()
