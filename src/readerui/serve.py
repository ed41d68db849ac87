"""``readerui serve``: the reader in a web browser, through textual-serve (``readerui[serve]``).

textual-serve runs a small web server; each browser tab that opens its page starts the reader
as a subprocess (the command built here) and talks to it over a websocket. The server listens
on 127.0.0.1 unless told otherwise: anyone who reaches the port can use the reader, read both
accounts and write notes, and there is no password, so binding elsewhere prints a warning.
"""

from __future__ import annotations

import html
import os
import re
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from readerui.errors import ReaderError

PROG = "readerui"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def is_loopback(host: str) -> bool:
    """True when ``host`` is this machine alone (127.0.0.0/8, ::1, localhost)."""
    if host.lower() == "localhost":
        return True
    import ipaddress  # here: the CLI reads this module's defaults for --help

    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:  # a host name: it may resolve anywhere
        return False


def exposure_warning(host: str, port: int) -> str | None:
    """The warning for serving on ``host``, or None when it is the loopback."""
    if is_loopback(host):
        return None
    return (f"{PROG}: warning: serving on {host}, not on this machine alone: anyone who can "
            f"reach port {port} can open the reader, read both accounts and write notes, with "
            f"no password; use --host {DEFAULT_HOST} unless you mean it")


def public_url(host: str, port: int) -> str:
    """The address a browser on this machine opens for ``host``:``port``."""
    shown = "127.0.0.1" if host in ("0.0.0.0", "") else host
    if shown == "::":
        shown = "::1"
    if ":" in shown and not shown.startswith("["):
        shown = f"[{shown}]"
    return f"http://{shown}:{port}"


def reader_command(arguments: Sequence[str]) -> str:
    """The shell command that starts the reader with ``arguments`` (this Python, this
    readerui), quoted for the platform's shell, as textual-serve runs it."""
    words = [sys.executable, "-m", "readerui", *arguments]
    if os.name == "nt":
        import subprocess

        return subprocess.list2cmdline(words)
    import shlex

    return shlex.join(words)


# textual-serve's page links a web font from a third-party server, which a browser would fetch
# on every open: readerui fetches nothing the user did not ask for, so the page is served
# without it (the terminal falls back to the browser's monospace font).
_WEB_FONT = re.compile(r"<link\b[^>]*fonts\.googleapis\.com[^>]*>\s*", re.IGNORECASE)
_HEAD = re.compile(r"<head>", re.IGNORECASE)


def page_template(upstream: str, title: str) -> str:
    """textual-serve's page template ``upstream`` with a ``<title>`` (the browser tab's name;
    textual-serve's page has none) and without the third-party web font."""
    page = _WEB_FONT.sub("", upstream)
    if "<title>" not in page.lower():
        page = _HEAD.sub(lambda m: f"{m.group(0)}\n    <title>{html.escape(title)}</title>",
                         page, count=1)
    return page


def _templates(title: str, folder: Path) -> Path | None:
    """A templates folder in ``folder`` holding textual-serve's page as ``page_template`` makes
    it, or None (textual-serve's own is used) when its template cannot be read."""
    import textual_serve

    upstream = Path(textual_serve.__file__).parent / "templates" / "app_index.html"
    try:
        text = upstream.read_text(encoding="utf-8")
    except OSError:
        return None
    (folder / "app_index.html").write_text(page_template(text, title), encoding="utf-8")
    return folder


def serve(command: str, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
          url: str | None = None, title: str = PROG) -> int:
    """Serve ``command`` (the reader) to browsers until Ctrl-C; returns the exit status.
    ReaderError (one line) when textual-serve is not installed."""
    try:
        from textual_serve.server import Server
    except ImportError:
        raise ReaderError(f"'{PROG} serve' needs textual-serve: pip install "
                          f"'{PROG}[serve]'") from None
    warning = exposure_warning(host, port)
    if warning:
        print(warning, file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="readerui-serve-") as folder:
        templates = _templates(title, Path(folder))
        extra = {} if templates is None else {"templates_path": templates}
        server = Server(command, host=host, port=port, title=title,
                        public_url=url or public_url(host, port), **extra)
        server.serve()
    return 0
