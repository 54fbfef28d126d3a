"""Red team, session 5: the public export listed rows in the order of their real ids.

Persons were listed by their own id, events by date and their own id, figures by period and
their own id, deals by date and their own id. A withheld person's pseudonym, and a public id
that replaced an id naming a protected person, stood where the real id sorts: between
`by-bykouskikh-ihar` and `by-chamadanau-danila`, a pseudonym's id (made from the surname) starts
with `by-c`, and on the day of a deal a pseudonymous release stood among the others in the
alphabetical order of its real id. Rows are now ordered by what the public sees (the shown id,
after the date where rows have one), so where a pseudonym stands says nothing of the id behind
it. The surnames are made up.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from fastapi.testclient import TestClient

from prisonwatch.core.dates import parse_fuzzy
from prisonwatch.services import exporting, ftm_export
from prisonwatch.services.public import Projection
from prisonwatch.storage.sql import SqlStore
from prisonwatch.web.app import create_app
from prisonwatch.web.settings import WebSettings
from tests.web.leak_canaries import imported

NOW = datetime(2026, 11, 29, 12, 0)
PERSONS = (
    "id,name,aliases,birth_year,gender,region,country,protection,note,recorded_at\n"
    "by-aa-zhaurankevich,Ihar Zhaurankevich,,1971,male,,BY,withhold_name,,2025-01-01\n"
    "by-ab-lukjancyk,Zmicier Lukjančyk,,1969,male,,BY,withhold_name,,2025-01-01\n"
    "by-zz-darashevich,Raman Darashevich,,1980,male,,BY,public,,2025-01-01\n"
    # a public person whose id names a protected one: shown under a keyed public id
    "by-aa-zhaurankevich-cousin,Ales Pamylkovich,,1960,male,,BY,public,,2025-01-01\n"
)
DEALS = (
    "id,date,country,parties,mediator,concessions,reported_released,"
    "reported_political_prisoners,figures_by,source_url,note,recorded_at\n"
    "aa-zhaurankevich-deal,2025-03-09,BY,Belarus|Lithuania,,,1,1,,,,2025-03-10\n"
    "b-deal,2025-03-09,BY,Belarus|Poland,,,1,1,,,,2025-03-10\n"
)
EVENTS = (
    "id,person_id,kind,date,mechanism,deal_id,organisation,recorded_at\n"
    "b-detained,by-aa-zhaurankevich,detained,2023-03-01,,,,2025-01-01\n"
    "c-detained,by-zz-darashevich,detained,2023-03-01,,,,2025-01-01\n"
    "d-detained,by-ab-lukjancyk,detained,2023-03-01,,,,2025-01-01\n"
    "a-zhaurankevich-cousin,by-aa-zhaurankevich-cousin,detained,2023-03-01,,,,2025-01-01\n"
    "a-zhaurankevich-viasna,by-aa-zhaurankevich-cousin,designated,2023-04-01,,,Viasna,"
    "2025-01-01\n"
    "b-memorial,by-aa-zhaurankevich-cousin,designated,2023-04-01,,,Memorial,2025-01-01\n"
    "zz-released,by-aa-zhaurankevich-cousin,released,2025-03-09,deal,b-deal,,2025-03-10\n"
    "y-released,by-zz-darashevich,released,2025-03-09,deal,b-deal,,2025-03-10\n"
)
OBSERVATIONS = (
    "id,metric,value,qualifier,period,organisation,country,source_url,note,recorded_at\n"
    "aa-obs-zhaurankevich,held,1111,exact,2025-03,Viasna,BY,,,2025-03-10\n"
    "b-obs,held,1112,exact,2025-03,Viasna,BY,,,2025-03-10\n"
)


PUBLIC_KEYED = "by-aa-zhaurankevich-cousin"


def _store(store: SqlStore, tmp: Path) -> SqlStore:
    files = {
        "persons_order.csv": PERSONS,
        "deals_order.csv": DEALS,
        "events_order.csv": EVENTS,
        "observations_order.csv": OBSERVATIONS,
    }
    return imported(store, tmp, files, NOW)


def test_public_export_rows_are_ordered_by_what_the_public_sees(
    store: SqlStore, tmp_path: Path
) -> None:
    export = exporting.export_records(_store(store, tmp_path), at=NOW)
    persons = [r["id"] for r in export["persons"]]
    assert len(persons) == 4 and persons == sorted(persons), persons
    assert "by-aa-zhaurankevich-cousin" not in persons  # keyed: its id names a protected person
    events = [(parse_fuzzy(r["date"]).earliest, r["id"]) for r in export["events"]]
    assert len(events) == 8 and events == sorted(events), events
    deals = [(parse_fuzzy(r["date"]).earliest, r["id"]) for r in export["deals"]]
    assert len(deals) == 2 and deals == sorted(deals), deals
    figures = [(parse_fuzzy(r["period"]).earliest, r["id"]) for r in export["observations"]]
    assert len(figures) == 2 and figures == sorted(figures), figures


def test_the_full_backup_keeps_the_records_own_order(store: SqlStore, tmp_path: Path) -> None:
    backup = exporting.export_records(_store(store, tmp_path), include_protected=True)
    assert [r["id"] for r in backup["persons"]] == sorted(r["id"] for r in backup["persons"])
    assert "by-aa-zhaurankevich" in {r["id"] for r in backup["persons"]}


def test_public_api_lists_and_ftm_entities_are_ordered_by_shown_ids(
    store: SqlStore, tmp_path: Path
) -> None:
    """The same order on the API's lists and in the FtM export: a keyed event, deal or person
    id stands where its shown id sorts, not where the id naming a protected person does."""
    ordered = _store(store, tmp_path)
    proj = Projection.build(ordered)
    app = create_app(WebSettings(ordered.url, secure_cookies=False), ordered)
    with TestClient(app) as public:
        events = public.get("/api/v1/events").json()["rows"]
        deals = public.get("/api/v1/deals").json()["rows"]
        figures = public.get("/api/v1/observations").json()["rows"]
        cousin = public.get(f"/api/v1/persons/{proj.person_id(PUBLIC_KEYED)}").json()
    # a person's own timeline: two recognitions on one day, in the order of the ids shown
    same_day = [e["id"] for e in cousin["events"] if e["kind"] == "designated"]
    assert len(same_day) == 2 and same_day == sorted(same_day), same_day
    shown = [(parse_fuzzy(r["date"]).earliest, r["id"]) for r in events]
    assert len(shown) == 6 and shown == sorted(shown), shown
    assert "a-zhaurankevich-cousin" not in {r["id"] for r in events}  # keyed
    dated = [(parse_fuzzy(r["date"]).earliest, r["id"]) for r in deals]
    assert len(dated) == 2 and dated == sorted(dated), dated
    assert "aa-zhaurankevich-deal" not in {r["id"] for r in deals}  # keyed
    freed = [p["id"] for d in deals for p in d["registry"]["released_persons"]]
    assert len(freed) == 2 and freed == sorted(freed), freed
    published = [(parse_fuzzy(r["period"]).earliest, r["id"]) for r in figures]
    assert len(published) == 2 and published == sorted(published), published
    entities = [e for e in ftm_export.entities(ordered) if e["schema"] == "Person"]
    ids = [e["id"] for e in entities]
    assert len(ids) == 2
    shown = {
        ftm_export.person_entity_id(proj.person_id(pid)): proj.person_id(pid)
        for pid in ("by-aa-zhaurankevich-cousin", "by-zz-darashevich")
    }
    assert set(ids) == set(shown)
    assert ids == sorted(ids, key=shown.__getitem__), ids
