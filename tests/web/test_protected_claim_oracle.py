"""The public sees a claim only when it is part of the public record: an accepted claim whose
every record (events, figures, deals) the public may see with its exact date.

An article naming a protected person beside a public one ("...sentenced Zmicier Kviatkouski and
Ryhor Kastusiou... Kviatkouski was detained on March 17, 2025.") is ingested and every claim
accepted; in another ledger the same article names an unknown person instead. The extractor is
open source and the article's text public, so anyone can predict both claims. Before, the
public source listed the protected person's "detained, count 1, 2025-03-17, accepted" claim,
cited by no public person: that told the name is protected, and gave the exact day of a
protected person's arrest (month precision hides it everywhere else).

Now both ledgers answer alike in everything that does not depend on the name itself: the
unknown name becomes a public person (expected), so what the public sees through that person
(their record, and the claims their events cite) is taken out of the unknown ledger's answers
before comparing; nothing may remain that exists only because of the protected person.
Canaries in Latin (`withhold_name`) and Cyrillic (`counts_only`); SQLite and PostgreSQL.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from prisonwatch.core.dates import parse_fuzzy
from prisonwatch.core.records import Observation, Review
from prisonwatch.core.vocabulary import ObservationMetric, ReviewStatus
from prisonwatch.extract.pipeline import Extractor
from prisonwatch.ingest.documents import Document
from prisonwatch.services import (
    exporting,
    ftm_export,
    importing,
    ingesting,
    matching,
    reviewing,
)
from prisonwatch.services.public import Projection, public_claims
from prisonwatch.storage.port import Batch
from prisonwatch.storage.sql import SqlStore
from prisonwatch.web.app import create_app
from prisonwatch.web.settings import WebSettings

NOW = datetime(2026, 11, 29, 12, 0)
PERSONS = (
    "id,name,aliases,birth_year,gender,region,country,protection,recorded_at\n"
    "by-pub,Ryhor Kastusiou,,1957,male,,BY,public,2025-01-01\n"
    "by-pub-ru,Григорий Костусев,,1957,male,,BY,public,2025-01-01\n"
    "by-canary-latin,Zmicier Kviatkouski,,1981,male,,BY,withhold_name,2025-01-01\n"
    "by-canary-ru,Ксения Пчёлкина,,1990,female,,BY,counts_only,2025-01-01\n"
)
ARTICLES = {
    "latin": (
        "en",
        "by-pub",
        "A court in Minsk sentenced {full} and Ryhor Kastusiou to five years on April 3, 2025,"
        " Viasna said. {short} was detained on March 17, 2025.",
        ("Zmicier Kviatkouski", "Kviatkouski"),
        ("Zmicier Qwertyuiop", "Qwertyuiop"),
    ),
    "cyrillic": (
        "ru",
        "by-pub-ru",
        "Суд в Минске приговорил {full} и Григория Костусева к пяти годам колонии 3 апреля"
        " 2025 года, сообщает Вясна. {short} была задержана 17 марта 2025 года.",
        ("Ксению Пчёлкину", "Пчёлкина"),
        ("Ксению Тихомирову", "Тихомирова"),
    ),
}
ARREST_DAY = "2025-03-17"


def _ledger(
    store: SqlStore, tmp: Path, extractor: Extractor, case: str, name: tuple[str, str]
) -> tuple[str, set[str]]:
    """The article naming `name` ingested into `store` and every claim accepted: the source's
    id and the claims'."""
    lang, _, text, _, _ = ARTICLES[case]
    (tmp / "persons.csv").write_text(PERSONS, encoding="utf-8")
    assert importing.import_files(store, [tmp / "persons.csv"], "t", NOW).ok
    doc = Document(
        f"{case}.txt",
        text.format(full=name[0], short=name[1]),
        date(2025, 4, 4),
        "Court news",
        language=lang,
    )
    ingesting.ingest(store, [doc], [extractor.extract(doc)], "tester", NOW)
    claims = store.claims(source_id=doc.id)
    assert sorted(c.action for c in claims) == ["detained", "sentenced"]
    reviewing.accept(store, [c.id for c in claims], "ana", NOW)
    return doc.id, {c.id for c in claims}


def _answers(store: SqlStore, sid: str, pub: str, hidden: set[str]) -> dict[str, Any]:
    """What the public sees of the source, its claims and the public co-defendant, with the
    claims in `hidden` (those the unknown name's own record cites) taken out and ids that
    differ by the article's text alone made alike."""
    app = create_app(WebSettings(store.url, secure_cookies=False), store)
    with TestClient(app) as client:
        src = client.get(f"/api/v1/sources/{sid}").json()
        listed = client.get("/api/v1/sources?_size=1000").json()["rows"]
        person = client.get(f"/api/v1/persons/{pub}").json()
        page = client.get(f"/sources/{sid}").text
        person_page = client.get(f"/persons/{pub}").text
    export = exporting.export_records(store, at=NOW)
    ftm = list(ftm_export.to_jsonl(store))
    claims = [c for c in src["claims"] if c["id"] not in hidden]
    events = []
    for e in person["events"]:
        row = {k: v for k, v in e.items() if k not in ("id", "supersedes", "record")}
        row["claims"] = [{**c, "id": "C"} for c in e["claims"] if c["id"] not in hidden]
        events.append(row)
    texts = [json.dumps(x, ensure_ascii=False) for x in (src, listed, person, export, ftm)]
    # the unknown name's claims are its own record: their rows leave the page
    page = "\n".join(
        line for line in page.splitlines() if line.strip() and not any(c in line for c in hidden)
    )
    answers = {
        "claims": [{**c, "id": "C"} for c in claims],
        "count": [r["claims"] - len(hidden) for r in listed if r["id"] == sid],
        "events": events,
        "page": page,
        "person_page": person_page,
        "exported": [
            {k: v for k, v in e.items() if k not in ("id", "supersedes")}
            for e in export["events"]
            if e["person_id"] == pub
        ],
    }
    # the source's id is a hash of the article's text, which holds the name itself
    alike = json.dumps(answers, ensure_ascii=False)
    for form in (sid, quote(sid, safe="")):
        alike = alike.replace(form, "S")
    return {**json.loads(alike), "arrest_day": [ARREST_DAY in t for t in texts]}


