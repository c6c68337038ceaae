"""The translation memory: units, lookup, substitution, the glossary enforced, TMX, commands."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import DATA, PROJECT, copy_project
from tests.test_web import make_client
from toolkit.articles.pipeline import Project
from toolkit.catalog import check_with_msgfmt, read_catalog
from toolkit.checks.base import Resources
from toolkit.glossary import load_glossary
from toolkit.tm import memory as memory_module
from toolkit.tm.glossary_check import text_checks
from toolkit.tm.matching import brute_force, lookup, score_candidates
from toolkit.tm.memory import Memory, TranslationUnit, load_memory, project_checks
from toolkit.tm.tmx import MAX_SEGMENT, read_tmx, tmx_bytes

GLOSSARY = PROJECT / "glossary"
EXPLAINER = "xinjiang-kazakhs-explainer"


@pytest.fixture(scope="module")
def glossary():
    return load_glossary(GLOSSARY)


@pytest.fixture(scope="module")
def resources(glossary):
    return Resources(glossary)


@pytest.fixture(scope="module")
def project_memory(glossary) -> Memory:
    """The memory of the three articles the fourth (the explainer) was translated from."""
    units = load_memory(Project(PROJECT), glossary).units
    return Memory([u for u in units if u.origin != EXPLAINER])


def _unit(source: str, target: str, lang: str = "kk", **kw) -> TranslationUnit:
    return TranslationUnit(source, target, lang, kw.get("origin", "test"), kw.get("date", ""))


# -- units -----------------------------------------------------------------------------------


def test_units_are_translated_non_fuzzy_entries_without_errors(tmp_path, glossary):
    root = copy_project(tmp_path)
    po = root / "locales/kk/LC_MESSAGES/almaty-court-fines-activist.po"
    text = po.read_text(encoding="utf-8")
    # an entry `check` rejects (a deprecated term) and one marked fuzzy are left out
    text = text.replace('msgstr "Біләш Шыңжаңда туған."', 'msgstr "Біләш оралман болған."')
    text = text.replace(
        'msgid "He later became a Kazakh citizen."',
        '#, fuzzy\nmsgid "He later became a Kazakh citizen."',
    )
    po.write_text(text, encoding="utf-8")
    units = load_memory(Project(root), glossary).units
    sources = {u.source for u in units if u.lang == "kk" and u.origin == po.stem}
    assert "Bilash was born in Xinjiang." not in sources
    assert "He later became a Kazakh citizen." not in sources
    assert "Bilash pleaded not guilty." in sources
    unit = next(u for u in units if u.source == "Bilash pleaded not guilty." and u.lang == "ru")
    assert (unit.origin, unit.date) == ("almaty-court-fines-activist", "2019-02-13")


def test_adding_an_article_reads_only_its_catalogues(tmp_path, glossary, monkeypatch):
    root = copy_project(tmp_path)
    stash = tmp_path / "stash"
    stash.mkdir()
    for locale in ("kk", "ru", "kk@latin"):
        shutil.move(root / f"locales/{locale}/LC_MESSAGES/{EXPLAINER}.po", stash / f"{locale}.po")
    first = load_memory(Project(root), glossary)
    read: list[str] = []
    real = memory_module.catalog_units
    monkeypatch.setattr(
        memory_module,
        "catalog_units",
        lambda project, path, *a: read.append(path.parent.parent.name) or real(project, path, *a),
    )
    for locale in ("kk", "ru", "kk@latin"):
        shutil.move(stash / f"{locale}.po", root / f"locales/{locale}/LC_MESSAGES/{EXPLAINER}.po")
    second = load_memory(Project(root), glossary)
    assert sorted(read) == ["kk", "kk@latin", "ru"]  # the other nine come from the cache
    assert len(second.units) > len(first.units)


# -- lookup ----------------------------------------------------------------------------------


def test_numbers_that_changed_are_carried_into_the_translation(project_memory, resources):
    found = lookup(project_memory, "It ordered him to pay 300,000 tenge ($800).", "kk", resources)
    assert found[0].unit.source == "It ordered him to pay 252,000 tenge ($670)."
    assert "300 000 теңге" in found[0].target and "800" in found[0].target
    assert "252" not in found[0].target and "670" not in found[0].target
    assert 75 <= found[0].score < 100 and not found[0].exact


def test_numbers_that_moved_are_not_swapped(project_memory, resources):
    text = "In 2025 Kazakhstan granted kandas status to 16,805 ethnic Kazakhs from abroad."
    best = lookup(project_memory, text, "ru", resources)[0]
    assert "16 805" in best.target and "2025" in best.target
    assert best.changes == []


def test_ambiguous_numbers_are_left_alone_and_reported(resources):
    memory = Memory([_unit("He paid 5 fines of 5 dollars.", "Ол 5 доллардан 5 айыппұл төледі.")])
    best = lookup(memory, "He paid 5 fines of 7 dollars.", "kk", resources)[0]
    assert best.target == "Ол 5 доллардан 5 айыппұл төледі."
    assert best.unresolved == ["number 5 → 7"]


def test_a_name_is_replaced_in_the_same_case(project_memory, resources):
    best = lookup(
        project_memory, "Many still travel to China to see their families.", "ru", resources
    )[0]
    assert best.unit.source == "Many still travel to Xinjiang to see their families."
    assert "в Китай" in best.target and "Синьцзян" not in best.target


def test_exact_match_after_normalising_whitespace_and_placeholders(resources):
    memory = Memory([_unit("The <a1>law</a1> on migration.", "Көші-қон туралы <a1>заң</a1>.")])
    best = lookup(memory, "The  <a2>law</a2>\n on migration.", "kk", resources)[0]
    assert best.exact and best.score == 100
    assert best.target == "Көші-қон туралы <a2>заң</a2>."


def test_below_the_threshold_nothing_is_offered(project_memory, resources):
    assert lookup(project_memory, "The weather in Paris was sunny all week.", "kk", resources) == []


def test_the_index_finds_what_a_full_scan_finds(project_memory):
    # every project sentence with one word dropped: the candidate index must not lose the
    # best unit a scan of every unit finds
    units, _ = project_memory.of_language("kk")
    checked = 0
    for unit in units:
        words = unit.source.split()
        if len(words) < 6:
            continue
        text = " ".join(words[:2] + words[3:])
        scan = brute_force(project_memory, text, "kk", limit=1)
        indexed = score_candidates(project_memory, text, "kk", threshold=75, limit=1)
        assert [s for _, s in scan] == [s for _, s, _ in indexed], text
        checked += 1
    assert checked > 50


# -- the glossary enforced ---------------------------------------------------------------------


def test_a_deprecated_term_is_conformed_in_the_same_form(glossary, resources):
    memory = Memory([_unit("The ministry helps oralmans.", "Министрлік оралмандарға көмектеседі.")])
    checks = text_checks(project_checks(Project(PROJECT)))
    best = lookup(memory, "The ministry helps kandases.", "kk", resources, checks=checks)[0]
    assert best.target == "Министрлік қандастарға көмектеседі."
    assert best.conformed and best.problems == []


def test_a_suggestion_that_would_fail_check_is_marked(resources):
    memory = Memory([_unit("Bilash was born in Xinjiang.", "Біләш Шынжанда туған.")])
    checks = text_checks(project_checks(Project(PROJECT)))
    best = lookup(memory, "Bilash was born in Xinjiang.", "kk", resources, checks=checks)[0]
    assert best.problems and any("Xinjiang" in p or "Шыңжаң" in p for p in best.problems)


# -- TMX -------------------------------------------------------------------------------------


def test_tmx_export_and_import_keep_every_unit(tmp_path, project_memory):
    path = tmp_path / "memory.tmx"
    path.write_bytes(tmx_bytes(project_memory.units))
    back = {tuple(u) for u in read_tmx(path).units}
    assert back == {tuple(u)[:5] for u in project_memory.units}


def test_a_real_tmx_from_another_tool(tmp_path):
    content = read_tmx(DATA / "tm" / "omegat-en-US_en-GB_fr_sr.tmx")
    assert sorted((u[0], u[1], u[2]) for u in content.units) == [
        ("XXx", "YYY", "fr"),
        ("XXx", "ZZZ", "sr"),
    ]
    assert any("fr (1), sr (1)" in w for w in content.warnings)


def test_huge_segments_are_left_out_with_a_warning(tmp_path):
    units = [_unit("short", "қысқа"), _unit("x" * (MAX_SEGMENT + 1), "ұзын")]
    path = tmp_path / "huge.tmx"
    path.write_bytes(tmx_bytes(units))
    content = read_tmx(path)
    assert [u[0] for u in content.units] == ["short"]
    assert any("longer than" in w for w in content.warnings)


# -- commands --------------------------------------------------------------------------------


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    root = copy_project(tmp_path)
    monkeypatch.chdir(root)
    monkeypatch.setenv("TOOLKIT_GLOSSARY", str(GLOSSARY))
    return root


def test_malformed_tmx_is_one_line_with_file_and_line(project, run_cli):
    bad = project / "bad.tmx"
    bad.write_text('<?xml version="1.0"?>\n<tmx version="1.4">\n<body>\n<tu>\n</body></tmx>\n')
    code, _, err = run_cli("tm", "import", "bad.tmx")
    assert code == 2
    assert err.startswith("toolkit: error: bad.tmx:5: malformed TMX") and err.count("\n") == 1
    assert not (project / "locales" / "memory").exists()


def test_xml_that_is_not_tmx_is_an_input_error(project, run_cli):
    (project / "page.tmx").write_text('<?xml version="1.0"?>\n<html><body/></html>\n')
    code, _, err = run_cli("tm", "import", "page.tmx")
    assert code == 2
    assert err.startswith("toolkit: error: page.tmx:2: not a TMX file: the root element is not")
    assert err.count("\n") == 1


def test_import_warns_about_languages_the_project_lacks(project, run_cli):
    code, _, err = run_cli("tm", "import", str(DATA / "tm" / "omegat-en-US_en-GB_fr_sr.tmx"))
    assert code == 0
    assert "warning" in err and "fr (1), sr (1)" in err
    assert (project / "locales/memory/omegat-en-US_en-GB_fr_sr.tmx").is_file()


def test_search_json(project, run_cli):
    code, out, _ = run_cli(
        "tm", "search", "It ordered him to pay 300,000 tenge ($800).", "--lang", "ru",
        "--format", "json",
    )  # fmt: skip
    assert code == 0
    found = json.loads(out)
    assert {"source", "target", "score", "origin"} <= set(found[0])
    assert found[0]["origin"] == "almaty-court-fines-activist, 2019-02-13"
    assert "300 000" in found[0]["target"]


def test_export_then_import_into_another_project(project, run_cli, tmp_path):
    code, out, _ = run_cli("tm", "export", "--format", "tmx", "-o", "all.tmx")
    assert code == 0 and "units" in out
    assert read_tmx(project / "all.tmx").units


def test_pretranslate_tm_fills_a_new_article_from_memory(project, run_cli):
    for locale in ("kk", "ru", "kk@latin"):
        (project / f"locales/{locale}/LC_MESSAGES/{EXPLAINER}.po").unlink()
    run_cli("update", "--lang", "kk", "--lang", "ru")
    code, _, _ = run_cli("pretranslate", "--tm")
    assert code == 0
    path = project / f"locales/kk/LC_MESSAGES/{EXPLAINER}.po"
    assert check_with_msgfmt(path) is None
    catalog = read_catalog(path)
    exact = catalog.find("Kazakhs are a Turkic-speaking people.")
    assert exact.msgstr == "Қазақтар – түркітілдес халық." and exact.fuzzy
    assert "translation memory: exact match from refugee-status-xinjiang-kazakhs" in (
        exact.translator_comment
    )
    fuzzy = catalog.find("Many still travel to China to see their families.")
    assert fuzzy.fuzzy and "Қытайға" in fuzzy.msgstr
    text = path.read_text(encoding="utf-8")
    assert '#| msgid "Many still travel to Xinjiang to see their families."' in text
    kept = catalog.find(
        'Until 2020 the law called these migrants <em>oralman</em>, a word that means "returnee".'
    )
    assert "<em>оралман</em>" in kept.msgstr  # kept on purpose there, kept here
    assert kept.ignored_checks() == frozenset({"deprecated_term"})
    assert check_with_msgfmt(project / f"locales/ru/LC_MESSAGES/{EXPLAINER}.po") is None


# -- the web view --------------------------------------------------------------------------


def test_article_page_shows_suggestions_for_an_untranslated_segment(tmp_path):
    root = copy_project(tmp_path)
    po = root / f"locales/kk/LC_MESSAGES/{EXPLAINER}.po"
    text = po.read_text(encoding="utf-8")
    translated = '"Көбі әлі күнге дейін туған-туыстарына барып-қайту үшін Қытайға қатынайды."'
    assert translated in text
    po.write_text(text.replace(translated, '""'), encoding="utf-8")
    page = make_client(root).get(f"/articles/{EXPLAINER}")
    assert page.status_code == 200
    cell = page.text.split("Many still travel to")[1].split("</tr>")[0]
    assert "untranslated" in cell and "memory 93%" in cell
    assert "almaty-court-fines-activist, 2019-02-13" in cell
    assert "үшін Қытайға қатынайды" in cell  # the name carried over, in the dative
