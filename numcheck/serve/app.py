"""The ASGI application behind ``numcheck serve`` (Starlette).

Routes: ``GET /`` (the page), ``POST /api/check``, ``GET /api/rates``, ``GET /healthz``,
``GET /openapi.json``, ``POST /v2/check`` and ``GET /v2/languages`` (LanguageTool's API).
Every error is JSON: ``{"error": "<one line>", "status": 400, "field": "date"}``.

Limits, all set by :class:`Settings`: the request body (2 MB by default, 413), the time a
check may take (10 s, then 503: the check's thread is left to finish, its answer dropped),
how many checks run at once (the rest wait, within their time limit), a bearer token when
one is configured (401 without it), CORS only for the origins configured.
"""

from __future__ import annotations

import asyncio
import hashlib
import base64
import hmac
import json
import logging
import re
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from .. import __version__
from ..errors import InputError
from ..conversion.rates.ecb import parse_date
from ..pipeline import _tolerance
from .engine import CheckRequest, Engine, RequestError
from . import languagetool as lt

log = logging.getLogger("numcheck.serve.access")

DEFAULT_MAX_BODY = 2 * 1024 * 1024
DEFAULT_TIMEOUT = 10.0
CHECK_FIELDS = ("text", "date", "lang", "tolerance", "rates", "format")


@dataclass
class Settings:
    """How the server runs; the command line fills it (``numcheck serve --help``)."""

    max_body: int = DEFAULT_MAX_BODY  # bytes of request body, then 413
    timeout: float = DEFAULT_TIMEOUT  # seconds a check may take, then 503
    workers: int = 2  # checks running at once
    token: str | None = None  # bearer token the API requires; None: none
    cors_origins: tuple[str, ...] = ()  # origins allowed by CORS; empty: CORS off
    access_log: bool = True


def error(status: int, message: str, field: str | None = None, headers: dict | None = None) -> JSONResponse:
    body: dict[str, Any] = {"error": message, "status": status}
    if field:
        body["field"] = field
    return JSONResponse(body, status_code=status, headers=headers)


# -- middleware ---------------------------------------------------------------------------


class Limits:
    """Body size and bearer token, checked before any route runs (pure ASGI, so an oversized
    body is refused as it arrives, not after it was read)."""

    OPEN = ("/", "/healthz", "/openapi.json")  # the page and the health check need no token

    def __init__(self, app, settings: Settings):
        self.app, self.settings = app, settings

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        s = self.settings
        if s.token and scope["path"] not in self.OPEN and scope["method"] != "OPTIONS":
            auth = dict(scope["headers"]).get(b"authorization", b"").decode("latin-1")
            given = auth[7:].strip() if auth[:7].lower() == "bearer " else ""
            if not hmac.compare_digest(given.encode(), s.token.encode()):
                why = "missing bearer token" if not given else "wrong bearer token"
                return await error(401, f"{why}: send Authorization: Bearer <token>",
                                   headers={"WWW-Authenticate": 'Bearer realm="numcheck"'})(scope, receive, send)
        length = dict(scope["headers"]).get(b"content-length")
        too_big = f"request body too large: the limit is {s.max_body:,} bytes"
        if length is not None and length.isdigit() and int(length) > s.max_body:
            return await error(413, too_big)(scope, receive, send)
        # a body without a length (chunked) is counted as it arrives
        chunks, size = [], 0
        if scope["method"] in ("POST", "PUT", "PATCH"):
            more = True
            while more:
                msg = await receive()
                if msg["type"] == "http.disconnect":
                    return
                chunk = msg.get("body", b"")
                size += len(chunk)
                if size > s.max_body:
                    return await error(413, too_big)(scope, receive, send)
                chunks.append(chunk)
                more = msg.get("more_body", False)
            body = b"".join(chunks)
            sent = False

            async def replay():
                nonlocal sent
                if not sent:
                    sent = True
                    return {"type": "http.request", "body": body, "more_body": False}
                return await receive()

            return await self.app(scope, replay, send)
        return await self.app(scope, receive, send)


