"""`toolkit check` keeps the findings of unchanged entries between runs: a second run gives
the same report, and any change an entry's findings depend on is seen."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import DATA, PROJECT
from toolkit.catalog import Catalog
from toolkit.checks.runner import StoredFinding, run_checks, select_checks
from toolkit.glossary import load_glossary


def kept_files() -> list[Path]:
    return sorted(Path(os.environ["TOOLKIT_CACHE_DIR"]).glob("check-results-*"))


def report(run_cli, *args: str) -> tuple[int, str]:
    code, out, err = run_cli(*args, "check", "--format", "json", "locales")
    assert code in (0, 1), err
    return code, out


def test_a_second_run_gives_the_same_report_from_kept_findings(tmp_path, monkeypatch, run_cli):
    shutil.copytree(DATA / "checks" / "near-miss-kk", tmp_path / "case")
    monkeypatch.chdir(tmp_path / "case")
    first = report(run_cli)
    assert len(kept_files()) == 1
    assert report(run_cli) == first
    assert first[1].count('"wrong_variant"') == 4


def test_a_changed_entry_is_checked_again(tmp_path, monkeypatch, run_cli):
    shutil.copytree(DATA / "checks" / "near-miss-kk", tmp_path / "case")
    monkeypatch.chdir(tmp_path / "case")
    po = tmp_path / "case/locales/kk/LC_MESSAGES/case.po"
    report(run_cli)
    po.write_text(po.read_text().replace("Синьцзянда", "Шыңжаңда"), encoding="utf-8")
    _, out = report(run_cli)
    assert out.count('"wrong_variant"') == 3 and "Синьцзянда" not in out


def test_a_changed_article_date_is_judged_again(tmp_path, monkeypatch, run_cli):
    shutil.copytree(DATA / "checks" / "time-2019-quiet", tmp_path / "case")
    monkeypatch.chdir(tmp_path / "case")
    assert report(run_cli) == (0, "[]\n")
    po = tmp_path / "case/locales/kk/LC_MESSAGES/case.po"
    po.write_text(po.read_text().replace("2019-06-01", "2023-06-01"), encoding="utf-8")
    code, out = report(run_cli)
    assert code == 1 and out.count('"deprecated_term"') == 2


def test_a_changed_glossary_is_judged_again(tmp_path, monkeypatch, run_cli):
    shutil.copytree(DATA / "checks" / "deprecated-kk", tmp_path / "case")
    shutil.copytree(PROJECT / "glossary", tmp_path / "glossary")
    monkeypatch.chdir(tmp_path / "case")
    code, out = report(run_cli, "--glossary", "../glossary")
    assert code == 1 and '"deprecated_term"' in out
    social = tmp_path / "glossary/social.yaml"
    text = social.read_text(encoding="utf-8")
    old = "{term: оралман, status: deprecated,"
    assert old in text
    social.write_text(text.replace(old, "{term: оралман, status: admitted,"), encoding="utf-8")
    code, out = report(run_cli, "--glossary", "../glossary")
    assert code == 0 and '"deprecated_term"' not in out


def test_no_cache_keeps_nothing(tmp_path, monkeypatch, run_cli):
    shutil.copytree(DATA / "checks" / "near-miss-kk", tmp_path / "case")
    monkeypatch.chdir(tmp_path / "case")
    report(run_cli, "--no-cache")
    assert kept_files() == []


class _KeptInMemory:
    """The store of toolkit/cli/check_results.py without the files."""

    def __init__(self) -> None:
        self.kept: dict[tuple[str, bytes], list[StoredFinding]] = {}

    def get(self, catalog: Catalog, key: bytes) -> list[StoredFinding] | None:
        return self.kept.get((catalog.path, key))

    def put(self, catalog: Catalog, key: bytes, findings: list[StoredFinding]) -> None:
        self.kept[catalog.path, key] = findings


@pytest.mark.parametrize("folder", ["locales", "benchmarks/data/quality/po"])
def test_kept_findings_are_those_of_a_new_check(folder: str) -> None:
    """Every finding, with its place, span and translation, is the same whether its entry is
    checked anew, checked and kept, or taken from the kept findings."""
    glossary = load_glossary(PROJECT / "glossary")
    checks = select_checks(enable=["pinyin_name"])
    paths = [PROJECT / folder]
    _, fresh = run_checks(paths, glossary, checks)
    store = _KeptInMemory()
    _, first = run_checks(paths, glossary, checks, results=store)
    assert len(store.kept) > 100
    _, second = run_checks(paths, glossary, checks, results=store)
    assert len(fresh) >= 5  # findings to compare (the project's catalogues have few left)
    assert first == fresh
    assert second == fresh
