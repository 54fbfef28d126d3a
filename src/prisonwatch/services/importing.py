"""Importing record files: all files of one command are one transaction, or nothing.

The order of the files never matters: the records of all files are written together (sources,
then persons, deals, events and figures), and a source named by address in one file and
described in another is one source with every field given. A record stored under its id with
other content is refused, unless the import says why (`--update --why`): then it becomes a
revision of the stored record. `check_files` says what an import would do, writing nothing.
"""

from __future__ import annotations

import dataclasses
import stat
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from prisonwatch.core.bitemporal import effective_events
from prisonwatch.core.ledger import group_by_person
from prisonwatch.core.problems import Problem
from prisonwatch.core.records import Claim, Event, Source
from prisonwatch.core.revisions import diff
from prisonwatch.core.timeline import fold_custody, future_problems
from prisonwatch.core.vocabulary import EventKind, ReleaseMechanism
from prisonwatch.ingest import record_files
from prisonwatch.ingest.record_files import read_records
from prisonwatch.storage.port import ApplyResult, BackedRevision, Batch, BatchError, LedgerStore


@dataclass(slots=True)
class ImportReport:
    """What an import did, or the problems that stopped it (then nothing was written)."""

    problems: list[Problem] = field(default_factory=list)
    result: ApplyResult | None = None
    warnings: list[Problem] = field(default_factory=list)
    """What was written but may not be what was meant (`lone_corrections`)."""

    @property
    def ok(self) -> bool:
        return not self.problems


def read_file(path: Path) -> tuple[str | None, Problem | None]:
    """The file's text, or the reason it cannot be read.

    The size is checked before anything is read, and no more than the limit is ever read (a
    device or a file still growing cannot make the import hold more), so a refused file costs
    no memory.
    """
    name = str(path)
    try:
        if path.is_dir():
            return None, Problem(name, "file", "is a directory")
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            return None, Problem(name, "file", "not a regular file")
        size = info.st_size
        if size > record_files.MAX_FILE_BYTES:
            return None, Problem(name, "file", _too_large(size))
        with path.open("rb") as stream:
            data = stream.read(record_files.MAX_FILE_BYTES + 1)
    except OSError as exc:
        return None, Problem(name, "file", exc.strerror or str(exc))
    if len(data) > record_files.MAX_FILE_BYTES:
        return None, Problem(name, "file", _too_large(len(data)))
    head = data[:8192]
    if b"\x00" in head.split(b"\n", 1)[0] or head.count(b"\x00") > 16:
        # binary; a NUL or two further on is a bad value, named with its line and field
        return None, Problem(name, "file", "binary data, not text")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return None, Problem(f"{name}:{line}", "file", f"not UTF-8 (byte {exc.start})")


def _too_large(size: int) -> str:
    limit = record_files.MAX_FILE_BYTES
    return f"too large ({size} bytes; limit {limit}): split it into smaller files"


def _combined(a: Source, b: Source) -> Source:
    """One source from two mentions of it: each field from the first that gives it."""
    fields = ("url", "title", "publisher", "published", "language", "text")
    filled = {f: getattr(a, f) if getattr(a, f) is not None else getattr(b, f) for f in fields}
    return dataclasses.replace(a, **filled)


def merge(batches: Sequence[Batch]) -> Batch:
    out = Batch()
    sources: dict[str, Source] = {}
    # a sources file describes its sources, other files only name them: sources files go
    # first, in the order of their names, so that the command line's order never matters
    described = sorted(
        batches, key=lambda b: (len(b) != len(b.sources), min(b.where.values(), default=""))
    )
    for b in described:
        for s in b.sources:
            sources[s.id] = _combined(sources[s.id], s) if s.id in sources else s
    out.sources.extend(sources.values())
    for b in batches:
        out.persons.extend(b.persons)
        out.deals.extend(b.deals)
        out.events.extend(b.events)
        out.observations.extend(b.observations)
        out.claims.extend(b.claims)
        out.judgements.extend(b.judgements)
        out.name_queue.extend(b.name_queue)
        out.choices.extend(b.choices)
        out.claim_revisions.extend(b.claim_revisions)
        out.public_ids.extend(b.public_ids)
        out.addresses.update(b.addresses)
        out.where.update(b.where)
        out.protection_unstated |= b.protection_unstated
    return out


