"""Web input: pages fetched from a local HTTP server on 127.0.0.1 (never anywhere else), the
one-line failures, the page cache, and the trafilatura extractor of ``readerui[web]``."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from readerui import cli
from readerui.errors import InputError
from readerui.web import as_input, cache, is_address
from readerui.web.fetch import FetchError, fetch

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_A = ROOT / "sample_texts" / "mfa_readout.txt"
SAMPLE_B = ROOT / "sample_texts" / "xinhua_report.txt"

ARTICLE = (
    "<!DOCTYPE html><html><head><title>Talks end | Example News</title></head><body>"
    "<nav><a href='/'>Home</a> <a href='/w'>World</a> <a href='/s'>Sport</a></nav>"
    "<article><h1>Talks end without a deal</h1>"
    "<p>Negotiators from both countries left the capital on Tuesday without a deal.</p>"
    "<p>The talks began on Monday and were the first in more than a year.</p>"
    "<p>&ldquo;We will return next month,&rdquo; one delegate said after the meeting.</p>"
    "</article><footer>Subscribe to our newsletter for more news every day</footer>"
    "</body></html>"
)


class _Handler(BaseHTTPRequestHandler):
    """Routes of the test server; each request is counted by path."""

    hits: dict[str, int] = {}
    release = threading.Event()

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def _send(self, status: int, body: bytes, content_type: str | None = "text/html; "
              "charset=utf-8", headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        path = self.path.split("?")[0]
        type(self).hits[path] = type(self).hits.get(path, 0) + 1
        if path == "/article.html":
            self._send(200, ARTICLE.encode("utf-8"))
        elif path in ("/a.txt", "/b.txt"):
            sample = SAMPLE_A if path == "/a.txt" else SAMPLE_B
            self._send(200, sample.read_bytes(), "text/plain; charset=utf-8")
        elif path == "/latin1":
            page = ARTICLE.replace("Tuesday", "mardi à Genève")
            self._send(200, page.encode("cp1252"), "text/html; charset=windows-1252")
        elif path == "/missing":
            self._send(404, b"<p>no</p>")
        elif path == "/loop":
            self._send(302, b"", headers={"Location": "/loop2"})
        elif path == "/loop2":
            self._send(302, b"", headers={"Location": "/loop"})
        elif path == "/to-file":
            self._send(302, b"", headers={"Location": "file:///etc/passwd"})
        elif path == "/moved":
            self._send(301, b"", headers={"Location": "/article.html"})
        elif path == "/binary":
            self._send(200, bytes(range(256)) * 8, "application/octet-stream")
        elif path == "/big":
            self._send(200, b"<p>" + b"x" * 200_000 + b"</p>")
        elif path == "/big-no-length":  # no Content-Length: the limit applies while reading
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(50):
                self.wfile.write(b"<p>" + b"y" * 10_000 + b"</p>")
        elif path == "/stall":  # accepts, then says nothing until released (bounded)
            type(self).release.wait(10)
        elif path == "/drip":  # answers, then sends a byte every 0.1 s for up to 10 s
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline and not type(self).release.is_set():
                try:
                    self.wfile.write(b"x")
                    self.wfile.flush()
                except OSError:
                    return
                time.sleep(0.1)
        else:
            self._send(404, b"")


class _QuietServer(ThreadingHTTPServer):
    """The test server: a client that hangs up early (a page over the size limit) is expected,
    so socketserver's report of it on stderr would only blur what the CLI printed there."""

    def handle_error(self, request, client_address) -> None:  # type: ignore[no-untyped-def]
        pass


@pytest.fixture
def server() -> Iterator[str]:
    """A threaded HTTP server on 127.0.0.1; yields its base address."""
    _Handler.hits = {}
    _Handler.release = threading.Event()
    httpd = _QuietServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        _Handler.release.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join(10)


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


# ------------------------------------------------------------------ addresses


def test_addresses_are_told_from_file_names() -> None:
    assert is_address("https://example.org/a") and is_address("HTTP://x/y")
    assert is_address("ftp://host/file")  # refused by fetch, not read as a file
    for name in ("a.txt", "./http://x", "C://x", "dir/https://y", "https:/one-slash"):
        assert not is_address(name), name
    assert as_input("https://x/a//b") == "https://x/a//b"  # not folded by Path
    assert as_input("a.txt") == Path("a.txt")


