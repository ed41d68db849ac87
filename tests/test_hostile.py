"""Nothing a file or a file name can do: no lost input, no code from the cache, no hang, no
traceback (one test per defect found by the probe of hostile and odd cases)."""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from readerui import store
from readerui.analysis import analyse, load_document
from readerui.errors import InputError
from readerui.ingest.load import normalise, read_text
from readerui.lifecycle import Reading
from readerui.safefile import FileProblem, read_regular
from readerui.sanitise import shown
from readerui.settings import Settings
from readerui.store import cache

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_A = ROOT / "sample_texts" / "mfa_readout.txt"
SAMPLE_B = ROOT / "sample_texts" / "xinhua_report.txt"
OSC52 = "\x1b]52;c;aGVsbG8=\x07"  # sets the clipboard in many terminals
BIDI = "\u202e"  # right-to-left override


def run(*args: str, cwd: Path | None = None, timeout: float = 120,
        **kwargs: object) -> subprocess.CompletedProcess[str]:
    """The real command line in a fresh interpreter."""
    return subprocess.run([sys.executable, "-m", "readerui", *args], capture_output=True,
                          text=True, cwd=cwd or ROOT, env={**os.environ, "COLUMNS": "100"},
                          timeout=timeout, **kwargs)  # type: ignore[call-overload]


def one_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


