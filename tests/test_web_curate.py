"""Curating the glossary from the browser (`toolkit serve`), through Starlette's test client:
add a concept (to a domain's file or a new one), add and remove terms with their grammar,
edit sources and the definition, and the refusals (shown next to the field, nothing written),
the conflict with a change on disk, the security rules of the new routes, and the paged list.

Every save is compared byte for byte with a golden after-image in tests/data/web-curate/."""

from __future__ import annotations

import re
import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
import yaml
from markupsafe import escape
from starlette.testclient import TestClient

from tests.conftest import DATA, PROJECT, copy_project
from tests.test_web import form_of
from toolkit.glossary import load_glossary
from toolkit.translit import to_kk_latin
from toolkit.web import create_app
from toolkit.web.concept_edit import ConceptEdit, TermEdit, apply_edit
from toolkit.web.concept_new import NewConcept, prepare_new
from toolkit.web.saving import ConflictError, file_digest, save_edit
from toolkit.web.views import PAGE_SIZE

CURATE = DATA / "web-curate"
EXPECTED = CURATE / "expected"
BILASH = "/glossary/serikzhan-bilash"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(CURATE / "glossary", root / "glossary")
    return root


def make_client(project: Path, *, read_only: bool = False) -> TestClient:
    app = create_app(project, project / "glossary", read_only=read_only)
    return TestClient(app, headers={"origin": "http://testserver"})


@pytest.fixture
def client(project: Path) -> TestClient:
    return make_client(project)


def files_of(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def assert_golden(path: Path, name: str) -> None:
    """The file written is, byte for byte, the golden after-image ``expected/<name>``."""
    assert path.read_bytes() == (EXPECTED / name).read_bytes()


def between(html: str, start: str, end: str) -> str:
    """The part of a page from the first ``start`` to the next ``end`` after it."""
    first = html.index(start)
    return html[first : html.index(end, first)]


def sauytbay_form(client: TestClient) -> dict[str, str]:
    form = form_of(client.get("/glossary/_new").text)
    form.update({
        "id": "sayragul-sauytbay",
        "domain": "people",
        "note": "Ethnic Kazakh from Xinjiang who testified about the camps; asylum in Sweden.",
        "sources": "en: RFE/RL usage (Sayragul Sauytbay)\n"
                   "kk: kazakh.azattyq.org (Сайрагүл Сауытбай); ru: rus.azattyq.org "
                   "(Сайрагуль Сауытбай)\n",
        "n.0.text": "Sayragul Sauytbay", "n.0.pos": "proper-noun",
        "n.2.text": "Сайрагүл Сауытбай", "n.2.pos": "proper-noun",
        "n.4.text": "Сайрагуль Сауытбай", "n.4.pos": "proper-noun", "n.4.gender": "f",
    })  # fmt: skip
    return form


# -- add a concept ---------------------------------------------------------------------------


def test_add_a_concept_appends_it_keeping_every_byte_before(
    client: TestClient, project: Path, run_cli
) -> None:
    path = project / "glossary" / "people.yaml"
    before = path.read_bytes()
    response = client.post("/glossary/_new", data=sauytbay_form(client), follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/glossary/sayragul-sauytbay?saved=1"
    after = path.read_bytes()
    assert after.startswith(before)  # header comment and both concepts untouched
    assert_golden(path, "people.add-concept.yaml")
    page = client.get(response.headers["location"]).text
    assert "Saved to people.yaml" in page and "Сайрагүл Сауытбай" in page
    assert to_kk_latin("Сайрагүл Сауытбай") in page  # kk-Latn derived from kk
    found = client.get("/glossary", params={"q": "Сайрагуль"}).text
    assert 'id="c-sayragul-sauytbay"' in found
    code, out, _ = run_cli("--glossary", str(project / "glossary"), "glossary", "lint")
    assert code == 0 and "0 errors" in out


def test_a_new_domain_gets_a_file_of_its_own(client: TestClient, project: Path, run_cli) -> None:
    people = (project / "glossary" / "people.yaml").read_bytes()
    form = form_of(client.get("/glossary/_new").text)
    form.update({
        "id": "supreme-court", "domain": "courts",
        "sources": "en: RFE/RL usage; kk, ru: sud.gov.kz (official site of the court)",
        "n.0.text": "Supreme Court", "n.2.text": "Жоғарғы Сот",
        "n.4.text": "Верховный суд", "n.4.gender": "m",
    })  # fmt: skip
    assert client.post("/glossary/_new", data=form, follow_redirects=False).status_code == 303
    created = project / "glossary" / "courts.yaml"
    assert_golden(created, "courts.new-domain.yaml")
    assert (project / "glossary" / "people.yaml").read_bytes() == people
    assert load_glossary(project / "glossary", use_cache=False)["supreme-court"].domain == "courts"
    code, out, _ = run_cli("--glossary", str(project / "glossary"), "glossary", "lint")
    assert code == 0, out


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"id": "serikzhan-bilash"}, "id", "already has a concept 'serikzhan-bilash'"),
        ({"id": "Sayragul Sauytbay"}, "id", "lower-case slug"),
        ({"domain": "../outside"}, "domain", "a domain is a lower-case slug"),
        ({"n.4.text": ""}, "terms", "no preferred ru term"),
        ({"n.0.text": "Сайрагүл"}, "n.0.", "has cyrillic letters"),
        ({"n.0.text": "Serikzhan Bilash"}, "n.0.", "also a preferred term of 'serikzhan-bilash'"),
        ({"sources": "  \n"}, "sources", "no sources"),
    ],
)
def test_a_refused_concept_is_shown_next_to_its_field_and_nothing_is_written(
    client: TestClient, project: Path, change: dict[str, str], field: str, message: str
) -> None:
    before = files_of(project)
    form = {**sauytbay_form(client), **change}
    response = client.post("/glossary/_new", data=form)
    assert response.status_code == 400
    page = response.text
    assert "Not saved" in page and "Traceback" not in page
    where = {
        "id": ('name="id"', 'name="domain"'),
        "domain": ('name="domain"', 'name="note"'),
        "sources": ('name="sources"', 'class="edit-terms"'),
        "terms": ('name="sources"', 'class="edit-terms"'),
        "n.0.": ('name="n.0.text"', 'name="n.1.text"'),
    }[field]
    assert str(escape(message)) in between(page, *where)  # as the page escapes it
    assert "asylum in Sweden" in page  # the form keeps what was typed
    assert files_of(project) == before
    assert not (project / "outside.yaml").exists()


