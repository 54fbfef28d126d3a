"""The language of an article, detected (never assumed), and whether the extractor reads it.

lingua-language-detector, restricted to the languages these articles come in. A text is
refused with a reason when its language is one the extractor does not read, when its Cyrillic
words are spelt with Latin look-alike letters ("пoлитзaключенныx"), when it is Belarusian
in Latin script (Łacinka or a transliteration: its words spelt back in Cyrillic read as
Belarusian to the model, or the letter "ŭ"), when it is Russian in Latin transliteration (told
by its letter clusters, or by most of its words spelt back in Cyrillic being words the Russian
dictionary knows), or when no language holds most of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

READ = ("en", "ru", "be")
NAMES = {
    "en": "English", "ru": "Russian", "be": "Belarusian", "uk": "Ukrainian", "pl": "Polish",
    "lt": "Lithuanian", "de": "German", "fr": "French",
}  # fmt: skip
# Latin letters that look like Cyrillic ones (with "i", "I" and "ŭ", which look like the
# Belarusian "і", "І" and "ў" and which Belarusian typed on a Russian or Latin keyboard writes),
# and the Greek ones
_LATIN = "aceopxyABCEHKMOPTXyiIŭοαερκΑΒΕΗΚΜΟΡΤΧ"
_CYRILLIC_OF = "асеорхуАВСЕНКМОРТХуіІўоаеркАВЕНКМОРТХ"
_MIXED = re.compile(rf"\b(?=\w*[а-яёіўА-ЯЁІЎ])(?=\w*[{_LATIN}])\w+\b")
_KEYBOARD = re.compile(rf"^[^{_LATIN.replace('i', '').replace('I', '')}]*$")
"""A mixed word whose only foreign letter is "i"/"I": Belarusian typed without its layout
("палiтвязнi"), mended and read, never refused for it."""
_WORD = re.compile(r"[^\W\d_]{3,}")
_TOKEN = re.compile(r"[^\W\d_]+")
_TRANSLIT = re.compile(r"(?:zh|shch|kh|ykh|ogo\b|iye\b|yye\b|nyy\b|skiy\b|aya\b|oye\b|\bv\s)")


TRANSLITERATED = "Russian or Belarusian in Latin transliteration; give the Cyrillic text"
BELARUSIAN_IN_LATIN = (
    "Belarusian in Latin script (Łacinka or a transliteration); give the Cyrillic text"
)
_LACINKA = re.compile(r"[ŭŬ]")  # the letter only Belarusian Łacinka writes
_SCHOLARLY = re.compile(r"\b\w*[ŝǔ]\w*|\b\w*[âû]\w*[čšž]\w*|\b\w*[čšž]\w*[âû]\w*", re.I)
"""Words only ISO 9 writes: "ŝ", "ǔ", or "â"/"û" beside "č", "š", "ž" ("zaklûčennyh")."""
_ROMANISED = re.compile(r"\b\w*[čšžŝâûìèǔŭëćśźńʹ]\w*", re.I)
"""Words with letters that the romanisations of Russian and Belarusian write (ISO 9, Łacinka,
the scholarly system) and no English text does but in a few names."""
# Latin letters back to Cyrillic, longest first, for the transliteration check below
_BACK = [
    ("shch", "щ"), ("sch", "щ"), ("zh", "ж"), ("kh", "х"), ("ch", "ч"), ("sh", "ш"), ("ts", "ц"),
    ("ya", "я"), ("ia", "я"), ("yu", "ю"), ("iu", "ю"), ("ye", "е"), ("yo", "е"), ("ja", "я"),
    ("ju", "ю"), ("je", "е"), ("č", "ч"), ("š", "ш"), ("ž", "ж"), ("y", "ы"), ("j", "й"),
    ("ŝ", "щ"), ("â", "я"), ("û", "ю"), ("ì", "і"), ("è", "э"), ("ǔ", "ў"), ("ŭ", "ў"),
    ("ë", "ё"), ("ć", "ць"), ("ś", "сь"), ("ź", "зь"), ("ń", "нь"), ("ł", "л"), ("ʺ", ""),
    ("ʹ", "ь"),
    ("a", "а"), ("b", "б"), ("v", "в"), ("w", "в"), ("g", "г"), ("h", "г"), ("d", "д"),
    ("e", "е"), ("z", "з"), ("i", "и"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"),
    ("o", "о"), ("p", "п"), ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"), ("f", "ф"),
    ("c", "ц"), ("x", "кс"), ("q", "к"),
]  # fmt: skip
_BACK_RE = re.compile("|".join(re.escape(a) for a, _ in _BACK))
_BACK_MAP = dict(_BACK)


def _russian_in_latin(words: list[str]) -> bool:
    """Whether most Latin words, spelt back in Cyrillic, are words the Russian dictionary
    knows ("osvobodili" -> "освободили"): Russian in any transliteration, which a language
    model may take for English or Lithuanian."""
    latin = [w.lower() for w in words if w.isascii()][:200]
    if len(latin) < 5:
        return False
    from prisonwatch.extract.slavic.words import _morph

    morph = _morph()
    back = [_BACK_RE.sub(lambda m: _BACK_MAP[m.group()], w) for w in latin]
    known = sum(1 for w in back if morph.word_is_known(w))
    return known >= 0.5 * len(back)


def _slavic_in_latin(text: str, words: list[str], least: int = 5) -> bool:
    """Whether at least half the Latin words (`least` of them at the fewest) are Russian
    words spelt back in Cyrillic or words only Belarusian in Latin letters writes
    (`_BE_CUE`), in a text with nothing Polish or Lithuanian: Russian and Belarusian together
    in a romanisation."""
    if _NOT_SLAVIC_LATIN.search(text):
        return False
    latin = [w.lower() for w in words if not re.match(r"[а-яёіўА-ЯЁІЎ]", w)][:200]
    if len(latin) < least:
        return False
    from prisonwatch.extract.slavic.words import _morph

    morph = _morph()
    slavic = sum(
        1
        for w in latin
        if _BE_CUE.match(w) or morph.word_is_known(_BACK_RE.sub(lambda m: _BACK_MAP[m.group()], w))
    )
    return slavic >= 0.5 * len(latin)


def _belarusian_in_latin(text: str, words: list[str], cues: bool = True) -> bool:
    """Whether the Latin words, spelt back in Cyrillic letter by letter, read as Belarusian
    to the language model: passport-style ("Sud u Vitsebsku asudziu"), BGN, ISO 9 or Łacinka
    with or without its diacritics, which the model takes for Lithuanian or Polish as written.
    Spelt back, Belarusian keeps what tells it from Russian (dz, akanne, -aha, -au), while
    Polish, Lithuanian and English come out as nothing like it."""
    latin = [w.lower() for w in words if not re.match(r"[а-яёіўА-ЯЁІЎ]", w)][:300]
    if len(latin) < 5:
        return False
    back = " ".join(_BACK_RE.sub(lambda m: _BACK_MAP[m.group()], w) for w in latin)
    values = _detector().compute_language_confidence_values(back)
    if values and _code(values[0].language) == "be" and values[0].value >= 0.5:
        return True
    return cues and _belarusian_cues(text)


_BE_CUE = re.compile(
    r"^(?:\w*dz\w*|\w*ŭ\w*|\w+(?:aha|amu|au|ou|iau|eu|aw|ow|ew|yia|aia|aje|yja)"
    r"|\w*[bvdzklmnprstc]ie\w*|u|i|z|ci|sto|što|shto|jon|jana|jany|pavodle"
    r"|jašče|iashche|yashche|taksama|jak|yak|iak)$"
)
"""Words only Belarusian in Latin letters writes: дз, ў (ŭ, u or w), -ага, -аму, -аў/-оў/-яў/
-еў, -ыя, -ае, soft "ie" (Łacinka "Bielarus"), "у", "і", "з", "ці", "што", "ён", "яна",
"паводле", "яшчэ", "таксама", "як"."""
_RU_CUE = re.compile(
    r"^(?:\w+(?:ogo|omu|iye|yye|yy|iy|iyu|oye|aya|ikh|ykh|ego)|v|vo|chto|cto|eshche|yeshche|ili|eto)$"
)
"""Words only Russian in Latin letters writes: -ого, -ому, -ие, -ые, -ый, -ий, "в", "что"."""
_NOT_SLAVIC_LATIN = re.compile(r"[ąęóėįųūĄĘÓĖĮŲŪ]|\b(?:ir|yra|jų|są)\b|rz|sz|cz")
"""Letters and words of Polish and Lithuanian, which no Belarusian romanisation writes."""


def _belarusian_cues(text: str) -> bool:
    """Whether a Latin text has at least three words only Belarusian writes and twice as many
    as words only Russian writes, and nothing Polish or Lithuanian."""
    if _NOT_SLAVIC_LATIN.search(text):
        return False
    low = [w.lower() for w in re.findall(r"[^\W\d_]+", text)]
    be = sum(1 for w in low if _BE_CUE.match(w))
    ru = sum(1 for w in low if _RU_CUE.match(w))
    return be >= 3 and be >= 2 * ru


_HEADER = re.compile(r" date \d{4}-\d\d-\d\d [^\n]*\n[^\n]*\n")


def _latin_body(text: str) -> bool:
    """Whether under 30% of the body's words (the text after an article header) are
    Cyrillic; a body with no word of three letters is judged on its shorter words ("— Ya
    ne" under a Cyrillic title is a Latin body, not a Russian one)."""
    header = _HEADER.match(text)
    body = text[header.end() :] if header else text
    words = _WORD.findall(body) or _TOKEN.findall(body)
    cyrillic = sum(1 for w in words if re.match(r"[а-яёіўА-ЯЁІЎ]", w))
    return bool(words) and cyrillic < 0.3 * len(words)


_NOT_WORDS = re.compile(r"\S*[/#@]\S*|\S*\d\S*")
"""Links, hashtags, handles and tokens with digits ("pic.twitter.com/rR1kJzsz6l",
"#WhatsHappeningInMyanmar"): words of no language, left out of the count of English words."""


@cache
def _vocabulary() -> frozenset[str]:
    """The words of the English model's vocabulary (its `strings.json`, read as data without
    loading spaCy), lower-cased: the words and names of the model's English training text,
    and many tokens of other languages ("sud", "homele"-like forms, "sem"). Empty when the
    model is not installed."""
    import json

    path = _model_path()
    if path is None:
        return frozenset()
    try:
        words = json.loads((path / "vocab" / "strings.json").read_text("utf-8"))
    except (OSError, ValueError):
        return frozenset()
    return frozenset(w.lower() for w in words if isinstance(w, str) and w.isalpha())


def _model_path() -> Path | None:
    """The data folder of the pinned English model, or None when it is not installed."""
    from importlib.util import find_spec

    from prisonwatch.extract.nlp import MODEL, MODEL_VERSION

    spec = find_spec(MODEL)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / f"{MODEL}-{MODEL_VERSION}"


@cache
def _english_words() -> frozenset[str]:
    """English words, lower-cased: what English text is made of. The words of the pinned
    English model's vocabulary (its `strings.json`) that are also English to the model's own
    lemmatiser data (the lemma lists and irregular forms of its `lookups.bin`, derived from
    WordNet, a form counting when the lemmatiser's suffix rules lead it to a listed lemma) or
    spaCy's English stop words. The vocabulary alone holds what its training text held:
    "homele", "sud", "sem", "ot", "bez", "pri" are in it, and a transliterated fragment made of
    such words was read as English. Read as data without loading the model; empty when the
    model is not installed (the check that uses it then does not apply)."""
    import srsly  # type: ignore[import-untyped]

    path = _model_path()
    vocab = _vocabulary()
    if path is None or not vocab:
        return frozenset()
    try:
        tables = srsly.read_msgpack(path / "lemmatizer" / "lookups" / "lookups.bin")
    except (OSError, ValueError):
        return frozenset()
    stop = _english_stop_words()
    lemmas = {w.lower() for forms in tables["lemma_index"].values() for w in forms}
    lemmas |= {w.lower() for forms in tables["lemma_exc"].values() for w in forms}
    rules = {(a, b) for pairs in tables["lemma_rules"].values() for a, b in pairs if a}

    def english(w: str) -> bool:
        if w in stop or w in lemmas:
            return True
        return any(w.endswith(a) and w[: len(w) - len(a)] + b in lemmas for a, b in rules)

    return frozenset(w for w in vocab if english(w)) - _slavic_function_words()


def _slavic_function_words() -> frozenset[str]:
    """Russian and Belarusian function words as Latin transliterations write them ("ne",
    "na", "nad", "yak"), the languages' data (`LATIN_FUNCTION_WORDS` of `lang/ru`, `lang/be`):
    WordNet lists some of them (as abbreviations), and English news writes none of them as a
    word, so they are no English words to the check below."""
    from prisonwatch.extract.lang import be, ru

    return frozenset(ru.LATIN_FUNCTION_WORDS | be.LATIN_FUNCTION_WORDS)


def _english_stop_words() -> frozenset[str]:
    """spaCy's English stop words (the function words WordNet's lemma lists lack: "the",
    "of", "since"), read from the text of its module: importing it imports all of spaCy,
    seconds a Russian article need not wait. Empty when spaCy is not installed."""
    import ast
    from importlib.util import find_spec
    from pathlib import Path

    spec = find_spec("spacy")
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    module = Path(next(iter(spec.submodule_search_locations))) / "lang" / "en" / "stop_words.py"
    try:
        tree = ast.parse(module.read_text("utf-8"))
    except (OSError, SyntaxError):
        return frozenset()
    words = [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and "\n" in node.value
    ]
    return frozenset(w for text in words for w in text.split())


ENGLISH_SHARE = 0.4
"""The share of a Latin body's words that must be English words for a text the model calls
English to be read as English when some of its lower-case words are no English words: short
fragments of transliterated Russian or Belarusian ("Svaboda ne pavinna byc", "Soglasno
dokumentu, iz tyurem vyshli") are English to the model; English sentences, even dense with
Belarusian names, are made of English words for more than half of them."""


def _too_few_english_words(text: str) -> bool:
    """Whether the body's words of two letters or more (the first 300) are English words
    (`_english_words`) for at most `ENGLISH_SHARE` of them, with at least one lower-case word
    that is no English word (names are capitalised; a transliteration's running words are
    not): such a text is not English, whatever the model says of its letters."""
    lexicon, names = _english_words(), _vocabulary()
    if not lexicon:
        return False
    header = _HEADER.match(text)
    body = _NOT_WORDS.sub(" ", text[header.end() :] if header else text)
    tokens = _TOKEN.findall(body)[:300]
    # a lone lower-case letter is a Russian or Belarusian preposition or conjunction ("v",
    # "k", "s", "z", "u", "i"), English writes only "a"; lone capitals are initials
    words = [w for w in tokens if len(w) > 1 or (w.islower() and w != "a")]
    if len(words) < 2:
        return False

    def known(w: str) -> bool:
        # a capitalised word is weighed against the whole vocabulary, which holds the names
        # of the model's English text ("Ruiz"); a running word against the English words
        return w.lower() in (names if w[:1].isupper() else lexicon)

    english = sum(1 for w in words if len(w) > 1 and known(w))
    running = sum(1 for w in words if not w[:1].isupper() and (len(w) == 1 or not known(w)))
    return english <= ENGLISH_SHARE * len(words) and running >= 1


@dataclass(frozen=True, slots=True)
class Detected:
    """A language code the extractor reads, or the reason the text is refused; `note`: what
    of a text that is read is not read as it stands (parts in another language)."""

    code: str | None
    reason: str | None = None
    note: str | None = None


_CYRILLIC_LANGS = ("ru", "be", "uk")
_RU_LETTERS = re.compile(r"[иИщЩъЪ]")
_BE_LETTERS = re.compile(r"[іІўЎ]")
OTHER_PART = 0.15
"""A share of the text in languages of the other script than the one read that the output
must mention (each language of at least 5% named)."""

# the look-alike letters of `_LATIN`, and the Cyrillic letters they show (one for one, so
# that every offset stays)
_LOOKALIKE = str.maketrans(_LATIN, _CYRILLIC_OF)


_LONE_I = re.compile(r"(?<=[а-яёіўА-ЯЁІЎ,] )[iI](?= [а-яёіўА-ЯЁІЎ])")
"""A Latin "i" standing alone between Cyrillic words: the Belarusian conjunction "і" typed on
a Latin or Russian keyboard, which no mixed word holds."""


def lookalikes_fixed(text: str) -> tuple[str, list[str]]:
    """`text` with the Latin look-alike letters inside Cyrillic words ("пoлитзaключeнныx"),
    and a lone Latin "i" between them (`_LONE_I`), written in Cyrillic, letter for letter
    (every offset stays), and the words so mended."""
    mended: list[str] = []

    def mend(m: re.Match[str]) -> str:
        mended.append(m.group())
        return m.group().translate(_LOOKALIKE)

    return _LONE_I.sub(mend, _MIXED.sub(mend, text)), mended


@cache
def _detector() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    langs = [
        Language.ENGLISH, Language.RUSSIAN, Language.BELARUSIAN, Language.UKRAINIAN,
        Language.POLISH, Language.LITHUANIAN, Language.GERMAN, Language.FRENCH,
    ]  # fmt: skip
    return LanguageDetectorBuilder.from_languages(*langs).build()


def _code(language: Any) -> str:
    return str(language.iso_code_639_1.name).lower()


def _shares(text: str) -> dict[str, int]:
    """How many characters of the text the model gives to each language."""
    shares: dict[str, int] = {}
    for part in _detector().detect_multiple_languages_of(text):
        code = _code(part.language)
        shares[code] = shares.get(code, 0) + part.end_index - part.start_index
    return shares


@lru_cache(maxsize=64)
def detect_language(text: str) -> Detected:
    """The language the article is written in, or why it cannot be read (kept for the last
    texts asked about: the extractor asks again for the note)."""
    words = _WORD.findall(text)
    if not words:
        return Detected(None, "no words to tell the language by")
    text, mended = lookalikes_fixed(text)  # the model is asked about the letters shown
    mixed = [w for w in mended if not _KEYBOARD.match(w)]
    if len(mixed) >= 3 and len(mixed) > 0.05 * len(words):
        return Detected(
            None,
            f"Cyrillic words spelt with Latin (or Greek) look-alike letters (e.g. {mixed[0]!r}); "
            "convert them to Cyrillic first",
        )
    words = _WORD.findall(text)
    cyrillic = sum(1 for w in words if re.match(r"[а-яёіўА-ЯЁІЎ]", w))
    shares = _shares(text)
    total = sum(shares.values()) or 1
    best = max(shares, key=lambda c: shares[c]) if shares else None
    if cyrillic < 0.3 * len(words) and (best != "en" or shares[best] < 0.6 * total):
        # Latin text the model does not call English: asked again without its capitalised
        # words, since English sentences dense with Belarusian names ("Aliaksandr Zakhozhau,
        # Siamion Akuła") read to it as Polish, Lithuanian or mixed; taken only when what is
        # left is clearly English
        running = " ".join(w for w in _TOKEN.findall(text) if not w[:1].isupper())
        if len(_WORD.findall(running)) >= 3:
            again = _shares(running)
            left = sum(again.values()) or 1
            if again.get("en", 0) >= 0.8 * left:
                shares, total, best = again, left, "en"
    if best is None:
        lang = _detector().detect_language_of(text)
        best = _code(lang) if lang else None
    if best is None:
        return Detected(None, "the language cannot be told")
    if cyrillic < 0.3 * len(words) or _latin_body(text):
        # the letter clusters of running words only: names ("Khvashchynski", "Zhdanau") have
        # them in English text too
        running = " ".join(w for w in _TOKEN.findall(text) if not w[:1].isupper()).lower()
        translit = len(_TRANSLIT.findall(running))
        romanised = len(_ROMANISED.findall(text)) >= max(2, 0.1 * len(words))
        low = [w.lower() for w in words]
        # words of the shapes only Russian or Belarusian in Latin letters write: three and a
        # tenth of them or more (English articles: at most 5.4%, "you", "now", "new")
        cues = sum(1 for w in low if _BE_CUE.match(w) or _RU_CUE.match(w))
        cued = cues >= max(3, 0.1 * len(low))
        # the dictionary check only where in doubt
        suspect = translit > 0 or best != "en" or romanised or cued
        english = best == "en" and shares.get("en", 0) >= 0.6 * total and not romanised
        # a text the model takes for English is asked only where words of Slavic shapes or
        # letters are many, and only of the model, spelt back: English has words of the
        # Belarusian cues' shapes ("you", "now", "new")
        strong = cued or romanised  # not a cluster alone: English names have "kh", "zh"
        if (not english or strong) and _belarusian_in_latin(text, words, cues=not english):
            return Detected(None, BELARUSIAN_IN_LATIN)
        if translit > 0.1 * len(words) or (
            suspect and (_russian_in_latin(words) or _slavic_in_latin(text, words))
        ):
            return Detected(None, TRANSLITERATED)
        if _LACINKA.search(text) and best != "en":
            return Detected(None, BELARUSIAN_IN_LATIN)
        if best == "en" and _too_few_english_words(text):
            # a short transliteration the model takes for English: too few of its words are
            # English words (a Belarusian one when Belarusian shows in it)
            if _belarusian_cues(text) or _LACINKA.search(text):
                return Detected(None, BELARUSIAN_IN_LATIN)
            return Detected(None, TRANSLITERATED)
    if best in _CYRILLIC_LANGS and _latin_body(text):
        # Russian or Belarusian to the model, in Latin letters none of the checks above
        # could weigh (too few words, under a Cyrillic title): the reader reads Cyrillic only
        return Detected(None, TRANSLITERATED)
    if best not in READ:
        romanised = len(_ROMANISED.findall(text)) >= max(2, 0.1 * len(words))
        scholarly = len(_SCHOLARLY.findall(text)) >= 2 or romanised
        scholarly = scholarly and not _NOT_SLAVIC_LATIN.search(text)
        if cyrillic < 0.3 * len(words) and (scholarly or _slavic_in_latin(text, words)):
            # Russian and Belarusian mixed, in a romanisation the model takes for Polish,
            # Lithuanian or French: neither check above holds half of it on its own
            return Detected(None, TRANSLITERATED)
        header = _HEADER.match(text)
        if _latin_body(text) and (header or _too_few_english_words(text)):
            # a few Latin words under a Cyrillic title (the header's words counted among
            # them), or alone and with too few English words, too few for the checks above:
            # judged on the body's words alone
            body = text[header.end() :] if header else text
            if _slavic_in_latin(body, _WORD.findall(body), least=3):
                return Detected(None, TRANSLITERATED)
        return Detected(None, f"written in {NAMES.get(best, best)} ({best}); read: en, ru, be")
    if shares and shares[best] / total < 0.6:
        slavic = shares.get("ru", 0) + shares.get("be", 0)
        if not (best in ("ru", "be") and slavic >= 0.6 * total):
            parts = ", ".join(f"{c} {100 * n // total}%" for c, n in sorted(shares.items()))
            return Detected(None, f"mixed languages ({parts}); no one language holds most of it")
        # Russian and Belarusian, which one reader reads (short texts are half the other to
        # the model; Belarusian outlets quote Russian): the one whose letters the text writes
        # (и, щ, ъ only Russian; і, ў only Belarusian), else the larger one
        ru_letters = len(_RU_LETTERS.findall(text))
        be_letters = len(_BE_LETTERS.findall(text))
        if ru_letters > 3 * be_letters:
            best = "ru"
        elif be_letters > 3 * ru_letters:
            best = "be"
    # parts in the other script only: within one script the model's parts are mostly names
    # and headings it takes for French or Lithuanian, Russian for Belarusian
    other = {
        c: n
        for c, n in shares.items()
        if (c in _CYRILLIC_LANGS) != (best in _CYRILLIC_LANGS) and n >= 0.05 * total
    }
    others = [
        f"{NAMES.get(c, c)} ({100 * n // total}%)"
        for c, n in sorted(other.items(), key=lambda kv: -kv[1])
    ]
    note = None
    if sum(other.values()) >= OTHER_PART * total:
        note = f"read as {NAMES[best]}; parts in {', '.join(others)} were not read"
    elif best == "en" and (few := len(_TOKEN.findall(_body(text)))) < SHORT_TEXT_WORDS:
        note = (
            f"read as English on {few} word{'s' if few != 1 else ''} only: too few to tell "
            "English from Russian or Belarusian in Latin letters for sure"
        )
    return Detected(best, note=note)


SHORT_TEXT_WORDS = 8
"""Fewer running words than this in a body read as English get a note saying so. Three or
four words of transliterated Russian ("menya net do") can all be English words, and no check
of shapes or vocabulary tells them apart (27 of 10,000 held-out fragments of 3-4 words are
still read as English, bench/translit_fragments.py; none of five words or more): such a text
is read, never silently."""

_DATE_LINE = re.compile(r"\s*date \d{4}-\d\d-\d\d[^\n]*\n")


def _body(text: str) -> str:
    """The article's text after its header (the date line and title), if it has one."""
    header = _HEADER.match(text) or _DATE_LINE.match(text)
    return text[header.end() :] if header else text
