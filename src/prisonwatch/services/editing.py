"""Editing the record: correct, void and trace any person, event, deal, figure or source.

One service for every edge (CLI, JSON API, web forms). An edit names fields by the words a user
types (`--protection counts_only`, `--aliases "A; B"`), is checked whole before anything is
written, and becomes one revision (`core.revisions`) with who, when and why; nothing is updated
in place. An edit based on an older revision than the newest is refused, naming the newer one.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any, cast

from prisonwatch.core.bitemporal import effective_events
from prisonwatch.core.custody import CustodyError, check_article, parse_sentence, term_end
from prisonwatch.core.dates import DateError, FuzzyDate, format_fuzzy, parse_day, parse_fuzzy
from prisonwatch.core.problems import Problem
from prisonwatch.core.records import Concession, Person, content_id
from prisonwatch.core.revisions import Revision, StaleRevisionError, diff
from prisonwatch.core.vocabulary import (
    EventKind,
    Gender,
    ObservationMetric,
    Protection,
    Qualifier,
    ReleaseMechanism,
)
from prisonwatch.storage.port import Batch, LedgerStore

KINDS: dict[str, str] = {
    "person": "person",
    "event": "event",
    "deal": "deal",
    "figure": "observation",
    "observation": "observation",
    "source": "source",
    "judgement": "judgement",
    "choice": "choice",
}
"""The word a user gives for a kind → the kind the store revises (a published figure is an
observation)."""


class EditError(Exception):
    """An edit that cannot be made: nothing was written; `problems` say which field and why."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = list(problems)


class StaleEditError(EditError):
    """An edit based on an older revision than the newest (HTTP 409)."""


class UnknownRecordError(EditError):
    """An edit of a record that does not exist (HTTP 404)."""


Parse = Callable[[LedgerStore, Any], Any]


def _text(_: LedgerStore, value: Any) -> str | None:
    text = str(value).strip() if value is not None else ""
    return text or None


def _required(_: LedgerStore, value: Any) -> str:
    text = str(value).strip() if value is not None else ""
    if not text:
        raise ValueError("may not be empty")
    return text


def _names(_: LedgerStore, value: Any) -> tuple[str, ...]:
    items = value if isinstance(value, list | tuple) else str(value or "").split(";")
    return tuple(dict.fromkeys(s for s in (str(i).strip() for i in items) if s))


def _count(_: LedgerStore, value: Any) -> int | None:
    if value is None or str(value).strip() == "":
        return None
    try:
        n = int(str(value).strip())
    except ValueError:
        raise ValueError(f"{value!r} is not a whole number") from None
    if n < 0:
        raise ValueError(f"{n} is negative")
    return n


def _year(store: LedgerStore, value: Any) -> int | None:
    n = _count(store, value)
    if n is not None and not 1880 <= n <= 2030:
        raise ValueError(f"{n} is not a plausible birth year")
    return n


def _choice(enum: type[StrEnum], optional: bool = False) -> Parse:
    def parse(_: LedgerStore, value: Any) -> Any:
        text = str(value).strip() if value is not None else ""
        if optional and not text:
            return None
        try:
            return enum(text)
        except ValueError:
            allowed = ", ".join(e.value for e in enum)
            raise ValueError(f"{text!r} is not one of {allowed}") from None

    return parse


def _fuzzy(_: LedgerStore, value: Any) -> Any:
    try:
        return parse_fuzzy(str(value or "").strip())
    except DateError as exc:
        raise ValueError(str(exc)) from None


def _day(_: LedgerStore, value: Any) -> Any:
    text = str(value or "").strip()
    if not text:
        return None
    try:
        return parse_day(text)
    except DateError as exc:
        raise ValueError(str(exc)) from None


def _country(_: LedgerStore, value: Any) -> str | None:
    text = str(value or "").strip().upper()
    if text and not (text.isalpha() and len(text) == 2):
        raise ValueError(f"{text!r} is not a two-letter country code")
    return text or None


def _person_ref(store: LedgerStore, value: Any) -> str:
    pid = _required(store, value)
    if store.person(pid) is None:
        raise ValueError(f"there is no person {pid!r}")
    return pid


