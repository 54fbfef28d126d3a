"""Record files: persons, events, deals, observations and sources in CSV, JSON or JSONL.

The formats are documented in `docs/import-formats.md`. Reading is pure: it takes the file's
name and text and returns the records it holds and the problems found, each named
`file:line: field: reason`, so the importer can refuse a file without writing anything.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import PurePath
from typing import Any

from prisonwatch.core.custody import term_end
from prisonwatch.core.problems import Problem
from prisonwatch.core.records import (
    Claim,
    Concession,
    Deal,
    Event,
    Observation,
    Person,
    PublicId,
    Review,
    Source,
    Span,
    content_id,
)
from prisonwatch.core.vocabulary import (
    RECOGNITION,
    EventKind,
    Gender,
    ObservationMetric,
    Protection,
    Qualifier,
    ReleaseMechanism,
    ReviewStatus,
)
from prisonwatch.ingest import fields as f
from prisonwatch.ingest import file_formats as formats
from prisonwatch.ingest.file_formats import Item
from prisonwatch.storage.port import (
    BackedChoice,
    BackedJudgement,
    BackedQueued,
    BackedRevision,
    Batch,
    Judgement,
)

KINDS = (
    "persons",
    "events",
    "deals",
    "observations",
    "sources",
    "public_ids",
    "claim_revisions",  # before `claims`, which its file name holds too (`kind_of`)
    "claims",
    "judgements",
    "name_queue",
    "choices",
)
MAX_FILE_BYTES = 16 * 1024 * 1024
"""A record file larger than this is refused before it is read (split it into several)."""


@dataclass(slots=True)
class _Context:
    """What a reader needs besides the row: the clock's time, and sources met so far."""

    now: datetime
    sources: dict[str, Source] = field(default_factory=dict)
    addresses: tuple[str, ...] | None = None
    """The current row's `source_url` when it names its sources by id (`source_ids`)."""
    queued: dict[str, int] = field(default_factory=dict)
    """How many queued names of each content the file held so far: a claim naming one name
    twice queues it twice at one time, and both rows are kept (`read_queued`)."""

    def source_for(self, url: str, row: Mapping[str, Any], recorded_at: datetime) -> str:
        sid = Source.make_id(None, url)
        if sid not in self.sources:
            self.sources[sid] = Source(
                id=sid,
                url=url,
                title=_field("source_title", f.text, row),
                publisher=_field("source_publisher", f.text, row),
                published=_field("source_date", f.day, row),
                language=_field("source_language", f.language, row),
                recorded_at=recorded_at,
            )
        return sid


def kind_of(path: str, declared: str | None) -> str | None:
    """The record kind a file holds: as declared, or named in the file name."""
    if declared:
        return declared
    stem = PurePath(path).name.lower()
    for kind in KINDS:
        if kind in stem or kind.rstrip("s") in stem:
            return kind
    return None


def _claim_ids(value: object) -> tuple[str, ...]:
    """The claims an event was accepted from, in order (a backup's `claim_ids`)."""
    listed = f.listing(value)
    for cid in listed:
        f.record_id(cid)
    if len(set(listed)) != len(listed):
        raise f.FieldError("a claim is named twice")
    return listed


def _recorded(row: Mapping[str, Any], ctx: _Context) -> datetime:
    at: datetime | None = _field("recorded_at", f.timestamp, row)
    if at is not None and at > ctx.now:
        raise _RowError("recorded_at", f"after the time of import ({ctx.now:%Y-%m-%d %H:%M} UTC)")
    return at or ctx.now


_SOURCE_ID = re.compile(r"sha256:[0-9a-f]{64}")
"""A source's id as the store makes it (`Source.make_id`)."""


def _source_id(value: object) -> str | None:
    sid = f.ident(value)
    if sid is not None and not _SOURCE_ID.fullmatch(sid):
        raise f.FieldError(f"expected sha256: and 64 hex digits, not {f.shown(sid)}")
    return sid


