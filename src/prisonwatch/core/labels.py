"""Words for codes: what a page shows instead of `returned_to_custody` or `2020/2026-11`."""

from __future__ import annotations

import calendar
from typing import Any

from prisonwatch.core.dates import DateError, format_fuzzy, parse_fuzzy

METRICS = {
    "held": "political prisoners held",
    "designated": "newly recognised political prisoners",
    "released": "released",
    "detained": "detained",
    "returned_to_custody": "back in custody",
}
EVENTS = {
    "detained": "detained",
    "charged": "charged",
    "designated": "recognised as political prisoners",
    "sentenced": "sentenced",
    "transferred": "transferred",
    "released": "released",
    "deported": "deported",
    "returned_to_custody": "back in custody",
    "died_in_custody": "died in custody",
    "recognised_after_release": "recognised after release",
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


def number(value: Any) -> str:
    return f"{value:,}" if isinstance(value, int) else str(value)
