"""``python -m readerui``."""

from readerui.entry import run

raise SystemExit(run())