def _deal_ref(store: LedgerStore, value: Any) -> str | None:
    did = _text(store, value)
    if did is not None and did not in {d.id for d in store.deals()}:
        raise ValueError(f"there is no deal {did!r}")
    return did


def _sources(store: LedgerStore, value: Any) -> tuple[str, ...]:
    ids = _names(store, value)
    known = {s.id for s in store.sources(list(ids))} if ids else set()
    by_url = {s.url: s.id for s in store.sources()} if set(ids) - known else {}
    out = []
    for i in ids:
        if i in known:
            out.append(i)
        elif i in by_url:
            out.append(by_url[i])
        else:
            raise ValueError(f"there is no source {i!r} (give its id or its address)")
    return tuple(out)


def _verdict(_: LedgerStore, value: Any) -> str:
    text = str(value or "").strip()
    if text not in ("same", "not_same", "unsure"):
        raise ValueError(f"{text!r} is not one of same, not_same, unsure")
    return text


def _articles(_: LedgerStore, value: Any) -> tuple[str, ...]:
    """Criminal-code articles separated by ';' or '|' (replacing them all), or a list."""
    if isinstance(value, list | tuple):
        items = list(value)
    else:
        items = str(value or "").replace("|", ";").split(";")
    try:
        return tuple(dict.fromkeys(check_article(str(a)) for a in items if str(a).strip()))
    except CustodyError as exc:
        raise ValueError(str(exc)) from None


def _sentence(_: LedgerStore, value: Any) -> int | None:
    """A sentence length (`5y`, `2y6m`, `18m`, or a number of whole months); empty clears it."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, bool) and str(value).strip().isdigit():
        value = f"{str(value).strip()}m"  # whole months, as a form shows the stored length
    try:
        return parse_sentence(str(value))
    except CustodyError as exc:
        raise ValueError(str(exc)) from None


def _concessions(_: LedgerStore, value: Any) -> tuple[Concession, ...]:
    """`by/what/target; by/what/target` (target optional), or a list of objects."""
    items = value if isinstance(value, list | tuple) else str(value or "").split(";")
    out = []
    for item in items:
        if isinstance(item, Mapping):
            parts = [item.get("by"), item.get("what"), item.get("target")]
        else:
            if not str(item).strip():
                continue
            parts = [p.strip() for p in str(item).split("/")]
        if len(parts) < 2 or not parts[0] or not parts[1] or len(parts) > 3:
            raise ValueError(f"{item!r} is not 'by/what' or 'by/what/target'")
        target = parts[2] if len(parts) > 2 and parts[2] else None
        out.append(Concession(str(parts[0]), str(parts[1]), target))
    return tuple(out)


FIELDS: dict[str, dict[str, Parse]] = {
    "person": {
        "name": _required,
        "aliases": _names,
        "birth_year": _year,
        "gender": _choice(Gender),
        "region": _text,
        "country": _country,
        "protection": _choice(Protection),
        "note": _text,
    },
    "event": {
        "person_id": _person_ref,
        "kind": _choice(EventKind),
        "date": _fuzzy,
        "mechanism": _choice(ReleaseMechanism, optional=True),
        "organisation": _text,
        "deal_id": _deal_ref,
        "place": _text,
        "note": _text,
        "source_ids": _sources,
        "articles": _articles,
        "sentence_months": _sentence,
        "term_ends": _day,
        "court": _text,
        "detention_place": _text,
        "health": _text,
    },
    "deal": {
        "date": _fuzzy,
        "country": _country,
        "parties": _names,
        "mediator": _text,
        "concessions": _concessions,
        "reported_released": _count,
        "reported_political_prisoners": _count,
        "reported_returned": _count,
        "figures_by": _text,
        "note": _text,
        "source_ids": _sources,
    },
    "observation": {
        "metric": _choice(ObservationMetric),
        "value": _count,
        "period": _fuzzy,
        "qualifier": _choice(Qualifier),
        "organisation": _text,
        "country": _country,
        "note": _text,
        "source_ids": _sources,
    },
    "judgement": {"verdict": _verdict, "note": _text},
    "choice": {"chosen": _required, "why": _required},
    "source": {
        "url": _text,
        "title": _text,
        "publisher": _text,
        "published": _day,
        "language": _text,
    },
}
"""Which fields of each kind may be edited, and how a typed value is read."""


def kind_of(word: str) -> str:
    """The stored kind for a user's word, or EditError naming the kinds there are."""
    if word not in KINDS:
        raise EditError([Problem("kind", "kind", f"unknown kind {word!r} (expected {_kinds()})")])
    return KINDS[word]


