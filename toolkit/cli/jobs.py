"""``toolkit check --jobs N``: check in N worker processes (the command layer's parallelism).

The library checks in one process and never forks: the web server calls it from threads,
and forking a threaded process is unsafe. Here, in the command, a pool of fresh processes
(``forkserver`` where the platform has it, else ``spawn``; never a fork of this process)
checks catalogues, and parts of large catalogues. Each worker gets the glossary and the checks
once, loads its term matchers from the cache, reads the catalogue of a part itself (as fast as
receiving it pickled) and returns the part's findings. They are joined in the order of the
parts, so the findings and their order are exactly those of ``--jobs 1``.

The default is one process: on 10,000 entries the workers' start (imports, matchers) and the
extra reading cost about what the second process saves (see benchmarks/bench_check.py
``--jobs``); more processes pay off on archives of many catalogues, on a machine with idle CPUs.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.forkserver
import os
import resource
import socket
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from toolkit.catalog import Catalog, read_catalog
from toolkit.checks.base import Check, Finding, Resources
from toolkit.checks.runner import catalog_parts, check_catalog
from toolkit.glossary.model import Glossary

#: A catalogue is cut into parts of at least this many entries: a smaller part costs more to
#: hand to a worker than it saves.
MIN_PART_ENTRIES = 2000

#: Modules a worker needs, imported once by the fork server (where there is one).
_PRELOAD = ("toolkit.cli.jobs", "toolkit.checks.available", "toolkit.matching.forms")

#: What a worker process keeps between parts: the checks, their shared resources, and the
#: catalogue read last (the next part is likely of the same one).
_worker: dict[str, object] = {}


@dataclass(frozen=True)
class WorkerFigures:
    """What a worker reports with each result: its name (host and process), its CPU time so
    far and its peak memory (resident set) in KiB."""

    name: str
    cpu_seconds: float
    peak_kib: int


def worker_figures() -> WorkerFigures:
    """The figures of this process, for a worker to return with its results."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    name = f"{socket.gethostname()}:{os.getpid()}"
    return WorkerFigures(name, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)  # KiB (Linux)


def available_cpus() -> int:
    """CPUs this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def process_pool(
    jobs: int,
    initializer: Callable[..., None],
    initargs: tuple[Any, ...],
    preload: tuple[str, ...],
) -> ProcessPoolExecutor:
    """A pool of ``jobs`` fresh worker processes, each started by ``initializer(*initargs)``.

    The toolkit's one pool (``check --jobs``, ``translit DIR --jobs``, ``usage --jobs``):
    workers are forked from a fork server that has imported the modules ``preload`` once
    (where the platform has one), else spawned; this process itself is never forked.
    """
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        # The server imports these once; each worker starts as a fork of it with them loaded.
        context.set_forkserver_preload(list(preload))
        # Start it now, not at the first task: it imports while the caller prepares tasks.
        multiprocessing.forkserver.ensure_running()
    else:
        context = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, initializer=initializer, initargs=initargs
    )


def windowed(
    submit: Callable[..., Future], work: Callable, batches: Iterable[Any], window: int
) -> Iterator[Any]:
    """The results of ``work`` on each batch, as they finish, with at most ``window``
    batches submitted at a time (the rest are not even read yet)."""
    running: set[Future] = set()
    for batch in batches:
        running.add(submit(work, batch))
        if len(running) >= window:
            done, running = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                yield future.result()
    while running:
        done, running = wait(running, return_when=FIRST_COMPLETED)
        for future in done:
            yield future.result()


def check_in_processes(
    catalogs: Iterable[Catalog],
    glossary: Glossary,
    checks: list[Check],
    *,
    jobs: int,
    use_cache: bool,
    as_of: str | None = None,
) -> tuple[list[Catalog], list[Finding]]:
    """(catalogues, findings) as :func:`toolkit.checks.runner.run_checks` gives them, the
    checking done by ``jobs`` worker processes. ``catalogs`` is read as the workers check:
    the parts of a catalogue go to the workers as soon as it is read."""
    pool = process_pool(
        jobs, _start_worker, (glossary, checks, use_cache, os.getcwd(), as_of), _PRELOAD
    )
    read: list[Catalog] = []
    results: list[Future[list[Finding]]] = []
    try:
        for catalog in catalogs:
            read.append(catalog)
            size = max(MIN_PART_ENTRIES, -(-len(catalog.entries) // jobs))
            for part in catalog_parts(catalog, checks, size):
                results.append(pool.submit(_check_part, catalog.path, part))
        findings = [finding for result in results for finding in result.result()]
    finally:
        pool.shutdown(cancel_futures=True)  # after an error, parts not started are dropped
    return read, findings


def _start_worker(
    glossary: Glossary, checks: list[Check], use_cache: bool, cwd: str, as_of: str | None
) -> None:
    # A fork server keeps the folder it started in; paths are read and shown from ours.
    os.chdir(cwd)
    _worker["checks"] = checks
    _worker["resources"] = Resources(glossary, use_cache=use_cache, as_of=as_of)


def _check_part(path: str, part: slice) -> list[Finding]:
    catalog = _worker.get("catalog")
    if not isinstance(catalog, Catalog) or catalog.path != path:
        catalog = _worker["catalog"] = read_catalog(Path(path))
    return check_catalog(catalog, _worker["checks"], _worker["resources"], part)  # type: ignore[arg-type]
