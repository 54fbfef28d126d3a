"""The derived ledger saved to a file, so that a server restarts without folding every event.

Building the unscoped view (`figures.View`) folds every event of the store: over a minute at
100,000 persons and 1,000,000 events. A server configured with a snapshot file saves the view
there after building it, stamped with what it was built from:

- the format of the file and a hash of the code that defines the view's records (the `core`
  package and `services/figures.py`): a snapshot made by other code is never read;
- the audit log's head at the time (the entry id and its chain hash): the view holds every
  write up to that entry.

At the next start the snapshot is used when its stamp matches the code and its entry is still
in the store's audit chain with the same hash (the same store, not rewritten); writes made
since are taken in through the change feed (`services.derived`), as for a running server.
Anything else (no file, unreadable or corrupt, other code, an entry the store does not have or
holds with another hash, a feed that cannot be described) makes the caller build afresh, and
says why in the log. Protection is never taken from the file: after the feed is applied, each
person's protection in the view is compared with the store's persons table, and any difference
rejects the snapshot. The public projection and the name indexes are not saved: they are made
from the view and the store at start (the projection) or at the first search (name indexes).

A snapshot is a pickle: whoever can write the file can run code in the server, the same trust
as the database file itself; keep it beside the database, writable only by the server.

The file holds pickles one after the other: the format and stamp; a table of the distinct
values the view holds (day ranges, days, times, strings and integers), with an empty place for each
record; where the records go in that table; the records themselves (events, persons and
custody intervals), in chunks of `CHUNK`; and the view, in which each value and each record is
written as its place in the table (a persistent id). Two things make loading the view of a
million events cheaper in memory, and not only in time:

- a value is one object however many records hold it: a million events fall on a few thousand
  distinct days, and name a hundred thousand persons (each person's id is one string shared by
  their events, intervals and the persons table, not a string per event); the stock index's
  day numbers (hundreds of thousands of them, a few thousand distinct) likewise, and tuples of
  strings (the sources of every event of one import);
- a record's fields are read back through a list that the reader keeps until the end of the
  pickle it is in (its memo): read as one pickle, a million events held a million such lists
  (about as much memory again as the view) until the whole view was read; read in chunks,
  only a chunk's lists are held at any time.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import sys
import tempfile
from array import array
from dataclasses import dataclass, replace
from datetime import date, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from sqlalchemy import select

from prisonwatch.core.bulk import paused_gc
from prisonwatch.core.dates import FuzzyDate
from prisonwatch.core.organisations import organisations
from prisonwatch.core.records import Event, Person
from prisonwatch.core.timeline import Interval
from prisonwatch.services.figures import View
from prisonwatch.storage import tables as t
from prisonwatch.storage.sql import SqlStore

log = logging.getLogger("prisonwatch.snapshot")

FORMAT = 4
"""The layout of a snapshot file; raised when it changes."""

SHARED = (FuzzyDate, date, datetime, str, int)
"""Value types a snapshot writes once per distinct value (see the module's docstring)."""
RECORDS = (Event, Person, Interval)
"""Record types a snapshot writes apart from the view, in chunks (see the module's docstring)."""
CHUNK = 4096
"""Records per pickle of the records part."""


class _Places:
    """Each record's place in the table by the record's identity, kept compactly while a
    snapshot is written: the newest in a dict, the others in two sorted numpy columns (ids,
    places), merged in every `MERGE` records. A dict of every record, with an integer object
    for each id and each place, was about 120 bytes a record: at a million events, most of
    what writing a snapshot added to a server's memory, on top of the view, while the first
    search built the name index beside it. The records are held by the view while it is
    written, so their ids stay theirs."""

    MERGE = 1 << 16

    def __init__(self) -> None:
        self._recent: dict[int, int] = {}
        self._ids: npt.NDArray[np.uint64] = np.empty(0, np.uint64)
        self._places: npt.NDArray[np.int64] = np.empty(0, np.int64)

    def get(self, key: int) -> int | None:
        found = self._recent.get(key)
        if found is not None or not len(self._ids):
            return found
        i = int(np.searchsorted(self._ids, np.uint64(key)))
        if i < len(self._ids) and int(self._ids[i]) == key:
            return int(self._places[i])
        return None

    def put(self, key: int, place: int) -> None:
        self._recent[key] = place
        if len(self._recent) >= self.MERGE:
            n = len(self._recent)
            ids = np.concatenate([self._ids, np.fromiter(self._recent, np.uint64, n)])
            places = np.concatenate([self._places, np.fromiter(self._recent.values(), np.int64, n)])
            order = np.argsort(ids)
            self._ids, self._places = ids[order], places[order]
            self._recent = {}


class _SharingPickler(pickle.Pickler):
    """Writes each value of a `SHARED` type (and each tuple of strings) as its place in `table`,
    adding it when new; with `records` set, does the same for each record (one place per record
    object), which is then written apart (`records`, the places; the table holds None there
    until it is read)."""

    def __init__(
        self, file: Any, table: list[Any], places: dict[type, dict[Any, int]], records: bool
    ) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.table = table
        self._places = places
        self._records: _Places | None = _Places() if records else None
        self.records: list[Any] = []
        self.record_places = array("q")

    def persistent_id(self, obj: Any) -> int | None:
        kind = type(obj)
        if kind in SHARED or (kind is tuple and obj and all(type(x) is str for x in obj)):
            places = self._places.get(kind)  # per type: a day and a time are never one value
            if places is None:
                places = self._places[kind] = {}
            place = places.get(obj)
            if place is None:
                place = places[obj] = len(self.table)
                self.table.append(obj)
            return place
        if self._records is None or kind not in RECORDS:
            return None
        place = self._records.get(id(obj))
        if place is None:  # the object is held by the view (and `records`) while it is saved
            place = len(self.table)
            self._records.put(id(obj), place)
            self.table.append(None)
            self.records.append(obj)
            self.record_places.append(place)
        return place


def code_stamp() -> str:
    """A hash of the source of every module whose classes a snapshot holds, and of the
    organisation identities in use (`PRISONWATCH_ORG_ALIASES` can change them between runs)."""
    digest = hashlib.sha256(f"{FORMAT} {sys.version_info[:2]}".encode())
    root = resources.files("prisonwatch")
    files = sorted(
        [p for p in (root / "core").iterdir() if p.name.endswith(".py")], key=lambda p: p.name
    )
    for path in [*files, root / "services" / "figures.py", root / "services" / "event_runs.py"]:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    digest.update(organisations().fingerprint().encode())  # a user's aliases file, too
    return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class Stamp:
    """What a snapshot was made from: the code, and the audit entry it holds writes up to."""

    code: str
    version: int
    head_hash: str


def audit_hash(store: SqlStore, version: int) -> str | None:
    """The chain hash of audit entry `version` (the empty log's is ""); None when absent."""
    if version == 0:
        return ""

    def q(conn: Any) -> str | None:
        row = conn.execute(select(t.audit.c.hash).where(t.audit.c.id == version)).first()
        return None if row is None else str(row[0])

    found: str | None = store._read(q)
    return found


def save(path: Path, view: View, version: int, store: SqlStore) -> None:
    """Write the view as of audit entry `version` (written whole to a file beside the target,
    then renamed over it, so that a reader never sees half a file). The tallies, flows and
    windows asked for so far are left out: they are remembered again as they are asked for."""
    head = audit_hash(store, version)
    if head is None:
        return
    bare = replace(view, tallies={}, revolving={}, flows={})
    stamp = Stamp(code_stamp(), version, head)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    body, chunks = Path(f"{tmp}.view"), Path(f"{tmp}.records")
    table: list[Any] = []
    places: dict[type, dict[Any, int]] = {}
    try:
        with body.open("wb") as b:  # the view first: it finds the records and values
            pickler = _SharingPickler(b, table, places, records=True)
            pickler.dump(bare)
        with chunks.open("wb") as c:  # the records next: they add values of their own
            for i in range(0, len(pickler.records), CHUNK):
                part = _SharingPickler(c, table, places, records=False)
                part.dump(pickler.records[i : i + CHUNK])
        with os.fdopen(fd, "wb") as f:
            for head_part in ((FORMAT, stamp), table, pickler.record_places):
                pickle.dump(head_part, f, protocol=pickle.HIGHEST_PROTOCOL)
            for part_path in (chunks, body):
                with part_path.open("rb") as src:
                    while chunk := src.read(1 << 20):
                        f.write(chunk)
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    finally:
        body.unlink(missing_ok=True)
        chunks.unlink(missing_ok=True)


def _read(f: Any, table: list[Any]) -> Any:
    """The next pickle of the file, its persistent ids read as places in `table`."""
    unpickler = pickle.Unpickler(f)
    unpickler.persistent_load = table.__getitem__  # type: ignore[method-assign]
    return unpickler.load()


def load(path: Path, store: SqlStore) -> tuple[View, Stamp] | None:
    """The saved view and its stamp when the file is there, whole, made by this code from
    this store's audit chain; else None, with the reason in the log."""
    if not path.exists():
        log.warning("derived-state snapshot %s: not found; building from the store", path)
        return None
    try:
        with path.open("rb") as f, paused_gc():  # a million objects, none in a cycle
            header = pickle.load(f)
            if not (
                isinstance(header, tuple)
                and len(header) == 2
                and header[0] == FORMAT
                and isinstance(header[1], Stamp)
            ):
                log.warning(
                    "derived-state snapshot %s ignored: not a snapshot of this format", path
                )
                return None
            stamp: Stamp = header[1]
            if stamp.code != code_stamp():
                log.warning(
                    "derived-state snapshot %s ignored: made by other code; building afresh",
                    path,
                )
                return None
            if audit_hash(store, stamp.version) != stamp.head_hash:
                log.warning(
                    "derived-state snapshot %s ignored: audit entry %d is not in this store's "
                    "chain as saved (another or a rewritten store); building afresh",
                    path,
                    stamp.version,
                )
                return None
            table = pickle.load(f)
            at = pickle.load(f)
            if not isinstance(table, list) or not isinstance(at, array):
                raise ValueError("no table of values and records")
            start = 0
            while start < len(at):
                records = _read(f, table)
                if not isinstance(records, list) or not records:
                    raise ValueError("a chunk of records is not a list of them")
                for place, record in zip(at[start : start + len(records)], records, strict=True):
                    table[place] = record
                start += len(records)
            view = _read(f, table)
    except Exception as exc:  # any unreadable file is ignored, never trusted
        log.warning(
            "derived-state snapshot %s ignored: unreadable (%s); building afresh", path, exc
        )
        return None
    if not isinstance(view, View):
        log.warning("derived-state snapshot %s ignored: not a snapshot of this format", path)
        return None
    return view, stamp


def protection_matches(store: SqlStore, view: View) -> bool:
    """Whether the view holds every stored person, each with the protection the store gives
    it now: checked on a view made from a snapshot before anything is served from it. The
    persons table gives each person's first protection; the persons with revisions are read
    whole (folded), so a later protection, a void or a merge counts."""

    def q(conn: Any) -> tuple[dict[str, str], list[str]]:
        first = {
            str(r[0]): str(r[1])
            for r in conn.execute(select(t.persons.c.id, t.persons.c.protection))
        }
        revised = conn.execute(
            select(t.revisions.c.record_id).where(t.revisions.c.kind == "person").distinct()
        )
        return first, sorted(str(r[0]) for r in revised)

    found: tuple[dict[str, str], list[str]] = store._read(q)
    stored, revised = found
    for pid in revised:
        stored.pop(pid, None)
    for p in store.persons(ids=revised) if revised else []:
        stored[p.id] = p.protection.value
    return stored == {pid: p.protection.value for pid, p in view.persons.items()}
