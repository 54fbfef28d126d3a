"""Counts of people as articles write them: "52", "1,400", "fifty-two", "one", "Seventeen"."""

from __future__ import annotations

import re

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1000}

_WORD = "|".join(sorted([*_UNITS, *_TENS], key=len, reverse=True))
#: A number written in digits or words, as one match.
NUMBER = re.compile(
    rf"(?<![\w.,])(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?"
    rf"|(?:(?:{_WORD})(?:[- ](?:{_WORD}))?(?:\s+(?:hundred|thousand)(?:\s+(?:and\s+)?(?:{_WORD})(?:[- ](?:{_WORD}))?)?)?))"
    rf"(?![\w])",
    re.IGNORECASE,
)


def parse_number(text: str) -> int | None:
    """The integer a number text stands for, or None (decimals and unknown words)."""
    t = text.strip().lower().replace(",", "")
    if t.isdigit():
        return int(t)
    if re.fullmatch(r"\d+\.\d+", t):
        return None
    total, current = 0, 0
    for word in re.split(r"[\s-]+", t):
        if word == "and":
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word in _SCALES:
            current = max(current, 1) * _SCALES[word]
            if word == "thousand":
                total, current = total + current, 0
        else:
            return None
    return total + current
