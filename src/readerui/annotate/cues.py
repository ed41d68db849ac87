"""Speech cues inside one sentence: who a reporting verb says is speaking.

A cue is a subject phrase tied to a reporting verb ("Ms. Ortiz said", "said a spokesman for the
ministry", "according to the two sides"). This module only reads one sentence; deciding the
speaker of every sentence (pronouns, carry-over, paragraphs) is :mod:`readerui.annotate.speakers`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Literal

from readerui import lazyre as re  # patterns compiled on first use
from readerui.annotate import wordlists
from readerui.annotate.names import (
    RUN_AT_END_RE,
    RUN_RE,
    Name,
    is_everyday_word,
    parse_name,
    title_phrase,
    word_key,
)

RefKind = Literal["name", "pronoun", "plural", "it", "joint", "entity", "source", "document",
                  "title", "record", "described"]


@dataclass(frozen=True, slots=True)
class Ref:
    """Who a cue points at, before names are merged across the accounts.

    ``name`` for kind "name" (a person, organisation or place as written); ``label`` for an
    entity that is not a named individual ("Foreign Ministry spokesperson", "officials"), or
    for kind "title" the title word of a bare title ("The President said" -> "president").
    """

    kind: RefKind
    name: Name | None = None
    label: str = ""
    text: str = ""  # a bare title as written, for when nobody holds it ("Prime Minister")


@dataclass(frozen=True, slots=True)
class Cue:
    """A speech cue: where its subject starts, what it points at, and how it stands."""

    start: int
    ref: Ref
    trailing: bool = False  # "..., X said." closing the sentence: it governs the whole sentence
    how: str = ""  # the words that make it a cue ("said", "according to"), for explaining


_SUBORDINATOR_RE = re.compile(
    r"\b(?:that|as|after|when|because|since|while|before|if|who|which|what|where|how|whom|why|"
    r"whose|than|until|though|although|once|whether)\s*[\"“]?"
    r"(?:\s*(?:Mr|Mrs|Ms|Miss|Dr|Sen|Rep|Gov)\.?|\s+(?:the|a|an|his|her|their|its)"
    r"(?:\s+[a-z\-]+){0,2})?\s*$", re.IGNORECASE)
_TRAILING_ADVERBS_RE = re.compile(
    r"(?:\s+(?:also|further|again|repeatedly|previously|earlier|later|then|once|has|have|had|"
    r"would|will|could|long|already|recently|now|today|however|meanwhile|"
    r"too|first|publicly|privately|separately|only|just|jointly|[a-z]+ly|on\s+[A-Z][a-z]+|"
    r"at\s+the\s+time|over\s+the\s+weekend|for\s+(?:his|her|its|their)\s+part|"
    r"in\s+(?:a|an|his|her|its|their)\s+(?:\w+\s+)?(?:statement|interview|speech|letter|post)|"
    r"on\s+(?:Twitter|Facebook|television)|earlier\s+this\s+(?:week|month|year)|"
    r"last\s+(?:week|month|year|[A-Z][a-z]+)|this\s+(?:week|month|year)|"
    r"on\s+[A-Z][a-z]+\.?\s+\d{1,2}(?:,\s+\d{4})?|in\s+(?:[A-Z][a-z]+\s+)?\d{4}|"
    r"often|still|even|never\s+once|himself|herself|itself|themselves),?)+\s*$")
_PRONOUN_END_RE = re.compile(r"(?:^|[^\w'’])(he|she|they|it)$", re.IGNORECASE)
_JOINT = (r"(?:the\s+two|both(?:\s+the)?|the)\s+(?:sides|parties|leaders|ministers|countries|"
          r"presidents|delegations|governments|nations|heads\s+of\s+state|foreign\s+ministers)")
_JOINT_END_RE = re.compile(rf"(?:^|\W)({_JOINT})$", re.IGNORECASE)
_JOINT_START_RE = re.compile(rf"^({_JOINT})\b", re.IGNORECASE)
_SIDE = r"[Tt]he\s+([A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)?)\s+side"
_SIDE_END_RE = re.compile(rf"(?:^|\W){_SIDE}$")
_SIDE_START_RE = re.compile(rf"^{_SIDE}\b", re.IGNORECASE)
_RUN = RUN_RE.pattern
_SPOKES = (rf"(?:an?|the|its|his|her|their)\s+((?:[\w.'’\-]+\s+){{0,4}}?)"
           rf"(?:spokesman|spokeswoman|spokesperson|spokespeople|press\s+secretary)"
           rf"(?:\s+for\s+(?:the\s+)?(?P<org>{_RUN}|(?:[\w.'’\-]+\s+){{0,3}}[\w.'’\-]+))?")
_SPOKES_END_RE = re.compile(rf"(?:^|\W){_SPOKES}$", re.IGNORECASE)
_SPOKES_START_RE = re.compile(rf"^{_SPOKES}", re.IGNORECASE)
_POSSESSIVE_SPOKES_END_RE = re.compile(
    rf"(?P<org>{_RUN})['’]s?\s+(?:spokesman|spokeswoman|spokesperson|press\s+secretary)$")
_SOURCE_NOUNS = (r"officials|official|analysts|experts|diplomats|sources|police|witnesses|"
                 r"residents|lawmakers|critics|prosecutors|investigators|authorities|observers|"
                 r"economists|scientists|researchers|doctors|ministry|government|spokespeople|"
                 r"organizers|organisers|aides|insiders|negotiators|activists|protesters|"
                 r"campaigners|regulators|executives|people\s+familiar\s+with\s+the\s+\w+|"
                 r"union|unions|company|firm|operator|operators|carrier|airline|agency|bank|"
                 r"court|party|army|military|embassy|council|committee|board|regulator|"
                 r"university|institute|department|office|campaign|lawyers?|attorneys?|family|"
                 r"workers|rescuers|volunteers|medics|officers|soldiers|villagers|survivors|"
                 r"families|groups|companies|agencies|ministries|governments|resident|"
                 r"presidency|palace|cabinet|administration|secretariat|commission|"
                 r"witness|analyst|expert|diplomat|source|worker|rescuer|volunteer|villager|"
                 r"survivor|economist|observer|insider|negotiator|activist|protester|aide")
_NOT_FUNCTION = r"(?!(?:and|or|but|while|as|that|when|if|so|than|though|whom?|which)\s)"
_SOURCE_END_RE = re.compile(
    rf"(?:^|[^\w.'’])((?:(?:[Tt]he|[Ss]ome|[Mm]any|[Aa]n?|[Oo]ne|another|two|three|several|"
    rf"senior|other|its|their|"
    rf"(?:[A-Z]\.){{2,}}|St\.|[A-Z][\w\-]*(?:['’]s)?)\s+){{0,3}}(?:{_NOT_FUNCTION}[a-z][\w\-]+\s+)?"
    rf"(?i:{_SOURCE_NOUNS}))$")
_SOURCE_START_RE = re.compile(
    rf"^((?:(?:[Tt]he|[Ss]ome|[Mm]any|[Aa]n?|[Oo]ne|another|two|three|several|senior|other|"
    rf"its|their|(?:[A-Z]\.){{2,}}|"
    rf"[A-Z][\w\-]*(?:['’]s)?)\s+){{0,3}}(?:[a-z][\w\-]+\s+)?(?i:{_SOURCE_NOUNS}))"
    rf"(?![\w\-'’])")  # not the first half of "Union-Tribune"
_PEOPLE_NOUNS = (r"officials|analysts|experts|diplomats|sources|researchers|economists|"
                 r"scientists|lawyers|investigators|prosecutors|doctors|strategists|traders")
_SOURCE_AT_END_RE = re.compile(
    rf"(?:^|[^\w.'’])((?:[Tt]he\s+|[Ss]ome\s+|[Ss]enior\s+)?(?i:{_PEOPLE_NOUNS}))\s+"
    rf"(?:at|from|of|with)\s+(?:the\s+)?({_RUN})$")
_SOURCE_OF_RE = re.compile(rf"\s+(?:at|from|of|with|for)\s+(?:the\s+)?({_RUN})")
_OWNED = rf"(?P<owner>{_RUN})['’]s?\s+(?P<noun>office|campaign|government|ministry|team|lawyers?|" \
         rf"attorneys?|family|aides?|administration|company|party)"
_OWNED_END_RE = re.compile(rf"{_OWNED}$")
_OWNED_START_RE = re.compile(rf"^{_OWNED}\b")
_DOCUMENT = r"(?:the|a|an|its|their)\s+(?:(joint)\s+)?(?:statement|report|readout|document|" \
            r"communiqu[eé]|declaration|release|press\s+release|letter)"
# Records speak for nobody (the lead's rule 4): "..., the documents show", "court filings say".
_RECORD_END_RE = re.compile(
    r"(?:^|\W)(?:the\s+|his\s+|her\s+|their\s+|its\s+)?(?:[\w\-]+\s+){0,2}(?:documents|records|"
    r"filings|papers|returns|transcripts?|minutes|data|figures|files)$", re.IGNORECASE)
# A bare noun for an organisation or a publication named before: "the group said", "the
# organization confirmed", "the article said" (the speakers module resolves it).
GENERIC_ORG_NOUNS = frozenset({"company", "group", "organization", "organisation", "firm",
                               "agency", "magazine", "newspaper", "paper", "network", "website",
                               "site", "outlet", "center", "centre", "institute", "charity",
                               "article", "story", "column", "editorial", "blog"})
_GENERIC_ORG_START_RE = re.compile(
    r"^(?:[Tt]he|[Tt]his)\s+(" + "|".join(sorted(GENERIC_ORG_NOUNS)) + r")\b(?![\w\-'’])")
_GENERIC_ORG_END_RE = re.compile(
    r"(?:^|[^\w'’])((?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:"
    + "|".join(sorted(GENERIC_ORG_NOUNS)) + r"))$")
_DOCUMENT_END_RE = re.compile(rf"(?:^|\W){_DOCUMENT}$", re.IGNORECASE)
_DOCUMENT_FROM_RE = re.compile(rf"^{_DOCUMENT}\s+(?:from|by|issued\s+by|released\s+by)\s+",
                               re.IGNORECASE)
_INVERSION_VERBS = ("said", "says", "added", "adds", "noted", "notes", "asked", "asks", "wrote",
                    "tweeted", "posted", "told", "responded", "countered",
                    "writes", "continued", "explained", "insisted", "warned", "replied", "argued",
                    "stressed", "declared", "announced", "explained", "recalled", "concluded")
_INVERSION_RE = re.compile(rf"[,\"”]\s*(?P<verb>{'|'.join(_INVERSION_VERBS)})\s+")
# "according to X", "according to a report in X", "first reported by X": X is the source (an
# outlet reporting a plain fact is its speaker).
_ACCORDING_RE = re.compile(
    r"\b(?:[Aa]ccording\s+to|(?:first\s+|initially\s+|originally\s+)?reported\s+by)\s+"
    r"(?:(?:a|an|the)\s+(?:\w+\s+)?(?:report|story|article|interview|investigation|post|"
    r"analysis|study|survey|poll|review|estimate|memo|letter|statement)\s+"
    r"(?:in|by|from|on|published\s+by)\s+)?")
# "has said little", "said nothing": a statement about a missing statement is the narrator's.
_NOTHING_SAID_RE = re.compile(r"\s*(?:little|nothing|not\s+much|no\s+more)\b")
_NO_OBJECT_RE = re.compile(r"\s+no\s+(?!one\b|longer\b|doubt\b)")
# "mentions neither X nor Y", "named no one": a statement about what was not said.
_MENTIONED_NONE_RE = re.compile(r"\s*(?:neither|none|no\s+one|nobody|no)\b", re.IGNORECASE)
_MENTION_VERBS = frozenset({"mention", "mentions", "mentioned", "mentioning", "name", "names",
                            "named", "refer", "refers", "referred", "cite", "cites", "cited",
                            "address", "addresses", "addressed"})
# "X responded with two subpoenas", "responded to the uproar by posting photos": an action.
_ACTION_RESPONSE_RE = re.compile(
    r"^\s+(?:to\s+[^,.;:\"“”]{1,80}?\s+)?(?:by\s+(?!(?:saying|telling|arguing|noting|insisting|"
    r"asking|declaring|claiming|explaining|warning|stating|pointing|calling|accusing)\b)[a-z]+ing\b|"
    r"with\s+(?!(?:an?|the|his|her|its|their)"
    r"\s+(?:\w+\s+)?(?:statement|remark|comment|letter|tweet|post|question|message|warning|"
    r"denial|rebuttal|speech|point|argument|observation|answer|quip|joke|retort|criticism|"
    r"attack|jab|challenge)s?\b)(?![\"“])\w)")
# "posted photos of her": putting up pictures is an action, not a post's words.
_PICTURES_RE = re.compile(r"^\s+(?:(?:a|an|the|some|more|other|new|\w+)\s+){0,2}(?:photos?|"
                          r"photographs?|pictures?|images?|snapshots?)\b")
_CONFIRM_FORMS = frozenset({"confirm", "confirms", "confirmed", "confirming"})
_CONFIRMED_PERSON_RE = re.compile(
    r"^\s+(?:(?:him|her|them)\s+as\b|(?:(?:the|a|an|his|her|their|its|two|three|four|several|"
    r"all|[\w\-]+)\s+){0,3}(?:nominations?|nominees?|appointments?|appointees?|picks?)\b)")
_POST_FORMS = frozenset({"post", "posts", "posted", "posting"})
_PARTICLE_GAP_RE = re.compile(
    r"^\s+(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|today|"
    r"yesterday|again|also|publicly|repeatedly|quickly|immediately|as\s+well)\s")
_RESPOND_FORMS = frozenset({"respond", "responds", "responded", "responding"})
# "called the plan illegal", "calls that evidence unreliable", "called him a liar": naming a
# thing so is a speech act (the lead's rule 2); not "called the police", "called a meeting".
_CALL_FORMS = frozenset({"call", "calls", "called", "calling"})
_CALLED_RE = re.compile(
    r"^\s+(?:(?:the|that|this|these|those|his|her|its|their|our|[A-Z][\w\-]*['’]s)\s+"
    r"(?:[a-z\-]+\s+){0,1}[a-z\-]+|him|them|it|[A-Z][\w.\-]+(?:\s+[A-Z][\w.\-]+)?)\s+"
    r"(?P<what>(?:an?\s+)?(?:[a-z\-]+\s+){0,2}?[a-z\-]+(?:,?\s+and\s+[a-z\-]+)?)\s*[,.;]")
_NOT_PREDICATES = frozenset({"back", "up", "off", "in", "out", "over", "down", "home", "again",
                             "today", "yesterday", "tonight", "later", "first", "for", "on",
                             "to", "at", "from", "into", "about", "by", "with", "after",
                             "before", "the", "that", "this", "his", "her", "their", "its",
                             "him", "them", "it", "too", "as", "last", "week", "once", "twice",
                             "immediately", "repeatedly", "only", "meeting", "session"})
# "X seemed to suggest ...": the narrator's reading of what X meant (the lead's rule 2).
_SEEMED_RE = re.compile(r"\s+(?:seem|seems|seemed|seeming)\s+to\s*$")
_SAYING_RE = re.compile(r"\b(?:and|but)\s+(?:also\s+)?(?:said|says|added|stressed|noted|warned|"
                        r"urged|called\s+for|expressed|told|insisted|argued)\b|"
                        r"(?:,[”\"’]?|--|[—–])\s*(?:(?:first|then|also|later|again|often|even|still|"
                        r"[a-z]+ly)\s+)?(?:saying|telling|adding|noting|stressing|insisting|arguing|"
                        r"warning|explaining|calling|urging|declaring|accusing|blaming|demanding|"
                        r"asking|claiming|describing|denying|vowing|praising|criticizing)\b|"
                        r"\bby\s+(?:saying|arguing|noting|insisting|declaring|claiming|stating)\b|\b(?:quoted|cited)\b[^,.]{0,60}?"
                        r"\bas\s+(?:saying|telling|stating)\b")
_OPENER_RE = re.compile(
    r"^(?:(?:On|In|At|During|After|Before|Earlier|Later|Meanwhile|Also|However|Separately|"
    r"Speaking|Following|Since|Last|This|Throughout|Upon|Over|Amid|Ahead|Under|For\s+(?:his|her|"
    r"their|its)\s+part|In\s+(?:his|her|their|its)\s+(?:remarks|speech|statement))\b[^,]{0,120},\s*"
    r"(?:(?:which|who)\s[^,]{0,80},\s*)?)+")
_AFTER_SUBJECT_RE = re.compile(
    r"^\s*(?:(?:also|then|later|first|earlier|jointly|together|has|have|had|on\s+[A-Z]\w+)\s+)*"
    r"([a-z][\w\-]*)")
_FORMER_RE = re.compile(r"^(?:former|then|then-|the\s+former|ex-)\s*(?=[A-Z])")
_DESCRIBED_START_RE = re.compile(rf"^(?:An?|The|One|Another|[A-Z][\w\-]*['’]s)\s+"
                                 rf"[\w\s\-’']{{0,40}}?,\s+({_RUN}),")
_MID_ATTRIBUTION_RE = re.compile(
    r",\s*(he|she|they)\s+(?:said|says|continued|added|argued|noted|wrote|explained|insisted)\s*,")
_CONJUNCTION_START_RE = re.compile(r"^(?:But|And|So|Yet|Still|Now)\s+(?=\S)")
_CATENATIVE_END_RE = re.compile(
    r"\s+(?:went\s+on|tried|attempted|sought|moved|was\s+quick|were\s+quick|appeared|"
    r"continued|began|rushed|hastened|stepped\s+in|took\s+time|wanted|proceeded|"
    r"(?:went|goes|go|going)\s+(?:online|on\s+(?:television|TV|the\s+air|air|Twitter|Facebook|"
    r"Instagram|social\s+media))(?:\s+(?:on\s+)?[A-Z][a-z]+day(?:\s+(?:night|morning|"
    r"afternoon|evening))?)?|"
    r"(?:is|are|was|were)\s+(?:expected|scheduled|set|due|going)|plans?|planned|intends?|"
    r"intended|used\s+(?:his|her|"
    r"their|its)\s+\w+|(?:went|go|goes|going)\s+so\s+far\s+as)\s+to\s*$")
_APPOSITIVE_RE = re.compile(r",[^,]{1,220},$")
_OUTLET_TOLD_RE = re.compile(rf",\s+(?:the\s+)?({_RUN})\s+((?:is|was|has\s+been)\s+told|has\s+"
                             r"learned)\s*[.!]?$")
_SUBORDINATE_OPENING_RE = re.compile(r"(?:Though|Although|While|When|After|Before|If|Because|"
                                     r"Since|Once|Unless|Whereas)\s")
_JOINT_AFTER_RE = re.compile(r"\s+(?:[\w,]+\s+){0,3}?(?:in\s+a\s+joint\s+|jointly\b)")
_PROSPECTIVE_RE = re.compile(r"\s+(?:(?:is|are|was|were)\s+(?:expected|scheduled|set|due|going)|"
                             r"plans?|planned|intends?|intended)\s")
_MODAL_END_RE = re.compile(r"\s(?:will|would|shall|should|may|might|must|can|could)"
                           r"((?:n[’']t|not)\s*|\s+not\s+)?\s*(?:also\s+|then\s+|again\s+)?$")
_EMPHATIC_END_RE = re.compile(r"\s+(?:did|does|do)\s+$")
# Nouns that describe one person by role, resolved to the person so described before ("Ana Ruiz,
# the Republican nominee," ... "the nominee said"), else to the person being written about.
ROLE_NOUNS = ("nominee", "front-runner", "frontrunner", "candidate", "hopeful", "contender",
              "challenger", "incumbent", "mogul", "tycoon", "billionaire", "magnate",
              "businessman", "businesswoman", "lawmaker", "legislator", "congressman",
              "congresswoman", "physician", "internist", "novelist", "actress", "actor",
              "comedian", "entrepreneur", "developer", "investor", "philanthropist", "preacher",
              "televangelist", "broadcaster", "pundit", "commentator", "columnist", "blogger")
_ROLES = "|".join(ROLE_NOUNS)
_DESCRIPTION_END_RE = re.compile(
    rf"(?:^|[^\w'’])((?:[Tt]he|[Hh]is|[Hh]er)\s+(?:[\w\-'’]+\s+){{0,4}}?({_ROLES}))$")
# Where a description is given to a named person: "Ana Ruiz, the Republican nominee," and
# "Republican nominee Ana Ruiz".
# Titles an appositive gives in lower case: "Ana Ruiz, the former governor of X, ..."
_APPOSITIVE_TITLES = ("governor|senator|mayor|representative|president|secretary|minister|"
                      "director|chairman|chairwoman|speaker|leader|ambassador|commissioner|"
                      "judge|prosecutor|doctor|attorney\\s+general")
DESCRIBED_AFTER_RE = re.compile(
    rf"({_RUN})(?:\s*\([^()]{{0,20}}\))?,\s+(?:the|a|an)\s+(?:[\w\-'’]+\s+){{0,4}}?"
    rf"({_ROLES}|{_APPOSITIVE_TITLES})\b")
DESCRIBED_BEFORE_RE = re.compile(rf"\b({_ROLES})\s+({_RUN})")
ROLE_RE = re.compile(rf"\b(?:{_ROLES}|{_APPOSITIVE_TITLES})\b")
_ROLE_FORMS = {"frontrunner": "front-runner", "congresswoman": "congressman",
               "businesswoman": "businessman", "internist": "physician", "legislator": "lawmaker"}


def role_key(noun: str) -> str:
    """One key for the spellings of a role noun ("frontrunner" -> "front-runner")."""
    noun = noun.lower()
    return _ROLE_FORMS.get(noun, noun)
_LOWER_TITLE_END_RE = re.compile(  # "the senator", "the former Alaska governor"
    r"(?:^|\W)(?:[Tt]he|[Hh]is|[Hh]er)\s+(?:[a-z\-]+\s+){0,2}(?:[A-Z][\w\-]*\s+)?([a-z\-]+)$")
_PAIR_RE = re.compile(rf"(?:^|\s)(?:{_RUN})\s+and\s+(?:the\s+)?$")
_PRONOUN_START_RE = re.compile(r"^(he|she)\b", re.IGNORECASE)
_NAMES_START_RE = re.compile(rf"^(?:the\s+)?({_RUN})(?:\s+and\s+({_RUN}))?")
_NEXT_WORD_RE = re.compile(r"\s+(\w+)")
_CLAUSE_END_RE = re.compile(r"[,\"”]\s*$")
_TWO_WORDS_RE = re.compile(r"^\S+(?:\s+\S+)?")
_TRAIL_REMAINDER_RE = re.compile(r"^(?:\s+[\w'’\-]+){0,8}\s*[.!?]?[\"”’]?\s*$")


_LOWER_WORD_RE = re.compile(r"\b[a-z]+\b")
# Issuing a statement is a speech act: "X put out a statement", "X released a letter from Y".
_ISSUED_RE = re.compile(
    r"\b(issued|released|put\s+out|sent|published|obtained|received)\s+"
    r"(?:a|an|the|his|her|their|its)\s+"
    r"(?:[\w\-]+\s+){0,2}?(?:statement|letter|memo|op-ed|press\s+release|ad|advert|"
    r"advertisement|video|apology|resolution|warning|denial|rebuttal|ultimatum|appeal)\b")
# A speech act made with a light verb: "X made the announcement", "X delivered a speech".
_SPOKE_RE = re.compile(
    r"\b(made|gave|delivered|offered|issued)\s+(?:(?:[A-Z][\w.'’\-]*|him|her|them|us)\s+)?"
    r"(?:a|an|the|his|her|their|its)\s+(?:[\w\-]+\s+){0,2}?"
    r"(?:announcement|speech|address|remarks|prediction|predictions|ultimatum|warning|apology|"
    r"rebuttal|critique|assessment|endorsement)\b")
# Idiomatic speech acts: "took a shot at", "fired back", "doubled down", "made the case",
# "came out against", "stepped up his attacks", "took to Twitter". The subject before speaks.
_TAKE = r"(?:took|takes|take|taking|taken)"
_IDIOM_RE = re.compile(
    rf"\b(?:{_TAKE}\s+(?:(?:a|an|his|her|their|its|some|another|one|the|more)\s+)?"
    r"(?:[a-z\-]+\s+)?(?:shot|shots|swipe|swipes|jab|jabs|dig|digs|potshots?|aim)\b"
    rf"|{_TAKE}\s+to\s+(?:Twitter|Facebook|Instagram|social\s+media|the\s+(?:airwaves|"
    r"floor|stage|podium|microphone))\b"
    r"|(?:fired|fires|fire|firing|hit|hits|hitting|lashed|lashes|lash|lashing|spoke|speaks|"
    r"speak|speaking|struck|strikes|strike|striking)\s+(?:back|out)\b"
    r"|(?:pushed|pushes|push|pushing)\s+back(?=\s+(?:on|against|at|hard)\b|\s*[,.;])"
    r"|(?:doubled|doubles|double|doubling)\s+down\b"
    r"|(?:made|makes|make|making)\s+(?:(?:the|his|her|their|its|a|an)\s+)?(?:[a-z\-]+\s+)?"
    r"case\b|(?:made|makes|make|making)\s+(?:it\s+)?(?:clear|plain)\b"
    r"|(?:laid|lays|laying)\s+out\s+(?:(?:his|her|their|its|a|an|the)\s+)?(?:[a-z\-]+\s+)?"
    r"(?:belief|beliefs|case|vision|view|views|argument|position|stance|plan|agenda|"
    r"priorities|platform|demands)\b"
    r"|(?:came|comes|come|coming)\s+out\s+(?:strongly\s+)?(?:in\s+(?:favor|favour|support)"
    r"\s+of|against|for)\b"
    r"|(?:stepped|steps|step|stepping|ramped|ramps|ramp|ramping|kept|keeps|keep|keeping)\s+"
    r"up\s+(?:(?:his|her|their|its|a|an|the)\s+)?(?:[a-z\-]+\s+){0,3}?(?:attacks?|criticism|"
    r"drumbeat|barrage|broadsides?)\b"
    r"|(?:launched|launches|launch|launching|leveled|levelled|mounted|renewed|unleashed)\s+"
    r"(?:(?:a|an|his|her|their|its|the|new)\s+)?(?:[a-z\-]+\s+){0,2}?(?:attack|attacks|"
    r"broadside|broadsides|tirade|criticism|assault)\s+(?:on|against)\b"
    r"|(?:went|goes|go|going)\s+on\s+(?:the\s+)?(?:offensive|attack|record)\b"
    r"|(?:distanced|distances|distance|distancing)\s+(?:himself|herself|themselves|itself)\b"
    r"|(?:drew|draws|draw|drawing)\s+(?:a|an|the)\s+(?:[a-z\-]+\s+)?(?:distinction|contrast)\b)")
_IDIOM_WORDS = frozenset({
    "took", "takes", "take", "taking", "taken", "fired", "fires", "fire", "firing", "hit",
    "hits", "hitting", "lashed", "lashes", "lash", "lashing", "spoke", "speaks", "speak",
    "speaking", "struck", "strikes", "strike", "striking", "pushed", "pushes", "push", "pushing",
    "doubled", "doubles", "double", "doubling", "made", "makes", "make", "making", "laid",
    "lays", "laying", "came", "comes", "come", "coming", "stepped", "steps", "step", "stepping",
    "ramped", "ramps", "ramp", "ramping", "kept", "keeps", "keep", "keeping", "launched",
    "launches", "launch", "launching", "leveled", "levelled", "mounted", "renewed", "unleashed",
    "went", "goes", "go", "going", "distanced", "distances", "distance", "distancing", "drew",
    "draws", "draw", "drawing"})
# "ripped X for avoiding ...", "hammered X over his comment": a verb of criticism that needs an
# object and a reason (the "+for-ing" particle of ``reporting_verbs.txt``).
_FOR_REASON_RE = re.compile(r"^\s+[^.;:,\"“”]{1,60}?\s(?:for\s+[a-z]+ing|over\s+\w)")
# A speech act as a noun the subject delivers: "opened the debate with tough criticism of X",
# "ripped the roof off with a sweeping denunciation of Y".
_SPEECH_NOUN_RE = re.compile(
    r"\bwith\s+(?:(?:a|an|his|her|their|its|some)\s+)?(?:[a-z\-]+\s+){0,2}?(?:criticism|"
    r"criticisms|attack|attacks|denunciation|broadside|broadsides|tirade|rebuke|condemnation|"
    r"accusations?)\s+(?:of|on|against|that)\b")


def speech_noun(text: str) -> str | None:
    """The speech act a sentence delivers as a noun ("... with sharp criticism of X"), if any."""
    if "with" not in text:
        return None
    m = _SPEECH_NOUN_RE.search(text)
    if m is None or quoted_mask(text)[m.start()]:
        return None
    return m.group().split()[-2]


_FROM_RE = re.compile(r"\s+(?:(?:sent|written|signed)\s+)?(?:from|by)\s+"
                      r"(?:(?:his|her|their|its|(?:the\s+)?[\w\-]+['’]s)\s+[a-z]+,\s+)?")
# Having a statement is no statement: "X obtained a letter" speaks only for the letter's author.
_RECEIVED = frozenset({"obtained", "received"})
# "X is shown saying", "X was heard telling", "X was quoted as saying": X speaks.
_SHOWN_RE = re.compile(r"\s+(?:is|was|were|are|be|been)\s+(?:shown|heard|seen|filmed|recorded|"
                       r"caught|quoted\s+as)\s+$")
# A verb that needs a particle ("called for") also reports speech when its object is followed
# by a quotation: "called the plan “a stunt”".
_OBJECT_QUOTE_RE = re.compile(r"^\s+[^\"“”.;!?]{1,60}?\s[\"“]")


@cache
def _main_verb_forms() -> frozenset[str]:
    """Reporting verb forms that can be a main verb (not -ing: "Noting that ...")."""
    return frozenset(f for f in wordlists.reporting_verbs().forms if not f.endswith("ing"))


@cache
def _lemmas() -> frozenset[str]:
    """Bare lemmas of the reporting verbs (excluded as main verbs: "the two sides note" is rare
    and "call", "report", "state" are more often nouns)."""
    verbs = wordlists.reporting_verbs()
    return frozenset(f for f in verbs.forms if f + "s" in verbs.forms or f + "es" in verbs.forms
                     or f[:-1] + "ies" in verbs.forms)


def quoted_mask(text: str) -> list[bool]:
    """For every character, whether it sits inside a quotation."""
    if '"' not in text and "“" not in text:
        return [False] * len(text)
    mask, inside = [False] * len(text), False
    for i, ch in enumerate(text):
        if ch == "“" or (ch == '"' and not inside):
            inside = True
        elif ch == "”" or (ch == '"' and inside):
            mask[i] = True
            inside = False
            continue
        mask[i] = inside
    if inside:  # an unclosed quote: the quotation runs on into the next sentence, not this one
        return [False] * len(text)
    return mask


def _open_quote_before(text: str, at: int) -> bool:
    """Whether a quotation opened before ``at`` is still open there."""
    before = text[:at]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _spokes_label(words: str, org: str | None) -> str:
    """'Pentagon spokesperson' from 'a Pentagon spokesman', 'X spokesperson' from '... for X'."""
    if org:
        name = parse_name(org)
        owner = name.text if name else org
    else:
        owner = " ".join(w for w in words.split() if w[:1].isupper())
    return f"{owner} spokesperson".strip()


def _spokes_ref(m: re.Match[str]) -> Ref:
    """A spokesperson cue: for whom they speak; "a spokesman said" with nobody named is an
    unnamed source (its spokesman, his spokesman: the organisation or person owning them)."""
    label = _spokes_label(m.group(1), m.group("org"))
    if label == "spokesperson" and not m.group(1).strip():
        determiner = m.group().lstrip(" ,;(").split()[0].lower()
        if determiner in ("its", "their"):
            return Ref("source", label="organization")  # the organisation named last
        return Ref("source", label="official")  # "a spokesman", "his spokesman": unnamed
    owner = parse_name(label.rsplit(" ", 1)[0])
    if owner is not None and (owner.kind == "person" or owner.titled):
        return Ref("source", label="official")  # a person's spokesman: unnamed (rule 4)
    return Ref("entity", label=label)  # an organisation's spokesperson


def _office_label(phrase: str) -> str:
    """A named office as written ("U.S. Attorney's Office"), or "" for other sources."""
    head = phrase.split()[-1]
    if head[:1].isupper() and word_key(head) in wordlists.org_words():
        return re.sub(r"^(?:[Tt]he|[Aa]n?)\s+", "", phrase)
    return ""


def _source_label(phrase: str) -> str:
    """'US officials' from 'senior U.S. officials': determiners and grading words dropped."""
    drop = {"the", "some", "many", "two", "three", "several", "senior", "other", "its", "their",
            "a", "an", "one", "another", "while", "when", "as", "if", "after", "before",
            "because", "although", "though", "but", "and", "since", "so", "yet"}
    words = [w.replace(".", "") if w.isupper() or "." in w else w for w in phrase.split()]
    return " ".join(w for w in words if w.lower() not in drop)


def _common_case(word: str) -> str:
    """A capitalised everyday word in lower case ("Officials" -> "officials"); names as they are."""
    lower = word.lower()
    if (word[:1].isupper() and not word.isupper() and lower not in wordlists.demonyms()
            and lower not in wordlists.places() and wordlists.zipf(lower) >= 4.0):
        return lower
    return word


# A subject phrase is never longer than this: patterns only look this far back or ahead, which
# keeps every search linear in the sentence length.
SUBJECT_WINDOW = 240


# "X has been deriding", "X is insisting": a progressive reporting verb is a main verb.
# "X was referring to Y", "X was suggesting": the narrator's reading (the lead's rule 2).
_INTERPRETED_PROGRESSIVES = frozenset({"referring", "suggesting", "implying", "hinting",
                                       "alluding", "signalling", "signaling"})
_PROGRESSIVE_END_RE = re.compile(r"\s(?:is|are|was|were|been|be)\s+(?:[a-z]+ly\s+)?$")
_COMMA_IN_QUOTE_END_RE = re.compile(r",[”\"’']\s*$")
_PARENTHESIS_RE = re.compile(r"\([^()]{0,40}\)")
_DATELINE_RE = re.compile(r"^[A-Z][A-Z .,'’\-]{2,40}?\s*(?:\([^()]{1,20}\)\s*)?[—–―-]+\s*")


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group())


def subject_at_end(prefix: str) -> tuple[int, Ref] | None:
    """The subject phrase that ends ``prefix`` (just before a reporting verb), with its start."""
    cut = max(0, len(prefix) - SUBJECT_WINDOW)
    # "Sen. Ana Ruiz (D-Calif.) said": parentheses blanked, offsets kept; so is a dateline
    window = _PARENTHESIS_RE.sub(_blank, prefix[cut:])
    if cut == 0:
        window = _DATELINE_RE.sub(_blank, window)
    window = re.sub(r"\s+,", lambda m: " " * (len(m.group()) - 1) + ",", window)
    # "Ortiz, in addition to calling it “vital,” urged": the adjunct's comma sits in the quote
    window = _COMMA_IN_QUOTE_END_RE.sub(lambda m: "," + " " * (len(m.group()) - 1), window)
    found = _subject_at_end(window)
    return None if found is None else (found[0] + cut, found[1])


def _subject_at_end(prefix: str) -> tuple[int, Ref] | None:
    raw = prefix.rstrip()
    if raw.endswith(",") and (found := _appositive(raw)) is not None:
        return found
    text = _TRAILING_ADVERBS_RE.sub("", raw)
    if text != raw and text.endswith(","):  # "Ortiz, a senator, has argued", "Ortiz, however,"
        found = _appositive(text)
        if found is not None:
            return found
        text = text[:-1].rstrip()
    if not text or text.endswith(","):  # "Ortiz, asked about it, smiled": a participle
        return None
    if m := _PRONOUN_END_RE.search(text):
        pronoun = m.group(1).lower()
        kinds: dict[str, RefKind] = {"they": "plural", "it": "it"}
        return m.start(1), Ref(kinds.get(pronoun, "pronoun"))
    if m := _JOINT_END_RE.search(text):
        return m.start(1), Ref("joint", label=m.group(1).lower())
    if m := _SIDE_END_RE.search(text):
        return m.start(), Ref("entity", label=f"{m.group(1)} side")
    if m := _POSSESSIVE_SPOKES_END_RE.search(text):
        return m.start(), Ref("entity", label=_spokes_label("", m.group("org")))
    if m := _OWNED_END_RE.search(text):
        return m.start(), _owned(m)
    if m := _SPOKES_END_RE.search(text):
        return m.start(), _spokes_ref(m)
    if m := _NAMED_PIECE_END_RE.search(text):  # "the Harbor Times report", "a study by X"
        group = "org" if m.group("org") else "org2"
        run = _strip_full_stop(m.group(group))
        words = tuple(w for w in run.split() if word_key(w) != "the")
        return m.start(group), Ref("name", name=Name(words, "org", False, ""))
    if m := _DOCUMENT_END_RE.search(text):
        return m.start(), Ref("joint" if m.group(1) else "document", label="joint statement")
    if m := _RECORD_END_RE.search(text):
        return m.start(), Ref("record", label="records")
    if (m := _LOWER_TITLE_END_RE.search(text)) and m.group(1) in wordlists.titles():
        keys = [k for k in m.group().split()[1:] if not k[:1].isupper()] or \
            m.group().split()[-1:]  # "the senator said", "the attorney general said"
        while len(keys) > 1 and keys[0] not in wordlists.titles() and \
                keys[0] not in wordlists.title_modifiers():
            keys = keys[1:]
        while len(keys) > 1 and keys[0] in wordlists.title_modifiers() and \
                keys[0] not in wordlists.titles():
            keys = keys[1:]  # "the former governor": the office is "governor"
        return m.start(), Ref("title", label=title_phrase(keys))
    if text.endswith(ROLE_NOUNS) and (m := _DESCRIPTION_END_RE.search(text)):
        # "the GOP front-runner", "the real estate mogul"
        return m.start(1), Ref("described", label=role_key(m.group(2)), text=m.group(1))
    if m := _SOURCE_AT_END_RE.search(text):  # "Analysts at Danske Bank"
        org = _strip_full_stop(m.group(2))
        return m.start(1), Ref("source", label=f"{org} {_source_label(m.group(1)).lower()}")
    if m := _GENERIC_ORG_END_RE.search(text):
        return m.start(1), Ref("source", label=m.group(1).split()[-1].lower())
    if m := _SOURCE_END_RE.search(text):
        if _PARTITIVE_END_RE.search(text, 0, m.start(1) + 1):
            return None  # "some on the House Foreign Affairs Committee": members, unnamed
        if _EACH_RE.match(m.group(1)):
            return m.start(1), Ref("joint", label=m.group(1).lower())  # "each office said"
        pair = _AND_END_RE.search(text, 0, m.start(1))
        phrase = m.group(1)
        is_named = phrase[:1].isupper() or (phrase[:4] == "the " and phrase[4:5].isupper())
        if pair and is_named and ("the" in text[pair.end(1):m.start(1) + 4].split()
                               or not is_everyday_word(pair.group(1))):
            return pair.start(1), Ref("joint", label="both")  # "the IRS and Treasury said"
        if pair and is_named and not RUN_AT_END_RE.search(text[:pair.start(1)].rstrip()):
            # (not "House Ways and Means Committee": a longer name, left as it was)
            # "the Health and Human Services Department": one name
            office = _office_label(text[pair.start(1):m.end(1)])
            if office:
                return pair.start(1), Ref("source", label=office)
        return m.start(1), Ref("source", label=_office_label(m.group(1))
                               or _source_label(m.group(1)))
    if m := _COLLECTIVE_END_RE.search(text):  # "Several justices", "Many economists"
        return m.start(1), Ref("joint", label=m.group(1).lower())
    if text.endswith(_PLACE_DESCRIPTION_ENDS) and (m := _PLACE_DESCRIPTION_END_RE.search(text)) \
            and _is_place(m.group(1)):
        noun = m.group(2).lower()
        if noun in ("democrat", "republican"):  # "the Florida Republican"
            return m.start(), Ref("described", label=noun, text=m.group().strip())
        if noun in wordlists.titles():  # "The Vermont senator": the senator so titled, else
            # the person speaking here
            return m.start(), Ref("described", label=title_phrase([noun]),
                                  text=m.group().strip())
    if m := RUN_AT_END_RE.search(text):
        if _is_party_label(m.group()):
            return None
        if _LOWER_WORD_END_RE.search(text, 0, m.start()) and (
                (named := parse_name(m.group())) is not None and named.kind == "place"):
            return None  # "officers in counties bordering Colorado": the place is no subject
        if _OBJECT_OF_RE.search(text, max(0, m.start() - 12), m.start()):
            return None  # "the remarks helped Ortiz make her case": Ortiz is an object
        if (place := _PLACE_MODIFIER_RE.search(text[:m.start()])) and \
                not _WRITTEN_BY_END_RE.search(text, 0, m.start()) and not (
                    _OF_ROLE_END_RE.search(place.group()) and _is_full_name(m.group())):
            # "Political observers in Arizona", "Ms. Ruiz in Lima": whoever stands before the
            # place speaks, not the place; "a blogger on the site X" is nobody named
            return _subject_at_end(text[:place.start()])
        found = _run_ref(m.group(), m.start())
        if found is not None and found[1].name is not None and (_THE_BEFORE_RE.search(
                text, 0, m.start()) or m.group()[:4] == "The "):
            # "The New Haven Register described": every word kept
            found = _the_name(m.group(), m.start(), found[1].name)
        if found is not None and found[1].kind == "name" and _PAIR_RE.search(text[:m.start()]):
            return found[0], Ref("joint", label="both")  # "Ortiz and Keller agreed"
        return found
    return None


_PARTITIVE_END_RE = re.compile(
    r"\b(?:some|many|most|several|members|member|others|one|two|three|dozens|\d+)\s+"
    r"(?:on|of|in|from|at)\s+(?:the\s+)?\S?$", re.IGNORECASE)
_EACH_RE = re.compile(r"(?:each|both)\s", re.IGNORECASE)
_LOWER_WORD_END_RE = re.compile(r"(?:^|\s)(?!the\s)[a-z][a-z\-]*\s+$")
_THE_BEFORE_RE = re.compile(r"(?:^|[^\w'’])[Tt]he\s+$")
# A verb taking an object and a bare infinitive: "helped Ortiz make", "let Ortiz speak".
_OBJECT_OF_RE = re.compile(r"(?:^|\s)(?:helped|helps|help|let|lets|watched|saw|heard)\s+$")
# A named organisation's piece as subject: "the Harbor Times report said", "a new study by the
# Lumen Institute found", "A report in the Harbor Times, published Monday, cited": its publisher.
_PIECES = r"(?:report|study|analysis|article|story|survey|poll|editorial|investigation|review)"
_NAMED_PIECE_END_RE = re.compile(
    rf"(?:^|[^\w'’])(?:[Tt]he|[Aa]n?)\s+(?:(?:new|latest|recent|separate|earlier|own)\s+)?"
    rf"(?:(?P<org>{_RUN})\s+{_PIECES}|{_PIECES}\s+(?:in|by|from|published\s+by)\s+"
    rf"(?:[Tt]he\s+)?(?P<org2>{_RUN}))$")
# Two names joined: "the IRS and Treasury Department", "Health and Human Services"
_AND_END_RE = re.compile(r"(?:^|[^\w'’])([A-Z][\w.\-]*)\s+and\s+(?:the\s+)?$")
# An unnamed group counted: "several justices", "many economists", "two senators"
_COLLECTIVE_END_RE = re.compile(
    r"(?:^|[^\w'’])((?:[Ss]everal|[Ss]ome|[Mm]any|[Mm]ost|[Oo]ther|[Bb]oth|[Aa]ll|[Ff]ew|[Tt]wo|"
    r"[Tt]hree|[Ff]our|[Ff]ive)\s+(?:[a-z\-]+\s+)?[a-z]{3,}s)$")
_PLACE_MODIFIER_RE = re.compile(
    r"(?<=\w)\s+(?:in|from|across|around|throughout|inside|on|of)\s+(?:the\s+)?"
    r"(?:[A-Za-z][\w\-]*\s+){0,2}(?:[A-Z][\w\-]*['’]s\s+)?$")
_PARTY_LABEL_RE = re.compile(r"^\(?[DRI]-[A-Z][\w.]*\)?$|^\(?[A-Z][a-z]{1,5}\.\)?$")


_OF_ROLE_END_RE = re.compile(r"^\s+of\s+[a-z]+\s+$")  # "chief of staff Ana Ruiz"


_PLACE_DESCRIPTION_END_RE = re.compile(
    r"(?:^|(?<=\W))[Tt]he\s+((?:[A-Z][a-z]+\.?\s+){1,2})([a-z\-]+|Democrat|Republican)$")
_PLACE_DESCRIPTION_ENDS = ("Democrat", "Republican", "senator", "governor", "congressman",
                           "congresswoman", "lawmaker", "mayor", "representative", "legislator")


def _is_place(words: str) -> bool:
    """Whether capitalised words name a place ("Florida", "New York", "Vermont")."""
    key = " ".join(word_key(w) for w in words.split())
    return key in wordlists.place_names() or all(k in wordlists.places() for k in key.split())


def _is_full_name(run: str) -> bool:
    """A person's full name ("Mick Mulvaney"), which is never the place of "in X", "of X"."""
    name = parse_name(run)
    return name is not None and name.kind == "person" and not name.surname_only


