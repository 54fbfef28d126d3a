"""Review clears what the public may see of a source: an excerpt, a withheld title."""

from __future__ import annotations

import time
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from prisonwatch.services import reviewing
from prisonwatch.services.public import clearances
from prisonwatch.storage import tables as t
from prisonwatch.storage.sql import SqlStore
from tests.cli.conftest import SAMPLE_FILES, Cli
from tests.web.conftest import NOW, login


def _article(client: TestClient) -> dict[str, object]:
    rows = client.get("/api/v1/sources?_size=1000").json()["rows"]
    (found,) = [s for s in rows if s["publisher"] is None and s["published"] == "2025-10-01"]
    return client.get(f"/api/v1/sources/{found['id']}").json()  # type: ignore[no-any-return]


def _listed(client: TestClient, claim_id: str) -> list[dict[str, Any]]:
    """The article's public claims once the server took in the acceptance of `claim_id`: a
    change that bears on no protection is taken in beside the requests it answers from the
    state before."""
    for _ in range(200):
        claims: list[dict[str, Any]] = _article(client)["claims"]  # type: ignore[assignment]
        if any(c["id"] == claim_id for c in claims):
            break
        time.sleep(0.05)
    return claims


def test_an_excerpt_shows_only_once_cleared_on_the_source_page(
    client: TestClient, web_store: SqlStore
) -> None:
    article = _article(client)
    assert article["claims"] == []  # suggestions are not record: the public sees none
    safe = [c for c in web_store.claims(source_id=str(article["id"])) if "12" in c.evidence.text]
    assert safe
    # accepted, the figure claim is public record (a figure): listed, its excerpt withheld
    reviewing.accept(web_store, [safe[0].id], "ana", NOW)
    claims = _listed(client, safe[0].id)
    assert [c["id"] for c in claims] == [safe[0].id]
    assert all(c["evidence"] is None for c in claims)  # nothing before clearance
    csrf = login(client)
    r = client.post(
        f"/sources/{article['id']}/clear",
        data={"target": f"excerpt:{safe[0].id}", "csrf": csrf, "note": "no names"},
        follow_redirects=False,
    )
    assert r.status_code == 303 and "cleared" in r.headers["location"]
    client.cookies.clear()
    shown = {c["id"]: c["evidence"] for c in _article(client)["claims"]}  # type: ignore[union-attr]
    assert shown[safe[0].id] == safe[0].evidence.text
    assert sum(1 for v in shown.values() if v) == 1
    audit = web_store._read(
        lambda conn: conn.execute(
            select(func.count()).where(t.audit.c.record_kind == "clearance")
        ).scalar_one()
    )
    assert audit == 1


def test_clearing_needs_an_analyst_and_csrf(client: TestClient) -> None:
    article = _article(client)
    r = client.post(
        f"/sources/{article['id']}/clear", data={"target": "title:x"}, follow_redirects=False
    )
    assert r.status_code in (303, 401)  # to the login page
    login(client)
    r = client.post(f"/sources/{article['id']}/clear", data={"target": "title:x"})
    assert r.status_code == 403


def test_the_cli_clears_and_refuses_unknown_targets(cli: Cli) -> None:
    assert cli("import", *SAMPLE_FILES).code == 0
    store = SqlStore(cli.db)
    source = store.sources()[0]
    store.close()
    r = cli("review", "clear", "title", source.id, "--note", "checked")
    assert r.code == 0 and "cleared title" in r.out
    r = cli("review", "clear", "title", "sha256:nothing")
    assert r.code == 2 and "no source" in r.err
    r = cli("review", "clear", "summary", source.id)
    assert r.code == 2 and "kind" in r.err
    store = SqlStore(cli.db)
    assert [(c.kind, c.cleared_by, c.note) for c in clearances(store)] == [
        ("title", "tester", "checked")
    ]
    store.close()
