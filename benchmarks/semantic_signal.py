"""Optional semantic signal: WordLlama sentence embeddings (``pip install readerui[semantic]``).

WordLlama (MIT licence) ships its 256-dimension weights and tokenizer inside its wheel; the model
is loaded from those files with downloads disabled, so it never touches the network.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

import numpy as np

from readerui.model import Document

WEIGHTS = "l2_supercat_256.safetensors"
TOKENIZER = "l2_supercat_tokenizer_config.json"


def available() -> bool:
    """Whether the semantic extra is installed and its model loads offline."""
    try:
        _model()
    except Exception:
        return False
    return True


@cache
def _model() -> Any:
    """WordLlama's 256-d model built from the files inside its package (its own ``load`` looks
    for the tokenizer in a folder the wheel does not have, then tries to download it)."""
    from importlib import resources

    from safetensors import safe_open
    from tokenizers import Tokenizer
    from wordllama.inference import WordLlamaInference

    root = resources.files("wordllama")
    tokenizer = Tokenizer.from_file(str(root / "tokenizers" / TOKENIZER))
    with safe_open(str(root / "weights" / WEIGHTS), framework="np", device="cpu") as f:
        embedding = f.get_tensor("embedding.weight")
    return WordLlamaInference(embedding, tokenizer, binary=False)


def pair_similarity(a: Document, b: Document) -> Callable[[list[tuple[int, int]]], np.ndarray]:
    """A function giving the cosine of the embeddings of each (i, j) pair of A and B."""
    model = _model()
    emb_a = np.asarray(model.embed([s.text for s in a.sentences], norm=True), dtype=np.float32)
    emb_b = np.asarray(model.embed([s.text for s in b.sentences], norm=True), dtype=np.float32)

    def similarity(pairs: list[tuple[int, int]]) -> np.ndarray:
        if not pairs:
            return np.zeros(0)
        index = np.asarray(pairs)
        return np.einsum("ij,ij->i", emb_a[index[:, 0]], emb_b[index[:, 1]]).astype(float)

    return similarity
