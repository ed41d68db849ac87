"""Nothing POSIX-only: the store's locks come from filelock, and the store (and the command
line around it) works in a Python where ``fcntl`` cannot be imported, as on Windows."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "readerui"
SAMPLE_A = SRC.parents[1] / "sample_texts" / "mfa_readout.txt"
SAMPLE_B = SRC.parents[1] / "sample_texts" / "xinhua_report.txt"
POSIX_ONLY = {"fcntl", "termios", "tty", "pty", "pwd", "grp", "resource", "posix", "crypt",
              "syslog", "_posixsubprocess"}

# Run before anything else in the child: `import fcntl` fails there, as on Windows.
BLOCK_FCNTL = """
import sys
sys.modules["fcntl"] = None  # an import of fcntl now raises ImportError
"""


def test_no_module_imports_a_posix_only_module() -> None:
    found = []
    for source in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            names = ([alias.name for alias in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            found += [f"{source.relative_to(SRC)}: {name}" for name in names
                      if name.split(".")[0] in POSIX_ONLY]
    assert found == []


def test_the_store_works_where_fcntl_is_missing(tmp_path: Path) -> None:
    """Notes added by two processes and four threads at once, recent pairs, preferences and
    per-pair state, all with fcntl unimportable: nothing lost, no warning, no fcntl loaded."""
    script = BLOCK_FCNTL + textwrap.dedent("""
        import json, multiprocessing, threading
        from readerui import store
        from readerui.store import prefs

        KEY = "0" * 32

        def add_many(tag, count):
            for i in range(count):
                store.add_note(KEY, store.Note("a", i % 3, f"{tag}-{i}", f"{tag}-{i:04d}"))

        if __name__ == "__main__":
            context = multiprocessing.get_context("spawn")  # a fresh interpreter, as Windows has
            workers = [context.Process(target=add_many, args=(f"p{n}", 20)) for n in range(2)]
            threads = [threading.Thread(target=add_many, args=(f"t{n}", 10)) for n in range(4)]
            for worker in [*workers, *threads]:
                worker.start()
            for worker in [*workers, *threads]:
                worker.join(120)
            store.remember_pair("a.txt", "b.txt", False, ("A", "B"))
            store.save_pair_state(KEY, store.PairState(cursor_side="b", cursor_id=3))
            prefs.remember_theme("nord", "textual-dark")
            print(json.dumps({
                "codes": [worker.exitcode for worker in workers],
                "notes": sorted(note.text for note in store.load_notes(KEY)),
                "recent": [pair.path_a for pair in store.recent_pairs()],
                "cursor": store.read_pair_state(KEY).cursor_id,
                "theme": prefs.chosen_theme("textual-dark"),
                "warnings": store.take_warnings(),
                "fcntl": sys.modules.get("fcntl") is not None,
            }))
    """)
    (tmp_path / "probe.py").write_text("import sys\n" + script)
    env = {**os.environ, **{f"READERUI_{kind}_DIR": str(tmp_path / kind.lower())
                            for kind in ("CONFIG", "DATA", "CACHE", "STATE")}}
    # the spawned workers run probe.py's top (the blocker) too, as the __mp_main__ module
    done = subprocess.run([sys.executable, str(tmp_path / "probe.py")], capture_output=True,
                          text=True, cwd=tmp_path, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""  # not even filelock's note that it falls back to a lock file
    report = json.loads(done.stdout)
    expected = sorted([f"p{n}-{i}" for n in range(2) for i in range(20)]
                      + [f"t{n}-{i}" for n in range(4) for i in range(10)])
    assert report["codes"] == [0, 0] and report["notes"] == expected
    assert [Path(path).name for path in report["recent"]] == ["a.txt"] and report["cursor"] == 3
    assert report["theme"] == "nord" and report["warnings"] == [] and report["fcntl"] is False


def test_the_command_line_works_where_fcntl_is_missing(tmp_path: Path) -> None:
    script = BLOCK_FCNTL + textwrap.dedent(f"""
        from readerui.cli import main
        status = main(["align", "--json", {str(SAMPLE_A)!r}, {str(SAMPLE_B)!r}])
        assert sys.modules.get("fcntl") is None
        raise SystemExit(status)
    """)
    env = {**os.environ, **{f"READERUI_{kind}_DIR": str(tmp_path / kind.lower())
                            for kind in ("CONFIG", "DATA", "CACHE", "STATE")}}
    done = subprocess.run([sys.executable, "-c", "import sys\n" + script], capture_output=True,
                          text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["links"]
