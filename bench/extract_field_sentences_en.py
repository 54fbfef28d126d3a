"""The English reader on the sentences written for the tests (tests/extract/en_field_sentences):
cases read right in every respect, claims F1 by action and count, each field's accuracy on
matched claims, events F1 by kind, per set (`dev`: rules are written on it; `held`: written
before this round's rules and scored unchanged first).

    python bench/extract_field_sentences_en.py [dev|held|all] [-v]
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.extract.en_field_sentences import dev, held
from tests.extract.en_field_sentences.check import score

from prisonwatch.extract.pipeline import Extractor
from prisonwatch.ingest.documents import Document
from prisonwatch.services.extracting import to_json

SETS = {"dev": dev.CASES, "held": held.CASES}


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    names = list(SETS) if not args or args[0] == "all" else args
    extractor = Extractor()

    def extract(body: str, day: str = "2025-12-12") -> dict[str, Any]:
        text = f" date {day} Test article\nTest article\n{body}\n"
        doc = Document("test.txt", text, date.fromisoformat(day), "Test article")
        return to_json(extractor.extract(doc))

    for name in names:
        r = score(SETS[name], extract)
        fields = "  ".join(f"{k} {v:.3f} ({n})" for k, (v, n) in r["fields"].items())
        print(
            f"{name}: {r['right']}/{r['cases']} cases right; claims F1 {r['claims_f1']:.3f}; "
            f"events F1 {r['events_f1']:.3f}\n  {fields}"
        )
        if "-v" in sys.argv:
            for case_id, errs in r["wrong"].items():
                print(f"  {case_id}: {'; '.join(errs)}")


if __name__ == "__main__":
    main()
