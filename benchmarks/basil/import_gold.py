"""Copy hand-labelled BASIL gold files into ``gold/`` without the copyrighted sentence texts.

    python benchmarks/basil/import_gold.py LABEL_DIR      # *.json written by the labellers

Each sentence keeps its index, paragraph, role and speaker; its text is replaced by ``sha``, the
first 12 hex digits of the SHA-1 of the text, which ``basil_eval.py`` checks against the texts
rebuilt by ``rebuild.py``. Links, speaker aliases and the labellers' decisions are kept whole.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def text_hash(text: str) -> str:
    """The short hash that stands for a sentence's text in a stored gold file."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def strip(gold: dict) -> dict:
    """The gold file with every sentence text replaced by its hash."""
    out = {k: v for k, v in gold.items() if k not in ("a", "b")}
    for side in ("a", "b"):
        out[side] = [{**{k: v for k, v in s.items() if k != "text"}, "sha": text_hash(s["text"])}
                     for s in gold[side]]
    return out


def main(argv: list[str]) -> int:
    """Import every gold file of LABEL_DIR."""
    if len(argv) != 1:
        print(__doc__)
        return 2
    target = HERE / "gold"
    target.mkdir(exist_ok=True)
    for path in sorted(Path(argv[0]).glob("*.json")):
        gold = json.loads(path.read_text("utf-8"))
        (target / path.name).write_text(json.dumps(strip(gold), indent=1) + "\n", "utf-8")
        print(f"imported {path.name}: {len(gold['a'])}+{len(gold['b'])} sentences, "
              f"{len(gold['links'])} links")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
