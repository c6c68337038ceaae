"""``--dask tcp://SCHEDULER:8786``: the same work on a Dask distributed cluster
(``translit DIR -o OUT_DIR`` and ``usage DIR``).

Dask is an optional extra (``pip install 'toolkit[dask]'``); it is imported only when
``--dask`` is given, and its absence is a one-line error naming the extra. The cluster's
workers run the installed toolkit; the converter, with the glossary as loaded (compiled),
is sent to every worker once. The client reads the inputs and writes the outputs, so the
workers need no shared file system, and the outputs are byte for byte those of a local run
(each file is converted by the same code, whatever the order the batches finish in).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from typing import Any

from toolkit.archive.manifest import Outcome
from toolkit.archive.mirror import Converter, convert_data
from toolkit.cli.jobs import WorkerFigures, worker_figures
from toolkit.errors import InputError

EXTRA_HINT = "--dask needs Dask: pip install 'toolkit[dask]'"
#: seconds to wait for the scheduler
CONNECT_TIMEOUT = 20


def _distributed() -> Any:
    try:
        import distributed  # the optional extra: imported only for --dask
    except ImportError as exc:
        raise InputError(EXTRA_HINT) from exc
    return distributed


@contextlib.contextmanager
def connect(address: str) -> Iterator[Any]:
    """A client of the scheduler at ``address``; InputError when there is none."""
    distributed = _distributed()
    try:
        client = distributed.Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise InputError(f"--dask {address}: cannot reach the scheduler: {exc}") from exc
    with client:
        yield client


def worker_count(client: Any) -> int:
    """The number of worker threads of the cluster."""
    return sum(client.nthreads().values())


def ship(client: Any, value: Any) -> Any:
    """``value`` sent to every worker once (a future the tasks take as an argument)."""
    return client.scatter(value, broadcast=True, hash=False)


def submit(client: Any, work: Callable, *args: Any) -> Future:
    """``work(*args)`` as a task of the cluster; its future works with
    :func:`concurrent.futures.wait`."""
    return _as_future(client.submit(work, *args, pure=False))


def _as_future(dask_future: Any) -> Future:
    future: Future = Future()

    def settle(done: Any) -> None:
        try:
            future.set_result(done.result())
        except BaseException as exc:  # handed to the waiter, which raises it
            future.set_exception(exc)

    dask_future.add_done_callback(settle)
    return future


def convert_payload(
    converter: Converter,
    payload: list[tuple[str, bytes, int, int]],
    done: list[Outcome],
) -> tuple[list[Outcome], list[tuple[Outcome, bytes | None]], WorkerFigures]:
    """Run on a worker: (``done`` as given, each input's outcome and output bytes, the
    worker's figures)."""
    results = [convert_data(converter, *item) for item in payload]
    return done, results, worker_figures()
