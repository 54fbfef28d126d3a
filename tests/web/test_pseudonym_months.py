"""A pseudonymous (`withhold_name`) person's dates reach the public only to the month.

An NGO statement naming a handful of people arrested on one day can leave a pseudonym as the
only other person arrested that day, so an exact date (or the day their record was entered, or
the organisation that designated them) under a pseudonym names the person. Two canaries, one
with a Latin and one with a Cyrillic name, are moved to other days of the same months and
given another designating organisation: the public export (CSV, byte for byte) and the public
figures (daily series, stock on every day of those months, when only the days move) must not
change. Run on SQLite and PostgreSQL.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from prisonwatch.core.dates import parse_fuzzy
from prisonwatch.core.periods import Granularity
from prisonwatch.core.records import Event, Person
from prisonwatch.core.vocabulary import EventKind, Protection, ReleaseMechanism
from prisonwatch.services import editing, exporting, figures, importing
from prisonwatch.storage.port import Batch
from prisonwatch.storage.sql import SqlStore
from prisonwatch.web import present
from prisonwatch.web.context import Ledger, Viewer
from tests.cli.conftest import SAMPLE_FILES

AT = datetime(2026, 11, 29, 15, 42)
EXPORTED = datetime(2026, 12, 2, 9, 0)
"""When the export is made: a pseudonym's records entered in November are exported from the
1st of December (`services.known`; `test_export_month_precise`)."""
CANARIES = (("cn-pseudo-latin", "Canary Zzyzx"), ("cn-pseudo-cyrillic", "Канарейка Зызы"))
# (suffix, kind, mechanism, organisation, day before, day after)
SHAPE = (
    ("1", EventKind.DETAINED, None, None, date(2025, 3, 14), date(2025, 3, 2)),
    ("2", EventKind.DESIGNATED, None, "Viasna", date(2025, 3, 20), date(2025, 3, 27)),
    ("3", EventKind.RELEASED, ReleaseMechanism.PARDON, None, date(2025, 7, 9), date(2025, 7, 30)),
)
PUBLIC = Viewer(None)


def _seed(store: SqlStore) -> None:
    report = importing.import_files(store, [Path(p) for p in SAMPLE_FILES], "t", AT)
    assert report.ok, report.problems
    for pid, name in CANARIES:
        events = [
            Event(
                f"{pid}-{n}",
                pid,
                kind,
                parse_fuzzy(day.isoformat()),
                AT,
                mechanism=mech,
                organisation=org,
            )
            for n, kind, mech, org, day, _ in SHAPE
        ]
        person = Person(pid, name, AT, protection=Protection.WITHHOLD_NAME)
        report = importing.import_batch(store, Batch(persons=[person], events=events), "t", AT)
        assert report.ok, report.problems


def _move(store: SqlStore, organisation: bool = True) -> None:
    """Every canary event to another day of its month; the designation by another body
    (`organisation`: figures count designations by body, whoever is designated)."""
    for pid, _ in CANARIES:
        for n, _kind, _m, org, _, day in reversed(SHAPE):
            changes: dict[str, Any] = {"date": day.isoformat()}
            if org and organisation:
                changes["organisation"] = "Memorial"
            editing.edit(store, "event", f"{pid}-{n}", changes, "t", AT, "move")


def _export(store: SqlStore) -> dict[str, str]:
    rows = exporting.export_records(store, at=EXPORTED)
    return {kind: exporting.to_csv(rows[kind], kind) for kind in ("persons", "events")}


def _days(*months: int) -> list[date]:
    out = []
    for m in months:
        d = date(2025, m, 1)
        while d.month == m:
            out.append(d)
            d += timedelta(days=1)
    return out


def _figures(ledger: Ledger) -> dict[str, Any]:
    scope, end = figures.Scope(), date(2025, 12, 31)
    return {
        "stock": [
            present.stats(ledger, PUBLIC, scope, d, None, None, None)["stock"] for d in _days(3, 7)
        ],
        "daily": present.stats(ledger, PUBLIC, scope, end, date(2025, 1, 1), end, Granularity.DAY)[
            "series"
        ],
    }


def test_export_gives_pseudonymous_dates_to_the_month(store: SqlStore) -> None:
    _seed(store)
    before = _export(store)
    for kind, text in before.items():
        assert "Zzyzx" not in text and "Зызы" not in text, kind
    rows = exporting.export_records(store, at=EXPORTED)
    pseudonymous = [r for r in rows["events"] if r["person_id"] not in {p for p, _ in CANARIES}]
    mine = [r for r in pseudonymous if r["date"] in ("2025-03", "2025-07")]
    assert len(mine) == 6 and all(r["organisation"] is None for r in mine)
    assert all(r["recorded_at"] == "2026-11-01T00:00:00" for r in mine)
    _move(store)
    after = _export(store)
    for kind, text in before.items():
        assert after[kind] == text, f"the export's {kind} moved with a pseudonym's day"


def test_public_figures_count_pseudonymous_dates_to_the_month(store: SqlStore) -> None:
    """Were figures to count a pseudonym's exact day, the day a figure moved (unexplained by
    public persons' exported days) would give back the day the export withholds."""
    _seed(store)
    before = _figures(Ledger(store))
    _move(store, organisation=False)
    after = _figures(Ledger(store))
    for key, value in before.items():
        assert after[key] == value, f"public {key} moved with a pseudonym's day"
