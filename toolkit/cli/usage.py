"""``toolkit usage DIR --lang kk|ru|en --format csv|json|html -o FILE``: how often the archive
uses each spelling of each glossary concept, per year (:mod:`toolkit.archive.usage`).

Files are surveyed in batches by the command layer's process pool (``--jobs``); the counts
are added up in this process, so the output does not depend on the number of workers.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import click
from tqdm import tqdm

from toolkit.archive.usage import LANGUAGES, Key, Survey, flagged, usage_rows
from toolkit.archive.usage_report import rows_csv, rows_json, usage_html
from toolkit.archive.walk import walk_archive
from toolkit.cli.jobs import available_cpus, process_pool, windowed
from toolkit.fileio import atomic_write_text, display_path

#: files in one task of a worker
BATCH = 32
_worker: dict[str, Any] = {}
_PRELOAD = ("toolkit.cli.usage",)


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False, exists=True))
@click.option("--lang", type=click.Choice(LANGUAGES), required=True, help="Language of the text.")
@click.option(
    "--format",
    "format_",
    type=click.Choice(["csv", "json", "html"]),
    default="json",
    show_default=True,
)
@click.option("-o", "--output", default="-", help="Output file (default: stdout).")
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes (default: the number of CPUs).",
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="A progress bar on stderr (default: when stderr is a terminal).",
)
@click.pass_obj
def usage(
    ctx: Any,
    folder: Path,
    lang: str,
    format_: str,
    output: str,
    jobs: int | None,
    progress: bool | None,
) -> int:
    """Count every spelling of every glossary concept in the archive FOLDER, per year.

    The year of a document is its front-matter date (Markdown), its <meta> date or first
    <time> (HTML), else a year in its path. Statuses: preferred, admitted, deprecated,
    forbidden, or unknown (a near miss of a glossary name). json: a list of
    {"concept", "term", "status", "year", "count"}; csv: the same columns; html: a chart per
    concept of its spellings over the years, and the deprecated and forbidden spellings in
    use with their first and last year. Files that cannot be read are listed on stderr, and
    the exit code is then 2.
    """
    glossary = ctx.glossary()
    paths = [file.path for file in walk_archive(folder)]
    shown = progress if progress is not None else sys.stderr.isatty()
    counts: Counter[Key] = Counter()
    problems: list[str] = []
    bar = tqdm(total=len(paths), unit="file", file=sys.stderr, disable=not (shown and paths))
    batches = [paths[i : i + BATCH] for i in range(0, len(paths), BATCH)]
    args = (glossary, lang, ctx.use_cache, folder, os.getcwd())
    workers = min(jobs or available_cpus(), len(batches))
    try:
        if workers <= 1:
            _start_worker(*args)
            results = map(_survey_batch, batches)
            for found, failed, done in results:
                counts.update(found)
                problems += failed
                bar.update(done)
        else:
            pool = process_pool(workers, _start_worker, args, _PRELOAD)
            try:
                for found, failed, done in windowed(
                    pool.submit, _survey_batch, batches, workers * 4
                ):
                    counts.update(found)
                    problems += failed
                    bar.update(done)
            finally:
                pool.shutdown(cancel_futures=True)
    finally:
        bar.close()
    rows = usage_rows(counts)
    if format_ == "csv":
        text = rows_csv(rows)
    elif format_ == "json":
        text = rows_json(rows)
    else:
        text = usage_html(rows, f"Usage of the glossary's {lang} spellings in {folder.name}")
    if output == "-":
        click.echo(text, nl=False)
    else:
        atomic_write_text(output, text)
    shown_root = display_path(folder)
    for problem in sorted(problems):
        click.echo(f"toolkit: error: {shown_root}/{problem}", err=True)
    for flag in flagged(rows):
        years = f"{flag.first}–{flag.last}" if flag.first is not None else "no year"
        click.echo(
            f"toolkit: note: {flag.status} {flag.term!r} ({flag.concept}): "
            f"{flag.count} {'use' if flag.count == 1 else 'uses'}, {years}",
            err=True,
        )
    return 2 if problems else 0


def _start_worker(glossary: Any, lang: str, use_cache: bool, root: Path, cwd: str) -> None:
    os.chdir(cwd)  # a fork server keeps the folder it started in
    _worker.update(survey=Survey(glossary, lang, use_cache), root=root)


def _survey_batch(paths: list[str]) -> tuple[Counter[Key], list[str], int]:
    survey: Survey = _worker["survey"]
    counts: Counter[Key] = Counter()
    problems = []
    for path in paths:
        try:
            data = (_worker["root"] / path).read_bytes()
        except OSError as exc:
            problems.append(f"{path}: cannot read: {exc.strerror or exc}")
            continue
        found, problem = survey.document(path, data)
        counts.update(found)
        if problem is not None:
            problems.append(problem)
    return counts, problems, len(paths)
