"""Words for codes: what a page shows instead of `returned_to_custody` or `2020/2026-11`."""

from __future__ import annotations

import calendar
from typing import Any

from prisonwatch.core.dates import DateError, format_fuzzy, parse_fuzzy


def N_(message: str) -> str:  # noqa: N802 (the gettext convention)
    """Mark a message for the translation catalogues; it is translated where it is shown."""
    return message


METRICS = {
    "held": N_("political prisoners held"),
    "designated": N_("newly recognised political prisoners"),
    "released": N_("released"),
    "detained": N_("detained"),
    "returned_to_custody": N_("back in custody"),
}
EVENTS = {
    "detained": N_("detained"),
    "charged": N_("charged"),
    "designated": N_("recognised as political prisoners"),
    "sentenced": N_("sentenced"),
    "transferred": N_("transferred"),
    "released": N_("released"),
    "deported": N_("deported"),
    "returned_to_custody": N_("back in custody"),
    "died_in_custody": N_("died in custody"),
    "recognised_after_release": N_("recognised after release"),
}


def metric(code: str) -> str:
    return METRICS.get(code, code.replace("_", " "))


def event(code: str) -> str:
    return EVENTS.get(code, code.replace("_", " "))


def _part(text: str) -> str:
    bits = text.split("-")
    if len(bits) == 1:
        return bits[0]
    month = calendar.month_name[int(bits[1])]
    if len(bits) == 2:
        return f"{month} {bits[0]}"
    return f"{int(bits[2])} {month} {bits[0]}"


def period(text: Any) -> str:
    """`2025-09` → "September 2025"; `2020/2026-11` → "2020 to November 2026"."""
    raw = str(text)
    try:
        parsed = parse_fuzzy(raw)
    except DateError:
        return raw
    raw = format_fuzzy(parsed)
    if "/" in raw:
        a, b = raw.split("/", 1)
        return f"{_part(a)} to {_part(b)}"
    return _part(raw)


#: A published figure with its qualifier, `%(n)s` the number.
QUALIFIERS = {
    "exact": N_("%(n)s"),
    "about": N_("about %(n)s"),
    "at_least": N_("at least %(n)s"),
    "more_than": N_("more than %(n)s"),
    "up_to": N_("up to %(n)s"),
    "fewer_than": N_("fewer than %(n)s"),
}


def number(value: Any) -> str:
    return f"{value:,}" if isinstance(value, int) else str(value)
