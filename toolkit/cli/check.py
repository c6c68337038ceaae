"""`toolkit check`: QA of PO translations against the glossary and the English source."""

from __future__ import annotations

import click

from toolkit.checks.available import all_checks
from toolkit.checks.runner import run_checks, select_checks
from toolkit.cli.main import EXIT_FINDINGS, EXIT_OK, Context
from toolkit.config import check_settings
from toolkit.fileio import atomic_write_text
from toolkit.reports import FORMATS, reporter, summary


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
) -> int:
    """Check PO translations (files or folders; default: locales/) against the glossary.

    Finds missing glossary terms (inflected forms count), deprecated and forbidden terms,
    near misses of names, mixed scripts, numbers that differ from the source, kk@latin
    entries that are not the transliteration of the kk ones, untranslated and fuzzy entries.
    Exit 1 when a finding has error severity. Silence one entry with a translator comment
    `# toolkit: ignore CHECK_ID`; switch checks off for a project in pyproject.toml under
    [tool.toolkit.checks] (disable = [...], severity = {...}).
    """

    settings = check_settings()
    checks = select_checks(enable, set(disable) | settings.disable, settings.severity)
    targets = list(paths) or ["locales"]
    glossary = obj.glossary()
    catalogs, findings = run_checks(targets, glossary, checks, lang=lang, use_cache=obj.use_cache)
    report = reporter(fmt)(findings, catalogs)
    if output:
        atomic_write_text(output, report)

        click.echo(f"{summary(findings, catalogs)}; report written to {output}", err=True)
    else:
        click.echo(report, nl=False)
    return EXIT_FINDINGS if any(f.severity == "error" for f in findings) else EXIT_OK
