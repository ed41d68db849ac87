"""Where readerui keeps its files: platformdirs folders, each overridable by an env variable."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import PlatformDirs

APP_NAME = "readerui"

# Environment variable -> which folder it overrides.
ENV_VARS = {
    "config_dir": "READERUI_CONFIG_DIR",
    "data_dir": "READERUI_DATA_DIR",
    "cache_dir": "READERUI_CACHE_DIR",
    "state_dir": "READERUI_STATE_DIR",
}


@dataclass(frozen=True, slots=True)
class Locations:
    """The four folders of the store (none is created until something is written)."""

    config_dir: Path  # config.toml, topics.toml
    data_dir: Path  # notes/<pair>.json: the reader's own work
    cache_dir: Path  # analyses/<key>.pickle: safe to delete at any time
    state_dir: Path  # recent.json, pairs/<pair>.json: where the reader left off

    @property
    def config_file(self) -> Path:
        """The user's config.toml."""
        return self.config_dir / "config.toml"

    @property
    def folders(self) -> tuple[Path, ...]:
        """Every folder the store writes files into."""
        return (self.config_dir, self.data_dir, self.data_dir / "notes",
                self.data_dir / "exports", self.cache_dir / "analyses", self.state_dir,
                self.state_dir / "pairs")

    @property
    def lexicon_file(self) -> Path:
        """The default topic lexicon, used when it exists and config names no other."""
        return self.config_dir / "topics.toml"


def _folder(value: str) -> Path:
    return Path(os.path.expandvars(value)).expanduser().absolute()


def locations(config_dir: str | Path | None = None) -> Locations:
    """The folders from platformdirs (app name "readerui"), with READERUI_*_DIR overrides;
    ``config_dir`` (``--config-dir``), when given, wins over both for the config folder."""
    dirs = PlatformDirs(APP_NAME, appauthor=False)
    defaults = {
        "config_dir": dirs.user_config_dir,
        "data_dir": dirs.user_data_dir,
        "cache_dir": dirs.user_cache_dir,
        "state_dir": dirs.user_state_dir,
    }
    chosen = {name: os.environ.get(var) or defaults[name] for name, var in ENV_VARS.items()}
    if config_dir is not None:
        chosen["config_dir"] = str(config_dir)
    return Locations(**{name: _folder(value) for name, value in chosen.items()})
