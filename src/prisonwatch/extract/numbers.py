"""Counts of people as articles write them: "52", "1,400", "fifty-two", "one", "Seventeen".

The number words are the language's (`lang/en/words/number_*.txt`)."""

from __future__ import annotations

import re

from prisonwatch.extract.lang.en import EN

_UNITS = EN.values("number_units")
_TENS = EN.values("number_tens")
_SCALES = EN.values("number_scales")
_JOINERS = EN.words("number_joiners")
#: The scale that closes a group of three digits ("two thousand, five hundred").
_GROUP = max(_SCALES.values())

_WORD = "|".join(sorted([*_UNITS, *_TENS], key=len, reverse=True))
_SCALE = EN.alternation("number_scales")
_JOIN = EN.alternation("number_joiners")
_LARGE = EN.values("number_large_scales")
_LARGE_SCALE = EN.alternation("number_large_scales")
#: A number written in digits or words, as one match.
NUMBER = re.compile(
    rf"(?<![\w.,])(?:(?:\d+(?:\.\d+)?|(?:{_WORD})|an?)\s+(?:{_LARGE_SCALE})"
    rf"|\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?"
    rf"|(?:(?:{_WORD})(?:[- ](?:{_WORD}))?(?:\s+{_SCALE}(?:\s+(?:{_JOIN}\s+)?(?:{_WORD})"
    rf"(?:[- ](?:{_WORD}))?)?)?))"
    rf"(?![\w])",
    re.IGNORECASE,
)


def parse_number(text: str) -> int | None:
    """The integer a number text stands for, or None (decimals and unknown words)."""
    t = text.strip().lower().replace(",", "")
    if t.isdigit():
        return int(t)
    *head, last = t.split() or [""]
    if head and last in _LARGE:  # "1.2 million", "one million", "a million"
        lead = " ".join(head)
        if re.fullmatch(r"\d+(?:\.\d+)?", lead):
            return int(float(lead) * _LARGE[last])
        n = 1 if len(lead) == 1 and lead.isalpha() else parse_number(lead)
        return n * _LARGE[last] if n else None
    if re.fullmatch(r"\d+\.\d+", t):
        return None
    total, current = 0, 0
    for word in re.split(r"[\s-]+", t):
        if word in _JOINERS:
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word in _SCALES:
            current = max(current, 1) * _SCALES[word]
            if _SCALES[word] == _GROUP:
                total, current = total + current, 0
        else:
            return None
    return total + current
