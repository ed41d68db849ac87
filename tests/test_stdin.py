"""``-`` as one of the accounts: standard input, read once, size-capped like a file, filed under
its bytes."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from readerui import stdin, store
from readerui.errors import InputError
from readerui.lifecycle import Reading
from readerui.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_A = ROOT / "sample_texts" / "mfa_readout.txt"
SAMPLE_B = ROOT / "sample_texts" / "xinhua_report.txt"


def run(*args: str, data: bytes) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "readerui", *args], input=data,
                          capture_output=True, timeout=120, env={**os.environ, "COLUMNS": "100"})


class CountingStream(io.BytesIO):
    """A binary standard input that counts its reads."""

    reads = 0

    def read(self, size: int | None = -1) -> bytes:
        self.reads += 1
        return super().read(size)


@pytest.fixture()
def piped(monkeypatch: pytest.MonkeyPatch) -> Iterator[CountingStream]:
    """Standard input holding sample A's bytes."""
    stream = CountingStream(SAMPLE_A.read_bytes())
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(stream))
    stdin.forget()
    yield stream
    stdin.forget()


def test_dash_reads_standard_input_as_an_account() -> None:
    from_file = run("align", "--json", "--no-cache", str(SAMPLE_A), str(SAMPLE_B), data=b"")
    from_pipe = run("align", "--json", "--no-cache", "-", str(SAMPLE_B),
                    data=SAMPLE_A.read_bytes())
    assert from_pipe.returncode == 0, from_pipe.stderr
    a, b = json.loads(from_file.stdout), json.loads(from_pipe.stdout)
    assert b["a"]["path"] == "-"
    a["a"].pop("path"), b["a"].pop("path")
    assert a == b
    # either side, and the export command too
    exported = run("export", "-f", "jsonl", str(SAMPLE_B), "-", data=SAMPLE_A.read_bytes())
    assert exported.returncode == 0 and exported.stdout.count(b"\n") > 10


def test_dash_twice_is_a_usage_error() -> None:
    for command in (["align"], ["export"], []):
        result = run(*command, "-", "-", data=b"One sentence.\n")
        assert result.returncode == 2 and result.stdout == b""
        assert result.stderr.count(b"\n") == 1 and b"standard input" in result.stderr


def test_standard_input_is_size_capped_and_checked_like_a_file() -> None:
    result = run("align", "--max-size", "1k", "-", str(SAMPLE_B), data=b"Words go on. " * 200)
    assert result.returncode == 1 and result.stdout == b""
    assert result.stderr.decode().strip() == ("readerui: error: standard input: is more than "
                                              "1 KB, over the limit (use --max-size)")
    for data, why in ((b"", b"is empty"), (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, b"")):
        result = run("align", "-", str(SAMPLE_B), data=data)
        assert result.returncode == 1 and result.stderr.startswith(b"readerui: error: standard "
                                                                   b"input: ")
        assert why in result.stderr and result.stderr.count(b"\n") == 1


def test_read_once_and_filed_under_its_bytes(piped: CountingStream) -> None:
    """The identity (notes, saved place) and cache key of `- B` are those of the same bytes in
    a file; ingest and the identity share one read."""
    from_pipe = Reading(["-", SAMPLE_B], Settings())
    from_file = Reading([SAMPLE_A, SAMPLE_B], Settings())
    assert from_pipe.key == from_file.key and from_pipe.cache_key == from_file.cache_key
    documents = Reading(["-", SAMPLE_B], Settings(), use_cache=False).load()
    assert documents[0].path == "-" and len(documents[0]) > 5
    assert piped.reads == 1
    assert stdin.stdin_bytes(10**6) == SAMPLE_A.read_bytes()


def test_a_limit_is_kept_after_the_first_read(piped: CountingStream) -> None:
    stdin.stdin_bytes(100_000)
    with pytest.raises(InputError, match="over the limit"):
        stdin.stdin_bytes(100)
    stdin.forget()
    piped.seek(0)
    with pytest.raises(InputError, match="over the limit"):
        stdin.stdin_bytes(100)
    with pytest.raises(InputError, match="over the limit"):  # cut at the first limit: stays cut
        stdin.stdin_bytes(100_000)


def test_standard_input_is_not_remembered_as_a_recent_pair(piped: CountingStream) -> None:
    reading = Reading(["-", SAMPLE_B], Settings())
    reading.remember()
    assert store.recent_pairs() == []
    Reading([SAMPLE_A, SAMPLE_B], Settings()).remember()
    assert len(store.recent_pairs()) == 1


def test_a_file_called_dash_is_still_a_file(tmp_path: Path) -> None:
    (tmp_path / "-").write_text("The council approved the budget.\n")
    result = subprocess.run([sys.executable, "-m", "readerui", "align", "--json", "--lines",
                             "./-", str(SAMPLE_B)], capture_output=True, text=True, cwd=tmp_path,
                            stdin=subprocess.DEVNULL, timeout=120)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["a"]["sentences"][0]["text"].startswith("The council")
