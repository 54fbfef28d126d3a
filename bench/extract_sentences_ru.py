"""The Russian and Belarusian reader on the sentences written for the tests
(tests/extract/slavic_sentences): the share of cases read exactly as the case says, per half
(`dev`: the rules were improved against it; `held`: written afterwards, scored without changing
a rule, then fixed; `held2` to `held13`: each written after the fixes before it and scored
without changing a rule; `dev14`/`held14`: one set split in two before a rule changed, rules
improved against `dev14` only; `held15`: written before that round's rules, kept blind) and per
kind of phrasing.

    python bench/extract_sentences_ru.py [dev|held|held2|...|held13|dev14|held14|held15|all] [-v]
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

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
from tests.extract.slavic_sentences.check import Case, errors, run

HALVES = {
    "dev": dev.CASES,
    "held": held.CASES,
    "held2": held2.CASES,
    "held3": held3.CASES,
    "held4": held4.CASES,
    "held5": held5.CASES,
    "held6": held6.CASES,
    "held7": held7.CASES,
    "held8": held8.CASES,
    "held9": held9.CASES,
    "held10": held10.CASES,
    "held11": held11.CASES,
    "held12": held12.CASES,
    "held13": held13.CASES,
    "dev14": dev14.CASES,
    "held14": held14.CASES,
    "held15": held15.CASES,
}


def _claim_counts(case: Case, out: dict[str, Any]) -> Counter[str]:
    """Claims matched by action and count (as the article benchmark matches them)."""
    left = [(c["action"], c["count"]) for c in out["claims"]]
    tp = 0
    for exp in case.claims:
        key = (exp["action"], exp["count"])
        if key in left:
            left.remove(key)
            tp += 1
    return Counter(tp=tp, pred=len(out["claims"]), gold=len(case.claims))


def _field_counts(case: Case, out: dict[str, Any], wrong: list[str]) -> Counter[str]:
    """Fields the case decides (beyond action and count) on the claims that were found, and
    how many of them were wrong (the checker names each as "<action> <count>: <field> ...")."""
    missed = {w.removeprefix("missed ") for w in wrong if w.startswith("missed ")}
    checked = sum(
        len([k for k in exp if k not in ("action", "count")])
        for exp in case.claims
        if f"{exp['action']} {exp['count']}" not in missed
    )
    other = ("missed ", "spurious ", "quote ", "concession ")
    bad = sum(1 for w in wrong if not w.startswith(other))
    return Counter(checked=checked, wrong=bad)


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    verbose = "-v" in sys.argv
    names = list(HALVES) if not args or args[0] == "all" else [args[0]]
    for name in names:
        cases = HALVES[name]
        passed: Counter[str] = Counter()
        total: Counter[str] = Counter()
        claims: Counter[str] = Counter()
        fields: Counter[str] = Counter()
        by_lang: Counter[str] = Counter()
        for case in cases:
            out = run(case)
            wrong = errors(case, out)
            claims.update(_claim_counts(case, out))
            fields.update(_field_counts(case, out, wrong))
            total[case.kind] += 1
            passed[case.kind] += not wrong
            by_lang[case.lang + " cases"] += 1
            by_lang[case.lang + " right"] += not wrong
            if verbose and wrong:
                print(f"  {case.id} [{case.kind}] {case.text[:70]!r}")
                for w in wrong:
                    print(f"      {w}")
        n, ok = sum(total.values()), sum(passed.values())
        print(f"{name}: {ok} of {n} cases read right ({ok / n:.3f})")
        tp, pred, gold = claims["tp"], claims["pred"], claims["gold"]
        p, r = tp / pred if pred else 0.0, tp / gold if gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"  claims (action and count): P {p:.3f} R {r:.3f} F1 {f:.3f} ({tp}/{gold})")
        langs = ", ".join(
            f"{lang} {by_lang[lang + ' right']}/{by_lang[lang + ' cases']}"
            for lang in ("ru", "be")
            if by_lang[lang + " cases"]
        )
        checked = fields["checked"]
        right = checked - fields["wrong"]
        share = right / checked if checked else 0.0
        print(f"  cases right by language: {langs}")
        print(f"  fields of found claims right: {right}/{checked} ({share:.3f})")
        for kind in sorted(total):
            print(f"  {kind:10} {passed[kind]}/{total[kind]}")


if __name__ == "__main__":
    main()
