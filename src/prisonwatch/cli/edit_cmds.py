"""Commands that keep the record: add, edit, void, history (services/editing.py does the work).

The options of `edit KIND` and `add KIND` are made from the service's field table
(`record_fields.FIELDS`), so a field the service can edit is an option here, with the same help,
and nothing is written out twice.
"""

from __future__ import annotations

import inspect
import json
from collections.abc import Callable
from typing import Annotated, Any

import typer

from prisonwatch.cli.common import (
    TABLE_JSON,
    CliError,
    DbOption,
    TableJsonFormat,
    app,
    check_format,
    err,
    now,
    opened,
    out,
)
from prisonwatch.core.records import Event
from prisonwatch.services import editing, importing
from prisonwatch.services.record_fields import Field

edit_app = typer.Typer(
    help="Correct one record: each edit is a new revision with who, when and why.",
    no_args_is_help=True,
)
app.add_typer(edit_app, name="edit")
add_app = typer.Typer(
    help="Add one record by hand (a person, an event, a deal, a published figure).",
    no_args_is_help=True,
)
app.add_typer(add_app, name="add")

WhyOption = Annotated[str | None, typer.Option("--why", help="Why (kept with the revision).")]
BasedOnOption = Annotated[
    int | None,
    typer.Option(
        "--based-on",
        help="The revision the edit was made from; refused if a newer one exists.",
    ),
]
IdArg = Annotated[str, typer.Argument(help="The record's id.")]
KindArg = Annotated[
    str, typer.Argument(help="person, event, deal, figure, source, judgement or choice.")
]

EDITED = {
    "person": "Correct a person: names, protection, other fields (effective everywhere at once).",
    "event": "Correct an event.",
    "deal": "Correct a deal: parties, concessions, reported figures, sources.",
    "figure": "Correct a published figure (an observation).",
    "source": "Correct a source's descriptive fields (its text is never edited).",
    "judgement": "Correct a name judgement (is this written name this person?).",
    "choice": "Correct a conflict choice: which of disagreeing values holds, and why.",
}
ADDED = {
    "person": "Add a person; the id is made from the name unless --id is given.",
    "event": "Add an event; the id is made from its content unless --id is given.",
    "deal": "Add a deal; the id is COUNTRY-DATE (or made from its content) unless --id is given.",
    "figure": "Add a published figure; the id is made from its content unless --id is given.",
}


PREFIX = "field_"
"""Fields' parameters are named apart from the command's own (a choice has a field `why`)."""


def _given(kind: str, kwargs: dict[str, Any]) -> dict[str, Any]:
    """The fields given on the command line, by the service's names."""
    return {
        n: kwargs[PREFIX + n] for n in editing.FIELDS[kind] if kwargs.get(PREFIX + n) is not None
    }


def _field_options(kind: str) -> list[inspect.Parameter]:
    """One `--option` per field of the kind, named and explained as the service's table says."""

    def option(name: str, spec: Field) -> inspect.Parameter:
        flag = "--" + (spec.option or name).replace("_", "-")
        kwargs: dict[str, Any] = {"help": spec.help} if spec.help else {}
        annotation = Annotated[str | None, typer.Option(flag, **kwargs)]
        return inspect.Parameter(
            PREFIX + name, inspect.Parameter.KEYWORD_ONLY, annotation=annotation
        )

    return [option(n, s).replace(default=None) for n, s in editing.FIELDS[kind].items()]


def _command(run: Callable[..., None], params: list[inspect.Parameter], doc: str) -> Any:
    """`run` with the signature typer reads options from."""

    def command(**kwargs: Any) -> None:
        run(**kwargs)

    command.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    command.__annotations__ = {p.name: p.annotation for p in params}
    command.__doc__ = doc
    return command


def _edit_command(word: str) -> None:
    kind = editing.kind_of(word)

    def run(
        record_id: str, why: str | None, based_on: int | None, db: str | None, **given: Any
    ) -> None:
        changes = _given(kind, given)
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

    key = inspect.Parameter.KEYWORD_ONLY
    params = [
        inspect.Parameter("record_id", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=IdArg),
        *_field_options(kind),
        inspect.Parameter("why", key, default=None, annotation=WhyOption),
        inspect.Parameter("based_on", key, default=None, annotation=BasedOnOption),
        inspect.Parameter("db", key, default=None, annotation=DbOption),
    ]
    edit_app.command(word)(_command(run, params, EDITED[word]))


def _add_command(word: str) -> None:
    kind = editing.kind_of(word)

    def run(id: str | None, format: str, db: str | None, **given: Any) -> None:
        fmt = check_format(format, TABLE_JSON)
        values = _given(kind, given)
        with opened(db) as (store, settings):
            try:
                record = editing.add(store, word, {**values, "id": id}, settings.actor, now())
            except editing.EditError as exc:
                raise CliError(str(exc)) from None
        if isinstance(record, Event):  # written all the same; said on stderr, as import says it
            for w in importing.deal_releases_without_deal([record]):
                err.print(f"warning: {w}", markup=False, highlight=False)
        if fmt == "json":
            out.print_json(json.dumps(editing.plain(record), ensure_ascii=False))
            return
        out.print(f"{word} {record.id}: added", markup=False, highlight=False)

    key = inspect.Parameter.KEYWORD_ONLY
    id_option = Annotated[
        str | None, typer.Option("--id", help="The new record's id (made from it when not given).")
    ]
    params = [
        inspect.Parameter("id", key, default=None, annotation=id_option),
        *_field_options(kind),
        inspect.Parameter("format", key, default="table", annotation=TableJsonFormat),
        inspect.Parameter("db", key, default=None, annotation=DbOption),
    ]
    add_app.command(word)(_command(run, params, ADDED[word]))


for _word in EDITED:
    _edit_command(_word)
for _word in ADDED:
    _add_command(_word)


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
            left = editing.void_leaves(store, kind, record_id)
            rev = editing.void(store, kind, record_id, settings.actor, now(), why, based_on)
        except editing.EditError as exc:
            raise CliError(str(exc)) from None
    out.print(f"{kind} {record_id}: void (revision {rev.seq})", markup=False, highlight=False)
    if left:
        out.print(
            "the timeline it leaves cannot be true yet (correct it, or restore "
            f"{kind} {record_id} --why ...):",
            markup=False,
            highlight=False,
        )
        for problem in left:
            out.print(f"  {problem}", markup=False, highlight=False)


@app.command("restore")
def restore(
    kind: KindArg,
    record_id: IdArg,
    why: WhyOption = None,
    based_on: BasedOnOption = None,
    db: DbOption = None,
) -> None:
    """Bring a void record back as it was before the void, under the rules of add and edit."""
    with opened(db) as (store, settings):
        try:
            rev = editing.restore(store, kind, record_id, settings.actor, now(), why, based_on)
        except editing.EditError as exc:
            raise CliError(str(exc)) from None
    out.print(f"{kind} {record_id}: restored (revision {rev.seq})", markup=False, highlight=False)


@app.command("history")
def history(
    kind: KindArg,
    record_id: IdArg,
    format: TableJsonFormat = "table",
    db: DbOption = None,
) -> None:
    """Every revision of a record, with who, when, why and the fields it changed."""
    fmt = check_format(format, TABLE_JSON)
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
