"""Lint: each case folder holds a glossary and the full set of issues it must produce."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import DATA

CASES = sorted(p for p in (DATA / "glossary-lint").iterdir() if p.is_dir())


def expected_issues(case: Path) -> list[tuple[str, str, str]]:
    rows = (case / "expected.txt").read_text(encoding="utf-8").split("\n")
    return sorted(tuple(row.split()) for row in rows if row.strip())


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_lint_reports_exactly_the_expected_issues(case: Path, monkeypatch, run_cli):
    monkeypatch.chdir(case)
    code, out, err = run_cli("--glossary", ".", "glossary", "lint", "--format", "json")
    assert err == ""
    issues = json.loads(out)
    got = sorted((f"{i['file']}:{i['line']}", i["severity"], i["code"]) for i in issues)
    expected = expected_issues(case)
    assert got == expected
    has_errors = any(severity == "error" for _, severity, _ in expected)
    assert code == (1 if has_errors else 0)


def test_lint_text_output_names_file_line_and_summary(monkeypatch, run_cli):
    monkeypatch.chdir(DATA / "glossary-lint" / "kk-latn-mismatch")
    code, out, _ = run_cli("--glossary", ".", "glossary", "lint")
    lines = out.splitlines()
    assert code == 1
    assert lines[0].startswith("places.yaml:9: error: kazakhstan: kk-Latn 'Kazakstan'")
    assert "kk-latn-2021 gives 'Qazaqstan'" in lines[0]
    assert lines[-1] == "1 concept in 1 file: 1 error, 0 warnings"


def test_strict_turns_warnings_into_failure(monkeypatch, run_cli):
    monkeypatch.chdir(DATA / "glossary-lint" / "shared-term")
    assert run_cli("--glossary", ".", "glossary", "lint")[0] == 0
    assert run_cli("--glossary", ".", "glossary", "lint", "--strict")[0] == 1


def test_mini_glossary_is_clean(run_cli):
    code, out, _ = run_cli("--glossary", str(DATA / "glossary-mini"), "glossary", "lint")
    assert code == 0
    assert out.strip().endswith("0 errors, 0 warnings")
