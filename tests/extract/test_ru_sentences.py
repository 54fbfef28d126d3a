"""The Russian and Belarusian reader on sentences written for these tests
(tests/extract/slavic_sentences): every `dev` case is read as it says; the held-out sets,
written after the rules and scored without changing them, are read as they say except the
cases listed as misses (each expected to fail until a rule reads it: strict xfail)."""

from __future__ import annotations

import pytest

from tests.extract.slavic_sentences import (
    dev,
    dev14,
    held,
    held2,
    held3,
    held4,
    held5,
    held6,
    held7,
    held8,
    held9,
    held10,
    held11,
    held12,
    held13,
    held14,
    held15,
)
from tests.extract.slavic_sentences.check import Case, errors

# Scored once when written (2026-11-30): 30 of 46 read right (ru 18/23, be 12/23). The 16
# misses (hr01 hr05 hr06 hr09 hr14 hb01 hb03 hb05 hb06 hb08 hb09 hb10 hb13 hb14 hb15 hb22)
# were then fixed by general rules, so this half is no longer held out; `held2` is.
HELD_MISSES: set[str] = set()
# `held2`, scored once when written (2026-11-30): 25 of 38 read right (ru 13/20, be 12/18),
# claims by action and count P 0.893 R 0.694 F1 0.781.
HELD2_MISSES: set[str] = set()
# gr08 since read ("а их более 1 100": `HOW_MANY`); the other 12 misses were since fixed by
# general rules (gr04 gr07 gr15 gr17 gr19 gr20 gb04 gb07 gb09 gb13 gb16 gb17), so `held2` is
# no longer held out either


@pytest.mark.parametrize("case", dev.CASES, ids=lambda c: c.id)
def test_dev(case: Case) -> None:
    assert errors(case) == []


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, marks=pytest.mark.xfail(strict=True, reason="held-out miss"))
        if c.id in HELD_MISSES
        else c
        for c in held.CASES
    ],
    ids=lambda c: c.id,
)
def test_held(case: Case) -> None:
    assert errors(case) == []


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, marks=pytest.mark.xfail(strict=True, reason="held-out miss"))
        if c.id in HELD2_MISSES
        else c
        for c in held2.CASES
    ],
    ids=lambda c: c.id,
)
def test_held2(case: Case) -> None:
    assert errors(case) == []


# `held3`, scored once when written (2026-11-30): 14 of 26 read right (ru 8/14, be 6/12),
# claims by action and count P 0.792 R 0.792 F1 0.792 (0.885 with the four expectations
# corrected after scoring, see held3.py).
HELD3_MISSES: set[str] = set()  # all 12 since fixed by general rules (kr02 kr03 kr04 kr06
# kr09 kr14 kb02 kb03 kb04 kb06 kb09 kb12), so `held3` is no longer held out either


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, marks=pytest.mark.xfail(strict=True, reason="held-out miss"))
        if c.id in HELD3_MISSES
        else c
        for c in held3.CASES
    ],
    ids=lambda c: c.id,
)
def test_held3(case: Case) -> None:
    assert errors(case) == []


# `held4`, scored once when written (2026-11-30), the reader as it was left after `held3`: 16
# of 26 read right (ru 8/13, be 8/13), claims by action and count P 0.923 R 0.545 F1 0.686.
HELD4_MISSES: set[str] = set()  # all 10 since fixed by general rules (vr01 vr03 vr05 vr07
# vr08 vb01 vb03 vb05 vb07 vb08), so `held4` is no longer held out either


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, marks=pytest.mark.xfail(strict=True, reason="held-out miss"))
        if c.id in HELD4_MISSES
        else c
        for c in held4.CASES
    ],
    ids=lambda c: c.id,
)
def test_held4(case: Case) -> None:
    assert errors(case) == []


# `held5`, scored once when written (2026-11-30), the reader as it was left after `held4`: 14
# of 25 read right (ru 7/13, be 7/12), claims by action and count P 0.810 R 0.708 F1 0.756.
HELD5_MISSES: set[str] = set()  # all 11 since fixed by general rules (xr01 xr03 xr04 xr11
# xr12 xr13 xb01 xb03 xb04 xb11 xb12), so `held5` is no longer held out either


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, marks=pytest.mark.xfail(strict=True, reason="held-out miss"))
        if c.id in HELD5_MISSES
        else c
        for c in held5.CASES
    ],
    ids=lambda c: c.id,
)
def test_held5(case: Case) -> None:
    assert errors(case) == []


# `held6` (paragraphs), scored once when written (2026-11-30), the reader as it was left after
# `held5`: 2 of 8 paragraphs right in every claim and field (ru 1/4, be 1/4), claims by action
# and count P 0.889 R 0.889 F1 0.889. Misses pr01 pr02 pb01 pb02 since fixed; pr04 and pb04
# still give "освобожденный вместе с другими 51 заключенным" as a release of 51, where the case
# expects none (the 52 with Statkevich would be the careful reading).
HELD6_MISSES: set[str] = {"pr04", "pb04"}


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, marks=pytest.mark.xfail(strict=True, reason="held-out miss"))
        if c.id in HELD6_MISSES
        else c
        for c in held6.CASES
    ],
    ids=lambda c: c.id,
)
def test_held6(case: Case) -> None:
    assert errors(case) == []


