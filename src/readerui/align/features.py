"""Sentence representations for the aligner: IDF-weighted sets of stems and their variants."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import chain, compress, count
from operator import is_not, not_
from typing import cast

from rapidfuzz import fuzz, process

from readerui import lazyre as re  # patterns compiled on first use
from readerui.align.settings import AlignSettings
from readerui.model import Sentence
from readerui.tokens import WORD_RE, is_stopword, normalise, stem

# Languages that write compounds as one word ("Klimaschutzgesetz"): a long word there also
# carries the words it is made of, when those occur on their own in either account.
COMPOUNDING_LANGUAGES = frozenset({"de", "nl", "sv", "da", "no", "fi"})
COMPOUND_PART_MIN = 4  # shortest part of a compound that counts as a word

_CHARACTERS = 0x110000  # code points a str can hold: feature ids written as characters
_JOINERS = re.compile(r"['’\-‐‑]")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)+")
_THOUSANDS = re.compile(r"\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*")


@dataclass(frozen=True, slots=True)
class Profile:
    """One sentence: its feature ids, the ids of its content words in order, its total weight."""

    features: frozenset[int]
    # the content words' feature ids in order, as one character each (chr(id)): rapidfuzz
    # compares strings about twice as fast as tuples of ints, with the same result; a tuple of
    # the ids only when there are more features than characters
    sequence: str | tuple[int, ...]
    weight: float


def join_sequences(sequences: Sequence[str | tuple[int, ...]]) -> str | tuple[int, ...]:
    """The content words of several sentences in order, as one sequence of the same form."""
    if sequences and isinstance(sequences[0], str):
        return "".join(cast("Sequence[str]", sequences))
    return tuple(chain.from_iterable(cast("Sequence[tuple[int, ...]]", sequences)))


@dataclass(frozen=True, slots=True)
class FeatureSpace:
    """Profiles of both documents' sentences over one vocabulary with IDF weights."""

    a: tuple[Profile, ...]
    b: tuple[Profile, ...]
    weights: tuple[float, ...]  # weight of each feature id
    postings_b: dict[int, list[int]]  # feature id -> ids of B's sentences that hold it

    def weight(self, features: frozenset[int] | set[int]) -> float:
        """Total weight of a set of features."""
        return sum(map(self.weights.__getitem__, features))


def canonical_number(text: str) -> str:
    """One spelling per number: "4,000", "4.000" and "4000" -> "4000"; "6,2" and "6.2" -> "6.2".

    A separator followed by exactly three digits (and more such groups) is a thousands
    separator; otherwise the last separator is the decimal point.
    """
    if "," not in text and "." not in text:
        return text
    if _THOUSANDS.fullmatch(text):
        return re.sub(r"[.,]", "", text)
    head, _, tail = text.replace(",", ".").rpartition(".")
    return f"{head.replace('.', '')}.{tail}"


# Number words that accounts also write as digits ("twelve hours" / "12-hour shifts").
_NUMBER_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
           "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
           "eighteen", "nineteen", "twenty"),
    "de": ("null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun",
           "zehn", "elf", "zwölf"),
    "fr": ("zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
           "onze", "douze"),
    "es": ("cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve",
           "diez", "once", "doce"),
}
# Words that are never a digit even though they spell one ("one of them", "un accord").
_NUMBER_WORDS_KEPT = frozenset({"one", "un", "uno", "eins", "null"})
NUMBER_WORDS: dict[str, dict[str, str]] = {
    lang: {normalise(word): str(value) for value, word in enumerate(words)
           if word not in _NUMBER_WORDS_KEPT}
    for lang, words in _NUMBER_WORDS.items()
}


def word_features(norm: str, lang: str) -> tuple[str, list[str]]:
    """The main feature of a normalised word (stem of its joined form) and its parts' stems.

    "multi-polar" gives ("multipolar", ["multi", "polar"]), so it meets "multipolarity";
    "de-escalation" gives ("deescal", ["de", "escal"]); "twelve" gives "12".
    """
    if _NUMBER.fullmatch(norm):
        return canonical_number(norm), []
    digits = NUMBER_WORDS.get(lang, {}).get(norm)
    if digits is not None:
        return digits, []
    if not _JOINERS.search(norm):
        return stem(norm, lang), []
    if norm.endswith(("'s", "’s")):
        return stem(norm, lang), []
    joined = _JOINERS.sub("", norm)
    parts = [stem(part, lang) for part in _JOINERS.split(norm) if len(part) > 1]
    return stem(joined, lang), parts


