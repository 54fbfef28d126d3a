"""Sentences as character spans: lines first, then sentence ends within a line."""

from __future__ import annotations

import re

_END = re.compile(r"(?<=[.!?…])[\"“”’')]*\s+(?=[\"“‘(]?[A-Z0-9])")
_ABBREV = re.compile(
    r"(?:\b(?:U\.S|U\.K|U\.N|E\.U|Mr|Mrs|Ms|Dr|St|Gen|Col|Sen|Rep|Gov|Prof|No|Art|Jan|Feb|Mar|Apr|"
    r"Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Jr|Sr|vs|etc|approx|[A-Z])\.)[\"”’')]*$"
)


_TERMINAL = re.compile(r"[.!?:;\"”’)\]]\s*$")


def _paragraphs(text: str, keep: int) -> list[tuple[int, int]]:
    """Lines, with hard-wrapped lines of one paragraph joined (the first `keep` lines never)."""
    lines: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    out: list[tuple[int, int]] = []
    for i, (s, e) in enumerate(lines):
        line = text[s:e]
        previous = text[lines[i - 1][0] : lines[i - 1][1]] if i else ""
        if (
            out
            and i > keep + 1
            and line.strip()
            and not line.lstrip().startswith(("•", "-", "*", "–"))
            and len(previous.strip()) >= 25
            and not _TERMINAL.search(previous)
        ):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def sentences(text: str, keep_lines: int = 2) -> list[tuple[int, int]]:
    """`(start, end)` of each sentence, stripped of surrounding space. Lines are sentences of
    their own unless a paragraph was hard-wrapped; the first `keep_lines` (header, title) always
    are."""
    out: list[tuple[int, int]] = []
    for start, end in _paragraphs(text, keep_lines - 1):
        line = text[start:end]
        cut = start
        for m in _END.finditer(line):
            end = start + m.start()
            if _ABBREV.search(text, cut, end):
                continue
            out.append((cut, end))
            cut = start + m.end()
        out.append((cut, start + len(line)))
    result = []
    for s, e in out:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            result.append((s, e))
    return result
