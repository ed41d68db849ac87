"""Read a file and clean its text: decode, normalise, strip control sequences and page furniture.

``read_text`` refuses unusable files with one clear line (missing, directory, unreadable, binary,
empty, blank, too large) and decodes by BOM, then strict UTF-8, then a detector. ``clean`` turns the
text into paragraphs, drops page furniture (recorded in ``CleanText.removed``), and lifts a title,
a wire dateline, a date and a source into :class:`Metadata`. Inputs are only ever read.
"""

from __future__ import annotations

import codecs
import itertools
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from readerui import lazyre as re  # patterns compiled on first use
from readerui.errors import InputError
from readerui.ingest import furniture
from readerui.ingest.dateline import find_dateline
from readerui.ingest.dates import FoundDate, find_date, is_labelled, is_update_label
from readerui.ingest.repair import repair_mojibake
from readerui.model import CleanText, Metadata, Paragraph
from readerui.safefile import FileProblem, read_regular
from readerui.sanitise import drop_lone_joiners, strip_controls
from readerui.stdin import SHOWN, is_stdin, stdin_bytes
from readerui.web import is_address

DEFAULT_MAX_SIZE = 20 * 1024 * 1024
# Most sentences an account may have. The analysis costs grow a little faster than the sentence
# count (benchmarks/degenerate.py: 48,000 prose sentences a side took 6 minutes on a busy 2-core
# machine), so a text of hundreds of thousands of (tiny) sentences is refused up front with one
# line instead of running for an hour (use --max-sentences or max_sentences in config.toml).
DEFAULT_MAX_SENTENCES = 25_000
_SENTENCE_END = re.compile(r"[.!?…。！？](?=[\s\"'”’»)\]]|$)")

# ---------------------------------------------------------------------------------- reading

_BOMS = (  # longest first: the UTF-32 LE BOM starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _read_bytes(path: Path, name: str, max_size: int) -> bytes:
    """The file's bytes: a regular file (links resolved) of at most ``max_size`` bytes."""
    try:
        return read_regular(path, max_size, name, size_hint="use --max-size", allow_pipe=True)
    except FileProblem as problem:
        raise InputError(str(problem)) from None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM has a NUL in every other byte; decode it if so."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    for zeros, encoding in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if zeros.count(0) >= 0.9 * len(zeros):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def _cp1252_for_bad_bytes(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: read bytes that are not UTF-8 as cp1252 (Latin-1 where undefined)."""
    assert isinstance(error, UnicodeDecodeError)
    bad = error.object[error.start : error.end]
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in bad), error.end