def _listed_source_ids(value: object) -> tuple[str, ...]:
    listed = f.listing(value)
    for sid in listed:
        _source_id(sid)
    if len(set(listed)) != len(listed):
        raise f.FieldError("a source is named twice")
    return listed


def _source_ids(row: Mapping[str, Any], ctx: _Context, recorded_at: datetime) -> tuple[str, ...]:
    """The record's sources, in order: by id where the row names them (`source_ids`, as a
    backup does: a source with no address, an ingested article, has only its id), else by
    address (`source_url`). With `source_ids` given, `source_url` is only their addresses for
    the reader (an article's address is not its id, which is the hash of its text)."""
    by_id: tuple[str, ...] = _field("source_ids", _listed_source_ids, row)
    if by_id:
        ctx.addresses = _field("source_url", f.listing, row)
        return by_id
    return tuple(ctx.source_for(u, row, recorded_at) for u in _field("source_url", f.listing, row))


def read_person(row: Mapping[str, Any], ctx: _Context) -> Person:
    recorded = _recorded(row, ctx)
    year = _field("birth_year", lambda v: f.integer(v, 1850, ctx.now.year), row)
    pid = _field("id", f.required_record_id, row)
    merged_into = _field("merged_into", f.record_id, row)
    if merged_into is not None and merged_into == pid:
        raise _RowError("merged_into", "a person cannot be merged into itself")
    return Person(
        id=pid,
        merged_into=merged_into,
        name=_field("name", f.required_name, row),
        recorded_at=recorded,
        aliases=_field("aliases", f.names, row),
        birth_year=year,
        gender=_field("gender", lambda v: f.choice(v, Gender), row) or Gender.UNKNOWN,
        region=_field("region", f.text, row),
        country=_country(row),
        protection=_field("protection", lambda v: f.choice(v, Protection), row)
        or Protection.PUBLIC,
        note=_field("note", f.note, row),
    )


def read_event(row: Mapping[str, Any], ctx: _Context) -> Event:
    recorded = _recorded(row, ctx)
    kind = _required("kind", lambda v: f.choice(v, EventKind), row)
    when = _required("date", f.fuzzy, row)
    mechanism = _field("mechanism", lambda v: f.choice(v, ReleaseMechanism), row)
    if mechanism is not None and kind is not EventKind.RELEASED:
        raise _RowError("mechanism", f"only a release has a mechanism, not {kind.value}")
    if kind is EventKind.RELEASED and mechanism is None:
        mechanism = ReleaseMechanism.UNKNOWN
    organisation = _field("organisation", f.text, row)
    if kind in RECOGNITION and organisation is None:
        raise _RowError("organisation", f"{kind.value} needs the organisation that recognised them")
    deal_id = _field("deal_id", f.ident, row)
    if deal_id is not None and kind not in (EventKind.RELEASED, EventKind.DEPORTED):
        raise _RowError("deal_id", f"only a release belongs to a deal, not {kind.value}")
    person_id = _field("person_id", f.required, row)
    sources = _source_ids(row, ctx, recorded)
    eid = _field("id", f.record_id, row) or content_id(
        "ev", person_id, kind.value, str(when), mechanism, organisation, deal_id, *sources
    )
    sentence_months = _field("sentence", f.sentence, row)
    term_ends = _field("term_ends", f.day, row)
    if term_ends is None and sentence_months is not None:
        term_ends = term_end(when, sentence_months)
    if term_ends is not None and term_ends < when.earliest:
        raise _RowError("term_ends", f"the term cannot end ({term_ends}) before the event ({when})")
    return Event(
        id=eid,
        person_id=person_id,
        kind=kind,
        date=when,
        recorded_at=recorded,
        recorded_by=_field("recorded_by", f.text, row) or "import",
        mechanism=mechanism,
        organisation=organisation,
        deal_id=deal_id,
        place=_field("place", f.text, row),
        source_ids=sources,
        claim_ids=_field("claim_ids", _claim_ids, row),
        note=_field("note", f.note, row),
        supersedes=_field("supersedes", f.ident, row),
        void=_field("void", f.boolean, row),
        articles=_field("articles", f.articles, row),
        sentence_months=sentence_months,
        term_ends=term_ends,
        court=_field("court", f.text, row),
        detention_place=_field("detention_place", f.text, row),
        health=_field("health", f.note, row),
    )


