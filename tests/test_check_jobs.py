"""The library checks in one process; `toolkit check --jobs N` spreads the work over N.

House rule: library code never forks and never touches the garbage collector (the threaded
web server calls it). Parallelism is the command's: its findings and their order are those of
one process.
"""

from __future__ import annotations

import gc
import json
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import toolkit.cli.check_jobs as check_jobs
from toolkit.catalog import read_catalog
from toolkit.checks.base import Resources
from toolkit.checks.runner import catalog_parts, check_catalog, run_checks, select_checks
from toolkit.glossary import load_glossary

PROJECT = Path(__file__).parent.parent
PLACES = [("Almaty", "Алматы", "Алматы"), ("Astana", "Астане", "Астана"),
          ("Xinjiang", "Синьцзяне", "Синьцзяна"), ("China", "Китае", "Китая")]  # fmt: skip


def write_catalogue(path: Path, entries: int) -> None:
    """A Russian catalogue with findings spread over it: a deprecated term, a number that
    differs from the source, untranslated and fuzzy entries."""
    lines = ['msgid ""', 'msgstr ""', '"Language: ru\\n"',
             '"Content-Type: text/plain; charset=UTF-8\\n"', ""]  # fmt: skip
    for i in range(entries):
        en, loc, gen = PLACES[i % len(PLACES)]
        msgstr = [
            f"Оралманы из {gen} поселились в {loc} в 2019 году ({i}).",
            f"Суд в {loc} оштрафовал активиста на 250 000 тенге ({i}).",
            "",
            f"Кандасы в {loc} ({i}).",
        ][i % 4]
        flag = ["#, fuzzy"] if i % 4 == 3 else []
        source = f"Repatriates from {en} settled in {en} in 2019 ({i})."
        if i % 4 == 1:
            source = f"The court in {en} fined the activist 252,000 tenges ({i})."
        lines += [f"#: archive.md:{i + 1}", *flag, f'msgid "{source}"', f'msgstr "{msgstr}"', ""]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")


def _refuse(*args: object, **kwargs: object) -> None:
    raise AssertionError("library code forked or touched the garbage collector")


def test_the_library_neither_forks_nor_touches_gc(monkeypatch, tmp_path: Path) -> None:
    # 2,500 entries: the old runner forked from 2,000 on (and froze the collector first);
    # the glossary loader paused and froze the collector. From a thread, as the web server.
    path = tmp_path / "locales" / "ru" / "LC_MESSAGES" / "big.po"
    write_catalogue(path, 2500)
    load_glossary(PROJECT / "glossary")  # the cache exists: the next load reads it
    for name in ("fork", "forkpty"):
        if hasattr(os, name):
            monkeypatch.setattr(os, name, _refuse)
    for name in ("disable", "freeze", "collect", "set_threshold"):
        monkeypatch.setattr(gc, name, _refuse)

    def check() -> int:
        glossary = load_glossary(PROJECT / "glossary")
        return len(run_checks([path], glossary, select_checks())[1])

    with ThreadPoolExecutor(1) as thread:
        assert thread.submit(check).result() > 2500


@pytest.fixture(scope="module")
def project_checks():
    glossary = load_glossary(PROJECT / "glossary")
    return glossary, select_checks()


def test_parts_joined_are_the_whole_catalogue(project_checks, tmp_path: Path) -> None:
    glossary, checks = project_checks
    path = tmp_path / "locales" / "ru" / "LC_MESSAGES" / "big.po"
    write_catalogue(path, 450)
    catalog = read_catalog(path)
    parts = catalog_parts(catalog, checks, 100)
    assert [(p.start, p.stop) for p in parts] == [(0, 90), (90, 180), (180, 270), (270, 360),
                                                  (360, 450)]  # fmt: skip
    whole = check_catalog(catalog, checks, Resources(glossary))
    joined = [f for p in parts for f in check_catalog(catalog, checks, Resources(glossary), p)]
    assert len(whole) > 450
    assert joined == whole


