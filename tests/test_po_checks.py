"""The checks every PO checker has: placeholders, plural forms, markup tags, msgfmt --check."""

from __future__ import annotations

import json
import subprocess

import pytest

from tests.conftest import DATA
from toolkit.catalog import read_catalog
from toolkit.catalog.msgfmt import msgfmt_complaints

CASES = DATA / "checks"


def _findings(run_cli, case: str) -> tuple[int, list[dict]]:
    code, out, _ = run_cli("check", "--format", "json", str(CASES / case / "locales"))
    return code, json.loads(out)


@pytest.mark.parametrize("case", ["placeholders-ru", "placeholders-kk"])
def test_placeholders_fires_where_msgfmt_check_does(run_cli, case):
    """msgfmt --check is the oracle: the entries it rejects are those placeholders reports
    (at error severity; fuzzy entries, which msgfmt leaves out, only as warnings)."""
    (path,) = (CASES / case / "locales").rglob("*.po")
    catalog = read_catalog(path)
    starts = sorted(e.line for e in catalog.entries)
    rejected = {max(s for s in starts if s <= c.line) for c in msgfmt_complaints(path)}
    _, findings = _findings(run_cli, case)
    errors = {
        f["line"] for f in findings if f["check"] == "placeholders" and f["severity"] == "error"
    }
    assert rejected and errors == rejected


def test_fuzzy_entry_placeholders_are_a_warning(run_cli):
    _, findings = _findings(run_cli, "placeholders-ru")
    fuzzy = [f for f in findings if f["msgid"] == "%d%% done" and f["check"] == "placeholders"]
    assert [f["severity"] for f in fuzzy] == ["warning"]


def test_reordered_c_placeholders_say_how_to_reorder(run_cli):
    _, findings = _findings(run_cli, "placeholders-ru")
    (swapped,) = [f for f in findings if f["msgid"] == "%s has %d files"]
    assert "reordered without positions" in swapped["message"] and "%2$d" in swapped["message"]


def test_a_file_msgfmt_check_rejects_fails_the_check(run_cli):
    path = next((CASES / "po-syntax-ru" / "locales").rglob("*.po"))
    assert subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)]).returncode == 1
    code, findings = _findings(run_cli, "po-syntax-ru")
    syntax = [f for f in findings if f["check"] == "po_syntax"]
    assert code == 1 and {f["severity"] for f in syntax} == {"error"}
    assert {f["line"] for f in syntax} == {2, 9}  # the header, the qt-format entry's msgid
    assert any("nplurals = 2" in f["message"] for f in syntax)


def test_new_checks_are_listed(run_cli):
    code, out, _ = run_cli("check", "--list-checks")
    listed = {line.split()[0] for line in out.splitlines()}
    assert code == 0 and {"placeholders", "plural_forms", "markup", "po_syntax"} <= listed
