"""Word tokens with normalised and stemmed forms, shared by the aligner and the annotators."""

from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import snowballstemmer

# A word: a number with decimal or thousands separators ("4.25", "4,000"), or letters/digits
# with inner hyphens or apostrophes ("multi-polar", "Europe's").
WORD_RE = re.compile(r"\d+(?:[.,]\d+)+|\w+(?:['’\-‐‑]\w+)*", re.UNICODE)

# ISO 639-1 code -> Snowball algorithm name.
SNOWBALL_NAMES = {
    "ar": "arabic", "ca": "catalan", "da": "danish", "de": "german", "el": "greek",
    "en": "english", "es": "spanish", "eu": "basque", "fi": "finnish", "fr": "french",
    "ga": "irish", "hi": "hindi", "hu": "hungarian", "hy": "armenian", "id": "indonesian",
    "it": "italian", "lt": "lithuanian", "ne": "nepali", "nl": "dutch", "no": "norwegian",
    "pt": "portuguese", "ro": "romanian", "ru": "russian", "sr": "serbian", "sv": "swedish",
    "ta": "tamil", "tr": "turkish", "yi": "yiddish",
}


@dataclass(frozen=True, slots=True)
class Token:
    """A word of a sentence: surface form, casefolded form, stem, and offsets in the sentence."""

    text: str
    norm: str
    stem: str
    start: int
    end: int


def supported_languages() -> tuple[str, ...]:
    """Language codes that have a stemmer."""
    return tuple(sorted(SNOWBALL_NAMES))


# A Snowball stemmer object keeps the word it is working on, so two threads sharing one corrupt
# each other's words (the reader's worker threads, a Dask worker's threads): one per thread.
_per_thread = threading.local()


def _stemmer(lang: str) -> snowballstemmer.Stemmer | None:
    stemmers: dict[str, snowballstemmer.Stemmer | None] = _per_thread.__dict__.setdefault(
        "stemmers", {})
    if lang not in stemmers:
        name = SNOWBALL_NAMES.get(lang)
        if name:
            import snowballstemmer  # imported when a stem is first needed (start-up stays light)

            stemmers[lang] = snowballstemmer.stemmer(name)
        else:
            stemmers[lang] = None
    return stemmers[lang]


@lru_cache(maxsize=200_000)
def normalise(word: str) -> str:
    """Casefold, fold accents and typographic apostrophes; keep inner hyphens out."""
    if word.isascii():
        return word.lower()
    word = unicodedata.normalize("NFKD", word.casefold())
    word = "".join(ch for ch in word if not unicodedata.combining(ch))
    return word.replace("’", "'").replace("‐", "-").replace("‑", "-")


@lru_cache(maxsize=200_000)
def stem(norm: str, lang: str = "en") -> str:
    """Snowball stem of a normalised word (the word itself for languages without a stemmer)."""
    stemmer = _stemmer(lang)
    if stemmer is None:
        return norm
    if norm.endswith("'s"):
        norm = norm[:-2]
    return str(stemmer.stemWord(norm))