def _concessions(value: object) -> tuple[Concession, ...]:
    if isinstance(value, list):
        out = []
        for item in value:
            if not isinstance(item, dict):
                raise f.FieldError("each concession must be an object with by, what, target")
            by, what = f.text(item.get("by")), f.text(item.get("what"), 64)
            if not by or not what:
                raise f.FieldError("a concession needs 'by' and 'what'")
            out.append(Concession(by, what, f.text(item.get("target")), f.note(item.get("note"))))
        return tuple(out)
    result = []
    for part in f.listing(value):
        pieces = [p.strip() for p in part.split(":")]
        if len(pieces) not in (2, 3) or not all(pieces[:2]):
            raise f.FieldError(f"expected by:what[:target], got {f.shown(part)}")
        if len(pieces[1]) > 64:
            raise f.FieldError(f"what was conceded: at most 64 characters, not {len(pieces[1])}")
        result.append(Concession(pieces[0], pieces[1], pieces[2] if len(pieces) == 3 else None))
    return tuple(result)


def read_deal(row: Mapping[str, Any], ctx: _Context) -> Deal:
    recorded = _recorded(row, ctx)
    when = _required("date", f.fuzzy, row)
    released = _field("reported_released", f.integer, row)
    political = _field("reported_political_prisoners", f.integer, row)
    if released is not None and political is not None and political > released:
        raise _RowError(
            "reported_political_prisoners", f"{political} is more than released {released}"
        )
    return Deal(
        id=_field("id", f.required_record_id, row),
        date=when,
        recorded_at=recorded,
        country=_country(row),
        parties=_field("parties", f.listing, row),
        mediator=_field("mediator", f.text, row),
        concessions=_field("concessions", _concessions, row),
        reported_released=released,
        reported_political_prisoners=political,
        figures_by=_field("figures_by", f.text, row),
        source_ids=_source_ids(row, ctx, recorded),
        note=_field("note", f.note, row),
    )


def read_observation(row: Mapping[str, Any], ctx: _Context) -> Observation:
    recorded = _recorded(row, ctx)
    metric = _required("metric", lambda v: f.choice(v, ObservationMetric), row)
    value = _required("value", f.integer, row)
    period = _required("period", f.fuzzy, row)
    org = _field("organisation", f.text, row)
    sources = _source_ids(row, ctx, recorded)
    place, scope = _field("place", f.text, row), _field("scope", f.text, row)
    oid = _field("id", f.record_id, row) or content_id(
        "ob",
        metric.value,
        value,
        str(period),
        org,
        _country(row),
        *sources,
        *((place, scope) if place or scope else ()),
    )
    return Observation(
        id=oid,
        metric=metric,
        value=value,
        period=period,
        recorded_at=recorded,
        organisation=org,
        country=_country(row),
        qualifier=_field("qualifier", lambda v: f.choice(v, Qualifier), row) or Qualifier.EXACT,
        source_ids=sources,
        note=_field("note", f.note, row),
        place=place,
        scope=scope,
    )


