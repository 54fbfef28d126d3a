"""'Ordered the release of 30 people held in pretrial detention': the act told as a noun frees
the people counted; the participle that describes them ("held", "jailed") only tells what
they were (issue 12, session 8, found on own paragraphs written for it). Not where the act
noun's own clause says it is only possible."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

Extract = Callable[..., dict[str, Any]]


def _acts(extract: Extract, body: str) -> set[tuple[str, int]]:
    return {(c["action"], c["count"]) for c in extract(body)["claims"]}


@pytest.mark.parametrize(
    ("body", "acts"),
    [
        (
            "Egypt's public prosecutor ordered the release of 30 people held in pretrial "
            "detention.",
            {("released", 30)},
        ),
        (
            "The court ordered the release of 12 students arrested during the protests in May.",
            {("released", 12), ("detained", 12)},  # the arrest is a background fact
        ),
        (
            "The UN called for the release of 1,200 people held for their political views.",
            {("demanded", 1200)},
        ),
    ],
)
def test_the_act_noun_frees_the_people_it_is_of(
    extract: Extract, body: str, acts: set[tuple[str, int]]
) -> None:
    assert _acts(extract, body) == acts


def test_an_act_noun_that_only_may_happen_frees_no_one(extract: Extract) -> None:
    acts = _acts(
        extract, "The release of 40 prisoners jailed after the election could follow next week."
    )
    assert ("released", 40) not in acts
