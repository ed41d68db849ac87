"""How common a word is: the bundled frequency tables in ``annotate/words/freq``.

The tables are wordfreq's frequency lists (Robyn Speer; data CC BY-SA 4.0, see
``words/freq/ATTRIBUTION.md``), written by ``scripts/build_frequency_tables.py`` as lines
``word<TAB>band`` sorted by word. A table is read the first time its language is asked for and
searched by bisection in its UTF-8 bytes (a lookup reads about 17 lines), so a short text pays
for the decompression only, not for decoding the text nor for a dictionary of 100,000 words. A
word the table does not hold as it is, and that is not purely alphabetic ("de-escalation",
"l'arrivée", "2030"), is split into tokens and their frequencies combined as wordfreq does
(1/f = 1/f1 + 1/f2 + …; digits by its number model).
"""

from __future__ import annotations

import math
import unicodedata
import zlib
from functools import cache
from importlib import resources

from readerui import lazyre as re  # patterns compiled on first use

# Languages whose text wordfreq normalises with NFKC (scripts other than Latin, Greek, Cyrillic);
# Arabic also loses its vowel marks and tatweel.
_NFKC = frozenset({"ar", "hi", "ta"})
_ABJAD = frozenset({"ar"})
# Letters with a comma or a cedilla below, as the language prefers them.
_COMMAS_BELOW = {"ro": str.maketrans("şţŞŢ", "șțȘȚ"), "tr": str.maketrans("șțȘȚ", "şţŞŢ")}

# Curly quotes as straight ones (what wordfreq's data holds).
_UNCURL = str.maketrans({**dict.fromkeys("\u02bc\u2018\u2019\u201a\u201b", "'"),
                         **dict.fromkeys("\u201c\u201d\u201e\u201f", '"')})

# Unicode word-boundary classes (UAX #29) that can join two parts of one token.
_MID_LETTER = frozenset(":\u00b7\u0387\u05f4\u2027\ufe13\ufe55\uff1a")
_MID_NUM_LET = frozenset(".\u2018\u2019\u2024\ufe52\uff07\uff0e'")
_MID_NUM = frozenset(",;\u037e\u0589\u060c\u060d\u066c\u07f8\u2044\ufe10\ufe14\ufe50\ufe54"
                     "\uff0c\uff1b")
# An elided article or pronoun before a vowel ("l'", "qu'") is a token of its own.
_VOWELS = "AEHIOUYÁÉÍÓÚÀÈÌÒÙÂÊÎÔÛÅÏÖŒaehiouyáéíóúàèìòùâêîôûåïöœ"
_ELISION_RE = re.compile(rf"[^\W_][^\W_]?'(?=[{_VOWELS}])")

_REGIONAL = re.compile("[\U0001f1e6-\U0001f1ff]")
_MULTI_DIGIT_RE = re.compile(r"\d[\d.,]+")
_DIGIT_RE = re.compile(r"\d")
_PURE_DIGIT_RE = re.compile(r"\d+")
# wordfreq's model of how common a number is: leading digits by (roughly) Benford's law; a
# four-digit number is likely a year, most likely near the present.
_DIGIT_FREQS = (0.009, 0.300, 0.175, 0.124, 0.096, 0.078, 0.066, 0.057, 0.050, 0.045)
_YEAR_LOG_PEAK = -1.9185
_NOT_YEAR_PROB = 0.1
_REFERENCE_YEAR = 2019
_PLATEAU_WIDTH = 20

_MIN_FREQUENCY = 1e-9  # Zipf 0


def band_frequency(band: int) -> float:
    """The frequency of a band: 10^(-band/100) (Zipf 9 - band/100)."""
    return 10 ** (-band / 100)


class Table:
    """One language's frequency table: its UTF-8 bytes, lines ``word<TAB>band`` sorted by word
    (code point order, which is also the order of the UTF-8 bytes) after the ``#`` header lines,
    searched by bisection without decoding the whole text. Empty data: no table."""

    __slots__ = ("_cache", "_start", "_text")

    def __init__(self, text: bytes) -> None:
        self._text = text
        start = 0
        while text.startswith(b"#", start):
            start = text.index(b"\n", start) + 1
        self._start = start
        self._cache: dict[str, float | None] = {}

    def __bool__(self) -> bool:
        return self._start < len(self._text)

    def band(self, word: str) -> int | None:
        """The band of a word, None when the table does not hold it."""
        text, lo, hi = self._text, self._start, len(self._text)
        if "\n" in word or "\t" in word:
            return None
        try:
            key = word.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: no word of the table
            return None
        while lo < hi:  # lo and hi are line starts
            mid = (lo + hi) // 2
            start = max(text.rfind(b"\n", lo, mid) + 1, lo)
            end = text.index(b"\n", start)
            tab = text.index(b"\t", start, end)
            found = text[start:tab]
            if found == key:
                return int(text[tab + 1:end])
            if found < key:
                lo = end + 1
            else:
                hi = start
        return None

    def get(self, word: str) -> float | None:
        """The frequency of a word (a proportion of all words), None when not in the table."""
        try:
            return self._cache[word]
        except KeyError:
            band = self.band(word)
            value = self._cache[word] = None if band is None else band_frequency(band)
            return value

    def items(self) -> list[tuple[str, int]]:
        """Every (word, band), most common first (ties in code point order, as wordfreq's)."""
        pairs = []
        for line in self._text[self._start:].decode("utf-8").splitlines():
            word, _, band = line.partition("\t")
            pairs.append((word, int(band)))
        pairs.sort(key=lambda pair: pair[1])  # stable: words stay sorted within a band
        return pairs


