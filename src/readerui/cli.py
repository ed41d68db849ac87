"""Command line: ``readerui [A B]`` opens the reader; ``readerui align A B`` prints the analysis;
``export`` writes a report; ``config`` and ``cache`` look after the store.

The commands are argparse subparsers of one tree (:func:`build_parser`), which the shell
completion reads; a command line builds the parser of its own command only
(:func:`command_parser`, the same parser), so ``--help`` stays quick. The reader is the
default command: a first word that is no command is a file, unless it reads as a mistyped
command and names no file."""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import os
import re
import sys
import textwrap
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, NamedTuple, NoReturn

from readerui import __version__
from readerui.entry import say_interrupted  # light: the standard library
from readerui.errors import ReaderError
from readerui.sanitise import shown
from readerui.stdin import is_stdin  # light: the standard library
from readerui.web import as_input  # light: no engine

if TYPE_CHECKING:
    from readerui import store
    from readerui.lifecycle import Reading
    from readerui.model import Analysis, Collation
    from readerui.settings import Settings

# Start-up: the engine (aligner, annotators, word tables), the store and ingest are imported only
# once the arguments are parsed and a command needs them, so --help, --version and argument errors
# are quick, and the reader paints the texts before the analysis engine is loaded.


def _lazy_module(name: str) -> ModuleType:
    """The module ``name``, executed when one of its attributes is first used."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    assert spec is not None and spec.loader is not None, name
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    parent, _, child = name.rpartition(".")
    setattr(sys.modules[parent], child, module)  # as an import does: ``readerui.store`` works
    return module


if not TYPE_CHECKING:
    store = _lazy_module("readerui.store")

PROG = "readerui"

# Exit statuses, stated in `readerui --help` and the README (tests/test_cli_commands.py holds
# each to its meaning).
EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
EXIT_CODES = f"""exit status:
  {EXIT_OK}    success
  {EXIT_ERROR}    an input or analysis error: a missing, unreadable, binary or over-large file,
       a page that cannot be fetched, an output that cannot be written, a failed pair
       in a batch, a config.toml with problems after 'config edit'
  {EXIT_USAGE}    a usage error: an unknown command or option, a wrong number of files, an
       export suffix no format claims
  {EXIT_INTERRUPTED}  interrupted (Ctrl-C)"""


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one line on stderr and exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (try '{self.prog} --help')\n")


def _usage_error(message: str) -> NoReturn:
    """Stop with a usage error that belongs to no one command (exit status 2)."""
    sys.stderr.write(f"{PROG}: error: {_one_line(message)} (try '{PROG} --help')\n")
    raise SystemExit(EXIT_USAGE)


def _size(value: str) -> int:
    """Parse a size such as 20000000, 500k, 20M or 1G into bytes."""
    from readerui.store.config import parse_size

    try:
        return parse_size(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _add_store_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config-dir", type=Path, default=None, metavar="DIR",
                        help="read config.toml (and topics.toml) from DIR "
                             "(default: $READERUI_CONFIG_DIR or the platform's config folder)")


def _positive_int(value: str) -> int:
    """A whole number of at least 1."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {value!r}")
    return number


def _positive_seconds(value: str) -> float:
    """A number of seconds above 0."""
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r}") from None
    if not number > 0 or number == float("inf"):
        raise argparse.ArgumentTypeError(f"must be a positive number of seconds: {value!r}")
    return number


def _add_input_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="FILE",
                        help="the accounts, A then B: files, http(s) addresses, or '-' for "
                             "standard input (one of them) (default: the bundled sample pair); "
                             "align and export take 2 to 8 (docs/accounts.md)")
    parser.add_argument("--lines", action="store_true",
                        help="inputs are pre-split: one sentence per line, blank line = new "
                             "paragraph; no cleaning")
    parser.add_argument("--lang", default=None, metavar="CODE",
                        help="language of both accounts for stemming, ISO 639-1 (default: "
                             "detected from each account's text)")
    parser.add_argument("--exclusive", action="store_true",
                        help="each sentence in at most one link, links in reading order (as "
                             "parallel corpora need); default: many-to-many links")
    parser.add_argument("--max-size", type=_size, default=None, metavar="SIZE",
                        help="largest input accepted, e.g. 20M (default: max_size in "
                             "config.toml, else 20M)")
    parser.add_argument("--max-sentences", type=_positive_int, default=None, metavar="N",
                        help="most sentences an account may have (default: max_sentences in "
                             "config.toml, else 25000); longer texts are refused at once")
    parser.add_argument("--no-cache", action="store_true",
                        help="analyse afresh: neither read nor write the analysis cache")
    _add_store_options(parser)


