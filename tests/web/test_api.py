"""The JSON API: shapes, pagination, CSV, errors, and state changes with CSRF and tokens."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import update

from prisonwatch.services import accounts
from prisonwatch.storage import tables as t
from prisonwatch.storage.accounts import AccountStore
from prisonwatch.storage.sql import SqlStore
from prisonwatch.web.app import create_app
from prisonwatch.web.settings import WebSettings
from tests.web.conftest import PASSWORD, login
from tests.web.leak_canaries import NOW, imported


def test_search_in_any_script(client: TestClient) -> None:
    for q in ("Статкевич", "Statkevich", "Мікола Статкевіч", "statkev"):
        rows = client.get("/api/v1/persons", params={"q": q}).json()["rows"]
        assert rows and rows[0]["id"] == "by-statkevich-mikola", q
    assert client.get("/api/v1/persons", params={"q": "Zzyzx Qwerty"}).json()["rows"] == []


def test_shapes_paging_and_csv(client: TestClient) -> None:
    first = client.get("/api/v1/persons?_size=5").json()
    assert len(first["rows"]) == 5 and first["count"] == 424 and first["next"] == "5"
    second = client.get(f"/api/v1/persons?_size=5&_next={first['next']}").json()
    assert {r["id"] for r in first["rows"]}.isdisjoint({r["id"] for r in second["rows"]})
    array = client.get("/api/v1/deals?_shape=array").json()
    assert isinstance(array, list) and array[0]["id"]
    csv_text = client.get("/api/v1/persons.csv").text
    assert csv_text.splitlines()[0].startswith("id,name,aliases")


def test_stats_and_deals(client: TestClient) -> None:
    stats = client.get("/api/v1/stats?on=2025-09-12&from=2025-01-01&to=2025-12-31&by=month").json()
    assert set(stats["stock"]) == {"low", "high"} and len(stats["series"]) == 12
    assert stats["identity"]["holds"]
    known = client.get("/api/v1/stats?on=2025-09-12&known_on=2000-01-01").json()
    assert known["events"] == 0
    deal = client.get("/api/v1/deals/BY-2025-09-11").json()
    assert [f["value"] for f in deal["published"]["released"]] == [52]
    pp = deal["published"]["political_prisoners"]
    assert [(f["value"], f["by"]) for f in pp] == [(40, "Viasna")]
    assert pp[0]["sources"][0]["url"].startswith("https://")
    assert [p["name"] for p in deal["registry"]["returned_persons"]] == ["Mikola Statkevich"]
    assert deal["registry"]["released"] < 52  # the registry's own count, never the published one
    rate = deal["replacement"][0]
    assert rate["basis"] == "published_rate" and rate["days_low"] == 23 == rate["days_high"]
    csv_text = client.get("/api/v1/deals.csv").text
    assert "40 per Viasna" in csv_text and "lifted sanctions on Belavia" in csv_text


def test_errors_are_json_with_stable_codes(client: TestClient) -> None:
    cases = [
        ("/api/v1/stats?on=2025-02-30", 400, "bad_request"),
        ("/api/v1/stats?from=2025-02-01&to=2025-01-01", 400, "bad_request"),
        ("/api/v1/stats?from=1899-12-31", 400, "bad_request"),
        ("/api/v1/stats?by=week&from=2025-01-01&to=2025-02-01", 400, "bad_request"),
        ("/api/v1/persons?_size=0", 400, "bad_request"),
        ("/api/v1/persons?_next=x", 400, "bad_request"),
        ("/api/v1/deals?_shape=tables", 400, "bad_request"),
        ("/api/v1/stats?country=Belarus", 400, "bad_request"),
        ("/api/v1/persons/nobody", 404, "not_found"),
        ("/api/v1/deals/nodeal", 404, "not_found"),
        ("/api/v1/sources/sha256:00", 404, "not_found"),
        ("/api/v1/nothing-here", 404, "not_found"),
        ("/api/v1/suggestions", 401, "unauthorized"),
    ]
    for path, status, code in cases:
        r = client.get(path)
        assert r.status_code == status, (path, r.text)
        assert r.json()["error"]["code"] == code and r.json()["error"]["message"]
    big = client.post("/api/v1/suggestions/x/accept", content=b"x" * 2_000_000)
    assert big.status_code == 413 and big.json()["error"]["code"] == "too_large"


def test_review_needs_login_role_and_csrf(client: TestClient, web_store: SqlStore) -> None:
    claim = web_store.claims()[0]
    assert client.post(f"/api/v1/suggestions/{claim.id}/accept").status_code == 401
    csrf = login(client)
    assert client.post(f"/api/v1/suggestions/{claim.id}/accept").status_code == 403
    r = client.post(f"/api/v1/suggestions/{claim.id}/accept", headers={"X-CSRF-Token": csrf})
    assert r.status_code == 200, r.text
    again = client.post(f"/api/v1/suggestions/{claim.id}/reject", headers={"X-CSRF-Token": csrf})
    assert again.status_code == 409 and "already accepted" in again.json()["error"]["message"]
    assert (
        client.post(
            "/api/v1/suggestions/cl:nope/accept", headers={"X-CSRF-Token": csrf}
        ).status_code
        == 404
    )
    form = client.post(f"/review/{claim.id}", data={"decision": "accept", "csrf": "wrong"})
    assert form.status_code == 403


def test_api_tokens_skip_csrf(client: TestClient, web_store: SqlStore) -> None:
    acc = AccountStore(web_store)
    user = acc.user("ana")
    assert user is not None
    token = accounts.new_api_token(acc, user, "tests", datetime.now(UTC).replace(tzinfo=None))
    claim = web_store.claims()[0]
    r = client.post(
        f"/api/v1/suggestions/{claim.id}/reject", headers={"Authorization": f"Bearer {token}"}
    )
    assert r.status_code == 200, r.text
    bad = client.get("/api/v1/suggestions", headers={"Authorization": "Bearer pw_wrong"})
    assert bad.status_code == 401


def test_logins_are_rate_limited_and_sessions_expire(
    client: TestClient, web_store: SqlStore
) -> None:
    for _ in range(5):
        r = client.post("/login", data={"name": "ana", "password": "wrong password!"})
        assert r.status_code == 401 and "wrong name or password" in r.text
    r = client.post("/login", data={"name": "ana", "password": PASSWORD})
    assert r.status_code == 401 and "too many failed logins" in r.text


def test_expired_session_is_anonymous(client: TestClient, web_store: SqlStore) -> None:
    login(client)
    assert client.get("/api/v1/suggestions").status_code == 200
    with web_store.engine.begin() as conn:
        conn.execute(update(t.sessions).values(expires_at=datetime(2000, 1, 1)))
    assert client.get("/api/v1/suggestions").status_code == 401
    r = client.get("/review", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/login"


def test_pages_load_nothing_from_another_host(client: TestClient) -> None:
    for path in ("/", "/persons", "/deals", "/sources", "/login", "/api/v1/docs"):
        body = client.get(path).text
        assert not re.search(r"""(?:src|href)=["']https?://""", body), path
    assert client.get("/api/v1/openapi.json").json()["paths"]