def address_problems(store: LedgerStore, batch: Batch) -> list[Problem]:
    """Rows that name their sources by id (`source_ids`, as a backup does) and give addresses
    (`source_url`) that are not those sources' addresses, in order: an address added to, or
    changed in, a backup's row would otherwise be dropped without a word. An id that names no
    source is the store's problem (an unknown reference), not this one."""
    if not batch.addresses:
        return []
    records = {
        (kind, r.id): r.source_ids
        for kind, recs in (
            ("events", batch.events),
            ("deals", batch.deals),
            ("observations", batch.observations),
        )
        for r in recs
    }
    named = {i for key in batch.addresses for i in records.get(key, ())}
    known = {s.id: s for s in store.sources(sorted(named))}
    known.update({s.id: s for s in batch.sources})
    found = []
    for key, given in batch.addresses.items():
        ids = records.get(key, ())
        if any(i not in known for i in ids):
            continue
        expected = tuple(u for i in ids if (u := known[i].url))
        if given != expected:
            shown = "|".join(expected) or "none"
            why = f"not the addresses of the sources named in source_ids (theirs: {shown})"
            found.append(Problem(batch.where.get(key[1], key[1]), "source_url", why))
    return found


def evidence_problems(store: LedgerStore, batch: Batch) -> list[Problem]:
    """A backup's claims whose evidence is not their source's text at its place: the sentence
    a reviewer judged would no longer be what the source says (a claim altered in the file).
    A source named by no batch row nor the store is the store's problem (unknown)."""
    versions = [(r.id, r.claim, "claim.") for r in batch.claim_revisions if r.claim is not None]
    checked = [(c.id, c, "") for c in batch.claims] + versions
    if not checked:
        return []
    wanted = sorted({c.source_id for _, c, _ in checked})
    texts = {s.id: s.text for s in store.sources(wanted)}
    texts.update({s.id: s.text for s in batch.sources})
    found = []
    for key, c, prefix in checked:
        text = texts.get(c.source_id)
        if text is None:
            continue
        ev = c.evidence
        if text[ev.start : ev.end] != ev.text:
            why = f"not the source's text at characters {ev.start}-{ev.end}"
            found.append(Problem(batch.where.get(key, key), prefix + "evidence_text", why))
    return found


def claim_history(batch: Batch) -> list[Problem]:
    """A backup's claim revisions (`claim_revisions.jsonl`) checked against each other and
    against `claims.jsonl`, and the batch made ready to restore them: each claim with
    revisions is stored as its revision 0 (as first recorded), its later revisions appended
    as they were made. Each claim's revisions must be numbered 0, 1, 2, ... without a gap,
    and fold to its line in `claims.jsonl` (or to none when the last voids it): a revision
    altered, added or left out in the file is named (its line, or the claim's line, and the
    first field that differs), never restored as another history."""
    if not batch.claim_revisions:
        return []
    where = batch.where
    by_claim: dict[str, list[BackedRevision]] = {}
    for r in sorted(batch.claim_revisions, key=lambda r: (r.claim_id, r.seq)):
        by_claim.setdefault(r.claim_id, []).append(r)
    current = {c.id: c for c in batch.claims}
    found: list[Problem] = []
    firsts: dict[str, Claim] = {}
    for cid, revs in by_claim.items():
        for expected, r in enumerate(revs):
            if r.seq != expected:
                why = f"revision {expected} of claim {cid!r} is missing from the file"
                found.append(Problem(where.get(r.id, r.id), "revision", why))
                break
        else:
            folded = revs[-1].claim
            last = revs[-1]
            given = current.get(cid)
            if (folded is None) != (given is None):
                why = (
                    "the claim is voided by its last revision but listed in claims.jsonl"
                    if folded is None
                    else "claims.jsonl does not list the claim its revisions end in"
                )
                found.append(Problem(where.get(last.id, last.id), "claim", why))
            elif folded is not None and given is not None and folded != given:
                field = _backup_field(given, folded)
                why = f"not the claim its revisions end in ({where.get(last.id, last.id)})"
                found.append(Problem(where.get(cid, cid), field, why))
            first = revs[0].claim
            assert first is not None  # revision 0 holds one (`read_claim_revision`)
            firsts[cid] = first
    if found:
        return found
    kept = [firsts.pop(c.id, c) for c in batch.claims]
    batch.claims = kept + list(firsts.values())
    for cid in by_claim:  # revision 0 is the claim itself, stored as first recorded
        if cid in batch.where or f"{cid}#0" not in batch.where:
            continue
        batch.where[cid] = batch.where[f"{cid}#0"]
    batch.claim_revisions = [r for revs in by_claim.values() for r in revs if r.seq > 0]
    return []


