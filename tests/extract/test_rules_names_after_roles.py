"""A name the entity model takes for a body right after a person's role ("blogger Pham Doan
Trang" read as an organisation) is a person, so the arrest that acts on it is a claim naming
them (issue 12, session 8; found on own sentences in the manner of Vietnamese and Burmese news,
whose names the model does not know). Written for this rule, never article text, with names
that must stay bodies."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.extract.conftest import only

Extract = Callable[..., dict[str, Any]]


def _types(out: dict[str, Any]) -> dict[str, str]:
    return {e["name"]: e["type"] for e in out["entities"]}


def test_a_name_after_a_role_is_a_person(extract: Extract) -> None:
    out = extract(
        "Vietnamese authorities arrested blogger Pham Doan Trang in 2020; she was sentenced "
        "to nine years in prison a year later."
    )
    assert _types(out)["Pham Doan Trang"] == "person"
    assert only(out["claims"], "detained", 1)["persons"] == ["Pham Doan Trang"]
    assert only(out["claims"], "sentenced", 1)["persons"] == ["Pham Doan Trang"]


def test_a_body_after_a_role_word_stays_a_body(extract: Extract) -> None:
    out = extract("Police arrested 12 members of the student Union of Poles of Belarus.")
    assert "person" not in _types(out).values()