@lru_cache(maxsize=500_000)
def _word_info(word: str, lang: str) -> tuple[str, tuple[str, ...], bool, tuple[bool, ...]]:
    """Main feature, part features, and function-word flags of a word as it stands in the text."""
    norm = normalise(word)
    main, parts = word_features(norm, lang)
    return main, tuple(parts), is_stopword(norm, lang), tuple(is_stopword(p, lang) for p in parts)


def _sentences_strings(texts: Sequence[str], lang: str
                       ) -> list[tuple[dict[str, bool], list[str]]]:
    """``_sentence_strings`` of each text, with each distinct word looked up once.

    A sentence whose words have no parts (most) is built by dict and map operations: its
    features in order of first appearance, a function word only when every occurrence is one
    (a content word's stem is in the sequence), exactly as the word-by-word loop gives them.
    """
    tokenised = [WORD_RE.findall(text) for text in texts]
    main_of: dict[str, str] = {}
    content_of: dict[str, str | None] = {}
    parted: set[str] = set()
    for word in set().union(*tokenised):
        main, parts, stop, _ = _word_info(word, lang)
        main_of[word] = main
        content_of[word] = None if stop else main
        if parts:
            parted.add(word)
    main_get, content_get = main_of.__getitem__, content_of.__getitem__
    is_content = partial(is_not, None)
    out = []
    for text, words in zip(texts, tokenised, strict=True):
        if parted and not parted.isdisjoint(words):
            out.append(_sentence_strings(text, lang))
            continue
        sequence = cast("list[str]", list(filter(is_content, map(content_get, words))))
        features = dict.fromkeys(map(main_get, words), True)
        features.update(dict.fromkeys(sequence, False))
        out.append((features, sequence))
    return out


def _sentence_strings(text: str, lang: str) -> tuple[dict[str, bool], list[str]]:
    """Feature strings of a sentence (-> whether a function word) and its content stems in order."""
    features: dict[str, bool] = {}
    sequence: list[str] = []
    for word in WORD_RE.findall(text):
        main, parts, stop, part_stops = _word_info(word, lang)
        features[main] = features.get(main, True) and stop
        if not stop:
            sequence.append(main)
        if parts:
            for part, part_stop in zip(parts, part_stops, strict=True):
                features.setdefault(part, part_stop)
    return features, sequence


def _variant_map(only_a: list[str], only_b: list[str], settings: AlignSettings) -> dict[str, str]:
    """Words seen only in B mapped to a spelling variant seen only in A ("sergei" -> "sergey").

    Candidates share their first three letters, so the cost stays near linear in the vocabulary.
    """
    blocks: dict[str, list[str]] = defaultdict(list)
    for word in only_a:
        if len(word) >= settings.variant_min_length and word.isalpha():
            blocks[word[:3]].append(word)
    mapping: dict[str, str] = {}
    cutoff = settings.variant_similarity * 100
    for word in only_b:
        if len(word) < settings.variant_min_length or not word.isalpha():
            continue
        choices = blocks.get(word[:3])
        if not choices:
            continue
        best = process.extractOne(word, choices, scorer=fuzz.ratio, score_cutoff=cutoff)
        if best is not None:
            mapping[word] = best[0]
    return mapping


def compound_parts(vocabulary: set[str], shortest: int = COMPOUND_PART_MIN) -> dict[str, list[str]]:
    """Words of the vocabulary that are made of other words of it ("klimaschutzgesetz" holds
    "gesetz"), each with those parts: a leading or trailing piece of at least ``shortest``
    letters that also occurs on its own (a linking "s" before a trailing piece is skipped)."""
    words = {w for w in vocabulary if len(w) >= shortest and w.isalpha()}
    parts: dict[str, list[str]] = {}
    for word in words:
        if len(word) < 2 * shortest:
            continue
        found = []
        for k in range(shortest, len(word) - shortest + 1):
            head, tail = word[:k], word[k:]
            if head in words:
                found.append(head)
            if tail in words:
                found.append(tail)
            elif tail[0] == "s" and tail[1:] in words and len(tail) > shortest:
                found.append(tail[1:])
        if found:
            parts[word] = list(dict.fromkeys(found))
    return parts


_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")
_CAPITALISED_RUN = re.compile(
    r"[A-Z][\w'’-]*(?:\s+(?:(?:of|for|and|the|on|de|des|du|der|für|und|del|la)\s+)*"
    r"[A-Z][\w'’-]*)+")
_RUN_WORD = re.compile(r"[A-Z][\w'’-]*")