def _backup_field(given: Claim, folded: Claim) -> str:
    """The first field of a backup's claim line that differs from what its revisions fold to,
    as the line names it (`review_status`, not `review`)."""
    for name in diff(given, folded):
        if name == "review":
            pairs = zip(
                ("review_status", "reviewer", "reviewed_at", "review_note"),
                dataclasses.astuple(given.review),
                dataclasses.astuple(folded.review),
                strict=True,
            )
            return next((n for n, a, b in pairs if a != b), "review_status")
        return "evidence_text" if name == "evidence" else name
    return "recorded_at"


def timeline_problems(store: LedgerStore, batch: Batch) -> list[Problem]:
    """Problems the batch causes in its persons' timelines (a release before custody), as
    `edit` judges one correction: every problem of the timelines with the batch's events
    (a stored id's new version in place of the stored one) that the stored timelines did
    not have, wherever it lies. A correction (`supersedes`, a void, `--update` of a stored
    event) can leave a stored release with no custody before it; judging only the new
    events' own lines let it in."""
    if not batch.events:
        return []
    touched = sorted({e.person_id for e in batch.events} | _persons_of_stored(store, batch))
    stored = {e.id: e for e in store.events(touched)}
    old = {(p.where, p.field) for p in custody_problems(list(stored.values()))}
    combined = {**stored, **{e.id: e for e in batch.events}}
    lines = {e.id: e for e in batch.events}
    found: list[Problem] = []
    for p in custody_problems(list(combined.values())):
        if (p.where, p.field) in old:
            continue
        if p.where in lines:
            found.append(Problem(batch.where.get(p.where, p.where), p.field, p.reason))
            continue
        # a stored event the batch breaks: refuse the batch's lines of that person (or those
        # that moved one of its events away), naming the stored event; never write the break
        person = combined[p.where].person_id if p.where in combined else None
        blamed = [
            e.id
            for e in batch.events
            if e.person_id == person or (e.id in stored and stored[e.id].person_id == person)
        ]
        why = f"with this line, stored event {p.where} would be wrong: {p.reason}"
        found.extend(Problem(batch.where.get(i, i), p.field, why) for i in blamed)
        if not blamed:
            found.append(Problem(p.where, p.field, p.reason))
    return found


def _persons_of_stored(store: LedgerStore, batch: Batch) -> set[str]:
    """Persons whose stored events the batch revises under their own ids (an `--update` may
    move an event to another person, whose timeline then loses it)."""
    return {e.person_id for e in store.events(ids=sorted({e.id for e in batch.events}))}


def custody_problems(events: Sequence[Event]) -> list[Problem]:
    """What cannot be true in the timelines these events make (their effective ones, folded
    person by person): a release with no custody before it, and the like; `where` is an
    event id."""
    by_person = group_by_person(effective_events(events))
    return [p for evs in by_person.values() for p in fold_custody(evs)[1]]


