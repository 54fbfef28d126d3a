"""Released in deals by a day: the registry's releases that name a deal (as bounds, by who was
a political prisoner before release) beside the deals' published figures as a span, never
the `deal` release mechanism and never one in the other's place."""

from __future__ import annotations

from datetime import date, datetime

from hypothesis import given
from hypothesis import strategies as st

from prisonwatch.core.bounds import Bounds
from prisonwatch.core.dates import parse_fuzzy
from prisonwatch.core.deal_releases import released_in_deals
from prisonwatch.core.deals import account
from prisonwatch.core.records import Deal, Observation
from prisonwatch.core.vocabulary import ObservationMetric, Qualifier
from tests.core.helpers import T0, ev


def _deal(id: str, when: str, released: int | None = None, pp: int | None = None) -> Deal:
    return Deal(
        id=id,
        date=parse_fuzzy(when),
        recorded_at=T0,
        country="BY",
        reported_released=released,
        reported_political_prisoners=pp,
    )


def _obs(id: str, value: int, when: str, org: str | None, q: Qualifier) -> Observation:
    return Observation(
        id=id,
        metric=ObservationMetric.RELEASED,
        value=value,
        period=parse_fuzzy(when),
        recorded_at=datetime(2025, 12, 14),
        organisation=org,
        country="BY",
        qualifier=q,
    )


DEALS = [_deal("d1", "2025-06-21", released=14), _deal("d2", "2025-12-13")]
OBS = [
    _obs("o1", 123, "2025-12-13", None, Qualifier.EXACT),
    _obs("o2", 109, "2025-12-13", None, Qualifier.MORE_THAN),
    _obs("o3", 114, "2025-12-13", None, Qualifier.EXACT),
]
EVENTS = [
    # a: recognised before a release recorded as a pardon in deal d1
    ev("a", "detained", "2021-01-01"),
    ev("a", "designated", "2021-02-01", org="Viasna"),
    ev("a", "released", "2025-06-21", mechanism="pardon", deal="d1"),
    # b: never recognised, deported in deal d1
    ev("b", "detained", "2022-01-01"),
    ev("b", "deported", "2025-06-21", deal="d1"),
    # c: recognised by another organisation, released "December 2025" in d2
    ev("c", "detained", "2020-05-01"),
    ev("c", "designated", "2020-06-01", org="Other"),
    ev("c", "released", "2025-12", mechanism="deal", deal="d2"),
    # d: released by pardon outside any deal: never counted here
    ev("d", "detained", "2020-05-01"),
    ev("d", "designated", "2020-06-01", org="Viasna"),
    ev("d", "released", "2025-06-21", mechanism="pardon"),
]


def test_counts_releases_that_name_a_deal_whatever_their_mechanism() -> None:
    r = released_in_deals(account(DEALS, EVENTS, OBS), date(2025, 12, 31))
    assert r.released == Bounds(3, 3)
    assert r.political_prisoners == Bounds(2, 2)
    # the `deal` mechanism alone would say 1; a pardon outside a deal (d) is not counted


def test_a_release_dated_by_month_is_possibly_but_not_surely_by_a_day_within_it() -> None:
    r = released_in_deals(account(DEALS, EVENTS, OBS), date(2025, 12, 15))
    assert r.released == Bounds(2, 3)
    assert r.political_prisoners == Bounds(1, 2)
    (d1, d2) = r.deals
    assert d1.released == Bounds(2, 2) and d2.released == Bounds(0, 1)


def test_the_organisation_in_scope_decides_who_was_a_political_prisoner() -> None:
    r = released_in_deals(account(DEALS, EVENTS, OBS, "Viasna"), date(2025, 12, 31))
    assert r.released == Bounds(3, 3)
    assert r.political_prisoners == Bounds(1, 1)


def test_published_figures_give_a_span_with_their_qualifiers() -> None:
    r = released_in_deals(account(DEALS, EVENTS, OBS), date(2025, 12, 31))
    # d1: 14 (the deal's own figure); d2: 123, more than 109 (110 or more) and 114
    assert (r.published_released.low, r.published_released.high) == (14 + 110, None)
    assert r.published_released.missing == ()
    d2 = r.deals[1]
    assert [(f.value, f.qualifier) for f in d2.published_released] == [
        (123, Qualifier.EXACT),
        (109, Qualifier.MORE_THAN),
        (114, Qualifier.EXACT),
    ]
    # no deal published a count of political prisoners: named, not counted as zero
    assert r.published_political.high is None
    assert r.published_political.missing == ("d1", "d2")


def test_exact_published_figures_add_up_exactly_and_later_deals_are_left_out() -> None:
    deals = [_deal("d1", "2025-06-21", released=14, pp=14), _deal("d2", "2025-09-11", 52, 40)]
    r = released_in_deals(account(deals, EVENTS, []), date(2025, 9, 30))
    assert (r.published_released.low, r.published_released.high) == (66, 66)
    assert (r.published_political.low, r.published_political.high) == (54, 54)
    early = released_in_deals(account(deals, EVENTS, []), date(2025, 7, 1))
    assert [p.deal.id for p in early.deals] == ["d1"]
    assert early.published_released.exact and early.published_released.low == 14
    none = released_in_deals(account(deals, EVENTS, []), date(2025, 1, 1))
    assert none.deals == () and none.released == Bounds(0, 0)
    assert (none.published_released.low, none.published_released.high) == (0, 0)


def test_a_deal_dated_by_month_counts_in_the_published_total_only_above() -> None:
    deals = [_deal("d1", "2025-09", released=52)]
    r = released_in_deals(account(deals, [], []), date(2025, 9, 15))
    assert (r.published_released.low, r.published_released.high) == (0, 52)
    assert not r.deals[0].surely_by


@given(
    st.lists(
        st.tuples(st.integers(0, 500), st.sampled_from(list(Qualifier))), min_size=1, max_size=4
    )
)
def test_every_published_figure_lies_within_the_published_span(
    figs: list[tuple[int, Qualifier]],
) -> None:
    obs = [_obs(f"o{i}", v, "2025-12-13", None, q) for i, (v, q) in enumerate(figs)]
    r = released_in_deals(account([_deal("d", "2025-12-13")], [], obs), date(2025, 12, 31))
    t = r.published_released
    for f in r.deals[0].published_released:
        low, high = f.bounds
        assert t.low <= low
        assert t.high is None or (high is not None and high <= t.high)
