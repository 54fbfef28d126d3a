"""Name matching quality on real name variants, and on a held-out set from the Belarus registry.

Variants set (bench/data/name_variants.json): registry persons are entered under one Latin
spelling only; queries are other spellings, scripts, case forms and orders of them.

Held-out set (../shared/data/belarus_registry/persons.csv, read where it is, never tuned
against): all 417 persons enter the registry under one spelling (the Latin name, else the
Cyrillic one; then, a second time, the Cyrillic name where there is one); every other
spelling a source printed (Belarusian and Russian Cyrillic, Łacinka, Polish and other Latin
spellings) is a query. Every tenth person with a single spelling is left out of the registry
and queried as a negative.

Case forms (../shared/articles/ru): names as the articles print them in an oblique case,
matched against the gold files' nominatives, and nominative() checked against them.

Reports recall@1, recall@5, and precision of automatic acceptance (a wrong auto-accept, or any
auto-accept of a person not in the registry, counts against it).

    python bench/names_eval.py [-v]
"""

from __future__ import annotations

import csv
import json
import re
import sys
from functools import cache
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from prisonwatch.names.cases import nominative
from prisonwatch.names.matcher import AUTO_ACCEPT, NameIndex, auto_accept

DATA = Path(__file__).resolve().parent / "data" / "name_variants.json"
SHARED = Path(__file__).resolve().parents[2] / "shared"
REGISTRY = SHARED / "data" / "belarus_registry"
ARTICLES = SHARED / "articles" / "ru"


def evaluate(
    title: str,
    registry: dict[str, str],
    queries: list[tuple[str, str]],
    negatives: list[str],
    verbose: bool,
) -> None:
    index = NameIndex.build((pid, name, [name]) for pid, name in registry.items())
    at1 = at5 = accepted = accepted_right = 0
    for query, expected in queries:
        found = index.match(query, 5)
        ids = [c.person_id for c in found]
        at1 += bool(ids) and ids[0] == expected
        at5 += expected in ids
        chosen = auto_accept(found)
        if chosen is not None:
            accepted += 1
            accepted_right += chosen.person_id == expected
        if verbose and (not ids or ids[0] != expected or chosen is None):
            got = [(c.person_id, c.score) for c in found[:3]]
            print(f"  {query!r}: expected {expected}, got {got}")
    false_negative_accepts = 0
    for query in negatives:
        found = index.match(query, 5)
        if auto_accept(found) is not None:
            false_negative_accepts += 1
            if verbose:
                print(
                    f"  negative {query!r} auto-accepted as {found[0].person_id} ({found[0].score})"
                )
    n = len(queries)
    wrong = (accepted - accepted_right) + false_negative_accepts
    precision = accepted_right / (accepted + false_negative_accepts) if accepted else 0.0
    print(
        f"{title}: {n} queries of {len(registry)} registry persons, "
        f"{len(negatives)} persons not in the registry"
    )
    print(f"  recall@1 {at1 / n:.3f}   recall@5 {at5 / n:.3f}")
    print(
        f"  auto-accepted (score >= {AUTO_ACCEPT}): {accepted} of {n}; precision {precision:.3f}; "
        f"false auto-accepts {wrong}"
    )


def variants_set() -> tuple[dict[str, str], list[tuple[str, str]], list[str]]:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    queries = [(q, expected) for q, expected, _origin in data["queries"]]
    return data["registry"], queries, [q for q, _origin in data["negatives"]]


