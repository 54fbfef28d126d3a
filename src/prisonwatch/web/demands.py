"""Demand pages and their JSON API: what is left of each demand for release.

The public sees a demand's counts by status, its progress, and by name only the persons matched
to public registry entries (`services.demands.as_dict` with `public=True`); analysts see every
name as the list wrote it, with its match and candidates.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import Response
from fastapi.templating import Jinja2Templates

from prisonwatch.services import demands
from prisonwatch.web import charts
from prisonwatch.web.context import Ledger, Viewer, now
from prisonwatch.web.deps import day_param, ledger, viewer
from prisonwatch.web.openapi_params import query
from prisonwatch.web.responses import csv_response, json_response, page

_STATUS_COLOURS = {
    "held": "#b2182b",
    "uncertain": "#f4a582",
    "freed": "#2166ac",
    "died": "#333333",
}


def progress_svg(progress: list[dict[str, Any]]) -> str:
    """Named persons held, freed and dead at each month's end since the demand was made."""
    values = [
        {"on": p["on"], "status": s, "count": p[s]} for p in progress for s in _STATUS_COLOURS
    ]
    spec = {
        "$schema": charts._SCHEMA,
        "width": 560,
        "height": 200,
        "title": "Named persons by status since the demand",
        "data": {"values": values},
        "mark": {"type": "area"},
        "encoding": {
            "x": {"field": "on", "type": "temporal", "title": None},
            "y": {"field": "count", "type": "quantitative", "stack": True, "title": "persons"},
            "color": {
                "field": "status",
                "type": "nominal",
                "scale": {"domain": list(_STATUS_COLOURS), "range": list(_STATUS_COLOURS.values())},
            },
        },
    }
    return charts._svg(spec)


def _all(request: Request, lg: Ledger, v: Viewer) -> list[dict[str, Any]]:
    on = day_param(request, "on") or now().date()
    known = day_param(request, "known_on")
    return [
        demands.as_dict(
            lg.store,
            d,
            on,
            known,
            not v.analyst,
            False,
            _public_sources(lg, v),
            _text(lg, v),
            _ids(lg, v),
        )
        for d in demands.listed(lg.store, known)
    ]


def _one(request: Request, lg: Ledger, v: Viewer, demand_id: str) -> dict[str, Any]:
    on = day_param(request, "on") or now().date()
    known = day_param(request, "known_on")
    try:
        d = demands.find(lg.store, _original(lg, v, demand_id, known), known)
    except demands.DemandError:
        raise HTTPException(404, "no such demand") from None
    return demands.as_dict(
        lg.store,
        d,
        on,
        known,
        not v.analyst,
        True,
        _public_sources(lg, v),
        _text(lg, v),
        _ids(lg, v),
    )


def _original(lg: Ledger, v: Viewer, demand_id: str, known: date | None) -> str:
    """The demand behind the id the viewer asked for: analysts ask by its own id, the public
    by the public id it was shown (`Projection.record_id` of kind "demand"); a demand's own id
    finds nothing for the public, as an id never recorded."""
    if v.analyst:
        return demand_id
    proj = lg.projection()
    for d in demands.every(lg.store, known):
        if proj.record_id("demand", d.id) == demand_id:
            return d.id
    return ""


def _public_sources(lg: Ledger, v: Viewer) -> frozenset[str]:
    """The sources the public may see (the projection's); analysts see every source."""
    return frozenset() if v.analyst else frozenset(lg.projection().sources)


def _text(lg: Ledger, v: Viewer) -> Callable[[str | None], str | None] | None:
    """The public projection's text check for the public; analysts see texts as stored."""
    return None if v.analyst else lg.projection().text


def _ids(lg: Ledger, v: Viewer) -> Callable[[str, str], str] | None:
    """The ids the public knows deals by (`Projection.record_id`); analysts see real ids."""
    return None if v.analyst else lg.projection().record_id


def router(templates: Jinja2Templates) -> APIRouter:
    r = APIRouter()

    @r.get("/demands", include_in_schema=False)
    def demand_list(
        request: Request, lg: Ledger = Depends(ledger), v: Viewer = Depends(viewer)
    ) -> Response:
        return page(templates, request, lg, v, "demands.html", rows=_all(request, lg, v))

    @r.get("/demands/{demand_id}", include_in_schema=False)
    def demand_page(
        demand_id: str, request: Request, lg: Ledger = Depends(ledger), v: Viewer = Depends(viewer)
    ) -> Response:
        data = _one(request, lg, v, demand_id)
        svg = progress_svg(data["progress"]) if len(data["progress"]) > 1 else ""
        return page(templates, request, lg, v, "demand.html", d=data, progress_svg=svg)

    @r.get(
        "/api/v1/demands",
        summary="Demands for release and what is left of each",
        openapi_extra=query("on", "known_on"),
    )
    def api_demands(
        request: Request, lg: Ledger = Depends(ledger), v: Viewer = Depends(viewer)
    ) -> Response:
        return json_response(lg, v, {"rows": _all(request, lg, v)})

    @r.get(
        "/api/v1/demands/{demand_id}",
        summary="One demand: each named person's status",
        openapi_extra=query("on", "known_on"),
    )
    def api_demand(
        demand_id: str, request: Request, lg: Ledger = Depends(ledger), v: Viewer = Depends(viewer)
    ) -> Response:
        return json_response(lg, v, _one(request, lg, v, demand_id))

    @r.get(
        "/api/v1/demands/{demand_id}/progress.csv",
        summary="A demand's progress by month",
        openapi_extra=query("on", "known_on"),
        responses={200: {"description": "CSV", "content": {"text/csv": {}}}},
    )
    def api_progress(
        demand_id: str, request: Request, lg: Ledger = Depends(ledger), v: Viewer = Depends(viewer)
    ) -> Response:
        return csv_response(lg, v, _one(request, lg, v, demand_id)["progress"], "progress")

    return r
