"""The analysis cache: a hit after reopening, misses when anything that matters changes, damage."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from readerui import store
from readerui.analysis import analyse, load_document
from readerui.lifecycle import Reading
from readerui.model import Analysis
from readerui.settings import Settings
from readerui.store import cache

TEXT_A = ("The port reopened on Friday after a week of strikes.\n"
          "Dock workers accepted a pay rise of four percent.\n"
          "The union said talks on safety would continue.\n")
TEXT_B = ("Strikes ended at the port on Friday.\n"
          "Workers accepted a four percent pay rise, the union said.\n"
          "Shipping firms welcomed the deal.\n")


@pytest.fixture()
def pair(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(TEXT_A)
    b.write_text(TEXT_B)
    return a, b


class Counter:
    """A compute function that counts its calls."""

    def __init__(self, path_a: Path, path_b: Path, settings: Settings) -> None:
        self.calls = 0
        self.warnings: list[str] = []  # what the reading handed back
        self.paths, self.settings = (path_a, path_b), settings

    def __call__(self) -> Analysis:
        self.calls += 1
        a = load_document(self.paths[0], self.settings, lines=True)
        b = load_document(self.paths[1], self.settings, lines=True)
        return analyse(a, b, self.settings)


def entries() -> list[Path]:
    return sorted((store.locations().cache_dir / "analyses").glob("*" + cache.SUFFIX))


def open_pair(a: Path, b: Path, settings: Settings | None = None) -> tuple[Analysis, Counter]:
    settings = settings or Settings()
    compute = Counter(a, b, settings)
    reading = Reading((a, b), settings, lines=True)
    analysis = reading.analyse(lambda documents, s: compute())
    compute.warnings = reading.take_warnings()
    return analysis, compute


def test_reopening_is_a_cache_hit_with_an_equal_analysis(pair: tuple[Path, Path]) -> None:
    first, compute = open_pair(*pair)
    assert compute.calls == 1 and len(entries()) == 1
    second, compute = open_pair(*pair)
    assert compute.calls == 0
    assert second == first
    assert second.alignment.links == first.alignment.links


def test_a_moved_file_still_hits_and_reports_its_new_path(pair: tuple[Path, Path],
                                                          tmp_path: Path) -> None:
    open_pair(*pair)
    moved = tmp_path / "moved.txt"
    moved.write_bytes(pair[0].read_bytes())
    analysis, compute = open_pair(moved, pair[1])
    assert compute.calls == 0
    assert analysis.a.path == str(moved) and analysis.b.path == str(pair[1])


def test_changed_content_settings_or_lexicon_miss(pair: tuple[Path, Path]) -> None:
    open_pair(*pair)
    pair[1].write_text(TEXT_B + "A fourth sentence arrived.\n")
    _, compute = open_pair(*pair)
    assert compute.calls == 1
    stricter = Settings(align=dataclasses.replace(Settings().align, link_threshold=0.9))
    _, compute = open_pair(*pair, stricter)
    assert compute.calls == 1
    lexicon = pair[0].parent / "topics.toml"
    lexicon.write_text("[topics]\n")
    with_lexicon = Settings(lexicon_path=str(lexicon))
    open_pair(*pair, with_lexicon)
    lexicon.write_text("[topics.strike]\nterms = ['strike']\n")
    _, compute = open_pair(*pair, with_lexicon)
    assert compute.calls == 1  # the lexicon's content is part of the key


def test_a_new_engine_misses(pair: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    open_pair(*pair)
    monkeypatch.setattr(cache, "engine_fingerprint", lambda: "another engine")
    _, compute = open_pair(*pair)
    assert compute.calls == 1


@pytest.mark.parametrize("damage", ["truncated", "flipped byte", "empty", "not a cache file",
                                    "folder"])
def test_a_damaged_entry_is_removed_and_rebuilt(pair: tuple[Path, Path], damage: str) -> None:
    first, _ = open_pair(*pair)
    [entry] = entries()
    blob = entry.read_bytes()
    if damage == "truncated":
        entry.write_bytes(blob[: len(blob) // 2])
    elif damage == "flipped byte":
        entry.write_bytes(blob[:-10] + bytes([blob[-10] ^ 0xFF]) + blob[-9:])
    elif damage == "empty":
        entry.write_bytes(b"")
    elif damage == "not a cache file":
        entry.write_text("hello")
    else:
        entry.unlink()
        entry.mkdir()
    rebuilt, compute = open_pair(*pair)
    assert compute.calls == 1
    assert rebuilt == first
    assert entries() == [entry] and entry.is_file()
    _, compute = open_pair(*pair)
    assert compute.calls == 0  # the rebuilt entry is good


def test_the_same_bytes_elsewhere_are_a_hit(pair: tuple[Path, Path], tmp_path: Path) -> None:
    first, compute = open_pair(*pair)
    moved = tmp_path / "moved"
    moved.mkdir()
    copies = [moved / p.name for p in pair]
    for source, copy in zip(pair, copies, strict=True):
        copy.write_bytes(source.read_bytes())
    again, compute = open_pair(*copies)
    assert compute.calls == 0 and again.a.path == str(copies[0])  # named as given this time
    assert again.alignment == first.alignment


def test_unwritable_cache_costs_speed_only(pair: tuple[Path, Path]) -> None:
    blocker = store.locations().cache_dir
    blocker.rmdir()
    blocker.write_text("a file where the cache folder should be")
    analysis, compute = open_pair(*pair)
    assert compute.calls == 1 and len(analysis.a) == 3
    warnings = compute.warnings
    assert store.take_warnings() == []  # handed to the caller, not queued
    assert len(warnings) == 1 and ("not cached" in warnings[0] or "not used" in warnings[0])


def test_clear_cache_lists_what_it_removed(pair: tuple[Path, Path]) -> None:
    assert store.clear_cache() == []
    open_pair(*pair)
    open_pair(*pair, Settings(lang="de"))
    before = entries()
    assert len(before) == 2
    assert store.clear_cache() == before
    assert entries() == []


def test_old_entries_are_pruned(pair: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "MAX_ENTRIES", 2)
    for lang in ("en", "de", "fr"):
        open_pair(*pair, Settings(lang=lang))
    assert len(entries()) == 2
