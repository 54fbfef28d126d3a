"""Spellings writers make of Belarusian and Russian names that no source row of the registry
holds (bench/names_spellings_eval.py measures them on the Belarus registry): surnames that end
like patronymics, the German and French presses' spellings of a Cyrillic name, initials."""

from __future__ import annotations

import pytest

from prisonwatch.names.matcher import NameIndex, auto_accept

PEOPLE = [
    ("nemirovich", "Ігар Неміровіч", ["Ігар Неміровіч"]),
    ("krauchanka", "Ігар Краўчанка", ["Ігар Краўчанка"]),
    ("zdanovich", "Вадзім Здановіч", ["Вадзім Здановіч"]),
    ("khrasko", "Vadzim Khrasko", ["Vadzim Khrasko"]),
    ("afanasieva", "Дар’я Афанасьева", ["Дар’я Афанасьева"]),
    ("losik-daria", "Дарья Лосик", ["Дарья Лосик"]),
    ("afanasiev", "Алексей Афанасьев", ["Алексей Афанасьев"]),
    ("yurchuk", "Юрий Юрчук", ["Юрий Юрчук"]),
    ("andrushkevich", "Аляксандр Андрушкевіч", ["Аляксандр Андрушкевіч"]),
    ("mantsevich", "Aliaksandr Mantsevich", ["Aliaksandr Mantsevich"]),
]


@pytest.fixture(scope="module")
def index() -> NameIndex:
    return NameIndex.build(PEOPLE)


@pytest.mark.parametrize(
    ("query", "person"),
    [
        # a patronymic in running text, before a surname that ends like one
        ("Ігара Уладзіміравіча Неміровіча", "nemirovich"),
        ("Вадзіма Віктаравіча Здановіча", "zdanovich"),
        ("Дар’і Аляксандраўны Афанасьевай", "afanasieva"),
        ("Неміровіч Ігар Уладзіміравіч", "nemirovich"),
        # the German and French presses' spellings of the Cyrillic names
        ("Juri Jurtschuk", "yurchuk"),
        ("Wadsim Sdanowitsch", "zdanovich"),
        ("Aliaksandr Androuchkevitch", "andrushkevich"),
    ],
)
def test_spellings_no_source_printed_are_found_and_taken(
    index: NameIndex, query: str, person: str
) -> None:
    found = index.match(query, 5)
    assert found and found[0].person_id == person, [(c.person_id, c.score) for c in found]
    chosen = auto_accept(found)
    assert chosen is not None and chosen.person_id == person


@pytest.mark.parametrize(
    ("query", "person"),
    [("А. Афанасьев", "afanasiev"), ("Афанасьев А.", "afanasiev"), ("Д. Афанасьева", "afanasieva")],
)
def test_an_initial_ranks_the_person_it_begins_first_but_is_never_taken_alone(
    index: NameIndex, query: str, person: str
) -> None:
    found = index.match(query, 5)
    assert found and found[0].person_id == person, [(c.person_id, c.score) for c in found]
    assert auto_accept(found) is None


def test_two_names_ending_like_patronymics_are_not_both_passed_over(index: NameIndex) -> None:
    """Only as many names as the query has beyond the person's may be passed over as a
    patronymic: "Ігар Краўчанка" shares the given name alone and must rank low."""
    found = {c.person_id: c.score for c in index.match("Ігара Уладзіміравіча Неміровіча", 5)}
    assert found.get("krauchanka", 0.0) < 0.9