def _is_party_label(phrase: str) -> bool:
    """ "D-Va.", "R-Ariz.", "(Calif.)": a party and state label, never a name."""
    return bool(_PARTY_LABEL_RE.match(phrase.strip()))


def _appositive_chain(text: str) -> tuple[int, Ref] | None:
    """The person a chain of appositives hangs on: "One candidate, Ana Ruiz, the mayor of X, who
    is ..., said" is Ana Ruiz: the leftmost comma segment that is a person's name on its own."""
    cut = len(text) - 1  # the final comma
    best: tuple[int, Ref] | None = None
    for _ in range(4):
        start = text.rfind(",", 0, cut)
        quote = max(text.rfind("”", 0, cut), text.rfind('"', 0, cut))
        after_quote = quote > start
        if after_quote:  # "“...,” Matt Roe, a spokesman for X, said": the name after it
            start = quote
        segment = text[start + 1:cut]
        stripped = segment.strip()
        if (listed := _LIST_SEGMENT_RE.match(stripped)) and not after_quote and best is not None \
                and (listed.group(1).lower() not in ("and", "or")
                     or _is_person_run(text[text.rfind(",", 0, max(start, 0)) + 1:max(start, 0)])):
            # "Others, including ..., X, dismissed", "..., Y, and Z, said": several people
            return best[0], Ref("joint", label="several")
        if (by := _AUTHOR_RE.match(stripped)) and _PIECE_END_RE.search(text[:max(start, 0)]):
            stripped = by.group(1)  # "the statement, from Dr. Ana Ruiz, an internist, said"
            segment = segment[:segment.find(stripped)] + stripped + " " * (
                len(segment) - segment.find(stripped) - len(stripped))
        if _is_party_label(stripped):
            cut = start
            continue
        if stripped and RUN_RE.fullmatch(stripped) and (name := parse_name(stripped)) is not None \
                and name.kind == "person":
            at = start + 1 + segment.find(stripped[:1])
            after = text[start + 1 + len(segment):].lstrip(", ")
            # "Lumen Pay, which filed ..., said": "which" marks an organisation
            best = (at, Ref("entity", label=name.text) if after.lower().startswith("which ")
                    and not name.titled else Ref("name", name))
        if start < 0 or after_quote:  # nothing before a quotation belongs to the chain
            break
        if _SUBORDINATOR_RE.search(text[:start]) or _CLAUSE_START_RE.search(segment):
            break
        cut = start
    return best


