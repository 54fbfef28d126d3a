"""Time expressions: found by our own rules and normalised against the article's date.

Values follow TIMEX3: `2025-09-11`, `2025-09`, `2025`, `2013-W11`, `2012-SU`, `P3M`, `PT2H`,
`PRESENT_REF`, `PAST_REF`, `FUTURE_REF`. Month names, weekdays and relative words resolve with
the direction the surrounding tense gives: a past-tense "in September" in a December article is
this year's September; a future "in March" is next March.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from prisonwatch.core.dates import DateError, FuzzyDate, parse_fuzzy
from prisonwatch.extract.lang.en import EN
from prisonwatch.extract.lang.en import lexicon as lx
from prisonwatch.extract.numbers import parse_number

#: The TimeML type of a length of time ("two months"), which dates nothing by itself.
DURATION = "DURATION"
#: A duration's value in whole units ("P2M"): its number and unit.
_LENGTH = re.compile(r"P(\d+)([YMWD])")
VERSION = "timex/1.2"

#: Month names and abbreviations -> month number; weekday names -> 0 (Monday) to 6; seasons
#: -> TIMEX3 codes: the language's words (`lang/en/words`).
MONTHS = EN.values("month_names")
WEEKDAYS = EN.values("weekday_names")
_NOT_MONTHS_IN_LOWER_CASE = EN.words("lowercase_not_months")


def _capitalised(names: dict[str, int]) -> str:
    """An alternation of names as a sentence writes them, capitalised, longest first."""
    return "(?:" + "|".join(sorted((n.capitalize() for n in names), key=lambda n: -len(n))) + ")"


_MONTH = _capitalised(MONTHS) + r"\.?"
_DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_WEEKDAY = _capitalised(WEEKDAYS)
_NUMWORD = (
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
    r"twenty|thirty|forty|fifty|sixty|several|few|a few|many|some|recent)"
)
_UNIT = r"(?:years?|months?|weeks?|days?|hours?|minutes?|decades?|centur(?:y|ies))"
_SEASON = EN.pairs("season_names")

_FUTURE = re.compile(
    r"\b(will|shall|would|'ll|is expected|are expected|plans? to|planned|scheduled|next|"
    r"upcoming|is due|are due|is set to|are set to|is to|are to|going to)\b",
    re.IGNORECASE,
)

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
    ("mdy", re.compile(rf"\b({_MONTH})\s+({_DAYNUM}),?\s+({_YEAR})\b", re.I)),
    ("dmy", re.compile(rf"\b({_DAYNUM})\s+({_MONTH}),?\s+({_YEAR})\b", re.I)),
    (
        "my",
        re.compile(rf"\b(?:(early|mid|late|mid-)\s*)?({_MONTH}),?\s+(?:of\s+)?({_YEAR})\b", re.I),
    ),
    ("md", re.compile(rf"\b({_MONTH})\s+({_DAYNUM})\b(?!,?\s*{_YEAR})", re.I)),
    ("dm", re.compile(rf"\b({_DAYNUM})\s+({_MONTH})\b(?!,?\s*{_YEAR})", re.I)),
    (
        "rel_month",
        re.compile(rf"\b(?:(early|late|mid-?)\s*)?(last|this|next|past)\s+({_MONTH})\b", re.I),
    ),
    (
        "month",
        re.compile(
            rf"(?:\b(early|late|mid)(?:-|\s+)|\b(?<![-/]))({_MONTH})(?!\s*\d)(?!\.\w)\b", re.I
        ),
    ),
    (
        "weekday",
        re.compile(
            rf"\b(last|this|next|on)?\s*({_WEEKDAY})(?:\s+(morning|afternoon|evening|night))?\b",
            re.I,
        ),
    ),
    (
        "rel_unit",
        re.compile(
            r"\b(?:(early|late)\s+)?(last|this|next|the past|the last|the coming|the next|the current)\s+(year|month|week|quarter|decade)\b",
            re.I,
        ),
    ),
    (
        "season",
        re.compile(r"\b(last|this|next)\s+(" + EN.alternation("season_names") + r")\b", re.I),
    ),
    (
        "day_word",
        re.compile(
            r"\b(today(?:['’]?s)?|yesterday(?:['’]s)?|tomorrow(?:['’]s)?|tonight|this morning|"
            r"this afternoon|this evening)\b",
            re.I,
        ),
    ),
    (
        "span_duration",
        re.compile(
            rf"\b(?:the\s+)?(?:past|last|next|coming|first|final)\s+({_NUMWORD})\s+({_UNIT})\b",
            re.I,
        ),
    ),
    (
        "ref",
        re.compile(
            r"\b(now|currently|recently|the past|the future|at present|these days|nowadays)\b", re.I
        ),
    ),
    (
        "year",
        re.compile(
            rf"\b(?:(early|late|mid-?)\s*)?(?<![\d,.$])({_YEAR})(?!\d|,\d|%)(?!\s*(?:people|persons|prisoners))\b",
            re.I,
        ),
    ),
    ("year_parts", lx.TIMEX_YEAR_PART),
    ("clock_words", lx.TIMEX_CLOCK),
    ("clock_words", lx.TIMEX_CLOCK_WORD),
    ("week_parts", lx.TIMEX_WEEK_PART),
    ("night_words", lx.TIMEX_LAST_NIGHT),
    ("season_names", lx.TIMEX_SEASON_OF_YEAR),
    ("decade", re.compile(r"\bthe\s+((?:19|20)\d)0s\b", re.I)),
    ("ago", re.compile(rf"\b({_NUMWORD})\s+({_UNIT})\s+ago\b", re.I)),
    (
        "duration",
        re.compile(
            rf"\b(?:(almost|nearly|about|more than|over|at least|less than)\s+)?({_NUMWORD})[- ]({_UNIT})(?:'s?)?\b",
            re.I,
        ),
    ),
    ("a_duration", re.compile(rf"\b(a|an|the past|the last|the next)\s+({_UNIT})\b", re.I)),
]
_PRIORITY = {name: i for i, (name, _) in enumerate(PATTERNS)}


_MAY_VERB = re.compile(
    r"\s+(?:be|have|not|also|well|still|never|soon|need|want|face|take|get|see|do)\b", re.I
)


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """One time expression: where it is, its TIMEX3 value, and its range of days if a date."""

    start: int
    end: int
    text: str
    value: str
    type: str  # DATE, DURATION, TIME

    @property
    def length(self) -> tuple[int, str] | None:
        """A duration's number and unit letter (Y, M, W, D): "two months" is (2, "M")."""
        m = _LENGTH.fullmatch(self.value) if self.type == DURATION else None
        return (int(m.group(1)), m.group(2)) if m else None

    @property
    def period(self) -> tuple[str, str] | None:
        """The days it covers, as the contract's reduced-precision dates: a day, month or year
        stands for itself, a time of day for its day, a week runs Monday to Sunday, a quarter
        from its first month to its last; durations and vague references cover nothing."""
        v = self.value
        if self.type == DURATION or "X" in v or "_REF" in v:
            return None
        timed = re.fullmatch(r"(\d{4}-\d{2}-\d{2})T\w+", v)
        if timed:
            return timed.group(1), timed.group(1)
        week = re.fullmatch(r"(\d{4})-W(\d{2})", v)
        if week:
            year, number = int(week.group(1)), int(week.group(2))
            try:
                monday = date.fromisocalendar(year, number, 1)
            except ValueError:
                return None
            return monday.isoformat(), (monday + timedelta(days=6)).isoformat()
        quarter = re.fullmatch(r"(\d{4})-Q([1-4])", v)
        if quarter:
            q = int(quarter.group(2))
            return f"{quarter.group(1)}-{3 * q - 2:02d}", f"{quarter.group(1)}-{3 * q:02d}"
        return (v, v) if self.fuzzy is not None else None

    @property
    def fuzzy(self) -> FuzzyDate | None:
        if self.type == DURATION or "X" in self.value or "_REF" in self.value:
            return None
        v = self.value
        if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", v):
            try:
                return parse_fuzzy(v)
            except DateError:
                return None
        return None


