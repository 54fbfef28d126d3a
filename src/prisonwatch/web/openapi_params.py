"""What the OpenAPI document says about each route's query parameters and error answers.

The routes read their query parameters themselves (so that a bad value gets the app's own
error shape); this module declares them, with the same limits the routes enforce, so that
clients and fuzzers (schemathesis) know every parameter and every error status.
"""

from __future__ import annotations

from typing import Any

from prisonwatch.core.timeline import CUSTODY_STATUSES
from prisonwatch.core.vocabulary import Gender

ERROR_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message"],
            "properties": {"code": {"type": "string"}, "message": {"type": "string"}},
        }
    },
}
_ERROR_TEXT = {
    400: "A parameter is malformed or out of range",
    401: "Not logged in, or an unknown API token",
    403: "Not allowed for this role, or a missing CSRF token",
    404: "No such record (or not for this viewer: the two look alike)",
    405: "Method not allowed",
    413: "Request body too large",
    422: "Unprocessable request",
}
ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"description": text, "content": {"application/json": {"schema": ERROR_SCHEMA}}}
    for status, text in _ERROR_TEXT.items()
}

_DAY = {"anyOf": [{"type": "string", "format": "date"}, {"type": "string", "maxLength": 0}]}
"""A day, or empty (as a form sends an unfilled field): not given."""
_PARAMS: dict[str, tuple[str, dict[str, Any]]] = {
    "q": ("Any spelling of a name, in any script", {"type": "string"}),
    "status": (
        "Custody status today; another value is refused (400)",
        {"type": "string", "enum": ["", *CUSTODY_STATUSES]},
    ),
    "region": ("Region, any case", {"type": "string"}),
    "gender": (
        "Gender; another value is refused (400)",
        {"type": "string", "enum": ["", *(g.value for g in Gender)]},
    ),
    "org": ("Only designations by this organisation", {"type": "string"}),
    "country": (
        "Two-letter country code",
        {"type": "string", "pattern": "^([A-Za-z]{2})?$"},
    ),
    "known_on": ("As known on this day (YYYY-MM-DD)", _DAY),
    "on": ("Stock on this day (YYYY-MM-DD); today by default", _DAY),
    "from": ("Series start (YYYY-MM-DD); alone, the series runs to `on`", _DAY),
    "to": (
        "Series end (YYYY-MM-DD), not before `from` and at most 30 years after it; "
        "alone, the series starts about a year before",
        _DAY,
    ),
    "by": (
        "Series step (month when empty)",
        {"type": "string", "enum": ["day", "month", "year", ""]},
    ),
    "article": (
        "A criminal-code article (342-1; a part such as 361-1 ч.3 counts under 361-1)",
        {"type": "string"},
    ),
    "_shape": (
        "objects (rows, count, next) or array",
        {"type": "string", "enum": ["objects", "array"]},
    ),
    "_size": ("Rows per page", {"type": "integer", "minimum": 1, "maximum": 1000}),
    "_next": (
        "Where the page starts (from `next`)",
        {"type": "integer", "minimum": 0, "maximum": 10**9},
    ),
}
PAGING = ("_shape", "_size", "_next")
SCOPE = ("org", "country", "known_on")


def query(*names: str) -> dict[str, Any]:
    """`openapi_extra` declaring these query parameters (all optional)."""
    return {
        "parameters": [
            {
                "name": n,
                "in": "query",
                "required": False,
                "description": _PARAMS[n][0],
                "schema": _PARAMS[n][1],
            }
            for n in names
        ]
    }
