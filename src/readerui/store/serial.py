"""An Analysis as plain JSON data and back: the cache's format, data only, checked on the way in.

Every frozen dataclass of :mod:`readerui.model` that an Analysis holds is written field by field
(sentences and links as short arrays, to keep entries small and quick to parse) and rebuilt by
explicit constructors; nothing is looked up by name, so a cache entry can never create an object
of a type it names. :func:`analysis_from_data` raises ValueError on anything of the wrong shape.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from readerui.model import (
    Alignment,
    Analysis,
    Annotations,
    Document,
    Link,
    Metadata,
    Near,
    Sentence,
    Speaker,
    Topic,
)

_META_FIELDS = tuple(f.name for f in dataclasses.fields(Metadata))  # all optional strings


def _doc_to(doc: Document) -> dict[str, Any]:
    sentences = doc.sentences
    text = doc.text
    return {
        "path": doc.path,
        "text": text,
        # columns, not rows: quicker to check and rebuild; a sentence's text is
        # text[start:end], stored apart only in the (odd) case where it is not
        "paragraphs": [s.paragraph for s in sentences],
        "roles": "".join("t" if s.role == "title" else "b" for s in sentences),
        "starts": [s.start for s in sentences],
        "ends": [s.end for s in sentences],
        "own_text": {str(s.id): s.text for s in sentences if text[s.start:s.end] != s.text},
        "meta": [getattr(doc.meta, name) for name in _META_FIELDS],
        "removed": list(doc.removed),
    }


def analysis_to_data(analysis: Analysis) -> dict[str, Any]:
    """The analysis as JSON-ready dicts, lists, strings and numbers."""
    notes = analysis.annotations
    return {
        "a": _doc_to(analysis.a),
        "b": _doc_to(analysis.b),
        "links": [[list(k.a), list(k.b), k.score, k.kind] for k in analysis.alignment.links],
        "exclusive": analysis.alignment.exclusive,
        "near": [[n.side, n.sentence, n.other, n.score] for n in analysis.alignment.near],
        "speakers": [[s.name, list(s.aliases), list(s.a), list(s.b), s.joint]
                     for s in notes.speakers],
        "topics": [[t.name, list(t.terms), list(t.a), list(t.b), t.origin] for t in notes.topics],
        "speaker_a": list(notes.speaker_a),
        "speaker_b": list(notes.speaker_b),
        "topics_a": [list(names) for names in notes.topics_a],
        "topics_b": [list(names) for names in notes.topics_b],
        "cue_a": list(notes.cue_a),
        "cue_b": list(notes.cue_b),
        "dates": None if analysis.dates is None else list(analysis.dates),
    }


def _need(ok: bool, what: str) -> None:
    if not ok:
        raise ValueError(f"bad cache entry: {what}")


def _str(value: Any, what: str) -> str:
    _need(type(value) is str, what)
    return value  # type: ignore[no-any-return]


def _opt_str(value: Any, what: str) -> str | None:
    _need(value is None or type(value) is str, what)
    return value  # type: ignore[no-any-return]


def _list(value: Any, what: str, size: int | None = None) -> list[Any]:
    _need(type(value) is list and (size is None or len(value) == size), what)
    return value  # type: ignore[no-any-return]


def _ints(value: Any, what: str, size: int | None = None, low: int = 0,
          high: int | None = None) -> list[int]:
    """A list of ints, each in [low, high)."""
    items = _list(value, what, size)
    if items:
        _need(set(map(type, items)) == {int}, what)
        _need(min(items) >= low and (high is None or max(items) < high), what)
    return items


def _ids(value: Any, limit: int, what: str) -> tuple[int, ...]:
    return tuple(_ints(value, what, high=limit))


def _strs(value: Any, what: str) -> tuple[str, ...]:
    items = tuple(_list(value, what))
    _need(not items or set(map(type, items)) == {str}, what)
    return items


_ROLES = {"t": "title", "b": "body"}


def _doc_from(value: Any) -> Document:
    _need(type(value) is dict, "document")
    text = _str(value.get("text"), "text")
    roles = _str(value.get("roles"), "roles")
    n = len(roles)
    _need(set(roles) <= set(_ROLES), "roles")
    paragraphs = _ints(value.get("paragraphs"), "paragraphs", n)
    starts = _ints(value.get("starts"), "starts", n, high=len(text) + 1)
    ends = _ints(value.get("ends"), "ends", n, high=len(text) + 1)
    _need(all(map(int.__le__, starts, ends)), "offsets")
    texts = list(map(text.__getitem__, map(slice, starts, ends)))
    own = value.get("own_text")
    _need(type(own) is dict, "own_text")
    for index, sentence_text in own.items():
        _need(index.isdigit() and int(index) < n, "own_text")
        texts[int(index)] = _str(sentence_text, "own_text")
    sentences = tuple(map(Sentence, range(n), paragraphs, map(_ROLES.__getitem__, roles),
                          texts, starts, ends))
    meta = [_opt_str(x, "meta") for x in _list(value.get("meta"), "meta", len(_META_FIELDS))]
    return Document(_opt_str(value.get("path"), "path"), text, sentences,
                    Metadata(*meta), _strs(value.get("removed"), "removed"))


def _names(value: Any, n: int, what: str) -> tuple[str | None, ...]:
    items = _list(value, what, n)
    _need(set(map(type, items)) <= {str, type(None)}, what)
    return tuple(items)


def _name_lists(value: Any, n: int, what: str) -> tuple[tuple[str, ...], ...]:
    items = _list(value, what, n)
    _need(set(map(type, items)) <= {list}, what)
    _need(all(set(map(type, names)) <= {str} for names in items), what)
    return tuple(map(tuple, items))


def _cues(value: Any, n: int, what: str) -> tuple[str | None, ...]:
    """Speaker cues: one per sentence, or none at all (the annotator did not say)."""
    if value is None or value == []:
        return ()
    return _names(value, n, what)


def analysis_from_data(data: Any) -> Analysis:
    """Rebuild an Analysis from :func:`analysis_to_data`'s output; ValueError when malformed."""
    _need(type(data) is dict, "top level")
    a, b = _doc_from(data.get("a")), _doc_from(data.get("b"))
    n_a, n_b = len(a), len(b)
    links = []
    for row in _list(data.get("links"), "links"):
        ids_a, ids_b, score, kind = _list(row, "link", 4)
        _need(type(score) in (int, float) and 0 <= score <= 1, "score")
        _need(kind in ("strong", "partial"), "kind")
        links.append(Link(_ids(ids_a, n_a, "link"), _ids(ids_b, n_b, "link"), float(score), kind))
    speakers = []
    for row in _list(data.get("speakers"), "speakers"):
        name, aliases, sa, sb, joint = _list(row, "speaker", 5)
        _need(type(joint) is bool, "joint")
        speakers.append(Speaker(_str(name, "name"), _strs(aliases, "aliases"),
                                _ids(sa, n_a, "speaker"), _ids(sb, n_b, "speaker"), joint))
    topics = []
    for row in _list(data.get("topics"), "topics"):
        name, terms, ta, tb, origin = _list(row, "topic", 5)
        _need(origin in ("lexicon", "auto"), "origin")
        topics.append(Topic(_str(name, "name"), _strs(terms, "terms"), _ids(ta, n_a, "topic"),
                            _ids(tb, n_b, "topic"), origin))
    speaker_a = _names(data.get("speaker_a"), n_a, "speakers of A")
    speaker_b = _names(data.get("speaker_b"), n_b, "speakers of B")
    topics_a = _name_lists(data.get("topics_a"), n_a, "topics of A")
    topics_b = _name_lists(data.get("topics_b"), n_b, "topics of B")
    cues = [_cues(data.get(key), n, f"speaker cues of {side}")
            for key, n, side in (("cue_a", n_a, "A"), ("cue_b", n_b, "B"))]
    annotations = Annotations(tuple(speakers), tuple(topics), speaker_a, speaker_b,
                              topics_a, topics_b, *cues)
    exclusive = data.get("exclusive")
    _need(type(exclusive) is bool, "exclusive")
    dates = data.get("dates")
    if dates is not None:
        dates = tuple(_opt_str(d, "date") for d in _list(dates, "dates", 2))
    near = []
    sizes = {"a": (n_a, n_b), "b": (n_b, n_a)}
    for row in _list(data.get("near"), "near"):
        side, sentence, other, score = _list(row, "near", 4)
        _need(side in sizes, "near side")
        own, others = sizes[side]
        _need(type(sentence) is int and 0 <= sentence < own, "near sentence")
        _need(type(other) is int and 0 <= other < others, "near other")
        _need(type(score) in (int, float) and 0 <= score <= 1, "near score")
        near.append(Near(side, sentence, other, float(score)))
    return Analysis(a, b, Alignment(tuple(links), n_a, n_b, exclusive, tuple(near)),
                    annotations, dates)
