"""A demand's "still held" counts protected persons without telling them from unknown names.

Analysts count every named person held, protected ones included. The public is shown public
persons by name only; every other name (protected, unsure, or unknown to the registry) may be
held for all the public can be told, so it widens the public's `still_held` upper bound: the
figure no longer leaves out held protected persons, and a list naming a protected person and
one naming an unknown name in their place still answer alike."""

from __future__ import annotations

from fastapi.testclient import TestClient

from prisonwatch.storage.sql import SqlStore
from tests.web.conftest import login
from tests.web.test_demands_web import _demand, _shape, _shown

PUBLIC_HELD = "Мікола Статкевіч"


def test_analysts_count_held_protected_persons(client: TestClient, web_store: SqlStore) -> None:
    did = _demand(
        web_store, [PUBLIC_HELD, "Hanna Sakrevich", "Piotr Zhuvalich"], "https://e.org/sh1"
    )
    login(client)
    data = client.get(f"/api/v1/demands/{did}").json()
    assert [n["status"] for n in data["names"]] == ["held", "held", "held"]
    assert data["still_held"] == {"low": 3, "high": 3}


def test_the_public_still_held_leaves_room_for_every_name_not_shown(
    client: TestClient, web_store: SqlStore
) -> None:
    protected = _demand(
        web_store, [PUBLIC_HELD, "Hanna Sakrevich", "Piotr Zhuvalich"], "https://e.org/sh2"
    )
    unknown = _demand(
        web_store, [PUBLIC_HELD, "Olga Nonexistent", "Ivan Nobodyknown"], "https://e.org/sh3"
    )
    a = client.get(f"/api/v1/demands/{_shown(web_store, protected)}").json()
    b = client.get(f"/api/v1/demands/{_shown(web_store, unknown)}").json()
    # two held protected persons: surely one held (the public one), possibly all three
    assert a["still_held"] == {"low": 1, "high": 3}
    assert a["names_not_shown"] == 2
    assert _shape(a) == _shape(b)