def test_one_save_shows_every_problem_of_a_new_concept(client: TestClient) -> None:
    form = {**sauytbay_form(client), "id": "serikzhan-bilash", "n.4.text": ""}
    page = client.post("/glossary/_new", data=form).text
    taken = str(escape("already has a concept 'serikzhan-bilash'"))
    assert taken in between(page, 'name="id"', 'name="domain"')
    assert "no preferred ru term" in between(page, 'name="sources"', 'class="edit-terms"')


# -- add and remove terms, sources and definition ------------------------------------------


def test_add_and_remove_terms_edit_sources_and_definition(
    client: TestClient, project: Path, run_cli
) -> None:
    path = project / "glossary" / "people.yaml"
    form = form_of(client.get(BILASH).text)
    form["t.en.1.remove"] = "1"  # Serikjan Bilash
    form["definition"] = "Founder of the unregistered Atajurt Eriktileri group (2017)."
    form["sources"] += "\nen: rferl.org reports of the 2019 trial (Bilash)"
    form.update({"n.0.lang": "kk", "n.0.text": "Біләш", "n.0.status": "admitted",
                 "n.0.pos": "proper-noun", "n.0.note": "surname, on second mention"})  # fmt: skip
    response = client.post(BILASH, data=form, follow_redirects=False)
    assert response.status_code == 303
    assert_golden(path, "people.edit-terms.yaml")
    page = client.get(BILASH).text
    assert "Біләш" in page and "surname, on second mention" in page and "2019 trial" in page
    assert "Serikjan Bilash" not in page
    assert 'id="c-serikzhan-bilash"' in client.get("/glossary", params={"q": "Біләш"}).text
    code, out, _ = run_cli("--glossary", str(project / "glossary"), "glossary", "lint")
    assert code == 0, out


