"""Links and speakers on real same-event news: BASIL development pairs against hand-made gold.

The gold files in ``basil/gold/`` were labelled by hand from the texts alone, by
``../shared/labelling.md`` (pairwise many-to-many links, strong or partial; one speaker per
sentence). The texts are copyrighted and not stored here: rebuild them first from a fetched
launchnlp/BASIL with ``basil/rebuild.py`` (reserved evaluation triplets are never written).

    python benchmarks/basil_eval.py                     # every gold pair, texts in basil/texts/
    python benchmarks/basil_eval.py --texts DIR         # texts elsewhere (or READERUI_BASIL_TEXTS)
    python benchmarks/basil_eval.py --gold DIR          # gold elsewhere (full files with texts too)
    python benchmarks/basil_eval.py --record-first      # store first-run figures of new pairs
    python benchmarks/basil_eval.py -v                  # also list every missed and false link
    python benchmarks/basil_eval.py --near-sweep        # the "only in A?" figures per near floor

Prints per pair and overall (micro: counts summed over pairs):
- link P/R/F1 over all gold links (a produced group counts as every (a, b) pair it holds), and
  over strong links only (produced strong pairs against gold strong pairs);
- "false only": sentences the reader would flag as in one account only although the gold links
  them, as a share of the gold-linked sentences (the mistake a comparison tool must not make);
  split into "confident only" (no link and no close candidate: the misleading case) and "flagged
  maybe" (no link, but a close candidate is offered: "only in A?"); "true only kept": of the
  sentences the gold links to nothing, the share still shown as confidently one-sided (the
  "maybe" flag must not swallow them, or it says nothing);
- speaker accuracy and its confusion: missed (gold names a speaker, none produced), spurious
  (gold: the narrator, a speaker produced), wrong (a different speaker produced);
- "sidebar": of the speakers the sidebar lists, how many stand for a speaker the gold names
  (its name or one of its forms): a proxy for "a real person or organisation under a clean
  name" (a place, a fragment or a second entry of one person does not match); judged by hand in
  ``basil_speakers_sidebar.md``;
- beside each, the first-run figure recorded in ``basil/first_run.json`` (the engine as it was when
  the pair was first scored, before any change prompted by it).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from readerui.analysis import analyse, load_document
from readerui.model import Analysis
from readerui.settings import Settings

HERE = Path(__file__).resolve().parent
GOLD = HERE / "basil" / "gold"
TEXTS = Path(os.environ.get("READERUI_BASIL_TEXTS", HERE / "basil" / "texts"))
FIRST_RUN = HERE / "basil" / "first_run.json"


@dataclass
class Counts:
    """Counts behind one pair's figures; they add up over pairs."""

    link_hits: int = 0
    link_found: int = 0
    link_gold: int = 0
    strong_hits: int = 0
    strong_found: int = 0
    strong_gold: int = 0
    linked_gold: int = 0
    false_only: int = 0
    confident_only: int = 0  # gold-linked, no link and no near candidate
    flagged_maybe: int = 0  # gold-linked, no link but a near candidate
    true_only: int = 0  # gold links to nothing
    true_only_kept: int = 0  # of those, no link and no near candidate
    speakers: int = 0
    speaker_right: int = 0
    missed: int = 0
    spurious: int = 0
    wrong: int = 0
    listed: int = 0  # speakers in the sidebar
    listed_gold: int = 0  # of those, ones that stand for a gold speaker
    misses: list[str] = field(default_factory=list)

    def add(self, other: Counts) -> None:
        for name in self.__dataclass_fields__:
            if name != "misses":
                setattr(self, name, getattr(self, name) + getattr(other, name))

    def figures(self) -> dict[str, float]:
        def prf(hits: int, found: int, gold: int) -> tuple[float, float, float]:
            p = hits / found if found else (1.0 if not gold else 0.0)
            r = hits / gold if gold else 1.0
            return p, r, (2 * p * r / (p + r) if p + r else 0.0)

        p, r, f1 = prf(self.link_hits, self.link_found, self.link_gold)
        sp, sr, sf1 = prf(self.strong_hits, self.strong_found, self.strong_gold)
        return {
            "link_p": p, "link_r": r, "link_f1": f1,
            "strong_p": sp, "strong_r": sr, "strong_f1": sf1,
            "false_only": self.false_only / self.linked_gold if self.linked_gold else 0.0,
            "confident_only": (self.confident_only / self.linked_gold if self.linked_gold
                               else 0.0),
            "flagged_maybe": self.flagged_maybe / self.linked_gold if self.linked_gold else 0.0,
            "true_only_kept": (self.true_only_kept / self.true_only if self.true_only
                               else 1.0),
            "speaker_acc": self.speaker_right / self.speakers if self.speakers else 1.0,
            "missed": self.missed, "spurious": self.spurious, "wrong": self.wrong,
            "sentences": self.speakers,
            "sidebar": self.listed_gold / self.listed if self.listed else 1.0,
        }


