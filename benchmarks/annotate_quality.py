"""Speaker accuracy and topic recall of ``readerui.annotate`` on every gold file, and its speed.

Run: ``python benchmarks/annotate_quality.py [-v]`` (``-v`` lists every wrong sentence).

Gold files:
- ``tests/data/gold/wang_lavrov.json``: the sample pair, read through the real pipeline
  (ingest + segmentation), sentences matched to the gold by text.
- ``benchmarks/gold_annotate/*.json``: hand-written pairs in other styles (wire copy, newspaper
  story with quotes, government readout). Each side is ``{"title": str|null, "paragraphs":
  [[[text, speaker], ...], ...]}``; sentence ids count the title first.

A system speaker matches a gold speaker when the names are equal (case aside) or one is among the
other's aliases (gold ``speaker_aliases`` or the system's own aliases). A gold topic is found
when some topic shares a word (by key) with its name and holds at least its gold sentences on
both sides, and is absent from a side exactly when the gold is.
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from readerui.analysis import load_document  # noqa: E402
from readerui.annotate import annotate  # noqa: E402
from readerui.annotate.topics import phrase_key  # noqa: E402
from readerui.model import Annotations, Document, Sentence  # noqa: E402
from readerui.samples import sample_paths  # noqa: E402

SAMPLE_GOLD = ROOT / "tests" / "data" / "gold" / "wang_lavrov.json"
OWN_GOLD = ROOT / "benchmarks" / "gold_annotate"


def document_from_side(side: dict) -> tuple[Document, list[str | None]]:
    """A Document from a gold side, and the gold speaker of every sentence."""
    rows: list[tuple[int, str, str, str | None]] = []
    if side.get("title"):
        rows.append((0, "title", side["title"], None))
    for index, paragraph in enumerate(side["paragraphs"], start=len(rows)):
        rows += [(index, "body", text, speaker) for text, speaker in paragraph]
    sentences, offset = [], 0
    for i, (paragraph, role, text, _) in enumerate(rows):
        sentences.append(Sentence(i, paragraph, role, text, offset, offset + len(text)))
        offset += len(text) + 1
    return Document(None, " ".join(r[2] for r in rows), tuple(sentences)), [r[3] for r in rows]


def same_speaker(got: str | None, want: str | None, gold_aliases: dict[str, list[str]],
                 ann: Annotations) -> bool:
    """Whether a system speaker names the gold speaker."""
    if got is None or want is None:
        return got is want
    names_got = {got.casefold()}
    for speaker in ann.speakers:
        if speaker.name == got:
            names_got |= {a.casefold() for a in speaker.aliases}
    names_want = {want.casefold(), *(a.casefold() for a in gold_aliases.get(want, []))}
    return got.casefold() in names_want or want.casefold() in names_got


def topic_recall(gold_topics: dict, ann: Annotations) -> tuple[int, list[str]]:
    """How many gold topics are found, and the names of those missed."""
    found, missed = 0, []
    for name, want in gold_topics.items():
        keys = set(phrase_key(name))
        ok = any(
            keys & {k for term in topic.terms for k in phrase_key(term)}
            and set(want["a"]) <= set(topic.a) and set(want["b"]) <= set(topic.b)
            and bool(topic.a) == bool(want["a"]) and bool(topic.b) == bool(want["b"])
            for topic in ann.topics)
        found += ok
        if not ok:
            missed.append(name)
    return found, missed


def score(name: str, gold: dict, a: Document, b: Document,
          want_a: list[str | None], want_b: list[str | None], verbose: bool) -> tuple[int, int]:
    """Print one gold file's figures; (right, total) speakers."""
    ann = annotate(a, b)
    aliases = gold.get("speaker_aliases", {})
    right = total = 0
    wrong = []
    for side, doc, want in (("a", a, want_a), ("b", b, want_b)):
        for sentence, expected in zip(doc.sentences, want, strict=True):
            if expected == "?":
                continue
            got = ann.speaker_of(side, sentence.id)
            total += 1
            if same_speaker(got, expected, aliases, ann):
                right += 1
            else:
                wrong.append(f"    {side}{sentence.id}: got {got!r}, gold {expected!r}: "
                             f"{sentence.text[:70]}")
    found, missed = topic_recall(gold.get("topics", {}), ann)
    n_topics = len(gold.get("topics", {}))
    print(f"{name:28} speakers {right}/{total} = {right / max(total, 1):.1%}   "
          f"topics found {found}/{n_topics}" + (f" (missed: {', '.join(missed)})"
                                                 if missed else ""))
    if verbose:
        print("\n".join(wrong))
    return right, total


