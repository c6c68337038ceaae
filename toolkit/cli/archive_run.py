"""``toolkit translit DIR -o OUT_DIR``: an archive mirrored into OUT_DIR, by a pool of worker
processes or a Dask cluster (the command layer's parallelism; the library converts one file
at a time and never forks).

The run: walk the archive; keep every file whose size and modification time are those the
manifest recorded (its output is there with the recorded size, or its problem is known);
hand the others to the workers in batches; record their outcomes in the manifest about once
a second (outputs are replaced atomically but not flushed one by one: a flush per file
costs more than converting it). On Ctrl-C the outcomes received are recorded before the
command ends, so only the files in flight are converted again by the next run.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click
from tqdm import tqdm

from toolkit.archive.manifest import Manifest, Outcome
from toolkit.archive.mirror import (
    Converter,
    convert_file,
    kept_outcome,
    read_input,
    remove_output,
    write_output,
)
from toolkit.archive.walk import ArchiveFile, walk_archive
from toolkit.cli import dask_run
from toolkit.cli.jobs import (
    WorkerFigures,
    available_cpus,
    process_pool,
    windowed,
    worker_figures,
)
from toolkit.errors import InputError
from toolkit.fileio import display_path

#: seconds between two records of the manifest (outputs flushed first)
RECORD_EVERY = 1.0
#: most files in one task: enough to make a task's cost small against its files'
MAX_BATCH = 64
#: what a worker process keeps: the converter and the two folders
_worker: dict[str, object] = {}
_PRELOAD = ("toolkit.cli.archive_run",)

Batch = list[tuple[str, Outcome | None]]


@dataclass
class MirrorRun:
    """What a run did: files converted, files whose output was already there, the problems
    (one line each, also those known from earlier runs), the peak memory of a worker and
    the CPU time of the workers (this process's, for one job)."""

    total: int = 0
    converted: int = 0
    unchanged: int = 0
    removed: int = 0
    problems: list[str] = field(default_factory=list)
    peak_worker_kib: int = 0
    worker_cpu: dict[str, float] = field(default_factory=dict)  # worker -> CPU seconds
    seconds: float = 0.0


def mirror_archive(
    converter: Converter,
    root: Path,
    out_dir: Path,
    *,
    jobs: int = 1,
    dask_address: str | None = None,
    progress: bool = False,
) -> MirrorRun:
    """Convert the archive ``root`` into ``out_dir`` (see the module's docstring)."""
    started = time.perf_counter()
    if not root.is_dir():
        raise InputError("not a folder", path=display_path(root))
    if out_dir.resolve() == root.resolve():
        raise InputError("the output folder must differ from the archive", path=str(out_dir))
    manifest = Manifest(out_dir, converter.settings())
    run = MirrorRun()
    workers = _Workers(jobs if dask_address is None else 1, (converter, root, out_dir, os.getcwd()))
    try:
        todo = _plan(root, out_dir, manifest, run, workers.start)
        bar = tqdm(
            total=len(todo),
            unit="file",
            file=sys.stderr,
            disable=not (progress and todo),
            smoothing=0.1,
        )
        pending: list[Outcome] = []
        last = time.monotonic()
        try:
            for outcomes, worker in _execute(converter, root, out_dir, todo, workers, dask_address):
                pending += outcomes
                run.peak_worker_kib = max(run.peak_worker_kib, worker.peak_kib)
                run.worker_cpu[worker.name] = worker.cpu_seconds
                bar.update(len(outcomes))
                if time.monotonic() - last >= RECORD_EVERY:
                    _record(manifest, pending)
                    pending, last = [], time.monotonic()
        finally:
            workers.close()
            _record(manifest, pending)  # Ctrl-C too: what is done stays done
            bar.close()
        shown = display_path(root)
        for outcome in manifest.rows.values():
            if outcome.problem is not None:
                run.problems.append(f"{shown}/{outcome.problem}")
            elif outcome.converted:
                run.converted += 1
    finally:
        workers.close()  # (an error while planning)
        manifest.close()
    run.problems.sort()
    run.unchanged = run.total - run.converted - len(run.problems)
    run.seconds = time.perf_counter() - started
    return run


def _plan(
    root: Path, out_dir: Path, manifest: Manifest, run: MirrorRun, found: Callable[[], None]
) -> Batch:
    """The files to hand to the workers, with what the manifest knows of each; outputs of
    inputs that are gone are removed (when they are still as written) and forgotten.
    ``found()`` is called when the first file to convert is found."""
    todo: Batch = []
    seen = set()
    out = os.fspath(out_dir)  # a string: a Path per file costs as much as the stat itself
    for file in walk_archive(root, exclude=out_dir):
        seen.add(file.path)
        known = manifest.rows.get(file.path)
        if known is None or not _still_current(known, file, out):
            if not todo:
                found()
            todo.append((file.path, known))
    gone = [path for path in manifest.rows if path not in seen]
    for path in gone:
        known = manifest.rows[path]
        target = out_dir / path
        if known.output_size is not None and _size_of(target) == known.output_size:
            target.unlink()
            run.removed += 1
    if gone:
        manifest.forget(gone)
    run.total = len(seen)
    return todo


def _still_current(known: Outcome, file: ArchiveFile, out_dir: str) -> bool:
    if (known.size, known.mtime_ns) != (file.size, file.mtime_ns):
        return False
    return known.problem is not None or _size_of(os.path.join(out_dir, file.path)) == (
        known.output_size
    )


def _size_of(path: str | os.PathLike[str]) -> int | None:
    try:
        return os.stat(path).st_size
    except OSError:
        return None


def _record(manifest: Manifest, outcomes: list[Outcome]) -> None:
    """Record what the outputs written so far were made from.

    The outputs are not flushed to disk first (os.sync() stalled this loop, and with it the
    workers, for as long as the whole machine's writes took): after a power cut an output
    may be shorter than recorded, and the next run, which compares each output's size with
    the manifest's, converts it again."""
    if outcomes:
        manifest.record(outcomes)


def _batches(todo: Batch, workers: int) -> Iterator[Batch]:
    # about eight tasks a worker, so that the last ones finish close together
    size = max(1, min(MAX_BATCH, len(todo) // (workers * 8) or 1))
    for start in range(0, len(todo), size):
        yield todo[start : start + size]


class _Workers:
    """The worker processes of a ``--jobs N`` run (none for one job, or on Dask).

    The pool is made when the walk finds the first file to convert (a re-run with nothing
    to do starts no process), and its fork server starts at once: it imports the toolkit
    while this process walks on, instead of after the walk while both CPUs wait (about a
    tenth of a 10,000-article run on two CPUs)."""

    def __init__(self, jobs: int, initargs: tuple[Any, ...]):
        self.jobs, self.initargs = jobs, initargs
        self.pool: ProcessPoolExecutor | None = None

    def start(self) -> None:
        if self.jobs > 1 and self.pool is None:
            self.pool = process_pool(self.jobs, _start_worker, self.initargs, _PRELOAD)

    def close(self) -> None:
        """Stop the workers; batches not started are dropped (after an error, or Ctrl-C)."""
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
            self.pool = None


def _execute(
    converter: Converter,
    root: Path,
    out_dir: Path,
    todo: Batch,
    workers: _Workers,
    dask_address: str | None,
) -> Iterator[tuple[list[Outcome], WorkerFigures]]:
    """(outcomes, the worker's figures) of each batch, as batches finish."""
    if not todo:  # a re-run with nothing changed: no pool, no cluster
        return
    if dask_address is not None:
        yield from _on_dask(converter, root, out_dir, todo, dask_address)
        return
    workers.start()
    if workers.pool is None:
        _start_worker(*workers.initargs)
        for batch in _batches(todo, 1):
            yield _convert_batch(batch)
    else:
        batches = _batches(todo, workers.jobs)
        yield from windowed(workers.pool.submit, _convert_batch, batches, workers.jobs * 4)


def _start_worker(converter: Converter, root: Path, out_dir: Path, cwd: str) -> None:
    os.chdir(cwd)  # a fork server keeps the folder it started in
    _worker.update(converter=converter, root=root, out_dir=out_dir)


def _convert_batch(batch: Batch) -> tuple[list[Outcome], int]:
    converter, root, out_dir = _worker["converter"], _worker["root"], _worker["out_dir"]
    outcomes = [
        convert_file(converter, root, out_dir, path, known)  # type: ignore[arg-type]
        for path, known in batch
    ]
    return outcomes, worker_figures()


def _on_dask(
    converter: Converter, root: Path, out_dir: Path, todo: Batch, address: str
) -> Iterator[tuple[list[Outcome], WorkerFigures]]:
    """The batches converted on the Dask cluster at ``address``: this process reads the
    inputs and writes the outputs (the workers need no access to either folder)."""
    with dask_run.connect(address) as client:
        shipped = dask_run.ship(client, converter)
        workers = max(1, dask_run.worker_count(client))

        def read(batch: Batch) -> tuple[list[Outcome], list[tuple[str, bytes, int, int]]]:
            done, payload = [], []
            for path, known in batch:
                read = read_input(root, out_dir, path)
                if isinstance(read, Outcome):
                    done.append(read)
                    continue
                data, size, mtime_ns = read
                kept = kept_outcome(known, data, size, mtime_ns, os.path.join(out_dir, path))
                if kept is not None:
                    done.append(kept)
                    continue
                payload.append((path, data, size, mtime_ns))
            return done, payload

        def submit(work: Callable, batch: Batch) -> Future:
            done, payload = read(batch)
            return dask_run.submit(client, work, shipped, payload, done)

        for done, results, worker in windowed(
            submit, dask_run.convert_payload, _batches(todo, workers), workers * 4
        ):
            for outcome, data in results:
                target = os.path.join(out_dir, outcome.path)
                if data is None:
                    remove_output(target)
                else:
                    write_output(target, data)
                done.append(outcome)
            yield done, worker


def convert_folder(
    converter: Converter,
    root: Path,
    out_dir: Path,
    *,
    jobs: int | None,
    dask_address: str | None,
    progress: bool,
) -> int:
    """``toolkit translit DIR -o OUT_DIR``: mirror ``root`` into ``out_dir`` (``jobs``
    processes, default one a CPU, or the Dask cluster at ``dask_address``), report the run on
    stderr and return the exit code."""
    run = mirror_archive(
        converter,
        root,
        out_dir,
        jobs=jobs or available_cpus(),
        dask_address=dask_address,
        progress=progress,
    )
    return _report_run(run, out_dir)


def _report_run(run: MirrorRun, output: Path) -> int:
    """The summary of a folder run on stderr; exit 2 when a file could not be converted (the
    mirror is incomplete: an input error, not a finding)."""
    for problem in run.problems:
        click.echo(f"toolkit: error: {problem}", err=True)
    rate = run.converted / run.seconds if run.seconds else 0.0
    removed = f", {run.removed} removed (their source is gone)" if run.removed else ""
    click.echo(
        f"toolkit: {run.total} files: {run.converted} converted, {run.unchanged} unchanged"
        f"{removed}, {len(run.problems)} could not be converted; {output} "
        f"({run.seconds:.1f} s, {rate:.0f} files/s)",
        err=True,
    )
    return 2 if run.problems else 0
