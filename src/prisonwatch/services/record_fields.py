"""The fields a user may type for each kind of record, and how a typed value is read.

One table (`FIELDS`) serves every edge: the CLI's `edit`/`add` options are made from it, the web
forms show it, the JSON API reads its bodies with it. A value comes as text (a form, an option)
or as JSON (the API); each reader returns the typed value or raises `ValueError` with the
reason. Text is held to the same limits as record files (`ingest.fields`: lengths both databases
hold, no control characters), so a value the store could not keep is refused with its field
before anything is written, never by the database half way through.

`check` holds the rules that tie fields of one record together (only a release has a
mechanism, a designation names who designated), applied when a record is added and, on an
edit, to the rules whose fields the edit touches.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from prisonwatch.core.concessions import ConcessionKind
from prisonwatch.core.custody import CustodyError, check_article, parse_sentence
from prisonwatch.core.problems import Problem
from prisonwatch.core.records import Concession, Deal, Event, Observation
from prisonwatch.core.vocabulary import (
    RECOGNITION,
    EventKind,
    Gender,
    ObservationMetric,
    Protection,
    Qualifier,
    ReleaseMechanism,
)
from prisonwatch.ingest import fields as f
from prisonwatch.storage.port import LedgerStore

Read = Callable[[LedgerStore, Any], Any]


@dataclass(frozen=True, slots=True)
class Field:
    """One editable field: how it is read, what it means, and how users name it.

    `option` is the CLI option's name when it is not the field's own (`--sentence` for
    `sentence_months`); `choices` the values a form offers; `required` that a new record
    cannot be added without it.
    """

    read: Read
    help: str = ""
    option: str | None = None
    choices: tuple[str, ...] = ()
    required: bool = False


def _text(_: LedgerStore, value: Any) -> str | None:
    return f.text(value)


def _note(_: LedgerStore, value: Any) -> str | None:
    return f.note(value)


def _name(_: LedgerStore, value: Any) -> str:
    found = f.name(value)
    if found is None:
        raise ValueError("may not be empty")
    return found


def _ident(_: LedgerStore, value: Any) -> str:
    found = f.ident(value)
    if found is None:
        raise ValueError("may not be empty")
    return found


def _items(value: Any, limit: int) -> tuple[str, ...]:
    """Several values: a JSON list, or text separated by ';' (empty items left out)."""
    if value is None:
        return ()
    items = list(value) if isinstance(value, list | tuple) else None
    if items is None:
        text = f.text(value, limit * 20) or ""
        items = text.split(";")
    out = (f.text(i, limit) for i in items)
    return tuple(dict.fromkeys(i for i in out if i))


def _names(_: LedgerStore, value: Any) -> tuple[str, ...]:
    return _items(value, f.NAME_MAX)


def _count(_: LedgerStore, value: Any) -> int | None:
    return f.integer(value)


def _value(_: LedgerStore, value: Any) -> int:
    found = f.integer(value)
    if found is None:
        raise ValueError("may not be empty")
    return found


def _year(_: LedgerStore, value: Any) -> int | None:
    n = f.integer(value)
    if n is not None and not 1880 <= n <= 2030:
        raise ValueError(f"{n} is not a plausible birth year")
    return n


def _choice(enum: type[StrEnum], optional: bool = False) -> Read:
    def read(_: LedgerStore, value: Any) -> Any:
        text = f.text(value, 64) or ""
        if optional and not text:
            return None
        try:
            return enum(text)
        except ValueError:
            allowed = ", ".join(e.value for e in enum)
            raise ValueError(f"{text!r} is not one of {allowed}") from None

    return read


def _fuzzy(_: LedgerStore, value: Any) -> Any:
    found = f.fuzzy(value)
    if found is None:
        raise ValueError("may not be empty")
    return found


def _day(_: LedgerStore, value: Any) -> Any:
    return f.day(value)


def _country(_: LedgerStore, value: Any) -> str | None:
    text = (f.text(value, 8) or "").upper()
    if text and not (text.isascii() and text.isalpha() and len(text) == 2):
        raise ValueError(f"{text!r} is not a two-letter country code")
    return text or None


def _language(_: LedgerStore, value: Any) -> str | None:
    return f.language(value)


def _person_ref(store: LedgerStore, value: Any) -> str:
    pid = _ident(store, value)
    if store.person(pid) is None:
        raise ValueError(f"there is no person {pid!r}")
    return pid


def _deal_ref(store: LedgerStore, value: Any) -> str | None:
    did = f.ident(value)
    if did is not None and did not in {d.id for d in store.deals()}:
        raise ValueError(f"there is no deal {did!r}")
    return did


def _sources(store: LedgerStore, value: Any) -> tuple[str, ...]:
    """Sources named by id or by address, each one that exists."""
    ids = _items(value, f.SHORT_MAX)
    known = {s.id for s in store.sources(list(ids))} if ids else set()
    by_url = {s.url: s.id for s in store.sources()} if set(ids) - known else {}
    out = []
    for i in ids:
        if i in known:
            out.append(i)
        elif i in by_url:
            out.append(by_url[i])
        else:
            raise ValueError(
                f"there is no source {i!r}: name a source already recorded, by its id or "
                "address (a new address is recorded by importing it: `source_url` on a row, "
                "or a sources file)"
            )
    return tuple(out)


def _verdict(_: LedgerStore, value: Any) -> str:
    text = f.text(value, 16) or ""
    if text not in ("same", "not_same", "unsure"):
        raise ValueError(f"{text!r} is not one of same, not_same, unsure")
    return text


def _articles(_: LedgerStore, value: Any) -> tuple[str, ...]:
    """Criminal-code articles separated by ';' or '|' (replacing them all), or a list."""
    items = value if isinstance(value, list | tuple) else (f.text(value) or "").replace("|", ";")
    try:
        return tuple(check_article(a) for a in _items(items, 200))
    except CustodyError as exc:
        raise ValueError(str(exc)) from None


def _sentence(_: LedgerStore, value: Any) -> int | None:
    """A sentence length (`5y`, `2y6m`, `18m`, or a number of whole months); empty clears it."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    text = f.text(value, 40)
    if text is None:
        return None
    if text.isdigit():
        text = f"{text}m"  # whole months, as a form shows the stored length
    try:
        return parse_sentence(text)
    except CustodyError as exc:
        raise ValueError(str(exc)) from None


