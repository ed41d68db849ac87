"""Person names: capitalised runs, titles stripped, and one person per set of name variants.

A *run* is a sequence of capitalised words ("Russian Foreign Minister Sergey Ivanov", "UN
Charter"). :func:`strip_titles` keeps what follows the last title word, so titles are never part
of a name. :class:`People` clusters the full names seen in both accounts (same surname and a
given name that matches exactly, by initial, or as a transliteration judged by rapidfuzz) and
resolves a bare surname to the right person, preferring the most recently mentioned one when two
people share it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from rapidfuzz import fuzz

from readerui import lazyre as re  # patterns compiled on first use
from readerui.annotate import wordlists
from readerui.tokens import normalise

_WORD = r"(?:[A-Z]\.){2,}|[A-Z][\w'’\-]*\.?"
_PARTICLES = r"de|da|van|von|bin|al|der|den|del|du|dos|das|le|la|ter|ten|di|ibn"
_CONNECT = rf"(?:(?:of|for)(?:\s+the)?|(?:{_PARTICLES})(?:\s+(?:{_PARTICLES}))?)"
# A capitalised run: words starting with a capital, optionally joined by "of", "van der" ...;
# a run may open with name particles ("van der Berg" after "Mr.").
RUN_RE = re.compile(rf"(?:\b(?:{_PARTICLES})\s+(?:(?:{_PARTICLES})\s+)?(?=[A-Z]))?"
                    rf"(?:{_WORD})(?:\s+(?:{_CONNECT}\s+)?(?:{_WORD}))*")
# The same runs, found faster: a run opens with a capital or a particle, so every other
# position is passed over by one character-class test.
_RUN_SCAN_RE = re.compile(
    rf"(?=[A-Z{''.join(sorted({p[0] for p in _PARTICLES.split('|')}))}])(?:{RUN_RE.pattern})")
RUN_AT_END_RE = re.compile(rf"(?:{_WORD})(?:\s+(?:{_CONNECT}\s+)?(?:{_WORD}))*$")
_POSSESSIVE_RE = re.compile(r"['’]s?$")
_HONORIFICS = {"mr": "Mr.", "mrs": "Mrs.", "ms": "Ms.", "miss": "Miss", "dr": "Dr."}
_LETTER_WORD_RE = re.compile(r"[^\W\d_][\w'’\-]*")
PARTICLES = frozenset(_PARTICLES.split("|"))
CONNECTORS = frozenset({"of", "for", "the"}) | PARTICLES
ORG_CONNECTORS = frozenset({"of", "for", "the"})
GENDER_OF_TITLE = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "dame": "f",
                   "lord": "m", "lady": "f", "king": "m", "queen": "f", "prince": "m",
                   "princess": "f", "congressman": "m", "congresswoman": "f", "spokesman": "m",
                   "spokeswoman": "f", "chairman": "m", "chairwoman": "f"}
# Given-name similarity (rapidfuzz ratio, 0-100) at which two spellings are one name.
GIVEN_NAME_SIMILARITY = 75.0
# Surname similarity at which a surname seen alone is a misspelling of a known full name's.
NEAR_SURNAME_SIMILARITY = 80.0

NameKind = Literal["person", "org", "place", "unknown"]
# Generational suffixes after a surname: "Donald Trump Jr." is "Mr. Trump", not "Mr. Jr.".
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


@lru_cache(maxsize=100_000)
def word_key(word: str) -> str:
    """A comparable form of one name word: casefolded, accents folded, dots and possessive cut."""
    return _POSSESSIVE_RE.sub("", normalise(word).rstrip("."))


@lru_cache(maxsize=1 << 18)  # a sentence each: both accounts of a 40k pair fit
def is_title_case(text: str) -> bool:
    """True for headline-style text where most words are capitalised (names cannot be told)."""
    # At least four words other than function words, none of them lowercase: stops at the
    # first lowercase word, which most sentences have near their start.
    function = wordlists.function_words()
    words = 0
    for word in _LETTER_WORD_RE.findall(text):
        if word.lower() in function:
            continue
        if word[0].islower():
            return False
        words += 1
    return words >= 4


@dataclass(frozen=True, slots=True)
class Name:
    """A name as written (titles stripped): its words and what kind of thing it names."""

    words: tuple[str, ...]
    kind: NameKind
    titled: bool  # a title stood before it ("Mr. Steele", "President X")
    title: str = ""  # the last title word, as a key ("president"); "" when none

    @property
    def text(self) -> str:
        """The name as one string."""
        return " ".join(self.words)

    @property
    def surname_only(self) -> bool:
        """A surname alone, maybe with particles or a suffix: "Ortiz", "van der Berg",
        "Trump Jr."."""
        words = self.words
        while len(words) > 1 and word_key(words[-1]) in NAME_SUFFIXES:
            words = words[:-1]
        return len(words) == 1 or all(word_key(w) in PARTICLES for w in words[:-1])

    @property
    def surname(self) -> str:
        """The surname as written: the last word that is not a suffix ("Jr.")."""
        for word in reversed(self.words):
            if word_key(word) not in NAME_SUFFIXES:
                return word
        return self.words[-1]

    @property
    def honorific(self) -> str:
        """ "Mr.", "Ms.", "Mrs.", "Dr." when the name was written with one, else ""."""
        return _HONORIFICS.get(self.title, "")

    @property
    def gender(self) -> str:
        """"m" or "f" when the title says so ("Mr.", "Ms."), else ""."""
        return GENDER_OF_TITLE.get(self.title.rpartition(" ")[2], "")


def strip_titles(words: list[str]) -> tuple[list[str], str]:
    """The words after the last title (and its modifiers/connectors), and the title phrase.

    "Russian Foreign Minister Sergey Ivanov" -> (["Sergey", "Ivanov"], "foreign minister").
    """
    keys = [word_key(w) for w in words]
    last_title = max((i for i, k in enumerate(keys) if k in wordlists.titles()), default=-1)
    if last_title < 0:
        rest = list(words)
        while rest and word_key(rest[0]) in wordlists.function_words():
            rest.pop(0)
        return rest, ""
    first = last_title
    while first > 0 and (keys[first - 1] in wordlists.titles()
                         or keys[first - 1] in wordlists.title_modifiers()):
        first -= 1
    end = last_title + 1
    while end < len(words) and (keys[end] in ORG_CONNECTORS
                                or keys[end] in wordlists.title_modifiers()):
        end += 1
    return words[end:], title_phrase(keys[first:end])


# Abbreviated titles and their full forms, so that "Sen. Ana Ruiz" is "the senator" later and
# "the A.G." is the attorney general named before.
TITLE_FORMS = {"sen": "senator", "rep": "representative", "gov": "governor", "gen": "general",
               "a.g": "attorney general", "d.a": "district attorney", "doctor": "dr",
               "prof": "professor", "capt": "captain", "adm": "admiral", "rev": "reverend",
               "congressman": "representative", "congresswoman": "representative"}


def title_phrase(keys: list[str]) -> str:
    """A title as a lookup key: "prime minister", "secretary of state", "president" (abbreviated
    titles written out: "sen" -> "senator")."""
    return " ".join(TITLE_FORMS.get(k, k) for k in keys if k != "the")


def name_kind(words: list[str], titled: bool) -> NameKind:
    """Whether a title-stripped run names a person, an organisation, a place, or cannot tell."""
    keys = [word_key(w) for w in words]
    if titled:
        return "person"
    if any(k in wordlists.org_words() for k in keys):
        return "org"
    if any(k in wordlists.places() for k in keys) or " ".join(keys) in wordlists.place_names():
        return "place"  # "Puerto Rico": a place named by its whole name
    if keys[0] in wordlists.demonyms():
        return "org"  # "Turkish Red Crescent", "Chinese side"
    if any(w.rstrip(".").isupper() and len(w.rstrip(".")) > 1 for w in words):
        return "org"
    if any(k in ORG_CONNECTORS or k in wordlists.title_modifiers() for k in keys):
        return "org"
    if 2 <= len(words) <= 5 and all(w[0].isupper() or word_key(w) in PARTICLES for w in words):
        return "person"
    return "unknown"


_KEEP_STOP = frozenset({"jr.", "sr."})  # part of the name as written: "Joseph Roe Jr."


def _strip_stop(word: str) -> str:
    """A word without a sentence's full stop, unless the stop is part of it ("U.S.", "Jr.")."""
    bare = word.rstrip(".")
    return word if "." in bare or word.lower() in _KEEP_STOP or len(bare) <= 1 else bare


