"""The `toolkit` command: a thin click layer over the library.

Subcommands are imported only when they run, so `toolkit --version` and `toolkit --help` stay
fast. Every command follows the design's contract: exit 0 = ok, 1 = findings at error severity,
2 = usage or input error, printed as one line ``toolkit: error: FILE:LINE: what is wrong``.
A bug of the toolkit (an exception nobody expected) exits 3 with one line of its own, so that it
is never read as findings; ``TOOLKIT_DEBUG=1`` shows its traceback. A reader that closes the
pipe early (``toolkit glossary search "" | head -1``) is a normal end: exit 0, no message.
"""

from __future__ import annotations

import gc
import importlib
import os
import sys
import traceback
from pathlib import Path
from typing import Any

import click

from toolkit import __version__
from toolkit.config import project_folder
from toolkit.errors import ToolkitError

#: subcommand name -> (module, attribute, one-line help). Add a command by adding a line.
COMMANDS: dict[str, tuple[str, str, str]] = {
    "check": ("toolkit.cli.check", "check", "Check PO translations against the glossary."),
    "find": ("toolkit.cli.find", "find", "Find glossary terms (inflected forms too) in text."),
    "glossary": ("toolkit.cli.glossary", "glossary", "Lint, show and search the glossary."),
    "translit": ("toolkit.cli.translit", "translit", "Transliterate text between scripts."),
    "extract": ("toolkit.cli.pipeline", "extract", "Articles → translation templates (POT)."),
    "update": ("toolkit.cli.pipeline", "update", "Create or merge the PO files per language."),
    "pretranslate": ("toolkit.cli.pipeline", "pretranslate", "Pre-fill names, numbers, dates."),
    "conform": ("toolkit.cli.pipeline", "conform", "Replace deprecated terms in translations."),
    "build": ("toolkit.cli.pipeline", "build", "Build the en, kk, kk-Latn, ru article versions."),
    "report": ("toolkit.cli.report", "report", "The editors' terminology report (HTML, Markdown)."),
    "serve": ("toolkit.cli.serve", "serve", "The editors' web view in a browser."),
    "tm": ("toolkit.cli.tm", "tm", "Search, export and import the translation memory."),
    "usage": ("toolkit.cli.usage", "usage", "Spellings of every concept in an archive, per year."),
}

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT, EXIT_BUG = 0, 1, 2, 3


class ReaderLeft(Exception):
    """The reader of standard output closed the pipe (raised instead of BrokenPipeError,
    which click would turn into exit 1, the findings code)."""


def default_glossary_dir() -> Path:
    """``$TOOLKIT_GLOSSARY`` or the project's ``glossary/`` folder.

    The project folder is the nearest parent of the working directory with a ``glossary/``
    folder and a ``pyproject.toml``; failing that, the one this package was installed from.
    """
    env = os.environ.get("TOOLKIT_GLOSSARY")
    if env:
        return Path(env)
    folder = project_folder("glossary")
    if folder is not None:
        return folder / "glossary"
    return Path(__file__).resolve().parents[2] / "glossary"


class Context:
    """What every subcommand gets as ``ctx.obj``: options and the lazily loaded glossary."""

    def __init__(self, glossary_dir: Path | None, use_cache: bool):
        self.glossary_dir = glossary_dir or default_glossary_dir()
        self.use_cache = use_cache
        self._glossary: Any = None

    def glossary(self) -> Any:
        """Load the glossary once (raises GlossaryError / InputError on bad input)."""
        if self._glossary is None:
            from toolkit.glossary import load_glossary

            # Command layer only (library code never touches gc): the compiled glossary is a
            # few hundred thousand objects made in one go that live until the command ends;
            # the cyclic collector would scan them again and again while they are made. Paused
            # while loading, then frozen out of later collections: the warm load of a
            # 10,000-concept glossary went from 0.28 s to 0.15 s (benchmarks/bench_glossary.py).
            gc.disable()
            try:
                self._glossary = load_glossary(self.glossary_dir, use_cache=self.use_cache)
            finally:
                gc.enable()
            gc.freeze()
        return self._glossary


