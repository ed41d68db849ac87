"""Segment: the sample pair against its gold, hard splitting cases, offsets, and --lines input."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from readerui.analysis import load_document
from readerui.ingest.furniture import classify
from readerui.ingest.load import clean
from readerui.ingest.segment import from_lines, segment, split_sentences
from readerui.model import Document

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from segmenters import load_cases  # noqa: E402  (the benchmark's hard cases, one source of truth)

SAMPLES = {"a": ROOT / "sample_texts" / "mfa_readout.txt",
           "b": ROOT / "sample_texts" / "xinhua_report.txt"}


def check_offsets(doc: Document) -> None:
    previous_end = 0
    for i, s in enumerate(doc.sentences):
        assert s.id == i
        assert s.text and doc.text[s.start:s.end] == s.text
        assert s.start >= previous_end
        assert s.text == " ".join(s.text.split())
        previous_end = s.end


# ------------------------------------------------------------------------- the sample pair


@pytest.mark.parametrize("side", ["a", "b"])
def test_sample_sentences_equal_the_gold(gold: dict, side: str) -> None:
    doc = load_document(SAMPLES[side])
    assert [s.text for s in doc.sentences] == [g["text"] for g in gold[side]]
    assert [s.role for s in doc.sentences] == [g["role"] for g in gold[side]]
    check_offsets(doc)


@pytest.mark.parametrize("side", ["a", "b"])
def test_sample_has_no_page_furniture_left(side: str) -> None:
    doc = load_document(SAMPLES[side])
    for sentence in doc.sentences:
        assert classify(sentence.text) is None, sentence.text
    for line in doc.removed:
        assert line not in doc.text


def test_sample_metadata(gold: dict) -> None:
    a, b = load_document(SAMPLES["a"]), load_document(SAMPLES["b"])
    assert a.meta.title == gold["metadata"]["a"]["title"]
    assert b.meta.title == gold["metadata"]["b"]["title"]
    assert a.meta.date == gold["metadata"]["a"]["date"]
    assert b.meta.date in ("--03-30", gold["metadata"]["b"]["date"])
    assert b.meta.place == gold["metadata"]["b"]["dateline_place"]
    assert b.meta.source == gold["metadata"]["b"]["agency"]
    assert b.meta.dateline is not None and b.meta.dateline.startswith(b.meta.place)
    assert not b.sentences[1].text.startswith(b.meta.place)
    assert len(a.removed) >= 3  # breadcrumb, time stamp, share/print links


def test_sample_paragraphs_follow_the_blank_lines() -> None:
    doc = load_document(SAMPLES["a"])
    paragraphs = [s.paragraph for s in doc.sentences]
    assert paragraphs == sorted(paragraphs) and paragraphs[0] == 0
    assert doc.sentences[0].role == "title"
    assert all(s.role == "body" for s in doc.sentences[1:])
    # a paragraph of three sentences keeps them together
    assert paragraphs.count(paragraphs[2]) == 3


# ------------------------------------------------------------------------------ hard cases


@pytest.mark.parametrize("case", load_cases(), ids=lambda case: case[0][:30])
def test_hard_case_is_split_exactly(case: list[str]) -> None:
    text = " ".join(case)
    assert [text[s:e] for s, e in split_sentences(text)] == case


@pytest.mark.parametrize(("text", "expected"), [
    # written after the rules, to check they generalise
    ("Prof. Ada Byron spoke at 10 a.m. in Bldg. 5. Questions followed.",
     ["Prof. Ada Byron spoke at 10 a.m. in Bldg. 5.", "Questions followed."]),
    ("Capt. Reyes and Sgt. Okafor led the unit. It withdrew.",
     ["Capt. Reyes and Sgt. Okafor led the unit.", "It withdrew."]),
    ("See Art. 51 of the charter. It allows self-defence.",
     ["See Art. 51 of the charter.", "It allows self-defence."]),
    ("Growth hit 6.1% in Q3. Exports led.", ["Growth hit 6.1% in Q3.", "Exports led."]),
    ("\"Enough!\" he shouted. The hall fell silent.",
     ["\"Enough!\" he shouted.", "The hall fell silent."]),
    ("a) Agree on a date. b) Sign the text.", ["a) Agree on a date.", "b) Sign the text."]),
    ("Trade reached $12.4 bn. last year. It grew.", ["Trade reached $12.4 bn. last year.",
                                                     "It grew."]),
])
def test_unseen_cases(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in split_sentences(text)] == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("de", "Das ist z. B. ein Test. Dr. Müller kam am 3. Oktober an. Er blieb.",
     ["Das ist z. B. ein Test.", "Dr. Müller kam am 3. Oktober an.", "Er blieb."]),
    ("fr", "M. Dupont est arrivé. Il a parlé.", ["M. Dupont est arrivé.", "Il a parlé."]),
    ("xx", "An unknown language. Still split.", ["An unknown language.", "Still split."]),
])
def test_other_languages(lang: str, text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in split_sentences(text, lang)] == expected
    doc = segment(clean(text), lang)
    assert [s.text for s in doc.sentences] == expected


def test_headline_without_a_stop_is_one_sentence() -> None:
    doc = segment(clean("Talks end without a deal in Geneva\n\nThe talks ended."))
    assert [s.text for s in doc.sentences] == ["Talks end without a deal in Geneva",
                                               "The talks ended."]
    assert [s.role for s in doc.sentences] == ["title", "body"]


def test_sentences_never_cross_paragraphs() -> None:
    doc = segment(clean("First part without a stop\n\nsecond part ends here. Third one."))
    assert [(s.paragraph, s.text) for s in doc.sentences] == [
        (0, "First part without a stop"), (1, "second part ends here."), (1, "Third one.")]


def test_offsets_point_into_the_cleaned_text() -> None:
    doc = segment(clean("Title Line\n\n  Mr. Lee  arrived.   He   left.\n\nDr. Kim stayed."))
    check_offsets(doc)
    assert [s.text for s in doc.sentences] == ["Title Line", "Mr. Lee arrived.", "He left.",
                                               "Dr. Kim stayed."]


@pytest.mark.parametrize("text", ["0\u3000A\u2003.", "A.\u00a0B. C.\u2003D", "x\u2009.\u202f!"])
def test_unicode_spaces_do_not_crash_the_splitter(text: str) -> None:
    """sentencex's Rust core panicked on these; offsets must still be valid."""
    spans = split_sentences(text)
    assert spans and all(0 <= s < e <= len(text) for s, e in spans)


