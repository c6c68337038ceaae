"""`toolkit tm ...`: search, export and import the translation memory."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import click

from toolkit.checks.base import Resources
from toolkit.checks.runner import language_filter
from toolkit.cli.main import EXIT_OK, Context
from toolkit.cli.pipeline import current_project
from toolkit.errors import InputError
from toolkit.fileio import display_path
from toolkit.tm.glossary_check import text_checks
from toolkit.tm.matching import DEFAULT_THRESHOLD, lookup
from toolkit.tm.memory import IMPORTED, TranslationUnit, load_memory, project_checks
from toolkit.tm.tmx import read_tmx, write_tmx

_FILE_NAME = re.compile(r"[^\w.-]+")


@click.group()
def tm() -> None:
    """Search, export and import the translation memory.

    The memory is every translated, non-fuzzy entry of the project's kk, ru and kk@latin
    catalogues that `toolkit check` does not reject, plus the TMX files imported into
    locales/memory/. `toolkit pretranslate --tm` fills new articles from it.
    """


@tm.command()
@click.argument("text")
@click.option("--lang", required=True, help="Target language: kk, kk@latin or ru.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.option("--limit", type=click.IntRange(1, 50), default=3, show_default=True)
@click.option(
    "--threshold",
    type=click.FloatRange(0, 100),
    default=DEFAULT_THRESHOLD,
    show_default=True,
    help="Lowest score (percent) offered.",
)
@click.pass_obj
def search(obj: Context, text: str, lang: str, fmt: str, limit: int, threshold: float) -> int:
    """Suggestions for the English TEXT: the best matches, with score and origin.

    Numbers, placeholders and glossary names that differ from the memory's source are
    carried into the suggestion where that is unambiguous; deprecated terms are replaced
    by the glossary's preferred term in the same form; what `toolkit check` would still
    reject is listed. json: a list of {"source", "target", "score", "origin", ...}.
    """
    code = language_filter(lang)
    assert code is not None  # --lang is required
    project = current_project()
    glossary = obj.glossary()
    memory = load_memory(project, glossary, use_cache=obj.use_cache)
    resources = Resources(glossary, use_cache=obj.use_cache)
    checks = text_checks(project_checks(project))
    found = lookup(memory, text, code, resources, limit=limit, threshold=threshold, checks=checks)
    if fmt == "json":
        click.echo(json.dumps([s.as_json() for s in found], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not found:
        click.echo(f"no match of {threshold:.0f}% or more in {len(memory.units)} units")
    for s in found:
        kind = "exact" if s.exact else f"{s.score:.0f}%"
        click.echo(f"{kind}  {s.origin}")
        click.echo(f"  source: {s.unit.source}")
        click.echo(f"  target: {s.target}")
        if s.changes:
            click.echo("  carried over: " + "; ".join(s.changes))
        if s.conformed:
            click.echo(f"  conformed to the glossary (the memory has: {s.unit.target})")
        for item in s.unresolved:
            click.echo(f"  differs: {item}")
        for problem in s.problems:
            click.echo(f"  check would fail: {problem}")
    return EXIT_OK


@tm.command()
@click.option("--format", "fmt", type=click.Choice(["tmx"]), default="tmx", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True)
@click.option("--lang", "langs", multiple=True, help="Only these languages (repeatable).")
@click.pass_obj
def export(obj: Context, fmt: str, output: Path, langs: tuple[str, ...]) -> int:
    """Write the memory as TMX 1.4, for other CAT tools (OmegaT, memoQ, Trados, Weblate)."""
    wanted = {language_filter(lang) for lang in langs}
    memory = load_memory(current_project(), obj.glossary(), use_cache=obj.use_cache)
    units = [u for u in memory.units if not wanted or u.lang in wanted]
    write_tmx(output, units)
    counts = Counter(u.lang for u in units)
    listed = ", ".join(f"{lang} {n}" for lang, n in sorted(counts.items())) or "none"
    click.echo(f"wrote {display_path(output)}: {len(units)} units ({listed})")
    return EXIT_OK


@tm.command(name="import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_obj
def import_(obj: Context, file: Path) -> int:
    """Add the units of a TMX file to the memory (kept in locales/memory/).

    Segments in languages the project does not translate into are imported with a
    warning; segments longer than 5,000 characters are left out, with a warning.
    Importing a file of the same name again replaces it.
    """
    if not file.is_file():
        raise InputError("no such file", path=display_path(file))
    content = read_tmx(file)
    for warning in content.warnings:
        click.echo(f"toolkit: warning: {warning}", err=True)
    name = _FILE_NAME.sub("-", file.stem).strip("-.") or "imported"
    target = current_project().locales / IMPORTED / f"{name}.tmx"
    target.parent.mkdir(parents=True, exist_ok=True)
    units = [TranslationUnit(*u) for u in content.units]
    write_tmx(target, units)
    counts = Counter(u.lang for u in units)
    listed = ", ".join(f"{lang} {n}" for lang, n in sorted(counts.items())) or "none"
    click.echo(f"imported {len(units)} units ({listed}) into {display_path(target)}")
    return EXIT_OK
