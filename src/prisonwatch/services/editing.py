"""Editing the record: add, correct, void and trace any person, event, deal, figure or source.

One service for every edge (CLI, JSON API, web forms). An edit names fields by the words a user
types (`--protection counts_only`, `--aliases "A; B"`; the table is `record_fields.FIELDS`), is
checked whole before anything is written, and becomes one revision (`core.revisions`) with who,
when and why; nothing is updated in place. An edit based on an older revision than the newest is
refused, naming the newer one. A record added here is written like an imported one (revision 0,
"first recorded"), its id given or made from its content as import makes it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from prisonwatch.core.bitemporal import effective_events
from prisonwatch.core.custody import term_end
from prisonwatch.core.dates import FuzzyDate, format_fuzzy
from prisonwatch.core.deals import published_figures
from prisonwatch.core.problems import Problem
from prisonwatch.core.records import Deal, Event, Observation, Person, content_id
from prisonwatch.core.revisions import Revision, StaleRevisionError, diff, newest_seq
from prisonwatch.core.timeline import future_problems
from prisonwatch.core.vocabulary import EventKind, ReleaseMechanism
from prisonwatch.ingest import fields as f
from prisonwatch.services import conflicts, importing
from prisonwatch.services.record_fields import FIELDS, Field, check
from prisonwatch.storage.port import Batch, LedgerStore

__all__ = ["FIELDS", "Field"]

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

ADDABLE = ("person", "event", "deal", "observation")
"""The kinds a user may add by hand (sources come from files and articles; judgements and
choices from `judge` and `conflicts choose`)."""


class EditError(Exception):
    """An edit that cannot be made: nothing was written; `problems` say which field and why."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = list(problems)


class StaleEditError(EditError):
    """An edit based on an older revision than the newest (HTTP 409)."""


class UnknownRecordError(EditError):
    """An edit of a record that does not exist (HTTP 404)."""


class DuplicateRecordError(EditError):
    """An added record under an id that is already taken (HTTP 409)."""


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
            reason = (
                f"{kind} {record_id!r} is void (restore it first: "
                f"restore {_word(kind)} {record_id} --why ...)"
            )
            raise UnknownRecordError([Problem(where, "id", reason)])
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


def read(store: LedgerStore, kind: str, where: str, changes: Mapping[str, Any]) -> dict[str, Any]:
    """Every typed value read by its field's reader; EditError naming each bad field."""
    fields = FIELDS[kind]
    problems: list[Problem] = []
    values: dict[str, Any] = {}
    for name, value in changes.items():
        if name not in fields:
            article = "an" if kind[0] in "aeiou" else "a"
            reason = f"is not a field of {article} {kind} (its fields: {', '.join(fields)})"
            problems.append(Problem(where, name, reason))
            continue
        try:
            values[name] = fields[name].read(store, value)
        except ValueError as exc:
            problems.append(Problem(where, name, str(exc)))
    if problems:
        raise EditError(problems)
    return values


def revised(store: LedgerStore, kind: str, record: Any, changes: Mapping[str, Any]) -> Any:
    """The record with `changes` read and applied; EditError listing every bad field."""
    where = f"{kind} {record.id}"
    values = read(store, kind, where, changes)
    after = dataclasses.replace(record, **values)
    if kind == "event":
        after = _derived(after, set(values))
    problems = check(after, set(values))
    if kind == "judgement" and "verdict" in values:
        problems += _judgement_problems(store, after)
    if kind == "choice" and "chosen" in values:
        problems += _choice_problems(store, after)
    if problems:
        raise EditError(problems)
    return after


def _derived(event: Event, changed: set[str]) -> Event:
    """An event's fields that follow others: the end of a term from its start and length (unless
    given), and a release's mechanism, `unknown` when none is said (as import sets it)."""
    follows = {"sentence_months", "date"} & changed and "term_ends" not in changed
    if follows and event.sentence_months:
        event = dataclasses.replace(event, term_ends=term_end(event.date, event.sentence_months))
    said = {"kind", "mechanism"} & changed
    if said and event.kind is EventKind.RELEASED and event.mechanism is None:
        event = dataclasses.replace(event, mechanism=ReleaseMechanism.UNKNOWN)
    if event.kind is not EventKind.RELEASED and "kind" in changed and "mechanism" not in changed:
        event = dataclasses.replace(event, mechanism=None)
    return event


