"""Language profiles for readerui's detector, and the detector's accuracy.

Usage:
  python benchmarks/lang_profiles.py --write   # regenerate src/readerui/data/lang_profiles.json
  python benchmarks/lang_profiles.py           # accuracy on the gold sets' sentences/paragraphs

A profile is the language's most frequent words with their Zipf frequency, taken from wordfreq's
tables (a derived frequency table, no text), for every language that has a Snowball stemmer and
its own wordfreq table. Accuracy is measured on the sentences of the gold files in
benchmarks/gold/ (each file names its language), one sentence, then three, at a time.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "src" / "readerui" / "data" / "lang_profiles.json"
TOP = 300


def write() -> None:
    """Regenerate the profiles file from wordfreq."""
    import wordfreq

    from readerui.tokens import SNOWBALL_NAMES

    own = set(wordfreq.available_languages())
    tables = {"no": "nb", "sr": "sh"}  # wordfreq's names for Norwegian and (Latin) Serbian
    profiles = {}
    for lang in sorted(SNOWBALL_NAMES):
        table = tables.get(lang, lang)
        if table not in own:
            continue  # wordfreq would answer with a neighbouring language's table
        words: dict[str, float] = {}
        for word in wordfreq.top_n_list(table, TOP * 2):
            norm = word.casefold()  # accents kept: they tell languages apart (för / for)
            if norm.isalpha() and norm not in words:
                words[norm] = round(wordfreq.zipf_frequency(word, table), 2)
            if len(words) >= TOP:
                break
        profiles[lang] = words
    TARGET.write_text(json.dumps(profiles, ensure_ascii=False, sort_keys=True) + "\n",
                      encoding="utf-8")
    print(f"wrote {TARGET} ({len(profiles)} languages)")


def measure() -> None:
    """Accuracy of detect_language on the gold sets' text, by piece size."""
    from readerui.language import detect_language

    for size in (1, 3):
        right = total = 0
        wrong: list[str] = []
        for path in sorted((ROOT / "benchmarks" / "gold").glob("*.json")):
            gold = json.loads(path.read_text(encoding="utf-8"))
            lang = gold.get("lang", "en")
            texts = [entry["text"] for side in ("a", "b") for entry in gold[side]]
            for start in range(0, len(texts), size):
                piece = " ".join(texts[start:start + size])
                found = detect_language(piece)
                total += 1
                right += found == lang
                if found != lang:
                    wrong.append(f"{lang}->{found}: {piece[:60]}")
        print(f"{size} sentence(s) at a time: {right}/{total} right ({right / total:.1%})")
        for line in wrong[:5]:
            print("   ", line)


if __name__ == "__main__":
    write() if "--write" in sys.argv[1:] else measure()
