"""Reading one field of one record, with a reason when it cannot be read.

Each reader takes the raw value (text from CSV, any JSON value) and returns the typed value or
raises `FieldError`; the caller turns that into a `Problem` naming file, line and field.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import TypeVar

from prisonwatch.core.dates import DateError, FuzzyDate, parse_fuzzy

E = TypeVar("E", bound=StrEnum)


class FieldError(ValueError):
    """The value of one field cannot be read; the message says why."""


def text(value: object) -> str | None:
    """Text with surrounding space removed; empty means absent."""
    if value is None:
        return None
    if isinstance(value, bool | int | float):
        value = str(value)
    if not isinstance(value, str):
        raise FieldError(f"expected text, got {type(value).__name__}")
    value = value.strip()
    return value or None


def required(value: object) -> str:
    t = text(value)
    if t is None:
        raise FieldError("missing")
    return t


def integer(value: object, minimum: int | None = 0) -> int | None:
    if isinstance(value, bool):
        raise FieldError("expected a whole number")
    if isinstance(value, int):
        n = value
    else:
        t = text(value)
        if t is None:
            return None
        try:
            n = int(t.replace(",", "").replace("_", ""))
        except ValueError:
            raise FieldError(f"not a whole number: {t!r}") from None
    if minimum is not None and n < minimum:
        raise FieldError(f"must be at least {minimum}, got {n}")
    return n


def fuzzy(value: object) -> FuzzyDate | None:
    t = text(value)
    if t is None:
        return None
    try:
        return parse_fuzzy(t)
    except DateError as exc:
        raise FieldError(str(exc)) from None


def day(value: object) -> date | None:
    fd = fuzzy(value)
    if fd is None:
        return None
    if not fd.exact:
        raise FieldError(f"expected a day YYYY-MM-DD, got {text(value)!r}")
    return fd.earliest


def timestamp(value: object) -> datetime | None:
    """A recording time: a day (taken as its start) or an ISO 8601 date-time."""
    t = text(value)
    if t is None:
        return None
    try:
        parsed = datetime.fromisoformat(t)
    except ValueError:
        raise FieldError(f"not a date or date-time: {t!r}") from None
    if parsed.tzinfo is not None:
        from datetime import UTC

        parsed = parsed.astimezone(UTC).replace(tzinfo=None)
    return parsed


def choice(value: object, enum: type[E]) -> E | None:
    t = text(value)
    if t is None:
        return None
    try:
        return enum(t.lower())
    except ValueError:
        allowed = ", ".join(m.value for m in enum)
        raise FieldError(f"unknown value {t!r} (expected one of: {allowed})") from None


def listing(value: object) -> tuple[str, ...]:
    """Several values: a JSON list, or text separated by `|`."""
    if value is None:
        return ()
    if isinstance(value, list):
        return tuple(x for x in (text(v) for v in value) if x)
    t = text(value)
    if t is None:
        return ()
    return tuple(p.strip() for p in t.split("|") if p.strip())


def boolean(value: object) -> bool:
    if isinstance(value, bool):
        return value
    t = (text(value) or "").lower()
    if t in ("", "0", "false", "no"):
        return False
    if t in ("1", "true", "yes"):
        return True
    raise FieldError(f"expected true or false, got {t!r}")
