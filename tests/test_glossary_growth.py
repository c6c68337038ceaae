"""`toolkit glossary stats --against REV_OR_DIR`: the growth of the glossary per domain."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import DATA

MINI = DATA / "glossary-mini"

NEW_CONCEPT = """\
- id: akimat
  domain: institutions
  sources: ["kk/ru: gov.kz"]
  terms:
    en: [{term: akimat, status: preferred}]
    kk: [{term: әкімдік, status: preferred}]
    ru: [{term: акимат, status: preferred, gender: m}]
"""

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-C", str(repo), "-c", "user.name=Test", "-c", "user.email=test@example.org",
         "-c", "commit.gpgsign=false", *args],
        check=True, capture_output=True,
    )  # fmt: skip


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository whose first commit holds the mini glossary in glossary/; then a new
    domain file (one concept) and one concept moved out of places (kandas stays in social)."""
    root = tmp_path / "repo"
    shutil.copytree(MINI, root / "glossary")
    _git(root, "init", "--quiet")
    _git(root, "add", "-A")
    _git(root, "commit", "--quiet", "-m", "first")
    (root / "glossary" / "institutions.yaml").write_text(NEW_CONCEPT, encoding="utf-8")
    return root


def test_growth_since_a_revision_per_domain(run_cli, repo):
    code, out, err = run_cli("--glossary", str(repo / "glossary"), "glossary", "stats",
                             "--against", "HEAD")  # fmt: skip
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "6 concepts, 5 at HEAD: +1 added, -0 removed"
    rows = {line.split()[0]: line.split()[1:] for line in lines[2:]}
    assert rows["institutions"] == ["0", "1", "+1", "-0"]
    assert rows["places"] == ["3", "3", "+0", "-0"]


def test_growth_as_json(run_cli, repo):
    code, out, _ = run_cli("--glossary", str(repo / "glossary"), "glossary", "stats",
                           "--against", "HEAD", "--format", "json")  # fmt: skip
    report = json.loads(out)
    assert code == 0 and (report["before"], report["after"]) == (5, 6)
    by_domain = {row["domain"]: row for row in report["domains"]}
    assert by_domain["institutions"] == {
        "domain": "institutions", "before": 0, "after": 1, "added": 1, "removed": 0
    }  # fmt: skip


def test_a_removed_concept_counts_as_removed(run_cli, repo):
    places = repo / "glossary" / "places.yaml"
    text = places.read_text(encoding="utf-8")
    places.write_text(text[: text.index("- id: xinjiang")], encoding="utf-8")
    _, out, _ = run_cli("--glossary", str(repo / "glossary"), "glossary", "stats",
                        "--against", "HEAD")  # fmt: skip
    rows = {line.split()[0]: line.split()[1:] for line in out.splitlines()[2:]}
    assert rows["places"] == ["3", "2", "+0", "-1"]


def test_growth_against_another_folder(run_cli, repo):
    code, out, _ = run_cli("--glossary", str(repo / "glossary"), "glossary", "stats",
                           "--against", str(MINI))  # fmt: skip
    assert code == 0 and out.startswith(f"6 concepts, 5 at {MINI}: +1 added")


def test_the_revision_is_read_from_git_not_from_the_work_tree(run_cli, repo):
    _git(repo, "add", "-A")
    _git(repo, "commit", "--quiet", "-m", "second")
    _, out, _ = run_cli("--glossary", str(repo / "glossary"), "glossary", "stats",
                        "--against", "HEAD~1")  # fmt: skip
    assert out.startswith("6 concepts, 5 at HEAD~1:")
    _, out, _ = run_cli("--glossary", str(repo / "glossary"), "glossary", "stats",
                        "--against", "HEAD")  # fmt: skip
    assert out.startswith("6 concepts, 6 at HEAD: +0 added")


@pytest.mark.parametrize(
    ("revision", "message"),
    [("no-such-branch", "no such git revision"), ("--help", "no such git revision")],
)
def test_an_unknown_revision_is_a_one_line_error(run_cli, repo, revision, message):
    code, out, err = run_cli("--glossary", str(repo / "glossary"), "glossary", "stats",
                             f"--against={revision}")  # fmt: skip
    assert (code, out) == (2, "")
    assert err.startswith("toolkit: error: ") and message in err and err.count("\n") == 1


def test_a_folder_that_did_not_exist_at_the_revision(run_cli, repo):
    shutil.copytree(MINI, repo / "other")
    code, _, err = run_cli("--glossary", str(repo / "other"), "glossary", "stats",
                           "--against", "HEAD")  # fmt: skip
    assert code == 2 and "did not exist at that revision" in err


def test_outside_a_git_repository(run_cli, tmp_path):
    shutil.copytree(MINI, tmp_path / "glossary")
    code, _, err = run_cli("--glossary", str(tmp_path / "glossary"), "glossary", "stats",
                           "--against", "HEAD")  # fmt: skip
    assert code == 2 and "not in a git repository" in err and err.count("\n") == 1


def test_without_git_installed(run_cli, repo, monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    code, _, err = run_cli("--glossary", str(repo / "glossary"), "glossary", "stats",
                           "--against", "HEAD")  # fmt: skip
    assert code == 2 and "git is not installed" in err


def test_a_broken_file_at_the_revision_is_named_by_revision_and_file(run_cli, repo):
    (repo / "glossary" / "institutions.yaml").write_text("- id: [\n", encoding="utf-8")
    _git(repo, "add", "-A")
    _git(repo, "commit", "--quiet", "-m", "broken")
    (repo / "glossary" / "institutions.yaml").write_text(NEW_CONCEPT, encoding="utf-8")
    code, _, err = run_cli("--glossary", str(repo / "glossary"), "glossary", "stats",
                           "--against", "HEAD")  # fmt: skip
    assert code == 2 and err.startswith("toolkit: error: HEAD:institutions.yaml:")
