"""Short Latin fragments of Russian and Belarusian news, and English ones, through the
language check (issue 13, bad input): a transliterated fragment must be refused as Latin
script (or at least refused), never read as English or as the Cyrillic reader's languages;
an English article, sentence or fragment must be read as English.

The Slavic fragments are word windows (3 to 7 words, from the start and from the middle) of the
real Cyrillic sentences of `../shared/articles/ru` and of the project's own Russian and
Belarusian articles (`bench/data/own_articles_ru`), spelt by every table of
`names.translit.TABLES`, each alone, under a Cyrillic article header and under a header whose
title is the fragment itself. The English side: every shared English article whole, each of its
sentences alone and under a header, and word windows of 3 to 7 words of those sentences.

    python bench/translit_fragments.py [--held] [--sample N] [-v]

Prints the counts by outcome. `--sample N` draws N Slavic fragments (seeded) instead of all.
`--held`: the Slavic fragments are made instead from the sentences written for the reader's
tests (`tests/extract/slavic_sentences`, every set), which the check of too few English words
(`language._too_few_english_words`) was not tuned on: its held-out figure.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from prisonwatch.extract.language import detect_language
from prisonwatch.names.translit import TABLES, transliterate

SHARED = Path(__file__).resolve().parents[2] / "shared" / "articles"
OWN = Path(__file__).resolve().parent / "data" / "own_articles_ru"
_SPLIT = re.compile(r"(?<=[.!?…»])\s+(?=[«\"(]?[A-ZА-ЯЁІЎ0-9])")
_CYR = re.compile(r"[а-яёіўА-ЯЁІЎ]")
_HEADER_LINES = 2


def _body_sentences(path: Path) -> list[str]:
    lines = path.read_text("utf-8").splitlines()[_HEADER_LINES:]
    out: list[str] = []
    for para in lines:
        out.extend(s.strip() for s in _SPLIT.split(para) if s.strip())
    return out


def _windows(sentence: str, lengths: range) -> list[str]:
    words = sentence.split()
    out = []
    for n in lengths:
        if len(words) < n:
            continue
        out.append(" ".join(words[:n]))
        mid = (len(words) - n) // 2
        if mid > 0:
            out.append(" ".join(words[mid : mid + n]))
    return out


def _header(title: str, body: str) -> str:
    return f" date 2025-12-12 {title}\n{title}\n{body}\n"


def _outcome(text: str) -> str:
    found = detect_language(text)
    if found.code is not None:
        return f"read {found.code}"
    reason = found.reason or ""
    if "Latin" in reason:
        return "refused: Latin script"
    if "look-alike" in reason:
        return "refused: look-alike"
    return "refused: " + re.sub(r"\(.*", "", reason).strip()


def _test_sentences() -> list[str]:
    import importlib
    import pkgutil

    import tests.extract.slavic_sentences as sets

    out: list[str] = []
    for info in pkgutil.iter_modules(sets.__path__):
        module = importlib.import_module(f"{sets.__name__}.{info.name}")
        for case in getattr(module, "CASES", ()):
            out.extend(s.strip() for s in _SPLIT.split(case.text) if s.strip())
    return sorted(set(out))


def slavic_fragments(held: bool = False) -> list[tuple[str, str]]:
    """(form, text) for each fragment, table and form."""
    files = sorted(SHARED.joinpath("ru").glob("*.txt")) + sorted(OWN.glob("*.txt"))
    found = _test_sentences() if held else [s for f in files for s in _body_sentences(f)]
    cyrillic = [s for s in found if len(_CYR.findall(s)) > 0.7 * sum(c.isalpha() for c in s)]
    out: list[tuple[str, str]] = []
    for sentence in cyrillic:
        for fragment in _windows(sentence, range(3, 8)):
            for table in sorted(TABLES):
                latin = transliterate(fragment, table)
                out.append(("alone", latin))
                out.append(("cyrillic title", _header("Новости", latin)))
                out.append(("latin title", _header(latin, latin)))
    return out


def english_texts() -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for f in sorted(SHARED.glob("*.txt")):
        out.append(("article", f.read_text("utf-8")))
        for s in _body_sentences(f):
            if len(s.split()) < 3:
                continue
            out.append(("sentence", s))
            out.append(("sentence, header", _header("News", s)))
            out.extend(("fragment", w) for w in _windows(s, range(3, 8)))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sample", type=int, default=0)
    ap.add_argument("--held", action="store_true")
    ap.add_argument("-v", action="store_true")
    args = ap.parse_args()
    slavic = slavic_fragments(args.held)
    if args.sample:
        slavic = random.Random(13).sample(slavic, min(args.sample, len(slavic)))
    bad: Counter[str] = Counter()
    by: Counter[tuple[str, str]] = Counter()
    for form, text in slavic:
        got = _outcome(text)
        by[form, got] += 1
        if got.startswith("read") and args.v:
            print(f"  SLAVIC {got} [{form}]: {text.splitlines()[-1]!r}")
        if got.startswith("read"):
            bad[form] += 1
    print(f"Slavic fragments in Latin letters: {len(slavic)}")
    for (form, got), n in sorted(by.items()):
        print(f"  {form:15} {got:30} {n}")
    print(f"  read (wrong): {sum(bad.values())} of {len(slavic)}")
    english = english_texts()
    eby: Counter[tuple[str, str]] = Counter()
    for form, text in english:
        got = _outcome(text)
        eby[form, got] += 1
        if got != "read en" and args.v:
            print(f"  ENGLISH {got} [{form}]: {text.splitlines()[-1][:100]!r}")
    print(f"English texts: {len(english)}")
    for (form, got), n in sorted(eby.items()):
        print(f"  {form:17} {got:30} {n}")


if __name__ == "__main__":
    main()
