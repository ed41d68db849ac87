"""The aligner's knobs: every threshold a named field with a documented default."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class AlignSettings:
    """Thresholds and limits of the aligner (scores and coverages are in [0, 1])."""

    # Minimum score of a link that keeps the reading order of both accounts.
    link_threshold: float = 0.2
    # Many-to-many mode: documents with at most this many sentence pairs have every pair that
    # shares a word scored by the learned link scorer, with the speaker features (news
    # articles: a few hundred to a few thousand pairs; 70 sentences a side cost ~0.3 s)...
    model_exhaustive_pairs: int = 5000
    # ... longer ones only the candidate pairs outside the exclusive links that score at least
    # this (lexical score), so the cost stays near linear.
    model_min_score: float = 0.35
    # Many-to-many mode: a sentence left in no link whose best candidate in the other account has
    # at least this link-model probability is shown as "maybe in one account only", with that
    # candidate (chosen on the BASIL dev gold by leave-one-event-out,
    # benchmarks/train_link_model.py; basil_eval.py --near-sweep gives the in-sample curve).
    near_floor: float = 0.1
    # Minimum score of a link that breaks the reading order (content moved elsewhere).
    reorder_threshold: float = 0.2
    # A pair also counts as a link when one sentence has at least this share of its weighted
    # words carried by the other (a short sentence inside a long one).
    containment_threshold: float = 0.6
    # Minimum score a pair needs for containment_threshold to apply.
    containment_min_score: float = 0.15
    # Minimum share of each side's weighted words that the other side carries for a "strong"
    # link (same content); below it the link is "partial".
    strong_threshold: float = 0.15
    # Minimum ratio of the smaller to the larger of those two shares for a "strong" link; below
    # it one side carries only part of the other ("partial"). Headline links are always partial.
    strong_balance: float = 0.5
    # Minimum score of a pair inside a small gap between two in-order links (the order itself is
    # evidence, so this is lower than link_threshold).
    gap_threshold: float = 0.1
    # Largest gap (sentences on each side) between two in-order links that gets filled.
    gap_size: int = 3
    # Two neighbouring links merge into one group only when a cross pair (a sentence of one with
    # a sentence of the other) scores at least this share of the weaker link's score.
    merge_cross_ratio: float = 0.6
    # Two neighbouring links merge only when the merge adds at least this share of some member
    # side's weighted words to what the other side carries.
    merge_min_gain: float = 0.2
    # Minimum score for two headlines to be linked to each other; 0 links them whenever both
    # accounts have one (two headlines of one event are about the same thing).
    title_threshold: float = 0.0
    # Minimum share of a sentence's weighted words found in a group's other side for it to join
    # the group (with grow_min_gain).
    grow_min_coverage: float = 0.25
    # Minimum share of the other side's weighted words that a joining sentence must add to what
    # the group carries (with grow_min_coverage).
    grow_min_gain: float = 0.08
    # A short sentence also joins a group when at least this share of its weighted words is in
    # the group's other side and half of that is new to the group.
    grow_min_own: float = 0.45
    # Farthest distance (in sentences) of a group member from the group's other members on its
    # side.
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
    # Minimum similarity (0-1) of two words, each seen on one side only, to be taken as spelling
    # variants of one word ("Sergey"/"Sergei").
    variant_similarity: float = 0.8
    # Shortest word considered for spelling variants.
    variant_min_length: int = 5
    # Weight multiplier of function words ("the", "der") on top of their low IDF.
    stopword_weight: float = 0.2
    # Share of rapidfuzz's word-order similarity in a link's score (the rest is weighted overlap).
    order_weight: float = 0.2
