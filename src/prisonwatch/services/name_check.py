"""Whether a stored text names a protected person, in any spelling, script or case form.

The public projection uses this to decide what of a source (its title, its address) and which
notes may be shown: a text is withheld when one of its words may be a protected person's
surname. Words are compared by the name matcher's own forms (every transliteration of every
nominative candidate, `names.keys.forms`), German and French press spellings of a Cyrillic name
(`names.translit.PRESS_TABLES`: "Bjaljazki", "Lukjantschyk"; of a name held only in Latin
letters, read as the Cyrillic it stands for, as stems only) and their consonant skeletons,
and a word that only begins with a protected stem ("Kviatkouskaha", "kvyatkovskogo") counts,
so that inflected and transliterated forms are caught. A word in Łacinka letters (or the same
letters of Czech, Slovak, Lithuanian and ISO 9 spellings) is also read as the Cyrillic it writes
(`names.translit.from_lacinka`), so that "Žyliča" and "Ščarbakoŭ" meet a registry's "Zhylich"
and "Shcharbakou": folded alone they read "zylica" and "scarbakou".

A digit or @ inside a word that is otherwise letters is read as the letter it stands for
("Kviatk0uski", "Kvi@tkouski", "Квятк0ўскі", "П4ёлкина": `lookalike_readings`); a number
stays a number ("2024", "COVID19", "4x4").

Given names alone never count: they are shared by public persons, but a given name next to a
surname of the same person does, in either order and any case form, even when that surname is
too short or too common to count alone ("Andrei Kot", "Андрэя Кота", "Pavel Ivan").

Texts are normalised first: format characters (soft hyphens, zero-width spaces: Unicode
category Cf) dropped, compatibility forms folded (NFKC), case folded. Then a letters-only form
of the whole text (every separator removed: "H.r.a.b.i.a.n.i.u.k", "Hrabia-niuk",
"dar-yanchyk", "zmitserhrabianiuk") is searched for surname stems of at least `MIN_JOINED`
letters and for a given name run together with a surname. The check errs on the side of
withholding (a stem may occur across two innocent words); review can clear what it withheld.

Scripts written without spaces between words (Chinese, Japanese kana, Thai, Lao, Khmer,
Myanmar) have no word to compare: a name there runs into the words around it ("与刘晓波同案",
"ဝေမိုးနိုင်ကို"). A protected name written in such a script is therefore searched for as a run of
characters anywhere in a text (Chinese as simplified characters), and Chinese characters in a
text are also read as pinyin in its letters-only form, so that a name known only in Latin
letters ("Liu Xiaobo") is found written in characters.

A Chinese name is also searched for as the presses that do not write pinyin write it:
Wade-Giles ("Liu Hsiao-po") and the Russian Palladius transcription ("Лю Сяобо", in any case
form), made from its characters or its pinyin (`names.chinese.other_romanisations`).

Only stored texts are judged, never text a request supplied, so no answer to a request
depends on whether a guessed name is protected.
"""

from __future__ import annotations

import codecs
import html
import re
import unicodedata
from collections.abc import Iterable, Mapping
from datetime import datetime
from functools import lru_cache, partial
from urllib.parse import unquote

from prisonwatch.core.records import Person
from prisonwatch.core.text import fold
from prisonwatch.names import chinese
from prisonwatch.names.chinese import has_han, other_romanisations, pinyin, simplified
from prisonwatch.names.keys import forms, given_group, skeleton
from prisonwatch.names.translit import (
    all_romanisations,
    from_lacinka,
    from_latin,
    is_cyrillic,
    press_spellings,
)

