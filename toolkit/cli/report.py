"""`toolkit report`: the editors' terminology report (HTML or Markdown)."""

from __future__ import annotations

import click

from toolkit.checks.runner import select_checks
from toolkit.cli.check import skipped_note
from toolkit.cli.main import EXIT_FINDINGS, EXIT_OK, Context
from toolkit.cli.pipeline import current_project
from toolkit.config import check_settings
from toolkit.fileio import atomic_write_text
from toolkit.reports.editorial import collect, render_html, render_markdown


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False), required=True, help="The report file."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["html", "md"]),
    default="html",
    show_default=True,
    help="html: one self-contained page; md: for a review ticket.",
)
@click.pass_obj
def report(obj: Context, paths: tuple[str, ...], output: str, fmt: str) -> int:
    """Write the editors' terminology report for articles, PO files or locale folders
    (default: the whole project).

    Per article and language: every glossary concept found, with its count in the English
    source and in each translation side by side (a translation with fewer is highlighted),
    and every finding of `toolkit check` in context with its suggestion. A PO file that is
    no article's catalogue in this project (one from Weblate, say, or a po/ folder) gets its
    own section: its findings and its term counts, the English ones counted in its msgids.
    Catalogues in other languages than kk, kk@latin and ru are skipped with one note.
    The HTML page has a summary table and filters by language, check and severity; it needs
    no server and no network. Exit 1 when a finding has error severity.
    """

    settings = check_settings()
    checks = select_checks((), settings.disable, settings.severity)
    data = collect(current_project(), obj.glossary(), checks, list(paths), obj.use_cache)
    if data.skipped:
        click.echo(skipped_note(data.skipped), err=True)
    text = render_html(data) if fmt == "html" else render_markdown(data)
    atomic_write_text(output, text)
    findings = data.findings
    errors = sum(f.severity == "error" for f in findings)
    click.echo(
        f"report of {data.scope()} written to {output}: "
        f"{errors} errors, {len(findings) - errors} warnings"
    )
    return EXIT_FINDINGS if errors else EXIT_OK
