"""Write the own Russian and Belarusian articles of this folder (`NNN.txt`) and their gold
(`gold/NNN.json`) from the specs in `articles.py`: each claim's evidence, event's evidence and
quote's text is given as a quoted substring, found in the article's text, so that offsets are
exact.

    python bench/data/own_articles_ru/build.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from articles import ARTICLES  # noqa: E402

DEFAULTS: dict[str, Any] = {
    "qualifier": "exact",
    "population": "people",
    "part_of": None,
    "mechanism": None,
    "country": None,
    "when": None,
    "agent": None,
    "source": None,
    "persons": [],
}


def when(value: str | tuple[str, str] | None) -> dict[str, str] | None:
    if value is None:
        return None
    lo, hi = (value, value) if isinstance(value, str) else value
    return {"from": lo, "to": hi}


def span(text: str, said: str) -> dict[str, Any]:
    start = text.index(said)
    return {"start": start, "end": start + len(said), "text": said}


def main() -> None:
    (HERE / "gold").mkdir(exist_ok=True)
    for art in ARTICLES:
        stem, day, title, body = art["stem"], art["date"], art["title"], art["body"]
        text = f" date {day} {title}\n{title}\n{body.strip()}\n"
        (HERE / f"{stem}.txt").write_text(text, encoding="utf-8")
        claims = []
        for i, spec in enumerate(art["claims"], 1):
            c = {**DEFAULTS, **spec}
            claims.append(
                {
                    "id": f"c{i}",
                    **{k: c[k] for k in ("action", "count", "qualifier", "population")},
                    "part_of": c["part_of"],
                    "mechanism": c["mechanism"],
                    "country": c["country"],
                    "when": when(c["when"]),
                    "persons": c["persons"],
                    "agent": c["agent"],
                    "source": c["source"],
                    "evidence": span(text, c["said"]),
                }
            )
        events = []
        for spec in art.get("events", []):
            e = dict(spec)
            e["evidence"] = span(text, e.pop("said"))
            events.append(e)
        quotes = []
        for spec in art.get("quotes", []):
            found = span(text, spec["said"])
            quotes.append(
                {"speaker": spec["speaker"], "via": spec["via"], "text": spec["said"],
                 "start": found["start"], "end": found["end"]}
            )  # fmt: skip
        gold = {
            "document": {"date": day, "title": title, "language": art["lang"]},
            "claims": claims,
            "events": events,
            "quotes": quotes,
            "notes": art.get("notes", ""),
        }
        out = json.dumps(gold, ensure_ascii=False, indent=1) + "\n"
        (HERE / "gold" / f"{stem}.json").write_text(out, encoding="utf-8")


if __name__ == "__main__":
    main()
