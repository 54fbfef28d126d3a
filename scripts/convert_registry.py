"""Convert the compiled Belarusian registry into the import formats, once.

Reads `../shared/data/belarus_registry/` (persons.csv, release_lists.csv; see its SOURCE.md)
and writes `src/prisonwatch/sample_data/registry_{sources,persons,events}.csv` in the formats
of docs/import-formats.md. The output is committed, so the demo needs nothing from ../shared.

    python scripts/convert_registry.py [REGISTRY_DIR]

What each registry row becomes (docs/sample-data.md says why):
- a person (public: every name was printed on a public page), Cyrillic forms as aliases;
- for persons released or dead, a `designated` event when the row names who recognised the
  person, dated "some day up to the source's date"; joint statements of the Belarusian
  human-rights community are the list Viasna keeps, so they are recorded as Viasna's;
- a `released` event per release date (release lists and the row's own release), with the
  deal of that day when there was one, and a detention dated "up to the day before";
- `held` rows get no event at all: SOURCE.md warns that "held" is a status as of the
  statement's date, not today's, and in this ledger a designation opens custody until a release
  is recorded, so an event would count them as held to this day. Their recognition (who, when,
  which page) is kept in the person's note instead, and the registry names them without
  counting them in any stock;
- `died in custody` rows a `died_in_custody` event on the stated day.

Persons already in the hand-entered sample (matched by any shared spelling) are left out: the
hand-entered rows carry their story with more sources.
"""

from __future__ import annotations

import csv
import sys
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "prisonwatch" / "sample_data"
DEFAULT_SRC = ROOT.parent / "shared" / "data" / "belarus_registry"
COMPILED = "2026-11-29"  # the day the compilation was begun (SOURCE.md)
DEALS = {
    "2025-06-21": "BY-2025-06-21",
    "2025-09-11": "BY-2025-09-11",
    "2025-12-13": "BY-2025-12-13",
}
EARLIEST = "2008"  # the oldest page in the compilation


def organisation(text: str) -> str | None:
    t = text.casefold()
    if not t:
        return None
    if "amnesty" in t:
        return "Amnesty International"
    if "viasna" in t or "vyasna" in t or "human rights" in t:
        return "Viasna"
    return text.strip()


def names(row: dict[str, str]) -> list[str]:
    out = [row["name"], row["name_be"], row["name_ru"], *row["aliases"].split("|")]
    return [n.strip() for n in out if n.strip()]


def key(name: str) -> str:
    return " ".join(sorted(name.casefold().replace("ё", "е").split()))


def is_day(text: str) -> bool:
    return len(text) == 10


def day_before(text: str) -> str:
    return (date.fromisoformat(text) - timedelta(days=1)).isoformat()


def recorded(text: str) -> str:
    return text if is_day(text) else COMPILED


