"""Commands on the record: init, import, person, stats, custody, deals, export, demo."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

import typer

from prisonwatch.cli import render
from prisonwatch.cli.common import (
    EXPORT_FORMATS,
    TABLE_JSON,
    TABLE_JSON_CSV,
    CliError,
    DbOption,
    ExportFormat,
    FormatOption,
    TableJsonFormat,
    app,
    check_format,
    day,
    err,
    now,
    opened,
    out,
)
from prisonwatch.core.custody import CustodyError
from prisonwatch.core.periods import Granularity
from prisonwatch.ingest import record_files
from prisonwatch.services import custody as custody_service
from prisonwatch.services import exporting, figures, importing, people, samples
from prisonwatch.services.public import Projection
from prisonwatch.services.public_deals import public_deals
from prisonwatch.storage.sql import SqlStore

OrgOption = Annotated[str | None, typer.Option(help="Count only this organisation's designations.")]
KnownOnOption = Annotated[str | None, typer.Option(help="Use only what was recorded by this day.")]


@app.command()
def init(db: DbOption = None) -> None:
    """Create the database, or bring its schema up to date."""
    with opened(db) as (store, settings):
        out.print(
            f"database ready: {store.url if '://' not in settings.db_url else settings.db_url}"
        )


@app.command("import")
def import_(
    files: Annotated[list[Path], typer.Argument(help="CSV, JSON or JSONL record files.")],
    kind: Annotated[
        str | None,
        typer.Option(
            help="persons, events, deals, observations or sources, when file names do not say."
        ),
    ] = None,
    update: Annotated[
        bool, typer.Option("--update", help="Record changed rows as revisions (needs --why).")
    ] = False,
    why: Annotated[str | None, typer.Option("--why", help="Why the rows changed.")] = None,
    check: Annotated[
        bool, typer.Option("--check", help="Show what would change; write nothing.")
    ] = False,
    db: DbOption = None,
) -> None:
    """Import record files, all together or not at all (see docs/import-formats.md)."""
    if kind is not None and kind not in ("persons", "events", "deals", "observations", "sources"):
        raise CliError(f"--kind: unknown kind {kind!r}")
    if update and not (why or "").strip():
        raise CliError("--update: say why the rows changed (--why TEXT)")
    if check:
        _check_import(files, kind, db, update)
        return
    with opened(db) as (store, settings):
        report = importing.import_files(
            store, files, settings.actor, now(), kind, why if update else None
        )
    if not report.ok:
        for p in report.problems:
            err.print(str(p), markup=False, highlight=False)
        raise CliError(f"import refused: {len(report.problems)} problem(s); nothing was written")
    assert report.result is not None
    added = ", ".join(f"{n} {k}" for k, n in report.result.added.items() if n) or "nothing new"
    revised = ", ".join(f"{n} {k}" for k, n in report.result.revised.items() if n)
    out.print(
        f"imported {added}; {report.result.unchanged} record(s) already present"
        + (" (sources included)" if report.result.unchanged else "")
        + (f"; revised {revised}" if revised else "")
    )
    _warn(report.warnings)


def _check_import(files: list[Path], kind: str | None, db: str | None, update: bool) -> None:
    with opened(db) as (store, _):
        plan, problems, warnings = importing.check_files(store, files, now(), kind)
    if problems:
        for problem in problems:
            err.print(str(problem), markup=False, highlight=False)
        raise CliError(f"import would be refused: {len(problems)} problem(s)")
    counts = {s: sum(1 for p in plan if p.status == s) for s in ("new", "changed", "unchanged")}
    for item in plan:
        if item.status == "unchanged":
            continue
        head = f"{item.status} {item.kind} {item.where} ({item.record_id})"
        out.print(head, markup=False, highlight=False)
        for f, (a, b) in item.fields.items():
            out.print(f"    {f}: {a!s} -> {b!s}", markup=False, highlight=False)
    out.print(", ".join(f"{n} {s}" for s, n in counts.items()) + "; nothing was written")
    if counts["changed"] and not update:
        out.print("changed records are imported only with --update --why TEXT (as revisions)")
    _warn(warnings)


def _warn(warnings: list[Any]) -> None:
    for w in warnings:
        err.print(f"warning: {w}", markup=False, highlight=False)


@app.command()
def person(
    name: Annotated[str, typer.Argument(help="Any spelling, in any script, or the person's id.")],
    format: TableJsonFormat = "table",
    db: DbOption = None,
) -> None:
    """Show the timeline of each matching person (at most 5), with the source of every event.

    `--format json` gives a list with one object per person.
    """
    fmt = check_format(format, TABLE_JSON)
    with opened(db) as (store, _):
        matches = people.find(store, name)
        if not matches:
            raise CliError(
                f"no person matches {name!r} (by id, part of a name, or a spelling the name "
                "matcher reads; `prisonwatch match` lists weaker candidates)",
                code=1,
            )
        views = [people.timeline(store, p, date.today()) for p in matches[:5]]
    if fmt == "json":
        out.print_json(data=views)
        return
    if len(matches) > 1:
        out.print(f"{len(matches)} persons match {name!r}; showing {len(views)}")
    for v in views:
        render.person_view(out, v)


@app.command()
def stats(
    on: Annotated[
        str | None, typer.Option(help="Day of the stock figure (default: today).")
    ] = None,
    from_: Annotated[str | None, typer.Option("--from", help="Series start day.")] = None,
    to: Annotated[str | None, typer.Option(help="Series end day.")] = None,
    by: Annotated[str, typer.Option(help="day, month or year.")] = "month",
    org: OrgOption = None,
    country: Annotated[str | None, typer.Option(help="ISO two-letter country code.")] = None,
    known_on: KnownOnOption = None,
    format: FormatOption = "table",
    db: DbOption = None,
) -> None:
    """Stock of political prisoners, flows, identity check and published figures."""
    fmt = check_format(format, TABLE_JSON_CSV)
    on_day = day(on, "--on") or date.today()
    start, end = day(from_, "--from"), day(to, "--to")
    if (start is None) != (end is None):
        raise CliError("--from and --to go together")
    if start and end and end < start:
        raise CliError("--to: before --from")
    if by not in Granularity.__members__.values():
        raise CliError(f"--by: unknown period {by!r} (expected day, month or year)")
    scope = figures.Scope(org, country, day(known_on, "--known-on"))
    with opened(db) as (store, _):
        _check_scope(store, scope)
        view = figures.View.load(store, scope)
        data = figures.stats(view, scope, on_day, start, end, Granularity(by))
        data["held_not_counted"] = figures.held_not_counted(view, on_day)
    if fmt == "json":
        out.print_json(data=data)
    elif fmt == "csv":
        sys.stdout.write(render.stats_csv(data))
    else:
        render.stats_table(out, data)


def _check_scope(store: SqlStore, scope: figures.Scope) -> None:
    try:
        figures.check_scope(scope, figures.known_names(store))
    except figures.ScopeError as exc:
        raise CliError(f"--{exc.field}: {exc}") from None


@app.command()
def custody(
    article: Annotated[
        str | None, typer.Option(help="Count persons sentenced under this article (342-1).")
    ] = None,
    on: Annotated[
        str | None, typer.Option(help="Day the 12 months start (default: today).")
    ] = None,
    known_on: KnownOnOption = None,
    include_protected: Annotated[
        bool,
        typer.Option(
            help="Count protected persons by article and term end too (analysts'); never publish."
        ),
    ] = False,
    format: TableJsonFormat = "table",
    db: DbOption = None,
) -> None:
    """Terms ending in the next 12 months, and persons sentenced under each article (counts).

    Public-safe unless --include-protected: protected persons are counted in one undivided
    row, never by article or term end."""
    fmt = check_format(format, TABLE_JSON)
    on_day = day(on, "--on") or date.today()
    known = day(known_on, "--known-on")
    with opened(db) as (store, _):
        try:
            if include_protected:
                data = custody_service.figures(store, on_day, article, known_on=known)
            else:
                proj = Projection.build(store)
                # live: month-precise persons' records as known at the end of last month
                data = custody_service.public_figures(
                    store, proj, on_day, article, known_on=known, live_day=date.today()
                )
        except CustodyError as exc:
            raise CliError(f"--article: {exc}") from None
    if fmt == "json":
        out.print_json(data=data)
    else:
        render.custody_table(out, data)


@app.command()
def deals(
    org: OrgOption = None,
    country: Annotated[str | None, typer.Option(help="ISO two-letter country code.")] = None,
    known_on: KnownOnOption = None,
    include_protected: Annotated[
        bool,
        typer.Option(
            help="Name protected persons and show every text and source (analysts'); never publish."
        ),
    ] = False,
    format: FormatOption = "table",
    db: DbOption = None,
) -> None:
    """Deals: what each released, what it cost, and how soon the places were refilled.

    Public-safe unless --include-protected: built from the public projection, as the web
    app's deals (persons named only when public, texts only when they name nobody protected)."""
    fmt = check_format(format, TABLE_JSON_CSV)
    scope = figures.Scope(org, country, day(known_on, "--known-on"))
    with opened(db) as (store, _):
        _check_scope(store, scope)
        if include_protected:
            rows = figures.deals(figures.View.load(store, scope), scope, lambda p: True)
        else:  # counts_only persons' dates at month precision, as on the web
            proj = Projection.build(store)
            # live: month-precise persons' records as known at the end of last month
            view = figures.View.load(store, scope, proj.month_precise, date.today())
            rows = public_deals(view, scope, proj)
    if fmt == "json":
        out.print_json(data=rows)
    elif fmt == "csv":
        sys.stdout.write(render.deals_csv(rows))
    else:
        render.deals_table(out, rows)


