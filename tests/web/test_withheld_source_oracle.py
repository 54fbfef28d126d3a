"""An event whose only source is withheld answers as one recorded with no source at all.

A source is withheld from the public when its title or address may name a protected person.
A public person's event read from such an article showed no source but still listed the claim
read from it (a claim is a sentence of a document): "a document lies behind this event and
the public may not see it", i.e. the article names someone protected, often a co-defendant.
Now the claims listed are only those read from sources the public may see, so the event
answers, byte for byte but for its id, as an event imported with no source. Canaries with a
Latin and a Cyrillic name, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from prisonwatch.extract.pipeline import Extractor
from prisonwatch.ingest.documents import Document
from prisonwatch.services import importing, ingesting, reviewing
from prisonwatch.storage.sql import SqlStore
from prisonwatch.web.app import create_app
from prisonwatch.web.settings import WebSettings

NOW = datetime(2026, 11, 29, 12, 0)
PERSONS = (
    "id,name,aliases,birth_year,gender,region,country,protection,recorded_at\n"
    "by-pub-latin,Raman Darashevich,,1980,male,,BY,public,2025-01-01\n"
    "by-pub-cyrillic,Ales Pamylkovich,,1960,male,,BY,public,2025-01-01\n"
    "by-pub-plain,Siarhei Navumchyk,,1970,male,,BY,public,2025-01-01\n"
    "by-canary-latin,Zmicier Zzyzxovich,,1971,male,,BY,counts_only,2025-01-01\n"
    "by-canary-cyrillic,Канарейка Зызы,,1972,male,,BY,withhold_name,2025-01-01\n"
)
# the control: the same event, recorded with no source
EVENTS = (
    "id,person_id,kind,date,source_url,recorded_at,recorded_by\n"
    "plain-1,by-pub-plain,sentenced,2025-10-07,,2026-11-29T12:00:00,t\n"
)
ARTICLES = (
    ("by-pub-latin", "Raman Darashevich", "Court jails Zmicier Zzyzxovich and Raman Darashevich"),
    ("by-pub-cyrillic", "Ales Pamylkovich", "Канарейка Зызы и Ales Pamylkovich осуждены"),
)


def _seed(store: SqlStore, tmp: Path, extractor: Extractor) -> None:
    (tmp / "persons.csv").write_text(PERSONS, encoding="utf-8")
    (tmp / "events.csv").write_text(EVENTS, encoding="utf-8")
    report = importing.import_files(store, [tmp / "persons.csv", tmp / "events.csv"], "t", NOW)
    assert report.ok, report.problems
    for i, (_, name, title) in enumerate(ARTICLES):
        # the title (which names the canary) is the document's, not in its text
        text = f"A court in Hrodna sentenced {name} to five years on Tuesday, Viasna said.\n"
        doc = Document(f"article-{i}.txt", text, date(2025, 10, 7), title)
        ingesting.ingest(store, [doc], [extractor.extract(doc)], "t", NOW)
    claims = [c.id for c in store.claims()]
    assert claims
    reviewing.accept(store, claims, "t", NOW)


def _event(client: TestClient, person_id: str) -> str:
    r = client.get(f"/api/v1/persons/{person_id}")
    assert r.status_code == 200
    (event,) = r.json()["events"]
    row: dict[str, Any] = {k: v for k, v in event.items() if k != "id"}
    return json.dumps(row, sort_keys=True)


def test_event_with_a_withheld_source_answers_as_one_with_no_source(
    store: SqlStore, tmp_path: Path, extractor: Extractor
) -> None:
    _seed(store, tmp_path, extractor)
    # the claims were read and accepted: each article's event carries its claim
    for pid, _, _ in ARTICLES:
        (e,) = store.events(person_ids=[pid])
        assert e.claim_ids and e.source_ids
    app = create_app(WebSettings(store.url, secure_cookies=False), store)
    with TestClient(app) as client:
        plain = _event(client, "by-pub-plain")
        for pid, _, _ in ARTICLES:
            assert _event(client, pid) == plain, f"{pid}: a withheld source shows"
