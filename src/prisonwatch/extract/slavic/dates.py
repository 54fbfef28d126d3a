"""Time expressions in Russian and Belarusian, dated against the article's publication day.

"11 сентября" / "11 верасня" (this year, or last year when that day is after the article),
"в сентябре" / "у верасні" (a month), "в четверг" / "у чацвер" (the last such day on or
before the article), "сегодня" / "сёння", "вчера" / "учора", and "с начала июля" / "з ліпеня"
(from then to the article's day). Each is a period (from, to) of ISO dates of reduced precision.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from prisonwatch.extract.slavic.numbers import _digits
from prisonwatch.extract.slavic.words import Lexicon, Token, both


@dataclass(frozen=True, slots=True)
class Time:
    start: int  # character span of the expression
    end: int
    period: tuple[str, str]
    since: bool = False


def _month_iso(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _year_for(month: int, day: int, today: date) -> int:
    try:
        return today.year if date(today.year, month, day) <= today else today.year - 1
    except ValueError:
        return today.year


_NEW_YEAR = {tuple(words) for words in both("NEW_YEAR")}


def _year_after(tokens: list[Token], j: int) -> tuple[int, int] | None:
    """A year written after a day or month ("в декабре 2021 года"): (year, its token index)."""
    if j < len(tokens) and re.fullmatch(r"(?:19|20)\d\d", tokens[j].text):
        return int(tokens[j].text), j
    return None


def _year_word(lex: Lexicon, tokens: list[Token], i: int) -> int | None:
    """A year told as a number and the word "год" ("2025 году", "2024 годзе"); not a year in
    the genitive that describes the noun before it ("протестов 2020 года", "выбараў 2020
    года"): that one is a time only after a preposition or a noun of time (`BEFORE_YEAR`)."""
    t = tokens[i]
    if not re.fullmatch(r"(?:19|20)\d\d", t.text) or i + 1 >= len(tokens):
        return None
    if not lex.has(tokens[i + 1], lex.w.YEAR):
        return None
    prev = tokens[i - 1] if i > 0 else None
    if (
        tokens[i + 1].lower in lex.w.YEAR_GENITIVE
        and prev is not None
        and prev.is_word
        and not lex.has(prev, lex.w.BEFORE_YEAR)
        and lex.find(prev, lex.w.MONTHS) is None
    ):
        return None
    return int(t.text)


def _relative_week(
    lex: Lexicon, tokens: list[Token], j: int, today: date
) -> tuple[str, str] | None:
    """A week told against the article's ("на прошлой неделе"): its Monday to its Sunday, no
    later than the article's day."""
    if j + 1 >= len(tokens) or not tokens[j].is_word:
        return None
    offset = lex.find(tokens[j], lex.w.RELATIVE_YEARS)
    if offset is None or not lex.has(tokens[j + 1], lex.w.WEEK_WORD):
        return None
    monday = today - timedelta(days=today.weekday()) + timedelta(weeks=int(offset))
    sunday = min(monday + timedelta(days=6), today)
    return monday.isoformat(), sunday.isoformat()


def _relative_month(lex: Lexicon, tokens: list[Token], j: int, today: date) -> str | None:
    """A month told against the article's ("в прошлом месяце", "у гэтым месяцы")."""
    if j + 1 >= len(tokens) or not tokens[j].is_word:
        return None
    offset = lex.find(tokens[j], lex.w.RELATIVE_YEARS)
    if offset is None or not lex.has(tokens[j + 1], lex.w.MONTH_WORD):
        return None
    months = today.year * 12 + today.month - 1 + int(offset)
    return _month_iso(months // 12, months % 12 + 1)


def _relative_year(
    lex: Lexicon, tokens: list[Token], j: int, today: date
) -> tuple[int, int] | None:
    """A year told against the article's after a month or alone ("прошлого года", "в этом
    году", "летась", "сёлета"): (year, its last token index)."""
    if j >= len(tokens) or not tokens[j].is_word:
        return None
    adverb = lex.find(tokens[j], lex.w.YEAR_ADVERBS)
    if adverb is not None:
        return today.year + int(adverb), j
    offset = lex.find(tokens[j], lex.w.RELATIVE_YEARS)
    if offset is not None and j + 1 < len(tokens) and lex.has(tokens[j + 1], lex.w.YEAR):
        return today.year + int(offset), j + 1
    return None


def _time_at(lex: Lexicon, tokens: list[Token], i: int, today: date) -> tuple[Time, int] | None:
    t = tokens[i]
    w = lex.w
    if tuple(x.lower for x in tokens[i : i + 3]) in _NEW_YEAR:
        year = today.year if today.month == 12 else today.year - 1
        start = f"{year:04d}-12"  # New Year's Eve: late December, up to the article
        return Time(t.start, tokens[i + 2].end, (start, today.isoformat())), i + 2
    rel = w.RELATIVE_DAYS.get(t.lower)
    if rel is not None:
        d = (today + timedelta(days=rel)).isoformat()
        return Time(t.start, t.end, (d, d)), i
    day = _digits(t)
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if day is not None and 1 <= day <= 31 and nxt is not None:
        month = lex.find(nxt, w.MONTHS)
        if month is not None:
            year, last = (
                _year_after(tokens, i + 2)
                or _relative_year(lex, tokens, i + 2, today)
                or (_year_for(month, day, today), i + 1)
            )
            iso = f"{year:04d}-{month:02d}-{day:02d}"
            return Time(t.start, tokens[last].end, (iso, iso)), last
    year_of = _year_word(lex, tokens, i)
    if year_of is not None:  # "в 2025 году", "у 2024 годзе"
        return Time(t.start, tokens[i + 1].end, (str(year_of), str(year_of))), i + 1
    week = _relative_week(lex, tokens, i, today)
    if week is not None:  # "на прошлой неделе", "на мінулым тыдні"
        return Time(t.start, tokens[i + 1].end, week), i + 1
    month_back = _relative_month(lex, tokens, i, today)
    if month_back is not None:  # "в прошлом месяце", "у мінулым месяцы"
        return Time(t.start, tokens[i + 1].end, (month_back, month_back)), i + 1
    relative = _relative_year(lex, tokens, i, today)
    if relative is not None:  # "в прошлом году", "летась"
        return Time(t.start, tokens[relative[1]].end, (str(relative[0]),) * 2), relative[1]
    if lex.has(t, w.START) and i + 1 < len(tokens) and lex.has(tokens[i + 1], w.MONTH_WORD):
        # "с начала месяца" / "з пачатку месяца": this month on
        this = _month_iso(today.year, today.month)
        return Time(t.start, tokens[i + 1].end, (this, this)), i + 1
    if lex.has(t, w.START) and i + 1 < len(tokens) and lex.has(tokens[i + 1], w.YEAR):
        # "с начала года" / "з пачатку года": this year's first month on
        jan = f"{today.year:04d}-01"
        return Time(t.start, tokens[i + 1].end, (jan, jan)), i + 1
    month = lex.find(t, w.MONTHS) if t.is_word and len(t.lower) > 2 else None
    if month is not None:
        year, last = (
            _year_after(tokens, i + 1)
            or _relative_year(lex, tokens, i + 1, today)
            or (today.year if month <= today.month else today.year - 1, i)
        )
        iso = _month_iso(year, month)
        return Time(t.start, tokens[last].end, (iso, iso)), last
    weekday = lex.find(t, w.WEEKDAYS) if t.is_word and len(t.lower) > 3 else None
    if weekday is not None:
        back = (today.weekday() - weekday) % 7
        d = (today - timedelta(days=back)).isoformat()
        return Time(t.start, t.end, (d, d)), i
    return None


def find_times(lex: Lexicon, tokens: list[Token], today: date | None) -> list[Time]:
    """The time expressions in a sentence's tokens; "с"/"з" before one makes it a 'since'."""
    if today is None:
        return []
    out: list[Time] = []
    i = 0
    while i < len(tokens):
        found = _time_at(lex, tokens, i, today)
        if found is None:
            i += 1
            continue
        time, last = found
        before = [x.lower for x in tokens[max(0, i - 2) : i]]
        if any(b in lex.w.SINCE for b in before):
            time = Time(time.start, time.end, (time.period[0], today.isoformat()), since=True)
        out.append(time)
        i = last + 1
    return out
