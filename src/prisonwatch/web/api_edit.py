"""Writes under /api/v1 for analysts and admins: add, edit, void and trace any record, show and
undo an acceptance. Every route calls one service (`services.editing`, `services.reviewing`).

Bodies are JSON. Errors use the app's shape `{"error": {"code", "message"}}`: 400 for bad
input (every bad field named), 404 for an unknown or void record, 409 for an edit based on an
older revision than the newest (the message names the newer one) or an added record whose id is
taken. Session users send the CSRF
token (`X-CSRF-Token`); API tokens need none.
"""

from __future__ import annotations

import json
from collections.abc import Callable
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
    except (ValueError, RecursionError):  # nested past the parser's depth: `[` * 100,000
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
    if isinstance(exc, editing.StaleEditError | editing.DuplicateRecordError):
        return HTTPException(409, str(exc))
    if isinstance(exc, editing.UnknownRecordError):
        return HTTPException(404, str(exc))
    return HTTPException(400, str(exc))


async def _write(
    request: Request, lg: Ledger, v: Viewer, write: Callable[[dict[str, Any], str], Any]
) -> Any:
    """Check the CSRF token, read the JSON body and make one write as the asking user; every
    refusal in the error shape, derived state told of whatever was written."""
    check_csrf(request, v, None)
    assert v.user is not None
    data = await _body(request)
    try:
        return write(data, v.user.name)
    except editing.EditError as exc:
        raise _fail(exc) from None
    finally:
        lg.invalidate()


def _fields(data: dict[str, Any]) -> dict[str, Any]:
    fields = data.get("fields")
    if not isinstance(fields, dict):
        raise HTTPException(400, "fields: give an object of field names and new values")
    return fields


@router.post("/records/{kind}", summary="Add a record (analysts)", status_code=201)
async def add(
    kind: str,
    request: Request,
    lg: Ledger = Depends(ledger),
    v: Viewer = Depends(require_analyst),
) -> Response:
    """A new person, event, deal or published figure (`figure`), from `{"fields": {...}}`;
    `id` (in `fields` or beside it) is optional. 409 when the id is taken."""

    def write(data: dict[str, Any], actor: str) -> Any:
        fields = _fields(data)
        if "id" in data:
            fields = {**fields, "id": data["id"]}
        return editing.add(lg.store, kind, fields, actor, now())

    record = await _write(request, lg, v, write)
    body = {"kind": kind, "id": record.id, "revision": 0, "record": editing.plain(record)}
    return json_response(lg, v, body, status=201)


@router.post("/records/{kind}/{record_id}", summary="Edit a record (analysts)")
async def edit(
    kind: str,
    record_id: str,
    request: Request,
    lg: Ledger = Depends(ledger),
    v: Viewer = Depends(require_analyst),
) -> Response:
    def write(data: dict[str, Any], actor: str) -> Any:
        fields, why, based = _fields(data), data.get("why"), _based_on(data)
        return editing.edit(lg.store, kind, record_id, fields, actor, now(), why, based)

    rev = await _write(request, lg, v, write)
    return json_response(lg, v, {"kind": kind, "id": record_id, "revision": rev.seq})


@router.post("/records/{kind}/{record_id}/void", summary="Void a record (analysts)")
async def void(
    kind: str,
    record_id: str,
    request: Request,
    lg: Ledger = Depends(ledger),
    v: Viewer = Depends(require_analyst),
) -> Response:
    def write(data: dict[str, Any], actor: str) -> Any:
        why, based = data.get("why"), _based_on(data)
        return editing.void(lg.store, kind, record_id, actor, now(), why, based)

    rev = await _write(request, lg, v, write)
    return json_response(lg, v, {"kind": kind, "id": record_id, "revision": rev.seq, "void": True})


@router.post("/records/{kind}/{record_id}/restore", summary="Restore a void record (analysts)")
async def restore(
    kind: str,
    record_id: str,
    request: Request,
    lg: Ledger = Depends(ledger),
    v: Viewer = Depends(require_analyst),
) -> Response:
    def write(data: dict[str, Any], actor: str) -> Any:
        why, based = data.get("why"), _based_on(data)
        return editing.restore(lg.store, kind, record_id, actor, now(), why, based)

    rev = await _write(request, lg, v, write)
    return json_response(lg, v, {"kind": kind, "id": record_id, "revision": rev.seq, "void": False})


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