# `held7` (paragraphs), scored once when written (2026-11-30), the reader as this work left it
# after `held6`: 1 of 8 paragraphs right in every field (ru 1/4, be 0/4), claims by action and
# count P 0.875 R 0.500 F1 0.636. Misses qr01 qr02 qb01 qb02 qb04 since fixed by general
# rules; qr03 and qb03 ("передали 31 заключенного" as a release) are not read.
HELD7_MISSES: set[str] = set()  # qr03, qb03 since read (a count told with no act, "Их
# освобождение" two sentences on)


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, marks=pytest.mark.xfail(strict=True, reason="held-out miss"))
        if c.id in HELD7_MISSES
        else c
        for c in held7.CASES
    ],
    ids=lambda c: c.id,
)
def test_held7(case: Case) -> None:
    assert errors(case) == []


# `held8` (paragraphs), scored once when written (2026-11-30), the reader as this work left it
# after `held7`: 3 of 6 paragraphs right in every field (ru 2/3, be 1/3), claims by action and
# count P 0.929 R 0.929 F1 0.929. Misses zr02 and zb02 since fixed ("по его словам" points
# back to the person named before; "готов освободить" is no release); zb01 (a people noun
# the Belarusian table lacks, "медыйнікаў") is not read.
HELD8_MISSES: set[str] = set()  # zb01 since read (Belarusian nouns of persons by suffix)


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, marks=pytest.mark.xfail(strict=True, reason="held-out miss"))
        if c.id in HELD8_MISSES
        else c
        for c in held8.CASES
    ],
    ids=lambda c: c.id,
)
def test_held8(case: Case) -> None:
    assert errors(case) == []


# `held9` (news paragraphs in the styles of Viasna, Nasha Niva, Zerkalo, Radio Svaboda,
# OVD-Info, Mediazona), scored once when written (2026-12-01), before any rule of issue 13's third
# round: 2 of 10 read right (ru 1/5, be 1/5), claims F1 0.863, fields 0.854; then developed on.
# jb05 stays a miss: a sentence with no time gets the article's day, where the contract reads
# null ("асудзіў пяцярых удзельнікаў пратэстаў 2020 года").
HELD9_MISSES: set[str] = {"jb05"}


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, marks=pytest.mark.xfail(strict=True, reason="held-out miss"))
        if c.id in HELD9_MISSES
        else c
        for c in held9.CASES
    ],
    ids=lambda c: c.id,
)
def test_held9(case: Case) -> None:
    assert errors(case) == []


# `held11` (news paragraphs), written after `held9`'s fixes and scored once before any rule was
# changed for it (2026-12-01): 5 of 10 (ru 3/5, be 2/5), claims F1 0.884, fields 0.939; then
# developed on. lb05 stays a miss: "супраць «Беларуськалія»" is the genitive of a masculine
# "-ій" name, which no rule tells from a feminine nominative in "-ія" ("Белавія") without a
# Belarusian dictionary. Since read (round four): the genitive "-ія"/"-ію" after the preposition
# of sanctions can only be a masculine's (`GENITIVE_MASCULINE`).
HELD11_MISSES: set[str] = set()


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, marks=pytest.mark.xfail(strict=True, reason="held-out miss"))
        if c.id in HELD11_MISSES
        else c
        for c in held11.CASES
    ],
    ids=lambda c: c.id,
)
def test_held11(case: Case) -> None:
    assert errors(case) == []


# `held10`, held out through issue 13's third round: scored before any rule of the round
# (3 of 10, ru 1/5, be 2/5; claims F1 0.778, fields 0.871) and once at its end (3 of 10; F1
# 0.842, fields 0.886), never used to shape a rule; its misses at that end are listed here
# (strict xfails) and it is held out no longer. Round four read all seven by general rules
# (stocks as of a day, "считают политзаключенными", a mechanism per clause, "с требованием",
# "Супругов", the day a scene is set on, a nounless next step as a part): 10 of 10, an upper bound.
HELD10_MISSES: set[str] = set()


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, marks=pytest.mark.xfail(strict=True, reason="held-out miss"))
        if c.id in HELD10_MISSES
        else c
        for c in held10.CASES
    ],
    ids=lambda c: c.id,
)
def test_held10(case: Case) -> None:
    assert errors(case) == []