@app.command()
def export(
    format: ExportFormat = "json",
    kind: Annotated[str, typer.Option(help="For CSV on stdout: which records.")] = "events",
    out_dir: Annotated[
        Path | None, typer.Option("--out", help="Write one CSV file per kind here.")
    ] = None,
    include_protected: Annotated[
        bool, typer.Option(help="Full backup with protected names; never publish it.")
    ] = False,
    db: DbOption = None,
) -> None:
    """Export records in the import formats, or as FollowTheMoney entities.

    Public-safe unless --include-protected."""
    fmt = check_format(format, EXPORT_FORMATS)
    if fmt == "ftm":
        from prisonwatch.services import ftm_export

        with opened(db) as (store, _):
            lines = ftm_export.to_jsonl(store, include_protected)
            if out_dir is None:
                sys.stdout.writelines(lines)
                return
            if not include_protected:
                _refuse_beside_backup(out_dir, {FTM_FILE})
            try:
                _make_dir(out_dir, include_protected)
                _write(out_dir / FTM_FILE, lines, include_protected)
            except OSError as exc:
                raise CliError(f"{out_dir}: {exc.strerror or exc}", code=1) from None
        out.print(f"wrote entities.ftm.json to {out_dir}")
        return
    if kind not in exporting.BACKUP_COLUMNS and kind not in exporting.JSONL_KINDS:
        raise CliError(f"--kind: unknown kind {kind!r}")
    with opened(db) as (store, _):
        data = exporting.export_records(store, include_protected)
    if fmt == "json":
        sys.stdout.write(render.as_json(data) + "\n")
    elif out_dir is not None:
        files = {
            name: text
            for k, rows in data.items()
            for name, text in _files_of(k, rows, include_protected)
        }
        if include_protected:
            _no_stale_parts(out_dir, set(files))
        else:
            _refuse_beside_backup(out_dir, set(files))
        try:
            _make_dir(out_dir, include_protected)
            for name, text in files.items():
                _write(out_dir / name, [text], include_protected)
        except OSError as exc:
            raise CliError(f"{out_dir}: {exc.strerror or exc}", code=1) from None
        out.print(f"wrote {', '.join(files)} to {out_dir}")
    elif kind not in data:
        raise CliError(f"--kind {kind}: only in the full backup (--include-protected)")
    else:
        sys.stdout.write(_csv_or_lines(data[kind], kind, include_protected))


