"""Topics: named things and recurring content terms of both accounts, grouped and ranked.

Candidates are (1) named things: capitalised runs with titles, day and month names cut out, and
acronyms ("UN Charter", "Korean Peninsula", "BRICS"); (2) content words that recur in two
sentences or more; (3) two-word terms that recur ("peace talks"). Terms are compared by key:
casefolded, hyphens dropped, Snowball-stemmed ("multi-polar" ~ "multipolar"). Keys that are
variants of one idea are grouped: one key a prefix of the other ("hegemon"/"hegemoni"), close
spellings (rapidfuzz), and place/adjective pairs ("Europe"/"European"). A topic's sentences are
every sentence that contains one of its terms, on either side. Topics are ranked: found in both
accounts, mentioned often, named, multi-word first; ones that cover most sentences sink.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import NamedTuple

from rapidfuzz import fuzz, process

from readerui import lazyre as re  # patterns compiled on first use
from readerui.annotate import wordlists
from readerui.annotate.lexicon import Lexicon
from readerui.annotate.namefilter import TOPIC_TITLES, refine_named_topics
from readerui.annotate.names import (
    _is_gerund,
    is_everyday_word,
    is_title_case,
    parse_name,
    runs,
    word_key,
)
from readerui.annotate.wordlists import zipf
from readerui.model import Document, Topic
from readerui.tokens import WORD_RE, normalise, stem

MAX_AUTO_TOPICS = 40
# Suffixes that turn a place into its adjective or relative ("Europe" -> "European").
_PLACE_SUFFIXES = ("n", "an", "ian", "ean", "ese", "ish", "i", "istan", "stan")
_DOTTED_ACRONYM_RE = re.compile(r"\b(?:[A-Z]\.){2,}")
_POSSESSIVE_RE = re.compile(r"['’]s?$")
_SENTENCE_START_RE = re.compile(r"^[\s\"“'‘(\[]*$")
# A word right after these starts a sentence or a quotation: its capital proves nothing.
_AFTER_BREAK_RE = re.compile(r"(?:[.!?:;\"“”‘(\[—–―]|--)['’\"”]?\s*$")
# Prefix grouping needs the shorter key to be at least this long ("hegemon" / "hegemoni").
MIN_PREFIX_KEY = 6
# Two content keys this similar (rapidfuzz ratio) are spellings of one word.
KEY_SIMILARITY = 90.0
# A content word this common in general use (wordfreq Zipf scale: 3 = once per million words)
# is too generic to be a topic on its own ("international", "world", "support").
MAX_TOPIC_ZIPF = 5.3
# The same for languages other than English, which have no list of generic words.
MAX_TOPIC_ZIPF_OTHER = 4.0
# A content word mentioned once is a topic only when rarer than this ("semiconductors" 2.9).
SINGLE_MENTION_ZIPF = 3.0
# A two-word term stands for its words only when neither is an everyday word ("face famine").
PAIR_WORD_ZIPF = 5.0
# Above this, a word is a function word of its language (used when there is no stopword list).
FUNCTION_WORD_ZIPF = 6.0

Key = tuple[str, ...]
_TITLE_KEY = "\x00title"  # stands in the index for title words, which match no term
Where = int  # a sentence, numbered across both accounts (A first)
Place = tuple[str, int]  # (side, sentence id)
_new_counter = Counter.__new__


@lru_cache(maxsize=200_000)
def term_key(word: str, lang: str = "en") -> str:
    """The comparable form of one word: acronyms as they are, numbers casefolded, other words
    casefolded and stemmed."""
    bare = word.replace(".", "")
    if len(bare) >= 2 and bare.isupper() and bare.isalpha():
        return bare
    norm = normalise(word).strip("'")
    if norm.endswith("'s"):
        norm = norm[:-2]
    norm = norm.replace("-", "").replace("'", "")
    if not norm.isalpha():
        return norm
    return stem(norm, lang)


def phrase_key(phrase: str, lang: str = "en") -> Key:
    """Keys of every word of a phrase."""
    return tuple(term_key(w, lang) for w in WORD_RE.findall(_undot(phrase)))


def phrase_zipf(phrase: str, lang: str = "en") -> float:
    """Mean Zipf frequency of the words of a phrase."""
    words = [w.casefold() for w in WORD_RE.findall(phrase)]
    return sum(zipf(w, lang) for w in words) / len(words) if words else 0.0


def _undot(text: str) -> str:
    return _DOTTED_ACRONYM_RE.sub(lambda m: m.group().replace(".", ""), text)


_norm = lru_cache(maxsize=200_000)(normalise)


@lru_cache(maxsize=200_000)
def _is_content(word: str, lang: str) -> bool:
    """A word that can make a content term: lowercase, not a function word, not an adverb."""
    english = lang == "en"
    norm = _norm(word)
    if english and not word[:1].islower():
        return False
    if not english and zipf(norm, lang) >= FUNCTION_WORD_ZIPF:
        return False
    if english and (norm.endswith(("ly", "ward", "wards")) or norm in _NO_TOPIC_WORDS):
        return False  # adverbs ("continuously", "afterward"), amounts ("billions")
    if english and norm.endswith("'s") and norm[:-2] in wordlists.function_words():
        return False  # "he's", "it's": a pronoun and a verb, not a possessive
    return (len(norm) >= 4 and not norm[0].isdigit() and norm not in wordlists.function_words()
            and norm not in wordlists.calendar_words())


# Adverbs and particles without "-ly" ("step aside") and amounts ("billions of dollars"): no
# topic on their own, nor part of a two-word term.
_NO_TOPIC_WORDS = frozenset({"aside", "away", "ahead", "apart", "abroad", "anyway", "anyhow",
                             "instead", "together", "alike", "hundreds", "thousands",
                             "millions", "billions", "trillions", "dozens", "tens"})


def _is_verb(norm: str) -> bool:
    """A reporting or event verb form: never part of a two-word term ("urged de-escalation")."""
    return norm in wordlists.reporting_verbs().forms or norm in wordlists.event_verbs()


class _WordInfo(NamedTuple):
    """What the finder needs of one word as written; made once per distinct word."""

    norm: str
    key: str
    indexed: str  # its key in the index (``_TITLE_KEY`` for title words)
    parts: tuple[str, ...]  # keys of its hyphen parts ("multi-polar")
    capital: bool
    single: Key | None  # (key,) when the word alone is a content term
    opens: bool  # may open a two-word term
    closes: bool  # may close a two-word term
    surface: str  # as written, possessive cut
    acronym: bool
    cue: bool  # a word after which a content word is a verb or describes ("to", "was")


class _Words(dict[str, _WordInfo]):
    """Word -> :class:`_WordInfo` for one language, filled on first sight."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang
        self.english = lang == "en"
        self.titles = wordlists.titles() if self.english else frozenset()
        self.generic = wordlists.generic_words()

    def __missing__(self, word: str) -> _WordInfo:
        lang = self.lang
        norm = _norm(word)
        key = term_key(word, lang)
        content = _is_content(word, lang)
        verb = _is_verb(norm)
        lone = content and norm not in self.generic and not verb
        pairs = self.english or zipf(word.casefold(), lang) < PAIR_WORD_ZIPF
        info = self[word] = _WordInfo(
            norm, key, _TITLE_KEY if norm in self.titles else key,
            tuple(term_key(p, lang) for p in word.split("-") if p) if "-" in word else (),
            word[:1].isupper(), (key,) if lone else None, lone and pairs,
            content and not verb and pairs, _POSSESSIVE_RE.sub("", word),
            len(word) >= 2 and word.isupper() and word.isalpha(),
            self.english and (norm in _VERB_CUES or norm in _ADJECTIVE_CUES
                              or norm.endswith(("ly", "'ll", "’ll"))
                              or (norm.endswith("'s") and norm[:-2] in _PRONOUNS)))
        return info


