"""Time-expression regression on TempEval-3 platinum: value F1 of our normaliser.

A predicted expression is correct when its span overlaps a gold TIMEX3 and its value equals the
gold value. Published value F1 on this set: HeidelTime 77.6, SUTime 67.4, dateparser about 33.

    python bench/timex_eval.py [../shared/data/nlp-eval/tempeval3-platinum]
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from prisonwatch.ingest.extract.timex import find_times

DEFAULT = (
    Path(__file__).resolve().parents[2] / "shared" / "data" / "nlp-eval" / "tempeval3-platinum"
)
TAG = re.compile(r"<(/?)(\w+)([^>]*)>")


@dataclass
class Gold:
    start: int
    end: int
    value: str
    text: str


def read_tml(path: Path) -> tuple[str, date, list[Gold]]:
    raw = path.read_text(encoding="utf-8")
    dct_value = re.search(r'functionInDocument="CREATION_TIME"[^>]*value="([^"]+)"', raw)
    if dct_value is None:
        dct_value = re.search(r'value="([^"]+)"[^>]*functionInDocument="CREATION_TIME"', raw)
    assert dct_value is not None, path
    dct = date.fromisoformat(dct_value.group(1)[:10])
    body = raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]
    text_parts: list[str] = []
    golds: list[Gold] = []
    pos, length = 0, 0
    open_timex: tuple[int, str] | None = None
    for m in TAG.finditer(body):
        chunk = body[pos : m.start()]
        text_parts.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, name, attrs = m.groups()
        if name != "TIMEX3":
            continue
        if not closing:
            v = re.search(r'value="([^"]*)"', attrs)
            open_timex = (length, v.group(1) if v else "")
        elif open_timex is not None:
            start, value = open_timex
            golds.append(Gold(start, length, value, "".join(text_parts)[start:length]))
            open_timex = None
    text_parts.append(body[pos:])
    return "".join(text_parts), dct, golds


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    tp = n_pred = n_gold = span_tp = 0
    misses: list[str] = []
    for path in sorted(folder.glob("*.tml")):
        text, dct, golds = read_tml(path)
        preds = find_times(text, dct)
        n_pred += len(preds)
        n_gold += len(golds)
        used: set[int] = set()
        for p in preds:
            hit = next(
                (
                    i
                    for i, g in enumerate(golds)
                    if i not in used and p.start < g.end and g.start < p.end
                ),
                None,
            )
            if hit is None:
                misses.append(f"  spurious {path.stem}: {p.text!r} -> {p.value}")
                continue
            used.add(hit)
            span_tp += 1
            if p.value == golds[hit].value:
                tp += 1
            else:
                misses.append(
                    f"  value    {path.stem}: {p.text!r} -> {p.value} (gold {golds[hit].value})"
                )
        for i, g in enumerate(golds):
            if i not in used:
                misses.append(f"  missed   {path.stem}: {g.text!r} (gold {g.value})")
    prec = tp / n_pred if n_pred else 0.0
    rec = tp / n_gold if n_gold else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    span_f1 = 2 * span_tp / (n_pred + n_gold) if n_pred + n_gold else 0.0
    if "-v" in sys.argv:
        print("\n".join(misses))
    print(f"TempEval-3 platinum: {n_gold} gold, {n_pred} predicted")
    print(
        f"span F1 {100 * span_f1:.1f}; value P {100 * prec:.1f} R {100 * rec:.1f} F1 {100 * f1:.1f}"
        " (HeidelTime 77.6, SUTime 67.4, dateparser ~33)"
    )


if __name__ == "__main__":
    main()
