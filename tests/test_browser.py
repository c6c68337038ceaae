"""The web view in a real browser: Playwright driving Debian's Chromium.

Skipped with a reason when Chromium (``/usr/bin/chromium``, as `.ci/run` installs it) or the
playwright package is missing. Screenshots go to build/test-artifacts/.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time

import pytest

from tests.conftest import PROJECT, copy_project

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = PROJECT / "build" / "test-artifacts"

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no Chromium on this machine (apt-get install chromium)"
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The web view of a copy of the project, served by uvicorn on a free local port."""
    uvicorn = pytest.importorskip("uvicorn")
    from toolkit.web.app import create_app

    root = copy_project(tmp_path_factory.mktemp("site"))
    port = _free_port()
    app = create_app(root, root / "glossary", read_only=False)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(100):
        if server.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", root
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )  # fmt: skip
        yield chromium
        chromium.close()


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_search_open_edit_and_save_a_concept(site, browser):
    url, root = site
    page = browser.new_page()
    page.goto(f"{url}/glossary")
    page.fill("input[name=q]", "Атажұрт")
    page.click("form.search button[type=submit]")
    page.wait_for_selector("article.concept")
    _shot(page, "glossary-search")
    page.click("#c-atazhurt-eriktileri h2 a")
    page.wait_for_selector("form.concept-form")
    note = "Edited in the browser test: the group's name means Volunteers of the Fatherland."
    page.fill("textarea[name=note]", note)
    page.click("form.concept-form button[type=submit]")
    page.wait_for_load_state()
    _shot(page, "concept-saved")
    assert note in page.content()
    yaml_text = (root / "glossary" / "organizations.yaml").read_text(encoding="utf-8")
    assert note in yaml_text
    assert yaml_text.startswith("#")  # the file's header comment survived the edit
    page.close()


def test_article_view_highlights_terms_in_every_column(site, browser):
    url, _ = site
    page = browser.new_page()
    page.goto(f"{url}/articles/almaty-court-fines-activist")
    page.wait_for_selector("table.side-by-side")
    _shot(page, "article")
    marks = page.locator("table.side-by-side mark")
    assert marks.count() > 20
    titles = {marks.nth(i).get_attribute("title") for i in range(marks.count())}
    assert any(t and t.startswith("serikzhan-bilash") for t in titles)
    for lang in ("en", "kk", "kk-Latn", "ru"):
        assert page.locator(f"td[lang='{lang}'] mark").count() > 0, lang
    page.close()


def test_translit_box_updates_while_typing(site, browser):
    url, _ = site
    page = browser.new_page()
    page.goto(f"{url}/translit")
    page.fill("#translit-text", "Серікжан Біләш Алматыда")
    page.wait_for_function("() => document.body.innerText.includes('Almatyda')", timeout=5000)
    _shot(page, "translit")
    page.close()


def test_create_a_concept_then_add_and_remove_a_term(site, browser):
    url, root = site
    yaml_path = root / "glossary" / "nature.yaml"  # a new domain: the form creates its file
    page = browser.new_page()
    page.goto(f"{url}/glossary")
    page.click("a.new-concept-link")
    page.wait_for_selector("form.new-concept")
    page.fill("input[name=id]", "snow-leopard")
    page.fill("input[name=domain]", "nature")
    page.fill("textarea[name=note]", "The big cat of the Tien Shan and Altai mountains.")
    page.fill("textarea[name=sources]", "kk: kk.wikipedia.org (Ілбіс)\nru: ru.wikipedia.org")
    page.fill("input[name='n.0.text']", "snow leopard")
    page.fill("input[name='n.2.text']", "ілбіс")
    page.fill("input[name='n.4.text']", "снежный барс")
    page.select_option("select[name='n.4.gender']", "m")
    page.click("form.new-concept button[type=submit]")
    page.wait_for_url("**/glossary/snow-leopard?saved=1")
    assert "Saved to nature.yaml" in page.content()
    assert "снежный барс" in page.locator("article.concept").inner_text()
    page.goto(f"{url}/glossary?q=snow+leopard")
    assert page.locator("#c-snow-leopard").count() == 1

    # add a term, in a row made by the "Add another term" button
    page.goto(f"{url}/glossary/snow-leopard")
    page.click("button.add-term")
    page.select_option("select[name='n.1.lang']", "ru")
    page.fill("input[name='n.1.text']", "ирбис")
    page.select_option("select[name='n.1.gender']", "m")
    page.click("form.concept-form button[type=submit]")
    page.wait_for_url("**/glossary/snow-leopard?saved=1")
    _shot(page, "concept-term-added")
    assert "ирбис" in page.locator("article.concept").inner_text()
    assert "{term: ирбис, status: admitted, gender: m}" in yaml_path.read_text(encoding="utf-8")
    page.goto(f"{url}/glossary?q=ирбис")
    assert page.locator("#c-snow-leopard").count() == 1

    # remove it again
    page.goto(f"{url}/glossary/snow-leopard")
    page.check("input[name='t.ru.1.remove']")
    page.click("form.concept-form button[type=submit]")
    page.wait_for_url("**/glossary/snow-leopard?saved=1")
    assert "ирбис" not in page.locator("article.concept").inner_text()
    text = yaml_path.read_text(encoding="utf-8")
    assert "ирбис" not in text and "снежный барс" in text and text.startswith("#")
    page.goto(f"{url}/glossary?q=ирбис")
    assert page.locator("#c-snow-leopard").count() == 0
    page.close()
