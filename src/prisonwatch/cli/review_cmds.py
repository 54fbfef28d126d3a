"""Commands of the review loop: ingest, review, match, judge, merge, names, conflicts."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from prisonwatch.cli import render
from prisonwatch.cli.common import (
    TABLE_JSON,
    CliError,
    DbOption,
    TableJsonFormat,
    app,
    check_format,
    day,
    err,
    now,
    opened,
    out,
)
from prisonwatch.services import conflicts as conflict_service
from prisonwatch.services import extracting, ingesting, matching, public, reviewing
from prisonwatch.services.recording import Recorded

review_app = typer.Typer(help="Accept, reject or edit suggested claims.", no_args_is_help=True)
names_app = typer.Typer(help="Names waiting for a decision.", invoke_without_command=True)
conflicts_app = typer.Typer(help="Where sources disagree.", invoke_without_command=True)
app.add_typer(review_app, name="review")
app.add_typer(names_app, name="names")
app.add_typer(conflicts_app, name="conflicts")


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Articles (.txt, .html, .jsonl) or folders.")],
    date_: Annotated[
        str | None, typer.Option("--date", help="Publication day of files without a date line.")
    ] = None,
    db: DbOption = None,
) -> None:
    """Store articles as sources and what they claim as suggestions for review (idempotent).

    Each article is stored in its own transaction. A file or line that cannot be read, or an
    article the extractor or the ledger refuses, is reported on its own line on stderr and the
    rest are still ingested (exit status 2 at the end).
    """
    documents, problems = extracting.read_all(paths, day(date_, "--date"))
    try:
        done = extracting.extract(documents, extracting.load_gazetteer(None))
    except extracting.ExtractSetupError as exc:
        raise CliError(str(exc), code=1) from None
    problems += done.problems
    with opened(db) as (store, settings):
        report = ingesting.ingest(store, done.documents, done.outputs, settings.actor, now())
    problems += report.problems
    stored = len(done.documents) - report.refused
    out.print(
        f"ingested {stored} article(s): {report.sources_added} new source(s), "
        f"{report.claims_added} new suggestion(s), {report.superseded} superseded"
    )
    for p in problems:
        err.print(f"skipped {p}", markup=False, highlight=False)
    if problems:
        raise CliError(f"{len(problems)} article(s) or file(s) skipped; the rest were ingested")


_claim_row = reviewing.claim_dict


@review_app.command("list")
def review_list(
    source: Annotated[str | None, typer.Option(help="Only this source id.")] = None,
    action: Annotated[str | None, typer.Option(help="Only this action.")] = None,
    status: Annotated[
        str, typer.Option(help="suggested, accepted, rejected or all.")
    ] = "suggested",
    min_confidence: Annotated[
        float, typer.Option(help="Only claims the extractor gives at least this (0 to 1).")
    ] = 0.0,
    format: TableJsonFormat = "table",
    db: DbOption = None,
) -> None:
    """List suggestions with their evidence, the most confident first."""
    fmt = check_format(format, TABLE_JSON)
    if status not in ("suggested", "accepted", "rejected", "all"):
        raise CliError(f"--status: unknown status {status!r}")
    try:
        reviewing.check_confidence(min_confidence)
    except reviewing.ReviewError as exc:
        raise CliError(str(exc)) from None
    with opened(db) as (store, _):
        rows = [
            _claim_row(c)
            for c in reviewing.suggestions(
                store, source, action, None if status == "all" else status, min_confidence
            )
        ]
    if fmt == "json":
        out.print_json(data=rows)
        return
    out.print(claims_table(rows))


EVIDENCE_SHOWN = 120
"""Characters of a claim's evidence sentence the review list shows (`review show`: all)."""


def claims_table(rows: list[dict[str, Any]]) -> Table:
    """The review queue as a table: what each claim says, of whom (the persons it names, whose
    events accepting it records), and the start of its evidence, marked when cut."""
    t = Table(title=f"{len(rows)} claim(s)")
    for col in (
        "id",
        "confidence",
        "action",
        "count",
        "population",
        "persons",
        "when",
        "agent",
        "source",
        "status",
        "evidence",
    ):
        t.add_column(col, overflow="fold")
    for r in rows:
        evidence = r["evidence"]
        if len(evidence) > EVIDENCE_SHOWN:
            evidence = evidence[: EVIDENCE_SHOWN - 1].rstrip() + "…"
        t.add_row(
            r["id"],
            f"{r['confidence']:.2f}",
            r["action"],
            f"{r['qualifier']} {r['count']}",
            r["population"],
            Text("; ".join(r["persons"])),
            r["when"] or "",
            r["agent"] or "",
            r["source"] or "",
            r["status"],
            Text("".join(f"[{f}] " for f in r["flags"]) + evidence),
        )
    return t


