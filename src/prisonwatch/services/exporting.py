"""Exports in the import formats, so that an export can be imported again unchanged.

The public export (the default) is built from the public projection (`services.public`), never
from the full record minus a mask: public persons as they are (notes only when they name no
protected person); `withhold_name` persons under a random stored pseudonym with no names,
aliases, birth year, gender, region or note, and their events under random stored ids with
only what the figures need (no source address, recorder, organisation, place, note or court: an
article about the person, or who recorded it, identifies them). A pseudonymous person's dates
are given to the month (`core.month_precision.whole_months`: "2025-03"), and when their
records were entered to the month too (the first moment of the month): an NGO statement naming
a handful of people can leave the pseudonym as the only other person arrested on its day, so
an exact day (or the day a record was entered, often the day of the news) would name them.
Their rows are ordered by that month. `counts_only` persons and their events left out
entirely; sources only as the projection knows them. Ids of public persons, figures, deals and
their events (and the links to them: `person_id`, `deal_id`, `supersedes`) are the ids the
public knows them by
(`Projection.record_id`): an id naming a protected person is replaced by its public id, the one
the public API and pages show, so that the export is consistent with them. A public person's
events carry their public custody details (articles, sentence, term end, court). A
pseudonymous person's events carry none of them: with an exact date, an article number and a
sentence length a pseudonymous row would often name its person (court reports are public),
and no published figure needs them from the export (the custody figures are counts over every
person, `counts_only` ones included, which no public export can reproduce row by row). The
`detention_place` and `health` columns stay empty in every public export, since they are for
analysts only. Rows are listed in the order of what the public sees (by date where a row has
one, then by the id shown), never by a record's own id: in that order a pseudonym or a keyed
id would stand where the real id sorts.
`include_protected` gives the full backup for trusted storage. It also carries the store's
public ids (`public_ids`: the key that keys public record ids, withheld persons' pseudonyms and
their events' ids), so that a store restored from it shows the public the same ids and every
public link keeps working. The key adds nothing to what the backup already tells its holder
(every protected name and every original id); it only lets them work out public ids.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Any

from prisonwatch.core import merges
from prisonwatch.core.custody import format_sentence
from prisonwatch.core.dates import FuzzyDate, format_fuzzy
from prisonwatch.core.month_precision import entered_month, whole_months
from prisonwatch.core.records import (
    Claim,
    Concession,
    Deal,
    Event,
    Observation,
    Person,
    Source,
)
from prisonwatch.core.revisions import Revision
from prisonwatch.core.vocabulary import Gender, Protection
from prisonwatch.services import known
from prisonwatch.services.privacy import WITHHELD
from prisonwatch.services.public import Projection, public_articles
from prisonwatch.storage.clearances import ClearanceStore
from prisonwatch.storage.sql import SqlStore

COLUMNS: dict[str, list[str]] = {
    "sources": ["url", "title", "publisher", "published", "language", "recorded_at"],
    "public_ids": ["kind", "record_id", "public_id"],
    "persons": [
        "id",
        "name",
        "aliases",
        "birth_year",
        "gender",
        "region",
        "country",
        "protection",
        "note",
        "recorded_at",
    ],
    "deals": [
        "id",
        "date",
        "country",
        "parties",
        "mediator",
        "concessions",
        "reported_released",
        "reported_political_prisoners",
        "figures_by",
        "source_url",
        "note",
        "recorded_at",
    ],
    "events": [
        "id",
        "person_id",
        "kind",
        "date",
        "mechanism",
        "organisation",
        "deal_id",
        "place",
        "source_url",
        "note",
        "supersedes",
        "void",
        "recorded_at",
        "recorded_by",
        "articles",
        "sentence",
        "term_ends",
        "court",
        "detention_place",
        "health",
    ],
    "observations": [
        "id",
        "metric",
        "value",
        "qualifier",
        "period",
        "organisation",
        "country",
        "source_url",
        "note",
        "place",
        "scope",
        "recorded_at",
    ],
}


BACKUP_COLUMNS: dict[str, list[str]] = {
    **COLUMNS,
    "sources": ["id", *COLUMNS["sources"], "text"],
    "deals": [*COLUMNS["deals"], "source_ids"],
    "observations": [*COLUMNS["observations"], "source_ids"],
    "persons": [*COLUMNS["persons"], "merged_into"],
    "events": [*COLUMNS["events"], "source_ids", "claim_ids"],
    "judgements": ["name", "person_id", "verdict", "decided_by", "decided_at", "note"],
}
"""The full backup's columns: every source with its id and text (an ingested article has no
address; its text is what its id is the hash of), and each record's sources by id, in order
(`source_url` names only the sources that have an address); and each person record's merge
(`merged_into`: the person it was merged into), so that a restore counts a merged person once."""


JSONL_KINDS = ("sources", "claims", "claim_revisions", "name_queue", "choices")
"""Kinds a backup writes as JSON Lines: a source's text, a claim's evidence and population, a
choice's reason span lines, which a CSV value may not; a queued name's candidates are a list."""

CLAIM_FIELDS = (
    "id",
    "source_id",
    "action",
    "count",
    "qualifier",
    "population",
    "when",
    "evidence_start",
    "evidence_end",
    "evidence_text",
    "extractor",
    "extractor_version",
    "confidence",
    "persons",
    "agent",
    "attributed_to",
    "mechanism",
    "country",
    "part_of",
    "review_status",
    "reviewer",
    "reviewed_at",
    "review_note",
    "superseded_by",
    "recorded_at",
)
"""A backup's claim: every field of a suggestion as extracted, and its review (accepted or
rejected, by whom, when and why)."""


def _ts(value: datetime) -> str:
    return value.isoformat(timespec="seconds")


def _person_row(p: Person) -> dict[str, Any]:
    return {
        "id": p.id,
        "name": p.name,
        "aliases": "|".join(p.aliases),
        "birth_year": p.birth_year,
        "gender": p.gender.value,
        "region": p.region,
        "country": p.country,
        "protection": p.protection.value,
        "note": p.note,
        "recorded_at": _ts(p.recorded_at),
    }


def _event_row(e: Event, urls: Callable[[tuple[str, ...]], str]) -> dict[str, Any]:
    return {
        "id": e.id,
        "person_id": e.person_id,
        "kind": e.kind.value,
        "date": format_fuzzy(e.date),
        "mechanism": e.mechanism.value if e.mechanism else None,
        "organisation": e.organisation,
        "deal_id": e.deal_id,
        "place": e.place,
        "source_url": urls(e.source_ids),
        "note": e.note,
        "supersedes": e.supersedes,
        "void": "true" if e.void else "",
        "recorded_at": _ts(e.recorded_at),
        "recorded_by": e.recorded_by,
        "articles": "|".join(e.articles),
        "sentence": format_sentence(e.sentence_months) if e.sentence_months else None,
        "term_ends": e.term_ends.isoformat() if e.term_ends else None,
        "court": e.court,
    }


def _full_event_row(e: Event, urls: Callable[[tuple[str, ...]], str]) -> dict[str, Any]:
    """An event with what only analysts see: place of detention and health notes."""
    return {**_event_row(e, urls), "detention_place": e.detention_place, "health": e.health}


def _deal_row(d: Deal, urls: Callable[[tuple[str, ...]], str]) -> dict[str, Any]:
    return {
        "id": d.id,
        "date": format_fuzzy(d.date),
        "country": d.country,
        "parties": "|".join(d.parties),
        "mediator": d.mediator,
        "concessions": "|".join(
            ":".join(x for x in (c.by, c.what, c.target) if x) for c in d.concessions
        ),
        "reported_released": d.reported_released,
        "reported_political_prisoners": d.reported_political_prisoners,
        "figures_by": d.figures_by,
        "source_url": urls(d.source_ids),
        "note": d.note,
        "recorded_at": _ts(d.recorded_at),
    }


def _observation_row(o: Observation, urls: Callable[[tuple[str, ...]], str]) -> dict[str, Any]:
    return {
        "id": o.id,
        "metric": o.metric.value,
        "value": o.value,
        "qualifier": o.qualifier.value,
        "period": format_fuzzy(o.period),
        "organisation": o.organisation,
        "country": o.country,
        "source_url": urls(o.source_ids),
        "note": o.note,
        "place": o.place,
        "scope": o.scope,
        "recorded_at": _ts(o.recorded_at),
    }


def _source_row(s: Source) -> dict[str, Any]:
    return {
        "url": s.url,
        "title": s.title,
        "publisher": s.publisher,
        "published": s.published.isoformat() if s.published else None,
        "language": s.language,
        "recorded_at": _ts(s.recorded_at),
    }


def export_records(
    store: SqlStore, include_protected: bool = False, at: datetime | None = None
) -> dict[str, list[dict[str, Any]]]:
    """Every record as import-format rows, keyed by kind: the public export, or with
    `include_protected` the full backup."""
    if include_protected:
        return _full(store)
    return _public(store, Projection.build(store), at or datetime.now())


def _full(store: SqlStore) -> dict[str, list[dict[str, Any]]]:
    """The full backup: every source (with or without an address, with its text) and every
    record's link to its sources by id, so that a restore gives back the same provenance."""
    sources = {s.id: s for s in store.sources()}

    def urls(ids: tuple[str, ...]) -> str:
        return "|".join(u for i in ids if i in sources and (u := sources[i].url))

    def linked(row: dict[str, Any], ids: tuple[str, ...]) -> dict[str, Any]:
        return {**row, "source_ids": "|".join(ids)}

    return {
        "sources": [{"id": s.id, **_source_row(s), "text": s.text} for s in sources.values()],
        "persons": [{**_person_row(p), "merged_into": p.merged_into} for p in store.persons()],
        "claims": [_claim_row(c) for c in store.claims()],
        "judgements": [
            {
                "name": j.name,
                "person_id": j.person_id,
                "verdict": j.verdict,
                "decided_by": j.decided_by,
                "decided_at": j.decided_at.isoformat(),
                "note": j.note,
            }
            for j in store.judgements()
        ],
        "claim_revisions": [
            row
            for first, revs in store.claim_history()
            for row in [
                {"claim_id": first.id, "revision": 0, "claim": _claim_row(first)},
                *(_revision_row(first.id, r) for r in revs),
            ]
        ],
        "name_queue": [
            {
                "claim_id": q.claim_id,
                "name": q.name,
                "candidates": json.dumps(q.candidates, ensure_ascii=False),
                "status": q.status,
                "person_id": q.person_id,
                "recorded_at": q.recorded_at.isoformat(),
            }
            for q in store.queued_names(None)
        ],
        "choices": [
            {
                "conflict": c.conflict,
                "chosen": c.chosen,
                "chosen_by": c.chosen_by,
                "chosen_at": c.chosen_at.isoformat(),
                "why": c.why,
            }
            for c in store.choices()
        ],
        "deals": [linked(_deal_row(d, urls), d.source_ids) for d in store.deals()],
        "events": [
            {**linked(_full_event_row(e, urls), e.source_ids), "claim_ids": "|".join(e.claim_ids)}
            for e in store.events()
        ],
        "observations": [
            linked(_observation_row(o, urls), o.source_ids) for o in store.observations()
        ],
        "public_ids": [
            {"kind": p.kind, "record_id": p.record_id, "public_id": p.public_id}
            for p in ClearanceStore(store).held_public_ids()
        ],
    }


