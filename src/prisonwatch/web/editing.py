"""Edit forms for analysts and admins: add and edit records, void them, and each record's
history. Usable without JavaScript; every form carries the session's CSRF token and the
revision it was made from, so an edit made meanwhile by someone else is refused, not lost.
"""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from prisonwatch.core.revisions import newest_seq
from prisonwatch.core.vocabulary import Protection
from prisonwatch.services import editing, reviewing
from prisonwatch.web.context import Ledger, Viewer, now
from prisonwatch.web.deps import check_csrf, ledger, require_analyst
from prisonwatch.web.responses import page

CHOICES = {"protection": [p.value for p in Protection]}


def _to(path: str, message: str) -> RedirectResponse:
    return RedirectResponse(f"{path}?{urlencode({'message': message})}", status_code=303)


def router(templates: Jinja2Templates) -> APIRouter:
    r = APIRouter()

    def form(
        request: Request,
        lg: Ledger,
        v: Viewer,
        word: str,
        record_id: str,
        values: dict[str, str] | None = None,
        message: str = "",
        status: int = 200,
    ) -> Response:
        kind = editing.kind_of(word)
        record = editing.current(lg.store, kind, record_id)
        based_on = newest_seq(lg.store.revisions(kind, record_id))
        return page(
            templates,
            request,
            lg,
            v,
            "edit_record.html",
            status=status,
            word=word,
            record_id=record_id,
            values=values or editing.as_text(kind, record),
            choices=CHOICES,
            based_on=based_on,
            message=message or request.query_params.get("message", ""),
        )

    @r.get("/edit/{word}/{record_id}", include_in_schema=False)
    def edit_form(
        word: str,
        record_id: str,
        request: Request,
        lg: Ledger = Depends(ledger),
        v: Viewer = Depends(require_analyst),
    ) -> Response:
        try:
            return form(request, lg, v, word, record_id)
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
        data = {k: str(x) for k, x in (await request.form()).items()}
        check_csrf(request, v, data.get("csrf"))
        assert v.user is not None
        try:
            kind = editing.kind_of(word)
            record = editing.current(lg.store, kind, record_id)
            changes = editing.form_changes(kind, record, data)
            based = data.get("based_on", "")
            rev = editing.edit(
                lg.store,
                word,
                record_id,
                changes,
                v.user.name,
                now(),
                data.get("why"),
                int(based) if based.isdigit() else None,
            )
        except editing.EditError as exc:
            status = 409 if isinstance(exc, editing.StaleEditError) else 400
            if isinstance(exc, editing.UnknownRecordError):
                raise HTTPException(404, str(exc)) from None
            values = {k: data.get(k, "") for k in editing.FIELDS[editing.kind_of(word)]}
            return form(request, lg, v, word, record_id, values, str(exc), status)
        finally:
            lg.invalidate()
        return _to(f"/history/{word}/{record_id}", f"saved as revision {rev.seq}")

    @r.post("/void/{word}/{record_id}", include_in_schema=False)
    async def void(
        word: str,
        record_id: str,
        request: Request,
        lg: Ledger = Depends(ledger),
        v: Viewer = Depends(require_analyst),
    ) -> Response:
        data = {k: str(x) for k, x in (await request.form()).items()}
        check_csrf(request, v, data.get("csrf"))
        assert v.user is not None
        based = data.get("based_on", "")
        try:
            rev = editing.void(
                lg.store,
                word,
                record_id,
                v.user.name,
                now(),
                data.get("why"),
                int(based) if based.isdigit() else None,
            )
        except editing.EditError as exc:
            return _to(f"/history/{word}/{record_id}", str(exc))
        finally:
            lg.invalidate()
        return _to(f"/history/{word}/{record_id}", f"void (revision {rev.seq})")

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
        except editing.EditError as exc:
            raise HTTPException(404, str(exc)) from None
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
        data = {k: str(x) for k, x in (await request.form()).items()}
        check_csrf(request, v, data.get("csrf"))
        assert v.user is not None
        try:
            done = reviewing.undo(lg.store, claim_id, v.user.name, now(), data.get("why"))
            message = (
                f"undone: {done.figures} figure(s), {done.events} event(s), "
                f"{done.persons} person(s), {done.deals_restored + done.deals_voided} deal(s)"
            )
        except reviewing.ReviewError as exc:
            message = str(exc)
        finally:
            lg.invalidate()
        return _to(f"/review/{claim_id}/preview", message)

    @r.get("/add/person", include_in_schema=False)
    def add_form(
        request: Request, lg: Ledger = Depends(ledger), v: Viewer = Depends(require_analyst)
    ) -> Response:
        return page(templates, request, lg, v, "edit_person_new.html", values={}, choices=CHOICES)

    @r.post("/add/person", include_in_schema=False)
    async def add_save(
        request: Request, lg: Ledger = Depends(ledger), v: Viewer = Depends(require_analyst)
    ) -> Response:
        data = {k: str(x) for k, x in (await request.form()).items()}
        check_csrf(request, v, data.get("csrf"))
        assert v.user is not None
        try:
            person = editing.add_person(lg.store, data, v.user.name, now())
        except editing.EditError as exc:
            return page(
                templates,
                request,
                lg,
                v,
                "edit_person_new.html",
                status=400,
                values=data,
                choices=CHOICES,
                message=str(exc),
            )
        finally:
            lg.invalidate()
        return _to(f"/history/person/{person.id}", "added")

    return r
