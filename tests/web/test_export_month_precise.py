"""The public export and the FtM output move by a protected person's record on the 1st of a
month only, whatever day it was entered.

Public figures take in a month-precise (protected) person's records from the first of the
month after they were entered (`services.known`, `core.month_precision`), so that comparing
two days' figures never tells the day such a record (and so, often, the news of an arrest)
was entered. The public export did not: a pseudonymous person entered on the 17th had a row,
and their events rows, in every export made from the 17th on, so exports of the 16th and the
18th told the day. Each export of the days of that month must now be the same, byte for byte,
and the pseudonym appear (with month dates) in the export of the 1st of the next month. The
FtM output holds public persons only, so such a record moves it on no day. Canaries with a
Latin and a Cyrillic name, on SQLite and PostgreSQL.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from prisonwatch.core.dates import parse_fuzzy
from prisonwatch.core.records import Event, Person
from prisonwatch.core.vocabulary import EventKind, Protection
from prisonwatch.services import exporting, ftm_export, importing
from prisonwatch.storage.port import Batch
from prisonwatch.storage.sql import SqlStore
from tests.web.leak_canaries import imported

SEEDED = datetime(2025, 6, 10, 9, 0)
ENTERED = datetime(2026, 11, 17, 14, 30)
DAYS = [datetime(2026, 11, d, 12, 0) for d in (2, 16, 17, 18, 30)]
NEXT = datetime(2026, 12, 1, 0, 5)
PERSONS = (
    "id,name,protection,recorded_at\n"
    "em-control,Raman Darashevich,public,2025-01-01\n"
    "em-old,Ales Old-Pseudonym,withhold_name,2025-01-01\n"
)
EVENTS = (
    "id,person_id,kind,date,recorded_at\n"
    "em-c-1,em-control,detained,2025-03-01,2025-03-02\n"
    "em-o-1,em-old,detained,2025-04-11,2025-04-12\n"
)
CANARIES = (
    ("em-canary-zhaurankevich", "Ihar Zhaurankevich", Protection.WITHHOLD_NAME, "2026-10-05"),
    ("em-canary-lukjancyk", "Зміцер Лук'янчык", Protection.COUNTS_ONLY, "2026-09-12"),
)


def _export(store: SqlStore, at: datetime) -> str:
    data = exporting.export_records(store, at=at)
    return "".join(exporting.to_csv(rows, kind) for kind, rows in sorted(data.items()))


def _ftm(store: SqlStore) -> str:
    return "".join(ftm_export.to_jsonl(store))


def test_public_export_moves_by_a_protected_record_on_the_first_of_a_month_only(
    store: SqlStore, tmp_path: Path
) -> None:
    imported(store, tmp_path, {"persons_em.csv": PERSONS, "events_em.csv": EVENTS}, SEEDED)
    before = _export(store, DAYS[0])
    ftm_before = _ftm(store)
    for pid, name, level, day in CANARIES:
        events = [Event(f"{pid}-1", pid, EventKind.DETAINED, parse_fuzzy(day), ENTERED)]
        person = Person(pid, name, ENTERED, protection=level)
        batch = Batch(persons=[person], events=events)
        report = importing.import_batch(store, batch, "t", ENTERED)
        assert report.ok, report.problems
    for at in DAYS:
        assert _export(store, at) == before, f"the export of {at.date()} moved"
    assert _ftm(store) == ftm_before
    after = exporting.export_records(store, at=NEXT)
    # from the 1st of the next month: the pseudonym and its event, to the month
    assert len(after["persons"]) == 3
    dates = sorted(r["date"] for r in after["events"])
    assert dates == ["2025-03-01", "2025-04", "2026-10"], dates
    assert "zhaurank" not in _export(store, NEXT).casefold()