_LIST_SEGMENT_RE = re.compile(r"(and|or|including|such\s+as|along\s+with)\s", re.IGNORECASE)


def _is_person_run(segment: str) -> bool:
    """A comma segment that is one person's name ("Jon Bruning")."""
    segment = segment.strip()
    name = parse_name(segment) if segment and RUN_RE.fullmatch(segment) else None
    return name is not None and name.kind == "person"
_CLAUSE_START_RE = re.compile(r"^\s*(?:but|and|so|yet|while|when|after|before|because|if)\b",
                              re.IGNORECASE)


def _appositive(text: str) -> tuple[int, Ref] | None:
    """The subject before an appositive: "Ms. Ortiz, the finance minister, said"."""
    if (chained := _appositive_chain(text)) is not None:
        return chained
    m = _APPOSITIVE_RE.search(text)
    if m is None:
        return None
    inside = text[m.start() + 1:-1].strip()
    if (by := _AUTHOR_RE.match(inside)) and _PIECE_END_RE.search(text[:m.start()]):
        inside = by.group(1)  # "The letter, signed by Ana Ruiz, said": the author
    name = parse_name(inside) if RUN_RE.fullmatch(inside) else None
    if name is not None and name.kind == "person":  # "A spokesman, Dan Ito, said"
        return m.start() + 1 + text[m.start() + 1:].find(inside[:1]), Ref("name", name)
    inner = subject_at_end(text[:m.start()])
    if inner is not None and inner[1].kind in ("name", "entity", "title", "source", "described"):
        name = inner[1].name
        if name is not None and not name.titled and inside.lower().startswith("which "):
            return inner[0], Ref("entity", label=name.text)  # "Lumen Pay, which ..., said"
        return inner
    return None


