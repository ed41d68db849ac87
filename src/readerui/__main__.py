"""``python -m readerui``."""

from readerui.cli import main

raise SystemExit(main())
