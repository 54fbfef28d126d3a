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
from pathlib import Path

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
    else:
        print(f"held-out set not found at {REGISTRY}: skipped")
    if (ARTICLES / "gold").exists():
        forms = case_forms_set()
        evaluate("case forms printed in ../shared/articles/ru", *forms, verbose=verbose)
        nominative_accuracy(forms[0], forms[1])


if __name__ == "__main__":
    main()
