"""The editors' web view: routes, rendering and error pages (Starlette + Jinja2).

Pages: ``/`` dashboard, ``/glossary`` search, ``/glossary/<id>`` concept and editor,
``/articles`` and ``/articles/<slug>`` side by side, ``/translit`` (and ``POST /api/translit``).
Library calls run in the server's thread pool; nothing here prints.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates
from starlette.types import ASGIApp

from toolkit.errors import ToolkitError
from toolkit.glossary.model import LANGUAGES, STATUSES, Concept
from toolkit.glossary.search import search
from toolkit.translit import KK_LATIN, list_schemes, transliterate
from toolkit.web.concept_edit import ConflictError, EditError, file_digest, prepare_edit, save_edit
from toolkit.web.forms import FormError, FormTerm, form_terms, read_edit
from toolkit.web.security import (
    COOKIE,
    FORM_FIELD,
    HEADER,
    BodyLimit,
    CsrfTokens,
    LoopbackHostsOnly,
    SecurityHeaders,
    same_origin,
)
from toolkit.web.state import ProjectState
from toolkit.web.views import COLUMNS, article_totals, article_view, report_summary

HERE = Path(__file__).resolve().parent
#: largest request body accepted, counted as it arrives (a concept form is a few kilobytes;
#: the translit API's JSON, as the page's script sends it, at most MAX_TRANSLIT characters of
#: at most 4 bytes each)
MAX_BODY = 1 << 20
MAX_QUERY = 500
MAX_TRANSLIT = 100_000


@dataclass
class Web:
    """What every request handler needs (kept on ``app.state.web``)."""

    state: ProjectState
    templates: Jinja2Templates
    tokens: CsrfTokens
    editing: bool


def _web(request: Request) -> Web:
    return request.app.state.web


def render(
    request: Request, name: str, context: dict[str, Any], status_code: int = 200
) -> Response:
    """A page, with the CSRF token of the browser's cookie (set when it has none)."""
    web = _web(request)
    cookie = request.cookies.get(COOKIE)
    new_cookie = None if cookie else web.tokens.new_cookie()
    page = {
        "csrf_token": web.tokens.token(cookie or new_cookie or ""),
        "editing": web.editing,
        "path": request.url.path,
        **context,
    }
    response = web.templates.TemplateResponse(request, name, page, status_code=status_code)
    if new_cookie:
        response.set_cookie(COOKIE, new_cookie, httponly=True, samesite="strict", path="/")
    return response


def check_origin(request: Request) -> None:
    """403 unless the request is same-origin (Origin, or Referer when there is no Origin) and
    carries the CSRF cookie. Checked before the body is read: a foreign client makes the
    server read nothing."""
    if not same_origin(request.headers):
        raise HTTPException(403, "Cross-site requests are not accepted.")
    if not request.cookies.get(COOKIE):
        raise HTTPException(403, "The form has no valid security token: reload the page and retry.")


def check_csrf(request: Request, token: object) -> None:
    """403 unless ``token`` belongs to the browser's cookie (and :func:`check_origin`)."""
    check_origin(request)
    web = _web(request)
    if not isinstance(token, str) or not web.tokens.valid(request.cookies.get(COOKIE), token):
        raise HTTPException(403, "The form has no valid security token: reload the page and retry.")


async def read_form(request: Request) -> FormData:
    """The submitted form, once the request is known to be same-origin (the body's size is
    bounded by the BodyLimit middleware)."""
    check_origin(request)
    return await request.form(max_files=0, max_fields=2000)


# -- dashboard and article pages ------------------------------------------------------------


async def dashboard(request: Request) -> Response:
    web = _web(request)

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
    items = await run_in_threadpool(_web(request).state.articles)
    return render(request, "articles.html", {"articles": items})


async def article(request: Request) -> Response:
    state = _web(request).state
    slug = request.path_params["slug"]
    path = await run_in_threadpool(state.article_path, slug)
    if path is None:
        raise HTTPException(404, "There is no such article in articles/.")
    info = next(a for a in await run_in_threadpool(state.articles) if a.path == path)
    view = await run_in_threadpool(article_view, state, info)
    return render(request, "article.html", {"view": view, "columns": list(COLUMNS)})


