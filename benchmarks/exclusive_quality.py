"""Exclusive-mode sentence alignment on a manually aligned corpus, next to two other aligners.

Prints exact-unit P/R/F1 (a predicted group counts only when both of its sides equal a gold
group's) and pair-level P/R/F1 (every A x B sentence pair inside a group), micro-averaged over the
document pairs, for:
- ``exclusive``: ``readerui.align.exclusive.align_exclusive`` (this repository);
- ``massalign``: a MASSAlign-style baseline written here (word TF-IDF cosine, vicinity-driven
  monotone search, then 1:N / N:1 growth while the concatenation's similarity rises);
- ``readerui-1``: ``readerui.align.align(..., exclusive=True)``, the one-link-per-sentence
  aligner that was ``align``'s default until many-to-many links became the default;
- ``readerui-m``: ``readerui.align.align`` with its default settings (many-to-many: its links
  may share sentences, so exact units are not its aim; shown for reference).
Then wall time per document pair; "mismatch": links per B sentence when each A meets the B of
another fable (every such link is false: a check that unrelated sentences stay unlinked); and
wall time for a generated pair of N sentences a side (pair P/R against the generator's truth).

The corpus is not in the repository (see benchmarks/README.md): the Aesop's fables annotation of
tanzir5/alignment_tool2.0 (``annotated_data/*.csv``: two English versions of each fable, every
sentence of both, manual alignment). The corpus is split by file name: every third file (sorted)
is ``test``, the others ``dev``.

Usage: python benchmarks/exclusive_quality.py [CORPUS_DIR] [--split dev|test|all] [--size N]
(CORPUS_DIR defaults to $READERUI_EXCLUSIVE_CORPUS; --size 0 skips the generated pair).
"""

from __future__ import annotations

import argparse
import csv
import math
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from generate import generate  # benchmarks/ is on sys.path when this script runs
from readerui.align import align
from readerui.align.exclusive import align_exclusive
from readerui.model import Document, Link, Sentence
from readerui.tokens import WORD_RE, normalise

Group = tuple[frozenset[int], frozenset[int]]
_PAIR = re.compile(r"\(\s*(-?\d+)\s*,?\s*(-?\d+)\s*\)")


@dataclass(frozen=True, slots=True)
class Case:
    """One document pair: both texts as sentences, and the gold groups."""

    name: str
    a: list[str]
    b: list[str]
    gold: set[Group]


def groups_of(pairs: Iterable[tuple[int, int]]) -> set[Group]:
    """Connected components of linked (A id, B id) pairs."""
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x: tuple[str, int]) -> tuple[str, int]:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    pairs = list(pairs)
    for i, j in pairs:
        parent[find(("a", i))] = find(("b", j))
    members: dict[tuple[str, int], tuple[set[int], set[int]]] = {}
    for i, j in pairs:
        a_ids, b_ids = members.setdefault(find(("a", i)), (set(), set()))
        a_ids.add(i)
        b_ids.add(j)
    return {(frozenset(x), frozenset(y)) for x, y in members.values()}


def load_corpus(root: Path) -> list[Case]:
    """Every ``*.csv`` of the Aesop annotation under ``root`` (sorted by name)."""
    files = sorted(root.rglob("*.csv"))
    if not files:
        raise SystemExit(f"error: no *.csv files under {root}")
    cases = []
    for path in files:
        try:
            with path.open(encoding="utf-8", newline="") as handle:
                rows = list(csv.DictReader(handle))
            a = [" ".join(r["sent1"].split()) for r in rows if r["sent1"].strip()]
            b = [" ".join(r["sent2"].split()) for r in rows if r["sent2"].strip()]
            found = [_PAIR.findall(r["manual_alignments"]) for r in rows]
        except (OSError, UnicodeDecodeError, KeyError, csv.Error) as error:
            raise SystemExit(f"error: {path.name} is not an annotated fable file ({error!r})") \
                from None
        pairs = [(int(x), int(y)) for cell in found for x, y in cell]
        pairs = [(x, y) for x, y in pairs if 0 <= x < len(a) and 0 <= y < len(b)]
        cases.append(Case(path.stem, a, b, groups_of(pairs)))
    return cases


def split(cases: list[Case], part: str) -> list[Case]:
    """The dev part (two thirds) or the held-out test part (every third case)."""
    if part == "all":
        return cases
    return [c for k, c in enumerate(cases) if (k % 3 == 2) == (part == "test")]


