"""The README stays true to the program: every key binding documented, CI runs its command."""

from __future__ import annotations

import re
from pathlib import Path

from readerui.tui.bindings import all_keys

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_binding_id_is_in_the_readme() -> None:
    missing = [key.id for key in all_keys() if f"`{key.id}`" not in README]
    assert not missing, f"README's Keys table lacks {missing}"


def test_ci_runs_the_readme_test_command() -> None:
    command = re.search(r"^(pip install -e '\.\[test\]' && pytest)\b", README, re.MULTILINE)
    assert command, "README must give the one-line test command"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert command.group(1) in ci.splitlines()


def test_readme_screenshot_exists() -> None:
    for target in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", README):
        assert (ROOT / target).is_file(), target
