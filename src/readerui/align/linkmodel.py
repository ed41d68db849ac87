"""The learned link scorer: logistic regressions over pair features, inference in numpy.

The coefficients live in ``link_model.json`` next to this module, written by
``benchmarks/train_link_model.py`` (trained on hand-labelled news pairs). One file holds a
lexical model (the default) and, when trained, a semantic one that also reads a WordLlama
similarity; each has a link part (is the pair a link?) and a kind part (strong or partial?).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import numpy as np

from readerui.align.pairfeatures import FEATURE_NAMES

MODEL_FILE = "link_model.json"


@dataclass(frozen=True, slots=True)
class Logistic:
    """A logistic regression over named features, with the standardisation it was fitted on."""

    columns: np.ndarray  # indices into FEATURE_NAMES
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    threshold: float

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Logistic:
        """Read one model from its JSON form (unknown feature names are an error)."""
        index = {name: k for k, name in enumerate(FEATURE_NAMES)}
        missing = [name for name in data["features"] if name not in index]
        if missing:
            raise ValueError(f"link model uses unknown features: {', '.join(missing)}")
        return cls(np.array([index[n] for n in data["features"]], dtype=int),
                   np.asarray(data["mean"], float), np.asarray(data["scale"], float),
                   np.asarray(data["coef"], float), float(data["intercept"]),
                   float(data["threshold"]))

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (feature names, not indices)."""
        return {"features": [FEATURE_NAMES[k] for k in self.columns],
                "mean": [round(float(x), 6) for x in self.mean],
                "scale": [round(float(x), 6) for x in self.scale],
                "coef": [round(float(x), 6) for x in self.coef],
                "intercept": round(self.intercept, 6), "threshold": round(self.threshold, 4)}

    def probability(self, rows: np.ndarray) -> np.ndarray:
        """Probability of the positive class for each row of a full feature matrix."""
        if len(rows) == 0:
            return np.zeros(0)
        z = (rows[:, self.columns] - self.mean) / self.scale @ self.coef + self.intercept
        probabilities: np.ndarray = 1.0 / (1.0 + np.exp(-np.clip(z, -40, 40)))
        return probabilities


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
