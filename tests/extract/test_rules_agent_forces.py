"""Who acted, read from the parse, in phrasings found on real news sentences coded by others
(the PLOVER records, `bench/plover_agent_eval.py`), tested on sentences written for them: a
state's forces named by a demonym and a noun for armed men ("Israeli soldiers arrested"), and
a participle clause that shares the subject of its verb ("police opened fire, ..., arresting
12"). Sentences where nobody named acts must give no agent."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.extract.conftest import only

Extract = Callable[..., dict[str, Any]]


@pytest.mark.parametrize(
    ("body", "action", "count", "agent"),
    [
        (
            "Syrian troops detained 40 villagers near Homs on Sunday.",
            "detained",
            40,
            "Syrian troops",
        ),
        (
            "Turkish soldiers arrested 15 shepherds at the border on Monday.",
            "detained",
            15,
            "Turkish soldiers",
        ),
        (
            "Riot police broke up the march on Friday, beating students and detaining 30.",
            "detained",
            30,
            "Riot police",
        ),
        (
            "The junta dissolved the party on Tuesday and released 12 of its leaders.",
            "released",
            12,
            "junta",
        ),
    ],
)
def test_the_actor_of_real_phrasings(
    extract: Extract, body: str, action: str, count: int, agent: str
) -> None:
    assert only(extract(body)["claims"], action, count)["agent"] == agent


@pytest.mark.parametrize(
    ("body", "action", "count"),
    [
        (
            "After the talks, the envoy said, releasing 12 prisoners was a first step.",
            "released",
            12,
        ),
        ("Some 30 protesters were detained on Monday, witnesses said.", "detained", 30),
    ],
)
def test_no_actor_named_gives_no_agent(
    extract: Extract, body: str, action: str, count: int
) -> None:
    assert only(extract(body)["claims"], action, count)["agent"] is None
