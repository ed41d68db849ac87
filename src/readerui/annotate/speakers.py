"""Whose statement each sentence reports, across both accounts.

Rules, in order, for each sentence:
1. A title, a headline-style sentence, or an opening line without a full stop is the
   narrator's.
2. A speech cue (see :mod:`readerui.annotate.cues`) names the speaker: the sentence-closing
   attribution ("..., X said.") if there is one, else the first main-clause cue. "he"/"she" go to
   the person most recently named as a speaker or as a sentence subject in that account.
3. A sentence that opens with a person (or the joint sides) doing something ("X held talks with
   Y", "The two sides exchanged views") is narration: verbs of action, not of statement. Joint
   cues later in such a sentence ("..., and both sides pledged ...") are part of that narration.
4. With no cue, a sentence carries on the speaker of the sentence before it in the same
   paragraph; a paragraph break, a title, or a person as subject ("Ortiz did not respond")
   stops the carry-over. A paragraph that opens with a quotation carries the quote on.
5. "the ministry", "the union" is the organisation of that kind named last ("Health Ministry");
   "it" is the organisation or group speaking in this paragraph.

Names are merged across the accounts by :class:`readerui.annotate.names.People`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from readerui import lazyre as re  # patterns compiled on first use
from readerui.annotate import wordlists
from readerui.annotate.cues import (
    DESCRIBED_AFTER_RE,
    DESCRIBED_BEFORE_RE,
    GENERIC_ORG_NOUNS,
    ROLE_RE,
    Cue,
    Ref,
    find_cues,
    headline_cue,
    is_event_narration,
    quoted_mask,
    role_key,
    saying_clause,
    sentence_subject,
    speech_noun,
)
from readerui.annotate.namefilter import (
    LEGAL_TEXTS,
    is_no_speaker_name,
    is_sentence_word,
    lowercase_words,
)
from readerui.annotate.names import (
    TITLE_FORMS,
    People,
    Person,
    after_article,
    collect_full_names,
    is_title_case,
    parse_name,
    runs,
    surname_key,
    title_phrase,
    word_key,
)
from readerui.model import Document, Speaker

JOINT_NAME = "both sides"
# A sentence opening with a subordinate clause (after a short time phrase): "A month ago, when".
_OPENING_CLAUSE_RE = re.compile(r"^[\W]*(?:[^,]{1,30},\s*)?(?:when|after|as|while|before|because|"
                                r"although|though|since|once|until)\s", re.IGNORECASE)
# "..., but he said": a pronoun opening a second clause of the sentence
_SECOND_CLAUSE_END_RE = re.compile(r"(?:,\s*|\s)(?:but|and|yet)\s+(?:then\s+|also\s+)?$")
# An uncued quotation resumes the last quoted speaker if it opens this many sentences after them.
QUOTE_RESUME = 3


def is_unnamed_source(label: str) -> bool:
    """Whether a speaker label names nobody in particular: its head noun is an unnamed or
    collective source ("senior U.S. officials", "House Republicans", "her aides")."""
    words = label.split()
    return bool(words) and words[-1].lower().strip(".,'’") in wordlists.unnamed_sources()
# How many of the latest namings "he"/"she" looks back over.
ANTECEDENT_LOOKBACK = 32
# An opening on the speaker's own things or a bare organisation noun: narration about them.
_ABOUT_OPENING_RE = re.compile(
    r"^\W*(?:(?:but|and|yet)\s+)?(?:(?:his|her|its|their)\s+(?!own\b)\w+|the\s+(?:"
    + "|".join(sorted(GENERIC_ORG_NOUNS)) + r")\s+(?!(?:said|says|added|told)\b)\w+)",
    re.IGNORECASE)
# "But there was no sign ...", "It is unclear whether ...", "The announcement drew ...": the
# narrator's, about the situation or the statement itself
_NARRATOR_OPENING_RE = re.compile(
    r"^\W*(?:(?:but|and|yet|still)\s+)?(?:there\s+(?:is|was|were|are|has|have|had|will)\b|"
    r"it\s+(?:is|was|remains|remained)\s+(?:unclear|not\s+clear|uncertain|unknown)\b|"
    r"the\s+(?:announcement|statement|remarks|comments|speech|interview|decision|move|"
    r"endorsement|post|tweet|letter)\s+(?!(?:said|says|added|read|reads|stated)\b))",
    re.IGNORECASE)
# "X declined to say whether ...", "refused to comment": about a statement not made
_DECLINED_RE = re.compile(r"\b(?:declined|declines|refused|refuses|would\s+not|wouldn[’']t|did\s+"
                          r"not|didn[’']t)\s+to\s+(?:say|comment|discuss|answer|elaborate|"
                          r"specify|respond|confirm)\b|\b(?:declined|refused)\s+(?:to\s+)?"
                          r"(?:comment|say)", re.IGNORECASE)


def is_fragment(label: str) -> bool:
    """Whether an organisation-like speaker label names nobody: one capitalised function word
    or adverb ("Instead", "Notably") or a demonym ("American") rather than a name ("Politico",
    "CNN")."""
    words = label.split()
    if len(words) != 1 or words[0].isupper():
        return False
    key = word_key(words[0])
    return (key in wordlists.function_words() or key in wordlists.demonyms()
            or (key.endswith("ly") and wordlists.zipf(key) >= 3.0))

_VIEW_OF_RE = re.compile(r"^\W*(?:(?:But|And|Yet)\s+)?To\s+((?:[A-Z][\w.'’\-]*\s+)*"
                         r"[A-Z][\w'’\-]*)(?:,\s+[^,]{1,30})?,\s")
_COLLECTIVE_OPENING_RE = re.compile(r"^\W*(?:[A-Z][\w.'’\-]*\s+){1,3}and\s+(?:other|fellow|"
                                    r"several|many|some|most)\s")
# An opener naming the piece the subject speaks in: "In a letter to the board, X ...", "In her
# Facebook post on Monday, X ...".
_WRITTEN_OPENER_RE = re.compile(
    r"^\W*(?:In|Through|Via)\s+(?:a|an|the|his|her|their|its)\s+(?:[\w\-'’]+\s+){0,3}?"
    r"(letter|post|statement|tweet|op-ed|essay|memo|e-?mail|message|column|note|blog)s?\b"
    r"[^,;:]{0,100},\s*")
# A quotation of five words or more that closes the sentence: "..., “or else the rules tell
# them what to do.”"
_CLOSING_QUOTE_RE = re.compile(r"[“\"](?:[^\"“”\s]+\s+){4,}[^\"“”\s]+[”\"]\s*$")
# An interview the subject gives: "X, in an interview with Y, ...", "... in a 2012 interview".
_INTERVIEW_RE = re.compile(r"\bin\s+(?:a|an|the|his|her|their|its)\s+(?:[\w.\-]+\s+){0,3}?"
                           r"(interview)s?\b")
# A line that introduces the text of a written piece: "Read the full post:", "The letter reads:".
_WRITTEN_INTRO_RE = re.compile(
    r"\b(?:rant|post|posting|letter|statement|note|message|e-?mail|memo|tweets?|op-ed|essay|"
    r"reads|read\s+in\s+full|wrote|writes|in\s+full|full\s+text|saying|tweeting|writing|"
    r"posting)\b[^:]*:\s*$", re.IGNORECASE)
# "This post has been revised to reflect the following correction:": the outlet's own note.
_EDITORIAL_NOTE_RE = re.compile(r"\b(?:correction|corrected|updated?|revised|editor)",
                                re.IGNORECASE)
# Nouns for a publication or a piece in one: "the article said" is the outlet that ran it.
_PUBLICATION_NOUNS = frozenset({"article", "story", "column", "editorial", "magazine",
                                "newspaper", "paper", "website", "site", "outlet", "blog"})
_OUTLET_RE = re.compile(
    r"\b(?:article|story|report|piece|column|editorial|op-ed|profile|interview|post)s?\s+"
    r"(?:in|by|from|published\s+by|on)\s+(?:[Tt]he\s+)?((?:[A-Z][\w'’\-]*\.?\s+)*[A-Z][\w'’\-]*)")


def _strip_stop(run: str) -> str:
    """A run without the sentence's full stop."""
    return run[:-1] if run.endswith(".") and not run[:-1].split()[-1:][0].count(".") else run


