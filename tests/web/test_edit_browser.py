"""The edit forms in a real browser: a person edited, protection changed, a stale form refused."""

from __future__ import annotations

from tests.web.conftest import PASSWORD
from tests.web.test_browser import browser, server

__all__ = ["browser", "server"]

PERSON = "by-statkevich-mikola"
NAMES = ("Mikola Statkevich", "Мікола Статкевіч", "Николай Статкевич", PERSON)


def _login(page: object, server: str) -> None:
    page.goto(server + "/login")  # type: ignore[attr-defined]
    page.fill("input[name=name]", "ana")  # type: ignore[attr-defined]
    page.fill("input[name=password]", PASSWORD)  # type: ignore[attr-defined]
    page.click("main form button")  # type: ignore[attr-defined]


def _public_text(browser: object, server: str) -> str:
    context = browser.new_context()  # type: ignore[attr-defined]
    page = context.new_page()
    text = ""
    for path in ("/persons?q=Statkevich", f"/persons/{PERSON}", "/deals", "/"):
        page.goto(server + path)
        text += page.content()
    context.close()
    return str(text)


def _named(text: str) -> list[str]:
    """His names in a public page's text (the echo of a typed question is not among them)."""
    return [n for n in NAMES if n in text]


def test_edit_a_person_and_change_protection_in_the_browser(server: str, browser: object) -> None:
    assert _named(_public_text(browser, server))
    context = browser.new_context()  # type: ignore[attr-defined]
    page = context.new_page()
    _login(page, server)
    page.goto(f"{server}/persons/{PERSON}")
    page.click("#edit-link")
    page.fill("#f-region", "Minsk")
    page.select_option("#f-protection", "counts_only")
    page.fill("#f-why", "family asked")
    page.click("#save")
    assert "saved as revision 1" in page.locator("#message").inner_text()
    history = page.locator("#history").inner_text()
    assert "family asked" in history and "counts_only" in history and "Minsk" in history
    assert _named(_public_text(browser, server)) == []

    # Two tabs open the same form; the second save is refused and names the first.
    other = context.new_page()
    page.goto(f"{server}/edit/person/{PERSON}")
    other.goto(f"{server}/edit/person/{PERSON}")
    page.select_option("#f-protection", "public")
    page.fill("#f-why", "family agreed")
    page.click("#save")
    assert "saved as revision 2" in page.locator("#message").inner_text()
    other.fill("#f-region", "Hrodna")
    other.fill("#f-why", "moved")
    other.click("#save")
    assert "changed by revision 2" in other.locator("#message").inner_text()
    assert _named(_public_text(browser, server))
    context.close()
