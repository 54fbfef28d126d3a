"""Reading one field of one record, with a reason when it cannot be read.

Each reader takes the raw value (text from CSV, any JSON value) and returns the typed value or
raises `FieldError`; the caller turns that into a `Problem` naming file, line and field.

The limits are those both databases can hold, checked here so that a value is refused with its
file and line before anything is written, never by the database half way through a write:
ids fit the `String(80)` id columns, numbers fit PostgreSQL's 32-bit `INTEGER`, names stay far
below the size of a PostgreSQL index entry (names are indexed), and no text holds a NUL or other
control character (PostgreSQL refuses NUL; the others are invisible and make one name look like
another).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import TypeVar

from prisonwatch.core.custody import ARTICLE_MAX, CustodyError, check_article, parse_sentence
from prisonwatch.core.dates import DateError, FuzzyDate, parse_fuzzy

E = TypeVar("E", bound=StrEnum)

ID_MAX = 80
"""Characters in an id: the id columns are `String(80)`."""
NAME_MAX = 300
"""Characters in a name or alias: names are indexed, and an index entry must stay small."""
SHORT_MAX = 2_000
"""Characters in any other one-line text: a title, a place, an organisation."""
NOTE_MAX = 20_000
"""Characters in a note, which may hold line breaks."""
TEXT_MAX = 1_000_000
"""Characters in a source's text (the extractor reads no more than this either)."""
INT_MAX = 2_147_483_647
"""The largest whole number a PostgreSQL `INTEGER` column holds."""
YEAR_MIN, YEAR_MAX = 1800, 2200
"""The years a date may name: outside them it is a typing error, not a fact of this ledger."""

# Control characters (C0, DEL, C1) and lone surrogates, which cannot be stored as UTF-8.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_CONTROL_IN_LINES = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


class FieldError(ValueError):
    """The value of one field cannot be read; the message says why."""


def shown(value: str, limit: int = 40) -> str:
    """A value quoted for a message: short, on one line, with control characters escaped."""
    cut = value if len(value) <= limit else value[:limit] + "…"
    return repr(cut)


def _checked(value: str, limit: int, lines: bool) -> str:
    if len(value) > limit:
        raise FieldError(f"too long: {len(value)} characters (at most {limit})")
    bad = (_CONTROL_IN_LINES if lines else _CONTROL).search(value)
    if bad is not None:
        char = bad.group()
        what = "a line break" if char in "\r\n" else f"control character U+{ord(char):04X}"
        raise FieldError(f"{what} at character {bad.start() + 1} (not allowed here)")
    return value


def text(value: object, limit: int = SHORT_MAX, lines: bool = False) -> str | None:
    """Text with surrounding space removed; empty means absent.

    One line unless `lines`; never longer than `limit`; never a control character.
    """
    if value is None:
        return None
    if isinstance(value, bool | int | float):
        value = str(value)
    if not isinstance(value, str):
        raise FieldError(f"expected text, got {_type_name(value)}")
    value = value.strip()
    return _checked(value, limit, lines) or None


def note(value: object) -> str | None:
    """Free text that may span lines."""
    return text(value, NOTE_MAX, lines=True)


def name(value: object) -> str | None:
    """A name: one line that holds something visible (a letter, digit, punctuation or
    symbol): a name of zero-width spaces or bare accents would be a person nobody can see,
    search or tell apart."""
    t = text(value, NAME_MAX)
    if t is not None and not any(unicodedata.category(c)[0] in "LNPS" for c in t):
        raise FieldError(f"holds nothing visible: {shown(t)}")
    return t


def ident(value: object) -> str | None:
    """An id: one line, no longer than the id columns hold."""
    return text(value, ID_MAX)


_NOT_IN_ID = re.compile(r"[\s/?#%\\]")


def record_id(value: object) -> str | None:
    """A record's own id as someone typed it: an id that also names the record in an address
    (`/persons/ID`), so no space, '/', '?', '#', '%' or backslash, and not '.' or '..' alone,
    which browsers and proxies fold into the address above (a record with one could never be
    shown, edited or traced)."""
    t = ident(value)
    if t is not None and (bad := _NOT_IN_ID.search(t)) is not None:
        raise FieldError(f"{bad.group()!r} at character {bad.start() + 1} (not allowed in an id)")
    if t in (".", ".."):
        raise FieldError(f"{t!r} (an address segment of its own, not allowed as an id)")
    return t


def required_record_id(value: object) -> str:
    t = record_id(value)
    if t is None:
        raise FieldError("missing")
    return t


