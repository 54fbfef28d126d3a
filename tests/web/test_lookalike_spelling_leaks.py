"""Red team: protected names with a digit or a symbol standing for a letter inside the word.

"Kviatk0uski" (0 for o), "Kv1atkouski" (1 for i or l), "Pch3lkina" (3 for e), "Kvi4tkouski" and
"Kvi@tkouski" (4 and @ for a), and in Cyrillic words "Квятк0ўскі" (0 for о), "П4ёлкина" (4 for ч)
are read by anyone as the name. A source title or address, an event's place or note naming a
protected person so must be withheld from every public answer (API, pages, export); texts whose
digits are numbers ("Top 10 of 2024", "COVID-19", "4x4") stay (controls). The surnames are
made up.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st

from prisonwatch.core.records import Person
from prisonwatch.services import exporting
from prisonwatch.services.name_check import ProtectedNames, lookalike_readings
from prisonwatch.storage.sql import SqlStore
from prisonwatch.web.app import create_app
from prisonwatch.web.settings import WebSettings
from tests.web.leak_canaries import imported, normal

NOW = datetime(2026, 12, 2, 12, 0)
PERSONS = (
    "id,name,aliases,birth_year,gender,region,country,protection,note,recorded_at\n"
    "by-lk-kv,Zmicier Kviatkouski,Змітрок Квяткоўскі,1981,male,,BY,withhold_name,,2025-01-01\n"
    "ru-lk-pc,Ксения Пчёлкина,,1990,female,,RU,counts_only,,2025-01-01\n"
    "by-lk-control,Raman Darashevich,,1980,male,Minsk,BY,public,,2025-01-01\n"
)
TEXTS = {
    # title, and whether it names a protected person
    "https://news.example.org/a1": ("Kviatk0uski sentenced to six years", True),
    "https://news.example.org/a2": ("Court hears Kvi4tkouski", True),
    "https://news.example.org/a3": ("Kvi@tkouski released", True),
    "https://news.example.org/a4": ("Квятк0ўскі асуджаны", True),
    "https://news.example.org/a5": ("Приговор П4ёлкиной", True),
    "https://news.example.org/a6": ("Ksenia Pch0lkina in court", True),
    "https://news.example.org/a7": ("Kviat-k0uski case", True),
    "https://news.example.org/kvi4tk0uski-sentenced": ("Minsk court", True),
    # controls: numbers that stay numbers, words with digits that are no name
    "https://news.example.org/c1": ("Top 10 trials of 2024", False),
    "https://news.example.org/c2": ("COVID-19 in Minsk prisons", False),
    "https://news.example.org/c3": ("4x4 rally and 300 detained", False),
    "https://news.example.org/c4": ("B2B and mp3 news from 1st court", False),
}
SOURCES = "url,title,publisher,published,language,recorded_at\n" + "".join(
    f'"{url}","{title}",Press,2025-03-01,en,2025-01-01\n' for url, (title, _) in TEXTS.items()
)
EVENTS = (
    "id,person_id,kind,date,organisation,place,source_url,note,recorded_at\n"
    "lk-control,by-lk-control,detained,2023-03-05,,Дом Квятк0ўскага,,"
    "Arrested with Pch3lkina,2025-01-01\n"
)
STEMS = (
    "kviatk0u",
    "kvi4tk",
    "kvi@tk",
    "квятк0ў",
    "п4ёлк",
    "pch0lk",
    "pch3lk",
    "k0uski",
    "kvi4tk0u",
)


@pytest.fixture
def lk_store(store: SqlStore, tmp_path: Path) -> SqlStore:
    files = {"persons_lk.csv": PERSONS, "sources_lk.csv": SOURCES, "events_lk.csv": EVENTS}
    return imported(store, tmp_path, files, NOW)


@pytest.fixture
def public(lk_store: SqlStore) -> Iterator[TestClient]:
    app = create_app(WebSettings(lk_store.url, secure_cookies=False), lk_store)
    with TestClient(app) as c:
        yield c


def _traces(body: str) -> list[str]:
    n = normal(body).casefold()
    return [s for s in STEMS if s in n or s in body.casefold()]


def test_no_protected_name_with_digits_or_symbols_for_letters(
    public: TestClient, lk_store: SqlStore
) -> None:
    for path in (
        "/api/v1/persons",
        "/api/v1/persons/by-lk-control",
        "/persons/by-lk-control",
        "/api/v1/sources",
        "/sources",
        "/api/v1/events",
    ):
        r = public.get(path)
        assert r.status_code == 200, path
        assert not _traces(r.text), (path, _traces(r.text))
    export = json.dumps(exporting.export_records(lk_store, at=NOW), ensure_ascii=False)
    assert not _traces(export), _traces(export)
    # the controls are listed as they were: numbers stay numbers
    titles = {s["title"] for s in public.get("/api/v1/sources?_limit=100").json()["rows"]}
    assert titles == {title for title, named in TEXTS.values() if not named}


def test_search_answers_alike_for_such_spellings_and_an_unknown_name(public: TestClient) -> None:
    """Public search holds public persons only: a protected name asked for with digits for
    letters answers as a name never recorded."""
    unknown = public.get("/api/v1/persons", params={"q": "Qqqqqq"})
    assert unknown.status_code == 200
    for q in ("Kviatk0uski", "Kvi@tkouski Zmicier", "П4ёлкина", "Квятк0ўскі"):
        r = public.get("/api/v1/persons", params={"q": q})
        assert (r.status_code, r.text) == (unknown.status_code, unknown.text), q
        page = public.get("/persons", params={"q": q})
        base = public.get("/persons", params={"q": "Qqqqqq"})
        assert page.text.replace(html.escape(q), "Q") == base.text.replace("Qqqqqq", "Q"), q


_NAMES = ProtectedNames(
    [
        Person("kv", "Zmicier Kviatkouski", NOW, aliases=("Змітрок Квяткоўскі",)),
        Person("pc", "Ксения Пчёлкина", NOW),
    ]
)


@pytest.mark.parametrize(
    "text",
    [
        "Kviatk0uski",
        "Kv1atkouski",
        "Kvi4tkouski",
        "Kvi@tkouski",
        "KVIATK0USKI",
        "Kviat-k0uski",
        "Kviatk&#48;uski",  # an escaped zero
        "Kviatk%30uski",  # a percent-escaped zero
        "Kviatk\uff10uski",  # a fullwidth zero, which NFKC folds
        "Kviatk\u00ad0uski",  # a soft hyphen before the zero
        "Квятк0ўскі",
        "Квятк0ўскага",
        "П4ёлкина",
        "Pch3lkina",
        "Pch0lkina",
        "Pčolkina",  # Czech, Slovak, Croatian: чё after č as o
        "Z. Kviatkouski",  # the surname alone counts, initials or not
        "Kviatkouski Z.",
    ],
)
def test_the_check_reads_digits_and_at_inside_a_word_as_letters(text: str) -> None:
    assert _NAMES.mentions(text), text


@pytest.mark.parametrize(
    "text",
    ["Top 10 trials of 2024", "COVID-19", "COVID19", "4x4 rally", "B2B", "300 detained", "1st"],
)
def test_numbers_stay_numbers(text: str) -> None:
    assert not _NAMES.mentions(text), text


@given(st.text(max_size=40), st.text(alphabet="0123456789@ .,:-+/()%", max_size=40))
@settings(max_examples=200, deadline=None)
def test_any_text_is_judged_and_numbers_are_never_read_as_letters(text: str, numbers: str) -> None:
    _NAMES.mentions(text)
    assert lookalike_readings(numbers) == ()
