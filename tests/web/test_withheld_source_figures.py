"""A published figure or a deal whose every source is withheld answers as one recorded with
no source at all.

A source is withheld from the public when its title, address or publisher may name a
protected person. An event read from such a source already answered as one with no source
(`test_withheld_source_oracle`). A published figure (observation) or a deal did not: its
published figures still said who published them by the withheld source's publisher (`by`,
the deals CSV's "per ..."), beside no source, which told that a document lies behind it and
that the public may not see it, i.e. that the document names a protected person. Each pair
below is recorded alike but for its id and its source (withheld, or none): every public
answer about them (API, CSV, pages, the public export, FtM) must be the same for both, but
for the id. Canaries with a Latin and a Cyrillic name, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from prisonwatch.services import exporting, ftm_export
from prisonwatch.storage.sql import SqlStore
from prisonwatch.web.app import create_app
from prisonwatch.web.settings import WebSettings
from tests.web.leak_canaries import imported, traces

NOW = datetime(2026, 11, 29, 12, 0)
HIDDEN_URL = "https://news.example.org/2025/ihar-zhaurankevich-freed"
HIDDEN_CY_URL = "https://nn.example.by/2025/kanarejka"
PERSONS = (
    "id,name,aliases,birth_year,gender,region,country,protection,recorded_at\n"
    "by-pub-plain,Siarhei Navumchyk,,1970,male,,BY,public,2025-01-01\n"
    "by-canary-latin,Ihar Zhaurankevich,,1971,male,,BY,counts_only,2025-01-01\n"
    "by-canary-cyrillic,Зміцер Лук'янчык,,1972,male,,BY,withhold_name,2025-01-01\n"
)
SOURCES = (
    "url,title,publisher,published,language,recorded_at\n"
    # withheld: the address names a canary; the title of the other names one in Cyrillic
    f"{HIDDEN_URL},Freed,Hidden Publisher,2025-03-09,en,2025-01-01\n"
    f"{HIDDEN_CY_URL},Лук'янчыка вызвалілі,Other Publisher,2025-03-09,be,2025-01-01\n"
)
DEALS = (
    "id,date,country,parties,mediator,concessions,reported_released,"
    "reported_political_prisoners,figures_by,source_url,note,recorded_at\n"
    f"deal-a,2025-03-09,BY,Belarus|Poland,,,3,3,,{HIDDEN_URL},,2025-03-10\n"
    f"deal-b,2025-03-09,BY,Belarus|Poland,,,3,3,,{HIDDEN_CY_URL},,2025-03-10\n"
    "deal-c,2025-03-09,BY,Belarus|Poland,,,3,3,,,,2025-03-10\n"
)
OBSERVATIONS = (
    "id,metric,value,qualifier,period,organisation,country,source_url,note,recorded_at\n"
    f"obs-a,held,1111,exact,2025-03,,BY,{HIDDEN_URL},,2025-03-10\n"
    f"obs-b,held,1111,exact,2025-03,,BY,{HIDDEN_CY_URL},,2025-03-10\n"
    "obs-c,held,1111,exact,2025-03,,BY,,,2025-03-10\n"
)
SHOWN = {"deal": ("deal-a", "deal-b", "deal-c"), "figure": ("obs-a", "obs-b", "obs-c")}


def _store(store: SqlStore, tmp: Path) -> SqlStore:
    files = {
        "persons_w.csv": PERSONS,
        "sources_w.csv": SOURCES,
        "deals_w.csv": DEALS,
        "observations_w.csv": OBSERVATIONS,
    }
    return imported(store, tmp, files, NOW)


def _same(rows: list[Any], where: str) -> None:
    """The rows (one per record of a pair, ids blanked) are the same, byte for byte."""
    first = json.dumps(rows[0], sort_keys=True, ensure_ascii=False)
    for row in rows[1:]:
        assert json.dumps(row, sort_keys=True, ensure_ascii=False) == first, where


def _blank(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k != "id"}


def test_figure_and_deal_with_withheld_source_answer_as_with_none(
    store: SqlStore, tmp_path: Path
) -> None:
    _store(store, tmp_path)
    app = create_app(WebSettings(store.url, secure_cookies=False), store)
    with TestClient(app) as client:
        deals = client.get("/api/v1/deals").json()
        rows = deals["rows"] if isinstance(deals, dict) else deals
        assert len(rows) == 3
        _same([_blank(d) for d in rows], "API deals")
        for d in rows:
            one = client.get(f"/api/v1/deals/{d['id']}").json()
            assert _blank(one) == _blank(rows[0])
        csv_rows = client.get("/api/v1/deals.csv").text.splitlines()[1:]
        _same([line.split(",", 1)[1] for line in csv_rows], "deals CSV")
        obs = client.get("/api/v1/observations").json()
        rows = obs["rows"] if isinstance(obs, dict) else obs
        assert len(rows) == 3
        _same([_blank(o) for o in rows], "API observations")
        csv_rows = client.get("/api/v1/observations.csv").text.splitlines()[1:]
        _same([line.split(",", 1)[1] for line in csv_rows], "observations CSV")
        stats = client.get("/api/v1/stats?on=2025-03-31").json()
        _same([_blank(o) for o in stats["observations"]], "stats observations")
        head = json.dumps(stats["headline"], ensure_ascii=False)
        assert "Publisher" not in head, head
        released = stats["released_in_deals"]
        _same([_blank(d) for d in released["deals"]], "released in deals")
        pages = []
        for i in SHOWN["deal"]:
            page = client.get(f"/deals/{i}")
            assert page.status_code == 200
            pages.append(page.text.replace(i, "ID"))
        _same(pages, "deal pages")
        for path in ("/", "/deals", "/api/v1/deals", "/api/v1/stats?on=2025-03-31"):
            body = client.get(path).text
            assert "Publisher" not in body, path
            assert not traces(body, []), path
    export = exporting.export_records(store, at=NOW)
    for kind in ("deals", "observations"):
        found = export[kind]
        assert len(found) == 3
        _same([_blank(r) for r in found], f"export {kind}")
    ftm = "\n".join(ftm_export.to_jsonl(store))
    assert "Publisher" not in ftm and not traces(ftm, [])