def import_batch(store: LedgerStore, batch: Batch, actor: str, now: datetime) -> ImportReport:
    """Write the batch, or nothing with every problem it has: dates after today, timelines
    that cannot be true, repeated or clashing ids and references to what does not exist, all
    in one report, so that a file needs one round of corrections, not one per kind."""
    found = future_lines(batch, now) + timeline_problems(store, batch)
    if found:  # refused already: add what the store would refuse too, writing nothing
        return ImportReport(list(dict.fromkeys(found + store.problems(batch))))
    try:  # the store checks a clean batch once, as it writes it
        return ImportReport(result=store.apply(batch, actor, now))
    except BatchError as err:
        return ImportReport(err.problems)


def future_lines(batch: Batch, now: datetime) -> list[Problem]:
    """Events dated after today, each located by its file and line."""
    return [
        Problem(batch.where.get(p.where, p.where), p.field, p.reason)
        for p in future_problems(batch.events, now.date())
    ]


def read_files(
    paths: Sequence[Path], now: datetime, kind: str | None = None
) -> tuple[Batch, list[Problem]]:
    """Every file read into one batch, with every problem found in any of them."""
    problems: list[Problem] = []
    batches: list[Batch] = []
    for path in paths:
        text, problem = read_file(path)
        if problem is not None and path.is_dir():
            # a backup folder given whole (`import backup/`): say how to give its files
            problem = Problem(str(path), "file", f"is a directory: give the files in it ({path}/*)")
        if problem is not None or text is None:
            problems.append(problem or Problem(str(path), "file", "unreadable"))
            continue
        batch, found = read_records(str(path), text, now, kind)
        problems.extend(found)
        batches.append(batch)
    return merge(batches), problems


def import_files(
    store: LedgerStore,
    paths: Sequence[Path],
    actor: str,
    now: datetime,
    kind: str | None = None,
    update_why: str | None = None,
) -> ImportReport:
    """Read every file; if all are clean, write them together, else write nothing.

    With `update_why`, a changed record under a stored id becomes a revision with that reason.
    """
    batch, problems = read_files(paths, now, kind)
    problems = problems or claim_history(batch)
    problems = problems or address_problems(store, batch) + evidence_problems(store, batch)
    if problems:
        # A date after today is a line's own mistake, named beside the others; timelines and
        # references relate lines, and would blame a good line for a refused one's absence.
        return ImportReport(list(dict.fromkeys(problems + future_lines(batch, now))))
    batch.update_why = update_why
    warnings = lone_corrections(store, batch)
    warnings += deal_releases_without_deal(batch.events, batch.where)
    report = import_batch(store, batch, actor, now)
    if report.ok:
        report.warnings = warnings
    return report


DEAL_WITHOUT_ID = (
    "release with mechanism deal and no deal_id: it will count in no deal "
    "(the deals' figures, freed through deals) until a deal_id is given"
)


def deal_releases_without_deal(
    events: Sequence[Event], where: dict[str, str] | None = None
) -> list[Problem]:
    """Releases recorded as through a deal that name no deal: written all the same (which deal
    may not be known yet), but a deal's accounting counts only the releases that name it, so
    the person is in no deal's figures until the deal_id is given (docs/ledger.md)."""
    return [
        Problem((where or {}).get(e.id, e.id), "deal_id", DEAL_WITHOUT_ID)
        for e in events
        if e.kind is EventKind.RELEASED
        and e.mechanism is ReleaseMechanism.DEAL
        and not e.deal_id
        and not e.void
    ]


