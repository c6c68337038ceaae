"""The editors' report: summary numbers, findings in context, escaping, Markdown."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import polib
import pytest
from lxml import html as lxml_html

from tests.conftest import DATA, PROJECT

GLOSSARY = str(PROJECT / "glossary")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run_cli) -> Path:
    root = Path(shutil.copytree(DATA / "pipeline" / "project", tmp_path / "project"))
    monkeypatch.chdir(root)
    run_cli("--glossary", GLOSSARY, "extract")
    run_cli("--glossary", GLOSSARY, "update")
    return root


def test_summary_numbers_match_check(run_cli, monkeypatch, tmp_path):
    monkeypatch.chdir(PROJECT)
    code, out, _ = run_cli("report", "-o", str(tmp_path / "r.html"))
    articles = len(list((PROJECT / "articles").glob("*.md")))
    assert code == 0 and f"{articles} article(s)" in out
    _, findings_json, _ = run_cli("check", "--format", "json")
    expected = Counter()
    for f in json.loads(findings_json):
        locale = Path(f["file"]).parent.parent.name
        lang = {"kk@latin": "kk-Latn"}.get(locale, locale)
        expected[lang, f["check"], f["severity"]] += 1
    page = lxml_html.parse(str(tmp_path / "r.html")).getroot()
    rows = page.xpath("//table[@class='summary']/tr[td[not(@class='empty')]]")
    got = Counter({(r[0].text, r[1].text, r[2].text): int(r[3].text) for r in rows})
    assert got == expected
    # the project's own catalogues may be clean: the table then says so in a row of its own
    empty = page.xpath("//table[@class='summary']/tr/td[@class='empty']")
    assert [td.text for td in empty] == ([] if expected else ["no findings"])
    assert len(page.xpath("//h2")) == articles


def test_findings_shown_in_context_with_suggestion(project, run_cli):
    path = project / "locales/ru/LC_MESSAGES/court-sample.po"
    po = polib.pofile(str(path))
    # Алма-Ата: deprecated at any date (оралман was right before 2020, and this is 2019)
    po.find("Bilash will appeal.").msgstr = "Билаш обжалует решение в Алма-Ате."
    po.save(str(path))
    code, _, _ = run_cli("--glossary", GLOSSARY, "report", "-o", "r.html")
    assert code == 1
    page = lxml_html.parse("r.html").getroot()
    (row,) = page.xpath("//tr[@data-check='deprecated_term']")
    assert row.get("data-lang") == "ru" and row.get("data-severity") == "error"
    assert row.xpath(".//mark")[0].text == "Алма-Ате"
    assert row.xpath(".//div[@class='sug']")[0].text == "suggestion: Алматы"
    filters = page.xpath("//div[@class='filters']//input/@value")
    assert {"lang:ru", "check:deprecated_term", "severity:error"} <= set(filters)


def test_counts_side_by_side_and_gaps(project, run_cli):
    run_cli("--glossary", GLOSSARY, "report", "-o", "r.html")
    page = lxml_html.parse("r.html").getroot()
    (row,) = page.xpath("//tr[td/small='serikzhan-bilash']")
    counts = [int(td.text) for td in row.xpath("td[@class]")]
    assert counts == [4, 4, 4, 4]  # en, kk, kk-Latn, ru: the name is kept in all four segments


def test_hostile_text_is_escaped(project, run_cli):
    article = project / "articles/court-sample.md"
    article.write_text(
        article.read_text(encoding="utf-8").replace(
            "It only helped families.", "It only helped <script>alert(1)</script> families."
        ),
        encoding="utf-8",
    )
    run_cli("--glossary", GLOSSARY, "extract")
    run_cli("--glossary", GLOSSARY, "update")
    path = project / "locales/ru/LC_MESSAGES/court-sample.po"
    po = polib.pofile(str(path))
    for entry in po:
        if "alert(1)" in entry.msgid:  # the tags themselves are placeholders there
            entry.msgstr = "Она <script>alert(1)</script> оралманам помогала."
            entry.flags = []
    po.save(str(path))
    run_cli("--glossary", GLOSSARY, "report", "-o", "r.html")
    text = Path("r.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    page = lxml_html.parse("r.html").getroot()
    assert len(page.xpath("//script")) == 1  # only the filter script of the page itself


def test_markdown_format(project, run_cli):
    code, out, _ = run_cli("--glossary", GLOSSARY, "report", "--format", "md", "-o", "r.md")
    assert code == 1 and "written to r.md" in out  # the sample leaves one entry untranslated
    text = Path("r.md").read_text(encoding="utf-8")
    assert text.startswith("# Terminology report\n")
    assert "| concept | en | kk | kk-Latn | ru |" in text
    assert "| Serikzhan Bilash | 4 | 4 | 4 | 4 |" in text


def _check_counts(run_cli, *paths: str) -> Counter:
    _, out, _ = run_cli("check", "--format", "json", *paths)
    return Counter((f["file"], f["check"], f["severity"]) for f in json.loads(out))


def test_report_on_catalogues_without_an_article(run_cli, monkeypatch, tmp_path):
    monkeypatch.chdir(PROJECT)
    folder = "examples/planted-mistakes/locales"
    code, out, err = run_cli("report", folder, "-o", str(tmp_path / "r.html"))
    assert (code, err) == (1, "")
    assert "report of 3 catalogue(s) without an article" in out
    page = lxml_html.parse(str(tmp_path / "r.html")).getroot()
    assert sorted(page.xpath("//h2/text()")) == [
        f"{folder}/{lang}/LC_MESSAGES/demo.po" for lang in ("kk", "kk@latin", "ru")
    ]
    shown = Counter()
    for row in page.xpath("//tr[@class='finding']"):
        file = row.xpath("td")[0].text.rsplit(":", 1)[0]
        shown[file, row.get("data-check"), row.get("data-severity")] += 1
    assert shown == _check_counts(run_cli, folder) and shown
    # the English column is counted in the msgids; the translation beside it
    (table,) = page.xpath(f"//h2[.='{folder}/ru/LC_MESSAGES/demo.po']/following-sibling::table[1]")
    assert [th.text for th in table.xpath("tr/th")] == ["concept", "en (msgid)", "ru"]
    (kandas,) = table.xpath("tr[td/small='kandas']")
    assert [int(td.text) for td in kandas.xpath("td[@class]")] == [1, 1]


def test_report_on_a_po_folder_skips_other_languages_with_a_note(run_cli, monkeypatch, tmp_path):
    monkeypatch.chdir(DATA / "po-layouts")
    code, out, err = run_cli("report", "po", "--format", "md", "-o", str(tmp_path / "r.md"))
    assert code == 1 and "3 catalogue(s) without an article" in out
    (note,) = err.splitlines()
    assert "po/de.po (de)" in note and "po/pt_BR.po (pt_BR)" in note
    text = (tmp_path / "r.md").read_text(encoding="utf-8")
    assert "| concept | en (msgid) | kk-Latn |" in text
    assert "| kandas | 1 | 1 |" in text  # the deprecated оралман counts as the concept
    assert "`po/kk@latin.po:7` translit_mismatch" in text


def test_report_on_a_path_with_neither_article_nor_po_file(run_cli, tmp_path):
    (tmp_path / "empty").mkdir()
    code, _, err = run_cli("report", str(tmp_path / "empty"), "-o", str(tmp_path / "r.html"))
    assert code == 2 and "no article of this project" in err and "and no PO file" in err


def test_report_on_a_po_file_reports_its_article(run_cli, monkeypatch, tmp_path):
    monkeypatch.chdir(PROJECT)
    po = "locales/ru/LC_MESSAGES/kandas-resettlement.po"
    code, out, _ = run_cli("report", po, "-o", str(tmp_path / "r.html"))
    assert code == 0 and "report of 1 article(s)" in out


def test_report_on_a_catalogue_of_unknown_language_is_an_input_error(run_cli, tmp_path):
    po = tmp_path / "messages.po"
    po.write_text('msgid ""\nmsgstr ""\n\nmsgid "Almaty"\nmsgstr "Алматы"\n', encoding="utf-8")
    code, _, err = run_cli("report", str(po), "-o", str(tmp_path / "r.html"))
    assert code == 2 and "cannot tell the language" in err
    assert not (tmp_path / "r.html").exists()
