"""Keeping a reader's work: config, analysis cache, recent pairs and positions, notes.

Folders come from platformdirs (see :mod:`readerui.store.locations`); every write is atomic and a
damaged file is moved aside with a warning (see :mod:`readerui.store.atomic`). Warnings about
moved-aside files go to the caller collecting them (:func:`readerui.store.atomic.collecting`;
:class:`readerui.lifecycle.Reading` does), else to a queue :func:`take_warnings` empties (the CLI
prints it on exit); config problems are in ``Config.warnings``.
"""

from readerui.store.atomic import StoreError, atomic_write, take_warnings
from readerui.store.cache import (
    clear_cache,
    engine_fingerprint,
)
from readerui.store.config import (
    Config,
    check_config,
    config_to_toml,
    default_config_text,
    ensure_config_file,
    keymap_problems,
    load_config,
)
from readerui.store.locations import ENV_VARS, Locations, locations
from readerui.store.notes import (
    Note,
    add_note,
    anchor,
    load_notes,
    new_note,
    remove_note,
    update_note,
)
from readerui.store.state import (
    PairState,
    RecentPair,
    load_pair_state,
    load_speaker_edits,
    pair_key,
    read_pair_state,
    recent_pairs,
    remember_pair,
    save_pair_state,
    save_speaker_edits,
)

__all__ = [
    "ENV_VARS",
    "Config",
    "Locations",
    "Note",
    "PairState",
    "RecentPair",
    "StoreError",
    "add_note",
    "anchor",
    "atomic_write",
    "check_config",
    "clear_cache",
    "config_to_toml",
    "default_config_text",
    "engine_fingerprint",
    "ensure_config_file",
    "keymap_problems",
    "load_config",
    "load_notes",
    "load_pair_state",
    "load_speaker_edits",
    "locations",
    "new_note",
    "pair_key",
    "read_pair_state",
    "recent_pairs",
    "remember_pair",
    "remove_note",
    "save_pair_state",
    "save_speaker_edits",
    "take_warnings",
    "update_note",
]
