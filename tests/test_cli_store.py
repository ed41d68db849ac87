"""The store's commands: config path|show|edit, cache clear, export, --recent, --config-dir."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from readerui import store
from readerui.analysis import analyse_paths
from readerui.cli import main
from readerui.lifecycle import Reading
from readerui.samples import sample_paths


def run_main(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run the command in this process; returns (status, stdout, stderr)."""
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture()
def pair(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "city.txt", tmp_path / "wire.txt"
    a.write_text("City Council Passes Budget\n\nThe council approved the budget on Monday. "
                 "Mayor Jane Roe said the plan protects jobs.\n\nProtesters gathered outside.\n")
    b.write_text("Budget approved\n\nThe city council approved its budget. Roe said the plan "
                 "protects jobs, the mayor's office said.\n")
    return a, b


def test_config_path(capsys: pytest.CaptureFixture[str], isolated_store: Path,
                     tmp_path: Path) -> None:
    status, out, _ = run_main(capsys, "config", "path")
    assert status == 0 and out == f"{isolated_store / 'config' / 'config.toml'}\n"
    status, out, _ = run_main(capsys, "config", "path", "--all")
    for name, folder in (("config_dir", "config"), ("data_dir", "data"), ("cache_dir", "cache"),
                         ("state_dir", "state")):
        assert f"{name}" in out and str(isolated_store / folder) in out
    status, out, _ = run_main(capsys, "config", "path", "--config-dir", str(tmp_path / "elsewhere"))
    assert out == f"{tmp_path / 'elsewhere' / 'config.toml'}\n"


def test_config_show_prints_the_values_in_effect(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run_main(capsys, "config", "show")
    assert status == 0 and err == ""
    shown = tomllib.loads(out)
    assert shown["lang"] == "auto" and "link_threshold" in shown["align"]
    path = store.locations().config_file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("lang = 'de'\n[align]\nlink_threshold = 'x'\nstrong_threshold = 0.75\n")
    status, out, err = run_main(capsys, "config", "show")
    shown = tomllib.loads(out)
    assert shown["lang"] == "de" and shown["align"]["strong_threshold"] == 0.75
    assert shown["align"]["link_threshold"] == store.Config().settings.align.link_threshold
    assert err.count("\n") == 1 and "'align.link_threshold'" in err


def write_editor(tmp_path: Path, appended: str) -> str:
    """An $EDITOR that appends a line to the file it is given."""
    script = tmp_path / "editor.py"
    script.write_text("import sys\nwith open(sys.argv[1], 'a') as f:\n"
                      f"    f.write({appended!r})\n")
    return f"{sys.executable} {script}"


def test_config_edit_creates_a_default_then_checks_it(capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      tmp_path: Path) -> None:
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", write_editor(tmp_path, "\n[keymap]\nquit = 'ctrl+q'\n"))
    path = store.locations().config_file
    status, out, err = run_main(capsys, "config", "edit")
    # the default file has a [keymap] table already: a second one is a TOML error
    assert status == 1 and path.exists()
    assert "created" in err and "not valid TOML" in err
    assert path.read_text().startswith("# readerui configuration")  # not moved aside by edit
    path.write_text("lang = 'fr'\n")
    monkeypatch.setenv("EDITOR", write_editor(tmp_path, "[align]\nstrong_threshold = 0.8\n"))
    status, out, err = run_main(capsys, "config", "edit")
    assert status == 0 and "is valid" in out and "created" not in err
    assert store.load_config().settings.align.strong_threshold == 0.8
    monkeypatch.setenv("VISUAL", write_editor(tmp_path, "bogus = 1\n"))
    status, out, err = run_main(capsys, "config", "edit")
    assert status == 1 and "'align.bogus' is not a setting" in err


def test_config_edit_with_a_missing_editor_is_one_line(capsys: pytest.CaptureFixture[str],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VISUAL", "/no/such/editor --wait")
    status, _, err = run_main(capsys, "config", "edit")
    lines = err.strip().splitlines()
    assert status == 1 and lines[-1].startswith("readerui: error: cannot run the editor")


def test_cache_clear_lists_what_it_removed(capsys: pytest.CaptureFixture[str],
                                           pair: tuple[Path, Path]) -> None:
    status, out, _ = run_main(capsys, "cache", "clear")
    assert status == 0 and "removed 0 cache entries" in out
    run_main(capsys, "align", "--json", *map(str, pair))
    entries = list((store.locations().cache_dir / "analyses").glob("*.json.z"))
    assert len(entries) == 1
    status, out, _ = run_main(capsys, "cache", "clear")
    assert f"removed {entries[0]}" in out and "removed 1 cache entry" in out
    assert not entries[0].exists()


def test_align_no_cache_writes_nothing(capsys: pytest.CaptureFixture[str],
                                       pair: tuple[Path, Path]) -> None:
    run_main(capsys, "align", "--json", "--no-cache", *map(str, pair))
    assert not (store.locations().cache_dir / "analyses").exists()


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "readerui", *args], capture_output=True,
                          text=True, env=dict(os.environ), timeout=120)


def test_json_export_equals_align_json(pair: tuple[Path, Path], tmp_path: Path) -> None:
    aligned = cli("align", "--json", *map(str, pair))
    assert aligned.returncode == 0, aligned.stderr
    exported = cli("export", *map(str, pair), "--format", "json")
    assert exported.returncode == 0 and exported.stdout == aligned.stdout
    out = tmp_path / "out.json"
    written = cli("export", *map(str, pair), "-o", str(out))  # format from the suffix
    assert written.returncode == 0 and out.read_text() == aligned.stdout
    sample = cli("export", "--format", "json")
    assert json.loads(sample.stdout)["a"]["path"] == str(sample_paths()[0])


def test_markdown_and_html_exports_carry_the_notes(capsys: pytest.CaptureFixture[str],
                                                   pair: tuple[Path, Path],
                                                   tmp_path: Path) -> None:
    reading = Reading(pair)
    last = len(reading.load()[0]) - 1
    assert reading.add_note("a", last, "Who <organised> it?") is not None
    status, md, _ = run_main(capsys, "export", *map(str, pair))
    assert status == 0
    assert md.startswith("# City Council Passes Budget / Budget approved")
    assert "## Aligned" in md and f"Note on A {last + 1}*: Who \\<organised\\> it?" in md
    out = tmp_path / "report.html"
    status, _, err = run_main(capsys, "export", *map(str, pair), "-o", str(out))
    page = out.read_text()
    assert status == 0 and f"wrote {out}" in err
    assert page.startswith("<!DOCTYPE html>") and "Who &lt;organised&gt; it?" in page
    status, _, _ = run_main(capsys, "export", *map(str, pair), "-f", "md", "-o",
                                  str(tmp_path / "r.txt"))
    assert (tmp_path / "r.txt").read_text() == md


def test_export_to_an_unwritable_place_is_one_line(capsys: pytest.CaptureFixture[str],
                                                   pair: tuple[Path, Path],
                                                   tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    status, out, err = run_main(capsys, "export", *map(str, pair), "-o",
                                str(blocker / "report.md"))
    lines = err.strip().splitlines()
    assert status == 1 and out == "" and len(lines) == 1
    assert lines[0].startswith("readerui: error: cannot") and str(blocker) in lines[0]


def test_recent_lists_and_checks_the_number(capsys: pytest.CaptureFixture[str],
                                            pair: tuple[Path, Path]) -> None:
    status, out, _ = run_main(capsys, "--recent")
    assert status == 0 and "No recent pairs" in out
    store.remember_pair(pair[1], pair[0])
    store.remember_pair(*pair, lines=True)
    status, out, _ = run_main(capsys, "--recent")
    lines = out.splitlines()
    assert status == 0 and len(lines) == 2
    assert lines[0].split()[:3] == ["1", str(pair[0]), str(pair[1])] and "(--lines)" in lines[0]
    assert lines[1].split()[:3] == ["2", str(pair[1]), str(pair[0])]
    status, _, err = run_main(capsys, "--recent", "3")
    assert status == 1 and err.strip() == ("readerui: error: --recent 3: there are 2 recent "
                                           "pairs (see 'readerui --recent')")


def test_recent_lists_and_reopens_every_account_of_a_larger_reading(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        pair: tuple[Path, Path], tmp_path: Path) -> None:
    from readerui.tui import app as tui_app

    third = tmp_path / "third.txt"
    third.write_text(pair[0].read_text(encoding="utf-8"), encoding="utf-8")
    store.remember_pair(*pair, more=(third,))
    status, out, _ = run_main(capsys, "--recent")
    assert status == 0 and out.split()[:4] == ["1", str(pair[0]), str(pair[1]), str(third)]
    opened: list[tuple[Path, ...]] = []

    class Recording(tui_app.ReaderApp):
        def run(self, *args: object, **kwargs: object) -> None:  # type: ignore[override]
            opened.append(tuple(Path(p) for p in self.session.reading.paths))

    monkeypatch.setattr(tui_app, "ReaderApp", Recording)
    status, _, err = run_main(capsys, "--recent", "1")
    assert status == 0, err
    assert opened == [(pair[0], pair[1], third)]  # all three accounts, not the first two


def test_a_damaged_config_does_not_stop_align(pair: tuple[Path, Path]) -> None:
    path = store.locations().config_file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("[align\n")
    result = cli("align", "--json", *map(str, pair))
    assert result.returncode == 0 and json.loads(result.stdout)["version"] == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "not valid TOML" in lines[0] and "moved it to" in lines[0]
    assert list(path.parent.glob("config.toml.corrupt-*"))


def test_the_reader_entry_uses_config_cache_and_recent(capsys: pytest.CaptureFixture[str],
                                                       monkeypatch: pytest.MonkeyPatch,
                                                       pair: tuple[Path, Path]) -> None:
    from readerui.tui import app as tui_app

    opened: list[tuple[tui_app.ReaderApp, dict]] = []

    class Recording(tui_app.ReaderApp):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]
            opened.append((self, kwargs))

        def run(self, *args: object, **kwargs: object) -> None:  # type: ignore[override]
            return None

    monkeypatch.setattr(tui_app, "ReaderApp", Recording)
    path = store.locations().config_file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("theme = 'nord'\n[keymap]\nquit = 'ctrl+q'\nno_such_binding = 'x'\n")
    status, _, err = run_main(capsys, *map(str, pair))
    app, kwargs = opened[-1]
    # The texts paint first: no analysis is handed in (the cache is asked in the worker) and
    # the pair is filed in the recent list there too, after the first paint.
    assert status == 0 and kwargs.get("analysis") is None and kwargs["remember"] is True
    assert app.theme == "nord" and kwargs["keymap"] == {"quit": "ctrl+q"}
    assert "'keymap.no_such_binding'" in err
    assert store.recent_pairs() == []  # the UI never ran: nothing filed before the paint
    assert not list((store.locations().cache_dir / "analyses").glob("*"))  # UI never finished
    analysis = analyse_paths(*pair)
    monkeypatch.setattr(Recording, "run", lambda self: self._analyse())  # the reader's worker
    run_main(capsys, *map(str, pair))  # the reader's analysis is cached as soon as it is ready
    assert [Path(p.path_a) for p in store.recent_pairs()] == [pair[0]]
    assert list((store.locations().cache_dir / "analyses").glob("*"))

    def no_engine(*args: object) -> None:
        raise AssertionError("a cache hit must not analyse")

    monkeypatch.setattr(tui_app, "_analyse", no_engine)
    monkeypatch.setattr(Recording, "run", lambda self: None)
    status, _, _ = run_main(capsys, "--recent", "1")
    reopened = opened[-1][0]._analyse()  # the worker of the reopened reader: a cache hit
    assert status == 0 and reopened == analysis
