"""Start-up stays light: --help, --version and argument errors import nothing heavy, and the
reader's path to painting (config, documents, the app) does not import the analysis engine."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

# Modules that must not be imported before a command needs them.
HEAVY = ("textual", "rapidfuzz", "snowballstemmer", "sentencex", "charset_normalizer",
         "readerui.analysis", "readerui.align.decide", "readerui.align.features",
         "readerui.annotate", "readerui.ingest.load", "readerui.tokens", "readerui.store.cache",
         "readerui.store.config", "readerui.tui", "ftfy", "textual_serve", "aiohttp",
         "filelock")
# The engine: the aligner, the annotators' rules and word tables, the stemmers. (The package
# ``readerui.annotate`` itself and its ``overrides``, the reader's speaker corrections, are light.)
ENGINE = ("readerui.align.decide", "readerui.align.many", "readerui.align.features",
          "readerui.annotate.speakers", "readerui.annotate.topics", "readerui.annotate.cues",
          "readerui.annotate.names", "readerui.annotate.wordlists", "readerui.annotate.frequency",
          "snowballstemmer", "Stemmer")

_RUN_CLI = """
import json, sys
from readerui.cli import main
try:
    status = main(sys.argv[1:])
except SystemExit as exc:
    status = exc.code
print(json.dumps({"status": status, "modules": sorted(sys.modules)}), file=sys.stderr)
"""


def _modules_after(*args: str) -> tuple[int, set[str]]:
    done = subprocess.run([sys.executable, "-c", _RUN_CLI, *args], capture_output=True,
                          text=True, timeout=120)
    report = json.loads(done.stderr.strip().splitlines()[-1])
    return report["status"], set(report["modules"])


def _loaded(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == n or m.startswith(n + ".") for n in names))


@pytest.mark.parametrize("args", [("--version",), ("--help",), ("align", "--help"),
                                  ("export", "--help"), ("align", "--jobs", "0"),
                                  ("--no-such-flag",), ("config", "bogus"),
                                  ("serve", "--help"), ("completion", "bash"), ("algin",)])
def test_parsing_imports_nothing_heavy(args: tuple[str, ...]) -> None:
    status, modules = _modules_after(*args)
    assert status in (0, 2)
    assert "readerui.cli" in modules  # the probe saw the real thing
    assert _loaded(modules, HEAVY) == []


# What the real entry point (``python -m readerui``, as the console script runs it) must not
# import for --version and --help: the engine, Textual, and also the model, the export writers,
# multiprocessing and subprocess (each a few milliseconds of the 150 ms budget).
NOT_FOR_HELP = (*HEAVY, *ENGINE, "readerui.model", "readerui.exports.contract",
                "readerui.exports.markdown", "readerui.exports.html", "readerui.exports.common",
                "readerui.lifecycle", "readerui.ingest", "multiprocessing", "subprocess")

_RUN_ENTRY = """
import atexit, json, runpy, sys
atexit.register(lambda: print(json.dumps(sorted(sys.modules)), file=sys.stderr))
sys.argv[0] = "readerui"
runpy.run_module("readerui", run_name="__main__", alter_sys=True)
"""


@pytest.mark.parametrize("args", [("--version",), ("--help",), ("align", "--help"),
                                  ("export", "--help")])
def test_version_and_help_through_the_entry_point_stay_light(args: tuple[str, ...]) -> None:
    done = subprocess.run([sys.executable, "-c", _RUN_ENTRY, *args], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert ("readerui " in done.stdout) if args == ("--version",) else ("usage:" in done.stdout)
    modules = set(json.loads(done.stderr.strip().splitlines()[-1]))
    assert "readerui.cli" in modules  # the probe saw the real thing
    assert _loaded(modules, NOT_FOR_HELP) == []


def test_the_reader_loads_config_documents_and_app_without_the_engine() -> None:
    code = """
import json, sys
from readerui import store
from readerui.analysis import load_document
from readerui.samples import sample_paths
from readerui.settings import Settings
store.load_config()
a, b = sample_paths()
load_document(a, Settings()), load_document(b, Settings())
store.cache.files_key(a, b, Settings(), False)
import readerui.tui.app
print(json.dumps(sorted(sys.modules)))
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, check=True)
    modules = set(json.loads(done.stdout))
    assert "readerui.tui.app" in modules and "readerui.ingest.load" in modules
    assert _loaded(modules, ENGINE) == []


def test_the_engine_still_loads_when_used() -> None:
    from readerui import align

    assert callable(align.align) and callable(align.word_diff)
    with pytest.raises(AttributeError):
        align.no_such_name  # noqa: B018


# Not on the reader's way to its first paint either (each costs time before the texts show):
# search's fuzzy matcher, process pools, the encoding detector (the sample is UTF-8), package
# metadata (the cache fingerprint, looked up in the worker), the lock library (the recent list
# is written in the worker) and the screens opened by keys.
NOT_BEFORE_PAINT = (*ENGINE, "rapidfuzz", "multiprocessing", "concurrent.futures.process",
                    "charset_normalizer", "importlib.metadata", "filelock",
                    "readerui.tui.screens")


def test_the_readers_path_to_its_first_paint_stays_light() -> None:
    code = """
import json, sys
from readerui import cli
args = cli._root_parser(False).parse_args([])
config = cli._config(args)
reading = cli._reading(args, cli._pair(args, None), config.settings)
reading.ingest()
import readerui.tui.app
print(json.dumps(sorted(sys.modules)))
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, check=True)
    modules = set(json.loads(done.stdout))
    assert "readerui.tui.app" in modules and "readerui.ingest.load" in modules
    assert _loaded(modules, NOT_BEFORE_PAINT) == []
