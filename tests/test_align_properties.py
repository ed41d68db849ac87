"""Property tests: the aligner's invariants hold on any documents."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readerui.align import align, align_exclusive, word_diff
from readerui.model import Document, Sentence
from readerui.tokens import tokenize

WORDS = ["river", "flood", "council", "Budget", "the", "a", "of", "Müller", "multi-polar",
         "multipolar", "2024", "Sergey", "Sergei", "strike", "Bahn", "ès", "rain", "said"]

sentence_text = st.lists(st.sampled_from(WORDS), min_size=0, max_size=9).map(
    lambda words: " ".join(words) + ".")
any_text = st.text(max_size=40)
sentences = st.lists(st.tuples(st.one_of(sentence_text, any_text),
                               st.sampled_from(["title", "body"])), max_size=14)


def document(entries: list[tuple[str, str]]) -> Document:
    """A Document of the given (text, role) sentences."""
    out, offset = [], 0
    for index, (text, role) in enumerate(entries):
        out.append(Sentence(index, index, role, text, offset, offset + len(text)))  # type: ignore[arg-type]
        offset += len(text) + 2
    return Document(None, "\n\n".join(t for t, _ in entries), tuple(out))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sentences, sentences, st.sampled_from(["en", "de", "xx"]))
def test_exclusive_links_are_valid_on_any_documents(entries_a: list, entries_b: list,
                                                     lang: str) -> None:
    a, b = document(entries_a), document(entries_b)
    result = align_exclusive(a, b, None, lang)
    assert result.exclusive
    seen_a: set[int] = set()
    seen_b: set[int] = set()
    for link in result.links:
        assert link.a and link.b
        assert list(link.a) == sorted(link.a) and list(link.b) == sorted(link.b)
        assert all(0 <= i < len(a) for i in link.a) and all(0 <= j < len(b) for j in link.b)
        assert not seen_a & set(link.a) and not seen_b & set(link.b)
        seen_a.update(link.a)
        seen_b.update(link.b)
        assert 0.0 <= link.score <= 1.0
        diff = word_diff(a, b, link, lang)
        for side, doc, spans in (("a", a, diff.a), ("b", b, diff.b)):
            ids = link.a if side == "a" else link.b
            for span in spans:
                assert span.sentence in ids
                assert 0 <= span.start < span.end <= len(doc.sentences[span.sentence].text)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sentences, sentences, st.sampled_from(["en", "de", "xx"]))
def test_many_to_many_links_are_valid_on_any_documents(entries_a: list, entries_b: list,
                                                       lang: str) -> None:
    a, b = document(entries_a), document(entries_b)
    result = align(a, b, None, lang)
    seen: set[tuple[int, int]] = set()
    for link in result.links:
        assert link.a and link.b
        assert list(link.a) == sorted(link.a) and list(link.b) == sorted(link.b)
        assert all(0 <= i < len(a) for i in link.a) and all(0 <= j < len(b) for j in link.b)
        link_pairs = {(i, j) for i in link.a for j in link.b}
        assert not seen & link_pairs  # a pair of sentences is in at most one link
        seen |= link_pairs
        assert 0.0 <= link.score <= 1.0
        assert link.kind in ("strong", "partial")
    exclusive = {(i, j) for link in align_exclusive(a, b, None, lang).links
                 for i in link.a for j in link.b}
    assert exclusive <= seen  # many-to-many adds to the exclusive links, never drops one


@settings(max_examples=60, deadline=None)
@given(sentences)
def test_a_document_aligned_with_itself_links_every_sentence_with_words(entries: list) -> None:
    doc = document(entries)
    result = align_exclusive(doc, doc)
    for link in result.links:
        assert link.a == link.b
    with_words = {s.id for s in doc.sentences if tokenize(s.text)}
    assert {i for link in result.links for i in link.a} == with_words
    many = align(doc, doc)
    assert {i for i in with_words if i in many.partners("a", i)} == with_words
