"""Exit codes that are not about the input: a bug of the toolkit (3, one line) and a reader
that closes the pipe early (0, no message)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import DATA
from toolkit.cli import glossary as glossary_cli

MINI = str(DATA / "glossary-mini")
BUG_LINE = (
    "toolkit: internal error: RuntimeError: a bug in stats "
    "(please report; TOOLKIT_DEBUG=1 shows the traceback)\n"
)


def _boom(*_args, **_kwargs):
    raise RuntimeError("a bug\nin stats")


def test_a_bug_exits_3_with_one_line(run_cli, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(glossary_cli.stats, "callback", _boom)
    monkeypatch.delenv("TOOLKIT_DEBUG", raising=False)
    code, out, err = run_cli("--glossary", MINI, "glossary", "stats")
    assert (code, out, err) == (3, "", BUG_LINE)


def test_toolkit_debug_shows_the_traceback(run_cli, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(glossary_cli.stats, "callback", _boom)
    monkeypatch.setenv("TOOLKIT_DEBUG", "1")
    code, _, err = run_cli("--glossary", MINI, "glossary", "stats")
    assert code == 3
    assert err.startswith("Traceback (most recent call last):") and err.endswith(BUG_LINE)


def test_help_names_every_exit_code(run_cli):
    _, out, _ = run_cli("--help")
    assert "3 a bug of the" in " ".join(out.split())


def test_a_closed_pipe_is_a_normal_end():
    """`toolkit glossary search "" | head -1`: the reader is gone before the output is."""
    reader, writer = os.pipe()
    os.close(reader)  # nobody will read: the first write fails with EPIPE
    try:
        result = subprocess.run(
            [sys.executable, "-m", "toolkit", "--glossary", MINI, "glossary", "search", ""],
            stdout=writer,
            stderr=subprocess.PIPE,
            text=True,
        )
    finally:
        os.close(writer)
    assert (result.returncode, result.stderr) == (0, "")


def test_a_broken_pipe_inside_a_command_is_exit_0(run_cli, monkeypatch: pytest.MonkeyPatch):
    def reader_left(*_args, **_kwargs):
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(glossary_cli.stats, "callback", reader_left)
    assert run_cli("--glossary", MINI, "glossary", "stats") == (0, "", "")