def _add_reader_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--recent", nargs="?", type=int, const=0, default=None, metavar="N",
                        help="without N: list the pairs opened before, most recent first; "
                             "with N: open the Nth of that list")
    _add_input_options(parser)


def _add_align_arguments(align: argparse.ArgumentParser) -> None:
    from readerui.batch import DEFAULT_TIMEOUT

    _add_input_options(align)
    align.add_argument("--json", action="store_true",
                       help="print the JSON object of the contract instead of a summary")
    align.add_argument("--batch", metavar="LIST", type=Path,
                       help="a file of 'A<TAB>B' lines; prints one JSON object per line, in order "
                            "(relative paths are taken from the list's folder)")
    align.add_argument("--jobs", type=_positive_int, default=None, metavar="N",
                       help="processes for --batch (default: the number of CPUs)")
    align.add_argument("--dask", metavar="ADDRESS", default=None,
                       help="with --batch: analyse the pairs on the Dask cluster at ADDRESS "
                            "(tcp://host:8786), or 'local' to start one here with --jobs "
                            "workers; needs readerui[dask]")
    align.add_argument("--timeout", type=_positive_seconds, default=DEFAULT_TIMEOUT,
                       metavar="SECONDS",
                       help="with --batch: a pair not analysed within SECONDS gets an 'error' "
                            f"line and the batch goes on (default: {DEFAULT_TIMEOUT:g})")


def _add_export_arguments(parser: argparse.ArgumentParser) -> None:
    from readerui.exports import FORMATS, formats_help

    _add_input_options(parser)
    parser.add_argument("--format", "-f", choices=list(FORMATS), default=None,
                        help="; ".join(formats_help().splitlines()) + ". Default: from the -o "
                             "suffix (an unknown suffix is an error), else md")
    parser.add_argument("-o", "--output", default=None, metavar="FILE",
                        help="write to FILE (atomically: a temporary file next to it, then a "
                             "rename; never onto an input, a directory, device or FIFO) instead "
                             "of standard output; '-' is standard output")


def _add_config_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=("path", "show", "edit"),
                        help="path: print where config.toml is (--all: every store folder); "
                             "show: print the values in effect; edit: open it in $VISUAL or "
                             "$EDITOR (creating a commented default first), then check it")
    parser.add_argument("--all", action="store_true", help="with 'path': every store folder")
    _add_store_options(parser)


def _add_cache_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=("clear", "path"),
                        help="clear: delete every cached analysis and list what was removed; "
                             "path: print the cache folder")


def _add_completion_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("shell", choices=("bash", "zsh", "fish"),
                        help="the shell to print the completion script for")


