"""A list report's tally rows and the body that keeps the list (causes left on dev3 205): a
quoted category, a dash and a count of people ('"Believers" - 183 people') is a stock that is
a part of the list's total, with the total's source; a body's name with quotation marks inside
('the Union “For Freedom of Political Prisoners” (UFFPP)') is one body when the acronym after
it is its initials. Written for these rules, with sentences that must give nothing or keep
their reading."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Extract = Callable[[str], dict[str, Any]]

LIST = "Viasna counts 254 political prisoners. "


def _claims(extract: Extract, body: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = extract(body)["claims"]
    return found


def test_tally_rows_are_parts_of_the_list(extract: Extract) -> None:
    claims = _claims(
        extract,
        LIST + '”Believers" - 183 people; “Life convicts" - 11 people; “Convicted in the Minsk '
        'case" - 22 people.',
    )
    whole = claims[0]
    assert (whole["action"], whole["count"], whole["source"]) == ("held", 254, "Viasna")
    rows = {c["count"]: c for c in claims[1:]}
    assert set(rows) == {183, 11, 22}
    for row in rows.values():
        assert (row["action"], row["part_of"], row["source"]) == ("held", whole["id"], "Viasna")


def test_a_dash_and_a_count_inside_a_sentence_is_no_row(extract: Extract) -> None:
    assert _claims(extract, "The “Believers” - 183 people - marched in Baku on Sunday.") == []


def test_a_quoted_body_name_with_its_acronym_is_one_body(extract: Extract) -> None:
    claims = _claims(
        extract,
        "On Monday the Union “For Freedom of Political Prisoners” (FFPP) said 30 "
        "people were arrested.",
    )
    assert claims[0]["source"] == "Union For Freedom of Political Prisoners"
    claims = _claims(extract, "On Monday the Union “For Peace” (UFP) said 30 people were arrested.")
    assert claims[0]["source"] == "Union For Peace"


def test_an_acronym_that_is_not_the_initials_names_no_quoted_body(extract: Extract) -> None:
    claims = _claims(extract, "On Monday the Union “For Peace” (ABC) said 30 people were arrested.")
    assert claims[0]["source"] == "ABC"
