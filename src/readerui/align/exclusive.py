"""Exclusive alignment for parallel corpora: a monotone dynamic programme over sentence blocks.

Each sentence is in at most one link and links follow reading order (Vecalign/Bertalign style):
sentences become TF-IDF vectors over character n-grams and word stems (plus a whole-sentence
identity feature), weighted by length inside a block. A dynamic programme over blocks (``p``
sentences of A against ``q`` of B, ``p + q <= max_shape``) maximises the summed gain of the
links: a block gains the cosine of its summed vectors above ``link_cost`` and pays a sub-linear
``size_penalty`` for its extra sentences; a sentence left out of every link costs nothing
(deletions, additions). Long documents are aligned in a band around an anchor path of mutually
best rare-stem matches, so the cost grows linearly. Afterwards groups at the block limit may grow
by their unlinked neighbours (groups of any size), and leftover sentences of A and B that are each
other's best match are linked (content moved elsewhere: the only links out of reading order).
Defaults were chosen on a manually aligned corpus (benchmarks/exclusive_quality.py).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from readerui.align.settings import AlignSettings
from readerui.model import Alignment, Document, Link
from readerui.tokens import WORD_RE, is_stopword, normalise, stem

_NEG = -1e18  # "unreachable" in the dynamic programme
_SKIP_B = -1  # back-pointer code of a B sentence left out of every link


@dataclass(frozen=True, slots=True)
class ExclusiveSettings:
    """Knobs of the exclusive aligner (chosen on the dev part of a manually aligned corpus)."""

    # Largest number of sentences (A and B together) of one step of the dynamic programme;
    # bigger groups come from growing links afterwards.
    max_shape: int = 6
    # Similarity (cosine, 0-1) a block must exceed to be worth linking.
    link_cost: float = 0.1
    # Share of a block's usual similarity to anything (its sentences' mean cosine with the other
    # account) added to link_cost.
    baseline_weight: float = 0.0
    # Weight of a sentence inside a block: (words + 1) ** length_power (0: all alike).
    length_power: float = 0.5
    # Gain given up for a group of p + q sentences: size_penalty * (p + q - 2) ** size_power
    # (below 1, each further sentence costs less, so long splits stay one group).
    size_penalty: float = 0.06
    size_power: float = 0.5
    # A block's similarity margin counts ((p + q) / 2) ** group_weight times: 0 gives every
    # link the same say, 1 weighs a link by the sentences it holds.
    group_weight: float = 0.0
    # Share of character n-grams (the rest: word stems) in a sentence's vector.
    char_weight: float = 0.6
    # Share of a whole-sentence identity feature (identical sentences always match).
    identity_weight: float = 0.1
    # Shortest and longest character n-gram (inside word boundaries).
    ngram_min: int = 3
    ngram_max: int = 4
    # Minimum similarity of two leftover sentences to be linked out of reading order.
    reorder_threshold: float = 0.5
    # Documents with at most this many sentence pairs are aligned without a band.
    full_cells: int = 250_000
    # Half width (sentences of B) of the band around the anchor path of long documents.
    band_halfwidth: int = 20
    # A link is "strong" when the lighter side has at least this share of its weighted
    # stems in the other side; otherwise "partial".
    strong_cover: float = 0.5


# ----------------------------------------------------------------------------- representation


@dataclass(frozen=True, slots=True)
class _Space:
    """Sentence vectors of both documents (rows unit length) and stem sets for coverage."""

    a: sparse.csr_matrix
    b: sparse.csr_matrix
    anchor_a: sparse.csr_matrix  # rare-stem TF-IDF rows, for the anchor path of long documents
    anchor_b: sparse.csr_matrix
    stems_a: sparse.csr_matrix  # 1 where a sentence holds a content stem
    stems_b: sparse.csr_matrix
    stem_weight: np.ndarray  # IDF of each stem
    base_a: np.ndarray  # mean cosine of each sentence with the other document's sentences
    base_b: np.ndarray


def _word_grams(word: str, low: int, high: int) -> list[str]:
    padded = f" {word} "
    if len(padded) <= low:
        return [padded]
    return [padded[k:k + n] for n in range(low, high + 1) for k in range(len(padded) - n + 1)]


def _tfidf(counts: sparse.csr_matrix, n_docs: int) -> tuple[sparse.csr_matrix, np.ndarray]:
    """Sublinear TF times smoothed IDF; returns the matrix and the IDF of each column."""
    counts = counts.tocsr().astype(np.float64)
    counts.sum_duplicates()
    counts.data = 1.0 + np.log(counts.data)
    df = np.bincount(counts.indices, minlength=counts.shape[1])
    idf = np.log((n_docs + 1) / (df + 1)) + 1.0
    return (counts @ sparse.diags(idf)).tocsr(), idf


def _normalise_rows(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    matrix = matrix.tocsr()
    rows = np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))
    norms = np.sqrt(np.bincount(rows, weights=matrix.data ** 2, minlength=matrix.shape[0]))
    norms[norms == 0] = 1.0
    return (sparse.diags(1.0 / norms) @ matrix).tocsr()


def _build_space(texts_a: list[str], texts_b: list[str], lang: str,
                 tuning: ExclusiveSettings) -> _Space:
    """TF-IDF vectors over character n-grams, word stems and whole-sentence identity."""
    texts = texts_a + texts_b
    n = len(texts)
    word_ids: dict[str, int] = {}
    identity_ids: dict[str, int] = {}
    surface_ids: dict[str, int] = {}  # each distinct spelling is normalised once
    rows, cols, ident_rows, ident_cols = [], [], [], []
    for row, text in enumerate(texts):
        found = WORD_RE.findall(text)
        for word in found:
            wid = surface_ids.get(word)
            if wid is None:
                wid = surface_ids[word] = word_ids.setdefault(normalise(word), len(word_ids))
            cols.append(wid)
        rows.extend([row] * len(found))
        key = " ".join(text.split()).casefold()
        if key:
            ident_rows.append(row)
            ident_cols.append(identity_ids.setdefault(key, len(identity_ids)))
    n_words = max(1, len(word_ids))
    words = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n_words))

    gram_ids: dict[str, int] = {}
    stem_ids: dict[str, int] = {}
    g_rows: list[int] = []
    g_cols: list[int] = []
    s_rows, s_cols = [], []
    for word, wid in word_ids.items():
        grams_of_word = _word_grams(word, tuning.ngram_min, tuning.ngram_max)
        g_rows.extend([wid] * len(grams_of_word))  # repeated grams add up in the matrix
        g_cols.extend([gram_ids.setdefault(gram, len(gram_ids)) for gram in grams_of_word])
        if not is_stopword(word, lang):
            s_rows.append(wid)
            s_cols.append(stem_ids.setdefault(stem(word, lang), len(stem_ids)))
    grams = sparse.csr_matrix((np.ones(len(g_cols)), (g_rows, g_cols)),
                              shape=(n_words, max(1, len(gram_ids))))
    stems = sparse.csr_matrix((np.ones(len(s_rows)), (s_rows, s_cols)),
                              shape=(n_words, max(1, len(stem_ids))))

    char_tfidf, _ = _tfidf(words @ grams, n)
    stem_tfidf, stem_idf = _tfidf(words @ stems, n)
    identity = sparse.csr_matrix((np.ones(len(ident_rows)), (ident_rows, ident_cols)),
                                 shape=(n, max(1, len(identity_ids))))
    w_ident = tuning.identity_weight
    w_char = (1 - w_ident) * tuning.char_weight
    w_stem = (1 - w_ident) * (1 - tuning.char_weight)
    vectors = sparse.hstack([
        math.sqrt(w_char) * _normalise_rows(char_tfidf),
        math.sqrt(w_stem) * _normalise_rows(stem_tfidf),
        math.sqrt(w_ident) * identity,
    ]).tocsr()
    vectors = _normalise_rows(vectors)

    # Anchors: stems in few sentences only, so products of long documents stay sparse.
    df = np.bincount(stem_tfidf.indices, minlength=stem_tfidf.shape[1])
    rare = sparse.diags((df <= max(4, n // 200)).astype(np.float64))
    anchor = _normalise_rows((stem_tfidf @ rare).tocsr())

    stem_sets = stem_tfidf.copy()
    stem_sets.data[:] = 1.0
    n_a = len(texts_a)
    va, vb = vectors[:n_a], vectors[n_a:]
    # How much a sentence resembles any sentence of the other account (Vecalign normalises its
    # costs the same way): long or formulaic sentences share n-grams with everything.
    base_a = np.asarray(va @ np.asarray(vb.sum(axis=0)).ravel()).ravel() / max(1, n - n_a)
    base_b = np.asarray(vb @ np.asarray(va.sum(axis=0)).ravel()).ravel() / max(1, n_a)
    if tuning.length_power:
        # A long sentence weighs more in a block than a short one (unit vectors otherwise).
        lengths = np.bincount(rows, minlength=n).astype(np.float64) + 1.0
        scale = lengths ** tuning.length_power
        scale /= scale.mean()
        va = (sparse.diags(scale[:n_a]) @ va).tocsr()
        vb = (sparse.diags(scale[n_a:]) @ vb).tocsr()
    return _Space(va, vb, anchor[:n_a], anchor[n_a:], stem_sets[:n_a], stem_sets[n_a:],
                  stem_idf, base_a, base_b)


# ----------------------------------------------------------------------------- band


def _weighted_chain(pairs: list[tuple[int, int, float]]) -> list[tuple[int, int]]:
    """The chain of pairs increasing in both ids with the largest total weight (Fenwick LIS)."""
    if not pairs:
        return []
    pairs = sorted(pairs)
    size = max(j for _, j, _ in pairs) + 2
    tree_val = [0.0] * (size + 1)
    tree_idx = [-1] * (size + 1)
    total = [0.0] * len(pairs)
    back = [-1] * len(pairs)
    start = 0
    while start < len(pairs):
        end = start
        while end < len(pairs) and pairs[end][0] == pairs[start][0]:
            end += 1
        for k in range(start, end):  # query the whole row first: one pair per A sentence
            best, best_k, x = 0.0, -1, pairs[k][1]
            while x > 0:
                if tree_val[x] > best:
                    best, best_k = tree_val[x], tree_idx[x]
                x -= x & -x
            total[k], back[k] = best + pairs[k][2], best_k
        for k in range(start, end):
            x = pairs[k][1] + 1
            while x <= size:
                if total[k] > tree_val[x]:
                    tree_val[x], tree_idx[x] = total[k], k
                x += x & -x
        start = end
    k = max(range(len(pairs)), key=total.__getitem__)
    chain = []
    while k >= 0:
        chain.append(pairs[k][:2])
        k = back[k]
    return chain[::-1]


def _anchor_path(space: _Space, n_a: int, n_b: int) -> list[tuple[int, int]]:
    """Mutually best rare-stem matches on a monotone chain: where the band is centred."""
    best_of_a = np.full(n_a, -1)
    score_of_a = np.zeros(n_a)
    best_of_b = np.full(n_b, -1)
    score_of_b = np.zeros(n_b)
    step = 2048
    anchor_bt = space.anchor_b.T.tocsc()
    for start in range(0, n_a, step):
        product = (space.anchor_a[start:start + step] @ anchor_bt).tocsr()
        if product.nnz == 0:
            continue
        rows = np.asarray(product.argmax(axis=1)).ravel()
        values = np.asarray(product.max(axis=1).todense()).ravel()
        best_of_a[start:start + len(rows)] = rows
        score_of_a[start:start + len(rows)] = values
        coo = product.tocoo()
        order = np.argsort(coo.data, kind="stable")
        better = coo.data[order] > score_of_b[coo.col[order]]
        cols, data, rws = coo.col[order][better], coo.data[order][better], coo.row[order][better]
        score_of_b[cols] = data  # later (larger) values overwrite earlier ones
        best_of_b[cols] = rws + start
    pairs = [(i, int(j), float(score_of_a[i])) for i, j in enumerate(best_of_a)
             if j >= 0 and score_of_a[i] >= 0.3 and best_of_b[j] == i]
    return _weighted_chain(pairs)


def _band(n_a: int, n_b: int, anchors: list[tuple[int, int]] | None,
          halfwidth: int) -> tuple[np.ndarray, np.ndarray]:
    """Column range [lo, hi) of each row 0..n_a of the programme (all columns without anchors).

    Rows overlap (hi[i] > lo[i + 1]) so a path through the band always exists.
    """
    if anchors is None:
        return np.zeros(n_a + 1, dtype=np.int64), np.full(n_a + 1, n_b + 1, dtype=np.int64)
    xs = [0.0] + [i + 0.5 for i, _ in anchors] + [float(n_a)]
    ys = [0.0] + [j + 0.5 for _, j in anchors] + [float(n_b)]
    centre = np.interp(np.arange(n_a + 2, dtype=np.float64), xs, ys)
    lo = np.clip(np.floor(centre[:-1]).astype(np.int64) - halfwidth, 0, n_b)
    hi = np.clip(np.ceil(centre[1:]).astype(np.int64) + halfwidth, 0, n_b) + 1
    hi[-1] = n_b + 1
    lo[0] = 0
    return lo, hi


# ----------------------------------------------------------------------------- programme


def _block_norms(vectors: sparse.csr_matrix, k: int) -> np.ndarray:
    """norms[e, p] = squared length of the sum of rows e-p .. e-1 (p <= k)."""
    n = vectors.shape[0]
    near = [np.zeros(n) for _ in range(k)]  # near[d][x] = row x . row x+d
    for d in range(min(k, n)):
        near[d][:n - d] = np.asarray(vectors[:n - d].multiply(vectors[d:]).sum(axis=1)).ravel()
    norms = np.zeros((n + 1, k + 1))
    for p in range(1, k + 1):
        ends = np.arange(p, n + 1)
        first = ends - p  # the sentence added in front of the block of p - 1
        add = near[0][first] + 2 * sum(near[d][first] for d in range(1, p))
        norms[ends, p] = norms[ends, p - 1] + add
    return norms


def _pair_prefix(space: _Space, lo: np.ndarray, hi: np.ndarray, k: int, n_a: int,
                 n_b: int) -> tuple[np.ndarray, np.ndarray]:
    """Prefix sums of each A sentence's dot products with B over the columns that any block
    holding it can reach: ``prefix[x, u]`` sums columns ``offsets[x] .. offsets[x] + u - 1``."""
    offsets = np.maximum(0, lo[1:] - k)
    ends = np.minimum(n_b, hi[np.minimum(np.arange(n_a) + k, n_a)])
    ends = np.maximum(ends, offsets)
    width = int((ends - offsets).max()) if n_a else 0
    dots = np.zeros((n_a, width))
    step = 256
    for start in range(0, n_a, step):
        stop = min(n_a, start + step)
        c0, c1 = int(offsets[start:stop].min()), int(ends[start:stop].max())
        if c1 <= c0:
            continue
        dense = (space.a[start:stop] @ space.b[c0:c1].T).toarray()
        for x in range(start, stop):
            span = ends[x] - offsets[x]
            dots[x, :span] = dense[x - start, offsets[x] - c0:ends[x] - c0]
    prefix = np.zeros((n_a, width + 1))
    np.cumsum(dots, axis=1, out=prefix[:, 1:])
    return prefix, offsets


def _shapes(tuning: ExclusiveSettings) -> list[tuple[int, int]]:
    """Steps of the programme: (1, 0) leaves an A sentence out, then every block shape."""
    top = tuning.max_shape
    return [(1, 0)] + [(p, q) for p in range(1, top) for q in range(1, top) if p + q <= top]


def _programme(space: _Space, n_a: int, n_b: int, lo: np.ndarray, hi: np.ndarray,
               tuning: ExclusiveSettings) -> list[tuple[int, int, int, int]]:
    """Blocks (i0, i1, j0, j1) of the best monotone alignment inside the band.

    Row ``i`` of the programme holds the best gain of aligning A[:i] with B[:j] for the columns
    ``j`` in ``[lo[i], hi[i])``, stored from ``i * (width + 1)`` in one flat array whose cell
    ``width`` of each row is unreachable. Gains of every step are computed for many rows at once;
    the recurrence itself costs a few array operations per row.
    """
    shapes = _shapes(tuning)
    k = tuning.max_shape - 1
    norms_a = _block_norms(space.a, k)
    norms_b = _block_norms(space.b, k)
    prefix, offsets = _pair_prefix(space, lo, hi, k, n_a, n_b)
    p_width = prefix.shape[1]
    flat_prefix = prefix.ravel()
    width = int((hi - lo).max())
    stride = width + 1
    table = np.full((n_a + 1) * stride, _NEG)
    back = np.full((n_a + 1, width), _SKIP_B, dtype=np.int8)
    t = np.arange(width)
    ps = np.array([p for p, _ in shapes])
    qs = np.array([q for _, q in shapes])
    weight = ((ps + qs) / 2.0) ** tuning.group_weight
    penalty = tuning.size_penalty * np.maximum(ps + qs - 2, 0) ** tuning.size_power
    tau = tuning.link_cost
    lam = tuning.baseline_weight
    cum_a = np.concatenate(([0.0], np.cumsum(space.base_a)))
    cum_b = np.concatenate(([0.0], np.cumsum(space.base_b)))

    row0 = np.full(width, _NEG)
    row0[0] = 0.0  # lo[0] == 0
    row0 = np.maximum.accumulate(row0)
    row0[hi[0] - lo[0]:] = _NEG
    table[:width] = row0
    chunk = max(1, (1 << 20) // (width * len(shapes)))
    for start in range(1, n_a + 1, chunk):
        rows = np.arange(start, min(n_a + 1, start + chunk))
        cols = lo[rows][:, None] + t[None, :]  # (rows, width) global B positions
        # Source cells of each step, as flat indices (the unreachable cell when outside).
        src_rows = rows[:, None, None] - ps[None, None, :]
        src_cols = cols[:, :, None] - qs[None, None, :]
        safe_rows = np.maximum(src_rows, 0)
        src_t = src_cols - lo[safe_rows]
        ok = (src_rows >= 0) & (src_t >= 0) & (src_t < width)
        source = np.where(ok, safe_rows * stride + src_t, width)
        # Gains: cosine of the summed vectors of each block, from prefix sums of pair dots.
        gains = np.zeros((len(rows), width, len(shapes)))
        segment: dict[tuple[int, int], np.ndarray] = {}
        for r in range(1, k + 1):
            x = rows - r
            valid_x = x >= 0
            xs = np.maximum(x, 0)
            base = (xs * p_width)[:, None]
            local = cols - offsets[np.minimum(xs, n_a - 1)][:, None]
            top = flat_prefix[base + np.clip(local, 0, p_width - 1)]
            for q in range(1, tuning.max_shape - r + 1):
                low = flat_prefix[base + np.clip(local - q, 0, p_width - 1)]
                segment[r, q] = np.where(valid_x[:, None], top - low, 0.0)
        for s, (p, q) in enumerate(shapes):
            if q == 0:
                continue
            dot = sum(segment[r, q] for r in range(1, p + 1))
            na = norms_a[np.minimum(rows, n_a), p][:, None]
            nb = norms_b[np.clip(cols, 0, n_b), q]
            denominator = np.sqrt(na * nb)
            with np.errstate(divide="ignore", invalid="ignore"):
                sim = np.where(denominator > 0, dot / denominator, 0.0)
            ends_a = np.minimum(rows, n_a)
            base_a = (cum_a[ends_a] - cum_a[np.maximum(ends_a - p, 0)]) / p
            ends_b = np.clip(cols, 0, n_b)
            base_b = (cum_b[ends_b] - cum_b[np.maximum(ends_b - q, 0)]) / q
            cost = tau + lam * (base_a[:, None] + base_b) / 2
            gains[:, :, s] = weight[s] * (sim - cost) - penalty[s]
        for n, i in enumerate(rows):
            candidates = table[source[n]] + gains[n]
            choice = candidates.argmax(axis=1)
            best = candidates[t, choice]
            running = np.maximum.accumulate(best)  # a B sentence left out costs nothing
            row_back = choice.astype(np.int8)
            row_back[running > best] = _SKIP_B
            running[hi[i] - lo[i]:] = _NEG
            table[i * stride:i * stride + width] = running
            back[i] = row_back
    blocks = []
    end_a, end_b = n_a, n_b  # walking back from the end
    while end_a > 0 or end_b > 0:
        code = int(back[end_a, end_b - lo[end_a]]) if end_a > 0 else _SKIP_B
        if code == _SKIP_B:
            end_b -= 1
            continue
        p, q = shapes[code]
        if q > 0:
            blocks.append((end_a - p, end_a, end_b - q, end_b))
        end_a, end_b = end_a - p, end_b - q
    return blocks[::-1]


# ----------------------------------------------------------------------------- after the programme


class _Sums:
    """Cosine of blocks of arbitrary sentences, from the unit sentence vectors."""

    def __init__(self, space: _Space) -> None:
        self.space = space

    def sim(self, a_ids: list[int], b_ids: list[int]) -> float:
        """Cosine of the summed vectors of A's ``a_ids`` and B's ``b_ids``."""
        return float(self.many([a_ids], [b_ids])[0])

    def many(self, a_groups: list[list[int]], b_groups: list[list[int]]) -> np.ndarray:
        """Cosines of many blocks at once (sparse sums through membership matrices)."""
        if not a_groups:
            return np.zeros(0)
        blocks_a = _members(a_groups, self.space.a.shape[0]) @ self.space.a
        blocks_b = _members(b_groups, self.space.b.shape[0]) @ self.space.b
        dot = np.asarray(blocks_a.multiply(blocks_b).sum(axis=1)).ravel()
        na = np.asarray(blocks_a.multiply(blocks_a).sum(axis=1)).ravel()
        nb = np.asarray(blocks_b.multiply(blocks_b).sum(axis=1)).ravel()
        denominator = np.sqrt(na * nb)
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.clip(np.where(denominator > 0, dot / denominator, 0.0), 0.0, 1.0)


def _members(groups: list[list[int]], n: int) -> sparse.csr_matrix:
    rows = [g for g, ids in enumerate(groups) for _ in ids]
    cols = [x for ids in groups for x in ids]
    return sparse.csr_matrix((np.ones(len(cols)), (rows, cols)), shape=(len(groups), n))


def _gain(space: _Space, sim: float, a_ids: list[int], b_ids: list[int],
          tuning: ExclusiveSettings) -> float:
    """What a block with that similarity adds to the alignment (as in the programme)."""
    p, q = len(a_ids), len(b_ids)
    base = (float(space.base_a[a_ids].mean()) + float(space.base_b[b_ids].mean())) / 2
    cost = tuning.link_cost + tuning.baseline_weight * base
    return float(((p + q) / 2) ** tuning.group_weight * (sim - cost)
                 - tuning.size_penalty * (p + q - 2) ** tuning.size_power)


def _grow(groups: list[tuple[list[int], list[int]]], taken_a: set[int], taken_b: set[int],
          sums: _Sums, n_a: int, n_b: int, tuning: ExclusiveSettings) -> None:
    """Let groups at the programme's size limit take unlinked neighbours while that pays."""
    for a_ids, b_ids in groups:
        if len(a_ids) + len(b_ids) < tuning.max_shape:
            continue
        current = _gain(sums.space, sums.sim(a_ids, b_ids), a_ids, b_ids, tuning)
        while True:
            options = []
            for side, ids, taken, limit in (("a", a_ids, taken_a, n_a), ("b", b_ids, taken_b, n_b)):
                for x in (ids[0] - 1, ids[-1] + 1):
                    if 0 <= x < limit and x not in taken:
                        new_a = sorted([*a_ids, x]) if side == "a" else a_ids
                        new_b = sorted([*b_ids, x]) if side == "b" else b_ids
                        gain = _gain(sums.space, sums.sim(new_a, new_b), new_a, new_b, tuning)
                        options.append((gain, side, x))
            if not options:
                break
            gain, side, x = max(options)
            if gain <= current:
                break
            current = gain
            if side == "a":
                a_ids.append(x)
                a_ids.sort()
                taken_a.add(x)
            else:
                b_ids.append(x)
                b_ids.sort()
                taken_b.add(x)