def _files_of(kind: str, rows: list[dict[str, Any]], backup: bool) -> list[tuple[str, str]]:
    """A kind's files in an export folder: one CSV, and a backup's sources in JSON Lines (an
    ingested article's text spans lines, which a CSV value may not). A backup's files are
    split, `events.csv`, `events-2.csv`, ..., `sources.jsonl`, `sources-2.jsonl`, ..., so that
    no file is larger than `import` reads (`MAX_FILE_BYTES`): a backup that cannot be read
    back is no backup. A public export is one file a kind, as it always was."""
    if not backup:
        return [(f"{kind}.csv", _csv_or_lines(rows, kind, backup))]
    limit = record_files.MAX_FILE_BYTES  # read at call time: tests lower it
    if kind in exporting.JSONL_KINDS:
        parts, ext = exporting.jsonl_parts(rows, limit), "jsonl"
    else:
        rows, lines = exporting.split_multiline(rows)
        parts, ext = exporting.csv_parts(rows, kind, limit, backup), "csv"
        if lines:  # rows whose notes span lines, which a CSV value may not: JSON Lines
            more = exporting.jsonl_parts(lines, limit)
            return _named(kind, parts, ext) + _named(f"{kind}-lines", more, "jsonl")
    return _named(kind, parts, ext)


