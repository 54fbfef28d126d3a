"""Canary persons for the leak suite: every protection level, three scripts, inflected and
transliterated forms in ingested articles, names in source titles and addresses (slugs and
percent-encoded Cyrillic), a public person's note naming one, apostrophes and HTML escapes.

The surnames are made up, so any trace of them in a public answer is a leak.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from datetime import date, datetime
from pathlib import Path
from urllib.parse import quote, quote_plus, unquote

from prisonwatch.extract.pipeline import Extractor
from prisonwatch.ingest.documents import Document
from prisonwatch.services import editing, importing, ingesting, public
from prisonwatch.storage.sql import SqlStore
from tests.cli.conftest import SAMPLE_FILES

NOW = datetime(2026, 11, 29, 12, 0)
ZH_URL = "https://news.example.org/2025/ihar-zhaurankevich-sentenced"
CY_URL = "https://nn.example.by/" + quote("жаўранкевіча-асудзілі")
LU_URL = "https://spring.example.org/person/zmicier-lukjancyk?ref=Лук'янчык"

PERSONS = (
    "id,name,aliases,birth_year,gender,region,country,protection,note,recorded_at\n"
    "by-canary-zh,Ihar Zhaurankevich,Ігар Жаўранкевіч|Игорь Жавранкевич|Žaŭrankievič,"
    "1971,male,Canaryland North,BY,withhold_name,Canary note Zhaurankevich,2025-01-01\n"
    '"by-canary-lu","Zmicier Lukjančyk","Зміцер Лук\'янчык|Дмитрий Лукьянчик|Zmitser Lukyanchyk",'
    "1969,male,Canaryland East,BY,counts_only,Canary note Лук'янчык,2025-01-01\n"
    "by-canary-ts,Alena Tsvirbutskaya,Алена Цвірбуцкая|Елена Цвирбуцкая,1988,female,"
    "Canaryland South,BY,withhold_name,,2025-01-01\n"
    "by-control-darashevich,Raman Darashevich,Раман Дарашэвіч,1980,male,Minsk,BY,public,"
    "Shared a cell with Жаўранкевіч and Лук&#39;янчык,2025-01-01\n"
    # names the surname check alone misses: a short surname, a surname that is a given name
    "by-canary-kt,Andrei Kot,Андрэй Кот|Андрей Кот,1975,male,,BY,withhold_name,,2025-01-01\n"
    "by-canary-pi,Pavel Ivan,Павел Иван,1977,male,,BY,counts_only,,2025-01-01\n"
    "by-canary-hr,Zmitser Hrabianiuk,Зміцер Грабянюк,1979,male,,BY,counts_only,,2025-01-01\n"
    # a public person whose region names a protected one
    "by-control-region,Ales Pushkin-Control,,1965,male,Андрэя Кота street,BY,public,,"
    "2025-01-01\n"
)
EVENTS = (
    "id,person_id,kind,date,organisation,place,source_url,note,recorded_at\n"
    f"zhaurankevich-detained,by-canary-zh,detained,2023-03-01,,Vitsebsk,{ZH_URL},"
    "held with Tsvirbutskaya,2025-01-01\n"
    f"zhaurankevich-designated,by-canary-zh,designated,2023-03-02,Viasna,,{ZH_URL},,2025-01-01\n"
    f"lukjancyk-detained,by-canary-lu,detained,2022-05-01,,,{LU_URL},,2025-01-01\n"
    "tsvirbutskaya-detained,by-canary-ts,detained,2024-02-01,,,,,2025-01-01\n"
    f"darashevich-detained,by-control-darashevich,detained,2022-01-10,,Minsk,{CY_URL},"
    "arrested after Zhaurankevich,2025-01-01\n"
    "kot-detained,by-canary-kt,detained,2024-04-01,,,,,2025-01-01\n"
    "ivan-detained,by-canary-pi,detained,2024-04-02,,,,,2025-01-01\n"
    "hrabianiuk-detained,by-canary-hr,detained,2024-04-03,,,,,2025-01-01\n"
    "region-detained,by-control-region,detained,2022-02-01,,,,,2025-01-01\n"
    # recognised by an "organisation" whose name spells a protected person with a soft hyphen
    "region-designated,by-control-region,designated,2022-02-02,Hrabi\u00adaniuk Fund,,,,"
    "2025-01-01\n"
)
SOURCES = (
    "url,title,publisher,published,language,recorded_at\n"
    f"{ZH_URL},Ihar Zhaurankevich sentenced,News Example,2025-03-01,en,2025-01-01\n"
    f"{CY_URL},Жаўранкевіча асудзілі,Nasha Niva,2025-03-02,be,2025-01-01\n"
    f'"{LU_URL}","Лук&#39;янчыку продлили срок",Spring,2025-03-03,ru,2025-01-01\n'
    "javascript:alert(document.cookie),A source with a script address,Evil,2025-03-04,en,"
    "2025-01-01\n"
)
DEALS = (
    "id,date,country,parties,mediator,concessions,reported_released,"
    "reported_political_prisoners,figures_by,source_url,note,recorded_at\n"
    f"BY-2025-03-09,2025-03-09,BY,Belarus|United States,Tsvirbutskaya's lawyer,,3,3,Viasna,"
    f"{ZH_URL},Zhaurankevich and Лук'янчык among the freed,2025-03-10\n"
    "BY-2025-04-20,2025-04-20,BY,Belarus|H r a b i a n i u k,,"
    '"United States:sanctions_lifted:Andrei Kot|Kot Andrei:payment:Pavel Ivan",'
    "2,2,zmitserhrabianiuk,,,2025-04-21\n"
)
OBSERVATIONS = (
    "id,metric,value,qualifier,period,organisation,country,source_url,note,recorded_at\n"
    f"by-obs-x1,held,1111,exact,2025-03,Viasna,BY,{CY_URL},"
    "Counted with Жавранкевич,2025-03-10\n"
    "by-obs-x2,held,1112,exact,2025-04,H.r.a.b.i.a.n.i.u.k,BY,,,2025-04-21\n"
)
ARTICLES = [
    (
        "Zhaurankevich case",
        "https://other.example.org/zhavrankevicha-case",
        "A court in Vitsebsk sentenced Ihar Zhaurankevich to six years, Viasna said. "
        "The family of Zhavrankevicha asked for silence. Belarus freed 12 political prisoners "
        "on Tuesday, according to Viasna.",
    ),
    (
        "Суд над Жаўранкевічам",
        "https://be.example.by/%D0%BB%D1%83%D0%BA%D1%8C%D1%8F%D0%BD%D1%87%D0%B8%D0%BA",
        "Суд у Віцебску асудзіў Ігара Жаўранкевіча і Зміцера Лук'янчыка. Лук&#39;янчык "
        "застаецца ў калоніі. Алена Цвірбуцкая вызвалена. 30 palitviazniau released, "
        "Viasna said on Monday.",
    ),
    (
        "Court news",
        "https://ru.example.org/news/1",
        "Елену Цвирбуцкую и Дмитрия Лукьянчика освободили, сообщила Вясна. "
        "Zmitser Lukyanchyk and Alena Tsvirbutskaya were freed in a group of 14 on "
        "2025-06-21, Viasna said.",
    ),
]
CANARY_IDS = ("by-canary-zh", "by-canary-lu", "by-canary-ts", "by-canary-pt")
CANARY_NAMES = (
    "Ihar Zhaurankevich",
    "Жаўранкевіч",
    "Жавранкевич",
    "Žaŭrankievič",
    "Zmicier Lukjančyk",
    "Лук'янчык",
    "Лукьянчик",
    "Zmitser Lukyanchyk",
    "Alena Tsvirbutskaya",
    "Цвірбуцкая",
    "Елена Цвирбуцкая",
    "Andrei Kot",
    "Андрэя Кота",
    "Pavel Ivan",
    "Hrabianiuk",
    "Hrabi\u00adaniuk Fund",
    "Usievalad Ptushkevich",
    "Птушкевіч",
)
STEMS = (
    "zhaurank",
    "zhavrank",
    "zaurank",
    "zavrank",
    "жаўранкев",
    "жавранкев",
    "лукян",
    "лукьян",
    "lukjan",
    "lukyan",
    "lukian",
    "цвірбуц",
    "цвирбуц",
    "tsvirbuts",
    "cvirbuc",
    "by-canary",
    "canary note",
    "canaryland",
    "hrabian",
    "hrabyan",
    "grabyan",
    "грабян",
    "ptushkev",
    "птушкев",
)
"""Unique stems of the canaries' names and ids, and their regions (withheld too)."""
JOINED = (
    "hrabian",
    "грабян",
    "andreikot",
    "andreykot",
    "andrejkot",
    "kotandrei",
    "андрэйкот",
    "андрэякот",
    "андрейкот",
    "андреякот",
    "pavelivan",
    "ivanpavel",
    "павеливан",
)
"""What the canaries' names read as with every separator removed: a short or common surname
is a trace only beside its given name; spaced, dotted or hyphenated names read as written."""


