"""Article build: front-matter tags through the glossary, per-language bylines, and the
Kazakh Arabic-script version built on request (``toolkit build --with kk-Arab``)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from tests.conftest import DATA, PROJECT
from toolkit.articles.localize import TagIndex, localized_byline, localized_tags
from toolkit.glossary.model import Concept, Term
from toolkit.translit import transliterate

SAMPLE = DATA / "pipeline" / "project"
GLOSSARY = str(PROJECT / "glossary")
ARTICLE = "articles/court-sample.md"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = Path(shutil.copytree(SAMPLE, tmp_path / "project"))
    monkeypatch.chdir(root)
    return root


def tk(run_cli, *args: str) -> tuple[int, str, str]:
    return run_cli("--glossary", GLOSSARY, *args)


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def set_front_matter(project: Path, old: str, new: str) -> None:
    path = project / ARTICLE
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def build(project: Path, run_cli, *args: str) -> tuple[int, str, str]:
    tk(run_cli, "extract")
    tk(run_cli, "update")
    return tk(run_cli, "build", *args)


def test_tags_that_are_concepts_take_each_language_s_preferred_term(project, run_cli) -> None:
    set_front_matter(project, "tags: [Kazakhstan, courts]", "tags: [Kazakhstan, xinjiang, courts]")
    assert build(project, run_cli)[0] == 0
    tags = {
        lang: front_matter(project / f"build/court-sample.{lang}.md")["tags"]
        for lang in ("en", "kk", "kk-Latn", "ru")
    }
    assert tags == {
        "en": ["Kazakhstan", "xinjiang", "courts"],  # the source's own tags
        "kk": ["Қазақстан", "Шыңжаң", "courts"],  # courts is no concept's term: kept
        "kk-Latn": ["Qazaqstan", "Şyñjañ", "courts"],
        "ru": ["Казахстан", "Синьцзян", "courts"],
    }


def test_a_per_language_byline(project, run_cli) -> None:
    set_front_matter(
        project, "byline: Test desk", "byline: {en: Test desk, kk: Сынақ бөлімі, ru: Отдел тестов}"
    )
    assert build(project, run_cli, "--with", "kk-Arab")[0] == 0
    bylines = {
        lang: front_matter(project / f"build/court-sample.{lang}.md")["byline"]
        for lang in ("en", "kk", "kk-Latn", "kk-Arab", "ru")
    }
    assert bylines == {
        "en": "Test desk",
        "kk": "Сынақ бөлімі",
        "kk-Latn": "Synaq bölımı",  # derived from kk
        "kk-Arab": "سىناق ٴبولىمى",  # derived from kk
        "ru": "Отдел тестов",
    }
    html = (project / "build/court-sample.ru.html").read_text(encoding="utf-8")
    assert "· Отдел тестов</p>" in html


def test_a_plain_byline_is_the_same_in_every_version(project, run_cli) -> None:
    assert build(project, run_cli)[0] == 0
    for lang in ("en", "kk", "kk-Latn", "ru"):
        assert front_matter(project / f"build/court-sample.{lang}.md")["byline"] == "Test desk"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("byline: Test desk", "byline: {de: Testbüro}", ":6: byline language 'de' is not one of"),
        ("byline: Test desk", "byline: [a, b]", ":6: byline must be a string or a mapping"),
        ("byline: Test desk", "byline: {en: [a]}", ":6: byline en: must be a string"),
        ("tags: [Kazakhstan, courts]", "tags: {a: b}", ":7: tags must be a list of strings"),
    ],
    ids=["language", "list", "nested", "tags"],
)
def test_a_bad_byline_or_tags_is_a_one_line_input_error(project, run_cli, old, new, expected):
    set_front_matter(project, old, new)
    code, out, err = tk(run_cli, "extract")
    assert (code, out) == (2, "")
    assert err.startswith(f"toolkit: error: {ARTICLE}{expected}") and err.count("\n") == 1


def test_kk_arab_is_built_on_request_right_to_left_from_kk(project, run_cli) -> None:
    code, out, _ = build(project, run_cli)
    assert code == 0 and not (project / "build/court-sample.kk-Arab.md").exists()
    code, out, err = tk(run_cli, "build", "--with", "kk-Arab")
    assert code == 0
    assert out.startswith("10 files in build (2 written, 8 unchanged)")
    assert f"{ARTICLE}:20: warning: kk-Arab: fuzzy" in err  # kk's fuzzy segment, again
    kk = (project / "build/court-sample.kk.md").read_text(encoding="utf-8")
    arab = (project / "build/court-sample.kk-Arab.md").read_text(encoding="utf-8")
    meta = front_matter(project / "build/court-sample.kk-Arab.md")
    assert meta["lang"] == "kk-Arab"
    assert meta["tags"] == ["قازاقستان", "courts"]
    kk_title = front_matter(project / "build/court-sample.kk.md")["title"]
    assert meta["title"] == transliterate(kk_title, "kk-arab")
    body_kk, body_arab = kk.split("---\n", 2)[2], arab.split("---\n", 2)[2]
    assert body_arab == transliterate(body_kk, "kk-arab")
    assert "سەرىكجان" in body_arab and "\u200f" not in body_arab
    html = (project / "build/court-sample.kk-Arab.html").read_text(encoding="utf-8")
    assert '<html lang="kk-Arab" dir="rtl">' in html
    assert "dir=" not in (project / "build/court-sample.kk.html").read_text(encoding="utf-8")
    _, out, _ = tk(run_cli, "build", "--with", "kk-Arab")
    assert "(0 written, 10 unchanged)" in out


def test_an_unknown_version_is_a_usage_error(project, run_cli) -> None:
    code, _, err = tk(run_cli, "build", "--with", "kk-Cyrl")
    assert code == 2 and "kk-Cyrl" in err


def test_a_tag_two_concepts_share_stays_as_it_is() -> None:
    def concept(cid: str, en: str, kk: str) -> Concept:
        terms = {"en": (Term(en, "en", "preferred"),), "kk": (Term(kk, "kk", "preferred"),)}
        return Concept(cid, "test", terms)

    index = TagIndex([concept("a", "Court", "сот"), concept("b", "court", "сот ғимараты"),
                      concept("c", "court", "корт")])  # fmt: skip
    assert localized_tags(["Court", "court", "COURT", "other"], "kk", index) == [
        "сот",  # exact match, one concept
        "court",  # two concepts: kept
        "COURT",  # ignoring case, three concepts: kept
        "other",
    ]
    assert localized_byline({"en": "Desk"}, "kk") == "Desk"