@cache
def table(lang: str) -> Table:
    """The frequency table of a language, read on first use; empty (false) without one."""
    if not lang.isalpha() or not lang.isascii():
        return Table(b"")
    try:
        data = (resources.files("readerui.annotate") / "words" / "freq"
                / f"{lang.lower()}.txt.gz").read_bytes()
    except (FileNotFoundError, OSError):
        return Table(b"")
    return Table(zlib.decompress(data, wbits=31))  # UTF-8, searched as bytes: not decoded


@cache
def frequencies(lang: str) -> dict[str, float]:
    """Word -> frequency (a proportion of all words) in a language, most common first; empty
    without a table. Builds the whole dictionary: lookups go through ``table`` instead."""
    return {word: band_frequency(band) for word, band in table(lang).items()}


def common_words(lang: str, count: int) -> list[str]:
    """The ``count`` most common words of a language, most common first, without numbers."""
    words: list[str] = []
    for word in frequencies(lang):
        if not _MULTI_DIGIT_RE.match(word):
            words.append(word)
            if len(words) >= count:
                break
    return words


def _preprocess(text: str, lang: str) -> str:
    """Normalise text as wordfreq does before it looks words up."""
    if lang in _NFKC:
        text = unicodedata.normalize("NFKC", text)
        if lang in _ABJAD:
            text = "".join(c for c in text
                           if unicodedata.category(c) != "Mn" and c != "\u0640")
    else:
        text = unicodedata.normalize("NFC", text)
    text = text.casefold()
    if lang in _COMMAS_BELOW:
        text = text.translate(_COMMAS_BELOW[lang])
    return text


def _kind(char: str) -> str:
    """'L' letter (or a mark, which stays with its letter), 'N' digit, '_' connector, 'S' symbol
    (an emoji: a token of its own), else ''."""
    if char.isdigit():
        return "N"
    category = unicodedata.category(char)
    if char.isalpha() or category[0] == "M":
        return "L"
    if category == "Pc":
        return "_"
    if category == "So":
        return "S"
    return ""


def _symbol_end(text: str, i: int) -> int:
    """End of the symbol (one grapheme: with its marks, modifiers, joined parts) starting at i."""
    j = i + 1
    if _REGIONAL.match(text[i]) and j < len(text) and _REGIONAL.match(text[j]):
        return j + 1  # a flag
    while j < len(text):
        if text[j] == "\u200d" and j + 1 < len(text):
            j += 2
        elif unicodedata.category(text[j])[0] == "M" or "\U0001f3fb" <= text[j] <= "\U0001f3ff":
            j += 1
        else:
            break
    return j


def tokens(text: str, lang: str) -> list[str]:
    """The tokens wordfreq would look up for a piece of text (its Unicode word segmentation)."""
    text = _preprocess(text, lang)
    kinds = [_kind(c) for c in text]
    found: list[str] = []
    i, n = 0, len(text)
    while i < n:
        if not kinds[i]:
            i += 1
            continue
        if kinds[i] == "S":
            found.append(text[i:(i := _symbol_end(text, i))])
            continue
        if (elided := _ELISION_RE.match(text, i)) is not None:
            found.append(elided.group().strip("'"))
            i = elided.end()
            continue
        j = i + 1
        while j < n:
            if kinds[j] and kinds[j] != "S":
                j += 1
                continue
            before, after = kinds[j - 1], kinds[j + 1] if j + 1 < n else ""
            mid = text[j]
            joins_letters = (before == after == "L"
                             and (mid in _MID_LETTER or mid in _MID_NUM_LET))
            joins_digits = before == after == "N" and (mid in _MID_NUM or mid in _MID_NUM_LET)
            if not (joins_letters or joins_digits):
                break
            j += 2
        found.append(text[i:j].strip("'"))
        i = j
    return [token.translate(_UNCURL) for token in found if token]


def _benford(digits: str) -> float:
    return float(_DIGIT_FREQS[int(digits[0])] / 10 ** (len(digits) - 1))


def _year(digits: str) -> float:
    year = int(digits)
    if year <= _REFERENCE_YEAR:
        log_freq = _YEAR_LOG_PEAK - 0.0083 * (_REFERENCE_YEAR - year)
    elif year <= _REFERENCE_YEAR + _PLATEAU_WIDTH:
        log_freq = _YEAR_LOG_PEAK
    else:
        log_freq = _YEAR_LOG_PEAK - 0.2 * (year - (_REFERENCE_YEAR + _PLATEAU_WIDTH))
    return float(10.0 ** log_freq + _NOT_YEAR_PROB * _benford(digits))


def _digit_frequency(token: str) -> float:
    """How likely these particular digits are among numbers of their shape."""
    frequency = 1.0
    for match in _MULTI_DIGIT_RE.findall(token):
        for digits in _PURE_DIGIT_RE.findall(match):
            frequency *= _year(digits) if len(digits) == 4 else _benford(digits)
    return frequency


def _smash(token: str) -> str:
    """Digits of multi-digit numbers as zeros (wordfreq counts numbers by their shape)."""
    return _MULTI_DIGIT_RE.sub(lambda m: _DIGIT_RE.sub("0", m.group()), token)


def combined_zipf(text: str, lang: str) -> float:
    """Zipf value of text made of several tokens (0 if one of them is unknown), as wordfreq."""
    found = table(lang)
    parts = tokens(text, lang)
    if not parts:
        return 0.0
    inverse = 0.0
    for token in parts:
        smashed = _smash(token)
        frequency = found.get(smashed)
        if frequency is None:
            return 0.0
        if smashed != token:
            frequency *= _digit_frequency(token)
        inverse += 1.0 / frequency
    frequency = max(1.0 / inverse, _MIN_FREQUENCY)
    frequency = round(frequency, math.floor(-math.log(frequency, 10)) + 3)
    return round(math.log(frequency, 10) + 9, 2)