def _revision_row(claim_id: str, r: Revision[Any]) -> dict[str, Any]:
    """A later version of a claim as `claim_revisions.jsonl` holds it: who changed its review,
    when and why, and the whole claim after the change (null: voided)."""
    return {
        "claim_id": claim_id,
        "revision": r.seq,
        "actor": r.actor,
        "at": r.at.isoformat(),
        "why": r.why,
        "claim": _claim_row(r.record) if r.record is not None else None,
    }


def _claim_row(c: Claim) -> dict[str, Any]:
    """A claim as a backup holds it (`CLAIM_FIELDS`), its times to the microsecond (a review's
    time orders the decisions made on one claim)."""
    row = {
        "id": c.id,
        "source_id": c.source_id,
        "action": c.action,
        "count": c.count,
        "qualifier": c.qualifier.value,
        "population": c.population,
        "when": format_fuzzy(c.when) if c.when is not None else None,
        "evidence_start": c.evidence.start,
        "evidence_end": c.evidence.end,
        "evidence_text": c.evidence.text,
        "extractor": c.extractor,
        "extractor_version": c.extractor_version,
        "confidence": c.confidence,
        "persons": list(c.persons),
        "agent": c.agent,
        "attributed_to": c.attributed_to,
        "mechanism": c.mechanism.value if c.mechanism else None,
        "country": c.country,
        "part_of": c.part_of,
        "review_status": c.review.status.value,
        "reviewer": c.review.reviewer,
        "reviewed_at": c.review.at.isoformat() if c.review.at else None,
        "review_note": c.review.note,
        "superseded_by": c.superseded_by,
        "recorded_at": c.recorded_at.isoformat(),
    }
    return {k: row[k] for k in CLAIM_FIELDS}


