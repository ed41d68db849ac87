"""Recognise page furniture: lines of a web page or wire copy that are not part of the article.

Every rule here is a general shape (breadcrumb trails, share/print links, bare time stamps,
"Related"/"Read more" headers, copyright and credit lines, bylines), never words of one sample.
``classify`` looks at one cleaned line (whitespace already collapsed) and says what kind of
furniture it is, or None for article text.
"""

from __future__ import annotations

from typing import Literal

from readerui import lazyre as re  # patterns compiled on first use
from readerui.ingest.dates import is_date_line

Kind = Literal["breadcrumb", "share", "date", "related", "copyright", "credit", "byline",
               "label", "boilerplate"]

_FINAL_PUNCT = ".!?…。！？．"
# Labels of share/print/social and other page widgets; a line made only of these is furniture.
_WIDGET_LABELS = frozenset({
    "share", "share this", "share this article", "share this story", "share this page",
    "share on facebook", "share on twitter", "share on x", "share on linkedin", "share via email",
    "share via e-mail", "print", "print this", "print this page", "print this article",
    "printer friendly", "printer-friendly version", "print version", "email", "e-mail",
    "email this", "email this article", "e-mail this article", "tweet", "facebook", "twitter", "x",
    "linkedin", "whatsapp", "telegram", "reddit", "pinterest", "weibo", "wechat", "copy link",
    "copy url", "link copied", "comments", "comment", "save", "bookmark", "subscribe", "follow",
    "suggest to a friend", "send to a friend", "tell a friend", "recommend", "font size",
    "text size", "a+", "a-", "a", "listen", "listen to this article", "gift this article",
    "copy link copied", "flipboard", "mastodon", "bluesky", "threads", "vk", "line", "sms",
    "share via", "share article", "more sharing options", "close", "show comments",
    # other widget labels that end up in a paste
    "video player", "play video", "watch", "watch video", "play", "pause", "audio", "enlarge",
    "gallery", "view gallery", "full screen", "fullscreen", "download", "download pdf", "zoom",
    "toggle caption", "hide caption", "expand", "collapse", "menu", "search", "sign in", "log in",
    "register", "more", "back", "next", "previous", "top",
})
_SEPARATORS = re.compile(r"\s*(?:\||•|·|⋅|/|,|\s{2,})\s*")
_BRACKETED = re.compile(r"\[\s*([^\[\]]{1,60}?)\s*\]")
_BREADCRUMB_SEP = re.compile(r"\s*(?:>>?|»|›|→)\s*|\s+/\s+")
_HOME_WORDS = {"home", "homepage", "home page", "start", "main", "front page", "startseite"}
_RELATED_HEADER = re.compile(
    r"^(?:related(?:\s+(?:articles?|stories|story|news|coverage|content|topics|links|reading))?"
    r"|read\s+(?:more|also|next)|see\s+also|more\s+on\s+this(?:\s+story)?|more\s+stories"
    r"|recommended(?:\s+for\s+you)?|you\s+may\s+also\s+like|you\s+might\s+also\s+like"
    r"|most\s+(?:read|popular|viewed)|trending(?:\s+now)?|top\s+stories|further\s+reading"
    r"|mehr\s+zum\s+thema|lesen\s+sie\s+auch)\s*[:.»>]*$",
    re.IGNORECASE,
)
_RELATED_INLINE = re.compile(
    r"^(?:related|read\s+(?:more|also|next)|see\s+also|more|lesen\s+sie\s+auch)\s*[:»>|]\s*\S",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(
    r"^(?:©|\(c\)|copyright\s*(?:©|\(c\)|\d{4}|by\b|$)|all\s+rights\s+reserved)", re.IGNORECASE)
_CREDIT = re.compile(
    r"^(?:(?:chief\s+|responsible\s+|web\s+)?editor|editors|source|sources|quelle|photo|photos"
    r"|(?:image|picture|photo|video)(?:\s+(?:source|credit|caption))?|credit|credits"
    r"|translator|translated\s+by|compiled\s+by"
    r"|produced\s+by)\s*[:：]\s*(?P<value>.{1,80})$",
    re.IGNORECASE,
)
_MEDIA_CREDIT = re.compile(
    r"^(?:image|picture|photo|video|media)\s+(?:source|credit|caption)s?\b\s*[,:]?(?:\s+\S+){0,6}$",
    re.IGNORECASE,
)
_REPORTING = re.compile(
    r"^\(?(?:reporting|additional\s+reporting|writing|editing|compiled|production)\s+by\b",
    re.IGNORECASE,
)
_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|der|da|di|al|bin|el|la|le))*"
_BYLINE = re.compile(
    rf"^(?:[Bb]y|[Vv]on|Text:)\s+{_NAME}(?:\s*(?:,|and|&|und)\s*{_NAME})*"
    r"(?:\s*(?:,|\||-|–|—)\s*[A-Z][\w .,&'-]{0,40})?$",
)
_BOILERPLATE = re.compile(
    r"^(?:advertisement|sponsored(?:\s+content)?|skip\s+to\s+(?:main\s+)?content|back\s+to\s+top"
    r"|sign\s+up\s+for\s+(?:our|the)\s+\w+(?:\s+\w+)?\s+newsletters?\.?"
    r"|click\s+here\s+to\s+\w+(?:\s+\w+){0,5}\.?|follow\s+us\s+on\s+\w+(?:\s+(?:and|&)\s+\w+)*\.?"
    r"|\(?end\)?|-+\s*end\s*-+|###|\.\s*\.\s*\.|\d+\s*(?:-\s*)?min(?:ute)?s?\.?\s+read"
    r"|(?:page|seite)\s+\d+(?:\s+(?:of|von)\s+\d+)?|[-–—]?\s*\d{1,4}\s*[-–—]?|\d{1,4}\s*/\s*\d{1,4})$",
    re.IGNORECASE,
)
_PART_SEPARATOR = re.compile(r"\s*[|·•]\s*")
_COOKIES = re.compile(
    r"\b(?:we|this\s+(?:web)?site|our\s+(?:web)?site)\s+uses?\s+cookies\b|\baccept\s+(?:all\s+)?cookies\b",
    re.IGNORECASE,
)