def language(value: object) -> str | None:
    """A language tag (`be`, `ru`, `en`, `sr-Latn`): the column holds 16 characters."""
    return text(value, 16)


def required(value: object) -> str:
    t = ident(value)
    if t is None:
        raise FieldError("missing")
    return t


def required_name(value: object) -> str:
    t = name(value)
    if t is None:
        raise FieldError("missing")
    return t


def integer(value: object, minimum: int | None = 0, maximum: int = INT_MAX) -> int | None:
    if isinstance(value, bool):
        raise FieldError("expected a whole number")
    if isinstance(value, int):
        n = value
    else:
        t = text(value, limit=40)
        if t is None:
            return None
        try:
            n = int(t.replace(",", "").replace("_", ""))
        except ValueError:
            raise FieldError(f"not a whole number: {shown(t)}") from None
    if minimum is not None and n < minimum:
        raise FieldError(f"must be at least {minimum}, got {n}")
    if n > maximum:
        raise FieldError(f"must be at most {maximum}, got {shown(str(n), 20)}")
    return n


def fuzzy(value: object) -> FuzzyDate | None:
    t = text(value, limit=40)
    if t is None:
        return None
    try:
        parsed = parse_fuzzy(t)
    except DateError as exc:
        raise FieldError(str(exc)) from None
    if parsed.earliest.year < YEAR_MIN or parsed.latest.year > YEAR_MAX:
        raise FieldError(f"year out of range {YEAR_MIN}-{YEAR_MAX}: {shown(t)}")
    return parsed


def day(value: object) -> date | None:
    fd = fuzzy(value)
    if fd is None:
        return None
    if not fd.exact:
        raise FieldError(f"expected a day YYYY-MM-DD, got {shown(str(text(value)))}")
    return fd.earliest


def timestamp(value: object) -> datetime | None:
    """A recording time: a day (taken as its start) or an ISO 8601 date-time."""
    t = text(value, limit=40)
    if t is None:
        return None
    try:
        parsed = datetime.fromisoformat(t)
    except ValueError:
        raise FieldError(f"not a date or date-time: {shown(t)}") from None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(UTC).replace(tzinfo=None)
    if not YEAR_MIN <= parsed.year <= YEAR_MAX:
        raise FieldError(f"year out of range {YEAR_MIN}-{YEAR_MAX}: {shown(t)}")
    return parsed


def choice(value: object, enum: type[E]) -> E | None:
    t = text(value)
    if t is None:
        return None
    try:
        return enum(t.lower())
    except ValueError:
        allowed = ", ".join(m.value for m in enum)
        raise FieldError(f"unknown value {shown(t)} (expected one of: {allowed})") from None


def listing(value: object, limit: int = SHORT_MAX) -> tuple[str, ...]:
    """Several values: a JSON list of texts, or text separated by `|`."""
    if value is None:
        return ()
    if isinstance(value, list):
        return tuple(x for x in (text(v, limit) for v in value) if x)
    t = text(value, limit=limit * 20)
    if t is None:
        return ()
    return tuple(_checked(p.strip(), limit, False) for p in t.split("|") if p.strip())


def sentence(value: object) -> int | None:
    """A sentence length in months, written `5y`, `2y6m` or `18m`."""
    t = text(value, limit=40)
    if t is None:
        return None
    try:
        return parse_sentence(t)
    except CustodyError as exc:
        raise FieldError(str(exc)) from None


def articles(value: object) -> tuple[str, ...]:
    """Criminal-code articles (`342-1|361-1 ч.3`), each starting with its number."""
    try:
        return tuple(dict.fromkeys(check_article(a) for a in listing(value, ARTICLE_MAX)))
    except CustodyError as exc:
        raise FieldError(str(exc)) from None


def names(value: object) -> tuple[str, ...]:
    """Other spellings of a name, `|`-separated (or a JSON list). A ';' in one is refused: no
    name holds one, and it is the separator the edit commands and forms take, so it means
    spellings run together ("Марыя Калеснікава;Мария Колесникова") that would be stored as
    one alias nobody could find."""
    found = listing(value, NAME_MAX)
    for item in found:
        if ";" in item:
            raise FieldError(f"';' in {shown(item)}: separate spellings with '|' in a record file")
    return found


def boolean(value: object) -> bool:
    if isinstance(value, bool):
        return value
    t = (text(value, limit=10) or "").lower()
    if t in ("", "0", "false", "no"):
        return False
    if t in ("1", "true", "yes"):
        return True
    raise FieldError(f"expected true or false, got {shown(t)}")


def _type_name(value: object) -> str:
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    return type(value).__name__