@lru_cache(maxsize=100_000)
def parse_name(run: str) -> Name | None:
    """The name a capitalised run holds, titles stripped; None when nothing is left."""
    split = run.split()
    owner = max((i for i, w in enumerate(split[:-2]) if w.endswith(("'s", "’s"))), default=-1)
    if owner >= 0:  # "Fusion's Jorge Ramos", "Trump's Justice Department": the owner is not
        split = split[owner + 1:]  # part of the name that follows it
    words = [_POSSESSIVE_RE.sub("", w) if w.endswith(("'s", "’s")) else w for w in split]
    words, title = strip_titles(words)
    if title and words and all(word_key(w) in wordlists.org_words() for w in words):
        # "Justice Department", "U.S. Attorney's Office": a title word naming an office, not a
        # person's title; the whole run is the organisation's name
        kept = [w for w in split if word_key(w) not in ("the",)] or split
        return Name(tuple(_strip_stop(w) for w in kept), "org", False, "")
    # a full stop inside a run is the word's own ("St. Louis", "John A. Roe"), not the
    # sentence's; an abbreviation keeps its last one ("U.S.", "L.L.P.")
    words = [w.rstrip(".") if len(w.rstrip(".")) > 1 and w.lower() not in _KEEP_STOP
             and i == len(words) - 1 and "." not in w.rstrip(".") else w
             for i, w in enumerate(words)]
    words = [w for w in words if w]
    if "of" in words and words.index("of") > 0:  # "President Ana Ruiz of Chile": the person
        cut = words.index("of")
        after = [word_key(w) for w in words[cut + 1:]]
        if title or all(k in wordlists.places() or k == "the" for k in after) or (
                2 <= cut <= 4 and name_kind(words[:cut], False) == "person"
                and any(k in wordlists.org_words() or w.rstrip(".").isupper()
                        for k, w in zip(after, words[cut + 1:], strict=True))):
            words = words[:cut]  # "Ana Ruiz of Harbor Bank", "Ana Ruiz of Roe L.L.P."
    if not title and not _after_article(split):
        words = _drop_leading_common(words)
    if not words:
        return None
    if all(word_key(w) in wordlists.calendar_words() for w in words):
        return None
    return Name(tuple(words), name_kind(words, bool(title)), bool(title), title)


