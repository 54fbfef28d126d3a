"""Red team (session 7): protected names written in Łacinka, or in the scholarly spelling of
Czech, Slovak and Baltic papers, when the registry holds them in the usual Latin spelling.

Registries keep names as passports and the English-language press write them: "Yauhen
Zhylich", "Mikalai Statkevich", "Siarhei Shcharbakou". Radio Svaboda and Nasha Niva write the
same names in Łacinka: "Jaŭhien Žylič", "Statkievič", "Ščarbakoŭ"; Czech, Slovak and Baltic
papers write a Russian "Щукин" as "Ščukin". The name check folds diacritics away ("Žylič" reads
"zylic"), which meets no stem of "Zhylich", so a source title, an address, a figure's note or an
event's place written so was shown to the public with the protected name in it, without any
person clearing it. Now a word with Łacinka letters is also read as the Cyrillic it writes, and
judged in every transliteration of that. The surnames are made up."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from prisonwatch.core.records import Person
from prisonwatch.core.vocabulary import Protection
from prisonwatch.services import exporting
from prisonwatch.services.name_check import ProtectedNames
from prisonwatch.storage.sql import SqlStore
from prisonwatch.web.app import create_app
from prisonwatch.web.settings import WebSettings
from tests.web.leak_canaries import imported, normal

NOW = datetime(2026, 11, 29, 12, 0)
AT = datetime(2025, 1, 1)

SPELLINGS = {
    "Yauhen Zhylikovich": ("Jaŭhien Žylikovič", "Žylikoviča", "Žylikovičam", "ŽYLIKOVIČ"),
    "Mikalai Statkuvevich": ("Mikałaj Statkuvievič", "Statkuvieviča", "Statkuviewicz"),
    "Siarhei Shcharbinkou": ("Ščarbinkoŭ", "Ščarbinkova", "Siarhiej Ščarbinkoŭ"),
    "Aliaksandr Chachotkin": ("Čačotkin", "Alaksandr Čačotkinym"),
    "Valiantsin Shchyhelnitski": ("Ščyhielnicki", "Valancin Ščyhielnickaha"),
    "Дмитрий Щукинов": ("Ščukinov", "Dmitrij Ščukinova"),
}
"""Protected names as the registry holds them, and Łacinka or scholarly spellings of them."""

INNOCENT = (
    "Palitviazni ŭ Minsku: Viasna paviedamlaje pra novyja prysudy",
    "Svaboda: sud u Homieli, prysud Ihnatu Navumčyku",
    "Čatyry čałavieki vyzvalenyja ŭ Mahilovie",
    "Zpráva o soudu v Minsku, Ščučyn a Žodzina",
)
"""Łacinka and Czech titles naming nobody protected: still shown."""


@pytest.mark.parametrize("name", sorted(SPELLINGS))
def test_the_name_check_reads_lacinka_as_the_cyrillic_it_writes(name: str) -> None:
    names = ProtectedNames([Person("p", name, AT, protection=Protection.WITHHOLD_NAME)])
    missed = [t for t in SPELLINGS[name] if not names.mentions(t)]
    assert not missed, missed


def test_lacinka_texts_naming_nobody_protected_pass() -> None:
    names = ProtectedNames(
        [Person(f"p{i}", n, AT, protection=Protection.COUNTS_ONLY) for i, n in enumerate(SPELLINGS)]
    )
    assert [t for t in INNOCENT if names.mentions(t)] == []


PERSONS = (
    "id,name,aliases,birth_year,gender,region,country,protection,note,recorded_at\n"
    "by-lc-zh,Yauhen Zhylikovich,,1990,male,,BY,withhold_name,,2025-01-01\n"
    "by-lc-sh,Siarhei Shcharbinkou,,1985,male,,BY,counts_only,,2025-01-01\n"
    "by-lc-control,Raman Darashevich,,1980,male,Vulica Statkuvieviča,BY,public,,2025-01-01\n"
    "by-lc-st,Mikalai Statkuvevich,,1956,male,,BY,counts_only,,2025-01-01\n"
)
U1, U2, U3 = (f"https://svaboda.example.org/a{i}" for i in range(1, 4))
SOURCES = (
    "url,title,publisher,published,language,recorded_at\n"
    f"{U1},Jaŭhienu Žylikoviču dali šeść hadoŭ,Svaboda,2025-03-01,be,2025-01-01\n"
    f"{U2},Palitviazni ŭ Minsku: Viasna paviedamlaje pra novyja prysudy,Svaboda,2025-03-02,be,"
    "2025-01-01\n"
    f"https://svaboda.example.org/ščarbinkoŭ-asudžany,Sud,Svaboda,2025-03-03,be,2025-01-01\n"
)
EVENTS = (
    "id,person_id,kind,date,organisation,place,source_url,note,recorded_at\n"
    f"lc-zh,by-lc-zh,detained,2023-03-01,,,{U1},,2025-01-01\n"
    "lc-sh,by-lc-sh,detained,2023-03-02,,,https://svaboda.example.org/ščarbinkoŭ-asudžany,,"
    "2025-01-01\n"
    f"lc-control,by-lc-control,detained,2023-03-05,,Dom Ščarbinkova,{U2},"
    "Zatrymany razam z Žylikovičam,2025-01-01\n"
)
OBSERVATIONS = (
    "id,metric,value,qualifier,period,organisation,country,source_url,note,recorded_at\n"
    "lc-obs-1,held,40,exact,2025-03,Viasna,BY,,Ź Ščarbinkovym i Statkuvievičam,2025-03-10\n"
)
STEMS = ("zylikov", "zhylikov", "scarbink", "shcharbink", "statkuviev", "statkuvev")


@pytest.fixture
def public(store: SqlStore, tmp_path: Path) -> Iterator[tuple[TestClient, SqlStore]]:
    imported(
        store,
        tmp_path,
        {
            "persons_lc.csv": PERSONS,
            "sources_lc.csv": SOURCES,
            "events_lc.csv": EVENTS,
            "observations_lc.csv": OBSERVATIONS,
        },
        NOW,
    )
    app = create_app(WebSettings(store.url, secure_cookies=False), store)
    with TestClient(app) as c:
        yield c, store


def _traces(body: str) -> list[str]:
    n = normal(body)
    folded = "".join(c for c in __import__("unicodedata").normalize("NFKD", n) if c.isascii())
    return [s for s in STEMS if s in n or s in folded]


def test_no_protected_name_in_lacinka_reaches_the_public(
    public: tuple[TestClient, SqlStore],
) -> None:
    client, store = public
    for path in (
        "/api/v1/persons",
        "/api/v1/persons/by-lc-control",
        "/persons/by-lc-control",
        "/api/v1/sources",
        "/sources",
        "/api/v1/observations",
        "/api/v1/events",
    ):
        r = client.get(path)
        assert r.status_code == 200, path
        assert not _traces(r.text), (path, _traces(r.text))
    export = json.dumps(exporting.export_records(store, at=NOW), ensure_ascii=False)
    assert not _traces(export), _traces(export)
    titles = {s["title"] for s in client.get("/api/v1/sources").json()["rows"]}
    assert INNOCENT[0] in titles  # the control: a Łacinka title naming nobody is shown


PRESS = {
    "Yauhen Zhylikovich": ("Schylikowitsch", "Jylikovitch", "Jylikovitcha"),
    "Alena Tsvirbutskaya": ("Zwirbuzkaja", "Tsvirboutskaïa"),
    "Kseniya Lutskina": ("Luzkina", "Loutskina"),
    "Ihar Yarmolchyk": ("Jarmoltschyk", "Iarmoltchyk"),
}
"""Protected names the registry holds in Latin letters only (three in four of the sample
registry's persons have no Cyrillic name), and the German and French press spellings of them,
which were checked only for names held in Cyrillic."""


@pytest.mark.parametrize("name", sorted(PRESS))
def test_press_spellings_of_names_held_only_in_latin_letters(name: str) -> None:
    names = ProtectedNames([Person("p", name, AT, protection=Protection.COUNTS_ONLY)])
    missed = [t for t in PRESS[name] if not names.mentions(t)]
    assert not missed, missed


def test_german_and_french_texts_naming_nobody_protected_pass() -> None:
    names = ProtectedNames(
        [Person(f"p{i}", n, AT, protection=Protection.COUNTS_ONLY) for i, n in enumerate(PRESS)]
    )
    innocent = (
        "Weitere Urteile in Minsk: Viasna meldet neue politische Gefangene",
        "Le tribunal de Homiel condamne trois militants, selon Viasna",
        "Lukaschenko begnadigt 16 Gefangene",
    )
    assert [t for t in innocent if names.mentions(t)] == []
