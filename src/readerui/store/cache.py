"""A cache of analyses, so reopening a pair skips ingest, segmentation, alignment and annotation.

An entry is keyed by a SHA-256 of: both inputs (file bytes, or the documents' content), the engine
(``readerui.__version__``, :data:`CACHE_FORMAT`, and a digest of the core's source files, so an
edited engine never serves stale results), and every setting (including the lexicon file's bytes).
An entry is data, never code: ``MAGIC + sha256(payload) + payload``, the payload being
zlib-compressed JSON ``{"format", "engine", "key", "analysis"}`` (:mod:`readerui.store.serial`).
It is used only when the checksum holds, the format is :data:`CACHE_FORMAT`, the engine
fingerprint is this engine's and the key inside is the key asked for (the inputs' and
settings' hash); anything else is removed and rebuilt. The cache folder is created private
(0700); a cache folder (or entry) not owned by this user, or writable by others, is not used
at all (one warning).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import zlib
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path

import readerui
from readerui.model import Analysis, Document
from readerui.safefile import STORE_MAX_SIZE, FileProblem, read_regular
from readerui.settings import Settings
from readerui.store.atomic import PROG, StoreError, atomic_write, warn
from readerui.store.locations import Locations, locations
from readerui.store.serial import analysis_from_data, analysis_to_data

CACHE_FORMAT = 6  # bump when the entry layout (store/serial.py) changes; 1 was a pickle, 2 had
# no speaker cues, 3 kept documents with a completed year instead of the analysis' dates,
# 4 had no `repaired` in the metadata, 5 no `near` (close candidates of unlinked sentences)
MAGIC = b"READERUI-CACHE-JSON\x00"
SUFFIX = ".json.z"
OLD_SUFFIXES = (".pickle",)  # earlier formats: removed by `cache clear`, never read
ENTRY_MAX_SIZE = 512 * 1024 * 1024
MAX_ENTRIES = 64  # oldest entries beyond this are pruned after each write
# Parts of the package that do not change what an analysis holds.
_NOT_ENGINE = ("tui", "store", "samples", "exports", "cli.py", "summary.py", "__main__.py",
               "completion.py", "serve.py")
_ENGINE_SUFFIXES = {".py", ".txt", ".toml", ".json", ".gz"}  # code and the word lists it reads
_ENGINE_LIBRARIES = ("sentencex", "snowballstemmer", "PyStemmer", "rapidfuzz",
                     "charset-normalizer", "numpy", "ftfy")


@cache
def engine_fingerprint() -> str:
    """Version, cache format and a digest of the core's source: changes whenever results may."""
    from importlib import metadata  # here: it imports email, zipfile, csv…

    digest = hashlib.sha256(f"{readerui.__version__}\0{CACHE_FORMAT}".encode())
    for library in _ENGINE_LIBRARIES:  # their results (sentence splits, stems, frequencies) too
        with contextlib.suppress(metadata.PackageNotFoundError):
            digest.update(f"{library}={metadata.version(library)}\0".encode())
    from readerui.web.extract import extractor_name  # trafilatura (readerui[web]) or built-in

    digest.update(f"html={extractor_name()}\0".encode())
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
            parts.append(read_regular(settings.lexicon_path, STORE_MAX_SIZE))
        except FileProblem:
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


def inputs_key(inputs: Sequence[bytes], settings: Settings, lines: bool) -> str:
    """The cache key of a reading: its input files' bytes (in order), how they are read, the
    settings and the engine. The only key analyses are cached under."""
    return _key(f"files lines={lines} n={len(inputs)}", inputs, settings)


def _entry_path(key: str, where: Locations) -> Path:
    return where.cache_dir / "analyses" / f"{key}{SUFFIX}"


_untrusted_warned: set[Path] = set()


def _trusted_folder(folder: Path) -> bool:
    """Is ``folder`` (if it exists) a folder of this user that nobody else can write?"""
    try:
        info = os.stat(folder)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    problem = None
    if not stat.S_ISDIR(info.st_mode):
        problem = "is not a folder"
    elif hasattr(os, "geteuid") and info.st_uid != os.geteuid():
        problem = "is not owned by you"
    elif info.st_mode & 0o022:
        problem = "can be written by other users"
    if problem is None:
        return True
    if folder not in _untrusted_warned:
        _untrusted_warned.add(folder)
        warn(f"{PROG}: warning: the cache folder {folder} {problem}; the cache is not used "
             "(fix or remove the folder)")
    return False


