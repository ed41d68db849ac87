"""Safe files: atomic writes, advisory locks, and moving a damaged file aside instead of losing it.

Every file the store writes goes through :func:`atomic_write` (temporary file in the same folder,
fsync, ``os.replace``), so a crash leaves either the old file or the new one, never half of each.
A file that cannot be read or parsed is renamed to ``<name>.corrupt-<timestamp>`` by
:func:`move_aside` with a one-line warning, so the user's bytes survive and defaults take over.
"""

from __future__ import annotations

import contextlib
import contextvars
import json
import os
import re
import tempfile
import threading
import time
import warnings
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from readerui.errors import ReaderError
from readerui.safefile import STORE_MAX_SIZE, FileProblem, check_nesting, read_regular

PROG = "readerui"

_notices: list[str] = []
_notices_lock = threading.Lock()
# Where warnings go while a caller collects them (see :func:`collecting`); None: the queue.
_collector: contextvars.ContextVar[list[str] | None] = contextvars.ContextVar(
    "readerui_store_warnings", default=None)


class StoreError(ReaderError):
    """A store file or folder cannot be written (or locked); the message names the path."""


def warn(message: str) -> None:
    """A one-line warning for the user: to the caller collecting them (:func:`collecting`),
    else queued for :func:`take_warnings`."""
    found = _collector.get()
    if found is not None:
        found.append(message)
        return
    with _notices_lock:
        _notices.append(message)


@contextlib.contextmanager
def collecting(into: list[str]) -> Iterator[list[str]]:
    """Within this block (in this thread), store warnings are appended to ``into`` instead of
    the process-wide queue: the caller returns them to its own caller."""
    token = _collector.set(into)
    try:
        yield into
    finally:
        _collector.reset(token)


def take_warnings() -> list[str]:
    """Return and forget the warnings queued since the last call."""
    with _notices_lock:
        taken = list(_notices)
        _notices.clear()
    return taken


def _reason(exc: OSError) -> str:
    """The human part of an OSError ("Permission denied"), without errno noise."""
    return exc.strerror or exc.__class__.__name__


def ensure_dir(folder: Path) -> Path:
    """Create ``folder`` (private to the user) if needed; StoreError when that is impossible."""
    try:
        missing = []
        at = folder
        while not at.exists() and not at.is_symlink() and at.parent != at:
            missing.append(at)
            at = at.parent
        for level in reversed(missing):  # each folder readerui creates is private (0700)
            with contextlib.suppress(FileExistsError):
                level.mkdir(mode=0o700)
                os.chmod(level, 0o700)  # whatever the umask
    except OSError as exc:
        raise StoreError(f"cannot create folder {folder}: {_reason(exc)}") from None
    if not folder.is_dir():
        raise StoreError(f"cannot use {folder}: it is not a folder")
    return folder


def _fsync_dir(folder: Path) -> None:
    """Make a rename durable (best effort: some file systems refuse to open folders)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def atomic_write(path: Path, data: bytes | str, mode: int = 0o600) -> None:
    """Replace ``path`` with ``data`` atomically; StoreError (one line) if it cannot be written."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if path.is_symlink():  # e.g. a dotfiles manager's link: replace the file it points to
        path = path.resolve()
    folder = ensure_dir(path.parent)
    tmp_name: str | None = None
    try:
        # the writer's pid in the name: a leftover of a killed writer is recognised and removed
        # on the next start (clean_stale_temps)
        fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.{os.getpid()}-",
                                        suffix=TEMP_SUFFIX)
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, path)
        tmp_name = None
    except OSError as exc:
        raise StoreError(f"cannot write {path}: {_reason(exc)}") from None
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
    _fsync_dir(folder)


TEMP_SUFFIX = ".tmp"
_TEMP_NAME = re.compile(r"^\..+\.(\d+)-[^.]+\.tmp$")
_OLD_TEMP_AGE = 3600.0  # seconds: a temporary file without a pid is stale after this


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return True
    return True


def clean_stale_temps(folders: Iterable[Path]) -> list[Path]:
    """Remove temporary files left in ``folders`` by writers that were killed (their pid is
    gone, or, for names without one, older than an hour); returns what was removed."""
    removed: list[Path] = []
    now = time.time()
    for folder in folders:
        try:
            children = list(os.scandir(folder))
        except OSError:
            continue
        for entry in children:
            if not (entry.name.startswith(".") and entry.name.endswith(TEMP_SUFFIX)):
                continue
            try:
                if not entry.is_file(follow_symlinks=False):
                    continue
                match = _TEMP_NAME.match(entry.name)
                stale = (not _alive(int(match.group(1))) if match
                         else now - entry.stat(follow_symlinks=False).st_mtime > _OLD_TEMP_AGE)
                if stale:
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
            except OSError:
                continue
    return removed


