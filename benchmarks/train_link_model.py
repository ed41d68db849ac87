"""Train the learned link scorer on the hand-labelled BASIL pairs; report leave-one-event-out CV.

    python benchmarks/train_link_model.py --texts DIR            # CV figures + write the model
    python benchmarks/train_link_model.py --texts DIR --no-write # CV figures only
    python benchmarks/train_link_model.py --texts DIR --semantic # also the WordLlama variant

For every candidate pair of every gold pair (``many.pair_table``: the engine's own candidates and
features) the label is whether the gold links it, and for gold links whether it is strong.
Two L2-regularised logistic regressions (fitted here by Newton steps in numpy) decide: link or
not, and strong or partial.

Training data: every BASIL pair in ``basil/gold/`` and the sample pair
(``tests/data/gold/wang_lavrov.json``, labelled by the same rules; ``--no-sample`` leaves it
out). The link threshold maximises the mean F1 over pairs (the sparse sample pair weighs as
much as one dense BASIL pair), taking the highest threshold within 0.01 of the best.

Honest estimate: leave-one-event-out. For each BASIL pair, the model is fitted on the pairs of
the other triplets (and the sample) and scores it: pairs of one triplet share articles, so a
pair's siblings are never in its training set (with one pair per triplet this is
leave-one-pair-out). Its thresholds are chosen inside that training set (an inner
leave-one-event-out over it, as above for links, micro F1 for strong links). Figures are
micro (counts summed over pairs) like ``basil_eval.py``; gold links that are not even candidates
count as misses; the exclusive links are always kept, as the engine does (letting the model drop
them was tried in round 5: CV F1 0.554 against 0.552, within noise, but more gold-linked
sentences left looking one-sided, so it was not kept). The sample is also
scored once left out of training and once trained on. The shipped model
(``src/readerui/align/link_model.json``) is fitted on all pairs, with thresholds from a
leave-one-event-out over all of them.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from readerui.align.linkmodel import MODEL_FILE, LinkModel, Logistic
from readerui.align.many import PairTable, decide_links, near_matches, pair_table
from readerui.align.pairfeatures import FEATURE_NAMES
from readerui.analysis import load_document
from readerui.settings import Settings

HERE = Path(__file__).resolve().parent
GOLD = HERE / "basil" / "gold"
TEXTS = Path(os.environ.get("READERUI_BASIL_TEXTS", HERE / "basil" / "texts"))
OUT = HERE.parent / "src" / "readerui" / "align" / MODEL_FILE

LEXICAL = [n for n in FEATURE_NAMES if n not in ("semantic", "has_semantic")]
SEMANTIC = [n for n in FEATURE_NAMES if n != "has_semantic"]
L2 = 200.0  # ridge penalty on standardised coefficients (CV on BASIL: 1-200 within noise)
SAMPLE = HERE.parent / "tests" / "data" / "gold" / "wang_lavrov.json"
BACKBONE = FEATURE_NAMES.index("backbone")  # exclusive links are always kept
TIE = 0.01  # F1 within this of the best counts as a tie (the higher threshold wins)
GRID = np.round(np.arange(0.15, 0.86, 0.025), 3)


@dataclass
class PairData:
    """One gold pair: candidate pairs, feature rows, labels."""

    name: str
    pairs: list[tuple[int, int]]
    rows: np.ndarray
    link: np.ndarray  # 1 when the gold links the pair
    strong: np.ndarray  # 1 when the gold link is strong
    truth: dict[tuple[int, int], str]
    sizes: tuple[int, int] = (0, 0)  # sentences of A and B


def matrix(rows: Sequence[Sequence[float]]) -> np.ndarray:
    """Feature rows as a 2-D array (a pair with no candidates gives 0 rows, not a 1-D array)."""
    return np.asarray(rows, float).reshape(-1, len(FEATURE_NAMES))


def load_pairs(gold_dir: Path, texts: Path, semantic: bool) -> list[PairData]:
    """Candidate pairs and features of every gold pair."""
    scorer = None
    if semantic:
        from semantic_signal import pair_similarity  # benchmarks/ is on sys.path
        scorer = pair_similarity
    data = []
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text("utf-8"))
        settings = Settings()
        a = load_document(texts / gold["a_file"], settings, lines=True)
        b = load_document(texts / gold["b_file"], settings, lines=True)
        sim = scorer(a, b) if scorer else None
        table = pair_table(a, b, settings.align, "en", sim)
        truth = {(x["a"], x["b"]): x["kind"] for x in gold["links"]}
        link = np.array([p in truth for p in table.pairs], float)
        strong = np.array([truth.get(p) == "strong" for p in table.pairs], float)
        data.append(PairData(path.stem, table.pairs, matrix(table.rows), link, strong, truth,
                             (len(a), len(b))))
    return data


def load_presplit(path: Path, semantic: bool) -> PairData:
    """A gold file that holds its own sentences (the sample pair), as training data."""
    from align_quality import document_from_gold  # benchmarks/ is on sys.path

    gold = json.loads(path.read_text("utf-8"))
    a, b = document_from_gold(gold["a"]), document_from_gold(gold["b"])
    sim = None
    if semantic:
        from semantic_signal import pair_similarity
        sim = pair_similarity(a, b)
    table = pair_table(a, b, Settings().align, gold.get("lang", "en"), sim)
    truth = {(x["a"], x["b"]): x["kind"] for x in gold["links"]}
    return PairData(path.stem, table.pairs, matrix(table.rows),
                    np.array([p in truth for p in table.pairs], float),
                    np.array([truth.get(p) == "strong" for p in table.pairs], float), truth,
                    (len(a), len(b)))


def fit(rows: np.ndarray, y: np.ndarray, columns: np.ndarray) -> Logistic:
    """L2 logistic regression by Newton steps on standardised columns."""
    x = rows[:, columns]
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    z = np.c_[(x - mean) / scale, np.ones(len(x))]
    w = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], L2)
    penalty[-1] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(z @ w, -40, 40)))
        grad = z.T @ (p - y) + penalty * w
        hess = (z * (p * (1 - p))[:, None]).T @ z + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-7:
            break
    return Logistic(tuple(int(c) for c in columns), tuple(mean.tolist()), tuple(scale.tolist()),
                    tuple(w[:-1].tolist()), float(w[-1]), 0.5)


def probability(model: Logistic, rows: np.ndarray) -> np.ndarray:
    """``model.probability`` vectorised (the same figures; training calls it thousands of
    times)."""
    columns = np.asarray(model.columns)
    z = (rows[:, columns] - np.asarray(model.mean)) / np.asarray(model.scale) @ np.asarray(
        model.coef) + model.intercept
    return 1 / (1 + np.exp(-np.clip(z, -40, 40)))


def with_threshold(model: Logistic, threshold: float) -> Logistic:
    return Logistic(model.columns, model.mean, model.scale, model.coef, model.intercept,
                    threshold)


def prf(hits: int, found: int, gold: int) -> tuple[float, float, float]:
    p = hits / found if found else (1.0 if not gold else 0.0)
    r = hits / gold if gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def counts(found: dict[tuple[int, int], str], truth: dict[tuple[int, int], str]) -> np.ndarray:
    """link hits/found/gold and strong hits/found/gold, as basil_eval counts them."""
    strong_f = {k for k, v in found.items() if v == "strong"}
    strong_t = {k for k, v in truth.items() if v == "strong"}
    return np.array([len(found.keys() & truth.keys()), len(found), len(truth),
                     len(strong_f & strong_t), len(strong_f), len(strong_t)])


_FITTED: dict[tuple[tuple[str, ...], tuple[int, ...]], tuple[Logistic, Logistic]] = {}


def fit_both(rest: list[PairData], columns: np.ndarray) -> tuple[Logistic, Logistic]:
    """Link and kind models fitted on ``rest``. The cross-validation fits the same training
    set twice (held-out pair X with inner fold Y, and Y with X), so fits are remembered."""
    key = (tuple(d.name for d in rest), tuple(int(c) for c in columns))
    if key not in _FITTED:
        link = fit(np.vstack([d.rows for d in rest]), np.concatenate([d.link for d in rest]),
                   columns)
        pos = [d.rows[d.link == 1] for d in rest]
        kind = fit(np.vstack(pos), np.concatenate([d.strong[d.link == 1] for d in rest]),
                   columns)
        _FITTED[key] = (link, kind)
    return _FITTED[key]


def train(data: list[PairData], columns: np.ndarray) -> LinkModel:
    """Both models fitted on ``data`` with thresholds from a leave-one-out inside it."""
    oof_link: list[np.ndarray] = [np.zeros(0)] * len(data)
    oof_kind: list[np.ndarray] = [np.zeros(0)] * len(data)
    for key in sorted({event(d.name) for d in data}):
        link, kind = fit_both([d for d in data if event(d.name) != key], columns)
        for k, d in enumerate(data):
            if event(d.name) == key:
                oof_link[k] = probability(link, d.rows)
                oof_kind[k] = probability(kind, d.rows)
    # Each pair weighs the same (a sparse pair counts as much as a dense one). The F1 curve is
    # flat near its top, so take the highest threshold within TIE of the best: fewer false
    # links for the same F1.
    def found_at(d: PairData, p: np.ndarray, t: float) -> dict[tuple[int, int], str]:
        return {d.pairs[m]: "partial" for m in np.flatnonzero((p >= t) | (d.rows[:, BACKBONE] > 0))}

    curve = [float(np.mean([prf(*counts(found_at(d, p, t), d.truth)[:3])[2]
                            for d, p in zip(data, oof_link, strict=True)])) for t in GRID]
    best_t = float(max(t for t, f in zip(GRID, curve, strict=True) if f >= max(curve) - TIE))
    best_k, best_kf = 0.5, -1.0
    for t in GRID:
        total = np.zeros(6)
        for d, p, q in zip(data, oof_link, oof_kind, strict=True):
            found = {d.pairs[m]: ("strong" if q[m] >= t else "partial")
                     for m in np.flatnonzero((p >= best_t) | (d.rows[:, BACKBONE] > 0))}
            total += counts(found, d.truth)
        f = prf(*total[3:])[2]
        if f > best_kf:
            best_k, best_kf = float(t), f
    rows = np.vstack([d.rows for d in data])
    link = fit(rows, np.concatenate([d.link for d in data]), columns)
    pos = np.concatenate([d.link for d in data]) == 1
    kind = fit(rows[pos], np.concatenate([d.strong for d in data])[pos], columns)
    return LinkModel(with_threshold(link, best_t), with_threshold(kind, best_k))


def event(name: str) -> str:
    """The BASIL triplet a gold pair comes from (``<year>-<uuid8>``): pairs of one triplet share
    articles, so they are left out together."""
    return "-".join(name.split("-")[:2])


NEAR_GRID = (0.05, 0.08, 0.1, 0.12, 0.15, 0.18, 0.2, 0.25, 0.3)


def near_counts(held: PairData, links: list, near: tuple) -> dict[float, np.ndarray]:
    """Per near floor: gold-linked sentences shown one-sided (all, flagged "maybe"), gold-linked
    sentences, gold-unlinked sentences, and those of them shown confidently one-sided (as
    ``basil_eval.one_sided_counts``)."""
    out = {}
    for floor in NEAR_GRID:
        flagged = {(n.side, n.sentence) for n in near if n.score >= floor}
        c = np.zeros(5)
        for index, side in enumerate(("a", "b")):
            linked = {pair[index] for pair in held.truth}
            shown = {i for link in links for i in (link.a if side == "a" else link.b)}
            for i in range(held.sizes[index]):
                if i in shown:
                    continue
                if i in linked:
                    c[0] += 1
                    c[1] += (side, i) in flagged
                else:
                    c[4] += (side, i) not in flagged
            c[2] += len(linked)
            c[3] += held.sizes[index] - len(linked)
        out[floor] = c
    return out


def near_report(totals: dict[float, np.ndarray]) -> list[str]:
    """The leave-one-event-out "only in A?" curve, as ``basil_eval.py --near-sweep`` prints it
    with the shipped model, and the floor its rule picks (highest within TIE of the best F1)."""
    lines = [f"{'floor':>6} {'false only':>10} {'confident':>10} {'maybe':>7} {'true kept':>10} "
             f"{'flag P':>7} {'flag R':>7} {'flag F1':>7}"]
    f1s = {}
    for floor, (false_only, maybe, linked, unlinked, kept) in totals.items():
        flagged = maybe + (unlinked - kept)
        p = maybe / flagged if flagged else 1.0
        r = maybe / false_only if false_only else 1.0
        f1s[floor] = round(2 * p * r / (p + r) if p + r else 0.0, 4)
        lines.append(f"{floor:>6.2f} {false_only / linked:>10.3f} "
                     f"{(false_only - maybe) / linked:>10.3f} {maybe / linked:>7.3f} "
                     f"{kept / unlinked:>10.3f} {p:>7.3f} {r:>7.3f} {f1s[floor]:>7.3f}")
    best = max(f1s.values())
    chosen = max(floor for floor, f in f1s.items() if f >= best - TIE)
    lines.append(f"near floor by leave-one-event-out: best flag F1 {best:.3f}, highest floor "
                 f"within {TIE}: {chosen:.2f} (shipped: {Settings().align.near_floor:.2f})")
    return lines


def cross_validate(data: list[PairData], columns: np.ndarray, extra: list[PairData]
                   ) -> tuple[np.ndarray, list[str]]:
    """Leave-one-event-out over ``data`` (every pair of the held-out pair's triplet is left out
    of training; ``extra`` is always trained on): per pair lines and the total counts."""
    total = np.zeros(6)
    lines = []
    models: dict[str, LinkModel] = {}
    near_totals = {floor: np.zeros(5) for floor in NEAR_GRID}
    for held in data:
        key = event(held.name)
        if key not in models:
            models[key] = train([d for d in data if event(d.name) != key] + extra, columns)
        model = models[key]
        table = PairTable(held.pairs, held.rows, None)
        chance = model.link.probability(held.rows) if held.pairs else []
        links = decide_links(table, model, chance)
        near = near_matches(table, chance, links, 0.0) if held.pairs else ()
        for floor, c in near_counts(held, links, near).items():
            near_totals[floor] += c
        found = {(link.a[0], link.b[0]): link.kind for link in links}
        c = counts(found, held.truth)
        total += c
        p, r, f = prf(*c[:3])
        sf = prf(*c[3:])[2]
        lines.append(f"{held.name:<24} P {p:.3f} R {r:.3f} F1 {f:.3f} strong F1 {sf:.3f} "
                     f"(thresholds {model.link.threshold:.3f}/{model.kind.threshold:.3f})")
    lines += near_report(near_totals)
    return total, lines


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--texts", type=Path, default=TEXTS)
    parser.add_argument("--semantic", action="store_true", help="also train the WordLlama model")
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--no-sample", action="store_true",
                        help="train on BASIL only (the sample pair is not in the training set)")
    args = parser.parse_args(argv)
    if not any(args.gold.glob("*.json")):
        print(f"no gold files in {args.gold}", file=sys.stderr)
        return 1
    started = time.perf_counter()
    data = load_pairs(args.gold, args.texts, args.semantic)
    extra = [] if args.no_sample else [load_presplit(SAMPLE, args.semantic)]
    reachable = sum(int(d.link.sum()) for d in data)
    gold = sum(len(d.truth) for d in data)
    print(f"{len(data)} pairs, {sum(len(d.pairs) for d in data)} candidate pairs, "
          f"{reachable}/{gold} gold links among them ({time.perf_counter() - started:.1f} s)")
    variants = {"lexical": LEXICAL}
    if args.semantic:
        variants["semantic"] = SEMANTIC
    models = {}
    for name, names in variants.items():
        columns = np.array([FEATURE_NAMES.index(n) for n in names])
        total, lines = cross_validate(data, columns, extra)
        print(f"-- {name}: leave-one-event-out CV")
        print("\n".join(lines))
        p, r, f = prf(*total[:3])
        sp, sr, sf = prf(*total[3:])
        print(f"{'overall (micro)':<24} P {p:.3f} R {r:.3f} F1 {f:.3f} strong P {sp:.3f} "
              f"R {sr:.3f} F1 {sf:.3f}")
        model = train(data + extra, columns)
        for held in extra:  # the sample: left out once, then as trained on
            alone = train(data, columns)
            for label, m in (("left out", alone), ("trained on", model)):
                found = {(x.a[0], x.b[0]): x.kind for x in decide_links(
                    PairTable(held.pairs, held.rows, None), m)}
                c = counts(found, held.truth)
                print(f"{held.name} ({label}): P {prf(*c[:3])[0]:.3f} R {prf(*c[:3])[1]:.3f} "
                      f"F1 {prf(*c[:3])[2]:.3f} strong F1 {prf(*c[3:])[2]:.3f}")
        models[name] = {"link": model.link.to_dict(), "kind": model.kind.to_dict()}
        print(f"shipped {name}: link threshold {model.link.threshold:.3f}, kind threshold "
              f"{model.kind.threshold:.3f}")
        weights = sorted(zip(names, model.link.coef, strict=True), key=lambda x: -abs(x[1]))
        print("largest link weights: " + ", ".join(f"{n} {w:+.2f}" for n, w in weights[:10]))
    if not args.no_write:
        # Counts only: engine files never name a labelled pair (tests/test_architecture.py).
        payload = {"trained_on": f"{len(data)} BASIL pairs + {len(extra)} sample pair",
                   "candidate_pairs": sum(len(d.pairs) for d in data + extra), "l2": L2,
                   "models": models}
        tmp = OUT.with_suffix(".tmp")
        tmp.write_text(json.dumps(payload, indent=1) + "\n", "utf-8")
        tmp.replace(OUT)
        print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