def _report(done: Recorded) -> None:
    out.print(
        f"recorded {done.observations} figure(s), {done.events} event(s), "
        f"{done.persons_created} new person(s), {len(done.deals)} new deal(s)"
    )
    for name in done.queued:
        out.print(f"waiting for a decision: {name!r} (see `prisonwatch names`)")
    for did in done.demands:
        out.print(f"recorded demand {did} (see `prisonwatch demand show {did}`)")
    for learned in done.aliases:
        out.print(f"new spelling kept as an alias: {learned}", markup=False)
    for note in done.notes:
        out.print(note)


@review_app.command("accept")
def review_accept(
    ids: Annotated[list[str], typer.Argument(help="Suggestion ids.")],
    db: DbOption = None,
) -> None:
    """Accept suggestions: they become figures, events on persons, and deals."""
    with opened(db) as (store, settings):
        try:
            done = reviewing.accept(store, ids, settings.actor, now())
        except reviewing.ReviewError as exc:
            raise CliError(str(exc)) from None
    _report(done)


@review_app.command("show")
def review_show(
    claim_id: Annotated[str, typer.Argument(help="Suggestion id.")],
    format: TableJsonFormat = "table",
    db: DbOption = None,
) -> None:
    """What accepting a suggestion would create or change (a dry run: nothing is written)."""
    fmt = check_format(format, TABLE_JSON)
    with opened(db) as (store, settings):
        try:
            plan = reviewing.show(store, claim_id, settings.actor, now())
        except reviewing.ReviewError as exc:
            raise CliError(str(exc)) from None
    data = {
        "claim": plan.claim_id,
        "status": plan.status,
        "persons_matched": plan.matched,
        "persons_created": plan.created,
        "names_queued": plan.queued,
        "events": plan.events,
        "figures": plan.figures,
        "deals_created": plan.deals_created,
        "deals_changed": plan.deals_changed,
        "aliases_learned": plan.aliases,
    }
    if fmt == "json":
        out.print_json(data=data)
        return
    out.print(f"accepting {plan.claim_id} ({plan.status}) would record:", markup=False)
    for key, items in data.items():
        if not isinstance(items, list):
            continue
        out.print(f"  {key.replace('_', ' ')}: {len(items)}", markup=False)
        for item in items:
            out.print(f"    {item}", markup=False, highlight=False)


@review_app.command("undo")
def review_undo(
    claim_id: Annotated[str, typer.Argument(help="An accepted claim's id.")],
    why: Annotated[str | None, typer.Option("--why", help="Why the acceptance is undone.")] = None,
    db: DbOption = None,
) -> None:
    """Revert every effect of an acceptance as revisions; the suggestion returns to the queue."""
    with opened(db) as (store, settings):
        try:
            done = reviewing.undo(store, claim_id, settings.actor, now(), why)
        except reviewing.ReviewError as exc:
            raise CliError(str(exc)) from None
    out.print(
        f"undone: {done.figures} figure(s), {done.events} event(s), {done.persons} person(s) "
        f"voided; {done.deals_restored} deal(s) restored, {done.deals_voided} voided; "
        f"{done.names_dropped} queued name(s) withdrawn; {done.aliases} learned spelling(s) "
        f"withdrawn; {claim_id} is a suggestion again",
        markup=False,
    )


@review_app.command("reject")
def review_reject(
    ids: Annotated[list[str], typer.Argument(help="Suggestion ids.")],
    why: Annotated[str | None, typer.Option(help="The reason, kept with the decision.")] = None,
    db: DbOption = None,
) -> None:
    """Reject suggestions."""
    with opened(db) as (store, settings):
        try:
            reviewing.reject(store, ids, settings.actor, now(), why)
        except reviewing.ReviewError as exc:
            raise CliError(str(exc)) from None
    out.print(f"rejected {len(ids)}")