def _after_article(split: list[str]) -> bool:
    """A run opening with "The": what follows is one name ("The Wall Street Journal")."""
    return bool(split) and split[0] in ("The", "the")


# A capitalised word this common in general use (Zipf) is an everyday word, not a name, unless
# it is a known given name ("Mark", "Will").
COMMON_WORD_ZIPF = 4.3


def is_everyday_word(word: str) -> bool:
    """A capitalised everyday word ("Despite", "Attacking", "Nine", "Cold"), not a name."""
    key = word_key(word)
    if not key.isalpha() or key in wordlists.titles() or key in wordlists.org_words() \
            or key in wordlists.places() or key in wordlists.demonyms():
        return False
    return wordlists.zipf(key) >= COMMON_WORD_ZIPF and not wordlists.is_given_name(key)


def _drop_leading_common(words: list[str]) -> list[str]:
    """Everyday words opening a run of a person's name go ("Despite Trump" -> "Trump")."""
    keys = [word_key(w) for w in words]
    if any(k in wordlists.org_words() or k in wordlists.places() for k in keys):
        return words  # an organisation or place keeps its words ("New York Times")
    while len(words) > 1 and not words[0].isupper() and word_key(words[1]) not in NAME_SUFFIXES \
            and (is_everyday_word(words[0]) or _is_gerund(words[0])):
        words = words[1:]  # (not "Trump" of "Trump Jr.")
    if len(words) == 1 and word_key(words[0]) in _NUMBER_WORDS:
        return []  # "Nine states ..."
    return words


