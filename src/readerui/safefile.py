"""Opening a file readerui did not write: only a regular file, only up to a size, never a hang.

Every file readerui reads (documents, config.toml, the topic lexicon, state, notes, cache entries,
batch lists) goes through :func:`read_regular`: links are resolved, then the file must be a
regular file both before opening (``stat``) and after (``fstat`` of the opened descriptor, so a
swap in between is caught); it is opened with ``O_NONBLOCK`` so a FIFO or a device can never block
the open, and read only up to ``max_size``. :func:`check_nesting` refuses JSON or TOML nested
deeper than :data:`MAX_NESTING` before a recursive parser sees it.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from readerui import lazyre as re  # patterns compiled on first use
from readerui.errors import ReaderError

MAX_NESTING = 64  # arrays/tables/objects inside each other in a store file, config or lexicon
STORE_MAX_SIZE = 16 * 1024 * 1024  # config, state, notes, lexicon files: far above real use
_MB = 1024 * 1024


class FileProblem(ReaderError):
    """A file that cannot be read as asked; ``reason`` is the short why ("is a FIFO", ...)."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason


def human_size(size: int) -> str:
    """A byte count as "3 bytes", "4.5 KB" or "20 MB"."""
    if size >= _MB:
        return f"{size / _MB:.1f}".removesuffix(".0") + " MB"
    if size >= 1024:
        return f"{size / 1024:.1f}".removesuffix(".0") + " KB"
    return f"{size} bytes"


def _kind(mode: int) -> str:
    """What a non-regular file is, in words."""
    if stat.S_ISDIR(mode):
        return "is a directory"
    if stat.S_ISFIFO(mode):
        return "is a FIFO (named pipe), not a regular file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a regular file"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a regular file"
    return "is not a regular file"


def _reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return f"cannot read it ({exc.strerror or exc.__class__.__name__})"


def regular_stat(path: str | Path, name: str | None = None) -> os.stat_result:
    """``os.stat`` of ``path`` (links followed); FileProblem unless it is a regular file."""
    shown = str(path) if name is None else name
    try:
        info = os.stat(path)
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the name
        raise FileProblem(shown, _reason(exc) if isinstance(exc, OSError)
                          else "is not a usable file name") from None
    if not stat.S_ISREG(info.st_mode):
        raise FileProblem(shown, _kind(info.st_mode))
    return info


def too_big(size: int, limit: int, hint: str) -> str:
    """The reason text for a file over ``limit``."""
    return (f"is {human_size(size)}, over the {human_size(limit)} limit"
            + (f" ({hint})" if hint else ""))


PIPE_IDLE_SECONDS = 30.0  # an anonymous pipe that sends nothing for this long is given up


def _anonymous_pipe(path: str | Path) -> bool:
    """True for a shell's process substitution, ``<(command)``: a /dev/fd (or /proc/*/fd) link
    to an unnamed pipe. A named FIFO on disk is not one (it could block forever)."""
    text = str(path)
    if not (text.startswith(("/dev/fd/", "/proc/self/fd/")) or "/fd/" in text[:24]):
        return False
    try:
        return os.readlink(path).startswith("pipe:")
    except OSError:
        return False


def _read_pipe(path: str | Path, max_size: int, shown: str, size_hint: str,
               idle: float) -> bytes:
    """Read an anonymous pipe to its end, up to ``max_size``, giving up after ``idle`` seconds
    without data."""
    import select

    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise FileProblem(shown, _reason(exc)) from None
    chunks: list[bytes] = []
    total = 0
    try:
        while total <= max_size:
            ready, _, _ = select.select([fd], [], [], idle)
            if not ready:
                raise FileProblem(shown, f"the pipe sent nothing for {idle:.0f} s")
            try:
                chunk = os.read(fd, 1 << 20)
            except BlockingIOError:
                continue
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as exc:
        raise FileProblem(shown, _reason(exc)) from None
    finally:
        os.close(fd)
    if total > max_size:
        raise FileProblem(shown, f"is more than {human_size(max_size)}, over the limit"
                          + (f" ({size_hint})" if size_hint else ""))
    return b"".join(chunks)


def read_regular(path: str | Path, max_size: int, name: str | None = None,
                 size_hint: str = "", allow_pipe: bool = False,
                 pipe_idle: float = PIPE_IDLE_SECONDS) -> bytes:
    """The bytes of a regular file of at most ``max_size`` bytes; FileProblem (one line) else.

    Never blocks on a FIFO or device and never reads more than ``max_size + 1`` bytes, even from
    a file that grows while it is read. With ``allow_pipe`` (documents), a shell's ``<(command)``
    is read too, giving up after ``pipe_idle`` seconds without data; a named FIFO never is.
    """
    shown = str(path) if name is None else name
    if allow_pipe and _anonymous_pipe(path):
        return _read_pipe(path, max_size, shown, size_hint, pipe_idle)
    info = regular_stat(path, shown)
    if info.st_size > max_size:
        raise FileProblem(shown, too_big(info.st_size, max_size, size_hint))
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    flags |= getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise FileProblem(shown, _reason(exc)) from None
    try:
        opened = os.fstat(fd)
        if not stat.S_ISREG(opened.st_mode):  # swapped for a FIFO or device since the stat
            raise FileProblem(shown, _kind(opened.st_mode))
        if opened.st_size > max_size:
            raise FileProblem(shown, too_big(opened.st_size, max_size, size_hint))
        chunks: list[bytes] = []
        left = max_size + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as exc:
        raise FileProblem(shown, _reason(exc)) from None
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > max_size:
        raise FileProblem(shown, f"is more than {human_size(max_size)}, over the limit"
                          + (f" ({size_hint})" if size_hint else ""))
    return data


_JSON_MARKS = re.compile(r'[\[\]{}"]')
_TOML_MARKS = re.compile(r"""[\[\]{}"'#]""")
_STRING_END = {'"': re.compile(r'(?:[^"\\\n]|\\.)*(?:"|$)', re.M),
               "'": re.compile(r"[^'\n]*(?:'|$)", re.M)}


def check_nesting(text: str, kind: str, limit: int = MAX_NESTING) -> None:
    """ValueError when arrays/objects/tables in ``text`` (JSON or TOML) nest deeper than
    ``limit``; strings (and TOML comments) are skipped, so brackets inside them do not count."""
    toml = kind == "toml"
    marks = _TOML_MARKS if toml else _JSON_MARKS
    depth, at, n = 0, 0, len(text)
    while at < n:
        found = marks.search(text, at)
        if found is None:
            return
        ch, at = found.group(), found.end()
        if ch in "[{":
            depth += 1
            if depth > limit:
                raise ValueError(f"nested more than {limit} levels deep")
        elif ch in "]}":
            depth = max(0, depth - 1)
        elif ch == "#":
            end = text.find("\n", at)
            at = n if end < 0 else end
        elif toml and text.startswith(ch * 2, at):  # a multi-line string
            end = text.find(ch * 3, at + 2)
            at = n if end < 0 else end + 3
        else:
            closing = _STRING_END[ch].match(text, at)
            at = n if closing is None else closing.end()  # None: a backslash ends the text
