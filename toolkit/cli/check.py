"""`toolkit check`: QA of PO translations against the glossary and the English source."""

from __future__ import annotations

import gc

import click

from toolkit.catalog import Catalog
from toolkit.checks.available import all_checks
from toolkit.checks.dates import parse_day
from toolkit.checks.runner import iter_catalogs, run_checks, select_checks
from toolkit.cli.check_results import StoredResults
from toolkit.cli.main import EXIT_FINDINGS, EXIT_OK, Context
from toolkit.config import check_settings
from toolkit.fileio import atomic_write_text, display_path
from toolkit.reports import FORMATS, reporter, summary

#: a note names up to this many skipped files; beyond, it names their languages
_NOTE_FILES = 6


def skipped_note(skipped: list[Catalog]) -> str:
    """The one line that says which catalogues were not checked for their language.

    >>> skipped_note([Catalog("po/de.po", "de", "de", [], {})])
    'toolkit: note: not checked, in languages other than kk, kk@latin and ru: po/de.po (de)'
    """
    head = "toolkit: note: not checked, in languages other than kk, kk@latin and ru: "
    if len(skipped) <= _NOTE_FILES:
        return head + ", ".join(f"{display_path(c.path)} ({c.locale})" for c in skipped)
    locales = sorted({c.locale for c in skipped})
    return head + f"{len(skipped)} catalogues in {', '.join(locales)}"


def _list_checks(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return

    for check_id, cls in all_checks().items():
        click.echo(f"{check_id:<18} {cls.severity:<8} {cls.description}")
    ctx.exit(0)


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("--lang", help="Only catalogues of this language: kk, kk@latin (or kk-Latn), ru.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the report here.")
@click.option("--enable", multiple=True, metavar="ID", help="Run a check disabled in pyproject.")
@click.option("--disable", multiple=True, metavar="ID", help="Skip a check (repeatable).")
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="Check in N processes (0: one per CPU); the findings and their order do not change. "
    "Default 1: starting the workers costs about what a second process saves on 10,000 "
    "entries; more pay off on archives of many catalogues on a machine with idle CPUs.",
)
@click.option(
    "--as-of",
    metavar="DATE",
    help="Judge time-bound terms (validity periods in the glossary) by this date, YYYY-MM-DD. "
    "Default: each catalogue's X-Article-Date header, else its article's front-matter date.",
)
@click.option(
    "--list-checks",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_list_checks,
    help="List the checks with their default severity and exit.",
)
@click.pass_obj
def check(
    obj: Context,
    paths: tuple[str, ...],
    lang: str | None,
    fmt: str,
    output: str | None,
    enable: tuple[str, ...],
    disable: tuple[str, ...],
    jobs: int,
    as_of: str | None,
) -> int:
    """Check PO translations (files or folders; default: locales/) against the glossary.

    Reads locales/<lang>/LC_MESSAGES/*.po and gettext's po/<lang>.po alike: the language
    comes from the Language header, else the file or folder name; the text is read in the
    charset the header declares. Catalogues in other languages than kk, kk@latin and ru are
    skipped with one note.

    Finds missing glossary terms (inflected forms count), deprecated and forbidden terms,
    near misses of names, mixed scripts, numbers that differ from the source, kk@latin
    entries that are not the transliteration of the kk ones, untranslated and fuzzy entries.
    Severities: error (names of persons, organisations and places, numbers, deprecated and
    forbidden terms), warning (ethnonyms, common terms), info (admitted but not preferred
    terms: shown and counted, never failing). Time-bound terms are judged by --as-of, else
    the X-Article-Date header, else the article's front-matter date.
    Exit 1 when a finding has error severity. Silence one entry with a translator comment
    `# toolkit: ignore CHECK_ID`; switch checks off for a project in pyproject.toml under
    [tool.toolkit.checks] (disable = [...], severity = {...}); checks that are off by default
    (pinyin_name) are switched on there with enable = [...] or here with --enable.
    """

    day = parse_day(as_of, "--as-of") if as_of is not None else None
    settings = check_settings()
    # --enable beats the project's disable; --disable beats the project's enable
    enabled = set(enable) | (settings.enable - set(disable))
    checks = select_checks(enabled, set(disable) | settings.disable, settings.severity)
    targets = list(paths) or ["locales"]
    glossary = obj.glossary()
    skipped: list[Catalog] = []
    # Command layer only (the library never touches gc): checking makes no cyclic garbage
    # (after a check of 10,000 entries gc.collect() finds nothing to free), yet the collector
    # would walk the term matchers, the catalogue and the findings again and again while
    # they are made: about a seventh of the first check of a catalogue. Paused for the run.
    gc.disable()
    try:
        if jobs == 1:
            # unchanged entries keep their findings of the last run (check_results.py)
            kept = None
            if obj.use_cache and glossary.key:
                kept = StoredResults(glossary, ",".join(c.id for c in checks))
            catalogs, findings = run_checks(
                targets, glossary, checks, lang=lang, use_cache=obj.use_cache,
                on_skip=skipped.append, as_of=day, results=kept,
            )  # fmt: skip
            if kept is not None:
                kept.save()
        else:  # --jobs: parallelism lives in the command layer (toolkit/cli/check_jobs.py)
            # imported here: one process (the default) does without the pool's modules
            from toolkit.cli.check_jobs import check_in_processes

            catalogs, findings = check_in_processes(
                iter_catalogs(targets, lang=lang, on_skip=skipped.append), glossary, checks,
                jobs=jobs, use_cache=obj.use_cache, as_of=day,
            )  # fmt: skip
    finally:
        gc.enable()
    if skipped:
        click.echo(skipped_note(skipped), err=True)
    report = reporter(fmt)(findings, catalogs)
    if output:
        atomic_write_text(output, report)

        click.echo(f"{summary(findings, catalogs)}; report written to {output}", err=True)
    else:
        click.echo(report, nl=False)
    return EXIT_FINDINGS if any(f.severity == "error" for f in findings) else EXIT_OK
