"""``readerui serve``: the reader in a browser through textual-serve. The command it serves, the
warning when it listens beyond this machine, one-line errors, and a real headless Chromium that
opens the page and whose keys reach the reader."""

from __future__ import annotations

import asyncio
import json
import os
import shlex
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from readerui import store
from readerui.cli import main
from readerui.lifecycle import Reading
from readerui.serve import exposure_warning, is_loopback, page_template, public_url
from readerui.settings import Settings

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DEADLINE = 60.0  # seconds for any one thing the browser test waits for


def has(module: str) -> bool:
    try:
        __import__(module)
    except ImportError:
        return False
    return True


@pytest.fixture()
def pair(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("The council approved the budget on Monday.\nThe mayor praised it.\n"
                 "Protesters gathered outside.\n")
    b.write_text("On Monday the budget was approved by the council.\nThe vote was close.\n")
    return a, b


class FakeServer:
    """Stands in for textual_serve.server.Server: records what it was given."""

    made: list[dict[str, Any]] = []

    def __init__(self, command: str, **options: Any) -> None:
        FakeServer.made.append({"command": command, **options})

    def serve(self) -> None:
        pass


@pytest.fixture()
def fake_server(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    pytest.importorskip("textual_serve")
    import textual_serve.server

    FakeServer.made = []
    monkeypatch.setattr(textual_serve.server, "Server", FakeServer)
    return FakeServer.made


def test_loopback_and_the_warning() -> None:
    for host in ("127.0.0.1", "127.4.5.6", "::1", "[::1]", "localhost"):
        assert is_loopback(host) and exposure_warning(host, 8000) is None
    for host in ("0.0.0.0", "::", "192.168.1.5", "example.org"):
        warning = exposure_warning(host, 8000)
        assert warning is not None and host in warning and "8000" in warning
    assert public_url("127.0.0.1", 80) == "http://127.0.0.1:80"
    assert public_url("::1", 8000) == "http://[::1]:8000"
    assert public_url("0.0.0.0", 8000) == "http://127.0.0.1:8000"


def test_serve_runs_the_reader_command_on_127_0_0_1(
        pair: tuple[Path, Path], fake_server: list[dict[str, Any]],
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = pair
    monkeypatch.chdir(a.parent)
    assert main(["serve", "--lines", "--port", "8123", "a.txt", str(b)]) == 0
    assert capsys.readouterr().err == ""  # no warning on the loopback
    (made,) = fake_server
    assert made["host"] == "127.0.0.1" and made["port"] == 8123
    assert made["public_url"] == "http://127.0.0.1:8123"
    words = shlex.split(made["command"])
    assert words[:3] == [sys.executable, "-m", "readerui"]
    assert words[3:] == ["--lines", "--", str(a), str(b)]  # absolute: tabs start anywhere


def test_serving_beyond_this_machine_warns(pair: tuple[Path, Path],
                                          fake_server: list[dict[str, Any]],
                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--host", "0.0.0.0", *map(str, pair)]) == 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("readerui: warning: serving on 0.0.0.0")
    assert fake_server[0]["host"] == "0.0.0.0"


def test_bad_input_and_usage_are_one_line_before_any_server(
        pair: tuple[Path, Path], fake_server: list[dict[str, Any]], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", str(tmp_path / "missing.txt"), str(pair[1])]) == 1
    assert "missing.txt" in capsys.readouterr().err
    for args in (["-", str(pair[1])], ["--port", "70000", *map(str, pair)], [str(pair[0])]):
        with pytest.raises(SystemExit) as stop:
            main(["serve", *args])
        assert stop.value.code == 2 and capsys.readouterr().err.count("\n") == 1
    assert fake_server == []


def test_without_textual_serve_is_one_line(pair: tuple[Path, Path],
                                           monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, "textual_serve", None)
    monkeypatch.setitem(sys.modules, "textual_serve.server", None)
    assert main(["serve", *map(str, pair)]) == 1
    assert capsys.readouterr().err == ("readerui: error: 'readerui serve' needs textual-serve: "
                                       "pip install 'readerui[serve]'\n")


# --- a real browser ---------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(test: Any, what: str, timeout: float = DEADLINE) -> Any:
    """``test()``'s first true value, polled; fails after ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while True:
        value = test()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)


def listening(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(1)
        return sock.connect_ex(("127.0.0.1", port)) == 0


class DevTools:
    """The Chrome DevTools Protocol over one page's websocket (aiohttp's client)."""

    def __init__(self, websocket: Any) -> None:
        self.websocket = websocket
        self.next_id = 0

    async def call(self, method: str, **params: Any) -> dict[str, Any]:
        self.next_id += 1
        await self.websocket.send_json({"id": self.next_id, "method": method, "params": params})
        while True:
            message = await asyncio.wait_for(self.websocket.receive_json(), DEADLINE)
            if message.get("id") == self.next_id:
                assert "error" not in message, message
                return message.get("result", {})

    async def evaluate(self, expression: str) -> Any:
        result = await self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return result.get("result", {}).get("value")

    async def until(self, expression: str, what: str) -> Any:
        deadline = time.monotonic() + DEADLINE
        while True:
            value = await self.evaluate(expression)
            if value:
                return value
            if time.monotonic() > deadline:
                shown = await self.evaluate("document.body.className")
                raise AssertionError(f"timed out waiting for {what} (body: {shown!r})")
            await asyncio.sleep(0.1)

    async def key(self, key: str) -> None:
        code = f"Key{key.upper()}"
        await self.call("Input.dispatchKeyEvent", type="keyDown", key=key, code=code, text=key,
                        windowsVirtualKeyCode=ord(key.upper()))
        await self.call("Input.dispatchKeyEvent", type="keyUp", key=key, code=code,
                        windowsVirtualKeyCode=ord(key.upper()))


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (.ci/run installs it)")
@pytest.mark.skipif(not has("textual_serve") or not has("aiohttp"),
                    reason="readerui[serve] (textual-serve, aiohttp) is not installed")
async def test_a_browser_opens_the_reader_and_its_keys_reach_it(
        pair: tuple[Path, Path], tmp_path: Path) -> None:
    import aiohttp

    a, b = pair
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "readerui", "serve", "--port", str(port),
                               "--lines", str(a), str(b)], stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, env=os.environ.copy())
    profile = tmp_path / "profile"
    browser = None
    try:
        wait_for(lambda: listening(port) or server.poll() is not None, "the server")
        assert server.poll() is None, server.stderr.read() if server.stderr else ""
        browser = subprocess.Popen(
            [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--no-first-run", "--remote-debugging-port=0", "--remote-allow-origins=*",
             f"--user-data-dir={profile}", "--window-size=1280,800", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        active = profile / "DevToolsActivePort"
        devtools_port = int(wait_for(lambda: active.is_file() and active.read_text().split()
                                     and active.read_text().split()[0], "Chromium's DevTools"))
        async with aiohttp.ClientSession() as session:
            async with session.get(f"http://127.0.0.1:{devtools_port}/json/list") as listing:
                pages = [t for t in await listing.json() if t["type"] == "page"]
            async with session.ws_connect(pages[0]["webSocketDebuggerUrl"],
                                          max_msg_size=0) as websocket:
                tools = DevTools(websocket)
                await tools.call("Page.enable")
                await tools.call("Page.navigate", url=f"http://127.0.0.1:{port}/")
                # The page loads, connects its websocket, and the reader's first frame arrives.
                await tools.until("document.body.classList.contains('-first-byte') && "
                                  "!!document.querySelector('.xterm-screen')",
                                  "the reader's first frame in the page")
                # The tab is named after the pair; the page links no third-party web font.
                title = await tools.evaluate("document.title")
                assert title == f"readerui: {a.name} | {b.name}"
                assert await tools.evaluate(
                    "document.querySelectorAll('link[href*=\"googleapis\"]').length") == 0
                # The reader started on these files: it put them in the recent list.
                wait_for(lambda: store.recent_pairs(), "the reader to open the pair")
                await tools.until("(() => { const t = document.querySelector("
                                  "'.xterm-helper-textarea'); if (t) t.focus(); return !!t })()",
                                  "the terminal's input")
                for key in ("j", "j", "q"):  # down, down, quit
                    await tools.key(key)
                # The reader quits on q: the page shows it closed ...
                await tools.until("document.body.classList.contains('-closed')",
                                  "the reader to quit")
        # ... and it kept the cursor the two j's moved, as it does on quitting.
        reading = Reading([a, b], Settings(), lines=True)
        assert wait_for(lambda: reading.state.cursor_id == 2 or None, "the saved cursor")
    finally:
        if browser is not None:
            browser.terminate()
            browser.wait(30)
        server.terminate()
        server.wait(30)


def test_the_page_gets_a_title_and_loses_the_web_font() -> None:
    upstream = ('<html>\n  <head>\n    <link rel="stylesheet" href="x.css" />\n    <link\n'
                '      rel="stylesheet"\n      href="https://fonts.googleapis.com/css?family=A"'
                '\n    />\n  </head><body></body></html>')
    page = page_template(upstream, "readerui: <a>.txt")
    assert "googleapis" not in page and 'href="x.css"' in page
    assert "<title>readerui: &lt;a&gt;.txt</title>" in page
    assert page_template(page, "other").count("<title>") == 1  # one title, never two


def test_the_command_is_in_the_help_and_readme() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert "readerui serve" in readme and "readerui[serve]" in readme
    assert json.dumps("127.0.0.1")[1:-1] in readme
