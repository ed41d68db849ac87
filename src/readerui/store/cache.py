"""A cache of analyses, so reopening a pair skips ingest, segmentation, alignment and annotation.

An entry is keyed by a SHA-256 of: both inputs (file bytes, or the documents' content), the engine
(``readerui.__version__``, :data:`CACHE_FORMAT`, and a digest of the core's source files, so an
edited engine never serves stale results), and every setting (including the lexicon file's bytes).
An entry file is ``MAGIC + sha256(payload) + payload`` (a pickle); one that is truncated or fails
its checksum is removed and rebuilt. The cache folder is private to the user (mode 0700).
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import os
import pickle
import stat
from collections.abc import Callable, Iterable
from functools import cache
from importlib import metadata
from pathlib import Path

import readerui
from readerui.model import Analysis, Document
from readerui.settings import Settings
from readerui.store.atomic import PROG, StoreError, atomic_write, warn
from readerui.store.locations import Locations, locations

CACHE_FORMAT = 1  # bump when the entry layout changes
MAGIC = b"READERUI-CACHE\x00"
SUFFIX = ".pickle"
MAX_ENTRIES = 64  # oldest entries beyond this are pruned after each write
# Parts of the package that do not change what an analysis holds.
_NOT_ENGINE = ("tui", "store", "samples", "export.py", "cli.py", "summary.py", "__main__.py")
_ENGINE_SUFFIXES = {".py", ".txt", ".toml", ".json"}  # code and the word lists it reads
_ENGINE_LIBRARIES = ("sentencex", "snowballstemmer", "rapidfuzz", "wordfreq", "charset-normalizer",
                     "numpy")


@cache
def engine_fingerprint() -> str:
    """Version, cache format and a digest of the core's source: changes whenever results may."""
    digest = hashlib.sha256(f"{readerui.__version__}\0{CACHE_FORMAT}".encode())
    for library in _ENGINE_LIBRARIES:  # their results (sentence splits, stems, frequencies) too
        with contextlib.suppress(metadata.PackageNotFoundError):
            digest.update(f"{library}={metadata.version(library)}\0".encode())
    root = Path(readerui.__file__).parent
    for source in sorted(root.rglob("*")):
        relative = source.relative_to(root)
        if (relative.parts[0] in _NOT_ENGINE or source.is_dir() or "__pycache__" in relative.parts
                or source.suffix not in _ENGINE_SUFFIXES):
            continue
        digest.update(str(relative).encode() + b"\0")
        with contextlib.suppress(OSError):
            digest.update(source.read_bytes())
    return digest.hexdigest()


def _settings_bytes(settings: Settings) -> bytes:
    """Settings as bytes, plus the lexicon's content (editing the lexicon changes the topics)."""
    parts = [repr(settings).encode()]
    if settings.lexicon_path:
        try:
            parts.append(Path(settings.lexicon_path).read_bytes())
        except OSError:
            parts.append(b"<unreadable lexicon>")
    return b"\0".join(parts)


def _key(kind: str, inputs: Iterable[bytes], settings: Settings) -> str:
    digest = hashlib.sha256(f"{kind}\0{engine_fingerprint()}\0".encode())
    for part in inputs:
        digest.update(hashlib.sha256(part).digest())
    digest.update(_settings_bytes(settings))
    return digest.hexdigest()


def document_bytes(doc: Document) -> bytes:
    """A canonical byte form of a document's content (text, sentences, metadata)."""
    sentences = "\x1e".join(f"{s.id}\x1f{s.paragraph}\x1f{s.role}\x1f{s.start}\x1f{s.end}\x1f"
                            f"{s.text}" for s in doc.sentences)
    return "\x1d".join([doc.text, sentences, repr(doc.meta), repr(doc.removed)]).encode(
        "utf-8", "surrogatepass")


def paths_key(data_a: bytes, data_b: bytes, settings: Settings, lines: bool) -> str:
    """Cache key of a pair of input files given their bytes."""
    return _key(f"files lines={lines}", (data_a, data_b), settings)


def documents_key(a: Document, b: Document, settings: Settings) -> str:
    """Cache key of a pair of already loaded documents."""
    return _key("documents", (document_bytes(a), document_bytes(b)), settings)


def _entry_path(key: str, where: Locations) -> Path:
    return where.cache_dir / "analyses" / f"{key}{SUFFIX}"


def read_entry(key: str, where: Locations | None = None) -> Analysis | None:
    """The cached analysis for ``key``; None when absent. A damaged entry is removed."""
    path = _entry_path(key, where or locations())
    try:
        blob = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError:
        _discard(path)
        return None
    head = len(MAGIC) + 32
    payload = blob[head:]
    if blob[: len(MAGIC)] != MAGIC or hashlib.sha256(payload).digest() != blob[len(MAGIC):head]:
        _discard(path)
        return None
    try:
        analysis = pickle.loads(payload)
    except Exception:  # a payload that passes the checksum but not unpickling: a stale class
        _discard(path)
        return None
    if not isinstance(analysis, Analysis):
        _discard(path)
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # recently used: pruned last
    return analysis