@review_app.command("edit")
def review_edit(
    claim_id: Annotated[str, typer.Argument(help="Suggestion id.")],
    count: Annotated[int | None, typer.Option(help="Number of people.")] = None,
    qualifier: Annotated[str | None, typer.Option(help="exact, about, at_least, ...")] = None,
    population: Annotated[str | None, typer.Option(help="political_prisoners, people, ...")] = None,
    when: Annotated[
        str | None, typer.Option(help="A date or range, e.g. 2025-09/2025-12-12.")
    ] = None,
    persons: Annotated[str | None, typer.Option(help="Named persons, |-separated.")] = None,
    agent: Annotated[str | None, typer.Option(help="Who did it.")] = None,
    source: Annotated[str | None, typer.Option(help="Who the figure is attributed to.")] = None,
    action: Annotated[str | None, typer.Option(help="released, held, designated, ...")] = None,
    db: DbOption = None,
) -> None:
    """Correct a suggestion before accepting it (the audit log keeps the original)."""
    changes = {
        k: v
        for k, v in {
            "count": count,
            "qualifier": qualifier,
            "population": population,
            "when": when,
            "persons": persons,
            "agent": agent,
            "source": source,
            "action": action,
        }.items()
        if v is not None
    }
    if not changes:
        raise CliError("nothing to change: give at least one option")
    with opened(db) as (store, settings):
        try:
            edited = reviewing.edit(store, claim_id, changes, settings.actor, now())
        except reviewing.ReviewError as exc:
            raise CliError(str(exc)) from None
    out.print_json(data=_claim_row(edited))


@review_app.command("accept-source")
def review_accept_source(
    source_id: Annotated[str, typer.Argument(help="Source id (sha256:...).")],
    min_confidence: Annotated[float, typer.Option(help="Accept only at or above this.")] = 0.0,
    db: DbOption = None,
) -> None:
    """The explicit batch rule: accept every open suggestion of one source above a threshold."""
    with opened(db) as (store, settings):
        try:
            ids, done = reviewing.accept_source(
                store, source_id, min_confidence, settings.actor, now()
            )
        except reviewing.ReviewError as exc:
            raise CliError(str(exc)) from None
    out.print(f"accepted {len(ids)} suggestion(s)")
    _report(done)


@review_app.command("clear")
def review_clear(
    kind: Annotated[str, typer.Argument(help="excerpt, title or address.")],
    target: Annotated[str, typer.Argument(help="A claim id (excerpt) or a source id.")],
    note: Annotated[str | None, typer.Option(help="Why it may be shown.")] = None,
    despite_protected_name: Annotated[
        bool,
        typer.Option(
            "--despite-protected-name",
            help="Clear it although the name check says it may name a protected person.",
        ),
    ] = False,
    db: DbOption = None,
) -> None:
    """Clear a claim's excerpt, or a source's title or address, for the public. A text that may
    name a protected person is refused unless confirmed with --despite-protected-name."""
    with opened(db) as (store, settings):
        try:
            done = public.clear(
                store, kind, target, settings.actor, now(), note, despite_protected_name
            )
        except public.ClearanceError as exc:
            raise CliError(str(exc)) from None
    out.print(f"cleared {done.kind} of {done.target_id} (by {done.cleared_by})")


@app.command("match")
def match_(
    name: Annotated[str, typer.Argument(help="A name in any script or spelling.")],
    limit: Annotated[int, typer.Option(help="How many candidates.")] = 5,
    format: TableJsonFormat = "table",
    db: DbOption = None,
) -> None:
    """Registry persons a name may be, best first, with a score from 0 to 1 and why."""
    fmt = check_format(format, TABLE_JSON)
    with opened(db) as (store, _):
        result = matching.match(store, name, limit)
    rows = matching.as_dicts(result.candidates)
    if fmt == "json":
        out.print_json(data=rows)
        return
    t = Table(title=f"Candidates for {name!r}")
    for col in ("person_id", "name", "score", "why"):
        t.add_column(col)
    for r in rows:
        t.add_row(r["person_id"], r["name"], f"{r['score']:.3f}", "; ".join(r["why"]))
    out.print(t)
    if result.accepted:
        out.print(f"sure enough to accept without asking: {result.accepted.name}")


@app.command()
def judge(
    name: Annotated[str, typer.Argument(help="The name as written.")],
    person_id: Annotated[str, typer.Argument(help="The registry person.")],
    verdict: Annotated[str, typer.Argument(help="same, not_same or unsure.")],
    note: Annotated[str | None, typer.Option(help="Why.")] = None,
    db: DbOption = None,
) -> None:
    """Record whether a written name is a person; later matching honours it."""
    with opened(db) as (store, settings):
        try:
            matching.judge(store, name, person_id, verdict, settings.actor, now(), note)
        except matching.DecisionError as exc:
            raise CliError(str(exc)) from None
    out.print(f"recorded: {name!r} is {verdict} {person_id}")