_LACINKA = re.compile("[čšžŭćśźńłĺ]", re.IGNORECASE)
"""Letters that mark a Latin word as Łacinka (or a Czech, Slovak, Lithuanian or ISO 9 spelling
of a Slavic name), which folding would erase: "Žylič" folds to "zylic", not "zhylich"."""
_APOSTROPHES = re.compile("['\u2019\u02bc\u2018`\u00b4\u02b9]")
_WORD = re.compile(r"[^\W\d_]+")
MIN_STEM = 4
"""Letters a surname stem needs before a word that begins with it counts as naming it."""
MIN_JOINED = 5
MIN_PRESS_READ = 6
"""Letters a protected name's word held only in Latin letters needs before the spellings of
its Cyrillic reading count (`_press_of_latin`), and letters of their stems: as the start of a
word only, never skeletons or inside a run of letters ("Vasiluk" is not to withhold "Vasil")."""
"""Letters a surname stem needs before it counts anywhere in the letters-only form of a text."""
MIN_GIVEN_STEM = 3
"""Letters of a given name's stem that count next to a surname of the same person."""
ENDING = 3
"""Letters a case ending may add to a name part in the letters-only form."""
_UNSPACED = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf"
    "\u4e00-\u9fff\uf900-\ufaff\ua9e0-\ua9ff\uaa60-\uaa7f]"
)
"""Letters of the scripts written without spaces between words: Thai, Lao, Myanmar, Khmer,
Japanese kana and Chinese characters."""
MIN_RUN = 2
"""Characters a whole protected name in an unspaced script needs to be searched for as a run
(a Chinese name has two or more)."""
MIN_RUN_PART = 3
"""Characters one part of such a name (a Uyghur name's part between middle dots, a Thai or
Myanmar name's part between spaces) needs to be searched for alone."""


_SMALL_CAPITALS = str.maketrans("ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘʀꜱᴛᴜᴠᴡʏᴢ", "abcdefghijklmnoprstuvwyz")
"""Latin small capitals, which NFKC leaves as they are, as the letters they are."""
_GREEK_AS_LATIN = str.maketrans("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧαεικνορτυχϲ", "ABEZHIKMNOPTYXaeikvoptuxc")
"""Greek letters that look like Latin ones, as those (only inside a word with Latin letters:
"Zhαurankevich"; Greek words stay Greek)."""
_MIXED_GREEK = re.compile(
    r"[^\W\d_]*(?:[a-zA-Z][^\W\d_]*[\u0370-\u03ff]|[\u0370-\u03ff][^\W\d_]*[a-zA-Z])[^\W\d_]*"
)


_DIGITS_AS_LATIN = {"0": "o", "1": "il", "3": "e", "4": "a", "@": "a"}
"""Digits and symbols that stand for a Latin letter inside a word ("Kviatk0uski", "Kv1atkouski"
or "K1iatkouski", "Pch3lkina", "Kvi@tkouski"), each with its readings (1 is read as i and as l)."""
_DIGITS_AS_CYRILLIC = {"0": "о", "1": "і", "3": "з", "4": "ч", "@": "а"}
"""The same inside a Cyrillic word ("Квятк0ўскі", "П4ёлкина", "Ка3лоў")."""
_LOOKALIKE_WORD = re.compile(r"(?:[^\W_]|@)+")
"""A run of letters, digits and @: where a digit or @ may stand for a letter."""
_CF = "\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff"
_STAND_IN = re.compile(f"[^\\W\\d_][{_CF}]*[0134@]|[0134@][{_CF}]*[^\\W\\d_]")
"""A digit or @ beside a letter (format characters between them aside): what a text needs,
once escapes are read ("%30", "&commat;") and compatibility forms folded ("０"), before it
may hold such a word; most texts do not, and are not read twice."""
_CYRILLIC_LETTER = re.compile("[\u0400-\u04ff]")


def lookalike_readings(text: str) -> tuple[str, ...]:
    """`text` (as `plain` gives it) with the digits and @ inside its words read as the letters
    they stand for, once per reading (1 as i, then as l); empty when it holds no such word.
    Only a word that is otherwise letters counts, and only with more letters than stand-ins:
    "2024", "COVID19" (9 stands for no letter) and "4x4" stay numbers."""
    probe = text
    if "%" in text or "&" in text:
        probe = plain(text)
    elif not text.isascii():
        probe = unicodedata.normalize("NFKC", text)
    if not _STAND_IN.search(probe):
        return ()
    found = False

    def read(m: re.Match[str], k: int) -> str:
        nonlocal found
        word = m.group()
        table = _DIGITS_AS_CYRILLIC if _CYRILLIC_LETTER.search(word) else _DIGITS_AS_LATIN
        others = [c for c in word if not c.isalpha()]
        if not others or any(c not in table for c in others) or len(word) <= 2 * len(others):
            return word
        found = True
        return "".join(table[c][min(k, len(table[c]) - 1)] if c in table else c for c in word)

    plain_text = plain(text)
    out = [_LOOKALIKE_WORD.sub(partial(read, k=k), plain_text) for k in range(2)]
    return tuple(dict.fromkeys(out)) if found else ()


