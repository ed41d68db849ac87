"""The learned link scorer: logistic regressions over pair features, inference in plain Python.

The coefficients live in ``link_model.json`` next to this module, written by
``benchmarks/train_link_model.py`` (trained on hand-labelled news pairs). One file holds a
lexical model (the default) and, when trained, a semantic one that also reads a WordLlama
similarity; each has a link part (is the pair a link?) and a kind part (strong or partial?).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from operator import itemgetter, mul, sub, truediv
from typing import Any

from readerui.align.pairfeatures import FEATURE_NAMES

MODEL_FILE = "link_model.json"


@dataclass(frozen=True, slots=True)
class Logistic:
    """A logistic regression over named features, with the standardisation it was fitted on."""

    columns: tuple[int, ...]  # indices into FEATURE_NAMES
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    threshold: float

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Logistic:
        """Read one model from its JSON form (unknown feature names are an error)."""
        index = {name: k for k, name in enumerate(FEATURE_NAMES)}
        missing = [name for name in data["features"] if name not in index]
        if missing:
            raise ValueError(f"link model uses unknown features: {', '.join(missing)}")
        return cls(tuple(index[n] for n in data["features"]),
                   tuple(map(float, data["mean"])), tuple(map(float, data["scale"])),
                   tuple(map(float, data["coef"])), float(data["intercept"]),
                   float(data["threshold"]))

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (feature names, not indices)."""
        return {"features": [FEATURE_NAMES[k] for k in self.columns],
                "mean": [round(float(x), 6) for x in self.mean],
                "scale": [round(float(x), 6) for x in self.scale],
                "coef": [round(float(x), 6) for x in self.coef],
                "intercept": round(self.intercept, 6), "threshold": round(self.threshold, 4)}

    def probability(self, rows: Sequence[Sequence[float]]) -> list[float]:
        """Probability of the positive class for each row of a full feature matrix (rows of
        FEATURE_NAMES columns: lists, or a 2-D array)."""
        # (x - mean) / scale * coef per column, summed in column order: the arithmetic of
        # the plain loop, done by map in C.
        columns = self.columns
        values: Callable[[Sequence[float]], Sequence[float]]
        if len(columns) > 1:
            values = itemgetter(*columns)
        else:  # itemgetter of one column gives the value, not a tuple
            def values(row: Sequence[float]) -> Sequence[float]:
                return [row[c] for c in columns]
        mean, scale, coef = self.mean, self.scale, self.coef
        intercept = self.intercept
        exp = math.exp
        out = []
        for row in rows:
            z = sum(map(mul, map(truediv, map(sub, values(row), mean), scale), coef)) + intercept
            out.append(1.0 / (1.0 + exp(-min(40.0, max(-40.0, z)))))
        return out


@dataclass(frozen=True, slots=True)
class LinkModel:
    """Link and kind models of one variant (lexical or semantic)."""

    link: Logistic
    kind: Logistic
    semantic: bool = False


@cache
def load_models() -> dict[str, LinkModel]:
    """The shipped models by variant name ("lexical", maybe "semantic")."""
    text = resources.files("readerui.align").joinpath(MODEL_FILE).read_text("utf-8")
    data = json.loads(text)
    return {name: LinkModel(Logistic.from_dict(v["link"]), Logistic.from_dict(v["kind"]),
                            name == "semantic")
            for name, v in data["models"].items()}


def default_model(semantic: bool = False) -> LinkModel:
    """The shipped lexical model, or the semantic one when asked for and shipped."""
    models = load_models()
    if semantic and "semantic" in models:
        return models["semantic"]
    return models["lexical"]
