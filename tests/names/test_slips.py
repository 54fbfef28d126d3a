"""A slip of one letter meets its original, whether the person was in the first build or added
afterwards (the index is updated in place after a write)."""

from __future__ import annotations

from prisonwatch.names import slips as slips_module
from prisonwatch.names.matcher import NameIndex, auto_accept
from prisonwatch.names.slips import SlipIndex, slip_keys


def test_one_letter_dropped_added_or_changed_meets_the_original() -> None:
    index = SlipIndex()
    index.add(0, ["statkevich"])
    index.add(1, ["kalesnikava"])
    index.freeze()
    for slip in ("statkevych", "statkvich", "statkeviich"):
        assert 0 in index.rows([slip], 10), slip
    assert index.rows(["kalesnikava"], 10).count(1) == len(slip_keys("kalesnikava"))
    assert index.rows(["labkovich"], 10) == []
    assert index.rows(["znak"], 10) == []  # too short to tell apart by a dropped letter


def test_persons_added_after_the_build_are_found_before_and_after_sorting_in() -> None:
    index = NameIndex.build([("a", "Mikalai Statkevich", ["Mikalai Statkevich"])])
    index.add("b", "Maryia Kalesnikava", ["Maryia Kalesnikava"])
    found = auto_accept(index.match("Maryia Kalesnikawa", 5))
    assert found is not None and found.person_id == "b"
    slips_module.TAIL = 0  # the next lookup sorts the tail in
    try:
        index.add("c", "Ihar Losik", ["Ihar Losik"])
        found = auto_accept(index.match("Mikalai Statkievich", 5))
        assert found is not None and found.person_id == "a"
        assert index.match("Maryia Kalesnikawa", 1)[0].person_id == "b"
    finally:
        slips_module.TAIL = 20_000


def test_a_slip_in_a_large_registry_is_found() -> None:
    people = [(f"p{i}", f"Ihar Surname{i:05d}x", [f"Ihar Surname{i:05d}x"]) for i in range(3000)]
    people.append(("t", "Valiantsin Stefanovich", ["Valiantsin Stefanovich"]))
    index = NameIndex.build(people)
    assert index.match("Valiantsin Stefanowich", 1)[0].person_id == "t"


def test_names_added_to_a_known_person_count_for_that_person() -> None:
    index = NameIndex.build([("a", "Mikalai Statkevich", ["Mikalai Statkevich"])])
    index.add("a", "Mikalai Statkevich", ["Николай Статкевич"])
    # one live row for the person (the row it had before is marked dead)
    assert [pid for row, pid in enumerate(index.rows) if index.row_of[pid] == row] == ["a"]
    found = auto_accept(index.match("Николая Статкевича", 5))
    assert found is not None and found.person_id == "a"
