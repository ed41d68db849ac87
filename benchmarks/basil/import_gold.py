"""Copy hand-labelled BASIL gold files into ``gold/`` without the copyrighted sentence texts.

    python benchmarks/basil/import_gold.py LABEL_DIR      # *.json written by the labellers
    python benchmarks/basil/import_gold.py LABEL_DIR TARGET   # into TARGET instead of gold/

Each sentence keeps its index, paragraph, role and speaker; its text is replaced by ``sha``, the
first 12 hex digits of the SHA-1 of the text, which ``basil_eval.py`` checks against the texts
rebuilt by ``rebuild.py``. Links are kept whole; speaker aliases longer than 40 characters are
dropped, and the labellers' notes lose any quotation or run of 30 characters of the articles.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from difflib import SequenceMatcher
from pathlib import Path

HERE = Path(__file__).resolve().parent


def text_hash(text: str) -> str:
    """The short hash that stands for a sentence's text in a stored gold file."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


# A quotation in the labellers' notes longer than this is replaced by "[…]": the notes explain
# decisions by sentence number, and the articles' wording stays out of the repository.
_QUOTE = re.compile(r"[\"“”‘’'«]([^\"“”«»]{25,}?)[\"“”’'»]")


def _unquoted(value: object) -> object:
    """Notes with long quotations of the article text cut out."""
    if isinstance(value, str):
        return _QUOTE.sub("“[…]”", value)
    if isinstance(value, list):
        return [_unquoted(item) for item in value]
    return value


def _without_text(note: object, sentences: list[str]) -> object:
    """A note with every run of 30 or more characters shared with a sentence cut out."""
    if isinstance(note, list):
        return [_without_text(item, sentences) for item in note]
    if not isinstance(note, str):
        return note
    for sentence in sentences:
        while True:
            match = SequenceMatcher(None, note, sentence, autojunk=False).find_longest_match()
            if match.size < 30:
                break
            note = note[:match.a] + "[…]" + note[match.a + match.size:]
    return note


def strip(gold: dict) -> dict:
    """The gold file with every sentence text replaced by its hash and quotations cut from the
    labellers' notes."""
    out = {k: (_unquoted(v) if k in ("decisions", "review", "labeller_notes") else v)
           for k, v in gold.items() if k not in ("a", "b")}
    sentences = [s["text"] for side in ("a", "b") for s in gold[side]]
    for key in ("decisions", "review", "labeller_notes"):
        if key in out:
            out[key] = _without_text(out[key], sentences)
    # an alias is a name or a short description; a long one is a phrase of the article
    out["speaker_aliases"] = {name: [form for form in forms if len(form) <= 40]
                              for name, forms in gold.get("speaker_aliases", {}).items()}
    for side in ("a", "b"):
        out[side] = [{**{k: v for k, v in s.items() if k != "text"}, "sha": text_hash(s["text"])}
                     for s in gold[side]]
    return out


def main(argv: list[str]) -> int:
    """Import every gold file of LABEL_DIR."""
    if len(argv) not in (1, 2):
        print(__doc__)
        return 2
    target = Path(argv[1]) if len(argv) == 2 else HERE / "gold"
    target.mkdir(exist_ok=True)
    for path in sorted(Path(argv[0]).glob("*.json")):
        gold = json.loads(path.read_text("utf-8"))
        (target / path.name).write_text(json.dumps(strip(gold), indent=1) + "\n", "utf-8")
        print(f"imported {path.name}: {len(gold['a'])}+{len(gold['b'])} sentences, "
              f"{len(gold['links'])} links")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