def test_term_grammar_is_written_in_the_key_order_of_the_files(
    client: TestClient, project: Path
) -> None:
    path = project / "glossary" / "people.yaml"
    form = form_of(client.get("/glossary/roza-tuletaeva").text)
    form["t.en.0.source"] = "RFE/RL reports of the 2012 trial"
    form["t.kk.0.pos"] = ""  # the select's empty choice: the key goes
    form["t.ru.0.gender"] = "f"
    form["t.ru.0.indeclinable"] = "1"
    assert (
        client.post("/glossary/roza-tuletaeva", data=form, follow_redirects=False).status_code
        == 303
    )
    text = path.read_text(encoding="utf-8")
    assert ('    en: [{term: Roza Tuletaeva, status: preferred, pos: proper-noun, '
            'source: "RFE/RL reports of the 2012 trial"}]\n') in text  # fmt: skip
    assert "    kk: [{term: Роза Төлетаева, status: preferred}]\n" in text
    assert ("    ru: [{term: Роза Тулетаева, status: preferred, pos: proper-noun, gender: f, "
            "indeclinable: true}]\n") in text  # fmt: skip


def test_removing_the_last_preferred_term_of_a_language_is_refused_by_lint(
    client: TestClient, project: Path
) -> None:
    path = project / "glossary" / "people.yaml"
    before = path.read_bytes()
    form = form_of(client.get(BILASH).text)
    form["t.ru.0.remove"] = "1"  # the deprecated Билашев stays
    response = client.post(BILASH, data=form)
    assert response.status_code == 400
    assert "no preferred ru term" in between(response.text, 'name="sources"', 'class="edit-terms"')
    assert 'name="t.ru.0.remove" value="1" aria-label="remove ru term 1" checked' in response.text
    assert path.read_bytes() == before


def test_a_term_that_yaml_would_read_as_no_text_is_quoted() -> None:
    text = (CURATE / "glossary" / "people.yaml").read_text(encoding="utf-8")
    added = (
        TermEdit("en", 0, "null", "deprecated", None),
        TermEdit("en", 1, "1.5", "forbidden", None),
    )
    edited = apply_edit(text, "serikzhan-bilash", ConceptEdit(None, (), added=added))
    assert '      - {term: "null", status: deprecated}\n' in edited
    assert '      - {term: "1.5", status: forbidden}\n' in edited


def test_a_change_on_disk_since_the_form_was_loaded_gives_409(
    client: TestClient, project: Path
) -> None:
    path = project / "glossary" / "people.yaml"
    form = form_of(client.get(BILASH).text)
    changed = path.read_text(encoding="utf-8") + "# a change made in a text editor\n"
    path.write_text(changed, encoding="utf-8")
    form.update({"n.0.lang": "ru", "n.0.text": "Билаш", "n.0.status": "admitted"})
    response = client.post(BILASH, data=form)
    assert response.status_code == 409 and "changed on disk" in response.text
    assert path.read_text(encoding="utf-8") == changed


def test_a_new_concept_is_not_written_over_a_change_made_meanwhile(project: Path) -> None:
    """The file read for the new concept changed (or a new domain's file appeared) before
    the write: a conflict, and the other writer's bytes stay."""
    glossary = load_glossary(project / "glossary", use_cache=False)
    people = project / "glossary" / "people.yaml"
    read = people.read_bytes()
    concept = NewConcept("supreme-court", "people", None, None, ("sud.gov.kz",), (
        TermEdit("en", 0, "Supreme Court", "preferred", None),
        TermEdit("kk", 1, "Жоғарғы Сот", "preferred", None),
        TermEdit("ru", 2, "Верховный суд", "preferred", None),
    ))  # fmt: skip
    result = prepare_new(glossary, people, concept, read.decode("utf-8"))
    people.write_bytes(read + b"# added by someone else\n")
    with pytest.raises(ConflictError):
        save_edit(result, file_digest(read))
    assert people.read_bytes() == read + b"# added by someone else\n"
    courts = project / "glossary" / "courts.yaml"
    created = prepare_new(glossary, courts, replace(concept, domain="courts"), None)
    courts.write_text("# made meanwhile\n", encoding="utf-8")
    with pytest.raises(ConflictError):
        save_edit(created, None)
    assert courts.read_text(encoding="utf-8") == "# made meanwhile\n"


# -- security of the new routes --------------------------------------------------------------