def _month_num(text: str) -> int:
    return MONTHS[text.lower().rstrip(".")]


def _future(context: str) -> bool:
    return bool(_FUTURE.search(context))


def resolve_month(month: int, dct: date, future: bool) -> str:
    """A bare month name: the nearest such month before (or, future, after) the article."""
    year = dct.year
    if future:
        if month < dct.month:
            year += 1
    elif month > dct.month:
        year -= 1
    return f"{year:04d}-{month:02d}"


def resolve_weekday(weekday: int, dct: date, future: bool, modifier: str | None) -> date:
    delta = weekday - dct.weekday()
    if modifier == "next" or (future and modifier != "last"):
        return dct + timedelta(days=delta % 7 or (7 if modifier == "next" else 0))
    days_back = (-delta) % 7
    if modifier == "last" and days_back == 0:
        days_back = 7
    return dct - timedelta(days=days_back)


def _unit_code(unit: str) -> str:
    u = unit.lower().rstrip("s")
    return {
        "year": "Y",
        "month": "M",
        "week": "W",
        "day": "D",
        "hour": "H",
        "minute": "M",
        "quarter": "Q",
        "decade": "DE",
        "century": "CE",
        "centurie": "CE",
    }[u]


def _duration(n_text: str, unit: str) -> str:
    code = _unit_code(unit)
    n_low = n_text.lower()
    n: int | None
    if n_low in ("a", "an"):
        n = 1
    elif n_low in ("several", "few", "a few", "many", "some", "recent"):
        n = None
    else:
        n = parse_number(n_low)
    amount = "X" if n is None else str(n)
    if code == "DE":
        amount, code = ("X", "DE") if n is None else (str(n * 10), "Y")
    if code == "CE":
        amount, code = ("X", "CE") if n is None else (str(n * 100), "Y")
    prefix = "PT" if unit.lower().startswith(("hour", "minute")) else "P"
    return f"{prefix}{amount}{code}"


