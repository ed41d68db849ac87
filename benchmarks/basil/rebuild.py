"""Rebuild the BASIL development texts that the labels in ``gold/`` refer to.

BASIL (launchnlp/BASIL: 100 same-event triplets from NYT, Fox News and HuffPost, 2010-2019) is
copyrighted news released for research, so its texts are not in this repository. Fetch the
repository yourself, then:

    python benchmarks/basil/rebuild.py BASIL_GIT_DIR [OUT_DIR]     # OUT_DIR: benchmarks/basil/texts

writes each development article as pre-split text (``readerui --lines`` input):
``<year>-<uuid8>-<source>.txt`` holding the headline, a blank line, then BASIL's own sentences
one a line with a blank line between paragraphs. BASIL_GIT_DIR may be a bare git directory or a
checkout. The first two triplets of each year, by UUID order, are reserved for evaluation and are
never written. The gold files record a hash of every sentence, so a rebuild that differs is caught
by ``basil_eval.py`` before anything is scored.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESERVED_PER_YEAR = 2


def _git(git_dir: str, *args: str) -> bytes:
    return subprocess.run(["git", f"--git-dir={git_dir}", *args], check=True,
                          capture_output=True).stdout


def _git_dir(path: str) -> str:
    candidate = Path(path)
    return str(candidate / ".git") if (candidate / ".git").exists() else str(candidate)


def development_articles(git_dir: str) -> dict[str, list[str]]:
    """Triplet id ``<year>-<uuid8>`` -> its article paths, reserved triplets left out."""
    names = _git(git_dir, "ls-tree", "-r", "--name-only", "HEAD", "articles/").decode().split()
    by_year: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for name in names:
        parts = name.split("/")
        if len(parts) == 3 and parts[2].endswith(".json"):
            by_year[parts[1]][parts[2].rsplit("_", 1)[0]].append(name)
    triplets: dict[str, list[str]] = {}
    for year in sorted(by_year):
        for uuid in sorted(by_year[year])[RESERVED_PER_YEAR:]:
            triplets[f"{year}-{uuid[:8]}"] = sorted(by_year[year][uuid])
    return triplets


def article_text(article: dict) -> str:
    """The headline, then the body sentences one a line, a blank line between paragraphs."""
    paragraphs = [[s.strip() for s in p if s.strip()] for p in article.get("body-paragraphs", [])]
    blocks = [article["title"].strip()] + ["\n".join(p) for p in paragraphs if p]
    return "\n\n".join(blocks) + "\n"


def main(argv: list[str]) -> int:
    """Write every development article under OUT_DIR."""
    if not argv:
        print(__doc__)
        return 2
    git_dir = _git_dir(argv[0])
    out = Path(argv[1]) if len(argv) > 1 else HERE / "texts"
    out.mkdir(parents=True, exist_ok=True)
    written = 0
    for triplet, paths in development_articles(git_dir).items():
        for path in paths:
            article = json.loads(_git(git_dir, "show", f"HEAD:{path}"))
            source = str(article.get("source", "x")).lower()
            (out / f"{triplet}-{source}.txt").write_text(article_text(article), "utf-8")
            written += 1
    print(f"{written} development articles written to {out} (reserved triplets left out)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