def _kinds() -> str:
    return ", ".join(k for k in KINDS if k != "observation")


def current(store: LedgerStore, kind: str, record_id: str) -> Any:
    """The record as it is now; UnknownRecordError when it never existed or is void."""
    found = _current(store, kind, record_id)
    if found is None:
        where = f"{kind} {record_id}"
        if store.first_version(kind, record_id) is not None:
            raise UnknownRecordError([Problem(where, "id", f"{kind} {record_id!r} is void")])
        raise UnknownRecordError([Problem(where, "id", f"there is no {kind} {record_id!r}")])
    return found


def _current(store: LedgerStore, kind: str, record_id: str) -> Any:
    if kind == "person":
        return store.person(record_id)
    if kind == "source":
        found = store.sources([record_id])
        return found[0] if found else None
    if kind == "event":  # read by id: the registry holds millions of events
        return next(iter(store.events(ids=[record_id])), None)
    every: dict[str, Callable[[], Sequence[Any]]] = {
        "judgement": store.judgements,
        "choice": store.choices,
        "event": store.events,
        "deal": store.deals,
        "observation": store.observations,
    }
    return next((r for r in every[kind]() if str(r.id) == record_id), None)


def _why(why: str | None) -> str:
    text = (why or "").strip()
    if not text:
        raise EditError([Problem("edit", "why", "say why (--why): every change keeps its reason")])
    return text


def revised(store: LedgerStore, kind: str, record: Any, changes: Mapping[str, Any]) -> Any:
    """The record with `changes` read and applied; EditError listing every bad field."""
    fields = FIELDS[kind]
    where = f"{kind} {record.id}"
    problems: list[Problem] = []
    values: dict[str, Any] = {}
    for name, value in changes.items():
        if name not in fields:
            reason = f"cannot be edited (fields of a {kind}: {', '.join(fields)})"
            problems.append(Problem(where, name, reason))
            continue
        try:
            values[name] = fields[name](store, value)
        except ValueError as exc:
            problems.append(Problem(where, name, str(exc)))
    if problems:
        raise EditError(problems)
    after = dataclasses.replace(record, **values)
    derived = "sentence_months" in values or "date" in values  # a derived end follows them
    if kind == "event" and derived and "term_ends" not in values and after.sentence_months:
        after = dataclasses.replace(after, term_ends=term_end(after.date, after.sentence_months))
    if kind == "event" and after.kind is not EventKind.RELEASED and after.mechanism is not None:
        raise EditError([Problem(where, "mechanism", "only a release has a mechanism")])
    return after


def edit(
    store: LedgerStore,
    word: str,
    record_id: str,
    changes: Mapping[str, Any],
    actor: str,
    at: datetime,
    why: str | None,
    based_on: int | None = None,
) -> Revision[Any]:
    """Change some fields of one record, as a new revision."""
    kind = kind_of(word)
    reason = _why(why)
    if not changes:
        raise EditError([Problem(f"{kind} {record_id}", "fields", "no field to change was given")])
    before = current(store, kind, record_id)
    after = revised(store, kind, before, changes)
    if after == before:
        raise EditError([Problem(f"{kind} {record_id}", "fields", "the edit changes nothing")])
    return _revise(store, kind, record_id, after, actor, at, reason, based_on)


def void(
    store: LedgerStore,
    word: str,
    record_id: str,
    actor: str,
    at: datetime,
    why: str | None,
    based_on: int | None = None,
) -> Revision[Any]:
    """Withdraw one record without a replacement (it stays in its history)."""
    kind = kind_of(word)
    reason = _why(why)
    current(store, kind, record_id)
    where = f"{kind} {record_id}"
    if kind == "person":
        held = effective_events(store.events([record_id]))
        if held:
            raise EditError(
                [Problem(where, "id", f"{len(held)} event(s) rest on this person: void them first")]
            )
    if kind == "deal":
        linked = [e.id for e in effective_events(store.events()) if e.deal_id == record_id]
        if linked:
            raise EditError(
                [Problem(where, "id", f"{len(linked)} release(s) name this deal: edit them first")]
            )
    return _revise(store, kind, record_id, None, actor, at, reason, based_on)


