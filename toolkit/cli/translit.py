"""``toolkit translit``: transliterate files or stdin to stdout, line by line."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any, BinaryIO

import click

from toolkit.errors import InputError


def _lines(stream: BinaryIO, name: str) -> Iterator[str]:
    """The decoded lines of ``stream`` (line ends kept); non-UTF-8 is an InputError at its line."""
    for number, raw in enumerate(stream, 1):
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(f"not valid UTF-8 ({exc.reason})", name, number) from None


def _open(path: str) -> BinaryIO:
    try:
        return open(path, "rb")
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path) from None


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--scheme", default="kk-latn-2021", show_default=True, help="Scheme name.")
@click.option("--reverse", is_flag=True, help="Latin to Cyrillic (reversible schemes only).")
@click.option("--no-glossary", is_flag=True, help="Letter rules only; ignore glossary spellings.")
@click.option("--list", "list_", is_flag=True, help="List the schemes and exit.")
@click.option(
    "--ambiguous",
    is_flag=True,
    help="With --reverse: report words whose Cyrillic spelling stays ambiguous (stderr).",
)
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, allow_dash=True))
@click.pass_obj
def translit(
    ctx: Any,
    scheme: str,
    reverse: bool,
    no_glossary: bool,
    list_: bool,
    ambiguous: bool,
    files: tuple[str, ...],
) -> int:
    """Transliterate FILES (or stdin) by a scheme, line by line, to stdout.

    Glossary spellings win over letter rules (e.g. a name's English spelling with
    kk-newsroom); --no-glossary turns that off. URLs, e-mail addresses, Markdown code and
    everything that is not a letter pass through unchanged.
    """
    from toolkit.translit import ambiguous_words, get_scheme, list_schemes, transliterate_lines

    if list_:
        for s in list_schemes():
            arrow = "<->" if s.reversible else "->"
            direction = f"{s.source_script}{arrow}{s.target_script}"
            click.echo(f"{s.name:14} {direction:11} {s.title}")
        return 0
    get_scheme(scheme).converter(reverse)  # unknown scheme / no reverse: exit 2 before reading
    glossary = None if no_glossary else ctx.glossary()
    for name in files or ("-",):
        if name == "-":
            stream, label = sys.stdin.buffer, "<stdin>"
        else:
            stream, label = _open(name), name
        try:
            lines = list(_lines(stream, label)) if ambiguous else _lines(stream, label)
            converted = transliterate_lines(lines, scheme, reverse=reverse, glossary=glossary)
            for line in converted:
                click.echo(line, nl=False)
            if ambiguous:
                _report_ambiguous(lines, label, scheme, glossary, ambiguous_words)
        finally:
            if name != "-":
                stream.close()
    return 0


def _report_ambiguous(lines: list[str], label: str, scheme: str, glossary: Any, find: Any) -> None:
    for number, line in enumerate(lines, 1):
        for word in find(line, scheme, glossary=glossary):
            choices = " or ".join(word.ambiguity.choices)
            click.echo(
                f"toolkit: note: {label}:{number}: {word.word!r}: {choices} ({word.ambiguity.id})",
                err=True,
            )