def _reordered(space: _Space, sums: _Sums, taken_a: set[int], taken_b: set[int], n_a: int,
               n_b: int, tuning: ExclusiveSettings) -> list[tuple[list[int], list[int]]]:
    """Leftover sentences of A and B that match each other well (mutual best), linked 1:1.

    When there are many leftovers, candidates come from the sparser rare-stem vectors, so the
    cost stays near linear; every candidate is then checked with the full similarity.
    """
    free_a = np.array([i for i in range(n_a) if i not in taken_a], dtype=np.int64)
    free_b = np.array([j for j in range(n_b) if j not in taken_b], dtype=np.int64)
    if not len(free_a) or not len(free_b):
        return []
    many = len(free_a) * len(free_b) > 4_000_000
    rows_a, rows_b = (space.anchor_a, space.anchor_b) if many else (space.a, space.b)
    sub_a = _normalise_rows(rows_a[free_a])
    sub_bt = _normalise_rows(rows_b[free_b]).T.tocsc()
    best_of_a = np.full(len(free_a), -1)
    value_of_a = np.zeros(len(free_a))
    best_of_b = np.full(len(free_b), -1)
    value_of_b = np.zeros(len(free_b))
    for start in range(0, len(free_a), 512):
        product = (sub_a[start:start + 512] @ sub_bt).tocoo()
        if product.nnz == 0:
            continue
        order = np.argsort(product.data, kind="stable")  # ascending: the largest is set last
        rows, cols, data = product.row[order] + start, product.col[order], product.data[order]
        best_of_a[rows], value_of_a[rows] = cols, data
        better = data > value_of_b[cols]
        best_of_b[cols[better]], value_of_b[cols[better]] = rows[better], data[better]
    pairs = [(int(x), int(y)) for x, y in enumerate(best_of_a)
             if y >= 0 and best_of_b[y] == x and value_of_a[x] > 0]
    if not pairs:
        return []
    a_groups = [[int(free_a[x])] for x, _ in pairs]
    b_groups = [[int(free_b[y])] for _, y in pairs]
    found = []
    for x_ids, y_ids, sim in zip(a_groups, b_groups, sums.many(a_groups, b_groups), strict=True):
        if sim >= tuning.reorder_threshold:
            found.append((x_ids, y_ids))
            taken_a.update(x_ids)
            taken_b.update(y_ids)
    return found


