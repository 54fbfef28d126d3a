"""Who tells of an act and who did it, read from the parse around the act, on sentences written
for them. The causes were found on real text: the evidence quotes of the compiled release
records ("as reported by the Belarusian human rights group Viasna", "AAPP are extremely happy
to announce that ... released") and dev2 ("announced that it secured the release of 135").

- a say-clause that hangs from the act ("..., as reported by X", "as X reported") tells it;
- a say-verb completing an adjective ("X is pleased to announce") is told by that subject;
- a passive act with no by-phrase of its own is not done by whoever tells of it;
- a go-between ("secured/negotiated the release of") or one who reacts ("welcomed the
  release of") is not the agent; one who orders it ("ordered the release of") is;
- a by-phrase under an act told as a noun names the agent ("the arrest of 30 by police").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.extract.conftest import only

Extract = Callable[..., dict[str, Any]]


@pytest.mark.parametrize(
    ("body", "action", "count", "source", "agent"),
    [
        (
            "In total 178 political prisoners were released this year, as reported by the "
            "Belarusian human rights group Viasna.",
            "released",
            178,
            "Viasna",
            None,
        ),
        (
            "Police detained 30 protesters on Monday, as Viasna reported.",
            "detained",
            30,
            "Viasna",
            "Police",
        ),
        (
            "The Assistance Association for Political Prisoners (AAPP) is pleased to announce "
            "that 80 political prisoners were released on May 24.",
            "released",
            80,
            "AAPP",
            None,
        ),
        (
            "Viasna is happy to report that 80 political prisoners were released on May 24.",
            "released",
            80,
            "Viasna",
            None,
        ),
        (
            "The French government announced on Friday that it had secured the release of 12 "
            "aid workers.",
            "released",
            12,
            "French government",
            None,
        ),
        ("Qatar negotiated the release of 5 American prisoners.", "released", 5, None, None),
        ("Viasna welcomed the release of 12 political prisoners.", "released", 12, None, None),
        ("The junta ordered the release of 300 prisoners.", "released", 300, None, "junta"),
        ("The EU condemned the arrest of 30 students by police.", "detained", 30, None, "police"),
        (
            "Viasna reported the detention of 14 people by the KGB in Minsk.",
            "detained",
            14,
            "Viasna",
            "KGB",
        ),
    ],
)
def test_who_tells_and_who_acts(
    extract: Extract, body: str, action: str, count: int, source: str | None, agent: str | None
) -> None:
    claim = only(extract(body)["claims"], action, count)
    assert (claim["source"], claim["agent"]) == (source, agent)


def test_a_by_phrase_of_a_place_names_no_agent(extract: Extract) -> None:
    claim = only(
        extract("The arrest of 30 students by the lake was filmed.")["claims"], "detained", 30
    )
    assert claim["agent"] is None