# A metadata label standing alone; its value is on the next line ("Published" / "3 March 2024").
_LABEL = re.compile(
    r"^(?:from|by|published|updated|last\s+updated|first\s+published|posted|date|part\s+of"
    r"|topics?|tags?|filed\s+under|categor(?:y|ies)|section|keywords|posted\s+in|source|sources"
    r"|editor|author|authors|written\s+by|share|share\s+this|contact"
    r"|(?:image|photo|picture|video|media)\s+(?:caption|source|credit)s?)\s*[:：,]?$",
    re.IGNORECASE,
)


def _words(text: str) -> int:
    return len(text.split())


def is_share_line(line: str) -> bool:
    """A line of share/print/email links: "[ Print ]", "Share | Tweet | Email", "Facebook"."""
    if len(line) > 200:
        return False
    bracketed = _BRACKETED.findall(line)
    if bracketed and _BRACKETED.sub("", line).strip(" |·•") == "":
        return all(_words(item) <= 6 and item[-1:] not in _FINAL_PUNCT for item in bracketed)
    items = [part.strip(" :").lower() for part in _SEPARATORS.split(line) if part.strip(" :")]
    return bool(items) and all(item in _WIDGET_LABELS or _share_phrases(item) for item in items)


def _share_phrases(text: str) -> bool:
    """True when the text is share-widget labels run together: "Share this article Facebook"."""
    words = text.split()
    i = 0
    while i < len(words):
        for length in range(min(5, len(words) - i), 0, -1):
            if " ".join(words[i : i + length]) in _WIDGET_LABELS:
                i += length
                break
        else:
            return False
    return True


def is_breadcrumb(line: str) -> bool:
    """A trail such as "Home > News", "Home » World » Asia" or "Home / News"."""
    if line[-1:] in _FINAL_PUNCT or _words(line) > 16:
        return False
    parts = _BREADCRUMB_SEP.split(line)
    if len(parts) < 2:
        return False
    if not all(part and _words(part) <= 5 and (part[0].isupper() or part[0].isdigit())
               for part in parts):
        return False
    slash_only = "/" in line and not re.search(r">|»|›|→", line)
    return not slash_only or parts[0].lower() in _HOME_WORDS or len(parts) >= 3


def credit_value(line: str) -> tuple[str, str] | None:
    """("source", "Kyodo") for a "Source: Kyodo" line; the label lowercased and the value."""
    m = _CREDIT.match(line)
    if not m:
        return None
    value = m.group("value").strip()
    if value[-1:] in "!?" or _words(value) > 10:
        return None
    if not (value[0].isupper() or value[0].isdigit() or " " not in value):
        return None  # "Editor: the minister said no." is prose, not a credit
    label = line[: line.index(":") if ":" in line else line.index("：")].strip().lower()
    return label, value


def is_related_header(line: str) -> bool:
    """A header such as "Related articles" or "Read more" that introduces a list of links."""
    return _RELATED_HEADER.match(line) is not None


def classify(line: str) -> Kind | None:
    """The kind of page furniture this line is, or None when it is article text."""
    line = line.strip()
    if not line or len(line) > 300:
        return None  # furniture is short; article paragraphs are not
    if is_share_line(line):
        return "share"
    if is_breadcrumb(line):
        return "breadcrumb"
    if is_date_line(line):
        return "date"
    if is_related_header(line) or (_RELATED_INLINE.match(line) and _words(line) <= 20):
        return "related"
    if _COPYRIGHT.match(line) and _words(line) <= 30:
        return "copyright"
    if is_label(line):
        return "label"
    if credit_value(line) or _MEDIA_CREDIT.match(line) or (
            _REPORTING.match(line) and _words(line) <= 30):
        return "credit"
    if _BYLINE.match(line) and _words(line) <= 12 and line[-1:] not in _FINAL_PUNCT:
        return "byline"
    if (_BOILERPLATE.match(line) or not any(c.isalnum() for c in line)
            or (_COOKIES.search(line) and _words(line) <= 40)):
        return "boilerplate"  # including separators such as "* * *" or "---"
    pieces = parts(line)
    if len(pieces) > 1:  # "By Ann Lee | March 3, 2024 | 5 min read": furniture in every part
        kinds = [classify(piece) for piece in pieces]
        if all(kinds):
            return "credit" if "credit" in kinds else kinds[0]
    return None


def parts(line: str) -> list[str]:
    """The parts of a line split at "|", "·" or "•" (the line itself when it has none)."""
    return [p.strip() for p in _PART_SEPARATOR.split(line) if p.strip()] or [line]


def is_label(line: str) -> bool:
    """A metadata label alone on its line ("From:", "Published"); its value follows."""
    return _LABEL.match(line.strip()) is not None


def looks_like_headline(line: str, max_words: int = 25) -> bool:
    """A short line without final punctuation: a title, or a link in a "Related" list."""
    return 0 < _words(line) <= max_words and line.rstrip()[-1:] not in _FINAL_PUNCT