_SENTENCE_ENDS = (".", "!", "?", '"', "”", "'", "’", ":", ";", ")")

# A speaker before merging: ("person", index) | ("joint", "") | ("entity", label)
SpeakerKey = tuple[str, int | str]


@dataclass(slots=True)
class _Reading:
    """State while reading one account top to bottom."""

    current: SpeakerKey | None = None  # the speaker being carried over
    paragraph: int = -1
    last_person: int | None = None  # who "he"/"she" refers to
    last_person_at: int = -1  # the sentence that made them so (as speaker or subject)
    last_speaker: int | None = None  # the person who spoke last in this account
    recent: dict[int, int] | None = None  # person -> last sentence it was mentioned in
    titles: dict[str, int] = field(default_factory=dict)  # "president" -> person last so named
    orgs: dict[str, str] = field(default_factory=dict)  # "ministry" -> "Health Ministry"
    quoted: bool = False  # the sentence before held a quotation
    last_org: str | None = None  # the organisation named last ("the company" means it)
    last_outlet: str | None = None  # the publication last named as one ("an article in X")
    written: SpeakerKey | None = None  # the author of the piece this paragraph reproduces
    how: str | None = None  # which cue named the speaker of the sentence just read
    how_before: str | None = None  # the cue of the sentence before it
    cued: bool = False  # the sentence just read had a speech cue (even one naming nobody)
    nobody: bool = False  # ... and that cue named an unnamed source ("the official said")
    gender: str = ""  # "m" for a "he" cue, "f" for "she", "" when unknown
    named: dict[int, int] = field(default_factory=dict)  # person -> last sentence naming them
    # outside a quotation (who "he" can mean), and those namings in order
    naming: list[tuple[int, int]] = field(default_factory=list)


