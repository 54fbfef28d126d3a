from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from prisonwatch.core.dates import DateError, Precision, format_fuzzy, max_fuzzy, parse_fuzzy


def test_precisions() -> None:
    assert parse_fuzzy("2025-09-11").precision is Precision.DAY
    m = parse_fuzzy("2025-09")
    assert (m.earliest, m.latest, m.precision) == (
        date(2025, 9, 1),
        date(2025, 9, 30),
        Precision.MONTH,
    )
    y = parse_fuzzy("2024")
    assert (y.earliest, y.latest) == (date(2024, 1, 1), date(2024, 12, 31))
    feb = parse_fuzzy("2024-02")
    assert feb.latest == date(2024, 2, 29)
    iv = parse_fuzzy("2025-09/2025-10")
    assert (iv.earliest, iv.latest, iv.precision) == (
        date(2025, 9, 1),
        date(2025, 10, 31),
        Precision.INTERVAL,
    )


@pytest.mark.parametrize(
    "text", ["", "2025-13", "2025-02-30", "11.09.2025", "September", "2025-10/2025-09", "0000"]
)
def test_bad_dates_are_errors(text: str) -> None:
    with pytest.raises(DateError):
        parse_fuzzy(text)


@given(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)),
    st.sampled_from(["d", "m", "y"]),
)
def test_format_round_trips(d: date, prec: str) -> None:
    text = {"d": d.isoformat(), "m": d.strftime("%Y-%m"), "y": str(d.year)}[prec]
    fd = parse_fuzzy(text)
    assert format_fuzzy(fd) == text
    assert parse_fuzzy(format_fuzzy(fd)) == fd


def test_interval_round_trips() -> None:
    fd = parse_fuzzy("2025-09/2025-10")
    assert parse_fuzzy(format_fuzzy(fd)) == fd


def test_max_fuzzy() -> None:
    a, b = parse_fuzzy("2025-09"), parse_fuzzy("2025-09-15")
    m = max_fuzzy(a, b)
    assert (m.earliest, m.latest) == (date(2025, 9, 15), date(2025, 9, 30))
    assert max_fuzzy(parse_fuzzy("2020"), parse_fuzzy("2021-03-01")) == parse_fuzzy("2021-03-01")


@given(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)),
    st.integers(min_value=0, max_value=800),
)
def test_any_range_round_trips(start: date, length: int) -> None:
    from datetime import timedelta

    from prisonwatch.core.dates import FuzzyDate

    fd = FuzzyDate(start, start + timedelta(days=length), Precision.INTERVAL)
    back = parse_fuzzy(format_fuzzy(fd))
    assert (back.earliest, back.latest) == (fd.earliest, fd.latest)


def test_interval_formats_each_end_at_its_own_precision() -> None:
    assert format_fuzzy(parse_fuzzy("2020/2026-11")) == "2020/2026-11"
    assert format_fuzzy(parse_fuzzy("2025-12-13/2025-12-14")) == "2025-12-13/2025-12-14"
    assert format_fuzzy(parse_fuzzy("2025-09/2025-10")) == "2025-09/2025-10"


def test_a_spreadsheet_day_is_refused_with_the_iso_day_to_write() -> None:
    def reason(text: str) -> str:
        with pytest.raises(DateError) as err:
            parse_fuzzy(text)
        return str(err.value)

    assert "'12.03.2021' (write the day as 2021-03-12)" in reason("12.03.2021")
    assert "(write the day as 2021-02-13)" in reason("13/02/2021")
    assert "(write the day as 2021-02-13)" in reason("02/13/2021")
    both = reason("3/7/2022")  # 3 July in Minsk, 7 March in New York: never guessed
    assert "'3/7/2022'" in both and "2022-07-03 if it is day/month, 2022-03-07 if month/day" in both
    # a value with `/` that is no interval is named whole, not by one side of it
    assert "'3/2022'" in reason("3/2022") and "'3' is not one" in reason("3/2022")
    assert "'31.02.2021'" in reason("31.02.2021")