def _discard(path: Path) -> None:
    """Remove a damaged entry (it is rebuilt by the caller)."""
    with contextlib.suppress(OSError):
        if path.is_dir():
            for child in path.iterdir():
                child.unlink()
            path.rmdir()
        else:
            path.unlink()


def write_entry(key: str, analysis: Analysis, where: Locations | None = None) -> None:
    """Store an analysis; a cache that cannot be written costs speed only (one warning)."""
    where = where or locations()
    payload = pickle.dumps(analysis, protocol=pickle.HIGHEST_PROTOCOL)
    try:
        atomic_write(_entry_path(key, where), MAGIC + hashlib.sha256(payload).digest() + payload)
    except StoreError as exc:
        warn(f"{PROG}: warning: analysis not cached: {exc}")
        return
    _prune(where)


def _entries(where: Locations) -> list[Path]:
    folder = where.cache_dir / "analyses"
    try:
        return [p for p in folder.iterdir() if p.name.endswith(SUFFIX)]
    except OSError:
        return []


def _prune(where: Locations) -> None:
    """Keep the ``MAX_ENTRIES`` most recently used entries."""
    keep = MAX_ENTRIES
    entries = _entries(where)
    if len(entries) <= keep:
        return

    def age(path: Path) -> float:
        try:
            return path.stat().st_mtime
        except OSError:
            return 0.0

    for path in sorted(entries, key=age)[: len(entries) - keep]:
        with contextlib.suppress(OSError):
            path.unlink()


def _with_paths(analysis: Analysis, path_a: str, path_b: str) -> Analysis:
    """The same analysis naming the files as they were given this time."""
    return dataclasses.replace(analysis, a=dataclasses.replace(analysis.a, path=path_a),
                               b=dataclasses.replace(analysis.b, path=path_b))


def cached_analysis(a: Document, b: Document, settings: Settings,
                    compute: Callable[[Document, Document, Settings], Analysis],
                    where: Locations | None = None) -> Analysis:
    """``compute(a, b, settings)``, or its cached result for documents with the same content."""
    key = documents_key(a, b, settings)
    found = read_entry(key, where)
    if found is not None:
        return _with_paths(found, a.path, b.path)  # type: ignore[arg-type]
    analysis = compute(a, b, settings)
    write_entry(key, analysis, where)
    return analysis


def files_key(path_a: str | Path, path_b: str | Path, settings: Settings,
              lines: bool = False) -> str | None:
    """The cache key of two files, or None when they cannot be read or are over the limit.

    Only regular files are keyed, sized by ``stat`` before anything is read: a pipe would be
    used up here (and read again by ingest), and a device such as /dev/zero never ends.
    """
    try:
        for path in (path_a, path_b):
            info = Path(path).stat()
            if not stat.S_ISREG(info.st_mode) or info.st_size > settings.max_size:
                return None  # ingest reads it (or reports why it cannot)
        data_a, data_b = Path(path_a).read_bytes(), Path(path_b).read_bytes()
    except OSError:
        return None
    if max(len(data_a), len(data_b)) > settings.max_size:
        return None  # grew since the stat; ingest reports the size error
    return paths_key(data_a, data_b, settings, lines)


def lookup_files(path_a: str | Path, path_b: str | Path, settings: Settings, lines: bool = False,
                 where: Locations | None = None) -> Analysis | None:
    """The cached analysis of two files with these bytes and settings, or None (no computing)."""
    key = files_key(path_a, path_b, settings, lines)
    return None if key is None else lookup_key(key, path_a, path_b, where)


def lookup_key(key: str, path_a: str | Path, path_b: str | Path,
               where: Locations | None = None) -> Analysis | None:
    """The analysis cached under ``key`` (from :func:`files_key`), naming these paths, or None."""
    found = read_entry(key, where)
    return None if found is None else _with_paths(found, str(path_a), str(path_b))


def cached_analysis_of_files(path_a: str | Path, path_b: str | Path, settings: Settings,
                             compute: Callable[[], Analysis], lines: bool = False,
                             where: Locations | None = None) -> Analysis:
    """``compute()`` (which analyses the two files), or the cached result for the same bytes.

    Keyed on the files' bytes, so a hit skips ingest and segmentation too. Files that cannot be
    read are left to ``compute`` (which reports them as usual), and are not cached.
    """
    key = files_key(path_a, path_b, settings, lines)
    if key is None:
        return compute()
    found = read_entry(key, where)
    if found is not None:
        return _with_paths(found, str(path_a), str(path_b))
    analysis = compute()
    write_entry(key, analysis, where)
    return analysis


def clear_cache(where: Locations | None = None) -> list[Path]:
    """Delete every cache entry (and leftover temporary files); returns what was removed."""
    where = where or locations()
    folder = where.cache_dir / "analyses"
    removed: list[Path] = []
    try:
        children = sorted(folder.iterdir())
    except FileNotFoundError:
        return removed
    except OSError as exc:
        raise StoreError(f"cannot list {folder}: {exc.strerror or exc}") from None
    for path in children:
        if path.name.endswith(SUFFIX) or path.name.endswith(".tmp"):
            try:
                path.unlink()
            except OSError as exc:
                raise StoreError(f"cannot remove {path}: {exc.strerror or exc}") from None
            removed.append(path)
    return removed
