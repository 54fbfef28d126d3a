"""Commands that keep the record: edit, void, history (services/editing.py does the work)."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer

from prisonwatch.cli.common import (
    CliError,
    DbOption,
    FormatOption,
    app,
    check_format,
    now,
    opened,
    out,
)
from prisonwatch.services import editing

edit_app = typer.Typer(
    help="Correct one record: each edit is a new revision with who, when and why.",
    no_args_is_help=True,
)
app.add_typer(edit_app, name="edit")

WhyOption = Annotated[str | None, typer.Option("--why", help="Why (kept with the revision).")]
BasedOnOption = Annotated[
    int | None,
    typer.Option(
        "--based-on",
        help="The revision the edit was made from; refused if a newer one exists.",
    ),
]
Opt = Annotated[str | None, typer.Option()]
IdArg = Annotated[str, typer.Argument(help="The record's id.")]


def _run_edit(
    word: str,
    record_id: str,
    fields: dict[str, Any],
    why: str | None,
    based_on: int | None,
    db: str | None,
) -> None:
    changes = {k: v for k, v in fields.items() if v is not None}
    with opened(db) as (store, settings):
        try:
            rev = editing.edit(
                store, word, record_id, changes, settings.actor, now(), why, based_on
            )
        except editing.EditError as exc:
            raise CliError(str(exc)) from None
    out.print(
        f"{word} {record_id}: revision {rev.seq} ({', '.join(sorted(changes))})",
        markup=False,
        highlight=False,
    )


@edit_app.command("person")
def edit_person(
    record_id: IdArg,
    name: Annotated[str | None, typer.Option(help="The main name.")] = None,
    aliases: Annotated[
        str | None, typer.Option(help="Every other spelling, separated by ';' (replaces them).")
    ] = None,
    birth_year: Annotated[str | None, typer.Option(help="Year of birth.")] = None,
    gender: Annotated[str | None, typer.Option(help="female, male, other or unknown.")] = None,
    region: Opt = None,
    country: Annotated[str | None, typer.Option(help="Two-letter country code.")] = None,
    protection: Annotated[
        str | None, typer.Option(help="public, withhold_name or counts_only.")
    ] = None,
    note: Opt = None,
    why: WhyOption = None,
    based_on: BasedOnOption = None,
    db: DbOption = None,
) -> None:
    """Correct a person: names, protection, other fields (takes effect everywhere at once)."""
    fields = {
        "name": name,
        "aliases": aliases,
        "birth_year": birth_year,
        "gender": gender,
        "region": region,
        "country": country,
        "protection": protection,
        "note": note,
    }
    _run_edit("person", record_id, fields, why, based_on, db)


@edit_app.command("event")
def edit_event(
    record_id: IdArg,
    person_id: Annotated[str | None, typer.Option(help="Whom it happened to.")] = None,
    kind: Annotated[str | None, typer.Option(help="detained, released, sentenced, ...")] = None,
    date: Annotated[str | None, typer.Option(help="2025-09-11, 2025-09, 2025 or a/b.")] = None,
    mechanism: Annotated[str | None, typer.Option(help="How a release happened.")] = None,
    organisation: Opt = None,
    deal_id: Annotated[str | None, typer.Option(help="The deal a release belongs to.")] = None,
    place: Opt = None,
    note: Opt = None,
    source_ids: Annotated[
        str | None, typer.Option(help="Source ids or addresses, separated by ';'.")
    ] = None,
    articles: Annotated[
        str | None, typer.Option(help="Criminal-code articles, separated by ';'.")
    ] = None,
    sentence: Annotated[str | None, typer.Option(help="Sentence length: 5y, 2y6m, 18m.")] = None,
    term_ends: Annotated[str | None, typer.Option(help="When the term ends (a day).")] = None,
    court: Opt = None,
    detention_place: Annotated[
        str | None, typer.Option(help="Colony or prison (analysts only).")
    ] = None,
    health: Annotated[str | None, typer.Option(help="Health notes (analysts only).")] = None,
    why: WhyOption = None,
    based_on: BasedOnOption = None,
    db: DbOption = None,
) -> None:
    """Correct an event."""
    fields = {
        "person_id": person_id,
        "kind": kind,
        "date": date,
        "mechanism": mechanism,
        "organisation": organisation,
        "deal_id": deal_id,
        "place": place,
        "note": note,
        "source_ids": source_ids,
        "articles": articles,
        "sentence_months": sentence,
        "term_ends": term_ends,
        "court": court,
        "detention_place": detention_place,
        "health": health,
    }
    _run_edit("event", record_id, fields, why, based_on, db)


@edit_app.command("deal")
def edit_deal(
    record_id: IdArg,
    date: Annotated[str | None, typer.Option(help="When it was made.")] = None,
    country: Opt = None,
    parties: Annotated[str | None, typer.Option(help="Parties, separated by ';'.")] = None,
    mediator: Opt = None,
    concessions: Annotated[
        str | None, typer.Option(help="'by/what/target' items separated by ';' (replaces them).")
    ] = None,
    reported_released: Opt = None,
    reported_political_prisoners: Opt = None,
    reported_returned: Opt = None,
    figures_by: Opt = None,
    note: Opt = None,
    source_ids: Annotated[str | None, typer.Option(help="Source ids or addresses.")] = None,
    why: WhyOption = None,
    based_on: BasedOnOption = None,
    db: DbOption = None,
) -> None:
    """Correct a deal: parties, concessions, reported figures, sources."""
    fields = {
        "date": date,
        "country": country,
        "parties": parties,
        "mediator": mediator,
        "concessions": concessions,
        "reported_released": reported_released,
        "reported_political_prisoners": reported_political_prisoners,
        "reported_returned": reported_returned,
        "figures_by": figures_by,
        "note": note,
        "source_ids": source_ids,
    }
    _run_edit("deal", record_id, fields, why, based_on, db)


@edit_app.command("figure")
def edit_figure(
    record_id: IdArg,
    metric: Annotated[str | None, typer.Option(help="held, released, detained, ...")] = None,
    value: Opt = None,
    period: Opt = None,
    qualifier: Annotated[str | None, typer.Option(help="exact, about, at_least, ...")] = None,
    organisation: Opt = None,
    country: Opt = None,
    note: Opt = None,
    source_ids: Annotated[str | None, typer.Option(help="Source ids or addresses.")] = None,
    why: WhyOption = None,
    based_on: BasedOnOption = None,
    db: DbOption = None,
) -> None:
    """Correct a published figure (an observation)."""
    fields = {
        "metric": metric,
        "value": value,
        "period": period,
        "qualifier": qualifier,
        "organisation": organisation,
        "country": country,
        "note": note,
        "source_ids": source_ids,
    }
    _run_edit("figure", record_id, fields, why, based_on, db)


@edit_app.command("source")
def edit_source(
    record_id: IdArg,
    url: Opt = None,
    title: Opt = None,
    publisher: Opt = None,
    published: Annotated[str | None, typer.Option(help="The day it was published.")] = None,
    language: Opt = None,
    why: WhyOption = None,
    based_on: BasedOnOption = None,
    db: DbOption = None,
) -> None:
    """Correct a source's descriptive fields (its text is never edited)."""
    fields = {
        "url": url,
        "title": title,
        "publisher": publisher,
        "published": published,
        "language": language,
    }
    _run_edit("source", record_id, fields, why, based_on, db)


