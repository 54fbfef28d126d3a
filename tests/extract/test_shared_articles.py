"""The shared articles: the seed article's contract table, and on every article every span and
every value the contract enumerates."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from prisonwatch.core.vocabulary import ClaimAction, Qualifier, ReleaseMechanism
from prisonwatch.extract.pipeline import EXTRACTOR, VERSION, Extractor
from prisonwatch.ingest.documents import Document, read_documents
from prisonwatch.services.extracting import to_json
from tests.conftest import SHARED
from tests.extract.conftest import only

ARTICLES = sorted((SHARED / "articles").glob("*.txt"))
SEED = SHARED / "articles" / "000_1c74653c835ba617.txt"


def _read(path: Path) -> Document:
    doc = next(iter(read_documents(path)))
    assert isinstance(doc, Document)
    return doc


def test_shared_articles_are_present() -> None:
    assert SEED.exists(), f"{SEED} is missing: the tests read the shared articles from there"
    assert len(ARTICLES) >= 10


@pytest.fixture(scope="module")
def seed(extractor: Extractor) -> dict[str, Any]:
    return to_json(extractor.extract(_read(SEED)))


def test_seed_claims_match_the_contract_table(seed: dict[str, Any]) -> None:
    claims = seed["claims"]
    demanded = only(claims, "demanded", 1400)
    assert (demanded["qualifier"], demanded["population"]) == ("up_to", "people")
    assert demanded["agent"] == "Donald Trump" and demanded["source"] is None
    assert demanded["when"] is None or demanded["when"]["to"] <= "2025-12-12"
    freed = only(claims, "released", 52)
    assert (freed["qualifier"], freed["population"], freed["part_of"]) == ("exact", "people", None)
    assert freed["when"] == {"from": "2025-09", "to": "2025-09"}
    assert (freed["agent"], freed["source"]) == ("Alexander Lukashenko", "Viasna")
    political = only(claims, "released", 40)
    assert political["population"] == "political_prisoners" and political["part_of"] == freed["id"]
    assert political["when"] == {"from": "2025-09", "to": "2025-09"}
    assert (political["agent"], political["source"]) == ("Alexander Lukashenko", "Viasna")
    back = only(claims, "returned_to_custody", 1)
    assert (back["population"], back["part_of"]) == ("people", freed["id"])
    assert back["when"] == {"from": "2025-09", "to": "2025-12-12"}
    assert back["agent"] is None and back["source"] is None
    new = only(claims, "designated", 167)
    assert new["population"] == "political_prisoners" and new["part_of"] is None
    assert new["when"] == {"from": "2025-09", "to": "2025-12-12"}
    assert (new["agent"], new["source"]) == ("Viasna", "Viasna")
    assert all(c["extractor"] == EXTRACTOR and c["extractor_version"] == VERSION for c in claims)


def test_seed_events_and_quotes(seed: dict[str, Any]) -> None:
    events = {e["kind"]: e for e in seed["events"]}
    meeting = events["meeting"]
    assert meeting["when"] == {"from": "2025-12-12", "to": "2025-12-12"}
    assert meeting["place"] == "Minsk"
    assert set(meeting["participants"]) == {"John Coale", "Alexander Lukashenko"}
    visit = events["visit"]
    assert visit["participants"] == ["John Coale"] and visit["place"] == "Belarus"
    assert visit["when"] == {"from": "2025-09", "to": "2025-09"}
    concession = events["concession"]
    assert (concession["by"], concession["what"], concession["target"]) == (
        "United States",
        "sanctions_lifted",
        "Belavia",
    )
    freed = only(seed["claims"], "released", 52)
    assert concession["in_return_for"] == [freed["id"]]
    by_lukashenko = [q for q in seed["quotes"] if q["speaker"] == "Alexander Lukashenko"]
    assert len(by_lukashenko) == 3
    assert [q["via"] for q in by_lukashenko].count("Belta") == 1


def test_seed_entities_are_canonical(seed: dict[str, Any]) -> None:
    names = {(e["name"], e["type"]) for e in seed["entities"]}
    assert ("Alexander Lukashenko", "person") in names
    assert ("Viasna", "organization") in names
    assert ("Belavia", "organization") in names
    assert not any(n == "Lukashenko" for n, _ in names)


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_every_span_points_into_the_text(extractor: Extractor, path: Path) -> None:
    doc = _read(path)
    out = to_json(extractor.extract(doc))
    text = doc.text
    assert text == path.read_text(encoding="utf-8")
    assert out["document"]["id"].startswith("sha256:") and out["document"]["date"]
    for item in out["claims"] + out["events"]:
        ev = item["evidence"]
        assert text[ev["start"] : ev["end"]] == ev["text"]
    for q in out["quotes"]:
        assert text[q["start"] : q["end"]] == q["text"]
    for ent in out["entities"]:
        for start, end in ent["mentions"]:
            assert 0 <= start < end <= len(text)
    ids = [c["id"] for c in out["claims"]]
    assert len(ids) == len(set(ids))
    assert all(c["part_of"] in ids for c in out["claims"] if c["part_of"])


ACTIONS = {a.value for a in ClaimAction}
QUALIFIERS = {q.value for q in Qualifier}
MECHANISMS = {m.value for m in ReleaseMechanism}
REDUCED_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
EVENT_KINDS = {"meeting", "visit", "talks", "concession", "appointment", "statement"}


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_every_value_is_one_the_contract_names(extractor: Extractor, path: Path) -> None:
    out = to_json(extractor.extract(_read(path)))
    for c in out["claims"]:
        assert c["action"] in ACTIONS and c["qualifier"] in QUALIFIERS, c
        assert isinstance(c["count"], int) and c["count"] > 0, c
        assert re.fullmatch(r"[a-z_]+", c["population"]), c
        assert (c["mechanism"] in MECHANISMS) == (c["action"] == "released"), c
        if c["when"] is not None:
            assert REDUCED_DATE.fullmatch(c["when"]["from"]), c
            assert REDUCED_DATE.fullmatch(c["when"]["to"]), c
            assert c["when"]["from"][:4] <= c["when"]["to"][:4], c
    for e in out["events"]:
        assert e["kind"] in EVENT_KINDS, e
        if e["when"] is not None:
            assert REDUCED_DATE.fullmatch(e["when"]["from"]), e
