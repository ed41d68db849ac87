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

import re
from functools import lru_cache

from readerui.annotate import wordlists
from readerui.annotate.names import is_everyday_word, word_key

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
    address: one to four letters (dots aside), right after "<Capitalised word>, "
    ("Florissant, Mo.", "Washington, D.C.", "Seattle, Wash.")."""
    bare = word.replace(".", "")
    if not (1 <= len(bare) <= 4 and bare[:1].isupper()):
        return False
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
    counts only when it is joined by more than "and" or ends in an organisation word, so
    "Obama and Biden" is two names, "Ways and Means Committee" one."""
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
            whole = " ".join(words)
            if piece not in whole or whole == piece:
                return None
            joiners = {word_key(w) for w in words} & set(_JOINERS)
            if joiners - {"and", "the"} or word_key(words[-1]) in wordlists.org_words():
                return whole
            return None
    return None