@app.command()
def merge(
    keep: Annotated[str, typer.Argument(help="The person id that stays.")],
    gone: Annotated[str, typer.Argument(help="The person id joined into it.")],
    why: Annotated[
        str | None, typer.Option(help="Why they are one person (default: 'merged into KEEP').")
    ] = None,
    db: DbOption = None,
) -> None:
    """Join two records of one person, keeping both histories; the old id keeps resolving.

    From then on figures, custody, deals and exports count them as one person: GONE's
    events join KEEP's timeline (a fact both records tell counts once). Where the two
    timelines disagree is listed, to settle with `edit event` or `void`.
    `prisonwatch unmerge GONE --why ...` undoes a wrong merge."""
    with opened(db) as (store, settings):
        try:
            found = matching.merge(store, keep, gone, settings.actor, now(), why)
        except matching.DecisionError as exc:
            raise CliError(str(exc)) from None
    out.print(f"merged {gone} into {keep} (undo: prisonwatch unmerge {gone} --why ...)")
    if found:
        err.print(
            f"the two timelines disagree ({len(found)}); settle with `prisonwatch edit event` "
            "or `prisonwatch void`:",
            markup=False,
            highlight=False,
        )
    for line in found:
        err.print(f"  {line}", markup=False, highlight=False)


@app.command()
def unmerge(
    gone: Annotated[str, typer.Argument(help="The person id that was merged into another.")],
    why: Annotated[str, typer.Option(help="Why the merge was wrong.")],
    db: DbOption = None,
) -> None:
    """Undo a wrong merge: the person stands alone again; both histories stay."""
    with opened(db) as (store, settings):
        try:
            keep = matching.unmerge(store, gone, settings.actor, now(), why)
        except matching.DecisionError as exc:
            raise CliError(str(exc)) from None
    out.print(f"{gone} is no longer merged into {keep}")


@names_app.callback()
def names_list(
    ctx: typer.Context,
    format: TableJsonFormat = "table",
    db: DbOption = None,
) -> None:
    """List names from accepted claims that wait for a decision."""
    if ctx.invoked_subcommand is not None:
        return
    fmt = check_format(format, TABLE_JSON)
    with opened(db) as (store, _):
        rows: list[dict[str, Any]] = [
            {"id": q.id, "claim_id": q.claim_id, "name": q.name, "candidates": q.candidates}
            for q in store.queued_names()
        ]
    if fmt == "json":
        out.print_json(data=rows)
        return
    for r in rows:
        cands = ", ".join(f"{c['name']} ({c['person_id']}, {c['score']})" for c in r["candidates"])
        out.print(f"{r['id']}: {r['name']!r} — {cands}")


@names_app.command("resolve")
def names_resolve(
    queue_id: Annotated[int, typer.Argument(help="The queued name's number.")],
    person_id: Annotated[str | None, typer.Argument(help="The person it is.")] = None,
    new: Annotated[
        bool, typer.Option(help="It is nobody in the registry: create a person.")
    ] = False,
    db: DbOption = None,
) -> None:
    """Decide who a queued name is; its claim's events are then recorded."""
    if (person_id is None) == (not new):
        raise CliError("give a PERSON_ID or --new, not both and not neither")
    with opened(db) as (store, settings):
        try:
            done = reviewing.resolve_name(store, queue_id, person_id, settings.actor, now())
        except (reviewing.ReviewError, matching.DecisionError) as exc:
            raise CliError(str(exc)) from None
    _report(done)


@conflicts_app.callback()
def conflicts_list(
    ctx: typer.Context,
    format: TableJsonFormat = "table",
    db: DbOption = None,
) -> None:
    """List where sources disagree, with every value and its sources."""
    if ctx.invoked_subcommand is not None:
        return
    fmt = check_format(format, TABLE_JSON)
    with opened(db) as (store, _):
        found = conflict_service.find(store)
    data = [{"key": c.key, "what": c.what, "options": c.options, "chosen": c.chosen} for c in found]
    if fmt == "json":
        out.print_json(data=data)
        return
    render.conflicts(out, data)


@conflicts_app.command("choose")
def conflicts_choose(
    key: Annotated[str, typer.Argument(help="The conflict's key.")],
    chosen: Annotated[str, typer.Argument(help="The id of the value chosen.")],
    why: Annotated[str, typer.Option(help="Why this value (required).")] = "",
    db: DbOption = None,
) -> None:
    """Choose one of disagreeing values, recording who chose and why."""
    with opened(db) as (store, settings):
        try:
            conflict_service.choose(store, key, chosen, settings.actor, now(), why)
        except conflict_service.ConflictError as exc:
            raise CliError(str(exc)) from None
    out.print(f"chose {chosen} for {key}")
