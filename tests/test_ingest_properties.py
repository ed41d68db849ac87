"""Property tests: cleaning and splitting never crash and always give valid offsets."""

from __future__ import annotations

import tempfile
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readerui.errors import InputError
from readerui.ingest.html import html_to_text
from readerui.ingest.load import clean, load, read_text, strip_controls
from readerui.ingest.segment import from_lines, segment, split_sentences

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text that looks a little like articles: words, punctuation, furniture, controls, odd spaces.
_PIECES = st.sampled_from([
    "Mr.", "U.S.", "Dr. Lee", "said", "the", "talks", ".", "?", "!", "...", "\"", "“", "”", ",",
    "\n", "\n\n", "\r\n", "\r", " ", "  ", "\t", "\u00a0", "\u200b", "\u00ad", "\x1b[31m",
    "\x1b]0;t\x07", "\x00", "\x85", "\u2028", "Home > News", "[ Print ]", "2022-03-30 23:00",
    "By John Smith", "LONDON (AP) —", "PARIS, May 1 (AFP) -", "1.", "3.5", "e\u0301", "Share",
    "© 2024 X", "Related", "z. B.", "http://x.example/a.b", "—", "-", "--", "No. 5", "Jan. 5",
])
ARTICLE_LIKE = st.lists(st.one_of(_PIECES, st.text(max_size=8)), max_size=60).map("".join)
ANY_TEXT = st.one_of(st.text(max_size=300), ARTICLE_LIKE)


def _no_controls(text: str) -> bool:
    return not any(unicodedata.category(c) == "Cc" and c != "\n" for c in text)


@FAST
@given(ANY_TEXT)
def test_clean_and_segment_give_valid_sentences(raw: str) -> None:
    cleaned = clean(raw)
    assert _no_controls(cleaned.text)
    for para in cleaned.paragraphs:
        assert cleaned.text[para.start:para.end].strip()
    doc = segment(cleaned)
    previous_end = 0
    for i, s in enumerate(doc.sentences):
        assert s.id == i
        assert s.text and s.text == s.text.strip()
        assert doc.text[s.start:s.end] == s.text
        assert s.start >= previous_end
        assert _no_controls(s.text)
        assert "\n" not in s.text
        previous_end = s.end
    paragraphs = [s.paragraph for s in doc.sentences]
    assert paragraphs == sorted(paragraphs)


@FAST
@given(st.text(max_size=200))
def test_split_sentences_spans_are_ordered_and_inside(text: str) -> None:
    previous_end = 0
    for start, end in split_sentences(text):
        assert previous_end <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()
        previous_end = end


@FAST
@given(st.lists(st.text(alphabet=st.characters(blacklist_characters="\n", blacklist_categories=(
    "Cs",)), max_size=30), max_size=30))
def test_from_lines_keeps_the_line_count(lines: list[str]) -> None:
    text = "\r\n".join(lines) + "\n"
    doc = from_lines(text)
    kept = [strip_controls(line.rstrip("\r"), keep_lines=True) for line in lines]
    assert [s.text for s in doc.sentences] == [line for line in kept if line.strip()]
    for s in doc.sentences:
        assert doc.text[s.start:s.end] == s.text
        assert _no_controls(s.text)


@FAST
@given(st.one_of(st.binary(max_size=400), ANY_TEXT.map(lambda t: t.encode("utf-8")),
                 ANY_TEXT.map(lambda t: t.encode("utf-16")),
                 ANY_TEXT.map(lambda t: t.encode("cp1252", errors="ignore"))))
def test_load_decodes_or_refuses_in_one_line(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "input.txt"
        path.write_bytes(data)
        try:
            text = read_text(path)
            assert text.strip()
            load(path)
        except InputError as error:
            assert "\n" not in str(error) and str(error).startswith(str(path))
        assert path.read_bytes() == data


_MARKUP = st.sampled_from([
    "<p>", "</p>", "<div>", "</div>", "<br>", "<h1>", "</h1>", "<article>", "</article>", "<nav>",
    "</nav>", "<script>", "</script>", "<![CDATA[", "]]>", "<!--", "-->", "<![if", "&amp;", "&#0;",
    "&bogus;", "Text. ", "More text", "<", ">", "<a href=\"x>", "<title>", "</title>",
    "<!DOCTYPE html>", "\x1b[31m", "<ul><li>", "</li>", "<table><tr><td>",
])


@FAST
@given(st.lists(st.one_of(_MARKUP, st.text(max_size=5)), max_size=30).map("".join))
def test_html_never_crashes_and_gives_clean_sentences(markup: str) -> None:
    html_to_text(markup)
    doc = segment(clean(markup, "page.html"))
    for s in doc.sentences:
        assert doc.text[s.start:s.end] == s.text and _no_controls(s.text)