class SpeakerAttributor:
    """Attributes the sentences of both accounts, sharing one pool of people."""

    def __init__(self, a: Document, b: Document) -> None:
        self.people = People()
        collect_full_names((s.text for doc in (a, b) for s in doc.sentences
                            if s.role != "title"), self.people)
        self.surfaces: dict[SpeakerKey, list[str]] = {}  # names a speaker was cued by
        # headlines whose speaker is known only by a surname met later: (keys, position, text)
        self.pending: list[tuple[list[SpeakerKey | None], int, str]] = []
        self.cues: dict[int, list[str | None]] = {}  # id(keys of an account) -> cue per sentence
        # words written in lower case somewhere: such a word alone opening a sentence is none
        self.lowercase = lowercase_words([s.text for s in (*a.sentences, *b.sentences)])
        # role noun -> people the accounts describe so ("Ana Ruiz, the Republican nominee,"),
        # read when a role noun first names a speaker (most texts never need it)
        self.described: dict[str, set[int]] | None = None
        self._docs = (a, b)
        self.spoken: dict[SpeakerKey, int] = {}  # while naming headlines: sentences per speaker

    def _descriptions(self) -> dict[str, set[int]]:
        """Whom both accounts describe by a role noun, by name: role -> people."""
        if self.described is None:
            self.described = {}
            for doc in self._docs:
                for sentence in doc.sentences:
                    text = sentence.text
                    if sentence.role == "title" or not ROLE_RE.search(text):
                        continue
                    found = [(m.group(1), m.group(2)) for m in DESCRIBED_AFTER_RE.finditer(text)]
                    found += [(m.group(2), m.group(1))
                              for m in DESCRIBED_BEFORE_RE.finditer(text)]
                    for run, role in found:
                        name = parse_name(run)
                        if name is not None and name.kind == "person" and not name.surname_only:
                            index = self.people.add_full_name(name.words)
                            for key in {role_key(role), title_phrase(role.lower().split())}:
                                self.described.setdefault(key, set()).add(index)
        return self.described

    def resolve_headlines(self) -> None:
        """Name the speakers of headlines whose surname was only met in the body."""
        for keys, position, text in self.pending:
            if keys[position] is None:
                self.spoken = {}  # how many sentences of this account each speaker has
                for key in keys:
                    if key is not None:
                        self.spoken[key] = self.spoken.get(key, 0) + 1
                keys[position] = self._headline(text, _Reading(recent={}))
                self.spoken = {}
                if keys[position] is not None:
                    self.cues[id(keys)][position] = "headline"

    # -- resolving a cue -------------------------------------------------------------------
    def _person_key(self, ref: Ref, state: _Reading, position: int) -> SpeakerKey | None:
        name = ref.name
        assert name is not None and state.recent is not None
        if name.kind != "person" and is_unnamed_source(name.text):
            return None  # "House Republicans", "Democrats": members of a party, unnamed
        if name.kind == "org" and name.surname_only and not name.titled:
            named = state.orgs.get(word_key(name.surname))
            if named is not None and named != name.text and not is_unnamed_source(named):
                return ("entity", named)  # "The Post noted": "The Washington Post" named before
        if name.kind in ("org", "place") or (name.kind == "unknown" and not name.surname_only):
            return ("entity", name.text)
        if name.surname_only and not name.titled and not self.people.candidates(name.surname):
            named = state.orgs.get(word_key(name.surname))
            if named is not None and named != name.text:
                return ("entity", named)  # "The Post noted": "The Washington Post" named before
            if (near := self.people.near(name.surname)) is not None:
                return ("person", near)  # "Cowen" in an account that names "William Cowan"
        create = name.kind == "person" or name.titled or name.surname_only
        index = self.people.resolve(name, state.recent, create=create)
        if index is None and name.title:  # "President Roe": the Roe so titled anywhere
            held = [p for p in self.people.candidates(name.words[-1])
                    if p in self.people.titled.get(name.title, set())]
            index = held[0] if len(held) == 1 else None
        if index is None:
            return ("entity", name.text)  # a surname shared by people not yet told apart
        state.recent[index] = state.named[index] = position
        state.naming.append((position, index))
        if name.title:
            state.titles[name.title] = index
        return ("person", index)

    def _key_of(self, ref: Ref, state: _Reading, position: int) -> SpeakerKey | None:
        if ref.kind == "name" and ref.name is not None and len(ref.name.words) == 1 \
                and not ref.name.titled and is_fragment(ref.name.words[0]):
            return None  # "Notably, they ...": an opening adverb, not a surname
        if self._not_a_name(ref):
            return None  # "Close to three dozen ...", "Cuts recommended ...": a plain word
        if ref.kind == "name" and ref.name is not None and ref.name.kind != "person" and \
                word_key(ref.name.words[-1]) in LEGAL_TEXTS:
            return None  # "the Fourteenth Amendment states": a text of law
        key = self._raw_key_of(ref, state, position)
        if key is not None and key[0] == "entity" and (
                is_fragment(str(key[1])) or is_no_speaker_name(str(key[1]))):
            return None  # "administration", "Instead", "Governor", "AARP spokesperson"
        if key is not None and key[0] == "entity" and str(key[1]).endswith(" spokesperson") \
                and self.people.candidates(str(key[1]).split()[-2]):
            return None  # "Ortiz's spokesman": a person's unnamed spokesman (rule 4)
        return key

    def _not_a_name(self, ref: Ref) -> bool:
        """A lone everyday word read as a name that no known person carries."""
        name = ref.name
        if ref.kind != "name" or name is None or len(name.words) != 1 or name.titled:
            return False
        word = name.words[0]
        key = word_key(word)
        return not self.people.candidates(word) and (
            is_sentence_word(word, self.lowercase) or is_no_speaker_name(word)
            or (key.endswith("s") and key[:-1] in wordlists.titles()))  # "Presidents have"

    def _raw_key_of(self, ref: Ref, state: _Reading, position: int) -> SpeakerKey | None:
        if ref.kind == "pronoun":  # the speaker of this paragraph, else the last person named
            if state.current is not None and state.current[0] == "person" and not (
                    state.gender and self.people.persons[int(state.current[1])].gender
                    not in ("", state.gender)):
                return state.current  # (not "she" for a speaker known as "Mr. X")
            person = self._last_mentioned(state, self.people.persons, position)
            return None if person is None else ("person", person)
        if ref.kind == "title":  # "The Prime Minister said": the one last named with that title
            if is_unnamed_source(ref.label):
                return None  # "the senators said": several people, unnamed
            index = self._titled(ref.label, state)
            if index is not None:
                return ("person", index)
            described = self._descriptions().get(title_phrase(ref.label.split()), set())
            if len(described) == 1 and ref.label == ref.label.lower():
                return ("person", next(iter(described)))  # "the former governor" described so
            if not ref.text:  # "the former governor said", right after she spoke: like "she"
                if state.current is not None and state.current[0] == "person":
                    return state.current
                person = self._last_mentioned(state, self.people.persons, position)
                if person is not None:
                    return ("person", person)
            return ("entity", ref.text or ref.label.title())
        if ref.kind == "plural":  # "they": the organisation speaking here, else nobody
            if state.current and state.current[0] == "entity":
                return state.current
            return None
        if ref.kind == "it":  # "It urged ...": the organisation or group speaking here
            return state.current if state.current and state.current[0] == "entity" else None
        if ref.kind == "source":  # "the ministry" -> the ministry last named ("Health Ministry")
            label = ref.label
            if is_unnamed_source(label):
                return None  # "prosecutors", "a White House official": unnamed sources
            if label.split()[-1].lower() in GENERIC_ORG_NOUNS and label == label.lower():
                # "the company", "the group": the organisation named last in this account;
                # "the article", "the magazine": the publication named as one, if any
                if label.split()[-1].lower() in _PUBLICATION_NOUNS and state.last_outlet:
                    return ("entity", state.last_outlet)
                if state.last_org and (named_org := parse_name(state.last_org)) is not None \
                        and named_org.kind == "place":
                    return None  # "the site said" after "New York City": no such organisation
                return ("entity", state.last_org) if state.last_org else None
            named = state.orgs.get(word_key(label.split()[-1]))
            if named and (" " not in label or (label == label.lower() and set(
                    label.split()) <= {w.lower() for w in named.split()})):
                label = named  # "the Senate committee" -> "Senate Intelligence Committee"
            return ("entity", label)
        if ref.kind == "described":  # "the GOP front-runner": the person so described
            return self._described(ref.label, state, position)
        if ref.kind in ("joint", "record"):  # joint statements and records are nobody's
            return None
        if ref.kind == "entity":
            return None if is_unnamed_source(ref.label) else ("entity", ref.label)
        if ref.kind == "document":
            return state.current
        return self._person_key(ref, state, position)

    @staticmethod
    def _last_mentioned(state: _Reading, persons: Sequence[Person], position: int
                        ) -> int | None:
        """Who "he"/"she" means outside a speaker's paragraph: the person of that gender (when
        known) named most recently, anywhere in a sentence ("Huckabee's religion ... . He
        wrote"); among several named in that sentence, the last subject or speaker if one of
        them, else nobody new. Names inside quotations and in this sentence do not count.
        Only the last few namings are looked at, so the cost per sentence stays constant."""
        latest, named = -1, []
        for at, person in reversed(state.naming[-ANTECEDENT_LOOKBACK:]):
            if at >= position or state.named.get(person) != at:
                continue  # this sentence, or named again later
            if state.gender and persons[person].gender and persons[person].gender != state.gender:
                continue
            if latest >= 0 and at != latest:
                break
            latest = at
            if person not in named:
                named.append(person)
        if not named or (state.last_person_at >= latest and state.last_person is not None and (
                not state.gender or persons[state.last_person].gender in ("", state.gender))):
            # nobody named, or named beside the speaker or subject of that sentence ("Calling
            # X a fraud, he said ..."): the speaker or subject goes on
            return state.last_person
        if state.last_person in named or len(named) > 1:
            return state.last_person
        return named[0]

    def _described(self, role: str, state: _Reading, position: int) -> SpeakerKey | None:
        """The person a role noun means: the one either account describes so (the latest
        mentioned in this account, if several); else, as for "he"/"she", the person speaking in
        this paragraph or the one last named."""
        recent = state.recent
        assert recent is not None
        if role in wordlists.titles() or role in TITLE_FORMS.values():
            titled = self._titled(role, state)  # "the Vermont senator": the senator named so
            if titled is not None:
                recent[titled] = position
                return ("person", titled)
        people = self._descriptions().get(role, set())
        if len(people) > 1:
            seen = [p for p in people if p in recent]
            people = {max(seen, key=lambda p: recent[p])} if seen else set()
        if people and not people & recent.keys() and state.last_speaker is not None:
            # described so only later in this account (or only in the other): "the
            # presidential hopeful said" after someone spoke is the one speaking here
            index = state.last_speaker
            recent[index] = position
            return ("person", index)
        if people:
            index = next(iter(people))
            recent[index] = position
            return ("person", index)
        if state.current is not None and state.current[0] == "person":
            return state.current
        person = self._last_mentioned(state, self.people.persons, position)
        return None if person is None else ("person", person)

    def _is_person(self, ref: Ref) -> bool:
        """A name that is a person's (not "Markets", "Portugal")."""
        name = ref.name
        if ref.kind != "name" or name is None:
            return False
        return name.kind == "person" or (name.surname_only
                                         and bool(self.people.candidates(name.surname)))

    def _titled(self, title: str, state: _Reading) -> int | None:
        """The person a bare title means: the last so named in this account; else the only one
        so named in either account ("The Prime Minister" of a readout that never names him)."""
        title = title_phrase(title.split())  # "the A.G." is the attorney general
        recent = state.recent or {}
        holders = self.people.titled.get(title, set()) | (
            {state.titles[title]} if title in state.titles else set())
        met = [p for p in holders if p in recent]
        if len(met) > 1 and len({recent[p] for p in met}) == len(met):
            return max(met, key=lambda p: recent[p])  # "the governor" just mentioned
        if title in state.titles:
            return state.titles[title]
        same_office = {i for t, i in state.titles.items() if t.rpartition(" ")[2] == title
                       or t.partition(" of ")[0] == title}  # "the secretary" of state
        if len(same_office) == 1:  # "the minister" after "Finance Minister Ana Ruiz"
            return same_office.pop()
        anywhere = self.people.titled.get(title, set())
        return next(iter(anywhere)) if len(anywhere) == 1 else None

    def _note(self, key: SpeakerKey, surface: str) -> None:
        forms = self.surfaces.setdefault(key, [])
        if surface and surface not in forms:
            forms.append(surface)

    # -- reading ---------------------------------------------------------------------------
    def _update_mentions(self, text: str, state: _Reading, position: int) -> None:
        """Remember which people this sentence names (for surnames shared by two people)."""
        assert state.recent is not None
        mask = quoted_mask(text)
        if "in " in text or "by " in text:  # "an article in The Harbor Times": an outlet
            for m in _OUTLET_RE.finditer(text):
                name = parse_name(m.group(1))
                if name is not None and name.kind != "place":
                    state.last_outlet = _strip_stop(m.group(1))
        for start, _, run in runs(text):
            name = parse_name(run)
            if name is None or name.kind == "place":
                continue
            if name.kind == "org":
                state.orgs[word_key(name.words[-1])] = name.text
                if not is_unnamed_source(name.text) and not is_fragment(name.text):
                    state.last_org = name.text
                continue
            if name.surname_only:
                index = self.people.resolve(name, state.recent, create=False)
                if index is not None:
                    self.people.persons[index].add_form(name.text)
                    if name.honorific:
                        self.people.persons[index].add_form(f"{name.honorific} {name.text}")
            elif name.kind == "person":
                if after_article(text, start):
                    continue  # "in the Rose Garden": a place, not a person
                index = self.people.add_full_name(name.words)
            else:
                if not self.people.candidates(name.surname) and not name.titled:
                    state.last_org = name.text  # "Brightwave": not known as a person
                continue
            if index is not None:
                state.recent[index] = position
                if not (mask[start] if start < len(mask) else False):
                    state.named[index] = position
                    state.naming.append((position, index))
                if name.title:
                    state.titles[name.title] = index

    def _names_someone_else(self, text: str, state: _Reading) -> bool:
        """Whether the sentence names a person other than the current speaker."""
        for _, _, run in runs(text):
            name = parse_name(run)
            if name is None or name.kind not in ("person", "unknown"):
                continue
            if name.kind == "unknown" and not self.people.candidates(name.surname):
                continue
            if state.current is None or state.current[0] != "person":
                return True
            person = self.people.persons[int(state.current[1])]
            if word_key(name.surname) not in {surname_key([word_key(w) for w in f.split()])
                                              for f in person.forms if f.split()}:
                return True
        return False

    def _about_the_speaker(self, text: str, state: _Reading) -> bool:
        """Whether an uncued sentence after indirect speech is the narrator's about the speaker
        or the report rather than more of what was said: it names the speaker ("It was unclear
        where Mr. Ruiz got the figure"), opens on their things ("His remarks came ...") or on a
        bare noun for the organisation ("The magazine posted ..."), or follows an outlet's
        report of a fact ("X reported that ...": the next fact is the narrator's again)."""
        if state.how_before in ("reported-by", "according-to"):
            return True
        if state.current is not None and state.current == ("entity", state.last_outlet):
            return True  # after "The article said ...", the next fact is the narrator's again
        if _ABOUT_OPENING_RE.match(text) or _NARRATOR_OPENING_RE.match(text) or \
                _DECLINED_RE.search(text):
            return True
        if state.current is None:
            return False
        words = {word_key(w) for w in re.findall(r"[\w'’\-]+", text)}
        if state.current[0] == "person":
            person = self.people.persons[int(state.current[1])]
            return any(surname_key([word_key(w) for w in f.split()]) in words
                       for f in person.forms if f.split())
        label = str(state.current[1]).split()
        return bool(label) and all(word_key(w) in words for w in label)

    def _choose_cue(self, text: str) -> Cue | None:
        cues = find_cues(text)
        if not cues:
            return None
        # "X told Y ..., the statement said": the statement carries X's words; "it said" and
        # "they said" only count when nothing else names the speaker.
        cues = tuple(c for c in cues if c.ref.kind not in ("document", "it", "plural")) or cues
        if any(c.how.endswith("reported") or c.how == "reported by" for c in cues):
            # "In a letter reported by the Gazette, Ortiz wrote": the outlet relays her words
            cues = tuple(c for c in cues if not (c.how.endswith("reported") or c.how ==
                                                 "reported by")
                         and (c.ref.kind in ("pronoun", "title") or self._is_person(c.ref))
                         ) or cues
        if is_event_narration(text):
            cues = tuple(c for c in cues if c.ref.kind in ("name", "pronoun"))
            if not cues:
                return None
        trailing = [c for c in cues if c.trailing]
        if not trailing:
            return cues[0]
        chosen = trailing[-1]
        if chosen.ref.kind == "source" and not is_unnamed_source(chosen.ref.label):
            # "X expressed concern, the ministry said": X speaks (not "..., officials said")
            people = [c for c in cues if c.start < chosen.start
                      and (c.ref.kind in ("pronoun", "title") or self._is_person(c.ref))]
            if people:
                return people[0]
        return chosen

    def _antecedent(self, before: str, pronoun: str, state: _Reading, position: int
                    ) -> SpeakerKey | None:
        """The one person named in the subordinate clause opening a sentence ("When Mr. Ruiz
        released it, he said") before a "he"/"she" cue, when no title says it is the other
        gender."""
        clause = _OPENING_CLAUSE_RE.match(before)
        if clause is None:
            return None
        mask = quoted_mask(before)
        found: set[int] = set()
        for start, end, run in runs(before):
            if end <= clause.end() or (mask[start] if start < len(mask) else False):
                continue
            name = parse_name(run)
            if name is None or name.kind not in ("person", "unknown"):
                continue
            if name.kind == "unknown" and not self.people.candidates(name.surname):
                continue
            assert state.recent is not None
            index = self.people.resolve(name, state.recent, create=False)
            if index is None:
                return None
            gender = self.people.persons[index].gender or name.gender
            wanted = {"he": "m", "she": "f"}.get(pronoun.strip().lower(), "")
            if gender and wanted and gender != wanted:
                continue
            found.add(index)
        if len(found) != 1:
            return None
        index = found.pop()
        assert state.recent is not None  # asserted in the loop, which ran at least once
        state.recent[index] = state.named[index] = position
        state.naming.append((position, index))
        return ("person", index)

    def _subject_person(self, text: str, state: _Reading) -> int | None:
        """The person opening the sentence, if any (for pronouns and carry-over)."""
        found = sentence_subject(text)
        if found is None or found[0].kind != "name" or found[0].name is None:
            return None
        name = found[0].name
        if name.kind != "person" and not (name.surname_only and
                                          self.people.candidates(name.surname)):
            return None
        assert state.recent is not None
        return self.people.resolve(name, state.recent, create=False)

    def attribute(self, doc: Document) -> list[SpeakerKey | None]:
        """The speaker key of every sentence of one account (and, in ``self.cues[id(keys)]``,
        which cue named each)."""
        state = _Reading(recent={})
        out: list[SpeakerKey | None] = []
        hows: list[str | None] = []
        self.cues[id(out)] = hows
        headlines: dict[str, SpeakerKey | None] = {}
        in_quote = False  # the sentence before left a quotation open
        quote_start: int | None = None  # where the open quotation began
        quote_owner: SpeakerKey | None = None  # whose words the open quotation is
        last_quoted: tuple[SpeakerKey, int] | None = None  # who was quoted last, and where
        cued: list[bool] = []  # per sentence: a cue outside quotation marks, maybe naming nobody
        nobody: list[bool] = []  # per sentence: a cue naming an unnamed source
        for position, sentence in enumerate(doc.sentences):
            text = sentence.text
            if sentence.role == "title" or is_title_case(text) or text in headlines or (
                    position == 0 and not text.rstrip().endswith(_SENTENCE_ENDS)):
                # a headline, also when the input did not mark it (pre-split lines)
                key = headlines[text] if text in headlines else self._headline(text, state)
                headlines[text] = key
                if key is None and headline_cue(text) is not None:
                    self.pending.append((out, position, text))  # named later in the body
                out.append(key)
                hows.append("headline" if key is not None else None)
                cued.append(False)
                nobody.append(False)
                state.current = None
                in_quote, quote_start, last_quoted = False, None, None
                continue
            introduced = position > 0 and doc.sentences[position - 1].text.rstrip().endswith(":")
            if sentence.paragraph != state.paragraph:
                state.paragraph = sentence.paragraph
                # "Read the full post:" / "The letter reads:" and a paragraph with no quotation
                # marks: the paragraph is the text of the piece, its author's words (the speaker
                # of the introducing line, else the last one quoted or cued before it)
                written = None
                intro = doc.sentences[position - 1].text if introduced else ""
                if intro and not _opens_quote(text) and _WRITTEN_INTRO_RE.search(intro) \
                        and not _EDITORIAL_NOTE_RE.search(intro):
                    written = out[position - 1] or next(
                        (k for k in reversed(out[max(0, position - 4):position]) if k), None)
                state.written = written
                # A paragraph opening with a quotation and no cue continues the quote of the
                # paragraph before (newspaper style); anything else stops the carry-over.
                # "X reports:" hands the next quotation to X, a person or not.
                if not ((in_quote or _opens_quote(text)) and state.current
                        and (state.current[0] == "person" or introduced)):
                    state.current = None
            state.how_before, state.how = state.how, None
            state.cued = state.nobody = False
            key = self._attribute_one(text, state, position, in_quote)
            if key is None and state.how == "document" and out and not introduced:
                key = out[-1]  # "The letter said ..." after "In a letter, X told ..."
            if key is None and state.written is not None and not state.cued:
                key = state.written  # a line of the letter or post the paragraph reproduces
                state.how = "written-text"
            if (key is None and in_quote and quote_owner is not None
                    and state.how == "quote-continued"):
                # an uncued line of a quotation that a source named nobody inside ("..., the
                # official said") still belongs to whoever the quotation is from
                key = quote_owner
            if key is not None and key[0] == "person":
                state.last_person, state.last_person_at = int(key[1]), position
                state.last_speaker = int(key[1])
            opened = _leaves_quote_open(text, in_quote)
            if opened and not in_quote:
                quote_start, quote_owner = position, key
            if in_quote and not opened and key is not None and quote_start is not None:
                # "“... . ... ,” said X.": the whole quotation is X's
                for i in range(quote_start, position):
                    if out[i] is None and not nobody[i]:
                        out[i] = key
                        hows[i] = "quote-attribution"
            start = quote_start if in_quote else position
            if (not opened and key is None and not state.cued and last_quoted is not None
                    and not _speech_after_quote(text)
                    and (in_quote or _opens_quote(text)) and start is not None
                    and 0 < start - last_quoted[1] <= QUOTE_RESUME
                    and all(out[i] is None and not cued[i] for i in range(start, position))):
                # A quotation that opens and closes with no cue, just after someone was quoted,
                # goes on quoting them ("“...,” X is shown saying. [...] “... . ...”").
                key = last_quoted[0]
                state.how = "quote-resumed"
                for i in range(start, position):
                    out[i], hows[i] = key, "quote-resumed"
            if key is not None and any(q in text for q in ('"', "“", "”")):
                last_quoted = (key, position)
            elif state.nobody and any(q in text for q in ('"', "“", "”")):
                last_quoted = None  # "“...,” the spokesperson said": the next quote is not
                # the one quoted before
            # a sentence wholly inside a quotation has its verbs inside it ("They tell us")
            cued.append(state.cued and not (opened and (in_quote or _opens_quote(text))))
            nobody.append(state.nobody)
            in_quote = opened
            if not in_quote:
                quote_start = None
            state.current = key
            state.quoted = any(q in text for q in ('"', "“", "”"))
            out.append(key)
            hows.append(state.how if key is not None else None)
        return out

    def _headline(self, text: str, state: _Reading) -> SpeakerKey | None:
        """The speaker a headline names with a speech verb or a colon, if any."""
        ref = headline_cue(text)
        if ref is None:
            return None
        if ref.kind == "title":
            index = self._titled(ref.label, state)
            return None if index is None else ("person", index)
        name = ref.name
        if name is None or (name.kind != "person" and is_unnamed_source(name.text)):
            return None
        if (name.kind == "person" and name.surname_only) or name.kind == "unknown":
            found = self.people.candidates(name.surname)
            if len(found) > 1:  # "Ruiz Rips ..." with two Ruizes: the one who speaks (most)
                found = [p for p in found if ("person", p) in self.surfaces] or found
                counts = sorted((self.spoken.get(("person", p), 0), p) for p in found)
                if len(counts) > 1 and counts[-1][0] > 2 * counts[-2][0]:
                    found = [counts[-1][1]]
            if len(found) != 1:
                return None
            key: SpeakerKey = ("person", found[0])
        elif name.kind == "person":
            index = self.people.known(name.words)
            if index is None:
                return None  # "Ana Ruiz Budget Fight: ...": a topic label, not a person named
            key = ("person", index)
        else:
            if not any(name.text in s.text for doc in self._docs for s in doc.sentences
                       if s.role != "title" and not is_title_case(s.text)):
                return None  # "Ana Ruiz Senate: ...": a topic label, not an organisation
            key = ("entity", name.text)
        self._note(key, name.text)
        return key

    def _attribute_one(self, text: str, state: _Reading, position: int,
                       in_quote: bool = False) -> SpeakerKey | None:
        cue = self._choose_cue(text)
        subject = self._subject_person(text, state)
        if cue is None:
            self._update_mentions(text, state, position)
            if (view := _VIEW_OF_RE.match(text)) and ('"' in text or "“" in text):
                # "To Rep. Ana Ruiz, the bill “gives power back”": her view, in her words
                name = parse_name(view.group(1))
                if name is not None and name.kind in ("person", "org"):
                    key = self._key_of(Ref("name", name), state, position)
                    if key is not None:
                        self._note(key, name.text)
                        state.how = "view-of"
                        return key
            opening = sentence_subject(text)
            if opening is not None and _COLLECTIVE_OPENING_RE.match(text):
                opening = None  # "She and other Democrats disputed ...": a collective
            noun = speech_noun(text) if opening is not None else None
            piece = _WRITTEN_OPENER_RE.match(text) if opening is not None and \
                opening[0].kind in ("name", "pronoun", "title", "described") else None
            if piece is None and opening is not None and opening[0].kind in (
                    "name", "pronoun", "title", "described") and "interview" in text:
                # "X, in an interview with Y, gave ...", "X took the blame in an interview"
                piece = next((m for m in _INTERVIEW_RE.finditer(text)
                              if not quoted_mask(text)[m.start()]), None)
            if opening is not None and (noun or piece or saying_clause(text)):
                # "X offered ... and said ...", "X opened with sharp criticism of Y", "In a
                # letter to the board, X recalled ...": X speaks (or writes)
                start = piece.end() if piece and piece.start() == 0 else 0
                state.gender = _pronoun_gender(text[start:].lstrip()[:4])
                key = self._key_of(opening[0], state, position)
                if key is not None and not (piece and key[0] == "entity" and not noun
                                            and opening[0].name is not None
                                            and opening[0].name.kind == "place"):
                    self._note(key, "")
                    state.how = f"speech-noun:{noun}" if noun else \
                        f"written:{piece.group(1).lower()}" if piece else "saying-clause"
                    return key
            if opening is not None and opening[0].kind == "pronoun" and \
                    state.last_person is not None and (not (gender := _pronoun_gender(
                        text.lstrip()[:4])) or self.people.persons[state.last_person].gender
                        in ("", gender)):
                state.last_person_at = position  # "He practiced at X": still the same "he"
            if is_event_narration(text):
                if subject is not None:
                    state.last_person, state.last_person_at = subject, position
                return None
            if subject is not None and not in_quote:  # "Ortiz did not respond": narration
                state.last_person, state.last_person_at = subject, position
                return None
            # Quoted words carry the speaker on; so does indirect speech that names nobody else
            # ("China is ready to ..." after "Wang said"); a sentence about another person is
            # the narrator's.
            if in_quote or _opens_quote(text):
                state.how = "quote-continued"
                return state.current
            if state.quoted and state.current is not None and (
                    closing := _CLOSING_QUOTE_RE.search(text)) and not (
                    set(re.findall(r"[a-z]+", text[:closing.start()]))
                    & wordlists.reporting_verbs().forms) \
                    and not self._names_someone_else(text, state):
                # “Which is it?” X asked. Either ..., “or else ... .”: X goes on
                state.how = "quote-continued"
                return state.current
            if state.quoted or self._names_someone_else(text, state):
                return None  # after a direct quotation, the narrator takes over
            if opening is not None and opening[0].kind == "name" and opening[0].name is not None \
                    and opening[0].name.kind == "org" and state.current is not None and \
                    state.current != ("entity", opening[0].name.text):
                return None  # "Congress passed the bill": another actor, the narrator's
            if self._about_the_speaker(text, state):
                return None
            state.how = "continuation"
            return state.current
        key = None
        state.gender = _pronoun_gender(text[cue.start:cue.start + 4])
        if cue.ref.kind == "pronoun":
            # "When Mr. Ruiz released it, he said": the person of the opening clause
            key = self._antecedent(text[:cue.start], text[cue.start:cue.start + 3], state,
                                   position)
            if key is None and subject is not None and _SECOND_CLAUSE_END_RE.search(
                    text, 0, cue.start) and (not state.gender or self.people.persons[
                        subject].gender in ("", state.gender)):
                # "Ana Ruiz stopped short of that, but she said ...": the sentence's subject
                key = ("person", subject)
        if key is None:
            key = self._key_of(cue.ref, state, position)
        self._update_mentions(text, state, position)
        state.cued = True
        state.nobody = key is None and cue.ref.kind in ("source", "entity", "title", "joint",
                                                        "record")
        if key is None:
            if subject is not None:  # "Reps. X, Y and Z state ...": "he" next is X
                state.last_person = subject
            state.how = "document" if cue.ref.kind == "document" else None
            return state.current if cue.ref.kind == "document" else None
        state.how = _cue_label(cue)
        name = cue.ref.name
        surface = name.text if name is not None else (cue.ref.text or cue.ref.label)
        self._note(key, surface)
        if name is not None and name.honorific:
            self._note(key, f"{name.honorific} {name.text}")  # "Mr. Steele"
        return key

    # -- results ---------------------------------------------------------------------------
    def speaker_name(self, key: SpeakerKey) -> str:
        """The canonical name of a speaker key."""
        kind, value = key
        if kind == "person":
            return self.people.persons[int(value)].canonical
        if kind == "joint":
            return JOINT_NAME
        return str(value)

    def aliases(self, key: SpeakerKey) -> tuple[str, ...]:
        """Other names of a speaker: forms seen, the bare surname, "Mr. X" forms seen."""
        name = self.speaker_name(key)
        forms: list[str] = []
        if key[0] == "person":
            person = self.people.persons[int(key[1])]
            forms += person.forms
        forms += self.surfaces.get(key, [])
        seen: list[str] = []
        for form in forms:
            if form and form != name and word_key(form) != word_key(name) and form not in seen:
                seen.append(form)
        return tuple(seen)


