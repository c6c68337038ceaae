"""The editors' web view (`toolkit serve`), through Starlette's test client, on a copy of the
project: every page, the concept editor's round trip and its refusals, and the security
rules (escaping, CSRF, read-only, path traversal, bad input)."""

from __future__ import annotations

import re
from html import escape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from tests.conftest import PROJECT, copy_project
from toolkit.articles.pipeline import Project
from toolkit.checks.runner import select_checks
from toolkit.glossary import load_glossary
from toolkit.reports.editorial import collect
from toolkit.web import create_app, editing_allowed

NOTE = (
    'Updated in the browser: an ethnic Kazakh who has "returned" to Kazakhstan — with a colon, '
    "quotes and enough words to be folded over several lines of the YAML file."
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def make_client(project: Path, *, read_only: bool = False) -> TestClient:
    app = create_app(project, project / "glossary", read_only=read_only)
    return TestClient(app, headers={"origin": "http://testserver"})  # as a browser sends it


@pytest.fixture
def client(project: Path) -> TestClient:
    return make_client(project)


class _Form(HTMLParser):
    """The fields of the first POST form of a page, as a browser would submit them: a
    checkbox when it is checked, a select's selected option (else its first)."""

    def __init__(self) -> None:
        super().__init__()
        self.fields: dict[str, str] = {}
        self._in_form = self._done = False
        self._textarea: str | None = None
        self._select: str | None = None
        self._option: dict[str, str] | None = None
        self._chosen: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form" and a.get("method") == "post" and not self._done:
            self._in_form = True
        if not self._in_form:
            return
        if tag == "input" and a.get("type") == "checkbox":
            if "checked" in a:
                self.fields[a["name"]] = a.get("value", "on")
        elif tag == "input":
            self.fields[a["name"]] = a.get("value", "")
        elif tag == "textarea":
            self._textarea = a["name"]
            self.fields[a["name"]] = ""
        elif tag == "select":
            self._select, self._chosen = a["name"], None
        elif tag == "option" and self._select:
            self._option = {"selected": "selected" in a, "value": a.get("value"), "text": ""}

    def handle_data(self, data: str) -> None:
        if self._textarea:
            self.fields[self._textarea] += data
        elif self._option is not None:
            self._option["text"] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea":
            self._textarea = None
        elif tag == "option" and self._option is not None:
            option, self._option = self._option, None
            value = option["value"] if option["value"] is not None else option["text"]
            if option["selected"] or self._select not in self.fields:
                self.fields[self._select] = value
        elif tag == "select":
            self._select = None
        elif tag == "form" and self._in_form:
            self._in_form, self._done = False, True


def form_of(html: str) -> dict[str, str]:
    parser = _Form()
    parser.feed(html)
    return parser.fields


def concept_chunks(text: str) -> dict[str, str]:
    """The text of each concept of a glossary file (and the header under "")."""
    parts = re.split(r"(?m)^(?=- id: )", text)
    return {
        (re.match(r"- id: (\S+)", p).group(1) if p.startswith("- id: ") else ""): p for p in parts
    }


def meta_token(html: str) -> str:
    return re.search(r'<meta name="csrf-token" content="([0-9a-f]+)">', html).group(1)


# -- pages ----------------------------------------------------------------------------------

PAGES = [
    "/",
    "/glossary",
    "/glossary?q=Almaty&domain=places",
    "/glossary/kandas",
    "/articles",
    "/articles/kandas-resettlement",
    "/articles/almaty-court-fines-activist",
    "/translit",
    "/static/style.css",
    "/static/app.js",
]


@pytest.mark.parametrize("url", PAGES)
def test_every_page_answers(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200
    assert "default-src 'self'" in response.headers["content-security-policy"]


def test_search_finds_terms_in_any_script_and_inflected_forms(client: TestClient) -> None:
    page = client.get("/glossary", params={"q": "Атажұрт"}).text
    assert 'id="c-atazhurt-eriktileri"' in page
    assert "Atazhurt Eriktileri" in page and "Атажұрт еріктілері" in page
    inflected = client.get("/glossary", params={"q": "Синьцзяне"}).text
    assert 'id="c-xinjiang"' in inflected
    assert 'id="c-almaty"' not in inflected


def test_concept_card_strikes_deprecated_terms_and_shows_grammar(client: TestClient) -> None:
    page = client.get("/glossary/kandas").text
    assert "<s>оралман</s>" in page
    assert "<s>кандас</s>" not in page
    assert "gender m" in page and "кандасами" in page  # grammar and hand-listed forms
    assert "327-VI" in page  # sources


def test_domain_filter(client: TestClient) -> None:
    page = client.get("/glossary", params={"domain": "people"}).text
    assert 'id="c-serikzhan-bilash"' in page and 'id="c-almaty"' not in page
    assert client.get("/glossary", params={"domain": "../etc"}).status_code == 400


def test_dashboard_has_the_numbers_of_toolkit_report(client: TestClient, project: Path) -> None:
    # the sample catalogues are clean: a deprecated term gives the report a number to show
    po = project / "locales/ru/LC_MESSAGES/kandas-resettlement.po"
    text = po.read_text(encoding="utf-8")
    title = "Минтруда: в 2025 году Казахстан принял 16 805 кандасов"
    assert title in text
    po.write_text(text.replace(title, title.replace("кандасов", "оралманов")), encoding="utf-8")
    glossary = load_glossary(project / "glossary")
    report = collect(Project(project), glossary, select_checks(), [])
    page = client.get("/").text
    assert report.summary(), "the planted deprecated term is a finding"
    for (lang, check, severity), count in report.summary().items():
        row = (
            f'<tr><td>{lang}</td><td>{check}</td><td class="{severity}">{severity}</td>'
            f'<td class="n">{count}</td></tr>'
        )
        assert row in page


def test_article_side_by_side_with_marks_and_findings(client: TestClient, project: Path) -> None:
    po = project / "locales/ru/LC_MESSAGES/kandas-resettlement.po"
    text = po.read_text(encoding="utf-8")
    title = "Минтруда: в 2025 году Казахстан принял 16 805 кандасов"
    assert title in text
    po.write_text(text.replace(title, title.replace("кандасов", "оралманов")), encoding="utf-8")
    page = client.get("/articles/kandas-resettlement").text
    assert '<mark class="term preferred" title="kazakhstan: Kazakhstan">Kazakhstan</mark>' in page
    assert '<mark class="term preferred" title="kazakhstan: Kazakhstan">Қазақстан' in page
    assert '<mark class="term preferred" title="kazakhstan: Kazakhstan">Qazaqstan' in page
    assert 'title="kazakhstan: Kazakhstan">Казахстан' in page
    glossary = load_glossary(project / "glossary")
    report = collect(
        Project(project), glossary, select_checks(), ["articles/kandas-resettlement.md"]
    )
    findings = report.articles[0].findings
    assert any(f.check == "deprecated_term" and f.concept == "kandas" for f in findings)
    for finding in findings:
        assert escape(finding.message, quote=False) in page


# -- the concept editor ---------------------------------------------------------------------


def test_edit_round_trip_keeps_comments_and_other_concepts(
    client: TestClient, project: Path, run_cli
) -> None:
    path = project / "glossary" / "social.yaml"
    before = path.read_text(encoding="utf-8")
    form = form_of(client.get("/glossary/kandas").text)
    form["note"] = NOTE
    form["t.kk.0.note"] = "official since 2020"
    response = client.post("/glossary/kandas", data=form, follow_redirects=False)
    assert response.status_code == 303
    assert "Saved to social.yaml" in client.get(response.headers["location"]).text
    after = path.read_text(encoding="utf-8")
    old, new = concept_chunks(before), concept_chunks(after)
    assert old.keys() == new.keys()
    assert all(old[k] == new[k] for k in old if k != "kandas")  # header comments too
    assert "  note: >-\n" in new["kandas"]  # a long note is folded, as the shipped files are
    concept = load_glossary(project / "glossary", use_cache=False)["kandas"]
    assert concept.note == NOTE
    assert concept.terms["kk"][0].note == "official since 2020"
    shipped = load_glossary(PROJECT / "glossary")["kandas"]
    assert [t._replace(line=0) for t in concept.terms["ru"]] == [
        t._replace(line=0) for t in shipped.terms["ru"]
    ]
    code, out, _ = run_cli("--glossary", str(project / "glossary"), "glossary", "lint")
    assert code == 0, out


def test_unchanged_form_writes_identical_bytes(client: TestClient, project: Path) -> None:
    path = project / "glossary" / "places.yaml"
    before = path.read_bytes()
    form = form_of(client.get("/glossary/almaty").text)
    assert client.post("/glossary/almaty", data=form, follow_redirects=False).status_code == 303
    assert path.read_bytes() == before


def test_lint_error_is_shown_and_nothing_is_written(client: TestClient, project: Path) -> None:
    path = project / "glossary" / "social.yaml"
    before = path.read_bytes()
    form = form_of(client.get("/glossary/kandas").text)
    form["t.en.1.status"] = "preferred"  # repatriate: now two preferred en terms
    form["note"] = "this note must not be saved"
    response = client.post("/glossary/kandas", data=form)
    assert response.status_code == 400
    assert "2 preferred en terms" in response.text
    assert "this note must not be saved" in response.text  # the form keeps what was typed
    assert path.read_bytes() == before


def test_yaml_error_of_an_edit_is_shown(client: TestClient, project: Path) -> None:
    path = project / "glossary" / "social.yaml"
    before = path.read_bytes()
    form = form_of(client.get("/glossary/kandas").text)
    form["t.en.0.text"] = ""
    response = client.post("/glossary/kandas", data=form)
    assert response.status_code == 400
    assert "term must be a non-empty string" in response.text
    assert path.read_bytes() == before


def test_concurrent_change_on_disk_gives_409(client: TestClient, project: Path) -> None:
    path = project / "glossary" / "social.yaml"
    form = form_of(client.get("/glossary/kandas").text)
    changed = path.read_text(encoding="utf-8") + "# a change made in a text editor\n"
    path.write_text(changed, encoding="utf-8")
    form["note"] = "typed in the browser"
    response = client.post("/glossary/kandas", data=form)
    assert response.status_code == 409
    assert "changed" in response.text and "typed in the browser" in response.text
    assert path.read_text(encoding="utf-8") == changed


def test_hostile_text_is_escaped(client: TestClient, project: Path) -> None:
    hostile = "<script>alert(1)</script>"
    form = form_of(client.get("/glossary/kandas").text)
    form["note"] = hostile
    form["t.en.0.note"] = '"><img src=x onerror=alert(1)>'
    assert client.post("/glossary/kandas", data=form, follow_redirects=False).status_code == 303
    for url in ("/glossary/kandas", "/glossary?q=kandas"):
        page = client.get(url).text
        assert hostile not in page and "<img src=x" not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


# -- security and bad input -----------------------------------------------------------------


def test_posts_without_a_valid_token_are_refused(client: TestClient, project: Path) -> None:
    path = project / "glossary" / "social.yaml"
    before = path.read_bytes()
    form = form_of(client.get("/glossary/kandas").text)
    form["note"] = "forged"
    missing = {k: v for k, v in form.items() if k != "csrf_token"}
    assert client.post("/glossary/kandas", data=missing).status_code == 403
    assert client.post("/glossary/kandas", data={**form, "csrf_token": "0" * 64}).status_code == 403
    stranger = make_client(project)  # another browser: no cookie for this token
    assert stranger.post("/glossary/kandas", data=form).status_code == 403
    cross_site = client.post(
        "/glossary/kandas", data=form, headers={"origin": "http://evil.example"}
    )
    assert cross_site.status_code == 403
    assert path.read_bytes() == before
    api = {"text": "Алматы", "scheme": "kk-latn-2021"}
    assert client.post("/api/translit", json=api).status_code == 403
    assert (
        client.post("/api/translit", json=api, headers={"x-csrf-token": "bad"}).status_code == 403
    )


def test_read_only_has_no_form_and_refuses_posts(project: Path) -> None:
    path = project / "glossary" / "social.yaml"
    before = path.read_bytes()
    client = make_client(project, read_only=True)
    page = client.get("/glossary/kandas").text
    assert 'method="post"' not in page and "read-only" in page
    token = meta_token(page)
    response = client.post("/glossary/kandas", data={"csrf_token": token, "note": "x"})
    assert response.status_code == 403
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    "url",
    [
        "/articles/..%2F..%2Fetc%2Fpasswd",
        "/articles/%2e%2e",
        "/glossary/%2e%2e%2fpeople",
        "/articles/no-such-article",
        "/articles/Kandas-Resettlement",
        "/glossary/..%2Fx",
        "/glossary/no-such-concept",
        "/static/..%2F..%2F..%2Fpyproject.toml",
    ],
)
def test_paths_never_leave_the_project(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 404
    assert "[tool.toolkit]" not in response.text and "root:" not in response.text


def test_bad_input_gives_a_clear_400(client: TestClient) -> None:
    form = form_of(client.get("/glossary/kandas").text)
    bad_status = client.post("/glossary/kandas", data={**form, "t.en.0.status": "best"})
    assert bad_status.status_code == 400 and "is not one of" in bad_status.text
    missing = {k: v for k, v in form.items() if k != "t.ru.0.text"}
    assert client.post("/glossary/kandas", data=missing).status_code == 400
    no_digest = {k: v for k, v in form.items() if k != "digest"}
    assert client.post("/glossary/kandas", data=no_digest).status_code == 400
    assert client.get("/glossary", params={"q": "x" * 600}).status_code == 400
    token = form["csrf_token"]
    scheme = client.post("/translit", data={"csrf_token": token, "text": "a", "scheme": "nope"})
    assert scheme.status_code == 400 and "unknown scheme" in scheme.text
    headers = {"x-csrf-token": token}
    for body in (b"{not json", b"[1, 2]", b'{"text": 5}', b'{"text": "a", "reverse": "yes"}'):
        response = client.post("/api/translit", content=body, headers=headers)
        assert response.status_code == 400 and response.json()["error"]


def test_translit_api_and_form(client: TestClient) -> None:
    token = meta_token(client.get("/translit").text)
    body = {"text": "Серікжан Біләш Алматыда", "scheme": "kk-newsroom"}
    response = client.post("/api/translit", json=body, headers={"x-csrf-token": token})
    assert response.json() == {"result": "Serikzhan Bilash Almatyda"}
    back = {"text": "Qazaqstan", "scheme": "kk-latn-2021", "reverse": True}
    assert client.post("/api/translit", json=back, headers={"x-csrf-token": token}).json() == {
        "result": "Қазақстан"
    }
    page = client.post("/translit", data={"csrf_token": token, "text": "Щучинск",
                                          "scheme": "ru-bgn-pcgn"})  # fmt: skip
    assert page.status_code == 200 and "Shchuchinsk" in page.text


def test_editing_is_off_off_loopback_unless_allowed() -> None:
    assert editing_allowed("127.0.0.1", read_only=False, allow_edit=False)
    assert editing_allowed("::1", read_only=False, allow_edit=False)
    assert editing_allowed("localhost", read_only=False, allow_edit=False)
    assert not editing_allowed("0.0.0.0", read_only=False, allow_edit=False)
    assert not editing_allowed("192.168.1.5", read_only=False, allow_edit=False)
    assert editing_allowed("0.0.0.0", read_only=False, allow_edit=True)
    assert not editing_allowed("127.0.0.1", read_only=True, allow_edit=True)


@pytest.mark.parametrize(
    ("args", "editing"),
    [
        ((), True),
        (("--read-only",), False),
        (("--host", "0.0.0.0"), False),
        (("--host", "0.0.0.0", "--allow-edit"), True),
    ],
)
def test_serve_command_decides_editing(
    run_cli, monkeypatch: pytest.MonkeyPatch, project: Path, args: tuple[str, ...], editing: bool
) -> None:
    import uvicorn

    started = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: started.update(app=app, **kw))
    monkeypatch.chdir(project)
    code, out, _ = run_cli("serve", *args)
    assert code == 0
    assert started["app"].state.web.editing is editing
    assert f"(editing {'on' if editing else 'off'})" in out and "http://" in out


def test_concept_page_lists_the_recognised_forms(client: TestClient) -> None:
    page = client.get("/glossary/kandas").text
    assert "recognised forms" in page
    assert "қандастарға" in page  # a generated Kazakh form (plural dative)
    assert "кандасов" in page  # a Russian form
