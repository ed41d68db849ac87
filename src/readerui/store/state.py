"""Where the reader left off: recent pairs, and the cursor and filter of each pair.

Files (in the state folder): ``recent.json`` (most recent first) and ``pairs/<pair key>.json``.
Every update is a locked read-merge-write, so two readers running at once do not undo each other.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from readerui.model import Document, Side
from readerui.store.atomic import file_lock, read_json_or_aside, write_json
from readerui.store.cache import document_bytes
from readerui.store.locations import Locations, locations
from readerui.web import is_address

STATE_VERSION = 1
MAX_RECENT = 30

ACCOUNTS = "abcdefgh"  # the account the cursor is on (a reading has up to 8)


def now_iso() -> str:
    """The current UTC time, ISO 8601 with microseconds."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def pair_key(a: Document, b: Document) -> str:
    """A name for a pair of documents held in memory: a hash of their content (not of their
    paths). Readings of files are named by their input bytes instead
    (:func:`readerui.lifecycle.identity_of`)."""
    digest = hashlib.sha256(b"readerui-pair\0")
    digest.update(hashlib.sha256(document_bytes(a)).digest())
    digest.update(hashlib.sha256(document_bytes(b)).digest())
    return digest.hexdigest()[:32]


@dataclass(frozen=True, slots=True)
class RecentPair:
    """A pair opened in the reader (absolute paths)."""

    path_a: str
    path_b: str
    opened: str  # ISO 8601 UTC
    lines: bool = False  # opened as pre-split input
    title_a: str | None = None
    title_b: str | None = None


@dataclass(frozen=True, slots=True)
class PairState:
    """Where the reader was in a pair (its notes are kept apart: :mod:`readerui.store.notes`)."""

    cursor_side: Side = "a"
    cursor_id: int = 0
    filter_speakers: tuple[str, ...] = ()
    filter_topics: tuple[str, ...] = ()


def _recent_file(where: Locations) -> Path:
    return where.state_dir / "recent.json"


def _pair_file(key: str, where: Locations) -> Path:
    return where.state_dir / "pairs" / f"{key}.json"


def _is_recent_entry(item: Any) -> bool:
    return (isinstance(item, dict) and isinstance(item.get("a"), str)
            and isinstance(item.get("b"), str) and isinstance(item.get("opened", ""), str))


def _is_recent_file(value: Any) -> bool:
    return (isinstance(value, dict) and isinstance(value.get("pairs"), list)
            and all(_is_recent_entry(item) for item in value["pairs"]))


def _recent_from_json(item: dict[str, Any]) -> RecentPair:
    def text(name: str) -> str | None:
        value = item.get(name)
        return value if isinstance(value, str) else None

    return RecentPair(item["a"], item["b"], item.get("opened", ""), bool(item.get("lines")),
                      text("title_a"), text("title_b"))


def _recent_to_json(pair: RecentPair) -> dict[str, Any]:
    return {"a": pair.path_a, "b": pair.path_b, "opened": pair.opened, "lines": pair.lines,
            "title_a": pair.title_a, "title_b": pair.title_b}


def recent_pairs(where: Locations | None = None) -> list[RecentPair]:
    """Pairs opened before, most recent first (a damaged file is moved aside: empty list)."""
    where = where or locations()
    value = read_json_or_aside(_recent_file(where), _is_recent_file)
    return [] if value is None else [_recent_from_json(item) for item in value["pairs"]]


def remember_pair(path_a: str | Path, path_b: str | Path, lines: bool = False,
                  titles: tuple[str | None, str | None] = (None, None),
                  where: Locations | None = None) -> RecentPair:
    """Put a pair first in the recent list (once; the list keeps the last ``MAX_RECENT``)."""
    where = where or locations()
    pair = RecentPair(*(str(p) if is_address(p) else str(Path(p).absolute())  # web: as given
                        for p in (path_a, path_b)), now_iso(), lines, *titles)
    path = _recent_file(where)
    with file_lock(path):
        value = read_json_or_aside(path, _is_recent_file)
        older = [] if value is None else [_recent_from_json(item) for item in value["pairs"]]
        kept = [p for p in older if (p.path_a, p.path_b) != (pair.path_a, pair.path_b)]
        pairs = [pair, *kept][:MAX_RECENT]
        write_json(path, {"version": STATE_VERSION,
                          "pairs": [_recent_to_json(p) for p in pairs]})
    return pair


def _is_pair_file(value: Any) -> bool:
    if not isinstance(value, dict):
        return False
    cursor, filters = value.get("cursor", {}), value.get("filter", {})
    return (isinstance(cursor, dict) and cursor.get("side", "a") in tuple(ACCOUNTS)
            and isinstance(cursor.get("id", 0), int) and isinstance(filters, dict)
            and all(isinstance(filters.get(name, []), list)
                    and all(isinstance(x, str) for x in filters.get(name, []))
                    for name in ("speakers", "topics")))


def read_pair_state(key: str, where: Locations | None = None) -> PairState:
    """The saved cursor and filter of a pair (defaults when none are saved or the file was
    damaged: then it is moved aside with a warning)."""
    where = where or locations()
    value = read_json_or_aside(_pair_file(key, where), _is_pair_file)
    if value is None:
        return PairState()
    cursor, filters = value.get("cursor", {}), value.get("filter", {})
    return PairState(cursor.get("side", "a"), max(0, cursor.get("id", 0)),
                     tuple(filters.get("speakers", ())), tuple(filters.get("topics", ())))


load_pair_state = read_pair_state


def save_pair_state(key: str, state: PairState, where: Locations | None = None) -> None:
    """Save the cursor and filter of a pair (the speaker edits already saved are kept: see
    save_speaker_edits)."""
    where = where or locations()
    path = _pair_file(key, where)
    with file_lock(path):
        value = read_json_or_aside(path, _is_pair_file)
        edits = _edits_in(value)
        write_json(path, {
            "version": STATE_VERSION,
            "cursor": {"side": state.cursor_side, "id": state.cursor_id},
            "filter": {"speakers": list(state.filter_speakers),
                       "topics": list(state.filter_topics)},
            **({"speaker_edits": edits} if edits else {}),
            "saved": now_iso(),
        })


SpeakerEditJson = dict[str, str]


def _edits_in(value: Any) -> list[SpeakerEditJson]:
    """The speaker edits of a pair file: objects of strings only (the annotator checks them)."""
    items = value.get("speaker_edits") if isinstance(value, dict) else None
    if not isinstance(items, list):
        return []
    return [dict(item) for item in items if isinstance(item, dict)
            and all(isinstance(k, str) and isinstance(v, str) for k, v in item.items())]


def load_speaker_edits(key: str, where: Locations | None = None) -> list[SpeakerEditJson]:
    """The reader's speaker corrections of a pair, oldest first (see
    :mod:`readerui.annotate.overrides`)."""
    where = where or locations()
    return _edits_in(read_json_or_aside(_pair_file(key, where), _is_pair_file))


def save_speaker_edits(key: str, edits: list[SpeakerEditJson],
                       where: Locations | None = None) -> None:
    """Replace a pair's speaker corrections (locked read-merge-write: cursor and filter kept)."""
    where = where or locations()
    path = _pair_file(key, where)
    with file_lock(path):
        value = read_json_or_aside(path, _is_pair_file)
        merged = dict(value) if isinstance(value, dict) else {
            "version": STATE_VERSION, "cursor": {"side": "a", "id": 0},
            "filter": {"speakers": [], "topics": []}}
        merged["speaker_edits"] = [dict(e) for e in edits]
        merged["saved"] = now_iso()
        write_json(path, merged)
