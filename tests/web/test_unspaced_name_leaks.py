"""Red team: protected names written in scripts without spaces between words.

Chinese, Thai and Myanmar write a sentence without spaces, so a name runs into the words
around it: "与龔澤霖同案" ("in the same case as ..."), "ทนายสมชายปทุมวงศ์ถูกจับ" ("lawyer ...
arrested"). The name check compared words, so such a text was one long word that began with
no protected stem: a source title, an event's note or place, a figure's note or a public
person's region naming a protected person in running Chinese, Thai or Myanmar text was shown
to the public as written. A name known only in pinyin ("Qiu Wenbing") was not found written in
characters either. The surnames are made up.
"""

from __future__ import annotations

import html
import json
import unicodedata
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote

import pytest
from fastapi.testclient import TestClient

from prisonwatch.services import exporting, ftm_export
from prisonwatch.storage.sql import SqlStore
from prisonwatch.web.app import create_app
from prisonwatch.web.settings import WebSettings
from tests.web.leak_canaries import imported

NOW = datetime(2026, 11, 29, 12, 0)
PERSONS = (
    "id,name,aliases,birth_year,gender,region,country,protection,note,recorded_at\n"
    "pw-canary-han,龔澤霖,,1970,male,,CN,counts_only,,2025-01-01\n"
    "pw-canary-pinyin,Qiu Wenbing,,1971,male,,CN,withhold_name,,2025-01-01\n"
    "pw-canary-thai,สมชาย ปทุมวงศ์,,1972,male,,TH,counts_only,,2025-01-01\n"
    "pw-canary-mm,ဇော်မင်းထွန်း,,1973,male,,MM,withhold_name,,2025-01-01\n"
    "pw-control,Control Person,,1974,male,龚泽霖老家,CN,public,与邱文炳同案,2025-01-01\n"
)
T1 = "https://news.example.org/a1"
T2 = "https://news.example.org/a2"
T3 = "https://news.example.org/a3"
T4 = "https://news.example.org/a4"
T5 = "https://news.example.org/a5"
SOURCES = (
    "url,title,publisher,published,language,recorded_at\n"
    f"{T1},壹傳媒創辦人龔澤霖被捕,Example,2025-03-01,zh,2025-01-01\n"
    f"{T2},ทนายสมชายปทุมวงศ์ถูกจับ,Example,2025-03-02,th,2025-01-01\n"
    f"{T3},ဇော်မင်းထွန်းကို ဖမ်းဆီး,Example,2025-03-03,my,2025-01-01\n"
    f"{T4},记者邱文炳被捕,Example,2025-03-04,zh,2025-01-01\n"
    f"{T5},记者王大明被捕,Example,2025-03-05,zh,2025-01-01\n"
)
EVENTS = (
    "id,person_id,kind,date,organisation,place,source_url,note,recorded_at\n"
    f"han-detained,pw-canary-han,detained,2023-03-01,,,{T1},,2025-01-01\n"
    f"pinyin-detained,pw-canary-pinyin,detained,2023-03-02,,,{T4},,2025-01-01\n"
    f"thai-detained,pw-canary-thai,detained,2023-03-03,,,{T2},,2025-01-01\n"
    f"mm-detained,pw-canary-mm,detained,2023-03-04,,,{T3},,2025-01-01\n"
    "control-detained,pw-control,detained,2023-03-05,,ศาลอาญาปทุมวงศ์,"
    f"{T5},与龔澤霖同案，ဇော်မင်းထွန်းနှင့်အတူ,2025-01-01\n"
    "control-designated,pw-control,designated,2023-03-06,สมาคมสมชายปทุมวงศ์,,,"
    "记者王大明报道,2025-01-01\n"
)
OBSERVATIONS = (
    "id,metric,value,qualifier,period,organisation,country,source_url,note,recorded_at\n"
    "cn-obs-1,held,40,exact,2025-03,Example,CN,,含邱文炳和龔澤霖,2025-03-10\n"
)
RUNS = (
    "龔澤霖",
    "龚泽霖",
    "邱文炳",
    "qiuwenbing",
    "qiu wenbing",
    "สมชายปทุมวงศ์",
    "ปทุมวงศ์",
    "ဇော်မင်းထွန်း",
)
"""The canaries' names as a reader could find them in a public answer."""


def _normal(text: str) -> str:
    for _ in range(2):
        text = unquote(html.unescape(text))
    return unicodedata.normalize("NFKC", text).casefold()


def _traces(body: str) -> list[str]:
    n = _normal(body)
    return [r for r in RUNS if unicodedata.normalize("NFKC", r) in n]


@pytest.fixture
def unspaced_store(store: SqlStore, tmp_path: Path) -> SqlStore:
    return imported(
        store,
        tmp_path,
        {
            "persons_unspaced.csv": PERSONS,
            "sources_unspaced.csv": SOURCES,
            "events_unspaced.csv": EVENTS,
            "observations_unspaced.csv": OBSERVATIONS,
        },
        NOW,
    )


@pytest.fixture
def public(unspaced_store: SqlStore) -> Iterator[TestClient]:
    app = create_app(WebSettings(unspaced_store.url, secure_cookies=False), unspaced_store)
    with TestClient(app) as c:
        yield c


PATHS = (
    "/api/v1/persons",
    "/api/v1/persons.csv",
    "/api/v1/persons/pw-control",
    "/persons/pw-control",
    "/persons",
    "/api/v1/events",
    "/api/v1/events.csv",
    "/api/v1/sources",
    "/sources",
    "/api/v1/observations",
    "/api/v1/observations.csv",
    "/api/v1/stats",
    "/",
)


def test_no_protected_name_in_running_chinese_thai_or_myanmar_text(
    public: TestClient, unspaced_store: SqlStore
) -> None:
    for path in PATHS:
        r = public.get(path)
        assert r.status_code == 200, (path, r.status_code)
        assert not _traces(r.text), (path, _traces(r.text))
    for s in public.get("/api/v1/sources").json()["rows"]:
        for path in (f"/api/v1/sources/{s['id']}", f"/sources/{s['id']}"):
            r = public.get(path)
            assert not _traces(r.text), (path, _traces(r.text))
    export = json.dumps(exporting.export_records(unspaced_store), ensure_ascii=False)
    assert not _traces(export), _traces(export)
    ftm = "".join(ftm_export.to_jsonl(unspaced_store))
    assert not _traces(ftm), _traces(ftm)


def test_texts_naming_nobody_protected_in_those_scripts_are_still_shown(
    public: TestClient,
) -> None:
    """The control: a Chinese title naming someone the registry does not protect is listed,
    and an event's note naming only them is shown, as they were before."""
    titles = {s["title"] for s in public.get("/api/v1/sources").json()["rows"]}
    assert "记者王大明被捕" in titles
    assert not titles & {"壹傳媒創辦人龔澤霖被捕", "记者邱文炳被捕", "ทนายสมชายปทุมวงศ์ถูกจับ"}
    events = public.get("/api/v1/persons/pw-control").json()["events"]
    notes = {e["note"] for e in events}
    assert "记者王大明报道" in notes