def _expansions(text: str, acronyms: set[str]) -> set[str]:
    """Acronyms whose expansion the text spells out ("American Civil Liberties Union" -> ACLU).

    Any stretch of two to six consecutive capitalised words of a name counts, so "the American
    Civil Liberties Union of Ohio" still gives "ACLU".
    """
    found: set[str] = set()
    for run in _CAPITALISED_RUN.finditer(text):
        initials = "".join(w[0] for w in _RUN_WORD.findall(run.group()))
        for start in range(len(initials)):
            for end in range(start + 2, min(len(initials), start + 6) + 1):
                if initials[start:end] in acronyms:
                    found.add(initials[start:end])
    return found


def _link_acronyms(raw: list[tuple[dict[str, bool], list[str]]], texts: Sequence[str],
                   acronyms: set[str], lang: str) -> None:
    """Give a sentence that spells out an acronym of either account that acronym's feature."""
    for (features, _), text in zip(raw, texts, strict=True):
        for acronym in _expansions(text, acronyms):
            features.setdefault(_word_info(acronym, lang)[0], False)


def build_space(a: Sequence[Sentence], b: Sequence[Sentence], lang: str | tuple[str, str],
                settings: AlignSettings) -> FeatureSpace:
    """Profiles of the sentences of A and B with IDF over both documents.

    ``lang`` is the language of both, or a (language of A, language of B) pair.
    """
    lang_a, lang_b = (lang, lang) if isinstance(lang, str) else lang
    raw_a = _sentences_strings([s.text for s in a], lang_a)
    raw_b = _sentences_strings([s.text for s in b], lang_b)
    acronyms = {m.group() for s in (*a, *b) for m in _ACRONYM.finditer(s.text)}
    if acronyms:
        _link_acronyms(raw_a, [s.text for s in a], acronyms, lang_a)
        _link_acronyms(raw_b, [s.text for s in b], acronyms, lang_b)
    vocab_a = {word for features, _ in raw_a for word in features}
    vocab_b = {word for features, _ in raw_b for word in features}
    if lang_a in COMPOUNDING_LANGUAGES or lang_b in COMPOUNDING_LANGUAGES:
        parts = compound_parts(vocab_a | vocab_b)
        for features, _ in raw_a + raw_b:
            for word in [w for w in features if w in parts]:
                for part in parts[word]:
                    features.setdefault(part, False)
        vocab_a = {word for features, _ in raw_a for word in features}
        vocab_b = {word for features, _ in raw_b for word in features}
    variants = _variant_map(sorted(vocab_a - vocab_b), sorted(vocab_b - vocab_a), settings)

    # Feature ids in order of first appearance (A's sentences, then B's with variants folded);
    # a feature is a function word only when it is one in every sentence that holds it.
    fold = variants.get
    keys_b = [list(map(fold, features, features)) if variants else list(features)
              for features, _ in raw_b]
    ids = dict(zip(dict.fromkeys(chain(chain.from_iterable(f for f, _ in raw_a),
                                       chain.from_iterable(keys_b))), count()))
    content: set[str] = set()
    for features, _ in raw_a:
        content.update(compress(features, map(not_, features.values())))
    for (features, _), keys in zip(raw_b, keys_b, strict=True):
        content.update(compress(keys, map(not_, features.values())))
    stop_of = [word not in content for word in ids]
    id_of = ids.__getitem__
    order: Callable[[Iterable[str]], str | tuple[int, ...]]
    if len(ids) <= _CHARACTERS:
        char_of = dict(zip(ids, map(chr, range(len(ids))), strict=True)).__getitem__

        def order(words: Iterable[str]) -> str | tuple[int, ...]:
            return "".join(map(char_of, words))
    else:
        def order(words: Iterable[str]) -> str | tuple[int, ...]:
            return tuple(map(id_of, words))
    pa = [(frozenset(map(id_of, features)), order(sequence)) for features, sequence in raw_a]
    pb = [(frozenset(map(id_of, keys)),
           order(map(fold, sequence, sequence)) if variants else order(sequence))
          for (_, sequence), keys in zip(raw_b, keys_b, strict=True)]
    counted = Counter(chain.from_iterable(features for features, _ in pa + pb))
    df = [counted[f] for f in range(len(stop_of))]
    total = len(pa) + len(pb)
    weights = tuple(
        math.log((total + 1) / df[f]) * (settings.stopword_weight if stop_of[f] else 1.0)
        for f in range(len(df))
    )
    postings_b: dict[int, list[int]] = defaultdict(list)
    for j, (feature_ids, _) in enumerate(pb):
        for f in feature_ids:
            postings_b[f].append(j)

    def finish(raw: list[tuple[frozenset[int], str | tuple[int, ...]]]) -> tuple[Profile, ...]:
        weight_of = weights.__getitem__
        return tuple(Profile(f, seq, sum(map(weight_of, f))) for f, seq in raw)

    return FeatureSpace(finish(pa), finish(pb), weights, dict(postings_b))
