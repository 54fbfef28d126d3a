"""Maps kept in id order when a write adds records (`services.keyed.in_key_order`)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from prisonwatch.services.keyed import in_key_order

ids = st.text(alphabet="ab:-0129яЁ", min_size=0, max_size=5)


@given(old=st.sets(ids, max_size=40), new=st.lists(ids, max_size=6, unique=True))
def test_new_keys_are_placed_as_a_sort_would_place_them(old: set[str], new: list[str]) -> None:
    new = [k for k in new if k not in old]
    d = {k: f"old {k}" for k in sorted(old)}
    for k in new:  # in the order they were added, after the old ones
        d[k] = f"new {k}"
    before = list(d.items())
    got = in_key_order(d, new)
    assert list(got.items()) == sorted(before)
    assert list(d.items()) == before  # the map given is left as it was


def test_keys_added_after_every_old_one_in_order_keep_the_map() -> None:
    d = {"p1": 1, "p2": 2, "pe:0": 3, "pe:1": 4}
    assert in_key_order(d, ["pe:0", "pe:1"]) is d
    assert in_key_order(d, []) is d