_AUTHOR_RE = re.compile(
    rf"^(?:(?:signed|written|sent|issued)\s+by|from)\s+(?:the\s+)?({_RUN})$")
_PIECE_END_RE = re.compile(r"\b(?:letter|statement|memo|note|release|report|readout|post|email|"
                           r"e-mail|message)(?:\s+(?:on|about|to)\s+[^,]{1,40})?$", re.IGNORECASE)
_ABBREVIATIONS = frozenset({"jr.", "sr.", "inc.", "co.", "corp.", "ltd.", "bros."})


def _strip_full_stop(run: str) -> str:
    """A run without the sentence's full stop ("Valparaiso." -> "Valparaiso"; "U.S." stays)."""
    last = run.split()[-1] if run.split() else ""
    if last.lower() in _ABBREVIATIONS:  # "Joseph Roe Jr.", "Acme Inc." keep theirs
        return run
    return run[:-1] if last.endswith(".") and "." not in last[:-1] else run


def _owned(m: re.Match[str]) -> Ref:
    """ "Ortiz's office" -> an entity labelled as written (without an opening "But",
    "Though")."""
    owner = m.group("owner").split()
    while len(owner) > 1 and word_key(owner[0]) in wordlists.function_words():
        owner = owner[1:]
    return Ref("entity", label=f"{' '.join(owner)}'s {m.group('noun')}")