def test_split_sentences_trims_whitespace() -> None:
    text = "  One here.   Two there?  "
    assert [text[s:e] for s, e in split_sentences(text)] == ["One here.", "Two there?"]
    assert split_sentences("   ") == []


def test_ten_thousand_sentences_are_all_split() -> None:
    """10,000 sentences come out whole (their speed is benchmarks/ingest_speed.py's to print:
    a wall-clock bound here fails on a loaded machine and proves nothing)."""
    paragraph = "Mr. Lee met Dr. Kim on Jan. {} in the U.S. capital. They talked. It went well."
    text = "\n\n".join(paragraph.format(i % 28 + 1) for i in range(3334))
    doc = segment(clean(text))
    assert len(doc) == 3334 * 3
    assert all(sentence.text.endswith(".") for sentence in doc.sentences)


# --------------------------------------------------------------------------- --lines input


def test_from_lines_one_sentence_per_line() -> None:
    text = "First line, no stop\nSecond line.\n\nThird line after a blank.\n"
    doc = from_lines(text, "x.txt")
    assert [s.text for s in doc.sentences] == ["First line, no stop", "Second line.",
                                               "Third line after a blank."]
    assert [s.paragraph for s in doc.sentences] == [0, 0, 1]
    assert {s.role for s in doc.sentences} == {"body"}
    assert doc.path == "x.txt"
    check_offsets(doc)


def test_from_lines_does_no_cleaning_but_strips_controls() -> None:
    text = "Mr. Smith  said so.  Then left.\r\n\x1b[1mBold\x1b[0m line\r\n\r\n\r\nLast"
    doc = from_lines(text)
    assert [s.text for s in doc.sentences] == ["Mr. Smith  said so.  Then left.", "Bold line",
                                               "Last"]
    assert [s.paragraph for s in doc.sentences] == [0, 0, 1]
    for s in doc.sentences:
        assert doc.text[s.start:s.end] == s.text


def test_from_lines_keeps_furniture_like_lines() -> None:
    doc = from_lines("Home > News\n2022-03-30\nBy John Smith\n")
    assert len(doc) == 3


def test_from_lines_through_the_pipeline(tmp_path: Path) -> None:
    path = tmp_path / "pre.txt"
    path.write_text("Eins.\nZwei, z. B. hier.\n\nDrei.\n", encoding="utf-8")
    doc = load_document(path, lines=True)
    assert [s.text for s in doc.sentences] == ["Eins.", "Zwei, z. B. hier.", "Drei."]