_PUNYCODE = re.compile(r"(?i)\bxn--([a-z0-9-]+)")
"""A label of an internationalised domain name as the address holds it (IDNA, punycode):
"xn--80aaglc0auw2e4h7c" is how "жаўранкевіч" stands in "https://жаўранкевіч.by/"."""


def _unpunycode(m: re.Match[str]) -> str:
    """The label as a browser shows it; left as it is when it is no punycode."""
    try:
        return codecs.decode(m.group(1).lower().encode("ascii"), "punycode")
    except (UnicodeError, ValueError):
        return m.group()


def prepare() -> None:
    """Load the tables a name check builds on first use (Chinese names: pypinyin, the script
    converter), so that the first protection change after a start does not wait 0.2-1.5 s
    for them: a server calls this in the background as it starts."""
    chinese.prepare()
    ProtectedNames([Person(id="-", name="Liu Xiaobo", recorded_at=datetime(2000, 1, 1))])


def plain(text: str) -> str:
    """Text as a reader would see it: HTML entities and URL escapes undone (twice, for
    doubly escaped text), domain labels in punycode read as the letters they encode,
    compatibility forms folded (NFKC), small capitals and Greek look-alike letters in Latin
    words read as Latin, apostrophes inside words dropped."""
    for _ in range(2):
        text = unquote(html.unescape(text))
    if "xn--" in text.lower():
        text = _PUNYCODE.sub(_unpunycode, text)
    text = "".join(c for c in text if unicodedata.category(c) != "Cf")
    text = unicodedata.normalize("NFKC", text).translate(_SMALL_CAPITALS)
    text = _MIXED_GREEK.sub(lambda m: m.group().translate(_GREEK_AS_LATIN), text)
    return _APOSTROPHES.sub("", text)


def letters_only(text: str) -> tuple[str, ...]:
    """The text with every non-letter removed, folded, as written and in every Latin
    transliteration: what a name spaced, dotted or run together with other words reads as."""
    joined = "".join(c for c in plain(text) if c.isalpha())
    if not joined:
        return ()
    out = [fold(joined)] + [fold(v) for v in all_romanisations(joined).values()]
    if _LACINKA.search(joined):
        out += [fold(v) for v in all_romanisations(from_lacinka(joined)).values()]
    if has_han(joined):
        out.append(fold(pinyin(joined)))
    return tuple(dict.fromkeys(out))


def unspaced(text: str) -> str:
    """The text as a run of letters and the marks on them (folded, Chinese as simplified
    characters), every space and punctuation removed: where a name in a script written without
    spaces is searched for."""
    text = plain(text)
    if has_han(text):
        text = simplified(text)
    return "".join(c for c in text.casefold() if unicodedata.category(c)[0] in "LM")


def words(text: str) -> list[str]:
    """The letter runs of a text (an address's slug splits at '-', '_', '/', '.')."""
    return _WORD.findall(plain(text))


@lru_cache(maxsize=50_000)
def _as_written(word: str) -> tuple[str, ...]:
    """The folded Latin tokens of one word: as written, or every transliteration of every
    nominative it may be an inflection of."""
    return tuple(dict.fromkeys(fold(tok) for f in forms(word) for tok in f.tokens if tok))


@lru_cache(maxsize=50_000)
def _latin(word: str) -> tuple[str, ...]:
    """`_as_written`, and for a word in Łacinka letters also the tokens of the Cyrillic it
    writes ("Žyliča" → "Жыліча" → "zhylich", as the registry spells "Yauhen Zhylich")."""
    if not _LACINKA.search(word):
        return _as_written(word)
    return tuple(dict.fromkeys((*_as_written(word), *_as_written(from_lacinka(word)))))


