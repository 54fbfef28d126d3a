"""Custody details a sentence carries, as Viasna cards record them.

A sentence is a length in whole months (`5y`, `2y6m`, `18m`); its term ends that many months
after it started. Which start the ledger counts from is the date of the sentencing event: when
that date is uncertain (a month, a year), the latest day it may name is taken, so the term end
computed is the latest it can be, never an early release the record does not show.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from prisonwatch.core.dates import FuzzyDate
from prisonwatch.core.records import Event

SENTENCE_MONTHS_MAX = 12 * 100
"""Longer than a century is a typing error (a life sentence is written in the note)."""

ARTICLE_MAX = 80
"""Characters in one article reference (`361-1 ч.3`)."""

_SENTENCE = re.compile(r"^\s*(?:(\d{1,3})\s*y)?\s*(?:(\d{1,4})\s*m)?\s*$", re.IGNORECASE)
_ARTICLE = re.compile(r"^\d[\w.\-]*(?:\s+\S+)*$")


class CustodyError(ValueError):
    """A custody detail cannot be read; the message says why."""


def parse_sentence(text: str) -> int:
    """The length of a sentence in months: `5y` → 60, `2y6m` → 30, `18m` → 18."""
    m = _SENTENCE.match(text)
    if m is None or (m.group(1) is None and m.group(2) is None):
        raise CustodyError(
            f"not a sentence length: {text!r} (expected years and months like 5y, 2y6m, 18m)"
        )
    months = int(m.group(1) or 0) * 12 + int(m.group(2) or 0)
    if months <= 0:
        raise CustodyError(f"a sentence must be longer than nothing, got {text!r}")
    if months > SENTENCE_MONTHS_MAX:
        raise CustodyError(f"a sentence of more than 100 years is not a length: {text!r}")
    return months


def format_sentence(months: int) -> str:
    """The short form of a length in months: 30 → `2y6m`, 60 → `5y`, 18 → `1y6m`."""
    years, rest = divmod(months, 12)
    return (f"{years}y" if years else "") + (f"{rest}m" if rest or not years else "")


def check_article(text: str) -> str:
    """One criminal-code article reference (`342-1`, `361-1 ч.3`), or why it is not one."""
    t = " ".join(text.split())
    if not t:
        raise CustodyError("an empty article")
    if len(t) > ARTICLE_MAX:
        raise CustodyError(f"an article reference longer than {ARTICLE_MAX} characters")
    if not _ARTICLE.match(t):
        raise CustodyError(
            f"not an article reference: {t!r} (expected it to start with the article number,"
            " like 342-1 or 361-1 ч.3)"
        )
    return t


def article_number(article: str) -> str:
    """The article a reference names, without its part: `361-1 ч.3` → `361-1`."""
    return article.split()[0]


def add_months(start: date, months: int) -> date:
    """`start` plus whole months, on the same day of the month or the month's last day."""
    total = start.month - 1 + months
    year, month = start.year + total // 12, total % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def term_end(start: FuzzyDate, months: int) -> date:
    """When a sentence of `months` begun on `start` ends, at the latest."""
    return add_months(start.latest, months)


def ends_within(term_ends: date | None, today: date, days: int) -> bool:
    """Whether a term ends from `today` up to `days` days later."""
    return term_ends is not None and 0 <= (term_ends - today).days <= days


@dataclass(frozen=True, slots=True)
class Sentenced:
    """One person's custody details as the record in force states them: the articles of every
    sentence, and the latest known term end (a later sentence or correction replaces an earlier
    end)."""

    person_id: str
    articles: frozenset[str]
    term_ends: date | None
    held: bool


def sentenced(person_id: str, events: Sequence[Event], held: bool) -> Sentenced:
    """What `events` (one person's, in force, in date order) say of their sentences."""
    articles = frozenset(article_number(a) for e in events for a in e.articles)
    ends = [e.term_ends for e in events if e.term_ends is not None]
    return Sentenced(person_id, articles, ends[-1] if ends else None, held)


def custody_figures(
    people: Iterable[Sentenced],
    today: date,
    within_days: int,
    article: str | None,
    withheld: Iterable[Sentenced] = (),
) -> dict[str, object]:
    """Counts, never names: of `people`, those held today whose term ends within `within_days`
    (by month), and those sentenced under each article (all, and those held today); of
    `withheld` (persons whose custody details a reader may not see split), only how many there
    are and how many are held today, in one undivided row, never by article or term end."""
    people = list(people)
    ending = sorted(
        p.term_ends
        for p in people
        if p.held and p.term_ends is not None and ends_within(p.term_ends, today, within_days)
    )
    by_month: dict[str, int] = {}
    for d in ending:
        by_month[d.strftime("%Y-%m")] = by_month.get(d.strftime("%Y-%m"), 0) + 1
    per_article: dict[str, list[Sentenced]] = {}
    for p in people:
        for a in p.articles:
            per_article.setdefault(a, []).append(p)
    rows = [
        {"article": a, "persons": len(ps), "held": sum(p.held for p in ps)}
        for a, ps in sorted(per_article.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    ]
    hidden = list(withheld)
    out: dict[str, object] = {
        "on": today.isoformat(),
        "within_days": within_days,
        "terms_ending": {"persons": len(ending), "by_month": by_month},
        "articles": rows,
        "withheld": {"persons": len(hidden), "held": sum(p.held for p in hidden)},
    }
    if article is not None:
        wanted = article_number(check_article(article))
        ps = per_article.get(wanted, [])
        out["article"] = {"article": wanted, "persons": len(ps), "held": sum(p.held for p in ps)}
    return out