def _port(value: str) -> int:
    """A TCP port number, 1..65535."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {value!r}") from None
    if not 1 <= number <= 65535:
        raise argparse.ArgumentTypeError(f"a port is 1 to 65535: {value!r}")
    return number


def _add_serve_arguments(parser: argparse.ArgumentParser) -> None:
    from readerui.serve import DEFAULT_HOST, DEFAULT_PORT

    _add_input_options(parser)
    parser.add_argument("--host", default=DEFAULT_HOST, metavar="ADDRESS",
                        help=f"the address to listen on (default: {DEFAULT_HOST}, this machine "
                             "only; any other prints a warning: there is no password)")
    parser.add_argument("--port", type=_port, default=DEFAULT_PORT, metavar="PORT",
                        help=f"the port to listen on (default: {DEFAULT_PORT})")
    parser.add_argument("--public-url", default=None, metavar="URL",
                        help="the address browsers open, when it is not http://HOST:PORT "
                             "(behind a proxy)")


Runner = Callable[[argparse.Namespace, argparse.ArgumentParser], int]


class Command(NamedTuple):
    """A subcommand: its one-line ``summary`` (in ``readerui --help``), a longer
    ``description`` (its own ``--help``), what adds its arguments and what runs it."""

    summary: str
    description: str
    arguments: Callable[[argparse.ArgumentParser], None]
    run: Runner


def _format_names() -> list[str]:
    """The export formats, from their registry (light: no engine)."""
    from readerui.exports import FORMATS

    return list(FORMATS)


def _commands() -> dict[str, Command]:
    """The subcommands, in the order ``--help`` lists them. The reader is the default: any
    invocation whose first word is not one of these opens it."""
    return {
        "align": Command("print the analysis of two accounts: a summary, or --json",
                         "Align two accounts and print the analysis.",
                         _add_align_arguments, _run_align),
        "export": Command("write a report of two accounts: " + ", ".join(_format_names()),
                          "Write a report of two accounts: aligned pairs with word differences, "
                          "what each account alone says, coverage by speaker and topic, and "
                          "your notes on the pair.",
                          _add_export_arguments, _run_export),
        "config": Command("show or edit config.toml",
                          "Show or edit config.toml (theme, alignment thresholds, language, "
                          "size limit, keymap, topic lexicon).",
                          _add_config_arguments, _run_config),
        "cache": Command("clear the cache of analyses, or print its folder",
                         "Manage the cache of analyses (safe to clear at any time).",
                         _add_cache_arguments, _run_cache),
        "serve": Command("serve the reader to a web browser (needs readerui[serve])",
                         "Serve the reader to web browsers with textual-serve: open the address "
                         "it prints, and each browser tab gets its own reader on the two "
                         "accounts. Listens on 127.0.0.1 (this machine only) unless --host says "
                         "otherwise. Needs 'pip install readerui[serve]'.",
                         _add_serve_arguments, _run_serve),
        "completion": Command("print a shell completion script (bash, zsh or fish)",
                              "Print the completion script for SHELL, generated from the "
                              "command line itself. bash: add 'source <(readerui completion "
                              "bash)' to ~/.bashrc; zsh: 'source <(readerui completion zsh)' in "
                              "~/.zshrc (after compinit); fish: 'readerui completion fish > "
                              "~/.config/fish/completions/readerui.fish'.",
                              _add_completion_arguments, _run_completion),
    }


def _root_parser(with_commands: bool) -> argparse.ArgumentParser:
    """``readerui``'s own parser: the reader's options; ``--help`` lists the commands."""
    commands = _commands()
    width = max(map(len, commands))
    root = _Parser(
        prog=PROG,
        usage=f"{PROG} [options] [A B]\n       {PROG} COMMAND [options] ...",
        description=textwrap.fill(
            "Read two accounts of one event side by side, aligned sentence by sentence. "
            "Without a command, open the reader on files A and B (default: the bundled sample "
            "pair).", 78),
        epilog="commands:\n" + "\n".join(f"  {name:<{width}}  {command.summary}"
                                           for name, command in commands.items())
               + f"\n\nSee '{PROG} COMMAND --help' for a command's options.\n\n" + EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    root.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    _add_reader_arguments(root)
    if with_commands:
        subparsers = root.add_subparsers(dest="command", metavar="COMMAND", prog=PROG,
                                         parser_class=_Parser, help=argparse.SUPPRESS)
        for name, command in commands.items():
            parser = subparsers.add_parser(name, help=command.summary, **_command_options(command))
            _add_command_arguments(parser, command)
    return root


def _command_options(command: Command) -> dict[str, Any]:
    """What a subcommand's parser is made with (in the tree and alone, the same)."""
    return {"description": textwrap.fill(command.description, 78), "epilog": EXIT_CODES,
            "formatter_class": argparse.RawDescriptionHelpFormatter}


def _add_command_arguments(parser: argparse.ArgumentParser, command: Command) -> None:
    command.arguments(parser)
    parser.set_defaults(run=command.run)