# ------------------------------------------------------------------ success


def test_align_two_addresses_reads_them_like_files(server: str, capsys) -> None:
    code, by_url, err = run_cli(capsys, "align", "--json", f"{server}/a.txt", f"{server}/b.txt")
    assert code == 0, err
    code, by_file, err = run_cli(capsys, "align", "--json", str(SAMPLE_A), str(SAMPLE_B))
    assert code == 0, err
    url_obj, file_obj = json.loads(by_url), json.loads(by_file)
    assert url_obj["a"]["path"] == f"{server}/a.txt"  # the address, as given
    for side in ("a", "b"):
        url_obj[side]["path"] = file_obj[side]["path"]
    assert url_obj == file_obj


def test_html_page_by_address_is_the_article(server: str, capsys) -> None:
    code, out, err = run_cli(capsys, "align", "--json", f"{server}/article.html",
                             f"{server}/moved")
    assert code == 0, err
    obj = json.loads(out)
    texts = [s["text"] for s in obj["a"]["sentences"]]
    assert obj["a"]["title"] == "Talks end without a deal"
    assert any(t.startswith("Negotiators from both countries") for t in texts)
    assert not any("Home" in t or "newsletter" in t for t in texts)
    assert obj["b"]["sentences"] == obj["a"]["sentences"]  # one redirect followed


def test_page_in_a_legacy_charset_is_decoded_as_declared(server: str) -> None:
    from readerui.ingest.load import load

    cleaned = load(f"{server}/latin1")
    assert "mardi à Genève" in cleaned.text


# ------------------------------------------------------------------ failures


@pytest.mark.parametrize(("path", "args", "expected"), [
    ("/missing", (), "the server answered HTTP 404 Not Found"),
    ("/loop", (), "too many redirects"),
    ("/to-file", (), "redirected to a file address; only http and https are fetched"),
    ("/binary", (), "is application/octet-stream, not an HTML page or text"),
    ("/big", ("--max-size", "100k"), "is 195.3 KB, over the 100 KB limit (use --max-size)"),
    ("/big-no-length", ("--max-size", "100k"), "is more than 100 KB, over the 100 KB limit"),
])
def test_each_failure_is_one_line(server: str, capsys, path: str, args: tuple[str, ...],
                                  expected: str) -> None:
    code, out, err = run_cli(capsys, "align", *args, f"{server}{path}", str(SAMPLE_B))
    assert code != 0 and out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"readerui: error: {server}{path}: ")
    assert expected in err


def test_refused_connection_is_one_line(capsys) -> None:
    with socket.socket() as sock:  # a port that was free a moment ago: nothing listens there
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    code, _, err = run_cli(capsys, "align", f"http://127.0.0.1:{port}/x", str(SAMPLE_B))
    assert code != 0 and err.count("\n") == 1
    assert "the host refused the connection" in err


def test_unknown_host_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_such_host(*args: object, **kwargs: object) -> None:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)  # no real DNS query is made
    with pytest.raises(FetchError, match=r"cannot find the host \(DNS lookup failed\)$"):
        fetch("http://no-such-host.invalid/page", 1_000_000)


def test_other_schemes_are_refused_not_read_as_files(capsys) -> None:
    code, _, err = run_cli(capsys, "align", "ftp://127.0.0.1/a.txt", str(SAMPLE_B))
    assert code != 0 and "ftp:// addresses are not fetched; only http and https" in err


@pytest.mark.parametrize("path", ["/stall", "/drip"])
def test_a_stalling_server_is_given_up_on_in_bounded_time(server: str, path: str) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"no answer within 0\.5 s \(timed out\)"):
        fetch(f"{server}{path}", 1_000_000, timeout=0.5)
    assert time.monotonic() - started < 5  # 0.5 s for the whole download, plus one read


def test_fetch_failure_is_an_input_error() -> None:
    assert issubclass(FetchError, InputError)


# ------------------------------------------------------------------ cache


