"""Protection of the web view: who may edit, cross-site request forgery, response headers.

CSRF tokens are HMACs of a random per-browser cookie under a per-process secret: a page of
another site can neither read the cookie nor compute the token, and a token stops working
when the server restarts.

>>> editing_allowed("127.0.0.1", read_only=False, allow_edit=False)
True
>>> editing_allowed("0.0.0.0", read_only=False, allow_edit=False)
False
>>> editing_allowed("0.0.0.0", read_only=False, allow_edit=True)
True
>>> editing_allowed("localhost", read_only=True, allow_edit=True)
False
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import secrets
from urllib.parse import urlsplit

from starlette.datastructures import Headers, MutableHeaders
from starlette.exceptions import HTTPException
from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

COOKIE = "toolkit_csrf"
FORM_FIELD = "csrf_token"
HEADER = "x-csrf-token"


def is_loopback(host: str) -> bool:
    """True for ``localhost`` and loopback addresses (127.0.0.0/8, ::1)."""
    if host.strip("[]").lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def host_name(host_header: str) -> str:
    """The name or address of a Host header, without its port and IPv6 brackets.

    >>> host_name("[::1]:8000"), host_name("127.0.0.1:80"), host_name("evil.example")
    ('::1', '127.0.0.1', 'evil.example')
    """
    value = host_header.strip()
    if value.startswith("["):
        return value[1:].split("]", 1)[0]
    if value.count(":") == 1:
        return value.split(":", 1)[0]
    return value


def same_origin(headers: Headers) -> bool:
    """Whether a request comes from a page of this server: its Origin, or when a browser sent
    none, its Referer, names the Host the request was sent to. Neither header: not same-origin
    (every browser sends one of them on a form post to a page with our Referrer-Policy)."""
    host = headers.get("host")
    source = headers.get("origin") or headers.get("referer")
    if not host or not source:
        return False
    parts = urlsplit(source)
    return parts.scheme in ("http", "https") and parts.netloc == host


class LoopbackHostsOnly:
    """ASGI middleware refusing (400) a request whose Host header is not a loopback name or
    address: against DNS rebinding, where a foreign name is made to resolve to 127.0.0.1 and
    its pages become "same-origin" with a server that trusts loopback clients."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        web = scope["type"] in ("http", "websocket")  # not "lifespan", which has no headers
        if web and not is_loopback(host_name(Headers(scope=scope).get("host", ""))):
            response = PlainTextResponse("Invalid host header", status_code=400)
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)


class BodyLimit:
    """ASGI middleware bounding request bodies to ``limit`` bytes: counted as they arrive, so
    a chunked body (no Content-Length) is bounded too. Over the limit, reading the body raises
    HTTPException(413) in the handler that reads it; nothing more is received."""

    def __init__(self, app: ASGIApp, limit: int):
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit, received = self.limit, 0
        too_large = HTTPException(413, f"The request is larger than {limit // 1024} KiB.")
        declared = Headers(scope=scope).get("content-length")

        async def bounded_receive() -> Message:
            nonlocal received
            if declared is not None and not declared.isdigit():
                raise HTTPException(400, "The Content-Length header is not a number.")
            if declared is not None and int(declared) > limit:
                raise too_large
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise too_large
            return message

        await self.app(scope, bounded_receive, send)


def editing_allowed(host: str, *, read_only: bool, allow_edit: bool) -> bool:
    """Whether the glossary editor is on for a server bound to ``host``: never with
    ``--read-only``; on a loopback address by default; elsewhere only with ``--allow-edit``."""
    if read_only:
        return False
    return is_loopback(host) or allow_edit


class CsrfTokens:
    """Issues and verifies the tokens of one server process."""

    def __init__(self, secret: bytes | None = None):
        self._secret = secret or secrets.token_bytes(32)

    @staticmethod
    def new_cookie() -> str:
        return secrets.token_urlsafe(32)

    def token(self, cookie: str) -> str:
        return hmac.new(self._secret, cookie.encode(), hashlib.sha256).hexdigest()

    def valid(self, cookie: str | None, token: str | None) -> bool:
        if not cookie or not token:
            return False
        return hmac.compare_digest(self.token(cookie), token)


#: no inline script or style, nothing from elsewhere, no framing
HEADERS = {
    "content-security-policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "x-content-type-options": "nosniff",
    # same-origin, not no-referrer: with no-referrer Chromium sends "Origin: null" on form
    # posts, and the same-origin check of every POST would refuse the editor's own form
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
}


class SecurityHeaders:
    """ASGI middleware adding :data:`HEADERS` to every HTTP response."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, send_with_headers)
