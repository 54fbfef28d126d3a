"""The difference between a published figure and the registry carries the published figure's
qualifier: "more than 1,100" against 1 is "at least 1,100", never an exact 1,099."""

from __future__ import annotations

from datetime import datetime

from hypothesis import given
from hypothesis import strategies as st

from prisonwatch.core.bounds import Bounds
from prisonwatch.core.dates import parse_fuzzy
from prisonwatch.core.observations import Comparison, Difference
from prisonwatch.core.records import Observation
from prisonwatch.core.vocabulary import ObservationMetric, Qualifier
from prisonwatch.services.figures import difference_text


def _ob(value: int, q: Qualifier) -> Observation:
    return Observation(
        id="o",
        metric=ObservationMetric.HELD,
        value=value,
        period=parse_fuzzy("2025-09"),
        recorded_at=datetime(2025, 10, 1),
        organisation="Viasna",
        country="BY",
        qualifier=q,
    )


def test_more_than_is_open_above_and_never_exact() -> None:
    d = Comparison(_ob(1100, Qualifier.MORE_THAN), Bounds(1, 1)).difference
    assert d == Difference(1100, None) and not d.exact
    assert difference_text(d) == "at least 1,100"


def test_each_qualifier_gives_its_bounds() -> None:
    reg = Bounds(20, 25)
    cases = {
        Qualifier.EXACT: (Difference(1221, 1226), "1,221 to 1,226"),
        Qualifier.AT_LEAST: (Difference(1221, None), "at least 1,221"),
        Qualifier.UP_TO: (Difference(-25, 1226), "-25 to 1,226"),
        Qualifier.FEWER_THAN: (Difference(-25, 1225), "-25 to 1,225"),
        Qualifier.ABOUT: (Difference(1221, 1226, True), "about 1,221 to 1,226"),
    }
    for q, (want, text) in cases.items():
        d = Comparison(_ob(1246, q), reg).difference
        assert d == want, q
        assert difference_text(d) == text
    exact = Comparison(_ob(1246, Qualifier.EXACT), Bounds(20, 20)).difference
    assert exact.exact and difference_text(exact) == "1,226"
    about = Comparison(_ob(1246, Qualifier.ABOUT), Bounds(20, 20)).difference
    assert not about.exact and difference_text(about) == "about 1,226"
    assert about.as_dict() == {"low": 1226, "high": 1226, "exact": False, "approximate": True}


@given(
    st.integers(0, 5000),
    st.sampled_from([q for q in Qualifier if q is not Qualifier.ABOUT]),
    st.integers(0, 300),
    st.integers(0, 300),
    st.integers(0, 10_000),
    st.integers(0, 300),
)
def test_every_value_the_facts_allow_lies_within_the_difference(
    value: int, q: Qualifier, reg_low: int, width: int, published: int, registry: int
) -> None:
    reg = Bounds(reg_low, reg_low + width)
    d = Comparison(_ob(value, q), reg).difference
    allowed = {
        Qualifier.EXACT: published == value,
        Qualifier.AT_LEAST: published >= value,
        Qualifier.MORE_THAN: published > value,
        Qualifier.UP_TO: published <= value,
        Qualifier.FEWER_THAN: published < value,
    }[q]
    if allowed and reg.contains(reg_low + registry % (width + 1)):
        diff = published - (reg_low + registry % (width + 1))
        assert d.low <= diff and (d.high is None or diff <= d.high)
