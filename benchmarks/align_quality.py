"""Score the aligner against hand-made gold alignments, next to a naive baseline.

Usage: python benchmarks/align_quality.py [--exclusive] [GOLD.json ...]

Without arguments: the sample pair's gold (tests/data/gold/wang_lavrov.json) through the WHOLE
pipeline (files -> ingest -> segment -> align) and also from its gold sentence lists, plus every
gold file in benchmarks/gold/ fed as pre-split sentences. The sample's gold follows
shared/labelling.md (many-to-many) and is scored in the default mode; benchmarks/gold/ was
labelled one link per sentence before labelling.md (no headline-to-body or secondary links), so
it is scored in exclusive mode ("(excl)"), as are given files with --exclusive. A gold file
holds "a" and "b" (lists of {"i", "text", "role"}), "links" (1-1 links {"a", "b", "kind"}; a
many-to-many group is given as all its 1-1 links) and optionally "lang".

Printed per set: link precision/recall/F1 over sentence pairs (a group counts as all its a x b
pairs), exact-group precision/recall/F1 (gold groups are the connected components of its links),
kind agreement on the pairs found, and the same for the naive baseline (each sentence of A linked
to its best match in B by rapidfuzz token-set ratio when that clears 0.5) with the F1 ratio.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable
from pathlib import Path

from rapidfuzz import fuzz

from readerui.align import align
from readerui.analysis import analyse_paths
from readerui.model import Alignment, Document, Link, Sentence
from readerui.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_GOLD = ROOT / "tests" / "data" / "gold" / "wang_lavrov.json"
SAMPLE_A = ROOT / "sample_texts" / "mfa_readout.txt"
SAMPLE_B = ROOT / "sample_texts" / "xinhua_report.txt"
GOLD_DIR = ROOT / "benchmarks" / "gold"
BASELINE_THRESHOLD = 0.5

Pair = tuple[int, int]
Group = tuple[frozenset[int], frozenset[int]]


def document_from_gold(entries: list[dict]) -> Document:
    """A Document whose sentences are the gold's sentence list (one paragraph each)."""
    sentences, text, offset = [], [], 0
    for index, entry in enumerate(entries):
        body = entry["text"]
        sentences.append(Sentence(index, index, entry.get("role", "body"), body, offset,
                                  offset + len(body)))
        text.append(body)
        offset += len(body) + 2
    return Document(None, "\n\n".join(text), tuple(sentences))


def gold_pairs(gold: dict) -> set[Pair]:
    """The gold's 1-1 links."""
    return {(link["a"], link["b"]) for link in gold["links"]}


def gold_groups(pairs: Iterable[Pair]) -> set[Group]:
    """Connected components of the gold links as (A ids, B ids) groups."""
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x: tuple[str, int]) -> tuple[str, int]:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in pairs:
        parent[find(("a", i))] = find(("b", j))
    components: dict[tuple[str, int], tuple[set[int], set[int]]] = {}
    for node in list(parent):
        side, index = node
        group = components.setdefault(find(node), (set(), set()))
        group[0 if side == "a" else 1].add(index)
    return {(frozenset(a), frozenset(b)) for a, b in components.values()}


def link_pairs(links: Iterable[Link], map_a: dict[int, int] | None = None,
               map_b: dict[int, int] | None = None) -> tuple[set[Pair], set[Group]]:
    """Pairs and groups of predicted links, with ids mapped to gold ids when maps are given."""
    pairs: set[Pair] = set()
    groups: set[Group] = set()
    for link in links:
        a_ids = [map_a.get(i, -1 - i) if map_a is not None else i for i in link.a]
        b_ids = [map_b.get(j, -1 - j) if map_b is not None else j for j in link.b]
        pairs.update((i, j) for i in a_ids for j in b_ids)
        groups.add((frozenset(a_ids), frozenset(b_ids)))
    return pairs, groups


def prf(found: set, truth: set) -> tuple[float, float, float]:
    """Precision, recall and F1."""
    hits = len(found & truth)
    precision = hits / len(found) if found else float(not truth)
    recall = hits / len(truth) if truth else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def naive_baseline(a: Document, b: Document) -> list[Link]:
    """Each sentence of A linked to its best match in B by token-set ratio above a threshold."""
    links = []
    for sa in a.sentences:
        scores = [fuzz.token_set_ratio(sa.text.lower(), sb.text.lower()) / 100
                  for sb in b.sentences]
        if scores and max(scores) >= BASELINE_THRESHOLD:
            j = max(range(len(scores)), key=scores.__getitem__)
            links.append(Link((sa.id,), (j,), max(scores), "strong"))
    return links


