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
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from rapidfuzz import fuzz

from readerui.annotate import wordlists
from readerui.annotate.lexicon import Lexicon
from readerui.annotate.names import (
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
Where = tuple[str, int]  # (side, sentence id)
_new_counter = Counter.__new__
_NO_WHERE: frozenset[Where] = frozenset()


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


# A word of a sentence: (as written, normalised, start, end).
_Word = tuple[str, str, int, int]


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
    if english and norm.endswith("ly"):
        return False  # adverbs ("continuously") are never topics
    return (len(norm) >= 4 and not norm[0].isdigit() and norm not in wordlists.function_words()
            and norm not in wordlists.calendar_words())


def _is_verb(norm: str) -> bool:
    """A reporting or event verb form: never part of a two-word term ("urged de-escalation")."""
    return norm in wordlists.reporting_verbs().forms or norm in wordlists.event_verbs()


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
    """Keys of every sentence of both accounts, for matching terms."""

    seqs: dict[Where, list[str]] = field(default_factory=dict)
    by_key: dict[str, set[Where]] = field(default_factory=dict)
    bigrams: dict[Where, set[tuple[str, str]]] = field(default_factory=dict)

    def add(self, where: Where, seq: list[str], parts: Iterable[str]) -> None:
        self.seqs[where] = seq
        by_key = self.by_key
        for key in (*seq, *parts):
            found = by_key.get(key)
            if found is None:
                by_key[key] = {where}
            else:
                found.add(where)

    def _bigrams(self, where: Where) -> set[tuple[str, str]]:
        """Word pairs of one sentence (made when a two-word term first asks)."""
        pairs = self.bigrams.get(where)
        if pairs is None:
            pairs = self.bigrams[where] = set(itertools.pairwise(self.seqs[where]))
        return pairs

    def match(self, key: Key) -> set[Where]:
        """Sentences containing the term (a one-word term also matches hyphen parts)."""
        if len(key) == 1:
            return set(self.by_key.get(key[0], ()))
        # Intersect from the rarest word: common words ("the") have huge sentence sets.
        postings = sorted([self.by_key.get(k, _NO_WHERE) for k in set(key)], key=len)
        found = postings[0]
        for other in postings[1:]:
            if not found:
                break
            found = found & other
        if len(key) == 2:  # most terms: one set look-up per sentence
            return {where for where in found if key in self._bigrams(where)}
        out = set()
        n = len(key)
        for where in found:
            seq = self.seqs[where]
            if any(tuple(seq[i:i + n]) == key for i in range(len(seq) - n + 1)):
                out.add(where)
        return out


class _Finder:
    """Collects candidates from both accounts, then groups and ranks them."""

    def __init__(self, lang: str, excluded: set[Key]) -> None:
        self.lang = lang
        self.english = lang == "en"
        self.excluded = excluded
        self.candidates: dict[Key, _Candidate] = {}
        self.index = _Index()
        self.capitalised_inside: set[str] = set()  # words seen capitalised mid-sentence
        # one-word names seen opening a sentence: (key, word, where, normalised word)
        self.pending: list[tuple[Key, str, Where, str]] = []

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
        """Index every sentence and collect its candidates."""
        titles = wordlists.titles() if self.english else frozenset()
        for sentence in doc.sentences:
            where = (side, sentence.id)
            text = _undot(sentence.text)
            tokens: list[_Word] = [(w := m.group(), _norm(w), *m.span())
                                   for m in WORD_RE.finditer(text)]
            seq = [term_key(t[0], self.lang) for t in tokens]
            parts = [term_key(p, self.lang) for t in tokens if "-" in t[0]
                     for p in t[0].split("-") if p]
            # Titles match no topic: "President" is not "presidency" ("presid" either way).
            indexed = [_TITLE_KEY if t[1] in titles else k for t, k in zip(tokens, seq,
                                                                          strict=True)]
            self.index.add(where, indexed, parts)
            for t in tokens[1:]:
                if t[0][:1].isupper() and not _AFTER_BREAK_RE.search(text, max(0, t[2] - 4),
                                                                           t[2]):
                    self.capitalised_inside.add(t[1])
            self._content_terms(tokens, seq, text, where)
            if self.english and not is_title_case(text):
                # "WASHINGTON — ...": a dateline is not a topic
                self._named_things(_DATELINE_RE.sub(lambda m: " " * len(m.group()), text),
                                   where)
            elif not self.english:
                for (word, _, _, _), key in zip(tokens, seq, strict=True):
                    if len(word) >= 2 and word.isupper() and word.isalpha():
                        self._add((key,), word, where, named=True)

    def _content_terms(self, tokens: Sequence[_Word], seq: list[str], text: str,
                       where: Where) -> None:
        generic = wordlists.generic_words()
        content = [_is_content(t[0], self.lang) for t in tokens]
        for i, (word, norm, _, end) in enumerate(tokens):
            if not content[i]:
                continue
            surface = _POSSESSIVE_RE.sub("", word)  # as written: "Umweltverbände", "bank"
            if norm not in generic and not _is_verb(norm):
                self._add((seq[i],), surface, where, named=False)
            if i + 1 < len(tokens) and content[i + 1]:
                next_word, next_norm, next_start, _ = tokens[i + 1]
                if (text[end:next_start].strip() == "" and norm not in generic
                        and not _is_verb(norm) and not _is_verb(next_norm)
                        and (self.english or max(zipf(word.casefold(), self.lang),
                                                 zipf(next_word.casefold(), self.lang))
                             < PAIR_WORD_ZIPF)):
                    pair = f"{surface} {_POSSESSIVE_RE.sub('', next_word)}"
                    self._add((seq[i], seq[i + 1]), pair, where, named=False)

    def _named_things(self, text: str, where: Where) -> None:
        function = wordlists.function_words()
        for start, _, run in runs(text):
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
            at_start = bool(_SENTENCE_START_RE.match(text[:start])
                            or _AFTER_BREAK_RE.search(text, max(0, start - 4), start))
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
                self._add_named(fragment, where, first_of_sentence)

    def _add_named(self, words: list[str], where: Where, first_of_sentence: bool) -> None:
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
                self.pending.append(((term_key(word, self.lang),), word, where, norm))
                return
        if "of" in words[1:-1]:  # "Ana Ruiz of Chile": a speaker's name is not a topic
            cut = words.index("of")
            before = tuple(term_key(w, self.lang) for w in words[:cut])
            if before in self.excluded:
                words = words[cut + 1:]
            elif _is_full_name(words[:cut]):  # "Jay Inslee of Washington": the person
                words = words[:cut]
        key = tuple(term_key(w, self.lang) for w in words)
        self._add(key, " ".join(words), where, named=True)
        if len(words) > 1 and " ".join(words).casefold() not in wordlists.place_names():
            # "Neighbouring Countries of Nepal": the place is a topic too; not "York" of "New York"
            inside = _whole_places(words)
            for start, end in inside:
                place = words[start:end]
                self._add(tuple(term_key(w, self.lang) for w in place), " ".join(place), where,
                          named=True)
            covered = {i for start, end in inside for i in range(start, end)}
            for i, word in enumerate(words):
                if i not in covered and normalise(word) in wordlists.places():
                    self._add((term_key(word, self.lang),), word, where, named=True)

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


def _title_words(words: list[str]) -> list[bool]:
    """Which words of a run are titles, their modifiers next to them, or dates: not names.

    "Foreign Minister" and "State Councilor" go; "Montana State University" stays whole.
    """
    keys = [word_key(w) for w in words]
    marked = [k in wordlists.titles() or k in wordlists.calendar_words() for k in keys]
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
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                (i, a), (j, b) = members[x], members[y]
                if _variants(a, b):
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
                if cands[j].key[0] == c.key[0]:  # same first and last name
                    union(i, j)
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
        elif len(full_by_first.get(c.key[0], ())) == 1:  # "Huma": the one person so called
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
        if len(short) >= 4 and long.startswith(short) and long[len(short):] in _PLACE_SUFFIXES:
            return True  # "Europe" / "European"
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
    return min(counts, key=lambda s: (" " not in s and s.casefold().endswith(_ADJECTIVE_ENDINGS),
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


def _split(where: set[Where]) -> tuple[tuple[int, ...], tuple[int, ...]]:
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
_DATELINE_RE = re.compile(r"^[A-Z][A-Z .,'’\-]{2,40}?\s*[—–―-]+\s*")
_CONTRACTION_RE = re.compile(r"['’](?:m|ve|re|ll|d|s|t)\b", re.IGNORECASE)
_ADJECTIVE_ENDINGS = ("ous", "ive", "ful", "less", "ic", "able", "ible", "ish", "ary", "ory",
                      "bound", "ize", "ise", "ical", "tial", "cial", "ional")
_NAMED_ADJECTIVE_ENDINGS = ("ical", "tial", "cial", "ional")
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


@cache
def _unnamed_people() -> frozenset[str]:
    """Unnamed sources that are no topic ("critics", "aides"); party names stay topics."""
    return wordlists.unnamed_sources() - wordlists.party_members()


def _named_worth(group: list[_Candidate], where: set[Where], lang: str) -> bool:
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


def _worth_a_topic(group: list[_Candidate], where: set[Where], lang: str) -> bool:
    """Named things always; content terms when they recur and are not everyday words
    (after ``_may_be_worth``)."""
    if any(c.named for c in group):
        return _named_worth([c for c in group if c.named], where, lang)
    single_words = all(len(c.key) == 1 for c in group)
    if not single_words:
        return len(where) >= 2
    surfaces = [x for c in group for x in c.surfaces]
    if lang == "en" and 2 * sum(x.endswith("ed") for x in surfaces) >= len(surfaces):
        return False  # "discussed", "raised": verbs, not topics
    if lang == "en" and all(normalise(x) in _unnamed_people() for x in surfaces):
        return False  # "critics", "aides": the unnamed sources of the story, not its topics
    rarest = min(zipf(x.casefold(), lang) for x in surfaces)
    if len(where) < 2:  # once only: worth it when the word is rare ("overcapacity")
        return 0 < rarest < SINGLE_MENTION_ZIPF
    if lang == "en" and ((len(where) < MIN_WORD_MENTIONS and rarest >= TWO_MENTION_ZIPF)
                         or rarest >= MAX_WORD_ZIPF):
        return rarest < SINGLE_MENTION_ZIPF  # everyday words need to be frequent here
    # Without a list of generic words (other languages), only uncommon words qualify.
    return rarest < (MAX_TOPIC_ZIPF if lang == "en" else MAX_TOPIC_ZIPF_OTHER)


def find_topics(a: Document, b: Document, lang: str = "en", lexicon: Lexicon | None = None,
                speaker_names: Iterable[str] = ()
                ) -> tuple[list[Topic], list[tuple[str, ...]], list[tuple[str, ...]]]:
    """Topics of both accounts (lexicon topics first), and the topic names of every sentence."""
    excluded = {phrase_key(n, lang) for n in speaker_names}
    if lexicon is not None:
        excluded |= {phrase_key(t, lang) for t in lexicon.exclude}
    excluded.discard(())
    finder = _Finder(lang, excluded)
    finder.read("a", a)
    finder.read("b", b)
    total = len(a) + len(b)
    groups = _group(finder.keep(total))
    auto: list[tuple[float, Topic, list[_Candidate]]] = []
    for group in groups:
        if not _may_be_worth(group, lang):
            continue
        where: set[Where] = set()
        for cand in group:
            where |= finder.index.match(cand.key)
        if not where or not _worth_a_topic(group, where, lang):
            continue
        ids_a, ids_b = _split(where)
        topic = Topic(_topic_name(group), _terms(group), ids_a, ids_b, "auto")
        auto.append((_score(topic, any(c.named for c in group), total, lang), topic, group))
    topics = _lexicon_topics(lexicon, finder, a, b, auto) if lexicon else []
    auto = _drop_contained_pairs(auto)
    if lang == "en":
        auto = _strip_party_words(auto)
    auto.sort(key=lambda t: (-t[0], min(c.first for c in t[2])))
    taken = {t.name for t in topics}
    added = 0
    for _, topic, _ in auto:
        if added >= MAX_AUTO_TOPICS:
            break
        if topic.name not in taken:
            topics.append(topic)
            taken.add(topic.name)
            added += 1
    per_a: list[list[str]] = [[] for _ in range(len(a))]
    per_b: list[list[str]] = [[] for _ in range(len(b))]
    for topic in topics:
        for i in topic.a:
            per_a[i].append(topic.name)
        for i in topic.b:
            per_b[i].append(topic.name)
    return topics, [tuple(x) for x in per_a], [tuple(x) for x in per_b]


# Party words before a person's name are a description, not part of it ("Republican Mitt Romney").
_PARTY_PREFIXES = frozenset({"republican", "democrat", "democratic", "gop", "independent"})


def _may_open_a_name(word: str) -> bool:
    """A given name, or a word too rare to be an everyday one ("Mitt", not "Politician")."""
    key = word_key(word)
    return wordlists.is_given_name(key) or zipf(key) < GIVEN_NAME_ZIPF


# A word at least this frequent that is no known given name opens no name.
GIVEN_NAME_ZIPF = 4.0


def _strip_party_words(auto: list[tuple[float, Topic, list[_Candidate]]]
                ) -> list[tuple[float, Topic, list[_Candidate]]]:
    """A party word before a person's full name is no part of it ("Republican Mitt Romney"
    is "Mitt Romney"; "Democrat Politician Protection Act" stays: "Politician" is a word)."""
    out = []
    for score, topic, group in auto:
        words = topic.name.split()
        if (len(words) >= 3 and words[0].casefold() in _PARTY_PREFIXES
                and _may_open_a_name(words[1]) and _is_full_name(words[1:])):
            topic = replace(topic, name=" ".join(words[1:]))
        out.append((score, topic, group))
    return out


def _drop_contained_pairs(auto: list[tuple[float, Topic, list[_Candidate]]]
                          ) -> list[tuple[float, Topic, list[_Candidate]]]:
    """Drop a two-word term that only repeats a one-word topic ("greater multipolarity")."""
    single_groups = {}
    for _, topic, group in auto:
        for cand in group:
            if len(cand.key) == 1:
                single_groups[cand.key[0]] = (set(topic.a), set(topic.b))
    kept = []
    for item in auto:
        _, topic, group = item
        pairs = all(len(c.key) == 2 and not c.named for c in group)
        if pairs and any(
                (found := single_groups.get(k)) is not None and set(topic.a) <= found[0]
                and set(topic.b) <= found[1] and _specific_key(k, group)
                for c in group for k in c.key):
            continue
        kept.append(item)
    return kept


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
        where: set[Where] = set()
        for key in keys:
            where |= finder.index.match(key)
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
