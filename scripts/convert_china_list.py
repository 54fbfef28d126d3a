#!/usr/bin/env python3
"""Convert the community-maintained list of Chinese political prisoners into record files.

    python scripts/convert_china_list.py LIST.csv OUT_DIR [--as-of 2020-09-22]

The list (`Name,Gender,Date of Birth,Date of Death,Place,Sentence,Source`; see its SOURCE.md)
says, for each person, when their sentence ends (`Sentence`: a day, month or year; `life`;
`death` for a death sentence; `detention` for people held without a sentence; `unknown`), and
when they died. It gives no arrest dates, so custody is recorded as beginning on an unknown day
up to the list's date (or up to the release or death, when earlier): an honest range, never a
made-up day. Read as of the list's own date:
- a sentence ending on or before that date is a release at the end of the term;
- a death before the release (or with no release) is a death in custody, a death after it a
  death outside custody (`died`): never a release;
- a sentence ending after the list's date is not recorded as a release: nobody has reported it
  yet. The end of the term is kept in the event's note.
Everyone on the list is designated a political prisoner by the list's maintainers.

Writes `sources.csv`, `persons.csv` and `events.csv` in the import formats of
docs/import-formats.md. Bad rows stop the conversion with `file:line: field: reason`.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import sys
from datetime import date
from pathlib import Path

LIST_NAME = "political-prisoner/china list"
EARLIEST = "1970-01-01"


class RowError(ValueError):
    pass


def _day_or_part(text: str, field: str) -> str:
    parts = text.split("-")
    if not 1 <= len(parts) <= 3 or not all(p.isdigit() for p in parts):
        raise RowError(f"{field}: not a date: {text!r}")
    try:
        date(*(int(p) for p in parts), *([1] * (3 - len(parts))))
    except ValueError as exc:
        raise RowError(f"{field}: {exc}") from None
    return text


def _last_day(text: str) -> str:
    """The last day a (possibly reduced-precision) date can mean, as YYYY-MM-DD."""
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        return text
    if len(parts) == 1:
        return f"{parts[0]:04d}-12-31"
    y, m = parts
    nxt = date(y + (m == 12), 1 if m == 12 else m + 1, 1)
    return date.fromordinal(nxt.toordinal() - 1).isoformat()


def _first_day(text: str) -> str:
    parts = text.split("-")
    return "-".join(parts + ["01"] * (3 - len(parts)))


def convert(rows: list[dict[str, str]], where: str, as_of: date) -> tuple[list, list, list]:
    persons, events, sources = [], [], {}
    for line, r in enumerate(rows, start=2):
        try:
            name = (r.get("Name") or "").strip()
            if not name:
                raise RowError("Name: empty")
            born = (r.get("Date of Birth") or "").strip()
            died = (r.get("Date of Death") or "").strip()
            sentence = (r.get("Sentence") or "").strip()
            urls = [u for u in (r.get("Source") or "").split() if u.startswith("http")]
            try:
                born = _day_or_part(born, "Date of Birth") if born else ""
            except RowError as exc:
                # the birth date only gives the birth year: keep a plausible year, say so
                year = born[:4]
                born = year if year.isdigit() and 1900 <= int(year) <= as_of.year else ""
                kept = f"year {born} kept" if born else "dropped"
                print(f"warning: {where}:{line}: {exc} ({kept})", file=sys.stderr)
            died = _day_or_part(died, "Date of Death") if died else ""
            ends = None
            if sentence and sentence[0].isdigit():
                ends = _day_or_part(sentence, "Sentence")
            elif sentence not in ("life", "death", "detention", "unknown", ""):
                raise RowError(f"Sentence: unknown value {sentence!r}")
        except RowError as exc:
            raise RowError(f"{where}:{line}: {exc}") from None
        pid = (
            "cn-" + hashlib.sha256(f"{name}|{born}|{r.get('Place', '')}".encode()).hexdigest()[:10]
        )
        gender = r.get("Gender", "").strip()
        persons.append(
            {
                "id": pid,
                "name": name,
                "birth_year": born[:4],
                "gender": gender if gender in ("male", "female") else "unknown",
                "region": (r.get("Place") or "").strip(),
                "country": "CN",
                "protection": "public",
            }
        )
        for u in urls:
            sources[u] = {"url": u, "title": f"{name}: case page", "publisher": "cppc1989"}
        src = "|".join(urls)
        released = ends is not None and _last_day(ends) <= as_of.isoformat()
        release_before_death = released and (not died or _last_day(ends or "") < _first_day(died))
        # custody began on an unknown day before whatever ended it, or before the list's date
        stop = min(
            [as_of.isoformat()]
            + ([_first_day(ends)] if released and ends else [])
            + ([_first_day(died)] if died else [])
        )
        note = f"sentence: {sentence}" if sentence else None
        events.append(
            {
                "id": f"{pid}-detained",
                "person_id": pid,
                "kind": "detained",
                "date": f"{EARLIEST}/{stop}",
                "note": note,
                "source_url": src,
            }
        )
        events.append(
            {
                "id": f"{pid}-designated",
                "person_id": pid,
                "kind": "designated",
                "date": f"{EARLIEST}/{stop}",
                "organisation": LIST_NAME,
                "source_url": src,
            }
        )
        if release_before_death and ends:
            events.append(
                {
                    "id": f"{pid}-released",
                    "person_id": pid,
                    "kind": "released",
                    "date": ends,
                    "mechanism": "term_served",
                    "source_url": src,
                }
            )
        if died:
            events.append(
                {
                    "id": f"{pid}-died",
                    "person_id": pid,
                    "kind": "died" if release_before_death else "died_in_custody",
                    "date": died,
                    "source_url": src,
                }
            )
    return list(sources.values()), persons, events


def _write(path: Path, rows: list[dict[str, str]], columns: list[str]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("list_csv", type=Path)
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--as-of", default="2020-09-22", help="the list's own date (its last change)")
    args = ap.parse_args(argv)
    try:
        as_of = date.fromisoformat(args.as_of)
        with args.list_csv.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh))
        sources, persons, events = convert(rows, str(args.list_csv), as_of)
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    args.out_dir.mkdir(parents=True, exist_ok=True)
    _write(args.out_dir / "sources.csv", sources, ["url", "title", "publisher"])
    _write(
        args.out_dir / "persons.csv",
        persons,
        ["id", "name", "birth_year", "gender", "region", "country", "protection"],
    )
    _write(
        args.out_dir / "events.csv",
        events,
        ["id", "person_id", "kind", "date", "mechanism", "organisation", "note", "source_url"],
    )
    print(f"{len(persons)} persons, {len(events)} events, {len(sources)} sources")
    return 0


if __name__ == "__main__":
    sys.exit(main())
