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
    command = re.search(r"^(pip install -e '\.\[test\]' && pytest(?: -n \d+)?)(?=\s)", README,
                        re.MULTILINE)
    assert command, "README must give the one-line test command"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert command.group(1) in ci.splitlines()


def test_readme_screenshot_exists() -> None:
    for target in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", README):
        assert (ROOT / target).is_file(), target


def test_the_readme_folder_map_names_everything_in_the_package() -> None:
    """README's map of src/readerui/ matches the tree: every module and package is named, and
    every name in its first column exists."""
    block = README.split("```\nsrc/readerui/\n", 1)[1].split("```", 1)[0]

    def stem(word: str) -> str:
        return word.rstrip("/").removesuffix(".py")

    first = {stem(word) for line in block.splitlines()
             if line.startswith("  ") and not line.startswith("   ")
             for word in line.split("  ")[1].split()}
    anywhere = {stem(word) for word in re.findall(r"[\w]+(?:\.py|/)", block)}
    package = ROOT / "src" / "readerui"
    present = {path.stem if path.suffix == ".py" else path.name for path in package.iterdir()
               if path.name != "__pycache__" and (path.is_dir() or path.suffix == ".py")}
    assert present - anywhere == set(), f"README's folder map lacks {sorted(present - anywhere)}"
    assert first - present == set(), f"README's folder map names {sorted(first - present)}"
