"""The dashboard's figures for one request: period, country, organisation and "as known on"
read from the URL and applied to every figure on the page and to the chart downloads."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlencode

from fastapi import Request

from prisonwatch.core.dates import parse_fuzzy
from prisonwatch.services import figures
from prisonwatch.web import charts, i18n, present
from prisonwatch.web.context import Ledger, Viewer, now
from prisonwatch.web.deps import day_param, granularity, scope
from prisonwatch.web.responses import BadParameterError

CHARTS = ("stock", "flows", "deals")
DEFAULT_YEARS = 5


@dataclass(frozen=True, slots=True)
class Board:
    scope: figures.Scope
    start: date
    end: date
    by: str
    stats: dict[str, Any]
    deals: list[dict[str, Any]]
    query: dict[str, str]

    def link(self, path: str) -> str:
        """`path` with this board's controls in its query."""
        q = urlencode({k: v for k, v in self.query.items() if v})
        return f"{path}?{q}" if q else path


def _within(period: str, start: date, end: date) -> bool:
    p = parse_fuzzy(period)
    return start <= p.latest and p.earliest <= end


def build(lg: Ledger, v: Viewer, request: Request) -> Board:
    today = now().date()
    sc = scope(request)
    end = day_param(request, "to") or today
    start = day_param(request, "from") or date(end.year - DEFAULT_YEARS, 1, 1)
    if end < start:
        raise BadParameterError("to", "before from")
    by = granularity(request)
    on = min(end, sc.known_on) if sc.known_on else end
    data = present.stats(lg, v, sc, on, start, end, by)
    data = dict(data)
    data["observations"] = [o for o in data["observations"] if _within(o["period"], start, end)]
    deals = [d for d in present.deals(lg, v, sc) if _within(d["date"], start, end)]
    qp = request.query_params
    query = {k: qp.get(k, "") for k in ("from", "to", "country", "org", "known_on", "by")}
    return Board(sc, start, end, by.value, data, deals, query)


def summary(name: str, board: Board, lang: str = "en") -> str:
    """A sentence saying what the chart shows, for screen readers and for anyone."""
    _ = i18n.translations(lang).ugettext
    series = board.stats["series"]
    if name == "stock" and series:
        a, b = series[0], series[-1]
        return _(
            "Political prisoners held according to the registry: %(first)s in %(p1)s, "
            "%(last)s in %(p2)s."
        ) % {"first": _b(a["stock"]), "p1": a["period"], "last": _b(b["stock"]), "p2": b["period"]}
    if name == "flows":
        des = sum(p["events"].get("designated", {"low": 0})["low"] for p in series)
        rel = sum(p["events"].get("released", {"low": 0})["low"] for p in series)
        return _(
            "From %(start)s to %(end)s the registry records %(des)s new recognitions as "
            "political prisoners and %(rel)s releases."
        ) % {
            "start": board.start.isoformat(),
            "end": board.end.isoformat(),
            "des": des,
            "rel": rel,
        }
    if name == "deals" and board.deals:
        parts = []
        for d in board.deals:
            said = ", ".join(str(f["value"]) for f in d["published"]["released"]) or "–"
            parts.append(_("%(day)s: %(said)s released") % {"day": d["date"], "said": said})
        return _("Deals") + ": " + "; ".join(parts) + "."
    return _("No data in this period.")


def _b(x: dict[str, int]) -> str:
    return str(x["low"]) if x["low"] == x["high"] else f"{x['low']}–{x['high']}"


def chart_csv(name: str, board: Board) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    if name == "stock":
        w.writerow(["period", "held_low", "held_high"])
        for p in board.stats["series"]:
            w.writerow([p["period"], p["stock"]["low"], p["stock"]["high"]])
    elif name == "flows":
        w.writerow(["period", "designated", "released"])
        for p in board.stats["series"]:
            ev = p["events"]
            w.writerow(
                [
                    p["period"],
                    ev.get("designated", {"low": 0})["low"],
                    ev.get("released", {"low": 0})["low"],
                ]
            )
    else:
        cols = list(figures.DEAL_CSV_COLUMNS)
        dw = csv.DictWriter(buf, fieldnames=cols, lineterminator="\n")
        dw.writeheader()
        for d in board.deals:
            dw.writerow(figures.deal_csv_row(d))
    return buf.getvalue()


def chart_svg(name: str, board: Board, lang: str = "en", width: int = 640) -> str:
    words = i18n.translations(lang).ugettext
    if name == "stock":
        return charts.stock(board.stats["series"], width, words)
    if name == "flows":
        return charts.flows(board.stats["series"], width, words)
    return charts.deals(board.deals, width, words) if board.deals else charts.empty(words)


NARROW = 330


def chart_svgs(name: str, board: Board, lang: str = "en") -> tuple[str, str]:
    """The chart for a wide screen and for a phone (the page shows one by its width): a
    640-pixel chart shrunk onto a phone would leave its text too small to read."""
    return chart_svg(name, board, lang), chart_svg(name, board, lang, NARROW)
