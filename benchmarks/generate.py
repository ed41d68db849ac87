"""Generate pairs of long accounts with a known alignment, for speed and quality benchmarks.

A is drawn from a Zipf-distributed pseudo-word vocabulary with English function words; B is A
rewritten the way a second outlet would: words swapped for synonyms or dropped, sentences
dropped (A only), added (B only), split in two (1:2), merged with the next (2:1), and blocks of
sentences moved elsewhere (reordering). The truth is the set of (A id, B id) pairs.

Usage: python benchmarks/generate.py N OUT_DIR  -> OUT_DIR/a.txt, b.txt (one sentence a line)
and truth.json.
"""

from __future__ import annotations

import bisect
import itertools
import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path

FUNCTION_WORDS = frozenset((
    "the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "was", "with", "as", "by",
    "at", "from", "it", "has", "have", "its", "be", "are", "were", "but", "not", "which", "this",
    "after", "over", "also", "an", "their", "more", "than", "will", "said", "would", "about",
))
FUNCTION_LIST = sorted(FUNCTION_WORDS)
SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in ("a", "e", "i", "o", "u", "ai", "ou")]


@dataclass(frozen=True, slots=True)
class GeneratedPair:
    """Sentences of A and B and the true links as (A id, B id) pairs."""

    a: list[str]
    b: list[str]
    truth: set[tuple[int, int]]


class _Vocabulary:
    """Pseudo-words with Zipf frequencies and a synonym for each content word."""

    def __init__(self, rng: random.Random, size: int) -> None:
        words: set[str] = set()
        while len(words) < size * 2:
            words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
        ordered = sorted(words)
        rng.shuffle(ordered)
        self.words = ordered[:size]
        self.synonyms = dict(zip(self.words, ordered[size:], strict=True))
        self.cumulative = list(itertools.accumulate(1 / (rank + 10) ** 1.05
                                                    for rank in range(size)))
        self.rng = rng

    def word(self) -> str:
        x = self.rng.random() * self.cumulative[-1]
        return self.words[bisect.bisect_left(self.cumulative, x)]


def _sentence(vocab: _Vocabulary, rng: random.Random) -> list[str]:
    words = []
    for _ in range(rng.randint(8, 28)):
        words.append(rng.choice(FUNCTION_LIST) if rng.random() < 0.4 else vocab.word())
    words[0] = words[0].capitalize()
    return words


def _reword(words: list[str], vocab: _Vocabulary, rng: random.Random) -> list[str]:
    """Swap about a fifth of the content words for synonyms, drop a tenth, nudge the order."""
    out = []
    for word in words:
        lower = word.lower()
        if lower in FUNCTION_WORDS:
            if rng.random() < 0.15:
                continue
            out.append(lower)
        elif rng.random() < 0.1:
            continue
        elif rng.random() < 0.2:
            out.append(vocab.synonyms.get(lower, lower))
        else:
            out.append(lower)
    if len(out) > 4 and rng.random() < 0.5:  # move a clause to the front
        cut = rng.randint(1, len(out) - 2)
        out = out[cut:] + out[:cut]
    if not out:
        out = [words[0].lower()]
    out[0] = out[0].capitalize()
    return out


def _rewrite(a_words: list[list[str]], vocab: _Vocabulary, rng: random.Random
             ) -> tuple[list[list[str]], set[tuple[int, int]]]:
    """Another outlet's account of A: its sentences' words and the true (A id, its id) pairs."""
    n = len(a_words)
    # B as a list of (words, A ids it carries) units, built in A's order, then blocks moved.
    units: list[tuple[list[str], list[int]]] = []
    i = 0
    while i < n:
        roll = rng.random()
        if roll < 0.06:  # A only
            i += 1
            continue
        if roll < 0.12 and i + 1 < n:  # two sentences of A merged into one of B
            units.append((_reword(a_words[i] + a_words[i + 1], vocab, rng), [i, i + 1]))
            i += 2
            continue
        reworded = _reword(a_words[i], vocab, rng)
        if roll < 0.18 and len(reworded) >= 10:  # one sentence of A split in two
            cut = len(reworded) // 2
            units.append((reworded[:cut], [i]))
            units.append((reworded[cut:], [i]))
        else:
            units.append((reworded, [i]))
        if rng.random() < 0.06:  # B only
            units.append((_sentence(vocab, rng), []))
        i += 1
    # Reordering: move a few blocks of 2-6 units elsewhere.
    for _ in range(max(1, n // 200)):
        size = rng.randint(2, 6)
        start = rng.randrange(0, max(1, len(units) - size))
        block = units[start:start + size]
        del units[start:start + size]
        target = rng.randrange(0, len(units) + 1)
        units[target:target] = block
    b_words = [words for words, _ in units]
    truth = {(a_id, j) for j, (_, a_ids) in enumerate(units) for a_id in a_ids}
    return b_words, truth


def generate(n: int, seed: int = 7) -> GeneratedPair:
    """A pair of about ``n`` sentences a side with its true alignment."""
    rng = random.Random(seed)
    vocab = _Vocabulary(rng, max(2000, n * 3))
    a_words = [_sentence(vocab, rng) for _ in range(n)]
    b_words, truth = _rewrite(a_words, vocab, rng)
    return GeneratedPair([" ".join(w) + "." for w in a_words],
                         [" ".join(w) + "." for w in b_words], truth)


def generate_accounts(n: int, accounts: int, seed: int = 7) -> list[list[str]]:
    """``accounts`` accounts of one event, about ``n`` sentences each: the first is A as
    :func:`generate` makes it, each further one another outlet's rewrite of A (the first
    rewrite is :func:`generate`'s B)."""
    rng = random.Random(seed)
    vocab = _Vocabulary(rng, max(2000, n * 3))
    a_words = [_sentence(vocab, rng) for _ in range(n)]
    out = [[" ".join(w) + "." for w in a_words]]
    for _ in range(accounts - 1):
        b_words, _ = _rewrite(a_words, vocab, rng)
        out.append([" ".join(w) + "." for w in b_words])
    return out


def main(argv: list[str]) -> int:
    """Write a generated pair and its truth to a folder."""
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[-2], file=sys.stderr)
        return 2
    pair = generate(int(argv[0]))
    out = Path(argv[1])
    out.mkdir(parents=True, exist_ok=True)
    (out / "a.txt").write_text("\n".join(pair.a) + "\n", encoding="utf-8")
    (out / "b.txt").write_text("\n".join(pair.b) + "\n", encoding="utf-8")
    (out / "truth.json").write_text(json.dumps(sorted(pair.truth)), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
