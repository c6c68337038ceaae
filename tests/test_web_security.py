"""Attacks on `toolkit serve` that once got through (issue 17), each through Starlette's test
client on a copy of the project: DNS rebinding on an IPv6 loopback, bodies without a size,
CSRF checked only after the body was read, nested JSON, lone surrogates, error pages without
the security headers, Referer without Origin, control characters in the editor."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from tests.test_web import form_of, make_client, meta_token, project  # noqa: F401
from toolkit.web import create_app
from toolkit.web.app import MAX_BODY

ORIGIN = "http://testserver"


def serve_app(run_cli, monkeypatch: pytest.MonkeyPatch, project: Path, *args: str):  # noqa: F811
    """The application `toolkit serve ARGS` would run (uvicorn is not started)."""
    import uvicorn

    started: dict = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: started.update(app=app, **kw))
    monkeypatch.chdir(project)
    code, _, _ = run_cli("serve", *args)
    assert code == 0
    return started["app"]


# -- DNS rebinding ----------------------------------------------------------------------------


@pytest.mark.parametrize("host", ["::1", "127.0.0.1", "localhost"])
def test_a_foreign_host_name_is_refused_on_every_loopback_bind(
    run_cli,
    monkeypatch: pytest.MonkeyPatch,
    project: Path,  # noqa: F811
    host: str,
) -> None:
    app = serve_app(run_cli, monkeypatch, project, "--host", host)
    assert app.state.web.editing
    client = TestClient(app, base_url="http://evil.example:8000")
    assert client.get("/").status_code == 400
    path = project / "glossary" / "social.yaml"
    before = path.read_bytes()
    # a rebinding page is same-origin with itself: its Origin matches its Host
    headers = {"origin": "http://evil.example:8000"}
    assert client.post("/glossary/kandas", data={"note": "x"}, headers=headers).status_code == 400
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    "base", ["http://[::1]:8000", "http://127.0.0.1:8000", "http://127.0.0.2", "http://localhost"]
)
def test_loopback_names_and_addresses_are_served(
    run_cli,
    monkeypatch: pytest.MonkeyPatch,
    project: Path,  # noqa: F811
    base: str,
) -> None:
    app = serve_app(run_cli, monkeypatch, project, "--host", "::1")
    with TestClient(app, base_url=base) as client:  # with: the lifespan events are sent too
        form = form_of(client.get("/glossary/kandas").text)
        form["note"] = "edited over " + base
        response = client.post(
            "/glossary/kandas", data=form, headers={"origin": base}, follow_redirects=False
        )
        assert response.status_code == 303


# -- request bodies ---------------------------------------------------------------------------


def _chunks(total: int, size: int = 64 * 1024) -> Iterator[bytes]:
    sent = 0
    while sent < total:
        yield b"a" * size
        sent += size


@pytest.fixture
def client(project: Path) -> TestClient:  # noqa: F811
    return make_client(project)


def test_a_chunked_body_over_the_limit_is_refused_with_413(client: TestClient) -> None:
    form = form_of(client.get("/glossary/kandas").text)
    body = _chunks(MAX_BODY * 3)
    headers = {"origin": ORIGIN, "content-type": "application/x-www-form-urlencoded"}
    assert "content-length" not in client.build_request("POST", "/", content=_chunks(10)).headers
    response = client.post("/glossary/kandas", content=body, headers=headers)
    assert response.status_code == 413
    token = {"x-csrf-token": form["csrf_token"], "origin": ORIGIN}
    api = client.post("/api/translit", content=_chunks(MAX_BODY * 3), headers=token)
    assert api.status_code == 413


def test_a_declared_length_over_the_limit_is_refused_with_413(client: TestClient) -> None:
    form = form_of(client.get("/glossary/kandas").text)
    big = {**form, "note": "x" * (MAX_BODY + 10)}
    assert client.post("/glossary/kandas", data=big).status_code == 413


def _post_raw(app, path: str, headers: dict[str, str], chunks: int) -> tuple[int, int]:
    """POST ``chunks`` body messages of 64 KiB to ``app`` directly (ASGI): (status, number of
    body messages the application asked for)."""
    asked, status = 0, 0

    async def receive() -> dict:
        nonlocal asked
        asked += 1
        if asked > chunks:
            return {"type": "http.disconnect"}
        return {"type": "http.request", "body": b"a" * 65536, "more_body": asked < chunks}

    async def send(message: dict) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST",
        "scheme": "http", "path": path, "raw_path": path.encode(), "query_string": b"",
        "root_path": "", "server": ("testserver", 80), "client": ("127.0.0.1", 5000),
        "headers": [(k.encode(), v.encode()) for k, v in headers.items()],
    }  # fmt: skip
    asyncio.run(app(scope, receive, send))
    return status, asked


def test_no_body_is_read_before_the_cookie_and_origin_are_checked(project: Path) -> None:  # noqa: F811
    app = create_app(project, project / "glossary", read_only=False)
    form = {"host": "testserver", "content-type": "application/x-www-form-urlencoded"}
    no_cookie = {**form, "origin": ORIGIN}
    assert _post_raw(app, "/glossary/kandas", no_cookie, 10) == (403, 0)
    foreign = {**form, "origin": "http://evil.example", "cookie": "toolkit_csrf=abc"}
    assert _post_raw(app, "/glossary/kandas", foreign, 10) == (403, 0)
    assert _post_raw(app, "/translit", foreign, 10) == (403, 0)
    api = {"host": "testserver", "origin": "http://evil.example", "x-csrf-token": "0"}
    assert _post_raw(app, "/api/translit", {**api, "cookie": "toolkit_csrf=abc"}, 10) == (403, 0)
    # with the cookie and the origin right, reading stops at the limit
    ok = {**form, "origin": ORIGIN, "cookie": "toolkit_csrf=abc"}
    status, asked = _post_raw(app, "/glossary/kandas", ok, 1000)
    assert status == 413 and asked <= MAX_BODY // 65536 + 2


def test_nested_json_is_a_400(client: TestClient) -> None:
    token = meta_token(client.get("/translit").text)
    body = b"[" * 100_000 + b"]" * 100_000
    response = client.post(
        "/api/translit", content=body, headers={"x-csrf-token": token, "origin": ORIGIN}
    )
    assert response.status_code == 400 and response.json()["error"]


def test_a_lone_surrogate_is_a_400(client: TestClient) -> None:
    token = meta_token(client.get("/translit").text)
    body = b'{"text": "\\ud800 \xd0\x90", "scheme": "kk-latn-2021"}'
    response = client.post(
        "/api/translit", content=body, headers={"x-csrf-token": token, "origin": ORIGIN}
    )
    assert response.status_code == 400 and "surrogate" in response.json()["error"]


# -- headers on every answer ------------------------------------------------------------------

SECURITY_HEADERS = ("content-security-policy", "x-frame-options", "x-content-type-options")


def test_a_server_error_page_has_the_security_headers(
    project: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = create_app(project, project / "glossary", read_only=False)

    def broken() -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(app.state.web.state, "articles", broken)
    client = TestClient(app, raise_server_exceptions=False)
    response = client.get("/articles")
    assert response.status_code == 500
    assert "a bug" not in response.text
    for name in SECURITY_HEADERS:
        assert name in response.headers, name


def test_refusals_have_the_security_headers(client: TestClient) -> None:
    for response in (
        client.get("/glossary", params={"q": "x" * 600}),
        client.get("/no-such-page"),
        client.post("/api/translit", json={}),
    ):
        assert response.status_code >= 400
        for name in SECURITY_HEADERS:
            assert name in response.headers, name


# -- Referer when there is no Origin ----------------------------------------------------------


def test_a_foreign_referer_without_origin_is_refused(project: Path) -> None:  # noqa: F811
    client = TestClient(create_app(project, project / "glossary", read_only=False))
    path = project / "glossary" / "social.yaml"
    before = path.read_bytes()
    form = form_of(client.get("/glossary/kandas").text)
    form["note"] = "forged"
    foreign = {"referer": "http://evil.example/page"}
    assert client.post("/glossary/kandas", data=form, headers=foreign).status_code == 403
    assert client.post("/glossary/kandas", data=form).status_code == 403  # neither header
    assert path.read_bytes() == before
    own = {"referer": f"{ORIGIN}/glossary/kandas"}
    response = client.post("/glossary/kandas", data=form, headers=own, follow_redirects=False)
    assert response.status_code == 303


# -- control characters -----------------------------------------------------------------------


@pytest.mark.parametrize("text", ["a\x00b", "bell\x07", "esc\x1b[31m"])
def test_the_editor_refuses_control_characters(
    client: TestClient,
    project: Path,  # noqa: F811
    text: str,
) -> None:
    path = project / "glossary" / "social.yaml"
    before = path.read_bytes()
    form = form_of(client.get("/glossary/kandas").text)
    for field in ("note", "t.en.0.text", "t.en.0.note"):
        response = client.post("/glossary/kandas", data={**form, field: text})
        assert response.status_code == 400, field
        assert "control character" in response.text
    assert path.read_bytes() == before
