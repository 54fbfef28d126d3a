"""The Russian and Belarusian reader on the sentences written for the tests
(tests/extract/slavic_sentences): the share of cases read exactly as the case says, per half
(`dev`: the rules were improved against it; `held`: written afterwards, scored without changing
a rule) and per kind of phrasing.

    python bench/extract_sentences_ru.py [dev|held|all] [-v]
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.extract.slavic_sentences import dev, held
from tests.extract.slavic_sentences.check import errors

HALVES = {"dev": dev.CASES, "held": held.CASES}


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    verbose = "-v" in sys.argv
    names = list(HALVES) if not args or args[0] == "all" else [args[0]]
    for name in names:
        cases = HALVES[name]
        passed: Counter[str] = Counter()
        total: Counter[str] = Counter()
        for case in cases:
            wrong = errors(case)
            total[case.kind] += 1
            passed[case.kind] += not wrong
            if verbose and wrong:
                print(f"  {case.id} [{case.kind}] {case.text[:70]!r}")
                for w in wrong:
                    print(f"      {w}")
        n, ok = sum(total.values()), sum(passed.values())
        print(f"{name}: {ok} of {n} cases read right ({ok / n:.3f})")
        for kind in sorted(total):
            print(f"  {kind:10} {passed[kind]}/{total[kind]}")


if __name__ == "__main__":
    main()
