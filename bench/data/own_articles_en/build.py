"""Write the own English articles of this folder (`NNN.txt`) and their gold (`gold/NNN.json`)
from the specs in `articles.py`: each claim's evidence is the sentence given as a quoted
substring, found in the article's text, so that offsets are exact.

    python bench/data/own_articles_en/build.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from articles import ARTICLES  # noqa: E402

DEFAULTS = {
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


def main() -> None:
    (HERE / "gold").mkdir(exist_ok=True)
    for art in ARTICLES:
        stem, day, title, body = art["stem"], art["date"], art["title"], art["body"]
        text = f" date {day} {title}\n{title}\n{body.strip()}\n"
        (HERE / f"{stem}.txt").write_text(text, encoding="utf-8")
        claims = []
        for i, spec in enumerate(art["claims"], 1):
            c = {**DEFAULTS, **spec}
            said = c.pop("said")
            start = text.index(said)
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
                    "evidence": {"start": start, "end": start + len(said), "text": said},
                }
            )
        gold = {
            "document": {"date": day, "title": title, "language": "en"},
            "claims": claims,
            "events": art.get("events", []),
            "notes": art.get("notes", ""),
        }
        out = json.dumps(gold, ensure_ascii=False, indent=1) + "\n"
        (HERE / "gold" / f"{stem}.json").write_text(out, encoding="utf-8")


if __name__ == "__main__":
    main()
