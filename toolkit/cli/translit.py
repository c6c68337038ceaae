"""``toolkit translit``: transliterate files or stdin to stdout, line by line."""

from __future__ import annotations

from typing import Any

import click

from toolkit.fileio import iter_text_lines
from toolkit.translit import (
    KK_LATIN,
    ambiguous_words,
    get_scheme,
    list_schemes,
    transliterate_lines,
)


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--scheme", default=KK_LATIN, show_default=True, help="Scheme name.")
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

    if list_:
        for s in list_schemes():
            arrow = "<->" if s.reversible else "->"
            direction = f"{s.source_script}{arrow}{s.target_script}"
            click.echo(f"{s.name:14} {direction:11} {s.title}")
        return 0
    get_scheme(scheme).converter(reverse)  # unknown scheme / no reverse: exit 2 before reading
    glossary = None if no_glossary else ctx.glossary()
    for name in files or ("-",):
        # Line ends are kept as they are (CRLF, a last line without one).
        numbered = iter_text_lines(name, keep_ends=True)
        lines = [line for _, line in numbered] if ambiguous else None
        texts = lines if lines is not None else (line for _, line in numbered)
        for line in transliterate_lines(texts, scheme, reverse=reverse, glossary=glossary):
            click.echo(line, nl=False)
        if lines is not None:
            label = "<stdin>" if name == "-" else name
            _report_ambiguous(lines, label, scheme, glossary, ambiguous_words)
    return 0


def _report_ambiguous(lines: list[str], label: str, scheme: str, glossary: Any, find: Any) -> None:
    for number, line in enumerate(lines, 1):
        for word in find(line, scheme, glossary=glossary):
            choices = " or ".join(word.ambiguity.choices)
            click.echo(
                f"toolkit: note: {label}:{number}: {word.word!r}: {choices} ({word.ambiguity.id})",
                err=True,
            )