def test_new_concept_posts_need_the_token_the_origin_and_editing(project: Path) -> None:
    client = make_client(project)
    before = files_of(project)
    form = sauytbay_form(client)
    no_token = {k: v for k, v in form.items() if k != "csrf_token"}
    assert client.post("/glossary/_new", data=no_token).status_code == 403
    assert client.post("/glossary/_new", data={**form, "csrf_token": "0" * 64}).status_code == 403
    foreign = client.post("/glossary/_new", data=form, headers={"origin": "http://evil.example"})
    assert foreign.status_code == 403
    assert make_client(project).post("/glossary/_new", data=form).status_code == 403  # no cookie
    read_only = make_client(project, read_only=True)
    assert read_only.get("/glossary/_new").status_code == 403
    assert 'href="/glossary/_new"' not in read_only.get("/glossary").text
    token = re.search(r'name="csrf-token" content="(\w+)"', read_only.get("/glossary").text)[1]
    assert read_only.post("/glossary/_new", data={**form, "csrf_token": token}).status_code == 403
    assert files_of(project) == before


# -- the paged list --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def shipped() -> TestClient:
    return TestClient(create_app(PROJECT, PROJECT / "glossary", read_only=True))


def card_ids(html: str) -> list[str]:
    return re.findall(r'<article class="concept" id="c-([a-z0-9-]+)">', html)


def test_the_glossary_list_is_paged_and_the_pages_hold_every_concept_once(
    shipped: TestClient,
) -> None:
    glossary = load_glossary(PROJECT / "glossary")
    assert len(glossary) > 2 * PAGE_SIZE, "the shipped glossary is expected to fill 3 pages"
    seen, url = [], "/glossary"
    while url:
        page = shipped.get(url).text
        ids = card_ids(page)
        assert 0 < len(ids) <= PAGE_SIZE
        assert f"{len(glossary)} concepts, {len(seen) + 1}–{len(seen) + len(ids)} shown" in page
        seen += ids
        found = re.search(r'<a href="([^"]+)" rel="next">', page)
        url = found[1].replace("&amp;", "&") if found else None
    assert seen == [c.id for c in glossary]


def test_paging_keeps_the_search_and_the_domain(shipped: TestClient) -> None:
    page = shipped.get("/glossary", params={"q": "a", "domain": "places"}).text
    assert len(card_ids(page)) == PAGE_SIZE
    link = re.search(r'<a href="([^"]+)" rel="next">', page)[1].replace("&amp;", "&")
    assert link == "/glossary?q=a&domain=places&page=2"
    second = shipped.get(link).text
    assert 'rel="prev"' in second and card_ids(second)
    assert not set(card_ids(second)) & set(card_ids(page))


@pytest.mark.parametrize(("page", "status"), [("0", 404), ("99", 404), ("x", 400), ("-1", 400)])
def test_a_page_that_is_not_there(shipped: TestClient, page: str, status: int) -> None:
    assert shipped.get("/glossary", params={"page": page}).status_code == status


# -- term flags (require, validity period) -------------------------------------------------


def test_term_flags_of_a_new_concept_and_their_edit(client: TestClient, project: Path) -> None:
    """A new concept with a time-bound name and a generic phrase (recognised, not required),
    then an edit of the period and of the flag."""
    form = form_of(client.get("/glossary/_new").text)
    form.update({
        "id": "astana", "domain": "places",
        "sources": "name history: Kazinform 20 Mar 2019; TASS 19 Sep 2022",
        "n.0.text": "Astana", "n.0.pos": "proper-noun",
        "n.1.text": "Nur-Sultan", "n.1.status": "deprecated",
        "n.1.valid_from": "2019-03-23", "n.1.valid_until": "2022-09-17",
        "n.2.text": "Астана", "n.4.text": "Астана",
        "n.6.lang": "en", "n.6.text": "the Kazakh capital", "n.6.status": "admitted",
        "n.6.not_required": "1",
    })  # fmt: skip
    assert client.post("/glossary/_new", data=form, follow_redirects=False).status_code == 303
    path = project / "glossary" / "places.yaml"
    assert "      - {term: the Kazakh capital, status: admitted, require: false}\n" in (
        path.read_text(encoding="utf-8")
    )
    en = load_glossary(project / "glossary", use_cache=False)["astana"].terms["en"]
    assert (en[1].valid_from, en[1].valid_until, en[2].require) == (
        "2019-03-23", "2022-09-17", False
    )  # fmt: skip

    edit = form_of(client.get("/glossary/astana").text)
    assert edit["t.en.1.valid_from"] == "2019-03-23" and "t.en.2.not_required" in edit
    del edit["t.en.2.not_required"]
    edit["t.en.1.valid_until"] = "2022-09-19"
    assert client.post("/glossary/astana", data=edit, follow_redirects=False).status_code == 303
    assert "      - {term: the Kazakh capital, status: admitted}\n" in (
        path.read_text(encoding="utf-8")
    )
    en = load_glossary(project / "glossary", use_cache=False)["astana"].terms["en"]
    assert (en[1].valid_from, en[1].valid_until, en[2].require) == (
        "2019-03-23", "2022-09-19", True
    )  # fmt: skip