@pytest.mark.parametrize("case", sorted(ARTICLES))
def test_a_protected_name_and_an_unknown_one_answer_alike(
    store_url: str, tmp_path: Path, extractor: Extractor, case: str
) -> None:
    _, pub, _, protected, unknown = ARTICLES[case]
    answers = []
    for label, name in (("protected", protected), ("unknown", unknown)):
        tmp = tmp_path / label
        tmp.mkdir()
        url = store_url if label == "protected" else f"sqlite:///{tmp / 'other.db'}"
        store = SqlStore(url)
        store.migrate()
        try:
            sid, claim_ids = _ledger(store, tmp, extractor, case, name)
            hidden: set[str] = set()
            if label == "unknown":  # what the public sees through the new public person
                (new,) = [p for p in store.persons() if p.name.split()[-1] in name[1]]
                hidden = {c for e in store.events([new.id]) for c in e.claim_ids}
                assert hidden == claim_ids  # the unknown name's events cite both claims
            answers.append(_answers(store, sid, pub, hidden))
        finally:
            store.close()
    shielded, control = answers
    # the exact day of the protected person's arrest is in no public answer
    assert not any(shielded["arrest_day"])
    assert shielded == {**control, "arrest_day": shielded["arrest_day"]}


def _public_claims(store: SqlStore, sid: str) -> tuple[list[str], list[int]]:
    """The ids of the claims the public sees on the source, and the number `/sources` gives."""
    app = create_app(WebSettings(store.url, secure_cookies=False), store)
    with TestClient(app) as client:
        shown = [c["id"] for c in client.get(f"/api/v1/sources/{sid}").json()["claims"]]
        listed = client.get("/api/v1/sources?_size=1000").json()["rows"]
        page = client.get(f"/sources/{sid}").text
    assert all(f"#{c}" in page for c in shown)
    return sorted(shown), [r["claims"] for r in listed if r["id"] == sid]


def test_suggested_rejected_and_merged_into_protected_claims_are_not_public(
    store: SqlStore, tmp_path: Path, extractor: Extractor
) -> None:
    """Suggestions and rejected claims are not record; an accepted claim is, while its every
    event is a public person's, and no longer once that person is merged into a protected
    one (`level_of`: the same person under another name)."""
    sid = _ledger_only_ingested(store, tmp_path, extractor)
    assert _public_claims(store, sid) == ([], [0])  # suggested: none
    claims = {c.action: c.id for c in store.claims(source_id=sid)}
    reviewing.reject(store, [claims["detained"]], "ana", NOW)
    reviewing.accept(store, [claims["sentenced"]], "ana", NOW)
    assert _public_claims(store, sid) == ([claims["sentenced"]], [1])
    new = next(p.id for p in store.persons() if p.name == "Zmicier Qwertyuiop")
    matching.merge(store, "by-canary-latin", new, "ana", NOW, "the same man")
    assert _public_claims(store, sid) == ([], [0])


def _ledger_only_ingested(store: SqlStore, tmp: Path, extractor: Extractor) -> tuple[str, set[str]]:
    """The Latin article naming an unknown person, ingested; no claim reviewed."""
    _, _, text, _, (full, short) = ARTICLES["latin"]
    (tmp / "persons.csv").write_text(PERSONS, encoding="utf-8")
    assert importing.import_files(store, [tmp / "persons.csv"], "t", NOW).ok
    doc = Document("only.txt", text.format(full=full, short=short), date(2025, 4, 4), "Court news")
    ingesting.ingest(store, [doc], [extractor.extract(doc)], "tester", NOW)
    return doc.id


def test_a_claim_naming_persons_is_not_public_before_its_events_are_written(
    store: SqlStore, tmp_path: Path, extractor: Extractor
) -> None:
    """Acceptance writes a claim's figure (and deal) before its persons' events: in between,
    the claim is accepted with a public record and nothing yet tells that its events will be
    a protected person's, so it is not public until they are written."""
    sid = _ledger_only_ingested(store, tmp_path, extractor)
    (claim,) = [c for c in store.claims(source_id=sid) if c.action == "sentenced"]
    accepted = replace(claim, review=Review(ReviewStatus.ACCEPTED, "ana", NOW))
    store.update_claim(accepted, "ana", NOW)
    figure = replace(  # a figure resting on the claim, as a count above its names makes one
        Observation(
            "ob-test",
            ObservationMetric.DETAINED,
            3,
            parse_fuzzy("2025-04-03"),
            NOW,
            source_ids=(sid,),
        ),
        claim_id=claim.id,
    )
    store.apply(Batch(observations=[figure]), "ana", NOW)
    assert claim.id not in public_claims(store, Projection.build(store))
    assert _public_claims(store, sid) == ([], [0])