def _named(stem: str, parts: list[str], ext: str) -> list[tuple[str, str]]:
    """A backup kind's parts as files: `events.csv`, `events-2.csv`, ..."""
    return [(f"{stem}-{i}.{ext}" if i > 1 else f"{stem}.{ext}", t) for i, t in enumerate(parts, 1)]


_PART = re.compile(
    r"^(?:"
    + "|".join([*exporting.BACKUP_COLUMNS, *exporting.JSONL_KINDS])
    + r")-(?:[0-9]+|lines(?:-[0-9]+)?)\.(?:csv|jsonl)$"
)


def _no_stale_parts(out_dir: Path, written: set[str]) -> None:
    """Refuse a backup into a folder holding a part of an earlier, larger backup that this one
    does not write (`events-3.csv`): restoring `DIR/*` would read it too."""
    try:
        found = list(out_dir.iterdir()) if out_dir.is_dir() else []
        stale = sorted(p.name for p in found if _PART.match(p.name))
    except OSError as exc:
        raise CliError(f"{out_dir}: {exc.strerror or exc}", code=1) from None
    left = [n for n in stale if n not in written]
    if left:
        raise CliError(
            f"{out_dir}: holds {', '.join(left)} of an earlier backup, which this one would not "
            "replace (a restore of every file would read it too): back up into an empty folder"
        )


def _csv_or_lines(rows: list[dict[str, Any]], kind: str, backup: bool) -> str:
    if backup and kind in exporting.JSONL_KINDS:
        return exporting.to_jsonl(rows)
    return exporting.to_csv(rows, kind, backup)


PRIVATE_FILE = 0o600
"""A backup's files: its owner reads and writes them, nobody else (`--include-protected`)."""
PRIVATE_DIR = 0o700


FTM_FILE = "entities.ftm.json"
_BACKUP_NAMES = re.compile(
    r"(persons|events|deals|observations|public_ids)\.csv|sources(-\d+)?\.jsonl"
    + "|"
    + re.escape(FTM_FILE)
)
"""Names of the files a full backup writes (`--include-protected`, CSV folder or
FollowTheMoney): a file so named in a folder may hold protected names."""


def _refuse_beside_backup(path: Path, writes: set[str]) -> None:
    """Refuse a public export into a folder holding a file a full backup writes that this
    export will not replace: published together, the public files would carry the backup
    beside them (`public_ids.csv` maps every pseudonym to the protected person's real id)."""
    if not path.is_dir():
        return
    for f in sorted(path.iterdir()):
        if f.name not in writes and _BACKUP_NAMES.fullmatch(f.name):
            raise CliError(
                f"{f}: this folder may hold a full backup (--include-protected, with protected "
                "names), and a public export does not replace this file; published together "
                "they would publish it. Write the public export to another folder, or move "
                "the backup's files away. Nothing was written."
            )


def _make_dir(path: Path, private: bool) -> None:
    """The export's folder; one made for a backup is its owner's alone."""
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR if private else 0o777)


def _write(path: Path, parts: Iterable[str], private: bool) -> None:
    """One file of an export. A backup holds protected names, so its file is readable by its
    owner only (`PRIVATE_FILE`) whatever the umask, and also when it replaces an older file that
    others could read; a public export's files are made as any other file."""
    if not private:
        with path.open("w", encoding="utf-8") as fh:
            fh.writelines(parts)
        return
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE)
    os.fchmod(fd, PRIVATE_FILE)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.writelines(parts)


SAMPLE_FILES = (
    "sources.csv",
    "registry_sources.csv",
    "persons.csv",
    "registry_persons.csv",
    "deals.csv",
    "events.csv",
    "registry_events.csv",
    "observations.csv",
)


