"""A published figure's source is linked under a name a reader can see: its publisher, else its
title, else its address. A source with no publisher (an article ingested from a file, a
source named only by its address) was linked as "None" in the dashboard's headline."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from fastapi.testclient import TestClient

from prisonwatch.services import importing
from prisonwatch.storage.sql import SqlStore
from prisonwatch.web.app import create_app
from prisonwatch.web.settings import WebSettings

NOW = datetime(2026, 11, 29, 12, 0)


def test_a_source_without_publisher_is_linked_by_its_title(store: SqlStore, tmp_path: Path) -> None:
    (tmp_path / "sources.csv").write_text(
        "url,title\nhttps://example.org/count,Count of the day\n", encoding="utf-8"
    )
    (tmp_path / "observations.csv").write_text(
        "id,metric,value,period,organisation,country,source_url\n"
        "held-1,held,1100,2025-06-30,Viasna,BY,https://example.org/count\n",
        encoding="utf-8",
    )
    files = [tmp_path / "sources.csv", tmp_path / "observations.csv"]
    report = importing.import_files(store, files, "tester", NOW)
    assert report.ok, report.problems
    app = create_app(WebSettings(store.url, secure_cookies=False), store)
    with TestClient(app) as client:
        page = client.get("/", params={"to": "2025-06-30"}).text
    links = [p.split("</a>", 1)[0] for p in page.split('<a class="source"')[1:]]
    assert links and all(">Count of the day" in link for link in links), links
    assert ">None<" not in page
