"""A name index is not held twice: what its lexicon keeps of each token (folded, skeleton,
given-name group, block keys) is not also kept by the module caches of those functions, and
an ASCII text is folded without being remembered. At 100,000 persons those caches held every
token and spelling of the registry a second time, tens of MB of a server."""

from __future__ import annotations

from prisonwatch.core import text
from prisonwatch.core.text import fold
from prisonwatch.names import keys, matcher
from prisonwatch.names.matcher import NameIndex


def test_building_an_index_leaves_the_module_caches_as_they_were() -> None:
    surnames = [f"Qux{a}{b}barovich" for a in "bdfgklmnprst" for b in "aeiou"][:50]
    people = [(f"p{i}", f"Zmitser {s}", [f"Zmitser {s}"]) for i, s in enumerate(surnames)]
    sizes = (keys.skeleton.cache_info, matcher._block_keys.cache_info)
    before = [size().currsize for size in sizes]
    index = NameIndex.build(people)
    assert [size().currsize for size in sizes] == before
    assert index.match(f"Zmitser {surnames[7]}", 3)[0].person_id == "p7"


def test_ascii_is_folded_without_being_remembered() -> None:
    held = text._fold_unicode.cache_info().currsize
    assert fold("Quxbar Ostrovski ASCII-only 12345") == "quxbar ostrovski ascii-only 12345"
    assert text._fold_unicode.cache_info().currsize == held
    assert fold("Cichanoŭski Łukašenka") == "cichanouski lukasenka"