LOCK_TIMEOUT = 30.0  # seconds to wait for another readerui's read-merge-write before giving up


@contextlib.contextmanager
def file_lock(path: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold an exclusive lock on ``<path>.lock`` (serialises read-merge-write cycles between
    processes and threads). filelock picks the platform's lock: ``flock`` on POSIX, ``msvcrt``
    on Windows, and a lock file created exclusively where neither exists. StoreError (one line)
    when the lock cannot be taken, or not within ``timeout`` seconds."""
    with warnings.catch_warnings():  # no fcntl: filelock warns that it falls back to a
        warnings.simplefilter("ignore")  # lock file, which is the behaviour wanted here
        from filelock import FileLock, Timeout

    lock_path = path.with_name(path.name + ".lock")
    ensure_dir(lock_path.parent)
    lock = FileLock(lock_path, timeout=timeout, mode=0o600)
    try:
        lock.acquire()
    except Timeout:
        raise StoreError(f"cannot lock {path}: another readerui has held {lock_path} for "
                         f"{timeout:g} s (if none is running, delete that file)") from None
    except OSError as exc:
        raise StoreError(f"cannot lock {path}: {_reason(exc)} ({lock_path})") from None
    try:
        yield
    finally:
        lock.release()


def aside_path(path: Path, now: datetime | None = None) -> Path:
    """A free name ``<name>.corrupt-<UTC timestamp>`` next to ``path``."""
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%S%fZ")
    candidate = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 1
    while candidate.exists() or candidate.is_symlink():
        candidate = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
        counter += 1
    return candidate


def move_aside(path: Path, problem: str, report: Callable[[str], None] = warn) -> Path | None:
    """Rename a damaged ``path`` out of the way and warn; returns the new name (None if stuck).

    When even the rename fails the file stays where it is, the warning says so, and callers still
    fall back to defaults.
    """
    target = aside_path(path)
    try:
        os.replace(path, target)
    except OSError as exc:
        report(f"{PROG}: warning: {path} {problem}; could not move it aside ({_reason(exc)}), "
               "using defaults")
        return None
    report(f"{PROG}: warning: {path} {problem}; moved it to {target.name} and using defaults")
    return target


def read_bytes_or_aside(path: Path, report: Callable[[str], None] = warn,
                       max_size: int = STORE_MAX_SIZE) -> bytes | None:
    """The bytes of ``path``; None when it is absent, or unusable (then moved aside): not a
    regular file (a folder, FIFO, device, a link to one), unreadable, or over ``max_size``."""
    if not path.exists() and not path.is_symlink():
        return None
    try:
        return read_regular(path, max_size)
    except FileProblem as problem:
        if problem.reason == "no such file" and not path.is_symlink():
            return None  # removed meanwhile
        reason = {"is a directory": "is a folder, not a file",
                  "permission denied": "cannot be read (Permission denied)"}.get(
                      problem.reason, problem.reason)
        move_aside(path, reason, report)
        return None


def parse_json(data: bytes) -> tuple[Any, str | None]:
    """(value, None) for UTF-8 JSON nested at most MAX_NESTING deep, else (None, the problem)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None, "is not UTF-8 text"
    try:
        check_nesting(text, "json")
        return json.loads(text), None
    except json.JSONDecodeError as exc:
        return None, f"is not valid JSON (line {exc.lineno} column {exc.colno}: {exc.msg})"
    except (ValueError, RecursionError) as exc:
        return None, f"is not usable JSON ({exc})"


def read_json_or_aside(path: Path, check: Callable[[Any], bool]) -> Any | None:
    """Parsed JSON of ``path`` when it exists, parses and passes ``check``; else None.

    A file that exists but is unreadable, not JSON, too deep, or of the wrong shape is moved aside.
    """
    data = read_bytes_or_aside(path)
    if data is None:
        return None
    value, problem = parse_json(data)
    if problem is not None:
        move_aside(path, problem)
        return None
    try:
        fits = check(value)
    except RecursionError:
        fits = False
    if not fits:
        move_aside(path, "does not hold what readerui expects")
        return None
    return value


def write_json(path: Path, value: Any) -> None:
    """Write ``value`` as indented JSON atomically."""
    atomic_write(path, json.dumps(value, ensure_ascii=False, indent=1) + "\n")
