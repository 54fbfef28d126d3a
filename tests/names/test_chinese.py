"""Chinese names from a real list (../shared/data/china_political_prisoners): found by either
script and by pinyin in either order; two persons sharing a name are never taken unchecked."""

from __future__ import annotations

import csv
from collections import Counter

import pytest
from opencc import OpenCC  # type: ignore[import-untyped]
from pypinyin import Style, lazy_pinyin

from prisonwatch.names.chinese import han_spellings, has_han, simplified
from prisonwatch.names.matcher import NameIndex, auto_accept
from tests.conftest import SHARED

LIST = SHARED / "data" / "china_political_prisoners" / "chinese-political-prisoners.csv"


@pytest.fixture(scope="module")
def people() -> list[tuple[str, str]]:
    if not LIST.exists():
        pytest.skip(f"{LIST} not present")
    with LIST.open(encoding="utf-8", newline="") as f:
        return [(f"cn{i}", row["Name"]) for i, row in enumerate(csv.DictReader(f))]


@pytest.fixture(scope="module")
def index(people: list[tuple[str, str]]) -> NameIndex:
    return NameIndex.build((pid, name, [name]) for pid, name in people)


def test_traditional_script_finds_the_simplified_entry(
    people: list[tuple[str, str]], index: NameIndex
) -> None:
    to_traditional = OpenCC("s2t")
    counts = Counter(name for _, name in people)
    plain = [(pid, name) for pid, name in people if counts[name] == 1 and len(name) <= 4]
    changed = [(pid, to_traditional.convert(n)) for pid, n in plain]
    changed = [(pid, t) for (pid, t), (_, n) in zip(changed, plain, strict=True) if t != n]
    assert len(changed) > 200
    for pid, traditional in changed:
        found = index.match(traditional, 1)
        assert found and found[0].person_id == pid, traditional
        assert auto_accept(found) is not None


def test_pinyin_in_western_order_finds_the_person(
    people: list[tuple[str, str]], index: NameIndex
) -> None:
    """'Xiaobo Liu': given name first, capitals, no tones; a name shared by several persons
    in pinyin (homophones) is found among the candidates but never taken unchecked."""
    pinyin_of = {pid: han_spellings(name)[1][1] for pid, name in people if len(name) == 3}
    owners = Counter(pinyin_of.values())
    wrong = 0
    for pid, (surname, given) in pinyin_of.items():
        query = f"{given.capitalize()} {surname.capitalize()}"
        found = index.match(query, 5)
        assert pid in [c.person_id for c in found], query
        chosen = auto_accept(found)
        if owners[(surname, given)] > 1:
            assert chosen is None, query
        elif chosen is None or chosen.person_id != pid:
            wrong += 1
    assert wrong == 0


def test_the_shared_name_chen_wei_is_two_persons(index: NameIndex) -> None:
    found = index.match("陳衛", 5)
    assert [c.name for c in found[:2]] == ["陈卫", "陈卫"]
    assert auto_accept(found) is None


def test_liu_xiaobo_by_every_spelling(index: NameIndex) -> None:
    for query in ("刘晓波", "劉曉波", "Liu Xiaobo", "Xiaobo Liu", "LIU Xiaobo", "Liú Xiǎobō"):
        found = index.match(query, 5)
        chosen = auto_accept(found)
        assert chosen is not None and chosen.name == "刘晓波", query


def test_script_helpers() -> None:
    assert has_han("劉曉波") and not has_han("Liu Xiaobo")
    assert simplified("劉曉波") == "刘晓波"
    assert han_spellings("欧阳修")[1] == ("pinyin", ("ouyang", "xiu"))
    assert han_spellings("单雄信")[1] == ("pinyin", ("shan", "xiongxin"))
    assert lazy_pinyin("单", style=Style.NORMAL) == ["dan"]  # why surnames need their own reading


def test_the_syllables_kept_as_data_are_pypinyins() -> None:
    """`data/zh_syllables.json` holds what pypinyin's tables give (an upgrade that adds a
    syllable fails here: make the file again from `syllables_of_pypinyin`)."""
    from prisonwatch.names import chinese

    assert chinese._syllable_set() == chinese.syllables_of_pypinyin()


def test_a_latin_name_checked_first_does_not_load_pypinyins_tables() -> None:
    """The first protection change of a process checks the person's names as pinyin: that
    read pypinyin's whole dictionary (0.4-1.5 s at 100k under load) before the syllables
    were kept as data. In a fresh interpreter, so that nothing loaded them before."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from datetime import datetime\n"
        "from prisonwatch.core.records import Person\n"
        "from prisonwatch.services.name_check import ProtectedNames\n"
        "at = datetime(2020, 1, 1)\n"
        "names = ProtectedNames([Person(id='p', name='Ivan Piatrou', recorded_at=at)])\n"
        "assert names.stems, 'no stems'\n"
        "print(sorted(m for m in sys.modules if m.startswith('pypinyin')))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