def _ago(n_text: str, unit: str, dct: date) -> tuple[str, str] | None:
    """ "two days ago" → the day, "three weeks ago" → that week's day, "two months ago" → the
    month, "five years ago" → the year, counted back from the article date."""
    n = 1 if n_text.lower() in ("a", "an") else parse_number(n_text.lower())
    if n is None:
        return None
    u = unit.lower().rstrip("s")
    if u == "day":
        return (dct - timedelta(days=n)).isoformat(), "DATE"
    if u == "week":
        return (dct - timedelta(weeks=n)).isoformat(), "DATE"
    if u == "month":
        total = dct.year * 12 + dct.month - 1 - n
        return f"{total // 12:04d}-{total % 12 + 1:02d}", "DATE"
    if u == "year":
        return str(dct.year - n), "DATE"
    if u == "decade":
        return str((dct.year - 10 * n) // 10), "DATE"
    return None


def _value(kind: str, m: re.Match[str], dct: date, context: str) -> tuple[str, str] | None:
    fut = _future(context)
    g = m.groups()
    if kind == "iso":
        return f"{g[0]}-{g[1]}-{g[2]}", "DATE"
    if kind in ("mdy", "dmy"):
        month_t, day_t, year_t = (g[0], g[1], g[2]) if kind == "mdy" else (g[1], g[0], g[2])
        day = int(re.sub(r"\D", "", day_t))
        return f"{int(year_t):04d}-{_month_num(month_t):02d}-{day:02d}", "DATE"
    if kind == "my":
        return f"{int(g[2]):04d}-{_month_num(g[1]):02d}", "DATE"
    if kind in ("md", "dm"):
        month_t, day_t = (g[0], g[1]) if kind == "md" else (g[1], g[0])
        month = _month_num(month_t)
        ym = resolve_month(month, dct, fut)
        return f"{ym}-{int(re.sub(r'[^0-9]', '', day_t)):02d}", "DATE"
    if kind == "rel_month":
        month = _month_num(g[2])
        which = g[1].lower()
        year = dct.year
        if which in ("last", "past"):
            year = dct.year if month < dct.month else dct.year - 1
        elif which == "next":
            year = dct.year if month > dct.month else dct.year + 1
        return f"{year:04d}-{month:02d}", "DATE"
    if kind == "month":
        word = g[1]
        if word.lower().rstrip(".") in _NOT_MONTHS_IN_LOWER_CASE and word[0].islower():
            return None  # "may" the verb, and lower-case abbreviations
        return resolve_month(_month_num(word), dct, fut), "DATE"
    if kind == "weekday":
        modifier = (g[0] or "").lower() or None
        weekday = resolve_weekday(WEEKDAYS[g[1].lower()], dct, fut, modifier)
        part = (g[2] or "").lower()
        if part:
            code = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}[part]
            return f"{weekday.isoformat()}T{code}", "TIME"
        return weekday.isoformat(), "DATE"
    if kind == "rel_unit":
        which, unit = g[1].lower(), g[2].lower()
        if which in ("the past", "the last", "the coming", "the next"):
            return _duration("1", unit), DURATION
        shift = {"last": -1, "this": 0, "the current": 0, "next": 1}[which]
        if unit == "year":
            return str(dct.year + shift), "DATE"
        if unit == "month":
            first = date(dct.year, dct.month, 1)
            total = first.year * 12 + first.month - 1 + shift
            return f"{total // 12:04d}-{total % 12 + 1:02d}", "DATE"
        if unit == "week":
            d = dct + timedelta(weeks=shift)
            iso = d.isocalendar()
            return f"{iso[0]:04d}-W{iso[1]:02d}", "DATE"
        if unit == "quarter":
            q = (dct.month - 1) // 3 + shift
            year = dct.year + q // 4
            return f"{year:04d}-Q{q % 4 + 1}", "DATE"
        if unit == "decade":
            return str(dct.year // 10 + shift), "DATE"
    if kind == "season":
        shift = {"last": -1, "this": 0, "next": 1}[g[0].lower()]
        return f"{dct.year + shift:04d}-{_SEASON[g[1].lower()]}", "DATE"
    if kind == "day_word":
        w = re.sub(r"['’]?s$", "", g[0].lower())  # "today's", "todays" sentencing
        if w == "yesterday":
            return (dct - timedelta(days=1)).isoformat(), "DATE"
        if w == "tomorrow":
            return (dct + timedelta(days=1)).isoformat(), "DATE"
        if w == "tonight":
            return f"{dct.isoformat()}TNI", "TIME"
        if w.startswith("this "):
            code = {"morning": "MO", "afternoon": "AF", "evening": "EV"}[w.split()[1]]
            return f"{dct.isoformat()}T{code}", "TIME"
        return dct.isoformat(), "DATE"
    if kind == "ref":
        w = g[0].lower()
        if w in ("now", "currently", "at present", "these days", "nowadays"):
            return "PRESENT_REF", "DATE"
        if w in ("recently", "the past"):
            return "PAST_REF", "DATE"
        return "FUTURE_REF", "DATE"
    if kind in _NEWS_KINDS:
        return _news_value(kind, m, dct, fut)
    if kind == "year":
        return g[1], "DATE"
    if kind == "decade":
        return g[0], "DATE"
    if kind == "ago":
        return _ago(g[0], g[1], dct)
    if kind == "duration":
        return _duration(g[1], g[2]), DURATION
    if kind == "span_duration":
        return _duration(g[0], g[1]), DURATION
    if kind == "a_duration":
        return _duration("1", g[1]), DURATION
    return None


_ORDINALS = EN.pairs("ordinal_numbers")
_YEAR_PARTS = EN.pairs("year_parts")
_CLOCK_WORDS = EN.pairs("clock_words")
_SHIFTS = EN.pairs("relative_shifts")
_WEEK_PARTS = EN.pairs("week_parts")
_NEWS_KINDS = ("year_parts", "clock_words", "week_parts", "night_words", "season_names")


def _news_value(kind: str, m: re.Match[str], dct: date, fut: bool) -> tuple[str, str] | None:
    """The value of the expressions news reports add to the basic ones (lexicon `TIMEX_*`):
    quarters and halves of a year, clock times, weekends, last night, a season of a year."""
    g = m.groups()
    if kind == "year_parts":
        n, letter = int(_ORDINALS[g[0].lower()]), _YEAR_PARTS[g[1].lower()]
        if letter == "H" and n > 2:
            return None
        year = int(g[2]) if g[2] else dct.year
        now = (dct.month - 1) // 3 + 1 if letter == "Q" else (dct.month - 1) // 6 + 1
        if not g[2] and n > now and not fut:
            year -= 1  # "the fourth quarter" told in January: last year's
        return f"{year:04d}-{letter}{n}", "DATE"
    if kind == "clock_words":
        if len(g) == 1:
            return f"{dct.isoformat()}T{_CLOCK_WORDS[g[0].lower()]}", "TIME"
        hour = int(g[0]) % 12 + (12 if g[2].lower() == "p" else 0)
        minutes = f":{g[1]}" if g[1] else ""  # "8 PM" is T20, as TempEval-3 writes it
        return f"{dct.isoformat()}T{hour:02d}{minutes}", "TIME"
    if kind == "week_parts":
        d = dct + timedelta(weeks=int(_SHIFTS[g[0].lower()]))
        iso = d.isocalendar()
        return f"{iso[0]:04d}-W{iso[1]:02d}-{_WEEK_PARTS[g[1].lower()]}", "DATE"
    if kind == "night_words":
        return f"{(dct - timedelta(days=1)).isoformat()}TNI", "TIME"
    return f"{int(g[1]):04d}-{_SEASON[g[0].lower()]}", "DATE"


def find_times(
    text: str, dct: date | None, start: int = 0, end: int | None = None
) -> list[TimeExpr]:
    """Every time expression in `text[start:end]`, longest first where they overlap."""
    end = len(text) if end is None else end
    anchor = dct or date(1970, 1, 1)
    candidates: list[tuple[int, int, int, str, re.Match[str]]] = []
    region = text[start:end]
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(region):
            s, e = m.start() + start, m.end() + start
            lead = len(m.group(0)) - len(m.group(0).lstrip())
            candidates.append((s + lead, e, _PRIORITY[kind], kind, m))
    candidates.sort(key=lambda c: (c[0], -(c[1] - c[0]), c[2]))
    taken: list[tuple[int, int]] = []
    out: list[TimeExpr] = []
    for s, e, _, kind, m in candidates:
        if any(s < te and ts < e for ts, te in taken):
            continue
        sentence_start = max(text.rfind(".", 0, s), text.rfind("\n", 0, s)) + 1
        sentence_end_candidates = [i for i in (text.find(".", e), text.find("\n", e)) if i != -1]
        sentence_end = min(sentence_end_candidates) if sentence_end_candidates else len(text)
        # the tense that sets a bare month's direction is its own clause's: "2,000 were
        # arrested after the July vote, and X said prisons would hold them" is a past July
        clause_start = max(sentence_start, text.rfind(",", 0, s) + 1, text.rfind(";", 0, s) + 1)
        stops = [i for i in (text.find(",", e), text.find(";", e)) if i != -1]
        clause_end = min([sentence_end, *stops])
        context = text[clause_start:clause_end]
        if lx.TIMEX_TOLD_BEFORE.search(text, max(0, s - 20), s):
            context = ""  # "said on Monday it would ...": the day of the telling, past
        if dct is None and kind not in (
            "iso",
            "mdy",
            "dmy",
            "my",
            "year",
            "decade",
            "duration",
            "a_duration",
        ):
            continue
        if kind == "month" and m.group(2).lower() == "may" and _MAY_VERB.match(text, e):
            continue
        if kind not in ("mdy", "dmy", "my", "md", "dm") and re.search(r"\bmay\b", text[s:e]):
            continue  # "this may take years": a lowercase "may" is the verb, not the month
        got = _value(kind, m, anchor, context)
        if got is None:
            continue
        value, typ = got
        out.append(TimeExpr(s, e, text[s:e], value, typ))
        taken.append((s, e))
    out.sort(key=lambda t: t.start)
    return out
