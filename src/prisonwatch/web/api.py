"""The JSON API under /api/v1 (shapes in the manner of datasette: `?_shape=`, `.csv`)."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import Response

from prisonwatch.core.custody import CustodyError
from prisonwatch.services import custody as custody_service
from prisonwatch.services import figures, reviewing
from prisonwatch.web import present
from prisonwatch.web.context import Ledger, Viewer, now
from prisonwatch.web.deps import (
    check_csrf,
    day_param,
    granularity,
    ledger,
    person_filters,
    require_analyst,
    scope,
    viewer,
)
from prisonwatch.web.openapi_params import ERRORS, PAGING, SCOPE, query
from prisonwatch.web.responses import (
    BadParameterError,
    csv_response,
    json_body,
    json_response,
    json_text_response,
    next_token,
    paginate,
    window,
)

SERIES_FROM = date(1900, 1, 1)
"""The earliest day a series may start on (the ledger's periods step back a day from it)."""

router = APIRouter(prefix="/api/v1", responses=ERRORS)


def _listing(
    request: Request, lg: Ledger, v: Viewer, rows: list[dict[str, Any]], name: str, fmt: str | None
) -> Response:
    if fmt == "csv":
        return csv_response(lg, v, rows, name)
    if fmt not in (None, "json"):
        raise BadParameterError("format", f"expected json or csv, not {fmt!r}")
    shape = request.query_params.get("_shape", "objects")
    if shape not in ("objects", "array"):
        raise BadParameterError("_shape", f"expected objects or array, not {shape!r}")
    page, nxt = paginate(rows, request)
    data: Any = page if shape == "array" else {"rows": page, "count": len(rows), "next": nxt}
    return json_response(lg, v, data)


def _ext(name: str) -> tuple[str, str | None]:
    return (name[:-4], "csv") if name.endswith(".csv") else (name, None)


@router.get(
    "/persons",
    summary="Search persons by any spelling or script",
    openapi_extra=query("q", "status", "region", "gender", "org", *PAGING),
)
@router.get("/persons.csv", include_in_schema=False)
def persons(
    request: Request, lg: Ledger = Depends(ledger), v: Viewer = Depends(viewer)
) -> Response:
    qp = request.query_params
    fmt = _ext(request.url.path)[1]
    args = person_filters(request)
    if fmt == "csv":
        rows, _ = present.persons(lg, v, *args)
        return csv_response(lg, v, rows, "persons")
    start, size = window(request)
    rows, total = present.persons(lg, v, *args, window=(start, size))
    shape = qp.get("_shape", "objects")
    if shape not in ("objects", "array"):
        raise BadParameterError("_shape", f"expected objects or array, not {shape!r}")
    if shape == "array":
        return json_response(lg, v, rows)
    return json_response(
        lg, v, {"rows": rows, "count": total, "next": next_token(start, size, total)}
    )


@router.get("/persons/{person_id}", summary="One person with events and their sources")
def person(person_id: str, lg: Ledger = Depends(ledger), v: Viewer = Depends(viewer)) -> Response:
    try:
        return json_response(lg, v, present.person(lg, v, person_id))
    except present.NotFoundError:
        raise HTTPException(404, "no such person") from None


@router.get("/events", summary="Events in force", openapi_extra=query(*PAGING))
@router.get("/events.csv", include_in_schema=False)
def events(request: Request, lg: Ledger = Depends(ledger), v: Viewer = Depends(viewer)) -> Response:
    return _listing(request, lg, v, present.events(lg, v), "events", _ext(request.url.path)[1])


@router.get("/deals", summary="Deals with their accounting", openapi_extra=query(*SCOPE, *PAGING))
@router.get("/deals.csv", include_in_schema=False)
def deals(request: Request, lg: Ledger = Depends(ledger), v: Viewer = Depends(viewer)) -> Response:
    rows = present.deals(lg, v, scope(request))
    fmt = _ext(request.url.path)[1]
    if fmt == "csv":
        rows = [figures.deal_csv_row(d) for d in rows]
    return _listing(request, lg, v, rows, "deals", fmt)


@router.get("/deals/{deal_id}", summary="One deal", openapi_extra=query(*SCOPE))
def deal(
    deal_id: str, request: Request, lg: Ledger = Depends(ledger), v: Viewer = Depends(viewer)
) -> Response:
    try:
        return json_response(lg, v, present.deal(lg, v, scope(request), deal_id))
    except present.NotFoundError:
        raise HTTPException(404, "no such deal") from None


@router.get(
    "/stats",
    summary="Stock on a date with bounds, series, flows, known_on",
    openapi_extra=query("on", "from", "to", "by", *SCOPE),
)
def stats(request: Request, lg: Ledger = Depends(ledger), v: Viewer = Depends(viewer)) -> Response:
    on = day_param(request, "on") or now().date()
    start, end = day_param(request, "from"), day_param(request, "to")
    if start is not None and end is None:
        end = max(start, on)  # a series from `from` runs to `on`
    if end is not None and start is None:
        start = date(max(1, end.year - 1), end.month, 1)  # and one to `to` spans about a year
    if start and start < SERIES_FROM:
        raise BadParameterError("from", f"a series starts on {SERIES_FROM} or later")
    if start and end and end < start:
        raise BadParameterError("to", "before from")
    if start and end and (end - start).days > 366 * 30:
        raise BadParameterError("to", "a series spans at most 30 years")
    sc, by = scope(request), granularity(request)
    # the previous server's answer while the ledger loads, when nothing changed since
    key = repr(("stats", v.analyst, sc, on, start, end, by))
    body = lg.saved_answer(key)
    if body is None:
        token = lg.settled()
        body = json_body(present.stats(lg, v, sc, on, start, end, by))
        lg.keep_answer(key, token, body)
    return json_text_response(body)


@router.get(
    "/custody",
    summary="Terms ending in the next 12 months; persons sentenced under each article (counts;"
    " for the public, over public persons, protected ones in one undivided `withheld` row)",
    openapi_extra=query("on", "article", "known_on"),
)
def custody(
    request: Request, lg: Ledger = Depends(ledger), v: Viewer = Depends(viewer)
) -> Response:
    on = day_param(request, "on") or now().date()
    known_on = day_param(request, "known_on")
    article = request.query_params.get("article") or None
    try:
        if v.analyst:
            data = lg.cached(
                ("custody", on, article, known_on),
                lambda: custody_service.figures(lg.store, on, article, known_on=known_on),
            )
        else:  # split by article and term end over public persons only: services.custody
            # live: month-precise persons' records as known at the end of the last month
            today = None if known_on is not None else lg.today()
            month = None if today is None else lg.public_month()
            data = lg.cached(
                ("custody:public", on, article, known_on, month),
                lambda: custody_service.public_figures(
                    lg.store, lg.projection(), on, article, known_on=known_on, live_day=today
                ),
            )
    except CustodyError as exc:
        raise BadParameterError("article", str(exc)) from None
    return json_response(lg, v, data)


@router.get(
    "/observations",
    summary="Published figures beside the registry's",
    openapi_extra=query("by", *SCOPE, *PAGING),
)
@router.get("/observations.csv", include_in_schema=False)
def observations(
    request: Request, lg: Ledger = Depends(ledger), v: Viewer = Depends(viewer)
) -> Response:
    rows = present.stats(lg, v, scope(request), now().date(), None, None, granularity(request))
    flat = [
        {**o, "registry_low": o["registry"]["low"], "registry_high": o["registry"]["high"]}
        for o in rows["observations"]
    ]
    if _ext(request.url.path)[1] == "csv":
        for r in flat:
            r.pop("registry", None)
            r.pop("difference", None)
    return _listing(request, lg, v, flat, "observations", _ext(request.url.path)[1])


@router.get("/sources", summary="Sources", openapi_extra=query(*PAGING))
def sources(
    request: Request, lg: Ledger = Depends(ledger), v: Viewer = Depends(viewer)
) -> Response:
    return _listing(request, lg, v, present.sources(lg, v), "sources", None)


@router.get("/sources/{source_id}", summary="One source with its claims")
def source(source_id: str, lg: Ledger = Depends(ledger), v: Viewer = Depends(viewer)) -> Response:
    try:
        return json_response(lg, v, present.source(lg, v, source_id))
    except present.NotFoundError:
        raise HTTPException(404, "no such source") from None


@router.get(
    "/suggestions",
    summary="Suggestions for review (analysts)",
    openapi_extra=query("status", *PAGING),
)
def suggestions(
    request: Request, lg: Ledger = Depends(ledger), v: Viewer = Depends(require_analyst)
) -> Response:
    status = request.query_params.get("status", "suggested")
    if status not in ("suggested", "accepted", "rejected"):
        raise BadParameterError("status", f"unknown status {status!r}")
    return _listing(request, lg, v, present.suggestions(lg, status), "suggestions", None)


@router.post("/suggestions/{claim_id}/{decision}", summary="Accept or reject (analysts)")
def decide(
    claim_id: str,
    decision: str,
    request: Request,
    lg: Ledger = Depends(ledger),
    v: Viewer = Depends(require_analyst),
) -> Response:
    check_csrf(request, v, None)
    assert v.user is not None
    if decision not in ("accept", "reject"):
        raise HTTPException(404, f"no such decision {decision!r} (accept or reject)")
    try:
        message = reviewing.decide(
            lg.store, claim_id, decision, v.user.name, now(), lg.names_for_writing
        )
    except reviewing.ReviewError as exc:
        code = 404 if "unknown suggestion" in str(exc) else 409
        raise HTTPException(code, str(exc)) from None
    finally:
        lg.invalidate()
    return json_response(lg, v, {"id": claim_id, "decision": decision, "done": message})


@router.get("/conflicts", summary="Where sources disagree (analysts)", openapi_extra=query(*PAGING))
def conflicts(
    request: Request, lg: Ledger = Depends(ledger), v: Viewer = Depends(require_analyst)
) -> Response:
    return _listing(request, lg, v, present.conflicts(lg), "conflicts", None)
