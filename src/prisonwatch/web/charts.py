"""Charts as Vega-Lite specs, rendered to SVG on the server (vl-convert; nothing is loaded from
another host, and pages need no JavaScript to show them)."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

import vl_convert as vlc

from prisonwatch.core.labels import N_

_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"
_COLOURS = {"designated": "#b2182b", "released": "#2166ac"}
_FLOW_LABELS = {"designated": N_("recognised as political prisoners"), "released": N_("released")}
Words = Callable[[str], str]


def _same(text: str) -> str:
    return text


def _svg(spec: dict[str, Any]) -> str:
    import json

    return _render(json.dumps(spec, sort_keys=True))


@lru_cache(maxsize=64)
def _render(spec_json: str) -> str:
    import json

    svg: str = vlc.vegalite_to_svg(json.loads(spec_json))
    return svg


def stock(series: list[dict[str, Any]], width: int = 640, _: Words = _same) -> str:
    """Political prisoners over time: the band between what is sure and what is possible."""
    values = [
        {"period": p["period"], "low": p["stock"]["low"], "high": p["stock"]["high"]}
        for p in series
    ]
    spec = {
        "$schema": _SCHEMA,
        "width": width,
        "height": 220,
        "data": {"values": values},
        "encoding": {"x": {"field": "period", "type": "temporal", "title": None}},
        "layer": [
            {
                "mark": {"type": "area", "opacity": 0.3, "color": "#999"},
                "encoding": {
                    "y": {"field": "low", "type": "quantitative", "title": _("held")},
                    "y2": {"field": "high"},
                },
            },
            {
                "mark": {"type": "line", "color": "#333"},
                "encoding": {"y": {"field": "low", "type": "quantitative"}},
            },
        ],
    }
    return _svg(spec)


def flows(series: list[dict[str, Any]], width: int = 640, _: Words = _same) -> str:
    """New recognitions against releases, period by period (sure counts), as two lines on a
    time axis so that any range stays legible."""
    values = []
    for p in series:
        for kind, label in _FLOW_LABELS.items():
            b = p["events"].get(kind, {"low": 0, "high": 0})
            values.append({"period": p["period"], "kind": _(label), "count": b["low"]})
    spec = {
        "$schema": _SCHEMA,
        "width": width,
        "height": 180,
        "data": {"values": values},
        "mark": {"type": "line", "point": width >= 480, "interpolate": "step-after"},
        "encoding": {
            "x": {"field": "period", "type": "temporal", "title": None},
            "y": {"field": "count", "type": "quantitative", "title": _("people")},
            "color": {
                "field": "kind",
                "type": "nominal",
                "title": None,
                "legend": {"orient": "top"},
                "scale": {
                    "domain": [_(x) for x in _FLOW_LABELS.values()],
                    "range": list(_COLOURS.values()),
                },
            },
        },
    }
    return _svg(spec)


def deals(rows: list[dict[str, Any]], width: int = 640, _: Words = _same) -> str:
    """The deals on a timeline: what each freed, and how soon new designations replaced them."""
    values = []
    for d in rows:
        start = d["date"][:10] if len(d["date"]) >= 10 else d["date"][:7] + "-01"
        said = d["published"]["released"]
        reached = [r["days_low"] for r in d["replacement"] if r["days_low"] is not None]
        values.append(
            {
                "deal": start,
                "date": start,
                "released": said[0]["value"] if said else d["registry"]["released"],
                "replaced": reached[0] if reached else 0,
            }
        )
    spec = {
        "$schema": _SCHEMA,
        "width": width,
        "height": 160,
        "data": {"values": values},
        "transform": [
            {"calculate": "timeOffset('date', datetime(datum.date), datum.replaced)", "as": "until"}
        ],
        "layer": [
            {
                "mark": {"type": "rule", "strokeWidth": 6, "color": "#b2182b", "opacity": 0.5},
                "encoding": {
                    "x": {"field": "date", "type": "temporal", "title": None},
                    "x2": {"field": "until"},
                    "y": {"field": "deal", "type": "nominal", "title": None},
                },
            },
            {
                "mark": {"type": "circle", "color": "#2166ac", "opacity": 0.8},
                "encoding": {
                    "x": {"field": "date", "type": "temporal"},
                    "y": {"field": "deal", "type": "nominal"},
                    "size": {"field": "released", "type": "quantitative", "title": _("freed")},
                },
            },
        ],
    }
    return _svg(spec)


def empty(_: Words = _same) -> str:
    """A chart with nothing to show, said in words."""
    spec = {
        "$schema": _SCHEMA,
        "width": 320,
        "height": 40,
        "data": {"values": [{"t": _("No data in this period.")}]},
        "mark": {"type": "text"},
        "encoding": {"text": {"field": "t"}},
    }
    return _svg(spec)
