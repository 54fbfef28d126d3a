"""Freed through deals, as of a day, in the JSON API and on the dashboard (both backends): the
registry's releases that name a deal beside the deals' published figures with their sources.
Protected persons freed in a deal are counted, exactly as for analysts, and never named."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from prisonwatch.services import importing
from prisonwatch.storage.sql import SqlStore
from prisonwatch.web.app import create_app
from prisonwatch.web.settings import WebSettings
from tests.web.conftest import login

NOW = datetime(2026, 11, 29, 12, 0)
CANARY_PERSONS = (
    "id,name,aliases,birth_year,gender,region,country,protection,note,recorded_at\n"
    "by-deal-canary-w,Ulad Krynichny,Улад Крынічны|Влад Криничный,1970,male,Canaryland,BY,"
    "withhold_name,Canary note Krynichny,2025-01-01\n"
    "by-deal-canary-c,Tsikhan Zhyvitsa,Ціхан Жывіца,1972,male,Canaryland,BY,counts_only,"
    "Canary note Zhyvitsa,2025-01-01\n"
)
CANARY_EVENTS = (
    "id,person_id,kind,date,mechanism,organisation,deal_id,place,source_url,note,recorded_at\n"
    "kr-det,by-deal-canary-w,detained,2022-01-01,,,,Krynichny cell,,,2025-01-01\n"
    "kr-des,by-deal-canary-w,designated,2022-02-01,,Viasna,,,,,2025-01-01\n"
    "kr-rel,by-deal-canary-w,released,2025-09-11,pardon,,BY-2025-09-11,,,"
    "Krynichny pardoned,2025-09-20\n"
    "zh-det,by-deal-canary-c,detained,2022-01-01,,,,,,,2025-01-01\n"
    "zh-rel,by-deal-canary-c,deported,2025-09-11,,,BY-2025-09-11,,,Zhyvitsa deported,2025-09-20\n"
)
CANARY_DEALS = (
    "id,date,country,parties,recorded_at\n"
    # a deal whose id names a protected person, with nothing published: it is listed among
    # the deals without a published figure, and must be so under its public id
    "BY-2025-08-01-krynichny,2025-08-01,BY,Belarus|Lithuania,2025-08-02\n"
)
SECRETS = (
    "Krynichny",
    "Крынічны",
    "Криничный",
    "Zhyvitsa",
    "Жывіца",
    "by-deal-canary",
    "Canary note",
    "Canaryland",
)


def _rd(client: TestClient, on: str) -> dict[str, Any]:
    r = client.get(f"/api/v1/stats?on={on}")
    assert r.status_code == 200, r.text
    found: dict[str, Any] = r.json()["released_in_deals"]
    return found


def test_the_api_answers_freed_through_deals_with_published_figures_beside(
    client: TestClient,
) -> None:
    rd = _rd(client, "2025-09-30")
    assert rd["on"] == "2025-09-30"
    # registry: releases naming the deals of June and September (pardons, deportations, ...)
    assert rd["registry"]["released"] == {"low": 22, "high": 22}
    assert rd["registry"]["political_prisoners"] == {"low": 10, "high": 10}
    # published: 14 (June) + 52 (September) freed; 14 + 40 (per Viasna) political prisoners
    assert (rd["published"]["released"]["low"], rd["published"]["released"]["high"]) == (66, 66)
    pp = rd["published"]["political_prisoners"]
    assert (pp["low"], pp["high"], pp["missing"]) == (54, 54, [])
    september = next(d for d in rd["deals"] if d["date"] == "2025-09-11")
    (viasna,) = september["published"]["political_prisoners"]
    assert (viasna["value"], viasna["by"]) == (40, "Viasna")
    assert viasna["sources"] and all(s["id"] for s in viasna["sources"])
    # the December deal is not counted before its day, and its open figure leaves no top
    later = _rd(client, "2025-12-31")
    assert later["published"]["released"]["high"] is None
    assert later["published"]["political_prisoners"]["missing"]
    assert len(later["deals"]) == 3 and len(rd["deals"]) == 2


def test_the_dashboard_shows_the_figure_beside_the_published_one(client: TestClient) -> None:
    page = client.get("/?from=2025-01-01&to=2025-09-30").text
    section = page.split('id="released-in-deals"', 1)[1].split("</section>", 1)[0]
    assert "22" in section and "66" in section and "54" in section
    assert 'id="released-in-deals-table"' in section
    assert "Viasna" in section and 'class="source"' in section
    ru = client.get("/?from=2025-01-01&to=2025-09-30&lang=ru").text
    assert "Освобождены через сделки" in ru


def test_protected_persons_freed_in_a_deal_are_counted_and_never_named(
    web_store: SqlStore, tmp_path: Path
) -> None:
    (tmp_path / "persons_canary.csv").write_text(CANARY_PERSONS, encoding="utf-8")
    (tmp_path / "events_canary.csv").write_text(CANARY_EVENTS, encoding="utf-8")
    (tmp_path / "deals_canary.csv").write_text(CANARY_DEALS, encoding="utf-8")
    files = [tmp_path / f"{k}_canary.csv" for k in ("persons", "events", "deals")]
    report = importing.import_files(web_store, files, "tester", NOW)
    assert report.ok, report.problems
    app = create_app(WebSettings(web_store.url, secure_cookies=False), web_store)
    with TestClient(app) as client:
        public = _rd(client, "2025-09-30")
        bodies = [
            client.get("/api/v1/stats?on=2025-09-30").text,
            client.get("/?from=2025-01-01&to=2025-09-30").text,
            client.get("/?from=2025-01-01&to=2025-09-30&lang=be").text,
        ]
        for body in bodies:
            folded = body.casefold()
            assert not [s for s in SECRETS if s.casefold() in folded]
        login(client)
        analyst = _rd(client, "2025-09-30")
    assert len(public["published"]["released"]["missing"]) == 1
    assert public["published"]["released"]["missing"] != analyst["published"]["released"]["missing"]
    # counted like everyone: two more releases, one more political prisoner
    assert public["registry"] == analyst["registry"]
    assert public["registry"]["released"] == {"low": 24, "high": 24}
    assert public["registry"]["political_prisoners"] == {"low": 11, "high": 11}


def test_the_difference_column_carries_the_published_qualifier(client: TestClient) -> None:
    """Beside "more than 109" freed on 2025-12-13 the difference is open above ("at least"),
    in the API and on the dashboard, never an exact number."""
    rows = client.get("/api/v1/stats?on=2025-12-31").json()["observations"]
    (more,) = [o for o in rows if o["qualifier"] == "more_than" and o["published"] == 109]
    diff = more["difference"]
    assert diff["high"] is None and not diff["exact"]
    assert diff["low"] == 110 - more["registry"]["high"]
    assert diff["text"] == f"at least {diff['low']:,}"
    page = client.get("/?from=2025-01-01&to=2025-12-31").text
    table = page.split('id="published"', 1)[1].split("</table>", 1)[0]
    assert f'<td class="difference">at least {diff["low"]}</td>' in table
