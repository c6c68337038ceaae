"""The command layer's process pool: ``toolkit check --jobs`` (:mod:`toolkit.cli.check_jobs`),
``toolkit translit DIR --jobs`` and ``toolkit usage --jobs``.

The library never forks: the web server calls it from threads, and forking a threaded
process is unsafe. The commands that work in parallel start a pool of fresh processes here
(``forkserver`` where the platform has it, else ``spawn``; never a fork of this process).
The pool knows nothing of what its workers do: each command brings its own worker functions,
so that a command that uses the pool does not load the others' modules.
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
from typing import Any


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
