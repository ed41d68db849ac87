"""How fast a file goes from bytes to sentences: read_text, clean, segment.

Run: ``python benchmarks/ingest_speed.py``. Builds texts from the sample pair (with its page
furniture, so every rule runs) at about 1 MB and at just under the default 20 MB limit, writes them
to a temporary folder and prints seconds per stage and sentences per second.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from readerui.ingest.load import DEFAULT_MAX_SIZE, clean, read_text
from readerui.ingest.segment import segment

ROOT = Path(__file__).resolve().parent.parent


def sample_text() -> str:
    """Both sample accounts, furniture included."""
    names = ("mfa_readout.txt", "xinhua_report.txt")
    return "\n\n".join((ROOT / "sample_texts" / name).read_text(encoding="utf-8")
                       for name in names)


def measure(path: Path) -> tuple[float, float, float, int]:
    """Seconds to read, clean and segment the file, and the number of sentences."""
    started = time.perf_counter()
    text = read_text(path)
    read_done = time.perf_counter()
    cleaned = clean(text, str(path))
    clean_done = time.perf_counter()
    doc = segment(cleaned)
    segment_done = time.perf_counter()
    return (read_done - started, clean_done - read_done, segment_done - clean_done,
            len(doc.sentences))


def main() -> None:
    """Print the figures for a small and a large file."""
    unit = sample_text() + "\n\n"
    print(f"{'size':>8} {'read s':>7} {'clean s':>8} {'segment s':>9} {'sentences':>9} "
          f"{'sent/s':>8}")
    with tempfile.TemporaryDirectory() as folder:
        for target in (1024 * 1024, DEFAULT_MAX_SIZE - 1024 * 1024):
            path = Path(folder) / "input.txt"
            path.write_text(unit * max(1, target // len(unit.encode("utf-8"))), encoding="utf-8")
            size = path.stat().st_size / 1024 / 1024
            read_s, clean_s, segment_s, n = measure(path)
            total = read_s + clean_s + segment_s
            print(f"{size:>6.1f}MB {read_s:>7.2f} {clean_s:>8.2f} {segment_s:>9.2f} {n:>9} "
                  f"{n / total:>8.0f}")


if __name__ == "__main__":
    main()