@dataclass(slots=True)
class _Candidate:
    """A term seen in the text: its key, surface forms counted, where seen, whether named."""

    key: Key
    named: bool
    surfaces: Counter[str] = field(default_factory=Counter)
    where: set[Where] = field(default_factory=set)
    first: int = 0  # order of first sighting (A before B)


@dataclass(slots=True)
class _Index:
    """Keys of every sentence of both accounts, for matching terms (sentences are numbered
    across both accounts, A first: see ``_Finder.sides``)."""

    seqs: list[list[str]] = field(default_factory=list)
    # ascending, no repeats (a defaultdict: ``get`` for look-ups, which adds nothing)
    by_key: defaultdict[str, list[Where]] = field(default_factory=lambda: defaultdict(list))
    pairs: dict[Key, list[Where]] = field(default_factory=dict)  # two-word terms, made once

    def index_pairs(self, keys: Iterable[Key]) -> None:
        """Find the sentences of many two-word terms in one pass over the text."""
        wanted = {k for k in keys if len(k) == 2 and k not in self.pairs}
        if not wanted:
            return
        found: dict[Key, list[Where]] = {k: [] for k in wanted}
        get = found.get
        for where, seq in enumerate(self.seqs):
            for pair in itertools.pairwise(seq):
                if pair in wanted:
                    hits = get(pair)
                    if not hits or hits[-1] != where:
                        hits.append(where)  # type: ignore[union-attr]
        self.pairs.update(found)

    def count(self, key: Key) -> int:
        """How many sentences contain the term, at most (exact for one and two words)."""
        if len(key) == 1:
            return len(self.by_key.get(key[0], ()))
        if len(key) == 2:
            if key not in self.pairs:
                self.index_pairs((key,))
            return len(self.pairs[key])
        return min(len(self.by_key.get(k, ())) for k in key)

    def match(self, key: Key) -> set[Where]:
        """Sentences containing the term (a one-word term also matches hyphen parts)."""
        if len(key) == 1:
            return set(self.by_key.get(key[0], ()))
        if len(key) == 2:
            if key not in self.pairs:
                self.index_pairs((key,))
            return set(self.pairs[key])
        # Intersect from the rarest word: common words ("the") have huge sentence sets.
        postings = sorted([self.by_key.get(k, ()) for k in set(key)], key=len)
        found = set(postings[0])
        for other in postings[1:]:
            if not found:
                break
            found.intersection_update(other)
        out = set()
        n = len(key)
        for where in found:
            seq = self.seqs[where]
            if any(tuple(seq[i:i + n]) == key for i in range(len(seq) - n + 1)):
                out.add(where)
        return out


# A word of a sentence with the text between it and the word before: (text before, word).
# Between two matches of WORD_RE there are only non-word characters, so this finds its words.
_SEP_WORD_RE = re.compile(rf"(\W*)({WORD_RE.pattern})")
# A named-thing event: (key, surface) added, or (key, word, normalised word) left pending.
_NamedEvent = tuple[Key, str] | tuple[Key, str, str]


