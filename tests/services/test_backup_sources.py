"""The full backup carries every source and every record's link to its sources (session 6).

A source made by ingesting an article has a title, a publisher, a date and the article's text
but no address (its id is the hash of its text). The backup (`export --include-protected`) held
only sources with an address and linked records to sources by address, so an event accepted
from an article came back from a restore with no source: provenance lost. The backup now holds
every source with its id and text (sources in JSON Lines, since a text spans lines) and each
record's sources by id, in order; a restore gives back the same records and links.

Both backends: the store is backed up, emptied (a fresh database at the same address) and
restored from the files; a second backup is then the same files, byte for byte.
"""

from __future__ import annotations

import json
import tempfile
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prisonwatch.core.dates import FuzzyDate
from prisonwatch.core.records import Deal, Event, Observation, Person, Source
from prisonwatch.core.vocabulary import EventKind, ObservationMetric, Protection
from prisonwatch.services import exporting, importing
from prisonwatch.storage.port import Batch
from prisonwatch.storage.sql import SqlStore
from tests.conftest import _reset_pg

NOW = datetime(2026, 11, 30, 12, 0)
AT = datetime(2025, 3, 1, 9, 30)
KINDS = ("sources", "persons", "deals", "events", "observations", "public_ids")


def _article(text: str, url: str | None = None, title: str = "Court hears case") -> Source:
    """A source as `ingest` stores an article: its id the hash of its text."""
    return Source(
        id=Source.make_id(text, None),
        url=url,
        title=title,
        publisher="Nasha Niva",
        published=date(2025, 2, 1),
        language="be",
        recorded_at=AT,
        text=text,
    )


def _listing(url: str) -> Source:
    return Source(Source.make_id(None, url), url, "List", None, None, "en", AT)


def _world(store: SqlStore, sources: list[Source]) -> None:
    """Persons, a deal, events and a figure, sourced from `sources` (addressed or not, in
    the order given), as accepting a review writes them."""
    ids = tuple(s.id for s in sources)
    batch = Batch(
        sources=sources,
        persons=[
            Person("by-b-ales", "Ales Backupovich", AT, country="BY"),
            Person(
                "by-b-hidden", "Hanna Hidden", AT, country="BY", protection=Protection.COUNTS_ONLY
            ),
        ],
        deals=[Deal("BY-B-DEAL", FuzzyDate.day(date(2025, 1, 10)), AT, "BY", source_ids=ids[:1])],
        events=[
            Event(
                "b-det",
                "by-b-ales",
                EventKind.DETAINED,
                FuzzyDate.day(date(2024, 5, 1)),
                AT,
                recorded_by="ana",
                source_ids=ids,
            ),
            Event(
                "b-det2",
                "by-b-hidden",
                EventKind.DETAINED,
                FuzzyDate.day(date(2024, 6, 1)),
                AT,
                recorded_by="ana",
                source_ids=tuple(reversed(ids)),
            ),
        ],
        observations=[
            Observation(
                "b-fig",
                ObservationMetric.HELD,
                1100,
                FuzzyDate.day(date(2025, 1, 1)),
                AT,
                "Viasna",
                "BY",
                source_ids=ids[-1:],
            )
        ],
    )
    store.apply(batch, "ana", AT)


def _backup(store: SqlStore, out: Path) -> list[Path]:
    """The backup's files, as `export --format csv --out DIR --include-protected` writes them."""
    out.mkdir()
    data = exporting.export_records(store, include_protected=True)
    paths = []
    for kind in KINDS:
        rows = data[kind]
        if kind == "sources":
            path = out / "sources.jsonl"
            path.write_text(exporting.to_jsonl(rows), encoding="utf-8")
        else:
            path = out / f"{kind}.csv"
            path.write_text(exporting.to_csv(rows, kind, backup=True), encoding="utf-8")
        paths.append(path)
    return paths


def _links(store: SqlStore) -> dict[str, tuple[str, ...]]:
    links = {e.id: e.source_ids for e in store.events()}
    links.update({d.id: d.source_ids for d in store.deals()})
    links.update({o.id: o.source_ids for o in store.observations()})
    return links