def _links(groups: list[tuple[list[int], list[int]]], scores: np.ndarray, space: _Space,
           tuning: ExclusiveSettings) -> list[Link]:
    """Groups as Links: cosine as score, "strong" when the lighter side is mostly carried."""
    if not groups:
        return []
    members_a = _members([x for x, _ in groups], space.stems_a.shape[0])
    members_b = _members([y for _, y in groups], space.stems_b.shape[0])
    held_a = (members_a @ space.stems_a).sign()
    held_b = (members_b @ space.stems_b).sign()
    weight = space.stem_weight
    w_a = held_a @ weight
    w_b = held_b @ weight
    shared = held_a.multiply(held_b) @ weight
    lighter = np.minimum(w_a, w_b)
    with np.errstate(divide="ignore", invalid="ignore"):
        # Without content words on a side, judge by the whole-sentence similarity.
        cover = np.where(lighter > 0, shared / lighter, scores)
    return [Link(tuple(x), tuple(y), round(float(score), 4),
                 "strong" if c >= tuning.strong_cover else "partial")
            for (x, y), score, c in zip(groups, scores, cover, strict=True)]


def align_exclusive(a: Document, b: Document, settings: AlignSettings | None = None,
                    lang: str | tuple[str, str] = "en",
                    tuning: ExclusiveSettings | None = None) -> Alignment:
    """Links for parallel corpora: each sentence in at most one link, links in reading order.

    Groups are 1:1, 1:n, n:1 or n:m of any size; sentences in one account only stay unlinked;
    only content that moved elsewhere is linked out of order. ``settings`` (the many-to-many
    aligner's knobs) is accepted for a uniform interface; this aligner's knobs are ``tuning``.
    ``lang`` is both documents' language or a (lang of A, lang of B) pair; two different
    languages get no stemming or function words (character n-grams and IDF still work).
    """
    del settings  # the exclusive aligner has its own knobs (ExclusiveSettings)
    tuning = tuning or ExclusiveSettings()
    if not isinstance(lang, str):
        lang = lang[0] if lang[0] == lang[1] else "xx"
    n_a, n_b = len(a.sentences), len(b.sentences)
    if n_a == 0 or n_b == 0:
        return Alignment((), n_a, n_b, exclusive=True)
    space = _build_space([s.text for s in a.sentences], [s.text for s in b.sentences], lang,
                         tuning)
    anchors = None
    if n_a * n_b > tuning.full_cells:
        anchors = _anchor_path(space, n_a, n_b)
    lo, hi = _band(n_a, n_b, anchors, tuning.band_halfwidth)
    blocks = _programme(space, n_a, n_b, lo, hi, tuning)
    groups = [(list(range(i0, i1)), list(range(j0, j1))) for i0, i1, j0, j1 in blocks]
    taken_a = {i for ids, _ in groups for i in ids}
    taken_b = {j for _, ids in groups for j in ids}
    sums = _Sums(space)
    _grow(groups, taken_a, taken_b, sums, n_a, n_b, tuning)
    groups += _reordered(space, sums, taken_a, taken_b, n_a, n_b, tuning)
    scores = sums.many([x for x, _ in groups], [y for _, y in groups])
    links = sorted(_links(groups, scores, space, tuning), key=lambda link: (link.a[0], link.b[0]))
    return Alignment(tuple(links), n_a, n_b, exclusive=True)
