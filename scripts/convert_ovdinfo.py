#!/usr/bin/env python3
"""Convert OVD-Info's lists of detentions at protest events into published figures.

    python scripts/convert_ovdinfo.py LIST.csv [LIST.csv ...] OUT_DIR

Each row of OVD-Info's 2012 and 2013 lists (see their SOURCE.md) is one protest event with the
number of people detained there. Each becomes an observation (`metric` detained, the event's
day, OVD-Info as the publisher, Russia) with the event as its scope and the square or street as
its place, so that two events on one day are two figures, never a conflict. Writes
`observations.csv` and `sources.csv` in the import formats.
"""

from __future__ import annotations

import csv
import sys
from datetime import datetime
from pathlib import Path


def convert(path: Path) -> tuple[list[dict[str, str]], dict[str, dict[str, str]]]:
    rows, sources = [], {}
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for line, r in enumerate(csv.DictReader(fh), start=2):
            try:
                day = datetime.strptime(r["date"].strip(), "%d.%m.%Y").date()
                value = int(r["number_of_detentions"])
            except (KeyError, ValueError) as exc:
                raise ValueError(f"{path}:{line}: {exc}") from None
            links = [
                u for u in r.get("links", "").replace(",", " ").split() if u.startswith("http")
            ]
            what = (r.get("description_eng") or r.get("description") or "").strip()
            # the event as OVD-Info lists it: two events with the same description on one
            # square and day are still two events, with two figures
            kind = r.get("event_type_eng", "").strip()
            scope = f"OVD-Info event {day.year}/{r['Id'].strip()}: {kind}: {what}"
            rows.append(
                {
                    "id": f"ovdinfo-{day.year}-{r['Id'].strip()}",
                    "metric": "detained",
                    "value": str(value),
                    "qualifier": "exact",
                    "period": day.isoformat(),
                    "organisation": "OVD-Info",
                    "country": "RU",
                    "place": " ".join((r.get("place") or "").split())[:300],
                    "scope": " ".join(scope.split())[:1900],
                    "source_url": "|".join(links[:5]),
                }
            )
            for u in links[:5]:
                sources[u] = {"url": u, "publisher": "OVD-Info"}
    return rows, sources


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    *inputs, out = argv
    rows: list[dict[str, str]] = []
    sources: dict[str, dict[str, str]] = {}
    try:
        for p in inputs:
            r, s = convert(Path(p))
            rows += r
            sources.update(s)
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    cols = [
        "id",
        "metric",
        "value",
        "qualifier",
        "period",
        "organisation",
        "country",
        "place",
        "scope",
        "source_url",
    ]
    with (out_dir / "observations.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=cols, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    with (out_dir / "sources.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=["url", "publisher"], lineterminator="\n")
        w.writeheader()
        w.writerows(sources.values())
    print(f"{len(rows)} figures, {len(sources)} sources")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
