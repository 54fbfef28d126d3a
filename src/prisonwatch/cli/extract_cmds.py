"""Commands on articles: extract (no database) and ingest (into review)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from prisonwatch.cli import render
from prisonwatch.cli.common import (
    JSON_ONLY,
    CliError,
    JsonFormat,
    app,
    check_format,
    day,
    err,
)


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Articles: .txt, .html, .jsonl, or folders.")],
    format: JsonFormat = "json",
    date_: Annotated[
        str | None, typer.Option("--date", help="Publication day for files without a date line.")
    ] = None,
    gazetteer: Annotated[
        Path | None, typer.Option(help="Extra gazetteer JSON, read before the built-in one.")
    ] = None,
) -> None:
    """Read news articles and print the claims, events, quotes and entities they contain.

    Needs no database. Bad files, lines and articles are reported one line each on stderr as
    `file[:line]: field: reason` (exit status 2 at the end); every good one is still processed
    and printed.
    """
    check_format(format, JSON_ONLY)
    from prisonwatch.services import extracting

    default_date = day(date_, "--date")
    try:
        gaz = extracting.load_gazetteer(gazetteer)
    except extracting.ExtractSetupError as exc:
        raise CliError(str(exc), code=1) from None
    documents, problems = extracting.read_all(paths, default_date)
    try:
        done = extracting.extract(documents, gaz)
    except extracting.ExtractSetupError as exc:
        raise CliError(str(exc), code=1) from None
    results = [extracting.to_json(x) for x in done.outputs]
    problems = problems + done.problems
    data: object = (
        results[0] if len(results) == 1 and len(paths) == 1 and not paths[0].is_dir() else results
    )
    sys.stdout.write(render.as_json(data) + "\n")
    for p in problems:
        err.print(str(p), markup=False, highlight=False)
    if problems:
        raise CliError(f"{len(problems)} file(s) or article(s) could not be read; the rest were")
