"""The name matcher answers exactly as it did before its query path was made faster (session 8,
issue #15 item 4): `tests/names/reference_matcher.py` is the matcher as it was. On generated
registries (Latin names in several transliteration habits, Cyrillic, Łacinka, Chinese,
namesakes more than the pool holds) and generated queries (variant spellings, one letter
off, "Surname, Given", surnames alone, initials, patronymics), built fresh and kept current
by `replaced`, both give the same candidates: ids, names, scores and reasons, in order."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from prisonwatch.names.keys import Form
from prisonwatch.names.lexicon import ODD_SPACES, sorted_tokens
from prisonwatch.names.matcher import NameIndex
from tests.names import reference_matcher as ref

GIVEN = [
    ("Aliaksandr", "Alexander", "Аляксандр"),
    ("Siarhei", "Sergei", "Сяргей"),
    ("Mikalai", "Nikolai", "Мікалай"),
    ("Viktar", "Viktor", "Віктар"),
    ("Maryia", "Maria", "Марыя"),
    ("Ihar", "Igor", "Ігар"),
    ("Palina", "Polina", "Паліна"),
    ("Volha", "Olga", "Вольга"),
]
ONSETS = ["b", "v", "h", "d", "zh", "k", "l", "m", "st", "kh", "ts", "ch", "sh", "dz"]
VOWELS = ["a", "o", "i", "u", "e", "ia"]
ENDINGS = ["ski", "vich", "enka", "uk", "au", "ava", "ina", "ovich"]
SWAPS = [("kh", "ch"), ("ts", "c"), ("ia", "ya"), ("sh", "sz"), ("i", "y"), ("ch", "č")]
CYRILLIC = ["Статкевіч", "Бяляцкі", "Лосік", "Рабкова", "Знак", "Калеснікава", "Бабарыка"]
CHINESE = ["刘晓波", "刘贤斌", "陈卫", "许志永", "王丹"]


def _surname(rnd: random.Random) -> str:
    s = "".join(rnd.choice(ONSETS) + rnd.choice(VOWELS) for _ in range(rnd.randint(1, 2)))
    return (s + rnd.choice(ENDINGS)).capitalize()


def _variant(name: str, rnd: random.Random) -> str:
    for a, b in rnd.sample(SWAPS, 3):
        name = name.replace(a, b, 1)
    return name


def _people(seed: int, n: int) -> list[tuple[str, str, list[str]]]:
    rnd = random.Random(seed)
    out = []
    surnames = [_surname(rnd) for _ in range(max(3, n // 6))]  # namesakes: more than a pool
    for i in range(n):
        g = rnd.choice(GIVEN)
        roll = rnd.random()
        if roll < 0.08:
            name = rnd.choice(CHINESE)
            names = [name]
        elif roll < 0.2:
            name = f"{g[2]} {rnd.choice(CYRILLIC)}"
            names = [name, f"{g[0]} {_variant(_surname(rnd), rnd)}"]
        else:
            sur = rnd.choice(surnames)
            name = f"{g[0]} {sur}"
            names = [name, f"{g[1]} {_variant(sur, rnd)}", _variant(name, rnd)]
            if rnd.random() < 0.1:
                names.append(f"{g[0]} Viktaravič {sur}")
        out.append((f"p{rnd.randrange(10**6):06d}-{i}", name, names))
    return out


def _queries(people: list[tuple[str, str, list[str]]], seed: int, n: int) -> list[str]:
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        q = rnd.choice(rnd.choice(people)[2])
        roll = rnd.random()
        if roll < 0.25 and len(q) > 3:
            i = rnd.randrange(1, len(q) - 1)
            q = q[:i] + rnd.choice("aeiouстн") + q[i + 1 :]
        elif roll < 0.4:
            first, _, rest = q.partition(" ")
            q = f"{rest}, {first}" if rest else q
        elif roll < 0.55:
            q = q.split()[-1]  # a surname alone
        elif roll < 0.6:
            q = f"{q[0]}. {q.split()[-1]}"  # an initial
        elif roll < 0.65:
            q = q.lower() + "а"  # a case ending
        out.append(q)
    return [*out, "", "Li", "a", "Znak", "знака", "刘晓波"]


def _answers(index: NameIndex | ref.NameIndex, queries: list[str]) -> list[object]:
    return [[(c.person_id, c.name, c.score, c.why) for c in index.match(q, 50)] for q in queries]


def test_same_answers_as_the_frozen_matcher() -> None:
    for seed, n in ((1, 300), (2, 1500)):
        people = _people(seed, n)
        queries = _queries(people, seed, 1200)
        assert _answers(NameIndex.build(people), queries) == _answers(
            ref.NameIndex.build(people), queries
        )


def test_same_answers_after_changes() -> None:
    people = _people(3, 800)
    new, old = NameIndex.build(people[100:]), ref.NameIndex.build(people[100:])
    renamed = [(pid, name, [*names[1:], "Ihar Losik"]) for pid, name, names in people[100:130]]
    new = new.replaced([p for p, _, _ in people[130:150]], people[:100] + renamed)
    old = old.replaced([p for p, _, _ in people[130:150]], people[:100] + renamed)
    queries = [*_queries(people, 3, 800), "Ihar Losik", "Igor Losik"]
    assert _answers(new, queries) == _answers(old, queries)


ALPHABET = st.sampled_from("ab čя刘 \t\n\x1f\u2000\u200b\u3000-'.") | st.characters(
    exclude_characters=ODD_SPACES
)


@settings(max_examples=500, deadline=None)
@given(st.text(ALPHABET, max_size=12), st.text(ALPHABET, max_size=12))
def test_sorted_tokens_give_token_sort_ratio(a: str, b: str) -> None:
    """The whole-spelling shortlist compares spellings' words sorted once, at the build: the
    same figure as rapidfuzz's token sort, for any whitespace but `ODD_SPACES` (which rapidfuzz
    splits on or not by how wide a string's characters are stored)."""
    assert fuzz.ratio(sorted_tokens(a), sorted_tokens(b)) == fuzz.token_sort_ratio(a, b)


def test_odd_spaces_are_compared_by_rapidfuzz_itself() -> None:
    """A query form holding a space rapidfuzz reads its own way (never made by `forms`, only by
    hand) is shortlisted as before: by rapidfuzz's token sort on the folded texts."""
    people = _people(4, 200)
    new, old = NameIndex.build(people), ref.NameIndex.build(people)
    for tokens in [("ihar\x85", "losik"), ("č\x85", "a"), ("viktar", "\xa0statkevich")]:
        query = [Form(tokens, "as written"), Form(("statkevich",), "as written")]
        rows = list(range(len(new.rows)))[:40]
        pids = [new.rows[r] for r in rows]
        got = {new.rows[r]: fs for r, fs in new._shortlist(rows, query).items()}
        assert got == old._shortlist(pids, query)
