from datetime import date

from prisonwatch.core.bitemporal import effective_events
from prisonwatch.core.timeline import first_designation, fold_custody, political_intervals
from prisonwatch.core.vocabulary import ReleaseMechanism
from tests.core.helpers import T0, ev


def test_release_and_return_to_custody() -> None:
    events = [
        ev("p", "detained", "2020-05-31"),
        ev("p", "designated", "2020-06-10", org="Viasna"),
        ev("p", "released", "2025-09-11", mechanism="deal", deal="d1"),
        ev("p", "returned_to_custody", "2025-09-15"),
    ]
    custody, problems = fold_custody(events)
    assert problems == []
    assert [(iv.start.earliest, iv.end.earliest if iv.end else None) for iv in custody] == [
        (date(2020, 5, 31), date(2025, 9, 11)),
        (date(2025, 9, 15), None),
    ]
    assert custody[0].mechanism is ReleaseMechanism.DEAL and custody[0].deal_id == "d1"
    pp = political_intervals(custody, first_designation(events))
    assert pp[0].start.earliest == date(2020, 6, 10)
    assert pp[1].start.earliest == date(2025, 9, 15)
    assert pp[0].surely_held(date(2025, 9, 10)) and not pp[0].possibly_held(date(2025, 9, 11))


def test_release_without_custody_is_a_problem() -> None:
    _, problems = fold_custody([ev("p", "released", "2025-09-11")])
    assert len(problems) == 1 and "no custody" in problems[0].reason


def test_designation_implies_custody_only_without_history() -> None:
    custody, _ = fold_custody([ev("p", "designated", "2021"), ev("p", "released", "2025-12-13")])
    assert len(custody) == 1 and custody[0].implied
    custody, _ = fold_custody(
        [
            ev("q", "detained", "2020-01-01"),
            ev("q", "released", "2021-01-01"),
            ev("q", "designated", "2022-01-01"),
        ]
    )
    assert len(custody) == 1 and custody[0].end is not None


def test_recognition_after_release_is_not_political_custody() -> None:
    events = [
        ev("p", "detained", "2020-01-01"),
        ev("p", "released", "2021-01-01"),
        ev("p", "recognised_after_release", "2021-06-01", org="Viasna"),
    ]
    custody, _ = fold_custody(events)
    assert political_intervals(custody, first_designation(events)) == []


def test_designation_by_other_organisation_is_ignored_when_filtered() -> None:
    events = [ev("p", "detained", "2020"), ev("p", "designated", "2021", org="Memorial")]
    assert first_designation(events, "Viasna") is None
    assert first_designation(events, "memorial") is not None


def test_supersession_and_known_on() -> None:
    from datetime import datetime

    a = ev("p", "released", "2025-09", recorded=T0, id="a")
    b = ev("p", "released", "2025-09-11", recorded=datetime(2026, 2, 1), supersedes="a", id="b")
    c = ev("p", "released", "2025-09-11", recorded=datetime(2026, 3, 1), supersedes="b", void=True)
    assert [e.id for e in effective_events([a, b, c])] == []
    assert [e.id for e in effective_events([a, b, c], date(2026, 2, 15))] == ["b"]
    assert [e.id for e in effective_events([a, b, c], date(2026, 1, 1))] == ["a"]
    assert effective_events([a, b, c], date(2025, 12, 31)) == []
