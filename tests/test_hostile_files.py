"""Hostile inputs on the command line (issue 17): an endless input (/dev/zero) is a one-line
error naming the file and line, not a MemoryError; an article whose file name has a line
break is refused before a template (POT) is written."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import PROJECT
from tests.test_yaml_limits import run_limited
from toolkit.fileio import MAX_LINE_BYTES

pytestmark = pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")


@pytest.mark.parametrize(
    "args",
    [
        ["translit", "/dev/zero"],  # read in blocks of lines
        ["find", "--lang", "en", "/dev/zero"],  # read line by line
        ["glossary", "import", "--format", "csv", "--pair", "en:ru", "/dev/zero", "-o", "g"],
    ],
    ids=["translit", "find", "import"],
)
def test_an_endless_input_is_a_one_line_error(args: list[str], tmp_path: Path) -> None:
    result = run_limited(args, tmp_path)
    assert result.returncode == 2, result.stderr[-300:]
    assert result.stderr.startswith("toolkit: error: /dev/zero:1: ")
    assert f"longer than {MAX_LINE_BYTES >> 20} MiB" in result.stderr
    assert result.stderr.count("\n") == 1


def test_an_article_name_with_a_line_break_is_refused(tmp_path: Path, run_cli, monkeypatch):
    root = tmp_path / "project"
    shutil.copytree(PROJECT / "glossary", root / "glossary")
    shutil.copy(PROJECT / "pyproject.toml", root / "pyproject.toml")
    (root / "articles").mkdir()
    article = root / "articles" / "two\nlines.md"
    article.write_text('---\nslug: "two\\nlines"\ntitle: T\ndate: 2024-01-01\n---\n\nText.\n')
    monkeypatch.chdir(root)
    code, out, err = run_cli("extract")
    assert (code, out) == (2, "")
    assert err == (
        "toolkit: error: articles/two\\nlines.md: the file name has a line break, which a "
        "template's source references cannot hold: rename the file\n"
    )
    assert not (root / "locales" / "templates").exists() or not any(
        (root / "locales" / "templates").iterdir()
    )