@pytest.fixture()
def pair(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_bytes(SAMPLE_A.read_bytes())
    b.write_bytes(SAMPLE_B.read_bytes())
    return a, b


# --- export -o --------------------------------------------------------------------------------

def test_export_onto_an_input_leaves_it_untouched(pair: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = pair
    before = a.read_bytes()
    link = tmp_path / "report.md"
    link.symlink_to(a)
    for target in (str(a), str(b), str(link), "./a.txt"):
        result = run("export", str(a), str(b), "-o", target, cwd=tmp_path)
        assert result.returncode == 1
        assert "input" in one_line(result.stderr)
    assert a.read_bytes() == before and link.is_symlink()


@pytest.mark.parametrize("target", ["/dev/null", "folder", "fifo"])
def test_export_refuses_devices_folders_and_fifos(pair: tuple[Path, Path], tmp_path: Path,
                                                  target: str) -> None:
    (tmp_path / "folder").mkdir()
    os.mkfifo(tmp_path / "fifo")
    result = run("export", *map(str, pair), "-o", target, cwd=tmp_path, timeout=60)
    assert result.returncode == 1 and result.stdout == ""
    one_line(result.stderr)
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert stat.S_ISFIFO(os.stat(tmp_path / "fifo").st_mode)


def test_export_dash_is_standard_output_and_files_are_0644(pair: tuple[Path, Path],
                                                          tmp_path: Path) -> None:
    result = run("export", *map(str, pair), "-o", "-", cwd=tmp_path)
    assert result.returncode == 0 and result.stdout.startswith("# ")
    assert not (tmp_path / "-").exists()
    result = run("export", *map(str, pair), "-o", "out.html", cwd=tmp_path)
    assert result.returncode == 0
    assert stat.S_IMODE((tmp_path / "out.html").stat().st_mode) == 0o644
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


# --- the cache is data -------------------------------------------------------------------------

class _Plant:
    """A pickle that, if ever loaded, creates a file."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, (f"touch {self.marker}",))


def test_a_planted_pickle_runs_nothing(pair: tuple[Path, Path], tmp_path: Path) -> None:
    settings = Settings()
    key = cache.files_key(*pair, settings)
    assert key is not None
    marker = tmp_path / "pwned"
    payload = pickle.dumps(_Plant(marker))
    folder = store.locations().cache_dir / "analyses"
    folder.mkdir(parents=True, mode=0o700)
    for magic, name in ((b"READERUI-CACHE\x00", f"{key}.pickle"),
                        (cache.MAGIC, f"{key}{cache.SUFFIX}")):
        (folder / name).write_bytes(magic + hashlib.sha256(payload).digest() + payload)
    result = run("align", "--json", *map(str, pair))
    assert result.returncode == 0, result.stderr
    assert not marker.exists()
    assert json.loads(result.stdout)["a"]["title"]
    assert "import pickle" not in Path(cache.__file__).read_text()


def test_an_entry_swapped_from_another_pair_is_not_served(pair: tuple[Path, Path],
                                                         tmp_path: Path) -> None:
    settings = Settings()
    a, b = pair
    other_a, other_b = tmp_path / "x.txt", tmp_path / "y.txt"
    other_a.write_text("The river flooded the town on Monday.\n")
    other_b.write_text("Floods hit the town on Monday.\n")
    other = analyse(load_document(other_a), load_document(other_b))
    other_key = cache.files_key(other_a, other_b, settings)
    assert other_key is not None
    cache.write_entry(other_key, other)
    key = cache.files_key(a, b, settings)
    assert key is not None
    entry = store.locations().cache_dir / "analyses" / f"{other_key}{cache.SUFFIX}"
    swapped = entry.with_name(f"{key}{cache.SUFFIX}")
    swapped.write_bytes(entry.read_bytes())
    assert cache.read_entry(key) is None and not swapped.exists()
    assert cache.read_entry(other_key) == other


def test_a_cache_folder_others_can_write_is_ignored_with_one_warning(
        pair: tuple[Path, Path]) -> None:
    folder = store.locations().cache_dir
    folder.chmod(0o777)
    reading = Reading(pair, Settings())
    first = reading.analyse()
    assert len(first.a) > 0
    assert not (folder / "analyses").exists()
    warnings = reading.take_warnings()
    assert len(warnings) == 1 and "cache" in warnings[0] and "not used" in warnings[0]


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a folder to another user")
def test_a_cache_folder_owned_by_someone_else_is_ignored(pair: tuple[Path, Path]) -> None:
    folder = store.locations().cache_dir
    os.chown(folder, 65534, 65534)  # nobody
    key = cache.files_key(*pair, Settings())
    assert key is not None and cache.read_entry(key) is None
    assert any("not owned by you" in w for w in store.take_warnings())


def test_cache_folders_are_created_private(pair: tuple[Path, Path], tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    base = tmp_path / "deep" / "home"
    for kind in ("CACHE", "DATA", "STATE"):
        monkeypatch.setenv(f"READERUI_{kind}_DIR", str(base / kind.lower()))
    result = run("align", "--json", *map(str, pair))
    assert result.returncode == 0, result.stderr
    note = store.new_note("a", load_document(pair[0]), 0, "x")
    store.add_note("k" * 32, note)
    for folder in (base, base / "cache", base / "cache" / "analyses", base / "data" / "notes"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder


# --- names reach the terminal inert -----------------------------------------------------------

def hostile_name(tmp_path: Path, source: Path) -> Path:
    path = tmp_path / f"x{OSC52}{BIDI}evil\x1b[2J.txt"
    path.write_bytes(source.read_bytes())
    return path


def test_osc_and_bidi_in_file_names_print_inert(tmp_path: Path) -> None:
    a = hostile_name(tmp_path, ROOT / "tests" / "data" / "ingest" / "transcript.txt")
    b = tmp_path / "b.txt"
    b.write_bytes(SAMPLE_B.read_bytes())
    for args in (("align", str(a), str(b)), ("export", str(a), str(b), "-o", str(a) + ".md")):
        result = run(*args)
        assert result.returncode == 0, result.stderr
        for stream in (result.stdout, result.stderr):
            assert "\x1b" not in stream and "\x07" not in stream and BIDI not in stream
    report = Path(str(a) + ".md").read_text()
    assert "\x1b" not in report and BIDI not in report


def test_the_reader_header_shows_names_inert() -> None:
    from readerui.model import Document, Metadata
    from readerui.tui.widgets.chrome import document_label

    doc = Document(f"/tmp/a{OSC52}{BIDI}.txt", "x", (), Metadata(source=f"S{BIDI}"))
    assert document_label(doc) == "a.txt"
    titled = Document("a", "x", (), Metadata(title=f"T\x1b]0;window title\x07itle{BIDI}"))
    assert document_label(titled) == "Title"


def test_bidi_controls_are_stripped_from_lines_input_and_zwj_emoji_kept(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f"Evil {BIDI}txt.exe said so.\nA family 👨\u200d👩\u200d👧 came.\n")
    doc = load_document(path, lines=True)
    assert BIDI not in doc.text and "👨\u200d👩\u200d👧" in doc.text
    assert normalise("👩\u200d💻 and a\u200dlone joiner") == "👩\u200d💻 and alone joiner"
    assert shown(f"a\nb{BIDI}\x1b[31mc") == "a bc"


# --- store files that are not what they seem ---------------------------------------------------

def store_file(kind: str) -> tuple[Path, list[str]]:
    """A store file and the command that reads it."""
    where = store.locations()
    return {
        "config": (where.config_file, ["config", "show"]),
        "recent": (where.state_dir / "recent.json", ["--recent"]),
    }[kind]


@pytest.mark.parametrize("kind", ["config", "recent"])
@pytest.mark.parametrize("what", ["fifo", "device", "nested", "huge", "folder"])
def test_odd_store_files_end_in_seconds_with_one_line(kind: str, what: str) -> None:
    path, command = store_file(kind)
    if what == "fifo":
        os.mkfifo(path)
    elif what == "device":
        path.symlink_to("/dev/zero")
    elif what == "nested":
        path.write_text("x = " + "[" * 100_000 if kind == "config" else "[" * 100_000)
    elif what == "huge":
        with path.open("wb") as handle:
            handle.truncate(64 * 1024 * 1024)  # sparse: costs no disk
    else:
        path.mkdir()
    started = time.monotonic()
    result = run(*command, timeout=60)
    assert time.monotonic() - started < 30
    assert result.returncode == 0, result.stderr
    warning = [line for line in result.stderr.splitlines() if str(path) in line]
    assert len(warning) == 1 and "Traceback" not in result.stderr
    assert "moved it to" in warning[0]


def test_notes_and_state_that_are_fifos_or_too_deep_fall_back_to_defaults() -> None:
    where = store.locations()
    key = "f" * 32
    notes = where.data_dir / "notes" / f"{key}.json"
    pairs = where.state_dir / "pairs" / f"{key}.json"
    notes.parent.mkdir(parents=True)
    pairs.parent.mkdir(parents=True)
    os.mkfifo(notes)
    pairs.write_text('{"cursor": ' * 5000 + "1" + "}" * 5000)
    state = store.load_pair_state(key)
    assert state == store.PairState() and store.load_notes(key) == ()
    assert len(store.take_warnings()) == 2


def test_a_topic_lexicon_that_is_a_fifo_or_too_deep_is_one_config_error(tmp_path: Path) -> None:
    from readerui.annotate.lexicon import load_lexicon
    from readerui.errors import ConfigError

    fifo = tmp_path / "topics.toml"
    os.mkfifo(fifo)
    deep = tmp_path / "deep.toml"
    deep.write_text("a = " + "[" * 10_000 + "]" * 10_000)
    for path in (fifo, deep):
        with pytest.raises(ConfigError):
            load_lexicon(path)


# --- documents ----------------------------------------------------------------------------------

def test_a_fifo_as_a_document_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "a.txt"
    os.mkfifo(fifo)
    for command in (["align"], ["export"], []):
        result = run(*command, str(fifo), str(SAMPLE_B), timeout=60)
        assert result.returncode == 1
        assert "FIFO" in one_line(result.stderr)


def test_read_regular_checks_the_opened_file_too(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A file swapped for a FIFO between the check and the open is caught by fstat."""
    path = tmp_path / "a.txt"
    path.write_text("x")
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    real_open = os.open

    def swapped(name: object, flags: int, *args: object) -> int:
        return real_open(fifo if Path(str(name)) == path else name, flags, *args)  # type: ignore

    monkeypatch.setattr("readerui.safefile.os.open", swapped)
    with pytest.raises(FileProblem, match="FIFO"):
        read_regular(path, 100)


def test_a_few_bad_bytes_keep_a_utf8_file_utf8(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(("The minister spoke on Monday about the budget. " * 20).encode()
                     + b"\x81\xfe\x90 end.")
    text = read_text(path)
    assert text.startswith("The minister spoke") and not any("\u0400" <= c <= "\u04ff"
                                                              for c in text)
    czech = tmp_path / "cz.txt"
    czech.write_bytes(("Příliš žluťoučký kůň úpěl ďábelské ódy. " * 10).encode() + b"\xff end.")
    assert read_text(czech).startswith("Příliš žluťoučký kůň")


def test_too_many_sentences_are_refused_up_front(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    a.write_text("\n\n".join(" ".join(["Yes."] * 20) for _ in range(5000)))
    started = time.monotonic()
    result = run("align", "--json", "--no-cache", str(a), str(a), "--max-sentences", "1000")
    assert time.monotonic() - started < 30
    assert result.returncode == 1 and "1,000 limit" in one_line(result.stderr)
    with pytest.raises(InputError, match="limit"):
        load_document(a, Settings(max_sentences=10_000))
