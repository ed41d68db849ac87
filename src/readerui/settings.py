"""Settings of the core, with their defaults; ``store`` fills them from config.toml."""

from __future__ import annotations

from dataclasses import dataclass, field

from readerui.align.settings import AlignSettings
from readerui.ingest.load import DEFAULT_MAX_SENTENCES, DEFAULT_MAX_SIZE


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything that changes what the analysis produces."""

    lang: str = "auto"  # stemming language (ISO 639-1), or "auto": detected per document
    exclusive: bool = False  # each sentence in at most one link (--exclusive)
    max_size: int = DEFAULT_MAX_SIZE  # largest input file accepted, in bytes
    max_sentences: int = DEFAULT_MAX_SENTENCES  # most sentences an account may have
    lexicon_path: str | None = None  # user topic lexicon (TOML)
    align: AlignSettings = field(default_factory=AlignSettings)