def text_hash(text: str) -> str:
    """The short hash a stored gold file keeps instead of a sentence's text."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def check_texts(gold: dict, analysis: Analysis, name: str) -> None:
    """Stop unless the produced sentences are exactly the gold's (same rebuild of BASIL)."""
    for side in ("a", "b"):
        produced = analysis.document(side).sentences
        if len(produced) != len(gold[side]):
            raise SystemExit(f"{name}: side {side} has {len(produced)} sentences, gold "
                             f"{len(gold[side])}: rebuild the texts with basil/rebuild.py")
        for s, g in zip(produced, gold[side], strict=True):
            same = s.text == g["text"] if "text" in g else text_hash(s.text) == g["sha"]
            if not same:
                raise SystemExit(f"{name}: sentence {side}{g['i']} differs from the gold's text")


def speaker_matches(analysis: Analysis, name: str | None, gold_name: str | None,
                    aliases: dict[str, list[str]]) -> bool:
    """Whether a produced speaker stands for the gold speaker (its name or one of its forms)."""
    if gold_name is None or name is None:
        return gold_name is None and name is None
    speaker = next((s for s in analysis.annotations.speakers if s.name == name), None)
    produced = {_form(name)}
    if speaker is not None:
        produced |= {_form(x) for x in speaker.aliases}
    accepted = {_form(gold_name), *(_form(x) for x in aliases.get(gold_name, []))}
    return bool(produced & accepted)


# Curly apostrophes and quotation marks compared as straight ones: "O’Halleran" is "O'Halleran".
_STRAIGHTEN = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "“": '"', "”": '"'})


def _form(name: str) -> str:
    """A name compared case-blind, with straight apostrophes and quotation marks, and without a
    leading article ("The Washington Post")."""
    name = " ".join(name.translate(_STRAIGHTEN).casefold().split())
    return name[4:] if name.startswith("the ") else name


def one_sided_counts(gold: dict, analysis: Analysis, floor: float | None = None) -> Counts:
    """The "only in" counts alone: gold-linked sentences shown one-sided (confidently, or
    flagged "maybe" by a close candidate of probability >= ``floor``: every near candidate the
    analysis holds when None) and gold-unlinked sentences still shown confidently one-sided."""
    c = Counts()
    truth = {(x["a"], x["b"]) for x in gold["links"]}
    alignment = analysis.alignment
    for index, side in enumerate(("a", "b")):
        linked = {pair[index] for pair in truth}
        for i in alignment.only_in(side):
            near = alignment.near_of(side, i)
            flagged = near is not None and (floor is None or near.score >= floor)
            if i in linked:
                c.false_only += 1
                c.flagged_maybe += flagged
                c.confident_only += not flagged
            else:
                c.true_only_kept += not flagged
        c.linked_gold += len(linked)
        c.true_only += len(gold[side]) - len(linked)
    return c


def score(gold: dict, analysis: Analysis) -> Counts:
    """Count one pair's hits against its gold."""
    c = Counts()
    found: dict[tuple[int, int], str] = {}
    for link in analysis.alignment.links:
        for i in link.a:
            for j in link.b:
                found.setdefault((i, j), link.kind)
    truth = {(x["a"], x["b"]): x["kind"] for x in gold["links"]}
    c.link_found, c.link_gold = len(found), len(truth)
    c.link_hits = len(found.keys() & truth.keys())
    strong_found = {k for k, v in found.items() if v == "strong"}
    strong_truth = {k for k, v in truth.items() if v == "strong"}
    c.strong_found, c.strong_gold = len(strong_found), len(strong_truth)
    c.strong_hits = len(strong_found & strong_truth)
    for pair in sorted(truth.keys() - found.keys()):
        c.misses.append(f"  missed {truth[pair]:<7} a{pair[0]} ~ b{pair[1]}")
    for pair in sorted(found.keys() - truth.keys()):
        c.misses.append(f"  false  {found[pair]:<7} a{pair[0]} ~ b{pair[1]}")
    sided = one_sided_counts(gold, analysis)
    for name in ("linked_gold", "false_only", "confident_only", "flagged_maybe", "true_only",
                 "true_only_kept"):
        setattr(c, name, getattr(sided, name))
    aliases = gold.get("speaker_aliases", {})
    for side in ("a", "b"):
        for g in gold[side]:
            c.speakers += 1
            name = analysis.annotations.speaker_of(side, g["i"])
            if speaker_matches(analysis, name, g["speaker"], aliases):
                c.speaker_right += 1
            elif name is None:
                c.missed += 1
            elif g["speaker"] is None:
                c.spurious += 1
            else:
                c.wrong += 1
            if not speaker_matches(analysis, name, g["speaker"], aliases):
                c.misses.append(f"  speaker {side}{g['i']}: gold {g['speaker']!r}, got {name!r}")
    accepted = {_form(x) for gold_name, forms in aliases.items() for x in (gold_name, *forms)}
    for speaker in analysis.annotations.speakers:
        c.listed += 1
        if {_form(speaker.name), *(_form(x) for x in speaker.aliases)} & accepted:
            c.listed_gold += 1
        else:
            c.misses.append(f"  sidebar speaker not in the gold: {speaker.name!r}")
    return c


