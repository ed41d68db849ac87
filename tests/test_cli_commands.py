"""The command line's shape: subcommands, the reader as the default, a mistyped command named,
and the exit statuses `readerui --help` and the README document (0 ok, 1 input or analysis
error, 2 usage)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from readerui import cli
from readerui.cli import EXIT_ERROR, EXIT_OK, EXIT_USAGE, build_parser, main

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_A = ROOT / "sample_texts" / "mfa_readout.txt"
SAMPLE_B = ROOT / "sample_texts" / "xinhua_report.txt"


def run_main(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run the command in this process: (status, stdout, stderr), usage errors included."""
    try:
        status = main(list(args))
    except SystemExit as stop:
        status = stop.code if isinstance(stop.code, int) else 1
    out, err = capsys.readouterr()
    return status, out, err


def command_names() -> list[str]:
    return list(build_parser()[1])


def test_the_commands_are_argparse_subparsers_of_one_tree() -> None:
    root, parsers = build_parser()
    assert {"align", "export", "config", "cache"} <= set(parsers)
    assert [name for name, _ in cli.subcommands(root)] == list(parsers)
    for name, parser in parsers.items():
        assert parser.prog == f"readerui {name}"


def test_a_command_line_builds_the_same_parser_as_the_tree() -> None:
    """Dispatch builds the named command's parser alone (quicker --help); it must be the tree's:
    same prog, help text, options and defaults."""
    _, parsers = build_parser()
    for name, in_tree in parsers.items():
        alone = cli.command_parser(name)
        assert alone.prog == in_tree.prog
        assert alone.format_help() == in_tree.format_help()
        assert [(a.dest, a.option_strings, a.default, a.choices) for a in alone._actions] \
            == [(a.dest, a.option_strings, a.default, a.choices) for a in in_tree._actions]
        assert alone.get_default("run") is in_tree.get_default("run") is not None


@pytest.mark.parametrize(("typed", "meant"), [("algin", "align"), ("alig", "align"),
                                              ("exprot", "export"), ("confg", "config"),
                                              ("cach", "cache")])
def test_a_mistyped_command_names_the_closest(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch, typed: str,
                                              meant: str) -> None:
    monkeypatch.chdir(tmp_path)  # where no file is called `typed`
    for args in ([typed], [typed, "a.txt", "b.txt"], [typed, "--json", "a.txt", "b.txt"]):
        status, out, err = run_main(capsys, *args)
        assert status == EXIT_USAGE and out == ""
        assert err.count("\n") == 1
        assert f"unknown command '{typed}'; did you mean '{meant}'?" in err


def test_an_unknown_command_lists_the_commands(capsys: pytest.CaptureFixture[str],
                                               tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    status, out, err = run_main(capsys, "frobnicate", "a.txt", "b.txt")
    assert status == EXIT_USAGE and out == "" and err.count("\n") == 1
    assert "unknown command 'frobnicate'" in err
    assert all(name in err for name in command_names())


def test_a_file_named_like_a_command_is_still_a_file(capsys: pytest.CaptureFixture[str],
                                                     tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Only a word that names no file is taken for a command: a file called 'algin' is read."""
    monkeypatch.chdir(tmp_path)
    Path("algin").write_bytes(b"\x00\x01binary")
    status, out, err = run_main(capsys, "algin", str(SAMPLE_B))
    assert status == EXIT_ERROR and out == ""
    assert "did you mean" not in err and "algin" in err
    # Two files whose first does not exist: the missing file is the error, not a command.
    status, _, err = run_main(capsys, "missing.txt", str(SAMPLE_B))
    assert status == EXIT_ERROR and "missing.txt" in err and "command" not in err


def test_exit_statuses(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("The council approved the budget on Monday.\n")
    b.write_text("On Monday the budget was approved by the council.\n")
    assert run_main(capsys, "align", "--lines", "--json", str(a), str(b))[0] == EXIT_OK
    assert run_main(capsys, "--version")[0] == EXIT_OK
    assert run_main(capsys, "--help")[0] == EXIT_OK
    # input or analysis errors: 1
    for args in (["align", str(a), str(tmp_path / "missing.txt")],
                 ["export", str(a), str(b), "-o", str(a)],          # onto an input
                 ["align", "--max-size", "1", str(a), str(b)],      # too large
                 ["--recent", "5"]):                                 # no such recent pair
        status, out, err = run_main(capsys, *args)
        assert status == EXIT_ERROR, (args, err)
        assert out == "" and err.count("\n") == 1 and err.startswith("readerui: error:")
    # usage errors: 2
    for args in (["align", "--no-such-option"], ["align", str(a)], ["export", "-f", "docx"],
                 ["export", str(a), str(b), "-o", str(tmp_path / "r.docx")], ["algin"],
                 ["config", "bogus"], [str(a), str(b)] * 5, ["--recent", "x"]):
        # (three to eight accounts open a reading of several: nine are too many)
        status, out, err = run_main(capsys, *args)
        assert status == EXIT_USAGE, (args, err)
        assert out == "" and err.count("\n") == 1 and "error" in err


def test_help_lists_every_command_and_the_exit_statuses(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run_main(capsys, "--help")
    assert status == EXIT_OK
    for name in command_names():
        assert re.search(rf"^  {name}\s+\S", out, re.MULTILINE), name
    for code in (EXIT_OK, EXIT_ERROR, EXIT_USAGE):
        assert re.search(rf"^  {code}\s+\S", out, re.MULTILINE)
    from readerui.exports import FORMATS

    assert all(name in out for name in FORMATS)  # every export format, from the registry
    for name in command_names():  # each command's help states them too
        status, out, _ = run_main(capsys, name, "--help")
        assert status == EXIT_OK and "exit status:" in out and f"readerui {name}" in out


def test_readme_lists_every_command_and_the_exit_statuses() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in command_names():
        assert f"readerui {name}" in readme, name
    section = readme[readme.index("**Exit status**"):]
    for code, meaning in ((EXIT_OK, "success"), (EXIT_ERROR, "input"), (EXIT_USAGE, "usage")):
        assert re.search(rf"\| `{code}` \|[^\n]*{meaning}", section), code


def test_the_reader_is_the_default_command(capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """`readerui A B` and `readerui` alone reach the reader with the right files (the app itself
    is not started here: tests/tui/ and the tmux test drive it)."""
    seen: list[list[str]] = []

    def fake_reader(args: object, parser: object) -> int:
        seen.append(list(getattr(args, "paths")))  # noqa: B009
        return 0

    monkeypatch.setattr(cli, "_run_reader", fake_reader)
    assert main([str(SAMPLE_A), str(SAMPLE_B)]) == 0
    assert main([]) == 0
    assert main(["--lines", str(SAMPLE_A), str(SAMPLE_B)]) == 0
    assert seen == [[str(SAMPLE_A), str(SAMPLE_B)], [], [str(SAMPLE_A), str(SAMPLE_B)]]
