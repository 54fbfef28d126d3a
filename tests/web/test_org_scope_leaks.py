"""Red team, session 7: an organisation known to the ledger only through a protected person.

`?org=` refuses an unknown organisation with the list of known ones, and the public's list held
the organisation of every designation: a 400 on `?org=Nobody` named "Uyghur Watch Group" when
the only person it recognised was protected, telling the public that somebody it recognised is
withheld (and `?org=` then scoped the figures to that person). The public's list is built from
published figures and public persons' events; analysts keep every organisation. A pseudonymised
(withhold_name) person's designation is no more the public's than a counts_only one's: the
public projection does not show its organisation.
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
    "cn-os-1,Qiu Lanfang,,1980,female,,CN,{protection},,2025-01-01\n"
    "by-os-2,Raman Darashevich,,1980,male,,BY,public,,2025-01-01\n"
)
EVENTS = (
    "id,person_id,kind,date,organisation,recorded_at\n"
    "os-1,cn-os-1,detained,2024-03-01,,2025-01-01\n"
    "os-2,cn-os-1,designated,2024-03-01,Uyghur Watch Group,2025-01-01\n"
    "os-3,by-os-2,detained,2023-01-10,,2025-01-01\n"
    "os-4,by-os-2,designated,2023-01-10,Viasna,2025-01-01\n"
)
ROUTES = ("/api/v1/stats", "/api/v1/deals", "/api/v1/observations")
ORG = "Uyghur Watch Group"


@pytest.fixture(params=["counts_only", "withhold_name"])
def app_store(request: pytest.FixtureRequest, store: SqlStore, tmp_path: Path) -> SqlStore:
    persons = PERSONS.format(protection=request.param)
    imported(store, tmp_path, {"persons_os.csv": persons, "events_os.csv": EVENTS}, NOW)
    accounts.add_user(AccountStore(store), "ana", "analyst", PASSWORD, NOW)
    return store


@pytest.mark.parametrize("route", ROUTES)
def test_an_organisation_of_protected_persons_alone_is_answered_as_unknown(
    app_store: SqlStore, route: str
) -> None:
    app = create_app(WebSettings(app_store.url, secure_cookies=False), app_store)
    with TestClient(app) as public, TestClient(app) as analyst:
        known = public.get(route, params={"org": ORG})
        unknown = public.get(route, params={"org": "Nobody Watch Group"})
        assert known.status_code == unknown.status_code == 400, (known.text, unknown.text)
        assert known.text.replace(ORG, "Nobody Watch Group") == unknown.text
        assert "Uyghur" not in unknown.text
        assert public.get(route, params={"org": "Viasna"}).status_code == 200
        login(analyst)
        assert analyst.get(route, params={"org": ORG}).status_code == 200
        assert ORG in analyst.get(route, params={"org": "Nobody Watch Group"}).text
