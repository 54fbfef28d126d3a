"""Request dependencies: the ledger, the viewer, role checks, CSRF, query parsing."""

from __future__ import annotations

import hmac
from collections.abc import Sequence
from datetime import date

from fastapi import HTTPException, Request

from prisonwatch.core.dates import DateError, parse_day
from prisonwatch.core.periods import Granularity
from prisonwatch.core.timeline import CUSTODY_STATUSES
from prisonwatch.core.vocabulary import Gender
from prisonwatch.services import figures
from prisonwatch.web.context import SESSION_COOKIE, Ledger, Viewer
from prisonwatch.web.responses import BadParameterError, text_param


async def ledger(request: Request) -> Ledger:
    """The app's ledger, as a dependency. Asynchronous because it does no I/O: FastAPI runs a
    plain function dependency in its thread pool, a hop between threads on every request
    (search and statistics at 20 clients showed it)."""
    return ledger_of(request)


def ledger_of(request: Request) -> Ledger:
    found: Ledger = request.app.state.ledger
    return found


def viewer(request: Request) -> Viewer:
    cached = getattr(request.state, "viewer", None)
    if isinstance(cached, Viewer):
        return cached
    auth = request.headers.get("authorization", "")
    bearer = auth[7:].strip() if auth.lower().startswith("bearer ") else None
    v = ledger_of(request).viewer(request.cookies.get(SESSION_COOKIE), bearer)
    if bearer and v.user is None:
        raise HTTPException(401, "unknown API token")
    request.state.viewer = v
    return v


def require_analyst(request: Request) -> Viewer:
    v = viewer(request)
    if v.user is None:
        raise HTTPException(401, "log in as an analyst")
    if not v.analyst:
        raise HTTPException(403, "analysts only")
    return v


def check_csrf(request: Request, v: Viewer, supplied: str | None) -> None:
    """State changes with a session cookie need the session's CSRF token; API tokens do not."""
    if v.via_token:
        return
    token = supplied or request.headers.get("x-csrf-token")
    if not v.csrf or not token or not hmac.compare_digest(v.csrf, token):
        raise HTTPException(403, "missing or wrong CSRF token")


def day_param(request: Request, name: str) -> date | None:
    value = request.query_params.get(name)
    if value in (None, ""):
        return None
    try:
        return parse_day(value)
    except DateError as exc:
        raise BadParameterError(name, str(exc)) from None


def choice_param(request: Request, name: str, accepted: Sequence[str]) -> str | None:
    """A query parameter with a fixed vocabulary: None when absent or blank, else one of
    `accepted`, or a 400 naming the parameter and the accepted values (an unknown status must
    not quietly give an empty list, as an unknown country does not). The vocabulary is the
    code's, never the data's, so the answer tells nothing of any person."""
    value = text_param(request, name)
    if value is None or value in accepted:
        return value
    raise BadParameterError(name, f"no such {name} {value!r}; accepted: {', '.join(accepted)}")


def person_filters(
    request: Request,
) -> tuple[str | None, str | None, str | None, str | None, str | None]:
    """The persons list's filters (q, status, region, gender, org), on the page and in the API
    alike: status and gender from their vocabularies, org among the organisations the viewer
    may be told of (as `scope` checks it), q and region free text."""
    status = choice_param(request, "status", CUSTODY_STATUSES)
    gender = choice_param(request, "gender", [g.value for g in Gender])
    org = text_param(request, "org")
    if org is not None:
        _check_known(request, figures.Scope(org, None, None))
    return text_param(request, "q"), status, text_param(request, "region"), gender, org


def _check_known(request: Request, sc: figures.Scope) -> None:
    """Refuse an unknown org or country with the names the viewer may be told of: for the
    public only those it sees (`known_names(public=True)`), so that a refusal, or its absence,
    never reveals a name that only protected persons carry."""
    lg = ledger_of(request)
    if viewer(request).analyst:
        known = lg.cached("known_names", lambda: lg.view(figures.Scope()).known_names())
    else:
        known = lg.cached("known_names:public", lambda: _public_known(lg))
    try:
        figures.check_scope(sc, known)
    except figures.ScopeError as exc:
        raise BadParameterError(exc.field, str(exc)) from None


def scope(request: Request) -> figures.Scope:
    org = text_param(request, "org")
    country = text_param(request, "country")
    if country is not None and (len(country) != 2 or not country.isalpha()):
        raise BadParameterError("country", "expected a two-letter code")
    sc = figures.Scope(org, country.upper() if country else None, day_param(request, "known_on"))
    if org or country:
        _check_known(request, sc)
    return sc


def _public_known(lg: Ledger) -> tuple[list[str], list[str]]:
    """The organisations and countries the public may be told of: organisations only as the
    public projection shows them, so a refused `org=` lists no withheld text; countries only of
    persons the public sees."""
    orgs, countries = lg.view(figures.Scope()).known_names(public=True)
    text = lg.projection().text
    return [o for o in orgs if text(o)], countries


def granularity(request: Request) -> Granularity:
    value = request.query_params.get("by") or "month"
    try:
        return Granularity(value)
    except ValueError:
        raise BadParameterError("by", f"expected day, month or year, not {value!r}") from None