def _round_trip(store_url: str, tmp: Path, sources: list[Source]) -> None:
    store = SqlStore(store_url)
    store.migrate()
    try:
        _world(store, sources)
        public_before = exporting.export_records(store, at=NOW)  # stores its public ids
        first = _backup(store, tmp / "first")
        before_sources = sorted(store.sources(), key=lambda s: s.id)
        before_links = _links(store)
    finally:
        store.close()
    _fresh(store_url)
    restored = SqlStore(store_url)
    restored.migrate()
    try:
        report = importing.import_files(restored, first, "tester", NOW)
        assert report.ok, report.problems
        assert sorted(restored.sources(), key=lambda s: s.id) == before_sources
        assert _links(restored) == before_links  # every record's sources, in order
        second = _backup(restored, tmp / "second")
        for a, b in zip(first, second, strict=True):
            assert a.read_bytes() == b.read_bytes(), a.name
        assert exporting.export_records(restored, at=NOW) == public_before
    finally:
        restored.close()


def _fresh(url: str) -> None:
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).unlink()
    else:
        _reset_pg(url)


TEXT = "  Minsk, 1 February.\nThe court heard the case of Ales Backupovich.\r\n\n  "


def test_a_restore_gives_back_sources_without_an_address(store_url: str, tmp_path: Path) -> None:
    sources = [
        _article(TEXT),  # an ingested article: no address
        _article("Another article, with its address.", url="https://example.org/a"),
        _listing("https://example.org/list"),
    ]
    _round_trip(store_url, tmp_path, sources)


def test_the_public_export_gains_no_source_text_or_withheld_source(
    store: SqlStore, tmp_path: Path
) -> None:
    """The public export keeps its columns: no source ids, no texts, no sources without an
    address, and nothing of the `counts_only` person's event."""
    _world(store, [_article(TEXT), _listing("https://example.org/list")])
    public = exporting.export_records(store, at=NOW)
    assert [set(r) for r in public["sources"]] == [set(exporting.COLUMNS["sources"])]
    assert all(set(r) <= set(exporting.COLUMNS["events"]) for r in public["events"])
    dumped = json.dumps(public)
    assert "Backupovich" not in dumped.replace("Ales Backupovich", "")
    assert "court heard" not in dumped and "sha256:" not in dumped and "Hidden" not in dumped
    for kind in ("events", "deals", "observations", "sources"):
        header = exporting.to_csv(public[kind], kind).splitlines()[0]
        assert header == ",".join(exporting.COLUMNS[kind])


@pytest.mark.parametrize(
    ("line", "field", "reason"),
    [
        ('{"id": "sha256:00", "text": "x"}', "id", "64 hex digits"),
        ('{"id": "sha256:' + "0" * 64 + '", "text": "x"}', "id", "not the hash"),
        ('{"id": "' + Source.make_id("x", None) + '", "text": "x\\u0000"}', "text", "NUL"),
        ('{"id": "' + Source.make_id("x", None) + '", "text": "\\ud800"}', "text", "surrogate"),
        ('{"title": "no address, no text"}', "url", "an address or a text"),
    ],
)
def test_a_bad_backup_source_is_named_and_nothing_is_written(
    store: SqlStore, tmp_path: Path, line: str, field: str, reason: str
) -> None:
    good = _article("A good article.")
    path = tmp_path / "sources.jsonl"
    path.write_text(
        json.dumps({"id": good.id, "text": good.text, "title": "ok"}) + "\n" + line + "\n",
        encoding="utf-8",
    )
    report = importing.import_files(store, [path], "tester", NOW)
    assert not report.ok and len(report.problems) == 1
    (p,) = report.problems
    assert (p.where, p.field) == (f"{path}:2", field) and reason in p.reason
    assert store.sources() == []