codecs.register_error("readerui-cp1252", _cp1252_for_bad_bytes)


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 text with a few stray bytes (a pasted cp1252 quote, a damaged byte): keep the UTF-8
    and read only the stray bytes as cp1252, instead of reading the whole file in a legacy
    encoding (every "é" as "Ã©", or an English text as Cyrillic). A file counts as UTF-8 when
    its valid multi-byte characters outnumber the stray bytes, or when stray bytes are at most
    1 in 200 (a legacy-encoded text in a non-Latin script has far more)."""
    replaced = data.decode("utf-8", errors="replace")
    bad = replaced.count("\ufffd") - data.count("\ufffd".encode())  # real U+FFFD are valid
    valid = sum(1 for c in replaced if c >= "\x80") - bad
    if not (0 < bad <= valid or bad * 200 <= len(data)):
        return None
    return data.decode("utf-8", errors="readerui-cp1252")


_WESTERN_PUNCTUATION = frozenset("’‘“”„–—…•€£¥©®°±·«»§¶¿¡ ´¨ºª")


def _looks_western(text: str) -> bool:
    """True when a cp1252 reading is plausible: its non-ASCII characters are accented Latin
    letters or typographic punctuation, and accented letters are a minority of all letters (a
    Cyrillic or Greek text read as cp1252 is nearly all accented letters)."""
    high = [c for c in text if c >= "\x80"]
    if not high:
        return True
    plausible = sum(1 for c in high if ("\xc0" <= c <= "\xff" and c not in "×÷")
                    or c in _WESTERN_PUNCTUATION or c in "ŒœŠšŽžŸƒ")
    letters = sum(1 for c in text if c.isalpha())
    accented = sum(1 for c in high if c.isalpha())
    return plausible >= 0.9 * len(high) and accented < 0.4 * max(letters, 1)


def _detect(data: bytes) -> str | None:
    """Decode a non-UTF-8 text: cp1252 when that reads as Western text, else the best guess of
    charset-normalizer (short Western texts fool the detector into cp1250 or mac_* encodings)."""
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None and _looks_western(western):
        return western
    import charset_normalizer  # here: most texts are UTF-8 and never need it

    best = charset_normalizer.from_bytes(data).best()
    if best is not None:
        return str(best)
    return western


def _decode(data: bytes, name: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                raise InputError(f"{name}: starts with a {encoding} mark but is not valid "
                                 f"{encoding}") from None
    if b"\x00" in data:
        text = _utf16_without_bom(data)
        if text is None:
            raise InputError(f"{name}: looks like a binary file, not text")
        return text
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = _mostly_utf8(data)
    if text is not None:
        return text
    text = _detect(data)
    if text is None:
        raise InputError(f"{name}: cannot tell its text encoding (save it as UTF-8)")
    return text


def _mostly_binary(text: str) -> bool:
    """True when many characters are control characters or replacement marks."""
    sample = text[:65536]
    bad = sum(1 for c in sample if (c < " " and c not in "\t\n\r\f\v\x1b") or c == "\ufffd")
    return bad > max(8, 0.05 * len(sample))


# Formats people save articles in that are not text; named so the user knows what to do.
_DOCUMENT_FORMATS = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (a .docx, .odt or .epub?)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"{\\rtf", "an RTF document"),
)


def read_text(path: str | Path, max_size: int = DEFAULT_MAX_SIZE) -> str:
    """Read and decode a file; raise InputError with one clear line when it cannot be used."""
    name = str(path)
    if is_address(name):  # a web page given in place of a file: fetched, then read like one
        from readerui.web.fetch import fetch

        data = fetch(name, max_size)
    elif is_stdin(path):  # `-`: read once, the same bytes for every later use
        name = SHOWN
        data = stdin_bytes(max_size)
    else:
        data = _read_bytes(Path(path), name, max_size)
    if not data:
        raise InputError(f"{name}: is empty")
    for magic, what in _DOCUMENT_FORMATS:
        if data.startswith(magic):
            raise InputError(f"{name}: is {what}, not text (save it as plain text or HTML)")
    text = _decode(data, name)
    if _mostly_binary(text):
        raise InputError(f"{name}: looks like a binary file, not text")
    if not text.strip():
        raise InputError(f"{name}: is blank (only whitespace)")
    return text


# ---------------------------------------------------------------------------------- cleaning

_ODD_SPACES = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile(
    r"[\u00ad\u180e\u200b\u200c\u2060-\u2064\ufeff]")  # ZWJ: see drop_lone_joiners
_STOPS = ".!?…。！？．"  # sentence ends, CJK full stops included
_FINAL = _STOPS + ":;：；"  # what ends a line that does not go on
_CLOSERS = "\"'”’»)]」』）】"


def normalise(text: str) -> str:
    """Newlines, control sequences, odd spaces, invisible characters, NFC; lines left-kept."""
    text = strip_controls(text)
    text = drop_lone_joiners(_INVISIBLE.sub("", text))
    text = _ODD_SPACES.sub(" ", text)
    if unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


# Words a line cannot end with unless it goes on: "Chinese FM holds talks with" / "Russian ...".
_DANGLING = frozenset({
    "a", "an", "the", "of", "to", "with", "and", "or", "for", "in", "on", "at", "from", "by",
    "into", "between", "against", "its", "their", "his", "her", "our", "as", "than", "der", "die",
    "das", "den", "dem", "des", "und", "mit", "von", "zu", "für", "le", "la", "les", "de", "et",
})


@dataclass(slots=True)
class _Line:
    text: str  # whitespace collapsed
    indented: bool


def _ends_sentence(line: str) -> bool:
    return line.rstrip(_CLOSERS)[-1:] in _FINAL


def _join(lines: list[_Line]) -> str:
    out = lines[0].text
    for line in lines[1:]:
        if out.endswith("-") and line.text[:1].islower():
            out += line.text  # "multi-" + "polar": keep the hyphen, drop the break
        else:
            out += " " + line.text
    return out


def _paragraphs_of_block(block: list[_Line]) -> list[str]:
    """Split a block of lines (no blank lines inside) into paragraphs.

    Hard-wrapped text (most lines filled to a similar width) is rejoined; otherwise every line
    is a paragraph unless it plainly continues on the next line (no final punctuation, lowercase
    start). In wrapped text an indented line starts a paragraph.
    """
    if len(block) == 1:
        return [block[0].text]
    width = max(len(line.text) for line in block)
    inner = block[:-1]
    full = sum(1 for line in inner if len(line.text) >= 0.75 * width)
    open_ends = sum(1 for line in inner if not _ends_sentence(line.text))
    wrapped = (len(block) >= 3 and 40 <= width <= 200 and full >= 0.6 * len(inner)
               and open_ends >= 0.5 * len(inner))
    paragraphs: list[list[_Line]] = [[block[0]]]
    for prev, line in itertools.pairwise(block):
        first = line.text[:1]
        starts_lower = first.islower() or (first.isdigit() and prev.text[-1:] == ",")
        continues = not _ends_sentence(prev.text) and (
            starts_lower or prev.text.rsplit(" ", 1)[-1].lower() in _DANGLING)
        if wrapped and not line.indented:
            filled = len(prev.text) >= 0.75 * width
            half_open = len(prev.text) >= 0.5 * width and not _ends_sentence(prev.text)
            continues = continues or filled or half_open
        if continues:
            paragraphs[-1].append(line)
        else:
            paragraphs.append([line])
    return [_join(p) for p in paragraphs]


@dataclass(slots=True)
class _Found:
    """Metadata candidates gathered while dropping furniture."""

    labelled_dates: list[FoundDate]
    bare_dates: list[FoundDate]
    source: str | None = None


def _drop_furniture(lines: list[_Line], removed: list[str], found: _Found) -> list[_Line | None]:
    """Furniture lines become None (a paragraph break); metadata is collected on the way."""
    out: list[_Line | None] = []
    in_related_list = after_label = False
    for line in lines:
        if not line.text:  # a "Related" list may have blank lines between its links
            out.append(line)
            continue
        kind = furniture.classify(line.text)
        if kind is None and in_related_list and furniture.looks_like_headline(line.text, 15):
            kind = "related"
        elif kind is None and after_label and len(line.text.split()) <= 15 and not (
                _ends_sentence(line.text)):
            kind = "label"  # the value of a label line: "From:" / "Prime Minister's Office"
        else:
            in_related_list = False
        after_label = kind == "label" and furniture.is_label(line.text)
        if kind is None:
            out.append(line)
            continue
        removed.append(line.text)
        out.append(None)
        if kind == "related" and furniture.is_related_header(line.text):
            in_related_list = True
        _collect_metadata(line.text, found)
    return out


def _collect_metadata(line: str, found: _Found) -> None:
    """Dates and a source from a furniture line, or from each part of "Source: X | date"."""
    for part in furniture.parts(line):
        kind = furniture.classify(part)
        if kind == "date":
            date = find_date(part)
            if date:
                labelled = is_labelled(part) and not is_update_label(part)
                (found.labelled_dates if labelled else found.bare_dates).append(date)
        elif kind == "credit":
            credit = furniture.credit_value(part)
            if credit and credit[0] in ("source", "sources", "quelle") and found.source is None:
                found.source = credit[1]


def _paragraph_texts(lines: list[_Line | None]) -> list[str]:
    texts: list[str] = []
    block: list[_Line] = []
    for line in [*lines, None]:
        if line is None or not line.text:
            if block:
                texts.extend(_paragraphs_of_block(block))
            block = []
        else:
            block.append(line)
    return [t for t in texts if t]


def _pick_date(found: _Found, dateline_date: FoundDate | None,
               first_body: str | None) -> str | None:
    """The document's date, ISO. Full dates first: from labelled lines ("Published: ..."), the
    dateline, bare date lines; then a full date in the opening of the text, but only when no
    month-day date was stated or it agrees with that one (the opening may date something else);
    then a month-day date ("--03-30")."""
    stated = [*found.labelled_dates, *([dateline_date] if dateline_date else []),
              *found.bare_dates]
    for date in stated:
        if date.has_year:
            return date.iso
    partial = stated[0].iso if stated else None
    in_text = find_date(first_body[:250]) if first_body else None
    if in_text and in_text.has_year and (partial is None or in_text.iso.endswith(partial[1:])):
        return in_text.iso
    return partial


def _is_prose(text: str) -> bool:
    """A paragraph of article text: a few words ending like a sentence, or opening a dateline."""
    return (len(text.split()) >= 6 and _ends_sentence(text)) or find_dateline(text) is not None


def _is_scrap(text: str) -> bool:
    """A menu item, section label or tag: at most three words and no full stop, or a short
    label in capitals ("OFFICE OF THE SPOKESPERSON")."""
    words = len(text.split())
    if text.rstrip(_CLOSERS)[-1:] in _STOPS:
        return False
    return words <= 3 or (words <= 6 and text == text.upper() and any(c.isalpha() for c in text))


def _first_body(texts: list[str], start: int) -> int:
    """Index of the first paragraph from ``start`` that reads as text (a sentence or a dateline)."""
    return next((i for i in range(start, len(texts))
                 if _ends_sentence(texts[i]) or find_dateline(texts[i])), start)


def _trim_page_frame(texts: list[str], removed: list[str]) -> tuple[list[str], str | None]:
    """Find the title and drop the page frame around the article: navigation and labels.

    Before the first prose paragraph, the title is the first headline (a short line without a
    full stop) of four words or more, else the longest headline there; what stands before it
    (site name, menu) is dropped, and so are scraps (menu items, section labels) after it. After
    the last prose paragraph, scraps (tags, share-button labels) are dropped.
    """
    prose = [i for i, text in enumerate(texts) if _is_prose(text)]
    if not prose:
        if len(texts) >= 2 and furniture.looks_like_headline(texts[0]):
            return texts, texts[0]
        return texts, None
    head, body, tail = texts[: prose[0]], texts[prose[0] : prose[-1] + 1], texts[prose[-1] + 1 :]
    headlines = [i for i, text in enumerate(head) if furniture.looks_like_headline(text)]
    title_index = next((i for i in headlines if len(head[i].split()) >= 4), None)
    if title_index is None and headlines:
        title_index = max(headlines, key=lambda i: (len(head[i].split()), -i))
    kept_head: list[str] = []
    for i, text in enumerate(head):
        if (title_index is not None and i < title_index) or (i != title_index
                                                              and _is_scrap(text)):
            removed.append(text)
        else:
            kept_head.append(text)
    kept_tail = [text for text in tail if not _is_scrap(text)]
    removed.extend(text for text in tail if _is_scrap(text))
    title = head[title_index] if title_index is not None else None
    return _drop_repeats([*kept_head, *body, *kept_tail], removed), title


def _drop_repeats(texts: list[str], removed: list[str]) -> list[str]:
    """Drop a paragraph that repeats the one before it (a summary repeated as the first
    paragraph once the furniture between them is gone)."""
    out: list[str] = []
    for text in texts:
        if out and text == out[-1] and len(text.split()) >= 4:
            removed.append(text)
        else:
            out.append(text)
    return out


def clean(text: str, path: str | None = None) -> CleanText:
    """Clean raw text into paragraphs with metadata; page furniture goes to ``removed``."""
    if path and _is_html(text, path):
        from readerui.web.extract import html_to_text  # trafilatura with readerui[web]

        text = html_to_text(text)
    raw_lines = normalise(text).split("\n")
    lines = [_Line(" ".join(raw.split()), raw[:1] == " " and bool(raw.strip()))
             for raw in raw_lines]
    removed: list[str] = []
    found = _Found([], [])
    texts = _paragraph_texts(_drop_furniture(lines, removed, found))

    texts, title = _trim_page_frame(texts, removed)
    first_body_index = _first_body(texts, 1 if title else 0)
    dateline = None
    if first_body_index < len(texts):
        dateline = find_dateline(texts[first_body_index])
        if dateline:
            rest = texts[first_body_index][dateline.length :].strip()
            if rest:
                texts[first_body_index] = rest
            else:
                del texts[first_body_index]
    first_body = texts[first_body_index] if first_body_index < len(texts) else None
    date = _pick_date(found, dateline.date if dateline else None, first_body)

    paragraphs: list[Paragraph] = []
    offset = 0
    for index, body in enumerate(texts):
        role: Literal["title", "body"] = "title" if index == 0 and title else "body"
        paragraphs.append(Paragraph(index, role, offset, offset + len(body)))
        offset += len(body) + 2
    meta = Metadata(
        title=title,
        date=date,
        source=(dateline.agency if dateline and dateline.agency else None) or found.source,
        place=dateline.place if dateline else None,
        dateline=dateline.text if dateline else None,
    )
    return CleanText(path, "\n\n".join(texts), tuple(paragraphs), meta, tuple(removed))


_HTML_TAG = re.compile(r"<(?:html|head|body|p|div|h1|h2|article|main|br|span|a)\b", re.IGNORECASE)


def _is_html(text: str, path: str) -> bool:
    """An HTML document: it starts like one, or it is named .html and has block tags."""
    head = text.lstrip()[:200].lower()
    if head.startswith(("<!doctype html", "<html")):
        return True
    return (path.lower().endswith((".html", ".htm", ".xhtml")) or is_address(path)) and bool(
        _HTML_TAG.search(text, 0, 100_000))


def too_many_sentences(name: str, count: int, limit: int, about: bool = False) -> InputError:
    """The error for an account over the sentence limit."""
    return InputError(f"{name}: has {'about ' if about else ''}{count:,} sentences, over the "
                      f"{limit:,} limit (use --max-sentences)")


def check_sentence_estimate(text: str, name: str, limit: int | None, lines: bool = False) -> None:
    """Refuse, before any costly work, a text with clearly more than ``limit`` sentences (counted
    by sentence-ending punctuation, or non-blank lines for pre-split input)."""
    if limit is None:
        return
    if lines:
        count = text.count("\n") + 1
        if count > limit:  # blank lines count too: recount only when it could matter
            count = sum(1 for line in text.splitlines() if line.strip())
    else:
        count = len(_SENTENCE_END.findall(text)) if len(text) > limit * 2 else 0
    if count > limit * (1 if lines else 1.25):
        raise too_many_sentences(name, count, limit, about=not lines)


def load(path: str | Path, max_size: int = DEFAULT_MAX_SIZE,
         max_sentences: int | None = None) -> CleanText:
    """Read, decode and clean one file; refuse it when nothing but page furniture is left, or
    when it plainly has more than ``max_sentences`` sentences."""
    repair = repair_mojibake(read_text(path, max_size))
    text = repair.text
    check_sentence_estimate(text, str(path), max_sentences)
    cleaned = clean(text, str(path))
    if repair.note:
        cleaned = replace(cleaned, meta=replace(cleaned.meta, repaired=repair.note))
    if not cleaned.paragraphs and cleaned.removed:
        raise InputError(f"{path}: has no article text, only page furniture "
                         f"({len(cleaned.removed)} lines such as {cleaned.removed[0][:40]!r})")
    if not cleaned.paragraphs:
        raise InputError(f"{path}: has no readable text (only control characters)")
    return cleaned
