"""Pages for administrators: users and their API tokens, and the audit log.

Only admins see them (others get 403, the public is sent to log in). Every change is a POST
with the session's CSRF token and is written to the audit chain under the admin's name.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from prisonwatch.services import accounts, audit_trail
from prisonwatch.storage import audit
from prisonwatch.web.context import Ledger, Viewer, now
from prisonwatch.web.deps import check_csrf, ledger, viewer
from prisonwatch.web.responses import BadParameterError, page

PAGE_SIZE = 100


def require_admin(request: Request) -> Viewer:
    v = viewer(request)
    if v.user is None:
        raise HTTPException(401, "log in as an admin")
    if v.role != "admin":
        raise HTTPException(403, "admins only")
    return v


def _back(message: str) -> RedirectResponse:
    return RedirectResponse(f"/admin/users?{urlencode({'message': message})}", status_code=303)


def _since(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        at = datetime.fromisoformat(value)
    except ValueError:
        raise BadParameterError(
            "since", f"expected a date like 2026-11-30, not {value!r}"
        ) from None
    return at.replace(tzinfo=None)


def _before(value: str | None) -> int | None:
    if not value:
        return None
    if not value.isdigit() or len(value) > 12:
        raise BadParameterError("before", f"expected an entry id, not {value!r}")
    return int(value)


def _entry(e: Any) -> dict[str, Any]:
    def text(v: Any) -> str:
        return json.dumps(v, ensure_ascii=False, indent=1, default=str) if v is not None else ""

    return {
        "id": e.id,
        "at": f"{e.at:%Y-%m-%d %H:%M:%S}",
        "actor": e.actor,
        "action": e.action,
        "kind": e.record_kind,
        "record_id": e.record_id,
        "before": text(e.before),
        "after": text(e.after),
    }


def router(templates: Jinja2Templates) -> APIRouter:
    r = APIRouter(prefix="/admin", include_in_schema=False)

    def users_page(request: Request, lg: Ledger, v: Viewer, message: str) -> Response:
        at = now()
        return page(
            templates,
            request,
            lg,
            v,
            "admin_users.html",
            users=lg.accounts.users(),
            sessions=lg.accounts.session_counts(at),
            tokens=lg.accounts.tokens(),
            now=at,
            message=message,
        )

    @r.get("/users")
    def users(
        request: Request, lg: Ledger = Depends(ledger), v: Viewer = Depends(require_admin)
    ) -> Response:
        return users_page(request, lg, v, request.query_params.get("message", ""))

    @r.post("/users/{name}/{change}")
    def change_user(
        name: str,
        change: str,
        request: Request,
        csrf: str = Form(""),
        password: str = Form(""),
        lg: Ledger = Depends(ledger),
        v: Viewer = Depends(require_admin),
    ) -> Response:
        check_csrf(request, v, csrf)
        assert v.user is not None
        by = v.user.name
        try:
            if change in ("disable", "enable"):
                if name == by and change == "disable":
                    raise accounts.AccountError("you cannot disable yourself")
                accounts.set_disabled(lg.accounts, name, change == "disable", by, now())
                done = f"user {name} {change}d"
            elif change == "reset-password":
                chosen = password or accounts.new_password()
                accounts.reset_password(lg.accounts, name, chosen, by, now())
                shown = "" if password else f"; new password, shown once: {chosen}"
                lg.invalidate()
                # rendered, not redirected: a password must not travel in an address
                return users_page(request, lg, v, f"password of {name} reset{shown}")
            else:
                raise HTTPException(404, "no such change")
        except accounts.AccountError as exc:
            done = str(exc)
        lg.invalidate()
        return _back(done)

    @r.post("/tokens/{tid}/revoke")
    def revoke(
        tid: str,
        request: Request,
        csrf: str = Form(""),
        lg: Ledger = Depends(ledger),
        v: Viewer = Depends(require_admin),
    ) -> Response:
        check_csrf(request, v, csrf)
        assert v.user is not None
        try:
            gone = accounts.revoke_token(lg.accounts, tid, v.user.name, now())
            done = f"token {gone.id} of {gone.user} revoked"
        except accounts.AccountError as exc:
            done = str(exc)
        lg.invalidate()
        return _back(done)

    @r.get("/audit")
    def audit_log(
        request: Request, lg: Ledger = Depends(ledger), v: Viewer = Depends(require_admin)
    ) -> Response:
        qp = request.query_params
        filters = {k: qp.get(k, "").strip() for k in ("actor", "kind", "record", "since")}
        f = audit.Filter(
            filters["actor"] or None,
            filters["kind"] or None,
            filters["record"] or None,
            _since(filters["since"]),
            _before(qp.get("before")),
            PAGE_SIZE,
        )
        found = audit_trail.log(lg.store, f)
        older = None
        if len(found) == PAGE_SIZE:
            older = urlencode({**{k: x for k, x in filters.items() if x}, "before": found[-1].id})
        return page(
            templates,
            request,
            lg,
            v,
            "admin_audit.html",
            entries=[_entry(e) for e in found],
            filters=filters,
            head=audit_trail.head(lg.store),
            older=older,
        )

    return r
