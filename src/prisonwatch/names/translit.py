"""Cyrillic to Latin, by the tables the sources use, every one of them kept as a search key.

Tables: Belarusian national/passport style ("Aliaksandr Lukashenka", "Siarhei Tsikhanouski"),
BGN/PCGN for Belarusian and Russian, the spellings the English press uses for Russian names
("Alexander", "Sergei", "Tikhanovsky"), Łacinka-like Belarusian ("Cichanoŭski") and ISO 9.
Our own tables: no GPL dependency (unidecode is GPL).
"""

from __future__ import annotations

import re

VOWELS = set("аеёиоуыэюяіўєї")
# letters that take a y- (or i-) glide at the start of a word or after a vowel or a sign
_IOTATED = {"е", "ё", "ю", "я"}

_BASE_RU_BGN = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "ë",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
    "і": "i",
    "ў": "w",
    # Ukrainian letters, so that Ukrainian names (Ґонгадзе, Їжакевич, Євтушенко) have a
    # Latin form too: without one no Latin spelling of them could be matched or withheld
    "ґ": "g",
    "є": "ye",
    "ї": "yi",
    "'": "",
    "’": "",
}
_GLIDE_RU_BGN = {"е": "ye", "ё": "yë", "ю": "yu", "я": "ya"}

_RU_PRESS = {**_BASE_RU_BGN, "ё": "yo", "й": "i", "ь": "", "ъ": ""}
_GLIDE_RU_PRESS = {"е": "ye", "ё": "yo", "ю": "yu", "я": "ya"}

_BE_PASSPORT = {
    **_BASE_RU_BGN,
    "г": "h",
    "е": "e",
    "ё": "io",
    "й": "i",
    "ю": "iu",
    "я": "ia",
    "ў": "u",
    "ь": "",
    "'": "",
    "і": "i",
    "и": "i",
    "є": "ie",
    "ї": "i",
}
_GLIDE_BE_PASSPORT = {"е": "ie", "ё": "io", "ю": "iu", "я": "ia"}
_BE_NATIONAL = {
    **_BE_PASSPORT,
    "е": "ie",
    "х": "ch",
    "ц": "c",
    "ч": "č",
    "ш": "š",
    "ж": "ž",
    "ў": "ŭ",
}

_BE_BGN = {**_BASE_RU_BGN, "г": "h", "ў": "w", "й": "y", "ь": "", "'": ""}
_GLIDE_BE_BGN = {"е": "ye", "ё": "yo", "ю": "yu", "я": "ya"}

_LACINKA = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "h",
    "ґ": "g",
    "д": "d",
    "е": "ie",
    "ё": "io",
    "ж": "ž",
    "з": "z",
    "і": "i",
    "и": "i",
    "й": "j",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ў": "ŭ",
    "ф": "f",
    "х": "ch",
    "ц": "c",
    "ч": "č",
    "ш": "š",
    "щ": "šč",
    "ы": "y",
    "ь": "",
    "ъ": "",
    "э": "e",
    "ю": "iu",
    "я": "ia",
    "є": "je",
    "ї": "ji",
    "'": "",
    "’": "",
}
_GLIDE_LACINKA = {"е": "je", "ё": "jo", "ю": "ju", "я": "ja"}

_ISO9 = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "ґ": "g̀",
    "д": "d",
    "е": "e",
    "ё": "ë",
    "ж": "ž",
    "з": "z",
    "и": "i",
    "і": "ì",
    "й": "j",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ў": "ǔ",
    "ф": "f",
    "х": "h",
    "ц": "c",
    "ч": "č",
    "ш": "š",
    "щ": "ŝ",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "è",
    "ю": "û",
    "я": "â",
    "є": "ê",
    "ї": "ï",
    "'": "",
    "’": "",
}

TABLES: dict[str, tuple[dict[str, str], dict[str, str]]] = {
    "be-passport": (_BE_PASSPORT, _GLIDE_BE_PASSPORT),
    "be-national": (_BE_NATIONAL, _GLIDE_BE_PASSPORT),
    "be-bgn": (_BE_BGN, _GLIDE_BE_BGN),
    "be-lacinka": (_LACINKA, _GLIDE_LACINKA),
    "ru-bgn": (_BASE_RU_BGN, _GLIDE_RU_BGN),
    "ru-press": (_RU_PRESS, _GLIDE_RU_PRESS),
    "iso9": (_ISO9, {}),
}

