"""Hostile YAML (issue 17): an alias bomb in an article's front matter or a glossary file is
refused with one line naming the file and line; deep nesting too. The bombs run in a child
process under a memory limit, so a regression fails the test instead of eating the machine."""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import copy_project
from toolkit.web.concept_edit import ConceptEdit, EditError, TermEdit, apply_edit

#: nine levels of nine aliases: 9**9 (387 million) strings once expanded
BOMB = "".join(
    [
        'a0: &a0 ["lol"]\n',
        *(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 9)),
        "title: *a8\n",
    ]
)
MEMORY_LIMIT = 1 << 30  # 1 GiB of address space: plenty for the toolkit, far from the bomb


def run_limited(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """`toolkit ARGS` (or `python ARGS` when they start with ``-c``) in a child process with
    at most MEMORY_LIMIT bytes of memory."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))

    return subprocess.run(
        [sys.executable, *(args if args[0] == "-c" else ["-m", "toolkit", *args])],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=limit,  # the child runs no threads before exec
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project", ("glossary", "articles"))


def test_an_alias_bomb_in_front_matter_is_refused(project: Path) -> None:
    article = project / "articles" / "bomb.md"
    article.write_text(f"---\nslug: bomb\ndate: 2024-01-01\n{BOMB}---\n\nText.\n")
    result = run_limited(["extract", "articles/bomb.md"], project)
    assert result.returncode == 2, result.stderr[-500:]
    assert result.stderr == "toolkit: error: articles/bomb.md:5: YAML aliases are not allowed\n"
    assert not (project / "locales" / "templates" / "bomb.pot").exists()


WEB_PAGES = """
from pathlib import Path
from starlette.testclient import TestClient
from toolkit.web import create_app
client = TestClient(create_app(Path("."), Path("glossary"), read_only=False))
for url in ("/", "/articles"):
    page = client.get(url)
    print(url, page.status_code, "YAML aliases are not allowed" in page.text)
"""


def test_the_web_pages_answer_an_alias_bomb_with_its_line(project: Path) -> None:
    article = project / "articles" / "bomb.md"
    article.write_text(f"---\nslug: bomb\ndate: 2024-01-01\n{BOMB}---\n\nText.\n")
    result = run_limited(["-c", WEB_PAGES], project)
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.splitlines() == ["/ 500 True", "/articles 500 True"]


def test_deeply_nested_front_matter_is_one_line(project: Path) -> None:
    article = project / "articles" / "deep.md"
    nested = "[" * 100_000 + "]" * 100_000
    article.write_text(f"---\nslug: deep\ndate: 2024-01-01\ntitle: {nested}\n---\n\nText.\n")
    result = run_limited(["extract", "articles/deep.md"], project)
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("toolkit: error: articles/deep.md:4: ")
    assert "nest" in lines[0]


def test_an_alias_in_the_glossary_is_refused(project: Path) -> None:
    path = project / "glossary" / "places.yaml"
    text = path.read_text(encoding="utf-8")
    concept = (
        "\n- id: {id}\n  domain: places\n  sources: {sources}\n  terms:\n"
        "    en: [{{term: {en}, status: preferred}}]\n"
        "    kk: [{{term: {kk}, status: preferred}}]\n"
        "    ru: [{{term: {kk}, status: preferred}}]\n"
    )
    added = concept.format(id="anchored", sources="&src [a portal]", en="Anchored", kk="Анкер")
    added += concept.format(id="aliased", sources="*src", en="Aliased", kk="Алиас")
    path.write_text(text.rstrip("\n") + "\n" + added, encoding="utf-8")
    alias_line = len(text.rstrip("\n").splitlines()) + 8 + 4
    result = run_limited(["glossary", "lint"], project)
    assert result.returncode == 2
    assert result.stderr == (
        f"toolkit: error: glossary/places.yaml:{alias_line}: YAML aliases are not allowed\n"
    )


def test_the_web_editor_refuses_a_file_with_aliases() -> None:
    text = (
        "- id: x\n  domain: people\n  sources: &s [a]\n  terms:\n    en:\n"
        "      - {term: X, status: preferred}\n"
        "- id: y\n  domain: people\n  sources: *s\n  terms:\n    en:\n"
        "      - {term: Y, status: preferred}\n"
    )
    edit = ConceptEdit(note="A note.", terms=(TermEdit("en", 0, "X", "preferred", None),))
    with pytest.raises(EditError, match="line 9: YAML aliases are not allowed"):
        apply_edit(text, "x", edit)