def _revise(
    store: LedgerStore,
    kind: str,
    record_id: str,
    record: Any,
    actor: str,
    at: datetime,
    why: str,
    based_on: int | None,
) -> Revision[Any]:
    try:
        return store.revise(kind, record_id, record, actor, at, why, based_on)
    except StaleRevisionError as exc:
        raise StaleEditError([Problem(f"{kind} {record_id}", "based_on", str(exc))]) from None


@dataclass(frozen=True, slots=True)
class Change:
    """One step of a record's history: revision `seq` (0: as first recorded)."""

    seq: int
    actor: str
    at: datetime
    why: str
    void: bool
    fields: dict[str, tuple[Any, Any]]


def history(store: LedgerStore, word: str, record_id: str) -> list[Change]:
    """Every version of one record, first to newest, each with what it changed."""
    kind = kind_of(word)
    first = store.first_version(kind, record_id)
    if first is None:
        raise UnknownRecordError(
            [Problem(f"{kind} {record_id}", "id", f"there is no {kind} {record_id!r}")]
        )
    inserted = [a for a in store.audit_log(record_id, limit=1000) if a.action == "insert"]
    actor = inserted[-1].actor if inserted else getattr(first, "recorded_by", "import")
    at = next(
        getattr(first, f) for f in ("recorded_at", "decided_at", "chosen_at") if hasattr(first, f)
    )
    steps = [Change(0, actor, at, "first recorded", False, diff(None, first))]
    before = first
    for r in store.revisions(kind, record_id):
        steps.append(Change(r.seq, r.actor, r.at, r.why, r.void, diff(before, r.record)))
        before = r.record if r.record is not None else before
    return steps


def plain(value: Any) -> Any:
    """A field's value as JSON can hold it (dates as typed, enums by their value)."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, FuzzyDate):
        return format_fuzzy(value)
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, tuple | list):
        return [plain(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    return str(value)


def change_dict(step: Change) -> dict[str, Any]:
    """One step of a history as plain data (CLI JSON, API)."""
    return {
        "revision": step.seq,
        "actor": step.actor,
        "at": step.at.isoformat(),
        "why": step.why,
        "void": step.void,
        "changes": {k: [plain(a), plain(b)] for k, (a, b) in step.fields.items()},
    }


def as_text(kind: str, record: Any) -> dict[str, str]:
    """Each editable field of a record as a user types it (lists joined by ';', concessions as
    `by/what/target`), for forms."""
    out: dict[str, str] = {}
    for name in FIELDS[kind]:
        value = getattr(record, name)
        if name == "concessions":
            out[name] = "; ".join("/".join(x for x in (c.by, c.what, c.target) if x) for c in value)
            continue
        shown = plain(value)
        if isinstance(shown, list):
            out[name] = "; ".join(str(x) for x in shown)
        else:
            out[name] = "" if shown is None else str(shown)
    return out


def form_changes(kind: str, record: Any, submitted: Mapping[str, str]) -> dict[str, str]:
    """The fields of a submitted form that differ from the record as shown."""
    shown = as_text(kind, record)
    return {k: v for k, v in submitted.items() if k in shown and v.strip() != shown[k].strip()}


def add_person(store: LedgerStore, fields: Mapping[str, Any], actor: str, at: datetime) -> Person:
    """A new person, typed in by an analyst; its id is given or made from the name."""
    name = str(fields.get("name") or "").strip()
    if not name:
        raise EditError([Problem("person", "name", "may not be empty")])
    pid = str(fields.get("id") or "").strip() or content_id("pe", name)
    if store.first_version("person", pid) is not None:
        raise EditError([Problem(f"person {pid}", "id", f"person {pid!r} already exists")])
    person = revised(
        store,
        "person",
        Person(id=pid, name=name, recorded_at=at),
        {
            k: v
            for k, v in fields.items()
            if k in FIELDS["person"] and k != "name" and v not in (None, "")
        },
    )
    store.apply(Batch(persons=[person]), actor, at)
    return cast(Person, person)
