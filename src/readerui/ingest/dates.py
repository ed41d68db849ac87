"""Find dates written in common forms and turn them into ISO 8601 strings.

``find_date`` returns the first date in a text as ``YYYY-MM-DD``, or ``--MM-DD`` when the text gives
no year. ``is_date_line`` tells whether a line holds nothing but a date/time stamp (with an optional
label such as "Updated:"), which is page furniture rather than a sentence.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass

from readerui import lazyre as re  # patterns compiled on first use

_MONTHS = {
    # English
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
    # German (the other language of the test material)
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "mai": 5, "juni": 6, "juli": 7,
    "oktober": 10, "dezember": 12, "okt": 10, "dez": 12,
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|\.)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = (r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
            r"|(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)")

# Each pattern names month/day and optionally year; tried in order, earliest match wins.
_DATE_PATTERNS = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\b(?P<year>(?:19|20)\d\d)[-/.](?P<nmonth>[01]?\d)[-/.](?P<day>[0-3]?\d)(?!\d)",
        r"\b(?P<year>(?:19|20)\d\d)年(?P<nmonth>[01]?\d)月(?P<day>[0-3]?\d)日",
        r"(?<!\d)(?P<nmonth>[01]?\d)月(?P<day>[0-3]?\d)日",
        # 30.03.2022 (day first, the convention wherever dots are used)
        r"\b(?P<day>[0-3]?\d)\.(?P<nmonth>[01]?\d)\.(?P<year>(?:19|20)\d\d)\b",
        # 03/30/2022 or 30/03/2022: only when the order is unambiguous (resolved below)
        r"\b(?P<first>[0-3]?\d)/(?P<second>[0-3]?\d)/(?P<year>(?:19|20)\d\d)\b",
        rf"\b{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?\b",
        rf"\b{_DAY}\s+{_MONTH}(?:,?\s+{_YEAR})?\b",
    )
]
_TIME = (r"(?:[01]?\d|2[0-3])(?::[0-5]\d){1,2}(?:\s*(?:[ap]\.?m\.?|(?:Uhr|h)\b))?"
         r"|(?:1[0-2]|0?[1-9])\s*[ap]\.?m\.?")
_ZONE = r"(?:[A-Z]{2,4}T|UTC|GMT|Z)(?:\s*[+-]\s*\d{1,2}(?::?\d\d)?)?|[+-]\d{2}:?\d{2}"
_LABEL = (r"(?:(?:last\s+)?(?:updated?|modified|published|posted|released|issued|first\s+published"
          r"|date|time|dated|veröffentlicht|aktualisiert|stand)(?:\s+(?:on|at))?\s*[:：]?)")
_STAMP_PIECE = re.compile(
    rf"\s*(?:{_LABEL}|{_WEEKDAY}|{_TIME}|{_ZONE}|[|,·•/()\[\]–—-]|\b(?:at|on|um|am)\b)\s*",
    re.IGNORECASE,
)
_RELATIVE = re.compile(
    rf"^\s*{_LABEL}?\s*(?:\d+|an?|one)\s+(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?)"
    r"\s+ago\.?\s*$", re.IGNORECASE)
_LABELLED = re.compile(rf"^\s*{_LABEL}", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A date found in a text: ISO string, whether the year was given, and where it stood."""

    iso: str
    has_year: bool
    start: int
    end: int


def _valid(year: int | None, month: int, day: int) -> bool:
    """A real calendar day (February 29 allowed when the year is unknown)."""
    if not 1 <= month <= 12:
        return False
    return 1 <= day <= calendar.monthrange(year or 2000, month)[1]


def _from_match(m: re.Match[str]) -> FoundDate | None:
    groups = m.groupdict()
    year = int(groups["year"]) if groups.get("year") else None
    if groups.get("first"):
        first, second = int(groups["first"]), int(groups["second"])
        if first > 12 >= second:
            day, month = first, second
        elif second > 12 >= first:
            month, day = first, second
        else:
            return None  # 03/04/2022 could be March 4 or 3 April: do not guess
    elif groups.get("nmonth"):
        month, day = int(groups["nmonth"]), int(groups["day"])
    else:
        if not groups["month"][0].isupper():
            return None  # "they march 30 miles": month names are capitalised
        month, day = _MONTHS[groups["month"].lower().rstrip(".")], int(groups["day"])
    if not _valid(year, month, day):
        return None
    iso = f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"
    return FoundDate(iso, year is not None, m.start(), m.end())


def find_dates(text: str) -> list[FoundDate]:
    """Every date in ``text``, in reading order, overlapping matches resolved left to right."""
    found: list[FoundDate] = []
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            date = _from_match(m)
            if date and not any(d.start < date.end and date.start < d.end for d in found):
                found.append(date)
    return sorted(found, key=lambda d: d.start)


def find_date(text: str) -> FoundDate | None:
    """The first date in ``text``, or None."""
    dates = find_dates(text)
    return dates[0] if dates else None


def is_date_line(line: str) -> bool:
    """True when the line is only a date/time stamp, e.g. "Updated: March 3, 2024 10:12 GMT"."""
    if len(line) > 80:
        return False
    if _RELATIVE.match(line):
        return True  # "Updated 2 hours ago": a stamp, though it gives no date
    dates = find_dates(line)
    rest = line
    for date in reversed(dates):
        rest = rest[: date.start] + " " + rest[date.end :]
    had_time = re.search(_TIME, rest, re.IGNORECASE) is not None
    if not dates and not had_time:
        return _only_stamp_words(line)
    return _STAMP_PIECE.sub("", rest).strip() == "" or _only_stamp_words(line)


_STAMP_WORDS = frozenset({
    "am", "pm", "a", "m", "p", "gmt", "utc", "bst", "cet", "cest", "est", "edt", "pst", "pdt",
    "cst", "cdt", "jst", "ist", "msk", "z", "et", "pt", "ct", "mt", "aest", "aedt", "hkt", "sgt",
    "kst", "wib", "eet", "eest", "wet", "west",
    "updated", "update", "published", "posted", "modified",
    "last", "first", "on", "at", "ago", "hour", "hours", "hr", "hrs", "minute", "minutes", "min",
    "mins", "second", "seconds", "day", "days", "week", "weeks", "date", "time", "uhr", "stand",
})
_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                       "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat",
                       "sun"})


def _only_stamp_words(line: str) -> bool:
    """A stamp whose pieces ran together in copying: "March 3, 20245:42 PM GMTUpdated 2 hours ago".

    True when the line has a digit, no sentence ending, and every run of letters (split where a
    capital follows a lowercase or capital run) is a month, weekday, time zone or stamp word.
    """
    if not any(c.isdigit() for c in line) or line.rstrip()[-1:] in ".!?" or len(line.split()) > 15:
        return False
    runs = re.findall(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+", line)
    return bool(runs) and all(
        r.lower() in _STAMP_WORDS or r.lower() in _MONTHS or r.lower() in _WEEKDAYS for r in runs)


def is_labelled(line: str) -> bool:
    """True when a date line starts with a label such as "Published:" or "Updated"."""
    return _LABELLED.match(line) is not None


def is_update_label(line: str) -> bool:
    """True when the label says the date is an update or modification, not publication."""
    return re.match(r"^\s*(?:last\s+)?(?:updated?|modified|aktualisiert)", line, re.I) is not None
