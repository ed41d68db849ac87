"""The bundled sample pair, found inside the installed package (works for non-editable installs)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

SAMPLE_NAMES = ("mfa_readout.txt", "xinhua_report.txt")


def sample_paths() -> tuple[Path, Path]:
    """Paths of the two sample accounts shipped in the package."""
    base = resources.files("readerui") / "samples"
    a, b = (Path(str(base / name)) for name in SAMPLE_NAMES)
    return a, b
