"""Stems are the same with PyStemmer (C) and with snowballstemmer's pure-Python fallback."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from readerui.annotate.frequency import frequencies
from readerui.tokens import SNOWBALL_NAMES

EXTRA = ["walking", "houses", "talks", "ministers", "relations", "généralement", "Häuser"]


def _words(lang: str) -> list[str]:
    return list(frequencies(lang))[:2000:7] + EXTRA


_FALLBACK = r"""
import json, sys
sys.modules["Stemmer"] = None  # no C extension: snowballstemmer uses its Python stemmers
import snowballstemmer
from readerui import tokens
words = json.loads(sys.stdin.read())
assert type(tokens._stemmer("en")).__module__.startswith("snowballstemmer."), "not the fallback"
print(json.dumps({lang: [tokens.stem(w, lang) for w in ws] for lang, ws in words.items()}))
"""


def test_the_pure_python_fallback_gives_the_same_stems() -> None:
    from readerui import tokens

    words = {lang: _words(lang) for lang in SNOWBALL_NAMES}
    done = subprocess.run([sys.executable, "-c", _FALLBACK], input=json.dumps(words),
                          capture_output=True, text=True, check=True, timeout=300)
    fallback = json.loads(done.stdout)
    here = {lang: [tokens.stem(w, lang) for w in ws] for lang, ws in words.items()}
    assert fallback == here
    assert fallback["en"][-7:-3] == ["walk", "hous", "talk", "minist"]


def test_pystemmer_is_used_when_installed() -> None:
    pytest.importorskip("Stemmer")
    from readerui import tokens

    assert type(tokens._stemmer("en")).__module__ == "Stemmer"