def map_to_gold(document: Document, entries: list[dict]) -> dict[int, int]:
    """Pipeline sentence id -> gold sentence id, by the most similar gold text (ratio >= 85)."""
    mapping = {}
    for sentence in document.sentences:
        scores = [fuzz.ratio(sentence.text, entry["text"]) for entry in entries]
        best = max(range(len(scores)), key=scores.__getitem__)
        if scores[best] >= 85:
            mapping[sentence.id] = best
    return mapping


def kind_agreement(alignment: Alignment, gold: dict, map_a: dict[int, int] | None,
                   map_b: dict[int, int] | None) -> str:
    """Share of the gold pairs found whose kind matches the predicted link's kind."""
    kinds = {(link["a"], link["b"]): link["kind"] for link in gold["links"]}
    agree = total = 0
    for link in alignment.links:
        for i in link.a:
            for j in link.b:
                key = (map_a.get(i, -1) if map_a else i, map_b.get(j, -1) if map_b else j)
                if key in kinds:
                    total += 1
                    agree += kinds[key] == link.kind
    return f"{agree}/{total}"


def report(name: str, gold: dict, a: Document, b: Document, alignment: Alignment,
           map_a: dict[int, int] | None = None, map_b: dict[int, int] | None = None,
           seconds: float = 0.0) -> tuple[float, float]:
    """Print one line of figures for the aligner and the baseline; return both link F1s."""
    truth = gold_pairs(gold)
    truth_groups = gold_groups(truth)
    pairs, groups = link_pairs(alignment.links, map_a, map_b)
    lp, lr, lf = prf(pairs, truth)
    gp, gr, gf = prf(groups, truth_groups)
    base_pairs, _ = link_pairs(naive_baseline(a, b), map_a, map_b)
    bp, br, bf = prf(base_pairs, truth)
    ratio = f"{lf / bf:.2f}x" if bf else "inf"
    print(f"{name:<34} link P {lp:.3f} R {lr:.3f} F1 {lf:.3f} | group P {gp:.3f} R {gr:.3f} "
          f"F1 {gf:.3f} | kinds {kind_agreement(alignment, gold, map_a, map_b)} | "
          f"baseline P {bp:.3f} R {br:.3f} F1 {bf:.3f} | ratio {ratio} | {seconds * 1000:.0f} ms")
    wrong = sorted(pairs - truth)
    missed = sorted(truth - pairs)
    if wrong or missed:
        print(f"{'':<34} wrong {wrong} missed {missed}")
    return lf, bf


def evaluate_presplit(path: Path, exclusive: bool = False) -> tuple[float, float]:
    """Align a gold file's own sentence lists and report (``exclusive``: one link per
    sentence, for gold labelled that way)."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    a, b = document_from_gold(gold["a"]), document_from_gold(gold["b"])
    start = time.perf_counter()
    alignment = align(a, b, None, gold.get("lang", "en"), exclusive=exclusive)
    mode = "excl" if exclusive else "sentences"
    return report(f"{path.stem} ({mode})", gold, a, b, alignment,
                  seconds=time.perf_counter() - start)


def evaluate_pipeline(path: Path, path_a: Path, path_b: Path) -> tuple[float, float]:
    """Run the whole pipeline on the raw files and score it against the gold's sentences."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    start = time.perf_counter()
    analysis = analyse_paths(path_a, path_b, Settings(lang=gold.get("lang", "en")))
    seconds = time.perf_counter() - start
    map_a = map_to_gold(analysis.a, gold["a"])
    map_b = map_to_gold(analysis.b, gold["b"])
    print(f"{path.stem} pipeline: A {len(analysis.a)} sentences ({len(map_a)} match gold of "
          f"{len(gold['a'])}), B {len(analysis.b)} ({len(map_b)} of {len(gold['b'])})")
    return report(f"{path.stem} (pipeline)", gold, analysis.a, analysis.b, analysis.alignment,
                  map_a, map_b, seconds)


def main(argv: list[str]) -> int:
    """Evaluate the given gold files, or the default sets."""
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        epilog="Without gold files: the sample pair (pipeline and pre-split) and benchmarks/gold/.")
    parser.add_argument("--exclusive", action="store_true",
                        help="score the given files in exclusive (one-link) mode")
    parser.add_argument("gold", nargs="*", type=Path, help="gold files with their sentences")
    args = parser.parse_args(argv)
    results = []
    if args.gold:
        results = [evaluate_presplit(p, args.exclusive) for p in args.gold]
    else:
        results.append(evaluate_pipeline(SAMPLE_GOLD, SAMPLE_A, SAMPLE_B))
        results.append(evaluate_presplit(SAMPLE_GOLD))
        # Labelled one link per sentence before shared/labelling.md: scored in exclusive mode.
        results.extend(evaluate_presplit(p, True) for p in sorted(GOLD_DIR.glob("*.json")))
    mean = sum(f for f, _ in results) / len(results)
    mean_base = sum(b for _, b in results) / len(results)
    print(f"mean link F1 {mean:.3f} over {len(results)} runs; baseline {mean_base:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
