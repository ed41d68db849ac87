"""``readerui align --batch``: many pairs, one JSON line each, in the order of the list.

Each pair is analysed in a worker process under a time limit. A pair that fails, runs out of
time, or whose worker dies (killed, out of memory) is answered with an ``{"version", "error",
"a_path", "b_path"}`` line and the batch goes on with a fresh worker; one bad pair never stalls or
ends the batch. Workers ignore Ctrl-C (the parent ends them) and die with the parent.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from readerui.errors import ReaderError
from readerui.web import is_address

if TYPE_CHECKING:  # the CLI imports this module before it parses its arguments: stay light
    # (multiprocessing is imported when a batch runs)
    import multiprocessing.context
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess

    from readerui.settings import Settings

DEFAULT_TIMEOUT = 300.0  # seconds per pair; a 20 MB pair of prose takes well under a minute
MAX_FAILED_STARTS = 3  # workers in a row that die before their first pair: then give up on it
STARTUP_SECONDS = 120.0  # for a worker to load the engine (not counted in a pair's time)


@dataclass(frozen=True, slots=True)
class Job:
    """One pair of a batch."""

    index: int
    path_a: str
    path_b: str


def parse_batch(text: str, base: Path, name: str = "batch list") -> list[tuple[str, str]]:
    """The pairs of a batch list: 'A<TAB>B' lines, blank lines and '#' comments skipped,
    relative paths taken from ``base``. ReaderError (one line naming the line) when malformed."""
    pairs: list[tuple[str, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 2 or not all(f.strip() for f in fields):
            raise ReaderError(f"{name}:{number}: expected 'A<TAB>B'")
        if any("\x00" in f for f in fields):
            raise ReaderError(f"{name}:{number}: a file name holds a NUL character")
        a, b = (f.strip() if is_address(f.strip()) else str(base / f.strip()) for f in fields)
        pairs.append((a, b))
    return pairs


def analyse_job(job: tuple[str, str, Settings, bool]) -> tuple[bool, str]:
    """``analyse_one`` of a (path A, path B, settings, lines) job: a picklable top-level call for
    pools and clusters (``--dask``)."""
    return analyse_one(*job)


def read_batch(list_path: Path, max_size: int) -> list[tuple[str, str]]:
    """Read and parse a batch list file (a regular file, size-capped, like any input)."""
    from readerui.ingest.load import read_text

    return parse_batch(read_text(list_path, max_size), list_path.parent, str(list_path))


def error_line(message: str, path_a: str, path_b: str) -> str:
    """The JSON line answering a pair that could not be analysed."""
    from readerui.exports import CONTRACT_VERSION

    return json.dumps({"version": CONTRACT_VERSION, "error": message, "a_path": path_a,
                       "b_path": path_b}, ensure_ascii=False)


def analyse_one(path_a: str, path_b: str, settings: Settings, lines: bool) -> tuple[bool, str]:
    """Analyse one pair: (succeeded, its JSON line); a ReaderError becomes an ``error`` line."""
    from readerui.analysis import analyse, load_document
    from readerui.exports import to_contract
    from readerui.sanitise import json_inert

    try:
        a = load_document(path_a, settings, lines)
        b = load_document(path_b, settings, lines)
        contract = to_contract(analyse(a, b, settings, parallel=False))
        return True, json_inert(json.dumps(contract, ensure_ascii=False))
    except ReaderError as exc:
        return False, error_line(str(exc), path_a, path_b)


def _serve(conn: Connection, parent: int, settings: Settings, lines: bool) -> None:
    """A worker: answer jobs from ``conn`` until it closes."""
    from readerui.lifeline import die_with_parent, leave_ctrl_c_to_parent

    leave_ctrl_c_to_parent()
    die_with_parent(parent)
    _warm_up()  # a spawned worker loads the engine before the clock of its first pair starts
    try:
        conn.send("ready")
    except OSError:
        return
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        try:
            answer = analyse_one(job.path_a, job.path_b, settings, lines)
        except Exception as exc:  # a bug on odd input: that pair's error, not the batch's end
            answer = (False, error_line(f"internal error: {type(exc).__name__}: {exc}",
                                        job.path_a, job.path_b))
        try:
            conn.send((job.index, *answer))
        except (BrokenPipeError, OSError):
            return


def _warm_up() -> None:
    """Load the engine (modules, word lists, stemmers) by analysing a two-sentence pair."""
    from readerui.analysis import analyse
    from readerui.ingest.segment import from_lines
    from readerui.settings import Settings

    analyse(from_lines("The mayor opened the bridge on Monday.\n"),
            from_lines("The bridge was opened by the mayor.\n"), Settings(), parallel=False)


class _Worker:
    """A worker process with its connection and the job it is on (if any)."""

    def __init__(self, context: multiprocessing.context.BaseContext, settings: Settings,
                 lines: bool) -> None:
        self.conn, child = context.Pipe(duplex=True)
        self.process: BaseProcess = context.Process(  # type: ignore[attr-defined]
            target=_serve, args=(child, os.getpid(), settings, lines), daemon=True)
        # Started with Ctrl-C held (blocked, not ignored): a Ctrl-C in that window ends the batch
        # once the worker has started (ignoring it lost it, and the batch ran on to exit 0).
        from readerui.lifeline import ctrl_c_held

        with ctrl_c_held():
            self.process.start()
        child.close()
        self.job: Job | None = None
        self.deadline = 0.0
        self.ready = False

    def give(self, job: Job, timeout: float) -> None:
        """Send ``job``; its clock starts once the worker has loaded the engine."""
        if not self.ready:
            if not self.conn.poll(STARTUP_SECONDS) or self.conn.recv() != "ready":
                raise OSError("the worker did not start")
            self.ready = True
        self.job, self.deadline = job, time.monotonic() + timeout
        self.conn.send(job)

    def kill(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self.process.kill()
        self.process.join(timeout=5)
        with contextlib.suppress(OSError):
            self.conn.close()

    def stop(self) -> None:
        """Ask an idle worker to end; kill it if it does not."""
        with contextlib.suppress(OSError, ValueError):
            self.conn.send(None)
        self.process.join(timeout=2)
        if self.process.is_alive():
            self.kill()
        with contextlib.suppress(OSError):
            self.conn.close()


def _death(process: BaseProcess) -> str:
    process.join(timeout=5)
    code = process.exitcode
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        return f"the worker analysing this pair was killed ({name})"
    return f"the worker analysing this pair ended unexpectedly (exit status {code})"


def run_batch(pairs: Sequence[tuple[str, str]], settings: Settings, lines: bool, workers: int,
              timeout: float, emit: Callable[[bool, str], None]) -> None:
    """Analyse ``pairs`` in up to ``workers`` processes; ``emit(ok, line)`` once per pair, in
    order. A pair over ``timeout`` seconds, or whose worker dies, gets an error line."""
    if not pairs:
        return
    import multiprocessing
    from multiprocessing.connection import wait

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    if method == "fork":
        _warm_up()  # once here: forked workers start with the engine loaded
    todo = [Job(i, a, b) for i, (a, b) in enumerate(pairs)]
    todo.reverse()  # pop() takes the next in order
    answers: dict[int, tuple[bool, str]] = {}
    next_out = 0
    pool: list[_Worker] = []
    failed_starts = 0

    def answer(job: Job, ok: bool, line: str) -> None:
        nonlocal next_out
        answers[job.index] = (ok, line)
        while next_out in answers:
            emit(*answers.pop(next_out))
            next_out += 1

    try:
        for _ in range(max(1, min(workers, len(pairs)))):
            pool.append(_Worker(context, settings, lines))
        while next_out < len(pairs):
            for index, worker in enumerate(pool):  # hand out work; replace dead idle workers
                if worker.job is None and todo:
                    if not worker.process.is_alive():
                        worker.kill()
                        worker = pool[index] = _Worker(context, settings, lines)
                    job = todo.pop()
                    try:
                        worker.give(job, timeout)
                        failed_starts = 0
                    except (EOFError, OSError):
                        worker.kill()
                        pool[index] = _Worker(context, settings, lines)
                        failed_starts += 1
                        if failed_starts <= MAX_FAILED_STARTS:
                            todo.append(job)  # another worker takes it
                        else:
                            answer(job, False, error_line(
                                "could not start a worker process for this pair",
                                job.path_a, job.path_b))
            busy = [w for w in pool if w.job is not None]
            if not busy:
                break
            wait_for = max(0.0, min(w.deadline for w in busy) - time.monotonic())
            ready = wait([w.conn for w in busy], timeout=wait_for)
            now = time.monotonic()
            for index, worker in enumerate(pool):
                current = worker.job
                if current is None:
                    continue
                if worker.conn in ready:
                    try:
                        _, ok, line = worker.conn.recv()
                    except (EOFError, OSError):
                        answer(current, False, error_line(_death(worker.process),
                                                          current.path_a, current.path_b))
                        worker.kill()
                        pool[index] = _Worker(context, settings, lines)
                        continue
                    worker.job = None
                    answer(current, ok, line)
                elif now >= worker.deadline:
                    worker.kill()
                    answer(current, False, error_line(
                        f"no answer within {timeout:g} s (see --timeout); stopped",
                        current.path_a, current.path_b))
                    pool[index] = _Worker(context, settings, lines) if todo else worker
                    if not todo:
                        worker.job = None
    finally:
        for worker in pool:
            if worker.job is None and worker.process.is_alive():
                worker.stop()
            else:
                worker.kill()