KindArg = Annotated[
    str, typer.Argument(help="person, event, deal, figure, source, judgement or choice.")
]


@app.command("void")
def void_(
    kind: KindArg,
    record_id: IdArg,
    why: WhyOption = None,
    based_on: BasedOnOption = None,
    db: DbOption = None,
) -> None:
    """Withdraw a record without a replacement; it stays in its history."""
    with opened(db) as (store, settings):
        try:
            rev = editing.void(store, kind, record_id, settings.actor, now(), why, based_on)
        except editing.EditError as exc:
            raise CliError(str(exc)) from None
    out.print(f"{kind} {record_id}: void (revision {rev.seq})", markup=False, highlight=False)


@app.command("history")
def history(
    kind: KindArg,
    record_id: IdArg,
    format: FormatOption = "table",
    db: DbOption = None,
) -> None:
    """Every revision of a record, with who, when, why and the fields it changed."""
    fmt = check_format(format, ("table", "json"))
    with opened(db) as (store, _):
        try:
            steps = editing.history(store, kind, record_id)
        except editing.EditError as exc:
            raise CliError(str(exc)) from None
    if fmt == "json":
        data = [editing.change_dict(s) for s in steps]
        out.print_json(json.dumps(data, ensure_ascii=False))
        return
    for s in steps:
        head = f"revision {s.seq}  {s.at.isoformat(timespec='seconds')}  {s.actor}  {s.why}"
        out.print(head + ("  [void]" if s.void else ""), markup=False, highlight=False)
        if s.void:
            continue
        for k, (a, b) in s.fields.items():
            line = (
                f"    {k}: {editing.plain(b)}"
                if s.seq == 0
                else f"    {k}: {editing.plain(a)} -> {editing.plain(b)}"
            )
            out.print(line, markup=False, highlight=False)
