"""The add forms and the structured deal form in a real browser (Chromium): a deal added with
its parties and concessions row by row, one removed and one added on edit; an event added from
a person's page and corrected; a published figure added from the dashboard; bad input shown
with its field and the form kept; a protected person added by form never shown to the public."""

from __future__ import annotations

from tests.web.test_browser import browser, server
from tests.web.test_edit_browser import _login

__all__ = ["browser", "server"]

PERSON = "by-statkevich-mikola"
SECRET = ("Usievalad Ptushkevich", "Ptushkevich", "by-form-ptushkevich")


def test_add_and_edit_a_deal_row_by_row(server: str, browser: object) -> None:
    context = browser.new_context()  # type: ignore[attr-defined]
    page = context.new_page()
    _login(page, server)
    page.goto(server + "/deals")
    page.click("#add-deal")
    page.fill("#f-date", "2026-04-05")
    page.fill("#f-country", "BY")
    parties = page.locator("input[name=f_parties]")
    parties.nth(0).fill("United States")
    parties.nth(1).fill("Belarus")
    page.locator("input[name=concession_by]").nth(0).fill("United States")
    page.locator("select[name=concession_what]").nth(0).select_option("sanctions_lifted")
    page.locator("input[name=concession_target]").nth(0).fill("Belavia")
    page.locator("input[name=concession_by]").nth(1).fill("Belarus")
    page.locator("select[name=concession_what]").nth(1).select_option("embassy_reopened")
    page.fill("#f-reported_released", "18")
    page.click("#save")
    assert page.locator("#message").inner_text() == "added"
    page.click("#view-link")
    assert page.url.endswith("/deals/BY-2026-04-05")
    given = page.locator("#concessions").inner_text()
    assert "lifted sanctions on Belavia" in given and "reopened its embassy" in given

    page.click("#edit-link")
    assert page.locator("input[name=concession_by]").count() == 4  # two rows, two blank
    page.locator("input[name=concession_remove]").nth(1).check()
    page.locator("input[name=concession_by]").nth(2).fill("United States")
    page.locator("select[name=concession_what]").nth(2).select_option("sanctions_eased")
    page.locator("input[name=concession_target]").nth(2).fill("potash")
    page.locator("input[name=f_parties]").nth(2).fill("Lithuania")
    page.fill("#f-why", "no embassy; potash eased")
    page.click("#save")
    assert "saved as revision 1" in page.locator("#message").inner_text()
    assert "no embassy; potash eased" in page.locator("#history").inner_text()
    page.goto(server + "/deals/BY-2026-04-05")
    given = page.locator("#concessions").inner_text()
    assert "eased sanctions on potash" in given and "embassy" not in given
    assert "Lithuania" in page.locator(".parties").inner_text()

    # a published figure for the deal, from its edit form, then listed there to edit or void
    page.goto(server + "/edit/deal/BY-2026-04-05")
    page.click("#add-figure")
    assert page.input_value("#f-period") == "2026-04-05"
    page.fill("#f-value", "16")
    page.select_option("#f-metric", "released")
    page.click("#save")
    assert page.locator("#message").inner_text() == "added"
    page.goto(server + "/edit/deal/BY-2026-04-05")
    assert "16" in page.locator("#deal-figures-form").inner_text()
    context.close()


def test_add_an_event_from_a_person_and_refuse_bad_input(server: str, browser: object) -> None:
    context = browser.new_context()  # type: ignore[attr-defined]
    page = context.new_page()
    _login(page, server)
    page.goto(f"{server}/persons/{PERSON}")
    before = page.locator(".edit-event").count()
    page.click("#add-event")
    assert page.input_value("#f-person_id") == PERSON
    page.select_option("#f-kind", "transferred")
    page.fill("#f-date", "2025-13-40")
    page.fill("#f-place", "Hlybokaye colony")
    page.click("#save")
    message = page.locator("#message").inner_text()
    assert "date:" in message and "not a date" in message
    assert page.input_value("#f-place") == "Hlybokaye colony"  # the form is kept as typed
    page.fill("#f-date", "2025-03-02")
    page.click("#save")
    assert page.locator("#message").inner_text() == "added"
    page.click("#view-link")
    assert page.locator(".edit-event").count() == before + 1
    row = page.locator("tr", has_text="Hlybokaye colony")
    row.locator(".edit-event").click()
    page.fill("#f-place", "Hlybokaye colony no. 22")
    page.fill("#f-why", "the colony's number")
    page.click("#save")
    assert "saved as revision 1" in page.locator("#message").inner_text()
    context.close()


def test_a_protected_person_added_in_the_browser_stays_hidden(server: str, browser: object) -> None:
    context = browser.new_context()  # type: ignore[attr-defined]
    page = context.new_page()
    _login(page, server)
    page.goto(server + "/persons")
    page.click("#add-person")
    page.fill("#f-id", SECRET[2])
    page.fill("#f-name", SECRET[0])
    page.select_option("#f-protection", "counts_only")
    page.click("#save")
    assert page.locator("#message").inner_text() == "added"
    page.goto(f"{server}/persons?q={SECRET[1]}")
    assert page.locator("#results a", has_text=SECRET[0]).count() == 1  # analysts see them
    context.close()

    public = browser.new_context()  # type: ignore[attr-defined]
    seen = public.new_page()
    found = []
    for path in ("/", "/persons", f"/persons?q={SECRET[1]}", "/deals", "/sources"):
        seen.goto(server + path)
        text = seen.content()
        asked = (SECRET[1],) if "?q=" in path else ()  # the question typed is echoed back
        found += [f"{path}: {s}" for s in SECRET if s in text and s not in asked]
    assert found == []
    answer = seen.goto(f"{server}/persons/{SECRET[2]}")
    assert answer is not None and answer.status == 404
    public.close()
