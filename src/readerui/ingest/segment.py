"""Split cleaned text into sentences that know their paragraph and character offsets.

Splitting uses sentencex (rule-based, many languages, fast) followed by a small post-pass for the
cases it gets wrong on ``benchmarks/data/segment_cases.txt``: a bare list number ("1.") is joined
to the item it numbers, and there is never a break after an abbreviation that cannot end a sentence
("Ref.", "Gen.", "No. 5"), inside a day-month date ("3. Oktober"), or between a full stop and a
lowercase word ("bn. last year"). Figures:
``python benchmarks/segmenters.py``.
"""

from __future__ import annotations

import sentencex

from readerui import lazyre as re  # patterns compiled on first use
from readerui.model import CleanText, Document, Metadata, Sentence
from readerui.sanitise import strip_controls

# Abbreviations that precede a name or number and so never end a sentence (case-sensitive).
_NEVER_FINAL = frozenset({
    "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Gen", "Lt", "Col", "Capt", "Cmdr", "Maj", "Sgt", "Cpl",
    "Adm", "Brig", "Sen", "Rep", "Gov", "Pres", "Rev", "Hon", "Fr", "St", "Mt", "Ft",
    "Ref", "Fig", "Figs", "Nos", "Art", "Sec", "Vol", "Ch", "Pp", "vs", "cf", "approx", "ca",
    "Hr", "Hrn", "Frau", "Herr", "Nr", "bzw", "vgl", "ggf", "Abs", "Bd", "Jh",
})
# These never end a sentence when a number follows: "No. 5", "Jan. 5", "Art. 3".
_BEFORE_NUMBER = frozenset({
    "No", "no", "Nr", "Jan", "Feb", "Mar", "Apr", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Art",
    "p", "pp", "Vol", "Ch", "Sec", "Fig", "Op", "Ps",
})
_LAST_WORD = re.compile(r"(?:^|[\s(\[\"“'‘])([^\W\d_]+)\.\s*$")
_LIST_MARK = re.compile(r"^\s*\(?(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})[.)]\s*$")
_UNICODE_SPACES = re.compile(r"[^\S\n]")  # every whitespace but the newline, incl. NBSP
_FALLBACK_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*\s+")
_LIST_START = re.compile(r"^\s*\(?(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})[.)]\s")
_ORDINAL_END = re.compile(r"(?:^|\s)\d{1,2}\.\s*$")
_MONTH_START = re.compile(
    r"^(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Januar|Jänner|Februar|März|Mai|Juni|Juli|Oktober|Dezember)\b"
)


def _glue(before: str, after: str) -> bool:
    """True when the break between two pieces is wrong and they belong to one sentence."""
    if _LIST_MARK.match(before):
        return True
    if before.rstrip().endswith(".") and after.lstrip()[:1].islower() and not (
            _LIST_START.match(after)):
        return True  # "$12.4 bn. last year": a sentence does not start in lowercase
    m = _LAST_WORD.search(before, max(0, len(before) - 40))  # the end only: speed
    if m:
        word = m.group(1)
        if word in _NEVER_FINAL:
            return True
        if word in _BEFORE_NUMBER and after.lstrip()[:1].isdigit():
            return True
    return bool(_ORDINAL_END.search(before, max(0, len(before) - 8))
                and _MONTH_START.match(after.lstrip()))


def _library_pieces(text: str, lang: str) -> list[str]:
    """sentencex's pieces; its Rust core panics on some non-ASCII spaces (byte offsets inside a
    character), so those are given to it as ASCII spaces (same length, same offsets), and any
    other failure falls back to splitting after . ! ? followed by a space."""
    safe = text if text.isascii() else _UNICODE_SPACES.sub(" ", text)
    try:
        return list(sentencex.segment(lang, safe))
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException:  # pyo3's PanicException derives from BaseException
        return [text[s:e] for s, e in _fallback_spans(text)]


