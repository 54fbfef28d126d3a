"""Red team, session 6: a country known to the ledger only through a counts_only person.

`?country=` refuses an unknown country with the list of known ones, and the public's list held
every person's country: a 400 on `?country=ZZ` named "CN" when the one person held in China was
counts_only, telling the public that somebody protected is held there, and `?country=CN` then
scoped the figures to that one person. The public's list is built from the persons it sees
(and from deals and published figures); analysts keep every country.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from prisonwatch.services import accounts
from prisonwatch.storage.accounts import AccountStore
from prisonwatch.storage.sql import SqlStore
from prisonwatch.web.app import create_app
from prisonwatch.web.settings import WebSettings
from tests.web.conftest import PASSWORD, login
from tests.web.leak_canaries import NOW, imported

PERSONS = (
    "id,name,aliases,birth_year,gender,region,country,protection,note,recorded_at\n"
    "cn-cs-1,Qiu Lanfang,,1980,female,,CN,counts_only,,2025-01-01\n"
    "by-cs-2,Raman Darashevich,,1980,male,,BY,public,,2025-01-01\n"
)
EVENTS = (
    "id,person_id,kind,date,articles,sentence,term_ends,court,recorded_at\n"
    "cs-1,cn-cs-1,detained,2024-03-01,,,,,2025-01-01\n"
    "cs-2,by-cs-2,detained,2023-01-10,,,,,2025-01-01\n"
)
ROUTES = ("/api/v1/stats", "/api/v1/deals", "/api/v1/observations")


@pytest.fixture
def app_store(store: SqlStore, tmp_path: Path) -> SqlStore:
    imported(store, tmp_path, {"persons_cs.csv": PERSONS, "events_cs.csv": EVENTS}, NOW)
    accounts.add_user(AccountStore(store), "ana", "analyst", PASSWORD, NOW)
    return store


@pytest.mark.parametrize("route", ROUTES)
def test_a_country_of_counts_only_persons_alone_is_answered_as_unknown(
    app_store: SqlStore, route: str
) -> None:
    app = create_app(WebSettings(app_store.url, secure_cookies=False), app_store)
    with TestClient(app) as public, TestClient(app) as analyst:
        cn = public.get(route, params={"country": "CN"})
        zz = public.get(route, params={"country": "ZZ"})
        assert cn.status_code == zz.status_code == 400, (cn.text, zz.text)
        assert cn.text.replace("CN", "ZZ") == zz.text
        assert "CN" not in zz.text
        assert public.get(route, params={"country": "BY"}).status_code == 200
        login(analyst)
        assert analyst.get(route, params={"country": "CN"}).status_code == 200
        assert "CN" in analyst.get(route, params={"country": "ZZ"}).text