def _public(store: SqlStore, proj: Projection, at: datetime) -> dict[str, list[dict[str, Any]]]:
    """The public export, from the projection: nothing here reads a protected name."""
    stored = {s.id: s for s in store.sources()}

    def urls(ids: tuple[str, ...]) -> str:
        return "|".join(u for i in ids if (u := proj.sources[i].url if i in proj.sources else None))

    # month-precise (protected) persons' records as known at the end of the month before
    # `at`'s (`services.known`), as every live public figure reads them: a pseudonym's rows
    # enter the export on the 1st of the month after they were entered, so that exports of
    # two days of one month never tell the day (the news of an arrest, often) it was entered
    today = at.date()
    everyone = known.persons(store, None, proj.month_precise, today)
    root_of = merges.roots(merges.links_of(everyone))
    # a merged record is no row of its own: its events are its person's (`core.merges`)
    persons = [
        p
        for p in everyone
        if (p.id in proj.exported or p.id in proj.withheld) and p.id not in root_of
    ]
    withheld = [p for p in persons if p.id in proj.withheld]
    # only the events of the persons exported: a protected person entered this month is not
    # in `persons` yet (as known at the end of last month), and events of theirs entered
    # earlier would otherwise be written as a public person's, under their real id with
    # their exact dates and custody details (tests/cli/test_export_month_pseudonym.py)
    shown_persons = frozenset(p.id for p in persons)
    events = [
        e
        for e in merges.stored_joined(known.events(store, None, proj.month_precise, today), root_of)
        if e.person_id in shown_persons
    ]
    hidden_events = [e.id for e in events if e.person_id in proj.withheld]
    ids = ClearanceStore(store)
    pseudonyms = ids.public_ids("person", [p.id for p in withheld], at)
    event_ids = ids.public_ids("event", hidden_events, at)
    hidden_person = {e.id: e.person_id for e in events if e.person_id in proj.withheld}
    public_events = frozenset(e.id for e in events if e.person_id in proj.exported)

    def person_row(p: Person) -> dict[str, Any]:
        if p.id in pseudonyms:
            return {
                **_person_row(p),
                "id": pseudonyms[p.id],
                "name": WITHHELD,
                "protection": Protection.WITHHOLD_NAME.value,
                "aliases": "",
                "birth_year": None,
                "gender": Gender.UNKNOWN.value,
                "region": None,
                "note": None,
                "recorded_at": _ts(entered_month(p.recorded_at)),
            }
        return {
            **_person_row(p),
            "id": proj.person_id(p.id),
            "note": proj.text(p.note),
            "region": proj.text(p.region),
        }

    def event_row(e: Event) -> dict[str, Any]:
        """An event's row. A pseudonymous person's event keeps only what the figures need (kind,
        date and recorded_at to the month, mechanism, deal, void, and a correction's link to
        another of the same pseudonym's events): no source address, recorder, organisation,
        place, note, articles, sentence, term end or court, each of which can point to the
        person, nor the day it happened or was entered. A link
        between a public person's event and a pseudonymous one is dropped either way, and so
        is a link to an event the export does not hold (a `counts_only` person's)."""
        row = _event_row(e, urls)
        row["place"], row["note"] = proj.text(e.place), proj.text(e.note)
        row["court"] = proj.text(e.court)
        row["articles"] = "|".join(public_articles(e.articles, proj.text))
        row["organisation"] = proj.text(e.organisation)
        row["id"] = proj.record_id("event", e.id)
        row["person_id"] = proj.person_id(e.person_id)
        row["deal_id"] = proj.record_ref("deal", e.deal_id)
        hidden = e.person_id in pseudonyms
        if hidden:
            row.update(
                id=event_ids[e.id],
                person_id=pseudonyms[e.person_id],
                date=format_fuzzy(whole_months(e.date)),
                organisation=None,
                place=None,
                note=None,
                source_url="",
                recorded_at=_ts(entered_month(e.recorded_at)),
                recorded_by=None,
                articles="",
                sentence=None,
                term_ends=None,
                court=None,
            )
        target = e.supersedes
        if target is None:
            pass
        elif hidden:
            linked = hidden_person.get(target) == e.person_id
            row["supersedes"] = event_ids[target] if linked else None
        else:  # only an event this export holds under its own id (a `counts_only` person's
            # event, or a pseudonymous one, is never named: its id may carry a name)
            row["supersedes"] = proj.record_id("event", target) if target in public_events else None
        return row

    def shown_date(e: Event) -> FuzzyDate:
        return whole_months(e.date) if e.person_id in pseudonyms else e.date

    def public_deal(d: Deal) -> dict[str, Any]:
        """A deal's row with every free text as the projection lets the public see it."""
        kept = [
            Concession(proj.text(c.by) or "unknown", c.what, proj.text(c.target))
            for c in d.concessions
        ]
        return {
            **_deal_row(replace(d, concessions=tuple(kept)), urls),
            "id": proj.record_id("deal", d.id),
            "parties": "|".join(x for x in (proj.text(p) for p in d.parties) if x),
            "mediator": proj.text(d.mediator),
            "figures_by": proj.text(d.figures_by),
            "note": proj.text(d.note),
        }

    sources = [
        {**_source_row(s), "url": proj.sources[s.id].url, "title": proj.sources[s.id].title}
        for s in stored.values()
        if s.text is None and s.id in proj.sources and proj.sources[s.id].url
    ]
    # every list in the order of what the public sees (the shown id, after the date where a
    # row has one): in the store's order of real ids, a pseudonym or a keyed id would stand
    # where the real id sorts, and so tell how the id (made from a surname) begins
    return {
        "sources": sources,
        "persons": sorted((person_row(p) for p in persons), key=lambda r: str(r["id"])),
        "deals": _shown_order([(d.date, public_deal(d)) for d in store.deals()]),
        # a pseudonymous person's row by its month: by its day, its place among public
        # persons' rows of that month would tell the day its date no longer gives
        "events": _shown_order([(shown_date(e), event_row(e)) for e in events]),
        "observations": _shown_order(
            [
                (
                    o.period,
                    {
                        **_observation_row(o, urls),
                        "id": proj.record_id("figure", o.id),
                        "note": proj.text(o.note),
                        "organisation": proj.text(o.organisation),
                        "place": proj.text(o.place),
                        "scope": proj.text(o.scope),
                    },
                )
                for o in store.observations()
            ]
        ),
    }


