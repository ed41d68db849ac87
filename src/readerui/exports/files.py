"""Writing a report to a file: the output path is checked (never an input, a directory, device or
FIFO), the format taken from the suffix unless given, and the file written atomically."""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from readerui.model import Analysis, Collation

if TYPE_CHECKING:
    from readerui.settings import Settings
    from readerui.store.notes import Note

def check_output(target: Path, inputs: Sequence[str | Path] = ()) -> None:
    """Refuse (StoreError, one line) an output path that is one of ``inputs`` (however named:
    links, relative paths), a directory, a device, a FIFO or anything but a regular file."""
    from readerui.store.atomic import StoreError

    if not target.name:
        raise StoreError(f"cannot write {target}: not a file name")
    try:
        info = os.stat(target)  # links followed: what would be written to
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise StoreError(f"cannot write {target}: {exc.strerror or exc}") from None
    if info is not None and not stat.S_ISREG(info.st_mode):
        what = ("a directory" if stat.S_ISDIR(info.st_mode) else "a FIFO"
                if stat.S_ISFIFO(info.st_mode) else "a device"
                if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode)
                else "not a regular file")
        raise StoreError(f"will not write the report to {target}: it is {what}")
    real = os.path.realpath(target)
    for source in inputs:
        same = os.path.realpath(source) == real
        if not same and info is not None:
            with contextlib.suppress(OSError):
                same = os.path.samefile(source, target)
        if same:
            raise StoreError(f"will not write the report to {target}: it is an input "
                             f"({source}); choose another -o")
    if not target.parent.is_dir():
        # The user's own path: report a missing folder instead of creating it.
        raise StoreError(f"cannot write {target}: no such folder {target.parent}")


def write_export(analysis: Analysis, path: str | Path, fmt: str | None = None,
                 notes: Sequence[Note] = (), settings: Settings | None = None,
                 inputs: Sequence[str | Path] = ()) -> Path:
    """Write a report to ``path`` atomically (a temporary file next to it, then a rename;
    format from the suffix unless given), readable by all (0644). StoreError (one line) when it
    cannot be written, or when ``path`` is one of ``inputs``, a directory, device or FIFO. Used
    by ``readerui export`` and the reader's export."""
    from readerui.exports.registry import format_of, render
    from readerui.store.atomic import atomic_write

    target = Path(path)
    check_output(target, [*inputs, *(p for p in (analysis.a.path, analysis.b.path) if p)])
    text = render(analysis, fmt or format_of(target), notes, settings)
    atomic_write(target, text, mode=0o644)
    return target


def write_collation_export(collation: Collation, path: str | Path, fmt: str | None = None,
                           notes: Sequence[Note] = (), inputs: Sequence[str | Path] = ()
                           ) -> Path:
    """:func:`write_export` for a reading of several accounts: the claims formats only
    (:data:`readerui.exports.registry.COLLATION_FORMATS`)."""
    from readerui.exports.registry import format_of, render_collation
    from readerui.store.atomic import atomic_write

    target = Path(path)
    check_output(target, [*inputs, *(d.path for d in collation.documents if d.path)])
    text = render_collation(collation, fmt or format_of(target), notes)
    atomic_write(target, text, mode=0o644)
    return target
