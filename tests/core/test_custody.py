"""Sentence lengths, article references and term ends, as pure functions."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from prisonwatch.core.custody import (
    CustodyError,
    Sentenced,
    add_months,
    article_number,
    check_article,
    custody_figures,
    format_sentence,
    parse_sentence,
    term_end,
)
from prisonwatch.core.dates import parse_fuzzy


@pytest.mark.parametrize(
    ("text", "months"), [("5y", 60), ("2y6m", 30), ("18m", 18), ("1Y 3M", 15), ("0y7m", 7)]
)
def test_sentence_lengths(text: str, months: int) -> None:
    assert parse_sentence(text) == months


@pytest.mark.parametrize("text", ["", "5", "five years", "0y", "0m", "101y", "5y5y", "y", "-2y"])
def test_bad_sentence_lengths_are_refused(text: str) -> None:
    with pytest.raises(CustodyError):
        parse_sentence(text)


@given(st.integers(min_value=1, max_value=1200))
def test_sentence_format_round_trips(months: int) -> None:
    assert parse_sentence(format_sentence(months)) == months


def test_articles() -> None:
    assert check_article("  361-1   ч.3 ") == "361-1 ч.3"
    assert article_number("361-1 ч.3") == "361-1"
    for bad in ("ч.3", "Art. 342", "", "9" * 81):
        with pytest.raises(CustodyError):
            check_article(bad)


def test_term_end_counts_months_and_keeps_the_last_day_of_short_months() -> None:
    assert add_months(date(2024, 3, 10), 60) == date(2029, 3, 10)
    assert add_months(date(2023, 8, 31), 6) == date(2024, 2, 29)
    assert term_end(parse_fuzzy("2022-06-15"), 54) == date(2026, 12, 15)
    # an uncertain start: the latest end it allows
    assert term_end(parse_fuzzy("2021-05"), 24) == date(2023, 5, 31)


def test_figures_count_held_terms_within_the_window_and_persons_per_article() -> None:
    today = date(2026, 11, 30)
    people = [
        Sentenced("a", frozenset({"342-1", "361-1"}), date(2029, 3, 10), True),
        Sentenced("b", frozenset({"342-1"}), date(2026, 12, 15), True),
        Sentenced("c", frozenset({"130"}), today, True),
        Sentenced("d", frozenset({"342-1"}), date(2027, 1, 1), False),
        Sentenced("e", frozenset(), date(2026, 11, 29), True),
    ]
    data = custody_figures(people, today, 365, "342-1 ч.2")
    assert data["terms_ending"] == {"persons": 2, "by_month": {"2026-11": 1, "2026-12": 1}}
    assert data["article"] == {"article": "342-1", "persons": 3, "held": 2}
    assert data["articles"][0] == {"article": "342-1", "persons": 3, "held": 2}
