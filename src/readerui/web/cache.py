"""A content-addressed cache of fetched pages, in the cache folder's ``web/`` subfolder.

``pages/<sha256>`` holds a page's bytes exactly as they were received, named by their SHA-256;
``addresses/<sha256 of the address>.json`` records which page an address gave and when. A page
is returned only after its bytes hash to its name (a damaged or edited file is deleted and
fetched again). Pages are data: they are only ever read as bytes, never run or unpickled.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import time
from dataclasses import dataclass
from pathlib import Path

from readerui.store.atomic import StoreError, atomic_write, ensure_dir
from readerui.store.locations import Locations, locations

FOLDER = "web"
FRESH_SECONDS = 3600.0  # a page fetched less than an hour ago is not fetched again
KEEP_SECONDS = 24 * 3600.0  # older pages and records are removed when a new page is stored


@dataclass(frozen=True, slots=True)
class CachedPage:
    """A fetched page: the address asked for, its bytes, its media type and when it came."""

    address: str
    data: bytes
    content_type: str
    fetched: float  # seconds since the epoch


def _folder(where: Locations | None) -> Path:
    return (where or locations()).cache_dir / FOLDER


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _record_path(address: str, where: Locations | None) -> Path:
    return _folder(where) / "addresses" / f"{_digest(address.encode('utf-8'))}.json"


def _forget(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def lookup(address: str, max_size: int, max_age: float = FRESH_SECONDS,
           where: Locations | None = None, now: float | None = None) -> CachedPage | None:
    """The page fetched from ``address`` less than ``max_age`` seconds ago, verified, or None."""
    record_path = _record_path(address, where)
    try:
        record = json.loads(record_path.read_text(encoding="utf-8"))
        digest, fetched = record["sha256"], float(record["fetched"])
        content_type = str(record.get("content_type", ""))
        if record["address"] != address or not isinstance(digest, str) or len(digest) != 64:
            raise ValueError("not this address's record")
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        _forget(record_path)
        return None
    age = (time.time() if now is None else now) - fetched
    if not 0 <= age < max_age:
        return None
    page_path = _folder(where) / "pages" / digest
    try:
        if page_path.stat().st_size > max_size:
            return None  # fetched under a larger --max-size: fetch (and refuse) afresh
        data = page_path.read_bytes()
    except OSError:
        return None
    if _digest(data) != digest:  # damaged or edited: never trusted
        _forget(page_path)
        _forget(record_path)
        return None
    return CachedPage(address, data, content_type, fetched)


def store(address: str, data: bytes, content_type: str, where: Locations | None = None,
          now: float | None = None) -> None:
    """Keep ``data`` as the page of ``address``. A cache that cannot be written is skipped."""
    folder = _folder(where)
    digest = _digest(data)
    record = {"address": address, "sha256": digest, "content_type": content_type,
              "fetched": time.time() if now is None else now, "size": len(data)}
    with contextlib.suppress(StoreError, OSError):
        ensure_dir(folder / "pages")
        ensure_dir(folder / "addresses")
        page_path = folder / "pages" / digest
        if not page_path.is_file():
            atomic_write(page_path, data)
        atomic_write(_record_path(address, where), json.dumps(record))
    _prune(folder, time.time() - KEEP_SECONDS)


def _prune(folder: Path, before: float) -> None:
    """Remove pages and records last written before ``before`` (seconds since the epoch)."""
    for sub in ("pages", "addresses"):
        with contextlib.suppress(OSError):
            for path in (folder / sub).iterdir():
                with contextlib.suppress(OSError):
                    if path.stat().st_mtime < before:
                        path.unlink()


def clear(where: Locations | None = None) -> list[Path]:
    """Delete every cached page and record; returns what was removed."""
    removed = []
    for sub in ("pages", "addresses"):
        with contextlib.suppress(OSError):
            for path in sorted((_folder(where) / sub).iterdir()):
                with contextlib.suppress(OSError):
                    path.unlink()
                    removed.append(path)
    return removed
