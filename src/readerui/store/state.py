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

from readerui.model import ACCOUNT_SIDES, Document
from readerui.store.atomic import file_lock, read_json_or_aside, write_json
from readerui.store.cache import document_bytes
from readerui.store.locations import Locations, locations
from readerui.web import is_address

STATE_VERSION = 1
MAX_RECENT = 30


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
    more: tuple[str, ...] = ()  # the third and further accounts of a larger reading

    @property
    def paths(self) -> tuple[str, ...]:
        """Every account's path, in order."""
        return (self.path_a, self.path_b, *self.more)


@dataclass(frozen=True, slots=True)
class PairState:
    """Where the reader was in a reading (its notes are kept apart: :mod:`readerui.store.notes`).

    ``cursor_side`` is the account's letter ("a", "b", then "c" … in a larger reading);
    ``shown`` the two accounts in the panes (left, right), (0, 1) unless changed."""

    cursor_side: str = "a"
    cursor_id: int = 0
    filter_speakers: tuple[str, ...] = ()
    filter_topics: tuple[str, ...] = ()
    shown: tuple[int, int] = (0, 1)


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

    more = item.get("more")
    others = tuple(more) if isinstance(more, list) and all(isinstance(p, str) for p in more) \
        else ()
    return RecentPair(item["a"], item["b"], item.get("opened", ""), bool(item.get("lines")),
                      text("title_a"), text("title_b"), others)


def _recent_to_json(pair: RecentPair) -> dict[str, Any]:
    data: dict[str, Any] = {"a": pair.path_a, "b": pair.path_b, "opened": pair.opened,
                            "lines": pair.lines, "title_a": pair.title_a,
                            "title_b": pair.title_b}
    if pair.more:
        data["more"] = list(pair.more)
    return data


def recent_pairs(where: Locations | None = None) -> list[RecentPair]:
    """Pairs opened before, most recent first (a damaged file is moved aside: empty list)."""
    where = where or locations()
    value = read_json_or_aside(_recent_file(where), _is_recent_file)
    return [] if value is None else [_recent_from_json(item) for item in value["pairs"]]


def remember_pair(path_a: str | Path, path_b: str | Path, lines: bool = False,
                  titles: tuple[str | None, str | None] = (None, None),
                  where: Locations | None = None, more: tuple[str | Path, ...] = ()
                  ) -> RecentPair:
    """Put a reading first in the recent list (once; the list keeps the last ``MAX_RECENT``);
    ``more``: its third and further accounts."""
    where = where or locations()

    def absolute(p: str | Path) -> str:
        return str(p) if is_address(p) else str(Path(p).absolute())  # web: as given

    pair = RecentPair(absolute(path_a), absolute(path_b), now_iso(), lines, *titles,
                      more=tuple(absolute(p) for p in more))
    path = _recent_file(where)
    with file_lock(path):
        value = read_json_or_aside(path, _is_recent_file)
        older = [] if value is None else [_recent_from_json(item) for item in value["pairs"]]
        kept = [p for p in older if p.paths != pair.paths]
        pairs = [pair, *kept][:MAX_RECENT]
        write_json(path, {"version": STATE_VERSION,
                          "pairs": [_recent_to_json(p) for p in pairs]})
    return pair


def _is_pair_file(value: Any) -> bool:
    if not isinstance(value, dict):
        return False
    cursor, filters = value.get("cursor", {}), value.get("filter", {})
    shown = value.get("shown", [0, 1])
    side = cursor.get("side", "a") if isinstance(cursor, dict) else None
    return (isinstance(cursor, dict) and isinstance(side, str) and len(side) == 1
            and side in ACCOUNT_SIDES
            and isinstance(shown, list) and len(shown) == 2
            and all(type(x) is int and 0 <= x < len(ACCOUNT_SIDES) for x in shown)
            and shown[0] != shown[1]
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
    shown = value.get("shown", [0, 1])
    return PairState(cursor.get("side", "a"), max(0, cursor.get("id", 0)),
                     tuple(filters.get("speakers", ())), tuple(filters.get("topics", ())),
                     (shown[0], shown[1]))


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
            **({"shown": list(state.shown)} if state.shown != (0, 1) else {}),
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
