"""``toolkit check --jobs N``: check in N worker processes of the command layer's pool.

The library checks in one process and never forks: the web server calls it from threads,
and forking a threaded process is unsafe. Here, in the command, the toolkit's process pool
(:func:`toolkit.cli.jobs.process_pool`: fresh processes, never a fork of this one) checks
catalogues, and parts of large catalogues. Each worker gets the glossary and the checks
once, loads its term matchers from the cache, reads the catalogue of a part itself (as fast as
receiving it pickled) and returns the part's findings. They are joined in the order of the
parts, so the findings and their order are exactly those of ``--jobs 1``.

The default is one process: on 10,000 entries the workers' start (imports, matchers) and the
extra reading cost about what the second process saves (see benchmarks/bench_check.py
``--jobs``); more processes pay off on archives of many catalogues, on a machine with idle CPUs.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from concurrent.futures import Future
from pathlib import Path

from toolkit.catalog import Catalog, read_catalog
from toolkit.checks.base import Check, Finding, Resources
from toolkit.checks.runner import catalog_parts, check_catalog
from toolkit.cli.jobs import available_cpus, process_pool
from toolkit.glossary.model import Glossary

#: A catalogue is cut into parts of at least this many entries: a smaller part costs more to
#: hand to a worker than it saves.
MIN_PART_ENTRIES = 2000

#: Modules a worker needs, imported once by the fork server (where there is one).
_PRELOAD = ("toolkit.cli.check_jobs", "toolkit.checks.available", "toolkit.matching.forms")

#: What a worker process keeps between parts: the checks, their shared resources, and the
#: catalogue read last (the next part is likely of the same one).
_worker: dict[str, object] = {}


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
    checking done by ``jobs`` worker processes (0: one per CPU). ``catalogs`` is read as the
    workers check: the parts of a catalogue go to the workers as soon as it is read."""
    jobs = jobs or available_cpus()
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
