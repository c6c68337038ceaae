"""Rules of `toolkit check` that the case folders alone do not show: severities from the
concept's kind, the info tier in every report, the date time-bound terms are judged by, and
the glossary flags behind them."""

from __future__ import annotations

import json
import shutil
from xml.etree import ElementTree

import pytest

from tests.conftest import DATA
from toolkit.checks.scripts import has_letter

CHECKS = DATA / "checks"


def findings(run_cli, *args: str) -> tuple[int, list[dict]]:
    code, out, err = run_cli("check", "--format", "json", *args)
    assert code in (0, 1), err
    return code, json.loads(out)


def write_po(path, lang: str, entries: list[tuple[str, str]], headers: str = "") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    body = "".join(f'\nmsgid "{i}"\nmsgstr "{s}"\n' for i, s in entries)
    path.write_text(
        f'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        f'"Language: {lang}\\n"\n{headers}{body}',
        encoding="utf-8",
    )


def test_severity_comes_from_the_concepts_kind(tmp_path, monkeypatch, run_cli):
    write_po(
        tmp_path / "locales/ru/LC_MESSAGES/a.po",
        "ru",
        [
            ("The Uyghurs of Xinjiang.", "Уйгуры Синьцзяна."),  # all there
            ("Many Uyghurs left.", "Многие уехали."),  # an ethnonym: warning
            ("He left Almaty.", "Он уехал."),  # a place: error
            ("Serikzhan Bilash spoke.", "Он выступил."),  # a person: error
        ],
    )
    monkeypatch.chdir(tmp_path)
    code, found = findings(run_cli, "locales")
    got = {(f["concept"], f["check"], f["severity"]) for f in found}
    assert got == {
        ("uyghurs", "missing_term", "warning"),
        ("almaty", "missing_term", "error"),
        ("serikzhan-bilash", "missing_term", "error"),
    }
    assert code == 1


def test_an_ambiguous_word_is_judged_by_its_mildest_concept(monkeypatch, run_cli):
    monkeypatch.chdir(CHECKS / "ambiguous-source-ru")
    code, (finding,) = findings(run_cli, "locales")
    assert (finding["severity"], code) == ("warning", 0)
    assert "kyrgyz" in finding["message"]  # the other concept «Kyrgyz» can name


def test_info_is_shown_and_counted_in_every_format_and_never_fails(monkeypatch, run_cli, tmp_path):
    monkeypatch.chdir(CHECKS / "info-admitted-ru")
    code, out, _ = run_cli("check", "locales")
    assert code == 0
    assert "info: «дунгане-мусульмане»" not in out  # the span is the admitted term alone
    assert "  7: info: «дунгане» is an admitted" in out
    assert out.rstrip().endswith("0 errors, 0 warnings, 2 info")
    code, found = findings(run_cli, "locales")
    assert code == 0 and {f["severity"] for f in found} == {"info"}
    code, _, _ = run_cli("check", "--format", "junit", "-o", str(tmp_path / "j.xml"), "locales")
    suite = ElementTree.parse(tmp_path / "j.xml").getroot().find("testsuite")
    properties = {p.get("name"): p.get("value") for p in suite.iter("property")}
    assert code == 0 and properties["info"] == "2" and suite.get("failures") == "0"
    assert "info: admitted_term" in suite.find("testcase/system-out").text
    code, page, _ = run_cli("check", "--format", "html", "locales")
    assert code == 0 and '<td class="info">info</td><td>2</td>' in page


def test_as_of_beats_the_header_date(monkeypatch, run_cli):
    monkeypatch.chdir(CHECKS / "time-2019-quiet")
    code, found = findings(run_cli, "--as-of", "2023-01-01", "locales")
    assert code == 1
    assert {(f["check"], f["concept"]) for f in found} == {
        ("deprecated_term", "astana"),
        ("deprecated_term", "kandas"),
    }
    astana = next(f for f in found if f["concept"] == "astana")
    assert "in an article of 2023-01-01" in astana["message"] and astana["suggestion"] == "Астана"
    code, found = findings(run_cli, "--as-of", "2021-06-01", "locales")
    assert code == 1 and [f["concept"] for f in found] == ["kandas"]


def test_a_2020_article_missing_the_capital_is_told_the_name_of_2020(tmp_path, run_cli):
    write_po(
        tmp_path / "locales/kk/LC_MESSAGES/a.po",
        "kk",
        [("The forum took place in Astana.", "Форум өтті.")],
        headers='"X-Article-Date: 2020-05-01\\n"\n',
    )
    _, (finding,) = findings(run_cli, str(tmp_path / "locales"))
    assert finding["suggestion"] == "Нұр-Сұлтан"


@pytest.mark.parametrize(
    ("args", "header", "message"),
    [
        (("--as-of", "2023-13-01"), "", "toolkit: error: --as-of '2023-13-01' is not a date"),
        ((), '"X-Article-Date: soon\\n"\n', "toolkit: error: locales/kk/LC_MESSAGES/a.po: "),
    ],
)
def test_a_bad_date_is_one_line_and_exit_2(tmp_path, monkeypatch, run_cli, args, header, message):
    write_po(tmp_path / "locales/kk/LC_MESSAGES/a.po", "kk", [("Astana", "Астана")], header)
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli("check", *args, "locales")
    assert code == 2 and out == ""
    assert err.startswith(message) and err.count("\n") == 1 and "Traceback" not in err


def test_article_front_matter_gives_the_date(tmp_path, monkeypatch, run_cli):
    shutil.copytree(CHECKS / "time-front-matter-quiet", tmp_path / "p")
    monkeypatch.chdir(tmp_path / "p")
    assert findings(run_cli, "locales") == (0, [])
    article = tmp_path / "p/articles/case.md"
    article.write_text(article.read_text().replace("2020-01-10", "2024-01-10"))
    code, found = findings(run_cli, "locales")
    assert code == 1 and [f["check"] for f in found] == ["deprecated_term"]


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("valid_from: 2019-02-30", "valid_from must be a date written YYYY-MM-DD"),
        ("valid_until: soon", "valid_until must be a date written YYYY-MM-DD"),
        ("require: no-thanks", "require must be true or false"),
    ],
)
def test_bad_term_flags_stop_with_file_and_line(tmp_path, run_cli, value, problem):
    (tmp_path / "places.yaml").write_text(
        "- id: astana\n  domain: places\n  sources: [test]\n  terms:\n"
        "    en: [{term: Astana, status: preferred}]\n"
        f"    kk: [{{term: Астана, status: preferred, {value}}}]\n"
        "    ru: [{term: Астана, status: preferred}]\n",
        encoding="utf-8",
    )
    code, _, err = run_cli("--glossary", str(tmp_path), "glossary", "lint")
    assert code == 2
    assert err.startswith("toolkit: error: ") and ":6: " in err and problem in err


def test_the_script_of_a_letter_comes_from_unicode_names():
    # U+0259 LATIN SMALL LETTER SCHWA is outside the ranges the check used to list by hand
    assert has_letter("LATIN").search("Біл\u0259шке")
    assert not has_letter("LATIN").search("Біләшке")
