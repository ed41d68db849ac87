"""Feature vectors of candidate sentence pairs for the learned link scorer.

Every feature is computed for candidate pairs only (never for all pairs of long documents).
Per-sentence facts (character n-grams, names, numbers, quotes, speech verbs) are gathered once.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from operator import mul

from rapidfuzz import fuzz, process

from readerui import lazyre as re  # patterns compiled on first use
from readerui.align.decide import Scorer
from readerui.model import Document
from readerui.tokens import WORD_RE, is_stopword, normalise, stem

FEATURE_NAMES: tuple[str, ...] = (
    "score", "dice", "cover_a", "cover_b", "cover_min", "cover_max", "cover_short",
    "order", "token_set", "token_sort", "char_cos", "soft_match",
    "names_shared", "names_missing", "numbers_shared", "numbers_clash", "quote_shared",
    "speech_both", "speech_name", "title_a", "title_b", "title_both", "title_one",
    "pos_a", "pos_b", "pos_diff", "lead_both", "len_a", "len_b", "len_ratio",
    "rank_a", "rank_b", "rel_a", "rel_b", "mutual_best", "backbone", "subject_same",
    "subject_clash", "title_cover", "semantic", "has_semantic",
    # added later (appended, so the columns above keep their places)
    "speaker_same", "speaker_clash", "neigh_diag", "doc_rel",
    "names_swap", "actor_swap",
)
_COL = {name: k for k, name in enumerate(FEATURE_NAMES)}

# Stems of English speech-act verbs (labelling.md: said, told, urged, criticised, denied ...).
SPEECH_STEMS = frozenset(stem(w) for w in (
    "say", "said", "says", "tell", "told", "announce", "declare", "urge", "call", "criticize",
    "criticise", "blast", "deny", "denied", "reply", "warn", "argue", "insist", "claim",
    "accuse", "praise", "ask", "add", "note", "state", "vow", "pledge", "promise", "reaffirm",
    "reiterate", "acknowledge", "admit", "suggest", "predict", "respond", "defend", "condemn",
    "slam", "explain", "describe", "contend", "assert", "stress", "affirm", "oppose", "support",
    "statement", "interview", "remarks", "according", "wrote", "write", "tweet", "tweeted",
    "testify", "testified", "confirm", "reject", "demand", "threaten", "question", "complain",
))
_QUOTE = re.compile(r"[“\"«„]([^”\"»“]{3,})[”\"»“]")
_CAPITAL = re.compile(r"\b[A-Z][\w'’\-]*")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
CHAR_N = 4
SUBJECT_WORDS = 3  # a name this close to the start of a sentence is taken as its subject


@dataclass(frozen=True, slots=True)
class SentenceFacts:
    """What the pair features need of one sentence, computed once."""

    grams: dict[str, float]  # character n-gram -> TF-IDF weight (set after IDF is known)
    norm: float
    text: str  # casefolded text for the token ratios
    content: tuple[str, ...]  # content-word stems
    names: frozenset[str]
    numbers: frozenset[str]
    quoted: frozenset[str]  # content stems inside quotation marks
    speech: bool
    length: int
    subject: str | None  # a name among the first words (a rough stand-in for the subject)
    name_order: tuple[str, ...]  # names in order of first mention


def _grams(text: str) -> Counter[str]:
    padded = " " + " ".join(WORD_RE.findall(text.lower())) + " "
    ends = range(CHAR_N, len(padded) + 1)
    return Counter(map(padded.__getitem__, map(slice, range(len(ends)), ends)))


@lru_cache(maxsize=200_000)
def _content_stem(word: str, lang: str) -> str | None:
    """Stem of a word as it stands in the text, or None for a function word."""
    norm = normalise(word)
    return None if is_stopword(norm, lang) else stem(norm, lang)


@lru_cache(maxsize=200_000)
def _name_stem(word: str, lang: str) -> str | None:
    """Stem of a capitalised word as a name, or None (one letter, or a function word)."""
    norm = normalise(word)
    if len(norm) > 1 and not is_stopword(norm, lang):
        return stem(norm.removesuffix("'s").removesuffix("’s"), lang)
    return None


def _stems(text: str, lang: str) -> list[str]:
    return [s for s in map(_content_stem, WORD_RE.findall(text), repeat(lang)) if s is not None]


def _names(text: str, lang: str) -> list[str]:
    """Capitalised words that are not function words, in order (the first word of the
    sentence included only when it is not a function word)."""
    return [s for s in map(_name_stem, _CAPITAL.findall(text), repeat(lang)) if s is not None]


def _facts(texts: Sequence[str], lang: str) -> tuple[list[Counter[str]], list[SentenceFacts]]:
    raw = []
    facts = []
    for text in texts:
        grams = _grams(text)
        raw.append(grams)
        content = _stems(text, lang)
        quoted = frozenset(s for q in _QUOTE.findall(text) for s in _stems(q, lang))
        numbers = frozenset(m.group().replace(",", "") for m in _NUMBER.finditer(text))
        names = _names(text, lang)
        opening = _names(" ".join(WORD_RE.findall(text)[:SUBJECT_WORDS]), lang)
        facts.append(SentenceFacts({}, 0.0, " ".join(WORD_RE.findall(text.lower())),
                                   tuple(content), frozenset(names), numbers, quoted,
                                   bool(SPEECH_STEMS.intersection(content))
                                   or bool(_QUOTE.search(text)), len(text),
                                   opening[0] if opening else None,
                                   tuple(dict.fromkeys(names))))
    return raw, facts


def _weigh(raw: list[Counter[str]], facts: list[SentenceFacts], idf: dict[str, float]) -> None:
    tf: dict[int, float] = {}  # count -> 1 + log(count), each count's logarithm taken once
    for grams in raw:
        for c in set(grams.values()).difference(tf):
            tf[c] = 1 + math.log(c)
    for grams, fact in zip(raw, facts, strict=True):
        values = list(map(mul, map(tf.__getitem__, grams.values()), map(idf.__getitem__, grams)))
        fact.grams.update(zip(grams, values, strict=True))
        object.__setattr__(fact, "norm", math.sqrt(sum(map(mul, values, values))) or 1.0)


class PairContext:
    """Per-sentence facts of two documents, ready to give pair features."""

    def __init__(self, a: Document, b: Document, scorer: Scorer,
                 lang: str | tuple[str, str] = "en",
                 semantic: Callable[[list[tuple[int, int]]], Sequence[float]] | None = None,
                 speakers: tuple[Sequence[str | None], Sequence[str | None]] | None = None
                 ) -> None:
        """``speakers``: the attributed speaker of every sentence of A and of B (one name per
        person across both), or None when not known (the speaker features are then 0)."""
        lang_a, lang_b = (lang, lang) if isinstance(lang, str) else lang
        self.scorer = scorer
        self.n_a, self.n_b = len(a.sentences), len(b.sentences)
        self.title_a = [s.role == "title" for s in a.sentences]
        self.title_b = [s.role == "title" for s in b.sentences]
        self._texts = ([s.text for s in a.sentences], [s.text for s in b.sentences])
        self._langs = (lang_a, lang_b)
        self.a: dict[int, SentenceFacts] = {}
        self.b: dict[int, SentenceFacts] = {}
        self.semantic = semantic
        # content words of a sentence -> their set, 5-letter prefixes, words of 4+ letters
        self._soft_sides: dict[tuple[str, ...], tuple[set[str], set[str], list[str]]] = {}
        self.speakers = speakers or ([None] * self.n_a, [None] * self.n_b)

    def _prepare(self, pairs: Sequence[tuple[int, int]]) -> None:
        """Facts of the sentences in ``pairs`` (IDF of character n-grams over those sentences
        of both documents), so long documents pay only for their candidates."""
        ids_a = sorted({i for i, _ in pairs})
        ids_b = sorted({j for _, j in pairs})
        raw_a, facts_a = _facts([self._texts[0][i] for i in ids_a], self._langs[0])
        raw_b, facts_b = _facts([self._texts[1][j] for j in ids_b], self._langs[1])
        df: Counter[str] = Counter()
        for grams in (*raw_a, *raw_b):
            df.update(grams.keys())
        total = len(raw_a) + len(raw_b) + 1
        idf = {g: math.log(total / d) for g, d in df.items()}
        _weigh(raw_a, facts_a, idf)
        _weigh(raw_b, facts_b, idf)
        self.a = dict(zip(ids_a, facts_a, strict=True))
        self.b = dict(zip(ids_b, facts_b, strict=True))

    def _char_cos(self, fa: SentenceFacts, fb: SentenceFacts) -> float:
        small, large = (fa.grams, fb.grams) if len(fa.grams) <= len(fb.grams) else (fb.grams,
                                                                                      fa.grams)
        shared = [*filter(large.__contains__, small)]  # in the smaller side's order
        dot: float = sum(map(mul, map(small.__getitem__, shared), map(large.__getitem__, shared)))
        return dot / (fa.norm * fb.norm)

    def _soft(self, ca: tuple[str, ...], cb: tuple[str, ...]) -> float:
        """Share of the shorter side's content words with a near spelling (same 5-letter
        prefix, or rapidfuzz ratio >= 80) on the other side."""
        if not ca or not cb:
            return 0.0
        short, other = (ca, cb) if len(ca) <= len(cb) else (cb, ca)
        side = self._soft_sides.get(other)
        if side is None:  # a sentence is the other side of many pairs: its sets made once
            side = self._soft_sides[other] = (set(other), {w[:5] for w in other if len(w) >= 5},
                                              [o for o in other if len(o) >= 4])
        other_set, prefixes, long_other = side
        rest = [w for w in short if w not in other_set and not (len(w) >= 5 and w[:5] in prefixes)]
        hits = len(short) - len(rest)
        rest = [w for w in rest if len(w) >= 4]
        if rest and long_other:
            hits += sum(process.extractOne(w, long_other, scorer=fuzz.ratio, score_cutoff=80)
                        is not None for w in rest)
        return hits / len(short)

    def features(self, pairs: Sequence[tuple[int, int]], backbone: set[tuple[int, int]]
                 ) -> list[list[float]]:
        """Feature rows (one list per pair, columns as FEATURE_NAMES), in plain Python: the
        work is per pair, so an array library would not make it faster."""
        scorer = self.scorer
        self._prepare(pairs)
        rows: list[list[float]] = []
        space = scorer.space
        title_a, title_b = self.title_a, self.title_b
        last_a, last_b = max(1, self.n_a - 1), max(1, self.n_b - 1)
        speaker_a, speaker_b = self.speakers
        for i, j in pairs:
            m = scorer.pair(i, j)
            fa, fb = self.a[i], self.b[j]
            pa, pb = space.a[i], space.b[j]
            shared_w = space.weight(pa.features & pb.features)
            dice = 2 * shared_w / (pa.weight + pb.weight) if pa.weight + pb.weight > 0 else 0.0
            cover_short = m.cover_a if fa.length <= fb.length else m.cover_b
            ts = fuzz.token_set_ratio(fa.text, fb.text) / 100 if m.score > 0 else 0.0
            tso = fuzz.token_sort_ratio(fa.text, fb.text) / 100 if m.score > 0 else 0.0
            order = (m.score - 0.8 * dice) / 0.2 if m.score > 0 else 0.0
            names_a, names_b = fa.names, fb.names
            shared_names = len(names_a & names_b)
            missing = len(names_a ^ names_b) / (len(names_a | names_b) or 1)
            qa, qb = fa.quoted, fb.quoted
            quote = 0.0
            if qa and qb:
                quote = len(qa & qb) / min(len(qa), len(qb))
            elif qa or qb:
                q, other = (qa, fb.content) if qa else (qb, fa.content)
                quote = 0.5 * len(q & set(other)) / len(q)
            speech_both = fa.speech and fb.speech
            ta, tb = title_a[i], title_b[j]
            pos_a, pos_b = i / last_a, j / last_b
            len_a, len_b = math.log1p(fa.length), math.log1p(fb.length)
            sa, sb = fa.subject, fb.subject
            row = [
                m.score, dice, m.cover_a, m.cover_b, min(m.cover_a, m.cover_b),
                max(m.cover_a, m.cover_b), cover_short, max(0.0, min(1.0, order)), ts, tso,
                self._char_cos(fa, fb), self._soft(fa.content, fb.content),
                math.log1p(shared_names), missing, float(bool(fa.numbers & fb.numbers)),
                float(bool(fa.numbers) and bool(fb.numbers) and not fa.numbers & fb.numbers),
                quote, float(speech_both), float(speech_both and shared_names > 0),
                float(ta), float(tb), float(ta and tb), float(ta != tb),
                pos_a, pos_b, abs(pos_a - pos_b), float(i <= 2 and j <= 2),
                len_a, len_b, min(len_a, len_b) / max(len_a, len_b, 1e-9),
                0.0, 0.0, 0.0, 0.0, 0.0,  # ranks, filled below
                float((i, j) in backbone),
                float(sa is not None and sa == sb),
                float(sa is not None and sb is not None and sa != sb),
                0.0, 0.0, 0.0,
            ]
            # A headline against a body sentence: how much of the headline the sentence carries.
            if ta and not tb:
                row[38] = m.cover_a
            elif tb and not ta:
                row[38] = m.cover_b
            ka, kb = speaker_a[i], speaker_b[j]
            row += [
                float(ka is not None and ka == kb),
                float(ka is not None and kb is not None and ka != kb),
                0.0, 0.0,  # the diagonal neighbours and the document's level, filled below
                _swapped(fa.name_order, fb.name_order),
                float(sa is not None and sb is not None and sa != sb and sa in names_b
                      and sb in names_a),
            ]
            rows.append(row)
        _ranks(rows, pairs)
        _context(rows, pairs)
        if self.semantic is not None and rows:
            for row, value in zip(rows, self.semantic(list(pairs)), strict=True):
                row[39] = float(value)
                row[40] = 1.0
        return rows


def _swapped(order_a: tuple[str, ...], order_b: tuple[str, ...]) -> float:
    """Share of the pairs of shared names that the two sentences mention in opposite order
    (X ... Y against Y ... X: often the actors of the sentence swapped)."""
    shared = set(order_a) & set(order_b)
    if len(shared) < 2:
        return 0.0
    pos_b = {n: k for k, n in enumerate(n for n in order_b if n in shared)}
    seq = [pos_b[n] for n in order_a if n in shared]
    pairs = len(seq) * (len(seq) - 1) // 2
    return sum(x > y for k, x in enumerate(seq) for y in seq[k + 1:]) / pairs


def _context(rows: list[list[float]], pairs: Sequence[tuple[int, int]]) -> None:
    """Features of a pair's surroundings: its neighbours' key along the diagonal (0 for pairs
    that are not candidates: an account that tells a stretch in the same order), and its key
    against the document pair's level (the mean of every sentence's best key, so a pair of
    accounts that share much and one that shares little are judged alike)."""
    key = {p: row[0] + row[10] for p, row in zip(pairs, rows, strict=True)}
    best_a: dict[int, float] = {}
    best_b: dict[int, float] = {}
    for (i, j), k in key.items():
        best_a[i] = max(best_a.get(i, 0.0), k)
        best_b[j] = max(best_b.get(j, 0.0), k)
    level = 0.5 * (sum(best_a.values()) / max(1, len(best_a))
                   + sum(best_b.values()) / max(1, len(best_b)))
    diag, rel = _COL["neigh_diag"], _COL["doc_rel"]
    for (i, j), row in zip(pairs, rows, strict=True):
        row[diag] = max(key.get((i - 1, j - 1), 0.0), key.get((i + 1, j + 1), 0.0))
        row[rel] = key[(i, j)] / level if level > 0 else 0.0


def _ranks(rows: list[list[float]], pairs: Sequence[tuple[int, int]]) -> None:
    """How each pair ranks among each of its sentences' candidates (by score + char cosine):
    rank (capped at 10, over 10), share of the best key, and whether it is both sides' best."""
    key = [row[0] + row[10] for row in rows]
    for side, col_rank, col_rel in ((0, 30, 32), (1, 31, 33)):
        ids = [p[side] for p in pairs]
        # by sentence, then best key first; ties keep the order of ``pairs`` (a stable sort)
        order = sorted(range(len(rows)), key=lambda k: (ids[k], -key[k]))
        previous, rank, best = None, 0, 0.0
        for k in order:
            if ids[k] != previous:
                previous, rank, best = ids[k], 0, key[k]
            else:
                rank += 1
            row = rows[k]
            row[col_rank] = min(rank, 10) / 10
            row[col_rel] = key[k] / max(best, 1e-9) if best > 0 else 0.0
    for row in rows:
        row[34] = float(row[30] == 0 and row[31] == 0)
