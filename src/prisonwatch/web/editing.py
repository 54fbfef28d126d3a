"""Forms for analysts and admins: add and edit records, void them, and each record's history.
Usable without JavaScript; every form carries the session's CSRF token and, for an edit, the
revision it was made from, so an edit made meanwhile by someone else is refused, not lost.

Each route reads its form, calls one service (`services.editing`, `services.reviewing`) and
answers; the form's fields come from the service's field table (`record_fields.FIELDS`). A deal's
parties and concessions are structured: one input per party, one row per concession (who gave
it, what kind, what it concerned, a note), so nothing has to be typed in a private syntax.
"""

from __future__ import annotations

from collections.abc import Callable
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

    async def posted(
        request: Request,
        v: Viewer,
        lg: Ledger,
        write: Callable[[dict[str, Any], dict[str, str]], Any],
    ) -> Any:
        """Read a form, check its CSRF token, make the write; derived state is told of it."""
        fields, own = form_values(await request.form())
        check_csrf(request, v, own.get("csrf"))
        try:
            return write(fields, own)
        finally:
            lg.invalidate()

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
        name = v.user.name
        data: dict[str, Any] = {}

        def write(fields: dict[str, Any], _: dict[str, str]) -> Any:
            data.update(fields)
            return editing.add(lg.store, word, fields, name, now())

        try:
            record = await posted(request, v, lg, write)
        except editing.EditError as exc:
            return form(request, lg, v, word, None, data, str(exc), _status(exc))
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
        name = v.user.name
        data: dict[str, Any] = {}

        def write(fields: dict[str, Any], own: dict[str, str]) -> Any:
            data.update(fields)
            kind = editing.kind_of(word)
            record = editing.current(lg.store, kind, record_id)
            changes = editing.form_changes(kind, record, fields)
            based = own.get("based_on", "")
            why = own.get("why")
            return editing.edit(
                lg.store,
                word,
                record_id,
                changes,
                name,
                now(),
                why,
                int(based) if based.isdigit() else None,
            )

        try:
            rev = await posted(request, v, lg, write)
        except editing.EditError as exc:
            if isinstance(exc, editing.UnknownRecordError):
                raise HTTPException(404, str(exc)) from None
            fields = editing.FIELDS[editing.kind_of(word)]
            values = {k: data.get(k, "") for k in fields}
            return form(request, lg, v, word, record_id, values, str(exc), _status(exc))
        return _to(f"/history/{word}/{quote(record_id, safe='')}", f"saved as revision {rev.seq}")

    @r.post("/void/{word}/{record_id}", include_in_schema=False)
    async def void(
        word: str,
        record_id: str,
        request: Request,
        lg: Ledger = Depends(ledger),
        v: Viewer = Depends(require_analyst),
    ) -> Response:
        assert v.user is not None
        name = v.user.name

        def write(_: dict[str, Any], own: dict[str, str]) -> Any:
            based = own.get("based_on", "")
            return editing.void(
                lg.store,
                word,
                record_id,
                name,
                now(),
                own.get("why"),
                int(based) if based.isdigit() else None,
            )

        back = f"/history/{word}/{quote(record_id, safe='')}"
        try:
            rev = await posted(request, v, lg, write)
        except editing.EditError as exc:
            return _to(back, str(exc))
        return _to(back, f"void (revision {rev.seq})")

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
        name = v.user.name

        def write(_: dict[str, Any], own: dict[str, str]) -> str:
            try:
                done = reviewing.undo(lg.store, claim_id, name, now(), own.get("why"))
            except reviewing.ReviewError as exc:
                return str(exc)
            return (
                f"undone: {done.figures} figure(s), {done.events} event(s), "
                f"{done.persons} person(s), {done.deals_restored + done.deals_voided} deal(s)"
            )

        message: str = await posted(request, v, lg, write)
        return _to(f"/review/{quote(claim_id, safe='')}/preview", message)

    return r
