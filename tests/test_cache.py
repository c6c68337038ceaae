"""The user cache saves time and never fails a command: a cache folder that cannot be written
changes no exit code and no output; a damaged entry is a miss."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DATA, PROJECT
from toolkit import cache

GLOSSARY = str(PROJECT / "glossary")


def toolkit(cache_dir: Path, cwd: Path, *args: str) -> tuple[int, str, str]:
    """The whole command in a process of its own (so that no cache is warm in memory)."""
    env = {**os.environ, "TOOLKIT_CACHE_DIR": str(cache_dir)}
    result = subprocess.run(
        [sys.executable, "-m", "toolkit", "--glossary", GLOSSARY, *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
    )
    return result.returncode, result.stdout, result.stderr


def blocked_folder(tmp_path: Path) -> Path:
    """A cache folder that cannot be created: a file stands where its parent should be
    (unwritable even for root, unlike a chmod)."""
    blocker = tmp_path / "blocker"
    blocker.write_text("", encoding="utf-8")
    return blocker / "cache"


def read_only_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "read-only-cache"
    folder.mkdir()
    folder.chmod(0o500)
    return folder


UNWRITABLE = [
    pytest.param(blocked_folder, id="blocked"),
    pytest.param(
        read_only_folder,
        id="chmod-500",
        marks=pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a 0500 folder"),
    ),
]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = Path(shutil.copytree(DATA / "pipeline" / "project", tmp_path / "project"))
    (root / "note.txt").write_text("Оралманы из Синьцзяна приехали в Алматы.\n", encoding="utf-8")
    return root


@pytest.mark.parametrize("unwritable", UNWRITABLE)
def test_commands_work_alike_without_a_writable_cache(tmp_path: Path, project: Path, unwritable):
    commands = [
        ("check", str(DATA / "checks" / "numbers-ru")),
        ("check", "locales"),
        ("find", "--lang", "ru", "note.txt"),
        ("glossary", "search", "кандас"),
        ("extract",),
        ("update",),
        ("build",),
    ]
    twin = Path(shutil.copytree(project, tmp_path / "twin"))
    blocked = unwritable(tmp_path)
    for command in commands:
        usual = toolkit(tmp_path / "cache", twin, *command)
        without = toolkit(blocked, project, *command)
        assert without[:2] == usual[:2], command
        assert "error" not in without[2], command
    assert usual[0] == 0  # build ran to the end


def test_a_damaged_entry_is_a_miss_and_is_rewritten():
    assert cache.write_json("state.json", {"a": ["1", "2"]})
    path = cache.entry_path("state.json")
    path.write_bytes(path.read_bytes()[:-3])  # truncated
    assert cache.read_json("state.json") is None
    path.write_bytes(b'{"a": 1}')  # a file the cache did not write
    assert cache.read_json("state.json") is None
    assert cache.write_json("state.json", {"a": ["3"]})
    assert cache.read_json("state.json") == {"a": ["3"]}


def test_a_write_to_a_blocked_folder_is_skipped(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("TOOLKIT_CACHE_DIR", str(blocked_folder(tmp_path)))
    assert cache.write_pickle("x.pickle", [1, 2]) is False
    assert cache.read_pickle("x.pickle") is None
