"""Article extraction from news HTML: the built-in extractor against trafilatura (readerui[web])
and, as a comparison only, readability-lxml, on a public benchmark with ground truth.

Run: ``python benchmarks/extraction.py PATH`` where PATH is a checkout of
scrapinghub/article-extraction-benchmark (181 news pages as ``html/<id>.html.gz`` and
``ground-truth.json`` with each page's ``articleBody``). Its data stays out of this repository.

The score is the benchmark's own (its ``evaluate.py``): text is cut into ``\\w+`` tokens, then
into 4-token shingles; per page, true positives, false positives and false negatives are shingle
counts normalised to sum to 1; precision and recall are averaged over pages and F1 is taken from
the two averages. The ground truth has no headline, so ours (which start with it) lose a little
precision. ``+ clean`` rows score the text after ``ingest.clean`` (furniture dropped, dateline
lifted): what the reader shows. Extractors that are not installed are skipped.

Also printed: what trafilatura and readability-lxml add to the default install (MB on disk, from
the installed packages' RECORD files) and their import time (ms, median of fresh interpreters).
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement

_TOKEN = re.compile(r"\w+", re.UNICODE)


# ------------------------------------------------------------------ the benchmark's score


def _shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1))
                   if tokens[i:i + n])


def shingle_match(true: str, pred: str) -> tuple[float, float, float]:
    """Normalised (tp, fp, fn) over 4-token shingles, as the benchmark's evaluate.py."""
    t, p = _shingles(true), _shingles(pred)
    tp = fp = fn = 0.0
    for key in t.keys() | p.keys():
        tp += min(t[key], p[key])
        fp += max(0, p[key] - t[key])
        fn += max(0, t[key] - p[key])
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def score(counts: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    """(precision, recall, F1) as the benchmark computes them."""
    precision = statistics.mean(_precision(*c) for c in counts if c[0] + c[1] > 0)
    recall = statistics.mean(_recall(*c) for c in counts if c[0] + c[2] > 0)
    return precision, recall, 2 * precision * recall / (precision + recall)


# ------------------------------------------------------------------ extractors


def _builtin(markup: str) -> str:
    from readerui.ingest.html import html_to_text

    return html_to_text(markup)


def _trafilatura(markup: str) -> str:
    from readerui.web.extract import trafilatura_to_text

    return trafilatura_to_text(markup) or ""


def _readability(markup: str) -> str:
    import lxml.html
    from readability import Document

    summary = Document(markup).summary(html_partial=True)
    root = lxml.html.fromstring(summary)
    return "\n\n".join(" ".join(el.text_content().split())
                       for el in root.iter("p", "h1", "h2", "h3", "li", "blockquote", "pre"))


def _cleaned(extract: Callable[[str], str]) -> Callable[[str], str]:
    from readerui.ingest.load import clean

    def run(markup: str) -> str:
        text = extract(markup)
        return clean(text, "page.txt").text if text.strip() else ""

    return run


def _available(module: str) -> bool:
    try:
        __import__(module)
    except ImportError:
        return False
    return True


# ------------------------------------------------------------------ costs


def _dist_closure(name: str) -> set[str]:
    """The distribution and everything it requires (installed ones, no extras)."""
    seen: set[str] = set()
    todo = [name]
    while todo:
        current = todo.pop().lower().replace("_", "-")
        if current in seen:
            continue
        try:
            requires = metadata.requires(current) or []
        except metadata.PackageNotFoundError:
            continue
        seen.add(current)
        for line in requires:
            req = Requirement(line)
            if req.marker is None or req.marker.evaluate({"extra": ""}):
                todo.append(req.name)
    return seen


def install_mb(name: str) -> tuple[float, list[str]]:
    """MB on disk that ``name`` adds to readerui's default install, and those packages."""
    extra = sorted(_dist_closure(name) - _dist_closure("readerui"))
    size = 0
    for dist_name in extra:
        dist = metadata.distribution(dist_name)
        for file in dist.files or []:
            path = Path(str(dist.locate_file(file)))
            if path.is_file():
                size += path.stat().st_size
    return size / 1e6, extra


def import_ms(module: str, runs: int = 5) -> float:
    """Median wall time of ``import module`` in a fresh interpreter, less an empty one's."""
    def timed(code: str) -> float:
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        return time.perf_counter() - started

    base = statistics.median(timed("pass") for _ in range(runs))
    return 1000 * (statistics.median(timed(f"import {module}") for _ in range(runs)) - base)


# ------------------------------------------------------------------ main


def load(root: Path) -> list[tuple[str, str, str]]:
    """(id, markup, true article text) for every page of the benchmark."""
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key, item in sorted(truth.items()):
        data = gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes())
        try:
            markup = data.decode("utf-8")
        except UnicodeDecodeError:
            markup = data.decode("cp1252", errors="replace")
        pages.append((key, markup, item.get("articleBody", "")))
    return pages


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not (Path(argv[0]) / "ground-truth.json").is_file():
        print("usage: python benchmarks/extraction.py PATH  (a checkout of "
              "scrapinghub/article-extraction-benchmark)", file=sys.stderr)
        return 2
    pages = load(Path(argv[0]))
    extractors: list[tuple[str, Callable[[str], str]]] = [
        ("builtin (default)", _builtin), ("builtin + clean", _cleaned(_builtin))]
    if _available("trafilatura"):
        extractors += [("trafilatura [web]", _trafilatura),
                       ("trafilatura + clean", _cleaned(_trafilatura))]
    if _available("readability"):
        extractors.append(("readability-lxml", _readability))
    print(f"{len(pages)} pages; token 4-shingle P/R/F1 as the benchmark's evaluate.py\n")
    print(f"{'extractor':<22} {'P':>6} {'R':>6} {'F1':>6} {'pages/s':>8} {'empty':>6}")
    for name, extract in extractors:
        extract(pages[0][1])  # warm up: imports
        counts, empty = [], 0
        started = time.perf_counter()
        outputs = [extract(markup) for _, markup, _ in pages]
        elapsed = time.perf_counter() - started
        for (_, _, truth), text in zip(pages, outputs, strict=True):
            counts.append(shingle_match(truth, text))
            empty += not text.strip()
        p, r, f1 = score(counts)
        print(f"{name:<22} {p:6.3f} {r:6.3f} {f1:6.3f} {len(pages) / elapsed:8.1f} {empty:6d}")
    print("\nwhat each adds to the default install")
    for dist, module in (("trafilatura", "trafilatura"), ("readability-lxml", "readability")):
        if not _available(module):
            continue
        size, extra = install_mb(dist)
        print(f"{dist:<18} {size:6.1f} MB  import {import_ms(module):5.0f} ms  "
              f"({', '.join(extra)})")
    print(f"{'builtin':<18} {0:6.1f} MB  import {import_ms('readerui.ingest.html'):5.0f} ms  "
          "(standard library)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
