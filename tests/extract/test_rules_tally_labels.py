"""The words of a category's label in a tally tell of no act: in 'in the group "Convicted in
the Minsk case" - 22 people' "convicted" names the group, and "deported" in '"Political
emigrants deported from Poland" - 5 people' deports nobody (the cause was found on a real list
report of dev3, 205). Written for this rule, with sentences whose acts must stay."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

Extract = Callable[..., dict[str, Any]]


def test_act_words_of_a_tally_label_give_no_act(extract: Extract) -> None:
    out = extract(
        'Viasna lists 1,100 political prisoners in five groups: "Convicted in the Minsk case" - '
        '22 people; "Political emigrants deported from Poland" - 5 people.'
    )
    acts = {(c["action"], c["count"]) for c in out["claims"]}
    assert not acts & {("sentenced", 22), ("released", 5), ("deported", 5), ("sentenced", 5)}


@pytest.mark.parametrize(
    ("body", "action", "count"),
    [
        ("Police detained 30 protesters - 12 people were later released.", "detained", 30),
        ("Police detained 30 protesters - 12 people were later released.", "released", 12),
        ("The court sentenced 7 activists - all of them women - on Monday.", "sentenced", 7),
    ],
)
def test_an_act_before_a_dash_stays(extract: Extract, body: str, action: str, count: int) -> None:
    assert any((c["action"], c["count"]) == (action, count) for c in extract(body)["claims"])
