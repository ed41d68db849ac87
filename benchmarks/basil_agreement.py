"""How far two labellers agree on the same BASIL pairs: the ceiling any aligner is judged under.

    python benchmarks/basil_agreement.py [SECOND_DIR] [--first DIR ...]

SECOND_DIR (default ``basil/agreement/``) holds second labellings of pairs whose first labelling
is in one of the ``--first`` folders (default ``basil/gold/``, ``basil/heldout/``,
``basil/heldout2/``), under the same file name; the two were made independently by
``../shared/labelling.md`` (stored files with hashes, or labellers' files with texts). For
each pair and summed over pairs it prints, taking the first labelling as truth (F1 is symmetric,
so the choice only swaps P and R):
- link P/R/F1 and strong-link F1, as ``basil_eval.py`` scores the engine;
- kind agreement: the share of links both made that both call strong or both partial;
- "only in" agreement: sentences one labeller links to nothing while the other links them;
- speaker agreement: the share of sentences given the same speaker (or both none), a name
  matching when either labeller's forms of it (``speaker_aliases``) meet.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

BASIL = Path(__file__).resolve().parent / "basil"


def _forms(gold: dict, name: str | None) -> set[str]:
    if name is None:
        return set()
    aliases = gold.get("speaker_aliases", {}).get(name, [])
    return {f.casefold().removeprefix("the ") for f in (name, *aliases)}


def compare(first: dict, second: dict) -> dict[str, int]:
    """Counts of agreement between two labellings of one pair."""
    for side in ("a", "b"):
        if len(first[side]) != len(second[side]):
            raise SystemExit(f"{first['pair']}: the two labellings split side {side} differently")
    one = {(x["a"], x["b"]): x["kind"] for x in first["links"]}
    two = {(x["a"], x["b"]): x["kind"] for x in second["links"]}
    both = one.keys() & two.keys()
    counts = {"links_1": len(one), "links_2": len(two), "links_both": len(both),
              "strong_1": sum(k == "strong" for k in one.values()),
              "strong_2": sum(k == "strong" for k in two.values()),
              "strong_both": sum(one[p] == two[p] == "strong" for p in both),
              "kind_same": sum(one[p] == two[p] for p in both),
              "linked_either": 0, "only_disagree": 0, "sentences": 0, "speaker_same": 0}
    for index, side in enumerate(("a", "b")):
        linked_1 = {p[index] for p in one}
        linked_2 = {p[index] for p in two}
        counts["linked_either"] += len(linked_1 | linked_2)
        counts["only_disagree"] += len(linked_1 ^ linked_2)
        for s1, s2 in zip(first[side], second[side], strict=True):
            counts["sentences"] += 1
            n1, n2 = s1["speaker"], s2["speaker"]
            same = (n1 is None and n2 is None) or bool(_forms(first, n1) & _forms(second, n2))
            counts["speaker_same"] += same
    return counts


def figures(c: dict[str, int]) -> list[float]:
    """P, R, F1, strong F1, kind agreement, only-in disagreement, speaker agreement."""
    p = c["links_both"] / c["links_2"] if c["links_2"] else 1.0
    r = c["links_both"] / c["links_1"] if c["links_1"] else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    sp = c["strong_both"] / c["strong_2"] if c["strong_2"] else 1.0
    sr = c["strong_both"] / c["strong_1"] if c["strong_1"] else 1.0
    sf1 = 2 * sp * sr / (sp + sr) if sp + sr else 0.0
    kind = c["kind_same"] / c["links_both"] if c["links_both"] else 1.0
    only = c["only_disagree"] / c["linked_either"] if c["linked_either"] else 0.0
    speakers = c["speaker_same"] / c["sentences"] if c["sentences"] else 1.0
    return [p, r, f1, sf1, kind, only, speakers]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("second", type=Path, nargs="?", default=BASIL / "agreement")
    parser.add_argument("--first", type=Path, action="append")
    args = parser.parse_args()
    firsts = args.first or [BASIL / "gold", BASIL / "heldout", BASIL / "heldout2"]
    found = {p.name: p for folder in firsts for p in folder.glob("*.json")}
    names = sorted(p.name for p in args.second.glob("*.json") if p.name in found)
    if not names:
        raise SystemExit("no pair of the second labelling has a first one")
    header = ["link P", "link R", "link F1", "strong F1", "kind same", "only-in diff",
              "speakers"]
    print(f"{'pair':<24}" + "".join(f"{h:>13}" for h in header))
    total: dict[str, int] = {}
    for name in names:
        first = json.loads(found[name].read_text(encoding="utf-8"))
        second = json.loads((args.second / name).read_text(encoding="utf-8"))
        counts = compare(first, second)
        for key, value in counts.items():
            total[key] = total.get(key, 0) + value
        print(f"{name.removesuffix('.json'):<24}" + "".join(f"{v:>13.3f}"
                                                           for v in figures(counts)))
    print(f"{'overall (micro)':<24}" + "".join(f"{v:>13.3f}" for v in figures(total)))


if __name__ == "__main__":
    main()
