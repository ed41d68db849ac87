"""Claims of three accounts of one event against claims built from hand-labelled pairwise links.

    python benchmarks/basil_claims.py                       # the BASIL triplet 2018-87609973
    python benchmarks/basil_claims.py --texts DIR       # texts elsewhere (READERUI_BASIL_TEXTS)
    python benchmarks/basil_claims.py --triplet ID --outlets nyt fox hpo
    python benchmarks/basil_claims.py --gold DIR ...    # gold pair files looked for in DIR first

The texts (one sentence a line, rebuilt by ``basil/rebuild.py``) are read with ``--lines``; the
gold pairwise links of each pair of outlets come from ``basil/gold/``
(hashes, no article text) and must describe exactly those sentences. Gold claims are joined from
the gold links by the same :func:`readerui.claims.join_claims` the engine's claims come from, so
the two are built alike and differ only by their links.

Printed:
- how many claims are carried by all three accounts, by two, by one, engine against gold
  (a claim is carried by an account with any member of it, attached members included; the
  home-only counts, without attached members, follow in brackets);
- **claim match**: engine and gold claims of two accounts or more are paired one to one,
  greedily by the Jaccard overlap of their home sentences ((account, sentence) sets); a pair
  with overlap >= 0.5 is a match. Precision = matched engine claims / engine claims, recall =
  matched gold claims / gold claims, F1 their harmonic mean;
- **carried-by accuracy**: for every sentence of every account, the set of other accounts
  that carry its home claim (what the reader's "also in" shows), engine against gold: the share
  of sentences where the sets are equal.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from itertools import combinations
from pathlib import Path

from readerui.analysis import load_document
from readerui.claims import join_claims
from readerui.collation import collate
from readerui.model import Alignment, Claim, Document, Link
from readerui.settings import Settings

HERE = Path(__file__).resolve().parent
GOLD_DIRS = (HERE / "basil" / "gold",)
TEXTS = Path(os.environ.get("READERUI_BASIL_TEXTS", HERE / "basil" / "texts"))
MATCH = 0.5


def _gold_file(triplet: str, first: str, second: str, extra: Path | None = None) -> Path:
    for folder in ([extra] if extra else []) + list(GOLD_DIRS):
        path = folder / f"{triplet}-{first}-{second}.json"
        if path.exists():
            return path
    folders = ", ".join(str(d) for d in ([extra] if extra else []) + list(GOLD_DIRS))
    raise SystemExit(f"no gold file {triplet}-{first}-{second}.json in {folders}")


def _check(gold: dict, side: str, doc: Document, name: str) -> None:
    from basil_eval import text_hash  # benchmarks/ is on sys.path when this script runs

    def same(text: str, g: dict) -> bool:
        return text == g["text"] if "text" in g else text_hash(text) == g["sha"]

    if len(doc) != len(gold[side]) or not all(
            same(s.text, g) for s, g in zip(doc.sentences, gold[side], strict=False)):
        raise SystemExit(f"{name}: side {side} is not the gold's text: rebuild the texts with "
                         "basil/rebuild.py")


def gold_pairs(triplet: str, outlets: list[str], docs: list[Document],
               extra: Path | None = None) -> dict[tuple[int, int], Alignment]:
    """The gold links of every pair of accounts, as alignments."""
    import json

    pairs = {}
    for i, j in combinations(range(len(outlets)), 2):
        path = _gold_file(triplet, outlets[i], outlets[j], extra)
        gold = json.loads(path.read_text("utf-8"))
        _check(gold, "a", docs[i], path.name)
        _check(gold, "b", docs[j], path.name)
        links = tuple(Link((x["a"],), (x["b"],), 1.0 if x["kind"] == "strong" else 0.5,
                           x["kind"]) for x in gold["links"])
        pairs[(i, j)] = Alignment(links, len(docs[i]), len(docs[j]))
    return pairs


def _home(claim: Claim) -> frozenset[tuple[int, int]]:
    return frozenset((m.account, m.sentence) for m in claim.members if m.home)


def carried_counts(claims: tuple[Claim, ...], n: int) -> tuple[Counter[int], Counter[int]]:
    """Claims per number of accounts carrying them: with attached members, and home only."""
    every = Counter(len(c.accounts()) for c in claims)
    home = Counter(len({a for a, _ in _home(c)}) for c in claims)
    return every, home


def claim_match(found: tuple[Claim, ...], gold: tuple[Claim, ...]) -> tuple[int, int, int]:
    """(matched, engine claims, gold claims) over claims of two accounts or more."""
    mine = [_home(c) for c in found if len({a for a, _ in _home(c)}) > 1]
    theirs = [_home(c) for c in gold if len({a for a, _ in _home(c)}) > 1]
    scored = sorted(((len(x & y) / len(x | y), k, m) for k, x in enumerate(mine)
                     for m, y in enumerate(theirs) if x & y), reverse=True)
    used_a, used_b, matched = set(), set(), 0
    for overlap, k, m in scored:
        if overlap < MATCH:
            break
        if k not in used_a and m not in used_b:
            used_a.add(k)
            used_b.add(m)
            matched += 1
    return matched, len(mine), len(theirs)


def carriers(claims: tuple[Claim, ...]) -> dict[tuple[int, int], frozenset[int]]:
    """Each sentence's home claim's accounts, the sentence's own left out."""
    out = {}
    for claim in claims:
        accounts = claim.accounts()
        for account, sentence in _home(claim):
            out[(account, sentence)] = accounts - {account}
    return out


