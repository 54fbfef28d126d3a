"""The app factory: FastAPI with the JSON API, the pages, errors in one shape, and security
headers on every response."""

from __future__ import annotations

import threading
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from prisonwatch.services import name_check, organisation_names
from prisonwatch.storage.sql import SqlStore
from prisonwatch.web import admin, api, api_edit, demands, editing, pages
from prisonwatch.web.context import Ledger, OneVersionPerRequest
from prisonwatch.web.openapi_params import ERRORS
from prisonwatch.web.peers import parse_networks
from prisonwatch.web.responses import BadParameterError, error_json
from prisonwatch.web.settings import WebSettings

HERE = Path(__file__).parent
_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    422: "bad_request",
}


class _BodyLimit:
    """Refuses a request whose declared body is over `limit` bytes (413), before any handler
    reads it. A plain ASGI middleware: Starlette's `BaseHTTPMiddleware` costs every request a
    task and a stream of its own, which showed in the latency at 20 clients."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            length = Headers(scope=scope).get("content-length")
            if length is not None and (not length.isdigit() or int(length) > self.limit):
                response = error_json("too_large", f"request body over {self.limit} bytes", 413)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def app_from_env() -> FastAPI:
    """The app of one worker process of `prisonwatch serve --workers N`: its database comes
    from `PRISONWATCH_DB`, read when the worker starts (never at import time)."""
    import os

    return create_app(WebSettings.from_env(os.environ["PRISONWATCH_DB"]))


SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; "
        "frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}
"""Sent with every response: no inline script or style runs, no framing, no referrer."""

NO_STORE = {
    "Cache-Control": "no-store, private",
    "Vary": "Cookie, Authorization, Accept-Language",
}
"""Sent with every response but the static files: no cache may keep it. One address answers
the public and an analyst differently (an analyst's page of a protected person is the
public's 404), and a kept public answer would outlive a protection change, so neither a
shared cache in front of the site nor a browser's disk cache may store what it is given."""


class _SecurityHeaders:
    """Adds `SECURITY_HEADERS` to every response, errors and static files included, and
    `NO_STORE` to every response but the static files (the same for everyone, and cacheable)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.raw = [(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
        self.no_store = [(k.lower().encode(), v.encode()) for k, v in NO_STORE.items()]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        static = scope["path"].startswith("/static/")
        added = self.raw if static else [*self.raw, *self.no_store]
        dropped = () if static else tuple(k for k, _ in self.no_store)

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in dropped]
                message["headers"] = [*kept, *added]
            await send(message)

        await self.app(scope, receive, with_headers)


def _prepare_in_background() -> None:
    """Load the name check's tables beside the first requests (`name_check.prepare`): not
    on the first protection change's path."""
    threading.Thread(target=name_check.prepare, name="prisonwatch-prepare", daemon=True).start()


def create_app(settings: WebSettings, store: SqlStore | None = None) -> FastAPI:
    """A web app on one database; the schema is brought up to date first."""
    proxies = parse_networks(settings.trusted_proxies)  # a bad setting stops before any work
    organisation_names.apply(settings.org_aliases)  # likewise a bad aliases file
    store = store or SqlStore(settings.db_url)
    store.migrate()
    app = FastAPI(
        title="prisonwatch",
        version="1",
        docs_url=None,
        openapi_url="/api/v1/openapi.json",
        redoc_url=None,
        responses=ERRORS,
    )
    app.state.ledger = Ledger(store, Path(settings.snapshot) if settings.snapshot else None)
    app.router.add_event_handler("shutdown", app.state.ledger.stopped)
    app.router.add_event_handler("startup", _prepare_in_background)
    app.state.trusted_proxies = proxies
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    app.add_middleware(_BodyLimit, limit=settings.max_body_bytes)
    app.add_middleware(_SecurityHeaders)
    app.add_middleware(OneVersionPerRequest)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(api.router)
    app.include_router(api_edit.router)
    app.include_router(pages.router(templates, settings.secure_cookies))
    app.include_router(demands.router(templates))
    app.include_router(admin.router(templates))
    app.include_router(editing.router(templates))

    def wants_json(request: Request) -> bool:
        return request.url.path.startswith("/api/")

    def error_page(request: Request, status: int, message: str) -> Response:
        if wants_json(request):
            return error_json(_CODES.get(status, "error"), message, status)
        if status == 401:
            return Response(status_code=303, headers={"Location": "/login"})
        html = templates.get_template("error.html").render(
            request=request, status=status, message=message, viewer=None
        )
        return HTMLResponse(html, status_code=status)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        response = error_page(request, exc.status_code, str(exc.detail))
        if exc.headers and response.status_code == exc.status_code:
            response.headers.update(exc.headers)  # a 405's Allow
        return response

    @app.exception_handler(404)
    async def not_found(request: Request, exc: Exception) -> Response:
        detail = getattr(exc, "detail", None) or "not found"
        return error_page(request, 404, str(detail))

    @app.exception_handler(BadParameterError)
    async def bad_param(request: Request, exc: BadParameterError) -> Response:
        return error_page(request, 400, str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(x) for x in first.get("loc", ()) if x not in ("body", "query"))
        return error_page(request, 400, f"{where}: {first.get('msg', 'invalid')}")

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        return error_page(request, 500, "internal error; nothing was changed")

    return app
