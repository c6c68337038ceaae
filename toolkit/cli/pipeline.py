"""The article pipeline commands: extract, update, pretranslate, conform, build."""

from __future__ import annotations

from pathlib import Path

import click

from toolkit.articles import build as build_step
from toolkit.articles import conform as conform_step
from toolkit.articles import pipeline as pipeline_steps
from toolkit.articles import pretranslate as pretranslate_step
from toolkit.cli.main import EXIT_FINDINGS, EXIT_OK, Context
from toolkit.config import project_folder
from toolkit.fileio import display_path
from toolkit.tm.memory import load_memory


def project_root() -> Path:
    """The nearest folder (from the working directory up) with articles/ or locales/ beside
    a pyproject.toml; else the working directory."""
    return project_folder("articles", "locales") or Path.cwd().resolve()


def current_project() -> pipeline_steps.Project:
    """The article project of :func:`project_root` (its articles/, locales/ and build/)."""
    return pipeline_steps.Project(project_root())


def _progress(label: str):
    """A progress bar over a batch (drawn on a terminal only, and only for long batches)."""

    def wrap(items):
        items = list(items)
        if len(items) < 20:
            yield from items
            return
        with click.progressbar(items, label=label, file=click.get_text_stream("stderr")) as bar:
            yield from bar

    return wrap


ARTICLES = click.argument("articles", nargs=-1, type=click.Path(dir_okay=False))


@click.command()
@ARTICLES
@click.pass_obj
def extract(obj: Context, articles: tuple[str, ...]) -> int:
    """Write a translation template (POT) for each article (default: articles/*.md).

    One entry per sentence-sized segment: title and dateline, headings, sentences of
    paragraphs and quotes, list items, image alt texts and captions. Inline links and
    emphasis become placeholders (<a1>…</a1>, <em>…</em>) to keep in the translation; each
    entry points to its source line and lists its glossary terms with the kk and ru terms.
    Output: locales/templates/<slug>.pot.
    """
    written = pipeline_steps.extract(
        current_project(),
        articles,
        obj.glossary(),
        progress=_progress("extract"),
        use_cache=obj.use_cache,
    )
    for path in written.written:
        click.echo(f"wrote {display_path(path)}")
    if written.unchanged:
        click.echo(f"{len(written.unchanged)} templates unchanged")
    return EXIT_OK


@click.command()
@click.option(
    "--lang",
    "langs",
    multiple=True,
    type=click.Choice(["kk", "ru", "kk@latin"]),
    help="Only these catalogues (repeatable; default kk and ru, then kk@latin from kk).",
)
@click.pass_obj
def update(obj: Context, langs: tuple[str, ...]) -> int:
    """Create or merge the PO files of every template, per language.

    New catalogues get their header (Language, Plural-Forms) from CLDR via Babel. Existing
    ones are merged with GNU msgmerge: translations are kept, changed sentences become fuzzy
    with their previous text, removed ones are kept as obsolete (#~), translator comments
    are untouched. The kk@latin catalogues are regenerated from kk by transliteration.
    """
    project = current_project()
    result = pipeline_steps.update(
        project,
        obj.glossary(),
        langs or (*pipeline_steps.TRANSLATED, "kk@latin"),
        progress=_progress("update"),
    )
    for label, paths in (("created", result.created), ("merged", result.merged),
                         ("generated", result.derived)):  # fmt: skip
        for path in paths:
            click.echo(f"{label} {display_path(path)}")
    if result.current:
        click.echo(f"{len(result.current)} catalogues already up to date")
    return EXIT_OK


@click.command()
@click.option(
    "--lang",
    "langs",
    multiple=True,
    type=click.Choice(["kk", "ru"]),
    help="Only these languages (default: kk and ru).",
)
@click.option(
    "--tm",
    "use_memory",
    is_flag=True,
    help="Also fill sentences from the translation memory (exact and fuzzy matches).",
)
@click.pass_obj
def pretranslate(obj: Context, langs: tuple[str, ...], use_memory: bool) -> int:
    """Fill entries that need no translator, marked fuzzy for a person to confirm.

    Segments made only of glossary names and terms, numbers and dates (datelines such as
    "ALMATY, Kazakhstan"; "February 13, 2019" written by CLDR for the language; 252,000 →
    252 000). Entries that already have a translation are never touched.

    With --tm, every other empty entry gets the translation memory's best match (75% or
    more): numbers and names of the new sentence carried over, deprecated terms conformed,
    a translator comment naming the origin, and for a fuzzy match the memory's source as
    the previous msgid (#|), which Poedit and Lokalize show as a difference.
    """
    project = current_project()
    memory = load_memory(project, obj.glossary(), use_cache=obj.use_cache) if use_memory else None
    filled = pretranslate_step.pretranslate(
        project, obj.glossary(), langs or ("kk", "ru"), obj.use_cache, memory
    )
    for path, count in filled:
        click.echo(f"{display_path(path)}: {count} entr{'y' if count == 1 else 'ies'} pre-filled")
    return EXIT_OK


@click.command()
@click.option("--write", is_flag=True, help="Apply the changes (default: show a diff).")
@click.argument("paths", nargs=-1, type=click.Path())
@click.pass_obj
def conform(obj: Context, write: bool, paths: tuple[str, ...]) -> int:
    """Replace deprecated and forbidden terms in translations by the preferred term, in the
    same inflected form (оралмандарға → қандастарға, оралманов → кандасов).

    Shows a unified diff by default; --write changes the PO files (kk@latin is regenerated
    by the next `toolkit update`). Exit 1 in dry-run when there is something to change.
    """
    result = conform_step.conform(
        current_project(), obj.glossary(), list(paths), write=write, use_cache=obj.use_cache
    )
    if result.diff:
        click.echo(result.diff, nl=False)
    for path in result.written:
        click.echo(f"rewrote {display_path(path)}", err=True)
    if result.unchanged_forms:
        for note in result.unchanged_forms:
            click.echo(f"warning: {note}", err=True)
    return EXIT_FINDINGS if (result.diff and not write) else EXIT_OK


@click.command()
@ARTICLES
@click.option("--strict", is_flag=True, help="Fail (exit 1) when a segment falls back to English.")
@click.option(
    "--with",
    "extra",
    multiple=True,
    type=click.Choice(sorted(build_step.SCRIPT_VERSIONS)),
    help="Also build this version (kk-Arab: Kazakh in Arabic script, from kk, right to left).",
)
@click.pass_obj
def build(obj: Context, articles: tuple[str, ...], strict: bool, extra: tuple[str, ...]) -> int:
    """Build every article version: build/<slug>.<en|kk|kk-Latn|ru>.md and .html.

    Untranslated or fuzzy segments fall back to the English text marked [EN] and are listed
    as warnings (--strict turns them into a failure). Building again gives the same bytes.
    With --with kk-Arab, build/<slug>.kk-Arab.md and .html (dir="rtl") too.
    """
    project = current_project()
    result = build_step.build(
        project, articles, obj.glossary(), progress=_progress("build"), extra=tuple(extra)
    )
    for fallback in result.fallbacks:
        click.echo(
            f"{display_path(fallback.path)}:{fallback.line}: warning: {fallback.output}: "
            f"{fallback.reason}, English used: {fallback.msgid[:60]}",
            err=True,
        )
    versions = len(result.written) + len(result.unchanged)
    click.echo(
        f"{versions} files in {display_path(project.build_dir)} ({len(result.written)} written, "
        f"{len(result.unchanged)} unchanged), {len(result.fallbacks)} segments fell back to English"
    )
    return EXIT_FINDINGS if (strict and result.fallbacks) else EXIT_OK
