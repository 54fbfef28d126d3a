"""The English claim rules on the sentences written for them (tests/extract/en_sentences):
claims P/R/F1 matched on action and count, each named field's accuracy, and the cases read
right in every respect, per set (`dev`: developed on; `held`: written with `dev` before any rule
change, scored only at the start and the end of the work, and only as an aggregate).

    python bench/extract_sentences_en.py [dev|held|all] [-v]   (-v lists dev errors only)
"""

from __future__ import annotations

import sys
from collections import Counter
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.extract.en_sentences import dev, dev2, dev3, held, world_dev, world_dev2, world_held
from tests.extract.en_sentences.check import score

from prisonwatch.extract.pipeline import Extractor
from prisonwatch.ingest.documents import Document
from prisonwatch.services.extracting import to_json

SETS = {
    "dev": dev.CASES,
    "dev2": dev2.CASES,
    "dev3": dev3.CASES,
    "held": held.CASES,
    "world_dev": world_dev.CASES,
    "world_dev2": world_dev2.CASES,
    "world_held": world_held.CASES,
}
FIELDS = ("qualifier", "population", "agent", "source", "persons", "mechanism", "when")


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    verbose = "-v" in sys.argv
    names = list(SETS) if not args or args[0] == "all" else [args[0]]
    extractor = Extractor()
    day = date(2025, 12, 12)
    for name in names:
        total: Counter[str] = Counter()
        right = 0
        for case in SETS[name]:
            text = f" date {day.isoformat()} Test article\nTest article\n{case.text}\n"
            out = to_json(extractor.extract(Document("t.txt", text, day, "Test article")))
            tally, errors = score(case, out)
            total.update(tally)
            right += not errors
            if verbose and not name.endswith("held") and errors:
                print(f"  {case.name}: " + "; ".join(errors))
        p = total["tp"] / total["pred"] if total["pred"] else 0.0
        r = total["tp"] / total["gold"] if total["gold"] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        fields = "  ".join(
            f"{k} {total[k + '_ok'] / total[k + '_n']:.2f}" for k in FIELDS if total[k + "_n"]
        )
        print(
            f"[{name}] cases right {right}/{len(SETS[name])}; claims P {p:.3f} R {r:.3f} "
            f"F1 {f:.3f} ({total['tp']} of {total['gold']} gold, {total['pred']} found)\n  {fields}"
        )


if __name__ == "__main__":
    main()
