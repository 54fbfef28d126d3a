"""A web app on a real database with the sample data, protected persons, and an analyst."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from prisonwatch.extract.pipeline import Extractor
from prisonwatch.ingest.documents import Document
from prisonwatch.services import accounts, importing, ingesting
from prisonwatch.storage.accounts import AccountStore
from prisonwatch.storage.sql import SqlStore
from prisonwatch.web.app import create_app
from prisonwatch.web.settings import WebSettings
from tests.cli.conftest import SAMPLE_FILES

NOW = datetime(2026, 11, 29, 12, 0)
PASSWORD = "correct horse battery"
PROTECTED_PERSONS = (
    "id,name,aliases,birth_year,gender,region,country,protection,recorded_at\n"
    "by-protected-hanna,Hanna Sakrevich,Ганна Сакрэвіч|Анна Сакревич,1980,female,Hrodna,BY,"
    "withhold_name,2025-01-01\n"
    "by-protected-piotr,Piotr Zhuvalich,Пётр Жувaліч,1975,male,Brest,BY,counts_only,2025-01-01\n"
)
PROTECTED_EVENTS = (
    "id,person_id,kind,date,organisation,source_url,recorded_at\n"
    "hanna-detained,by-protected-hanna,detained,2023-03-01,,https://example.org/hidden,2025-01-01\n"
    "hanna-designated,by-protected-hanna,designated,2023-03-01,Viasna,https://example.org/hidden,2025-01-01\n"
    "piotr-detained,by-protected-piotr,detained,2022-05-01,,https://example.org/hidden,2025-01-01\n"
    "piotr-designated,by-protected-piotr,designated,2022-05-01,Viasna,https://example.org/hidden,2025-01-01\n"
)
EVIL_SOURCES = (
    "url,title,publisher,published,language,recorded_at\n"
    "javascript:alert(document.cookie),A script address,Evil,2025-03-04,en,2025-01-01\n"
    '"data:text/html;base64,PHNjcmlwdD4=",A data address,Evil,2025-03-05,en,2025-01-01\n'
)
ARTICLE = (
    " date 2025-10-01 Court jails activists\nCourt jails activists\n"
    "A court in Hrodna sentenced Hanna Sakrevich and Piotr Zhuvalich to five years, Viasna said. "
    "Belarus freed 12 political prisoners on Tuesday, according to Viasna. "
    "<script>alert('x')</script>\n"
)
SECRET_NAMES = (
    "Hanna Sakrevich",
    "Sakrevich",
    "Ганна Сакрэвіч",
    "Анна Сакревич",
    "Piotr Zhuvalich",
    "Zhuvalich",
    "Пётр Жувaліч",
    "by-protected-hanna",
    "by-protected-piotr",
)


def build(store: SqlStore, tmp: Path, extractor: Extractor) -> None:
    (tmp / "persons_protected.csv").write_text(PROTECTED_PERSONS, encoding="utf-8")
    (tmp / "events_protected.csv").write_text(PROTECTED_EVENTS, encoding="utf-8")
    (tmp / "sources_evil.csv").write_text(EVIL_SOURCES, encoding="utf-8")
    files = [Path(p) for p in SAMPLE_FILES] + [
        tmp / "persons_protected.csv",
        tmp / "events_protected.csv",
        tmp / "sources_evil.csv",
    ]
    report = importing.import_files(store, files, "tester", NOW)
    assert report.ok, report.problems
    doc = Document(
        "test-article.txt", ARTICLE, datetime(2025, 10, 1).date(), "Court jails activists"
    )
    ingesting.ingest(store, [doc], [extractor.extract(doc)], "tester", NOW)
    accounts.add_user(AccountStore(store), "ana", "analyst", PASSWORD, NOW)


@pytest.fixture
def web_store(store: SqlStore, tmp_path: Path, extractor: Extractor) -> SqlStore:
    build(store, tmp_path, extractor)
    return store


@pytest.fixture
def client(web_store: SqlStore) -> Iterator[TestClient]:
    app = create_app(WebSettings(web_store.url, secure_cookies=False), web_store)
    with TestClient(app) as c:
        yield c


def login(client: TestClient) -> str:
    r = client.post("/login", data={"name": "ana", "password": PASSWORD}, follow_redirects=False)
    assert r.status_code == 303, r.text
    page = client.get("/review").text
    marker = 'name="csrf" value="'
    return page.split(marker, 1)[1].split('"', 1)[0]