def test_an_event_naming_an_unknown_or_malformed_source_id_is_refused(
    store: SqlStore, tmp_path: Path
) -> None:
    persons = tmp_path / "persons.csv"
    persons.write_text("id,name\nby-b-ales,Ales Backupovich\n", encoding="utf-8")
    events = tmp_path / "events.csv"
    unknown = "sha256:" + "a" * 64
    events.write_text(
        "id,person_id,kind,date,source_ids\n"
        f"e1,by-b-ales,detained,2024-01-01,{unknown}\n"
        "e2,by-b-ales,detained,2024-01-02,sha256:zz\n",
        encoding="utf-8",
    )
    report = importing.import_files(store, [persons, events], "tester", NOW)
    assert not report.ok
    assert [(p.where, p.field) for p in report.problems] == [(f"{events}:3", "source_ids")]
    events.write_text(
        f"id,person_id,kind,date,source_ids\ne1,by-b-ales,detained,2024-01-01,{unknown}\n",
        encoding="utf-8",
    )
    report = importing.import_files(store, [persons, events], "tester", NOW)
    assert not report.ok
    assert [p.where for p in report.problems] == [f"{events}:2"], report.problems
    assert "source" in report.problems[0].reason
    assert store.persons() == [] and store.events() == []


_texts = st.text(
    st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"),
    min_size=1,
    max_size=200,
)
"""Any text a database holds, space alone included: a backup keeps every character."""


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(texts=st.lists(_texts, min_size=1, max_size=4, unique=True), urls=st.booleans())
def test_any_articles_without_an_address_round_trip(
    tmp_path: Path, texts: list[str], urls: bool
) -> None:
    """Generated article texts (any characters a database holds: line breaks, tabs, quotes,
    leading and trailing space), with or without an address: the restored store has the same
    sources and links, and its backup is the same files (SQLite)."""
    with tempfile.TemporaryDirectory(dir=tmp_path) as d:
        tmp = Path(d)
        sources = [
            _article(t, url=f"https://example.org/{i}" if urls and i % 2 else None, title=f"T{i}")
            for i, t in enumerate(texts)
        ]
        _round_trip(f"sqlite:///{tmp / 'h.db'}", tmp, sources)


def test_an_address_added_to_a_backup_row_is_refused_not_dropped(
    store: SqlStore, tmp_path: Path
) -> None:
    """A backup's row names its sources by id; its `source_url` only shows their addresses. An
    address edited into it (to add a source) would be ignored: it is refused, naming the line."""
    with tempfile.TemporaryDirectory(dir=tmp_path) as d:
        origin = SqlStore(f"sqlite:///{Path(d) / 'o.db'}")
        origin.migrate()
        _world(origin, [_article(TEXT), _listing("https://example.org/list")])
        files = _backup(origin, tmp_path / "backup")
        origin.close()
    events = tmp_path / "backup" / "events.csv"
    good = events.read_text(encoding="utf-8")
    assert importing.check_files(store, files, NOW)[1] == []
    events.write_text(
        good.replace(",https://example.org/list,", ",https://example.org/list|https://x.org,", 1),
        encoding="utf-8",
    )
    report = importing.import_files(store, files, "tester", NOW)
    assert [(p.where, p.field) for p in report.problems] == [(f"{events}:2", "source_url")]
    assert "https://example.org/list" in report.problems[0].reason
    assert store.sources() == [] and store.events() == []
    assert importing.check_files(store, files, NOW)[1] == report.problems
    events.write_text(good, encoding="utf-8")
    assert importing.import_files(store, files, "tester", NOW).ok


def test_a_backups_sources_are_split_into_files_import_reads() -> None:
    """A backup's sources hold article texts (up to a million characters each): written as
    one file, a store of many articles gave a file `import` refuses as too large. They are
    split at the limit, line by line, in order; a line separator inside a text splits
    nothing."""
    rows = [{"id": str(i), "text": f"article {i}\u2028\x85" + "x" * 40} for i in range(10)]
    one = exporting.to_jsonl(rows)
    size = len(one.encode()) // 10
    parts = exporting.jsonl_parts(rows, 3 * size)
    assert "".join(parts) == one and len(parts) == 4
    assert all(len(p.encode()) <= 3 * size for p in parts)
    assert [len(p.split("\n")) - 1 for p in parts] == [3, 3, 3, 1]
    assert exporting.jsonl_parts([], 100) == [""]
