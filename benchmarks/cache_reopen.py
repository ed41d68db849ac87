"""How much faster is reopening a large pair from the analysis cache than the first open?

Writes a synthetic pair of pre-split (``--lines``) accounts of N sentences each (B paraphrases A:
words swapped for synonyms, some sentences dropped, others added, blocks moved), then times:

1. the first open: read + analyse + write the cache entry (what ``readerui align`` does cold);
2. reopening: the cache hit (``readerui align`` warm, keyed on the files' bytes);
3. reopening through the document-level cache (what the TUI can use after loading documents).

Run: ``python benchmarks/cache_reopen.py [--sentences 10000] [--repeat 3]``. The store is pointed at
a temporary folder; nothing in the real home is touched. Target: reopen >= 5x faster.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

SUBJECTS = ["The minister", "The committee", "Officials", "The company", "Local residents",
            "The regional council", "Investigators", "The central bank", "Union leaders",
            "The delegation", "Analysts", "The court", "Health authorities", "The governor"]
VERBS = [("said", "stated"), ("announced", "unveiled"), ("rejected", "dismissed"),
         ("approved", "endorsed"), ("warned", "cautioned"), ("promised", "pledged"),
         ("criticised", "condemned"), ("confirmed", "verified")]
OBJECTS = ["a new budget for schools", "plans to expand the harbour", "the proposed tax on fuel",
           "an inquiry into the collapse", "measures to cut emissions", "the trade agreement",
           "higher wages for nurses", "the merger of two banks", "a ban on night flights",
           "funding for rural hospitals", "the ceasefire proposal", "reforms of the pension system"]
WHEN = [("on Monday", "earlier this week"),
        ("after long talks", "following lengthy negotiations"),
        ("despite protests", "in spite of demonstrations"),
        ("in a statement", "in a press release"),
        ("before the vote", "ahead of the ballot"), ("", "")]
EXTRA = ["citing rising costs", "according to people familiar with the matter",
         "amid growing pressure", "in the capital", "for the third time this year", ""]


def _sentence(rng: random.Random, index: int) -> tuple[str, str]:
    """One sentence of A and its paraphrase in B (a number keeps sentences distinct)."""
    subject, (verb, verb_b), obj = rng.choice(SUBJECTS), rng.choice(VERBS), rng.choice(OBJECTS)
    when, when_b = rng.choice(WHEN)
    extra = rng.choice(EXTRA)
    figure = f"worth {index * 7 % 9000 + 100} million"
    a = " ".join(p for p in (subject, verb, obj, figure, when, extra) if p) + "."
    b = " ".join(p for p in (subject, verb_b, obj, figure, when_b) if p) + "."
    return a, b


def make_pair(folder: Path, n: int, seed: int) -> tuple[Path, Path]:
    """Two ``--lines`` files of ``n`` sentences each, a paragraph every 5 sentences."""
    rng = random.Random(seed)
    lines_a: list[str] = []
    lines_b: list[str] = []
    for i in range(n):
        a, b = _sentence(rng, i)
        lines_a.append(a)
        roll = rng.random()
        if roll < 0.1:
            lines_b.append(_sentence(rng, n + i)[1])  # B has something A lacks
        elif roll < 0.85:
            lines_b.append(b)  # else: B leaves it out (and adds a fresh one below)
        else:
            lines_b.append(_sentence(rng, 2 * n + i)[1])
    # move a few blocks of B elsewhere (reordering)
    for _ in range(max(1, n // 500)):
        start = rng.randrange(0, max(1, n - 20))
        block = lines_b[start:start + 10]
        del lines_b[start:start + 10]
        at = rng.randrange(0, len(lines_b))
        lines_b[at:at] = block

    def text(lines: list[str]) -> str:
        return "\n".join(line + ("\n" if (k + 1) % 5 == 0 else "") for k, line in
                         enumerate(lines)) + "\n"

    path_a, path_b = folder / "a.txt", folder / "b.txt"
    path_a.write_text(text(lines_a), encoding="utf-8")
    path_b.write_text(text(lines_b[:n]), encoding="utf-8")
    return path_a, path_b


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sentences", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3, help="timed reopenings")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="readerui-bench-") as tmp:
        base = Path(tmp)
        for kind in ("CONFIG", "DATA", "CACHE", "STATE"):
            os.environ[f"READERUI_{kind}_DIR"] = str(base / kind.lower())
        from readerui.lifecycle import Reading
        from readerui.settings import Settings

        path_a, path_b = make_pair(base, args.sentences, args.seed)
        settings = Settings()

        def open_pair() -> object:
            """What `readerui A B` and `readerui export` do: one Reading, through its cache."""
            return Reading((path_a, path_b), settings, lines=True).analyse()

        started = time.perf_counter()
        first = open_pair()
        first_open = time.perf_counter() - started
        entry = next((base / "cache" / "analyses").glob("*.json.z"))

        reopen_times = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            again = open_pair()
            reopen_times.append(time.perf_counter() - started)
            assert again == first, "the cached analysis differs from the computed one"

        reopen = statistics.median(reopen_times)
        size = entry.stat().st_size / 1e6
        print(f"pair: {len(first.a)} + {len(first.b)} sentences, "
              f"{len(first.alignment.links)} links; cache entry {size:.1f} MB")
        print(f"first open (analyse + write cache): {first_open:8.3f} s")
        print(f"reopen from cache (the reading's one key): {reopen:8.3f} s  "
              f"(median of {args.repeat})")
        print(f"speed-up on reopen: {first_open / reopen:.1f}x (target >= 5x) -> "
              f"{'OK' if first_open / reopen >= 5 else 'MISSED'}")


if __name__ == "__main__":
    main()
