"""One huge entry with thousands of findings: every report grows with the entry, not with
the entry times its findings (each finding carries an excerpt, not the whole text)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from toolkit.checks.base import EXCERPT_SIDE, WHOLE_MAX

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: kk\\n"\n\n'
WORDS = 3000  # mixed-script words: one script_mix finding each


@pytest.fixture
def huge_po(tmp_path: Path) -> Path:
    """An entry of WORDS English words translated by WORDS mixed-script words (бiр with a
    Latin i), the middle one replaced by a marked word."""
    words = ["бiр"] * WORDS
    words[WORDS // 2] = "Mарат"  # a Latin M
    po = tmp_path / "huge.po"
    msgid, msgstr = " ".join(["one"] * WORDS), " ".join(words)
    po.write_text(f'{HEADER}msgid "{msgid}"\nmsgstr "{msgstr}"\n', encoding="utf-8")
    return po


def test_json_findings_carry_the_beginning_of_a_huge_msgid(huge_po: Path, run_cli) -> None:
    code, out, _ = run_cli("check", "--format", "json", str(huge_po))
    findings = json.loads(out)
    assert code == 1 and len(findings) == WORDS
    assert {f["check"] for f in findings} == {"script_mix"}
    assert set(findings[0]) == {
        "file", "line", "msgid", "check", "severity", "concept", "message", "suggestion",
    }  # fmt: skip
    msgid = findings[0]["msgid"]
    assert msgid.startswith("one one") and msgid.endswith("…")
    assert len(msgid) <= WHOLE_MAX
    assert len(out) < 1000 * WORDS  # the whole msgid is 4 × WORDS characters


@pytest.mark.parametrize("report", ["text", "html", "junit"])
def test_every_report_of_a_huge_entry_stays_small(huge_po: Path, report: str, run_cli) -> None:
    _, out, _ = run_cli("check", "--format", report, str(huge_po))
    assert out.count("бiр") >= WORDS - 1  # each finding is there
    assert len(out) < 1000 * WORDS


def test_the_html_report_marks_the_word_in_an_excerpt(huge_po: Path, run_cli) -> None:
    _, out, _ = run_cli("check", "--format", "html", str(huge_po))
    row = next(line for line in out.splitlines() if "<mark>Mарат</mark>" in line)
    before = row.split("<mark>")[0].rsplit("<div>", 1)[1]
    assert before.startswith("…") and len(before) == EXCERPT_SIDE + 1