@dataclass(frozen=True, slots=True)
class Attribution:
    """Speakers of both accounts, the speaker of every sentence, and which are people."""

    speakers: tuple[Speaker, ...]
    speaker_a: list[str | None]
    speaker_b: list[str | None]
    person_names: frozenset[str]  # names and aliases of speakers who are people
    cue_a: list[str | None] = field(default_factory=list)  # which cue named each speaker
    cue_b: list[str | None] = field(default_factory=list)


def attribute_speakers(a: Document, b: Document) -> Attribution:
    """Speakers of both accounts and the canonical speaker name of every sentence."""
    attributor = SpeakerAttributor(a, b)
    keys_a = attributor.attribute(a)
    keys_b = attributor.attribute(b)
    attributor.resolve_headlines()
    names: dict[SpeakerKey, str] = {}
    for key in [*keys_a, *keys_b]:
        if key is not None and key not in names:
            names[key] = attributor.speaker_name(key)
    # "Harbor County's U.S. Attorney's Office" and "U.S. Attorney's Office": one office
    _join_owned_offices(names)
    # Two keys may end up with one canonical name (an entity named like a person): join them.
    by_name: dict[str, list[SpeakerKey]] = {}
    for key, name in names.items():
        by_name.setdefault(name, []).append(key)
    per_a, per_b = _ids(keys_a, names), _ids(keys_b, names)
    speakers = []
    for name, keys in by_name.items():
        ids_a, ids_b = tuple(per_a.get(name, ())), tuple(per_b.get(name, ()))
        aliases: list[str] = []
        for key in keys:
            aliases += [x for x in attributor.aliases(key) if x not in aliases]
        speakers.append(Speaker(name, tuple(aliases), ids_a, ids_b,
                                joint=keys[0][0] == "joint"))
    speakers.sort(key=lambda s: (-(len(s.a) + len(s.b)), s.name))
    person_names = frozenset(
        form for key, name in names.items() if key[0] == "person"
        for form in (name, *attributor.aliases(key)))
    return Attribution(tuple(speakers), [None if k is None else names[k] for k in keys_a],
                       [None if k is None else names[k] for k in keys_b], person_names,
                       _cues_of(keys_a, attributor.cues[id(keys_a)]),
                       _cues_of(keys_b, attributor.cues[id(keys_b)]))


