"""What every page handler of the web view shares: the application's state, rendering a page
with its CSRF token, and the checks a POST passes before its body is read."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.templating import Jinja2Templates

from toolkit.web.security import COOKIE, CsrfTokens, same_origin
from toolkit.web.state import ProjectState


@dataclass
class Web:
    """What every request handler needs (kept on ``app.state.web``)."""

    state: ProjectState
    templates: Jinja2Templates
    tokens: CsrfTokens
    editing: bool


def web_of(request: Request) -> Web:
    """The application's :class:`Web` of a request."""
    return request.app.state.web


def render(
    request: Request, name: str, context: dict[str, Any], status_code: int = 200
) -> Response:
    """A page, with the CSRF token of the browser's cookie (set when it has none)."""
    web = web_of(request)
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
    web = web_of(request)
    if not isinstance(token, str) or not web.tokens.valid(request.cookies.get(COOKIE), token):
        raise HTTPException(403, "The form has no valid security token: reload the page and retry.")


async def read_form(request: Request) -> FormData:
    """The submitted form, once the request is known to be same-origin (the body's size is
    bounded by the BodyLimit middleware)."""
    check_origin(request)
    return await request.form(max_files=0, max_fields=2000)


def require_editing(request: Request) -> None:
    """403 when the server is read-only."""
    if not web_of(request).editing:
        raise HTTPException(403, "Editing is turned off for this server (read-only).")