def load_sample(store: SqlStore, actor: str) -> importing.ImportReport:
    folder = resources.files("prisonwatch") / "sample_data"
    with resources.as_file(folder) as path:
        return importing.import_files(store, [path / f for f in SAMPLE_FILES], actor, now())


@app.command()
def demo(
    db: Annotated[str, typer.Option("--db", help="Demo database file.")] = "demo.db",
    serve: Annotated[bool, typer.Option(help="Serve the web app afterwards.")] = True,
    host: Annotated[str, typer.Option(help="Address to serve on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to serve on.")] = 8000,
) -> None:
    """Load the sample data into a local database, show its figures, serve the web app on it.

    The sample data: Belarus 2024–2025 (docs/sample-data.md)."""
    with opened(db) as (store, settings):
        report = load_sample(store, "demo")
        if not report.ok:
            for p in report.problems:
                err.print(str(p), markup=False)
            raise CliError("sample data could not be loaded", code=1)
        samples.record_sample_demands(store, "demo", now())
        scope = figures.Scope()
        view = figures.View.load(store, scope)
        data = figures.stats(view, scope, date(2025, 12, 31), date(2024, 1, 1), date(2025, 12, 31))
        rows = figures.deals(view, scope)
    out.print(f"demo database: {settings.db_url}")
    render.stats_table(out, data)
    render.deals_table(out, rows)
    out.print("Try: prisonwatch --help; prisonwatch person Statkevich --db demo.db")
    if serve:
        from prisonwatch.cli.web_cmds import serve_app

        serve_app(settings.db_url, host, port)


@app.command()
def tally(
    metric: Annotated[
        str, typer.Option(help="detained, released, designated or returned_to_custody.")
    ] = "detained",
    by: Annotated[str, typer.Option(help="day, month or year.")] = "month",
    from_: Annotated[
        str | None, typer.Option("--from", help="First day (default: earliest).")
    ] = None,
    to: Annotated[str | None, typer.Option(help="Last day (default: latest figure).")] = None,
    org: Annotated[str | None, typer.Option(help="Only figures published by this body.")] = None,
    country: Annotated[str | None, typer.Option(help="ISO two-letter country code.")] = None,
    known_on: KnownOnOption = None,
    format: FormatOption = "table",
    db: DbOption = None,
) -> None:
    """Published figures of one metric (detentions per protest, say) summed by period.

    Each place and event is counted once, disagreeing reports of one event as bounds."""
    from prisonwatch.core.bitemporal import known_by
    from prisonwatch.core.observations import published_tally
    from prisonwatch.core.periods import periods_between
    from prisonwatch.core.vocabulary import ObservationMetric

    fmt = check_format(format, TABLE_JSON_CSV)
    try:
        wanted = ObservationMetric(metric)
    except ValueError:
        known = ", ".join(m.value for m in ObservationMetric)
        raise CliError(f"--metric: unknown metric {metric!r} (known: {known})") from None
    if by not in Granularity.__members__.values():
        raise CliError(f"--by: unknown period {by!r} (expected day, month or year)")
    start, end = day(from_, "--from"), day(to, "--to")
    with opened(db) as (store, _):
        obs = [
            o
            for o in known_by(store.observations(), day(known_on, "--known-on"))
            if o.metric is wanted
        ]
    if not obs:
        raise CliError(f"no published {wanted.value} figures recorded", code=1)
    start = start or min(o.period.earliest for o in obs)
    end = end or max(o.period.latest for o in obs)
    if end < start:
        raise CliError("--to: before --from")
    rows: list[dict[str, Any]] = [
        {"period": t.period.label, "low": t.total.low, "high": t.total.high, "figures": t.figures}
        for t in published_tally(
            obs, wanted, periods_between(start, end, Granularity(by)), org, country
        )
    ]
    if fmt == "json":
        out.print_json(data=rows)
    elif fmt == "csv":
        sys.stdout.write("period,low,high,figures\n")
        sys.stdout.writelines(
            f"{r['period']},{r['low']},{r['high']},{r['figures']}\n" for r in rows
        )
    else:
        from rich.table import Table

        table = Table("period", wanted.value, "figures")
        for r in rows:
            total = str(r["low"]) if r["low"] == r["high"] else f"{r['low']}–{r['high']}"
            table.add_row(r["period"], total, str(r["figures"]))
        out.print(table)
