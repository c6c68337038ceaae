"""``toolkit usage DIR --lang kk|ru|en --format csv|json|html -o FILE``: how often the archive
uses each spelling of each glossary concept, per year (:mod:`toolkit.archive.usage`).

Files are surveyed in batches by the command layer's process pool (``--jobs``), or on a
Dask cluster (``--dask ADDRESS``: this process reads the files and sends their bytes, the
glossary goes once to each worker, as for ``translit DIR --dask``); the counts are added up
in this process, so the output does not depend on the number of workers nor on where they
ran.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import click
from tqdm import tqdm

from toolkit.archive.usage import LANGUAGES, Key, Survey, flagged, usage_rows
from toolkit.archive.usage_report import rows_csv, rows_json, usage_html
from toolkit.archive.walk import walk_archive
from toolkit.cli import dask_run
from toolkit.cli.jobs import available_cpus, process_pool, windowed
from toolkit.fileio import atomic_write_text, display_path

#: files in one task of a worker
BATCH = 32
_worker: dict[str, Any] = {}
#: a Dask worker's surveys, by (glossary fingerprint, language, use of the cache)
_dask_surveys: dict[tuple[Any, str, bool], Survey] = {}
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
    "--dask",
    "dask_address",
    metavar="ADDRESS",
    help="Run on the Dask cluster whose scheduler is at ADDRESS (tcp://HOST:8786).",
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
    dask_address: str | None,
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
    try:
        for found, failed, done in _surveyed(args, batches, jobs, dask_address):
            counts.update(found)
            problems += failed
            bar.update(done)
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


def _surveyed(
    args: tuple[Any, ...], batches: list[list[str]], jobs: int | None, dask_address: str | None
) -> Iterator[tuple[Counter[Key], list[str], int]]:
    """(counts, problems, files done) of each batch, as batches finish: in this process, in
    a pool of ``jobs`` processes, or on the Dask cluster at ``dask_address``."""
    if dask_address is not None:
        yield from _on_dask(args, batches, dask_address)
        return
    workers = min(jobs or available_cpus(), len(batches))
    if workers <= 1:
        _start_worker(*args)
        yield from map(_survey_batch, batches)
        return
    pool = process_pool(workers, _start_worker, args, _PRELOAD)
    try:
        yield from windowed(pool.submit, _survey_batch, batches, workers * 4)
    finally:
        pool.shutdown(cancel_futures=True)


def _on_dask(
    args: tuple[Any, ...], batches: list[list[str]], address: str
) -> Iterator[tuple[Counter[Key], list[str], int]]:
    """The batches surveyed on the Dask cluster at ``address``: this process reads the files
    (the workers need no access to them) and sends their bytes."""
    glossary, lang, use_cache, root, _ = args
    with dask_run.connect(address) as client:
        shipped = dask_run.ship(client, (glossary, lang, use_cache))
        workers = max(1, dask_run.worker_count(client))

        def submit(work: Callable, paths: list[str]) -> Future:
            payload, failed = [], []
            for path in paths:
                data = _read(root, path)
                if isinstance(data, bytes):
                    payload.append((path, data))
                else:
                    failed.append(data)
            return dask_run.submit(client, work, shipped, payload, failed)

        yield from windowed(submit, _survey_payload, batches, workers * 4)


def _survey_payload(
    settings: tuple[Any, str, bool], payload: list[tuple[str, bytes]], failed: list[str]
) -> tuple[Counter[Key], list[str], int]:
    """Run on a Dask worker: (counts, problems, files done) of the documents in ``payload``,
    with ``failed`` (the problems of the files the client could not read) passed on."""
    survey = _dask_survey(*settings)
    counts: Counter[Key] = Counter()
    problems = list(failed)
    for path, data in payload:
        found, problem = survey.document(path, data)
        counts.update(found)
        if problem is not None:
            problems.append(problem)
    return counts, problems, len(payload) + len(failed)


def _dask_survey(glossary: Any, lang: str, use_cache: bool) -> Survey:
    """The worker's survey for these settings, made once: its term matchers take longer to
    build than a batch takes to survey."""
    key = (getattr(glossary, "key", id(glossary)), lang, use_cache)
    survey = _dask_surveys.get(key)
    if survey is None:
        survey = _dask_surveys[key] = Survey(glossary, lang, use_cache)
    return survey


def _read(root: Path, path: str) -> bytes | str:
    """The bytes of the file ``root/path``, or the problem (one line) when it cannot be read."""
    try:
        return (root / path).read_bytes()
    except OSError as exc:
        return f"{path}: cannot read: {exc.strerror or exc}"


def _start_worker(glossary: Any, lang: str, use_cache: bool, root: Path, cwd: str) -> None:
    os.chdir(cwd)  # a fork server keeps the folder it started in
    _worker.update(survey=Survey(glossary, lang, use_cache), root=root)


def _survey_batch(paths: list[str]) -> tuple[Counter[Key], list[str], int]:
    survey: Survey = _worker["survey"]
    counts: Counter[Key] = Counter()
    problems = []
    for path in paths:
        data = _read(_worker["root"], path)
        if isinstance(data, str):
            problems.append(data)
            continue
        found, problem = survey.document(path, data)
        counts.update(found)
        if problem is not None:
            problems.append(problem)
    return counts, problems, len(paths)
