"""Fuzzing the store's loaders and the batch-list parser: whatever bytes a file holds, they
return defaults (with warnings) or raise the project's own one-line error, nothing else."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readerui import store
from readerui.batch import parse_batch
from readerui.errors import ReaderError
from readerui.store import cache
from readerui.store.atomic import parse_json
from readerui.store.config import parse_config

FUZZ = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])

# JSON-ish and TOML-ish fragments: brackets, quotes, keys the loaders look for, odd values.
FRAGMENTS = st.sampled_from([
    "{", "}", "[", "]", '"', "'", ",", ":", "=", "\n", "#", "\\", "0", "-1", "1e999", "true",
    "null", '"notes"', '"pairs"', '"cursor"', '"filter"', '"side"', '"a"', '"b"', '"id"',
    '"sentence"', '"text"', '"bookmark"', '"speakers"', '"version"', "theme", "lang",
    "max_size", "max_sentences", "lexicon", "[align]", "[keymap]", "link_threshold",
    '"zz"', '"20M"', "nan", "inf", "\x00", "\x1b]52;c;x\x07", "\u202e", "\ud800", "é",
])
TEXTS = st.lists(FRAGMENTS, max_size=60).map("".join)
BLOBS = st.one_of(st.binary(max_size=400), TEXTS.map(lambda t: t.encode("utf-8",
                                                                        "surrogatepass")))


def _nested(depth: int, json_like: bool) -> bytes:
    body = "[" * depth + "]" * depth
    return (body if json_like else f"x = {body}").encode()


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_dir():
        path.rmdir()
    path.write_bytes(data)


@FUZZ
@given(BLOBS)
def test_config_loader_never_raises(data: bytes) -> None:
    path = store.locations().config_file
    _write(path, data)
    config = store.load_config()
    assert isinstance(config, store.Config)
    parse_config(data, path, lambda line: None)
    store.check_config(path)


@FUZZ
@given(st.one_of(BLOBS, st.builds(lambda v: json.dumps(v).encode(), st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["pairs", "notes", "cursor", "filter", "a", "b", "side", "id",
                         "sentence", "speakers", "topics", "text", "bookmark"]),
        inner, max_size=4), max_leaves=20))))
def test_state_and_notes_loaders_never_raise(data: bytes) -> None:
    where = store.locations()
    key = "0" * 32
    for path in (where.state_dir / "recent.json", where.state_dir / "pairs" / f"{key}.json",
                 where.data_dir / "notes" / f"{key}.json"):
        _write(path, data)
    assert isinstance(store.recent_pairs(), list)
    assert isinstance(store.load_pair_state(key), store.PairState)
    assert isinstance(store.load_notes(key), tuple)
    store.take_warnings()


@FUZZ
@given(BLOBS, st.sampled_from([b"", cache.MAGIC]))
def test_cache_entries_never_raise(data: bytes, magic: bytes) -> None:
    import hashlib
    import zlib

    key = "1" * 64
    payload = zlib.compress(data) if magic else data
    blob = magic + hashlib.sha256(payload).digest() + payload if magic else data
    assert cache.decode_entry(blob, key) is None
    path = store.locations().cache_dir / "analyses" / f"{key}{cache.SUFFIX}"
    _write(path, blob)
    assert cache.read_entry(key) is None


@FUZZ
@given(TEXTS)
def test_batch_list_parser_raises_only_reader_errors(text: str) -> None:
    try:
        pairs = parse_batch(text, Path("/lists"))
    except ReaderError as error:
        assert "\n" not in str(error)
        return
    assert all(isinstance(a, str) and isinstance(b, str) for a, b in pairs)


def test_deeply_nested_files_are_refused_not_recursed() -> None:
    for depth in (65, 100_000):
        value, problem = parse_json(_nested(depth, json_like=True))
        assert value is None and problem is not None
        assert parse_config(_nested(depth, json_like=False), Path("config.toml"),
                            lambda line: None) is None
    value, problem = parse_json(_nested(10, json_like=True))
    assert problem is None and value == [[[[[[[[[[]]]]]]]]]]