class _Finder:
    """Collects candidates from both accounts, then groups and ranks them."""

    def __init__(self, lang: str, excluded: set[Key]) -> None:
        self.lang = lang
        self.english = lang == "en"
        self.excluded = excluded
        self.candidates: dict[Key, _Candidate] = {}
        self.index = _Index()
        self.sides: list[tuple[str, int]] = []  # (side, sentence id) of every sentence number
        self.capitalised_inside: set[str] = set()  # words seen capitalised mid-sentence
        # content word key -> how often it was seen right before another content word
        # ("mutual" in "mutual trust"): a word seen only there is a modifier, not a topic
        self.modifies: dict[str, int] = {}
        # content word key -> how often it came right after a word that opens a verb phrase
        # ("to", "will", "he", "not": "to interfere", "he supports")
        self.after_verb_cue: dict[str, int] = {}
        # one-word names seen opening a sentence: (key, word, where, normalised word)
        self.pending: list[tuple[Key, str, Where, str]] = []
        self._words = _Words(lang)
        self._breaks: dict[str, bool] = {}  # text before a word -> the word opens a sentence
        self._runs: dict[tuple[str, bool], tuple[_NamedEvent, ...]] = {}

    def _add(self, key: Key, surface: str, where: Where, named: bool) -> None:
        if key in self.excluded or not key:
            return
        cand = self.candidates.get(key)
        if cand is None:
            # Counter.__new__: an empty Counter without its Python-level __init__ (the bulk of
            # the cost when every content word of a long pair is a candidate)
            cand = self.candidates[key] = _Candidate(key, named, _new_counter(Counter), set(),
                                                     len(self.candidates))
        cand.named = cand.named or named
        surfaces = cand.surfaces
        surfaces[surface] = surfaces.get(surface, 0) + 1  # no Counter.__missing__ call
        cand.where.add(where)

    def read(self, side: str, doc: Document) -> None:
        """Index every sentence and collect its candidates.

        Per word of the text this is look-ups in tables made once per distinct word
        (``_Words``) and per distinct text between words (``_breaks``); the candidates are
        added here inline (the body of ``_add``).
        """
        words = self._words
        breaks = self._breaks
        by_key = self.index.by_key
        seqs = self.index.seqs
        candidates = self.candidates
        excluded = self.excluded
        capitalised = self.capitalised_inside
        modifies = self.modifies
        after_cue = self.after_verb_cue
        english = self.english
        for sentence in doc.sentences:
            where = len(seqs)
            self.sides.append((side, sentence.id))
            text = sentence.text
            if "." in text:
                text = _undot(text)
            found = _SEP_WORD_RE.findall(text)
            infos = [words[word] for _, word in found]
            # the index: every word's key, and the keys of hyphen parts
            indexed = [info[2] for info in infos]
            seqs.append(indexed)
            keys = set(indexed)
            if "-" in text:
                keys.update([part for info in infos for part in info[3]])
            for key in keys:
                by_key[key].append(where)
            opener: tuple[str, str] | None = None  # (key, surface) of a word opening a pair
            cue = False  # the word before opens a verb phrase
            for n, ((before, _), info) in enumerate(zip(found, infos, strict=True)):
                norm, key, _, _, capital, term, opens, closes, surface, _, word_cue = info
                if capital and n:
                    opens_sentence = breaks.get(before)
                    if opens_sentence is None:
                        opens_sentence = breaks[before] = \
                            _AFTER_BREAK_RE.search(before[-4:]) is not None
                    if not opens_sentence:
                        capitalised.add(norm)
                # content terms: the word before with this one ("peace talks"), then this one
                # (as ``_add`` would, inline: this runs for most words of the text)
                if opener is not None and closes and not before.strip():
                    pair = (opener[0], key)
                    pair_surface = f"{opener[1]} {surface}"
                    modifies[opener[0]] = modifies.get(opener[0], 0) + 1
                    cand = candidates.get(pair)
                    if cand is None:
                        if pair not in excluded:
                            cand = candidates[pair] = _Candidate(
                                pair, False, _new_counter(Counter), {where}, len(candidates))
                            cand.surfaces[pair_surface] = 1
                    else:
                        counts = cand.surfaces
                        counts[pair_surface] = counts.get(pair_surface, 0) + 1
                        cand.where.add(where)
                if term is not None:
                    if cue and not before.strip():
                        after_cue[key] = after_cue.get(key, 0) + 1
                    cand = candidates.get(term)
                    if cand is None:
                        if term not in excluded:
                            cand = candidates[term] = _Candidate(
                                term, False, _new_counter(Counter), {where}, len(candidates))
                            cand.surfaces[surface] = 1
                    else:
                        counts = cand.surfaces
                        counts[surface] = counts.get(surface, 0) + 1
                        cand.where.add(where)
                opener = (key, surface) if opens else None
                cue = word_cue
            if english and not is_title_case(text) and not _is_heading(text):
                # "WASHINGTON — ...": a dateline is not a topic
                self._named_things(_DATELINE_RE.sub(lambda m: " " * len(m.group()), text),
                                   where)
            elif not english:
                for _, word in found:
                    info = words[word]
                    if info.acronym:
                        self._add((info.key,), word, where, named=True)

    def _named_things(self, text: str, where: Where) -> None:
        """Add the named things of a sentence (per run, from ``_run_events``)."""
        runs_seen = self._runs
        committee = "ommittee" in text
        for start, end, run in runs(text):
            if committee and " " in run and _COMMITTEE_AFTER_RE.match(text, end) and sum(
                    w.casefold() not in wordlists.function_words() for w in run.split()) >= 2:
                # "the Senate Intelligence committee(s)": the committee's name, lowercase head
                # (one word is a description: "the GOP committee members")
                run = f"{run} Committee"
            at_start = bool(_SENTENCE_START_RE.match(text[:start])
                            or _AFTER_BREAK_RE.search(text, max(0, start - 4), start))
            events = runs_seen.get((run, at_start))
            if events is None:
                events = runs_seen[(run, at_start)] = tuple(self._run_events(run, at_start))
            for event in events:
                if len(event) == 2:
                    self._add(event[0], event[1], where, named=True)
                else:
                    key, word, norm = event
                    self.pending.append((key, word, where, norm))

    def _run_events(self, run: str, at_start: bool) -> list[_NamedEvent]:
        """The named things of one capitalised run (``at_start``: it opens a sentence)."""
        function = wordlists.function_words()
        out: list[_NamedEvent] = []
        words = run.split()
        skip = _title_words(words)
        fragments: list[list[str]] = [[]]
        for w, skipped in zip(words, skip, strict=True):
            if skipped:
                fragments.append([])
                continue
            fragments[-1].append(w.rstrip(".") if len(w.rstrip(".")) > 1 else w)
            if w.endswith(("'s", "’s", "'", "’")):  # "Spain's Catalonia": two names
                fragments.append([])
        for n, fragment in enumerate(fragments):
            while fragment and word_key(fragment[0]) in function:
                fragment.pop(0)
                at_start = False
            while fragment and word_key(fragment[-1]) in function | {"of", "for"}:
                fragment.pop()
            if not fragment:
                continue
            first_of_sentence = at_start and n == 0 and fragment[0] == words[0]
            if (first_of_sentence and len(fragment) > 2 and fragment[1] == "of"
                    and fragment[0].endswith("s") and is_everyday_word(fragment[0])):
                # "Leaders of the Shanghai Cooperation Organization met": the organisation
                fragment, first_of_sentence = fragment[2:], False
                while fragment and word_key(fragment[0]) in function:
                    fragment.pop(0)
                if not fragment:
                    continue
            self._named_events(fragment, first_of_sentence, out)
        return out

    def _named_events(self, words: list[str], first_of_sentence: bool,
                      out: list[_NamedEvent]) -> None:
        words = [_POSSESSIVE_RE.sub("", w) for w in words]
        words = [w for w in words if w]
        if not words:
            return
        if len(words) == 1:
            word = words[0]
            norm = normalise(word)
            if norm in wordlists.generic_words() or norm in wordlists.function_words():
                return
            if first_of_sentence and not (word.isupper() or norm in wordlists.places()):
                # "Noting", "Polls", "Russia": a sentence-initial word is a name only if it is
                # also seen capitalised inside a sentence; decided in `keep`.
                out.append(((term_key(word, self.lang),), word, norm))
                return
        if "of" in words[1:-1]:  # "Ana Ruiz of Chile": a speaker's name is not a topic
            cut = words.index("of")
            before = tuple(term_key(w, self.lang) for w in words[:cut])
            if before in self.excluded:
                words = words[cut + 1:]
                while words and word_key(words[0]) in wordlists.function_words():
                    words = words[1:]  # "... of the Supreme Court": the court, not "the"
                if not words:
                    return
            elif _is_full_name(words[:cut]):  # "Jay Inslee of Washington": the person
                words = words[:cut]
        if self.english and len(words) >= 2:
            words = _without_opening_description(words)
        key = tuple(term_key(w, self.lang) for w in words)
        out.append((key, " ".join(words)))
        if len(words) > 1 and " ".join(words).casefold() not in wordlists.place_names():
            # "Neighbouring Countries of Nepal": the place is a topic too; not "York" of "New York"
            inside = _whole_places(words)
            for start, end in inside:
                place = words[start:end]
                out.append((tuple(term_key(w, self.lang) for w in place), " ".join(place)))
            covered = {i for start, end in inside for i in range(start, end)}
            for i, word in enumerate(words):
                if i not in covered and normalise(word) in wordlists.places():
                    out.append(((term_key(word, self.lang),), word))

    def keep(self, n_sentences: int) -> list[_Candidate]:
        """The candidates worth a topic."""
        for key, word, where, norm in self.pending:
            if norm in self.capitalised_inside:
                self._add(key, word, where, named=True)
        kept = []
        named_keys = {k for k, c in self.candidates.items() if c.named}
        for key, cand in self.candidates.items():
            if cand.named:
                if len(key) == 1 and "-" in next(iter(cand.surfaces)):
                    parts = [term_key(p, self.lang) for p in next(iter(cand.surfaces)).split("-")]
                    if all((p,) in named_keys for p in parts):
                        continue  # "X-Y talks": the parts are topics themselves
                kept.append(cand)
                continue
            if not self.english and len(cand.where) > max(3, n_sentences // 5):
                continue  # very frequent words of an unknown language are function words
            kept.append(cand)
        # A word that only ever occurs inside one kept two-word term is that term
        # ("humanitarian" -> "humanitarian crisis"), unless the other word is an everyday one
        # ("face famine" does not swallow "famine").
        pairs_with: dict[str, list[_Candidate]] = {}
        for c in kept:
            if len(c.key) == 2 and len(c.where) >= 2 and all(
                    zipf(w, self.lang) < PAIR_WORD_ZIPF
                    for w in next(iter(c.surfaces)).split()):
                for part in set(c.key):
                    pairs_with.setdefault(part, []).append(c)
        out = []
        for cand in kept:
            if len(cand.key) == 1 and not cand.named and any(
                c.where >= cand.where for c in pairs_with.get(cand.key[0], ())
            ):
                continue
            out.append(cand)
        return out


def _whole_places(words: list[str]) -> list[tuple[int, int]]:
    """(start, end) of every place name of several words inside a run ("New York" of
    "Governor of New York State")."""
    names = wordlists.place_names()
    keys = [normalise(w) for w in words]
    found: list[tuple[int, int]] = []
    i = 0
    while i < len(keys):
        for end in range(min(len(keys), i + 4), i + 1, -1):
            if " ".join(keys[i:end]) in names:
                found.append((i, end))
                i = end - 1
                break
        i += 1
    return found


def _is_heading(text: str) -> bool:
    """A short line of capitalised words without an end mark ("Site Navigation Menu"): a
    heading or page furniture, whose capitals name nothing."""
    if len(text) > 80 or text.rstrip().endswith((".", "!", "?", '"', "”", "'", "’", ":")):
        return False  # (most sentences: decided without reading their words)
    words = WORD_RE.findall(text)
    function = wordlists.function_words()
    content = [w for w in words if w.casefold() not in function]
    return 2 <= len(content) <= 5 and all(w[:1].isupper() for w in content)


def _without_opening_description(words: list[str]) -> list[str]:
    """A run without the words that describe what it names: a party word before a person's
    full name ("Democrat Jane Roe" -> "Jane Roe", so the party is not taken for her given
    name), a participle opening a headline-like run ("Keeping Fort Sumter" -> "Fort
    Sumter")."""
    if (len(words) >= 3 and word_key(words[0]) in _PARTY_PREFIXES
            and _may_open_a_name(words[1]) and _is_full_name(words[1:])):
        return words[1:]
    if (len(words) >= 2 and _is_gerund(words[0]) and not words[0].isupper()
            and not is_everyday_word(words[1])
            and not (word_key(words[-1]) in wordlists.org_words()
                     and word_key(words[-1]) not in _SELF_NAMING_ORGS)):
        # a participle with a name as its object; not an adjective before a noun
        # ("Neighboring Countries of ..."), nor the field of a body ("Banking Committee")
        return words[1:]
    return words


# Organisation words that name one body on their own ("Diverting Pentagon" is "Pentagon").
_SELF_NAMING_ORGS = frozenset({"pentagon", "kremlin", "congress", "senate", "parliament"})
def _title_words(words: list[str]) -> list[bool]:
    """Which words of a run are titles, their modifiers next to them, or dates: not names.

    "Foreign Minister" and "State Councilor" go; "Montana State University" stays whole.
    """
    keys = [word_key(w) for w in words]
    marked = [k in wordlists.titles() or k in TOPIC_TITLES or k in wordlists.calendar_words()
              for k in keys]
    modifiers = wordlists.title_modifiers()
    for i in range(len(keys) - 2, -1, -1):  # "Prime" before "Minister"
        if keys[i] in modifiers and marked[i + 1]:
            marked[i] = True
    for i in range(1, len(keys)):  # "Secretary of State": "of" then "State" after a title
        if (keys[i] in modifiers or keys[i] in ("of", "the")) and marked[i - 1]:
            marked[i] = True
    return marked


def _group(cands: list[_Candidate]) -> list[list[_Candidate]]:
    """Union candidates that are variants of one idea."""
    parent = list(range(len(cands)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        parent[find(i)] = find(j)

    singles = [(i, c) for i, c in enumerate(cands) if len(c.key) == 1]
    buckets: dict[str, list[tuple[int, _Candidate]]] = {}
    for i, c in singles:
        buckets.setdefault(c.key[0][:4].lower(), []).append((i, c))
    for members in buckets.values():
        if len(members) <= _SMALL_BUCKET:
            for x in range(len(members)):
                for y in range(x + 1, len(members)):
                    (i, a), (j, b) = members[x], members[y]
                    if _variants(a, b):
                        union(i, j)
        else:
            for i, j in _variant_pairs(members):
                union(i, j)
    # An acronym and its expansion are one topic: "ECB" and "European Central Bank".
    expansions: dict[str, int] = {}
    for i, c in enumerate(cands):
        if c.named and len(c.key) >= 2:
            initials = _initials(c.surfaces.most_common(1)[0][0])
            if len(initials) >= 2:
                expansions.setdefault(initials, i)
    for i, c in singles:
        if c.named and c.key[0].isupper() and c.key[0] in expansions:
            union(i, expansions[c.key[0]])
    # A surname alone and the one person's full name it ends are one topic ("Comey" and
    # "James Comey", "James B. Comey"); a surname two people share stays apart.
    full_by_last: dict[str, list[int]] = {}
    for i, c in enumerate(cands):
        if c.named and 2 <= len(c.key) <= 4 and _is_full_name(_surface(c).split()):
            for j in full_by_last.get(c.key[-1], []):
                if cands[j].key[0] == c.key[0] or _same_given_name(cands[j], c):
                    union(i, j)  # same first and last name ("Ed" is "Edward")
            full_by_last.setdefault(c.key[-1], []).append(i)
    full_by_first: dict[str, set[int]] = {}
    for ids in full_by_last.values():
        for j in ids:
            full_by_first.setdefault(cands[j].key[0], set()).add(find(j))
    for i, c in singles:
        if not c.named or c.key[0].isupper():
            continue
        if c.key[0] in full_by_last:  # "Comey"
            people = {find(j) for j in full_by_last[c.key[0]]}
            if len(people) == 1:
                union(i, full_by_last[c.key[0]][0])
        elif len(full_by_first.get(c.key[0], ())) == 1 and _may_open_a_name(_surface(c)):
            # "Huma": the one person so called (not "Marijuana" of "Marijuana Policy Project")
            union(i, next(iter(full_by_first[c.key[0]])))
    # The same name written in capitals or not is one topic ("DREAM Act", "Dream Act").
    by_case: dict[str, int] = {}
    for i, c in enumerate(cands):
        if c.named:
            j = by_case.setdefault(_surface(c).casefold(), i)
            if j != i:
                union(i, j)
    groups: dict[int, list[_Candidate]] = {}
    for i, c in enumerate(cands):
        groups.setdefault(find(i), []).append(c)
    return list(groups.values())


# A bucket of one-word candidates larger than this is searched by ``_variant_pairs``.
_SMALL_BUCKET = 12


def _variant_pairs(members: list[tuple[int, _Candidate]]) -> Iterable[tuple[int, int]]:
    """The pairs of a bucket that ``_variants`` joins, without trying every pair in Python:
    pairs with a named candidate are tried one by one; two content words are variants when
    both keys are at least ``MIN_PREFIX_KEY`` long and one starts the other (so they share
    their first ``MIN_PREFIX_KEY`` letters), or both are at least 7 long and close
    (rapidfuzz's ``process.extract``, in C, with the same ratio and cut-off)."""
    named = [m for m in members if m[1].named]
    plain = [m for m in members if not m[1].named]
    for x, (i, a) in enumerate(named):
        for j, b in itertools.chain(named[x + 1:], plain):
            if _variants(a, b):
                yield i, j
    by_prefix: dict[str, list[tuple[int, str]]] = {}
    for i, c in plain:
        if len(c.key[0]) >= MIN_PREFIX_KEY:
            by_prefix.setdefault(c.key[0][:MIN_PREFIX_KEY], []).append((i, c.key[0]))
    for same in by_prefix.values():
        for x, (i, ka) in enumerate(same):
            for j, kb in same[x + 1:]:
                short, long = sorted((ka, kb), key=len)
                if ka.isupper() == kb.isupper() and long.startswith(short):
                    yield i, j
    close = [(i, c.key[0]) for i, c in plain if len(c.key[0]) >= 7]
    keys = [k for _, k in close]
    for x, (i, ka) in enumerate(close):
        for _, _, y in process.extract(ka, keys[x + 1:], scorer=fuzz.ratio,
                                       score_cutoff=KEY_SIMILARITY, limit=None):
            j, kb = close[x + 1 + y]
            if ka.isupper() == kb.isupper():
                yield i, j


def _same_given_name(a: _Candidate, b: _Candidate) -> bool:
    """Whether two full names open with forms of one given name ("Ed" and "Edward")."""
    first_a = normalise(_surface(a).split()[0])
    first_b = normalise(_surface(b).split()[0])
    return (first_b in wordlists.given_name_forms(first_a)
            or first_a in wordlists.given_name_forms(first_b))


def _surface(cand: _Candidate) -> str:
    """The most frequent surface form of a candidate."""
    return cand.surfaces.most_common(1)[0][0]


def _is_full_name(words: Sequence[str]) -> bool:
    """A person's name of two words or more, with no title ("James B. Comey")."""
    if len(words) < 2:
        return False
    name = parse_name(" ".join(words))
    return name is not None and name.kind == "person" and not name.titled \
        and len(name.words) >= 2


def _initials(phrase: str) -> str:
    """ "European Central Bank" -> "ECB"; "Shanghai Cooperation Organization" -> "SCO"."""
    return "".join(w[0] for w in phrase.split()
                   if w[:1].isupper() and w.lower() not in ("of", "the", "for", "and"))


def _variants(a: _Candidate, b: _Candidate) -> bool:
    """Two one-word candidates that name one idea."""
    ka, kb = a.key[0], b.key[0]
    if ka.isupper() != kb.isupper():
        return False
    if a.named or b.named:
        if not (a.named and b.named):
            return ka.lower() == kb.lower()
        na = normalise(a.surfaces.most_common(1)[0][0])
        nb = normalise(b.surfaces.most_common(1)[0][0])
        short, long = sorted((na, nb), key=len)
        long = long[:-1] if long.endswith("ns") else long  # "Americans", "Coloradans"
        if len(short) >= 4 and long.startswith(short) and long[len(short):] in _PLACE_SUFFIXES:
            return True  # "Europe" / "European"
        if (len(short) >= 5 and short[-1] in "aeo" and long.startswith(short[:-1])
                and long[len(short) - 1:] in ("an", "ian") and short in wordlists.places()):
            return True  # "Colorado" / "Coloradan"
        demonyms, places = wordlists.demonyms(), wordlists.places()
        return na[:4] == nb[:4] and ((na in demonyms and nb in places)
                                     or (nb in demonyms and na in places))  # "China"/"Chinese"
    short, long = sorted((ka, kb), key=len)
    if len(short) >= MIN_PREFIX_KEY and long.startswith(short):
        return True
    return min(len(ka), len(kb)) >= 7 and fuzz.ratio(ka, kb) >= KEY_SIMILARITY


def _topic_name(group: list[_Candidate]) -> str:
    """The most frequent surface form; ties go to nouns over verb forms ("de-escalation" over
    "de-escalating"), places over their adjectives, then the shortest, then the first seen."""
    counts: Counter[str] = Counter()
    full = [c for c in group if len(c.key) >= 2 and c.named and _is_full_name(_surface(c).split())]
    if full and len(full) < len(group):  # a person: the full name, not the bare surname
        group = full
    for c in group:
        counts.update(c.surfaces)
    first = min(group, key=lambda c: c.first)
    nouns = any(s.endswith(_NOUN_ENDINGS) for s in counts)
    return min(counts, key=lambda s: (" " not in s and s.casefold().endswith(_ADJECTIVE_ENDINGS),
                                      nouns and " " not in s and _verb_form(s),
                                      -counts[s], s.endswith(("ing", "ed")),
                                      normalise(s) not in wordlists.places(), len(s),
                                      s not in first.surfaces, s))


def _terms(group: list[_Candidate]) -> tuple[str, ...]:
    counts: Counter[str] = Counter()
    for c in group:
        counts.update(c.surfaces)
    seen: dict[str, str] = {}
    for surface, _ in counts.most_common():
        seen.setdefault(surface.casefold(), surface)
    return tuple(seen.values())


def _split(where: set[Place]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    return (tuple(sorted(i for s, i in where if s == "a")),
            tuple(sorted(i for s, i in where if s == "b")))


def _score(topic: Topic, named: bool, total: int, lang: str) -> float:
    """Higher for topics in both accounts, mentioned often, named, multi-word and specific."""
    count = len(topic.a) + len(topic.b)
    score = 2.0 * math.log2(1 + count)
    if topic.a and topic.b:
        score += 2.0
    specific = min(1.3, max(0.0, (6.0 - phrase_zipf(topic.name, lang)) / 3.0))
    if named:
        score += 5.0 + specific
    else:  # a content word counts by how specific it is: "hegemony" far above "relations"
        score += 3.0 * specific
    if " " in topic.name or "-" in topic.name:
        score += 0.5
    verbish = sum(t.endswith(("ed", "ing")) for t in topic.terms) / len(topic.terms)
    score -= 2.0 * verbish if not named else 0.0
    if total and count / total > 0.3:  # in most sentences: the setting, not a topic
        score -= 8.0
    return score


# Party-and-state labels ("D-Va") and AP state abbreviations ("Calif", from "(D-Calif.)").
_PARTY_LABEL_RE = re.compile(
    r"^(?:[DRI]-[A-Z][\w.]*|Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ill|Ind|Kan|Ky|Md|Mass|Mich|"
    r"Minn|Miss|Mont|Neb|Nev|Okla|Ore|Tenn|Tex|Wis|Wyo)$")
_COMMITTEE_AFTER_RE = re.compile(r"\s+(?:committee|committees|subcommittee)\b")
_DATELINE_RE = re.compile(r"^[A-Z][A-Z .,'’\-]{2,40}?\s*[—–―-]+\s*")
_CONTRACTION_RE = re.compile(r"['’](?:m|ve|re|ll|d|s|t)\b", re.IGNORECASE)
_ADJECTIVE_ENDINGS = ("ous", "ive", "ful", "less", "ic", "able", "ible", "ish", "ary", "ory",
                      "bound", "ize", "ise", "ical", "tial", "cial", "ional")
_NAMED_ADJECTIVE_ENDINGS = ("ical", "tial", "cial", "ional")
# Endings of adjectives only (no noun ends so): a two-word term ending in one is a predicate.
_PREDICATE_ENDINGS = ("able", "ible", "ous", "ful", "less", "ical")
_MODIFIER_TAILS = frozenset({"era", "led", "controlled", "passed", "based", "backed", "style",
                             "born", "owned", "funded", "run", "linked", "allied", "leaning"})
# Organisation words that name nothing on their own ("the Office", "Committee").
_BARE_ORG_WORDS = frozenset({"office", "committee", "department", "agency", "board",
                             "commission", "group", "company", "center", "centre", "bureau"})
# A one-word name this common in general use needs three mentions ("Instead", "Project").
COMMON_NAME_ZIPF = 5.0
# A named thing of more words than this, with no organisation word, is a capitalised phrase
# (a headline quotation), not a name.
MAX_NAME_WORDS = 5
# A content word on its own is a topic only when mentioned in this many sentences or more ...
MIN_WORD_MENTIONS = 3
# ... and rarer than this in general use ("wall" 5.1 stays; "help", "view" go).
MAX_WORD_ZIPF = 5.2
# ... or, mentioned in two sentences only, rarer than this ("poll" stays; "view" goes).
TWO_MENTION_ZIPF = 4.6
# A content word at least this common in general use (10 per million words) is an everyday
# word: on its own it is a topic only when it is a theme of the story, found in at least
# ``THEME_SHARE`` of the sentences of both accounts ("strike" of a strike story stays;
# "situation" or "principles" mentioned in a few sentences go).
EVERYDAY_ZIPF = 4.05
THEME_SHARE = 0.2


@cache
def _unnamed_people() -> frozenset[str]:
    """Unnamed sources that are no topic ("critics", "aides"), and nouns that stand for an
    unnamed person of the story ("the nominee", "a commentator"); party names stay topics."""
    return (wordlists.unnamed_sources() | _PERSON_NOUNS) - wordlists.party_members()


# Nouns for a person the story does not name here; alone, or ending a term ("presidential
# hopeful"), no topic.
_PERSON_NOUNS = frozenset({"nominee", "nominees", "commentator", "commentators", "historian",
                           "historians", "presidents", "earners", "hopeful", "hopefuls",
                           "spokesman", "spokeswoman", "contender", "contenders"})


def _named_worth(group: list[_Candidate], where: set[Place], lang: str) -> bool:
    """A named thing, unless it is a party label, a contraction, a capitalised phrase, or an
    everyday word capitalised once ("Freedom")."""
    name = max((s for c in group for s in c.surfaces), key=len)
    words = name.split()
    if _PARTY_LABEL_RE.match(name) or _CONTRACTION_RE.search(name):
        return False
    if len(words) > MAX_NAME_WORDS and not any(
            word_key(w) in wordlists.org_words() for w in words):
        return False
    if lang != "en":
        return True
    if len(words) > 1:  # "Republican of New Jersey": a description, not a name
        return not ("of" in words and word_key(words[0]) in wordlists.unnamed_sources())
    if len(name.rstrip(".")) < 2:
        return False  # "W", an initial
    if "-" in name and name.rsplit("-", 1)[1].casefold() in _MODIFIER_TAILS:
        return False  # "Bush-era", "Democratic-led": a modifier, not a name
    key = normalise(name)
    if key in _BARE_ORG_WORDS or key in _unnamed_people():
        return False  # "Office" alone; "Critics" opening a sentence
    if all(normalise(s) in _PARTY_ADJECTIVES for c in group for s in c.surfaces):
        return False  # "Democratic" alone: an adjective (not "Democrats" written so once)
    if name.isupper():  # "WASHINGTON" of a dateline is the place, not an acronym
        return not (len(name) > 4 and key in wordlists.places())
    if key in wordlists.places() or key in wordlists.demonyms():
        return True
    if key.endswith(_NAMED_ADJECTIVE_ENDINGS):  # "Congressional", "Presidential"
        return False
    if len(where) < 3 and zipf(key) >= COMMON_NAME_ZIPF:
        return False
    return not (len(where) < 2 and is_everyday_word(name))


def _content_worth(surfaces: list[str], lang: str) -> bool:
    """A content term made of nouns, not verb forms, adjectives on their own or contractions."""
    bad = 0
    for surface in surfaces:
        if _CONTRACTION_RE.search(surface):
            return False
        words = surface.split()
        bad += any(w.casefold().endswith(("ing", "ed")) or _is_verb(w.casefold()) or (
            len(words) == 1 and w.casefold().endswith(_ADJECTIVE_ENDINGS)) for w in words)
    return 2 * bad <= len(surfaces) if len(surfaces) > 1 else bad == 0


def _may_be_worth(group: list[_Candidate], lang: str) -> bool:
    """What ``_worth_a_topic`` can tell without the sentences: a content term made of verb
    forms or adjectives never is (long pairs have tens of thousands of such candidates)."""
    return (any(c.named for c in group) or lang != "en"
            or _content_worth([x for c in group for x in c.surfaces], lang))


def _worth_a_topic(group: list[_Candidate], where: set[Place], lang: str, total: int = 0,
                   modifier: Callable[[str], bool] | None = None,
                   verb_cued: dict[str, int] | None = None,
                   modifies: dict[str, int] | None = None) -> bool:
    """Named things always; content terms when they recur and are not everyday words
    (after ``_may_be_worth``). ``total`` is the number of sentences of both accounts and
    ``modifier`` tells whether a content word (by key) is only ever seen as a modifier;
    ``verb_cued`` counts the words seen right after a word opening a verb phrase."""
    if any(c.named for c in group) and not (lang == "en" and _topic_name(group)[:1].islower()):
        # (a word mostly written in lower case is a content word that once opened a run:
        # "Deep" of "Deep State" beside "deep" is judged as "deep")
        return _named_worth([c for c in group if c.named], where, lang)
    single_words = all(len(c.key) == 1 for c in group)
    if not single_words:
        if lang == "en" and modifier is not None and any(
                len(c.key) == 2 and modifier(c.key[1]) for c in group):
            return False  # "develop bilateral" of "develop bilateral relations": a fragment
        if lang == "en" and all(s.split()[-1].casefold().endswith(_PREDICATE_ENDINGS)
                                for c in group for s in c.surfaces):
            return False  # "remains questionable": a term ends in a noun, not an adjective
        return len(where) >= 2
    surfaces = [x for c in group for x in c.surfaces]
    if lang == "en" and 2 * sum(x.endswith("ed") for x in surfaces) >= len(surfaces):
        return False  # "discussed", "raised": verbs, not topics
    if lang == "en" and all(normalise(x) in _unnamed_people() for x in surfaces):
        return False  # "critics", "aides": the unnamed sources of the story, not its topics
    cued = sum(verb_cued.get(c.key[0], 0) for c in group) if verb_cued is not None else 0
    if lang == "en" and cued and 2 * cued > sum(sum(c.surfaces.values()) for c in group):
        return False  # "to interfere", "he supports": a verb, not a topic
    if lang == "en" and modifier is not None and all(modifier(c.key[0]) for c in group):
        return False  # "mutual" of "mutual trust": an adjective, the term is the pair
    if lang == "en" and verb_cued is not None and modifies is not None and all(
            _only_describes(c, modifies, verb_cued) for c in group):
        return False  # "So dishonest!" and "dishonest media": an adjective wherever seen
    if lang == "en" and _base_verb(_topic_name(group)):
        return False  # "undermine", "resign": a verb's plain form, not a thing
    rarest = min(zipf(x.casefold(), lang) for x in surfaces)
    if (lang == "en" and zipf(_topic_name(group).casefold(), lang) >= EVERYDAY_ZIPF
            and len(where) < THEME_SHARE * total):
        return False  # "situation", "principles": everyday words unless the story's theme
    if lang == "en" and _no_theme(surfaces, where, total):
        return False  # "maladies" once, "nastiness": no theme of the story
    if len(where) < 2:  # once only: worth it when the word is rare ("overcapacity")
        return 0 < rarest < SINGLE_MENTION_ZIPF
    if lang == "en" and ((len(where) < MIN_WORD_MENTIONS and rarest >= TWO_MENTION_ZIPF)
                         or rarest >= MAX_WORD_ZIPF):
        return rarest < SINGLE_MENTION_ZIPF  # everyday words need to be frequent here
    # Without a list of generic words (other languages), only uncommon words qualify.
    return rarest < (MAX_TOPIC_ZIPF if lang == "en" else MAX_TOPIC_ZIPF_OTHER)


# A lone word needs at least two sentences when one sentence is less than this share of the
# pair (40 sentences or more).
MIN_THEME_SHARE = 1 / 40
# Nouns ending in "-ness" that name things, not qualities.
_THING_NESS = frozenset({"business", "businesses", "witness", "witnesses", "wilderness",
                         "harness", "fitness", "wellness"})


def _no_theme(surfaces: list[str], where: set[Place], total: int) -> bool:
    """A lone English content word that is no theme of a story: one found in a single
    sentence of a pair where one sentence is under ``MIN_THEME_SHARE`` of the text
    ("maladies", "backstop" in a story of 60 sentences, however rare), or a quality named by
    "-ness" ("nastiness", "willingness"). A short readout keeps its rare words."""
    if len(where) < 2 and len(where) < MIN_THEME_SHARE * total:
        return True
    return all(x.casefold().endswith(("ness", "nesses")) and x.casefold() not in _THING_NESS
               for x in surfaces)


def _only_describes(cand: _Candidate, modifies: dict[str, int], cued: dict[str, int]) -> bool:
    """Every sighting of a lone content word describes: it stands right before another
    content word ("dishonest media") or right after a copula, a degree word or a verb cue
    ("was testy", "so dishonest"); seen once, only after a cue. A plural is a noun."""
    if len(cand.key) != 1 or cand.named or any(x.endswith("s") for x in cand.surfaces):
        return False
    key = cand.key[0]
    after_cue = cued.get(key, 0)
    seen = sum(cand.surfaces.values())
    # once before a noun proves nothing ("quake struck", "layoff plan"); after "was" it does
    return modifies.get(key, 0) + after_cue >= seen and (seen >= 2 or after_cue >= 1)


# Endings of nouns made from verbs ("enforcement", "distribution"): a group holding one is
# named by it, not by the verb.
_NOUN_ENDINGS = ("tion", "tions", "sion", "sions", "ment", "ments", "ance", "ances", "ence",
                 "ences")
# A plain word whose regular past form is at least this common, less this margin, is a verb
# ("resign" 3.97, "resigned" 4.04); nouns' past forms are rare ("court" 5.4, "courted" 2.9).
_PAST_FORM_MARGIN = 0.35


def _verb_form(word: str) -> bool:
    """A verb's plain, third-person, past or -ing form ("enforce", "distributes",
    "enforced"), by :func:`_base_verb` on the word or its stem."""
    if word.endswith(("ed", "ing")):
        return True
    return _base_verb(word) or (word.endswith("s") and (_base_verb(word[:-1])
                                                        or _base_verb(word[:-2])))


def _base_verb(name: str) -> bool:
    """A one-word lowercase name that is the plain form of a verb ("undermine", "enforce")."""
    word = name.casefold()
    if (" " in name or not name[:1].islower() or not word.isalpha()
            or word.endswith(("s", "ed", "ing", "y")) or word.endswith(_NOUN_ENDINGS)):
        return False
    past = word + "d" if word.endswith("e") else word + "ed"
    own = zipf(word)
    return own > 0 and zipf(past) >= own - _PAST_FORM_MARGIN


def _only_a_modifier(cand: _Candidate | None, modifies: dict[str, int]) -> bool:
    """Every sighting (two or more) of a content word stands right before another content
    word ("mutual trust", "resilient development"): it describes the term it opens, it is no
    topic of its own. A plural is a noun ("avocados outside" is no modifier)."""
    if cand is None or any(x.endswith("s") for x in cand.surfaces):
        return False
    seen = sum(cand.surfaces.values())
    return seen >= 2 and modifies.get(cand.key[0], 0) >= seen


# An upper bound of ``_score`` needs these: its largest named and content bonuses.
_MAX_NAMED_BONUS = 5.0 + 1.3
_MAX_CONTENT_BONUS = 3.0 * 1.3
_BOUND_MARGIN = 1e-6  # rounding: a bound this close to a score may be that score


class _Ranking:
    """Turns groups into scored topics, each at most once, and finds the best without scoring
    every group: a group whose score cannot reach the last topic kept is never scored."""

    def __init__(self, finder: _Finder, groups: list[list[_Candidate]], total: int) -> None:
        self.finder = finder
        self.groups = groups
        self.total = total
        self.lang = finder.lang
        self.done: dict[int, tuple[float, Topic, list[_Candidate]] | None] = {}
        self.group_of: dict[str, int] = {c.key[0]: i for i, group in enumerate(groups)
                                         for c in group if len(c.key) == 1}
        finder.index.index_pairs(c.key for group in groups for c in group)

    def modifier(self, key: str) -> bool:
        """Whether the content word of ``key`` is only ever seen as a modifier."""
        cand = self.finder.candidates.get((key,))
        return (cand is not None and not cand.named
                and _only_a_modifier(cand, self.finder.modifies))

    def evaluate(self, i: int) -> tuple[float, Topic, list[_Candidate]] | None:
        """The scored topic of group ``i``, or None when it is not worth one."""
        if i in self.done:
            return self.done[i]
        group, lang, sides = self.groups[i], self.lang, self.finder.sides
        item = None
        if _may_be_worth(group, lang):
            where: set[Place] = set()
            for cand in group:
                where.update([sides[w] for w in self.finder.index.match(cand.key)])
            if where and _worth_a_topic(group, where, lang, self.total, self.modifier,
                                        self.finder.after_verb_cue, self.finder.modifies):
                ids_a, ids_b = _split(where)
                name = _topic_name(group)
                topic = Topic(_without_party_word(name) if lang == "en" else name,
                              _terms(group), ids_a, ids_b, "auto")
                item = (_score(topic, any(c.named for c in group), self.total, lang), topic,
                        group)
        self.done[i] = item
        return item

    def single_topic(self, key: str) -> tuple[set[int], set[int]] | None:
        """The sentences of the topic holding the one-word candidate ``key``, if any."""
        i = self.group_of.get(key)
        item = None if i is None else self.evaluate(i)
        return None if item is None else (set(item[1].a), set(item[1].b))

    def bounds(self) -> list[float]:
        """At least the score of every group's topic, from sentence counts alone (as if the
        topic were in both accounts, of the most specific words, and of several words)."""
        index, total = self.finder.index, self.total
        by_key, pairs = index.by_key, index.pairs
        log_part = [2.0 * math.log2(1 + n) for n in range(total + 1)]
        named_part = 2.0 + _MAX_NAMED_BONUS + 0.5
        content_part = 2.0 + _MAX_CONTENT_BONUS + 0.5
        out = []
        for group in self.groups:
            if len(group) == 1:
                cand = group[0]
                key = cand.key
                count = (len(by_key.get(key[0], ())) if len(key) == 1 else
                         len(pairs[key]) if len(key) == 2 else index.count(key))
                named = cand.named
            else:
                count = sum(index.count(c.key) for c in group)
                named = any(c.named for c in group)
            out.append(log_part[min(count, total)] + (named_part if named else content_part))
        return out

    def best(self) -> list[Topic]:
        """The first ``MAX_AUTO_TOPICS`` topics in rank order, as ``_choose`` takes them from
        every group's topic: groups are scored from the highest bound down, until the bound
        falls below the score of the last topic taken."""
        bounds = self.bounds()
        order = sorted(range(len(bounds)), key=bounds.__getitem__, reverse=True)
        scored: list[tuple[float, Topic, list[_Candidate]]] = []
        start, step = 0, 64
        while start < len(order):
            for i in order[start:start + step]:
                item = self.evaluate(i)
                if item is not None:
                    scored.append(item)
            start, step = start + step, step * 2
            _rank(scored)
            _, last = _choose(scored, set(), self.single_topic)
            if last is not None and start < len(order) and \
                    bounds[order[start]] + _BOUND_MARGIN < last:
                break
        return _without_fragments(_choose(scored, set(), self.single_topic)[0], self.lang)


# A party's adjective (not also a noun, as "Republican" is): alone it names nothing.
_PARTY_ADJECTIVES = frozenset({"democratic"})
# Party words before a person's name are a description, not part of it ("Republican Mitt Romney").
_PARTY_PREFIXES = frozenset({"republican", "democrat", "democratic", "gop", "independent"})
# A word at least this frequent that is no known given name opens no name.
GIVEN_NAME_ZIPF = 4.0


def _may_open_a_name(word: str) -> bool:
    """A given name, or a word too rare to be an everyday one ("Mitt", not "Politician")."""
    key = word_key(word)
    return wordlists.is_given_name(key) or zipf(key) < GIVEN_NAME_ZIPF


def _without_party_word(name: str) -> str:
    """A party word before a person's full name is no part of it ("Republican Mitt Romney"
    is "Mitt Romney"; "Democrat Politician Protection Act" stays: "Politician" is a word)."""
    words = name.split()
    if (len(words) >= 3 and words[0].casefold() in _PARTY_PREFIXES
            and _may_open_a_name(words[1]) and _is_full_name(words[1:])):
        return " ".join(words[1:])
    return name


def _rank(auto: list[tuple[float, Topic, list[_Candidate]]]) -> None:
    """Best first: higher score, then the first seen."""
    auto.sort(key=lambda t: (-t[0], min(c.first for c in t[2])))


def _choose(ranked: list[tuple[float, Topic, list[_Candidate]]], taken: set[str],
            single_topic: Callable[[str], tuple[set[int], set[int]] | None]
            ) -> tuple[list[Topic], float | None]:
    """The first ``MAX_AUTO_TOPICS`` ranked topics whose names are not taken, leaving out
    two-word terms that only repeat a one-word topic; and the score of the last, when there
    were that many."""
    out: list[Topic] = []
    taken = set(taken)
    for score, topic, group in ranked:
        if _contained(topic, group, single_topic):
            continue
        if topic.name not in taken:
            out.append(topic)
            taken.add(topic.name)
            if len(out) >= MAX_AUTO_TOPICS:
                return out, score
    return out, None


def find_topics(a: Document, b: Document, lang: str = "en", lexicon: Lexicon | None = None,
                speaker_names: Iterable[str] = ()
                ) -> tuple[list[Topic], list[tuple[str, ...]], list[tuple[str, ...]]]:
    """Topics of both accounts (lexicon topics first), and the topic names of every sentence."""
    speaker_names = tuple(speaker_names)
    excluded = {phrase_key(n, lang) for n in speaker_names}
    if lexicon is not None:
        excluded |= {phrase_key(t, lang) for t in lexicon.exclude}
    excluded.discard(())
    finder = _Finder(lang, excluded)
    finder.read("a", a)
    finder.read("b", b)
    total = len(a) + len(b)
    groups = _group(finder.keep(total))
    ranking = _Ranking(finder, groups, total)
    if lexicon is None:
        topics = ranking.best()
    else:  # lexicon topics take in the auto topics they cover: every group is scored
        auto = [item for i in range(len(groups)) if (item := ranking.evaluate(i)) is not None]
        topics = _lexicon_topics(lexicon, finder, a, b, auto)
        single_groups = {}
        for _, topic, group in auto:
            for cand in group:
                if len(cand.key) == 1:
                    single_groups[cand.key[0]] = (set(topic.a), set(topic.b))
        _rank(auto)
        topics += _without_fragments(_choose(auto, {t.name for t in topics},
                                             single_groups.get)[0], lang)
    if lang == "en":
        topics = _without_bare_everyday(_held_whole(topics, a, b, speaker_names), lang)
    per_a: list[list[str]] = [[] for _ in range(len(a))]
    per_b: list[list[str]] = [[] for _ in range(len(b))]
    for topic in topics:
        for i in topic.a:
            per_a[i].append(topic.name)
        for i in topic.b:
            per_b[i].append(topic.name)
    return topics, [tuple(x) for x in per_a], [tuple(x) for x in per_b]


def _without_bare_everyday(topics: list[Topic], lang: str) -> list[Topic]:
    """Leave out an everyday word standing alone ("cuts", "status") when a listed two-word
    term holds it ("benefit cuts", "legal status"): the term names the thing; a lowercase
    term that ends a listed name ("committee" beside "Ways and Means Committee"); and a term
    that ends in an unnamed source ("enforcement officials", "conservative members")."""
    held = {k for t in topics if t.origin == "auto" and t.name[:1].islower()
            and len(keys := _name_keys(t.name, lang)) == 2 for k in keys}
    heads = _named_heads(topics, lang)
    return [t for t in topics if not (
        t.origin == "auto" and t.name[:1].islower() and (
            (" " not in t.name and zipf(t.name.casefold(), lang) >= EVERYDAY_ZIPF
             and term_key(t.name, lang) in held)
            or _name_keys(t.name, lang) in heads
            or normalise(t.name.split()[-1]) in _unnamed_people() - _INSTITUTIONS))]


def _named_heads(topics: list[Topic], lang: str) -> set[Key]:
    """The last one and two words (keys) of every listed name of several capitalised words:
    a lowercase topic of those words ("the committee", "the court", "the national
    convention") refers back to the named one ("Intelligence Committee", "Supreme Court")."""
    heads: set[Key] = set()
    for topic in topics:
        words = topic.name.split()
        if len(words) >= 2 and all(w[:1].isupper() for w in words[-2:]):
            keys = _name_keys(topic.name, lang)
            heads.add(keys[-1:])
            if len(words) >= 3:
                heads.add(keys[-2:])
    return heads


# Collective nouns of institutions, not of people: "civil unions", "federal agencies" stay.
_INSTITUTIONS = frozenset({"unions", "groups", "companies", "agencies", "ministries",
                           "governments", "families"})


def _held_whole(topics: list[Topic], a: Document, b: Document,
                speaker_names: Iterable[str]) -> list[Topic]:
    """Named topics kept whole, descriptions and address tails left out
    (:func:`namefilter.refine_named_topics`)."""
    def texts(topic: Topic) -> list[str]:
        return [a.sentences[i].text for i in topic.a] + [b.sentences[i].text for i in topic.b]
    return refine_named_topics(topics, texts, speaker_names)


# Words after which a content word is a verb: infinitive, modals, subject pronouns, negation.
_VERB_CUES = frozenset({"to", "will", "would", "can", "could", "may", "might", "must", "shall",
                        "should", "cannot", "not", "did", "does", "he", "she", "they", "we",
                        "i", "you"})
# Words after which a content word describes (a copula, a degree word): "was testy", "so
# dishonest", "getting testy". Counted with the verb cues: a word only ever seen after one of
# these or before another content word is no noun.
_ADJECTIVE_CUES = frozenset({"is", "was", "are", "were", "be", "been", "being", "so", "very",
                             "too", "getting", "got", "seems", "seemed", "become", "became",
                             "remain", "remains", "remained", "isn't", "wasn't"})
_PRONOUNS = frozenset({"he", "she", "it", "that", "this", "what", "there", "who"})
_OF_WORDS = frozenset({"of", "for", "in", "on", "at"})
_NAME_PARTS_RE = re.compile(r"[\s\-‐–]+")


def _name_keys(name: str, lang: str) -> Key:
    """Keys of the words of a topic name, hyphen parts apart ("Asia-Pacific": asia, pacif)."""
    return tuple(term_key(w, lang) for w in _NAME_PARTS_RE.split(name) if w)


def _without_fragments(topics: list[Topic], lang: str) -> list[Topic]:
    """Leave out a topic whose name is a run of the words of a longer listed topic's name and
    whose every sentence is one of that topic's ("Asia" seen only in "Asia-Pacific", "White"
    only in "White House"): it is a piece of that name, not a topic of its own. A name after
    "of" names a thing of its own ("Afghanistan" of "Neighbouring Countries of Afghanistan")."""
    keys = [_name_keys(t.name, lang) for t in topics]
    out = []
    for topic, key in zip(topics, keys, strict=True):
        n = len(key)
        fragment = n > 0 and any(
            len(other) > n and set(topic.a) <= set(longer.a) and set(topic.b) <= set(longer.b)
            and any(other[i:i + n] == key and (i == 0 or other[i - 1] not in _OF_WORDS)
                    for i in range(len(other) - n + 1))
            for longer, other in zip(topics, keys, strict=True) if longer is not topic)
        if not fragment:
            out.append(topic)
    return out


def _contained(topic: Topic, group: list[_Candidate],
               single_topic: Callable[[str], tuple[set[int], set[int]] | None]) -> bool:
    """A two-word term that only repeats a one-word topic ("greater multipolarity")."""
    return all(len(c.key) == 2 and not c.named for c in group) and any(
        (found := single_topic(k)) is not None and set(topic.a) <= found[0]
        and set(topic.b) <= found[1] and _specific_key(k, group)
        and not _everyday_key(k, group)
        for c in group for k in c.key)


def _everyday_key(key: str, group: list[_Candidate]) -> bool:
    """Whether the word of ``key`` in the pair is an everyday word ("cuts" of "tax cuts"):
    the pair names the thing, the word alone does not."""
    for cand in group:
        for surface in cand.surfaces:
            words = surface.split()
            if len(words) == 2 and key in cand.key:
                return zipf(words[cand.key.index(key)].casefold()) >= EVERYDAY_ZIPF
    return False


def _specific_key(key: str, group: list[_Candidate]) -> bool:
    """Whether the one-word topic of ``key`` is the more specific word of the pair."""
    for cand in group:
        for surface in cand.surfaces:
            words = surface.split()
            if len(words) == 2:
                index = cand.key.index(key)
                other = words[1 - index]
                return zipf(words[index].casefold()) <= zipf(other.casefold())
    return False


def _lexicon_topics(lexicon: Lexicon, finder: _Finder, a: Document, b: Document,
                    auto: list[tuple[float, Topic, list[_Candidate]]]) -> list[Topic]:
    """User topics with their sentences; auto topics they cover are folded into them."""
    out = []
    sentences = [("a", s) for s in a.sentences] + [("b", s) for s in b.sentences]
    for entry in lexicon.topics:
        keys = {phrase_key(t, finder.lang) for t in entry.terms} - {()}
        where: set[Place] = set()
        for key in keys:
            where |= {finder.sides[w] for w in finder.index.match(key)}
        for pattern in entry.patterns:
            where |= {(side, s.id) for side, s in sentences if pattern.search(s.text)}
        terms = list(entry.terms)
        for item in list(auto):
            _, topic, group = item
            covered = any(c.key in keys for c in group) or any(
                p.fullmatch(term) for p in entry.patterns for term in topic.terms)
            if covered:
                auto.remove(item)
                terms += [t for t in topic.terms if t not in terms]
                where |= {("a", i) for i in topic.a} | {("b", i) for i in topic.b}
        if where:
            ids_a, ids_b = _split(where)
            out.append(Topic(entry.name, tuple(terms), ids_a, ids_b, "lexicon"))
    return out
