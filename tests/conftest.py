"""Shared fixtures of the tests (the cache folder fixture is in the root conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.cli.main import main

DATA = Path(__file__).parent / "data"
PROJECT = Path(__file__).parent.parent


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]):
    """Run the CLI in-process: returns (exit code, stdout, stderr)."""

    def run(*args: str) -> tuple[int, str, str]:
        code = main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    return run
