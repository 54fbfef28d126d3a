"""Red team: protected names as the Dutch and Estonian presses spell them, in punycode
addresses, percent-escaped and surname first.

Dutch writes ж zj, у oe, ч tsj, ш sj, х ch ("Loekjantsjyk", "Zjaoerankevitsj" with ў as oe);
Estonian ж ž, ч tš, ш š, щ štš, ы õ, х h or hh ("Lukjantšõk", "Štšurova"). An address may
hold a name as the domain's punycode ("https://xn--80aaglc0auw2e4h7c.by/", which a browser
shows as "жаўранкевіч.by"), percent-escaped twice, or with the surname first. A source
title or address, a figure's note or an event's place naming a protected person so must be
withheld from every public answer (API, pages, export); texts naming nobody protected stay
(controls). The surnames are made up.
"""

from __future__ import annotations

import codecs
import html
import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

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
    "by-nl-lu,Зміцер Лук'янчык,Дмитрий Лукьянчик,1969,male,,BY,counts_only,,2025-01-01\n"
    "by-nl-zh,Ігар Жаўранкевіч,,1971,male,,BY,withhold_name,,2025-01-01\n"
    "by-nl-sh,Марыя Шчурова,Мария Щурова,1985,female,,BY,counts_only,,2025-01-01\n"
    # held only in Latin letters, as most of a registry's names are
    "by-nl-ku,Yauhen Kuzhaunitski,,1979,male,,BY,withhold_name,,2025-01-01\n"
    "by-nl-control,Raman Darashevich,,1980,male,Minsk,BY,public,,2025-01-01\n"
)
PUNY = "https://xn--" + codecs.encode("жаўранкевіч", "punycode").decode() + ".by/news"
ESCAPED = "https://news.example.org/" + quote(quote("лукьянчик-осужден", safe=""), safe="")
TEXTS = {
    # title, and whether it names a protected person
    "https://nos.example.nl/a1": ("Loekjantsjyk tot zes jaar veroordeeld", True),
    "https://nos.example.nl/a2": ("Advocaat van Zjaoerankevitsj spreekt", True),
    "https://nos.example.nl/a3": ("Maria Sjtsjoerova vrijgelaten", True),
    "https://nos.example.nl/a4": ("Jevgeni Koezjaoenitski veroordeeld", True),
    "https://err.example.ee/a5": ("Lukjantšõk mõisteti kuueks aastaks", True),
    "https://err.example.ee/a6": ("Štšurova vabastati", True),
    "https://err.example.ee/a7": ("Jauhen Kužaunitski kohtus", True),
    PUNY: ("Nieuws uit Minsk", True),
    ESCAPED: ("Nieuws uit Brest", True),
    "https://nos.example.nl/a8": ("Zjaoerankevitsj Igor en anderen", True),
    # controls: naming nobody protected, in the same languages
    "https://nos.example.nl/c1": ("Meer vonnissen in Minsk", False),
    "https://err.example.ee/c2": ("Valgevene kohus mõistis Darashevichi süüdi", False),
    "https://xn--e1afmkfd.xn--p1ai/c3": ("Пример", False),
}
SOURCES = "url,title,publisher,published,language,recorded_at\n" + "".join(
    f'"{url}","{title}",Press,2025-03-01,nl,2025-01-01\n' for url, (title, _) in TEXTS.items()
)
EVENTS = (
    "id,person_id,kind,date,organisation,place,source_url,note,recorded_at\n"
    "nl-control,by-nl-control,detained,2023-03-05,,Huis van Zjaoerankevitsj,,"
    "Met de broer van Lukjantšõk gearresteerd,2025-01-01\n"
    "nl-control-2,by-nl-control,designated,2023-03-06,Viasna,Minsk,,Kuzhaunitski Yauhen zei het,"
    "2025-01-01\n"
)
STEMS = (
    "loekjantsj",
    "zjaoerank",
    "sjtsjoer",
    "koezjaoen",
    "lukjantš",
    "štšurov",
    "kužaun",
    "kuzhaun",
    "жаўранкев",
    "лукьянч",
    "xn--80aaglc0auw2e4h7c",
)


@pytest.fixture
def nl_store(store: SqlStore, tmp_path: Path) -> SqlStore:
    files = {"persons_nl.csv": PERSONS, "sources_nl.csv": SOURCES, "events_nl.csv": EVENTS}
    return imported(store, tmp_path, files, NOW)


@pytest.fixture
def public(nl_store: SqlStore) -> Iterator[TestClient]:
    app = create_app(WebSettings(nl_store.url, secure_cookies=False), nl_store)
    with TestClient(app) as c:
        yield c


def _traces(body: str) -> list[str]:
    n = normal(body).casefold()
    return [s for s in STEMS if s in n or s in body.casefold()]


def test_no_protected_name_in_dutch_estonian_punycode_or_escaped_spelling(
    public: TestClient, nl_store: SqlStore
) -> None:
    for path in (
        "/api/v1/persons",
        "/api/v1/persons/by-nl-control",
        "/persons/by-nl-control",
        "/api/v1/sources",
        "/sources",
        "/api/v1/events",
    ):
        r = public.get(path)
        assert r.status_code == 200, path
        assert not _traces(r.text), (path, _traces(r.text))
    export = json.dumps(exporting.export_records(nl_store, at=NOW), ensure_ascii=False)
    assert not _traces(export), _traces(export)
    # the controls are listed as they were: no over-withholding of these texts
    titles = {s["title"] for s in public.get("/api/v1/sources?_limit=100").json()["rows"]}
    assert titles == {title for title, named in TEXTS.values() if not named}


def test_search_answers_alike_for_such_spellings_and_an_unknown_name(public: TestClient) -> None:
    """Public search holds public persons only: a protected name asked for in these
    spellings (or percent-escaped, or surname first) answers as a name never recorded."""
    unknown = public.get("/api/v1/persons", params={"q": "Qqqqqq"})
    assert unknown.status_code == 200
    for q in (
        "Zjaoerankevitsj",
        "Lukjantšõk",
        "Sjtsjoerova Maria",
        "Kužaunitski Jauhen",
        "%D0%96%D0%B0%D1%9E%D1%80%D0%B0%D0%BD%D0%BA%D0%B5%D0%B2%D1%96%D1%87",
        "Жаўранкевіч Ігар",
    ):
        r = public.get("/api/v1/persons", params={"q": q})
        assert (r.status_code, r.text) == (unknown.status_code, unknown.text), q
        page = public.get("/persons", params={"q": q})
        base = public.get("/persons", params={"q": "Qqqqqq"})
        assert page.text.replace(html.escape(q), "Q") == base.text.replace("Qqqqqq", "Q"), q
