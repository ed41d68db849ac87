"""The pipeline: files -> Documents -> Alignment + Annotations -> Analysis."""

from __future__ import annotations

from pathlib import Path

from readerui import ingest, segment
from readerui.align import align
from readerui.annotate import annotate
from readerui.model import Analysis, Document
from readerui.settings import Settings


def load_document(path: str | Path, settings: Settings | None = None,
                  lines: bool = False) -> Document:
    """Read one account; ``lines`` means pre-split input (one sentence a line, no cleaning)."""
    settings = settings or Settings()
    if lines:
        return segment.from_lines(ingest.read_text(path, settings.max_size), str(path))
    return segment.segment(ingest.load(path, settings.max_size))


def analyse(a: Document, b: Document, settings: Settings | None = None) -> Analysis:
    """Align and annotate two documents."""
    settings = settings or Settings()
    alignment = align(a, b, settings.align, settings.lang)
    annotations = annotate(a, b, settings.lexicon_path, settings.lang)
    return Analysis(a, b, alignment, annotations)


def analyse_paths(path_a: str | Path, path_b: str | Path, settings: Settings | None = None,
                  lines: bool = False) -> Analysis:
    """Load both files and analyse them."""
    a = load_document(path_a, settings, lines)
    b = load_document(path_b, settings, lines)
    return analyse(a, b, settings)