@lru_cache(maxsize=50_000)
def _press(word: str) -> tuple[str, ...]:
    """The folded spellings of a Cyrillic word by the other presses' tables (German:
    "Лук'янчык" as "Lukjantschyk"), which the matcher's forms do not hold."""
    return tuple(dict.fromkeys(fold(v) for v in press_spellings(word).values()))


@lru_cache(maxsize=50_000)
def _press_of_latin(word: str) -> tuple[str, ...]:
    """For a protected name's word held only in Latin letters (most of a registry's names),
    the Cyrillic it stands for, in every transliteration and in the presses' spellings
    ("Zhylich" read as "жыліч": "Schylitsch", "Jylitch"; "Šumas" read as "шумас": "shumas").
    Only words of `MIN_PRESS_READ` letters or more, and only as `read_stems`: a reading is
    one guess among several, and a short one ("Jerzy" read as "ierzy") meets innocent words."""
    if is_cyrillic(word) or len(word) < MIN_PRESS_READ:
        return ()
    readings = [from_lacinka(word)] if _LACINKA.search(word) else []
    if fold(word).isascii():
        readings.append(from_latin(fold(word)))
    spelt = [
        v for r in readings for t in (press_spellings(r), all_romanisations(r)) for v in t.values()
    ]
    return tuple(t for t in dict.fromkeys(map(fold, spelt)) if t not in _as_written(word))


def _is_given(word: str) -> bool:
    return any(given_group(tok) is not None for tok in _as_written(word))


