"""Restoring a void record from the web (the history page's form) and the JSON API, for
analysts only, with a reason, under the same rules as the CLI (both backends)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.conftest import login


def _event_id(client: TestClient) -> str:
    person = client.get("/api/v1/persons/by-statkevich-mikola").json()
    ids = [e["id"] for e in person["events"] if e["kind"] == "returned_to_custody"]
    assert ids, person["events"]
    return str(ids[0])


def test_restore_from_the_history_page_and_the_api(client: TestClient) -> None:
    event_id = _event_id(client)
    # the public may not restore
    anon = client.post(f"/api/v1/records/event/{event_id}/restore", json={"why": "x"})
    assert anon.status_code in (401, 403)
    csrf = login(client)
    void = client.post(f"/void/event/{event_id}", data={"csrf": csrf, "why": "mistake"})
    assert "void (revision 1)" in void.text
    page = client.get(f"/history/event/{event_id}").text
    assert 'id="restore-form"' in page and 'id="is-void"' in page
    refused = client.post(f"/restore/event/{event_id}", data={"csrf": csrf, "why": ""})
    assert "say why" in refused.text
    done = client.post(f"/restore/event/{event_id}", data={"csrf": csrf, "why": "it happened"})
    assert "restored (revision 2)" in done.text
    assert 'id="restore-form"' not in done.text and 'id="edit-link"' in done.text
    assert _event_id(client) == event_id
    # through the API: void, then restore; a second restore is refused (not void)
    headers = {"X-CSRF-Token": csrf}
    r = client.post(
        f"/api/v1/records/event/{event_id}/void", json={"why": "again"}, headers=headers
    )
    assert r.status_code == 200, r.text
    r = client.post(
        f"/api/v1/records/event/{event_id}/restore", json={"why": "back"}, headers=headers
    )
    assert r.status_code == 200 and r.json()["revision"] == 4, r.text
    r = client.post(
        f"/api/v1/records/event/{event_id}/restore", json={"why": "back"}, headers=headers
    )
    assert r.status_code == 400 and "not void" in r.json()["error"]["message"]