_GERMAN = {
    **{k: v for k, v in _BASE_RU_BGN.items() if k in "абгдзиклмнопрстуф"},
    "в": "w",
    "е": "e",
    "ё": "jo",
    "ж": "sch",
    "з": "s",
    "й": "i",
    "х": "ch",
    "ц": "z",
    "ч": "tsch",
    "ш": "sch",
    "щ": "schtsch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "ju",
    "я": "ja",
    "і": "i",
    "ў": "w",
    "'": "",
}
_GLIDE_GERMAN = {"е": "je", "ё": "jo", "ю": "ju", "я": "ja"}
_FRENCH = {
    **{k: v for k, v in _BASE_RU_BGN.items() if k in "абвгдзиклмнопрстф"},
    "е": "e",
    "ё": "io",
    "ж": "j",
    "й": "ï",
    "у": "ou",
    "х": "kh",
    "ц": "ts",
    "ч": "tch",
    "ш": "ch",
    "щ": "chtch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "iou",
    "я": "ia",
    "і": "i",
    "ў": "ou",
    "'": "",
}
_GLIDE_FRENCH = {"е": "ie", "ё": "io", "ю": "iou", "я": "ia"}
_DUTCH = {
    **{k: v for k, v in _BASE_RU_BGN.items() if k in "абвгдзиклмнопрстф"},
    "е": "e",
    "ё": "jo",
    "ж": "zj",
    "й": "j",
    "у": "oe",
    "х": "ch",
    "ц": "ts",
    "ч": "tsj",
    "ш": "sj",
    "щ": "sjtsj",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "joe",
    "я": "ja",
    "і": "i",
    "ў": "oe",
    "'": "",
}
_GLIDE_DUTCH = {"е": "je", "ё": "jo", "ю": "joe", "я": "ja"}
_ESTONIAN = {
    **{k: v for k, v in _BASE_RU_BGN.items() if k in "абвгдзиклмнопрстуф"},
    "е": "e",
    "ё": "jo",
    "ж": "ž",
    "й": "i",
    "х": "h",
    "ц": "ts",
    "ч": "tš",
    "ш": "š",
    "щ": "štš",
    "ъ": "",
    "ы": "õ",
    "ь": "",
    "э": "e",
    "ю": "ju",
    "я": "ja",
    "і": "i",
    "ў": "u",
    "'": "",
}
_GLIDE_ESTONIAN = {"е": "je", "ё": "jo", "ю": "ju", "я": "ja"}
PRESS_TABLES: dict[str, tuple[dict[str, str], dict[str, str]]] = {
    "de-press": (_GERMAN, _GLIDE_GERMAN),
    "de-press-u": ({**_GERMAN, "ў": "u"}, _GLIDE_GERMAN),
    "fr-press": (_FRENCH, _GLIDE_FRENCH),
    "nl-press": (_DUTCH, _GLIDE_DUTCH),
    "nl-press-w": ({**_DUTCH, "ў": "w"}, _GLIDE_DUTCH),
    "et-press": (_ESTONIAN, _GLIDE_ESTONIAN),
    "et-press-hh": ({**_ESTONIAN, "х": "hh"}, _GLIDE_ESTONIAN),
}
"""Spellings other presses use (German: "Bjaljazki", "Lukjantschyk", "Zwirbuzkaja",
"Tichanowskaja"; French: "Loukiantchik", "Jaurankevitch", "Tikhanovskaïa"; Dutch: ж zj,
у oe, ч tsj, ш sj, х ch: "Loekjantsjyk", "Zjaoerankevitsj", "Tichanovskaja"; Estonian: ж ž,
ч tš, ш š, щ štš, ы õ, х h or hh between vowels: "Lukjantšõk", "Tihhanovskaja"), kept apart
from `TABLES`: the name check (`services.name_check`) looks for protected names in them, the
matcher's search keys stay as they are."""

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def is_cyrillic(text: str) -> bool:
    return bool(_CYRILLIC.search(text))


def language(text: str) -> str | None:
    """`be` or `ru` when letters or case endings decide it, else None (either)."""
    low = text.lower()
    # Belarusian writes the unstressed o of -ого, -ому as a, and э after consonants (Андрэй)
    if re.search(r"[іў]|\w(?:ага|аму)\b|[бвгджзклмнпрстфхцчш]э", low):
        return "be"
    if re.search(r"[иъщ]", low):
        return "ru"
    return None


def press_spellings(text: str) -> dict[str, str]:
    """A Cyrillic text as the other presses (`PRESS_TABLES`) spell it, keyed by table name."""
    if not is_cyrillic(text):
        return {}
    return {t: transliterate(text, t) for t in PRESS_TABLES}


