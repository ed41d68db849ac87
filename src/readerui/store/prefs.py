"""Choices made inside the reader that outlive a run: the theme picked in the command palette.

File (in the state folder): ``prefs.json``. It also records the config's theme at the time of
the choice, so a later edit of ``theme`` in config.toml wins over an older palette choice.
"""

from __future__ import annotations

from typing import Any

from readerui.store.atomic import file_lock, read_json_or_aside, write_json
from readerui.store.locations import Locations, locations

PREFS_VERSION = 1


def _is_prefs(value: Any) -> bool:
    return isinstance(value, dict) and all(
        isinstance(value.get(key, ""), str) for key in ("theme", "config_theme"))


def chosen_theme(config_theme: str, where: Locations | None = None) -> str | None:
    """The theme last picked in the palette, unless config.toml's theme changed since."""
    where = where or locations()
    value = read_json_or_aside(where.state_dir / "prefs.json", _is_prefs)
    if not value or not value.get("theme") or value.get("config_theme", "") != config_theme:
        return None
    return str(value["theme"])


def remember_theme(theme: str, config_theme: str, where: Locations | None = None) -> None:
    """Keep ``theme`` for the next runs (an atomic write under a lock)."""
    where = where or locations()
    path = where.state_dir / "prefs.json"
    with file_lock(path):
        write_json(path, {"version": PREFS_VERSION, "theme": theme,
                          "config_theme": config_theme})
