"""A source with no address (a letter, a meeting: `demand add --source-text`) whose description
names a protected person is absent for the public, exactly like an unknown id.

Such a source's id is the sha256 of its description, and the public saw that id (in the
demand's sources, `/api/v1/sources`, `/sources/{id}` answering 200) though its title, address
and publisher were blank: anyone could confirm a guessed description ("Letter of Змітрок
Квяткоўскі's wife, 1 June 2025") by hashing it, i.e. learn that the ledger holds a protected
person's family's letter. Canaries in Latin, Belarusian Cyrillic and Chinese; a control
description naming no one stays listed. SQLite and PostgreSQL (the `store` fixture).
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from prisonwatch.core.dates import parse_fuzzy
from prisonwatch.services import demands, importing
from prisonwatch.storage.sql import SqlStore
from prisonwatch.web.app import create_app
from prisonwatch.web.settings import WebSettings

NOW = datetime(2026, 11, 29, 12, 0)
PERSONS = (
    "id,name,aliases,birth_year,gender,region,country,protection,recorded_at\n"
    "by-pub,Ryhor Kastusiou,,1957,male,,BY,public,2025-01-01\n"
    "by-canary-latin,Zmicier Kviatkouski,Змітрок Квяткоўскі,1981,male,,BY,withhold_name,"
    "2025-01-01\n"
    "by-canary-ru,Ксения Пчёлкина,,1990,female,,BY,counts_only,2025-01-01\n"
    "cn-canary,莫晓岚,Mo Xiaolan,1975,female,,CN,withhold_name,2025-01-01\n"
)
PROTECTED = (
    "Letter of Zmicier Kviatkouski's wife, 1 June 2025",
    "Ліст жонкі Змітрака Квяткоўскага, 1 чэрвеня 2025",
    "Письмо матери КСЕНИИ ПЧЁЛКИНОЙ, 1 июня 2025",
    "莫晓岚的家人的信, 2025年6月1日",
)
CONTROL = "Letter of the Embassy to the foreign ministry, 1 June 2025"


def _source_id(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode()).hexdigest()


@pytest.mark.parametrize("description", PROTECTED)
def test_a_described_source_naming_a_protected_person_is_unknown(
    store: SqlStore, tmp_path: Path, description: str
) -> None:
    (tmp_path / "persons.csv").write_text(PERSONS, encoding="utf-8")
    assert importing.import_files(store, [tmp_path / "persons.csv"], "t", NOW).ok
    made = {}
    for text in (description, CONTROL):
        sid = demands.described_source(store, text, NOW)
        assert sid == _source_id(text)  # what a guesser computes
        made[text] = demands.record(
            store,
            by="Viasna",
            made_on=parse_fuzzy("2025-06-01"),
            actor="t",
            now=NOW,
            names=[("Ryhor Kastusiou", None)],
            source_ids=[sid],
            salt=text,
        )
    app = create_app(WebSettings(store.url, secure_cookies=False), store)
    with TestClient(app) as client:
        listed = {r["id"] for r in client.get("/api/v1/sources?_size=1000").json()["rows"]}
        shown = {d["id"]: d for d in client.get("/api/v1/demands").json()["rows"]}
        guessed, control = _source_id(description), _source_id(CONTROL)
        assert control in listed
        assert client.get(f"/api/v1/sources/{control}").status_code == 200
        assert guessed not in listed
        unknown = _source_id(description + "x")
        for path in ("/api/v1/sources/{}", "/sources/{}"):
            got, ref = client.get(path.format(guessed)), client.get(path.format(unknown))
            assert got.status_code == ref.status_code == 404
            assert got.content.replace(guessed.encode(), b"") == ref.content.replace(
                unknown.encode(), b""
            )
        refs = [s["id"] for d in shown.values() for s in d["sources"]]
        assert control in refs and guessed not in refs
        for d in shown.values():
            assert guessed not in client.get(f"/demands/{d['id']}").text