def _run_ref(run: str, start: int) -> tuple[int, Ref] | None:
    """The subject a capitalised run makes: a name, or a bare title ("The Prime Minister")."""
    if run.endswith(("'s", "’s", "'", "’")):
        return None
    name = parse_name(run)
    if name is not None:
        return start + run.find(name.words[0]), Ref("name", name=name)
    title = _bare_title(run)
    if title:
        shown = " ".join(w for w in _strip_full_stop(run).split() if word_key(w) != "the")
        return start, Ref("title", label=title, text=shown)
    words = _strip_full_stop(run).split()
    if words and word_key(words[0]) == "the":
        words = words[1:]
    if any(word_key(w) in wordlists.org_words() for w in words):  # "Office of the U.S. Trade
        return start, Ref("entity", label=" ".join(words))        # Representative"
    return None


def _the_name(run: str, start: int, name: Name) -> tuple[int, Ref]:
    """ "the Daily Planet", "the Atlantic Wire": after "the", a run that is no person keeps
    every word (an outlet or organisation), even a leading everyday word."""
    words = tuple(_strip_full_stop(run).split())
    if words and word_key(words[0]) == "the":
        words = words[1:]
    if name.titled or len(words) <= len(name.words):
        return start + run.find(name.words[0]), Ref("name", name=name)
    return start, Ref("name", name=Name(words, "org", False, ""))


def _bare_title(run: str) -> str:
    """The title phrase of a run made only of titles ("The Prime Minister" -> "prime minister")."""
    keys = [k for k in (word_key(w) for w in run.split()) if k != "the"]
    if any(k in wordlists.titles() for k in keys) and all(
            k in wordlists.titles() or k in wordlists.title_modifiers() or k in ("of", "for")
            for k in keys):
        return title_phrase(keys)
    return ""


_ROLE_NAME_START_RE = re.compile(
    rf"^(?:[A-Z][\w.'’\-]*\s+){{1,3}}(?:[a-z\-]+\s+){{0,2}}(?:spokesman|spokeswoman|"
    rf"spokesperson|secretary|aide|adviser|advisor|lawyer|attorney|manager|director|"
    rf"strategist|counsel|chairman|chairwoman)\s+({_RUN})")
_NAME_AFTER_ROLE_RE = re.compile(rf"\s+(?:[a-z\-]+\s+){{0,2}}({_RUN})")


def _named_after_source(text: str, m: re.Match[str]) -> tuple[int, Ref] | None:
    """The person a source-like opening names: "Attorney General Ana Ruiz" (a title, not
    attorneys), "Harbor campaign manager Ana Ruiz" (the manager, not the campaign)."""
    run = RUN_RE.match(text)
    if run is not None and run.end() > m.end():
        name = parse_name(run.group())
        if name is not None and name.kind == "person" and name.titled:
            return text.find(name.words[0]), Ref("name", name)
    after = _NAME_AFTER_ROLE_RE.match(text, m.end())
    if after is not None:
        name = parse_name(after.group(1))
        if name is not None and name.kind == "person" and not name.surname_only:
            return after.start(1), Ref("name", name)
    return None


