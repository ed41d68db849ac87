"""The aligner's knobs: every threshold a named field with a documented default."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class AlignSettings:
    """Thresholds and limits of the aligner (scores and coverages are in [0, 1])."""

    # Minimum score of a link that keeps the reading order of both accounts.
    link_threshold: float = 0.2
    # Minimum score of a link that breaks the reading order (content moved elsewhere).
    reorder_threshold: float = 0.2
    # A sentence also links when this share of its weighted words is carried by the other side.
    containment_threshold: float = 0.6
    # Minimum weighted share of the words of the smaller side that the other side must carry for
    # a containment link (see containment_threshold) to count.
    containment_min_score: float = 0.15
    # A link is "strong" (same content) when each side carries at least this share of the other's
    # weighted words ...
    strong_threshold: float = 0.15
    # ... and the smaller of the two shares is at least this fraction of the larger; otherwise one
    # side carries only part of the other and the link is "partial". Headline links are partial.
    strong_balance: float = 0.5
    # Between two links that keep the order, a gap of at most gap_size sentences a side is filled
    # with its pairs that score at least gap_threshold (the order itself is evidence).
    gap_threshold: float = 0.1
    gap_size: int = 3
    # Two neighbouring links merge into one group when a cross pair (a sentence of one with a
    # sentence of the other) scores at least this share of the weaker link's score ...
    merge_cross_ratio: float = 0.6
    # ... and the merge adds at least this share of some member's weighted words to what is carried.
    merge_min_gain: float = 0.2
    # Minimum score for two headlines to be linked to each other; 0 links them whenever both
    # accounts have one (two headlines of one event are about the same thing).
    title_threshold: float = 0.0
    # A sentence joins a group when at least this share of its weighted words is in the group's
    # other side ...
    grow_min_coverage: float = 0.25
    # ... and it adds at least this share of the other side's weighted words to what is carried.
    grow_min_gain: float = 0.08
    # ... or, for a short sentence, at least this share of it is carried by the other side (and
    # half of that is new to the group).
    grow_min_own: float = 0.45
    # How far (in sentences) a group member may be from the group's other members on its side.
    group_window: int = 3
    # Most sentences one side of a group may hold.
    max_group_size: int = 4
    # Documents with at most this many sentence pairs (A x B) have every pair scored; longer
    # ones get candidates from an inverted index.
    exhaustive_pairs: int = 20000
    # Candidate partners kept per sentence from the inverted index.
    candidates_per_sentence: int = 8
    # Rare words per sentence used to look up candidates in the inverted index.
    query_words: int = 8
    # Words in more sentences than this are not used to look up candidates (still scored).
    max_posting: int = 100
    # Pairs scoring below this share of a sentence's best pair are not considered for it.
    keep_ratio: float = 0.5
    # Two words seen on one side only are taken as spelling variants ("Sergey"/"Sergei") when
    # their similarity reaches this ...
    variant_similarity: float = 0.8
    # ... and both are at least this long.
    variant_min_length: int = 5
    # Weight multiplier of function words ("the", "der") on top of their low IDF.
    stopword_weight: float = 0.2
    # Share of rapidfuzz's word-order similarity in a link's score (the rest is weighted overlap).
    order_weight: float = 0.2
