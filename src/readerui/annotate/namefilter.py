"""Filters on finished names: what a speaker label or a named topic may not be.

The speaker attribution and the topic finder propose names; these predicates turn away the
forms that name nobody: a title alone ("Governor"), a bare organisation word ("Center"), a
contraction ("I've"), an everyday word that only opened a sentence ("Close", "Cuts",
"Asked"), and the short state or district part of an address ("Florissant, Mo.",
"Washington, D.C.").
:func:`whole_name_in` finds the longer name a capitalised piece was cut from ("Means
Committee" of "House Ways and Means Committee", "Angie" of "Angie's List").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache

from readerui import lazyre as re  # patterns compiled on first use
from readerui.annotate import wordlists
from readerui.annotate.names import is_everyday_word, is_title_case, parse_name, word_key
from readerui.model import Topic
from readerui.tokens import normalise, stem

_CONTRACTION_RE = re.compile(r"['’](?:m|ve|re|ll|d)$", re.IGNORECASE)
_LOWER_WORD_RE = re.compile(r"(?<![\w'’\-])[a-z][a-z]+(?![\w'’\-])")


def lowercase_words(texts: list[str]) -> frozenset[str]:
    """Every word written in lower case somewhere in ``texts``."""
    return frozenset(w for text in texts for w in _LOWER_WORD_RE.findall(text))


def is_title_only(label: str) -> bool:
    """A label of titles only: "Governor", "President". (A spokesperson, "AARP
    spokesperson", is a speaker of the project's gold labels: kept.)"""
    words = label.split()
    if not words:
        return False
    keys = [word_key(w) for w in words]
    if keys[-1] in _SPOKES:
        return False  # "a government spokesman": the attribution's own label, kept
    return keys[-1] in wordlists.titles() and all(
        k in wordlists.titles() or k in wordlists.title_modifiers() for k in keys)


# Organisation words that name nothing on their own, capitalised ("Center", "Committee"); a
# lowercase "the union" is the organisation of the story, and "Senate" names one body.
BARE_ORG_WORDS = frozenset({"office", "committee", "department", "agency", "board",
                            "commission", "group", "company", "center", "centre", "bureau",
                            "institute", "foundation", "council", "association"})
_SPOKES = frozenset({"spokesperson", "spokesman", "spokeswoman"})
# Head words of a text of law: what it "states" is a record (the lead's rule 4), not a speaker.
LEGAL_TEXTS = frozenset({"constitution", "amendment", "act", "statute", "treaty", "charter",
                         "clause", "ordinance", "code", "law"})


def is_no_speaker_name(label: str) -> bool:
    """Whether a finished speaker label names nobody: a contraction ("I've"), a bare
    organisation word ("Center" cut from a longer name), or titles without a name.
    (A lowercase description, "the airline", "the agriculture ministry", stands for the
    organisation of the story in the project's gold labels: left to the attribution.)"""
    if not label:
        return True
    words = label.split()
    if any(_CONTRACTION_RE.search(w) for w in words):
        return True
    if len(words) == 1 and words[0][:1].isupper() and word_key(words[0]) in BARE_ORG_WORDS:
        return True  # "Center" of "The Center on Budget ...": a piece of a name
    if word_key(words[-1]) in LEGAL_TEXTS and not words[-1].isupper():
        return True  # "the 14th Amendment states": a text of law is a record, nobody's words
    return is_title_only(label)


def is_sentence_word(word: str, lowercase: frozenset[str]) -> bool:
    """A lone capitalised word that is an everyday word also written in lower case in the
    same texts ("Close to three dozen ...", "Cuts recommended ..."), or a past form ("Asked
    whether ..."): a word opening a sentence, not a name. Known given names stay ("Mark")."""
    if word.isupper() or "-" in word:
        return False
    key = word_key(word)
    return is_everyday_word(word) and (key in lowercase or key.endswith("ed"))


def is_address_tail(text: str, start: int, word: str) -> bool:
    """Whether ``word`` at ``start`` of ``text`` is the short state or district part of an
    address: an abbreviation of one to four letters (dots aside; not a place named in full,
    not three capitals such as "CNN"), right after "<Capitalised word>, " ("Florissant, Mo.",
    "Washington, D.C.", "Seattle, Wash.")."""
    bare = word.replace(".", "")
    if not (1 <= len(bare) <= 4 and bare[:1].isupper()) or word_key(bare) in wordlists.places():
        return False  # "Iowa" is a state named in full
    if bare.isupper() and len(bare) > 2 and "." not in word:
        return False  # "CNN" in a list of outlets; "D.C." and "NH" are abbreviations
    before = text[max(0, start - 40):start]
    return re.search(r"[A-Z][\w.’'\-]*,\s$", before) is not None


# Words that join the parts of one organisation's name ("Ways and Means", "Committee on
# Taxation", "Committee to Preserve ...").
_JOINERS = ("and", "on", "to", "of", "for", "the")
_CAP_WORD = r"[A-Z][\w’'\-]*"
_PIECE_RE = re.compile(rf"{_CAP_WORD}(?:\s+(?:(?:{'|'.join(_JOINERS)})\s+)*{_CAP_WORD})*")


@lru_cache(maxsize=4096)
def whole_name_in(text: str, piece: str) -> str | None:
    """The longer name ``piece`` is cut from in ``text``, or None.

    A longer name is a run of capitalised words joined by "and", "on", "to", "of", "for",
    "the", or a possessive before one everyday word ("Drake's Place", "Angie's List"). It
    counts only when joined by "on" or "to" right after an organisation word, or by "and"
    with an organisation word at its end or opening it before "of": "Obama and Biden" is two
    names, "Ways and Means Committee" one. Titles bound it ("Ways and Means Committee
    Chairman X"). Leading words of the run that only describe it ("Republican-led") or open
    the sentence are left out."""
    at = text.find(piece)
    if at < 0:
        return None
    end = at + len(piece)
    # a possessive piece before one everyday capitalised word: "Angie's List"
    tail = re.match(rf"['’]s\s+({_CAP_WORD})(?![\w’'\-]|\s+[A-Z])", text[end:])
    if tail and " " not in piece and is_everyday_word(tail.group(1)) \
            and word_key(tail.group(1)) not in wordlists.titles():
        return text[at:end + tail.end()]
    head = re.search(rf"({_CAP_WORD})['’]s\s+$", text[max(0, at - 40):at])
    if head and " " not in piece and is_everyday_word(piece) \
            and not re.match(r"\s+[A-Z]", text[end:]):
        return f"{head.group(1)}'s {piece}" if "'" in head.group() else \
            f"{head.group(1)}’s {piece}"
    for m in _PIECE_RE.finditer(text):
        if m.start() <= at and m.end() >= end and m.group() != piece:
            words = m.group().split()
            while words and (word_key(words[0]) in _JOINERS or words[0].endswith(
                    ("-led", "-controlled", "-based", "-backed", "-era"))
                             or (is_everyday_word(words[0]) and words[0] == text.split()[0])):
                words.pop(0)
            owner = max((i for i, w in enumerate(words[:-1]) if w.endswith(("'s", "’s"))),
                        default=-1)
            words = words[owner + 1:]  # "Obama's National Commission on ...": the commission
            words = _between_titles(words, piece)  # "... Committee Chairman Richard Neal"
            if words and word_key(words[0]) in _JOINERS:
                return None  # "Director of National Intelligence ... and ...": a title's words
            calendar = wordlists.calendar_words()
            while words and (word_key(words[-1]) in calendar or word_key(words[-1]) in _JOINERS):
                words.pop()  # "Iowa on Monday": the day is no part of a name
            whole = " ".join(words)
            if whole in piece:
                return None
            keys = [word_key(w) for w in words]
            joint = [i for i, k in enumerate(keys) if k in ("on", "to")]
            if joint and keys[joint[0] - 1] in wordlists.org_words() and not any(
                    k in calendar for k in keys):
                # "Joint Committee on Taxation", "National Committee to Preserve ...": an
                # organisation word before the first "on"/"to" ("Ryan on the House Budget
                # Committee", "Appleton to Green Bay" are not one name)
                return whole
            if "and" in keys and "the" not in keys and (
                    keys[-1] in wordlists.org_words()
                    or (keys[0] in wordlists.org_words() and keys[1:2] == ["of"])):
                # "Ways and Means Committee", "Department of Housing and Urban Development";
                # not "Obama and the Senate"
                return whole
            return None
    return None


def _between_titles(words: list[str], piece: str) -> list[str]:
    """The words of a run between the titles around ``piece`` ("Director of Harbor
    Safety Ana Ruiz and Port Security Agency Director ..." -> "Port Security Agency"); a title
    is never part of an organisation's name."""
    n = len(piece.split())
    at = next((i for i in range(len(words) - n + 1) if " ".join(words[i:i + n]) == piece), -1)
    if at < 0:
        return words
    titled = [i for i, w in enumerate(words) if word_key(w) in wordlists.titles()]
    start = max((i + 1 for i in titled if i < at), default=0)
    end = min((i for i in titled if i >= at + n), default=len(words))
    return words[start:end]


def _occurrences(text: str, term: str) -> list[int]:
    """Where ``term`` (an abbreviation may be written with dots: "DC" as "D.C.") starts."""
    letters = [re.escape(ch) for ch in term]
    pattern = r"\.?".join(letters) if term.isupper() and " " not in term else re.escape(term)
    return [m.start() for m in re.finditer(rf"(?<![\w.]){pattern}\.?(?!\w)", text)]


def refine_named_topics(topics: list[Topic], texts: Callable[[Topic], list[str]],
                        speakers: Iterable[str] = ()) -> list[Topic]:
    """Named topics held whole and address tails left out.

    A named topic that is, wherever it is written, a piece of one longer name takes that
    name ("Means Committee" -> "House Ways and Means Committee"); topics that take one name
    become one; a describing word before a name goes ("Outgoing White House",
    "Republican-controlled House"). Descriptions (:func:`is_description`) and a speaker's
    name with "Jr." are left out; a whole name and its acronym are one topic. A short named
    topic that only ever follows "<Place>, " (the state part of an address: "Mo", "DC") or
    is written as an abbreviation ("Wash. Gov. ...") is left out. ``texts`` gives the
    sentences of a topic."""
    out: list[Topic] = []
    by_name: dict[str, int] = {}
    by_key: dict[tuple[str, ...], int] = {}
    speakers = tuple(speakers)
    people = {_without_suffix(n) for n in speakers} | {_person_of(n) for n in speakers}
    for topic in topics:
        name = topic.name
        if topic.origin == "auto" and name[:1].isupper():
            if (is_description(name) or _without_suffix(name) in people
                    or _person_of(name) in people or _suffixed_speaker(name, speakers)
                    or (" " in name and name.split()[-1] in people and _is_person(name))):
                continue  # (the last: "Ann Roe" when "Roe" speaks)
            sentences = texts(topic)
            if _only_address_tails(topic, sentences):
                continue
            whole = _one_whole_name(topic, sentences) or _without_descriptor(name)
            if whole is not None:
                topic = Topic(whole, (whole, *topic.terms), topic.a, topic.b, topic.origin)
        at = by_name.get(topic.name)
        key = _name_key(topic.name)
        if at is None and topic.origin == "auto":  # "Democrats" beside "Democrat"
            at = by_key.get(key)
        if at is None and " " in topic.name:  # "Joint Committee on Taxation" beside "JCT"
            at = by_name.get(_initials(topic.name))
        if at is None and topic.name.isupper():
            at = next((i for i, t in enumerate(out) if _initials(t.name) == topic.name), None)
        if at is None:
            by_name[topic.name] = len(out)
            if topic.origin == "auto":
                by_key.setdefault(key, len(out))
            out.append(topic)
            continue
        out[at] = _merged(out[at], topic)
    return _without_short_forms(out, speakers, texts)


def _merged(kept: Topic, other: Topic) -> Topic:
    """``kept`` with the terms and sentences of ``other``."""
    return Topic(kept.name, (*kept.terms, *(t for t in other.terms if t not in kept.terms)),
                 tuple(sorted({*kept.a, *other.a})), tuple(sorted({*kept.b, *other.b})),
                 kept.origin)


def _name_key(name: str) -> tuple[str, ...]:
    """A topic name compared without case, hyphens and inflection ("Democrats" ~ "Democrat")."""
    return tuple(stem(normalise(w).replace("-", "")) for w in name.split())


def _contracted(short: str, words: list[str]) -> bool:
    """Whether a one-word name with inner capitals is the words of a longer name cut short
    and joined ("HuffPost" of "Huffington Post", "FedEx" of "Federal Express")."""
    parts = re.findall(r"[A-Z][a-z]*", short)
    if len(parts) != len(words) or "".join(parts) != short:
        return False
    return all(len(p) >= 2 and w.startswith(p) for p, w in zip(parts, words, strict=True))


def _outlet_short_form(key: str, words: list[str]) -> bool:
    """Whether the word of ``key`` is one word of a two-word organisation's name that stands
    for it: before an organisation word ("Fox" of "Fox News"), or an organisation word after
    a name ("Post" of "Denver Post"; not "House" of "White House" or "Ohio House")."""
    if len(words) != 2 or not all(w[:1].isupper() for w in words):
        return False
    keys = [word_key(w) for w in words]
    if key not in keys:
        return False
    other = keys[1 - keys.index(key)]
    orgs = wordlists.org_words()
    if keys[0] == key:
        return other in orgs
    return (key in orgs and key not in _BODIES and not is_everyday_word(words[0])
            and other not in orgs)


# Bodies a one-word name already names ("House" beside "Ohio House" is another house).
_BODIES = frozenset({"house", "senate", "congress", "parliament", "assembly", "court",
                     "council", "government"})


_COUNTRY_PREFIXES = (("united", "states"), ("us",), ("u.s.",), ("u.s",))
# A body's name after a place word, or before an organisation word: "Senate Foreign Relations"
# (written before "and Intelligence committees") is the "Senate Foreign Relations Committee".
_HEAD_ORG_WORDS = frozenset({"committee", "commission", "subcommittee", "caucus", "council"})


def _without_short_forms(topics: list[Topic], speakers: tuple[str, ...],
                         texts: Callable[[Topic], list[str]]) -> list[Topic]:
    """Topics that repeat another listed topic in a shorter or longer form, folded into it:
    one everyday word of exactly one listed organisation's name ("Post" of "Washington Post",
    "Fox" of "Fox News"); a listed name after the country's name ("United States Supreme
    Court" -> "Supreme Court"); a committee's name without its head word ("Senate Foreign
    Relations" -> "Senate Foreign Relations Committee"). A given name alone ("Robert",
    "Theresa") names nobody the reader can place: left out, unless written as a place ("in
    Lincoln"). ``texts`` gives the sentences of a topic."""
    names = {t.name: i for i, t in enumerate(topics)}
    spoken = {word_key(w) for n in speakers if _is_person(n) for w in n.split()}
    person_words = {word_key(w) for t in topics if t.name[:1].isupper() and " " in t.name
                    and _is_person(t.name) for w in t.name.split()}
    into: dict[int, int] = {}
    dropped: set[int] = set()
    for i, topic in enumerate(topics):
        name = topic.name
        if topic.origin != "auto" or not name[:1].isupper():
            continue
        words = name.split()
        keys = [word_key(w) for w in words]
        if len(words) >= 2 and all(w[:1].isupper() for w in words):
            j = next((j for j, t in enumerate(topics) if j != i and " " not in t.name
                      and _contracted(t.name, words)), None)
            if j is not None:
                into[i] = j  # "Huffington Post" beside "HuffPost"
                continue
        if len(words) == 1 and not name.isupper():
            key = keys[0]
            if key in wordlists.places() or key in wordlists.demonyms():
                continue
            if wordlists.is_given_name(key) and not _written_as_place(name, texts(topic)):
                dropped.add(i)  # "Theresa", "Robert": a first name alone
                continue
            if ((is_everyday_word(name) or key in wordlists.org_words()) and key not in spoken
                    and key not in person_words and key not in _PARTY_WORDS):
                longer = [j for j, t in enumerate(topics) if j != i and t.origin == "auto"
                          and _outlet_short_form(key, t.name.split())]
                if len(longer) == 1:
                    into[i] = longer[0]  # "Post" of "Washington Post"
            continue
        for prefix in _COUNTRY_PREFIXES:
            n = len(prefix)
            if tuple(keys[:n]) == prefix and len(words) > n:
                j = names.get(" ".join(words[n:]))
                if j is not None and j != i:
                    into[i] = j  # "United States Supreme Court" -> "Supreme Court"
        if keys[-1] not in _HEAD_ORG_WORDS:
            j = next((names[f"{name} {head}"] for head in ("Committee", "Commission",
                      "Subcommittee", "Caucus", "Council") if f"{name} {head}" in names), None)
            if j is not None:
                into[i] = j  # "Senate Foreign Relations" -> "... Committee"
    if not into and not dropped:
        return topics
    merged = list(topics)
    for i, j in into.items():
        while j in into and into[j] != i:
            j = into[j]
        merged[j] = _merged(merged[j], merged[i])
    return [t for i, t in enumerate(merged) if i not in into and i not in dropped]


_PLACE_PREPOSITIONS_RE = re.compile(r"\b(?:in|at|from|to|near|outside|across|of)\s+$")


def _written_as_place(name: str, sentences: list[str]) -> bool:
    """Whether a one-word name follows "in", "at", "from", "to" ... somewhere ("in Lincoln"):
    a place that is also a given name."""
    for text in sentences:
        for m in re.finditer(rf"(?<![\w.]){re.escape(name)}(?!\w)", text):
            if _PLACE_PREPOSITIONS_RE.search(text[max(0, m.start() - 12):m.start()]):
                return True
    return False


def _is_person(name: str) -> bool:
    """A listed name that is a person's full name ("Jane Roe")."""
    parsed = parse_name(name)
    return parsed is not None and parsed.kind == "person" and len(parsed.words) >= 2


def _person_of(name: str) -> str:
    """A person's name without the titles before it, the place after "of" and "Jr."
    ("County Sheriff Ann Roe of Deuel County" -> "Ann Roe")."""
    words = name.split()
    if " of " in f" {name} ":
        words = words[:words.index("of")]
    titled = [i for i, w in enumerate(words)
              if word_key(w) in wordlists.titles() or word_key(w) in TOPIC_TITLES]
    if titled and titled[-1] < len(words) - 1:
        words = words[titled[-1] + 1:]
    return _without_suffix(" ".join(words))


def _suffixed_speaker(name: str, speakers: tuple[str, ...]) -> bool:
    """A surname with "Jr." of a speaker whose name ends so ("Roe Jr" of "Jim Roe Jr.")."""
    words = [w.rstrip(".") for w in name.split()]
    if len(words) < 2 or word_key(words[-1]) not in _SUFFIXES:
        return False
    for speaker in speakers:
        said = [w.rstrip(".") for w in speaker.split()]
        if len(said) > len(words) and said[-len(words):] == words:
            return True
    return False


def _only_address_tails(topic: Topic, sentences: list[str]) -> bool:
    terms = [t for t in topic.terms if " " not in t]
    if not terms or len(terms) != len(topic.terms) or any(
            len(t.replace(".", "")) > 4 for t in terms):
        return False
    seen = False
    for text in sentences:
        for term in terms:
            for start in _occurrences(text, term):
                word = text[start:start + len(term) + term.count(".") + 4].split()[0]
                word = word.rstrip(",;:")
                if not (is_address_tail(text, start, word) or _abbreviation(text, start, word)):
                    return False
                seen = True
    return seen


def _abbreviation(text: str, start: int, word: str) -> bool:
    """A short word with an abbreviation's dot inside a sentence ("Wash. Gov. Jay Inslee"),
    not a title ("Gov.") and not a place named in full."""
    bare = word.rstrip(".")
    return (word.endswith(".") and not bare.isupper() and len(bare) <= 4
            and word_key(bare) not in wordlists.titles()
            and word_key(bare) not in wordlists.places()
            and text[start + len(word):].strip() != "")


def _one_whole_name(topic: Topic, sentences: list[str]) -> str | None:
    wholes: set[str | None] = set()
    for text in sentences:
        if is_title_case(text):
            continue  # a headline: every word is capitalised
        for term in topic.terms:
            if term in text:
                wholes.add(whole_name_in(text, term))
                break
    if len(wholes) != 1:
        return None
    return wholes.pop()


# Words that describe the holder of a name, never open one ("Outgoing White House ...").
_DESCRIPTORS = frozenset({"outgoing", "incoming", "former", "acting", "interim", "retiring",
                          "embattled", "then", "top", "leading", "senior", "prominent",
                          "presumptive", "fellow", "longtime", "veteran", "powerful",
                          "influential", "vulnerable"})
# Hyphen tails that make a name a modifier ("St Louis-based", "Republican-controlled").
MODIFIER_TAILS = frozenset({"era", "led", "controlled", "passed", "based", "backed", "style",
                            "born", "owned", "funded", "run", "linked", "allied", "leaning",
                            "area"})
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _initials(name: str) -> str:
    """ "Joint Committee on Taxation" -> "JCT"."""
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def _without_suffix(name: str) -> str:
    words = name.split()
    while len(words) > 2 and word_key(words[-1]).rstrip(".") in _SUFFIXES:
        words.pop()
    return " ".join(words)


def _without_descriptor(name: str) -> str | None:
    """The name without a describing first word, when one opens it; else None."""
    words = name.split()
    if len(words) < 2:
        return None
    first = words[0].casefold()
    if first in _DESCRIPTORS or ("-" in first and first.rsplit("-", 1)[1] in MODIFIER_TAILS):
        return " ".join(words[1:])
    if first in _PARTY_ADJECTIVES and _is_place(" ".join(words[1:])):
        return " ".join(words[1:])  # "Democratic Illinois": the state, described
    return None


def _is_place(name: str) -> bool:
    return name.casefold() in wordlists.place_names() or word_key(name) in wordlists.places()


def is_description(name: str) -> bool:
    """A capitalised phrase that describes rather than names: a place with a party word
    ("New York Democrat"), a name used as a modifier ("St Louis-based",
    "Indianapolis-area"), or a headline word in capitals ("UPDATE", "OUTRAGE")."""
    words = name.split()
    if len(words) == 1 and name.isalpha() and name.isupper() and len(name) >= 5:
        return wordlists.zipf(name.casefold()) >= _CAPS_WORD_ZIPF
    last = words[-1].casefold()
    if "-" in last and _modifier_tail(words[-1].rsplit("-", 1)[1]):
        return True
    if len(words) >= 2 and last in _PARTY_ADJECTIVES:
        return True  # "Senate Democratic" of "the Senate Democratic leader": a modifier
    if len(words) >= 2 and word_key(last) in _PARTY_WORDS:
        before = " ".join(words[:-1]).casefold()
        return before in wordlists.place_names() or word_key(before) in wordlists.places()
    keys = [word_key(w) for w in words]
    # "Alabama Republican Senate (candidate)", "Democratic Nomination": a party word
    # describing what follows, not a party body's name ("Democratic National Committee")
    return (len(words) >= 2
            and any(k in _PARTY_ADJECTIVES or k in ("gop", "democrat") for k in keys[:-1])
            and keys[-1] not in _party_heads() and keys[-1] not in _PARTY_WORDS
            and not (keys[0] in _PARTY_ADJECTIVES and _is_place(" ".join(words[1:]))))


def _modifier_tail(tail: str) -> bool:
    """A lowercase hyphen tail that makes a name a modifier: "-based", "-grown", "-related"."""
    return tail in MODIFIER_TAILS or (tail.islower() and tail.endswith(("ed", "en", "wn")))


_PARTY_ADJECTIVES = frozenset({"democratic", "republican"})
# Last words of a party body's name ("Republican National Committee", "Democratic Party"); the
# legislative bodies are not among them ("the Republican Senate" describes the Senate).
@lru_cache(maxsize=1)
def _party_heads() -> frozenset[str]:
    return (wordlists.org_words() - {"senate", "house", "congress", "parliament", "government",
                                     "assembly"}) | {"party", "convention", "caucus",
                                                     "coalition", "club", "conference"}


# Title-like words before a name that the speaker rules need not know ("Journalist Ann Roe",
# "Pres Obama", "County DA Tom Roe"): for topics, they cut a run as titles do.
TOPIC_TITLES = frozenset({"pres", "journalist", "journalists", "justices", "da", "sheriff",
                          "columnist", "correspondent", "reporter", "commentator", "anchor",
                          "pundit", "activist", "author", "historian", "economist",
                          "strategist", "pollster", "analyst", "lawyer", "attorneys",
                          "staff"})


# An all-capitals word of five letters or more this common as a word is a headline word.
_CAPS_WORD_ZIPF = 3.5
_PARTY_WORDS = frozenset({"democrat", "republican", "democrats", "republicans"})