def test_a_check_that_reports_once_per_catalogue_keeps_it_whole(project_checks) -> None:
    _, checks = project_checks
    latin = PROJECT / "locales" / "kk@latin" / "LC_MESSAGES" / "kandas-resettlement.po"
    catalog = read_catalog(latin)
    assert len(catalog_parts(catalog, checks, 5)) == 1  # translit_mismatch keeps state
    kazakh = read_catalog(PROJECT / "locales" / "kk" / "LC_MESSAGES" / "kandas-resettlement.po")
    assert len(catalog_parts(kazakh, checks, 5)) > 1


def test_jobs_give_the_findings_of_one_process_in_its_order(
    run_cli, monkeypatch, tmp_path: Path
) -> None:
    shutil.copytree(PROJECT / "locales", tmp_path / "locales")
    write_catalogue(tmp_path / "locales" / "ru" / "LC_MESSAGES" / "big.po", 600)
    # A kk@latin catalogue without its kk one: a finding reported once per catalogue.
    lone = tmp_path / "locales" / "kk@latin" / "LC_MESSAGES" / "lone.po"
    shutil.copy(tmp_path / "locales" / "kk@latin" / "LC_MESSAGES" / "kandas-resettlement.po", lone)
    # A German catalogue: not checked, named in one note on stderr.
    german = tmp_path / "locales" / "de" / "LC_MESSAGES" / "kandas-resettlement.po"
    german.parent.mkdir(parents=True)
    german.write_text('msgid ""\nmsgstr ""\n"Language: de\\n"\n\nmsgid "a"\nmsgstr "b"\n')
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(check_jobs, "MIN_PART_ENTRIES", 50)  # big.po in parts, as a large one
    one = run_cli("check", "--format", "json", "locales")
    three = run_cli("check", "--format", "json", "--jobs", "3", "locales")
    assert three == one
    findings = json.loads(one[1])
    files = {f["file"] for f in findings}
    assert "locales/ru/LC_MESSAGES/big.po" in files and str(lone.relative_to(tmp_path)) in files
    assert one[0] == 1
    assert "locales/de/LC_MESSAGES/kandas-resettlement.po (de)" in one[2]


def test_jobs_must_be_a_number(run_cli) -> None:
    code, _, err = run_cli("check", "--jobs", "many", "locales")
    assert code == 2 and "--jobs" in err


def test_the_pool_loads_no_check_code() -> None:
    """toolkit/cli/jobs.py is the pool of every parallel command (translit DIR, usage,
    check): importing it loads neither the checks nor the catalogue reader nor the glossary;
    the check worker is toolkit/cli/check_jobs.py."""
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, toolkit.cli.jobs; print(*sorted(sys.modules))"],
        capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    assert "toolkit.cli.jobs" in loaded
    assert [m for m in loaded if m.startswith(("toolkit.checks", "toolkit.catalog",
                                               "toolkit.glossary"))] == []  # fmt: skip


def test_checking_makes_no_cyclic_garbage(project_checks) -> None:
    """`toolkit check` pauses the cyclic collector while it checks (toolkit/cli/check.py):
    that costs no memory only while checking leaves no reference cycles behind."""
    glossary, _ = project_checks
    cases = sorted((PROJECT / "tests" / "data" / "checks").iterdir())
    folders = [PROJECT / "locales", *(c / "locales" for c in cases if (c / "locales").is_dir())]
    checks = select_checks(enable=["pinyin_name"])

    def check_all() -> int:
        resources = Resources(glossary)
        return sum(
            len(check_catalog(read_catalog(po), checks, resources))
            for folder in folders
            for po in sorted(folder.rglob("*.po"))
        )

    found = check_all()  # first: lazily built tables and imports (not per entry) settle
    gc.collect()
    gc.disable()
    try:
        assert check_all() == found > 50
        assert gc.collect() == 0
    finally:
        gc.enable()