def _join_owned_offices(names: dict[SpeakerKey, str]) -> None:
    """An organisation named with its owner ("Harbor County's U.S. Attorney's Office") takes the
    name of the organisation also named without it ("U.S. Attorney's Office"), in place."""
    entities = {_straight(n): n for k, n in names.items() if k[0] == "entity"}
    for key, name in names.items():
        if key[0] != "entity" or "s " not in name:
            continue
        for m in _OWNER_CUT_RE.finditer(name):
            shorter = entities.get(_straight(name[m.end():]))
            if shorter is not None and shorter != name:
                names[key] = shorter
                break


_OWNER_CUT_RE = re.compile(r"['’]s\s+")


def _straight(name: str) -> str:
    """A name with straight apostrophes, case-blind."""
    return name.replace("’", "'").casefold()


def _cues_of(keys: Sequence[SpeakerKey | None], hows: list[str | None]) -> list[str | None]:
    """The cue of every sentence that has a speaker ("continuation" when none was noted)."""
    return [None if k is None else (h or "continuation") for k, h in zip(keys, hows, strict=True)]


_REF_LABELS = {"name": "verb", "entity": "verb", "pronoun": "pronoun", "title": "title",
               "described": "description",
               "source": "description", "plural": "pronoun", "it": "pronoun",
               "document": "document", "joint": "verb", "record": "record"}