class AccessLog:
    """One JSON line per request on the ``numcheck.serve.access`` logger: time, client,
    method, path, status, bytes sent, milliseconds (no text, no token: copy can be private)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        t0 = time.perf_counter()
        state = {"status": 500, "bytes": 0}

        async def counting(msg):
            if msg["type"] == "http.response.start":
                state["status"] = msg["status"]
            elif msg["type"] == "http.response.body":
                state["bytes"] += len(msg.get("body", b""))
            await send(msg)

        try:
            await self.app(scope, receive, counting)
        finally:
            client = scope.get("client")
            log.info(json.dumps({
                "ts": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                "client": client[0] if client else None,
                "method": scope["method"],
                "path": scope["path"],
                "status": state["status"],
                "bytes": state["bytes"],
                "ms": round((time.perf_counter() - t0) * 1000, 1),
            }))


# -- the page -----------------------------------------------------------------------------


def _page() -> tuple[bytes, str]:
    """The page and its Content-Security-Policy: nothing but its own inline script and style
    (by hash) and requests to this server."""
    html = resources.files(__package__).joinpath("page.html").read_text(encoding="utf-8")
    html = html.replace("{{version}}", __version__)

    def hashes(tag: str) -> str:
        bodies = re.findall(rf"<{tag}>(.*?)</{tag}>", html, re.S)
        return " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(b.encode()).digest()).decode()}'" for b in bodies)

    csp = (f"default-src 'none'; script-src {hashes('script')}; style-src {hashes('style')}; "
           "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
    return html.encode("utf-8"), csp


# -- request parsing ----------------------------------------------------------------------


def _date(value: Any, field_name: str = "date"):
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise RequestError(f"invalid {field_name} {value!r}: expected YYYY-MM-DD", field_name)
    try:
        return parse_date(value)
    except InputError as e:
        raise RequestError(str(e), field_name) from None


def _tol(value: Any):
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise RequestError(f"invalid tolerance {value!r}: expected a fraction such as 0.03", "tolerance")
    try:
        return _tolerance(value)
    except InputError as e:
        raise RequestError(str(e), "tolerance") from None


def _rates(value: Any) -> tuple[str, ...] | None:
    if value is None or value == "" or value == []:
        return None
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RequestError(f"invalid rates {value!r}: expected provider names, such as \"ecb\" or [\"live\", \"ecb\"]", "rates")
    return tuple(v.strip() for v in value if v.strip()) or None


def _text(value: Any, field_name: str = "text") -> str:
    if value is None:
        raise RequestError(f"missing {field_name}: the copy to check", field_name)
    if not isinstance(value, str):
        raise RequestError(f"invalid {field_name}: expected a string, got {type(value).__name__}", field_name)
    return value


def _annotated(data: Any) -> tuple[str, str]:
    """LanguageTool's ``data`` (annotated text) → (the text as sent, markup blanked): the
    offsets of the two agree, so matches point into the whole text."""
    try:
        items = json.loads(data)["annotation"]
        assert isinstance(items, list)
    except Exception:
        raise RequestError('invalid data: expected {"annotation": [{"text": …}, {"markup": …}]}', "data") from None
    whole, prose = [], []
    for item in items:
        if not isinstance(item, dict):
            raise RequestError("invalid data: each annotation is an object with text or markup", "data")
        if "text" in item:
            whole.append(str(item["text"]))
            prose.append(str(item["text"]))
        elif "markup" in item:
            m = str(item["markup"])
            whole.append(m)
            # a markup that stands for a break ("<p>" as "\n\n") keeps the sentences apart
            fill = "\n" if "\n" in str(item.get("interpretAs", "")) else " "
            prose.append(re.sub(r"[^\n]", fill, m) if m else "")
        else:
            raise RequestError("invalid data: each annotation has text or markup", "data")
    return "".join(whole), "".join(prose)


# -- the application ----------------------------------------------------------------------


def create_app(engine: Engine | None = None, settings: Settings | None = None) -> Starlette:
    """The application; builds (and warms) an :class:`Engine` when none is given."""
    settings = settings or Settings()
    engine = engine or Engine()
    pool = ThreadPoolExecutor(max_workers=max(1, settings.workers), thread_name_prefix="numcheck-check")
    page, csp = _page()
    started = time.time()

    async def run(fn, *args):
        """Run a check in the pool, within the time limit."""
        loop = asyncio.get_running_loop()
        fut = loop.run_in_executor(pool, fn, *args)
        try:
            return await asyncio.wait_for(fut, settings.timeout)
        except asyncio.TimeoutError:
            raise RequestError(f"the check took longer than {settings.timeout:g} s (the server's time limit); "
                               "send a shorter text or raise --timeout", status=503) from None

    async def home(request: Request) -> Response:
        return HTMLResponse(page, headers={
            "Content-Security-Policy": csp, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
            "Cache-Control": "no-cache",
        })

    async def healthz(request: Request) -> Response:
        p = engine.default_provider
        hist = getattr(p, "history", None)
        rates: dict[str, Any] = {"enabled": list(engine.rates), "provider": p.name}
        if hist is not None and hasattr(hist, "first"):
            rates.update({"first": str(hist.first), "last": str(hist.last)})
        return JSONResponse({
            "status": "ok", "version": __version__, "languages": list(engine.languages), "rates": rates,
            "regions": {"loaded": len(engine.loaded - set(engine.languages)), "loading": engine.regions_done.is_set() is False},
            "uptime_s": round(time.time() - started, 1),
            "limits": {"max_body": settings.max_body, "timeout_s": settings.timeout, "workers": settings.workers},
        })

    async def openapi(request: Request) -> Response:
        from .openapi import spec

        return JSONResponse(spec(__version__, engine))

    async def api_check(request: Request) -> Response:
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if ctype != "application/json":
            return error(415, f"expected Content-Type: application/json, got {ctype or 'none'}")
        try:
            body = json.loads(await request.body())
        except (ValueError, UnicodeDecodeError) as e:
            return error(400, f"invalid JSON: {e}")
        if not isinstance(body, dict):
            return error(400, "invalid request: expected a JSON object with a \"text\" field")
        unknown = sorted(set(body) - set(CHECK_FIELDS))
        if unknown:
            return error(400, f"unknown field {unknown[0]!r} (known: {', '.join(CHECK_FIELDS)})", unknown[0])
        fmt = body.get("format") or "plain"
        if not isinstance(fmt, str):
            raise RequestError(f"invalid format {fmt!r}: expected plain, markdown or html", "format")
        req = CheckRequest(
            text=_text(body.get("text")), date=_date(body.get("date")), lang=engine.language(body.get("lang")),
            tolerance=_tol(body.get("tolerance")), rates=_rates(body.get("rates")), format=fmt,
        )
        engine.provider_for(req.rates)  # an unknown provider is a 400 before any work
        return JSONResponse(await run(engine.report, req))

    async def api_rates(request: Request) -> Response:
        q = request.query_params
        unknown = sorted(set(q) - {"base", "quote", "date", "rates"})
        if unknown:
            return error(400, f"unknown parameter {unknown[0]!r} (known: base, quote, date, rates)", unknown[0])
        return JSONResponse(await run(engine.rate, q.get("base"), q.get("quote"), q.get("date"), _rates(q.get("rates"))))

    async def v2_check(request: Request) -> Response:
        # fields only: a file part would be spooled to disk, and no request writes a file
        try:
            form = dict(await request.form(max_files=0, max_fields=64))
        except HTTPException as e:
            raise RequestError(f"invalid form: {e.detail} (send the copy in the text field, not as a file)") from None
        if "data" in form and form.get("data"):
            text, prose = _annotated(form["data"])
        else:
            text = _text(form.get("text"))
            prose = None
        language = form.get("language")
        if not language:
            raise RequestError("missing language: a tag such as en-US, or auto", "language")
        lang = engine.language(language, "language")
        req = CheckRequest(text=prose if prose is not None else text, date=_date(form.get("date")), lang=lang,
                           tolerance=_tol(form.get("tolerance")), rates=_rates(form.get("rates")),
                           format=str(form.get("format") or "plain"))

        def work():
            result, doc = engine.check(req)
            return lt.answer(text, doc, result, str(language), form, __version__)

        return JSONResponse(await run(work))

    async def v2_languages(request: Request) -> Response:
        return JSONResponse(languages_list)

    languages_list = lt.languages(engine.languages, (engine.loaded | engine.pending) - set(engine.languages))

    async def on_request_error(request: Request, exc: RequestError) -> Response:
        return error(exc.status, str(exc), exc.field)

    async def on_input_error(request: Request, exc: InputError) -> Response:
        return error(400, str(exc), "text" if str(exc).startswith("text:") else None)

    async def on_http(request: Request, exc: HTTPException) -> Response:
        msg = {404: f"no such endpoint: {request.url.path}", 405: f"method {request.method} not allowed on {request.url.path}"}
        return error(exc.status_code, msg.get(exc.status_code, str(exc.detail)), headers=getattr(exc, "headers", None))

    async def on_crash(request: Request, exc: Exception) -> Response:
        logging.getLogger("numcheck.serve").exception("internal error on %s", request.url.path)
        first = (str(exc).splitlines() or [""])[0]
        return error(500, f"internal error while checking ({type(exc).__name__}: {first}); please report it")

    routes = [
        Route("/", home, methods=["GET"]),
        Route("/healthz", healthz, methods=["GET"]),
        Route("/openapi.json", openapi, methods=["GET"]),
        Route("/api/check", api_check, methods=["POST"]),
        Route("/api/rates", api_rates, methods=["GET"]),
        Route("/v2/check", v2_check, methods=["POST"]),
        Route("/v2/languages", v2_languages, methods=["GET"]),
    ]
    app = Starlette(routes=routes, exception_handlers={
        RequestError: on_request_error, InputError: on_input_error, HTTPException: on_http, Exception: on_crash,
    })
    app.add_middleware(Limits, settings=settings)
    if settings.cors_origins:
        from starlette.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins), allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "Content-Type"])
    if settings.access_log:
        app.add_middleware(AccessLog)
    app.state.engine, app.state.settings, app.state.pool = engine, settings, pool
    return app


__all__ = ["create_app", "Settings", "DEFAULT_MAX_BODY", "DEFAULT_TIMEOUT"]