def read_source(row: Mapping[str, Any], ctx: _Context) -> Source:
    """A source. With its `id` (as a backup gives it) its text is read exactly as written, not
    trimmed, and must be the text (or, with none, the address) the id is the hash of: the id
    is what records name it by, and a text that does not give it back is not that source."""
    recorded = _recorded(row, ctx)
    url = _field("url", f.text, row)
    sid = _field("id", _source_id, row)
    reader = _exact_text if sid is not None else lambda v: f.text(v, f.TEXT_MAX, lines=True)
    body = _field("text", reader, row)
    if url is None and body is None:
        raise _RowError("url", "a source needs an address or a text")
    made = Source.make_id(body, url)
    if sid is not None and sid != made:
        what = "text" if body is not None else "address"
        raise _RowError("id", f"not the hash of the source's {what} ({made[:19]}...)")
    return Source(
        id=made,
        url=url,
        title=_field("title", f.text, row),
        publisher=_field("publisher", f.text, row),
        published=_field("published", f.day, row),
        language=_field("language", f.language, row),
        recorded_at=recorded,
        text=body,
    )


def _exact_text(value: object) -> str | None:
    """A source's text as a backup holds it: every character kept (its id is the hash of
    them all); no NUL (no database holds one), no more than `fields.TEXT_MAX` characters."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise f.FieldError("expected text")
    if len(value) > f.TEXT_MAX:
        raise f.FieldError(f"too long: {len(value)} characters (at most {f.TEXT_MAX})")
    bad = _NOT_IN_TEXT.search(value)
    if bad is not None:
        what = "NUL" if bad.group() == "\x00" else f"a lone surrogate U+{ord(bad.group()):04X}"
        raise f.FieldError(f"{what} at character {bad.start() + 1} (not allowed here)")
    return value


_NOT_IN_TEXT = re.compile("[\x00\ud800-\udfff]")


def _exact_line_text(value: object) -> str:
    """Text kept as written (a claim's evidence, its population): `_exact_text`, empty allowed."""
    return _exact_text(value) or ""


def _confidence(value: object) -> float:
    if value is None or value == "":
        return 1.0
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise f.FieldError("expected a number from 0 to 1")
    try:
        number = float(value)
    except ValueError:
        raise f.FieldError(f"expected a number from 0 to 1, not {f.shown(str(value))}") from None
    if not 0.0 <= number <= 1.0:  # NaN fails too
        raise f.FieldError(f"expected a number from 0 to 1, not {f.shown(str(value))}")
    return number


def _name_list(value: object) -> tuple[str, ...]:
    """The names a claim's evidence gives, as a backup lists them (a JSON list)."""
    if value is None or value == "":
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise f.FieldError("expected a list of names")
    return tuple(_required_text(v) for v in value)


def _required_text(value: object) -> str:
    t = f.text(value)
    if t is None:
        raise f.FieldError("an empty name")
    return t


def read_claim(row: Mapping[str, Any], ctx: _Context) -> Claim:
    """A claim as the full backup holds it (`exporting.CLAIM_FIELDS`): a suggestion read from
    a source, with its review. Its evidence is checked against the source's text on import
    (`importing.evidence_problems`)."""
    recorded = _recorded(row, ctx)
    start = _required("evidence_start", lambda v: f.integer(v, 0, f.TEXT_MAX), row)
    end = _required("evidence_end", lambda v: f.integer(v, 0, f.TEXT_MAX), row)
    if end < start:
        raise _RowError("evidence_end", f"before evidence_start ({end} < {start})")
    evidence = _field("evidence_text", _exact_line_text, row)
    if len(evidence) != end - start:
        raise _RowError("evidence_text", f"{len(evidence)} characters, not {end - start}")
    status = _required("review_status", lambda v: f.choice(v, ReviewStatus), row)
    reviewer = _field("reviewer", f.text, row)
    reviewed_at = _field("reviewed_at", f.timestamp, row)
    if status is not ReviewStatus.SUGGESTED:
        for name, value in (("reviewer", reviewer), ("reviewed_at", reviewed_at)):
            if value is None:
                raise _RowError(name, f"missing: a claim {status.value} says who and when")
    if reviewed_at is not None and reviewed_at > ctx.now:
        raise _RowError("reviewed_at", f"after the time of import ({ctx.now:%Y-%m-%d %H:%M} UTC)")
    return Claim(
        id=_field("id", f.required_record_id, row),
        source_id=_required("source_id", _source_id, row),
        action=_required("action", f.text, row),
        count=_required("count", f.integer, row),
        qualifier=_required("qualifier", lambda v: f.choice(v, Qualifier), row),
        population=_field("population", _exact_line_text, row),
        when=_field("when", f.fuzzy, row),
        evidence=Span(start, end, evidence),
        extractor=_required("extractor", f.text, row),
        extractor_version=_required("extractor_version", f.text, row),
        recorded_at=recorded,
        confidence=_field("confidence", _confidence, row),
        persons=_field("persons", _name_list, row),
        agent=_field("agent", f.text, row),
        attributed_to=_field("attributed_to", f.text, row),
        mechanism=_field("mechanism", lambda v: f.choice(v, ReleaseMechanism), row),
        country=_country(row),
        part_of=_field("part_of", f.ident, row),
        review=Review(status, reviewer, reviewed_at, _field("review_note", f.note, row)),
        superseded_by=_field("superseded_by", f.ident, row),
    )


VERDICTS = ("same", "not_same", "unsure")


def read_judgement(row: Mapping[str, Any], ctx: _Context) -> BackedJudgement:
    """A reviewer's judgement on a name (whether it is a registry person), as the full backup
    holds it; its key names it in messages and tells a repeat (`BackedJudgement`)."""
    verdict = _required("verdict", f.text, row)
    if verdict not in VERDICTS:
        raise _RowError(
            "verdict", f"unknown value {f.shown(verdict)} (expected {', '.join(VERDICTS)})"
        )
    at = _required("decided_at", f.timestamp, row)
    if at > ctx.now:
        raise _RowError("decided_at", f"after the time of import ({ctx.now:%Y-%m-%d %H:%M} UTC)")
    j = Judgement(
        name=_required("name", f.required_name, row),
        person_id=_required("person_id", f.required_record_id, row),
        verdict=verdict,
        decided_by=_required("decided_by", f.text, row),
        decided_at=at,
        note=_field("note", f.note, row),
    )
    return BackedJudgement(
        content_id("ju", j.name, j.person_id, j.verdict, j.decided_by, at, j.note), j
    )


QUEUE_STATES = ("pending", "resolved", "withdrawn")


def read_queued(row: Mapping[str, Any], ctx: _Context) -> BackedQueued:
    """A name of an accepted claim that waited (or waits) for a reviewer's decision, as the
    full backup holds it (`name_queue.jsonl`): a resolved one names the person it was given."""
    status = _required("status", f.text, row)
    if status not in QUEUE_STATES:
        expected = ", ".join(QUEUE_STATES)
        raise _RowError("status", f"unknown value {f.shown(status)} (expected {expected})")
    person_id = _field("person_id", f.record_id, row)
    if (status == "resolved") != (person_id is not None):
        why = "a resolved name names its person" if person_id is None else "only a resolved name"
        raise _RowError("person_id", f"{'missing' if person_id is None else 'given'}: {why}")
    at = _required("recorded_at", f.timestamp, row)
    if at > ctx.now:
        raise _RowError("recorded_at", f"after the time of import ({ctx.now:%Y-%m-%d %H:%M} UTC)")
    claim_id = _required("claim_id", f.required_record_id, row)
    name = _required("name", f.required_name, row)
    candidates = _field("candidates", _candidates, row)
    key = content_id("nq", claim_id, name, at)
    n = ctx.queued[key] = ctx.queued.get(key, 0) + 1
    qid = key if n == 1 else f"{key}#{n}"
    return BackedQueued(qid, claim_id, name, candidates, status, person_id, at)


def _candidates(value: object) -> list[dict[str, Any]]:
    """The persons a queued name was weighed against (`matching.as_dicts`): a list of objects,
    each naming a person, its score and why, written as JSON text (a value of a record file
    nests no deeper than a list of objects)."""
    if value is None:
        return []
    if not isinstance(value, str):
        raise f.FieldError("expected the candidates as JSON text")
    try:
        value = json.loads(value)
    except ValueError:
        raise f.FieldError("not a JSON list of candidates") from None
    if not isinstance(value, list) or len(value) > 1000:
        raise f.FieldError("expected a JSON list of candidates")
    out: list[dict[str, Any]] = []
    for i, c in enumerate(value, 1):
        if not isinstance(c, dict) or set(c) != {"person_id", "name", "score", "why"}:
            raise f.FieldError(f"candidate {i}: expected person_id, name, score and why")
        pid, name, score, why = c["person_id"], c["name"], c["score"], c["why"]
        ok = (
            isinstance(pid, str)
            and f.record_id(pid) is not None
            and isinstance(name, str)
            and f.name(name) is not None
            and isinstance(score, int | float)
            and not isinstance(score, bool)
            and math.isfinite(score)
            and isinstance(why, list)
            and all(isinstance(w, str) and len(w) <= f.SHORT_MAX for w in why)
        )
        if not ok:
            raise f.FieldError(f"candidate {i}: not a person id, name, score and reasons")
        out.append({"person_id": pid, "name": name, "score": score, "why": list(why)})
    return out


def read_choice(row: Mapping[str, Any], ctx: _Context) -> BackedChoice:
    """An analyst's choice between disagreeing values (`prisonwatch conflicts choose`), as the
    full backup holds it (`choices.jsonl`)."""
    at = _required("chosen_at", f.timestamp, row)
    if at > ctx.now:
        raise _RowError("chosen_at", f"after the time of import ({ctx.now:%Y-%m-%d %H:%M} UTC)")
    conflict = _required("conflict", f.text, row)
    chosen = _required("chosen", f.required, row)
    by = _required("chosen_by", f.text, row)
    why = _required("why", f.note, row)
    return BackedChoice(
        content_id("ch", conflict, chosen, by, at, why), conflict, chosen, by, at, why
    )


def read_claim_revision(row: Mapping[str, Any], ctx: _Context) -> BackedRevision:
    """One version of a claim's review, as the full backup holds it (`claim_revisions.jsonl`):
    revision 0 is the claim as first recorded; a later one says who changed it, when and why,
    and holds the whole claim after the change (`claim` null: voided). Checked against the
    other revisions and `claims.jsonl` on import (`importing.claim_history`)."""
    claim_id = _required("claim_id", f.required_record_id, row)
    seq = _required("revision", lambda v: f.integer(v, 0, f.INT_MAX), row)
    given = row.get("claim")
    if given is not None and not isinstance(given, dict):
        raise _RowError("claim", "expected a claim (an object) or null (voided)")
    claim = None
    if given is not None:
        try:
            claim = read_claim(given, ctx)
        except _RowError as bad:
            raise _RowError(f"claim.{bad.field_name}", bad.reason) from None
        if claim.id != claim_id:
            raise _RowError("claim.id", f"not the claim_id of the line ({f.shown(claim_id)})")
    if seq == 0:
        if claim is None:
            raise _RowError("claim", "missing: revision 0 is the claim as first recorded")
        for extra in ("actor", "at", "why"):
            if row.get(extra) not in (None, ""):
                raise _RowError(extra, "given: revision 0 is the claim as first recorded")
        return BackedRevision(f"{claim_id}#0", claim_id, 0, claim, None, None, None)
    at = _required("at", f.timestamp, row)
    if at > ctx.now:
        raise _RowError("at", f"after the time of import ({ctx.now:%Y-%m-%d %H:%M} UTC)")
    actor = _required("actor", f.text, row)
    why = _required("why", f.note, row)
    return BackedRevision(f"{claim_id}#{seq}", claim_id, seq, claim, actor, at, why)


_PUBLIC_ID_KINDS = ("key", "person", "event")
"""What the store gives public ids to: its key for keyed ids (`services.public`), withheld
persons' pseudonyms and their events' ids (`services.exporting`)."""
_KEY = re.compile(r"[0-9a-f]{32}")
_PUBLIC_ID = re.compile(r"[a-z]+-[0-9a-f]{16}")


def read_public_id(row: Mapping[str, Any], ctx: _Context) -> PublicId:
    """A public id from a backup (`export --include-protected`): the store's key is 32
    lowercase hex digits, any other public id its kind, '-' and 16 hex digits, as the store
    makes them."""
    kind = _required("kind", f.ident, row)
    if kind not in _PUBLIC_ID_KINDS:
        expected = ", ".join(_PUBLIC_ID_KINDS)
        raise _RowError("kind", f"expected one of {expected}, not {f.shown(kind)}")
    record_id = _required("record_id", f.ident, row)
    public_id = _required("public_id", f.ident, row)
    if kind == "key" and (record_id != "record-ids" or not _KEY.fullmatch(public_id)):
        raise _RowError("public_id", "the key for public ids is 32 lowercase hex digits")
    if kind != "key" and not (_PUBLIC_ID.fullmatch(public_id) and public_id.startswith(kind + "-")):
        why = f"expected {kind}- and 16 hex digits, not {f.shown(public_id)}"
        raise _RowError("public_id", why)
    return PublicId(kind, record_id, public_id)


class _RowError(Exception):
    def __init__(self, field_name: str, reason: str) -> None:
        super().__init__(reason)
        self.field_name, self.reason = field_name, reason


def _field(name: str, reader: Callable[[object], Any], row: Mapping[str, Any]) -> Any:
    try:
        return reader(row.get(name))
    except f.FieldError as exc:
        raise _RowError(name, str(exc)) from None


def _required(name: str, reader: Callable[[object], Any], row: Mapping[str, Any]) -> Any:
    """A field the row cannot do without: read, and an error naming it when it is empty."""
    value = _field(name, reader, row)
    if value is None:
        raise _RowError(name, "missing")
    return value


def _country(row: Mapping[str, Any]) -> str | None:
    c = _field("country", f.text, row)
    if c is not None and (len(c) != 2 or not c.isascii() or not c.isalpha()):
        raise _RowError("country", f"expected an ISO 3166 two-letter code, got {f.shown(c)}")
    return c.upper() if c else None


READERS: dict[str, Callable[[Mapping[str, Any], _Context], Any]] = {
    "persons": read_person,
    "events": read_event,
    "deals": read_deal,
    "observations": read_observation,
    "sources": read_source,
    "public_ids": read_public_id,
    "claims": read_claim,
    "judgements": read_judgement,
    "name_queue": read_queued,
    "choices": read_choice,
    "claim_revisions": read_claim_revision,
}

REQUIRED_COLUMNS: dict[str, tuple[str, ...]] = {
    "persons": ("id", "name"),
    "events": ("person_id", "kind", "date"),
    "deals": ("id", "date"),
    "observations": ("metric", "value", "period"),
    "sources": (),
    "public_ids": ("kind", "record_id", "public_id"),
    "claims": ("id", "source_id", "review_status"),
    "judgements": ("name", "person_id", "verdict", "decided_by", "decided_at"),
    "name_queue": (),
    "choices": (),
    "claim_revisions": (),
}


CHECK_FIRST_CHARS = 2_000_000
"""A text longer than this is checked in a first pass that keeps no records, so that refusing
a large file never holds all its records in memory."""


def read_records(
    name: str, text: str, now: datetime, declared_kind: str | None = None
) -> tuple[Batch, list[Problem]]:
    """Read one record file's text into a batch, with every problem found in it."""
    if len(text) > CHECK_FIRST_CHARS:
        _, problems = _read(name, text, now, declared_kind, keep=False)
        if problems:
            return Batch(), problems
    return _read(name, text, now, declared_kind, keep=True)


def _header_hint(header: list[str], column: str) -> str:
    """Why a spreadsheet's header may lack a column it seems to have: saved with another
    separator (a spreadsheet set to a language that writes decimal commas uses `;`), or the
    column's name written in capitals."""
    if len(header) == 1:
        for sep, said in ((";", "';'"), ("\t", "tabs")):
            if sep in header[0]:
                return (
                    f" (the header has no comma but {said}: save the file as CSV separated "
                    "by commas)"
                )
    written = [h for h in header if h.strip().lower() == column]
    if written:
        return f" (the header has {written[0]!r}: write column names in lower case, {column!r})"
    return ""


def _read(
    name: str, text: str, now: datetime, declared_kind: str | None, keep: bool
) -> tuple[Batch, list[Problem]]:
    batch = Batch()
    problems: list[Problem] = []
    ctx = _Context(now)
    kind = kind_of(name, declared_kind)
    suffix = PurePath(name).suffix.lower()
    items: Iterator[Item | Problem]
    if suffix == ".csv":
        if kind is None:
            return batch, [Problem(name, "file", _no_kind_reason())]
        if not text.strip():
            return batch, [Problem(name, "file", "empty file")]
        header = formats.csv_header(text)
        missing = [c for c in REQUIRED_COLUMNS[kind] if c not in header]
        if missing:
            return batch, [
                Problem(f"{name}:1", c, "required column missing" + _header_hint(header, c))
                for c in missing
            ]
        items = _with_kind(formats.csv_rows(name, text), kind)
    elif suffix == ".json":
        items = formats.json_items(name, text, kind)
    elif suffix == ".jsonl":
        items = formats.jsonl_items(name, text, kind)
    else:
        return batch, [
            Problem(name, "file", f"unknown format {suffix!r} (expected .csv, .json or .jsonl)")
        ]
    targets: dict[str, list[Any]] = {
        "persons": batch.persons,
        "events": batch.events,
        "deals": batch.deals,
        "observations": batch.observations,
        "sources": batch.sources,
        "public_ids": batch.public_ids,
        "claims": batch.claims,
        "judgements": batch.judgements,
        "name_queue": batch.name_queue,
        "choices": batch.choices,
        "claim_revisions": batch.claim_revisions,
    }
    seen: dict[tuple[str, str], str] = {}  # (kind, id) -> where it was first read
    for got in items:
        if isinstance(got, Problem):
            problems.append(got)
            continue
        where, item_kind, item = got
        if item_kind is None:
            problems.append(Problem(where, "record", _no_kind_reason()))
            continue
        if item_kind not in READERS:
            reason = f"unknown record kind {f.shown(item_kind)} (expected {', '.join(KINDS)})"
            problems.append(Problem(where, "record", reason))
            continue
        if not isinstance(item, dict):
            problems.append(Problem(where, "record", "expected an object"))
            continue
        ctx.addresses = None
        try:
            record = READERS[item_kind](item, ctx)
        except _RowError as bad:
            problems.append(Problem(where, bad.field_name, bad.reason))
            continue
        first = seen.setdefault((item_kind, record.id), where)
        if first != where:
            what = item_kind.rstrip("s")
            reason = f"duplicate {what} id {f.shown(record.id, 80)} (first {first})"
            problems.append(Problem(where, "id", reason))
            continue
        if not keep:  # only checked: read for problems, not records
            continue
        targets[item_kind].append(record)
        batch.where[record.id] = where
        if ctx.addresses is not None:
            batch.addresses[(item_kind, record.id)] = ctx.addresses
        if item_kind == "persons" and f.text(item.get("protection")) is None:
            batch.protection_unstated.add(record.id)
    batch.sources = list(ctx.sources.values()) + batch.sources
    return batch, problems


def _with_kind(
    rows: Iterator[tuple[str, dict[str, str] | Problem]], kind: str
) -> Iterator[Item | Problem]:
    for where, row in rows:
        yield row if isinstance(row, Problem) else (where, kind, row)


def _no_kind_reason() -> str:
    return (
        "cannot tell which records this holds: name the file after its kind "
        f"({', '.join(KINDS)}), pass --kind, or give each JSONL line a 'record' field"
    )