def engine_label() -> str:
    """The engine's commit (and a mark when the work tree differs from it)."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=HERE, text=True,
                              capture_output=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "src"], cwd=HERE, text=True,
                               capture_output=True, check=True).stdout.strip()
        return head + ("+changes" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


SWEEP = (0.05, 0.08, 0.1, 0.12, 0.15, 0.18, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5)


def near_sweep(files: list[Path], texts: Path) -> int:
    """Analyse each pair once with every near candidate kept (floor 0), then count the
    one-sided figures at each floor of SWEEP (a higher floor only drops candidates: the best
    candidate of a sentence does not depend on it). Prints, per floor, the flag as a detector of
    "shown one-sided but the gold links it": precision, recall and F1 over the sentences in no
    link, and the highest floor within 0.01 of the best F1. The model is in-sample here: the
    shipped floor is picked out of fold by train_link_model.py (leave-one-event-out)."""
    from dataclasses import replace

    per_floor = {floor: Counts() for floor in SWEEP}
    for path in files:
        gold = json.loads(path.read_text("utf-8"))
        settings = Settings()
        settings = replace(settings, align=replace(settings.align, near_floor=0.0))
        a = load_document(texts / gold["a_file"], settings, lines=True)
        b = load_document(texts / gold["b_file"], settings, lines=True)
        analysis = analyse(a, b, settings, parallel=False)
        check_texts(gold, analysis, path.stem)
        for floor, counts in per_floor.items():
            counts.add(one_sided_counts(gold, analysis, floor))
    print(f"{'floor':>6} {'false only':>10} {'confident':>10} {'maybe':>7} "
          f"{'true kept':>10} {'flag P':>7} {'flag R':>7} {'flag F1':>7}")
    best = (-1.0, 0.0)
    for floor, c in per_floor.items():
        fig = c.figures()
        p, r, f1 = flag_prf(c)
        best = max(best, (round(f1, 4), -floor))
        print(f"{floor:>6.2f} {fig['false_only']:>10.3f} {fig['confident_only']:>10.3f} "
              f"{fig['flagged_maybe']:>7.3f} {fig['true_only_kept']:>10.3f} {p:>7.3f} "
              f"{r:>7.3f} {f1:>7.3f}")
    chosen = max(floor for floor, c in per_floor.items() if flag_f1(c) >= best[0] - 0.01)
    print(f"best flag F1 {best[0]:.3f} at floor {-best[1]:.2f}; highest within 0.01: "
          f"{chosen:.2f} (shipped: "
          f"{Settings().align.near_floor:.2f})")
    return 0


def flag_prf(c: Counts) -> tuple[float, float, float]:
    """The "maybe" flag as a detector of gold-linked sentences among those in no link."""
    flagged = c.flagged_maybe + (c.true_only - c.true_only_kept)
    p = c.flagged_maybe / flagged if flagged else 1.0
    r = c.flagged_maybe / c.false_only if c.false_only else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def flag_f1(c: Counts) -> float:
    """F1 of :func:`flag_prf`, rounded as the sweep compares it."""
    return round(flag_prf(c)[2], 4)


def one_sided_table(rows: list, total: Counts) -> None:
    """The "only in" figures per pair and overall (micro), before the main table."""
    print(f"{'pair':<24} {'false only':>10} {'confident only':>15} {'flagged maybe':>14} "
          f"{'true only kept':>15}")
    for name, fig, _ in rows:
        print(f"{name:<24} {fig['false_only']:>10.3f} {fig['confident_only']:>15.3f} "
              f"{fig['flagged_maybe']:>14.3f} {fig['true_only_kept']:>15.3f}")
    fig = total.figures()
    print(f"{'overall (micro)':<24} {fig['false_only']:>10.3f} {fig['confident_only']:>15.3f} "
          f"{fig['flagged_maybe']:>14.3f} {fig['true_only_kept']:>15.3f}"
          f"   ({total.confident_only}+{total.flagged_maybe} of {total.linked_gold} gold-linked;"
          f" {total.true_only_kept} of {total.true_only} gold-unlinked)")
    print()


def main(argv: list[str]) -> int:
    """Score every gold pair and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pairs", nargs="*", help="gold file names to score (default: all)")
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--texts", type=Path, default=TEXTS)
    parser.add_argument("--record-first", action="store_true",
                        help="store the figures of pairs that have no first-run record yet")
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--near-sweep", action="store_true",
                        help="print the one-sided figures for a range of near floors")
    args = parser.parse_args(argv)
    files = sorted(args.gold.glob("*.json"))
    if args.pairs:
        files = [f for f in files if f.name in args.pairs or f.stem in args.pairs]
    if not files:
        print(f"no gold files in {args.gold}", file=sys.stderr)
        return 1
    first = json.loads(FIRST_RUN.read_text("utf-8")) if FIRST_RUN.exists() else {}
    label = engine_label()
    total = Counts()
    rows = []
    started = time.perf_counter()
    if args.near_sweep:
        return near_sweep(files, args.texts)
    for path in files:
        gold = json.loads(path.read_text("utf-8"))
        settings = Settings()
        a = load_document(args.texts / gold["a_file"], settings, lines=True)
        b = load_document(args.texts / gold["b_file"], settings, lines=True)
        analysis = analyse(a, b, settings, parallel=False)
        check_texts(gold, analysis, path.stem)
        counts = score(gold, analysis)
        total.add(counts)
        figures = counts.figures()
        rows.append((path.stem, figures, first.get(path.stem, {}).get("figures")))
        if args.record_first and path.stem not in first:
            first[path.stem] = {"engine": label, "date": time.strftime("%Y-%m-%d"),
                                "figures": figures}
        if args.verbose:
            print(f"{path.stem}:")
            print("\n".join(counts.misses))
    elapsed = time.perf_counter() - started
    if args.record_first:
        FIRST_RUN.write_text(json.dumps(first, indent=1, sort_keys=True) + "\n", "utf-8")

    def cell(now: float, then: dict | None, key: str) -> str:
        return f"{now:.3f}" + (f" ({then[key]:.2f})" if then else "")

    print(f"engine {label}; in parentheses: first run (basil/first_run.json)")
    one_sided_table(rows, total)
    print(f"{'pair':<24} {'sent':>5} {'link P':>13} {'link R':>13} {'link F1':>13} "
          f"{'strong F1':>13} {'false only':>13} {'speaker':>13}  miss/spur/wrong  sidebar")
    for name, fig, then in rows:
        print(f"{name:<24} {int(fig['sentences']):>5} {cell(fig['link_p'], then, 'link_p'):>13} "
              f"{cell(fig['link_r'], then, 'link_r'):>13} "
              f"{cell(fig['link_f1'], then, 'link_f1'):>13} "
              f"{cell(fig['strong_f1'], then, 'strong_f1'):>13} "
              f"{cell(fig['false_only'], then, 'false_only'):>13} "
              f"{cell(fig['speaker_acc'], then, 'speaker_acc'):>13}  "
              f"{int(fig['missed'])}/{int(fig['spurious'])}/{int(fig['wrong'])}"
              f"{'':<8}{fig['sidebar']:.2f}")
    fig = total.figures()
    recorded = [then for _, _, then in rows if then]
    then_total = None
    if len(recorded) == len(rows):
        # the first-run overall, recomputed from per-pair figures weighted like the counts
        then_total = {k: sum(r[k] for r in recorded) / len(recorded) for k in recorded[0]}
    print(f"{'overall (micro)':<24} {int(fig['sentences']):>5} {fig['link_p']:>13.3f} "
          f"{fig['link_r']:>13.3f} {fig['link_f1']:>13.3f} {fig['strong_f1']:>13.3f} "
          f"{fig['false_only']:>13.3f} {fig['speaker_acc']:>13.3f}  "
          f"{int(fig['missed'])}/{int(fig['spurious'])}/{int(fig['wrong'])}"
          f"  sidebar {total.listed_gold}/{total.listed} = {fig['sidebar']:.3f}")
    macro = {k: sum(f[k] for _, f, _ in rows) / len(rows) for k in fig}
    print(f"{'mean over pairs':<24} {'':>5} {cell(macro['link_p'], then_total, 'link_p'):>13} "
          f"{cell(macro['link_r'], then_total, 'link_r'):>13} "
          f"{cell(macro['link_f1'], then_total, 'link_f1'):>13} "
          f"{cell(macro['strong_f1'], then_total, 'strong_f1'):>13} "
          f"{cell(macro['false_only'], then_total, 'false_only'):>13} "
          f"{cell(macro['speaker_acc'], then_total, 'speaker_acc'):>13}")
    print(f"{len(rows)} pairs in {elapsed:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