def sample_pair(verbose: bool) -> tuple[int, int]:
    """The sample pair through the real pipeline; sentences matched to the gold by text."""
    gold = json.loads(SAMPLE_GOLD.read_text(encoding="utf-8"))
    path_a, path_b = sample_paths()
    a, b = load_document(path_a), load_document(path_b)
    wants = []
    for side, doc in (("a", a), ("b", b)):
        by_text = {g["text"]: g["speaker"] for g in gold[side]}
        wants.append([by_text.get(s.text, "?") for s in doc.sentences])
    return score("wang_lavrov (pipeline)", gold, a, b, wants[0], wants[1], verbose)


def speed(n: int = 10_000) -> tuple[float, float]:
    """Wall-clock and CPU seconds to annotate two generated accounts of ``n`` sentences each.

    Words are drawn from the 30,000 most common English words (the bundled frequency table, from
    wordfreq), so the vocabulary is
    as varied as real news and every per-term step is exercised, not just cached.
    """
    from readerui.annotate.frequency import common_words

    rng = random.Random(7)
    vocab = [w for w in common_words("en", 30_000) if w.isalpha() and len(w) > 3]
    first = ["Maria", "Hans", "Li", "Ahmed", "Olga", "John", "Aiko", "Pedro", "Fatima", "Igor"]

    def word() -> str:
        return rng.choice(vocab)

    def sentence(i: int) -> str:
        who = f"{rng.choice(first)} {word().title()}"
        place, org = word().title(), f"{word().title()} {word().title()} Council"
        return rng.choice([
            f"{who} said the {word()} {word()} would {word()} the {word()} in {place}.",
            f"The {word()} {word()} rose by {i % 90} percent in {place}, {who.split()[1]} said.",
            f"He added that the {word()} talks in {place} would {word()} {word()} in week {i}.",
            f"Officials of the {org} held {i % 20} meetings on the {word()} {word()} issue.",
            f"According to {who}, the {word()} and {word()} reforms cost {i} million.",
            f"The {word()} {word()} of {place} {word()} the {word()} {word()} {word()}.",
        ])

    def doc(offset: int) -> Document:
        side = {"title": None, "paragraphs": [[[sentence(offset + 3 * p + k), None]
                                               for k in range(3)] for p in range(n // 3)]}
        return document_from_side(side)[0]

    a, b = doc(0), doc(10 * n)
    start, cpu = time.perf_counter(), time.process_time()
    annotate(a, b)
    return time.perf_counter() - start, time.process_time() - cpu


def main() -> None:
    """Print the figures."""
    verbose = "-v" in sys.argv
    right, total = sample_pair(verbose)
    for path in sorted(OWN_GOLD.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        a, want_a = document_from_side(gold["a"])
        b, want_b = document_from_side(gold["b"])
        r, t = score(path.stem, gold, a, b, want_a, want_b, verbose)
        right, total = right + r, total + t
    print(f"{'all files':28} speakers {right}/{total} = {right / max(total, 1):.1%}")
    wall, cpu = speed(9_999)
    print(f"speed: 2 x 9,999 generated sentences (30k-word vocabulary) annotated in {wall:.2f} s "
          f"({cpu:.2f} s CPU; load average {os.getloadavg()[0]:.1f})")


if __name__ == "__main__":
    main()