def _fallback_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _FALLBACK_BOUNDARY.finditer(text):
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _pieces(text: str, lang: str) -> list[tuple[int, int]]:
    """Raw (start, end) spans of the library's pieces, covering the text."""
    safe = text if text.isascii() else _UNICODE_SPACES.sub(" ", text)
    spans: list[tuple[int, int]] = []
    pos = 0
    for piece in _library_pieces(text, lang):
        if not piece.isascii():
            piece = _UNICODE_SPACES.sub(" ", piece)
        if not piece:
            continue
        if safe.startswith(piece, pos):
            start = pos
        else:  # never seen, but keep offsets honest if the library ever alters text
            start = safe.find(piece.strip(), pos)
            if start < 0:
                continue
            piece = piece.strip()
        spans.append((start, start + len(piece)))
        pos = start + len(piece)
    if pos < len(text) and text[pos:].strip():
        spans.append((pos, len(text)))
    return spans


def split_sentences(text: str, lang: str = "en") -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of one paragraph, whitespace trimmed."""
    merged: list[list[int]] = []
    for start, end in _pieces(text, lang):
        # only the end of the sentence so far matters (and long glued runs stay linear)
        if merged and _glue(text[max(merged[-1][0], merged[-1][1] - 60) : merged[-1][1]],
                            text[start:end]):
            merged[-1][1] = end
        else:
            merged.append([start, end])
    spans: list[tuple[int, int]] = []
    for start, end in merged:
        piece = text[start:end]
        stripped = piece.strip()
        if not stripped:
            continue
        lead = len(piece) - len(piece.lstrip())
        spans.append((start + lead, start + lead + len(stripped)))
    return spans


def segment(clean: CleanText, lang: str = "en") -> Document:
    """Sentences of every paragraph, in reading order, with offsets into ``clean.text``."""
    sentences: list[Sentence] = []
    for para in clean.paragraphs:
        body = clean.text[para.start : para.end]
        for s, e in split_sentences(body, lang):
            sentences.append(Sentence(len(sentences), para.index, para.role, body[s:e],
                                      para.start + s, para.start + e))
    return Document(clean.path, clean.text, tuple(sentences), clean.meta, clean.removed)


_HEADLINE_MAX_WORDS = 30
_INITIALISM_END = re.compile(r"(?:\b\w\.){2,}$")  # "G.O.P.", "U.S.": not a full stop
_CLOSERS = "\"'”’»)]"


def reads_as_headline(line: str) -> bool:
    """Whether a line reads as a headline: short, and not ended like a sentence of running
    text (a full stop, a colon or a comma; a final initialism such as "G.O.P." is no full stop).
    """
    words = line.split()
    if not words or len(words) > _HEADLINE_MAX_WORDS:
        return False
    end = line.rstrip().rstrip(_CLOSERS).rstrip()
    if end.endswith((":", ",", ";")):
        return False
    return not end.endswith(".") or bool(_INITIALISM_END.search(end))


def from_lines(text: str, path: str | None = None) -> Document:
    """A pre-split text: one sentence per line, a blank line between paragraphs; no cleaning.

    Only control sequences, control characters and line-end characters are stripped, so sentence
    ``i`` is non-blank line ``i`` (lines as ``text.split("\\n")`` counts them) as written. A first
    line that stands alone in its paragraph, with more after it, and reads as a headline
    (:func:`reads_as_headline`) gets the role ``title``.
    """
    text = strip_controls(text, keep_lines=True)
    if text.endswith("\n"):
        text = text[:-1]
    sentences: list[Sentence] = []
    paragraph, offset, blank_before = 0, 0, False
    for line in text.split("\n"):
        end = offset + len(line)
        if line.strip():
            if blank_before and sentences:
                paragraph += 1
            blank_before = False
            sentences.append(Sentence(len(sentences), paragraph, "body", line, offset, end))
        else:
            blank_before = True
        offset = end + 1
    if (len(sentences) > 1 and sentences[1].paragraph > sentences[0].paragraph
            and reads_as_headline(sentences[0].text)):
        first = sentences[0]
        sentences[0] = Sentence(first.id, first.paragraph, "title", first.text, first.start,
                                first.end)
        return Document(path, text, tuple(sentences), Metadata(title=first.text))
    return Document(path, text, tuple(sentences))
