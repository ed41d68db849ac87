"""Non-linear link scorers against the shipped logistic regression, by the same CV (issue 9).

    python benchmarks/link_scorer_trials.py --texts DIR [--only NAME ...] [--cache FILE]

Every variant is measured exactly as ``train_link_model.py`` measures the shipped model: the
engine's candidate pairs and feature rows of every BASIL dev pair (and the sample pair, always
in training), leave-one-event-out (a held-out pair's triplet siblings never in training), the link
threshold chosen inside the training set by an inner leave-one-event-out (mean F1 over pairs,
highest threshold within 0.01 of the best), the strong/partial threshold by micro strong F1, the
exclusive links always kept. Printed per variant: micro link P/R/F1, strong F1, "false only"
(gold-linked sentences left with no produced link, as a share of the gold-linked sentences, as
``basil_eval.py`` counts it) and the sample pair left out of training.

Variants (the kind model is the logistic regression unless the name says otherwise):
- ``logistic``: the shipped model (L2 200 on standardised features);
- ``gbt-D-N``: N gradient-boosted trees of depth D (LightGBM, learning rate 0.1, deterministic);
- ``boost-D-N``: N trees of depth D fitted on top of the logistic model's margin (a correction
  of the linear score: interactions only where the data ask for them);
- ``gbt-2-100-smooth``, ``boost-2-10``: the same, slower (rate 0.05) with 300 rows a leaf;
- ``inter``: the logistic model with chosen products of features (names x verbs/numbers,
  containment x headline/length, speaker x cover ...);
- ``avg-logistic-gbt``: the mean probability of the logistic model and ``gbt-2-100``;
- ``bins``: the logistic model over the features plus quartile indicators of the continuous ones.

The tree variants need LightGBM (``pip install lightgbm``, benchmarks only: not a dependency of
readerui). ``--cache FILE`` keeps the feature rows in an .npz (numbers only) so that reruns skip
the engine.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

import train_link_model as tlm  # benchmarks/ is on sys.path
from readerui.align.pairfeatures import FEATURE_NAMES

Predict = Callable[[np.ndarray], np.ndarray]
Fitter = Callable[[np.ndarray, np.ndarray], Predict]
COL = {n: k for k, n in enumerate(FEATURE_NAMES)}
LEX = np.array([COL[n] for n in tlm.LEXICAL])


# ---------------------------------------------------------------------------- data

def load(texts: Path, cache: Path | None) -> tuple[list[tlm.PairData], list[tlm.PairData]]:
    """BASIL pairs and the sample pair, from the engine or from the cache."""
    if cache is not None and cache.exists() and cache.with_suffix(".json").exists():
        meta = json.loads(cache.with_suffix(".json").read_text("utf-8"))
        arrays = np.load(cache, allow_pickle=False)
        out = []
        for k, m in enumerate(meta):
            truth = {(a, b): kind for a, b, kind in m["truth"]}
            out.append(tlm.PairData(m["name"], [tuple(p) for p in m["pairs"]],
                                    arrays[f"r{k}"].reshape(-1, len(FEATURE_NAMES)),
                                    arrays[f"l{k}"], arrays[f"s{k}"], truth))
        return out[:-1], out[-1:]
    data = tlm.load_pairs(tlm.GOLD, texts, False)
    extra = [tlm.load_presplit(tlm.SAMPLE, False)]
    if cache is not None:
        every = data + extra
        np.savez(cache, **{f"r{k}": d.rows for k, d in enumerate(every)},
                 **{f"l{k}": d.link for k, d in enumerate(every)},
                 **{f"s{k}": d.strong for k, d in enumerate(every)})
        cache.with_suffix(".json").write_text(json.dumps(
            [{"name": d.name, "pairs": d.pairs, "truth": [[a, b, v] for (a, b), v in
                                                          d.truth.items()]} for d in every]))
    return data, extra


# ---------------------------------------------------------------------------- fitters

def logistic(rows: np.ndarray, y: np.ndarray) -> Predict:
    model = tlm.fit(rows, y, np.arange(rows.shape[1]))
    return lambda x: tlm.probability(model, x)


def with_columns(transform: Callable[[np.ndarray], np.ndarray], inner: Fitter) -> Fitter:
    def fitter(rows: np.ndarray, y: np.ndarray) -> Predict:
        predict = inner(transform(rows), y)
        return lambda x: predict(transform(x))
    return fitter


def lexical(rows: np.ndarray) -> np.ndarray:
    return rows[:, LEX]


INTERACTIONS = [
    ("names_shared", "speech_both"), ("names_shared", "numbers_shared"),
    ("names_shared", "cover_short"), ("names_shared", "soft_match"),
    ("cover_a", "title_a"), ("cover_b", "title_b"), ("cover_short", "len_ratio"),
    ("cover_min", "len_ratio"), ("cover_max", "title_one"), ("title_cover", "names_shared"),
    ("speaker_same", "cover_short"), ("speaker_same", "soft_match"),
    ("quote_shared", "speaker_same"), ("score", "doc_rel"), ("char_cos", "doc_rel"),
    ("rel_a", "rel_b"), ("mutual_best", "score"), ("neigh_diag", "score"),
    ("soft_match", "len_ratio"), ("subject_same", "speech_both"),
]


def interactions(rows: np.ndarray) -> np.ndarray:
    extra = [rows[:, COL[x]] * rows[:, COL[y]] for x, y in INTERACTIONS]
    # long sentences: containment of the shorter side against log length of the longer one
    longer = np.maximum(rows[:, COL["len_a"]], rows[:, COL["len_b"]])
    extra.append(rows[:, COL["cover_short"]] * longer)
    return np.c_[rows[:, LEX], np.array(extra).T]


_CONTINUOUS = [COL[n] for n in ("score", "dice", "cover_min", "cover_max", "cover_short",
                                "char_cos", "soft_match", "token_set", "rel_a", "rel_b",
                                "doc_rel", "neigh_diag", "len_ratio", "title_cover")]


def binned(edges: dict[int, np.ndarray]) -> Callable[[np.ndarray], np.ndarray]:
    def transform(rows: np.ndarray) -> np.ndarray:
        extra = [(rows[:, c] > e).astype(float) for c, es in edges.items() for e in es]
        return np.c_[rows[:, LEX], np.array(extra).T]
    return transform


def bins_fitter(rows: np.ndarray, y: np.ndarray) -> Predict:
    edges = {c: np.unique(np.quantile(rows[:, c][rows[:, c] > 0], [0.25, 0.5, 0.75]))
             for c in _CONTINUOUS if (rows[:, c] > 0).any()}
    return with_columns(binned(edges), logistic)(rows, y)


def gbt(depth: int, trees: int, on_logistic: bool = False, rate: float = 0.1,
        leaf: int = 40) -> Fitter:
    try:
        import lightgbm as lgb
    except ImportError:
        raise SystemExit("the tree variants need LightGBM in this venv: pip install lightgbm"
                         ) from None

    params = {"objective": "binary", "learning_rate": rate, "num_leaves": 2 ** depth,
              "max_depth": depth, "min_data_in_leaf": leaf, "lambda_l2": 1.0,
              "feature_fraction": 1.0, "bagging_fraction": 1.0, "deterministic": True,
              "num_threads": 1, "verbose": -1, "force_row_wise": True, "seed": 0}

    def fitter(rows: np.ndarray, y: np.ndarray) -> Predict:
        x = rows[:, LEX]
        base: Predict | None = None
        init = None
        if on_logistic:
            base = logistic(x, y)
            p = np.clip(base(x), 1e-9, 1 - 1e-9)
            init = np.log(p / (1 - p))
        booster = lgb.train(params, lgb.Dataset(x, y, init_score=init), trees)

        def predict(z: np.ndarray) -> np.ndarray:
            xz = z[:, LEX]
            margin = booster.predict(xz, raw_score=True)
            if base is not None:
                p = np.clip(base(xz), 1e-9, 1 - 1e-9)
                margin = margin + np.log(p / (1 - p))
            return 1 / (1 + np.exp(-margin))
        return predict
    return fitter


# ---------------------------------------------------------------------------- CV

class Variant:
    """A link fitter and a kind fitter, with fits remembered by training set."""

    def __init__(self, link: Fitter, kind: Fitter) -> None:
        self.link, self.kind = link, kind
        self.fits: dict[tuple[str, ...], tuple[Predict, Predict]] = {}

    def fitted(self, rest: list[tlm.PairData]) -> tuple[Predict, Predict]:
        key = tuple(sorted(d.name for d in rest))
        if key not in self.fits:
            rows = np.vstack([d.rows for d in rest])
            y = np.concatenate([d.link for d in rest])
            pos = y == 1
            self.fits[key] = (safe(self.link(rows, y)),
                              safe(self.kind(rows[pos],
                                             np.concatenate([d.strong for d in rest])[pos])))
        return self.fits[key]


def safe(predict: Predict) -> Predict:
    """``predict`` that also takes a pair with no candidates (0 rows)."""
    return lambda x: predict(x) if len(x) else np.zeros(0)


def thresholds(variant: Variant, data: list[tlm.PairData]) -> tuple[float, float]:
    """The link and kind thresholds ``train_link_model.train`` would choose on ``data``."""
    oof: list[tuple[np.ndarray, np.ndarray]] = [(np.zeros(0), np.zeros(0))] * len(data)
    for key in sorted({tlm.event(d.name) for d in data}):
        link, kind = variant.fitted([d for d in data if tlm.event(d.name) != key])
        for k, d in enumerate(data):
            if tlm.event(d.name) == key:
                oof[k] = (link(d.rows), kind(d.rows))
    return pick(data, oof)


def pick(data: list[tlm.PairData], oof: list[tuple[np.ndarray, np.ndarray]]
         ) -> tuple[float, float]:
    """The threshold rule of ``train_link_model.train`` on out-of-fold probabilities."""
    oof_link = [p for p, _ in oof]
    oof_kind = [q for _, q in oof]
    curve = []
    for t in tlm.GRID:
        f1s = []
        for d, p in zip(data, oof_link, strict=True):
            found = {d.pairs[m]: "partial" for m in chosen(d, p, t)}
            f1s.append(tlm.prf(*tlm.counts(found, d.truth)[:3])[2])
        curve.append(float(np.mean(f1s)))
    best_t = float(max(t for t, f in zip(tlm.GRID, curve, strict=True)
                       if f >= max(curve) - tlm.TIE))
    best_k, best_kf = 0.5, -1.0
    for t in tlm.GRID:
        total = np.zeros(6)
        for d, p, q in zip(data, oof_link, oof_kind, strict=True):
            found = {d.pairs[m]: ("strong" if q[m] >= t else "partial")
                     for m in chosen(d, p, best_t)}
            total += tlm.counts(found, d.truth)
        f = tlm.prf(*total[3:])[2]
        if f > best_kf:
            best_k, best_kf = float(t), f
    return best_t, best_k


def chosen(d: tlm.PairData, p: np.ndarray, t: float) -> np.ndarray:
    if not len(d.pairs):
        return np.zeros(0, int)
    return np.flatnonzero((p >= t) | (d.rows[:, tlm.BACKBONE] > 0))


def score(variant: Variant, rest: list[tlm.PairData], held: tlm.PairData,
          cut: tuple[float, float]) -> np.ndarray:
    """Counts of one held-out pair: the six of ``tlm.counts``, false-only, gold-linked."""
    link, kind = variant.fitted(rest)
    if not held.pairs:
        return count_one(held, np.zeros(0), np.zeros(0), cut)
    return count_one(held, link(held.rows), kind(held.rows), cut)


def count_one(held: tlm.PairData, p: np.ndarray, q: np.ndarray, cut: tuple[float, float]
              ) -> np.ndarray:
    """Counts of one pair at thresholds ``cut``: the six of ``tlm.counts``, false-only,
    gold-linked sentences."""
    found: dict[tuple[int, int], str] = {}
    if held.pairs:
        found = {held.pairs[m]: ("strong" if q[m] >= cut[1] else "partial")
                 for m in chosen(held, p, cut[0])}
    c = tlm.counts(found, held.truth)
    false_only = linked = 0
    for side in (0, 1):
        gold = {pair[side] for pair in held.truth}
        linked += len(gold)
        false_only += len(gold - {pair[side] for pair in found})
    return np.r_[c, false_only, linked]


def cross_validate(variant: Variant, data: list[tlm.PairData], extra: list[tlm.PairData],
                   verbose: bool) -> dict[str, float]:
    total = np.zeros(8)
    cuts: dict[str, tuple[float, float]] = {}
    for held in data:
        key = tlm.event(held.name)
        rest = [d for d in data if tlm.event(d.name) != key] + extra
        if key not in cuts:
            cuts[key] = thresholds(variant, rest)
        c = score(variant, rest, held, cuts[key])
        total += c
        if verbose:
            print(f"  {held.name:<24} F1 {tlm.prf(*c[:3])[2]:.3f} "
                  f"strong {tlm.prf(*c[3:6])[2]:.3f} false-only {int(c[6])}/{int(c[7])}")
    p, r, f = tlm.prf(*total[:3])
    out = {"P": p, "R": r, "F1": f, "strong F1": tlm.prf(*total[3:6])[2],
           "false only": total[6] / total[7]}
    for s in extra:  # the sample left out of training
        cut = thresholds(variant, data)
        c = score(variant, data, s, cut)
        out["sample F1"] = tlm.prf(*c[:3])[2]
        out["sample strong"] = tlm.prf(*c[3:6])[2]
    return out


def fast_validate(variant: Variant, data: list[tlm.PairData], extra: list[tlm.PairData]
                  ) -> dict[str, float]:
    """A cheaper screen (one fit per event instead of one per pair of events): out-of-fold
    probabilities of every pair; each held-out event's thresholds chosen by the same rule on
    the other events' out-of-fold probabilities (their models saw the held-out event, a small
    leak into the threshold only). Used to rank variants before the exact CV."""
    keys = sorted({tlm.event(d.name) for d in data})
    probs: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    for key in keys:
        link, kind = variant.fitted([d for d in data if tlm.event(d.name) != key] + extra)
        for d in data:
            if tlm.event(d.name) == key:
                probs[d.name] = (link(d.rows), kind(d.rows))
    total = np.zeros(8)
    for key in keys:
        others = [d for d in data if tlm.event(d.name) != key]
        cut = pick(others, [probs[d.name] for d in others])
        for d in data:
            if tlm.event(d.name) == key:
                total += count_one(d, *probs[d.name], cut)
    p, r, f = tlm.prf(*total[:3])
    out = {"P": p, "R": r, "F1": f, "strong F1": tlm.prf(*total[3:6])[2],
           "false only": total[6] / total[7]}
    for s in extra:
        cut = pick(data, [probs[d.name] for d in data])
        link, kind = variant.fitted(data)
        c = count_one(s, link(s.rows), kind(s.rows), cut)
        out["sample F1"], out["sample strong"] = tlm.prf(*c[:3])[2], tlm.prf(*c[3:6])[2]
    return out


def average(*fitters: Fitter) -> Fitter:
    """The mean probability of several models."""
    def fitter(rows: np.ndarray, y: np.ndarray) -> Predict:
        predicts = [f(rows, y) for f in fitters]
        return lambda x: np.mean([p(x) for p in predicts], axis=0)
    return fitter


VARIANTS: dict[str, Callable[[], Variant]] = {
    "logistic": lambda: Variant(with_columns(lexical, logistic), with_columns(lexical, logistic)),
    "inter": lambda: Variant(with_columns(interactions, logistic),
                             with_columns(lexical, logistic)),
    "bins": lambda: Variant(bins_fitter, with_columns(lexical, logistic)),
    "gbt-2-100": lambda: Variant(gbt(2, 100), with_columns(lexical, logistic)),
    "gbt-3-100": lambda: Variant(gbt(3, 100), with_columns(lexical, logistic)),
    "gbt-3-200": lambda: Variant(gbt(3, 200, rate=0.05), with_columns(lexical, logistic)),
    "boost-2-30": lambda: Variant(gbt(2, 30, on_logistic=True), with_columns(lexical, logistic)),
    "boost-3-30": lambda: Variant(gbt(3, 30, on_logistic=True), with_columns(lexical, logistic)),
    "boost-3-60": lambda: Variant(gbt(3, 60, on_logistic=True, rate=0.05),
                                  with_columns(lexical, logistic)),
    "avg-logistic-gbt": lambda: Variant(average(with_columns(lexical, logistic), gbt(2, 100)),
                                        with_columns(lexical, logistic)),
    "gbt-2-100-smooth": lambda: Variant(gbt(2, 100, rate=0.05, leaf=300),
                                        with_columns(lexical, logistic)),
    "boost-2-10": lambda: Variant(gbt(2, 10, on_logistic=True, rate=0.05, leaf=300),
                                  with_columns(lexical, logistic)),
    "gbt-3-100+kind": lambda: Variant(gbt(3, 100), gbt(3, 100)),
}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=Path, default=tlm.TEXTS)
    parser.add_argument("--cache", type=Path)
    parser.add_argument("--only", nargs="*", choices=sorted(VARIANTS))
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--fast", action="store_true",
                        help="the cheaper screen (see fast_validate)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    data, extra = load(args.texts, args.cache)
    print(f"{len(data)} pairs, {len({tlm.event(d.name) for d in data})} events, "
          f"{sum(len(d.pairs) for d in data)} candidates ({time.perf_counter() - started:.1f} s)")
    print(f"{'variant':<16} {'P':>6} {'R':>6} {'F1':>6} {'strong':>7} {'f-only':>7} "
          f"{'sample':>7} {'s.strong':>8} {'sec':>6}")
    for name in args.only or VARIANTS:
        started = time.perf_counter()
        if args.fast:
            out = fast_validate(VARIANTS[name](), data, extra)
        else:
            out = cross_validate(VARIANTS[name](), data, extra, args.verbose)
        print(f"{name:<16} {out['P']:>6.3f} {out['R']:>6.3f} {out['F1']:>6.3f} "
              f"{out['strong F1']:>7.3f} {out['false only']:>7.3f} {out['sample F1']:>7.3f} "
              f"{out['sample strong']:>8.3f} {time.perf_counter() - started:>6.0f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
