"""Time expressions of news reports the normaliser missed or misread (issue 12, session 6),
in sentences written for the test: quarters and halves of a year, clock times, weekends,
last night, a season of a year, and a day right after a past verb of telling, which is
past whatever the clause goes on to say. The article's date is Friday 2025-12-12."""

from __future__ import annotations

from datetime import date

import pytest

from prisonwatch.extract.timex import find_times

DCT = date(2025, 12, 12)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Sales rose in the third quarter.", "2025-Q3"),
        ("Profit fell in the fourth quarter of 2024.", "2024-Q4"),
        ("Results for the first half of 2025 were weak.", "2025-H1"),
        ("Police detained him last night.", "2025-12-11TNI"),
        ("The market closed at 4 p.m.", "2025-12-12T16"),
        ("The blast happened at 10:30 a.m. local time.", "2025-12-12T10:30"),
        ("He left the prison at midnight.", "2025-12-12T24:00"),
        ("The deal was signed last weekend.", "2025-W49-WE"),
        ("Voters went to the polls this weekend.", "2025-W50-WE"),
        ("Protests erupted in the spring of 2011.", "2011-SP"),
        ("The ministry said on Monday it would free 200 prisoners.", "2025-12-08"),
        ("The bank announced Tuesday that it will cut jobs.", "2025-12-09"),
    ],
)
def test_news_time_expressions(text: str, value: str) -> None:
    assert value in [t.value for t in find_times(text, DCT)]


def test_a_later_year_part_told_in_the_past_is_last_year() -> None:
    values = [t.value for t in find_times("Profits fell in the fourth quarter.", date(2026, 1, 20))]
    assert values == ["2025-Q4"]


def test_no_time_where_none_is_said() -> None:
    assert find_times("He came second in the half marathon.", DCT) == []
    assert (
        find_times("The ministry said it would free 200 prisoners next week.", DCT)[0].value
        == "2025-W51"
    )
