"""Translation between core records and table rows (dicts), in both directions."""

from __future__ import annotations

import sys
import unicodedata
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from prisonwatch.core.dates import FuzzyDate, Precision
from prisonwatch.core.records import (
    Claim,
    Concession,
    Deal,
    Event,
    Observation,
    Person,
    Review,
    Source,
    Span,
)
from prisonwatch.core.vocabulary import (
    EventKind,
    Gender,
    ObservationMetric,
    Protection,
    Qualifier,
    ReleaseMechanism,
    ReviewStatus,
)
from prisonwatch.storage.port import ReadConcession

Row = dict[str, Any]


def search_key(name: str) -> str:
    """The form names are searched by: case-folded, accents kept apart, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def _fuzzy(prefix: str, fd: FuzzyDate | None) -> Row:
    if fd is None:
        return {f"{prefix}_earliest": None, f"{prefix}_latest": None, f"{prefix}_precision": None}
    return {
        f"{prefix}_earliest": fd.earliest,
        f"{prefix}_latest": fd.latest,
        f"{prefix}_precision": fd.precision.value,
    }


def _read_fuzzy(row: Mapping[Any, Any], prefix: str) -> FuzzyDate | None:
    if row[f"{prefix}_earliest"] is None:
        return None
    return FuzzyDate(
        _as_date(row[f"{prefix}_earliest"]),
        _as_date(row[f"{prefix}_latest"]),
        Precision(row[f"{prefix}_precision"]),
    )


def _as_date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def source_row(s: Source) -> Row:
    return {
        "id": s.id,
        "url": s.url,
        "title": s.title,
        "publisher": s.publisher,
        "published": s.published,
        "language": s.language,
        "text": s.text,
        "recorded_at": s.recorded_at,
    }


def source_from(row: Mapping[Any, Any]) -> Source:
    return Source(
        id=row["id"],
        url=row["url"],
        title=row["title"],
        publisher=row["publisher"],
        published=_as_date(row["published"]) if row["published"] is not None else None,
        language=row["language"],
        recorded_at=row["recorded_at"],
        text=row["text"],
    )


def person_row(p: Person) -> Row:
    return {
        "id": p.id,
        "name": p.name,
        "birth_year": p.birth_year,
        "gender": p.gender.value,
        "region": p.region,
        "country": p.country,
        "protection": p.protection.value,
        "note": p.note,
        "recorded_at": p.recorded_at,
        "merged_into": p.merged_into,
    }


def person_name_rows(p: Person) -> list[Row]:
    return [
        {"person_id": p.id, "position": i, "name": n, "key": search_key(n)}
        for i, n in enumerate(p.all_names)
    ]


def person_from(row: Mapping[Any, Any], names: list[str]) -> Person:
    return Person(
        id=row["id"],
        name=row["name"],
        recorded_at=row["recorded_at"],
        aliases=tuple(names[1:]),
        birth_year=row["birth_year"],
        gender=Gender(row["gender"]),
        region=row["region"],
        country=row["country"],
        protection=Protection(row["protection"]),
        note=row["note"],
        merged_into=row.get("merged_into"),
    )


def event_row(e: Event) -> Row:
    return {
        "id": e.id,
        "person_id": e.person_id,
        "kind": e.kind.value,
        **_fuzzy("date", e.date),
        "mechanism": e.mechanism.value if e.mechanism else None,
        "organisation": e.organisation,
        "deal_id": e.deal_id,
        "place": e.place,
        "note": e.note,
        "recorded_at": e.recorded_at,
        "recorded_by": e.recorded_by,
        "supersedes": e.supersedes,
        "void": e.void,
        "articles": list(e.articles) or None,
        "sentence_months": e.sentence_months,
        "term_ends": e.term_ends,
        "court": e.court,
        "detention_place": e.detention_place,
        "health": e.health,
    }


def _shared(text: str | None) -> str | None:
    """One string object per distinct value (`sys.intern`), as for the texts that a million
    events repeat (whose event, who recorded it, which organisation): the derived ledger
    holds every event, and a string per event and field was about a third of its memory."""
    return None if text is None else sys.intern(text)


class Shared:
    """One object per distinct value among the records of one read: the days, day ranges,
    times and tuples of ids that a million events repeat (a few thousand distinct ones).
    Built from the store, each event had objects of its own for them, about a third of the
    derived ledger's memory; shared, the view holds what a view loaded from the snapshot
    holds (`services.snapshot` shares them the same way). Values are immutable, so sharing
    changes no answer; a time is shared only with one of the same zone and fold, never with
    an equal instant written otherwise."""

    def __init__(self) -> None:
        self._days: dict[date, date] = {}
        self._ranges: dict[FuzzyDate, FuzzyDate] = {}
        self._times: dict[tuple[datetime, Any, int], datetime] = {}
        self._tuples: dict[tuple[str, ...], tuple[str, ...]] = {}

    def day(self, value: date) -> date:
        return self._days.setdefault(value, value)

    def fuzzy(self, value: FuzzyDate) -> FuzzyDate:
        found = self._ranges.get(value)
        if found is None:
            found = self._ranges[value] = FuzzyDate(
                self.day(value.earliest), self.day(value.latest), value.precision
            )
        return found

    def time(self, value: datetime) -> datetime:
        return self._times.setdefault((value, value.tzinfo, value.fold), value)

    def ids(self, value: tuple[str, ...]) -> tuple[str, ...]:
        return self._tuples.setdefault(value, value) if value else ()


def event_from(
    row: Mapping[Any, Any],
    source_ids: tuple[str, ...],
    claim_ids: tuple[str, ...],
    shared: Shared | None = None,
) -> Event:
    """An event from its row; with `shared`, its days, times and ids shared with the other
    events read with the same `Shared`."""
    fd = _read_fuzzy(row, "date")
    assert fd is not None
    recorded_at = row["recorded_at"]
    if shared is not None:
        fd, recorded_at = shared.fuzzy(fd), shared.time(recorded_at)
        source_ids, claim_ids = shared.ids(source_ids), shared.ids(claim_ids)
    return Event(
        id=row["id"],
        person_id=sys.intern(row["person_id"]),
        kind=EventKind(row["kind"]),
        date=fd,
        recorded_at=recorded_at,
        recorded_by=sys.intern(row["recorded_by"]),
        mechanism=ReleaseMechanism(row["mechanism"]) if row["mechanism"] else None,
        organisation=_shared(row["organisation"]),
        deal_id=row["deal_id"],
        place=row["place"],
        source_ids=source_ids,
        claim_ids=claim_ids,
        note=row["note"],
        supersedes=row["supersedes"],
        void=bool(row["void"]),
        articles=tuple(row.get("articles") or ()),
        sentence_months=row.get("sentence_months"),
        term_ends=_as_date(row["term_ends"]) if row.get("term_ends") else None,
        court=row.get("court"),
        detention_place=row.get("detention_place"),
        health=row.get("health"),
    )


def deal_row(d: Deal) -> Row:
    return {
        "id": d.id,
        **_fuzzy("date", d.date),
        "country": d.country,
        "parties": list(d.parties),
        "mediator": d.mediator,
        "reported_released": d.reported_released,
        "reported_political_prisoners": d.reported_political_prisoners,
        "figures_by": d.figures_by,
        "note": d.note,
        "recorded_at": d.recorded_at,
        "reported_returned": d.reported_returned,
    }


def concession_rows(d: Deal) -> list[Row]:
    return [
        {
            "deal_id": d.id,
            "position": i,
            "by": c.by,
            "what": c.what,
            "target": c.target,
            "note": c.note,
        }
        for i, c in enumerate(d.concessions)
    ]


def deal_from(
    row: Mapping[Any, Any], concessions: list[Concession], source_ids: tuple[str, ...]
) -> Deal:
    fd = _read_fuzzy(row, "date")
    assert fd is not None
    return Deal(
        id=row["id"],
        date=fd,
        recorded_at=row["recorded_at"],
        country=row["country"],
        parties=tuple(row["parties"] or ()),
        mediator=row["mediator"],
        concessions=tuple(concessions),
        reported_released=row["reported_released"],
        reported_political_prisoners=row["reported_political_prisoners"],
        figures_by=row["figures_by"],
        source_ids=source_ids,
        note=row["note"],
        reported_returned=row.get("reported_returned"),
    )


def observation_row(o: Observation) -> Row:
    return {
        "id": o.id,
        "metric": o.metric.value,
        "value": o.value,
        "qualifier": o.qualifier.value,
        **_fuzzy("period", o.period),
        "organisation": o.organisation,
        "country": o.country,
        "claim_id": o.claim_id,
        "note": o.note,
        "recorded_at": o.recorded_at,
        "place": o.place,
        "scope": o.scope,
    }


def observation_from(row: Mapping[Any, Any], source_ids: tuple[str, ...]) -> Observation:
    fd = _read_fuzzy(row, "period")
    assert fd is not None
    return Observation(
        id=row["id"],
        metric=ObservationMetric(row["metric"]),
        value=row["value"],
        period=fd,
        recorded_at=row["recorded_at"],
        organisation=row["organisation"],
        country=row["country"],
        qualifier=Qualifier(row["qualifier"]),
        source_ids=source_ids,
        claim_id=row["claim_id"],
        note=row["note"],
        place=row.get("place"),
        scope=row.get("scope"),
    )


def claim_row(c: Claim) -> Row:
    return {
        "id": c.id,
        "source_id": c.source_id,
        "action": c.action,
        "count": c.count,
        "qualifier": c.qualifier.value,
        "population": c.population,
        **_fuzzy("when", c.when),
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
        "reviewed_at": c.review.at,
        "review_note": c.review.note,
        "recorded_at": c.recorded_at,
        "superseded_by": c.superseded_by,
    }


def claim_from(row: Mapping[Any, Any]) -> Claim:
    return Claim(
        id=row["id"],
        source_id=row["source_id"],
        action=row["action"],
        count=row["count"],
        qualifier=Qualifier(row["qualifier"]),
        population=row["population"],
        when=_read_fuzzy(row, "when"),
        evidence=Span(row["evidence_start"], row["evidence_end"], row["evidence_text"]),
        extractor=row["extractor"],
        extractor_version=row["extractor_version"],
        recorded_at=row["recorded_at"],
        confidence=row["confidence"],
        persons=tuple(row["persons"] or ()),
        agent=row["agent"],
        attributed_to=row["attributed_to"],
        mechanism=ReleaseMechanism(row["mechanism"]) if row["mechanism"] else None,
        country=row["country"],
        part_of=row["part_of"],
        review=Review(
            ReviewStatus(row["review_status"]),
            row["reviewer"],
            row["reviewed_at"],
            row["review_note"],
        ),
        superseded_by=row.get("superseded_by"),
    )


def jsonable(row: Mapping[Any, Any]) -> dict[str, object]:
    """A row as JSON for the audit log: dates as ISO text."""
    out: dict[str, object] = {}
    for k, v in row.items():
        out[k] = v.isoformat() if isinstance(v, date | datetime) else v
    return out


def read_concession_row(k: ReadConcession) -> Row:
    return {
        "id": k.id,
        "source_id": k.source_id,
        "extractor_version": k.extractor_version,
        "by_party": k.by,
        "what": k.what,
        "target": k.target,
        "in_return_for": list(k.in_return_for),
        "evidence_start": k.evidence.start,
        "evidence_end": k.evidence.end,
        "evidence_text": k.evidence.text,
        "recorded_at": k.recorded_at,
    }


def read_concession_from(row: Mapping[Any, Any]) -> ReadConcession:
    return ReadConcession(
        id=row["id"],
        source_id=row["source_id"],
        extractor_version=row["extractor_version"],
        by=row["by_party"],
        what=row["what"],
        target=row["target"],
        in_return_for=tuple(row["in_return_for"]),
        evidence=Span(row["evidence_start"], row["evidence_end"], row["evidence_text"]),
        recorded_at=row["recorded_at"],
    )


# -- revisions: a whole record as JSON, and back ---------------------------------------------------

_TIMES = ("recorded_at", "reviewed_at")


def _timed(payload: Mapping[str, Any]) -> Row:
    row = dict(payload)
    for k in _TIMES:
        if isinstance(row.get(k), str):
            row[k] = datetime.fromisoformat(row[k])
    return row


def record_payload(kind: str, record: Any) -> dict[str, object]:
    """The whole record of `kind` as JSON, as a revision stores it (a source without its text,
    which is never edited)."""
    if kind == "person":
        return jsonable({**person_row(record), "names": list(record.all_names)})
    if kind == "event":
        extra = {"source_ids": list(record.source_ids), "claim_ids": list(record.claim_ids)}
        return jsonable({**event_row(record), **extra})
    if kind == "deal":
        concessions = [
            {k: c[k] for k in ("by", "what", "target", "note")} for c in concession_rows(record)
        ]
        extra = {"concessions": concessions, "source_ids": list(record.source_ids)}
        return jsonable({**deal_row(record), **extra})
    if kind == "observation":
        return jsonable({**observation_row(record), "source_ids": list(record.source_ids)})
    if kind == "source":
        row = source_row(record)
        row.pop("text")
        return jsonable(row)
    if kind == "claim":
        return jsonable(claim_row(record))
    if kind in ("judgement", "choice"):
        return jsonable({f: getattr(record, f) for f in record.__dataclass_fields__})
    raise ValueError(f"no revisions for records of kind {kind!r}")


def record_from_payload(kind: str, payload: Mapping[str, Any], text: str | None = None) -> Any:
    """The record a revision's payload holds (`text`: the source's text, kept apart)."""
    row = _timed(payload)
    if kind == "person":
        return person_from(row, list(row["names"]))
    if kind == "event":
        return event_from(row, tuple(row["source_ids"]), tuple(row["claim_ids"]))
    if kind == "deal":
        conc = [Concession(c["by"], c["what"], c["target"], c["note"]) for c in row["concessions"]]
        return deal_from(row, conc, tuple(row["source_ids"]))
    if kind == "observation":
        return observation_from(row, tuple(row["source_ids"]))
    if kind == "source":
        return source_from({**row, "text": text})
    if kind == "claim":
        return claim_from(row)
    if kind == "judgement":
        from prisonwatch.storage.port import Judgement

        at = {"decided_at": datetime.fromisoformat(str(row["decided_at"]))}
        return Judgement(**{**row, **at})
    if kind == "choice":
        from prisonwatch.storage.port import Choice

        return Choice(**{**row, "chosen_at": datetime.fromisoformat(str(row["chosen_at"]))})
    raise ValueError(f"no revisions for records of kind {kind!r}")