def imported(store: SqlStore, tmp: Path, files: dict[str, str], at: datetime = NOW) -> SqlStore:
    """`store` with these record files (file name: CSV text) written under `tmp` and imported
    in one batch, which must be accepted."""
    paths = []
    for name, text in files.items():
        (tmp / name).write_text(text, encoding="utf-8")
        paths.append(tmp / name)
    report = importing.import_files(store, paths, "tester", at)
    assert report.ok, report.problems
    return store


def build(store: SqlStore, tmp: Path, extractor: Extractor) -> None:
    files = [Path(p) for p in SAMPLE_FILES]
    for name, text in (
        ("persons_canary.csv", PERSONS),
        ("sources_canary.csv", SOURCES),
        ("events_canary.csv", EVENTS),
        ("deals_canary.csv", DEALS),
        ("observations_canary.csv", OBSERVATIONS),
    ):
        (tmp / name).write_text(text, encoding="utf-8")
        files.append(tmp / name)
    report = importing.import_files(store, files, "tester", NOW)
    assert report.ok, report.problems
    docs = [
        Document(f"canary-{i}.txt", text, date(2025, 6, 22), title, url)
        for i, (title, url, text) in enumerate(ARTICLES)
    ]
    ingesting.ingest(store, docs, [extractor.extract(d) for d in docs], "tester", NOW)
    add_by_form(store)