CONCESSION_KEYS = ("by", "what", "target", "note")


def concession(item: Any) -> Concession | None:
    """One concession: an object `{by, what, target, note}` or text `by/what/target`; None for
    an empty one (a blank form row)."""
    if isinstance(item, Mapping):
        extra = sorted(set(item) - set(CONCESSION_KEYS))
        if extra:
            raise ValueError(f"a concession has no field {extra[0]!r} (it has by, what, target)")
        parts = [item.get(k) for k in CONCESSION_KEYS]
    else:
        text = f.text(item)
        if text is None:
            return None
        parts = [p.strip() for p in text.split("/")]
        if len(parts) > 3:
            raise ValueError(f"{text!r} is not 'by/what' or 'by/what/target'")
        parts += [None] * (4 - len(parts))
    by, what, target = (f.text(p) for p in parts[:3])
    note = f.note(parts[3])
    if by is None and what is None and target is None and note is None:
        return None
    if by is None or what is None:
        shown = "/".join(x or "" for x in (by, what, target))
        raise ValueError(f"{shown!r}: a concession needs who gave it (by) and what (by/what)")
    if len(what) > 64:
        raise ValueError(f"what was conceded: at most 64 characters, not {len(what)}")
    return Concession(by, what, target, note)


def _concessions(_: LedgerStore, value: Any) -> tuple[Concession, ...]:
    """`by/what/target; by/what/target` (target optional), or a list of objects or texts."""
    if value is None:
        return ()
    items = value if isinstance(value, list | tuple) else (f.text(value, f.NOTE_MAX) or "")
    if isinstance(items, str):
        items = items.split(";")
    found = (concession(i) for i in items)
    return tuple(c for c in found if c is not None)


def _values(enum: type[StrEnum]) -> tuple[str, ...]:
    return tuple(e.value for e in enum)