def lone_corrections(store: LedgerStore, batch: Batch) -> list[Problem]:
    """New events that may be corrections recorded beside what they correct: a row whose
    content changed (a date corrected in a spreadsheet) gets a new id when the file gives
    none, so it is imported as a second event and the wrong one stays in force. Named for each
    new event of a person who has a stored event of the same kind (and organisation) that the
    files do not hold; written all the same, since a second detention or sentence can be
    true. An event that says what it `supersedes` is a correction already."""
    if not batch.events:
        return []
    held = {e.id for e in store.events(ids=sorted({e.id for e in batch.events}))}
    new = [e for e in batch.events if e.id not in held and not e.supersedes]
    persons = sorted({e.person_id for e in new})
    if not persons:
        return []
    in_file = {e.id for e in batch.events}
    stored: dict[tuple[str, str, str | None], list[Event]] = {}
    for old in effective_events(store.events(persons)):
        if old.id not in in_file:
            stored.setdefault((old.person_id, old.kind.value, old.organisation), []).append(old)
    found = []
    for e in new:
        for old in stored.get((e.person_id, e.kind.value, e.organisation), []):
            found.append(
                Problem(
                    batch.where.get(e.id, e.id),
                    "id",
                    f"new {e.kind.value} of {e.person_id!r} on {e.date}, beside the stored one "
                    f"on {old.date} ({old.id}) that the files do not hold: if the row corrects "
                    f"it, give the row the id {old.id} and import with --update --why, or void "
                    f"the old one (prisonwatch void event {old.id} --why ...)",
                )
            )
    return found


@dataclass(frozen=True, slots=True)
class Planned:
    """What an import would do with one record: new, changed (with the fields) or unchanged."""

    kind: str
    where: str
    record_id: str
    status: str
    fields: dict[str, tuple[object, object]]


def check_files(
    store: LedgerStore, paths: Sequence[Path], now: datetime, kind: str | None = None
) -> tuple[list[Planned], list[Problem], list[Problem]]:
    """What importing the files would do, record by record, without writing anything, with
    the warnings the import would give (`lone_corrections`); or
    every problem that would refuse the import (the checks `import_files` makes: dates after
    today, timelines that cannot be true, unknown references, repeated ids), so that a file
    the check passes does not fail when imported. A row changing a stored record is shown as
    `changed` here, not as a problem: `--update --why` decides how it is imported."""
    batch, problems = read_files(paths, now, kind)
    problems = problems or claim_history(batch)
    problems = problems or address_problems(store, batch) + evidence_problems(store, batch)
    if problems:
        return [], list(dict.fromkeys(problems + future_lines(batch, now))), []
    batch.update_why = "check"  # changed rows are planned as revisions, listed below
    found = future_lines(batch, now) + timeline_problems(store, batch) + store.problems(batch)
    if found:
        return [], list(dict.fromkeys(found)), []
    lookups: list[tuple[str, Sequence[Any], Callable[[], Sequence[Any]]]] = [
        ("source", batch.sources, lambda: store.sources([s.id for s in batch.sources])),
        ("person", batch.persons, store.persons),
        ("deal", batch.deals, store.deals),
        ("event", batch.events, store.events),
        ("observation", batch.observations, store.observations),
    ]
    out: list[Planned] = []
    notes = lone_corrections(store, batch)
    notes += deal_releases_without_deal(batch.events, batch.where)
    for name, records, stored in lookups:
        if not records:
            continue
        now_by_id = {r.id: r for r in stored()}
        for r in records:
            rid: str = r.id
            # a source named only by an address in another file has no line: its address
            where = batch.where.get(rid) or (r.url if name == "source" else None) or rid
            old = now_by_id.get(rid)
            if old is None:
                out.append(Planned(name, where, rid, "new", {}))
                continue
            written = r
            if name == "person" and rid in batch.protection_unstated:
                r = dataclasses.replace(r, protection=old.protection)  # kept, as import does
            changed = _changes(old, r)
            if changed and not _changes(store.first_version(name, rid), written):
                changed = {}  # the row as first recorded: a repeat (a file from before an edit)
            out.append(Planned(name, where, rid, "changed" if changed else "unchanged", changed))
    return out, [], notes


_BOOKKEEPING = ("recorded_at", "merged_into", "superseded_by", "review", "recorded_by")


def _changes(before: object | None, after: object) -> dict[str, tuple[object, object]]:
    """The fields an import compares (bookkeeping and a source's text aside)."""
    found = {k: v for k, v in diff(before, after).items() if k not in _BOOKKEEPING}
    if isinstance(after, Source):
        found.pop("text", None)
    return found
