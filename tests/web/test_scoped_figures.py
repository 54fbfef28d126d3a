"""Published figures with a place and a scope, through the API: shown to the public only as
the projection lets free texts be seen."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from prisonwatch.services import importing
from prisonwatch.storage.sql import SqlStore
from tests.web.conftest import NOW, login


def test_scoped_figures_show_place_and_scope(
    client: TestClient, web_store: SqlStore, tmp_path: Path
) -> None:
    path = tmp_path / "observations.csv"
    path.write_text(
        "id,metric,value,period,organisation,country,place,scope,source_url\n"
        "ob-bolotnaya,detained,30,2012-05-06,OVD-Info,BY,Bolotnaya,March of Millions,"
        "https://example.org/ovd/1\n"
        "ob-canary,detained,4,2012-05-07,OVD-Info,BY,Minsk,Picket for Hanna Sakrevich,"
        "https://example.org/ovd/2\n",
        encoding="utf-8",
    )
    report = importing.import_files(web_store, [path], "tester", NOW)
    assert report.ok, report.problems
    rows = {r["id"]: r for r in client.get("/api/v1/observations?_size=1000").json()["rows"]}
    assert (rows["ob-bolotnaya"]["place"], rows["ob-bolotnaya"]["scope"]) == (
        "Bolotnaya",
        "March of Millions",
    )
    assert rows["ob-canary"]["scope"] is None  # names a protected person
    assert "Sakrevich" not in client.get("/api/v1/observations.csv").text
    login(client)
    rows = {r["id"]: r for r in client.get("/api/v1/observations?_size=1000").json()["rows"]}
    assert rows["ob-canary"]["scope"] == "Picket for Hanna Sakrevich"
