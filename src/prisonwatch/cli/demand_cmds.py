"""Commands on demands for release: `demands`, `demand add|show|resolve|void`."""

from __future__ import annotations

import csv
import io
import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from prisonwatch.cli.common import (
    TABLE_JSON_CSV,
    CliError,
    DbOption,
    FormatOption,
    app,
    check_format,
    day,
    now,
    opened,
    out,
)
from prisonwatch.core.dates import DateError, parse_fuzzy
from prisonwatch.core.vocabulary import Qualifier
from prisonwatch.services import demands
from prisonwatch.services.importing import read_file

demand_app = typer.Typer(help="Demands for release: record, show progress, decide names, void.")
app.add_typer(demand_app, name="demand")

OnOption = Annotated[str | None, typer.Option("--on", help="Day of the status (default today).")]
KnownOnOption = Annotated[
    str | None, typer.Option("--known-on", help="Use only what was recorded by this day.")
]


def _row(d: dict[str, Any]) -> dict[str, Any]:
    c = d["status_counts"]
    return {
        "id": d["id"],
        "by": d["by"],
        "of": d["of"] or "",
        "made_on": d["made_on"],
        "count": "" if d["count"] is None else f"{d['qualifier']} {d['count']}",
        "named": d["named"],
        "held": c["held"],
        "uncertain": c["uncertain"],
        "freed": c["freed"],
        "died": c["died"],
        "unknown": c["unknown"] + c["not_held"],
    }


@app.command("demands")
def demands_list(
    on: OnOption = None,
    known_on: KnownOnOption = None,
    format: FormatOption = "table",
    db: DbOption = None,
) -> None:
    """Every demand in force: how many persons it names are held, freed, dead or unknown.

    Counted on a day (--on), as known on a day (--known-on)."""
    fmt = check_format(format, TABLE_JSON_CSV)
    on_day = day(on, "--on") or date.today()
    known = day(known_on, "--known-on")
    with opened(db) as (store, _):
        data = [
            demands.as_dict(store, d, on_day, known, public=False, with_names=False)
            for d in demands.listed(store, known)
        ]
    rows = [_row(d) for d in data]
    if fmt == "json":
        out.print_json(data=data)
    elif fmt == "csv":
        _write_csv(rows)
    elif not rows:
        out.print("no demands recorded")
    else:
        table = Table(*rows[0].keys())
        for r in rows:
            table.add_row(*(str(v) for v in r.values()))
        out.print(table)


def _write_csv(rows: list[dict[str, Any]]) -> None:
    buf = io.StringIO()
    if rows:
        w = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    sys.stdout.write(buf.getvalue())


@demand_app.command("add")
def demand_add(
    by: Annotated[str, typer.Option(help="Who demands: a state, an envoy, an NGO, a parliament.")],
    made_on: Annotated[
        str, typer.Option("--on", help="When the demand was made (YYYY[-MM[-DD]]).")
    ],
    source: Annotated[
        str | None, typer.Option(help="Address (http or https) of the source reporting it.")
    ] = None,
    source_text: Annotated[
        str | None,
        typer.Option(
            "--source-text",
            help="A source with no address, described: a letter, a meeting (who, when).",
        ),
    ] = None,
    of: Annotated[str | None, typer.Option(help="Of whom: the state holding them.")] = None,
    country: Annotated[str | None, typer.Option(help="ISO two-letter country code.")] = None,
    count: Annotated[int | None, typer.Option(help="How many people it asks to free.")] = None,
    qualifier: Annotated[
        str, typer.Option(help="How the count is bounded: exact, about, up_to, at_least, ...")
    ] = "exact",
    name: Annotated[
        list[str] | None, typer.Option("--name", help="A person named in the demand (repeat).")
    ] = None,
    names: Annotated[
        Path | None,
        typer.Option(help="A list file: CSV with a `name` column (and `note`), or a name a line."),
    ] = None,
    title: Annotated[str | None, typer.Option(help="Title of the source.")] = None,
    note: Annotated[str | None, typer.Option(help="A note on the demand.")] = None,
    db: DbOption = None,
) -> None:
    """Record a demand: its names are matched to the registry.

    Unsure names wait for `demand resolve`."""
    if (source is None) == (source_text is None):
        raise CliError(
            "--source URL or --source-text TEXT: give one (the address of what reports the "
            "demand, or for a letter or a meeting a description of it)"
        )
    try:
        when = parse_fuzzy(made_on)
    except DateError as exc:
        raise CliError(f"--on: {exc}") from None
    try:
        qual = Qualifier(qualifier)
    except ValueError:
        known = ", ".join(q.value for q in Qualifier)
        raise CliError(f"--qualifier: unknown value {qualifier!r} (known: {known})") from None
    listed: list[tuple[str, str | None]] = [(n, None) for n in (name or []) if n.strip()]
    if names is not None:
        text, problem = read_file(names)
        if problem is not None or text is None:
            raise CliError(str(problem))
        try:
            listed += demands.read_names(str(names), text)
        except demands.DemandError as exc:
            raise CliError(str(exc)) from None
    with opened(db) as (store, settings):
        try:
            if source is not None:
                sid = demands.source_for(store, source, title, now())
            else:
                assert source_text is not None
                sid = demands.described_source(store, source_text, now())
            d = demands.record(
                store,
                by=by,
                made_on=when,
                actor=settings.actor,
                now=now(),
                of=of,
                country=country,
                count=count,
                qualifier=qual,
                names=listed,
                source_ids=[sid],
                note=note,
            )
        except demands.DemandError as exc:
            raise CliError(str(exc)) from None
    states: dict[str, int] = {}
    for n in d.names:
        states[n.state.value] = states.get(n.state.value, 0) + 1
    said = ", ".join(f"{v} {k}" for k, v in sorted(states.items())) or "no names"
    out.print(f"recorded demand {d.id}: {said}")
    if source_text is not None:
        out.print(
            "its source has no address: nobody can check it online; keep the letter or the "
            "notes of the meeting (the source is stored as described)",
            markup=False,
            highlight=False,
        )


