"""Demands for release: recording them (by hand, from a list file, from an accepted claim) and
telling, for any day and "as known on" any day, what is left of each.

One service for the CLI, the API and the web pages. What the public sees of a demand is built
from what the public may see: only names matched to public persons are shown by name; every
other name (protected, unsure, unknown to the registry) is counted, never listed, so the answer
is the same whether a name is protected or simply unknown.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from prisonwatch.core.bitemporal import cutoff
from prisonwatch.core.dates import FuzzyDate, add_months, month_start
from prisonwatch.core.demands import (
    Demand,
    DemandName,
    DemandStatus,
    NameState,
    Progress,
    progress,
)
from prisonwatch.core.records import Claim, Person, Source, content_id
from prisonwatch.core.timeline import Interval, fold_custody
from prisonwatch.core.vocabulary import DEATHS, Protection, Qualifier
from prisonwatch.names.matcher import auto_accept
from prisonwatch.services import joined_events, matching
from prisonwatch.services.public import levels_of
from prisonwatch.storage.demands import DemandStore
from prisonwatch.storage.port import Batch, BatchError, LedgerStore, StorageError
from prisonwatch.storage.sql import SqlStore

MAX_NAMES = 20_000
MAX_NAME_LENGTH = 300


class DemandError(ValueError):
    """A demand that cannot be recorded or found; nothing was written."""


def _clean(text: str | None, what: str, limit: int = 2000) -> str | None:
    if text is None:
        return None
    text = text.strip()
    if not text:
        return None
    if len(text) > limit:
        raise DemandError(f"{what}: longer than {limit} characters")
    if any(ord(ch) < 32 and ch not in "\t" for ch in text):
        raise DemandError(f"{what}: control characters are not allowed")
    return text


def read_names(path: str, text: str) -> list[tuple[str, str | None]]:
    """The names of a demand list file: CSV with a `name` column (and an optional `note`), or
    one name a line. Errors name the file and line."""
    lines = text.splitlines()
    if not lines:
        raise DemandError(f"{path}: the file is empty")
    header = [h.strip().lower() for h in next(csv.reader([lines[0]]))]
    out: list[tuple[str, str | None]] = []
    if "name" in header:
        reader = csv.DictReader(io.StringIO(text), strict=True)
        try:
            for i, row in enumerate(reader, start=2):
                if None in row:
                    raise DemandError(f"{path}:{i}: row: more fields than the header names")
                name = (row.get("name") or "").strip()
                if not name:
                    raise DemandError(f"{path}:{i}: name: empty")
                out.append((_checked_name(path, i, name), _clean(row.get("note"), "note")))
        except csv.Error as exc:
            raise DemandError(f"{path}:{reader.line_num}: row: {exc}") from None
    else:
        for i, line in enumerate(lines, start=1):
            if line.strip():
                out.append((_checked_name(path, i, line.strip()), None))
    if not out:
        raise DemandError(f"{path}: no names in the file")
    if len(out) > MAX_NAMES:
        raise DemandError(f"{path}: more than {MAX_NAMES} names")
    return out


def _checked_name(path: str, line: int, name: str) -> str:
    if len(name) > MAX_NAME_LENGTH:
        raise DemandError(f"{path}:{line}: name: longer than {MAX_NAME_LENGTH} characters")
    if any(ord(ch) < 32 for ch in name):
        raise DemandError(f"{path}:{line}: name: control characters are not allowed")
    return name


def source_for(store: LedgerStore, url: str, title: str | None, now: datetime) -> str:
    """The id of the source at `url`, recorded now if the ledger does not have it yet."""
    url = _clean(url, "source", 2000) or ""
    if not url.lower().startswith(("http://", "https://")):
        raise DemandError(
            f"source: expected an http(s) address, not {url!r}; a demand made in a letter or a "
            "meeting is recorded with a description of it instead (--source-text)"
        )
    sid = Source.make_id(None, url)
    return _recorded_source(
        store, Source(sid, url, _clean(title, "title", 500), None, None, None, now)
    )


def described_source(store: LedgerStore, description: str, now: datetime) -> str:
    """The id of a source with no address (a diplomat's list handed over in a meeting, a
    letter): recorded from what the user says it is, which is its text (its id is the hash
    of it, as an ingested article's). Nobody can check it online, so the demand says so."""
    text = _clean(description, "source text", 2000)
    if text is None:
        raise DemandError("source text: say what the source is (a letter, a meeting: who, when)")
    src = Source(Source.make_id(text, None), None, None, None, None, None, now, text)
    return _recorded_source(store, src)


def _recorded_source(store: LedgerStore, src: Source) -> str:
    sid = src.id
    if not store.sources([sid]):
        try:
            store.apply(Batch(sources=[src]), "demand", src.recorded_at)
        except BatchError as exc:
            raise DemandError(f"source: {exc.problems[0].reason}") from None
    return sid


def _matched(store: LedgerStore, names: Sequence[tuple[str, str | None]]) -> list[DemandName]:
    """Each name matched to the registry: sure matches linked, close ones left for a decision
    with their candidates, the rest unknown to the registry."""
    if not names:
        return []
    index, persons = matching.build_index(store)
    out = []
    for i, (name, note) in enumerate(names):
        found = index.match(name, 5, matching.decisions(store, name))
        chosen = auto_accept(found)
        candidates = tuple((c.person_id, c.name, round(c.score, 3)) for c in found)
        if chosen is not None:
            pid = matching.resolve(persons, chosen.person_id)
            out.append(DemandName(i, name, NameState.MATCHED, pid, candidates, note))
        elif found and found[0].score >= matching.UNSURE_FLOOR:
            out.append(DemandName(i, name, NameState.UNSURE, None, candidates, note))
        else:
            out.append(DemandName(i, name, NameState.UNMATCHED, None, (), note))
    return out


def record(
    store: SqlStore,
    *,
    by: str,
    made_on: FuzzyDate,
    actor: str,
    now: datetime,
    of: str | None = None,
    country: str | None = None,
    count: int | None = None,
    qualifier: Qualifier = Qualifier.EXACT,
    names: Sequence[tuple[str, str | None]] = (),
    source_ids: Sequence[str] = (),
    claim_id: str | None = None,
    note: str | None = None,
    salt: str | None = None,
) -> Demand:
    """Record a demand; its names are matched against the registry as it is now."""
    who = _clean(by, "by", 300)
    if who is None:
        raise DemandError("by: who made the demand is required")
    if count is not None and count < 1:
        raise DemandError(f"count: must be at least 1, not {count}")
    if count is None and not names:
        raise DemandError("a demand names persons or gives a count (or both)")
    if not source_ids:
        raise DemandError("source: a demand needs the source that reports it")
    if country is not None and (len(country) != 2 or not country.isalpha()):
        raise DemandError(f"country: expected a two-letter code, not {country!r}")
    if made_on.earliest > now.date():
        raise DemandError(f"on: {made_on} is in the future")
    demand = Demand(
        id=content_id(
            "dm",
            who,
            made_on,
            count,
            qualifier.value,
            [n for n, _ in names],
            sorted(source_ids),
            *((salt,) if salt else ()),
        ),
        by=who,
        made_on=made_on,
        recorded_at=now,
        recorded_by=actor,
        of=_clean(of, "of", 300),
        country=country.upper() if country else None,
        count=count,
        qualifier=qualifier,
        source_ids=tuple(source_ids),
        claim_id=claim_id,
        note=_clean(note, "note"),
        names=tuple(_matched(store, names)),
    )
    try:
        DemandStore(store).add(demand, actor, now)
    except StorageError as exc:
        raise DemandError(str(exc)) from None
    return demand


def from_claim(store: SqlStore, claim: Claim, actor: str, now: datetime) -> Demand | None:
    """The demand an accepted `demanded` claim reports (None for other claims, or when the
    claim says neither who demanded nor when)."""
    if claim.action != "demanded":
        return None
    by = claim.agent or claim.attributed_to
    when = claim.when
    if when is None:
        found = store.sources([claim.source_id])
        if found and found[0].published is not None:
            when = FuzzyDate.day(found[0].published)
    if by is None or when is None:
        return None
    existing = [d for d in DemandStore(store).demands() if d.claim_id == claim.id]
    live = [d for d in existing if d.voided_at is None]
    if live:
        return live[0]
    return record(
        store,
        by=by,
        made_on=when,
        actor=actor,
        now=now,
        country=claim.country,
        count=claim.count if claim.count > len(claim.persons) else None,
        qualifier=claim.qualifier,
        names=[(p, None) for p in claim.persons],
        source_ids=[claim.source_id],
        claim_id=claim.id,
        note=claim.evidence.text[:300],
        # accepted again after an undo withdrew it: a new demand beside the withdrawn one
        salt=str(len(existing)) if existing else None,
    )


def find(store: SqlStore, demand_id: str, known_on: date | None = None) -> Demand:
    found = DemandStore(store).demands([demand_id], cutoff(known_on) if known_on else None)
    if not found:
        raise DemandError(f"unknown demand {demand_id!r}")
    return found[0]


def every(store: SqlStore, known_on: date | None = None) -> list[Demand]:
    """Every demand as known on `known_on`, voided ones too (a withdrawn demand's page says
    that it was withdrawn)."""
    return DemandStore(store).demands(None, cutoff(known_on) if known_on else None)


def listed(store: SqlStore, known_on: date | None = None) -> list[Demand]:
    """The demands in force as known on `known_on` (voided ones left out)."""
    limit = cutoff(known_on) if known_on else None
    return [d for d in DemandStore(store).demands(None, limit) if d.voided_at is None]


def decide(
    store: SqlStore,
    demand_id: str,
    position: int,
    person_id: str | None,
    actor: str,
    now: datetime,
    why: str | None = None,
) -> None:
    """Say who a name on a demand list is (or that the registry does not have them); the
    decision is kept as a judgement too, so later matching of that spelling honours it."""
    demand = find(store, demand_id)
    named = {n.position: n for n in demand.names}
    if position not in named:
        raise DemandError(f"demand {demand_id} has no name at position {position}")
    if person_id is not None:
        if store.person(person_id) is None:
            raise DemandError(f"unknown person {person_id!r}")
        matching.judge(
            store, named[position].name, person_id, "same", actor, now, f"demand {demand_id}"
        )
    try:
        DemandStore(store).decide(demand_id, position, person_id, actor, now, _clean(why, "why"))
    except StorageError as exc:
        raise DemandError(str(exc)) from None


def void(store: SqlStore, demand_id: str, actor: str, now: datetime, why: str) -> None:
    reason = _clean(why, "why")
    if reason is None:
        raise DemandError("why: say why the demand is withdrawn")
    try:
        DemandStore(store).void(demand_id, actor, now, reason)
    except StorageError as exc:
        raise DemandError(str(exc)) from None


def _histories(
    store: LedgerStore, demand: Demand, known_on: date | None
) -> tuple[dict[str, list[Interval]], dict[str, list[FuzzyDate]], dict[str, Person]]:
    """Custody intervals and deaths of the persons a demand names, and who they are now."""
    persons = {p.id: p for p in store.persons()}
    wanted = sorted({matching.resolve(persons, n.person_id) for n in demand.names if n.person_id})
    events = joined_events.in_force(store, known_on, wanted) if wanted else []
    by_person: dict[str, list[Any]] = defaultdict(list)
    for e in events:
        by_person[e.person_id].append(e)
    custody = {pid: fold_custody(evs)[0] for pid, evs in by_person.items()}
    deaths = {pid: [e.date for e in evs if e.kind in DEATHS] for pid, evs in by_person.items()}
    return custody, deaths, persons


def _resolved(demand: Demand, persons: dict[str, Person]) -> Demand:
    names = tuple(
        n
        if n.person_id is None
        else DemandName(
            n.position,
            n.name,
            n.state,
            matching.resolve(persons, n.person_id),
            n.candidates,
            n.note,
        )
        for n in demand.names
    )
    return replace(demand, names=names)


def _months(start: date, end: date) -> list[date]:
    """Month ends from the demand's month to `end` (and `end` itself)."""
    out, m = [], month_start(start)
    while True:
        nxt = add_months(m, 1)
        last = date.fromordinal(nxt.toordinal() - 1)
        if last >= end:
            break
        out.append(last)
        m = nxt
    return [*out, end]


def progress_of(
    store: LedgerStore, demand: Demand, on: date, known_on: date | None = None
) -> tuple[Progress, list[tuple[date, dict[str, int]]], dict[str, Person]]:
    """What is left of a demand on `on`, and month by month since it was made."""
    custody, deaths, persons = _histories(store, demand, known_on)
    demand = _resolved(demand, persons)
    result = progress(demand, custody, deaths, on)
    series = []
    if demand.made_on.earliest <= on:
        for day in _months(demand.made_on.earliest, on):
            counts = progress(demand, custody, deaths, day).counts
            series.append((day, {s.value: counts.get(s, 0) for s in DemandStatus}))
    return result, series, persons


def _nothing(value: str | None) -> str | None:
    return None


def _public_names(store: LedgerStore, demand: Demand) -> Demand:
    """The demand with only the names matched to public persons: public as the public
    projection judges them (`public.level_of`, the strictest level of every record of the
    person), not by the record's own level. A protected record merged into a public one
    makes the joined person protected, names and all; by the root's own level, a demand
    named them."""
    persons = {p.id: p for p in store.persons()}
    matched = {n.person_id for n in demand.names if n.person_id}
    level = levels_of(persons, matched)
    kept = []
    for n in demand.names:
        pid = matching.resolve(persons, n.person_id) if n.person_id else None
        p = persons.get(pid or "")
        if (
            p is not None
            and n.person_id is not None
            and level[n.person_id] is Protection.PUBLIC
            and n.state is NameState.MATCHED
        ):
            kept.append(n)
    return replace(demand, names=tuple(kept))


def _freed_by_deal(
    freed: Mapping[str, int], deal: Callable[[str | None], str | None]
) -> dict[str, int]:
    """How many were freed in each deal (by the id the viewer knows it by), and outside any."""
    out: dict[str, int] = {}
    for k, v in sorted(freed.items()):
        key = (deal(k) or "a deal") if k else "no deal"
        out[key] = out.get(key, 0) + v
    return out


def as_dict(
    store: SqlStore,
    demand: Demand,
    on: date,
    known_on: date | None,
    public: bool,
    with_names: bool = True,
    public_sources: Collection[str] = (),
    text: Callable[[str | None], str | None] | None = None,
    deal_ids: Callable[[str, str], str] | None = None,
) -> dict[str, Any]:
    """A demand and what is left of it, as the viewer may see it.

    For the public, everything (each name, the counts by status, what was freed through which
    deal, the progress) is computed from the names matched to public persons only; every other
    name is only counted in `names_not_shown`, so a protected name and one unknown to the
    registry give the same answer. The public's `still_held` runs from the public persons surely
    held up to those possibly held plus every name not shown: a held protected person is within
    it, never left out, and an unknown name widens it the same way. Its sources are only those
    in `public_sources` (the public projection's), by id. Who made the demand and of whom are
    free texts the public sees only as `text` (the public projection's `Projection.text`) lets
    them; without it the public sees neither. Deals, persons and the demand itself are named by
    `deal_ids` (the public projection's `Projection.record_id`: a deal or person id naming a
    protected person is shown as its public id, and a demand's id, a hash of its list of names,
    always is); without it the public sees no deal's id, only what was freed outside any deal or
    in "a deal", and neither the demand's nor a person's id."""
    named = len(demand.names)

    def known_as(kind: str, record_id: str) -> str | None:
        if not public:
            return record_id
        return deal_ids(kind, record_id) if deal_ids is not None else None

    def deal(deal_id: str | None) -> str | None:
        if deal_id is None or not public:
            return deal_id
        return deal_ids("deal", deal_id) if deal_ids is not None else None

    if public:
        seen = text if text is not None else _nothing
        by, of = seen(demand.by), seen(demand.of)
        demand = _public_names(store, demand)
    else:
        by, of = demand.by, demand.of
    prog, series, persons = progress_of(store, demand, on, known_on)
    sources = {s.id: s for s in store.sources(list(demand.source_ids))}
    shown = []
    for o in prog.outcomes:
        person = persons.get(o.name.person_id or "")
        entry: dict[str, Any] = {
            "position": o.name.position,
            "status": o.status.value,
            "since": str(o.since) if o.since else None,
            "deal_id": deal(o.deal_id),
            "mechanism": o.mechanism,
            "before_demand": o.before_demand,
        }
        if public:
            assert person is not None
            entry.update(name=person.name, person_id=known_as("person", person.id))
        else:
            entry.update(
                name=o.name.name,
                person_id=o.name.person_id,
                person=person.name if person else None,
                match=o.name.state.value,
                candidates=[
                    {"person_id": c[0], "name": c[1], "score": c[2]} for c in o.name.candidates
                ],
                note=o.name.note,
            )
        shown.append(entry)
    held_low, held_high = prog.still_held
    if public:
        # every name not shown (protected, unsure, unknown) may be held for all the public can
        # be told: left out, a held protected person was missing from the figure; counted as
        # held, they would tell a protected name from an unknown one
        held_high += named - len(shown)
    out: dict[str, Any] = {
        "id": known_as("demand", demand.id),
        "by": by,
        "of": of,
        "country": demand.country,
        "made_on": str(demand.made_on),
        "count": demand.count,
        "qualifier": demand.qualifier.value,
        "note": None if public else demand.note,
        "on": on.isoformat(),
        "known_on": known_on.isoformat() if known_on else None,
        "named": named,
        "status_counts": {s.value: prog.counts.get(s, 0) for s in DemandStatus},
        "still_held": {"low": held_low, "high": held_high},
        "repeated": prog.repeated,
        "freed_by_deal": _freed_by_deal(prog.freed_by_deal, deal),
        "sources": [
            {"id": s, "url": sources[s].url, "title": sources[s].title}
            for s in demand.source_ids
            if s in sources
        ],
        "recorded_at": demand.recorded_at.isoformat(timespec="seconds"),
        "voided": demand.voided_at is not None,
    }
    if public:
        # what the public may see of a source is decided by the public projection, on the
        # source's own page: here only its id
        out["sources"] = [{"id": s} for s in demand.source_ids if s in public_sources]
    if with_names:
        out["names"] = shown
        out["names_not_shown"] = named - len(shown)
        out["progress"] = [{"on": d.isoformat(), **c} for d, c in series]
    return out
