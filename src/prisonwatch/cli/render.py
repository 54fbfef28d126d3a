"""Formatting answers for the terminal: rich tables, JSON and CSV."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from prisonwatch.core import labels


def bounds(b: dict[str, int]) -> str:
    """`4`, `14–37`; with a negative end `-3 to 43`, as `-3–43` would read as a minus range."""
    if b["low"] == b["high"]:
        return str(b["low"])
    sep = " to " if b["low"] < 0 or b["high"] < 0 else "–"
    return f"{b['low']}{sep}{b['high']}"


def as_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def stats_table(console: Console, data: dict[str, Any]) -> None:
    scope = ", ".join(
        f"{k} {data[k]}" for k in ("organisation", "country", "known_on") if data.get(k)
    )
    console.print(
        f"Political prisoners named in the registry on {data['on']}: "
        f"[bold]{bounds(data['stock'])}[/bold]"
        + (f"  ({scope})" if scope else "")
        + f"  — registry of {data['persons']} persons, {data['events']} events"
    )
    if uncounted := data.get("held_not_counted"):
        console.print(
            f"  and at least {uncounted} more person(s) held that day are not counted: no "
            "designation as a political prisoner"
            + (f" by {data['organisation']}" if data.get("organisation") else "")
            + " is recorded for them by then (a `designated` event with its organisation; "
            "docs/ledger.md)",
            highlight=False,
            markup=False,
        )
    if head := data.get("headline"):  # what the registry's count is a part of
        by = f" by {head['by']}" if head["by"] else ""
        share = f" (at most {head['coverage']}%)" if head["coverage"] is not None else ""
        console.print(
            escape(
                f"Latest published count of political prisoners held: {head['text']} on "
                f"{head['on']}{by}; the registry names {bounds(head['registry'])} of them on "
                f"that day{share}"
            ),
            highlight=False,
        )
    if rd := data.get("released_in_deals"):
        released_in_deals(console, rd)
    if "series" in data:
        t = Table(title=f"By {data['by']}")
        for col in ("period", "stock", "in", "out", "out by mechanism", "events"):
            t.add_column(col, justify="right" if col in ("stock", "in", "out") else "left")
        for row in data["series"]:
            mech = ", ".join(f"{k} {bounds(v)}" for k, v in row["outflow_by_mechanism"].items())
            evs = ", ".join(f"{k} {bounds(v)}" for k, v in row["events"].items() if ":" not in k)
            t.add_row(
                row["period"],
                bounds(row["stock"]),
                bounds(row["inflow"]),
                bounds(row["outflow"]),
                mech,
                evs,
            )
        console.print(t)
        door = data["revolving_door"]
        per = door["designations_per_release"]
        # Only events dated surely inside the window count (docs/ledger.md), so the line says
        # so: beside monthly flows of "0–22" a bare "0 new designations" reads as a contradiction.
        console.print(
            f"Revolving door: {door['designations']} new designations, {door['releases']} releases"
            " dated surely in the window" + (f" ({per:.2f} per release)" if per is not None else "")
        )
        idc = data["identity"]
        verdict = "holds" if idc["holds"] else "[red]DOES NOT HOLD[/red]"
        console.print(
            f"Identity {idc['from']} → {idc['to']}: {bounds(idc['stock_from'])} + "
            f"{bounds(idc['inflow'])} − {bounds(idc['outflow'])} = "
            f"{bounds(idc['expected_stock_to'])}; stock {bounds(idc['stock_to'])}: {verdict}"
        )
    if data["observations"]:
        t = Table(title="Published figures against the registry")
        for col in ("period", "what", "by", "published", "registry", "difference"):
            t.add_column(col, overflow="fold")
        for o in data["observations"]:
            t.add_row(
                labels.period(o["period"]),
                labels.metric(o["metric"]),
                o["organisation"] or "",
                o.get("text") or str(o["published"]),
                bounds(o["registry"]),
                o["difference"]["text"],
            )
        console.print(t)
    for p in data["problems"]:
        console.print(f"[yellow]data problem:[/yellow] {p}")


def released_in_deals(console: Console, rd: dict[str, Any]) -> None:
    """Freed through deals by a day: the registry's count and, beside it, what the deals'
    sources published, deal by deal with who said it."""
    reg, pub = rd["registry"], rd["published"]
    console.print(
        escape(
            f"Freed through deals by {rd['on']}: the registry names "
            f"{bounds(reg['released'])} releases that name a deal, "
            f"{bounds(reg['political_prisoners'])} of them political prisoners (recognised "
            f"before release); the deals' sources published {pub['released']['text']} freed, "
            f"{pub['political_prisoners']['text']} political prisoners among them"
            + "".join(
                f"; nothing published on {what} for {len(pub[key]['missing'])} deal(s)"
                for key, what in (
                    ("released", "releases"),
                    ("political_prisoners", "political prisoners"),
                )
                if pub[key]["missing"]
            )
            + ". (The 'deal' release mechanism is not this figure.)"
        ),
        highlight=False,
        soft_wrap=True,
    )
    if not rd["deals"]:
        return
    t = Table(title="Freed through deals")
    for col in (
        "deal",
        "registry: released / political",
        "published: released",
        "published: political",
    ):
        t.add_column(col, overflow="fold")
    for d in rd["deals"]:
        t.add_row(
            escape(d["date"]),
            f"{bounds(d['registry']['released'])} / {bounds(d['registry']['political_prisoners'])}",
            escape(_said_figures(d["published"]["released"])),
            escape(_said_figures(d["published"]["political_prisoners"])),
        )
    console.print(t)


def _said_figures(figs: list[dict[str, Any]]) -> str:
    """Published figures as said, each with who said it and its sources."""
    if not figs:
        return "nothing published"
    out = []
    for f in figs:
        where = ", ".join(s["url"] or s["publisher"] for s in f["sources"])
        out.append(
            f["text"] + (f" per {f['by']}" if f["by"] else "") + (f" ({where})" if where else "")
        )
    return "; ".join(out)


def stats_csv(data: dict[str, Any]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(
        [
            "period",
            "stock_low",
            "stock_high",
            "inflow_low",
            "inflow_high",
            "outflow_low",
            "outflow_high",
        ]
    )
    rows = data.get("series") or [
        {
            "period": data["on"],
            "stock": data["stock"],
            "inflow": {"low": "", "high": ""},
            "outflow": {"low": "", "high": ""},
        }
    ]
    for r in rows:
        w.writerow(
            [
                r["period"],
                r["stock"]["low"],
                r["stock"]["high"],
                r["inflow"]["low"],
                r["inflow"]["high"],
                r["outflow"]["low"],
                r["outflow"]["high"],
            ]
        )
    return buf.getvalue()


def _said(figs: list[dict[str, Any]]) -> str:
    return "\n".join(f["text"] + (f" per {f['by']}" if f["by"] else "") for f in figs) or "–"


def deals_table(console: Console, rows: list[dict[str, Any]]) -> None:
    """Each deal: figures as published and as in the registry in separate columns; the basis
    of each replacement time as a numbered note under the table; with no deals, one line
    saying so rather than an empty table a reader could take for a failure."""
    if not rows:
        console.print("No deals recorded.")
        return
    t = Table(title="Deals: as published | in the registry", expand=False)
    t.add_column("date", no_wrap=True)
    t.add_column("released, published", overflow="fold")
    t.add_column("political prisoners, published", overflow="fold")
    t.add_column("registry: released / political / returned", overflow="fold")
    t.add_column("concessions", overflow="fold")
    t.add_column("replacement time", overflow="fold")
    notes: list[str] = []
    for d in rows:
        reg = d["registry"]
        back = ", ".join(p["name"] for p in reg["returned_persons"])
        if reg["returned_withheld"]:  # counted, never described
            back = ", ".join(x for x in (back, f"{reg['returned_withheld']} withheld") if x)
        registry = (
            f"{reg['released']} / {reg['political_prisoners']} / {reg['returned_to_custody']}"
            + (f" ({back})" if back else "")
        )
        marks = []
        for r in d["replacement"]:
            notes.append(f"{d['date']}: {r['days_text']}: {basis_words(r)}")
            marks.append(f"{r['days_text']} [{len(notes)}]")
        t.add_row(
            f"{d['date']}\n{d['id']}",
            _said(d["published"]["released"]),
            _said(d["published"]["political_prisoners"]),
            registry,
            "\n".join(c["text"] for c in d["concessions"]) or "–",
            "\n".join(marks) or "–",
        )
    console.print(t)
    for i, note in enumerate(notes, 1):
        console.print(f"[{i}] {note}", markup=False, highlight=False)


def basis_words(r: dict[str, Any]) -> str:
    """What a replacement time rests on, in words."""
    needed = r["needed_text"] + (f" per {r['needed_by']}" if r["needed_by"] else "")
    if r["basis"] == "published_rate":
        by = f" per {r['designations_by']}" if r["designations_by"] else ""
        start, end = r["period"]
        return (
            f"{needed} political prisoners freed against {r['designations_text']} new "
            f"designations{by} from {start} to {end} at an even rate: {r['formula']}"
        )
    return f"registry: {r['designations']} designations recorded since, {needed} needed"


def deals_csv(rows: list[dict[str, Any]]) -> str:
    from prisonwatch.services.figures import DEAL_CSV_COLUMNS, deal_csv_row

    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(DEAL_CSV_COLUMNS), lineterminator="\n")
    w.writeheader()
    for d in rows:
        w.writerow(deal_csv_row(d))
    return buf.getvalue()


def custody_line(c: dict[str, Any]) -> str:
    """An event's custody details on one line (place and health only when given: analysts')."""
    parts = []
    if c.get("articles"):
        parts.append("art. " + ", ".join(c["articles"]))
    if c.get("sentence"):
        parts.append(f"sentence {c['sentence']}")
    if c.get("term_ends"):
        parts.append(f"term ends {c['term_ends']}")
    for key, label in (("court", "court"), ("detention_place", "held at"), ("health", "health")):
        if c.get(key):
            parts.append(f"{label} {c[key]}")
    return "; ".join(parts)


def custody_table(console: Console, data: dict[str, Any]) -> None:
    ending = data["terms_ending"]
    console.print(
        f"Terms ending {data['on']} to {data['within_days']} days later, persons held: "
        f"[bold]{ending['persons']}[/bold]"
    )
    if ending["by_month"]:
        t = Table(title="Terms ending by month")
        t.add_column("month")
        t.add_column("persons", justify="right")
        for month, n in ending["by_month"].items():
            t.add_row(month, str(n))
        console.print(t)
    if "article" in data:
        a = data["article"]
        console.print(
            f"Sentenced under article {a['article']}: [bold]{a['persons']}[/bold]"
            f" persons ({a['held']} held on {data['on']})"
        )
        return
    t = Table(title="Persons sentenced under each article")
    for col in ("article", "persons", "held"):
        t.add_column(col, justify="right" if col != "article" else "left")
    for r in data["articles"]:
        t.add_row(r["article"], str(r["persons"]), str(r["held"]))
    withheld = data.get("withheld") or {}
    if withheld.get("persons"):
        t.add_row("articles withheld", str(withheld["persons"]), str(withheld["held"]))
    console.print(t)


def person_view(console: Console, p: dict[str, Any]) -> None:
    """A person's timeline. What the person's records say (names, notes, places, sources,
    evidence) is data, escaped so that brackets in it ("[sic]", "[/b]") are printed as written
    rather than read as console markup."""
    aka = f" (also {', '.join(p['aliases'])})" if p["aliases"] else ""
    console.print(f"[bold]{escape(p['name'])}[/bold]{escape(aka)}  id {escape(p['id'])}")
    facts = [f"{k} {p[k]}" for k in ("birth_year", "gender", "region", "country") if p[k]]
    console.print(
        "  " + escape(", ".join([*facts, f"protection {p['protection']}", f"now: {p['status']}"]))
    )
    if p.get("merged_into"):
        console.print(
            escape(
                f"  merged into {p['merged_into']}: search and the web show that person "
                f"(`prisonwatch unmerge {p['id']} --why ...` undoes it)"
            )
        )
    t = Table()
    for col in ("date", "event", "details", "sources", "recorded"):
        t.add_column(col)
    for e in p["events"]:
        details = ", ".join(
            str(e[k]) for k in ("mechanism", "organisation", "deal_id", "place") if e[k]
        )
        if e["note"]:
            details += f" — {e['note']}"
        details = "\n".join(x for x in (details, custody_line(e.get("custody_details") or {})) if x)
        kind = e["kind"] if e["in_force"] else f"[strike]{e['kind']}[/strike] (superseded)"
        kind += f"\n[dim]{escape(e['id'])}[/dim]"  # what `edit event`, `void`, `history` take
        srcs = "\n".join(s["url"] or s.get("title") or "" for s in e["sources"])
        for c in e["claims"]:
            srcs += f"\n“{c['evidence'][:160]}”"
        recorded = f"{e['recorded_at'][:10]} by {e['recorded_by']}"
        t.add_row(escape(e["date"]), kind, escape(details), escape(srcs), escape(recorded))
    console.print(t)
    for prob in p["problems"]:
        console.print(f"[yellow]data problem:[/yellow] {escape(str(prob))}")


def conflicts(console: Console, data: list[dict[str, Any]]) -> None:
    if not data:
        console.print("no conflicts")
    for c in data:
        status = (
            f"chosen {c['chosen']['chosen']} by {c['chosen']['by']}: {c['chosen']['why']}"
            if c["chosen"]
            else "open"
        )
        console.print(f"[bold]{c['what']}[/bold]  key {c['key']}  ({status})", highlight=False)
        for o in c["options"]:
            console.print(f"   {o['id']}: {o['value']}  {' '.join(o['sources'])}", highlight=False)
