"""The editors' web view: routes, rendering and error pages (Starlette + Jinja2).

Pages: ``/`` dashboard, ``/glossary`` search (paged), ``/glossary/<id>`` concept and editor,
``/glossary/_new`` a new concept (in :mod:`toolkit.web.glossary_pages`), ``/articles`` and
``/articles/<slug>`` side by side, ``/translit`` (and ``POST /api/translit``). Library calls
run in the server's thread pool; nothing here prints.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates
from starlette.types import ASGIApp

from toolkit.errors import ToolkitError
from toolkit.translit import KK_LATIN, list_schemes, transliterate
from toolkit.web.glossary_pages import (
    concept_create,
    concept_new,
    concept_save,
    concept_view,
    glossary_search,
)
from toolkit.web.pages import Web, check_csrf, read_form, render, web_of
from toolkit.web.security import (
    FORM_FIELD,
    HEADER,
    BodyLimit,
    CsrfTokens,
    LoopbackHostsOnly,
    SecurityHeaders,
)
from toolkit.web.state import ProjectState
from toolkit.web.views import COLUMNS, article_totals, article_view, report_summary

HERE = Path(__file__).resolve().parent
#: largest request body accepted, counted as it arrives (a concept form is a few kilobytes;
#: the translit API's JSON, as the page's script sends it, at most MAX_TRANSLIT characters of
#: at most 4 bytes each)
MAX_BODY = 1 << 20
MAX_TRANSLIT = 100_000


# -- dashboard and article pages ------------------------------------------------------------


async def dashboard(request: Request) -> Response:
    web = web_of(request)

    def gather() -> dict[str, Any]:
        report = web.state.report()
        issues = web.state.lint()
        return {
            "summary": report_summary(report),
            "totals": article_totals(report),
            "articles": report.articles,
            "errors": sum(f.severity == "error" for a in report.articles for f in a.findings),
            "warnings": sum(f.severity == "warning" for a in report.articles for f in a.findings),
            "glossary": web.state.glossary(),
            "lint_errors": sum(i.severity == "error" for i in issues),
            "lint_warnings": sum(i.severity == "warning" for i in issues),
        }

    return render(request, "dashboard.html", await run_in_threadpool(gather))


async def articles(request: Request) -> Response:
    items = await run_in_threadpool(web_of(request).state.articles)
    return render(request, "articles.html", {"articles": items})


async def article(request: Request) -> Response:
    state = web_of(request).state
    slug = request.path_params["slug"]
    path = await run_in_threadpool(state.article_path, slug)
    if path is None:
        raise HTTPException(404, "There is no such article in articles/.")
    info = next(a for a in await run_in_threadpool(state.articles) if a.path == path)
    view = await run_in_threadpool(article_view, state, info)
    return render(request, "article.html", {"view": view, "columns": list(COLUMNS)})


# -- transliteration -------------------------------------------------------------------------


def _translit(state: ProjectState, text: str, scheme: str, reverse: bool, glossary: bool) -> str:
    return transliterate(
        text, scheme, reverse=reverse, glossary=state.glossary() if glossary else None
    )


def _schemes() -> list[Any]:
    return list_schemes()


async def translit_page(request: Request) -> Response:
    web = web_of(request)
    context: dict[str, Any] = {"schemes": await run_in_threadpool(_schemes), "text": "",
                               "scheme": KK_LATIN, "reverse": False, "glossary": True,
                               "result": None, "error": None}  # fmt: skip
    status = 200
    if request.method == "POST":
        form = await read_form(request)
        check_csrf(request, form.get(FORM_FIELD))
        text, scheme = form.get("text", ""), form.get("scheme", "")
        if not isinstance(text, str) or not isinstance(scheme, str):
            raise HTTPException(400, "The text and the scheme must be text fields.")
        if len(text) > MAX_TRANSLIT:
            raise HTTPException(400, f"The text is longer than {MAX_TRANSLIT} characters.")
        reverse, use_glossary = "reverse" in form, "glossary" in form
        context.update(text=text, scheme=scheme, reverse=reverse, glossary=use_glossary)
        try:
            context["result"] = await run_in_threadpool(
                _translit, web.state, text.replace("\r\n", "\n"), scheme, reverse, use_glossary
            )
        except ToolkitError as exc:
            context["error"], status = str(exc), 400
    return render(request, "translit.html", context, status_code=status)


def _lone_surrogate(*texts: str) -> str | None:
    for text in texts:
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as exc:
            return f"U+{ord(text[exc.start]):04X}"
    return None


async def api_translit(request: Request) -> Response:
    web = web_of(request)
    check_csrf(request, request.headers.get(HEADER))
    try:
        payload = await request.json()
    except ValueError:
        return JSONResponse({"error": "the body must be JSON"}, status_code=400)
    except RecursionError:  # the parser's depth is bounded by the interpreter's stack
        return JSONResponse({"error": "the JSON body is nested too deeply"}, status_code=400)
    if not isinstance(payload, dict):
        return JSONResponse({"error": "the body must be a JSON object"}, status_code=400)
    text, scheme = payload.get("text"), payload.get("scheme", KK_LATIN)
    reverse, use_glossary = payload.get("reverse", False), payload.get("glossary", True)
    if not isinstance(text, str) or not isinstance(scheme, str):
        return JSONResponse({"error": "text and scheme must be strings"}, status_code=400)
    if not isinstance(reverse, bool) or not isinstance(use_glossary, bool):
        return JSONResponse({"error": "reverse and glossary must be true or false"}, 400)
    if len(text) > MAX_TRANSLIT:
        return JSONResponse({"error": f"text longer than {MAX_TRANSLIT} characters"}, 400)
    surrogate = _lone_surrogate(text, scheme)
    if surrogate:
        return JSONResponse({"error": f"lone surrogate {surrogate}: not text"}, 400)
    try:
        result = await run_in_threadpool(_translit, web.state, text, scheme, reverse, use_glossary)
    except ToolkitError as exc:
        return JSONResponse({"error": str(exc)}, status_code=400)
    return JSONResponse({"result": result})


# -- errors ---------------------------------------------------------------------------------


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": exc.detail}, status_code=exc.status_code)
    context = {"status": exc.status_code, "message": exc.detail}
    return render(request, "error.html", context, status_code=exc.status_code)


async def toolkit_error(request: Request, exc: Exception) -> Response:
    """A project file the library cannot read (a glossary file with a YAML error, ...)."""
    context = {"status": 500, "message": f"The project cannot be read: {exc}"}
    return render(request, "error.html", context, status_code=500)


async def server_error(request: Request, exc: Exception) -> Response:
    context = {"status": 500, "message": "Internal error: the server log has the details."}
    return render(request, "error.html", context, status_code=500)


class _App(Starlette):
    """Starlette with the security headers outside everything, the error pages of its
    outermost ServerErrorMiddleware (500) included."""

    def build_middleware_stack(self) -> ASGIApp:
        return SecurityHeaders(super().build_middleware_stack())


# -- the application -------------------------------------------------------------------------


def _templates() -> Jinja2Templates:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    return Jinja2Templates(env=env)


def create_app(
    project_root: Path,
    glossary_dir: Path,
    *,
    read_only: bool,
    loopback_hosts_only: bool = False,
) -> Starlette:
    """The web application for the project at ``project_root`` and its glossary folder.

    With ``read_only`` the concept editor is off (no form; POST gives 403). With
    ``loopback_hosts_only`` a Host header that is not a loopback name or address is refused
    (against DNS rebinding when serving on a loopback address).
    """
    routes = [
        Route("/", dashboard),
        Route("/glossary", glossary_search),
        Route("/glossary/_new", concept_new, methods=["GET"]),
        Route("/glossary/_new", concept_create, methods=["POST"]),
        Route("/glossary/{concept_id}", concept_view, methods=["GET"]),
        Route("/glossary/{concept_id}", concept_save, methods=["POST"]),
        Route("/articles", articles),
        Route("/articles/{slug}", article),
        Route("/translit", translit_page, methods=["GET", "POST"]),
        Route("/api/translit", api_translit, methods=["POST"]),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    middleware = []
    if loopback_hosts_only:
        middleware.append(Middleware(LoopbackHostsOnly))
    middleware.append(Middleware(BodyLimit, limit=MAX_BODY))
    app = _App(
        routes=routes,
        middleware=middleware,
        exception_handlers={
            HTTPException: http_error,
            ToolkitError: toolkit_error,
            Exception: server_error,
        },
    )
    app.state.web = Web(
        ProjectState(project_root, glossary_dir), _templates(), CsrfTokens(), not read_only
    )
    return app


__all__ = ["create_app"]