def _shown_order(dated: list[tuple[FuzzyDate, dict[str, Any]]]) -> list[dict[str, Any]]:
    """Public rows by date (earliest day) and then by the id the public sees, never by a
    record's own id."""
    dated.sort(key=lambda pair: (pair[0].earliest, str(pair[1]["id"])))
    return [row for _, row in dated]


def to_csv(rows: list[dict[str, Any]], kind: str, backup: bool = False) -> str:
    """One kind's rows as CSV, with the public export's columns or (`backup`) the full
    backup's. A backup's sources are not CSV (`to_jsonl`): an article's text spans lines, which
    a CSV value may not."""
    if backup and kind in JSONL_KINDS:
        raise ValueError("a backup's sources are written as JSON Lines (to_jsonl)")
    buf = io.StringIO()
    columns = (BACKUP_COLUMNS if backup else COLUMNS)[kind]
    writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: ("" if v is None else v) for k, v in row.items()})
    return buf.getvalue()


def to_jsonl(rows: list[dict[str, Any]]) -> str:
    """Rows as JSON Lines, one object a line with every value as exported (absent values as
    null): how a backup writes its sources, whose texts span lines."""
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


def csv_parts(rows: list[dict[str, Any]], kind: str, limit: int, backup: bool = False) -> list[str]:
    """`to_csv` in parts of at most `limit` bytes each (in UTF-8), each with the header, the
    rows in order, so that each part is a file `import` reads (a backup's events of a large
    registry run past its limit); always at least one part, the header alone when there are
    no rows. A row is never split (no row of the import's limits comes near `limit`)."""
    header = to_csv([], kind, backup)
    head = len(header.encode())
    parts: list[str] = []
    lines: list[str] = [header]
    size = head
    for row in rows:
        line = to_csv([row], kind, backup)[len(header) :]  # a value's line breaks are quoted
        n = len(line.encode())
        if len(lines) > 1 and size + n > limit:
            parts.append("".join(lines))
            lines, size = [header], head
        lines.append(line)
        size += n
    parts.append("".join(lines))
    return parts


