"""What is left of a demand: each named person's status from the custody fold."""

from __future__ import annotations

from datetime import date

from prisonwatch.core.dates import parse_fuzzy
from prisonwatch.core.demands import Demand, DemandName, DemandStatus, NameState, progress
from prisonwatch.core.timeline import fold_custody
from prisonwatch.core.vocabulary import DEATHS
from tests.core.helpers import T0, ev


def _demand(*names: DemandName) -> Demand:
    return Demand("dm:1", "United States", parse_fuzzy("2025-09-11"), T0, names=names)


def _named(pos: int, pid: str | None, state: NameState = NameState.MATCHED) -> DemandName:
    return DemandName(pos, f"name {pos}", state, pid)


def _histories(events):  # type: ignore[no-untyped-def]
    by: dict[str, list] = {}
    for e in events:
        by.setdefault(e.person_id, []).append(e)
    custody = {p: fold_custody(evs)[0] for p, evs in by.items()}
    deaths = {p: [e.date for e in evs if e.kind in DEATHS] for p, evs in by.items()}
    return custody, deaths


def test_each_status_comes_from_the_custody_fold() -> None:
    events = [
        ev("held", "detained", "2021-01-01"),
        ev("freed", "detained", "2021-01-01"),
        ev("freed", "released", "2025-09-11", mechanism="deal", deal="BY-2025-09-11"),
        ev("dead", "detained", "2020-05-01"),
        ev("dead", "died_in_custody", "2025-10-02"),
        ev("vague", "detained", "2025"),
        ev("gone", "detained", "2019-01-01"),
        ev("gone", "released", "2020-01-01", mechanism="term_served"),
        ev("gone", "died", "2024-02-01"),
    ]
    custody, deaths = _histories(events)
    d = _demand(
        _named(0, "held"),
        _named(1, "freed"),
        _named(2, "dead"),
        _named(3, "vague"),
        _named(4, None, NameState.UNMATCHED),
        _named(5, None, NameState.UNSURE),
        _named(6, "gone"),
        _named(7, "no-events"),
    )
    p = progress(d, custody, deaths, date(2025, 12, 1))
    got = [o.status for o in p.outcomes]
    assert got == [
        DemandStatus.HELD,
        DemandStatus.FREED,
        DemandStatus.DIED,
        DemandStatus.UNCERTAIN,
        DemandStatus.UNKNOWN,
        DemandStatus.UNKNOWN,
        DemandStatus.DIED,
        DemandStatus.UNKNOWN,
    ]
    freed = p.outcomes[1]
    assert freed.deal_id == "BY-2025-09-11" and freed.mechanism == "deal"
    assert not freed.before_demand
    assert p.outcomes[6].before_demand  # died before the demand was made: the list was stale
    assert p.freed_by_deal == {"BY-2025-09-11": 1}
    assert p.still_held == (1, 2)


def test_status_on_an_earlier_day_reads_the_history_as_it_stood() -> None:
    events = [
        ev("a", "detained", "2021-01-01"),
        ev("a", "released", "2025-10-01", mechanism="pardon"),
        ev("a", "returned_to_custody", "2025-11-15"),
    ]
    custody, deaths = _histories(events)
    d = _demand(_named(0, "a"))
    on = {
        "2025-09-30": DemandStatus.HELD,
        "2025-10-20": DemandStatus.FREED,
        "2025-11-20": DemandStatus.HELD,
    }
    for day, want in on.items():
        assert progress(d, custody, deaths, date.fromisoformat(day)).outcomes[0].status is want


def test_a_release_before_the_demand_is_not_counted_as_its_progress() -> None:
    events = [ev("a", "detained", "2020-01-01"), ev("a", "released", "2024-01-01")]
    custody, deaths = _histories(events)
    p = progress(_demand(_named(0, "a")), custody, deaths, date(2025, 12, 1))
    assert p.outcomes[0].status is DemandStatus.FREED and p.outcomes[0].before_demand
    assert p.freed_by_deal == {}


def test_a_person_named_twice_is_counted_once() -> None:
    """A list that names one person twice ("Mikola Statkevich", "Statkevich Mikola") still
    holds one person: the counts are of persons, the repeat is counted apart."""
    events = [
        ev("held", "detained", "2021-01-01"),
        ev("freed", "detained", "2021-01-01"),
        ev("freed", "released", "2025-09-11", mechanism="deal", deal="BY-2025-09-11"),
    ]
    custody, deaths = _histories(events)
    d = _demand(
        _named(0, "held"),
        _named(1, "freed"),
        _named(2, "held"),
        _named(3, "freed"),
        _named(4, None, NameState.UNMATCHED),
    )
    p = progress(d, custody, deaths, date(2025, 12, 1))
    assert len(p.outcomes) == 5  # every name is still shown, as written
    assert p.still_held == (1, 1)
    assert p.counts == {DemandStatus.HELD: 1, DemandStatus.FREED: 1, DemandStatus.UNKNOWN: 1}
    assert p.freed_by_deal == {"BY-2025-09-11": 1}
    assert p.repeated == 2