SOURCES = Field(_sources, "Source ids or addresses, separated by ';'.")
FIELDS: dict[str, dict[str, Field]] = {
    "person": {
        "name": Field(_name, "The main name.", required=True),
        "aliases": Field(_names, "Every other spelling, separated by ';' (replaces them)."),
        "birth_year": Field(_year, "Year of birth."),
        "gender": Field(
            _choice(Gender), "female, male, other or unknown.", choices=_values(Gender)
        ),
        "region": Field(_text),
        "country": Field(_country, "Two-letter country code."),
        "protection": Field(
            _choice(Protection),
            "public, withhold_name or counts_only.",
            choices=_values(Protection),
        ),
        "note": Field(_note),
    },
    "event": {
        "person_id": Field(_person_ref, "Whom it happened to.", required=True),
        "kind": Field(
            _choice(EventKind),
            "detained, released, sentenced, ...",
            choices=_values(EventKind),
            required=True,
        ),
        "date": Field(_fuzzy, "2025-09-11, 2025-09, 2025 or a/b.", required=True),
        "mechanism": Field(
            _choice(ReleaseMechanism, optional=True),
            "How a release happened.",
            choices=("", *_values(ReleaseMechanism)),
        ),
        "organisation": Field(_text, "Who designated or recognised (for designations)."),
        "deal_id": Field(_deal_ref, "The deal a release belongs to."),
        "place": Field(_text),
        "note": Field(_note),
        "source_ids": SOURCES,
        "articles": Field(_articles, "Criminal-code articles, separated by ';'."),
        "sentence_months": Field(_sentence, "Sentence length: 5y, 2y6m, 18m.", option="sentence"),
        "term_ends": Field(_day, "When the term ends (a day)."),
        "court": Field(_text),
        "detention_place": Field(_text, "Colony or prison (analysts only)."),
        "health": Field(_note, "Health notes (analysts only)."),
    },
    "deal": {
        "date": Field(_fuzzy, "When it was made.", required=True),
        "country": Field(_country, "Two-letter code of the country that released."),
        "parties": Field(_names, "Parties, separated by ';'."),
        "mediator": Field(_text),
        "concessions": Field(
            _concessions, "'by/what/target' items separated by ';' (replaces them)."
        ),
        "reported_released": Field(_count, "How many the sources say it released."),
        "reported_political_prisoners": Field(
            _count, "How many of them were political prisoners, as published."
        ),
        "reported_returned": Field(_count, "How many were back in custody since, as published."),
        "figures_by": Field(_text, "Who published the deal's own figures."),
        "note": Field(_note),
        "source_ids": SOURCES,
    },
    "observation": {
        "metric": Field(
            _choice(ObservationMetric),
            "held, released, detained, ...",
            choices=_values(ObservationMetric),
            required=True,
        ),
        "value": Field(_value, "The number published.", required=True),
        "period": Field(_fuzzy, "The day or period it counts.", required=True),
        "qualifier": Field(
            _choice(Qualifier), "exact, about, at_least, ...", choices=_values(Qualifier)
        ),
        "organisation": Field(_text, "Who published it."),
        "country": Field(_country, "Two-letter country code."),
        "place": Field(_text, "Where it was counted, when it is about one place."),
        "scope": Field(_text, "The event or campaign it is about."),
        "note": Field(_note),
        "source_ids": SOURCES,
    },
    "judgement": {
        "verdict": Field(
            _verdict, "same, not_same or unsure.", choices=("same", "not_same", "unsure")
        ),
        "note": Field(_note, "The judgement's own note."),
    },
    "choice": {
        "chosen": Field(_ident, "The id of the value chosen (one of the conflict's values)."),
        "why": Field(
            _note,
            "The choice's own reason (the edit's --why when not given).",
            option="reason",
        ),
    },
    "source": {
        "url": Field(_text),
        "title": Field(_text),
        "publisher": Field(_text),
        "published": Field(_day, "The day it was published."),
        "language": Field(_language),
    },
}
"""Which fields of each kind may be typed, and how a typed value is read."""

CONCESSION_KINDS = _values(ConcessionKind)
"""What a concession may be, as the deal pages know how to say it (a form's choices; a kind
outside them is kept as typed and said plainly)."""


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule between fields of one record: `broken(record)` gives the reason it is broken
    (None when it holds); `fields` are those it is about, and `field` the one a message names."""

    kind: type
    fields: tuple[str, ...]
    field: str
    broken: Callable[[Any], str | None]


def _mechanism(e: Event) -> str | None:
    if e.mechanism is not None and e.kind is not EventKind.RELEASED:
        return f"only a release has a mechanism, not {e.kind.value}"
    return None


def _organisation(e: Event) -> str | None:
    if e.kind in RECOGNITION and not e.organisation:
        return f"{e.kind.value} needs the organisation that did it"
    return None


def _deal(e: Event) -> str | None:
    if e.deal_id and e.kind not in (EventKind.RELEASED, EventKind.DEPORTED):
        return f"only a release belongs to a deal, not {e.kind.value}"
    return None


def _term(e: Event) -> str | None:
    if e.term_ends is not None and e.term_ends < e.date.earliest:
        return f"the term cannot end ({e.term_ends}) before the event ({e.date})"
    return None


def _political(d: Deal) -> str | None:
    released, political = d.reported_released, d.reported_political_prisoners
    if released is not None and political is not None and political > released:
        return f"{political} is more than released {released}"
    return None


RULES = (
    Rule(Event, ("kind", "mechanism"), "mechanism", _mechanism),
    Rule(Event, ("kind", "organisation"), "organisation", _organisation),
    Rule(Event, ("kind", "deal_id"), "deal_id", _deal),
    Rule(Event, ("date", "term_ends"), "term_ends", _term),
    Rule(
        Deal,
        ("reported_released", "reported_political_prisoners"),
        "reported_political_prisoners",
        _political,
    ),
)
"""The rules record files hold too (`ingest.record_files`), for records typed in by hand."""


def check(record: object, changed: set[str] | None = None) -> list[Problem]:
    """The rules tying one record's fields together that `record` breaks; on an edit
    (`changed`: the fields it set) only the rules about those fields, so an edit is never
    refused for what it did not touch."""
    kind = {Event: "event", Deal: "deal", Observation: "observation"}.get(type(record), "record")
    problems = []
    for rule in RULES:
        if not isinstance(record, rule.kind):
            continue
        if changed is not None and not changed & set(rule.fields):
            continue
        reason = rule.broken(record)
        if reason is not None:
            problems.append(Problem(f"{kind} {getattr(record, 'id', '')}", rule.field, reason))
    return problems