def _cue_label(cue: Cue) -> str:
    """How a cue named its speaker: "verb:said", "pronoun:added", "according-to", ..."""
    how = cue.how.lower()
    if how in ("according to", "reported by") or how.endswith("reported"):
        return "according-to" if how == "according to" else "reported-by"
    return f"{_REF_LABELS.get(cue.ref.kind, 'verb')}:{how}" if how else \
        _REF_LABELS.get(cue.ref.kind, "verb")


def _leaves_quote_open(text: str, open_before: bool) -> bool:
    """Whether a quotation is still open at the end of the sentence."""
    # A quotation carried over a paragraph break opens again with a quotation mark.
    inside = open_before and not _opens_quote(text)
    for ch in _QUOTE_MARK_RE.findall(text):  # the quotation marks only, not every character
        if ch == "“":
            inside = True
        elif ch == "”":
            inside = False
        elif ch == '"':
            inside = not inside
    return inside


_QUOTE_MARK_RE = re.compile('[“”"]')


def _speech_after_quote(text: str) -> bool:
    """Whether the words after the last closing quotation mark hold a reporting verb ("...,”
    said two of her lawyers"): an attribution, even one that names nobody."""
    cut = max(text.rfind("”"), text.rfind('"'))
    if cut < 0:
        return False
    forms = wordlists.reporting_verbs().forms
    return any(word in forms for word in re.findall(r"[a-z]+", text[cut + 1:]))


def _pronoun_gender(words: str) -> str:
    """ "m" for text opening with "he", "f" for "she", else ""."""
    head = words.lower()
    if head.startswith("he") and not head[2:3].isalpha():
        return "m"
    if head.startswith("she") and not head[3:4].isalpha():
        return "f"
    return ""


def _opens_quote(text: str) -> bool:
    """A sentence that starts with a quotation mark."""
    return text.lstrip()[:1] in ('"', "“")


def _ids(keys: Sequence[SpeakerKey | None], names: dict[SpeakerKey, str]
         ) -> dict[str, list[int]]:
    """Sentence ids of every speaker name."""
    out: dict[str, list[int]] = {}
    for i, key in enumerate(keys):
        if key is not None:
            out.setdefault(names[key], []).append(i)
    return out