def main(src: Path) -> None:
    hand = list(csv.DictReader((OUT / "persons.csv").open(encoding="utf-8")))
    hand_keys = {key(n) for r in hand for n in [r["name"], *r["aliases"].split("|")] if n}
    persons = list(csv.DictReader((src / "persons.csv").open(encoding="utf-8")))
    releases = list(csv.DictReader((src / "release_lists.csv").open(encoding="utf-8")))
    sources: dict[str, dict[str, str]] = {}
    p_rows, e_rows, skipped = [], [], []

    def source(url: str, title: str = "", published: str = "") -> str:
        if url and url not in sources:
            sources[url] = {
                "url": url,
                "title": title,
                "publisher": "",
                "published": published if is_day(published) else "",
                "language": "",
                "recorded_at": recorded(published),
            }
        return url

    for r in releases:
        source(r["source_url"], r["source_title"], r["source_date"])
    for r in persons:
        source(r["source_url"], r["source_title"], r["source_date"])
    for r in persons:
        spellings = names(r)
        if any(key(n) in hand_keys for n in spellings):
            skipped.append(r["id"])
            continue
        pid, display = r["id"], spellings[0]
        urls = [u for u in [r["source_url"], *r["other_sources"].split("|")] if u]
        for u in urls:
            source(u)
        gender = r["gender"] if r["gender"] in ("female", "male") else ""
        status_day = r["status_date"]
        org = organisation(r["designated_by"])
        note = r["note"]
        if r["status_as_of"] == "held":
            # a snapshot, not a custody record: said in words, not turned into events
            note = (
                f"{note}; held as of {status_day or r['source_date'] or 'an undated statement'}"
                f" per {r['source_url']}"
                + (f" (recognised by {r['designated_by']})" if r["designated_by"] else "")
                + "; custody before and after that is not in the compiled sources"
            )
        p_rows.append(
            {
                "id": pid,
                "name": display,
                "aliases": "|".join(spellings[1:]),
                "birth_year": "",
                "gender": gender,
                "region": "",
                "country": "BY",
                "protection": "public",
                "note": note,
                "recorded_at": recorded(r["source_date"]),
            }
        )
        own_releases = [x for x in releases if x["person_id"] == pid]
        release_days = sorted({x["event_date"] for x in own_releases})
        if r["release_date"] and r["release_date"] not in release_days:
            release_days.append(r["release_date"])
        if org and r["status_as_of"] != "held":
            upto = (
                (status_day if is_day(status_day) else "")
                or r["source_date"]
                or (release_days[0] if release_days else "")
            )
            when = f"{EARLIEST}/{upto}" if upto else f"{EARLIEST}/2025"
            e_rows.append(
                event(
                    pid,
                    "designated",
                    when,
                    org=org,
                    url=r["source_url"],
                    note=f"per {r['designated_by']}",
                    rec=recorded(r["source_date"]),
                )
            )
        for rd in sorted(release_days):
            rows = [x for x in own_releases if x["event_date"] == rd]
            mech = next((x["mechanism"] for x in rows if x["mechanism"]), "") or (
                r["release_mechanism"] or "unknown"
            )
            urls_r = "|".join(dict.fromkeys(x["source_url"] for x in rows)) or r["source_url"]
            note = "; ".join(x["note"] for x in rows if x["note"])
            first_day = rd if is_day(rd) else f"{rd}-01" if len(rd) == 7 else f"{rd}-01-01"
            e_rows.append(
                event(
                    pid,
                    "detained",
                    f"{EARLIEST}/{day_before(first_day)}",
                    url=urls_r,
                    note="detention date not in the compiled sources",
                    rec=COMPILED,
                )
            )
            e_rows.append(
                event(
                    pid,
                    "released",
                    rd,
                    mechanism=mech,
                    deal=DEALS.get(rd, ""),
                    url=urls_r,
                    note=note,
                    rec=recorded(rows[0]["source_date"] if rows else rd),
                )
            )
        if r["status_as_of"] == "died in custody" and is_day(status_day):
            e_rows.append(
                event(
                    pid,
                    "detained",
                    f"{EARLIEST}/{day_before(status_day)}",
                    url=r["source_url"],
                    note="detention date not in the compiled sources",
                    rec=COMPILED,
                )
            )
            e_rows.append(
                event(
                    pid,
                    "died_in_custody",
                    status_day,
                    url=r["source_url"],
                    note=r["note"],
                    rec=recorded(r["source_date"]),
                )
            )
    write(OUT / "registry_sources.csv", list(sources.values()))
    write(OUT / "registry_persons.csv", p_rows)
    write(OUT / "registry_events.csv", e_rows)
    print(
        f"{len(p_rows)} persons, {len(e_rows)} events, {len(sources)} sources; "
        f"{len(skipped)} already in the hand-entered sample: {', '.join(skipped)}"
    )


def event(
    pid: str,
    kind: str,
    when: str,
    *,
    org: str | None = None,
    mechanism: str = "",
    deal: str = "",
    url: str = "",
    note: str = "",
    rec: str = COMPILED,
) -> dict[str, str]:
    return {
        "id": f"reg-{pid}-{kind}-{when.replace('/', '-')}",
        "person_id": pid,
        "kind": kind,
        "date": when,
        "mechanism": mechanism if kind == "released" else "",
        "organisation": org or "",
        "deal_id": deal,
        "place": "",
        "source_url": url,
        "note": note,
        "recorded_at": rec,
    }


def write(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SRC)
