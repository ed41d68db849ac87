"""Tokens: offsets, normalisation, stemming by language, function words."""

from __future__ import annotations

from readerui.tokens import is_stopword, normalise, stem, supported_languages, tokenize


def test_tokens_carry_offsets_into_the_text() -> None:
    text = "Sergey’s multi-polar world, 2022!"
    tokens = tokenize(text)
    assert [t.text for t in tokens] == ["Sergey’s", "multi-polar", "world", "2022"]
    assert all(text[t.start:t.end] == t.text for t in tokens)


def test_normalise_folds_case_accents_and_typographic_marks() -> None:
    assert normalise("Müller") == "muller"
    assert normalise("STRASSE") == normalise("Straße") == "strasse"
    assert normalise("Europe’s") == "europe's"
    assert normalise("multi‐polar") == "multi-polar"


def test_stem_follows_the_language() -> None:
    assert stem("negotiations") == stem("negotiation")
    assert stem("Europe's".lower()) == stem("europe")
    assert stem("verhandlungen", "de") == stem("verhandlung", "de")
    assert stem("unknownish", "xx") == "unknownish"  # no stemmer: the word itself
    assert {"en", "de", "fr", "es"} <= set(supported_languages())


def test_function_words_by_language() -> None:
    assert is_stopword("the") and not is_stopword("hegemony")
    assert is_stopword(normalise("über"), "de") and not is_stopword("streik", "de")
    assert is_stopword("les", "fr")
    assert not is_stopword("the", "xx")  # unlisted language: IDF alone decides


def test_numbers_keep_their_decimals_and_separators() -> None:
    assert [t.text for t in tokenize("Rates rose to 4.25 percent; 4,000 fled in 2022.")] == [
        "Rates", "rose", "to", "4.25", "percent", "4,000", "fled", "in", "2022"]


def test_stemming_from_many_threads_at_once_gives_the_same_stems() -> None:
    import threading

    from readerui import tokens

    words = [f"{base}{suffix}" for base in ("nation", "connect", "argu", "generous", "hope")
             for suffix in ("al", "ing", "ed", "ization", "fulness", "s", "ation")]
    expected = {w: tokens._stemmer("en").stemWord(w) for w in words}  # type: ignore[union-attr]
    tokens.stem.cache_clear()
    found: list[dict[str, str]] = []

    def run() -> None:
        found.append({w: tokens.stem.__wrapped__(w, "en") for w in words * 50})

    threads = [threading.Thread(target=run) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(result == expected for result in found)
