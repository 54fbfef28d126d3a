"""Writes under /api/v1 for analysts and admins: edit, void and trace any record, show and undo
an acceptance. Every route calls one service (`services.editing`, `services.reviewing`).

Bodies are JSON. Errors use the app's shape `{"error": {"code", "message"}}`: 400 for bad
input (every bad field named), 404 for an unknown or void record, 409 for an edit based on an
older revision than the newest (the message names the newer one). Session users send the CSRF
token (`X-CSRF-Token`); API tokens need none.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import Response

from prisonwatch.services import editing, reviewing
from prisonwatch.web.context import Ledger, Viewer, now
from prisonwatch.web.deps import check_csrf, ledger, require_analyst
from prisonwatch.web.responses import json_response

router = APIRouter(prefix="/api/v1")


async def _body(request: Request) -> dict[str, Any]:
    try:
        data = json.loads(await request.body() or b"{}")
    except ValueError:
        raise HTTPException(400, "the body is not JSON") from None
    if not isinstance(data, dict):
        raise HTTPException(400, "the body must be a JSON object")
    return data


def _based_on(data: dict[str, Any]) -> int | None:
    value = data.get("based_on")
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise HTTPException(400, f"based_on: {value!r} is not a revision number")
    return value


def _fail(exc: editing.EditError) -> HTTPException:
    if isinstance(exc, editing.StaleEditError):
        return HTTPException(409, str(exc))
    if isinstance(exc, editing.UnknownRecordError):
        return HTTPException(404, str(exc))
    return HTTPException(400, str(exc))


@router.post("/records/{kind}/{record_id}", summary="Edit a record (analysts)")
async def edit(
    kind: str,
    record_id: str,
    request: Request,
    lg: Ledger = Depends(ledger),
    v: Viewer = Depends(require_analyst),
) -> Response:
    check_csrf(request, v, None)
    assert v.user is not None
    data = await _body(request)
    fields = data.get("fields")
    if not isinstance(fields, dict):
        raise HTTPException(400, "fields: give an object of field names and new values")
    try:
        rev = editing.edit(
            lg.store, kind, record_id, fields, v.user.name, now(), data.get("why"), _based_on(data)
        )
    except editing.EditError as exc:
        raise _fail(exc) from None
    finally:
        lg.invalidate()
    return json_response(lg, v, {"kind": kind, "id": record_id, "revision": rev.seq})


@router.post("/records/{kind}/{record_id}/void", summary="Void a record (analysts)")
async def void(
    kind: str,
    record_id: str,
    request: Request,
    lg: Ledger = Depends(ledger),
    v: Viewer = Depends(require_analyst),
) -> Response:
    check_csrf(request, v, None)
    assert v.user is not None
    data = await _body(request)
    try:
        rev = editing.void(
            lg.store, kind, record_id, v.user.name, now(), data.get("why"), _based_on(data)
        )
    except editing.EditError as exc:
        raise _fail(exc) from None
    finally:
        lg.invalidate()
    return json_response(lg, v, {"kind": kind, "id": record_id, "revision": rev.seq, "void": True})


@router.get("/records/{kind}/{record_id}/history", summary="A record's revisions (analysts)")
def history(
    kind: str, record_id: str, lg: Ledger = Depends(ledger), v: Viewer = Depends(require_analyst)
) -> Response:
    try:
        steps = editing.history(lg.store, kind, record_id)
    except editing.EditError as exc:
        raise _fail(exc) from None
    return json_response(lg, v, {"rows": [editing.change_dict(s) for s in steps]})


@router.get("/suggestions/{claim_id}/preview", summary="What accepting would do (analysts)")
def preview(
    claim_id: str, lg: Ledger = Depends(ledger), v: Viewer = Depends(require_analyst)
) -> Response:
    assert v.user is not None
    try:
        plan = reviewing.show(lg.store, claim_id, v.user.name, now())
    except reviewing.ReviewError as exc:
        raise HTTPException(404, str(exc)) from None
    return json_response(lg, v, editing.plain(plan))


@router.post("/suggestions/{claim_id}/undo", summary="Undo an acceptance (analysts)")
async def undo(
    claim_id: str,
    request: Request,
    lg: Ledger = Depends(ledger),
    v: Viewer = Depends(require_analyst),
) -> Response:
    check_csrf(request, v, None)
    assert v.user is not None
    data = await _body(request)
    try:
        done = reviewing.undo(lg.store, claim_id, v.user.name, now(), data.get("why"))
    except reviewing.ReviewError as exc:
        code = 404 if "unknown suggestion" in str(exc) else 409
        raise HTTPException(400 if "--why" in str(exc) else code, str(exc)) from None
    finally:
        lg.invalidate()
    return json_response(lg, v, {"id": claim_id, "undone": editing.plain(done)})
