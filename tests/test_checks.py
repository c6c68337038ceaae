"""`toolkit check` on case folders: each holds PO files and the complete list of findings."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import DATA

CASES = sorted(p for p in (DATA / "checks").iterdir() if p.is_dir())


def expected_findings(case: Path) -> list[tuple[str, str, str]]:
    rows = (case / "expected.tsv").read_text(encoding="utf-8").splitlines()
    return sorted(tuple(row.split("\t")) for row in rows if row.strip())


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_case_gets_exactly_its_findings(case: Path, monkeypatch, run_cli):
    monkeypatch.chdir(case)
    code, out, err = run_cli("check", "--format", "json", "locales")
    findings = json.loads(out)
    got = sorted((f"{f['file']}:{f['line']}", f["check"], f["concept"] or "-") for f in findings)
    assert got == expected_findings(case)
    errors = [f for f in findings if f["severity"] == "error"]
    assert code == (1 if errors else 0), err


def test_findings_have_the_design_shape(monkeypatch, run_cli):
    monkeypatch.chdir(DATA / "checks" / "deprecated-ru")
    _, out, _ = run_cli("check", "--format", "json")
    (first, *_) = json.loads(out)
    assert set(first) == {
        "file", "line", "msgid", "check", "severity", "concept", "message", "suggestion",
    }  # fmt: skip
    assert first["msgid"] == "Repatriates from China settled in Almaty."
    assert first["suggestion"] == "кандас"
    assert "«Оралманы»" in first["message"]


def test_disable_and_unknown_check(monkeypatch, run_cli):
    monkeypatch.chdir(DATA / "checks" / "deprecated-ru")
    code, out, _ = run_cli("check", "--format", "json", "--disable", "deprecated_term")
    assert (code, json.loads(out)) == (0, [])
    code, _, err = run_cli("check", "--disable", "no_such_check")
    assert code == 2 and err.startswith("toolkit: error: unknown check 'no_such_check'")


def test_lang_filter(monkeypatch, run_cli):
    monkeypatch.chdir(DATA / "checks" / "translit")
    _, out, _ = run_cli("check", "--format", "json", "--lang", "kk")
    assert json.loads(out) == []
    _, out, _ = run_cli("check", "--format", "json", "--lang", "kk@latin")
    assert {f["check"] for f in json.loads(out)} == {"wrong_variant"}


def test_text_report_groups_by_file_with_suggestion(monkeypatch, run_cli):
    monkeypatch.chdir(DATA / "checks" / "deprecated-ru")
    code, out, _ = run_cli("check")
    lines = out.splitlines()
    assert code == 1
    assert lines[0] == "locales/ru/LC_MESSAGES/case.po"
    assert lines[1].startswith("  7: error: «Оралманы» is a deprecated term for kandas")
    assert "      suggestion: кандас" in lines
    assert lines[-1] == "1 catalogue, 2 entries checked: 2 errors, 0 warnings"


def test_junit_report(monkeypatch, run_cli, tmp_path):
    from xml.etree import ElementTree

    monkeypatch.chdir(DATA / "checks" / "untranslated-fuzzy")
    report = tmp_path / "junit.xml"
    code, _, err = run_cli("check", "--format", "junit", "-o", str(report))
    root = ElementTree.parse(report).getroot()
    assert code == 1
    assert "report written to" in err
    assert (root.get("tests"), root.get("failures")) == ("2", "1")
    (failure,) = root.iter("failure")
    assert failure.get("type") == "untranslated"


def test_html_report_escapes_text(tmp_path, run_cli):
    po = tmp_path / "locales" / "ru" / "LC_MESSAGES" / "x.po"
    po.parent.mkdir(parents=True)
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: ru\\n"\n\n'
        'msgid "<script>alert(1)</script> kandases"\nmsgstr "<script>alert(1)</script> оралманы"\n',
        encoding="utf-8",
    )
    code, out, _ = run_cli("check", "--format", "html", str(tmp_path / "locales"))
    assert code == 1
    assert "<script>" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt; <mark>оралманы</mark>" in out


def test_po_syntax_error_is_an_input_error(tmp_path, run_cli):
    po = tmp_path / "bad.po"
    po.write_text('msgid ""\nmsgstr ""\n"Language: ru\\n"\n\nmsgid "a"\nmsgstr "b"\nmsgid\n')
    code, out, err = run_cli("check", str(po))
    assert (code, out) == (2, "")
    assert err.startswith(f"toolkit: error: {po}:7: PO syntax error")


def test_catalogue_without_language_is_an_input_error(tmp_path, run_cli):
    po = tmp_path / "x.po"
    po.write_text('msgid ""\nmsgstr ""\n\nmsgid "a"\nmsgstr "b"\n', encoding="utf-8")
    code, _, err = run_cli("check", str(po))
    assert code == 2 and "cannot tell the language" in err


def test_project_settings_in_pyproject(tmp_path, monkeypatch, run_cli):
    shutil.copytree(DATA / "checks" / "untranslated-fuzzy", tmp_path, dirs_exist_ok=True)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.toolkit.checks]\ndisable = ["untranslated"]\n')
    code, out, _ = run_cli("check", "--format", "json")
    assert (code, [f["check"] for f in json.loads(out)]) == (0, ["fuzzy"])
    (tmp_path / "pyproject.toml").write_text(
        '[tool.toolkit.checks]\nseverity = {fuzzy = "error"}\n'
    )
    code, out, _ = run_cli("check", "--format", "json")
    assert code == 1 and {f["severity"] for f in json.loads(out)} == {"error"}
    (tmp_path / "pyproject.toml").write_text("[tool.toolkit]\nchecks = ['fuzzy']\n")
    code, _, err = run_cli("check")
    assert code == 2 and err.startswith("toolkit: error: pyproject.toml: [tool.toolkit.checks]")


def test_po_with_a_byte_order_mark_is_named_as_such(tmp_path, run_cli):
    po = tmp_path / "bom.po"
    po.write_bytes(b'\xef\xbb\xbfmsgid ""\nmsgstr ""\n"Language: ru\\n"\n')
    code, _, err = run_cli("check", str(po))
    assert code == 2
    assert err.startswith(f"toolkit: error: {po}:1: starts with a UTF-8 byte-order mark")