# Small lists of function words per language: they keep a low weight in the aligner even in short
# documents where IDF alone is noisy, and the word diff does not mark them. Languages without a list
# rely on IDF alone.
_STOPWORDS_TEXT = {
    "en": """a about above after again against all also am an and any are as at be because been
        before being below between both but by can could did do does doing down during each few for
        from further had has have having he her here hers herself him himself his how i if in into
        is it its itself just me more most my myself no nor not now of off on once only or other our
        ours ourselves out over own same she should so some such than that the their theirs them
        themselves then there these they this those through to too under until up very was we were
        what when where which while who whom why will with would you your yours yourself yourselves
        s t don shall may might must upon""",
    "de": """aber alle allem allen aller alles als also am an ander andere anderem anderen anderer
        anderes anderm andern anders auch auf aus bei bin bis bist da damit dann das dass dasselbe
        dazu dein deine deinem deinen deiner dem demselben den denn denselben der derer derselbe
        derselben des desselben dessen dich die dies diese dieselbe dieselben diesem diesen dieser
        dieses dir doch dort du durch ein eine einem einen einer eines einig einige einigem einigen
        einiger einiges einmal er es etwas euch euer eure eurem euren eurer eures für gegen gewesen
        hab habe haben hat hatte hatten hier hin hinter ich ihm ihn ihnen ihr ihre ihrem ihren ihrer
        ihres im in indem ins ist jede jedem jeden jeder jedes jene jenem jenen jener jenes jetzt
        kann kein keine keinem keinen keiner keines können könnte machen man manche manchem manchen
        mancher manches mein meine meinem meinen meiner meines mich mir mit muss musste nach nicht
        nichts noch nun nur ob oder ohne sehr sein seine seinem seinen seiner seines selbst sich sie
        sind so solche solchem solchen solcher solches soll sollte sondern sonst über um und uns
        unser unsere unserem unseren unserer unseres unter viel vom von vor während war waren warst
        was weg weil weiter welche welchem welchen welcher welches wenn werde werden wie wieder will
        wir wird wirst wo wollen wollte würde würden zu zum zur zwar zwischen""",
    "fr": """au aux avec ce ces dans de des du elle en et eux il ils je la le les leur lui ma mais
        me même mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te
        tes toi ton tu un une vos votre vous c d j l à m n s t y été étée étées étés étant suis es
        est sommes êtes sont serai sera serons seront serait ai as avons avez ont aura auront avait
        avaient eu cette cet aussi plus comme lors dont""",
    "es": """de la que el en y a los del se las por un para con no una su al lo como más pero sus
        le ya o este sí porque esta entre cuando muy sin sobre también me hasta hay donde quien
        desde todo nos durante todos uno les ni contra otros ese eso ante ellos e esto mí antes
        algunos qué unos yo otro otras otra él tanto esa estos mucho quienes nada muchos cual poco
        ella estar estas algunas algo nosotros mi mis tú te ti tu tus ellas es son fue ha han era
        será sido""",
    "it": """ad al allo ai agli all agl alla alle con col coi da dal dallo dai dagli dall dagl dalla
        dalle di del dello dei degli dell degl della delle in nel nello nei negli nell negl nella
        nelle su sul sullo sui sugli sull sugl sulla sulle per tra contro io tu lui lei noi voi loro
        mio mia miei mie tuo tua suo sua suoi sue nostro nostra che chi cui non più quale quanto
        quanti come dove quando se perché ma ed anche il lo la gli le un uno una e è sono era fu ha
        hanno essere stato""",
    "nl": """de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar
        om hem dan zou of wat mijn men dit zo door over ze zich bij ook tot je mij uit der daar haar
        naar heb hoe heeft hebben deze u want nog zal me zij nu ge geen omdat iets worden toch al
        waren veel meer doen toen moet ben zonder kan hun dus alles onder ja eens hier wie werd
        altijd doch wordt wezen kunnen ons zelf tegen na reeds wil kon niets uw iemand geweest
        andere""",
    "pt": """de a o que e do da em um para com não uma os no se na por mais as dos como mas ao ele
        das à seu sua ou quando muito nos já eu também só pelo pela até isso ela entre depois sem
        mesmo aos seus quem nas me esse eles você essa num nem suas meu às minha numa pelos elas
        qual nós lhe deles essas esses pelas este dele foi é são era""",
}
STOPWORDS: dict[str, frozenset[str]] = {
    lang: frozenset(normalise(word) for word in text.split())
    for lang, text in _STOPWORDS_TEXT.items()
}


def is_stopword(norm: str, lang: str = "en") -> bool:
    """Whether a normalised word is a function word of ``lang`` (False for unlisted languages)."""
    words = STOPWORDS.get(lang)
    return words is not None and norm in words


def tokenize(text: str, lang: str = "en") -> list[Token]:
    """Words of ``text`` in order, each with its normalised form and stem."""
    tokens = []
    for match in WORD_RE.finditer(text):
        norm = normalise(match.group())
        tokens.append(Token(match.group(), norm, stem(norm, lang), match.start(), match.end()))
    return tokens
