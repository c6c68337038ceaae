"""The consistency gate over the project's own translations (locales/)."""

from __future__ import annotations

import json
import shutil
from functools import cache

import pytest

from tests.conftest import PROJECT
from toolkit.catalog import check_with_msgfmt, read_catalog
from toolkit.glossary import load_glossary
from toolkit.glossary.model import Glossary
from toolkit.matching.forms import load_matcher
from toolkit.matching.matcher import TermMatcher

CATALOGUES = sorted((PROJECT / "locales").rglob("*.po"))
ARTICLES = sorted((PROJECT / "articles").glob("*.md"))


def test_every_article_has_kk_ru_and_kk_latin_catalogues():
    assert len(ARTICLES) >= 3
    for article in ARTICLES:
        for locale in ("kk", "ru", "kk@latin"):
            assert (PROJECT / "locales" / locale / "LC_MESSAGES" / f"{article.stem}.po").is_file()


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_catalogue_passes_msgfmt_check(path):
    assert check_with_msgfmt(path) is None


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_catalogue_is_fully_translated(path):
    catalog = read_catalog(path)
    live = [e for e in catalog.entries if e.msgid and not e.obsolete]
    assert live and all(e.msgstr for e in live)


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_catalogue_has_no_fuzzy_entry(path):
    # `toolkit build` leaves a fuzzy translation out: the article would show the English
    catalog = read_catalog(path)
    assert [e.msgid for e in catalog.entries if e.fuzzy and not e.obsolete] == []


def test_toolkit_check_finds_no_errors(run_cli, monkeypatch):
    monkeypatch.chdir(PROJECT)
    code, out, _ = run_cli("check", "--format", "json", "locales")
    errors = [f for f in json.loads(out) if f["severity"] == "error"]
    assert errors == []
    assert code == 0


def test_kk_latin_catalogues_are_the_transliteration_of_kk(run_cli, monkeypatch, tmp_path):
    # `toolkit update` regenerates kk@latin from kk; the committed files must be current.
    copy = shutil.copytree(PROJECT / "locales", tmp_path / "locales")
    shutil.copy(PROJECT / "pyproject.toml", tmp_path / "pyproject.toml")
    shutil.copytree(PROJECT / "articles", tmp_path / "articles")
    shutil.rmtree(copy / "kk@latin")  # so that `update` must write every one of them again
    monkeypatch.chdir(tmp_path)
    run_cli("--glossary", str(PROJECT / "glossary"), "update", "--lang", "kk@latin")
    paths = sorted((copy / "kk@latin" / "LC_MESSAGES").glob("*.po"))
    assert [p.stem for p in paths] == [a.stem for a in ARTICLES]
    for path in paths:
        committed = PROJECT / "locales" / "kk@latin" / "LC_MESSAGES" / path.name
        assert path.read_bytes() == committed.read_bytes(), path.name


# -- consistency of names (house style: a person's full name on first mention, in every language;
# -- an organisation under one name everywhere)


@cache
def project_glossary() -> Glossary:
    return load_glossary(PROJECT / "glossary")


@cache
def matcher(lang: str) -> TermMatcher:
    return load_matcher(project_glossary(), lang)


def preferred(concept: str, lang: str) -> str:
    terms = project_glossary()[concept].terms[lang]
    return next(t.text for t in terms if t.status == "preferred")


def translated_entries(lang: str, article: str) -> list[tuple[str, str]]:
    """(msgid, msgstr) of the article's catalogue in ``lang``, in the order of the article."""
    catalog = read_catalog(PROJECT / "locales" / lang / "LC_MESSAGES" / f"{article}.po")
    return [(e.msgid, e.msgstr) for e in catalog.entries if e.msgid and not e.obsolete]


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("article", [a.stem for a in ARTICLES])
def test_a_person_is_named_in_full_on_first_mention(article: str, lang: str) -> None:
    people = {c.id for c in project_glossary() if c.domain == "people"}
    first: dict[tuple[str, str], str] = {}
    for msgid, msgstr in translated_entries(lang, article):
        for side, text in (("en", msgid), (lang, msgstr)):
            for match in matcher(side).find(text):
                if match.concept in people:
                    first.setdefault((side, match.concept), match.term)
    wrong = {key: term for key, term in first.items() if term != preferred(key[1], key[0])}
    assert wrong == {}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_an_organisation_has_one_name_in_every_article(lang: str) -> None:
    """Its preferred term (an abbreviation after it is fine), not a different name in another
    article: Russian once wrote «Атажұрт еріктілері» beside «Атажурт»."""
    glossary = project_glossary()
    used: dict[str, set[str]] = {}
    for article in ARTICLES:
        for _, msgstr in translated_entries(lang, article.stem):
            for match in matcher(lang).find(msgstr):
                concept = glossary[match.concept]
                term = next(t for t in concept.terms[lang] if t.text == match.term)
                if concept.domain == "organizations" and term.pos != "abbreviation":
                    used.setdefault(match.concept, set()).add(match.term)
    assert used, "the articles name organisations"
    assert {c: terms for c, terms in used.items() if terms != {preferred(c, lang)}} == {}
