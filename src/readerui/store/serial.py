"""An Analysis as plain JSON data and back: the cache's format, data only, checked on the way in.

Every frozen dataclass of :mod:`readerui.model` that an Analysis holds is written field by field
(sentences and links as short arrays, to keep entries small and quick to parse) and rebuilt by
explicit constructors; nothing is looked up by name, so a cache entry can never create an object
of a type it names. :func:`analysis_from_data` raises ValueError on anything of the wrong shape.
"""

from __future__ import annotations

from typing import Any

from readerui.model import (
    Alignment,
    Analysis,
    Annotations,
    Document,
    Link,
    Metadata,
    Sentence,
    Speaker,
    Topic,
)

_META_FIELDS = ("title", "date", "source", "place", "dateline")


def _doc_to(doc: Document) -> dict[str, Any]:
    return {
        "path": doc.path,
        "text": doc.text,
        # a sentence's text is text[start:end]; stored only in the (odd) case it is not
        "sentences": [[s.id, s.paragraph, s.role, s.start, s.end]
                      + ([] if doc.text[s.start:s.end] == s.text else [s.text])
                      for s in doc.sentences],
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
        "speakers": [[s.name, list(s.aliases), list(s.a), list(s.b), s.joint]
                     for s in notes.speakers],
        "topics": [[t.name, list(t.terms), list(t.a), list(t.b), t.origin] for t in notes.topics],
        "speaker_a": list(notes.speaker_a),
        "speaker_b": list(notes.speaker_b),
        "topics_a": [list(names) for names in notes.topics_a],
        "topics_b": [list(names) for names in notes.topics_b],
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


def _int(value: Any, what: str) -> int:
    _need(type(value) is int, what)
    return value  # type: ignore[no-any-return]


def _list(value: Any, what: str, size: int | None = None) -> list[Any]:
    _need(type(value) is list and (size is None or len(value) == size), what)
    return value  # type: ignore[no-any-return]


def _ids(value: Any, limit: int, what: str) -> tuple[int, ...]:
    ids = tuple(_list(value, what))
    _need(all(type(i) is int and 0 <= i < limit for i in ids), what)
    return ids


def _strs(value: Any, what: str) -> tuple[str, ...]:
    items = tuple(_list(value, what))
    _need(all(type(x) is str for x in items), what)
    return items


def _doc_from(value: Any) -> Document:
    _need(type(value) is dict, "document")
    text = _str(value.get("text"), "text")
    sentences = []
    for index, row in enumerate(_list(value.get("sentences"), "sentences")):
        _need(type(row) is list and len(row) in (5, 6), "sentence")
        sid, paragraph, role, start, end = row[:5]
        _need(_int(sid, "id") == index and role in ("title", "body"), "sentence")
        _need(0 <= _int(start, "start") <= _int(end, "end") <= len(text), "offsets")
        own = _str(row[5], "sentence text") if len(row) == 6 else text[start:end]
        sentences.append(Sentence(sid, _int(paragraph, "paragraph"), role, own, start, end))
    meta = [_opt_str(x, "meta") for x in _list(value.get("meta"), "meta", len(_META_FIELDS))]
    return Document(_opt_str(value.get("path"), "path"), text, tuple(sentences),
                    Metadata(*meta), _strs(value.get("removed"), "removed"))


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
    speaker_a = tuple(_opt_str(x, "speaker") for x in _list(data.get("speaker_a"), "sp", n_a))
    speaker_b = tuple(_opt_str(x, "speaker") for x in _list(data.get("speaker_b"), "sp", n_b))
    topics_a = tuple(_strs(x, "topics") for x in _list(data.get("topics_a"), "tp", n_a))
    topics_b = tuple(_strs(x, "topics") for x in _list(data.get("topics_b"), "tp", n_b))
    annotations = Annotations(tuple(speakers), tuple(topics), speaker_a, speaker_b,
                              topics_a, topics_b)
    return Analysis(a, b, Alignment(tuple(links), n_a, n_b), annotations)