class ProtectedNames:
    """The surname stems and skeletons of every person who is not public, under every name they
    hold now and every name they were ever recorded under (`former`, by person id): a text
    written before a protected person's name was corrected or changed still names them."""

    def __init__(
        self, persons: Iterable[Person], former: Mapping[str, Iterable[str]] | None = None
    ) -> None:
        self.stems: set[str] = set()
        self.skeletons: set[str] = set()
        self.pairs: dict[str, set[str]] = {}
        self.read_stems: set[str] = set()
        """Stems of the presses' spellings of Latin-held names read as Cyrillic
        (`_press_of_latin`): they count at the start of a word only, never inside a run of
        letters (a guessed reading of "Aksana" is inside "Aliaksandr")."""
        self.runs: set[str] = set()
        """Protected names, and their longer parts, in scripts written without spaces."""
        self.people: dict[str, frozenset[str]] = {}
        """Every name of each protected person, by id (`naming`: who a text names)."""
        self._naming: dict[str, frozenset[str]] = {}
        for p in persons:
            every = frozenset({*p.all_names, *(former or {}).get(p.id, ())})
            self.people[p.id] = self.people.get(p.id, frozenset()) | every
            for name in {*every, *(o for n in every for o in other_romanisations(n))}:
                self._add_runs(name)
                for word in words(name):
                    if len(word) < MIN_STEM or _is_given(word):
                        continue
                    for tok in (*_as_written(word), *_press(word)):
                        self.stems.add(tok[: max(MIN_STEM, len(tok) - 2)])
                        sk = skeleton(tok)
                        if len(sk) >= 3:
                            self.skeletons.add(sk)
                    for tok in _press_of_latin(word):
                        self.read_stems.add(tok[: max(MIN_PRESS_READ, len(tok) - 2)])
                self._add_pairs(words(name))
        self.joined = {s for s in self.stems if len(s) >= MIN_JOINED}
        """Surname stems searched for anywhere in the letters-only form."""
        self._lengths = sorted({len(s) for s in self.joined} | {len(b) for b in self.pairs})

    def judges_alike(self, other: ProtectedNames) -> bool:
        """Whether `other` judges every text as these names do: the same stems, skeletons,
        name pairs and unspaced runs, everything `mentions` reads (the incremental projection
        keeps its verdicts and public ids when a change leaves the names judging alike)."""
        return (
            self.stems == other.stems
            and self.read_stems == other.read_stems
            and self.skeletons == other.skeletons
            and self.pairs == other.pairs
            and self.runs == other.runs
            and self.people == other.people
        )

    def naming(self, text: str | None) -> frozenset[str]:
        """The protected persons `text` may name, by id (empty when `mentions` is false).
        A text the check matches without any one person's names matching it alone (a stem of
        one person's name beside a given name of another) names `UNKNOWN`, which only a
        clearance confirmed for such a text vouches for."""
        if not text:
            return frozenset()
        found = self._naming.get(text)
        if found is None:
            found = frozenset()
            if self.mentions(text):
                found = frozenset(
                    pid for pid, names in self.people.items() if _one_person(names).mentions(text)
                ) or frozenset({UNKNOWN})
            if len(self._naming) < 100_000:
                self._naming[text] = found
        return found

    def _add_runs(self, name: str) -> None:
        """A name written in a script without spaces between words, as a run of characters
        to search for (`unspaced`): whole, and each part of it between spaces or dots."""
        if not _UNSPACED.search(name):
            return
        whole = unspaced(name)
        if len(whole) >= MIN_RUN:
            self.runs.add(whole)
        spaced = "".join(c if unicodedata.category(c)[0] in "LM" else " " for c in plain(name))
        for part in spaced.split():
            run = unspaced(part)
            if len(run) >= MIN_RUN_PART and _UNSPACED.search(run):
                self.runs.add(run)

    def _add_pairs(self, parts: list[str]) -> None:
        """Index each part of a name (folded Latin token) to the stems of the name's other
        parts: the part counts when one of those stems stands right before or after it."""
        for i, a in enumerate(parts):
            for j, b in enumerate(parts):
                if i == j:
                    continue
                stems = {
                    t[: max(MIN_GIVEN_STEM, len(t) - 2)]
                    for t in _latin(a)
                    if len(t) >= MIN_GIVEN_STEM
                }
                for tok in _latin(b):
                    if len(tok) >= 2 and stems:
                        self.pairs.setdefault(tok, set()).update(stems)

    def _pair_at(self, s: str, i: int, j: int) -> bool:
        """Whether the name part at s[i:j] has a stem of its name's other part beside it."""
        for stem in self.pairs.get(s[i:j], ()):
            # the given name's own ending (what its stem cut off, and a case ending) may follow
            before = s[max(0, i - len(stem) - 2 - ENDING) : i]
            k = before.rfind(stem)
            if k != -1:
                return True
            k = s[j : j + ENDING + len(stem)].find(stem)
            if k != -1:
                return True
        return False

    def _letters_hit(self, text: str) -> bool:
        for s in letters_only(text):
            for i in range(len(s)):
                for n in self._lengths:
                    j = i + n
                    if j > len(s):
                        break
                    piece = s[i:j]
                    if piece in self.joined or (piece in self.pairs and self._pair_at(s, i, j)):
                        return True
        return False

    def _word_hits(self, word: str) -> bool:
        for tok in _latin(word):
            if any(tok[:k] in self.stems for k in range(MIN_STEM, len(tok) + 1)):
                return True
            if any(tok[:k] in self.read_stems for k in range(MIN_PRESS_READ, len(tok) + 1)):
                return True
            sk = skeleton(tok)
            if sk in self.skeletons:
                return True
            if any(sk[:k] in self.skeletons for k in range(MIN_STEM, len(sk) + 1)):
                return True
        return False

    def mentions(self, text: str | None) -> bool:
        """Whether `text` may name a protected person: as written, or with the digits and @
        inside its words read as the letters they stand for (`lookalike_readings`)."""
        if not text or not (
            self.stems or self.read_stems or self.skeletons or self.pairs or self.runs
        ):
            return False
        if self._mentions(text):
            return True
        return any(self._mentions(t) for t in lookalike_readings(text))

    def _mentions(self, text: str) -> bool:
        """Whether `text` names a protected person as written (after `plain`)."""
        if self.runs and _UNSPACED.search(plain(text)):
            run = unspaced(text)
            if any(r in run for r in self.runs):
                return True
        if any(self._word_hits(w) for w in words(text) if len(w) >= 3):
            return True
        return self._letters_hit(text)


UNKNOWN = "?"
"""`ProtectedNames.naming` of a text no single protected person's names match."""


@lru_cache(maxsize=20_000)
def _one_person(names: frozenset[str]) -> ProtectedNames:
    """The name check of one person's names alone (`ProtectedNames.naming`)."""
    first, *rest = sorted(names)
    return ProtectedNames([Person(UNKNOWN, first, _EPOCH, aliases=tuple(rest))])


_EPOCH = datetime(1970, 1, 1)
