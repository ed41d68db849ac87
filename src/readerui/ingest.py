"""Read a file and clean its text: decode, normalise, strip control sequences and page furniture.

PLACEHOLDER (first cut, being replaced under issue 2): UTF-8 only, paragraphs on blank lines.
"""

from __future__ import annotations

from pathlib import Path

from readerui.errors import InputError
from readerui.model import CleanText, Metadata, Paragraph

DEFAULT_MAX_SIZE = 20 * 1024 * 1024


def read_text(path: str | Path, max_size: int = DEFAULT_MAX_SIZE) -> str:
    """Read and decode a file; raise InputError with one clear line when it cannot be used."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file")
    data = p.read_bytes()
    if len(data) > max_size:
        raise InputError(f"{p}: file is larger than the limit of {max_size} bytes")
    return data.decode("utf-8")


def clean(text: str, path: str | None = None) -> CleanText:
    """Clean raw text into paragraphs with metadata."""
    paragraphs: list[Paragraph] = []
    parts: list[str] = []
    offset = 0
    for block in text.replace("\r\n", "\n").split("\n\n"):
        block = " ".join(block.split())
        if not block:
            continue
        if parts:
            offset += 2
        role = "title" if not paragraphs else "body"
        paragraphs.append(Paragraph(len(paragraphs), role, offset, offset + len(block)))
        parts.append(block)
        offset += len(block)
    title = parts[0] if parts else None
    return CleanText(path, "\n\n".join(parts), tuple(paragraphs), Metadata(title=title))


def load(path: str | Path, max_size: int = DEFAULT_MAX_SIZE) -> CleanText:
    """Read, decode and clean one file."""
    return clean(read_text(path, max_size), str(path))
