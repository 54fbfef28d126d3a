"""A clearance vouches for one text against the protected persons of its day, not for ever.

Review clears an excerpt (or a withheld title or address) after reading it: "names nobody
protected", or, confirmed past the name check, "names these protected persons and may be shown".
A person protected later (a family asking for silence after the press named them, the usual
order of things) is named by excerpts cleared while they were public; those stayed public, word
for word. And a cleared excerpt was shown as `claims.evidence_text` holds it now, so text
changed in SQL after the clearance was published with the chain intact.

Red team, session 6: each test fails on the code before the fix."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import update

from prisonwatch.extract.pipeline import Extractor
from prisonwatch.ingest.documents import Document
from prisonwatch.services import audit_trail, editing, ingesting, public, reviewing
from prisonwatch.storage import tables as t
from prisonwatch.storage.sql import SqlStore
from tests.web import leak_canaries as lc
from tests.web.conftest import login

PERSON = "by-statkevich-mikola"
TEXT = "A court in Minsk sentenced Mikola Statkevich to seven years on Tuesday, Viasna said."
AT = datetime(2026, 11, 29, 13, 0)


def _ingest(store: SqlStore, extractor: Extractor) -> tuple[str, str]:
    """An article naming a public person (Statkevich): its source id and the claim naming him."""
    doc = Document("statkevich.txt", TEXT, datetime(2025, 11, 18).date(), "Court news")
    ingesting.ingest(store, [doc], [extractor.extract(doc)], "tester", AT)
    (claim,) = [c for c in store.claims() if "Statkevich" in c.evidence.text]
    return claim.source_id, claim.id


def _excerpts(client: TestClient, source_id: str) -> list[str]:
    body = client.get(f"/api/v1/sources/{source_id}")
    if body.status_code == 404:
        return []
    return [c["evidence"] for c in body.json()["claims"] if c["evidence"]]


def test_an_excerpt_cleared_while_its_person_was_public_is_withheld_once_they_are_protected(
    client: TestClient, web_store: SqlStore, extractor: Extractor
) -> None:
    source_id, claim_id = _ingest(web_store, extractor)
    # accepted, the claim is public record while its only event is a public person's
    reviewing.accept(web_store, [claim_id], "ana", AT)
    public.clear(web_store, "excerpt", claim_id, "analyst", AT, "names a public person")
    assert any("Statkevich" in e for e in _excerpts(client, source_id))  # shown while public

    csrf = login(client)
    history = client.get(f"/api/v1/records/person/{PERSON}/history").json()["rows"]
    r = client.post(
        f"/api/v1/records/person/{PERSON}",
        json={
            "fields": {"protection": "withhold_name"},
            "why": "his family asked for silence",
            "based_on": history[-1]["revision"],
        },
        headers={"X-CSRF-Token": csrf},
    )
    assert r.status_code == 200, r.text
    client.cookies.clear()
    assert not any("Statkevich" in e for e in _excerpts(client, source_id))
    page = client.get(f"/sources/{source_id}").text
    assert "Statkevich" not in page and "Статкев" not in page
    # a full rebuild agrees with the state the server carried forward
    assert public.Projection.build(web_store).claim(_claim(web_store, claim_id)).excerpt is None


def _claim(store: SqlStore, claim_id: str) -> object:
    (c,) = store.claims(ids=[claim_id])
    return c


def test_a_confirmed_clearance_covers_only_the_persons_protected_when_it_was_given(
    store: SqlStore, tmp_path: Path
) -> None:
    """A title cleared past the check for one protected person (the family agreed) is withheld
    again when it turns out to name a second person protected since."""
    lc.imported(store, tmp_path, {"persons.csv": lc.PERSONS, "sources.csv": lc.SOURCES})
    (sid,) = [s.id for s in store.sources() if s.title == "Ihar Zhaurankevich sentenced"]
    title = "Ihar Zhaurankevich and Raman Darashevich sentenced"
    editing.edit(store, "source", sid, {"title": title}, "analyst", AT, "both named")
    public.clear(store, "title", sid, "analyst", AT, "family agreed", True)
    public.clear(store, "address", sid, "analyst", AT, "family agreed", True)
    assert sid in public.Projection.build(store).sources  # vouched for Zhaurankevich

    editing.edit(
        store,
        "person",
        "by-control-darashevich",
        {"protection": "counts_only"},
        "analyst",
        AT,
        "asked for silence",
    )
    assert sid not in public.Projection.build(store).sources


def test_an_excerpt_changed_in_sql_after_its_clearance_is_not_shown(
    store: SqlStore, extractor: Extractor, tmp_path: Path
) -> None:
    lc.imported(store, tmp_path, {"persons.csv": lc.PERSONS})
    doc = Document("court.txt", lc.ARTICLES[0][2], datetime(2025, 3, 1).date(), "Court")
    ingesting.ingest(store, [doc], [extractor.extract(doc)], "tester", AT)
    (claim,) = [c for c in store.claims() if "freed 12" in c.evidence.text]
    public.clear(store, "excerpt", claim.id, "analyst", AT, "no names")
    assert public.Projection.build(store).claim(claim).excerpt == claim.evidence.text

    forged = "Belarus freed 12 political prisoners, Ihar Zhaurankevich among them."
    store._write(
        lambda conn: conn.execute(
            update(t.claims).where(t.claims.c.id == claim.id).values(evidence_text=forged)
        )
    )
    (changed,) = store.claims(ids=[claim.id])
    assert public.Projection.build(store).claim(changed).excerpt is None


def test_audit_verify_names_a_clearance_whose_vouching_was_changed_in_sql(
    store: SqlStore, tmp_path: Path
) -> None:
    lc.imported(store, tmp_path, {"persons.csv": lc.PERSONS, "sources.csv": lc.SOURCES})
    (sid,) = [s.id for s in store.sources() if s.title == "Ihar Zhaurankevich sentenced"]
    public.clear(store, "title", sid, "analyst", AT, "family agreed", True)
    assert audit_trail.verify(store).ok
    # widen what it vouches for to every protected canary: the chain must notice
    store._write(
        lambda conn: conn.execute(
            update(t.clearances).values(named=["by-canary-zh", "by-canary-lu", "by-canary-ts"])
        )
    )
    assert not audit_trail.verify(store).ok