# -- glossary --------------------------------------------------------------------------------


async def glossary_search(request: Request) -> Response:
    state = _web(request).state
    query = request.query_params.get("q", "")
    domain = request.query_params.get("domain", "")
    if len(query) > MAX_QUERY:
        raise HTTPException(400, f"The search text is longer than {MAX_QUERY} characters.")
    glossary = await run_in_threadpool(state.glossary)
    domains = glossary.domains()
    if domain and domain not in domains:
        raise HTTPException(400, f"There is no domain {domain!r}; choose one from the list.")
    found = await run_in_threadpool(search, glossary, query)
    if domain:
        found = [c for c in found if c.domain == domain]
    context = {"query": query, "domain": domain, "domains": domains, "concepts": found}
    return render(request, "glossary.html", {**context, "languages": LANGUAGES})


def _concept_page(request: Request, concept: Concept, **extra: Any) -> tuple[str, dict[str, Any]]:
    state = _web(request).state
    issues = [i for i in state.lint() if i.message.startswith(f"{concept.id}: ")]
    context = {
        "concept": concept,
        "generated": state.recognised_forms().get(concept.id, {}),
        "languages": LANGUAGES,
        "statuses": STATUSES,
        "issues": issues,
        "file": Path(concept.path).name,
        "digest": state.digest(concept.path),
        "form_note": concept.note or "",
        "form_terms": form_terms(concept),
        "errors": [],
        "warnings": [],
        "saved": request.query_params.get("saved") == "1",
    }
    context.update(extra)
    return "concept.html", context


def _concept_or_404(state: ProjectState, concept_id: str) -> Concept:
    concept = state.glossary().get(concept_id)
    if concept is None or not state.in_glossary_dir(concept.path):
        raise HTTPException(404, "There is no concept with this id in the glossary.")
    return concept


async def concept_view(request: Request) -> Response:
    state = _web(request).state

    def gather() -> tuple[str, dict[str, Any]]:
        concept = _concept_or_404(state, request.path_params["concept_id"])
        return _concept_page(request, concept)

    name, context = await run_in_threadpool(gather)
    return render(request, name, context)


async def concept_save(request: Request) -> Response:
    web = _web(request)
    concept_id = request.path_params["concept_id"]
    await run_in_threadpool(_concept_or_404, web.state, concept_id)
    if not web.editing:
        raise HTTPException(403, "Editing is turned off for this server (read-only).")
    form = await read_form(request)
    check_csrf(request, form.get(FORM_FIELD))
    digest = form.get("digest")
    if not isinstance(digest, str) or len(digest) != 64:
        raise HTTPException(400, "The form has no file digest: reload the page and retry.")

    def save() -> Response:
        state = web.state
        with state.lock:
            concept = _concept_or_404(state, concept_id)
            path = Path(concept.path)
            raw = path.read_bytes()
            if file_digest(raw) != digest:
                raise ConflictError("changed on disk", str(path))
            try:
                edit, shown = read_edit(form, concept)
            except FormError as exc:
                raise HTTPException(400, str(exc)) from exc
            try:
                result = prepare_edit(state.glossary(), concept, edit, raw.decode("utf-8"))
                save_edit(result, digest)
            except EditError as exc:
                name, context = _concept_page(
                    request, concept, errors=exc.problems, form_note=edit.note or "",
                    form_terms=shown, digest=digest,
                )  # fmt: skip
                return render(request, name, context, status_code=400)
        return RedirectResponse(f"/glossary/{concept_id}?saved=1", status_code=303)

    try:
        return await run_in_threadpool(save)
    except ConflictError:
        note = form.get("note")
        context = {"concept_id": concept_id, "note": note if isinstance(note, str) else ""}
        return render(request, "conflict.html", context, status_code=409)


# -- transliteration -------------------------------------------------------------------------


def _translit(state: ProjectState, text: str, scheme: str, reverse: bool, glossary: bool) -> str:
    return transliterate(
        text, scheme, reverse=reverse, glossary=state.glossary() if glossary else None
    )


def _schemes() -> list[Any]:
    return list_schemes()


async def translit_page(request: Request) -> Response:
    web = _web(request)
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
    web = _web(request)
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


__all__ = ["FormTerm", "create_app"]
