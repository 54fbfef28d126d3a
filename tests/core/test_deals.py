from datetime import date, datetime

from hypothesis import given
from hypothesis import strategies as st

from prisonwatch.core.concessions import describe
from prisonwatch.core.dates import parse_fuzzy
from prisonwatch.core.deals import (
    Basis,
    FigureKind,
    Moment,
    PublishedFigure,
    account,
    designations_per_release,
    qualifier_bounds,
    replacement_from_rate,
)
from prisonwatch.core.records import Concession, Deal, Observation
from prisonwatch.core.vocabulary import ObservationMetric, Qualifier
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


def obs(
    id: str,
    metric: str,
    value: int,
    period: str,
    org: str | None = None,
    qualifier: Qualifier = Qualifier.EXACT,
) -> Observation:
    return Observation(
        id=id,
        metric=ObservationMetric(metric),
        value=value,
        period=parse_fuzzy(period),
        recorded_at=datetime(2025, 12, 12),
        organisation=org,
        country="BY",
        qualifier=qualifier,
    )


VIASNA_40 = obs("pp40", "released", 40, "2025-09-11", "Viasna")
VIASNA_167 = obs("d167", "designated", 167, "2025-09-11/2025-12-12", "Viasna")


def freed_three() -> list:  # type: ignore[type-arg]
    out = []
    for p in ("a", "b", "c"):
        out.append(ev(p, "detained", "2021-01-01"))
        out.append(ev(p, "released", "2025-09-11", mechanism="deal", deal="d1"))
    out.append(ev("a", "designated", "2021-02-01", org="Viasna"))
    out.append(ev("b", "designated", "2021-02-01", org="Memorial"))
    out.append(ev("a", "returned_to_custody", "2025-09-15"))
    return out


def test_registry_figures_come_from_the_registry_only() -> None:
    (acc,) = account([deal(reported=None)], freed_three())
    assert acc.released_persons == ("a", "b", "c")
    assert acc.political_persons == ("a", "b")  # a and b were designated before release
    assert acc.returned_persons == ("a",)
    assert acc.published == ()  # nothing published: nothing is made up in its place
    (viasna,) = account([deal(reported=None)], freed_three(), organisation="Viasna")
    assert viasna.political_persons == ("a",)


def test_published_figures_are_never_replaced_by_registry_counts() -> None:
    (acc,) = account([deal(reported=52)], freed_three())
    assert [f.value for f in acc.published_of(FigureKind.RELEASED)] == [52]
    assert acc.published_of(FigureKind.POLITICAL_PRISONERS) == ()
    assert len(acc.political_persons) == 2


def test_published_figures_from_observations_keep_who_said_them_and_qualifier() -> None:
    more = obs("o109", "released", 109, "2025-09-11", qualifier=Qualifier.MORE_THAN)
    other_day = obs("o7", "released", 7, "2025-09-12")
    (acc,) = account([deal(reported=52)], freed_three(), [VIASNA_40, more, other_day])
    pp = acc.published_of(FigureKind.POLITICAL_PRISONERS)
    assert [(f.value, f.by) for f in pp] == [(40, "Viasna")]
    released = acc.published_of(FigureKind.RELEASED)
    assert {(f.value, f.qualifier) for f in released} == {
        (109, Qualifier.MORE_THAN),
        (52, Qualifier.EXACT),
    }


