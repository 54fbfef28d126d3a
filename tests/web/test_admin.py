"""Admin pages (users, tokens, audit log), disabling that ends sessions and tokens at once,
token expiry, and the login lock's address (the peer's, X-Forwarded-For only from a trusted
proxy). On both backends, through the real app."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from prisonwatch.services import accounts, audit_trail
from prisonwatch.storage import audit
from prisonwatch.storage.accounts import AccountStore
from prisonwatch.storage.sql import SqlStore
from prisonwatch.web.app import create_app
from prisonwatch.web.settings import WebSettings

PASSWORD = "correct horse battery"


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


@pytest.fixture
def acc(store: SqlStore) -> AccountStore:
    a = AccountStore(store)
    accounts.add_user(a, "root", "admin", PASSWORD, _now(), "setup")
    accounts.add_user(a, "ana", "analyst", PASSWORD, _now(), "setup")
    return a


def _client(store: SqlStore, proxies: str = "", peer: str = "testclient") -> TestClient:
    settings = WebSettings(store.url, secure_cookies=False, trusted_proxies=proxies)
    return TestClient(create_app(settings, store), client=(peer, 50000))


@pytest.fixture
def client(store: SqlStore, acc: AccountStore) -> Iterator[TestClient]:
    with _client(store) as c:
        yield c


def _login(client: TestClient, name: str) -> str:
    r = client.post("/login", data={"name": name, "password": PASSWORD}, follow_redirects=False)
    assert r.status_code == 303, r.text
    page = client.get("/").text
    return page.split('name="csrf" value="', 1)[1].split('"', 1)[0]


def test_admin_pages_are_for_admins_only(store: SqlStore, acc: AccountStore) -> None:
    with _client(store) as public:
        for path in ("/admin/users", "/admin/audit"):
            r = public.get(path, follow_redirects=False)
            assert r.status_code == 303 and r.headers["location"] == "/login"
        assert public.post("/admin/users/ana/disable", follow_redirects=False).status_code == 303
    with _client(store) as analyst:
        csrf = _login(analyst, "ana")
        assert "/admin/users" not in analyst.get("/").text
        for path in ("/admin/users", "/admin/audit"):
            assert analyst.get(path).status_code == 403
        r = analyst.post("/admin/users/root/disable", data={"csrf": csrf})
        assert r.status_code == 403
    assert acc.user("root") is not None and acc.user("root").active  # type: ignore[union-attr]


def test_disabling_ends_sessions_and_tokens_at_once(
    store: SqlStore, acc: AccountStore, client: TestClient
) -> None:
    ana = acc.user("ana")
    assert ana is not None
    token = accounts.new_api_token(acc, ana, "script", _now(), by="setup")
    bearer = {"Authorization": f"Bearer {token}"}
    with _client(store) as ana_browser:
        _login(ana_browser, "ana")
        assert ana_browser.get("/review").status_code == 200
        assert client.get("/api/v1/suggestions", headers=bearer).status_code == 200

        csrf = _login(client, "root")
        page = client.get("/admin/users").text
        assert 'data-user="ana"' in page and accounts.token_hash(token)[:12] in page
        assert client.post("/admin/users/ana/disable", data={"csrf": "wrong"}).status_code == 403
        r = client.post("/admin/users/ana/disable", data={"csrf": csrf})
        assert r.status_code == 200 and "user ana disabled" in r.text

        assert ana_browser.get("/review", follow_redirects=False).status_code == 303
        assert client.get("/api/v1/suggestions", headers=bearer).status_code == 401
        r = ana_browser.post("/login", data={"name": "ana", "password": PASSWORD})
        assert r.status_code == 401 and "wrong name or password" in r.text

        client.post("/admin/users/ana/enable", data={"csrf": csrf})
        _login(ana_browser, "ana")
        assert client.get("/api/v1/suggestions", headers=bearer).status_code == 401  # stays ended
    log = audit_trail.log(store, audit.Filter(kind="user", record_id="ana"))
    assert [(e.action, e.actor) for e in log] == [
        ("enable", "root"),
        ("disable", "root"),
        ("add", "setup"),
    ]
    assert log[1].after is not None and log[1].after["tokens_revoked"] == [
        accounts.token_hash(token)[:12]
    ]
    assert audit_trail.verify(store).ok


def test_an_admin_cannot_disable_themselves(client: TestClient, acc: AccountStore) -> None:
    csrf = _login(client, "root")
    r = client.post("/admin/users/root/disable", data={"csrf": csrf})
    assert "you cannot disable yourself" in r.text
    assert client.get("/admin/users").status_code == 200


def test_reset_password_shows_a_generated_one_once(
    store: SqlStore, acc: AccountStore, client: TestClient
) -> None:
    csrf = _login(client, "root")
    r = client.post("/admin/users/ana/reset-password", data={"csrf": csrf, "password": ""})
    assert r.status_code == 200 and "shown once: " in r.text
    new = r.text.split("shown once: ", 1)[1].split("<", 1)[0].strip()
    assert len(new) >= 16
    with _client(store) as ana:
        r = ana.post("/login", data={"name": "ana", "password": PASSWORD})
        assert r.status_code == 401
        ok = ana.post("/login", data={"name": "ana", "password": new}, follow_redirects=False)
        assert ok.status_code == 303
    r = client.post("/admin/users/ana/reset-password", data={"csrf": csrf, "password": "short"})
    assert "at least 10 characters" in r.text
    entry = audit_trail.log(store, audit.Filter(kind="user", actor="root"))[0]
    assert entry.action == "reset-password"
    assert new not in str(entry.after) and "password_hash" not in str(entry.after)


def test_revoke_a_token_from_the_page(
    store: SqlStore, acc: AccountStore, client: TestClient
) -> None:
    ana = acc.user("ana")
    assert ana is not None
    token = accounts.new_api_token(acc, ana, "script", _now(), by="setup")
    tid = accounts.token_hash(token)[:12]
    csrf = _login(client, "root")
    r = client.post(f"/admin/tokens/{tid}/revoke", data={"csrf": csrf})
    assert f"token {tid} of ana revoked" in r.text
    headers = {"Authorization": f"Bearer {token}"}
    assert client.get("/api/v1/suggestions", headers=headers).status_code == 401
    assert acc.tokens() == []
    r = client.post(f"/admin/tokens/{tid}/revoke", data={"csrf": csrf})
    assert "no token" in r.text
    assert [e.action for e in audit_trail.log(store, audit.Filter(kind="token"))] == [
        "revoke",
        "add",
    ]


def test_expired_tokens_are_refused(store: SqlStore, acc: AccountStore, client: TestClient) -> None:
    ana = acc.user("ana")
    assert ana is not None
    old = accounts.new_api_token(acc, ana, "old", _now() - timedelta(days=2), days=1)
    fresh = accounts.new_api_token(acc, ana, "fresh", _now() - timedelta(days=2), days=3)
    assert (
        client.get("/api/v1/suggestions", headers={"Authorization": f"Bearer {old}"}).status_code
        == 401
    )
    assert (
        client.get("/api/v1/suggestions", headers={"Authorization": f"Bearer {fresh}"}).status_code
        == 200
    )
    with pytest.raises(accounts.AccountError, match="1 to 3650 days"):
        accounts.new_api_token(acc, ana, "never", _now(), days=0)


def test_the_audit_page_lists_and_filters(
    store: SqlStore, acc: AccountStore, client: TestClient
) -> None:
    _login(client, "root")
    page = client.get("/admin/audit").text
    head = audit_trail.head(store)
    assert head.hash in page and 'id="audit"' in page
    assert page.count("<tr>") == 1 + head.entries
    only_ana = client.get("/admin/audit", params={"record": "ana"}).text
    # her user added, and her password set (by its hash's sha256, for `audit verify`)
    assert only_ana.count("<tr>") == 3 and "<td>ana</td>" in only_ana
    none = client.get("/admin/audit", params={"actor": "nobody", "since": "2000-01-01"}).text
    assert none.count("<tr>") == 1
    assert client.get("/admin/audit", params={"since": "soon"}).status_code == 400
    assert client.get("/admin/audit", params={"before": "x"}).status_code == 400


def test_the_login_lock_ignores_forwarded_for_from_anyone(
    store: SqlStore, acc: AccountStore
) -> None:
    with _client(store, peer="203.0.113.9") as c:
        for i in range(5):
            forged = {"X-Forwarded-For": f"198.51.100.{i}"}
            r = c.post("/login", data={"name": f"guess{i}", "password": "x" * 12}, headers=forged)
            assert r.status_code == 401
        r = c.post(
            "/login",
            data={"name": "ana", "password": PASSWORD},
            headers={"X-Forwarded-For": "198.51.100.77"},
        )
        assert r.status_code == 401 and "too many failed logins" in r.text


def test_the_login_lock_reads_forwarded_for_from_a_trusted_proxy(
    store: SqlStore, acc: AccountStore
) -> None:
    with _client(store, proxies="10.0.0.0/8", peer="10.0.0.2") as c:
        for i in range(5):
            # the client's own claim (left) is ignored; the proxy's (right) is believed
            headers = {"X-Forwarded-For": f"1.1.1.1, 198.51.100.{i}"}
            r = c.post("/login", data={"name": f"guess{i}", "password": "x" * 12}, headers=headers)
            assert r.status_code == 401 and "too many" not in r.text
        r = c.post(
            "/login",
            data={"name": "ana", "password": PASSWORD},
            headers={"X-Forwarded-For": "198.51.100.77"},
            follow_redirects=False,
        )
        assert r.status_code == 303
        r = c.post(
            "/login",
            data={"name": "guess9", "password": "x" * 12},
            headers={"X-Forwarded-For": "198.51.100.0"},
        )
        assert r.status_code == 401 and "wrong name or password" in r.text
        for _ in range(5):
            c.post(
                "/login",
                data={"name": "ana", "password": "wrong one!"},
                headers={"X-Forwarded-For": "198.51.100.50"},
            )
        r = c.post(
            "/login",
            data={"name": "other", "password": "x" * 12},
            headers={"X-Forwarded-For": "198.51.100.50"},
        )
        assert "too many failed logins" in r.text


def test_a_bad_trusted_proxies_setting_is_named(store: SqlStore) -> None:
    with pytest.raises(ValueError, match=r"PRISONWATCH_TRUSTED_PROXIES: 'proxy\.local'"):
        create_app(WebSettings(store.url, trusted_proxies="10.0.0.1, proxy.local"), store)
