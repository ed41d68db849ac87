"""``python -m readerui``."""

from readerui.cli import run

raise SystemExit(run())