def _judgement_problems(store: LedgerStore, after: Any) -> list[Problem]:
    """A judgement's new verdict may not contradict another standing judgement of the same name
    and person (same against not_same; unsure contradicts nothing)."""
    out = []
    for other in store.judgements(after.name):
        if other.id == after.id or other.person_id != after.person_id:
            continue
        if other.verdict != after.verdict and "unsure" not in (other.verdict, after.verdict):
            out.append(
                Problem(
                    f"judgement {after.id}",
                    "verdict",
                    f"judgement {other.id} ({other.decided_by}) says {after.name!r} is "
                    f"{other.verdict} {after.person_id}: edit or void that one as well",
                )
            )
    return out


def _choice_problems(store: LedgerStore, after: Any) -> list[Problem]:
    """A choice may only name one of its conflict's values as they stand now."""
    found = {c.key: c for c in conflicts.find(store)}.get(after.conflict)
    where = f"choice {after.id}"
    if found is None:
        reason = f"{after.conflict!r} is no longer a conflict (its values agree now)"
        return [Problem(where, "chosen", reason)]
    options = [str(o["id"]) for o in found.options]
    if after.chosen not in options:
        reason = f"{after.chosen!r} is not one of the values of {after.conflict!r}: "
        return [Problem(where, "chosen", reason + ", ".join(options))]
    return []


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
    if kind == "choice" and "chosen" in changes and "why" not in changes:
        changes = {**changes, "why": reason}  # the old reason explained the old value
    after = revised(store, kind, before, changes)
    if after == before:
        raise EditError([Problem(f"{kind} {record_id}", "fields", "the edit changes nothing")])
    if kind == "event":
        problems = event_problems(store, before, after, at)
        if problems:
            raise EditError(problems)
    return _revise(store, kind, record_id, after, actor, at, reason, based_on)


def event_problems(
    store: LedgerStore, before: Event | None, after: Event, at: datetime, why: str = ""
) -> list[Problem]:
    """What an event edit would make impossible: a date after today, or a timeline that cannot
    be true (a release before any custody) in the person it leaves or the person it goes to.
    `before` is None for an event coming back from a void (`restore`); `why` opens the reason
    of a timeline problem ("restoring it would break the timeline: ").

    The same rules an import and an added record meet (`importing.import_batch`). Only problems
    the edit brings count: a timeline already wrong before it (say, imported before these rules)
    does not block correcting another field of one of its events.
    """
    where = f"event {after.id}"
    late = future_problems([after], at.date())
    if late:
        return [Problem(where, p.field, p.reason) for p in late]
    new = _timeline_brought(store, after.id, [] if before is None else [before], [after])
    return [
        Problem(where if p.where == after.id else f"event {p.where}", p.field, why + p.reason)
        for p in new
    ]


def _timeline_brought(
    store: LedgerStore, event_id: str, was: list[Event], now: list[Event]
) -> list[Problem]:
    """The timeline problems (`importing.custody_problems`, where = an event id) that event
    `event_id` going from `was` to `now` (each its version, or none) brings to the timelines of
    the persons it leaves and goes to, in order; those already there do not count."""
    persons = sorted({e.person_id for e in (*was, *now)})
    others = [e for e in store.events(persons) if e.id != event_id]
    old = {(p.where, p.field) for p in importing.custody_problems([*others, *was])}
    new = [p for p in importing.custody_problems([*others, *now]) if (p.where, p.field) not in old]
    return sorted(new, key=lambda p: (p.where, p.field))


VoidOrRestore = Callable[
    [LedgerStore, str, str, str, datetime, str | None, int | None], Revision[Any]
]
"""`void` or `restore`: (store, kind word, record id, actor, when, why, based on revision)."""


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
        joined = sorted(p.id for p in store.persons() if p.merged_into == record_id)
        if joined:
            # their events count under this person (`core.merges`): voiding it would leave
            # them merged into no one, counted nowhere and found by no search
            raise EditError(
                [
                    Problem(
                        where,
                        "id",
                        f"{len(joined)} record(s) are merged into this person ({', '.join(joined)})"
                        ": unmerge them first",
                    )
                ]
            )
    if kind == "deal":
        linked = [e.id for e in effective_events(store.events()) if e.deal_id == record_id]
        if linked:
            raise EditError(
                [Problem(where, "id", f"{len(linked)} release(s) name this deal: edit them first")]
            )
    return _revise(store, kind, record_id, None, actor, at, reason, based_on)


def void_leaves(store: LedgerStore, word: str, record_id: str) -> list[Problem]:
    """The timeline problems voiding an event would leave that its person's timeline does not
    have now (a release, a sentence or a death in custody with no custody before it once a
    wrong detention is withdrawn). A void is not refused for them: withdrawing a wrong record
    is often the first of several corrections; they are said at once, not found later under
    `problems`. Nothing for other kinds, an unknown or a void record."""
    if kind_of(word) != "event":
        return []
    event = _current(store, "event", record_id)
    if event is None:
        return []
    left = _timeline_brought(store, record_id, [event], [])
    return [Problem(f"event {p.where}", p.field, p.reason) for p in left]