# `held12`, written after every rule of issue 13's third round and scored once, unchanged
# (2026-12-01): 4 of 10 (ru 3/5, be 1/5), claims F1 0.667 (P 0.714, R 0.625), fields 0.850:
# the estimate of the reader as that round left it. Its misses, not fixed: a participle right
# after the count ("11 человек, осужденных за ...") takes the action from the verb that governs
# it ("признали"), mr02 mb02; "из них 41 уже осужден" is read as those counted before, mr05;
# an object relative clause ("якую памілавалі"), mb03; "адбылі тэрмін" and "з пачатку месяца",
# mb04; "у абмен на" a concession read as a prisoner exchange, mb05.
# All six since read by general rules (a participle after a comma describes those counted; a
# sentencing among the detained is the next step; object relative clauses; "адбылі тэрмін",
# "з пачатку месяца"; "в обмен на освобождение" is a deal), so `held12` is no longer held out.
HELD12_MISSES: set[str] = set()


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, marks=pytest.mark.xfail(strict=True, reason="held-out miss"))
        if c.id in HELD12_MISSES
        else c
        for c in held12.CASES
    ],
    ids=lambda c: c.id,
)
def test_held12(case: Case) -> None:
    assert errors(case) == []


# `held13`, written after every rule of the round and scored once, unchanged (2026-12-01): 9 of
# 10 (ru 4/5, be 5/5), claims F1 0.968, fields 1.000. Written by the author of those rules just
# after them, so likely kinder to them than `held10`/`held12`. nr04 missed: a speaker after the
# outlet ("рассказал «Радыё Свабода» вышедший ... Павел Сидоренко") is found neither as the
# quote's speaker nor as the person the participle "вышедший" describes. Read since round four
# (a speaker after the outlet; "вышедший ... политзаключенный X"), so no longer held out.
HELD13_MISSES: set[str] = set()


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, marks=pytest.mark.xfail(strict=True, reason="held-out miss"))
        if c.id in HELD13_MISSES
        else c
        for c in held13.CASES
    ],
    ids=lambda c: c.id,
)
def test_held13(case: Case) -> None:
    assert errors(case) == []


# `dev14` and `held14`: one set of news paragraphs written before round four's rules and split
# then; round four was worked on `dev14` (6 of 14 first, F1 0.919; 13 of 14 after, an upper
# bound). db06 missed: "Замест гэтага ЗША знялі санкцыі" gives no concession ("замест гэтага",
# "instead", is no cue of a trade).
DEV14_MISSES: set[str] = {"db06"}
# `held14`: 7 of 15 first (F1 0.791), 7 of 15 at the end (F1 0.864); its first misses were seen
# (a print), so this figure is not blind. Left: a deportation told as "Всех их вывезли в
# Литву" after a subset; "Среди пятидесяти двух освобожденных — сорок" (a count as the group's
# subject); a named person "в том числе" after a demand; a release told by "освобожденная в
# ноябре" after a quoted stock; a headline and a lead of one sentence each telling the same
# count in different words ("дзевяцярых" / "дзевяць чалавек"); "Лабанка" (an -анок surname
# read as -анка); "нагадвае" as a say-verb; a concession in „ “ after "ЗША ў адказ"; "пра смерць
# ... мастака" (a death told by a noun).
HELD14_MISSES: set[str] = {"er01", "er04", "er06", "er07", "eb01", "eb03", "eb06", "eb08"}
# `held15`: written before any rule of round four and kept blind (only its totals read): 8 of
# 14 first (claims F1 0.909, fields 0.879), 11 of 14 at the end (F1 0.941, fields 0.971).
# Left: a stock told by the quoted body's "По ее данным" with the speaker as source; "а ўжо ў
# панядзелак сямярых з іх асудзілі на суткі" (read as a second count of 12); "рэжым адпусціў
# толькі 25 чалавек" ("адпусціў" as a release after "Замест абяцанага вызвалення").
HELD15_MISSES: set[str] = {"fr06", "fb04", "fb06"}


def _marked(cases: tuple[Case, ...], misses: set[str], reason: str) -> list[object]:
    return [
        pytest.param(c, marks=pytest.mark.xfail(strict=True, reason=reason))
        if c.id in misses
        else c
        for c in cases
    ]


@pytest.mark.parametrize("case", _marked(dev14.CASES, DEV14_MISSES, "dev miss"), ids=lambda c: c.id)
def test_dev14(case: Case) -> None:
    assert errors(case) == []


@pytest.mark.parametrize(
    "case", _marked(held14.CASES, HELD14_MISSES, "held-out miss"), ids=lambda c: c.id
)
def test_held14(case: Case) -> None:
    assert errors(case) == []


@pytest.mark.parametrize(
    "case", _marked(held15.CASES, HELD15_MISSES, "held-out miss"), ids=lambda c: c.id
)
def test_held15(case: Case) -> None:
    assert errors(case) == []


def test_cases_are_distinct() -> None:
    sets = (
        *dev.CASES, *held.CASES, *held2.CASES, *held3.CASES, *held4.CASES, *held5.CASES,
        *held6.CASES, *held7.CASES, *held8.CASES, *held9.CASES, *held10.CASES,
        *held11.CASES, *held12.CASES, *held13.CASES, *dev14.CASES, *held14.CASES,
        *held15.CASES,
    )  # fmt: skip
    ids = [c.id for c in sets]
    assert len(ids) == len(set(ids))
    texts = [c.text for c in sets]
    assert len(texts) == len(set(texts))
