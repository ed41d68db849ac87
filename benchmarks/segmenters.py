"""Compare sentence segmenters on hard cases (exact boundaries) and on speed.

Run: ``python benchmarks/segmenters.py``. Prints, per segmenter, how many hard cases it splits
exactly right (``benchmarks/data/segment_cases.txt``), its boundary precision/recall, and how many
sentences a second it splits on a big text of ~10,000 sentences fed paragraph by paragraph (the way
readerui calls it). ``readerui`` is the splitter readerui uses (a library plus a small post-pass).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

CASES_PATH = Path(__file__).resolve().parent / "data" / "segment_cases.txt"
UNSEEN_PATH = Path(__file__).resolve().parent / "data" / "segment_cases_unseen.txt"
Splitter = Callable[[str], list[str]]


def load_cases(path: Path = CASES_PATH) -> list[list[str]]:
    """Cases of the file: each a list of expected sentences."""
    cases: list[list[str]] = []
    current: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        if line.strip():
            current.append(line.strip())
        elif current:
            cases.append(current)
            current = []
    if current:
        cases.append(current)
    return cases


def _pysbd() -> Splitter:
    import pysbd

    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=False)
    return lambda text: [s.strip() for s in segmenter.segment(text) if s.strip()]


def _syntok() -> Splitter:
    import syntok.segmenter as syntok_segmenter

    def split(text: str) -> list[str]:
        out: list[str] = []
        for paragraph in syntok_segmenter.analyze(text):
            for sentence in paragraph:
                start = sentence[0].offset
                end = sentence[-1].offset + len(sentence[-1].value)
                out.append(text[start:end].strip())
        return out

    return split


def _sentencex() -> Splitter:
    import sentencex

    return lambda text: [s.strip() for s in sentencex.segment("en", text) if s.strip()]


def _blingfire() -> Splitter:
    import blingfire

    def split(text: str) -> list[str]:
        _, offsets = blingfire.text_to_sentences_and_offsets(text)
        return [text[s:e].strip() for s, e in offsets if text[s:e].strip()]

    return split


def _readerui() -> Splitter:
    from readerui.ingest.segment import split_sentences

    return lambda text: [text[s:e] for s, e in split_sentences(text)]


SPLITTERS: dict[str, Callable[[], Splitter]] = {
    "pysbd": _pysbd,
    "syntok": _syntok,
    "sentencex": _sentencex,
    "blingfire": _blingfire,
    "readerui": _readerui,
}


def _boundaries(sentences: list[str]) -> set[int]:
    """Character positions (in the joined text, spaces removed) where sentences end."""
    out, pos = set(), 0
    for s in sentences:
        pos += len(s.replace(" ", ""))
        out.add(pos)
    return out


def accuracy(split: Splitter, cases: list[list[str]]) -> tuple[int, float, float, list[str]]:
    """Exactly right cases, boundary precision, boundary recall, and the failed cases' text."""
    exact, true_pos, predicted, expected = 0, 0, 0, 0
    failures: list[str] = []
    for case in cases:
        got = split(" ".join(case))
        if got == case:
            exact += 1
        else:
            failures.append(" | ".join(got))
        gold_b, got_b = _boundaries(case), _boundaries(got)
        true_pos += len(gold_b & got_b)
        predicted += len(got_b)
        expected += len(gold_b)
    return exact, true_pos / max(predicted, 1), true_pos / max(expected, 1), failures


def big_text(cases: list[list[str]], target: int = 10_000) -> list[str]:
    """Paragraphs of about ``target`` sentences: the cases and the sample pair, repeated."""
    paragraphs = [" ".join(case) for case in cases]
    root = Path(__file__).resolve().parent.parent
    for name in ("mfa_readout.txt", "xinhua_report.txt"):
        path = root / "sample_texts" / name
        if path.exists():
            paragraphs += [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n")]
    count = sum(len(case) for case in cases) + 40
    return paragraphs * max(1, target // count)


def speed(split: Splitter, paragraphs: list[str]) -> tuple[int, float]:
    """Sentences found and seconds taken over all paragraphs."""
    started = time.perf_counter()
    n = sum(len(split(p)) for p in paragraphs)
    return n, time.perf_counter() - started


def main() -> None:
    """Print the figures for every splitter."""
    verbose = "-v" in sys.argv
    cases = load_cases()
    unseen = load_cases(UNSEEN_PATH)
    paragraphs = big_text(cases)
    print(f"{len(cases)} hard cases (the post-pass was written against these), {len(unseen)} "
          f"unseen cases (written afterwards); speed text: {len(paragraphs)} paragraphs")
    print(f"{'splitter':<10} {'exact':>8} {'prec':>6} {'recall':>6} {'unseen':>7} "
          f"{'sentences':>9} {'seconds':>8} {'sent/s':>9}")
    for name, make in SPLITTERS.items():
        try:
            split = make()
        except ImportError as error:
            print(f"{name:<10} not installed ({error})")
            continue
        exact, precision, recall, failures = accuracy(split, cases)
        unseen_exact, _, _, unseen_failures = accuracy(split, unseen)
        n, seconds = speed(split, paragraphs)
        print(f"{name:<10} {exact:>4}/{len(cases):<3} {precision:>6.3f} {recall:>6.3f} "
              f"{unseen_exact:>4}/{len(unseen):<2} {n:>9} {seconds:>8.2f} {n / seconds:>9.0f}")
        if verbose:
            for failure in failures + unseen_failures:
                print(f"    wrong: {failure}")


if __name__ == "__main__":
    main()
