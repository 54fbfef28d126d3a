"""Custody details on the web: the public sees articles, sentence, term end and court of a
public person, never a place of detention or health notes (crawled: pages, API, CSV, export);
an analyst sees them all; the custody figures count public persons alike for both (the public
gets protected persons in one undivided row)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from fastapi.testclient import TestClient

from prisonwatch.services import accounts, exporting, importing
from prisonwatch.storage.accounts import AccountStore
from prisonwatch.storage.sql import SqlStore
from prisonwatch.web.app import create_app
from prisonwatch.web.settings import WebSettings
from tests.cli.conftest import SAMPLE_FILES
from tests.custody_data import HEALTH_CANARY, PLACE_CANARY, SECRETS, write
from tests.web.conftest import PASSWORD, login

NOW = datetime(2026, 11, 30, 12, 0)


@pytest.fixture
def client(store: SqlStore, tmp_path: Path) -> Iterator[TestClient]:
    files = [Path(p) for p in SAMPLE_FILES] + write(tmp_path)
    report = importing.import_files(store, files, "tester", NOW)
    assert report.ok, report.problems
    accounts.add_user(AccountStore(store), "ana", "analyst", PASSWORD, NOW)
    app = create_app(WebSettings(store.url, secure_cookies=False), store)
    with TestClient(app) as c:
        yield c


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.links += [v for k, v in attrs if k == "href" and v]


def _clean(client: TestClient, url: str) -> str:
    r = client.get(url)
    assert r.status_code < 500, url
    leaked = [s for s in SECRETS if s in r.text]
    assert not leaked, f"{url} shows {leaked}"
    return r.text


def test_public_crawl_never_shows_detention_place_or_health(
    client: TestClient, store: SqlStore
) -> None:
    seen: set[str] = set()
    todo = ["/", "/persons", "/persons/t-alena", "/persons/t-barys", "/persons/t-hidden"]
    todo += [
        "/api/v1/persons/t-alena",
        "/api/v1/persons/t-hidden",
        "/api/v1/events?_size=1000",
        "/api/v1/events.csv",
        "/api/v1/persons?_size=1000",
        "/api/v1/custody?on=2026-11-30",
    ]
    while todo and len(seen) < 300:
        url = todo.pop()
        if url in seen:
            continue
        seen.add(url)
        body = _clean(client, url)
        parser = _Links()
        parser.feed(body)
        for link in parser.links:
            parts = urlsplit(urljoin("http://testserver" + url, link))
            skip = ("/static", "/login", "/language", "/persons/by-")  # by-: the sample's persons
            if parts.netloc == "testserver" and not parts.path.startswith(skip):
                todo.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    assert "/persons/t-dzianis" in seen  # the crawl reached the persons list's links
    export = str(exporting.export_records(store, at=NOW))
    assert not any(s in export for s in SECRETS)

    page = client.get("/persons/t-alena").text
    assert "342-1, 361-1 ч.3" in page and "2029-03-10" in page and "Minsk City Court" in page
    api = client.get("/api/v1/persons/t-alena").json()
    (sen,) = [e for e in api["events"] if e["id"] == "a-sen"]
    assert set(sen["custody_details"]) == {
        "articles",
        "sentence",
        "sentence_months",
        "term_ends",
        "court",
    }
    assert client.get("/api/v1/persons/t-hidden").status_code == 404


def test_analyst_sees_everything_and_the_same_counts_of_public_persons(
    client: TestClient,
) -> None:
    public_counts = client.get("/api/v1/custody?on=2026-11-30&article=342-1").json()
    assert public_counts["article"] == {"article": "342-1", "persons": 3, "held": 2}
    # the counts-only person's term (2027-05) is counted only in the undivided row
    assert public_counts["terms_ending"] == {"persons": 1, "by_month": {"2026-12": 1}}
    assert public_counts["withheld"] == {"persons": 1, "held": 1}
    bad = client.get("/api/v1/custody?article=%C4%8D.3")
    assert bad.status_code == 400 and "article" in bad.text
    login(client)
    page = client.get("/persons/t-alena").text
    assert PLACE_CANARY in page and HEALTH_CANARY in page
    api = client.get("/api/v1/persons/t-alena").json()
    (sen,) = [e for e in api["events"] if e["id"] == "a-sen"]
    assert sen["custody_details"]["detention_place"] == PLACE_CANARY
    theirs = client.get("/api/v1/custody?on=2026-11-30&article=342-1").json()
    assert theirs["article"] == public_counts["article"]  # 342-1: public persons only
    assert theirs["terms_ending"]["persons"] == 2
    assert theirs["withheld"] == {"persons": 0, "held": 0}
