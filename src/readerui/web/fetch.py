"""Fetch a web page given in place of a file: bounded, one clear line per failure, cached.

Only ``http`` and ``https`` are fetched, with at most :data:`MAX_REDIRECTS` redirects (each to
``http`` or ``https`` again), :data:`DEFAULT_TIMEOUT` seconds for the whole download, and no
more than ``max_size`` bytes (the ``--max-size`` limit that files have). Only HTML and plain text
are accepted. The bytes go into the cache (:mod:`readerui.web.cache`) and are handed on to
ingest as if they had been read from a file; a page declared in a legacy charset is re-encoded
as UTF-8 first, so that it decodes the way its server said.
"""

from __future__ import annotations

import codecs
import http.client
import re
import socket
import ssl
import time
import urllib.error
import urllib.request
from email.message import Message
from urllib.parse import urlsplit

import readerui
from readerui.errors import InputError
from readerui.web import cache, is_web_address

DEFAULT_TIMEOUT = 20.0  # seconds for connecting and downloading, all told
MAX_REDIRECTS = 5
_CHUNK = 64 * 1024
_TEXT_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain", "text/markdown",
                         "text/x-markdown"})
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""",
                           re.IGNORECASE)


class FetchError(InputError):
    """A page cannot be fetched or used; the message is one line naming the address."""


class _BoundedRedirects(urllib.request.HTTPRedirectHandler):
    """Follows at most MAX_REDIRECTS redirects, and only to http or https."""

    max_redirections = MAX_REDIRECTS
    max_repeats = 1  # the same address twice is a loop

    def redirect_request(self, req: urllib.request.Request, fp: object, code: int, msg: str,
                         headers: Message, newurl: str) -> urllib.request.Request | None:
        scheme = urlsplit(newurl).scheme.lower()
        if scheme not in ("http", "https"):
            raise FetchError(f"{req.full_url}: redirected to a {scheme or 'relative'} address; "
                             "only http and https are fetched")
        return super().redirect_request(req, fp, code, msg, headers, newurl)  # type: ignore[arg-type]


def _human_size(size: int) -> str:
    from readerui.safefile import human_size

    return human_size(size)


def _opener() -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(_BoundedRedirects())


def _reason(exc: BaseException, timeout: float) -> str:
    """What went wrong, in words, for the usual network failures."""
    if isinstance(exc, urllib.error.URLError) and not isinstance(exc, urllib.error.HTTPError):
        inner = exc.reason
        if isinstance(inner, BaseException):
            return _reason(inner, timeout)
        return f"cannot connect ({inner})"
    if isinstance(exc, socket.gaierror):
        return "cannot find the host (DNS lookup failed)"
    if isinstance(exc, TimeoutError | socket.timeout):
        return f"no answer within {timeout:g} s (timed out)"
    if isinstance(exc, ConnectionRefusedError):
        return "the host refused the connection"
    if isinstance(exc, ssl.SSLCertVerificationError):
        return f"its certificate is not valid ({exc.verify_message})"
    if isinstance(exc, ssl.SSLError):
        return f"secure connection failed ({exc.reason or exc})"
    if isinstance(exc, http.client.HTTPException):
        return f"the server's answer is not valid HTTP ({type(exc).__name__})"
    if isinstance(exc, OSError):
        return f"connection failed ({exc.strerror or type(exc).__name__})"
    return f"cannot fetch it ({type(exc).__name__})"


def _media_type(headers: Message) -> tuple[str, str | None]:
    """The Content-Type's media type (lower case, '' when absent) and its charset."""
    if headers.get("Content-Type") is None:
        return "", None
    return headers.get_content_type().lower(), headers.get_content_charset()


def _as_utf8(data: bytes, charset: str | None) -> bytes:
    """``data`` re-encoded as UTF-8 when it is not UTF-8 and its charset (from the header, else
    a ``<meta charset>``) is known and decodes it; else ``data`` unchanged."""
    try:
        data.decode("utf-8")
        return data
    except UnicodeDecodeError:
        pass
    if charset is None:
        found = _META_CHARSET.search(data, 0, 4096)
        charset = found.group(1).decode("ascii") if found else None
    if not charset:
        return data
    try:
        return data.decode(codecs.lookup(charset).name).encode("utf-8")
    except (LookupError, UnicodeDecodeError):
        return data


def _download(address: str, max_size: int, timeout: float) -> tuple[bytes, str]:
    """The body and media type of ``address``; FetchError with one line on any failure."""
    deadline = time.monotonic() + timeout
    request = urllib.request.Request(address, headers={
        "User-Agent": f"readerui/{readerui.__version__} (article reader)",
        "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9",
        "Accept-Encoding": "identity",
    })
    too_big = f"over the {_human_size(max_size)} limit (use --max-size)"
    try:
        with _opener().open(request, timeout=timeout) as response:
            media, charset = _media_type(response.headers)
            if media and media not in _TEXT_TYPES:
                raise FetchError(f"{address}: is {media}, not an HTML page or text")
            length = response.headers.get("Content-Length", "")
            if length.isdigit() and int(length) > max_size:
                raise FetchError(f"{address}: is {_human_size(int(length))}, {too_big}")
            chunks: list[bytes] = []
            size = 0
            while True:
                if time.monotonic() > deadline:
                    raise TimeoutError
                chunk = response.read1(_CHUNK) if hasattr(response, "read1") else \
                    response.read(_CHUNK)
                if not chunk:
                    break
                size += len(chunk)
                if size > max_size:
                    raise FetchError(f"{address}: is more than {_human_size(max_size)}, "
                                     f"{too_big}")
                chunks.append(chunk)
    except FetchError:
        raise
    except urllib.error.HTTPError as exc:
        target = urlsplit(str(exc.filename or "")).scheme.lower()
        if 300 <= exc.code < 400 and target not in ("http", "https"):  # urllib's own refusal
            raise FetchError(f"{address}: redirected to a {target or 'relative'} address; only "
                             "http and https are fetched") from None
        if 300 <= exc.code < 400:
            raise FetchError(f"{address}: too many redirects (more than {MAX_REDIRECTS}, or a "
                             "loop)") from None
        raise FetchError(f"{address}: the server answered HTTP {exc.code} "
                         f"{exc.reason}".rstrip()) from None
    except ValueError as exc:  # urllib's word for a malformed address
        raise FetchError(f"{address}: not a valid web address ({exc})") from None
    except (OSError, http.client.HTTPException) as exc:
        raise FetchError(f"{address}: {_reason(exc, timeout)}") from None
    if not size:
        raise FetchError(f"{address}: the page is empty")
    return _as_utf8(b"".join(chunks), charset), media


def fetch(address: str, max_size: int, timeout: float = DEFAULT_TIMEOUT,
          use_cache: bool = True) -> bytes:
    """The bytes of the page at ``address`` (http or https), from the cache when fetched in the
    last hour, else from the network (then cached). FetchError (one line) when it cannot be had.
    """
    if not is_web_address(address):
        scheme = address.split(":", 1)[0]
        raise FetchError(f"{address}: {scheme}:// addresses are not fetched; only http and "
                         "https (save the page and give the file)")
    if not urlsplit(address).hostname:
        raise FetchError(f"{address}: not a valid web address (no host)")
    if use_cache:
        found = cache.lookup(address, max_size)
        if found is not None:
            return found.data
    data, media = _download(address, max_size, timeout)
    if use_cache:
        cache.store(address, data, media)
    return data
