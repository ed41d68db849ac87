"""A Ctrl-C at the edges of ``readerui.cli.main`` still ends ``python -m readerui`` with one line,
"readerui: interrupted", and status 130: never a traceback or death by SIGINT (status -2).

Each case runs the real entry point (``python -m`` on a module that runs ``readerui`` as
``__main__``, as ``python -m readerui`` does) with one step of ``main`` replaced to raise the
KeyboardInterrupt (or send the SIGINT) at that edge, so the moment is exact, not a race.
benchmarks/ctrl_c_sweep.py sends real SIGINTs at random moments of a big align."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"

CASES = {
    # A KeyboardInterrupt that passes through code run from a string (dataclasses and
    # namedtuples make their methods so while the engine's modules load), then caught by main:
    # CPython remembers it as unhandled and, under -m, killed the process by SIGINT at exit.
    "through_string_exec": """
        def _dispatch(argv):
            exec("raise KeyboardInterrupt", {})
        cli._dispatch = _dispatch
    """,
    # In one of main's own except clauses (here while it words an error).
    "in_an_except_clause": """
        from readerui.errors import ReaderError
        def _dispatch(argv):
            raise ReaderError("a bad input")
        def _one_line(text):
            raise KeyboardInterrupt
        cli._dispatch = _dispatch
        cli._one_line = _one_line
    """,
    # After main has returned 0: in an exit handler (multiprocessing's join its helper there).
    "in_an_exit_handler": """
        import atexit, signal, time
        def _late():
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(5)  # the signal ends the process long before
        def _dispatch(argv):
            atexit.register(_late)
            return 0
        cli._dispatch = _dispatch
    """,
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_ctrl_c_at_the_edges_of_main_ends_with_one_line_and_130(tmp_path: Path,
                                                                case: str) -> None:
    script = "import os, runpy\nimport readerui.cli as cli\n" + textwrap.dedent(CASES[case])
    script += 'runpy.run_module("readerui", run_name="__main__", alter_sys=True)\n'
    (tmp_path / "edge.py").write_text(script)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), str(SRC)])}
    done = subprocess.run([sys.executable, "-m", "edge", "align"], capture_output=True,
                          text=True, timeout=60, cwd=tmp_path, env=env)
    assert (done.returncode, done.stderr.strip()) == (130, "readerui: interrupted")