def test_replacement_at_the_published_rate_against_the_published_political_prisoners() -> None:
    (acc,) = account([deal(reported=52)], freed_three(), [VIASNA_40, VIASNA_167])
    rate = acc.replacements[0]
    assert rate.basis is Basis.PUBLISHED_RATE and rate.observation_id == "d167"
    assert rate.needed == 40 and rate.needed_from is not None
    span = (date(2025, 12, 12) - date(2025, 9, 11)).days + 1
    assert rate.days_low == rate.days_high == -(-40 * span // 167)
    assert rate.certain_within == span - 1
    assert "40 × 93 days ÷ 167" in rate.formula
    registry = acc.replacements[1]
    assert registry.basis is Basis.REGISTRY and registry.needed == 40 and not registry.reached


def test_no_published_rate_without_a_published_political_prisoner_figure() -> None:
    (acc,) = account([deal(reported=52)], freed_three(), [VIASNA_167])
    assert all(r.basis is Basis.REGISTRY for r in acc.replacements)
    assert acc.replacements[0].needed == 2  # the registry's own count, said to be the registry's
    assert acc.replacements[0].needed_from is None


def test_replacement_from_registry_designations() -> None:
    events = [
        *freed_three(),
        ev("n1", "designated", "2025-09-20", org="Viasna"),
        ev("n2", "designated", "2025-10-01", org="Viasna"),
        ev("n3", "designated", "2025-10", org="Viasna"),
    ]
    (acc,) = account([deal(reported=None)], events)
    (rep,) = acc.replacements
    assert rep.basis is Basis.REGISTRY and rep.needed == 2
    assert rep.days_low == rep.days_high == (date(2025, 10, 1) - date(2025, 9, 11)).days
    three = obs("pp3", "released", 3, "2025-09-11", "Viasna")
    (acc3,) = account([deal(reported=None)], events, [three])
    (rep3,) = acc3.replacements
    assert rep3.days_low == (date(2025, 10, 1) - date(2025, 9, 11)).days
    assert rep3.days_high == (date(2025, 10, 31) - date(2025, 9, 11)).days


def test_a_period_that_does_not_begin_with_the_deal_gives_no_rate() -> None:
    later = obs("late", "designated", 167, "2025-11/2025-12")
    fig = PublishedFigure(FigureKind.POLITICAL_PRISONERS, 40, Qualifier.EXACT, "Viasna", ())
    assert replacement_from_rate(deal(), fig, later) is None
    too_few = obs("few", "designated", 30, "2025-09-11/2025-12-12")
    assert replacement_from_rate(deal(), fig, too_few) is None


def test_timeline_tells_release_concession_and_return_in_order() -> None:
    (acc,) = account([deal()], freed_three(), [VIASNA_40, VIASNA_167])
    moments = [(str(t.date), t.moment) for t in acc.timeline]
    assert moments == [
        ("2025-09-11", Moment.RELEASE),
        ("2025-09-11", Moment.CONCESSION),
        ("2025-09-15", Moment.RETURNED),
        ("2025-12-12", Moment.DESIGNATIONS_PUBLISHED),
    ]


def test_concessions_in_words() -> None:
    c = Concession("United States", "sanctions_lifted", "Belavia")
    assert describe(c) == "The United States lifted sanctions on Belavia"
    assert describe(Concession("Lithuania", "new_thing")) == "Lithuania: new thing"


QUALIFIERS = st.sampled_from(list(Qualifier))


@given(
    n=st.integers(1, 500),
    extra=st.integers(0, 2000),
    span_days=st.integers(0, 400),
    nq=QUALIFIERS,
    dq=QUALIFIERS,
)
def test_replacement_bounds_contain_every_value_the_qualifiers_allow(
    n: int, extra: int, span_days: int, nq: Qualifier, dq: Qualifier
) -> None:
    d = n + extra
    end = date.fromordinal(date(2025, 9, 11).toordinal() + span_days)
    ob = obs("x", "designated", d, f"2025-09-11/{end.isoformat()}", qualifier=dq)
    fig = PublishedFigure(FigureKind.POLITICAL_PRISONERS, n, nq, "Viasna", ())
    rep = replacement_from_rate(deal(), fig, ob)
    assert rep is not None and rep.days_low is not None
    span = span_days + 1
    n_lo, n_hi = qualifier_bounds(n, nq)
    d_lo, d_hi = qualifier_bounds(d, dq)
    for true_n in {n_lo, n_hi if n_hi is not None else n_lo + 50}:
        for true_d in {max(d_lo, 1), d_hi if d_hi is not None else d_lo + 50}:
            if true_d < 1:
                continue
            days = -(-true_n * span // true_d)
            assert rep.days_low <= days
            assert rep.days_high is None or days <= rep.days_high


def test_revolving_door_ratio() -> None:
    events = [*freed_three(), ev("n1", "designated", "2025-10-01", org="Viasna")]
    d, r, ratio = designations_per_release(events, date(2025, 9, 1), date(2025, 12, 31))
    assert (d, r, ratio) == (1, 3, 1 / 3)
    assert designations_per_release(events, date(2026, 1, 1), date(2026, 2, 1))[2] is None
