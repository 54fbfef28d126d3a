"""The web app in a real browser (Debian's chromium, driven by playwright)."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from prisonwatch.extract.pipeline import Extractor
from prisonwatch.storage.sql import SqlStore
from prisonwatch.web.app import create_app
from prisonwatch.web.settings import WebSettings
from tests.web.conftest import PASSWORD, SECRET_NAMES, build
from tests.web.test_privacy import _without_echo

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, extractor: Extractor) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("browser")
    store = SqlStore(f"sqlite:///{tmp / 'web.db'}")
    store.migrate()
    build(store, tmp, extractor)
    app = create_app(WebSettings(store.url, secure_cookies=False), store)
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if shutil.which(CHROMIUM) is None:
        pytest.fail(f"{CHROMIUM} is missing: scripts/test installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
            ],
        )
        yield b
        b.close()


def test_dashboard_renders_its_charts(server: str, browser: object) -> None:
    page = browser.new_page(viewport={"width": 1200, "height": 1600})  # type: ignore[attr-defined]
    page.goto(server + "/")
    assert page.locator("#chart-stock svg").count() == 1
    assert page.locator("#chart-flows svg").count() == 1
    assert page.locator("#chart-deals svg").count() == 1
    assert page.locator("#chart-stock svg path").count() > 0
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dashboard.png"), full_page=True)
    page.close()


def test_cyrillic_search_finds_a_latin_name(server: str, browser: object) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto(server + "/persons")
    page.fill("input[name=q]", "Колесникова")
    page.click("form.search button")
    assert page.locator("#results a", has_text="Maria Kalesnikava").count() == 1
    page.close()


def test_the_public_sees_no_protected_name(server: str, browser: object) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    for path in ("/", "/persons", "/persons?q=Sakrevich", "/sources", "/deals"):
        page.goto(server + path)
        text = _without_echo(path, page.content())  # the search box shows what was asked
        for name in SECRET_NAMES:
            assert name.casefold() not in text.casefold(), (name, path)
    page.close()


def test_analyst_accepts_a_suggestion_and_the_dashboard_changes(
    server: str, browser: object
) -> None:
    context = browser.new_context()  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(server + "/")
    before = page.locator("#published tr").count()
    page.goto(server + "/login")
    page.fill("input[name=name]", "ana")
    page.fill("input[name=password]", PASSWORD)
    page.click("main form button")
    page.goto(server + "/review")
    row = page.locator("tr", has_text="released exact 12")
    assert row.count() == 1
    row.locator("button[value=accept]").click()
    assert "accepted" in page.locator("#message").inner_text()
    page.goto(server + "/")
    assert page.locator("#published tr").count() == before + 1
    context.close()
