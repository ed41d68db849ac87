"""The word lists the annotators use, read once from the text files in ``annotate/words``."""

from __future__ import annotations

import importlib.util
import math
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

from readerui.annotate import frequency


def _lines(name: str) -> list[str]:
    """Non-comment lines of one word-list file, stripped and lowercased."""
    text = (resources.files("readerui.annotate") / "words" / name).read_text(encoding="utf-8")
    return [line.strip().lower() for line in text.splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


def _words(name: str) -> frozenset[str]:
    """Every whitespace-separated word of one word-list file."""
    return frozenset(word for line in _lines(name) for word in line.split())


def _regular_forms(lemma: str) -> set[str]:
    """Third person, past and -ing forms of a regular English verb."""
    forms = {lemma}
    if lemma.endswith("e"):
        forms |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {lemma + "es", lemma + "ed", lemma + "ing"}
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    else:
        forms |= {lemma + "s", lemma + "ed", lemma + "ing"}
    return forms


@dataclass(frozen=True, slots=True)
class ReportingVerbs:
    """Reporting verb forms, and the particle a form needs, if any ("called" needs "for")."""

    forms: frozenset[str]
    particles: dict[str, frozenset[str]]


@cache
def reporting_verbs() -> ReportingVerbs:
    """Every inflected form of the reporting verbs, with required particles."""
    forms: set[str] = set()
    particles: dict[str, frozenset[str]] = {}
    for line in _lines("reporting_verbs.txt"):
        words = line.split()
        needs = frozenset(w[1:] for w in words if w.startswith("+"))
        lemma_forms = _regular_forms(words[0]) | {w for w in words[1:] if not w.startswith("+")}
        forms |= lemma_forms
        if needs:
            for form in lemma_forms:
                particles[form] = particles.get(form, frozenset()) | needs
    return ReportingVerbs(frozenset(forms), particles)


@cache
def event_verbs() -> frozenset[str]:
    """Verb forms that narrate an event ("held", "met", "visited")."""
    return _words("event_verbs.txt")


@cache
def titles() -> frozenset[str]:
    """Title words that end a run of titles before a person's name ("Minister", "Mr")."""
    return _words("titles.txt")


@cache
def title_modifiers() -> frozenset[str]:
    """Words that qualify a title ("Foreign", "Prime")."""
    return _words("title_modifiers.txt")


@cache
def org_words() -> frozenset[str]:
    """Words that make a capitalised run an organisation or place."""
    return _words("org_words.txt")


@cache
def calendar_words() -> frozenset[str]:
    """Day and month names."""
    return _words("calendar.txt")


@cache
def function_words() -> frozenset[str]:
    """English function words."""
    return _words("function_words.txt")


@cache
def generic_words() -> frozenset[str]:
    """Generic words that are never a topic on their own."""
    return _words("generic_words.txt")


@cache
def unnamed_sources() -> frozenset[str]:
    """Head nouns of unnamed or collective sources ("officials", "aides", "Republicans")."""
    return _words("unnamed_sources.txt") | party_members()


@cache
def party_members() -> frozenset[str]:
    """Words for members of a party ("Republicans", "Democratic")."""
    return _words("party_members.txt")


@cache
def demonyms() -> frozenset[str]:
    """Nationality adjectives ("Turkish", "Chinese")."""
    return _words("demonyms.txt")


@cache
def place_names() -> frozenset[str]:
    """Whole place names, one a line ("new york", "spain")."""
    return frozenset(_lines("places.txt")) | frozenset(_lines("place_names.txt"))


@cache
def places() -> frozenset[str]:
    """Countries, continents and regions."""
    return _words("places.txt")


@lru_cache(maxsize=20_000)
def given_name_forms(name: str) -> frozenset[str]:
    """A given name with its formal names and nicknames, casefolded ("bill" -> william, will, ...).

    From the ``nicknames`` package (hand-curated English names, Apache-2.0); a name it does not
    know stands for itself only.
    """
    key = name.casefold()
    looked = key.lower().strip()  # how the package normalises a name it is asked about
    global _lookups
    _lookups += 1
    text = _nickname_text() if _lookups <= _SEARCHED_LOOKUPS else None
    if text is not None:
        return frozenset({key} | _searched_forms(text, looked))
    tables = _nickname_tables()
    if tables is None:
        return frozenset({key})
    nicknames, canonicals = tables
    return frozenset({key} | canonicals.get(looked, frozenset())
                     | nicknames.get(looked, frozenset()))


def is_given_name(name: str) -> bool:
    """Whether the nickname list knows ``name`` as a given name or a nickname."""
    return len(given_name_forms(name)) > 1


NameTable = dict[str, frozenset[str]]

# The first lookups search the text of the nickname list (two ``str.find`` scans, ~0.1 ms for a
# short pair's few names) instead of building both tables (~5 ms); past this many the tables
# are built once and used.
_SEARCHED_LOOKUPS = 40
_lookups = 0
_FIELD = ",has_nickname,"


def _nickname_csv() -> str | None:
    """The text of the ``nicknames`` package's ``names.csv``, or None when it is missing."""
    # Found without importing the package: its __init__ reads its version through
    # importlib.metadata, which costs more than the whole table.
    spec = importlib.util.find_spec("nicknames")
    folders = spec.submodule_search_locations if spec is not None else None
    if not folders:
        return None
    try:
        return (Path(next(iter(folders))) / "names.csv").read_text(encoding="utf-8")
    except (FileNotFoundError, OSError, UnicodeDecodeError):
        return None


@cache
def _nickname_text() -> str | None:
    """``names.csv`` for searching, when a search finds what the tables hold: every field
    lower-case with no white space to strip (true of the package's list; otherwise None, and
    the tables are used). Lines start after a newline and end with one."""
    text = _nickname_csv()
    if text is None or text != text.lower() or _SPACE_BUT_NEWLINE_RE.search(text):
        return None
    return "\n" + text if text.endswith("\n") else "\n" + text + "\n"


_SPACE_BUT_NEWLINE_RE = re.compile(r"[^\S\n]")


def _searched_forms(text: str, looked: str) -> set[str]:
    """The nicknames of ``looked`` and the formal names it is a nickname of, found in the text
    of the list: what the tables map it to (lines of three fields whose middle one is
    ``has_nickname``)."""
    found: set[str] = set()
    if "," in looked or "\n" in looked:
        return found  # no field holds a comma or a newline
    needle = "\n" + looked + _FIELD  # a line whose first field is the name: its nicknames
    at = text.find(needle)
    while at >= 0:
        start = at + len(needle)
        end = text.index("\n", start)
        nickname = text[start:end]
        if "," not in nickname:
            found.add(nickname)
        at = text.find(needle, end)
    needle = _FIELD + looked + "\n"  # a line whose last field is the name: its formal names
    at = text.find(needle)
    while at >= 0:
        canonical = text[text.rindex("\n", 0, at) + 1:at]
        if "," not in canonical:
            found.add(canonical)
        at = text.find(needle, at + len(needle) - 1)
    return found


@cache
def _nickname_tables() -> tuple[NameTable, NameTable] | None:
    """(name -> its nicknames, nickname -> its formal names) from the ``nicknames`` package's
    ``names.csv``, or None when the package is missing (names then stand alone).

    The same tables as ``nicknames.NickNamer()`` builds, read with a plain split instead of its
    csv reader and named tuples (a quarter of the time).
    """
    text = _nickname_csv()
    if text is None:
        return None
    nicknames: dict[str, set[str]] = {}
    canonicals: dict[str, set[str]] = {}
    for line in text.splitlines()[1:]:  # the first line is the header
        fields = line.split(",")
        if len(fields) != 3 or fields[1] != "has_nickname":
            continue
        canonical, nickname = fields[0].lower().strip(), fields[2].lower().strip()
        nicknames.setdefault(canonical, set()).add(nickname)
        canonicals.setdefault(nickname, set()).add(canonical)
    return ({k: frozenset(v) for k, v in nicknames.items()},
            {k: frozenset(v) for k, v in canonicals.items()})


def _frequencies(lang: str) -> frequency.Table:
    """The bundled frequency table of a language (empty for a language it does not cover)."""
    return frequency.table(lang)


@lru_cache(maxsize=200_000)
def zipf(word: str, lang: str = "en") -> float:
    """How common a word is in general use (wordfreq's Zipf scale, 0 when unknown)."""
    word = word.casefold()
    table = _frequencies(lang)
    found = table.get(word)
    if found:
        return math.log10(found * 1e9)
    if table and not word.isalpha():  # "de-escalation": made of known tokens
        return frequency.combined_zipf(word, lang)
    return 0.0


@cache
def headline_verbs() -> frozenset[str]:
    """Verb forms by which a headline reports speech: reporting verbs in the present and past
    ("Says", "Accuses") and headline speech-act verbs ("Slams", "Rips", "Taunts")."""
    forms = {f for f in reporting_verbs().forms if f.endswith(("s", "ed"))}
    return frozenset(forms | _words("headline_verbs.txt"))
