"""Red team: protected names as the German and French press spell them.

DW, Spiegel and FAZ write Belarusian and Russian names by German rules: "Ales Bjaljazki",
"Lukjantschyk", "Zwirbuzkaja", "Schaurankewitsch". None of the matcher's tables spells so
(z for ц, sch for ж and ш, tsch for ч, w for в and ў), and the consonant skeletons do not meet
either, so a German source title, a figure's note or an event's place naming a protected
person that way was shown to the public. French spells ж j, у ou, ч tch, ш ch ("Loukiantchik",
"Jaurankevitch", "Tsvirboutskaïa"): the same. The surnames are made up.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from prisonwatch.services import exporting
from prisonwatch.storage.sql import SqlStore
from prisonwatch.web.app import create_app
from prisonwatch.web.settings import WebSettings
from tests.web.leak_canaries import imported, normal

NOW = datetime(2026, 11, 29, 12, 0)
PERSONS = (
    "id,name,aliases,birth_year,gender,region,country,protection,note,recorded_at\n"
    "by-de-lu,Зміцер Лук'янчык,Дмитрий Лукьянчик,1969,male,,BY,counts_only,,2025-01-01\n"
    "by-de-ts,Алена Цвірбуцкая,Елена Цвирбуцкая,1988,female,,BY,withhold_name,,2025-01-01\n"
    "by-de-zh,Ігар Жаўранкевіч,,1971,male,,BY,counts_only,,2025-01-01\n"
    "by-de-control,Raman Darashevich,,1980,male,Bezirk Schaurankewitschi,BY,public,,"
    "2025-01-01\n"
)
U1, U2, U3, U4 = (f"https://dw.example.de/a{i}" for i in range(1, 5))
SOURCES = (
    "url,title,publisher,published,language,recorded_at\n"
    f"{U1},Lukjantschyk zu sechs Jahren verurteilt,DW,2025-03-01,de,2025-01-01\n"
    f"{U2},Die Anwältin von Zwirbuzkaja spricht,DW,2025-03-02,de,2025-01-01\n"
    f"{U3},Weitere Urteile in Minsk,DW,2025-03-03,de,2025-01-01\n"
    f"{U4},Loukiantchik condamné à six ans,Le Monde,2025-03-04,fr,2025-01-01\n"
)
EVENTS = (
    "id,person_id,kind,date,organisation,place,source_url,note,recorded_at\n"
    f"de-lu,by-de-lu,detained,2023-03-01,,,{U1},,2025-01-01\n"
    f"de-ts,by-de-ts,detained,2023-03-02,,,{U2},,2025-01-01\n"
    "de-control,by-de-control,detained,2023-03-05,,Haus von Schawrankewitsch,"
    f"{U3},Mit Lukjantschyks Bruder festgenommen,2025-01-01\n"
)
OBSERVATIONS = (
    "id,metric,value,qualifier,period,organisation,country,source_url,note,recorded_at\n"
    "de-obs-1,held,40,exact,2025-03,Viasna,BY,,Einschließlich Zwirbuzkaja,2025-03-10\n"
    "fr-obs-1,held,41,exact,2025-04,Viasna,BY,,Dont Tsvirboutskaïa et Jaurankevitch,2025-04-10\n"
)
STEMS = (
    "lukjantsch",
    "zwirbuzk",
    "schaurankew",
    "schawrankew",
    "loukiantch",
    "tsvirbout",
    "jaurankev",
)


@pytest.fixture
def german_store(store: SqlStore, tmp_path: Path) -> SqlStore:
    return imported(
        store,
        tmp_path,
        {
            "persons_de.csv": PERSONS,
            "sources_de.csv": SOURCES,
            "events_de.csv": EVENTS,
            "observations_de.csv": OBSERVATIONS,
        },
        NOW,
    )


@pytest.fixture
def public(german_store: SqlStore) -> Iterator[TestClient]:
    app = create_app(WebSettings(german_store.url, secure_cookies=False), german_store)
    with TestClient(app) as c:
        yield c


def _traces(body: str) -> list[str]:
    n = normal(body)
    return [s for s in STEMS if s in n]


def test_no_protected_name_in_german_or_french_spelling(
    public: TestClient, german_store: SqlStore
) -> None:
    for path in (
        "/api/v1/persons",
        "/api/v1/persons/by-de-control",
        "/persons/by-de-control",
        "/api/v1/sources",
        "/sources",
        "/api/v1/observations",
        "/api/v1/events",
    ):
        r = public.get(path)
        assert r.status_code == 200, path
        assert not _traces(r.text), (path, _traces(r.text))
    export = json.dumps(exporting.export_records(german_store, at=NOW), ensure_ascii=False)
    assert not _traces(export), _traces(export)
    # the control: a German title naming nobody protected is listed as it was
    titles = {s["title"] for s in public.get("/api/v1/sources").json()["rows"]}
    assert "Weitere Urteile in Minsk" in titles
