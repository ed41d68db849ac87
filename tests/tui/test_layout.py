"""Wrapping sentences to a width and mapping rows back to sentences."""

from __future__ import annotations

from readerui.ingest.segment import from_lines
from readerui.tui.layout import BLANK, build_layout, safe_text, wrap
from readerui.tui.widgets.chrome import date_label


def test_wrap_keeps_words_whole_and_lines_within_width() -> None:
    text = "The quick brown fox jumps over the lazy dog and keeps on running home."
    lines = wrap(text, 16)
    assert len(lines) > 1
    assert all(end - start <= 16 for start, end in lines)
    assert " ".join(text[s:e] for s, e in lines) == text


def test_wrap_splits_a_word_longer_than_the_width() -> None:
    lines = wrap("a" * 25 + " bb", 10)
    assert [e - s for s, e in lines] == [10, 10, 5 + 3]


def test_wrap_counts_wide_characters_as_two_cells() -> None:
    text = "中文字符测试一下好吗"
    lines = wrap(text, 8)
    assert all(e - s <= 4 for s, e in lines)
    assert "".join(text[s:e] for s, e in lines) == text


def test_layout_maps_rows_to_sentences_with_paragraph_gaps() -> None:
    doc = from_lines("one two three four five six\nseven\n\neight nine\n")
    layout = build_layout(doc, 10)
    assert layout.rows_of(0) == range(0, 3)
    assert layout.sentence_at(3) == 1
    assert layout.rows[4][0] == BLANK  # the paragraph break
    assert layout.sentence_at(4) is None
    assert layout.nearest_sentence(4) == 2
    assert layout.first_row[2] == 5
    assert layout.sentence_at(99) is None


def test_control_characters_become_spaces_without_moving_offsets() -> None:
    text = "bad \x1b[31mred\x07 text"
    clean = safe_text(text)
    assert "\x1b" not in clean and "\x07" not in clean
    assert len(clean) == len(text)


def test_dates_without_a_year_read_as_such() -> None:
    assert date_label("2022-03-30") == "2022-03-30"
    assert date_label("--03-30") == "30 Mar (year?)"
    assert date_label("--13-01") == "--13-01"
