"""Find the wire dateline that opens a news story and split it from the text.

Shapes recognised (place, then optional region, date and agency, then a dash):
"NANJING, June 4 (Kyodo) --", "WASHINGTON —", "MOSCOW, May 1 (Reuters) -", "LONDON (AP) —",
"KYIV, Ukraine —", "NEW YORK, March 3, 2024 /PRNewswire/ --", "MOSCOW, March 30. /TASS/.",
"MOSCOW. March 30 (Interfax) -", "Paris (AFP) -", "(CNN) —". A sentence that merely starts with a
capitalised word and a comma ("Wang said, ...") is not a dateline: the place must be in capitals
(or written "Paris" but next to an agency or a date), and the head must end in a dash.
"""

from __future__ import annotations

from dataclasses import dataclass

from readerui import lazyre as re  # patterns compiled on first use
from readerui.ingest.dates import FoundDate, find_date

# The head is everything before the first spaced dash (or "--"/"—" even without spaces).
_HEAD = re.compile(r"^(?P<head>[^\n]{2,130}?)\s*(?P<dash>--|—|–|\s-|:|(?<=/)\.)\s*(?=\S|$)")
_AGENCY = re.compile(r"\s*(?:\((?P<paren>[^()]{1,40})\)|/(?P<slash>[^/]{1,40})/)\s*$")
_PLACE_CHARS = re.compile(r"^[^\W\d_][\w.'’ -]*$")


@dataclass(frozen=True, slots=True)
class Dateline:
    """A dateline found at the start of a paragraph; ``length`` characters are cut from it."""

    text: str  # as it stood, e.g. "NANJING, June 4 (Kyodo) --"
    place: str | None  # None for "(CNN) —"
    region: str | None
    date: FoundDate | None
    agency: str | None
    length: int  # characters to cut, including the space after the dash


def _is_place(text: str) -> bool:
    """A place in capitals such as "PARIS", "NEW YORK", "ST. LOUIS" or "RIO DE JANEIRO"."""
    letters = [c for c in text if c.isalpha()]
    return (len(letters) >= 2 and len(text.split()) <= 4 and text == text.upper()
            and _PLACE_CHARS.match(text) is not None)


def _is_region(text: str) -> bool:
    """A region such as "Ukraine", "Calif." or "England": short, capitalised, no digits."""
    words = text.split()
    return 0 < len(words) <= 3 and all(w[0].isupper() for w in words) and not any(
        c.isdigit() for c in text)


def _agency(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= 4 and words[0][0].isalpha() and text[-1:] not in ".!?"


def _split_place(head: str) -> tuple[str, str]:
    """("MOSCOW", "March 30") from "MOSCOW, March 30" or "MOSCOW. March 30"."""
    place, _, rest = head.partition(",")
    if _is_place(place.strip()) or _is_title_case(place.strip()) or ". " not in head:
        return place.strip(), rest.strip()
    place, _, rest = head.partition(". ")
    return place.strip(), rest.strip()


def _is_title_case(text: str) -> bool:
    """A place written "Beijing" or "New Delhi" (accepted only beside an agency or a date)."""
    words = text.split()
    return 0 < len(words) <= 3 and all(w[0].isupper() and w[1:].islower() for w in words
                                       if len(w) > 1) and _PLACE_CHARS.match(text) is not None


def _date_only(text: str) -> FoundDate | None:
    """The date when ``text`` is nothing but a date ("March 30", "March 3, 2024.")."""
    date = find_date(text)
    if date and date.start == 0 and text[date.end :].strip(" ,.") == "":
        return date
    return None


def find_dateline(paragraph: str) -> Dateline | None:
    """The dateline at the start of ``paragraph``, or None."""
    m = _HEAD.match(paragraph)
    if not m:
        return None
    head = m.group("head").strip()
    if m.group("dash") == ":" and "(" not in head and "/" not in head:
        return None  # "BREAKING: ..." or "WARNING: ..." are not datelines
    agency = None
    am = _AGENCY.search(head)
    if am:
        agency = (am.group("paren") or am.group("slash") or "").strip()
        if not _agency(agency):
            return None
        head = head[: am.start()].strip()
    elif m.group("dash") == ".":
        return None
    place, rest = _split_place(head.rstrip(", "))
    region, date = None, None
    if rest:
        date = _date_only(rest)
        if date is None:
            region_text, _, date_text = rest.partition(",")
            region_text, date_text = region_text.strip(), date_text.strip()
            date = _date_only(date_text) if date_text else None
            if not _is_region(region_text) or (date_text and date is None):
                return None
            region = region_text
    if place and not _is_place(place) and not ((agency or date) and _is_title_case(place)):
        return None
    if not place and not agency:
        return None  # "(CNN) —" has an agency and no place; an empty head is nothing
    first = paragraph[m.end() : m.end() + 1]
    if first and not (first.isupper() or first.isdigit() or first in "\"“‘'«„"):
        return None  # what follows a dateline starts a sentence
    text = paragraph[: m.end("dash")].strip()
    return Dateline(text, place or None, region, date, agency, m.end())
