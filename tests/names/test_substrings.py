"""The trigram-indexed search finds exactly what scanning the text finds, in the same order."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from prisonwatch.names import substrings
from prisonwatch.names.substrings import SubstringIndex


def scan(text: str, key: str, limit: int) -> list[int]:
    """The way the registry search found names before the index: `str.find` from each place."""
    out: list[int] = []
    at = text.find(key) if key else -1
    while at != -1 and len(out) < limit:
        out.append(at)
        at = text.find(key, at + 1)
    return out


letters = st.sampled_from(list("aab\nбв\U0001f600\ud800"))
texts = st.lists(letters, max_size=200).map("".join)
keys = st.lists(letters, max_size=6).map("".join)


@pytest.mark.parametrize("checked", [0, 3, 4_000])
@settings(max_examples=200, deadline=None)
@given(text=texts, key=keys, limit=st.integers(0, 30), data=st.data())
def test_finds_what_a_scan_finds(
    checked: int, text: str, key: str, limit: int, data: st.DataObject
) -> None:
    if text and data.draw(st.booleans()):
        start = data.draw(st.integers(0, len(text) - 1))
        key = text[start : start + data.draw(st.integers(1, 6))]  # a key that is there
    old, substrings.MAX_CHECKED = substrings.MAX_CHECKED, checked
    try:
        assert SubstringIndex(text).find_all(key, limit) == scan(text, key, limit)
    finally:
        substrings.MAX_CHECKED = old


def test_overlapping_places_and_limit() -> None:
    index = SubstringIndex("aaaa\nxaaay")
    assert index.find_all("aaa", 10) == [0, 1, 6]
    assert index.find_all("aaa", 2) == [0, 1]
    assert index.find_all("zzz", 10) == []


def test_each_trigram_is_held_once() -> None:
    """Each distinct trigram is held once, with where its places begin: about 4 bytes a
    letter for a registry's names, where the trigram of every place took 8 bytes more."""
    text = "\n".join(["ivan ivanov", "ivan petrov", "piotr ivanou"] * 200)
    index = SubstringIndex(text)
    assert len(index._grams) == len({text[i : i + 3] for i in range(len(text) - 2)})
    held = index._grams.nbytes + index._bounds.nbytes + index._places.nbytes
    assert held < 5 * len(text)
    assert index.find_all("van", 3) == scan(text, "van", 3)
