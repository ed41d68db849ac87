"""Whether two engines give the same output: links and annotations on every pair at hand.

    python benchmarks/same_output.py OUT.json [--basil DIR] [--size N ...] [--no-numpy]
    python benchmarks/same_output.py --compare BEFORE.json AFTER.json

The first form runs the importable engine (this checkout, or another revision's source with
``PYTHONPATH=REV/src``) on the sample pair, every ``gold/`` pair, the ``heldout*/`` pairs,
neighbouring ``tests/data/ingest`` texts, every pair of each BASIL triplet in DIR (texts from
``basil/rebuild.py``) and generated pairs of N sentences a side, and writes per pair the
many-to-many links, the one-link aligner's links (``align_exclusive``) and a digest of the
annotations, with the CPU seconds each took. ``--no-numpy`` makes numpy and scipy impossible to
import first. The second form prints the pairs whose output differs (none: the engines agree)
and the summed CPU of both.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections.abc import Iterator
from importlib.abc import MetaPathFinder
from itertools import pairwise
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


class _Refuse(MetaPathFinder):
    """An import hook under which numpy and scipy cannot be imported."""

    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        if name.split(".")[0] in ("numpy", "scipy"):
            raise ImportError(f"{name} blocked by --no-numpy")


def pairs(basil: Path | None, sizes: list[int]) -> Iterator[tuple[str, object, object, str]]:
    """(name, document A, document B, language) of every pair at hand."""
    from align_quality import document_from_gold  # benchmarks/ is on sys.path
    from generate import generate
    from readerui.analysis import load_document
    from readerui.ingest.segment import from_lines

    yield ("sample", load_document(ROOT / "sample_texts" / "mfa_readout.txt"),
           load_document(ROOT / "sample_texts" / "xinhua_report.txt"), "en")
    for path in sorted((HERE / "gold").glob("*.json")):
        gold = json.loads(path.read_text("utf-8"))
        yield (f"gold/{path.stem}", document_from_gold(gold["a"]), document_from_gold(gold["b"]),
               gold.get("lang", "en"))
    for folder in sorted(HERE.glob("heldout*/*/")):
        yield (f"{folder.parent.name}/{folder.name}", load_document(folder / "a.txt"),
               load_document(folder / "b.txt"), "en")
    texts = sorted((ROOT / "tests" / "data" / "ingest").glob("*.txt"))
    for x, y in pairwise(texts):
        yield f"ingest/{x.stem}|{y.stem}", load_document(x), load_document(y), "en"
    if basil is not None:
        triplets: dict[str, list[Path]] = {}
        for path in sorted(basil.glob("*.txt")):
            triplets.setdefault(path.stem.rsplit("-", 1)[0], []).append(path)
        for files in triplets.values():
            for x, y in ((0, 1), (0, 2), (1, 2)):
                if y < len(files):
                    yield (f"basil/{files[x].stem}|{files[y].stem}",
                           from_lines(files[x].read_text("utf-8")),
                           from_lines(files[y].read_text("utf-8")), "en")
    for size in sizes:
        pair = generate(size)
        yield (f"generated/{size}", from_lines("\n".join(pair.a) + "\n"),
               from_lines("\n".join(pair.b) + "\n"), "en")


def record(out: Path, basil: Path | None, sizes: list[int]) -> None:
    """Run the importable engine on every pair and write its output."""
    from readerui.align import align
    from readerui.align.decide import align_exclusive
    from readerui.annotate import annotate

    result = {}
    for name, a, b, lang in pairs(basil, sizes):
        start = time.process_time()
        many = align(a, b, lang=lang)
        mid = time.process_time()
        one = align_exclusive(a, b, lang=lang)
        notes = annotate(a, b, None, lang)
        result[name] = {
            "links": [[list(k.a), list(k.b), k.score, k.kind] for k in many.links],
            "exclusive": [[list(k.a), list(k.b), k.score, k.kind] for k in one.links],
            "annotations": hashlib.sha256(repr(notes).encode()).hexdigest(),
            "align_cpu": mid - start, "cpu": time.process_time() - start}
    out.write_text(json.dumps(result), "utf-8")
    links = sum(len(v["links"]) for v in result.values())
    print(f"{len(result)} pairs, {links} links, numpy imported: {'numpy' in sys.modules}")


def compare(before: Path, after: Path) -> int:
    """Print where two recordings differ; 1 when they do."""
    a = json.loads(before.read_text("utf-8"))
    b = json.loads(after.read_text("utf-8"))
    common = sorted(a.keys() & b.keys())
    differ = [(name, part) for name in common for part in ("links", "exclusive", "annotations")
              if a[name][part] != b[name][part]]
    for name, part in differ:
        print(f"differs: {name} ({part})")
    print(f"{len(common)} pairs in both ({len(a)} / {len(b)} recorded); "
          f"{len({n for n, _ in differ})} differ")
    for key in ("align_cpu", "cpu"):
        ta, tb = (sum(x[n][key] for n in common) for x in (a, b))
        print(f"{key:<9} {ta:8.2f} s -> {tb:8.2f} s ({tb / ta if ta else 0:.2f}x)")
    return 1 if differ else 0


def main(argv: list[str]) -> int:
    """Record or compare."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, help="where to write the recording")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    parser.add_argument("--basil", type=Path, help="BASIL texts (basil/rebuild.py)")
    parser.add_argument("--size", type=int, nargs="*", default=[], help="generated pairs")
    parser.add_argument("--no-numpy", action="store_true", help="block numpy and scipy")
    args = parser.parse_args(argv)
    if args.compare:
        return compare(*args.compare)
    if args.out is None:
        parser.error("give OUT.json or --compare BEFORE AFTER")
    if args.no_numpy:
        sys.meta_path.insert(0, _Refuse())
    record(args.out, args.basil, args.size)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