def test_review_form_message_survives_the_redirect(client: TestClient, web_store: SqlStore) -> None:
    claim = web_store.claims()[0]
    csrf = login(client)
    r = client.post(
        f"/review/{claim.id}",
        data={"decision": "keep & see #2", "csrf": csrf},
        follow_redirects=False,
    )
    assert r.status_code == 303
    page = client.get(r.headers["location"])
    assert "no such decision &#39;keep &amp; see #2&#39;" in page.text


def test_unknown_organisation_is_refused_with_the_known_ones(client: TestClient) -> None:
    r = client.get("/api/v1/stats?org=Vyasna")
    assert r.status_code == 400
    message = r.json()["error"]["message"]
    assert "no such organisation 'Vyasna'" in message and "Viasna" in message
    assert client.get("/api/v1/stats?org=viasna").status_code == 200
    assert client.get("/api/v1/deals?country=XX").status_code == 400
    assert client.get("/?org=Vyasna").status_code == 400
    csv_text = client.get("/charts/deals.csv?from=2025-01-01&to=2025-12-31").text
    assert csv_text.splitlines()[0].startswith("id,date")
    assert client.get("/charts/stock.svg").text.lstrip().startswith("<svg")


def test_org_in_another_script_is_one_organisation(client: TestClient) -> None:
    query = "/api/v1/stats?on=2025-09-30&org="
    en = client.get(query + "Viasna").json()
    be = client.get(query + "Вясна-96").json()
    assert be == en and en["organisation"] == "Viasna"
    assert client.get(query + "Vesna").status_code == 400


