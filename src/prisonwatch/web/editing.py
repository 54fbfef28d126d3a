"""Forms for analysts and admins: add and edit records, void them, and each record's history.
Usable without JavaScript; every form carries the session's CSRF token and, for an edit, the
revision it was made from, so an edit made meanwhile by someone else is refused, not lost.

Each route reads its form, calls one service (`services.editing`, `services.reviewing`) and
answers; the form's fields come from the service's field table (`record_fields.FIELDS`). A deal's
parties and concessions are structured: one input per party, one row per concession (who gave
it, what kind, what it concerned, a note), so nothing has to be typed in a private syntax.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.datastructures import FormData

from prisonwatch.services import editing, reviewing
from prisonwatch.services.record_fields import CONCESSION_KEYS, CONCESSION_KINDS
from prisonwatch.web.context import Ledger, Viewer, now
from prisonwatch.web.deps import check_csrf, ledger, require_analyst
from prisonwatch.web.responses import page

BLANK_ROWS = 2
"""Empty party inputs and concession rows a deal form offers for adding more."""


def _to(path: str, message: str) -> RedirectResponse:
    return RedirectResponse(f"{path}?{urlencode({'message': message})}", status_code=303)


def _based(own: dict[str, str]) -> int | None:
    """The revision a form was made from (None when it does not say)."""
    based = own.get("based_on", "")
    return int(based) if based.isdigit() else None


def _status(exc: editing.EditError) -> int:
    if isinstance(exc, editing.UnknownRecordError):
        return 404
    if isinstance(exc, editing.StaleEditError | editing.DuplicateRecordError):
        return 409
    return 400


FIELD = "f_"
"""Form inputs of a record's fields are named `f_<field>`, apart from the form's own inputs
(`csrf`, `based_on`, `why`): a conflict choice has a field `why` of its own."""


def form_values(form: FormData) -> tuple[dict[str, Any], dict[str, str]]:
    """A submitted record form as the service reads it, and the form's own inputs: one text per
    field, a deal's parties as a list, its concession rows as objects (rows marked for removal
    left out)."""
    fields: dict[str, Any] = {
        k.removeprefix(FIELD): str(v) for k, v in form.items() if k.startswith(FIELD)
    }
    own = {k: str(v) for k, v in form.items() if not k.startswith((FIELD, "concession_"))}
    if FIELD + "parties" in form:
        fields["parties"] = [str(p) for p in form.getlist(FIELD + "parties")]
    if "concession_by" in form:
        columns = {k: [str(x) for x in form.getlist(f"concession_{k}")] for k in CONCESSION_KEYS}
        removed = {str(x) for x in form.getlist("concession_remove")}
        count = max(len(c) for c in columns.values())
        fields["concessions"] = [
            {k: (columns[k][i] if i < len(columns[k]) else "") for k in CONCESSION_KEYS}
            for i in range(count)
            if str(i) not in removed
        ]
    return fields, own


def record_page(word: str, record: Any) -> str | None:
    """The public page a record is shown on, for links from its forms and history."""
    kind = editing.kind_of(word)
    if kind == "person":
        return f"/persons/{quote(record.id, safe='')}"
    if kind == "event":
        return f"/persons/{quote(record.person_id, safe='')}"
    if kind == "deal":
        return f"/deals/{quote(record.id, safe='')}"
    if kind == "source":
        return f"/sources/{quote(record.id, safe='')}"
    return None


def router(templates: Jinja2Templates) -> APIRouter:
    r = APIRouter()

    def form(
        request: Request,
        lg: Ledger,
        v: Viewer,
        word: str,
        record_id: str | None,
        values: dict[str, Any],
        message: str = "",
        status: int = 200,
    ) -> Response:
        """The add form (`record_id` None) or the edit form of one record."""
        kind = editing.kind_of(word)
        record = None if record_id is None else editing.current(lg.store, kind, record_id)
        return page(
            templates,
            request,
            lg,
            v,
            "record_form.html",
            status=status,
            word=word,
            record_id=record_id,
            fields=editing.FIELDS[kind],
            values=values,
            concession_kinds=CONCESSION_KINDS,
            blank_rows=BLANK_ROWS,
            based_on=None if record_id is None else editing.based_on(lg.store, kind, record_id),
            figures=(editing.deal_figures(lg.store, record) if kind == "deal" and record else []),
            view=None if record is None else record_page(word, record),
            message=message or request.query_params.get("message", ""),
        )

    async def submitted(request: Request, v: Viewer) -> tuple[dict[str, Any], dict[str, str]]:
        """A posted record form (its fields, its own inputs), once its CSRF token is checked."""
        fields, own = form_values(await request.form())
        check_csrf(request, v, own.get("csrf"))
        return fields, own

    async def _void_or_restore(
        request: Request,
        lg: Ledger,
        v: Viewer,
        word: str,
        record_id: str,
        act: editing.VoidOrRestore,
        done: str,
    ) -> Response:
        """A void or a restore posted from a record's history page, back to that page with
        the outcome (`done` and the revision, or why it was refused)."""
        assert v.user is not None
        _, own = await submitted(request, v)
        back = f"/history/{word}/{quote(record_id, safe='')}"
        try:
            rev = act(lg.store, word, record_id, v.user.name, now(), own.get("why"), _based(own))
        except editing.EditError as exc:
            return _to(back, str(exc))
        finally:
            lg.invalidate()
        return _to(back, f"{done} (revision {rev.seq})")

    @r.get("/add/{word}", include_in_schema=False)
    def add_form(
        word: str,
        request: Request,
        lg: Ledger = Depends(ledger),
        v: Viewer = Depends(require_analyst),
    ) -> Response:
        if editing.KINDS.get(word) not in editing.ADDABLE:
            raise HTTPException(404, f"no form to add a {word}")
        prefill = {k: x for k, x in request.query_params.items() if k != "message"}
        return form(request, lg, v, word, None, prefill)

    @r.post("/add/{word}", include_in_schema=False)
    async def add_save(
        word: str,
        request: Request,
        lg: Ledger = Depends(ledger),
        v: Viewer = Depends(require_analyst),
    ) -> Response:
        if editing.KINDS.get(word) not in editing.ADDABLE:
            raise HTTPException(404, f"no form to add a {word}")
        assert v.user is not None
        fields, _ = await submitted(request, v)
        try:
            record = editing.add(lg.store, word, fields, v.user.name, now())
        except editing.EditError as exc:
            return form(request, lg, v, word, None, fields, str(exc), _status(exc))
        finally:
            lg.invalidate()
        return _to(f"/history/{word}/{quote(record.id, safe='')}", "added")

    @r.get("/edit/{word}/{record_id}", include_in_schema=False)
    def edit_form(
        word: str,
        record_id: str,
        request: Request,
        lg: Ledger = Depends(ledger),
        v: Viewer = Depends(require_analyst),
    ) -> Response:
        try:
            kind = editing.kind_of(word)
            shown = editing.as_text(kind, editing.current(lg.store, kind, record_id))
            return form(request, lg, v, word, record_id, shown)
        except editing.EditError as exc:
            raise HTTPException(404, str(exc)) from None

    @r.post("/edit/{word}/{record_id}", include_in_schema=False)
    async def edit_save(
        word: str,
        record_id: str,
        request: Request,
        lg: Ledger = Depends(ledger),
        v: Viewer = Depends(require_analyst),
    ) -> Response:
        assert v.user is not None
        fields, own = await submitted(request, v)
        try:
            kind = editing.kind_of(word)
            changes = editing.form_changes(kind, editing.current(lg.store, kind, record_id), fields)
            rev = editing.edit(
                lg.store, word, record_id, changes, v.user.name, now(), own.get("why"), _based(own)
            )
        except editing.EditError as exc:
            if isinstance(exc, editing.UnknownRecordError):
                raise HTTPException(404, str(exc)) from None
            return form(request, lg, v, word, record_id, fields, str(exc), _status(exc))
        finally:
            lg.invalidate()
        return _to(f"/history/{word}/{quote(record_id, safe='')}", f"saved as revision {rev.seq}")

    @r.post("/void/{word}/{record_id}", include_in_schema=False)
    async def void(
        word: str,
        record_id: str,
        request: Request,
        lg: Ledger = Depends(ledger),
        v: Viewer = Depends(require_analyst),
    ) -> Response:
        return await _void_or_restore(request, lg, v, word, record_id, editing.void, "void")

    @r.post("/restore/{word}/{record_id}", include_in_schema=False)
    async def restore(
        word: str,
        record_id: str,
        request: Request,
        lg: Ledger = Depends(ledger),
        v: Viewer = Depends(require_analyst),
    ) -> Response:
        return await _void_or_restore(request, lg, v, word, record_id, editing.restore, "restored")

    @r.get("/history/{word}/{record_id}", include_in_schema=False)
    def history(
        word: str,
        record_id: str,
        request: Request,
        lg: Ledger = Depends(ledger),
        v: Viewer = Depends(require_analyst),
    ) -> Response:
        try:
            steps = editing.history(lg.store, word, record_id)
            kind = editing.kind_of(word)
        except editing.EditError as exc:
            raise HTTPException(404, str(exc)) from None
        standing = editing.find(lg.store, kind, record_id)
        return page(
            templates,
            request,
            lg,
            v,
            "history.html",
            word=word,
            record_id=record_id,
            steps=[editing.change_dict(s) for s in steps],
            based_on=steps[-1].seq,
            view=None if standing is None else record_page(word, standing),
            void=standing is None,
            message=request.query_params.get("message", ""),
        )

    @r.get("/review/{claim_id}/preview", include_in_schema=False)
    def preview(
        claim_id: str,
        request: Request,
        lg: Ledger = Depends(ledger),
        v: Viewer = Depends(require_analyst),
    ) -> Response:
        assert v.user is not None
        try:
            plan = reviewing.show(lg.store, claim_id, v.user.name, now())
        except reviewing.ReviewError as exc:
            raise HTTPException(404, str(exc)) from None
        return page(
            templates,
            request,
            lg,
            v,
            "review_preview.html",
            plan=editing.plain(plan),
            message=request.query_params.get("message", ""),
        )

    @r.post("/review/{claim_id}/undo", include_in_schema=False)
    async def undo(
        claim_id: str,
        request: Request,
        lg: Ledger = Depends(ledger),
        v: Viewer = Depends(require_analyst),
    ) -> Response:
        assert v.user is not None
        _, own = await submitted(request, v)
        try:
            done = reviewing.undo(lg.store, claim_id, v.user.name, now(), own.get("why"))
            message = (
                f"undone: {done.figures} figure(s), {done.events} event(s), "
                f"{done.persons} person(s), {done.deals_restored + done.deals_voided} deal(s)"
            )
        except reviewing.ReviewError as exc:
            message = str(exc)
        finally:
            lg.invalidate()
        return _to(f"/review/{quote(claim_id, safe='')}/preview", message)

    return r
