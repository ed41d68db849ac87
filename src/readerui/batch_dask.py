"""``readerui align --batch LIST --dask ADDRESS``: the pairs of a batch analysed on a Dask cluster.

Needs the ``readerui[dask]`` extra (``dask.distributed``). ``ADDRESS`` is a scheduler address
(``tcp://host:8786``) or ``local``, which starts a :class:`distributed.LocalCluster` of worker
processes on this machine for the run. The per-pair function is the one the local batch uses,
so each pair's line is byte for byte what ``--batch`` alone prints; lines come back in the
list's order, each printed as soon as every line before it is out (``as_completed`` and a
reorder buffer). At most :data:`WINDOW` pairs are in flight or waiting for an earlier one, so a
million-pair list neither floods the scheduler nor fills memory. Workers read the files
themselves: on a remote cluster the paths must be valid there (a shared file system, absolute
paths in the list).
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

from readerui.errors import ReaderError

J = TypeVar("J")
R = TypeVar("R")

WINDOW = 2000  # pairs submitted but not yet printed, at most
LOCAL = "local"
CONNECT_TIMEOUT = "20s"


def _distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise ReaderError("--dask needs Dask: pip install 'readerui[dask]'") from None
    return distributed


def _client(address: str, workers: int | None) -> tuple[Any, Any]:
    """A client of the cluster at ``address`` (and the LocalCluster it started, if any)."""
    distributed = _distributed()
    for name in ("distributed", "tornado", "bokeh"):  # Dask's log lines are not ours to print
        logging.getLogger(name).setLevel(logging.ERROR)
    if address.strip().lower() == LOCAL:
        with warnings.catch_warnings():  # "Port 8787 is already in use": it picks another
            warnings.simplefilter("ignore")
            cluster = distributed.LocalCluster(n_workers=workers, threads_per_worker=1,
                                               processes=True, dashboard_address=None,
                                               silence_logs=logging.ERROR)
        return distributed.Client(cluster), cluster
    try:
        return distributed.Client(address, timeout=CONNECT_TIMEOUT), None
    except (OSError, TimeoutError, ValueError) as exc:
        raise ReaderError(f"--dask {address}: cannot reach the Dask scheduler "
                          f"({type(exc).__name__}: {exc})") from None


def dask_map(one: Callable[[J], R], jobs: Sequence[J], address: str,
             workers: int | None = None,
             failed: Callable[[J, BaseException], R] | None = None) -> Iterator[R]:
    """``one(job)`` for every job on the Dask cluster at ``address``, yielded in job order as
    soon as each result and all before it are in.

    ``workers``: worker processes for ``local`` (default: one per CPU). A task that raises (a
    worker that died more than Dask retries, say) yields ``failed(job, exc)``; without
    ``failed`` it ends the run with a ReaderError naming the pair's place in the list.
    """
    if not jobs:
        return
    distributed = _distributed()
    client, cluster = _client(address, workers)
    try:
        pending = distributed.as_completed()
        place: dict[str, int] = {}
        ready: dict[int, R] = {}
        submitted = printed = 0

        def submit_up_to(limit: int) -> None:
            nonlocal submitted
            while submitted < min(limit, len(jobs)):
                future = client.submit(one, jobs[submitted], pure=False)
                place[future.key] = submitted
                pending.add(future)
                submitted += 1

        submit_up_to(WINDOW)
        for future in pending:
            index = place.pop(future.key)
            try:
                ready[index] = future.result()
            except Exception as exc:
                if failed is None:
                    raise ReaderError(f"--dask: pair {index + 1} of the list failed on the "
                                      f"cluster ({type(exc).__name__}: {exc})") from None
                ready[index] = failed(jobs[index], exc)
            future.release()
            while printed in ready:
                yield ready.pop(printed)
                printed += 1
            submit_up_to(printed + WINDOW)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