def command_parser(name: str) -> argparse.ArgumentParser:
    """The parser of subcommand ``name`` alone, as it is in :func:`build_parser`'s tree: what
    a command line runs, without building (and importing for) every other command's."""
    command = _commands()[name]
    parser = _Parser(prog=f"{PROG} {name}", **_command_options(command))
    _add_command_arguments(parser, command)
    return parser


def build_parser() -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    """The whole command line: the root parser (``readerui [A B]``, the reader, with each
    subcommand's parser under it) and the subcommands' parsers by name. Help, dispatch and
    shell completion all read this one tree."""
    root = _root_parser(with_commands=True)
    return root, dict(subcommands(root))


def subcommands(parser: argparse.ArgumentParser) -> list[tuple[str, argparse.ArgumentParser]]:
    """The (name, parser) of each subcommand under ``parser``, in order."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return list(action.choices.items())
    return []


def _where(args: argparse.Namespace) -> store.Locations:
    """The store folders, with ``--config-dir`` applied (passed on explicitly, never through
    the environment)."""
    config_dir = getattr(args, "config_dir", None)
    return store.locations(config_dir.expanduser().absolute() if config_dir else None)


def _warn(lines: Sequence[str]) -> None:
    """Warnings handed back by the store or a reading: one line each on stderr."""
    for line in lines:
        print(_one_line(line), file=sys.stderr)


def _config(args: argparse.Namespace) -> store.Config:
    """config.toml (its problems as warnings on stderr) with the command-line flags applied."""
    from readerui.language import AUTO
    from readerui.store.atomic import collecting
    from readerui.tokens import supported_languages

    where = _where(args)
    _clean_store(where)
    found: list[str] = []
    with collecting(found):
        config = store.load_config(where=where)
    _warn([*found, *config.warnings])
    overrides = {}
    if args.lang:
        overrides["lang"] = args.lang.strip().lower()
        if overrides["lang"] not in (*supported_languages(), AUTO):
            print(f"{PROG}: warning: no stemmer for language {_one_line(args.lang)!r} (known: "
                  f"{', '.join(supported_languages())}); words are compared unstemmed",
                  file=sys.stderr)
    if args.max_size:
        overrides["max_size"] = args.max_size
    if args.max_sentences:
        overrides["max_sentences"] = args.max_sentences
    if getattr(args, "exclusive", False):
        overrides["exclusive"] = True
        from readerui.align import block_aligner_available

        if not block_aligner_available():
            print(f"{PROG}: note: --exclusive uses the one-link aligner; install "
                  "'readerui[corpus]' (numpy, scipy) for the block aligner that finds 1:n groups",
                  file=sys.stderr)
    if overrides:
        from dataclasses import replace

        config = replace(config, settings=replace(config.settings, **overrides))
    return config


def _settings(args: argparse.Namespace) -> Settings:
    """Settings from config.toml, then command-line flags."""
    return _config(args).settings


def _pair(args: argparse.Namespace, parser: argparse.ArgumentParser) -> tuple[Path, Path]:
    if not args.paths:
        from readerui.samples import sample_paths

        return sample_paths()
    if len(args.paths) != 2:
        parser.error(f"expected two files (A and B), got {len(args.paths)}")
    if sum(map(is_stdin, args.paths)) > 1:
        parser.error("'-' (standard input) can be only one of the accounts: it is read once")
    return _input(args.paths[0]), _input(args.paths[1])  # type: ignore[return-value]


def _input(name: str) -> str | Path:
    """A FILE argument as ingest takes it: ``-`` (standard input) and addresses stay strings."""
    return name if is_stdin(name) else as_input(name)


def _files(paths: Sequence[str | Path]) -> list[str | Path]:
    """The inputs that are files or addresses (not standard input): what an output must not
    overwrite."""
    return [path for path in paths if not is_stdin(path)]


def _terminal_for_keys() -> None:
    """When standard input was an account (a pipe), give the reader the terminal for its keys:
    the controlling terminal becomes standard input again. One line and exit 1 where there is
    none (the output commands need no keys)."""
    if sys.stdin is not None and sys.stdin.isatty():
        return
    try:
        terminal = os.open("CONIN$" if os.name == "nt" else "/dev/tty", os.O_RDWR)
    except OSError:
        raise ReaderError("the reader needs a terminal for its keys, and standard input was "
                          f"the account: use '{PROG} align' or '{PROG} export' here") from None
    os.dup2(terminal, 0)
    os.close(terminal)
    sys.stdin = open(0, closefd=False)  # noqa: SIM115  (fd 0 outlives this function)


def _accounts(args: argparse.Namespace, parser: argparse.ArgumentParser) -> tuple[Path, ...]:
    """The inputs of ``align`` and ``export``: two accounts (the sample pair when none), or
    three to eight (docs/accounts.md)."""
    from readerui.collation import MAX_ACCOUNTS

    if len(args.paths) > MAX_ACCOUNTS:
        parser.error(f"expected 2 to {MAX_ACCOUNTS} files, got {len(args.paths)}")
    if len(args.paths) > 2:
        if sum(map(is_stdin, args.paths)) > 1:
            parser.error("'-' (standard input) can be only one of the accounts: it is read once")
        return tuple(_input(p) for p in args.paths)  # type: ignore[misc]
    return _pair(args, parser)


def _collation(reading: Reading) -> Collation:
    """The reading's collation (through its cache), its warnings on stderr."""
    try:
        return reading.collation()
    finally:
        _warn(reading.take_warnings())


