"""The consistency gate over the project's own translations (locales/)."""

from __future__ import annotations

import json
import shutil

import pytest

from tests.conftest import PROJECT
from toolkit.catalog import check_with_msgfmt, read_catalog

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
