"""Shell completion: the scripts `readerui completion SHELL` prints, run by the real shells.

bash is driven directly (COMP_WORDS, then the completion function); fish answers
``complete -C``; zsh's completion needs a terminal, so it is typed into zsh in tmux. The zsh and
fish tests skip where those shells are not installed (.ci/run installs them)."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import time
import uuid
from pathlib import Path

import pytest

from readerui.cli import PROG, build_parser, main
from readerui.completion import SHELLS, script, specs


def generated(shell: str) -> str:
    return script(shell, build_parser()[0], PROG)


def all_specs():  # type: ignore[no-untyped-def]
    return specs(build_parser()[0])


def bash_complete(tmp_path: Path, *words: str) -> list[str]:
    """What bash offers for the command line ``words`` (the last one being completed)."""
    source = tmp_path / "readerui.bash"
    source.write_text(generated("bash"))
    program = (f"source {shlex.quote(str(source))}\n"
               f"COMP_WORDS=({' '.join(shlex.quote(word) for word in words)})\n"
               f"COMP_CWORD={len(words) - 1}\n"
               "_readerui_complete\n"
               'printf "%s\\n" "${COMPREPLY[@]}"\n')
    done = subprocess.run(["bash", "--norc", "--noprofile", "-c", program], capture_output=True,
                          text=True, cwd=tmp_path, timeout=30, check=True)
    return [line for line in done.stdout.splitlines() if line]


def test_the_command_prints_each_script(capsys: pytest.CaptureFixture[str]) -> None:
    for shell in SHELLS:
        assert main(["completion", shell]) == 0
        out = capsys.readouterr().out
        assert out == generated(shell) and "readerui" in out


def test_bash_completes_commands_options_and_their_values(tmp_path: Path) -> None:
    commands = [spec.name for spec in all_specs() if spec.name]
    assert {"align", "export", "config", "cache", "completion"} <= set(commands)
    for name in commands:
        assert bash_complete(tmp_path, "readerui", name[:3]) == [name]
    assert set(bash_complete(tmp_path, "readerui", "")) >= set(commands)
    for spec in all_specs():
        words = ["readerui", *([spec.name] if spec.name else [])]
        offered = set(bash_complete(tmp_path, *words, "-"))
        assert offered == {flag for option in spec.options for flag in option.flags}, spec.name
    assert bash_complete(tmp_path, "readerui", "align", "--js") == ["--json"]
    assert bash_complete(tmp_path, "readerui", "export", "-f", "j") == ["json", "jsonl"]
    assert bash_complete(tmp_path, "readerui", "cache", "") == ["clear", "path"]
    assert bash_complete(tmp_path, "readerui", "completion", "z") == ["zsh"]


def test_bash_completes_files_where_files_go(tmp_path: Path) -> None:
    (tmp_path / "account-a.txt").write_text("x")
    (tmp_path / "folder").mkdir()
    assert bash_complete(tmp_path, "readerui", "acc") == ["account-a.txt"]
    assert bash_complete(tmp_path, "readerui", "align", "--json", "acc") == ["account-a.txt"]
    assert bash_complete(tmp_path, "readerui", "export", "-o", "acc") == ["account-a.txt"]
    assert bash_complete(tmp_path, "readerui", "--config-dir", "") == ["folder"]
    assert bash_complete(tmp_path, "readerui", "align", "--lang", "") == []  # free text


@pytest.mark.skipif(shutil.which("fish") is None, reason="fish is not installed")
def test_fish_completes_commands_options_and_their_values(tmp_path: Path) -> None:
    source = tmp_path / "readerui.fish"
    source.write_text(generated("fish"))

    def offered(line: str) -> list[str]:
        done = subprocess.run(["fish", "--no-config", "-c",
                               f"source {source}; complete -C {shlex.quote(line)}"],
                              capture_output=True, text=True, cwd=tmp_path, timeout=30,
                              check=True)
        return [row.split("\t")[0] for row in done.stdout.splitlines()]

    for spec in all_specs():
        if spec.name:
            assert spec.name in offered(f"readerui {spec.name[:3]}")
    assert offered("readerui align --js") == ["--json"]
    assert offered("readerui export -f j") == ["json", "jsonl"]
    assert sorted(offered("readerui config ")) == ["edit", "path", "show"]
    assert "--recent" in offered("readerui --rec")


@pytest.mark.skipif(shutil.which("zsh") is None or shutil.which("tmux") is None,
                    reason="zsh (or tmux, which gives it a terminal) is not installed")
def test_zsh_completes_a_command_and_an_option_value(tmp_path: Path) -> None:
    source = tmp_path / "readerui.zsh"
    source.write_text(generated("zsh"))
    syntax = subprocess.run(["zsh", "-n", str(source)], capture_output=True, text=True)
    assert syntax.returncode == 0, syntax.stderr
    name = f"readerui-zsh-{uuid.uuid4().hex[:8]}"
    home = shlex.quote(str(tmp_path))
    shell = f"cd {home} && env -i TERM=xterm HOME={home} PATH=/usr/bin:/bin zsh -f"
    # A tmux server of its own (-L): killing it at the end cannot race another test's tmux.
    tmux = ["tmux", "-L", name]
    subprocess.run([*tmux, "new-session", "-d", "-s", name, "-x", "100", "-y", "20", shell],
                   check=True)

    def screen_shows(text: str) -> str:
        """The screen once a line of it ends with ``text`` (polled, with a deadline)."""
        deadline = time.monotonic() + 20
        while True:
            shown = subprocess.run([*tmux, "capture-pane", "-p", "-t", name],
                                   capture_output=True, text=True).stdout
            if any(line.rstrip().endswith(text) for line in shown.splitlines()):
                return shown
            if time.monotonic() > deadline:
                raise AssertionError(f"zsh never showed {text!r}:\n{shown}")
            time.sleep(0.05)

    def send(*keys: str) -> None:
        subprocess.run([*tmux, "send-keys", "-t", name, "--", *keys], check=True)

    try:
        send(f"autoload -U compinit && compinit -u && source {source} && echo READY", "Enter")
        screen_shows("READY")
        send("readerui exp", "Tab")
        screen_shows("readerui export")
        send("-f sent", "Tab")
        screen_shows("readerui export -f sentences-csv")
    finally:
        subprocess.run([*tmux, "kill-server"], capture_output=True)


@pytest.mark.parametrize("shell", SHELLS)
def test_each_script_names_every_command_and_option(shell: str) -> None:
    text = generated(shell)
    for spec in all_specs():
        if spec.name:
            assert spec.name in text
        for option in spec.options:
            for flag in option.flags:
                bare = flag.lstrip("-")
                assert (flag in text) or (shell == "fish" and f" {bare} " in text), flag
