"""``toolkit translit``: transliterate files or stdin to stdout, line by line; or a whole
archive folder into an output folder (``DIR -o OUT_DIR``, :mod:`toolkit.cli.archive_run`)."""

from __future__ import annotations

import sys
from pathlib import Path
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
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=True, file_okay=False),
    help="With a folder DIR: the folder to mirror it into (converted, resumable).",
)
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="With DIR: worker processes (default: the number of CPUs).",
)
@click.option(
    "--dask",
    "dask_address",
    metavar="ADDRESS",
    help="With DIR: run on the Dask cluster whose scheduler is at ADDRESS (tcp://HOST:8786).",
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="With DIR: a progress bar on stderr (default: when stderr is a terminal).",
)
@click.argument("files", nargs=-1, type=click.Path(allow_dash=True))
@click.pass_obj
def translit(
    ctx: Any,
    scheme: str,
    reverse: bool,
    no_glossary: bool,
    list_: bool,
    ambiguous: bool,
    output: Path | None,
    jobs: int | None,
    dask_address: str | None,
    progress: bool | None,
    files: tuple[str, ...],
) -> int:
    """Transliterate FILES (or stdin) by a scheme, line by line, to stdout; or a folder
    DIR into OUT_DIR with -o.

    Glossary spellings win over letter rules (e.g. a name's English spelling with
    kk-newsroom); --no-glossary turns that off. URLs, e-mail addresses, Markdown code and
    everything that is not a letter pass through unchanged.

    With DIR -o OUT_DIR, the folder tree is mirrored: Markdown (not its code, link targets or
    front-matter keys), HTML (text and title/alt attributes; markup kept) and plain text are
    converted, other files copied. A manifest in OUT_DIR makes a re-run convert only what
    changed, and an interrupted run resume. Files that cannot be converted (binary, not
    UTF-8, broken HTML) are listed at the end, one line each, and the exit code is then 2.
    """
    if list_:
        for s in list_schemes():
            arrow = "<->" if s.reversible else "->"
            direction = f"{s.source_script}{arrow}{s.target_script}"
            click.echo(f"{s.name:14} {direction:11} {s.title}")
        return 0
    get_scheme(scheme).converter(reverse)  # unknown scheme / no reverse: exit 2 before reading
    folders = [name for name in files if name != "-" and Path(name).is_dir()]
    if folders or output is not None:
        if output is None or len(files) != 1 or len(folders) != 1:
            raise click.UsageError("a folder is converted as: translit DIR -o OUT_DIR")
        # Imported here: the folder machinery (lxml, tqdm, SQLite, the process pool) costs
        # about 0.2 s of start-up that text on stdin or in files has no use for.
        from toolkit.cli import archive_run

        return archive_run.convert_folder(
            archive_run.Converter(
                scheme, reverse, None if no_glossary else ctx.glossary(), ctx.use_cache
            ),
            Path(folders[0]),
            output,
            jobs=jobs,
            dask_address=dask_address,
            progress=sys.stderr.isatty() if progress is None else progress,
        )
    if jobs is not None or dask_address is not None:
        raise click.UsageError("--jobs and --dask are for a folder: translit DIR -o OUT_DIR")
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
