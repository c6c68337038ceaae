"""`toolkit check` keeps the findings of unchanged entries between runs: a second run gives
the same report, and any change an entry's findings depend on is seen."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from tests.conftest import DATA, PROJECT


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