# An organisation, a role in it, and the person: "Harbor Times writer Ana Ruiz".
_ORG_ROLE_NAME_RE = re.compile(
    rf"^(?:the\s+)?{_RUN}\s+(?:[a-z\-]+\s+)?(?:writer|reporter|correspondent|editor|columnist|"
    rf"analyst|host|anchor|producer|contributor|researcher|economist|strategist|pollster|"
    rf"adviser|advisor|aide|spokesman|spokeswoman|spokesperson|director|founder|executive|"
    rf"official|chairman|chairwoman|president|lawyer|attorney)\s+({_RUN})")
_RUN_TITLE_START_RE = re.compile(r"^(?:[Tt]he\s+)?(?:[A-Za-z][\w.\-]*\s+){1,3}?([a-z]+)\b")
_LOWER_TITLE_START_RE = re.compile(
    r"^(?:the|his|her)\s+(?:[a-z\-]+\s+){0,2}?([a-z\-]+)(?![\w'’\-])")


def subject_at_start(text: str) -> tuple[int, Ref] | None:
    """A subject phrase opening ``text`` (after "according to", "said", or a sentence start)."""
    found = _subject_at_start(text)
    if found is not None and found[1].kind in ("name", "source") and (
            found[1].name is None or found[1].name.kind != "person") and (
            m := _RUN_TITLE_START_RE.match(text)) and m.group(1) in wordlists.titles():
        return found[0], Ref("title", label=m.group(1))  # "The House speaker", "the state's"
    if found is None and (m := _LOWER_TITLE_START_RE.match(text)) and \
            m.group(1) in wordlists.titles():
        return 0, Ref("title", label=m.group(1))  # "a statement from her doctor"
    return found


def _subject_at_start(text: str) -> tuple[int, Ref] | None:
    text = text[:SUBJECT_WINDOW]
    offset = 0
    if m := _FORMER_RE.match(text):  # "tweeted former Secretary Ana Ruiz"
        offset = m.end()
        text = text[offset:]
    if m := _DOCUMENT_FROM_RE.match(text):
        offset = m.end()
        text = text[offset:]
    if m := _PRONOUN_START_RE.match(text):
        return offset, Ref("pronoun")
    if (m := _ROLE_NAME_START_RE.match(text)) and (name := parse_name(m.group(1))) is not None \
            and name.kind == "person" and not name.surname_only:
        return offset + m.start(1), Ref("name", name)  # "Ruiz press secretary Ana Ortiz"
    if m := _JOINT_START_RE.match(text):
        return offset, Ref("joint", label=m.group(1).lower())
    if m := _SIDE_START_RE.match(text):
        return offset, Ref("entity", label=f"{m.group(1)} side")
    if m := _SPOKES_START_RE.match(text):
        return offset, _spokes_ref(m)
    if (m := _SOURCE_START_RE.match(text)) and (named := _named_after_source(text, m)):
        return offset + named[0], named[1]  # "Attorney General Ana Ruiz", "campaign manager X"
    if m:
        label = _source_label(m.group(1))
        org = _SOURCE_OF_RE.match(text, m.end())
        if office := _office_label(m.group(1)):
            # "the U.S. Attorney's Office for the Southern District of X": a named office, as
            # written, with what it is the office of
            label = office
            if org:
                label = f"{label} {_strip_full_stop(org.group().strip())}"
        elif org:  # "researchers at the University of X"
            label = f"{_strip_full_stop(org.group(1))} {label}"
        return offset, Ref("source", label=label)
    if m := _OWNED_START_RE.match(text):
        return offset, _owned(m)
    if m := _GENERIC_ORG_START_RE.match(text):
        return offset, Ref("source", label=m.group(1).lower())  # "The organization made"
    if (m := _ORG_ROLE_NAME_RE.match(text)) and (name := parse_name(m.group(1))) is not None \
            and name.kind == "person" and not name.surname_only:
        return offset + m.start(1), Ref("name", name)  # "Harbor Times writer Ana Ruiz"
    if m := _NAMES_START_RE.match(text):
        second = parse_name(m.group(2)) if m.group(2) else None
        first = parse_name(m.group(1))
        # "Housing and Urban Development Secretary Ana Ruiz": one title, one person
        order = (2, 1) if second is not None and second.titled and (
            first is None or first.kind != "person") else (1, 2)
        for group in order:
            run = m.group(group)
            if run and (found := _run_ref(run, m.start(group))) is not None:
                if group == 1 and m.group(0)[:4].lower() == "the " and found[1].name is not None:
                    found = _the_name(run, m.start(group), found[1].name)
                return offset + found[0], found[1]
    return None


# "even though on its website the group describes ...": a short adverbial after the subordinator
_SUBORDINATOR_ADVERBIAL_RE = re.compile(
    r"\b(?:that|because|since|while|though|although|whether|if|when)\s+(?:on|in|at|for|by|"
    r"with|during|after|before)\s+(?:[\w'’\-]+\s+){1,4}$", re.IGNORECASE)


def _is_embedded(text: str, start: int) -> bool:
    """A subject inside a subordinate clause ("Noting that Ortiz said ...", "where Majority
    Leader Ana Ruiz has said") is not the speaker."""
    before = text[max(0, start - SUBJECT_WINDOW):start]
    if (titled := RUN_AT_END_RE.search(before.rstrip())) and all(
            k in wordlists.titles() or k in wordlists.title_modifiers()
            for k in (word_key(w) for w in titled.group().split())):
        before = before[:titled.start()]  # the subordinator stands before the title
    if _SUBORDINATOR_RE.search(before) or _SUBORDINATOR_ADVERBIAL_RE.search(before):
        return True
    tail = before.rstrip()
    return bool((tail.endswith("way") and _THE_WAY_RE.search(before)) or (
        tail.endswith(_SPEECH_NOUN_ENDS) and _SPEECH_NOUN_END_RE.search(before)))


_SPEECH_NOUN_ENDS = ("claim", "claims", "accusation", "accusations", "charge", "charges",
                     "allegation", "allegations", "criticism", "criticisms", "comment",
                     "comments", "remark", "remarks", "statement", "statements", "assertion",
                     "assertions", "argument", "arguments", "proposal", "proposals", "promise",
                     "promises", "pledge", "pledges", "suggestion", "suggestions",
                     "characterization", "characterizations", "description", "descriptions")
# "a claim Romney rejected", "the remarks Ruiz made": a relative clause on a noun for speech
_SPEECH_NOUN_END_RE = re.compile(
    r"\b(?:a|an|the|this|that|his|her|their|its)\s+(?:[a-z\-]+\s+)?(?:claims?|accusations?|"
    r"charges?|allegations?|criticisms?|comments?|remarks?|statements?|assertions?|arguments?|"
    r"proposals?|promises?|pledges?|suggestions?|characterizations?|descriptions?)\s+$")


# A subject right after a preposition is its object: "a letter to Ana posted ...", "made good on
# the campaign pledge".
_PREPOSITION_END_RE = re.compile(r"(?:^|\s)(?:to|of|for|with|by|from|at|on|in|about|against|"
                                 r"into|toward|towards|than|via)\s+"
                                 r"(?:(?:[A-Z][\w.'’\-]*\s+)+and\s+)?$")
# "the press release from X said", "a letter signed by X says": the author speaks.
_WRITTEN_BY_END_RE = re.compile(
    r"\b(?:statement|release|letter|memo|report|readout|note|message|email|e-mail|post|tweet)s?"
    r"(?:\s+(?:on|about|to)\s+[^,]{1,40})?,?(?:\s+(?:sent|issued|written|signed|released))?"
    r"\s+(?:from|by)\s+(?:(?:the|Dr\.?|Mr\.?|Ms\.?|Mrs\.?)\s+)?$")
# "the way he speaks about it": a relative clause on "way", not a statement
_THE_WAY_RE = re.compile(r"\b(?:the|a|this|that)\s+(?:[a-z\-]+\s+){0,2}way\s+$")


@cache
def _trigger_words() -> frozenset[str]:
    """The lower-case words ``find_cues`` looks further at: main reporting verb forms, the
    participles of "X is shown saying", and the progressives of "X has been deriding"."""
    forms = wordlists.reporting_verbs().forms
    return (_main_verb_forms() | frozenset(_SHOWN_PARTICIPLES)
            | frozenset(f for f in forms
                        if f.endswith("ing") and f not in _INTERPRETED_PROGRESSIVES))


_SHOWN_PARTICIPLES = ("saying", "telling", "declaring", "asking", "warning")
# The lower-case words one of which a match of each scanned pattern holds, as a whole word
# between non-word characters (so among the sentence's ``_LOWER_WORD_RE`` words): a sentence
# without any of them cannot match, and is not scanned.
_PATTERN_WORDS: dict[re.Pattern[str], frozenset[str]] = {
    _ISSUED_RE: frozenset({"issued", "released", "put", "sent", "published", "obtained",
                           "received"}),
    _SPOKE_RE: frozenset({"made", "gave", "delivered", "offered", "issued"}),
    _IDIOM_RE: _IDIOM_WORDS,
    _INVERSION_RE: frozenset(_INVERSION_VERBS),
    _MID_ATTRIBUTION_RE: frozenset({"he", "she", "they"}),
}


