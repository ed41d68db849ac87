"""Word diff inside one link: the words each side carries that the other side does not."""

from __future__ import annotations

from rapidfuzz import fuzz

from readerui.align.features import COMPOUNDING_LANGUAGES, compound_parts, word_features
from readerui.align.settings import AlignSettings
from readerui.model import Document, Link, Sentence, Span, WordDiff
from readerui.tokens import Token, is_stopword, tokenize

# Two words count as one when their stems are as similar as the linker's spelling variants
# ("sergey"/"sergei"): ``AlignSettings.variant_similarity`` and ``variant_min_length``, the
# same [align] thresholds, so the diff never marks a word the linker took as the same.


def _keys(token: Token, lang: str) -> set[str]:
    main, parts = word_features(token.norm, lang)
    return {main, *parts}


def _side(sentences: list[Sentence], lang: str) -> list[tuple[int, Token, set[str]]]:
    """Every word of the sentences with the forms it can be matched by."""
    return [(s.id, t, _keys(t, lang)) for s in sentences for t in tokenize(s.text, lang)]


def _add_compound_parts(*sides: list[tuple[int, Token, set[str]]]) -> None:
    """Let each compound also be matched by its parts found anywhere in the link."""
    vocabulary: set[str] = set()
    for side in sides:
        for _, _, keys in side:
            vocabulary |= keys
    parts = compound_parts(vocabulary)
    for side in sides:
        for _, _, keys in side:
            keys.update(*(parts.get(key, ()) for key in list(keys)))


def _missing(own: list[tuple[int, Token, set[str]]], other: list[tuple[int, Token, set[str]]],
             lang: str, settings: AlignSettings) -> list[tuple[int, Token]]:
    """Content words of ``own`` that ``other`` does not carry in any form.

    A word is carried when the other side holds its stem anywhere (moved words count), its
    joined or split form ("multi-polar" / "multipolar"), the parts of a compound ("Lokführer-
    gewerkschaft" / "Gewerkschaft der Lokführer"), or a close spelling variant ("Sergei").
    Function words are never marked.
    """
    other_keys: set[str] = set().union(*(keys for _, _, keys in other)) if other else set()
    shortest, cutoff = settings.variant_min_length, settings.variant_similarity * 100
    long_keys = [k for k in other_keys if len(k) >= shortest]
    missing = []
    for sentence_id, token, keys in own:
        if keys & other_keys or is_stopword(token.norm, lang):
            continue
        main = token.stem
        if len(main) >= shortest and any(
            fuzz.ratio(main, key, score_cutoff=cutoff) for key in long_keys
        ):
            continue
        missing.append((sentence_id, token))
    return missing


def _spans(missing: list[tuple[int, Token]], sentences: dict[int, Sentence]) -> tuple[Span, ...]:
    """Spans of missing words, neighbours separated only by spaces merged into one span."""
    spans: list[Span] = []
    for sentence_id, token in missing:
        last = spans[-1] if spans else None
        if last is not None and last.sentence == sentence_id and \
                not sentences[sentence_id].text[last.end:token.start].strip():
            spans[-1] = Span(sentence_id, last.start, token.end)
        else:
            spans.append(Span(sentence_id, token.start, token.end))
    return tuple(spans)


def word_diff(a: Document, b: Document, link: Link, lang: str | None = None,
              settings: AlignSettings | None = None) -> WordDiff:
    """Character spans (within each sentence's text) of the words of each side of ``link`` that
    the other side does not carry; function words are never marked. ``lang`` (None or ``auto``:
    the language of document A, else English) chooses the stemmer; ``settings`` are the
    aligner's (its spelling-variant thresholds)."""
    settings = settings or AlignSettings()
    if not lang or lang == "auto":
        lang = a.meta.lang or "en"
    sentences_a = [a.sentences[i] for i in link.a if 0 <= i < len(a.sentences)]
    sentences_b = [b.sentences[j] for j in link.b if 0 <= j < len(b.sentences)]
    side_a = _side(sentences_a, lang)
    side_b = _side(sentences_b, lang)
    if lang in COMPOUNDING_LANGUAGES:
        _add_compound_parts(side_a, side_b)
    by_id_a = {s.id: s for s in sentences_a}
    by_id_b = {s.id: s for s in sentences_b}
    return WordDiff(_spans(_missing(side_a, side_b, lang, settings), by_id_a),
                    _spans(_missing(side_b, side_a, lang, settings), by_id_b))
