"""Command line: ``readerui [A B]`` opens the reader; ``readerui align A B`` prints the analysis."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import NoReturn

from readerui import __version__
from readerui.analysis import analyse, load_document
from readerui.errors import ReaderError
from readerui.export import to_contract, to_json
from readerui.samples import sample_paths
from readerui.settings import Settings

PROG = "readerui"
SUBCOMMANDS = ("align",)


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one line on stderr and exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (try '{PROG} --help')\n")


def _size(value: str) -> int:
    """Parse a size such as 20000000, 500k, 20M or 1G into bytes."""
    units = {"k": 1024, "m": 1024**2, "g": 1024**3}
    text = value.strip().lower().removesuffix("b")
    factor = units.get(text[-1:], 1)
    number = text[:-1] if text[-1:] in units else text
    try:
        size = int(float(number) * factor)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size: {value!r}") from None
    if size <= 0:
        raise argparse.ArgumentTypeError(f"size must be positive: {value!r}")
    return size


def _add_input_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="FILE",
                        help="the two accounts, A then B (default: the bundled sample pair)")
    parser.add_argument("--lines", action="store_true",
                        help="inputs are pre-split: one sentence per line, blank line = new "
                             "paragraph; no cleaning")
    parser.add_argument("--lang", default=None, metavar="CODE",
                        help="language for stemming, ISO 639-1 (default: en)")
    parser.add_argument("--max-size", type=_size, default=None, metavar="SIZE",
                        help="largest input accepted, e.g. 20M (default: 20M)")


def _build_parsers() -> tuple[argparse.ArgumentParser, argparse.ArgumentParser]:
    main = _Parser(
        prog=PROG,
        description="Read two accounts of one event side by side, aligned sentence by sentence. "
                    f"Subcommands: {', '.join(SUBCOMMANDS)} (see '{PROG} align --help').",
    )
    main.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    _add_input_options(main)

    align = _Parser(prog=f"{PROG} align",
                    description="Align two accounts and print the analysis.")
    _add_input_options(align)
    align.add_argument("--json", action="store_true",
                       help="print the JSON object of the contract instead of a summary")
    align.add_argument("--batch", metavar="LIST", type=Path,
                       help="a file of 'A<TAB>B' lines; prints one JSON object per line, in order "
                            "(relative paths are taken from the list's folder)")
    align.add_argument("--jobs", type=int, default=None, metavar="N",
                       help="processes for --batch (default: the number of CPUs)")
    return main, align


def _settings(args: argparse.Namespace) -> Settings:
    settings = Settings()
    overrides = {}
    if args.lang:
        overrides["lang"] = args.lang
    if args.max_size:
        overrides["max_size"] = args.max_size
    if overrides:
        from dataclasses import replace

        settings = replace(settings, **overrides)
    return settings


def _pair(args: argparse.Namespace, parser: argparse.ArgumentParser) -> tuple[Path, Path]:
    if not args.paths:
        return sample_paths()
    if len(args.paths) != 2:
        parser.error(f"expected two files (A and B), got {len(args.paths)}")
    return Path(args.paths[0]), Path(args.paths[1])


def _batch_one(job: tuple[str, str, Settings, bool]) -> str:
    """Analyse one pair of a batch; a failure becomes an ``error`` object on its line."""
    path_a, path_b, settings, lines = job
    try:
        a = load_document(path_a, settings, lines)
        b = load_document(path_b, settings, lines)
        return json.dumps(to_contract(analyse(a, b, settings)), ensure_ascii=False)
    except ReaderError as exc:
        return json.dumps({"version": 1, "error": str(exc), "a_path": path_a, "b_path": path_b},
                          ensure_ascii=False)


def _read_batch(list_path: Path, max_size: int) -> list[tuple[str, str]]:
    from readerui.ingest import read_text

    base = list_path.parent
    pairs = []
    for number, line in enumerate(read_text(list_path, max_size).splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 2 or not all(f.strip() for f in fields):
            raise ReaderError(f"{list_path}:{number}: expected 'A<TAB>B'")
        pairs.append(tuple(str(base / f.strip()) for f in fields))  # type: ignore[misc]
    return pairs


def _run_batch(args: argparse.Namespace, settings: Settings) -> int:
    pairs = _read_batch(args.batch, settings.max_size)
    jobs = [(a, b, settings, args.lines) for a, b in pairs]
    workers = max(1, args.jobs or os.cpu_count() or 1)
    failures = 0
    if workers == 1 or len(jobs) <= 1:
        results = map(_batch_one, jobs)
        for line in results:
            failures += '"error"' in line[:40]
            print(line, flush=True)
    else:
        with ProcessPoolExecutor(max_workers=min(workers, len(jobs))) as pool:
            for line in pool.map(_batch_one, jobs, chunksize=1):
                failures += '"error"' in line[:40]
                print(line, flush=True)
    if failures:
        print(f"{PROG}: error: {failures} of {len(jobs)} pairs failed (see their 'error' lines)",
              file=sys.stderr)
        return 1
    return 0


def _run_align(argv: Sequence[str]) -> int:
    _, parser = _build_parsers()
    args = parser.parse_args(argv)
    settings = _settings(args)
    if args.batch:
        if args.paths:
            parser.error("--batch takes no FILE arguments")
        return _run_batch(args, settings)
    path_a, path_b = _pair(args, parser)
    a = load_document(path_a, settings, args.lines)
    b = load_document(path_b, settings, args.lines)
    analysis = analyse(a, b, settings)
    if args.json:
        sys.stdout.write(to_json(analysis) + "\n")
    else:
        from readerui.summary import print_summary

        print_summary(analysis)
    return 0


def _run_reader(argv: Sequence[str]) -> int:
    parser, _ = _build_parsers()
    args = parser.parse_args(argv)
    settings = _settings(args)
    path_a, path_b = _pair(args, parser)
    a = load_document(path_a, settings, args.lines)
    b = load_document(path_b, settings, args.lines)
    from readerui.tui.app import ReaderApp

    app = ReaderApp(a, b, settings=settings)
    app.run()
    return app.return_code or 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``readerui`` command; returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] == "align":
            return _run_align(argv[1:])
        return _run_reader(argv)
    except ReaderError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # stdout closed early (e.g. piped into head): not an error worth a traceback.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except OSError as exc:
        # Last line of defence: a file problem the checks above did not foresee is still one line.
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"{PROG}: error: {where}{exc.strerror or exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
