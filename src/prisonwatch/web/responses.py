"""JSON, CSV and HTML responses.

Nothing here hides anything: what the public receives was built from the public projection
before it got here (`present`), and text a request supplied is echoed (or not) the same way
whatever it holds. The ledger and viewer parameters stay so that every route renders alike.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.templating import Jinja2Templates

from prisonwatch.web.context import Ledger, Viewer


def json_body(data: Any) -> str:
    """The text of a JSON answer (kept as it is by answers saved for the next start)."""
    return json.dumps(data, ensure_ascii=False, default=str)


def json_text_response(body: str, status: int = 200) -> Response:
    return Response(body, status_code=status, media_type="application/json")


def json_response(ledger: Ledger, viewer: Viewer, data: Any, status: int = 200) -> Response:
    return json_text_response(json_body(data), status)


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""How a cell a spreadsheet would run as a formula starts (OWASP, CSV injection)."""


def csv_cell(value: Any) -> Any:
    """A value for an API CSV answer: lists joined by `|`, and text that a spreadsheet would
    read as a formula prefixed with `'` so that it is shown as text (a record's note, a
    source's title or a name can start with `=`). Numbers are left as they are: a negative
    count is not a formula."""
    if isinstance(value, list):
        value = "|".join(map(str, value))
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_response(ledger: Ledger, viewer: Viewer, rows: list[dict[str, Any]], name: str) -> Response:
    """Rows as CSV for reading in a spreadsheet, every cell through `csv_cell`. (The export's
    CSV files are not: they must import again unchanged; docs/cli.md says so.)"""
    buf = io.StringIO()
    if rows:
        writer = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        for r in rows:
            writer.writerow({k: csv_cell(v) for k, v in r.items()})
    return Response(
        buf.getvalue(),
        media_type="text/csv",
        headers={"Content-Disposition": f'inline; filename="{name}.csv"'},
    )


def page(
    templates: Jinja2Templates,
    request: Request,
    ledger: Ledger,
    viewer: Viewer,
    name: str,
    status: int = 200,
    **context: Any,
) -> Response:
    html = templates.get_template(name).render(request=request, viewer=viewer, **context)
    return HTMLResponse(html, status_code=status)


def error_json(code: str, message: str, status: int) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)


def window(request: Request) -> tuple[int, int]:
    """Datasette-style paging: an opaque `_next` (where to start) and `_size` (at most 1000)."""
    size = _int(request.query_params.get("_size"), 100, "_size", 1, 1000)
    start = _int(request.query_params.get("_next"), 0, "_next", 0, 10**9)
    return start, size


def next_token(start: int, size: int, total: int) -> str | None:
    return str(start + size) if start + size < total else None


def paginate(
    rows: list[dict[str, Any]], request: Request
) -> tuple[list[dict[str, Any]], str | None]:
    start, size = window(request)
    return rows[start : start + size], next_token(start, size, len(rows))


MAX_TEXT_PARAM = 200
"""The most characters a free-text parameter (a name searched, an organisation, a region, a
country) may have after NFKC normalisation: some characters expand up to 18-fold under NFKC
(U+FDFA), and name search is superlinear in the query, so an unbounded query is a cheap way to
take the CPU. No name or organisation is near this long."""


def text_param(request: Request, name: str) -> str | None:
    """A free-text query parameter, bounded: None when absent or blank, a 400 (`bad_request`,
    without echoing the value) when it is longer than `MAX_TEXT_PARAM` characters as given or
    after NFKC normalisation."""
    value = request.query_params.get(name)
    if value is None or not value.strip():
        return None
    too_long = BadParameterError(name, f"at most {MAX_TEXT_PARAM} characters")
    if len(value) > MAX_TEXT_PARAM:
        raise too_long
    if len(unicodedata.normalize("NFKC", value)) > MAX_TEXT_PARAM:
        raise too_long
    return value


class BadParameterError(ValueError):
    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.name = name


def _int(value: str | None, default: int, name: str, low: int, high: int) -> int:
    if value is None:
        return default
    try:
        n = int(value)
    except ValueError:
        raise BadParameterError(name, f"not a whole number: {value!r}") from None
    if not low <= n <= high:
        raise BadParameterError(name, f"must be between {low} and {high}")
    return n