def main(argv: list[str]) -> int:
    """Score the engine's claims on one triplet."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triplet", default="2018-87609973")
    parser.add_argument("--outlets", nargs="+", default=["nyt", "fox", "hpo"])
    parser.add_argument("--texts", type=Path, default=TEXTS)
    parser.add_argument("--gold", type=Path, default=None,
                        help="a folder of gold pair files to look in first (full files too)")
    args = parser.parse_args(argv)
    settings = Settings()
    paths = [args.texts / f"{args.triplet}-{o}.txt" for o in args.outlets]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        print(f"missing texts: {', '.join(missing)} (rebuild them with basil/rebuild.py, or "
              "give --texts)", file=sys.stderr)
        return 1
    docs = [load_document(p, settings, lines=True) for p in paths]
    n = len(docs)
    gold = join_claims(n, gold_pairs(args.triplet, args.outlets, docs, args.gold))
    found = collate(docs, settings, workers=1).claims
    sizes = ", ".join(f"{o} {len(d)}" for o, d in zip(args.outlets, docs, strict=True))
    print(f"triplet {args.triplet}: {sizes} sentences")
    (every_f, home_f), (every_g, home_g) = carried_counts(found, n), carried_counts(gold, n)
    print(f"{'carried by':<12} {'engine':>14} {'gold':>14}")
    for k in range(n, 0, -1):
        label = "all" if k == n else str(k)
        print(f"{label + ' accounts' if k > 1 else '1 account':<12} "
              f"{every_f[k]:>6} ({home_f[k]:>3} home) {every_g[k]:>6} ({home_g[k]:>3} home)")
    print(f"{'claims':<12} {len(found):>14} {len(gold):>14}")
    matched, n_found, n_gold = claim_match(found, gold)
    p = matched / n_found if n_found else 0.0
    r = matched / n_gold if n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"claim match (shared claims, Jaccard >= {MATCH}): {matched} of {n_found} engine, "
          f"{n_gold} gold: P {p:.3f} R {r:.3f} F1 {f1:.3f}")
    mine, theirs = carriers(found), carriers(gold)
    same = sum(1 for key in theirs if mine.get(key) == theirs[key])
    print(f"carried-by accuracy (per sentence, the other accounts carrying its claim): "
          f"{same}/{len(theirs)} = {same / len(theirs):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