def document(sentences: list[str]) -> Document:
    """A one-paragraph Document of the given sentences (all body)."""
    out, offset = [], 0
    for index, text in enumerate(sentences):
        out.append(Sentence(index, 0, "body", text, offset, offset + len(text)))
        offset += len(text) + 1
    return Document(None, " ".join(sentences), tuple(out))


# ----------------------------------------------------------------------------- MASSAlign-style


def _tfidf_rows(texts: list[str]) -> list[dict[str, float]]:
    """Unit-length word TF-IDF vectors (lower-cased words, IDF over the given sentences)."""
    bags = [Counter(normalise(w) for w in WORD_RE.findall(t)) for t in texts]
    df = Counter(w for bag in bags for w in bag)
    n = len(texts)
    rows = []
    for bag in bags:
        vec = {w: c * (math.log((1 + n) / (1 + df[w])) + 1) for w, c in bag.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        rows.append({w: v / norm for w, v in vec.items()})
    return rows


def _cosine(x: dict[str, float], y: dict[str, float]) -> float:
    if len(x) > len(y):
        x, y = y, x
    dot = sum(v * y.get(w, 0.0) for w, v in x.items())
    nx = math.sqrt(sum(v * v for v in x.values()))
    ny = math.sqrt(sum(v * v for v in y.values()))
    return dot / (nx * ny) if nx and ny else 0.0


def _add(vectors: list[dict[str, float]]) -> dict[str, float]:
    out: dict[str, float] = {}
    for vec in vectors:
        for w, v in vec.items():
            out[w] = out.get(w, 0.0) + v
    return out


def massalign(a: list[str], b: list[str], threshold: float = 0.2,
              reach: int = 3) -> list[tuple[list[int], list[int]]]:
    """MASSAlign-style alignment: vicinity-driven monotone search, then 1:N / N:1 growth.

    From the first free pair (i, j), look at rings of growing distance d (pairs (i+x, j+y) with
    max(x, y) = d, d <= reach); the best pair of the first ring that reaches ``threshold`` is
    linked and the search moves past it; when no ring does, both sentences are left out. Each
    link then takes a neighbouring free sentence on one side while the similarity of the
    concatenation rises (one side stays a single sentence).
    """
    rows = _tfidf_rows(a + b)
    va, vb = rows[:len(a)], rows[len(a):]
    pairs: list[tuple[int, int]] = []
    i = j = 0
    while i < len(a) and j < len(b):
        chosen = None
        for d in range(reach + 1):
            ring = [(i + x, j + y) for x in range(d + 1) for y in range(d + 1)
                    if max(x, y) == d and i + x < len(a) and j + y < len(b)]
            if not ring:
                break
            score, x, y = max((_cosine(va[x], vb[y]), x, y) for x, y in ring)
            if score >= threshold:
                chosen = (x, y)
                break
        if chosen is None:
            i, j = i + 1, j + 1
        else:
            pairs.append(chosen)
            i, j = chosen[0] + 1, chosen[1] + 1
    taken_a = {x for x, _ in pairs}
    taken_b = {y for _, y in pairs}
    groups = []
    for x, y in pairs:
        a_ids, b_ids = [x], [y]
        current = _cosine(va[x], vb[y])
        while True:
            options = []
            if len(b_ids) == 1:
                for n in (a_ids[0] - 1, a_ids[-1] + 1):
                    if 0 <= n < len(a) and n not in taken_a:
                        ids = sorted([*a_ids, n])
                        options.append((_cosine(_add([va[k] for k in ids]), vb[y]), "a", n))
            if len(a_ids) == 1:
                for n in (b_ids[0] - 1, b_ids[-1] + 1):
                    if 0 <= n < len(b) and n not in taken_b:
                        ids = sorted([*b_ids, n])
                        options.append((_cosine(va[x], _add([vb[k] for k in ids])), "b", n))
            if not options:
                break
            score, side, n = max(options)
            if score <= current:
                break
            current = score
            if side == "a":
                a_ids = sorted([*a_ids, n])
                taken_a.add(n)
            else:
                b_ids = sorted([*b_ids, n])
                taken_b.add(n)
        groups.append((a_ids, b_ids))
    return groups


# ----------------------------------------------------------------------------- scoring


def prf(tp: int, found: int, truth: int) -> tuple[float, float, float]:
    p = tp / found if found else 0.0
    r = tp / truth if truth else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def pairs_of(groups: Iterable[Group]) -> set[tuple[int, int]]:
    return {(i, j) for x, y in groups for i in x for j in y}


Aligner = Callable[[Case], list[tuple[list[int], list[int]]]]


def _from_links(links: Iterable[Link]) -> list[tuple[list[int], list[int]]]:
    return [(list(link.a), list(link.b)) for link in links]


def evaluate(cases: list[Case], aligner: Aligner) -> dict[str, float]:
    """Micro-averaged unit and pair P/R/F1, and mean seconds per document pair."""
    unit = [0, 0, 0]
    pair = [0, 0, 0]
    seconds = 0.0
    for case in cases:
        start = time.perf_counter()
        found = {(frozenset(x), frozenset(y)) for x, y in aligner(case)}
        seconds += time.perf_counter() - start
        unit[0] += len(found & case.gold)
        unit[1] += len(found)
        unit[2] += len(case.gold)
        fp, gp = pairs_of(found), pairs_of(case.gold)
        pair[0] += len(fp & gp)
        pair[1] += len(fp)
        pair[2] += len(gp)
    up, ur, uf = prf(*unit)
    pp, pr, pf = prf(*pair)
    return {"unit_p": up, "unit_r": ur, "unit_f1": uf, "pair_p": pp, "pair_r": pr,
            "pair_f1": pf, "ms": 1000 * seconds / max(1, len(cases))}


def mismatched(cases: list[Case], aligner: Aligner) -> float:
    """Links per B sentence when A of each pair meets B of another fable (all are false)."""
    if len(cases) < 2:
        return 0.0
    shift = 7 % len(cases) or 1
    links = sentences = 0
    for k, case in enumerate(cases):
        other = cases[(k + shift) % len(cases)]
        links += len(aligner(Case(case.name, case.a, other.b, set())))
        sentences += len(other.b)
    return links / max(1, sentences)


SYSTEMS: dict[str, Aligner] = {
    "exclusive": lambda c: _from_links(align_exclusive(document(c.a), document(c.b), None,
                                                       "en").links),
    "massalign": lambda c: massalign(c.a, c.b),
    "readerui-1": lambda c: _from_links(align(document(c.a), document(c.b), None, "en",
                                              exclusive=True).links),
    "readerui-m": lambda c: _from_links(align(document(c.a), document(c.b), None, "en").links),
}


def generated(size: int) -> None:
    """Time the exclusive aligner on a generated pair of ``size`` sentences a side."""
    pair = generate(size)
    a, b = document(pair.a), document(pair.b)
    start, cpu_start = time.perf_counter(), time.process_time()
    alignment = align_exclusive(a, b, None, "en")
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    found = {(i, j) for link in alignment.links for i in link.a for j in link.b}
    p, r, f = prf(len(found & pair.truth), len(found), len(pair.truth))
    print(f"generated pair {len(a)} x {len(b)} sentences: exclusive {seconds:.2f} s wall "
          f"({cpu:.2f} s CPU; wall grows with the machine's load), "
          f"pair P {p:.3f} R {r:.3f} F1 {f:.3f}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", default=os.environ.get("READERUI_EXCLUSIVE_CORPUS"))
    parser.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--systems", default=",".join(SYSTEMS))
    args = parser.parse_args(argv)
    if not args.corpus:
        print("error: give the corpus directory or set READERUI_EXCLUSIVE_CORPUS", file=sys.stderr)
        return 2
    root = Path(args.corpus)
    if not root.is_dir():
        print(f"error: not a directory: {root}", file=sys.stderr)
        return 2
    cases = split(load_corpus(root), args.split)
    shapes = Counter((len(x), len(y)) for c in cases for x, y in c.gold)
    print(f"{args.split}: {len(cases)} document pairs, "
          f"{sum(len(c.a) for c in cases)} + {sum(len(c.b) for c in cases)} sentences, "
          f"{sum(shapes.values())} gold groups ({sum(v for k, v in shapes.items() if k != (1, 1))}"
          f" not 1:1)")
    print(f"{'system':<10} {'unit P':>7} {'unit R':>7} {'unit F1':>7} "
          f"{'pair P':>7} {'pair R':>7} {'pair F1':>7} {'ms/pair':>8} {'mismatch':>8}")
    for name in args.systems.split(","):
        m = evaluate(cases, SYSTEMS[name])
        false = mismatched(cases, SYSTEMS[name])
        print(f"{name:<10} {m['unit_p']:7.3f} {m['unit_r']:7.3f} {m['unit_f1']:7.3f} "
              f"{m['pair_p']:7.3f} {m['pair_r']:7.3f} {m['pair_f1']:7.3f} {m['ms']:8.1f} "
              f"{false:8.3f}")
    if args.size > 0:
        generated(args.size)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
