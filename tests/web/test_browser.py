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
ARTIFACTS = Path(__file__).resolve().parents[2] / "tmp" / "artifacts"


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
    assert page.locator("#chart-stock .wide svg").count() == 1
    assert page.locator("#chart-flows .wide svg").count() == 1
    assert page.locator("#chart-deals .wide svg").count() == 1
    assert page.locator("#chart-stock .wide svg path").count() > 0
    assert page.locator("#chart-stock .narrow svg").is_hidden()
    assert "registry" in page.locator("#summary-stock").inner_text()
    csv_link = page.locator("#chart-flows a", has_text="CSV").get_attribute("href")
    assert csv_link is not None and csv_link.startswith("/charts/flows.csv")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
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


def _no_horizontal_overflow(page: object) -> list[str]:
    """Elements whose right edge lies beyond the viewport (cut off on a narrow screen)."""
    found: list[str] = page.evaluate(  # type: ignore[attr-defined]
        """() => {
        const w = document.documentElement.clientWidth;
        const out = [];
        const sw = document.documentElement.scrollWidth;
        if (sw > w) out.push('page ' + sw);
        for (const el of document.querySelectorAll('main *, header *')) {
            if (el.closest('.table-wrap')) continue;
            const r = el.getBoundingClientRect();
            if (r.width > 0 && r.right > w + 1)
                out.push(el.tagName + '#' + el.id + ' ' + Math.round(r.right));
        }
        return out.slice(0, 10);
    }"""
    )
    return found


def test_deal_page_sets_published_figures_beside_the_registry(server: str, browser: object) -> None:
    page = browser.new_page(viewport={"width": 1200, "height": 1400})  # type: ignore[attr-defined]
    page.goto(server + "/deals/BY-2025-09-11")
    published = page.locator("#row-political td.published").inner_text()
    assert "40" in published and "per Viasna" in published
    assert page.locator("#row-political td.published a.source").count() >= 1
    registry = page.locator("#row-political td.registry").inner_text()
    assert "40" not in registry  # the registry's own count, never the published one
    assert "52" in page.locator("#row-released td.published").inner_text()
    assert "Mikola Statkevich" in page.locator("#row-returned td.registry").inner_text()
    assert (
        "The United States lifted sanctions on Belavia" in page.locator("#concessions").inner_text()
    )
    replacement = page.locator("#replacement").inner_text()
    assert "23 days" in replacement and "167" in replacement and "40" in replacement
    timeline = page.locator("#timeline").inner_text()
    assert "back in custody" in timeline
    page.locator("#row-political a.source").first.click()
    assert "/sources/" in page.url
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.goto(server + "/deals/BY-2025-09-11")
    page.screenshot(path=str(ARTIFACTS / "deal.png"), full_page=True)
    page.close()


def test_headline_is_the_published_count_beside_the_registry(server: str, browser: object) -> None:
    page = browser.new_page(viewport={"width": 1200, "height": 1400})  # type: ignore[attr-defined]
    page.goto(server + "/?from=2020-01-01&to=2025-12-31")
    headline = page.locator("#headline").inner_text()
    assert "1,246" in page.locator("#published-count").inner_text()
    assert "Viasna" in headline and "September 2025" in headline
    assert page.locator("#headline a.source").count() >= 1
    assert "%" in page.locator("#coverage").inner_text()
    # the controls are in the URL and apply to the page
    assert page.locator("input[name=from]").input_value() == "2020-01-01"
    page.goto(server + "/?from=2025-01-01&to=2025-06-30")
    assert page.locator("#deals tbody tr").count() == 1  # only the deal of 2025-06-21
    # as known on 2024-01-01: Viasna's count of 2023-02-27, recorded that day
    page.goto(server + "/?from=2020-01-01&to=2025-12-31&known_on=2024-01-01")
    assert "1,452" in page.locator("#published-count").inner_text()
    assert "27 February 2023" in page.locator("#headline").inner_text()
    page.close()


def test_a_400_pixel_screen_cuts_nothing_off(server: str, browser: object) -> None:
    page = browser.new_page(viewport={"width": 400, "height": 900})  # type: ignore[attr-defined]
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for path, shot in (
        ("/?from=2020-01-01&to=2025-12-31", "dashboard-400.png"),
        ("/deals/BY-2025-09-11", "deal-400.png"),
        ("/deals", "deals-400.png"),
    ):
        page.goto(server + path)
        assert _no_horizontal_overflow(page) == [], path
        page.screenshot(path=str(ARTIFACTS / shot), full_page=True)
    page.goto(server + "/?from=2020-01-01&to=2025-12-31")
    page.screenshot(path=str(ARTIFACTS / "dashboard-400-top.png"))
    assert page.locator("#chart-stock .wide svg").is_hidden()
    narrow = page.locator("#chart-stock .narrow svg")
    box = narrow.bounding_box()
    assert box is not None and 300 <= box["width"] <= 400  # drawn for the width, not shrunk
    page.locator("#chart-flows").scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "dashboard-400-charts.png"))
    page.goto(server + "/deals/BY-2025-09-11")
    page.screenshot(path=str(ARTIFACTS / "deal-400-top.png"))
    page.close()


def test_the_language_switch(server: str, browser: object) -> None:
    context = browser.new_context(locale="en-GB", viewport={"width": 400, "height": 900})  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(server + "/deals/BY-2025-09-11")
    assert page.locator("html").get_attribute("lang") == "en"
    page.locator("#language a[hreflang=be]").click()
    assert page.url.endswith("/deals/BY-2025-09-11")
    assert page.locator("html").get_attribute("lang") == "be"
    assert "ЗША знялі санкцыі з «Белавія»" in page.locator("#concessions").inner_text()
    assert "23 дні" in page.locator("#replacement").inner_text()
    assert _no_horizontal_overflow(page) == []
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "deal-400-be.png"))
    page.locator("#language a[hreflang=ru]").click()
    assert "Сделка" in page.locator("h1").inner_text()
    page.goto(server + "/?from=2020-01-01&to=2025-12-31")
    assert "политзаключённых под стражей" in page.locator("#headline").inner_text()
    page.screenshot(path=str(ARTIFACTS / "dashboard-400-ru.png"))
    context.close()
