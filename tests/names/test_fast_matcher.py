"""The matcher's shortcuts give exactly what the plain ways give: the two-names and lone-name
scorers against the general one, the trigram pass counted with numpy against a `Counter`, the
ranking against `Counter.most_common`, and the backwards Łacinka pattern against the forwards
one. (bench/names_scale.py and bench/names_eval.py gave the same candidates, scores and
reasons before and after these shortcuts.)"""

from __future__ import annotations

import random
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from prisonwatch.names import keys, matcher
from prisonwatch.names.keys import Form
from prisonwatch.names.matcher import NameIndex

# tokens chosen to meet every branch of the token comparison: the same spelling, accents,
# given names of one group, the same skeleton, one letter apart, and unlike ones
TOKENS = [
    "ihar", "igor", "ігар", "siarhei", "sergei", "sergey", "maryia", "maria",
    "losik", "łosik", "losick", "lossik", "tsikhanouski", "cichanoŭski", "tikhanovsky",
    "tsikhanousky", "statkevich", "statkevič", "statkevych", "statkvich", "kolesnikova",
    "kalesnikava", "babaryka", "babariko", "li", "wu", "xu", "jia", "a", "viktaravič",
    "aleksandrovich", "vasilievna", "znak", "znaka", "rabkova", "rabkovaj",
]  # fmt: skip
PIDS = [f"p{i}" for i in range(60)]
"""More persons than `POOL` and `TIES` together, so that the pool is cut among equals."""
HOWS = ["as written", "as written", "transliterated (bgn)", "pinyin"]


def form(tokens: list[str], how: str) -> Form:
    return Form(tuple(tokens), how)


forms_st = st.builds(
    form, st.lists(st.sampled_from(TOKENS), min_size=0, max_size=4), st.sampled_from(HOWS)
)


@settings(max_examples=1500, deadline=None)
@given(query=forms_st, cand=forms_st)
def test_the_shortcuts_score_as_the_general_way(query: Form, cand: Form) -> None:
    assert matcher._score_pair(query, cand) == matcher._score_general(query, cand)


@settings(max_examples=300, deadline=None)
@given(counts=st.lists(st.tuples(st.sampled_from(PIDS), st.integers(1, 2)), max_size=160))
def test_most_ranks_as_most_common(counts: list[tuple[str, int]]) -> None:
    hits: Counter[str] = Counter()
    for pid, n in counts:
        hits[pid] += n
    ranked = hits.most_common()
    pool = [pid for pid, _ in ranked[: matcher.POOL]]
    if len(ranked) > matcher.POOL:  # and those as often hit as the last, up to TIES more
        last = ranked[matcher.POOL - 1][1]
        more = [pid for pid, n in ranked[matcher.POOL :] if n == last]
        pool += more[: matcher.TIES]
        if len(more) > matcher.TIES:  # too many tied: those let in are the first by id
            above = [pid for pid, n in ranked if n > last]
            tied = sorted(pid for pid, n in ranked if n == last)
            pool = above + tied[: matcher.POOL + matcher.TIES - len(above)]
    assert matcher._most(hits) == pool


def _registry(n: int, seed: int) -> list[tuple[str, str, list[str]]]:
    rnd = random.Random(seed)
    syllables = ["ka", "lo", "sik", "va", "ro", "ts", "ich", "en", "ko", "ski", "ma", "ra"]
    people = []
    for i in range(n):
        surname = "".join(rnd.choice(syllables) for _ in range(rnd.randint(2, 4))).capitalize()
        name = f"{rnd.choice(['Ihar', 'Maryia', 'Siarhei'])} {surname}"
        people.append((f"p{i}", name, [name, surname + "a"]))
    return people


def test_the_trigram_pass_ranks_as_a_counter_does() -> None:
    index = NameIndex.build(_registry(3000, 1))
    rnd = random.Random(2)
    limit = matcher.MAX_BLOCK
    for _ in range(300):
        tokens = [rnd.choice(index.forms_of(f"p{rnd.randrange(3000)}")).tokens[-1]]
        if rnd.random() < 0.3:
            tokens.append("ka" + tokens[0][2:])
        reference: Counter[str] = Counter()
        for token in tokens:
            for k in matcher._pass_keys(token, "wide"):
                block = index.block(k)
                if block and len(block) <= limit:
                    reference.update(block)
        expected = matcher._most(reference)
        assert [index.rows[r] for r in index._most_wide(tokens)] == expected


def test_the_trigram_pass_sees_persons_added_after_it_was_counted() -> None:
    index = NameIndex.build(_registry(200, 3))
    token = index.forms_of("p0")[0].tokens[-1]
    before = [index.rows[r] for r in index._most_wide([token])]
    index.add("new", "Ihar X", [f"Ihar {token}"])
    after = [index.rows[r] for r in index._most_wide([token])]
    assert "new" in after and "new" not in before


letters = st.sampled_from(list("aAmMuUjJsSkKčČſKıİcCiIeEvyh  ,-'_1"))


@settings(max_examples=1000, deadline=None)
@given(st.lists(letters, max_size=30).map("".join))
def test_the_backwards_lacinka_pattern_finds_what_the_forwards_one_finds(name: str) -> None:
    forwards = bool(keys._lacinka_oblique().search(name))
    assert bool(keys._lacinka_reversed().search(name[::-1])) == forwards


def test_every_lacinka_ending_is_found_at_a_word_end_only() -> None:
    for ending in keys._lacinka_endings():
        assert keys.is_lacinka_oblique(f"Ales {ending.upper()}")
        assert keys._lacinka_reversed().search(f"x{ending}y"[::-1]) is None
