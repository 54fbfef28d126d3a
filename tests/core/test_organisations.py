"""One identity per organisation across scripts, from exact aliases only (core.organisations)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from prisonwatch.core.dates import parse_fuzzy
from prisonwatch.core.organisations import (
    OrganisationFileError,
    OrganisationNames,
    known_organisations,
    organisations_from_data,
    parse_organisations,
)
from prisonwatch.core.periods import Period
from prisonwatch.core.records import Event
from prisonwatch.core.tallies import tally
from prisonwatch.core.vocabulary import EventKind, organisation_matches

KNOWN = known_organisations()
VIASNA = [
    "Viasna",
    "viasna",
    "Вясна",
    "Вясна-96",
    "Viasna Human Rights Centre",
    "Правозащитный центр «Весна»",
    'Правозащитный центр "Весна"',
    "  Праваабарончы   цэнтр «Вясна» ",
]


@pytest.mark.parametrize("spelling", VIASNA)
def test_every_spelling_of_viasna_is_viasna(spelling: str) -> None:
    assert KNOWN.canonical(spelling) == "Viasna"
    assert organisation_matches(spelling, "Вясна")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Viasna", "Vesna"),  # the St Petersburg youth movement, a distinct body
        ("Вясна", "Весна"),  # bare Russian «Весна» is that movement's name too: not declared
        ("Viasna", "Viasna2"),
        ("Memorial Human Rights Defence Centre", "Memorial"),  # the society is another body
        ("OVD-Info", "OVD-Info Kazakhstan"),
        ("Belarusian Association of Journalists", "Belarusian Association of Journalist"),
    ],
)
def test_distinct_organisations_with_similar_names_stay_apart(a: str, b: str) -> None:
    assert not KNOWN.same(a, b)
    assert not organisation_matches(a, b)


def test_an_undeclared_name_is_its_own_organisation_shown_as_written() -> None:
    assert KNOWN.canonical("Nasha Niva list") == "Nasha Niva list"
    assert KNOWN.canonical("  Nasha  Niva list ") == "Nasha Niva list"
    assert KNOWN.canonical(None) is None and KNOWN.canonical("  ") is None


def test_recognitions_per_organisation_count_every_spelling_once_under_its_display_name() -> None:
    at = datetime(2026, 1, 1)
    orgs = ["Viasna", "Вясна", "Вясна-96", "Vesna", "Правозащитный центр «Весна»"]
    events = [
        Event(f"e{i}", f"p{i}", EventKind.DESIGNATED, parse_fuzzy("2024-05-01"), at, organisation=o)
        for i, o in enumerate(orgs)
    ]
    year = [Period("2024", date(2024, 1, 1), date(2024, 12, 31))]
    (all_orgs,) = tally(events, year)
    assert all_orgs["designated:Viasna"].high == 4
    assert all_orgs["designated:Vesna"].high == 1
    assert not any("Вясна" in k or "Весна" in k for k in all_orgs)
    (viasna,) = tally(events, year, "Вясна-96")
    assert viasna["designated"].high == 4 and "designated:Vesna" not in viasna


def test_a_spelling_declared_for_two_organisations_is_refused() -> None:
    text = (
        '[[organisation]]\nname = "A"\naliases = ["X"]\n'
        '[[organisation]]\nname = "B"\naliases = ["x"]\n'
    )
    with pytest.raises(OrganisationFileError, match=r"mine.toml: 'x' is declared for both"):
        parse_organisations(text, "mine.toml")


def test_a_user_file_adds_spellings_but_cannot_move_a_known_one() -> None:
    mine = parse_organisations(
        '[[organisation]]\nname = "Viasna"\naliases = ["Viasna Homiel"]\n'
        '[[organisation]]\nname = "Our Group"\naliases = ["Наша група"]\n',
        "mine.toml",
    )
    merged = KNOWN.merged(mine, "mine.toml")
    assert merged.canonical("Viasna Homiel") == "Viasna" and merged.canonical("Вясна") == "Viasna"
    assert merged.canonical("наша група") == "Our Group"
    thief = parse_organisations('[[organisation]]\nname = "Vesna"\naliases = ["Вясна"]\n', "t")
    with pytest.raises(OrganisationFileError, match="'вясна' already names 'Viasna'"):
        KNOWN.merged(thief, "t")


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("[[organisation]]\naliases = ['x']\n", "organisation #1: field 'name'"),
        ("[[organisation]]\nname = 'A'\naliases = 'x'\n", "organisation #1 (A): field 'aliases'"),
        ("[[organisation]]\nname = 'A'\ncolour = 1\n", "unknown field(s) ['colour']"),
        ("name = 'A'\n", "expected only [[organisation]] tables"),
        ("[[organisation]\n", "f.toml: "),
    ],
)
def test_a_bad_file_names_the_entry_and_field(text: str, where: str) -> None:
    with pytest.raises(OrganisationFileError, match=None) as info:
        parse_organisations(text, "f.toml")
    assert str(info.value).startswith("f.toml") and where in str(info.value)


@given(st.text(max_size=200))
def test_any_text_is_identities_or_a_clear_error(text: str) -> None:
    try:
        names = parse_organisations(text, "f.toml")
    except OrganisationFileError as exc:
        assert str(exc).startswith("f.toml")
    else:
        assert isinstance(names, OrganisationNames)


toml_values = st.recursive(
    st.one_of(st.text(max_size=8), st.integers(), st.booleans()),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=8,
)


@given(st.lists(st.dictionaries(st.sampled_from(["name", "aliases", "note", "x"]), toml_values)))
def test_any_structure_is_identities_or_a_clear_error(entries: list[dict[str, object]]) -> None:
    try:
        organisations_from_data({"organisation": entries}, "f.toml")
    except OrganisationFileError as exc:
        assert str(exc).startswith("f.toml")
