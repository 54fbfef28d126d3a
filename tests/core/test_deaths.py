"""Deaths are a status and an outflow of their own, never a release; impossible dates are
refused."""

from __future__ import annotations

from datetime import date

from prisonwatch.core.ledger import StockIndex, derive
from prisonwatch.core.timeline import custody_status, fold_custody, future_problems
from tests.core.helpers import ev


def test_a_death_in_custody_is_its_own_status_and_outflow() -> None:
    events = [
        ev("a", "detained", "2010-01-01"),
        ev("a", "designated", "2010-01-01", org="X"),
        ev("a", "died_in_custody", "2017-07-13"),
        ev("b", "detained", "2010-01-01"),
        ev("b", "designated", "2010-01-01", org="X"),
        ev("b", "released", "2015-01-01", mechanism="term_served"),
    ]
    custody, problems = fold_custody([e for e in events if e.person_id == "a"])
    assert not problems
    assert custody_status(custody, date(2020, 1, 1)) == "died in custody"
    assert custody_status(custody, date(2016, 1, 1)) == "held"
    index = StockIndex.build(derive(events, None).political)
    out = index.outflow_by_mechanism(date(2000, 1, 1), date(2020, 1, 1))
    assert out["died_in_custody"].as_dict() == {"low": 1, "high": 1}
    assert out["term_served"].as_dict() == {"low": 1, "high": 1}
    assert "unknown" not in out


def test_a_death_outside_custody_ends_nothing_and_is_no_problem() -> None:
    events = [
        ev("a", "detained", "2010-01-01"),
        ev("a", "released", "2015-01-01", mechanism="term_served"),
        ev("a", "died", "2018-01-01"),
    ]
    custody, problems = fold_custody(events)
    assert not problems
    assert len(custody) == 1 and custody[0].end_kind is not None
    assert custody[0].end_kind.value == "released"


def test_a_death_recorded_while_held_ends_custody() -> None:
    custody, problems = fold_custody(
        [ev("a", "detained", "2010-01-01"), ev("a", "died", "2012-03-01")]
    )
    assert not problems
    assert custody_status(custody, date(2013, 1, 1)) == "died in custody"


def test_events_after_today_are_problems() -> None:
    found = future_problems(
        [ev("a", "released", "2026-12-01", id="late"), ev("a", "detained", "2026-11-30")],
        date(2026, 11, 30),
    )
    assert [(p.where, p.field) for p in found] == [("late", "date")]