_NUMBER_WORDS = frozenset({
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "twenty", "thirty", "forty", "fifty", "hundred", "hundreds", "thousand",
    "thousands", "dozens", "millions"})


def _is_gerund(word: str) -> bool:
    """ "Attacking", "Calling": a participle opening a sentence, not a given name."""
    key = word_key(word)
    if not key.endswith("ing") or wordlists.is_given_name(key) or wordlists.zipf(key) < 3.0:
        return False
    stem = key[:-3]
    return max(wordlists.zipf(stem), wordlists.zipf(stem + "e"), wordlists.zipf(stem[:-1])) >= 3.0


@lru_cache(maxsize=1 << 18)  # a sentence each: both accounts of a 40k pair fit
def runs(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, run) of every capitalised run of ``text``."""
    return tuple((m.start(), m.end(), m.group()) for m in _RUN_SCAN_RE.finditer(text))


def surname_key(keys: list[str]) -> str:
    """The surname of a full name's word keys: the last word that is not a generational
    suffix ("Jr.", "III")."""
    for key in reversed(keys):
        if key not in NAME_SUFFIXES:
            return key
    return keys[-1]


@dataclass(slots=True)
class Person:
    """One person: the full forms seen (A before B) and every form used for them."""

    index: int
    full_forms: list[tuple[str, ...]] = field(default_factory=list)
    forms: list[str] = field(default_factory=list)  # every surface form seen, first-seen order
    gender: str = ""  # "m" / "f" once a title such as "Mr." or "Ms." was used for them

    @property
    def canonical(self) -> str:
        """The longest full form seen; ties go to the first seen (account A comes first)."""
        if not self.full_forms:
            return self.forms[0]
        best = max(self.full_forms, key=lambda f: (len(f), len(" ".join(f))))
        return " ".join(best)

    def add_form(self, form: str) -> None:
        """Remember a surface form."""
        if form not in self.forms:
            self.forms.append(form)


def _given_names_match(a: str, b: str) -> bool:
    """Two given names are one: equal, an initial of the other, or a close transliteration."""
    a, b = word_key(a), word_key(b)
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    if b in wordlists.given_name_forms(a) or a in wordlists.given_name_forms(b):
        return True  # "Bill" / "William", "Liz" / "Elizabeth"
    return fuzz.ratio(a, b) >= GIVEN_NAME_SIMILARITY


def _given_match(a: list[str], b: list[str]) -> bool:
    """The given names of two full names (keys) match; an initial before a given name may be
    left out ("A. Barry Rand" is "Barry Rand")."""
    if _given_names_match(a[0], b[0]):
        return True
    if len(a) >= 3 and len(a[0]) == 1 and _given_names_match(a[1], b[0]):
        return True
    return len(b) >= 3 and len(b[0]) == 1 and _given_names_match(a[0], b[1])


class People:
    """The people of both accounts: full-name clusters plus bare surnames resolved in context."""

    def __init__(self) -> None:
        self.persons: list[Person] = []
        self.titled: dict[str, set[int]] = {}  # title phrase -> people named with it anywhere
        self._by_word: dict[tuple[str, int], list[int]] = {}  # (word key, position) -> persons

    def add_full_name(self, words: tuple[str, ...]) -> int:
        """Add a full name (two words or more), merging it with a matching person; its index."""
        keys = [word_key(w) for w in words]
        surname = surname_key(keys)
        for index in self._by_word.get((surname, -1), []):
            person = self.persons[index]
            for form in person.full_forms:
                fkeys = [word_key(w) for w in form]
                if surname_key(fkeys) == surname and _given_match(fkeys, keys) and (
                        fkeys[-1] in NAME_SUFFIXES) == (keys[-1] in NAME_SUFFIXES):
                    if words not in person.full_forms:
                        person.full_forms.append(words)
                    person.add_form(" ".join(words))
                    return person.index
        person = Person(len(self.persons), [words], [" ".join(words)])
        self.persons.append(person)
        self._by_word.setdefault((surname, -1), []).append(person.index)
        self._by_word.setdefault((keys[0], 0), []).append(person.index)
        return person.index

    def known(self, words: tuple[str, ...]) -> int | None:
        """The person a full name stands for, if one so named was seen; nobody is added."""
        keys = [word_key(w) for w in words]
        surname = surname_key(keys)
        for index in self._by_word.get((surname, -1), []):
            for form in self.persons[index].full_forms:
                fkeys = [word_key(w) for w in form]
                if surname_key(fkeys) == surname and _given_match(fkeys, keys):
                    return index
        return None

    def near(self, surname: str) -> int | None:
        """The one person with a full name whose surname is this one misspelt by a letter
        ("Cowen" for "Cowan"), if exactly one; surnames of five letters or more."""
        key = word_key(surname)
        if len(key) < 5 or not key.isalpha():
            return None
        found = {i for (k, at), ids in self._by_word.items() if at == -1 and k[:1] == key[:1]
                 and abs(len(k) - len(key)) <= 1 and k != key
                 and fuzz.ratio(k, key) >= NEAR_SURNAME_SIMILARITY
                 for i in ids if self.persons[i].full_forms}
        return found.pop() if len(found) == 1 else None

    def candidates(self, word: str) -> list[int]:
        """Persons whose surname (else whose first name word) is ``word``."""
        key = word_key(word)
        return self._by_word.get((key, -1)) or self._by_word.get((key, 0)) or []

    def add_single(self, surname: str) -> int:
        """A person known only by a surname (no full name seen anywhere)."""
        person = Person(len(self.persons), [], [surname])
        self.persons.append(person)
        key = surname_key([word_key(w) for w in surname.split()])
        self._by_word.setdefault((key, -1), []).append(person.index)
        return person.index

    def resolve(self, name: Name, recent: dict[int, int], create: bool = True) -> int | None:
        """The person a name refers to; a bare word goes to the most recent of its candidates.

        ``recent`` maps person index -> the latest sentence position it was mentioned at in the
        account being read. None when the word is shared by people none of whom was mentioned
        yet in this account (ambiguous), or when nothing matches and ``create`` is False.
        """
        index = self._resolve(name, recent, create)
        if index is not None and name.gender and not self.persons[index].gender:
            self.persons[index].gender = name.gender
        return index

    def _resolve(self, name: Name, recent: dict[int, int], create: bool) -> int | None:
        if not name.surname_only:
            return self.add_full_name(name.words)
        found = self.candidates(name.surname)
        if name.gender:  # "Ms. Harlan" is not the Harlan known as "Mr. Harlan"
            found = [p for p in found if self.persons[p].gender in ("", name.gender)] or found
        if len(found) == 1:
            return found[0]
        if found:
            seen = [p for p in found if p in recent]
            return max(seen, key=lambda p: recent[p]) if seen else None
        return self.add_single(name.text) if create else None


def after_article(text: str, start: int) -> bool:
    """Whether the run at ``start`` follows a lower-case "the" ("in the Rose Garden"): the
    name of a place or thing, not a person's."""
    return text.endswith("the ", 0, start) and (start == 4 or not text[start - 5].isalnum())


def collect_full_names(texts: Iterable[str], people: People) -> None:
    """Add every person-like full name of ``texts`` (in order) to ``people``; then the people
    known only by a title and a surname ("President Obama") when no full name has that
    surname, and the titles of those named both ways."""
    titled: list[Name] = []
    for text in texts:
        if is_title_case(text):
            continue
        for start, _, run in runs(text):
            name = parse_name(run)
            if name is None or name.kind != "person" or after_article(text, start):
                continue
            if name.surname_only:
                if name.titled and name.honorific == "":
                    titled.append(name)
                continue
            index = people.add_full_name(name.words)
            if name.title:
                people.titled.setdefault(name.title, set()).add(index)
    for name in titled:
        found = people.candidates(name.surname)
        if not found:
            found = [people.add_single(name.text)]
        if len(found) == 1:
            people.titled.setdefault(name.title, set()).add(found[0])
