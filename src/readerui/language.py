"""Which language a text is in, among those readerui can stem.

A profile per language holds its most frequent words with their Zipf frequency (derived from
wordfreq's tables by ``benchmarks/lang_profiles.py``). A text scores, per language, the summed
frequency of its words found in that profile; the best score wins. Scripts used by one supported
language only (Greek, Armenian, Tamil, Hebrew letters for Yiddish) decide at once. Short texts
are enough: a paragraph's function words ("the", "der", "les") settle it.
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from functools import cache
from importlib import resources

from readerui.tokens import WORD_RE

DEFAULT_LANGUAGE = "en"
AUTO = "auto"  # the value of --lang / settings.lang that asks for detection
# Scripts (as Unicode character names begin) that only one supported language writes.
_SCRIPTS = {"GREEK": "el", "ARMENIAN": "hy", "TAMIL": "ta", "HEBREW": "yi"}
_MAX_WORDS = 2000  # enough words to decide; longer texts are sampled from the start


@cache
def _profiles() -> dict[str, dict[str, float]]:
    data = resources.files("readerui.data").joinpath("lang_profiles.json").read_text("utf-8")
    profiles: dict[str, dict[str, float]] = json.loads(data)
    return profiles


def supported() -> tuple[str, ...]:
    """Languages the detector can answer."""
    return tuple(sorted({*_profiles(), *_SCRIPTS.values()}))


def _script_language(words: list[str]) -> str | None:
    """The language of a script only one supported language uses, when most letters are in it."""
    counts: Counter[str] = Counter()
    letters = 0
    for word in words[:200]:
        for ch in word:
            if ch.isalpha():
                letters += 1
                if ch.isascii():  # Latin: no script-only language (and most letters are)
                    continue
                name = unicodedata.name(ch, "")
                for script, lang in _SCRIPTS.items():
                    if name.startswith(script):
                        counts[lang] += 1
    if counts:
        lang, n = counts.most_common(1)[0]
        if n * 2 >= letters:
            return lang
    return None


def detect_language(text: str, default: str = DEFAULT_LANGUAGE) -> str:
    """ISO 639-1 code of the language ``text`` is written in (``default`` when nothing
    decides: no words, or none of any profile)."""
    words = WORD_RE.findall(text)[:_MAX_WORDS]
    if not words:
        return default
    by_script = _script_language(words)
    if by_script is not None:
        return by_script
    counts = Counter(w.casefold() for w in words)  # accents kept, as in the profiles
    best, best_score = default, 0.0
    for lang, profile in _profiles().items():
        score = sum(profile[w] * n for w, n in counts.items() if w in profile)
        if score > best_score:
            best, best_score = lang, score
    return best


def resolve(given: str | None, text: str) -> str:
    """The language to use for ``text``: ``given`` unless it is empty or ``auto``."""
    if given and given != AUTO:
        return given
    return detect_language(text)
