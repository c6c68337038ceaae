"""Shared fixtures of the tests (the cache folder fixture is in the root conftest.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from toolkit.cli.main import main

DATA = Path(__file__).parent / "data"
PROJECT = Path(__file__).parent.parent


def copy_project(
    root: Path, folders: tuple[str, ...] = ("glossary", "articles", "locales")
) -> Path:
    """A copy of the project's ``folders`` and its pyproject.toml (its settings) at ``root``."""
    for folder in folders:
        shutil.copytree(PROJECT / folder, root / folder)
    shutil.copy(PROJECT / "pyproject.toml", root / "pyproject.toml")
    return root


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]):
    """Run the CLI in-process: returns (exit code, stdout, stderr)."""

    def run(*args: str) -> tuple[int, str, str]:
        code = main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    return run
