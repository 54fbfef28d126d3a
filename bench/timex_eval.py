"""Time-expression regression: value F1 of our normaliser on TempEval-3 platinum and, as a
set the rules were never tuned on, on NewsReader MEANTIME (120 English Wikinews articles).

A predicted expression is correct when its span overlaps a gold TIMEX3 and its value equals the
gold value. Published value F1 on TempEval-3 platinum: HeidelTime 77.6, SUTime 67.4, dateparser
about 33. MEANTIME's texts are rebuilt from its tokens (spaces restored by punctuation rules);
its document creation times are the anchor and are left out of the scoring, and only the
sentences its annotators marked (the first few of each article) are read.

    python bench/timex_eval.py [-v] [--tempeval DIR] [--meantime DIR]
"""

from __future__ import annotations

import html
import os
import re
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from prisonwatch.extract.timex import find_times

SHARED = Path(
    os.environ.get("PRISONWATCH_SHARED") or Path(__file__).resolve().parents[2] / "shared"
)
EVAL = SHARED / "data" / "nlp-eval"
DEFAULT = EVAL / "tempeval3-platinum"
MEANTIME = EVAL / "meantime-en" / "intra-doc_annotation"
TAG = re.compile(r"<(/?)(\w+)([^>]*)>")


@dataclass
class Gold:
    start: int
    end: int
    value: str
    text: str
    ignore: bool = False  # the document's creation time: neither counted nor held against us


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


_NO_SPACE_BEFORE = re.compile(r"^(?:[,.;:!?%)\]}]|'s|'re|'ve|'ll|'d|n't|’s)$")


def read_meantime(path: Path) -> tuple[str, date, list[Gold]] | None:
    """A MEANTIME document as text, its creation date, and its TIMEX3s other than that date."""
    raw = path.read_text(encoding="utf-8")
    tokens = re.findall(r'<token [^>]*sentence="(\d+)" t_id="(\d+)">([^<]*)</token>', raw)
    dct_value = re.search(r'functionInDocument="CREATION_TIME"[^>]*value="(\d{4}-\d\d-\d\d)', raw)
    if not tokens or dct_value is None:
        return None
    # annotators marked only the first sentences of each article: score those only
    sentence_of = {t_id: int(sentence) for sentence, t_id, _ in tokens}
    anchored = [sentence_of[t] for t in re.findall(r'token_anchor t_id="(\d+)"', raw)]
    tokens = [t for t in tokens if int(t[0]) <= max(anchored, default=-1)]
    if not tokens:
        return None
    spans: dict[str, tuple[int, int]] = {}
    parts: list[str] = []
    length, last_sentence = 0, tokens[0][0]
    for sentence, t_id, word in tokens:
        word = html.unescape(word)
        sep = "\n" if sentence != last_sentence else ("" if _NO_SPACE_BEFORE.match(word) else " ")
        if parts and parts[-1] in ("(", "[", "$", "“"):
            sep = "" if sep == " " else sep
        if not parts:
            sep = ""
        parts.append(sep + word)
        length += len(sep)
        spans[t_id] = (length, length + len(word))
        length += len(word)
        last_sentence = sentence
    text = "".join(parts)
    golds = []
    for attrs, body in re.findall(r"<TIMEX3 ([^>]*)>(.*?)</TIMEX3>", raw, re.S):
        ids = [i for i in re.findall(r't_id="(\d+)"', body) if i in spans]
        value = re.search(r'value="([^"]*)"', attrs)
        if not ids or value is None:
            continue
        start, end = spans[ids[0]][0], spans[ids[-1]][1]
        dct_mark = "CREATION_TIME" in attrs
        golds.append(Gold(start, end, value.group(1), text[start:end], ignore=dct_mark))
    return text, date.fromisoformat(dct_value.group(1)), golds


def score(name: str, docs: list[tuple[str, str, date, list[Gold]]], verbose: bool) -> None:
    tp = n_pred = n_gold = span_tp = 0
    misses: list[str] = []
    for stem, text, dct, golds in docs:
        ignored = [g for g in golds if g.ignore]
        golds = [g for g in golds if not g.ignore]
        preds = [
            p
            for p in find_times(text, dct)
            if not any(p.start < g.end and g.start < p.end for g in ignored)
        ]
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
                misses.append(f"  spurious {stem}: {p.text!r} -> {p.value}")
                continue
            used.add(hit)
            span_tp += 1
            if p.value == golds[hit].value:
                tp += 1
            else:
                misses.append(
                    f"  value    {stem}: {p.text!r} -> {p.value} (gold {golds[hit].value})"
                )
        for i, g in enumerate(golds):
            if i not in used:
                misses.append(f"  missed   {stem}: {g.text!r} (gold {g.value})")
    prec = tp / n_pred if n_pred else 0.0
    rec = tp / n_gold if n_gold else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    span_f1 = 2 * span_tp / (n_pred + n_gold) if n_pred + n_gold else 0.0
    if verbose:
        print("\n".join(misses))
    print(f"{name}: {len(docs)} documents, {n_gold} gold, {n_pred} predicted")
    values = f"value P {100 * prec:.1f} R {100 * rec:.1f} F1 {100 * f1:.1f}"
    print(f"  span F1 {100 * span_f1:.1f}; {values}")


def main() -> None:
    args = sys.argv[1:]
    verbose = "-v" in args

    def option(flag: str, default: Path) -> Path:
        return Path(args[args.index(flag) + 1]) if flag in args else default

    tempeval = [
        (path.stem, *read_tml(path)) for path in sorted(option("--tempeval", DEFAULT).glob("*.tml"))
    ]
    score("TempEval-3 platinum (HeidelTime 77.6, SUTime 67.4, dateparser ~33)", tempeval, verbose)
    meantime = []
    for path in sorted(option("--meantime", MEANTIME).glob("*/*.xml")):
        doc = read_meantime(path)
        if doc is not None:
            meantime.append((path.stem, *doc))
    if meantime:
        score("MEANTIME English (not used to build the rules)", meantime, verbose)


if __name__ == "__main__":
    main()
