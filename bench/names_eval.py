"""Name matching quality on real name variants (bench/data/name_variants.json).

Registry persons are entered under one Latin spelling only; queries are other spellings,
scripts, case forms and orders of them. Reports recall@1, recall@5, and precision of automatic
acceptance (a wrong auto-accept, or any auto-accept of a person not in the registry, counts
against it).

    python bench/names_eval.py [-v]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from prisonwatch.names.matcher import AUTO_ACCEPT, NameIndex, auto_accept

DATA = Path(__file__).resolve().parent / "data" / "name_variants.json"


def main() -> None:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    index = NameIndex.build((pid, name, [name]) for pid, name in data["registry"].items())
    verbose = "-v" in sys.argv
    at1 = at5 = accepted = accepted_right = 0
    for query, expected, _origin in data["queries"]:
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
    for query, _origin in data["negatives"]:
        found = index.match(query, 5)
        if auto_accept(found) is not None:
            false_negative_accepts += 1
            if verbose:
                print(
                    f"  negative {query!r} auto-accepted as {found[0].person_id} ({found[0].score})"
                )
    n = len(data["queries"])
    wrong = (accepted - accepted_right) + false_negative_accepts
    precision = accepted_right / (accepted + false_negative_accepts) if accepted else 0.0
    print(
        f"name matching: {n} queries of {len(data['registry'])} registry persons, "
        f"{len(data['negatives'])} persons not in the registry"
    )
    print(f"  recall@1 {at1 / n:.3f}   recall@5 {at5 / n:.3f}")
    print(
        f"  auto-accepted (score >= {AUTO_ACCEPT}): {accepted} of {n}; precision {precision:.3f}; "
        f"false auto-accepts {wrong}"
    )


if __name__ == "__main__":
    main()
