"""Word tokens with normalised and stemmed forms, shared by the aligner and the annotators."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

import snowballstemmer

# A word: letters/digits, with inner hyphens or apostrophes ("multi-polar", "Europe's").
WORD_RE = re.compile(r"\w+(?:['’\-‐‑]\w+)*", re.UNICODE)

# ISO 639-1 code -> Snowball algorithm name.
SNOWBALL_NAMES = {
    "ar": "arabic", "ca": "catalan", "da": "danish", "de": "german", "el": "greek",
    "en": "english", "es": "spanish", "eu": "basque", "fi": "finnish", "fr": "french",
    "ga": "irish", "hi": "hindi", "hu": "hungarian", "hy": "armenian", "id": "indonesian",
    "it": "italian", "lt": "lithuanian", "ne": "nepali", "nl": "dutch", "no": "norwegian",
    "pt": "portuguese", "ro": "romanian", "ru": "russian", "sr": "serbian", "sv": "swedish",
    "ta": "tamil", "tr": "turkish", "yi": "yiddish",
}


@dataclass(frozen=True, slots=True)
class Token:
    """A word of a sentence: surface form, casefolded form, stem, and offsets in the sentence."""

    text: str
    norm: str
    stem: str
    start: int
    end: int


def supported_languages() -> tuple[str, ...]:
    """Language codes that have a stemmer."""
    return tuple(sorted(SNOWBALL_NAMES))


@cache
def _stemmer(lang: str) -> snowballstemmer.Stemmer | None:
    name = SNOWBALL_NAMES.get(lang)
    return snowballstemmer.stemmer(name) if name else None


def normalise(word: str) -> str:
    """Casefold, fold accents and typographic apostrophes; keep inner hyphens out."""
    word = unicodedata.normalize("NFKD", word.casefold())
    word = "".join(ch for ch in word if not unicodedata.combining(ch))
    return word.replace("’", "'").replace("‐", "-").replace("‑", "-")


@lru_cache(maxsize=200_000)
def stem(norm: str, lang: str = "en") -> str:
    """Snowball stem of a normalised word (the word itself for languages without a stemmer)."""
    stemmer = _stemmer(lang)
    if stemmer is None:
        return norm
    if norm.endswith("'s"):
        norm = norm[:-2]
    return stemmer.stemWord(norm)


def tokenize(text: str, lang: str = "en") -> list[Token]:
    """Words of ``text`` in order, each with its normalised form and stem."""
    tokens = []
    for match in WORD_RE.finditer(text):
        norm = normalise(match.group())
        tokens.append(Token(match.group(), norm, stem(norm, lang), match.start(), match.end()))
    return tokens