def _reading(args: argparse.Namespace, paths: Sequence[str | Path],
             settings: Settings) -> Reading:
    """The reading of these inputs with the command line's options."""
    from readerui.lifecycle import Reading

    return Reading(paths, settings, lines=args.lines, use_cache=not args.no_cache,
                   where=_where(args))


def _analysis(reading: Reading) -> Analysis:
    """The reading's analysis (through its cache), its warnings on stderr."""
    from readerui.analysis import language_warning

    try:
        analysis = reading.analyse()
    finally:
        _warn(reading.take_warnings())
    warning = language_warning(analysis)
    if warning:
        print(f"{PROG}: warning: {warning}", file=sys.stderr)
    return analysis


def _run_batch(args: argparse.Namespace, settings: Settings) -> int:
    from readerui.batch import read_batch, run_batch

    pairs = read_batch(args.batch, settings.max_size)
    workers = max(1, args.jobs or os.cpu_count() or 1)
    failures = 0

    def emit(ok: bool, line: str) -> None:
        nonlocal failures
        failures += not ok
        print(line, flush=True)

    if args.dask:  # readerui[dask]: the same per-pair lines, from a Dask cluster, in order
        from readerui.batch import analyse_job
        from readerui.batch_dask import dask_map

        jobs = [(a, b, settings, args.lines) for a, b in pairs]
        for ok, line in dask_map(analyse_job, jobs, args.dask, args.jobs):
            emit(ok, line)
    else:
        run_batch(pairs, settings, args.lines, workers, args.timeout, emit)
    if failures:
        print(f"{PROG}: error: {failures} of {len(pairs)} pairs failed (see their 'error' lines)",
              file=sys.stderr)
        return 1
    return 0


