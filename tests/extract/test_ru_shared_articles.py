"""The shared Russian and Belarusian articles (read from ../shared, never copied): language,
spans, the contract's vocabulary, names in the article's script, and what a careful reader
finds, matched against the gold files on action and count."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path
from typing import Any

import pytest

from prisonwatch.core.vocabulary import ClaimAction, Qualifier, ReleaseMechanism
from prisonwatch.extract.language import detect_language
from prisonwatch.extract.slavic.reader import read as read_typed
from prisonwatch.ingest.documents import Document, read_documents
from prisonwatch.services.extracting import to_json
from tests.conftest import SHARED


def read(doc: Document) -> dict[str, Any]:
    return to_json(read_typed(doc))


RU = SHARED / "articles" / "ru"
ARTICLES = sorted(RU.glob("*.txt"))
DAY = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

pytestmark = pytest.mark.skipif(not ARTICLES, reason="shared Russian articles not present")


@pytest.fixture(scope="module")
def outputs() -> dict[str, tuple[Document, dict[str, Any]]]:
    out = {}
    for path in ARTICLES:
        doc = next(iter(read_documents(path)))
        assert isinstance(doc, Document)
        code = detect_language(doc.text).code
        assert code in ("ru", "be"), path
        doc = dataclasses.replace(doc, language=code)
        out[path.stem] = (doc, read(doc))
    return out


def test_spans_and_vocabulary(outputs: dict[str, tuple[Document, dict[str, Any]]]) -> None:
    actions = {a.value for a in ClaimAction}
    qualifiers = {q.value for q in Qualifier}
    mechanisms = {m.value for m in ReleaseMechanism}
    for doc, out in outputs.values():
        assert out["document"]["language"] == doc.language
        for c in out["claims"]:
            ev = c["evidence"]
            assert doc.text[ev["start"] : ev["end"]] == ev["text"]
            assert c["action"] in actions and c["qualifier"] in qualifiers
            assert (c["mechanism"] in mechanisms) == (c["action"] == "released")
            assert re.fullmatch(r"[a-z_]+", c["population"])
            for d in (c["when"] or {}).values():
                assert DAY.match(d)
            for name in c["persons"]:
                assert re.search(r"[а-яёіў]", name), name  # the article's script
        for q in out["quotes"]:
            assert doc.text[q["start"] : q["end"]] == q["text"]


def _match(pred: list[dict[str, Any]], gold: list[dict[str, Any]]) -> int:
    left = [(p["action"], p["count"]) for p in pred]
    hits = 0
    for g in gold:
        if (g["action"], g["count"]) in left:
            left.remove((g["action"], g["count"]))
            hits += 1
    return hits


def test_claims_found(outputs: dict[str, tuple[Document, dict[str, Any]]]) -> None:
    """Claim F1 over the ten articles, on action and count, stays at or above the issue's
    target 0.85 (bench/extract_eval_ru.py gives the figures per field)."""
    tp = n_pred = n_gold = 0
    for stem, (_, out) in outputs.items():
        gold = json.loads((RU / "gold" / f"{stem}.json").read_text("utf-8"))["claims"]
        tp += _match(out["claims"], gold)
        n_pred += len(out["claims"])
        n_gold += len(gold)
    p, r = tp / n_pred, tp / n_gold
    assert 2 * p * r / (p + r) >= 0.85, (p, r)


def test_names_in_the_nominative(outputs: dict[str, tuple[Document, dict[str, Any]]]) -> None:
    """Names the text gives in another case come out in the nominative, in its script."""
    persons = {n for _, out in outputs.values() for c in out["claims"] for n in c["persons"]}
    agents = {c["agent"] for _, out in outputs.values() for c in out["claims"]}
    assert {"Игорь Лосик", "Алесь Бяляцкі", "Мікалай Статкевіч", "Дарья Лосик"} <= persons
    assert "Лукашэнка" in agents  # "вызваленых Лукашэнкам"
    assert not any(re.search(r"(?:ага|ого|ича|ім)$", p) for p in persons), persons


def test_events(outputs: dict[str, tuple[Document, dict[str, Any]]]) -> None:
    kinds = {stem: sorted(e["kind"] for e in out["events"]) for stem, (_, out) in outputs.items()}
    for stem in kinds:
        gold = json.loads((RU / "gold" / f"{stem}.json").read_text("utf-8"))["events"]
        assert kinds[stem] == sorted(e["kind"] for e in gold), stem


def test_paths_are_not_copied() -> None:
    """The tests read the articles from the shared folder, never a copy in the project."""
    here = Path(__file__).resolve().parents[2]
    assert not list(here.glob("**/ru/gold/*.json"))