def _word(kind: str) -> str:
    """The word a user types for a stored kind (a published figure is an observation)."""
    return "figure" if kind == "observation" else kind


def restore(
    store: LedgerStore,
    word: str,
    record_id: str,
    actor: str,
    at: datetime,
    why: str | None,
    based_on: int | None = None,
) -> Revision[Any]:
    """Undo a void: the record comes back as it was just before it (its last version), as a
    new revision with who, when and why; the void stays in its history.

    The restored record meets the rules of an added or edited one, checked before anything is
    written: its fields within their limits, the records it names in force (an event's person
    and deal, a judgement's verdict not contradicted by another standing one, a choice among
    its conflict's values), and, for an event, no date after today and no timeline that cannot
    be true with it back (a release that another release or a death has meanwhile closed). A
    restore that would break one is refused with the reason, and nothing is written."""
    kind = kind_of(word)
    reason = _why(why)
    where = f"{kind} {record_id}"
    if store.first_version(kind, record_id) is None:
        raise UnknownRecordError([Problem(where, "id", f"there is no {kind} {record_id!r}")])
    if _current(store, kind, record_id) is not None:
        raise EditError(
            [Problem(where, "id", f"{kind} {record_id!r} is not void: nothing to restore")]
        )
    record = _before_void(store, kind, record_id)
    problems = check(record)
    problems += _restore_problems(store, kind, record, at)
    if problems:
        raise EditError(problems)
    return _revise(store, kind, record_id, record, actor, at, reason, based_on)


def _before_void(store: LedgerStore, kind: str, record_id: str) -> Any:
    """The record's last version that was not a void (its first version when none)."""
    revs = store.revisions(kind, record_id)
    last = next((r.record for r in reversed(revs) if r.record is not None), None)
    return last if last is not None else store.first_version(kind, record_id)


def _restore_problems(store: LedgerStore, kind: str, record: Any, at: datetime) -> list[Problem]:
    where = f"{kind} {record.id}"
    if kind == "event":
        out = []
        if store.person(record.person_id) is None:
            reason = f"person {record.person_id!r} is void: restore it first"
            out.append(Problem(where, "person_id", reason))
        if record.deal_id and _current(store, "deal", record.deal_id) is None:
            reason = f"deal {record.deal_id!r} is void: restore it first"
            out.append(Problem(where, "deal_id", reason))
        if out:
            return out
        return event_problems(store, None, record, at, "restoring it would break the timeline: ")
    if kind == "judgement":
        if store.person(record.person_id) is None:
            reason = f"person {record.person_id!r} is void: restore it first"
            return [Problem(where, "person_id", reason)]
        return _judgement_problems(store, record)
    if kind == "choice":
        return _choice_problems(store, record)
    return []


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
    actor = getattr(first, "decided_by", None) or getattr(first, "chosen_by", None)
    if actor is None:  # judgements and choices say who made them; other records the audit log
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


def as_text(kind: str, record: Any) -> dict[str, Any]:
    """Each editable field of a record as a form shows it: text as typed (lists joined by ';'),
    except a deal's parties (a list) and concessions (a list of `{by, what, target, note}`)."""
    out: dict[str, Any] = {}
    for name in FIELDS[kind]:
        value = getattr(record, name)
        if name == "concessions":
            out[name] = [
                {k: getattr(c, k) or "" for k in ("by", "what", "target", "note")} for c in value
            ]
        elif name == "parties":
            out[name] = list(value)
        else:
            shown = plain(value)
            if isinstance(shown, list):
                out[name] = "; ".join(str(x) for x in shown)
            else:
                out[name] = "" if shown is None else str(shown)
    return out


def _same_shown(a: Any, b: Any) -> bool:
    """Whether a submitted form value says what the form showed (blanks and spaces aside)."""
    if isinstance(a, list) or isinstance(b, list):
        return _rows(a) == _rows(b)
    return str(a or "").strip() == str(b or "").strip()


def _rows(value: Any) -> list[Any]:
    out: list[Any] = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, Mapping):
            row = tuple(str(item.get(k) or "").strip() for k in ("by", "what", "target", "note"))
            if any(row):
                out.append(row)
        elif str(item or "").strip():
            out.append(str(item).strip())
    return out


def form_changes(kind: str, record: Any, submitted: Mapping[str, Any]) -> dict[str, Any]:
    """The fields of a submitted form that differ from the record as shown."""
    shown = as_text(kind, record)
    return {k: v for k, v in submitted.items() if k in shown and not _same_shown(v, shown[k])}


