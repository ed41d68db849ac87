"""Build the word-frequency tables in ``readerui/annotate/words/freq/`` from wordfreq's data.

readerui needs one thing of wordfreq: how common a word is (its Zipf value) in the languages it
can stem. This script writes that, and only that, as one small gzipped text file per language, so
the package does not depend on wordfreq (frozen by its author) and its dependencies at run time.

    pip install 'wordfreq==3.1.1'        # in any environment; needed only to build
    python scripts/build_frequency_tables.py [--min-zipf 2.0] [--check WORDS_FILE]

Each file ``<lang>.txt.gz`` holds wordfreq's "best" list of the language (its "large" list where
there is one, else "small"), cut to the words with a Zipf value of at least ``--min-zipf``, as
lines ``<word>\\t<centibels below 1>`` (the band of wordfreq's own cBpack format), sorted by word
in code point order so that readerui finds a word by bisection without reading the whole table;
the values are wordfreq's exactly. (Until issue 11 the lines were one per band,
``<band>\\t<word> <word> …``; wordfreq orders the words of a band in code point order, so the
most-common-first order is the bands' order with ties sorted.) The files are
adapted from wordfreq's data and are under CC BY-SA 4.0 like it: see ``freq/ATTRIBUTION.md``.

``--check FILE`` compares ``readerui.annotate.wordlists.zipf`` with wordfreq's ``zipf_frequency``
(the value readerui used before) for every word of FILE (one ``word<TAB>lang`` a line) and
prints the differences.
"""

from __future__ import annotations

import argparse
import gzip
import io
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "readerui" / "annotate" / "words" / "freq"
sys.path.insert(0, str(ROOT / "src"))

# wordfreq's language for each language readerui can stem, where wordfreq has that language
# ("no", Norwegian, is wordfreq's "nb", Bokmål; "sr", Serbian, its "sh", Serbo-Croatian, in Latin
# letters). wordfreq's own lookup would also give Basque Spanish, Irish and Nepali English and
# Armenian Russian frequencies (its nearest match); those are other languages, so they get none.
WORDFREQ_LANGUAGE = {
    "ar": "ar", "ca": "ca", "da": "da", "de": "de", "el": "el", "en": "en", "es": "es",
    "fi": "fi", "fr": "fr", "hi": "hi", "hu": "hu", "id": "id", "it": "it", "lt": "lt",
    "nl": "nl", "no": "nb", "pt": "pt", "ro": "ro", "ru": "ru", "sr": "sh", "sv": "sv",
    "ta": "ta", "tr": "tr",
}


def _table(lang: str, min_zipf: float) -> bytes:
    """The gzipped table of one language: header lines, then one line per frequency band."""
    import wordfreq

    source = WORDFREQ_LANGUAGE[lang]
    bands = wordfreq.get_frequency_list(source)
    last = round((9.0 - min_zipf) * 100)  # band index = centibels below frequency 1
    kind = "large" if source in wordfreq.available_languages("large") else "small"
    header = [
        f"# readerui word frequencies, language {lang}: wordfreq {wordfreq_version()} "
        f"'{kind}_{source}' list, words of Zipf >= {min_zipf:g}.",
    ]
    word_bands: dict[str, int] = {}
    for index, band in enumerate(bands[:last + 1]):
        # A few entries hold a narrow no-break space ("faire\u202f"); readerui splits words on
        # whitespace, so it never looks such an entry up.
        for word in band:
            if word and not any(c.isspace() for c in word):
                word_bands[word] = index
    return table_bytes(header, word_bands)


def table_bytes(header: list[str], word_bands: dict[str, int]) -> bytes:
    """A table file: the header lines (the first names the source), the attribution and format
    lines, then ``word<TAB>band`` lines sorted by word, gzipped reproducibly."""
    lines = [
        *header,
        "# Adapted from wordfreq (Robyn Speer) data, CC BY-SA 4.0: see ATTRIBUTION.md.",
        "# Line: word<TAB>N, sorted by word (code points); the word's frequency is 10^(-N/100) "
        "(Zipf = 9 - N/100).",
    ]
    lines += [f"{word}\t{word_bands[word]}" for word in sorted(word_bands)]
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", compresslevel=9, mtime=0) as out:
        out.write(("\n".join(lines) + "\n").encode("utf-8"))
    return buffer.getvalue()


def wordfreq_version() -> str:
    """The installed wordfreq's version."""
    from importlib.metadata import version

    return version("wordfreq")


def build(min_zipf: float) -> None:
    """Write every language's table and print its size."""
    OUT.mkdir(parents=True, exist_ok=True)
    total = 0
    for lang in sorted(WORDFREQ_LANGUAGE):
        data = _table(lang, min_zipf)
        (OUT / f"{lang}.txt.gz").write_bytes(data)
        total += len(data)
        print(f"{lang}: {len(data) / 1024:8.0f} KiB")
    print(f"total: {total / 1024 / 1024:.2f} MiB in {len(WORDFREQ_LANGUAGE)} files")


def check(path: Path) -> int:
    """Print words whose bundled Zipf value differs from wordfreq's; the count of differences."""
    import wordfreq

    from readerui.annotate import wordlists

    differences = 0
    pairs = [line.rstrip("\n").split("\t")[:2] for line in path.read_text("utf-8").splitlines()
             if line.strip()]
    for word, lang in pairs:
        word = word.casefold()
        try:
            freq = wordfreq.get_frequency_dict(WORDFREQ_LANGUAGE[lang]).get(word)
            if freq:
                before = math.log10(freq * 1e9)
            elif not word.isalpha():
                before = wordfreq.zipf_frequency(word, WORDFREQ_LANGUAGE[lang])
            else:
                before = 0.0
        except KeyError:
            before = 0.0
        after = wordlists.zipf(word, lang)
        if abs(before - after) > 1e-9:
            differences += 1
            print(f"{lang}\t{word!r}\twordfreq {before:.2f}\tbundled {after:.2f}")
    print(f"{differences} of {len(pairs)} words differ")
    return differences


def main() -> int:
    """Build the tables, or check them against wordfreq."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-zipf", type=float, default=2.0,
                        help="keep words at least this common (Zipf scale; default 2.0)")
    parser.add_argument("--check", type=Path, metavar="FILE",
                        help="compare with wordfreq on the 'word<TAB>lang' lines of FILE")
    args = parser.parse_args()
    if args.check:
        return 1 if check(args.check) else 0
    build(args.min_zipf)
    return 0


if __name__ == "__main__":
    sys.exit(main())