def _scan(pattern: re.Pattern[str], text: str, words: set[str]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, skipped when ``words`` (the text's lower-case words) lack
    every word a match needs."""
    if pattern is _ACCORDING_RE:  # "According to", "according to", "reported by"
        wanted = "ccording" in text or "reported" in text
    else:
        wanted = not _PATTERN_WORDS[pattern].isdisjoint(words)
    return pattern.finditer(text) if wanted else iter(())


@lru_cache(maxsize=1 << 18)  # a sentence each: both accounts of a 40k pair fit
def find_cues(text: str) -> tuple[Cue, ...]:
    """Every speech cue of a sentence outside quotations, main-clause cues only, in order."""
    mask = quoted_mask(text)
    verbs = wordlists.reporting_verbs()
    lemmas = _lemmas()
    cues: list[Cue] = []
    verb_starts: set[int] = set()  # verbs whose subject stands before them
    forms = _main_verb_forms()
    triggers = _trigger_words()
    words = set(_LOWER_WORD_RE.findall(text))
    quoted = '"' in text or "“" in text
    # Most sentences hold none of the words the loop acts on: one set test instead of the loop.
    for m in (_LOWER_WORD_RE.finditer(text) if not triggers.isdisjoint(words) else ()):
        verb = m.group()
        if verb not in triggers:
            continue  # neither a main verb, nor "saying", nor a progressive: as below, skipped
        shown = None
        if verb in ("saying", "telling", "declaring", "asking", "warning"):
            shown = _SHOWN_RE.search(text, 0, m.start())  # "X is shown saying", "quoted as"
        progressive = None
        if verb not in forms and verb.endswith("ing") and verb in verbs.forms and \
                verb not in _INTERPRETED_PROGRESSIVES:
            progressive = _PROGRESSIVE_END_RE.search(text, 0, m.start())
            if progressive is not None and _open_quote_before(text, m.start()):
                progressive = None  # “Nothing the president is proposing ...: the quote's words
        if (verb not in forms and shown is None and progressive is None) or mask[m.start()]:
            continue
        needs = verbs.particles.get(verb)
        rest = text[m.end():]
        if _NOTHING_SAID_RE.match(rest) or (verb not in ("said", "says", "say") and
                                             _NO_OBJECT_RE.match(rest)):
            continue  # "said nothing", "expressed no concern": about a missing statement
        if verb in _MENTION_VERBS and _MENTIONED_NONE_RE.match(rest):
            continue
        if verb in _RESPOND_FORMS and _ACTION_RESPONSE_RE.match(rest):
            continue
        if verb in _CONFIRM_FORMS and _CONFIRMED_PERSON_RE.match(rest):
            continue  # "The Senate confirmed two nominees": a vote, not a statement
        if verb in _POST_FORMS and _PICTURES_RE.match(rest):
            continue
        if _SEEMED_RE.search(text, 0, m.start()):
            continue
        if needs:
            # "called Wednesday for", "called as well for": a short adverbial before the particle
            gap = _PARTICLE_GAP_RE.match(rest)
            following = _NEXT_WORD_RE.match(rest, gap.end() - 1 if gap else 0)
            if following and following.group(1).lower() in needs:
                rest = rest[following.end():]
            elif "for-ing" in needs and _FOR_REASON_RE.match(rest):
                pass  # "ripped X for avoiding ...", "hammered X over ..."
            elif verb in _CALL_FORMS and (called := _CALLED_RE.match(rest)) and not any(
                    w in _NOT_PREDICATES for w in called.group("what").split()):
                pass  # "called the idea illegal", "calls that evidence unreliable"
            elif not _OBJECT_QUOTE_RE.match(rest):  # "called the plan “a stunt”" is a cue
                continue
        before = text[:shown.start()] if shown is not None else text[:m.start()]
        if progressive is not None:  # "Ortiz has been deriding": the subject before "has been"
            before = text[:progressive.start()]
        chain = _CATENATIVE_END_RE.search(before)  # "Ortiz went on to argue", "tried to explain"
        if chain is None and verb in lemmas and (modal := _MODAL_END_RE.search(before)):
            if modal.group(1) or not quoted or _open_quote_before(text, m.start()):
                continue  # "he would not say"; "he will announce" with nothing said yet;
                # "“I think she should apologize": words of a quotation
            chain = modal  # "In his speech, he will promise “to oppose ...”"
        if chain is not None and not quoted and _PROSPECTIVE_RE.match(chain.group()):
            continue  # "X is expected to announce ...": nothing said yet
        if chain is None and before.endswith(("did ", "does ", "do ")):
            chain = _EMPHATIC_END_RE.search(before)  # "He did pledge to ...": a statement
        if chain is not None:
            before = before[:chain.start()]
        found = subject_at_end(before)
        if found is None:
            continue
        start, ref = found
        if ref.kind == "name" and ref.name is not None and len(ref.name.words) == 1 and \
                word_key(ref.name.words[0]) in wordlists.function_words():
            continue  # "Amid calls for ...": a preposition, not a subject
        if start < len(mask) and mask[start]:
            continue  # "“Right now, the West ...,” said X": words of the quotation, not X
        if _SUBORDINATE_OPENING_RE.match(text, start):
            continue  # "Though Ortiz's office had responded, ...": a subordinate clause
        if verb in lemmas and chain is None and ref.kind not in ("joint", "plural", "entity",
                                                                   "source", "record"):
            continue  # "analysts estimate", "the two sides agree"; not "to urge", "calls"
        if _is_embedded(text, start) or (_PREPOSITION_END_RE.search(text, max(0, start - 80),
                                                                   start) and
                                         not _WRITTEN_BY_END_RE.search(text, 0, start)):
            continue  # "a letter to Ana and Tom posted on ...": the object of "to" posts nothing
        if (ref.kind == "source" and not text[:start].strip(" \"“'‘")
                and not (" " in ref.label and ref.label.split()[-1][:1].isupper())):
            # "Officials said", "Rescue workers said" open the sentence; not "Finance Ministry"
            first, _, rest_of_label = ref.label.partition(" ")
            ref = Ref("source", label=" ".join(filter(None, (_common_case(first),
                                                             rest_of_label))))
        if _JOINT_AFTER_RE.match(rest):
            ref = Ref("joint", label="joint statement")  # "X and Y said in a joint statement"
        trailing = bool(_CLAUSE_END_RE.search(text[:start])) and bool(
            _TRAIL_REMAINDER_RE.match(rest))
        cues.append(Cue(start, ref, trailing, verb))
        verb_starts.add(m.start())
    for m in _scan(_ISSUED_RE, text, words):  # "X put out a statement", "a letter from X"
        if mask[m.start()] or any(c.start <= m.start() < c.start + 60 for c in cues):
            continue
        source = _FROM_RE.match(text, m.end())
        found = subject_at_start(text[source.end():]) if source else None
        issuer = subject_at_end(text[:m.start()])
        if issuer is not None and _is_embedded(text, issuer[0]):
            continue  # "though she released a letter from her doctor": background
        if source is not None and found is not None and found[1].kind in ("name", "title"):
            cues.append(Cue(source.end() + found[0], found[1], False, "statement from"))
            continue
        if m.group(1) in _RECEIVED:
            continue
        found = issuer
        if found is not None:
            cues.append(Cue(found[0], found[1], False, m.group(1)))
    for m in _scan(_SPOKE_RE, text, words):  # "X made the announcement", "X gave a speech"
        if mask[m.start()] or any(c.start <= m.start() < c.start + 60 for c in cues):
            continue
        found = subject_at_end(text[:m.start()])
        if found is not None and not _is_embedded(text, found[0]):
            cues.append(Cue(found[0], found[1], False, m.group(1)))
    for m in _scan(_IDIOM_RE, text, words):  # "X took a shot at", "X fired back"
        if mask[m.start()] or any(c.start <= m.start() < c.start + 60 for c in cues):
            continue
        found = subject_at_end(text[:m.start()])
        if found is not None and not _is_embedded(text, found[0]) and found[1].kind not in (
                "record", "document"):
            cues.append(Cue(found[0], found[1], False, " ".join(m.group().split()[:4])))
    for pattern in (_INVERSION_RE, _ACCORDING_RE):
        for m in _scan(pattern, text, words):
            if mask[m.start()] and pattern is _ACCORDING_RE:
                continue
            if pattern is _INVERSION_RE and m.start("verb") in verb_starts:
                continue  # "Ortiz, the minister, said X ...": the subject is before the verb
            found = subject_at_start(text[m.end():])
            if found is not None and found[1].name is not None and found[1].name.kind == \
                    "place" and DESCRIBED_AFTER_RE.match(text, m.end() + found[0]):
                # "said Chad Roe, the president of X": a person whose given name is a place
                found = found[0], Ref("name", Name(found[1].name.words, "person", False, ""))
            if found is None or (found[1].kind == "name" and found[1].name is not None
                                 and found[1].name.kind == "place" and pattern is _INVERSION_RE):
                continue
            trailing = pattern is _INVERSION_RE
            how = m.group("verb") if trailing else " ".join(m.group().split()[:2]).lower()
            cues.append(Cue(m.end() + found[0], found[1], trailing, how))
    if ("told" in words or "learned" in words) and (told := _OUTLET_TOLD_RE.search(text)):
        # "..., Fox News is told.", "..., the Gazette has learned."
        name = parse_name(told.group(1))
        if name is not None and " the " in told.group()[:6] and not name.titled:
            name = Name(tuple(_strip_full_stop(told.group(1)).split()), "org", False, "")
        if name is not None and name.kind != "person" and not mask[told.start(1)]:
            cues.append(Cue(told.start(1), Ref("name", name), True, told.group(2).split()[-1]))
    if "put" in words or "with" in words:
        for m in _WITH_SAYING_RE.finditer(text) if "with" in words else ():
            # "..., with Ortiz noting that ...": Ortiz speaks
            found = subject_at_end(text[:m.start("verb")])
            if not mask[m.start()] and found is not None and found[1].kind == "name":
                cues.append(Cue(found[0], found[1], False, m.group("verb")))
        for m in _PUT_IT_RE.finditer(text) if "put" in words else ():
            # "As Ortiz put it, “...”": the quotation is hers
            found = subject_at_end(text[m.end(1):m.start("verb")])
            if not mask[m.start()] and found is not None:
                cues.append(Cue(m.end(1) + found[0], found[1], False, "put it"))
    for m in _scan(_MID_ATTRIBUTION_RE, text, words):
        if not mask[m.start()]:
            pronoun = m.group(1).lower()
            cues.append(Cue(m.start(1), Ref("plural" if pronoun == "they" else "pronoun"), True,
                            m.group().split()[-1].strip(",")))
    if not cues and ("by" in words or "who" in words or "which" in words or "’s" in text
                     or "'s" in text):
        cues.extend(_secondary_cues(text, mask, words))
    cues.sort(key=lambda c: c.start)
    return tuple(cues)


def _secondary_cues(text: str, mask: list[bool], words: set[str]) -> Iterator[Cue]:
    """Cues a sentence with no main-clause cue may still hold: the agent of a passive speech verb
    ("was denounced by X"), the antecedent of "X, ..., who said", and the owner of a statement
    reported with its content ("Mr. Ruiz's statement criticizing the plan")."""
    forms = _main_verb_forms()
    if "by" in words:
        for m in _PASSIVE_BY_RE.finditer(text):
            if m.group(1) in forms and not mask[m.start()] and not _is_embedded(text, m.start()):
                found = subject_at_start(text[m.end():])
                if found is not None and found[1].kind == "name":
                    yield Cue(m.end() + found[0], found[1], False, f"{m.group(1)} by")
                    return
    if "who" in words or "which" in words:
        for m in _RELATIVE_SAID_RE.finditer(text):
            if m.group(1) in forms and not mask[m.start()] and not _NOTHING_SAID_RE.match(
                    text, m.end()):
                found = subject_at_end(text[:m.start()] + ",")  # "X, a group, which said"
                if found is None or found[1].kind != "name":
                    found = subject_at_end(text[:m.start()])
                if found is not None and found[1].kind == "name" and not _is_embedded(
                        text, found[0]) and text[:found[0]].strip(" “\"‘'"):
                    # (not "Ana Ruiz, who asked for the meeting, arrived at ten": a relative
                    # clause on the sentence's subject is background)
                    yield Cue(found[0], found[1], False, f"who {m.group(1)}")
                    return
    for m in _OWNED_STATEMENT_RE.finditer(text):
        if not mask[m.start()]:
            name = parse_name(m.group(1))
            if name is not None and name.kind == "person":
                yield Cue(m.start(1), Ref("name", name), False, "statement " + m.group(2))
                return


_WITH_SAYING_RE = re.compile(
    rf"\bwith\s+(?:{_RUN})\s+(?P<verb>saying|noting|arguing|telling|insisting|warning|adding|"
    r"explaining|declaring|asking|claiming)\b")
_PUT_IT_RE = re.compile(r"(?:^|[^\w'’])([Aa]s\s+)[^;:\"“”]{1,80}?\s+(?P<verb>put\s+it)\b")
_PASSIVE_BY_RE = re.compile(r"\b(?:was|were|is|are|been|being)\s+(?:[a-z]+ly\s+)?([a-z]+ed|told)\s+"
                            r"(?:(?:here|there|today|yesterday|later|earlier|again|also|first|"
                            r"publicly|on\s+[A-Z][a-z]+)\s+){0,3}by\s+")
_RELATIVE_SAID_RE = re.compile(r",\s+(?:who|which)\s+(?:also\s+|later\s+|then\s+)?([a-z]+)\b")
_OWNED_STATEMENT_RE = re.compile(
    rf"({_RUN})['’]s\s+(?:[\w\-]+\s+){{0,2}}?(?:statement|remarks|comments|speech|letter|tweet|"
    r"post|op-ed|testimony)\b[^,.;:\"“”]{0,60}?\s(criticizing|criticising|calling|saying|urging|"
    r"accusing|blaming|praising|attacking|defending|denouncing|warning|arguing|claiming|"
    r"insisting|condemning)\b")


@lru_cache(maxsize=1 << 18)  # a sentence each: both accounts of a 40k pair fit
def sentence_subject(text: str) -> tuple[Ref, str] | None:
    """The subject opening a sentence (after an adverbial opener) and the word after it."""
    text = _DATELINE_RE.sub("", _CONJUNCTION_START_RE.sub("", _LABEL_START_RE.sub("", text)))
    opener = _OPENER_RE.match(text)
    body = text[opener.end():] if opener else text
    if (m := _DESCRIPTOR_START_RE.match(body)) and m.group(1).lower() in _ROLE_NOUNS | \
            wordlists.titles():
        person = RUN_RE.match(body, m.end())
        name = parse_name(person.group()) if person else None
        if name is not None and name.kind == "person":
            body = body[m.end():]  # "Republican presidential nominee Ana Ruiz has ..."
    found = subject_at_start(body)
    if (found is None or found[1].kind != "name") and (m := _DESCRIBED_START_RE.match(body)):
        # "One candidate, Ana Ruiz,", "Ortiz's counterpart, Sen. Ana Ruiz,"
        name = parse_name(m.group(1))
        if name is not None and name.kind == "person":
            found = (m.start(1), Ref("name", name))
    if found is None:
        return None
    start, ref = found
    if ref.kind == "name" and ref.name is not None:
        end = body.find(ref.name.words[-1], start) + len(ref.name.words[-1])
    else:
        m = _TWO_WORDS_RE.match(body[start:])
        end = start + (len(ref.label) if ref.label and body[start:].lower().startswith(
            ref.label.lower()) else (m.end() if m else 0))
    following = _AFTER_SUBJECT_RE.match(body[end:])
    return ref, following.group(1).lower() if following else ""


# A descriptor before a name, with lower-case words the capitalised run does not take in:
# "Republican presidential nominee Ana Ruiz", "longtime party leader Ana Ruiz".
_DESCRIPTOR_START_RE = re.compile(
    r"^(?:[A-Z][\w\-]*\s+){0,2}(?:[a-z][\w\-]*\s+){0,2}([a-z][\w\-]*)\s+(?=[A-Z])")
_ROLE_NOUNS = frozenset({"nominee", "candidate", "challenger", "hopeful", "contender",
                         "frontrunner", "front-runner", "incumbent", "lawmaker", "official",
                         "strategist", "activist", "founder", "co-founder", "executive",
                         "owner", "host", "anchor", "columnist", "commentator", "author"})


# "Updated: ...", "Exclusive: ...": a one-word label before the sentence
_LABEL_START_RE = re.compile(r"^[A-Z][a-z]+:\s+(?=[A-Z])")


def is_event_narration(text: str) -> bool:
    """A sentence opening with someone doing something ("X held talks with Y") is narration."""
    found = sentence_subject(text)
    return found is not None and found[1] in wordlists.event_verbs()


_PASSIVE_AND_RE = re.compile(r"\s+(?:of|by)\b")
_GROUP_WHO_RE = re.compile(r"\b[A-Za-z]+s\s+who\s+(?:are|were|have|had)\b")
_AND_VERB_RE = re.compile(r"\band\s+(?:also\s+|then\s+|later\s+)?([a-z]+)\b")
_PARTICIPLE_RE = re.compile(
    r"(?:,[”\"’]?|--|[—–])\s*(?:(?:first|then|also|later|again|often|even|still|while|[a-z]+ly)\s+)?"
    r"([a-z]+ing)\b")


def saying_clause(text: str) -> bool:
    """Whether the sentence hangs a statement on a participle or a second verb: "..., saying
    ...", "... and also retweeted ..."."""
    if (said := _SAYING_RE.search(text)) and not _GROUP_WHO_RE.search(text, 0, said.start()):
        return True
    mask = quoted_mask(text)
    forms = wordlists.reporting_verbs().forms
    for pattern, literal in ((_AND_VERB_RE, "and"), (_PARTICIPLE_RE, "ing")):
        if literal not in text:  # what every match holds
            continue
        for m in pattern.finditer(text):
            verb = m.group(1)
            if mask[m.start()] or verb not in forms or verb in _lemmas() or verb == "citing":
                continue  # "citing his health": a reason given, not a statement
            if literal == "and" and verb.endswith("ed") and _PASSIVE_AND_RE.match(text, m.end()):
                continue  # "being arrested and accused of ...": done to the subject
            if literal == "ing" and _GROUP_WHO_RE.search(text, 0, m.start()):
                continue  # "met Democrats who are resisting it, saying ...": theirs
            needs = wordlists.reporting_verbs().particles.get(verb)
            following = _NEXT_WORD_RE.match(text[m.end():])
            if needs and (not following or following.group(1).lower() not in needs) and \
                    not _OBJECT_QUOTE_RE.match(text[m.end():]) and not (
                        "for-ing" in needs and _FOR_REASON_RE.match(text[m.end():])):
                continue  # not "and called him “a liar”", "and ripped him for lying"
            return True
    return False


# -- headlines ------------------------------------------------------------------------------
_HEADLINE_COLON_RE = re.compile(r"^[\s'‘\"“]*([A-Z][^:;,.!?\"“”‘’]{0,60}?)\s*:\s+\S")
_HEADLINE_SAYS_RE = re.compile(
    r"(?:^|[,;:—–-]\s*)([A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,3})\s+(?:Says|Said|Tells|Told|"
    r"Warns|Claims|Insists)\s*[.!?]?\s*$", re.IGNORECASE)
_HEADLINE_QUOTE_OPENER_RE = re.compile(r"^[\s'‘\"“][^'’\"”]{1,60}[!?.,]?['’\"”]\s+")
_WORDS_RE = re.compile(r"[\w.'’\-]+|,")


def headline_cue(text: str) -> Ref | None:
    """Who a headline says is speaking: "X: ...", "..., X Says", "X Criticizes Y", "'...' X slams".

    The subject must be a name or a title ("Former President"); anything else is no cue.
    """
    text = text.strip()
    if m := _HEADLINE_SAYS_RE.search(text):
        found = _headline_subject(m.group(1))
        if found is not None:
            return found
    if m := _HEADLINE_COLON_RE.match(text):
        found = _headline_subject(m.group(1))
        if found is not None:
            return found
    body = text
    if m := _HEADLINE_QUOTE_OPENER_RE.match(body):  # "'Jail!' Trump slams ..."
        body = body[m.end():]
    words = _WORDS_RE.findall(body)
    verbs = wordlists.headline_verbs()
    for i, word in enumerate(words[:16]):
        if i and word.lower().endswith("ed") and words[i + 1:i + 2] and \
                words[i + 1].lower() in ("to", "by"):
            return None  # "Ana Ruiz Urged to Resign by ...": the subject is spoken to
        if i and word.lower() in verbs and word.lower() not in ("will", "can") and \
                _headline_particle_ok(word.lower(), words[i + 1:i + 2], body):
            subject = " ".join(words[:i]).replace(" ,", ",")
            if (opener := _HEADLINE_OPENER_RE.match(subject)) is not None:
                subject = subject[opener.end():]  # "After Nightclub Massacre, Obama Expresses"
            subject = re.sub(r",[^,]*,?\s*$", "", subject)  # "X and Y, 2 Ex-Presidents, Say"
            return _headline_subject(subject)
    return None


def _headline_particle_ok(verb: str, following: list[str], body: str) -> bool:
    """ "X Goes After Y" has its particle; "X Goes for Y" is no speech; "X Calls Y ‘…’" is."""
    needs = wordlists.reporting_verbs().particles.get(verb)
    if not needs or "for-ing" in needs:  # "X Rips Y": the headline's object and reason implied
        return True
    if following and following[0].lower() in needs:
        return True
    return bool(_HEADLINE_QUOTE_RE.search(body))


# "Ruiz-Berg Debate", "US-China Talks": an event between two sides, not a speaker.
_CONTEST_RE = re.compile(r"[A-Z][\w.]*-[A-Z][\w.]*\s+[A-Z][a-z]+$")
_HEADLINE_OPENER_RE = re.compile(r"^(?:After|Before|Amid|Following|Despite|In|At|On|Over|"
                                 r"Ahead\s+of|[A-Z][a-z]{2,}ing)\s+[^,]{1,40},\s+")
_HEADLINE_BODY_RE = re.compile(rf"({_RUN})\s+(administration|government|campaign)")
_HEADLINE_QUOTE_RE = re.compile(r"[‘“\"]|(?:^|\s)'\w")


def _headline_subject(phrase: str) -> Ref | None:
    """A name (the first of "X and Y") or a title phrase as a headline's speaker."""
    phrase = phrase.strip(" ,'‘’\"“”")
    if re.search(r"\s(?:and|&)\s", phrase):
        return None  # "X and Y Say ...": a joint statement of several people is nobody's
    if (m := _HEADLINE_BODY_RE.fullmatch(phrase)) and parse_name(m.group(1)) is not None:
        # "Ruiz administration defends ...": the administration, as the body names it
        return Ref("name", name=Name((*m.group(1).split(), m.group(2)), "org", False, ""))
    first = phrase
    if not first or not RUN_RE.fullmatch(first) or first.split()[0].lower().endswith("ing"):
        return None  # "Calling The Senate's Bluff: ...": a gerund, not a name
    keys = [word_key(w) for w in first.split()]
    if any(k in wordlists.function_words() and k not in ("the",) for k in keys):
        return None
    name = parse_name(first)
    if name is not None and name.kind != "place" and not _CONTEST_RE.search(first):
        return Ref("name", name=name)
    titled = [k for k in keys if k in wordlists.titles()]
    if titled:
        return Ref("title", label=titled[-1], text=first)
    return None
