"""Server-rendered pages, usable without JavaScript."""

from __future__ import annotations

from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from prisonwatch.core import labels
from prisonwatch.core.timeline import CUSTODY_STATUSES
from prisonwatch.core.vocabulary import Gender
from prisonwatch.services import accounts, conflicts, public, reviewing
from prisonwatch.web import dashboards, i18n, present
from prisonwatch.web.context import SESSION_COOKIE, Ledger, Viewer, now
from prisonwatch.web.deps import (
    check_csrf,
    ledger,
    person_filters,
    require_analyst,
    scope,
    viewer,
)
from prisonwatch.web.peers import client_address
from prisonwatch.web.responses import page


def _back_to(path: str, message: str) -> RedirectResponse:
    """Back to the list a decision was made on, saying what happened.

    The message is query-encoded: a chosen value or an error may hold '&' or '#',
    which would otherwise cut the message short.
    """
    return RedirectResponse(f"{path}?{urlencode({'message': message})}", status_code=303)


def router(templates: Jinja2Templates, secure_cookies: bool) -> APIRouter:
    r = APIRouter()

    i18n.install(templates)
    templates.env.filters["metric"] = labels.metric
    templates.env.filters["event"] = labels.event
    templates.env.globals["qualifier_patterns"] = labels.QUALIFIERS

    @r.get("/language/{code}", include_in_schema=False)
    def choose_language(code: str, request: Request) -> Response:
        """Remember the chosen language in a cookie and go back to the page (on this site)."""
        if code not in i18n.LANGUAGES:
            raise HTTPException(404, "no such language")
        nxt = request.query_params.get("next") or "/"
        if not nxt.startswith("/") or nxt.startswith("//") or "\\" in nxt:
            nxt = "/"
        response = RedirectResponse(nxt, status_code=303)
        response.set_cookie(
            i18n.COOKIE,
            code,
            max_age=365 * 24 * 3600,
            samesite="lax",
            secure=secure_cookies,
        )
        return response

    @r.get("/", include_in_schema=False)
    def dashboard(
        request: Request, lg: Ledger = Depends(ledger), v: Viewer = Depends(viewer)
    ) -> Response:
        board = dashboards.build(lg, v, request)
        return page(
            templates,
            request,
            lg,
            v,
            "dashboard.html",
            board=board,
            stats=board.stats,
            deals=board.deals,
            svgs={
                n: dashboards.chart_svgs(n, board, i18n.language(request))
                for n in dashboards.CHARTS
            },
            scope=board.scope,
            board_summaries={
                n: dashboards.summary(n, board, i18n.language(request)) for n in dashboards.CHARTS
            },
        )

    @r.get("/charts/{name}.{ext}", include_in_schema=False)
    def chart_file(
        name: str,
        ext: str,
        request: Request,
        lg: Ledger = Depends(ledger),
        v: Viewer = Depends(viewer),
    ) -> Response:
        if name not in dashboards.CHARTS or ext not in ("svg", "csv"):
            raise HTTPException(404, "no such chart")
        board = dashboards.build(lg, v, request)
        if ext == "csv":
            body = dashboards.chart_csv(name, board)
            return Response(
                body,
                media_type="text/csv",
                headers={"Content-Disposition": f'attachment; filename="{name}.csv"'},
            )
        svg = dashboards.chart_svg(name, board, i18n.language(request))
        return Response(
            svg,
            media_type="image/svg+xml",
            headers={"Content-Disposition": f'attachment; filename="{name}.svg"'},
        )

    @r.get("/persons", include_in_schema=False)
    def persons(
        request: Request, lg: Ledger = Depends(ledger), v: Viewer = Depends(viewer)
    ) -> Response:
        qp = request.query_params
        rows, _ = present.persons(lg, v, *person_filters(request))
        return page(
            templates,
            request,
            lg,
            v,
            "persons.html",
            rows=rows,
            q=qp.get("q", ""),
            filters={k: qp.get(k, "") for k in ("status", "region", "gender", "org")},
            # the values the filter accepts, so that the form offers each ("died in custody"
            # was missing) and no other
            statuses=CUSTODY_STATUSES,
            genders=[g.value for g in Gender],
        )

    @r.get("/persons/{person_id}", include_in_schema=False)
    def person(
        person_id: str, request: Request, lg: Ledger = Depends(ledger), v: Viewer = Depends(viewer)
    ) -> Response:
        try:
            data = present.person(lg, v, person_id)
        except present.NotFoundError:
            raise HTTPException(404, "no such person") from None
        return page(templates, request, lg, v, "person.html", p=data)

    @r.get("/deals", include_in_schema=False)
    def deals(
        request: Request, lg: Ledger = Depends(ledger), v: Viewer = Depends(viewer)
    ) -> Response:
        return page(
            templates, request, lg, v, "deals.html", deals=present.deals(lg, v, scope(request))
        )

    @r.get("/deals/{deal_id}", include_in_schema=False)
    def deal(
        deal_id: str, request: Request, lg: Ledger = Depends(ledger), v: Viewer = Depends(viewer)
    ) -> Response:
        try:
            data = present.deal(lg, v, scope(request), deal_id)
        except present.NotFoundError:
            raise HTTPException(404, "no such deal") from None
        return page(templates, request, lg, v, "deal.html", d=data)

    @r.get("/sources", include_in_schema=False)
    def sources(
        request: Request, lg: Ledger = Depends(ledger), v: Viewer = Depends(viewer)
    ) -> Response:
        return page(templates, request, lg, v, "sources.html", rows=present.sources(lg, v))

    @r.get("/sources/{source_id}", include_in_schema=False)
    def source(
        source_id: str, request: Request, lg: Ledger = Depends(ledger), v: Viewer = Depends(viewer)
    ) -> Response:
        try:
            data = present.source(lg, v, source_id)
        except present.NotFoundError:
            raise HTTPException(404, "no such source") from None
        return page(templates, request, lg, v, "source.html", s=data)

    @r.post("/sources/{source_id}/clear", include_in_schema=False)
    def clear(
        source_id: str,
        request: Request,
        target: str = Form(...),
        note: str = Form(""),
        despite: str = Form(""),
        csrf: str = Form(""),
        lg: Ledger = Depends(ledger),
        v: Viewer = Depends(require_analyst),
    ) -> Response:
        check_csrf(request, v, csrf)
        assert v.user is not None
        kind, _, target_id = target.partition(":")
        try:
            public.clear(
                lg.store, kind, target_id, v.user.name, now(), note or None, despite == "yes"
            )
            message = f"cleared {kind}"
        except public.ClearanceError as exc:
            message = str(exc)
        finally:
            lg.invalidate()
        return _back_to(f"/sources/{quote(source_id, safe='')}", message)

    @r.get("/review", include_in_schema=False)
    def review(
        request: Request, lg: Ledger = Depends(ledger), v: Viewer = Depends(require_analyst)
    ) -> Response:
        return page(
            templates,
            request,
            lg,
            v,
            "review.html",
            rows=present.suggestions(lg),
            message=request.query_params.get("message", ""),
        )

    @r.post("/review/{claim_id}", include_in_schema=False)
    def decide(
        claim_id: str,
        request: Request,
        decision: str = Form(...),
        csrf: str = Form(""),
        lg: Ledger = Depends(ledger),
        v: Viewer = Depends(require_analyst),
    ) -> Response:
        check_csrf(request, v, csrf)
        assert v.user is not None
        try:
            message = reviewing.decide(
                lg.store, claim_id, decision, v.user.name, now(), lg.names_for_writing
            )
        except reviewing.ReviewError as exc:
            message = str(exc)
        finally:
            lg.invalidate()
        return _back_to("/review", message)

    @r.get("/conflicts", include_in_schema=False)
    def conflict_list(
        request: Request, lg: Ledger = Depends(ledger), v: Viewer = Depends(require_analyst)
    ) -> Response:
        return page(
            templates,
            request,
            lg,
            v,
            "conflicts.html",
            rows=present.conflicts(lg),
            message=request.query_params.get("message", ""),
        )

    @r.post("/conflicts", include_in_schema=False)
    def choose(
        request: Request,
        key: str = Form(...),
        chosen: str = Form(...),
        why: str = Form(""),
        csrf: str = Form(""),
        lg: Ledger = Depends(ledger),
        v: Viewer = Depends(require_analyst),
    ) -> Response:
        check_csrf(request, v, csrf)
        assert v.user is not None
        try:
            conflicts.choose(lg.store, key, chosen, v.user.name, now(), why)
            lg.invalidate()
            message = f"chose {chosen}"
        except conflicts.ConflictError as exc:
            message = str(exc)
        return _back_to("/conflicts", message)

    @r.get("/login", include_in_schema=False)
    def login_form(
        request: Request, lg: Ledger = Depends(ledger), v: Viewer = Depends(viewer)
    ) -> Response:
        return page(templates, request, lg, v, "login.html", error="")

    @r.post("/login", include_in_schema=False)
    def login(
        request: Request,
        name: str = Form(...),
        password: str = Form(...),
        lg: Ledger = Depends(ledger),
        v: Viewer = Depends(viewer),
    ) -> Response:
        address = client_address(request)
        try:
            done = accounts.login(lg.accounts, name, password, address, now())
        except accounts.AccountError as exc:
            return page(templates, request, lg, v, "login.html", status=401, error=str(exc))
        response = RedirectResponse("/", status_code=303)
        response.set_cookie(
            SESSION_COOKIE,
            done.token,
            httponly=True,
            samesite="strict",
            secure=secure_cookies,
            max_age=accounts.SESSION_HOURS * 3600,
        )
        return response

    @r.post("/logout", include_in_schema=False)
    def logout(
        request: Request,
        csrf: str = Form(""),
        lg: Ledger = Depends(ledger),
        v: Viewer = Depends(viewer),
    ) -> Response:
        if v.user is not None:
            check_csrf(request, v, csrf)
            accounts.logout(lg.accounts, request.cookies.get(SESSION_COOKIE), now())
        response = RedirectResponse("/", status_code=303)
        response.delete_cookie(SESSION_COOKIE)
        return response

    return r
