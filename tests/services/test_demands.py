"""Demands on a real database (SQLite and PostgreSQL): matching, decisions, voids, known_on."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from prisonwatch.core.dates import parse_fuzzy
from prisonwatch.core.demands import NameState
from prisonwatch.core.vocabulary import Qualifier
from prisonwatch.services import demands, importing
from prisonwatch.storage.sql import SqlStore
from tests.cli.conftest import SAMPLE_FILES

T1 = datetime(2026, 11, 29, 12, 0)  # the sample data was recorded on 2026-11-29
T2 = datetime(2026, 11, 30, 9, 0)


@pytest.fixture
def sample(store: SqlStore) -> SqlStore:
    report = importing.import_files(store, [Path(p) for p in SAMPLE_FILES], "tester", T1)
    assert report.ok, report.problems
    return store


def _record(store: SqlStore, names: list[str], at: datetime = T1) -> demands.Demand:
    sid = demands.source_for(store, "https://example.org/demand", "A demand", at)
    return demands.record(
        store,
        by="United States",
        made_on=parse_fuzzy("2025-09-11"),
        actor="tester",
        now=at,
        of="Belarus",
        country="by",
        count=1400,
        qualifier=Qualifier.UP_TO,
        names=[(n, None) for n in names],
        source_ids=[sid],
    )


def test_names_are_matched_in_any_script_and_unknown_ones_kept(sample: SqlStore) -> None:
    d = _record(sample, ["Мікола Статкевіч", "Somebody Nobody-Knows"])
    stored = demands.find(sample, d.id)
    assert stored.country == "BY" and stored.count == 1400
    states = [n.state for n in stored.names]
    assert states == [NameState.MATCHED, NameState.UNMATCHED]
    data = demands.as_dict(sample, stored, date(2026, 1, 1), None, public=False)
    assert data["names"][0]["status"] == "held"  # Statkevich, back in custody since 2025-09
    assert data["names"][1]["status"] == "unknown"
    assert data["status_counts"]["held"] == 1


def test_a_decision_is_kept_apart_and_read_as_known_on(sample: SqlStore) -> None:
    d = _record(sample, ["Somebody Nobody-Knows"])
    pid = sample.persons()[0].id
    demands.decide(sample, d.id, 0, pid, "ana", T2, "same person, checked")
    now = demands.find(sample, d.id).names[0]
    before = demands.find(sample, d.id, known_on=date(2026, 11, 29)).names[0]
    assert now.person_id == pid and now.state is NameState.MATCHED
    assert before.person_id is None and before.state is NameState.UNMATCHED


def test_a_demand_is_not_known_before_it_was_recorded(sample: SqlStore) -> None:
    d = _record(sample, ["Мікола Статкевіч"], at=T2)
    with pytest.raises(demands.DemandError):
        demands.find(sample, d.id, known_on=date(2026, 11, 29))
    assert [x.id for x in demands.listed(sample, date(2026, 11, 30))] == [d.id]


def test_void_withdraws_once_and_keeps_the_record(sample: SqlStore) -> None:
    d = _record(sample, ["Мікола Статкевіч"])
    demands.void(sample, d.id, "ana", T2, "entered twice")
    assert demands.listed(sample) == []
    assert [x.id for x in demands.listed(sample, date(2026, 11, 29))] == [d.id]
    with pytest.raises(demands.DemandError, match="already voided"):
        demands.void(sample, d.id, "ana", T2, "again")


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"by": " "}, "by:"),
        ({"count": 0}, "count:"),
        ({"names": [], "count": None}, "names persons or gives a count"),
        ({"source_ids": []}, "source:"),
        ({"country": "BLR"}, "country:"),
        ({"made_on": parse_fuzzy("2999-01-01")}, "future"),
    ],
)
def test_bad_demands_are_refused_and_nothing_is_written(
    sample: SqlStore, kwargs: dict[str, object], message: str
) -> None:
    sid = demands.source_for(sample, "https://example.org/d", None, T1)
    args: dict[str, object] = {
        "by": "EU Parliament",
        "made_on": parse_fuzzy("2025-01-01"),
        "actor": "tester",
        "now": T1,
        "names": [("Мікола Статкевіч", None)],
        "source_ids": [sid],
    }
    args.update(kwargs)
    with pytest.raises(demands.DemandError, match=message):
        demands.record(sample, **args)  # type: ignore[arg-type]
    assert demands.listed(sample) == []


def test_list_files_are_read_with_line_numbers() -> None:
    assert demands.read_names("l.csv", "name,note\nA B,x\nC D,\n") == [("A B", "x"), ("C D", None)]
    assert demands.read_names("l.txt", "A B\n\nC D\n") == [("A B", None), ("C D", None)]
    with pytest.raises(demands.DemandError, match=r"l.csv:3: name: empty"):
        demands.read_names("l.csv", 'name\nA B\n""\n')
    with pytest.raises(demands.DemandError, match=r"l.csv:2: row: more fields"):
        demands.read_names("l.csv", "name\nA,B\n")
    with pytest.raises(demands.DemandError, match=r"l.txt:2: name: control"):
        demands.read_names("l.txt", "A\nB\x00C\n")