FORM_ADDED: list[tuple[str, dict[str, object]]] = [
    (
        "person",
        {
            "id": "by-canary-pt",
            "name": "Usievalad Ptushkevich",
            "aliases": "Усевалад Птушкевіч; Всеволод Птушкевич",
            "protection": "withhold_name",
            "region": "Canaryland West",
            "note": "Canary note Ptushkevich",
        },
    ),
    (
        "event",
        {
            "person_id": "by-canary-pt",
            "kind": "designated",
            "date": "2024-04-04",
            "organisation": "Viasna",
            "place": "Canaryland West",
            "note": "Птушкевіч designated",
        },
    ),
    (
        "deal",
        {
            "id": "BY-2025-06-21-form",
            "date": "2025-06-21",
            "country": "BY",
            "parties": ["Belarus", "Ptushkevich Foundation"],
            "concessions": [{"by": "Belarus", "what": "exchange", "target": "Птушкевіч"}],
            "note": "Usievalad Ptushkevich asked for it",
        },
    ),
    (
        "figure",
        {
            "metric": "released",
            "value": "3",
            "period": "2025-06-21",
            "country": "BY",
            "note": "per Ptushkevich's lawyer",
        },
    ),
]
"""A canary and texts naming it typed in by hand, as the add forms and the API write them
(one service): a withheld person, their designation, a deal and a figure that name them."""


def add_by_form(store: SqlStore) -> None:
    for kind, fields in FORM_ADDED:
        editing.add(store, kind, fields, "tester", NOW)


def clear_one_safe_excerpt(store: SqlStore) -> str | None:
    """Clear the excerpt of one claim whose evidence names no canary (a positive control)."""
    for c in store.claims():
        if not any(stem in normal(c.evidence.text) for stem in STEMS):
            public.clear(store, "excerpt", c.id, "tester", NOW)
            return c.evidence.text
    return None


_APOS = re.compile("['\u2019\u02bc\u2018`\u00b4]")


def normal(text: str) -> str:
    """Text in every form a reader could decode it to, for searching: HTML-unescaped,
    URL-unescaped, JSON unicode escapes read, NFKC, case-folded, apostrophes dropped."""
    for _ in range(2):
        text = unquote(html.unescape(text))
    text = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)
    text = "".join(c for c in text if unicodedata.category(c) != "Cf")
    text = unicodedata.normalize("NFKC", text).casefold()
    return _APOS.sub("", text)


def folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", normal(text))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def echoes(value: str) -> list[str]:
    """The ways an answer may echo a value a request supplied."""
    forms = {
        value,
        html.escape(value),
        html.escape(value, quote=False),
        json.dumps(value)[1:-1],
        json.dumps(value, ensure_ascii=False)[1:-1],
        repr(value)[1:-1],
        quote(value),
        quote_plus(value),
        quote(value, safe=""),
    }
    return sorted((f for f in forms if f), key=len, reverse=True)


def traces(body: str, supplied: list[str]) -> list[str]:
    """The canary stems found in `body`, less what the request itself supplied."""
    for value in sorted(filter(None, supplied), key=len, reverse=True):
        for form in echoes(value):
            body = body.replace(form, " ")
    n, f = normal(body), folded(body)
    found = [s for s in STEMS if s in n or s in f]
    letters = "".join(c for c in f if c.isalpha())
    return found + [s for s in JOINED if s in letters]