def transliterate(text: str, table: str) -> str:
    """`text` in Latin letters by one table; non-Cyrillic characters pass through."""
    letters, glides = TABLES[table] if table in TABLES else PRESS_TABLES[table]
    out: list[str] = []
    previous = ""
    for ch in text:
        low = ch.lower()
        if low in letters:
            at_start = (
                not previous or not previous.isalpha() or previous in VOWELS or previous in "ьъ'’"
            )
            latin = glides.get(low, letters[low]) if at_start and low in _IOTATED else letters[low]
            if table in PRESS_TABLES and low == "й" and previous in ("и", "ы"):
                latin = ""  # Juri, Dmitri, Tschaikowski; Iouri, Dmitri, Tchaïkovski
            elif table == "ru-press" and low == "й" and previous in ("и", "ы"):
                latin = ""  # Dmitriy -> Dmitry: the press drops it
                if out and out[-1].lower() == "i" and previous == "и":
                    out[-1] = "y" if out[-1] == "i" else "Y"
            if ch.isupper() and latin:
                latin = latin[0].upper() + latin[1:]
            out.append(latin)
        else:
            out.append(ch)
        previous = low
    result = "".join(out)
    if table == "ru-press":
        result = re.sub(r"ks", "x", result)  # Aleksandr -> Alexandr
        result = re.sub(r"Ks", "X", result)
        result = re.sub(
            r"(?i)ndr\b", lambda m: m.group(0)[0] + "der", result
        )  # Alexandr -> Alexander
    return result


def all_romanisations(text: str) -> dict[str, str]:
    """Every table's Latin form of a Cyrillic text, keyed by table name."""
    if not is_cyrillic(text):
        return {}
    lang = language(text)
    tables = [t for t in TABLES if lang is None or t.startswith(lang) or t == "iso9"]
    return {t: transliterate(text, t) for t in tables}


_FROM_LACINKA = {
    **{"šč": "шч", "dž": "дж", "ch": "х"},
    **{"ie": "е", "io": "ё", "iu": "ю", "ia": "я", "je": "е", "jo": "ё", "ju": "ю", "ja": "я"},
    **dict(zip("abcčdefghijklłmnoprsštuŭvwyzžxq", "абцчдэфґгійкллмнопрсштуўввызжкк", strict=True)),
    **{"ć": "ць", "ĺ": "ль", "ń": "нь", "ś": "сь", "ź": "зь"},
}
"""Łacinka letters (and the same letters in Czech, Slovak, Lithuanian and ISO 9 spellings of
Belarusian and Russian names: "Ščukin", "Žylič") and the Cyrillic they write, two-letter
ones first: the inverse of the `_LACINKA` table, with the soft consonants (ć, ś, ź, ń, ĺ)
and the hard ł of classical Łacinka."""
_LACINKA_PIECE = re.compile(
    "|".join(sorted(map(re.escape, _FROM_LACINKA), key=len, reverse=True)), re.IGNORECASE
)


def from_lacinka(text: str) -> str:
    """A Latin text read as the Belarusian Cyrillic its Łacinka letters write ("Žylič" →
    "Жыліч", "Ščarbakoŭ" → "Шчарбакоў", "Statkievič" → "Статкевіч"); other characters pass
    through. Its transliterations by the other tables (`all_romanisations`) are how the
    registry's Latin spelling of the same name reads ("Zhylich", "Shcharbakou")."""

    def cyrillic(m: re.Match[str]) -> str:
        found = _FROM_LACINKA[m.group().lower()]
        return found.capitalize() if m.group()[0].isupper() else found

    return _LACINKA_PIECE.sub(cyrillic, text)


_FROM_LATIN = {
    **{"shch": "шч", "zh": "ж", "kh": "х", "ch": "ч", "sh": "ш", "ts": "ц"},
    **{"ya": "я", "yu": "ю", "ye": "е", "yo": "ё", "ia": "я", "iu": "ю", "ie": "е"},
    # a vowel and u: the Belarusian ў after it ("Zhaurankevich", "Zhukouski", "Yauhen"),
    # which the presses spell by their own rules (Dutch "Zjoekoeski", German "Schukowski")
    **{"au": "аў", "ou": "оў", "eu": "еў"},
    **dict(zip("abvhgdezijklmnoprstufcyw", "абвггдезійклмнопрстуфцыў", strict=True)),
    "x": "кс",
}
"""The Latin letters of the passport, national and BGN spellings of Belarusian and Russian names
and the Cyrillic they stand for, longer ones first (the inverse of those tables, where one
reading must be chosen: "y" as "ы", "i" as "і", "h" and "g" as "г")."""
_LATIN_PIECE = re.compile("|".join(sorted(_FROM_LATIN, key=len, reverse=True)))


def from_latin(text: str) -> str:
    """A name spelt in plain Latin letters ("Zhylich", "Tsvirbutskaya", lower case) read as the
    Cyrillic it most likely stands for ("жыліч", "цвірбуцкая"): how the German and French
    presses' tables (`press_spellings`) are reached for a name the registry holds only in Latin
    letters. One reading among several; for judging texts, never for showing."""
    return _LATIN_PIECE.sub(lambda m: _FROM_LATIN[m.group()], text)