def _run_align(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    settings = _settings(args)
    if args.batch:
        if args.paths:
            parser.error("--batch takes no FILE arguments")
        return _run_batch(args, settings)
    if args.dask:
        parser.error("--dask works with --batch LIST")
    paths = _accounts(args, parser)
    if len(paths) > 2:  # three accounts or more: claims (docs/accounts.md)
        collation = _collation(_reading(args, paths, settings))
        if args.json:
            from readerui.exports.claims_json import collation_to_json

            sys.stdout.write(collation_to_json(collation) + "\n")
        else:
            from readerui.summary import print_collation_summary

            print_collation_summary(collation)
        return 0
    analysis = _analysis(_reading(args, paths, settings))
    if args.json:
        from readerui.exports import to_json

        sys.stdout.write(to_json(analysis) + "\n")
    else:
        from readerui.summary import print_summary

        print_summary(analysis)
    return 0


def _print_recent(where: store.Locations) -> int:
    pairs = store.recent_pairs(where)
    if not pairs:
        print(f"No recent pairs yet: '{PROG} A B' opens one.")
        return 0
    for number, pair in enumerate(pairs, start=1):
        lines = "  (--lines)" if pair.lines else ""
        paths = "  ".join(shown(path) for path in pair.paths)
        print(f"{number:>2}  {paths}{lines}  [{shown(pair.opened[:16])}]")
    return 0


MAX_READER_ACCOUNTS = 8  # the reader names accounts A to H


def _run_reader(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from readerui.gcpause import pause_until_resumed, resume

    # Start-up makes many objects that all live on: the collector is paused until the reader's
    # first frame (the app resumes it then), or until the reader is gone, whichever is first.
    pause_until_resumed()
    try:
        return _open_reader(args, parser)
    finally:
        resume()


def _open_reader(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    config = _config(args)
    settings = config.settings
    if args.recent is not None:
        if args.paths:
            parser.error("--recent takes no FILE arguments")
        if args.recent == 0:
            return _print_recent(_where(args))
        pairs = store.recent_pairs(_where(args))
        if not 1 <= args.recent <= len(pairs):
            raise ReaderError(f"--recent {args.recent}: there are {len(pairs)} recent pairs "
                              f"(see '{PROG} --recent')")
        chosen = pairs[args.recent - 1]  # two accounts or more, as they were opened
        args.lines = args.lines or chosen.lines
        paths: tuple[str | Path, ...] = tuple(as_input(path) for path in chosen.paths)
    elif len(args.paths) > 2:  # a reading of several accounts (the reader shows two at once)
        if len(args.paths) > MAX_READER_ACCOUNTS:
            parser.error(f"expected 2 to {MAX_READER_ACCOUNTS} files, got {len(args.paths)}")
        if sum(map(is_stdin, args.paths)) > 1:
            parser.error("'-' (standard input) can be only one of the accounts: it is read once")
        paths = tuple(_input(p) for p in args.paths)
    else:
        paths = _pair(args, parser)
    reading = _reading(args, paths, settings)
    # The texts first: ingest without the cache lookup (a digest of the engine's files and the
    # inputs), which the reader's worker does after the first paint, as it files the pair in the
    # recent list; a cache hit then shows the analysis at once.
    a, b, *_ = reading.ingest()
    _warn(reading.take_warnings())
    if any(map(is_stdin, paths)):
        _terminal_for_keys()
    from readerui.tui.app import ReaderApp
    from readerui.tui.bindings import all_keys

    known = [key.id for key in all_keys()]
    for line in store.keymap_problems(config.keymap, known):
        print(line, file=sys.stderr)
    keymap = {binding: keys for binding, keys in config.keymap.items() if binding in known}
    app = ReaderApp(a, b, settings=settings, keymap=keymap, config=config, reading=reading,
                    remember=True)
    if config.theme in app.available_themes:
        app.theme = config.theme
    else:
        print(f"{PROG}: warning: config.toml: 'theme' {config.theme!r} is not a theme (known: "
              f"{', '.join(app.available_themes)}); using the default", file=sys.stderr)
    app.run()  # the reading caches the analysis the reader computes, as soon as it is ready
    return app.return_code or 0


def _run_export(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from readerui.exports import FORMATS, format_of, render, write_export

    settings = _settings(args)
    paths = _accounts(args, parser)
    if len(paths) > 2:
        return _export_collation(args, parser, paths, settings)
    path_a, path_b = paths
    output = None if args.output in (None, "-") else Path(args.output)
    if output is not None:  # refuse a bad target before spending time on the analysis
        from readerui.exports import check_output

        check_output(output, _files([path_a, path_b]))
    try:  # an unknown suffix stops here, before any work: a usage error
        fmt = args.format or format_of(output)
    except ReaderError as exc:
        parser.error(str(exc))
    reading = _reading(args, (path_a, path_b), settings)
    analysis = _analysis(reading)
    notes = []
    if FORMATS[fmt].notes:
        notes = reading.anchored_notes(analysis)  # re-anchored as the reader's export does
        _warn(reading.take_warnings())
    if output is None:
        sys.stdout.write(render(analysis, fmt, notes, settings))
    else:
        write_export(analysis, output, fmt, notes, settings, inputs=_files([path_a, path_b]))
        print(f"{PROG}: wrote {_one_line(str(output))} ({fmt})", file=sys.stderr)
    return 0


def _export_collation(args: argparse.Namespace, parser: argparse.ArgumentParser,
                      paths: Sequence[Path], settings: Settings) -> int:
    """``readerui export A B C …``: the claims matrix of three accounts or more."""
    from readerui.exports import COLLATION_FORMATS, check_output, format_of, render_collation
    from readerui.exports.files import write_collation_export

    output = None if args.output in (None, "-") else Path(args.output)
    if output is not None:
        check_output(output, _files(paths))
    try:  # an unknown suffix stops here, before any work: a usage error
        fmt = args.format or (format_of(output) if output is not None else "claims-md")
    except ReaderError as exc:
        parser.error(str(exc))
    if fmt not in COLLATION_FORMATS:
        raise ReaderError(f"format {fmt!r} writes two accounts only; for {len(paths)} accounts "
                          f"choose one of {', '.join(COLLATION_FORMATS)} (-f)")
    reading = _reading(args, paths, settings)
    collation = _collation(reading)
    notes = reading.anchored_notes(collation)
    _warn(reading.take_warnings())
    if output is None:
        sys.stdout.write(render_collation(collation, fmt, notes))
    else:
        write_collation_export(collation, output, fmt, notes, inputs=_files(paths))
        print(f"{PROG}: wrote {_one_line(str(output))} ({fmt})", file=sys.stderr)
    return 0


def _run_config(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    where = _where(args)
    if args.action == "path":
        if args.all:
            for name in ("config_dir", "data_dir", "cache_dir", "state_dir"):
                print(f"{name:<10}  {getattr(where, name)}  (${store.ENV_VARS[name]})")
        else:
            print(where.config_file)
        return 0
    if args.action == "show":
        config = store.load_config(where=where)
        for line in config.warnings:
            print(line, file=sys.stderr)
        origin = where.config_file if where.config_file.is_file() else "defaults (no config file)"
        sys.stdout.write(f"# values in effect, from {origin}\n" + store.config_to_toml(config))
        return 0
    return _edit_config(where.config_file)


def _edit_config(path: Path) -> int:
    """Open config.toml in the user's editor, then report its problems (exit 1 when any)."""
    import shlex
    import subprocess

    if store.ensure_config_file(path):
        print(f"{PROG}: created {path} with every setting commented out", file=sys.stderr)
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    command = [*shlex.split(editor), str(path)]
    try:
        status = subprocess.call(command)
    except OSError as exc:
        raise ReaderError(f"cannot run the editor {editor!r} ($VISUAL / $EDITOR): "
                          f"{exc.strerror or exc}") from None
    if status != 0:
        print(f"{PROG}: warning: the editor exited with status {status}", file=sys.stderr)
    problems = store.check_config(path)
    for line in problems:
        print(line, file=sys.stderr)
    if problems:
        print(f"{PROG}: {path} has {len(problems)} problem(s); the defaults are used for those "
              f"('{PROG} config edit' to fix)", file=sys.stderr)
        return 1
    print(f"{PROG}: {path} is valid")
    return 0


def _run_cache(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    where = store.locations()
    if args.action == "path":
        print(where.cache_dir)
        return 0
    from readerui.web import cache as page_cache  # pages fetched for 'readerui URL URL'

    removed = store.clear_cache(where) + page_cache.clear(where)
    for path in removed:
        print(f"removed {path}")
    print(f"{PROG}: removed {len(removed)} cache entr{'y' if len(removed) == 1 else 'ies'} "
          f"from {where.cache_dir}")
    return 0


def _run_serve(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from readerui.serve import reader_command, serve

    path_a, path_b = _pair(args, parser)
    if is_stdin(path_a) or is_stdin(path_b):
        parser.error("'-' (standard input) cannot be served: each browser tab starts the reader "
                     "afresh; save the text to a file")
    settings = _settings(args)
    _reading(args, (path_a, path_b), settings).load()  # bad input: one line now, not per tab
    options = [*(["--lines"] if args.lines else []), *(["--exclusive"] if args.exclusive else []),
               *(["--no-cache"] if args.no_cache else []),
               *(["--lang", args.lang] if args.lang else []),
               *(["--max-size", str(args.max_size)] if args.max_size else []),
               *(["--max-sentences", str(args.max_sentences)] if args.max_sentences else []),
               *(["--config-dir", str(args.config_dir.expanduser().absolute())]
                 if args.config_dir else [])]
    inputs = [str(path if isinstance(path, str) else path.absolute())
              for path in (path_a, path_b)]
    title = f"readerui: {Path(inputs[0]).name} | {Path(inputs[1]).name}"
    return serve(reader_command([*options, "--", *inputs]), args.host, args.port,
                 args.public_url, title)


def _run_completion(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from readerui.completion import script

    root, _ = build_parser()
    sys.stdout.write(script(args.shell, root, PROG))
    return 0


def _print_store_warnings() -> None:
    for line in store.take_warnings():
        print(line, file=sys.stderr)


def _one_line(message: str) -> str:
    """An error message safe for a terminal: no control sequences, no line breaks (file names
    come from the user and may hold either)."""
    return " ".join(shown(message).split())


def _clean_store(where: store.Locations) -> None:
    """Remove temporary files a killed readerui left in the store folders."""
    from readerui.store.atomic import clean_stale_temps

    clean_stale_temps(where.folders)


def _command_word(word: str) -> bool:
    """Whether ``word``, given where a command or the first file goes, reads as a (mistyped)
    command rather than a file: a bare lower-case word that names no file."""
    return re.fullmatch(r"[a-z][a-z0-9-]*", word) is not None and not os.path.lexists(word)


def _closest_command(word: str, names: Sequence[str]) -> str | None:
    """The command ``word`` most likely mistypes, or None."""
    import difflib

    prefixed = [name for name in names if len(word) >= 2 and name.startswith(word)]
    if len(prefixed) == 1:
        return prefixed[0]
    close = difflib.get_close_matches(word, names, n=1, cutoff=0.6)
    return close[0] if close else None


def _dispatch(argv: list[str]) -> int:
    """Parse ``argv`` with the command it names (the reader when it names none) and run it."""
    names = list(_commands())  # only the command that runs gets its parser built
    if argv and argv[0] in names:
        parser = command_parser(argv[0])
        args = parser.parse_args(argv[1:])
        run: Runner = args.run
        return run(args, parser)
    if argv and _command_word(argv[0]):
        guess = _closest_command(argv[0], names)
        if guess:
            _usage_error(f"unknown command {argv[0]!r}; did you mean {guess!r}?")
    reader = _root_parser(with_commands=False)
    args = reader.parse_args(argv)
    if args.paths and len(args.paths) != 2 and _command_word(args.paths[0]):
        _usage_error(f"unknown command {args.paths[0]!r} (commands: {', '.join(names)})")
    return _run_reader(args, reader)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``readerui`` command; returns the exit status: 0 success, 1 an input
    or analysis error, 2 a usage error (raised as SystemExit by argparse), 130 interrupted."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        return _dispatch(argv)
    except ReaderError as exc:
        print(f"{PROG}: error: {_one_line(str(exc))}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        # stdout closed early (``readerui align ... | head``): end quietly, as any Unix filter
        # does. (SIGPIPE is not reset to its default: a write to a dead worker's pipe must stay
        # an error we handle, not a silent death.)
        with contextlib.suppress(OSError, ValueError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except OSError as exc:
        # Last line of defence: a file problem the checks above did not foresee is still one line.
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"{PROG}: error: {_one_line(f'{where}{exc.strerror or exc}')}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        say_interrupted()  # once: a second Ctrl-C while leaving does not repeat it
        return EXIT_INTERRUPTED
    finally:
        if "readerui.store.locations" in sys.modules:  # the store was used (not for --help)
            with contextlib.suppress(OSError, ValueError):
                _print_store_warnings()  # e.g. a damaged recent.json moved aside
