"""Standard input as one of the accounts: ``-`` in place of a file name.

Standard input can be read only once, so its bytes are read at the first use, up to the size
limit, and kept for the rest of the run: the reading's identity (notes, saved place), the cache
key and ingest all see the same bytes. It is not remembered in the recent list (it cannot be
opened again). Nothing here imports more than the standard library.
"""

from __future__ import annotations

import sys
from pathlib import Path

from readerui.errors import InputError
from readerui.safefile import human_size

STDIN = "-"  # the name that means standard input on the command line
SHOWN = "standard input"  # how messages name it

_data: bytes | None = None  # what was read: at most the limit of the first read, plus 1
_cut = False  # standard input held more than that


def is_stdin(name: str | Path) -> bool:
    """True for ``-`` given as a string (``Path("-")`` or ``./-`` is a file called ``-``)."""
    return isinstance(name, str) and name == STDIN


def stdin_bytes(max_size: int) -> bytes:
    """The bytes of standard input, read once (later calls return the same bytes); InputError
    (one line) when it holds more than ``max_size`` bytes or cannot be read."""
    global _data, _cut
    if _data is None:
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:
            raise InputError(f"{SHOWN}: is closed")
        if stream.isatty():
            print("readerui: reading the account from standard input (end it with Ctrl-D, "
                  "or Ctrl-Z then Enter on Windows)", file=sys.stderr)
        try:
            _data = stream.read(max_size + 1)
            _cut = len(_data) > max_size
        except OSError as exc:
            raise InputError(f"{SHOWN}: cannot read it ({exc.strerror or exc})") from None
        except ValueError:  # closed
            raise InputError(f"{SHOWN}: is closed") from None
    if _cut or len(_data) > max_size:
        raise InputError(f"{SHOWN}: is more than {human_size(max_size)}, over the limit "
                         "(use --max-size)")
    return _data


def forget() -> None:
    """Forget what was read (for tests that run several commands in one process)."""
    global _data, _cut
    _data, _cut = None, False
