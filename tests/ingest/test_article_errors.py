"""Bad articles in `extract` and `ingest`: each named on its own line, the others processed."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from prisonwatch.ingest.documents import MAX_CHARS, Document
from prisonwatch.services import extracting, ingesting
from prisonwatch.storage.sql import SqlStore
from tests.cli.conftest import Cli

NOW = datetime(2026, 11, 29, 12, 0)
GOOD = " date 2025-09-11 Freed\nFreed\nBelarus freed 52 political prisoners on Thursday.\n"


def bad_and_good_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "meta.html").write_text(
        '<html><head><meta property="article:published_time" content="2025-13-45T00:00">'
        "</head><body><p>Belarus freed 12 political prisoners.</p></body></html>",
        encoding="utf-8",
    )
    (folder / "long.txt").write_text(
        " date 2025-01-01 Long\n" + "Belarus freed 3 prisoners. " * (MAX_CHARS // 27 + 10),
        encoding="utf-8",
    )
    lines = [
        {"date": "2025-02-01", "title": ["a", "list"], "text": "Belarus freed 3 prisoners."},
        {"date": "2025-02-02", "title": "Good", "text": "Belarus freed 14 prisoners today."},
        {"date": "2025-02-03", "text": "Belarus freed\u0000 5 prisoners."},
        {"date": {"day": 1}, "text": "Belarus freed 6 prisoners."},
        {"date": "2025-02-05", "url": "https://example.org/x", "text": "Minsk freed 7 people."},
    ]
    (folder / "batch.jsonl").write_text(
        "".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8"
    )
    return folder


EXPECTED = [
    ("meta.html:1: date: not a day YYYY-MM-DD", "bad date in HTML metadata"),
    ("long.txt: text: too long", "over the language model's limit"),
    ("batch.jsonl:1: title: expected text, got a list", "a title given as a list"),
    ("batch.jsonl:3: text: character U+0000", "a NUL in the text"),
    ("batch.jsonl:4: date: expected text, got an object", "a date given as an object"),
]


def test_extract_names_each_bad_article_and_prints_the_good_ones(cli: Cli, tmp_path: Path) -> None:
    r = cli("extract", str(bad_and_good_folder(tmp_path)))
    assert r.code == 2, r.err
    assert "Traceback" not in r.err and "unexpected failure" not in r.err
    names = sorted(o["document"]["source"].rsplit("/", 1)[-1] for o in json.loads(r.out))
    assert names == ["batch.jsonl:2", "batch.jsonl:5", "good.txt"]
    for expected, why in EXPECTED:
        assert sum(expected in line for line in r.err.splitlines()) == 1, (why, r.err)


def test_ingest_stores_the_good_articles_and_names_the_bad(cli: Cli, tmp_path: Path) -> None:
    r = cli("ingest", str(bad_and_good_folder(tmp_path)))
    assert r.code == 2, r.err
    assert "ingested 3 article(s): 3 new source(s)" in r.out
    for expected, why in EXPECTED:
        assert any(
            line.startswith("skipped ") and expected in line for line in r.err.splitlines()
        ), why
    store = SqlStore(cli.db)
    try:
        assert len(store.sources()) == 3
    finally:
        store.close()


def test_an_article_the_model_cannot_read_does_not_stop_the_others() -> None:
    """Past the reader's checks (a document built in code), the extractor's own failure on one
    article is reported and the articles before and after it are still extracted."""
    good = Document("a.txt", GOOD, date(2025, 9, 11), "Freed")
    other = Document("b.txt", GOOD.replace("52", "14"), date(2025, 9, 12), "Freed")
    too_long = Document("long.txt", "word " * (MAX_CHARS // 5 + 10), date(2025, 1, 1), None)
    done = extracting.extract([good, too_long, other], extracting.load_gazetteer(None))
    assert [d.name for d in done.documents] == ["a.txt", "b.txt"]
    assert [p.where for p in done.problems] == ["long.txt"]
    assert done.problems[0].field == "text"
    assert "extractor failed" in done.problems[0].reason


def test_ingest_refuses_one_article_and_stores_the_next(store: SqlStore) -> None:
    """An article the ledger refuses (here: its text is stored already under another title) is
    reported; the article after it is still stored, in a transaction of its own."""
    first = Document("a.txt", GOOD, date(2025, 9, 11), "Freed")
    second = Document("b.txt", GOOD.replace("52", "14"), date(2025, 9, 12), "Freed")
    done = extracting.extract([first, second], extracting.load_gazetteer(None))
    assert ingesting.ingest(store, [first], done.outputs[:1], "tester", NOW).refused == 0
    retitled = replace(first, title="Another title")
    report = ingesting.ingest(store, [retitled, second], done.outputs, "tester", NOW)
    assert report.refused == 1 and report.sources_added == 1
    assert report.problems and all(p.where.startswith("a.txt") for p in report.problems), report
    assert {s.id for s in store.sources()} == {first.id, second.id}
    assert store.sources([first.id])[0].title == "Freed"
