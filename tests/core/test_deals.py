from dataclasses import replace
from datetime import date, datetime

from prisonwatch.core.dates import parse_fuzzy
from prisonwatch.core.deals import account, designations_per_release
from prisonwatch.core.records import Concession, Deal, Observation
from prisonwatch.core.vocabulary import ObservationMetric
from tests.core.helpers import T0, ev


def deal(reported: int | None = 3, pp: int | None = None) -> Deal:
    return Deal(
        id="d1",
        date=parse_fuzzy("2025-09-11"),
        recorded_at=T0,
        country="BY",
        concessions=(Concession("United States", "sanctions_lifted", "Belavia"),),
        reported_released=reported,
        reported_political_prisoners=pp,
    )


def freed_three() -> list:  # type: ignore[type-arg]
    out = []
    for p in ("a", "b", "c"):
        out.append(ev(p, "detained", "2021-01-01"))
        out.append(ev(p, "released", "2025-09-11", mechanism="deal", deal="d1"))
    out.append(ev("a", "designated", "2021-02-01", org="Viasna"))
    out.append(ev("b", "designated", "2021-02-01", org="Memorial"))
    out.append(ev("a", "returned_to_custody", "2025-09-15"))
    return out


def test_accounting_from_the_registry() -> None:
    (acc,) = account([deal(reported=None)], freed_three())
    assert acc.released == 3 and acc.released_in_registry == 3
    assert acc.political_prisoners == 2  # a and b were designated
    assert acc.returned_to_custody == 1 and acc.returned_persons == ("a",)
    (viasna,) = account([deal(reported=None)], freed_three(), organisation="Viasna")
    assert viasna.political_prisoners == 1


def test_reported_figures_win_but_registry_figures_stay_visible() -> None:
    (acc,) = account([deal(reported=52, pp=40)], freed_three())
    assert (acc.released, acc.released_in_registry) == (52, 3)
    assert (acc.political_prisoners, acc.political_prisoners_in_registry) == (40, 2)


def test_replacement_from_registry_designations() -> None:
    events = [
        *freed_three(),
        ev("n1", "designated", "2025-09-20", org="Viasna"),
        ev("n2", "designated", "2025-10-01", org="Viasna"),
        ev("n3", "designated", "2025-10", org="Viasna"),
    ]
    (acc,) = account([deal(reported=None)], events)
    assert acc.replacement is not None
    assert acc.replacement.basis == "registry"
    assert acc.replacement.days == (date(2025, 10, 1) - date(2025, 9, 11)).days
    (acc3,) = account([deal(reported=3, pp=3)], events)
    assert acc3.replacement is not None
    assert acc3.replacement.days == (date(2025, 10, 1) - date(2025, 9, 11)).days
    assert acc3.replacement.days_max == (date(2025, 10, 31) - date(2025, 9, 11)).days


def test_replacement_estimated_from_a_published_rate() -> None:
    published = Observation(
        id="o1",
        metric=ObservationMetric.DESIGNATED,
        value=167,
        period=parse_fuzzy("2025-09-11/2025-12-12"),
        recorded_at=datetime(2025, 12, 12),
        organisation="Viasna",
        country="BY",
    )
    (acc,) = account([deal(reported=52, pp=40)], freed_three(), [published])
    rep = acc.replacement
    assert rep is not None and rep.basis == "published_rate" and rep.observation_id == "o1"
    span = (date(2025, 12, 12) - date(2025, 9, 11)).days
    assert rep.days == -(-40 * span // 167)  # 40 of 167 at an even rate
    assert rep.days_max == span
    too_few = replace(published, id="o2", value=30)
    assert account([deal(reported=52, pp=40)], freed_three(), [too_few])[0].replacement is None
    later = replace(published, id="o3", period=parse_fuzzy("2025-11/2025-12"))
    assert account([deal(reported=52, pp=40)], freed_three(), [later])[0].replacement is None


def test_no_replacement_when_nothing_reaches_the_number() -> None:
    (acc,) = account([deal(reported=52, pp=40)], freed_three())
    assert acc.replacement is None


def test_revolving_door_ratio() -> None:
    events = [*freed_three(), ev("n1", "designated", "2025-10-01", org="Viasna")]
    d, r, ratio = designations_per_release(events, date(2025, 9, 1), date(2025, 12, 31))
    assert (d, r, ratio) == (1, 3, 1 / 3)
    assert designations_per_release(events, date(2026, 1, 1), date(2026, 2, 1))[2] is None