def split_multiline(
    rows: list[dict[str, Any]],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """A backup's CSV rows split into those that fit CSV and those with a value spanning
    lines (a note, a judgement's reason), in order: `import` reads a CSV value on one line
    only, so a person with a two-line note made the whole backup unrestorable. The second
    are written as JSON Lines beside the CSV (`events-lines.jsonl`), which `import` reads as
    the same kind; a store without such values writes the files it always did."""
    plain: list[dict[str, Any]] = []
    spanning: list[dict[str, Any]] = []
    for row in rows:
        multi = any(isinstance(v, str) and ("\n" in v or "\r" in v) for v in row.values())
        (spanning if multi else plain).append(row)
    return plain, spanning


def jsonl_parts(rows: list[dict[str, Any]], limit: int) -> list[str]:
    """Rows as JSON Lines in parts of at most `limit` bytes each (in UTF-8), in order, so that
    each part is a file `import` reads (a backup's sources, whose texts run to megabytes);
    always at least one part, empty when there are no rows."""
    parts: list[str] = []
    lines: list[str] = []
    size = 0
    for line in (to_jsonl([row]) for row in rows):  # a line each (a text's U+2028 is no end)
        n = len(line.encode())
        if lines and size + n > limit:
            parts.append("".join(lines))
            lines, size = [], 0
        lines.append(line)
        size += n
    parts.append("".join(lines))
    return parts