def held_out_set(cyrillic_first: bool) -> tuple[dict[str, str], list[tuple[str, str]], list[str]]:
    with (REGISTRY / "persons.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    registry: dict[str, str] = {}
    queries: list[tuple[str, str]] = []
    negatives: list[str] = []
    singles = 0
    for row in rows:
        spellings = [row["name"], row["name_be"], row["name_ru"], *row["aliases"].split("|")]
        if cyrillic_first:
            spellings = [row["name_be"], row["name_ru"], *spellings]
        spellings = list(dict.fromkeys(s.strip() for s in spellings if s.strip()))
        if len(spellings) == 1:
            singles += 1
            if singles % 10 == 0:
                negatives.append(spellings[0])
                continue
        registry[row["id"]] = spellings[0]
        queries.extend((s, row["id"]) for s in spellings[1:])
    return registry, queries, negatives


def case_forms_set() -> tuple[dict[str, str], list[tuple[str, str]], list[str]]:
    """Names as the Russian and Belarusian articles print them in an oblique case ("Алеся
    Бяляцкага"), found beside the gold file's nominative ("Алесь Бяляцкі"): every word of the
    gold name begins the printed word. The registry holds every gold person, nominative."""
    registry: dict[str, str] = {}
    queries: list[tuple[str, str]] = []
    for gold in sorted((ARTICLES / "gold").glob("*.json")):
        text = (ARTICLES / f"{gold.stem}.txt").read_text(encoding="utf-8")
        claims = json.loads(gold.read_text(encoding="utf-8"))["claims"]
        for person in sorted({p for c in claims for p in c.get("persons", [])}):
            pid = registry.setdefault(person, f"gold-{len(registry)}")
            stems = [re.escape(w[: max(3, len(w) - 3)]) + r"\w*" for w in person.split()]
            pattern = r"(?<!\w)" + r"\s+".join(stems) + r"(?!\w)"
            printed = {" ".join(m.group(0).split()) for m in re.finditer(pattern, text)}
            queries.extend((p, pid) for p in sorted(printed) if p != person)
    return {pid: name for name, pid in registry.items()}, queries, []


# Belarusian case endings for the generated queries, written here apart from the matcher's own
# rules (names/data/cases_be.json) so that the benchmark does not grade them against themselves:
# (nominative ending, genitive, dative, instrumental, accusative) for men and for women.
_BE_MALE = [
    ("скі", "скага", "скаму", "скім", "скага"), ("цкі", "цкага", "цкаму", "цкім", "цкага"),
    ("ы", "ага", "аму", "ым", "ага"), ("аў", "ава", "аву", "авым", "ава"),
    ("еў", "ева", "еву", "евым", "ева"), ("ёў", "ёва", "ёву", "ёвым", "ёва"),
    ("ін", "іна", "іну", "іным", "іна"), ("ын", "ына", "ыну", "ыным", "ына"),
    ("ь", "я", "ю", "ем", "я"), ("й", "я", "ю", "ем", "я"), ("ка", "кі", "ку", "кам", "ку"),
    ("а", "ы", "у", "ам", "у"), ("о", "о", "о", "о", "о"),
]  # fmt: skip
_BE_FEMALE = [
    ("ская", "скай", "скай", "скай", "скую"), ("цкая", "цкай", "цкай", "цкай", "цкую"),
    ("ая", "ай", "ай", "ай", "ую"), ("ава", "авай", "авай", "авай", "аву"),
    ("ева", "евай", "евай", "евай", "еву"), ("іна", "інай", "інай", "інай", "іну"),
    ("ына", "ынай", "ынай", "ынай", "ыну"), ("ка", "кі", "цы", "кай", "ку"),
    ("га", "гі", "зе", "гай", "гу"), ("ія", "іі", "іі", "іяй", "ію"), ("я", "і", "і", "яй", "ю"),
    ("а", "ы", "е", "ай", "у"),
]  # fmt: skip
_CONSONANT_MALE = ("а", "у", "ам", "а")  # "Ігар" -> "Ігара", "Ігару", "Ігарам", "Ігара"


def _be_forms(word: str, female: bool) -> list[str]:
    """The genitive, dative, instrumental and accusative of one word of a Belarusian name."""
    for nom, *oblique in _BE_FEMALE if female else _BE_MALE:
        if word.endswith(nom):
            return [word[: len(word) - len(nom)] + o for o in oblique]
    if female or not word[-1:].isalpha() or word[-1] in "аеёіоуыэюяў":
        return [word] * 4  # women's names ending in a consonant do not decline
    return [word + o for o in _CONSONANT_MALE]


@cache
def _morph() -> Any:
    import pymorphy3  # type: ignore[import-untyped]

    return pymorphy3.MorphAnalyzer(lang="ru")


def _ru_forms(word: str) -> list[str]:
    """The genitive, dative, instrumental and accusative of one word of a Russian name, by
    pymorphy3's own inflection (the reading tagged as a name, surname or patronymic first)."""
    parses = _morph().parse(word.lower())
    named = [p for p in parses if {"Name", "Surn", "Patr"} & set(p.tag.grammemes)]
    p = (named or parses)[0]
    out = []
    for case in ("gent", "datv", "ablt", "accs"):
        form = p.inflect({case, "sing"})
        text = str(form.word) if form is not None else word.lower()
        out.append(text[:1].upper() + text[1:] if word[:1].isupper() else text)
    return out


def _oblique_names(name: str, lang: str) -> list[str]:
    """The whole name in four oblique cases, every word in the same case."""
    words = name.split()
    female = words[0].endswith(("а", "я")) if words else False
    forms = [_be_forms(w, female) if lang == "be" else _ru_forms(w) for w in words]
    whole = dict.fromkeys(" ".join(f[k] for f in forms) for k in range(4))
    return [n for n in whole if n != name]


def generated_case_set(
    entered: str,
) -> tuple[dict[str, str], list[tuple[str, str]], list[str]]:
    """Case forms generated for every registry person with a Belarusian or Russian Cyrillic
    name (genitive, dative, instrumental, accusative; Belarusian ones also in Łacinka with
    diacritics). The registry holds each person under one spelling (`entered`: "Latin", the
    registry's Latin name where it has one, or "Cyrillic", the nominative); every tenth person
    is left out and their forms are queried as negatives."""
    from prisonwatch.names.translit import transliterate

    with (REGISTRY / "persons.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    registry: dict[str, str] = {}
    queries: list[tuple[str, str]] = []
    negatives: list[str] = []
    n = 0
    for row in rows:
        forms: list[str] = []
        for lang in ("be", "ru"):
            name = row[f"name_{lang}"].strip()
            if not name:
                continue
            oblique = _oblique_names(name, lang)
            forms += oblique
            if lang == "be":
                forms += [transliterate(o, "be-lacinka") for o in oblique]
        if not forms:
            continue
        n += 1
        if n % 10 == 0:
            negatives.extend(forms)
            continue
        cyrillic = row["name_be"].strip() or row["name_ru"].strip()
        registry[row["id"]] = (row["name"].strip() or cyrillic) if entered == "Latin" else cyrillic
        queries.extend((q, row["id"]) for q in dict.fromkeys(forms))
    return registry, queries, negatives


def nominative_accuracy(registry: dict[str, str], queries: list[tuple[str, str]]) -> None:
    right = sum(nominative(q) == registry[pid] for q, pid in queries)
    print(f"  nominative() gives the gold name for {right} of {len(queries)}")


def main() -> None:
    verbose = "-v" in sys.argv
    evaluate("name variants", *variants_set(), verbose=verbose)
    if (REGISTRY / "persons.csv").exists():
        for cyrillic_first, entered in ((False, "Latin"), (True, "Cyrillic")):
            title = f"held out (Belarus registry, {entered} entries)"
            evaluate(title, *held_out_set(cyrillic_first), verbose=verbose)
        for entered in ("Latin", "Cyrillic"):
            title = f"generated case forms (Belarus registry, {entered} entries)"
            evaluate(title, *generated_case_set(entered), verbose=verbose)
    else:
        print(f"held-out set not found at {REGISTRY}: skipped")
    if (ARTICLES / "gold").exists():
        forms = case_forms_set()
        evaluate("case forms printed in ../shared/articles/ru", *forms, verbose=verbose)
        nominative_accuracy(forms[0], forms[1])


if __name__ == "__main__":
    main()