def cache_usable(where: Locations) -> bool:
    """True when the cache folders (if they exist) are this user's and private enough."""
    return _trusted_folder(where.cache_dir) and _trusted_folder(where.cache_dir / "analyses")


def read_entry(key: str, where: Locations | None = None) -> Analysis | None:
    """The cached analysis for ``key``; None when absent. A damaged or foreign entry is removed."""
    where = where or locations()
    if not cache_usable(where):
        return None
    path = _entry_path(key, where)
    try:
        info = os.lstat(path)
    except OSError:
        return None
    owner_ok = not hasattr(os, "geteuid") or info.st_uid == os.geteuid()
    if not stat.S_ISREG(info.st_mode) or not owner_ok:
        _discard(path)
        return None
    try:
        blob = read_regular(path, ENTRY_MAX_SIZE)
    except FileProblem:
        _discard(path)
        return None
    analysis = decode_entry(blob, key)
    if analysis is None:
        _discard(path)
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # recently used: pruned last
    return analysis


def encode_entry(key: str, analysis: Analysis) -> bytes:
    """The bytes of a cache entry for ``analysis`` under ``key``."""
    record = {"format": CACHE_FORMAT, "engine": engine_fingerprint(), "key": key,
              "analysis": analysis_to_data(analysis)}
    payload = zlib.compress(json.dumps(record, ensure_ascii=False, separators=(",", ":"))
                            .encode("utf-8", "surrogatepass"), 1)
    return MAGIC + hashlib.sha256(payload).digest() + payload


def decode_entry(blob: bytes, key: str) -> Analysis | None:
    """The analysis in an entry's bytes, or None unless it is intact, of this format and engine,
    and made for ``key``."""
    head = len(MAGIC) + 32
    payload = blob[head:]
    if blob[: len(MAGIC)] != MAGIC or hashlib.sha256(payload).digest() != blob[len(MAGIC):head]:
        return None
    try:
        inflater = zlib.decompressobj()
        raw = inflater.decompress(payload, ENTRY_MAX_SIZE * 8)
        if inflater.unconsumed_tail:
            return None  # inflates beyond any real entry
        record = json.loads(raw.decode("utf-8", "surrogatepass"))
        if (type(record) is not dict or record.get("format") != CACHE_FORMAT
                or record.get("engine") != engine_fingerprint() or record.get("key") != key):
            return None
        return analysis_from_data(record.get("analysis"))
    except (zlib.error, UnicodeDecodeError, ValueError, RecursionError, TypeError):
        return None


def _discard(path: Path) -> None:
    """Remove a damaged entry (it is rebuilt by the caller)."""
    with contextlib.suppress(OSError):
        if path.is_dir() and not path.is_symlink():
            for child in path.iterdir():
                child.unlink()
            path.rmdir()
        else:
            path.unlink()


def write_entry(key: str, analysis: Analysis, where: Locations | None = None) -> None:
    """Store an analysis; a cache that cannot be written costs speed only (one warning)."""
    where = where or locations()
    if not cache_usable(where):
        return
    try:
        atomic_write(_entry_path(key, where), encode_entry(key, analysis))
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


def files_key(path_a: str | Path, path_b: str | Path, settings: Settings,
              lines: bool = False) -> str | None:
    """The cache key of two files, or None when they cannot be read or are over the limit.

    Only regular files are keyed, sized by ``stat`` before anything is read: a pipe would be
    used up here (and read again by ingest), and a device such as /dev/zero never ends.
    """
    try:
        data_a = read_regular(path_a, settings.max_size)
        data_b = read_regular(path_b, settings.max_size)
    except FileProblem:
        return None  # ingest reads it (or reports why it cannot)
    return inputs_key((data_a, data_b), settings, lines)


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
        if path.name.endswith((SUFFIX, *OLD_SUFFIXES, ".tmp")):
            try:
                path.unlink()
            except OSError as exc:
                raise StoreError(f"cannot remove {path}: {exc.strerror or exc}") from None
            removed.append(path)
    return removed
