"""End-to-end quality on raw text pairs with hand-made gold: segmentation, links and speakers.

Runs the whole pipeline (ingest, segment, align, annotate) on each pair exactly as a user would,
then scores it against the gold sentences, links and speakers:

    python benchmarks/heldout_eval.py            # the sample pair and every benchmarks/heldout/*/
    python benchmarks/heldout_eval.py benchmarks/heldout_blind/*   # the blind pairs
    python benchmarks/heldout_eval.py DIR ...    # folders holding a.txt, b.txt and gold.json

The sample pair is labelled by ``shared/labelling.md`` (many-to-many) and scored in the default
mode. The heldout pairs were labelled one link per sentence, before labelling.md (no
headline-to-body or secondary links), so they are scored in ``--exclusive`` mode (one link per
sentence), which is what their gold describes (marked "(excl)").

heldout/ was written apart from the engines, but the annotator's developer later saw its speaker
errors; heldout_blind/ was scored once with the finished engines (figures in benchmarks/README.md).
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, replace
from pathlib import Path

from rapidfuzz import fuzz

from readerui.analysis import analyse, load_document
from readerui.model import Analysis, Side
from readerui.settings import Settings

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


@dataclass
class Case:
    """One pair of accounts with its gold file."""

    name: str
    a: Path
    b: Path
    gold: dict
    exclusive: bool = True  # gold labelled one link per sentence (before labelling.md)


def default_cases() -> list[Case]:
    """The sample pair and every folder under benchmarks/heldout/."""
    sample_gold = json.loads((ROOT / "tests/data/gold/wang_lavrov.json").read_text("utf-8"))
    cases = [Case("sample", ROOT / "sample_texts/mfa_readout.txt",
                  ROOT / "sample_texts/xinhua_report.txt", sample_gold, exclusive=False)]
    for folder in sorted((HERE / "heldout").iterdir()):
        if (folder / "gold.json").exists():
            cases.append(case_from(folder))
    return cases


def case_from(folder: Path) -> Case:
    """A case from a folder holding a.txt, b.txt and gold.json."""
    gold = json.loads((folder / "gold.json").read_text("utf-8"))
    return Case(folder.name, folder / "a.txt", folder / "b.txt", gold)


def map_sentences(analysis: Analysis, side: Side, gold: list[dict]) -> dict[int, int]:
    """Gold sentence index -> produced sentence id, by exact text or else the closest text."""
    produced = analysis.document(side).sentences
    mapping: dict[int, int] = {}
    for g in gold:
        exact = [s.id for s in produced if s.text == g["text"]]
        if exact:
            mapping[g["i"]] = exact[0]
            continue
        best = max(produced, key=lambda s: fuzz.ratio(s.text, g["text"]), default=None)
        if best is not None and fuzz.ratio(best.text, g["text"]) >= 60:
            mapping[g["i"]] = best.id
    return mapping


def prf(found: set, truth: set) -> tuple[float, float, float]:
    """Precision, recall and F1 of a set against the truth."""
    hits = len(found & truth)
    p = hits / len(found) if found else (1.0 if not truth else 0.0)
    r = hits / len(truth) if truth else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def speaker_matches(analysis: Analysis, name: str | None, gold_name: str | list | None,
                    aliases: dict[str, list[str]]) -> bool:
    """Whether a produced speaker stands for the gold speaker (aliases and titles allowed).

    A gold speaker given as a list accepts any of its values (``None``: the narrator).
    """
    if isinstance(gold_name, list):
        return any(speaker_matches(analysis, name, g, aliases) for g in gold_name)
    if gold_name is None or name is None:
        return gold_name is None and name is None
    speaker = next(s for s in analysis.annotations.speakers if s.name == name)
    if gold_name == "*joint*":
        return speaker.joint
    accepted = {gold_name.casefold(), *(x.casefold() for x in aliases.get(gold_name, []))}
    produced = {speaker.name.casefold(), *(x.casefold() for x in speaker.aliases)}
    return any(p == g or (len(g) > 3 and (g in p or p in g)) for p in produced for g in accepted)


def evaluate(case: Case) -> dict[str, float | int | str]:
    """Score one case."""
    gold = case.gold
    settings = replace(Settings(), lang=gold.get("lang", "en"), exclusive=case.exclusive)
    lines = bool(gold.get("lines"))
    a = load_document(case.a, settings, lines)
    b = load_document(case.b, settings, lines)
    analysis = analyse(a, b, settings)
    maps = {side: map_sentences(analysis, side, gold[side]) for side in ("a", "b")}
    exact = sum(
        1 for side in ("a", "b") for g in gold[side]
        if g["i"] in maps[side] and analysis.document(side).sentences[maps[side][g["i"]]].text
        == g["text"]
    )
    total = len(gold["a"]) + len(gold["b"])
    back = {side: {v: k for k, v in maps[side].items()} for side in ("a", "b")}
    found = set()
    for link in analysis.alignment.links:
        for i in link.a:
            for j in link.b:
                if i in back["a"] and j in back["b"]:
                    found.add((back["a"][i], back["b"][j]))
    truth = {(x["a"], x["b"]) for x in gold["links"]}
    p, r, f1 = prf(found, truth)
    result: dict[str, float | int | str] = {
        "case": case.name + (" (excl)" if case.exclusive else ""), "sentences_exact": exact,
        "sentences_gold": total,
        "produced": len(a) + len(b), "link_p": p, "link_r": r, "link_f1": f1,
    }
    if gold.get("score_speakers", True):
        aliases = gold.get("speaker_aliases", {})
        right = counted = 0
        for side in ("a", "b"):
            for g in gold[side]:
                counted += 1
                if g["i"] not in maps[side]:
                    continue
                name = analysis.annotations.speaker_of(side, maps[side][g["i"]])
                right += speaker_matches(analysis, name, g["speaker"], aliases)
        result["speaker_acc"] = right / counted if counted else 1.0
    return result


def main(argv: list[str]) -> int:
    """Print one line of figures per case and the means."""
    cases = [case_from(Path(x)) for x in argv] if argv else default_cases()
    rows = [evaluate(case) for case in cases]
    print(f"{'case':<16} {'sentences':>10} {'produced':>8} {'link P':>7} {'link R':>7} "
          f"{'link F1':>7} {'speaker':>8}")
    for row in rows:
        speaker = f"{row['speaker_acc']:.3f}" if "speaker_acc" in row else "-"
        print(f"{row['case']:<16} {row['sentences_exact']:>4}/{row['sentences_gold']:<5} "
              f"{row['produced']:>8} {row['link_p']:>7.3f} {row['link_r']:>7.3f} "
              f"{row['link_f1']:>7.3f} {speaker:>8}")
    f1s = [float(r["link_f1"]) for r in rows]
    speakers = [float(r["speaker_acc"]) for r in rows if "speaker_acc" in r]
    print(f"mean link F1 {sum(f1s) / len(f1s):.3f}; mean speaker accuracy "
          f"{(sum(speakers) / len(speakers)) if speakers else float('nan'):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
