"""Custody figures: terms ending soon, and persons sentenced under an article.

Counts only, never names or places. Analysts (`figures`) count every person by article and by
term end. The public (`public_figures`) gets figures built from what the public may see:

- the per-article rows, the asked-for article and the terms ending (their count and months)
  count public persons only. A protected person (`withhold_name` or `counts_only`) is counted
  in one undivided row, `withheld` (how many, how many held on the day), never split by
  article, term end, sentence or court: split, their counts would move on the days a
  pseudonym's exported release and return show (tying it to an article the export leaves
  out), and would give a counts_only person's custody dates by article and, since the day
  asked about is free, the day their term ends. An article only protected persons are
  sentenced under is answered exactly as one nobody is sentenced under.
- a `counts_only` person in the `withheld` row is held or not on the day asked about as their
  dates at month precision say (`core.month_precision`), as in every public figure.
- an article's number is free text after its first digit, so one that names a protected person
  ("342-<surname>") is left out of the public list, and asking for it answers as for an
  article nobody was sentenced under.

Analysts' figures carry the same `withheld` row, with nothing in it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from prisonwatch.core.custody import Sentenced, custody_figures, sentenced
from prisonwatch.core.month_precision import intervals_to_month
from prisonwatch.core.records import Event
from prisonwatch.core.timeline import custody_status, fold_custody, sort_key
from prisonwatch.services import joined_events, known
from prisonwatch.services.public import Projection
from prisonwatch.storage.port import LedgerStore

TERMS_WINDOW_DAYS = 365
""""The next 12 months"."""


def _sentenced(
    store: LedgerStore,
    today: date,
    known_on: date | None,
    month_precise: frozenset[str] = frozenset(),
    live_day: date | None = None,
) -> list[Sentenced]:
    """Every person with custody details in the record in force (as known on `known_on`);
    whether held on `today` judged at month precision (`core.month_precision`) for the
    persons in `month_precise`, whose records are read as known at the end of the month
    before `known_on`'s (with no `known_on`, before `live_day`'s: `services.known`)."""
    by_person: dict[str, list[Event]] = {}
    raw = known.events(store, known_on, month_precise, live_day)
    # the merges as the same reading has them (`known.roots`), not as they stand on the day
    roots = known.roots(store, known_on, month_precise, live_day) if month_precise else None
    for e in joined_events.in_force(store, known_on, roots=roots, raw=raw):
        by_person.setdefault(e.person_id, []).append(e)
    people = []
    for pid, evs in by_person.items():
        evs.sort(key=sort_key)
        if not any(e.articles or e.term_ends for e in evs):
            continue
        intervals, _ = fold_custody(evs)
        if pid in month_precise:
            intervals = intervals_to_month(intervals)
        people.append(sentenced(pid, evs, custody_status(intervals, today) == "held"))
    return people


def figures(
    store: LedgerStore,
    today: date,
    article: str | None = None,
    within_days: int = TERMS_WINDOW_DAYS,
    known_on: date | None = None,
    shown: Callable[[str], bool] | None = None,
    month_precise: frozenset[str] = frozenset(),
    live_day: date | None = None,
) -> dict[str, Any]:
    """Terms ending within `within_days` of `today` and persons per article (or one article),
    from the record in force (as known on `known_on`). `shown` says of a person id whether
    their custody details may be counted apart (by article, by term end); the others are only
    counted in the undivided `withheld` row. None: everyone's may (analysts). Whether a person
    in `month_precise` is held on `today` is judged with their dates at month precision; with
    no `known_on` and a `live_day` (the server's day), their records are read as known at the
    end of the month before its (`services.known`). Raises `CustodyError` for a bad article."""
    people = _sentenced(store, today, known_on, month_precise, live_day)
    if shown is None:
        return custody_figures(people, today, within_days, article)
    return custody_figures(
        [p for p in people if shown(p.person_id)],
        today,
        within_days,
        article,
        withheld=[p for p in people if not shown(p.person_id)],
    )


def public_figures(
    store: LedgerStore,
    proj: Projection,
    today: date,
    article: str | None = None,
    within_days: int = TERMS_WINDOW_DAYS,
    known_on: date | None = None,
    live_day: date | None = None,
) -> dict[str, Any]:
    """`figures` as the public may see them: split by article and term end over public persons
    only (`proj.exported`), every protected person in the `withheld` row, a `counts_only`
    person held or not on `today` as their month says (`core.month_precision`: the row must
    not move on the day they were jailed or freed; live, on `live_day`, their records as known
    at the end of the month before its, so that it does not move on the day a record of theirs
    is entered either); then screened (`screened`) for article
    numbers naming a protected person."""
    data = figures(
        store,
        today,
        article,
        within_days,
        known_on,
        shown=proj.exported.__contains__,
        month_precise=proj.month_precise,
        live_day=live_day,
    )
    return screened(data, proj.text)


def screened(data: dict[str, Any], text: Callable[[str | None], str | None]) -> dict[str, Any]:
    """Figures with rows only for article numbers that pass `text` (the public projection's
    check of a stored text), and the asked-for article, when its number does not pass,
    answered as one nobody was sentenced under (the answer an unknown article gets), so that
    no answer differs between a protected name and an unknown one."""
    out = dict(data)
    out["articles"] = [r for r in data["articles"] if text(r["article"])]
    asked = data.get("article")
    if asked is not None and not text(asked["article"]):
        out["article"] = {"article": asked["article"], "persons": 0, "held": 0}
    return out
