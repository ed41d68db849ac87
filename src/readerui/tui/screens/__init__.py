"""Screens of the reader besides the main one."""

from pathlib import Path

# The rules of the screens (search, help, legend, summary, notes, save as, go to): each names it
# as its CSS_PATH, so it is read when the first of them opens and not parsed at start-up.
SCREEN_STYLES = Path(__file__).parent.parent / "styles" / "screens.tcss"
