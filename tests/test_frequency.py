"""The bundled word-frequency tables (built from wordfreq's data) and the lookups on them."""

from __future__ import annotations

import gzip
import math
import subprocess
import sys
from importlib import resources

import pytest

from readerui.annotate import frequency, wordlists
from readerui.tokens import SNOWBALL_NAMES

FREQ = resources.files("readerui.annotate") / "words" / "freq"
TABLES = sorted(p.name.split(".")[0] for p in FREQ.iterdir() if p.name.endswith(".txt.gz"))


def test_a_table_for_every_stemmed_language_wordfreq_covers() -> None:
    assert set(TABLES) <= set(SNOWBALL_NAMES)
    assert {"en", "de", "fr", "es", "it", "nl", "pt", "ru", "sv", "no", "tr", "ar"} <= set(TABLES)


@pytest.mark.parametrize("lang", TABLES)
def test_every_table_credits_its_source_and_loads(lang: str) -> None:
    head = gzip.decompress((FREQ / f"{lang}.txt.gz").read_bytes()).decode("utf-8")[:600]
    assert "wordfreq" in head and "CC BY-SA 4.0" in head
    table = frequency.frequencies(lang)
    assert len(table) > 10_000
    assert all(0 < f < 1 for f in list(table.values())[:1000])


def test_the_attribution_and_licence_ship_with_the_tables() -> None:
    text = (FREQ / "ATTRIBUTION.md").read_text("utf-8")
    assert "Robyn Speer" in text and "CC BY-SA 4.0" in text and "SUBTLEX" in text
    assert "Apache License" in (FREQ / "LICENSE-wordfreq-Apache-2.0.txt").read_text("utf-8")


def test_common_words_rank_above_rare_ones_and_unknown_words_are_zero() -> None:
    assert wordlists.zipf("the") > 7 > wordlists.zipf("government") > wordlists.zipf("ceasefire")
    assert wordlists.zipf("ceasefire") > 2
    assert wordlists.zipf("The") == wordlists.zipf("the")  # case does not matter
    assert wordlists.zipf("qzxqvbnm") == 0.0
    assert wordlists.zipf("der", "de") > 6 > wordlists.zipf("der", "en")
    assert wordlists.zipf("the", "xx") == 0.0 and wordlists.zipf("the", "../en") == 0.0


def _harmonic(*words: str, lang: str = "en") -> float:
    table = frequency.frequencies(lang)
    f = 1 / sum(1 / table[w] for w in words)
    f = round(f, math.floor(-math.log10(f)) + 3)
    return round(math.log(f, 10) + 9, 2)


def test_a_hyphenated_word_combines_its_parts() -> None:
    value = wordlists.zipf("ground-breaking")
    assert value == _harmonic("ground", "breaking")
    assert 0 < value < min(wordlists.zipf("ground"), wordlists.zipf("breaking"))
    assert wordlists.zipf("breaking-qzxqvbnm") == 0.0  # an unknown part: unknown


def test_tokens_follow_unicode_word_boundaries_and_elision() -> None:
    assert frequency.tokens("de-escalation", "en") == ["de", "escalation"]
    assert frequency.tokens("can’t", "en") == ["can't"]
    assert frequency.tokens("u.s.", "en") == ["u.s"]
    assert frequency.tokens("4,000", "en") == ["4,000"]
    assert frequency.tokens("l'arrivée", "fr") == ["l", "arrivée"]
    assert frequency.tokens("aujourd'hui", "fr") == ["aujourd'hui"]
    assert frequency.tokens("हिन्दी-भाषा", "hi") == ["हिन्दी", "भाषा"]  # marks stay in the word


def test_numbers_are_valued_by_their_shape() -> None:
    assert wordlists.zipf("2024") > wordlists.zipf("2317") > 0  # a recent year beats a far one
    assert wordlists.zipf("19") > wordlists.zipf("91")  # leading 1s are common (Benford)


def test_common_words_are_in_frequency_order_without_numbers() -> None:
    words = frequency.common_words("en", 500)
    assert len(words) == 500 and words[0] == "the"
    zipfs = [wordlists.zipf(w) for w in words]
    assert zipfs == sorted(zipfs, reverse=True)
    assert not any(w[0].isdigit() and len(w) > 1 for w in words)


def test_tables_load_lazily_one_language_at_a_time() -> None:
    code = ("import sys; from readerui.annotate import frequency, topics, wordlists;"
            "assert frequency.table.cache_info().currsize == 0;"
            "wordlists.zipf('der', 'de');"
            "assert frequency.table.cache_info().currsize == 1;"
            "assert frequency.frequencies.cache_info().currsize == 0;"  # no full dictionary
            "assert 'wordfreq' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize("lang", ["en", "de", "ru", "ar"])
def test_bisection_finds_what_the_whole_table_holds(lang: str) -> None:
    whole = frequency.frequencies(lang)
    table = frequency.table(lang)
    words = list(whole)
    assert words[0] != sorted(words)[0]  # the dictionary is most common first, the file is not
    for word in [*words[::97], words[0], words[-1], min(words), max(words)]:
        assert table.get(word) == whole[word]
        for unknown in (word + "qzx", word[:-1] + "\uffff", "\u0001" + word, ""):
            assert table.get(unknown) == whole.get(unknown)


def test_table_files_are_sorted_by_word() -> None:
    text = gzip.decompress((FREQ / "en.txt.gz").read_bytes()).decode("utf-8")
    words = [line.split("\t")[0] for line in text.splitlines() if not line.startswith("#")]
    assert len(words) > 10_000 and words == sorted(words) and len(set(words)) == len(words)
    assert not frequency.table("xx") and frequency.table("en")