def test_unknown_person_filters_are_refused_like_an_unknown_country(client: TestClient) -> None:
    """`/persons?status=bogus` answered 200 with an empty list while `/?country=XX` is refused:
    every enum-like filter of the persons list is refused (400, naming the parameter and what it
    accepts) on the page and in the API; a known value still answers."""
    for path in ("/persons", "/api/v1/persons", "/api/v1/persons.csv"):
        r = client.get(f"{path}?status=bogus")
        assert r.status_code == 400, path
        assert "status" in r.text and "held" in r.text and "no custody on record" in r.text
        r = client.get(f"{path}?gender=bogus")
        assert r.status_code == 400, path
        assert "gender" in r.text and "female" in r.text
        r = client.get(f"{path}?org=Vyasna")
        assert r.status_code == 400, path
        assert "no such organisation" in r.text and "Viasna" in r.text
        for ok in ("status=held", "status=not+held", "gender=female", "org=viasna", "status="):
            assert client.get(f"{path}?{ok}").status_code == 200, (path, ok)
    form = client.get("/persons").text  # the form offers every accepted value, and no other
    assert "<option>died in custody</option>" in form and "<option>other</option>" in form
    message = client.get("/api/v1/persons?status=bogus").json()["error"]["message"]
    assert message.startswith("status: no such status 'bogus'; accepted: held, uncertain")


def test_persons_org_known_only_through_a_protected_person_is_answered_as_unknown(
    store: SqlStore, tmp_path: Path
) -> None:
    """`/persons?org=` for the public: an organisation only a protected person's designation
    names is refused exactly as one that does not exist (the refusal lists the public's
    organisations only), so neither its presence nor its absence tells of that person."""
    persons = (
        "id,name,country,protection,recorded_at\n"
        "zz-canary,Ігар Жаўранкевіч,BY,counts_only,2025-01-01\n"
        "zz-control,Jan Kowalczyk,BY,public,2025-01-01\n"
    )
    events = (
        "id,person_id,kind,date,organisation,recorded_at\n"
        "zz-1,zz-canary,designated,2025-03-01,Zzyzx Watch,2025-03-02\n"
        "zz-2,zz-control,designated,2025-03-01,Viasna,2025-03-02\n"
    )
    imported(store, tmp_path, {"persons_zz.csv": persons, "events_zz.csv": events}, NOW)
    app = create_app(WebSettings(store.url, secure_cookies=False), store)
    with TestClient(app) as client:
        for path in ("/persons", "/api/v1/persons"):
            known = client.get(f"{path}?org=Zzyzx%20Watch")
            unknown = client.get(f"{path}?org=Qqqqq%20Watch")
            assert known.status_code == unknown.status_code == 400, path
            assert known.text.replace("Zzyzx", "Qqqqq") == unknown.text, path
            assert client.get(f"{path}?org=Viasna").status_code == 200, path