def test_a_new_concept_writes_its_period_as_the_shipped_files_write_dates(
    client: TestClient, project: Path, run_cli
) -> None:
    """Dates unquoted (``valid_from: 2019-03-23``), so YAML reads them as dates, as it reads
    the hand-written ones, and not as strings that merely look like dates."""
    form = form_of(client.get("/glossary/_new").text)
    form.update({
        "id": "astana", "domain": "places", "sources": "name history: Kazinform 20 Mar 2019",
        "n.0.text": "Astana", "n.0.pos": "proper-noun",
        "n.1.text": "Nur-Sultan", "n.1.status": "deprecated",
        "n.1.valid_from": "2019-03-23", "n.1.valid_until": "2022-09-17",
        "n.2.text": "Астана", "n.4.text": "Астана",
    })  # fmt: skip
    assert client.post("/glossary/_new", data=form, follow_redirects=False).status_code == 303
    path = project / "glossary" / "places.yaml"
    text = path.read_text(encoding="utf-8")
    assert (
        "      - {term: Nur-Sultan, status: deprecated, valid_from: 2019-03-23, "
        "valid_until: 2022-09-17}\n"
    ) in text
    [astana] = [c for c in yaml.safe_load(text) if c["id"] == "astana"]
    assert astana["terms"]["en"][1]["valid_from"] == date(2019, 3, 23)
    assert astana["terms"]["en"][1]["valid_until"] == date(2022, 9, 17)
    nur_sultan = load_glossary(project / "glossary", use_cache=False)["astana"].terms["en"][1]
    assert (nur_sultan.valid_from, nur_sultan.status_on("2020-01-01")) == (
        "2019-03-23",
        "preferred",
    )
    code, out, _ = run_cli("--glossary", str(project / "glossary"), "glossary", "lint")
    assert code == 0 and "0 errors" in out


def test_a_period_that_ends_before_it_starts_is_refused_beside_its_term(
    client: TestClient, project: Path
) -> None:
    path = project / "glossary" / "people.yaml"
    before = path.read_bytes()
    form = form_of(client.get(BILASH).text)
    form["t.ru.1.valid_from"], form["t.ru.1.valid_until"] = "2020-01-01", "2019-01-01"
    response = client.post(BILASH, data=form)
    assert response.status_code == 400
    assert "is not before valid_until" in between(response.text, 'name="t.ru.1.text"', "Add terms")
    assert path.read_bytes() == before
    form["t.ru.1.valid_from"] = "1 May 2020"
    assert client.post(BILASH, data=form).status_code == 400
    assert path.read_bytes() == before


def test_time_bound_terms_of_the_shipped_glossary_survive_a_save(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", ("glossary",))
    client = make_client(project)
    path = project / "glossary" / "places.yaml"
    before = path.read_bytes()
    form = form_of(client.get("/glossary/astana").text)
    assert form["t.en.1.valid_until"] == "2022-09-17"
    assert client.post("/glossary/astana", data=form, follow_redirects=False).status_code == 303
    assert path.read_bytes() == before  # unchanged form: unchanged bytes
    form = form_of(client.get("/glossary/astana").text)
    form["t.en.1.valid_until"] = "2022-09-19"
    assert client.post("/glossary/astana", data=form, follow_redirects=False).status_code == 303
    old = "valid_from: 2019-03-23, valid_until: 2022-09-17, note:"
    new = old.replace("2022-09-17", "2022-09-19")  # unquoted, as the file writes dates
    assert path.read_bytes() == before.replace(old.encode(), new.encode(), 1)