@demand_app.command("show")
def demand_show(
    demand_id: Annotated[str, typer.Argument(help="The demand's id.")],
    on: OnOption = None,
    known_on: KnownOnOption = None,
    format: FormatOption = "table",
    db: DbOption = None,
) -> None:
    """Each named person's status on a day, what is left of the demand, its progress.

    Status: held, freed (when, and in which deal), died or unknown; progress month by month."""
    fmt = check_format(format, TABLE_JSON_CSV)
    on_day = day(on, "--on") or date.today()
    known = day(known_on, "--known-on")
    with opened(db) as (store, _):
        try:
            d = demands.find(store, demand_id, known)
        except demands.DemandError as exc:
            raise CliError(str(exc)) from None
        data = demands.as_dict(store, d, on_day, known, public=False)
    if fmt == "json":
        out.print_json(data=data)
        return
    rows = [
        {
            "position": n["position"],
            "name": n["name"],
            "registry": n["person"] or "",
            "match": n["match"],
            "status": n["status"],
            "since": n["since"] or "",
            "how": n.get("mechanism") or "",
            "deal": n["deal_id"] or "",
            "before_demand": "yes" if n.get("before_demand") else "",
        }
        for n in data["names"]
    ]
    if fmt == "csv":
        _write_csv(rows)
        return
    count = f", asks for {data['qualifier']} {data['count']}" if data["count"] else ""
    out.print(f"{data['by']} on {data['made_on']}{count}; {data['named']} named")
    c, held = data["status_counts"], data["still_held"]
    early = len(
        {n["person_id"] for n in data["names"] if n["status"] == "freed" and n.get("before_demand")}
    )
    out.print(
        f"on {data['on']}: still held {held['low']}"
        + (f"–{held['high']}" if held["high"] != held["low"] else "")
        + f", freed {c['freed']}"
        + (f" ({early} of them before the demand was made)" if early else "")
        + f", died {c['died']}, unknown {c['unknown'] + c['not_held']}"
        + (
            f"; {data['repeated']} name(s) repeat a person named above, counted once"
            if data.get("repeated")
            else ""
        )
    )
    for deal, n in data["freed_by_deal"].items():
        out.print(f"  freed through {deal}: {n}")
    if rows:
        table = Table(*rows[0].keys())
        for r in rows:
            table.add_row(*(str(v) for v in r.values()))
        out.print(table)


@demand_app.command("resolve")
def demand_resolve(
    demand_id: Annotated[str, typer.Argument(help="The demand's id.")],
    position: Annotated[int, typer.Argument(help="The name's position on the list.")],
    person: Annotated[str | None, typer.Option(help="The registry person the name is.")] = None,
    nobody: Annotated[
        bool, typer.Option("--nobody", help="The name is nobody in the registry.")
    ] = False,
    why: Annotated[str | None, typer.Option(help="Why.")] = None,
    db: DbOption = None,
) -> None:
    """Decide who an unsure (or wrongly matched) name on a demand list is."""
    if (person is None) == (not nobody):
        raise CliError("give either --person ID or --nobody")
    with opened(db) as (store, settings):
        try:
            demands.decide(store, demand_id, position, person, settings.actor, now(), why)
        except demands.DemandError as exc:
            raise CliError(str(exc)) from None
    out.print(f"name {position} of {demand_id}: {person or 'nobody in the registry'}")


@demand_app.command("void")
def demand_void(
    demand_id: Annotated[str, typer.Argument(help="The demand's id.")],
    why: Annotated[str, typer.Option(help="Why it is withdrawn.")],
    db: DbOption = None,
) -> None:
    """Withdraw a demand recorded by mistake (it stays in the history)."""
    with opened(db) as (store, settings):
        try:
            demands.void(store, demand_id, settings.actor, now(), why)
        except demands.DemandError as exc:
            raise CliError(str(exc)) from None
    out.print(f"voided {demand_id}")