def test_a_fetched_page_is_cached_and_verified(server: str) -> None:
    address = f"{server}/article.html"
    first = fetch(address, 1_000_000)
    assert fetch(address, 1_000_000) == first
    assert _Handler.hits["/article.html"] == 1  # the second came from the cache
    (page,) = (cache._folder(None) / "pages").iterdir()
    assert page.read_bytes() == first
    page.write_bytes(first.replace(b"Negotiators", b"<script>x</script>"))  # tampered with
    assert fetch(address, 1_000_000) == first  # not trusted: fetched again
    assert _Handler.hits["/article.html"] == 2
    assert page.read_bytes() == first


def test_a_stale_page_is_fetched_again(server: str) -> None:
    address = f"{server}/article.html"
    data = fetch(address, 1_000_000)
    cache.store(address, data, "text/html", now=time.time() - 2 * cache.FRESH_SECONDS)
    fetch(address, 1_000_000)
    assert _Handler.hits["/article.html"] == 2


def test_a_cached_page_over_the_limit_is_not_served(server: str) -> None:
    address = f"{server}/article.html"
    fetch(address, 1_000_000)
    with pytest.raises(FetchError, match="over the 100 bytes limit"):
        fetch(address, 100)


# ------------------------------------------------------------------ extractors


def test_builtin_extractor_without_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    from readerui.ingest.html import html_to_text as builtin
    from readerui.web import extract

    monkeypatch.setenv(extract.ENV_VAR, "builtin")
    assert extract.extractor_name() == "builtin"
    assert extract.html_to_text(ARTICLE) == builtin(ARTICLE)


def test_trafilatura_extracts_the_article(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("trafilatura")
    from readerui.ingest.load import clean
    from readerui.web import extract

    monkeypatch.delenv(extract.ENV_VAR)
    assert extract.extractor_name().startswith("trafilatura ")
    text = extract.html_to_text(ARTICLE)
    assert text == extract.trafilatura_to_text(ARTICLE)
    paragraphs = text.strip().split("\n\n")
    assert paragraphs[0] == "Talks end without a deal"
    assert "Negotiators from both countries left the capital on Tuesday without a deal." in \
        paragraphs
    assert not any("Home" in p or "newsletter" in p for p in paragraphs)
    cleaned = clean(text, "page.html")
    assert cleaned.meta.title == "Talks end without a deal"


def test_trafilatura_finding_nothing_falls_back(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("trafilatura")
    from readerui.ingest.html import html_to_text as builtin
    from readerui.web import extract

    monkeypatch.delenv(extract.ENV_VAR)
    bare = "<html><body><p>Short.</p></body></html>"
    assert extract.html_to_text(bare) == (extract.trafilatura_to_text(bare) or builtin(bare))


def test_old_pages_are_pruned_and_cache_clear_removes_pages(server: str, capsys) -> None:
    import os

    old_address, address = f"{server}/a.txt", f"{server}/article.html"
    fetch(old_address, 1_000_000)
    folder = cache._folder(None)
    long_ago = time.time() - 2 * cache.KEEP_SECONDS
    for path in [*(folder / "pages").iterdir(), *(folder / "addresses").iterdir()]:
        os.utime(path, (long_ago, long_ago))
    fetch(address, 1_000_000)
    assert len(list((folder / "pages").iterdir())) == 1  # the old page went
    assert cache.lookup(old_address, 1_000_000) is None
    assert cli.main(["cache", "clear"]) == 0
    assert "removed" in capsys.readouterr().out
    assert not list((folder / "pages").iterdir()) and not list((folder / "addresses").iterdir())


def test_a_page_by_address_through_trafilatura(server: str, capsys,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("trafilatura")
    from readerui.web import extract

    monkeypatch.delenv(extract.ENV_VAR)
    code, out, err = run_cli(capsys, "align", "--json", "--no-cache", f"{server}/article.html",
                             str(SAMPLE_B))
    assert code == 0, err
    sentences = [s["text"] for s in json.loads(out)["a"]["sentences"]]
    assert sentences[0] == "Talks end without a deal"
    assert "“We will return next month,” one delegate said after the meeting." in sentences
    assert not any("Home" in s or "newsletter" in s for s in sentences)
