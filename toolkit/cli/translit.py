"""``toolkit translit``: transliterate files or stdin to stdout, line by line."""

from __future__ import annotations

import sys
from typing import Any

import click

from toolkit.fileio import iter_text_blocks
from toolkit.translit import (
    KK_LATIN,
    ambiguous_words,
    get_scheme,
    list_schemes,
    transliterate_lines,
)

#: Text is read, converted and written in blocks of whole lines of about this size: one
#: library call and one write per block instead of per line (13x faster on large files).
BLOCK_BYTES = 1 << 20


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
    sys.stdout.flush()  # whatever the text layer holds goes first
    out = sys.stdout.buffer  # UTF-8 whatever the locale says, and no per-line overhead
    for name in files or ("-",):
        # Blocks end at line ends, which are kept as they are (CRLF, a last line without one).
        numbered = list(iter_text_blocks(name, BLOCK_BYTES)) if ambiguous else None
        blocks = iter_text_blocks(name, BLOCK_BYTES) if numbered is None else numbered
        texts = (text for _, text in blocks)
        for converted in transliterate_lines(
            texts, scheme, reverse=reverse, glossary=glossary, use_cache=ctx.use_cache
        ):
            out.write(converted.encode("utf-8"))
            out.flush()  # a block is what one read gave: from a pipe, lines as they come
        if numbered is not None:
            label = "<stdin>" if name == "-" else name
            _report_ambiguous(numbered, label, scheme, glossary)
    return 0


def _report_ambiguous(
    blocks: list[tuple[int, str]], label: str, scheme: str, glossary: Any
) -> None:
    for first_line, text in blocks:
        for number, line in enumerate(text.split("\n"), first_line):
            for word in ambiguous_words(line, scheme, glossary=glossary):
                choices = " or ".join(word.ambiguity.choices)
                click.echo(
                    f"toolkit: note: {label}:{number}: {word.word!r}: {choices}"
                    f" ({word.ambiguity.id})",
                    err=True,
                )