class LazyGroup(click.Group):
    """A click group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BrokenPipeError as exc:
            raise ReaderLeft from exc

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module, attr, _ = COMMANDS[cmd_name]
        return getattr(importlib.import_module(module), attr)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # Short help from the table above, without importing every subcommand.
        rows = [(name, COMMANDS[name][2]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="toolkit", message="%(prog)s %(version)s")
@click.option(
    "--glossary",
    "glossary_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Glossary folder (default: the project's glossary/ or $TOOLKIT_GLOSSARY).",
)
@click.option(
    "--no-cache", is_flag=True, help="Read the glossary YAML even when a compiled cache exists."
)
@click.pass_context
def cli(ctx: click.Context, glossary_dir: Path | None, no_cache: bool) -> None:
    """Terminology and transliteration toolkit for Central-Asian newsrooms.

    Applies the curated glossary (English, Kazakh in Cyrillic and 2021 Latin, Russian) to
    transliteration, term recognition, QA of PO translations and the article pipeline.

    Exit codes: 0 ok, 1 findings at error severity, 2 usage or input error, 3 a bug of the
    toolkit (please report it; TOOLKIT_DEBUG=1 shows the traceback).
    """
    ctx.obj = Context(glossary_dir, use_cache=not no_cache)


def error_line(message: str) -> str:
    """The one-line error of the contract (newlines folded so it stays one line)."""
    return "toolkit: error: " + " ".join(message.split())


def internal_error_line(exc: BaseException) -> str:
    """The one line a bug of the toolkit prints (newlines folded so it stays one line)."""
    message = " ".join(str(exc).split())
    return (
        f"toolkit: internal error: {type(exc).__name__}: {message} "
        "(please report; TOOLKIT_DEBUG=1 shows the traceback)"
    )


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; return the exit code instead of raising SystemExit."""
    try:
        code = _run(argv)
        sys.stdout.flush()  # here, not at exit, where a closed pipe would be an ignored error
    except (ReaderLeft, BrokenPipeError):
        _silence_stdout()
        return EXIT_OK
    return code


def _run(argv: list[str] | None) -> int:
    try:
        result = cli.main(args=argv, prog_name="toolkit", standalone_mode=False)
    except click.exceptions.Exit as stop:
        return stop.exit_code
    except click.exceptions.Abort:
        click.echo(error_line("aborted"), err=True)
        return EXIT_INPUT
    except click.ClickException as exc:
        hint = ""
        if isinstance(exc, click.UsageError) and exc.ctx is not None:
            hint = f" (see '{exc.ctx.command_path} --help')"
        click.echo(error_line(exc.format_message() + hint), err=True)
        return EXIT_INPUT
    except ToolkitError as exc:
        click.echo(error_line(str(exc)), err=True)
        return EXIT_INPUT
    except ReaderLeft:
        raise
    except BrokenPipeError:
        raise  # raised outside a command (click's own output): the reader left as well
    except OSError as exc:
        # A file-system failure the library did not name (it names the ones it expects).
        where = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
        click.echo(error_line(f"{where}{exc.strerror or exc}"), err=True)
        return EXIT_INPUT
    except Exception as exc:  # a bug: its own exit code, never 1 (findings) or 2 (input)
        if os.environ.get("TOOLKIT_DEBUG"):
            traceback.print_exc()
        click.echo(internal_error_line(exc), err=True)
        return EXIT_BUG
    return result if isinstance(result, int) else EXIT_OK


def _silence_stdout() -> None:
    """Point standard output at /dev/null, so that what is still buffered for the reader that
    left is dropped at exit instead of raising BrokenPipeError (the recipe of Python's
    documentation for SIGPIPE)."""
    try:
        stdout = sys.stdout.fileno()
    except (OSError, ValueError):  # no descriptor (a test's captured stdout): nothing buffered
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, stdout)
    os.close(devnull)