def find(store: LedgerStore, word: str, record_id: str) -> Any | None:
    """The record as it is now, or None when it does not exist or is void."""
    return _current(store, kind_of(word), record_id)


def add(store: LedgerStore, word: str, fields: Mapping[str, Any], actor: str, at: datetime) -> Any:
    """A new record typed in by hand (a person, an event, a deal, a published figure), written
    like an imported one. Its id is given (`id`) or made from its content as import makes it;
    empty values count as not given. EditError names every bad or missing field; an id taken
    already (even by a void record) is DuplicateRecordError."""
    kind = kind_of(word)
    if kind not in ADDABLE:
        addable = ", ".join("figure" if k == "observation" else k for k in ADDABLE)
        raise EditError([Problem(kind, "kind", f"a {word} cannot be added here ({addable} can)")])
    given = {k: v for k, v in fields.items() if k != "id" and not _blank(v)}
    where = f"new {kind}"
    problems: list[Problem] = []
    try:
        record_id = f.record_id(fields.get("id"))
    except ValueError as exc:
        problems.append(Problem(where, "id", str(exc)))
        record_id = None
    missing = [n for n, fld in FIELDS[kind].items() if fld.required and n not in given]
    problems += [Problem(where, n, "is required") for n in missing]
    try:
        values = read(store, kind, where, given)
    except EditError as exc:
        problems += exc.problems
    if problems:
        raise EditError(problems)
    record = _new(kind, record_id, values, actor, at)
    if kind == "event":
        record = _derived(record, set(values))
    problems = check(record)
    if problems:
        raise EditError(problems)
    if store.first_version(kind, record.id) is not None:
        if _current(store, kind, record.id) is None:  # a void record cannot be edited
            reason = (
                f"{word} {record.id!r} already exists (void): restore it "
                f"(restore {word} {record.id} --why ...), or give another id"
            )
        else:
            reason = f"{word} {record.id!r} already exists (stored): edit it, or give another id"
        raise DuplicateRecordError([Problem(f"{kind} {record.id}", "id", reason)])
    batch = Batch(where={record.id: f"new {kind} {record.id}"})
    getattr(batch, _BATCH[kind]).append(record)
    report = importing.import_batch(store, batch, actor, at)  # its rules: no future, timeline
    if report.problems:
        raise EditError(report.problems)
    return record


_BATCH = {"person": "persons", "event": "events", "deal": "deals", "observation": "observations"}


def _blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    return isinstance(value, list | tuple) and not value


def _new(kind: str, record_id: str | None, v: dict[str, Any], actor: str, at: datetime) -> Any:
    """The record `values` describe, with its id made from its content when none is given."""
    if kind == "person":
        return Person(id=record_id or content_id("pe", v["name"]), recorded_at=at, **v)
    if kind == "event":
        mechanism = v.get("mechanism")
        if v["kind"] is EventKind.RELEASED and mechanism is None:
            v = {**v, "mechanism": ReleaseMechanism.UNKNOWN}  # as import reads a release
            mechanism = v["mechanism"]
        made = content_id(
            "ev",
            v["person_id"],
            v["kind"].value,
            str(v["date"]),
            mechanism,
            v.get("organisation"),
            v.get("deal_id"),
            *v.get("source_ids", ()),
        )
        return Event(id=record_id or made, recorded_at=at, recorded_by=actor, **v)
    if kind == "deal":
        country = v.get("country")
        made = (
            f"{country}-{format_fuzzy(v['date']).replace('/', '_')}"
            if country
            else content_id("de", str(v["date"]), *v.get("parties", ()))
        )
        return Deal(
            id=record_id or made,
            recorded_at=at,
            **v,
        )
    place, scope = v.get("place"), v.get("scope")
    made = content_id(
        "ob",
        v["metric"].value,
        v["value"],
        str(v["period"]),
        v.get("organisation"),
        v.get("country"),
        *v.get("source_ids", ()),
        *((place, scope) if place or scope else ()),
    )
    return Observation(id=record_id or made, recorded_at=at, **v)


def deal_figures(store: LedgerStore, deal: Deal) -> list[Observation]:
    """The published figures that count for a deal (its `released` observations), which its
    edit form lists to edit or void one by one."""
    obs = store.observations()
    counted = {fig.observation_id for fig in published_figures(deal, obs)}
    return [o for o in obs if o.id in counted]


def based_on(store: LedgerStore, kind: str, record_id: str) -> int:
    """The revision an edit of the record as it is now is based on (for forms)."""
    return newest_seq(store.revisions(kind, record_id))
