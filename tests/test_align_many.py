"""Many-to-many links (the default): a sentence in several links, each pair in one link at most,
headlines linked like any sentence, identical sentences strong."""

from __future__ import annotations

import pytest

from readerui.align import align, align_exclusive
from readerui.model import Alignment
from test_align import SAMPLE_A, SAMPLE_B, document  # the same small Document builder


def pairs(alignment: Alignment) -> list[tuple[int, int]]:
    """Every (a, b) pair of every link (a list: a pair in two links would show twice)."""
    return [(i, j) for link in alignment.links for i in link.a for j in link.b]


# A lead that sums up a quote given later, and a headline that states both.
LEAD_A = [
    "Mayor Lopez vetoes harbour bridge tolls",
    "Mayor Daniel Lopez vetoed the harbour bridge tolls on Friday, saying commuters could not "
    "afford them.",
    "The council had passed the tolls by seven votes to four.",
    "Snow is forecast for the weekend.",
]
LEAD_B = [
    "Lopez blocks bridge tolls",
    "The mayor vetoed the harbour bridge tolls on Friday.",
    "\"Commuters cannot afford these tolls,\" Lopez said of the harbour bridge.",
    "Councillors had approved the tolls seven to four.",
]


def test_a_sentence_is_in_several_links() -> None:
    a, b = document(LEAD_A, ["title", "body", "body", "body"]), document(
        LEAD_B, ["title", "body", "body", "body"])
    result = align(a, b)
    assert not result.exclusive
    assert {1, 2} <= set(result.partners("a", 1))  # the lead: the veto and the quote
    assert len(result.links_of("a", 1)) >= 2
    assert (3, 0) not in pairs(result) and not result.partners("a", 3)  # only in A


def test_no_pair_of_sentences_is_in_two_links() -> None:
    a, b = document(LEAD_A, ["title", "body", "body", "body"]), document(
        LEAD_B, ["title", "body", "body", "body"])
    found = pairs(align(a, b))
    assert len(found) == len(set(found))


def test_headlines_link_to_what_states_them() -> None:
    a, b = document(LEAD_A, ["title", "body", "body", "body"]), document(
        LEAD_B, ["title", "body", "body", "body"])
    result = align(a, b)
    assert 0 in result.partners("a", 0)  # headline to headline
    assert 1 in result.partners("b", 0)  # B's headline to A's lead


def test_exclusive_mode_keeps_each_sentence_in_one_link_in_reading_order() -> None:
    a, b = document(LEAD_A, ["title", "body", "body", "body"]), document(
        LEAD_B, ["title", "body", "body", "body"])
    result = align(a, b, exclusive=True)
    assert result.exclusive
    seen_a = [i for link in result.links for i in link.a]
    seen_b = [j for link in result.links for j in link.b]
    assert len(seen_a) == len(set(seen_a)) and len(seen_b) == len(set(seen_b))
    assert all(0 <= i < len(a) for i in seen_a) and all(0 <= j < len(b) for j in seen_b)
    assert [link.a[0] for link in result.links] == sorted(link.a[0] for link in result.links)
    assert result.links  # the headlines and the lead are linked


def test_exclusive_mode_without_its_extra_is_the_one_link_aligner(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import readerui.align as aligner

    monkeypatch.setattr(aligner, "block_aligner_available", lambda: False)
    a, b = document(LEAD_A, ["title", "body", "body", "body"]), document(
        LEAD_B, ["title", "body", "body", "body"])
    assert align(a, b, exclusive=True).links == align_exclusive(a, b).links


def test_identical_documents_are_all_strong() -> None:
    texts = [*LEAD_A, "Forty flights were cancelled as baggage handlers walked out on strike."]
    roles = ["title"] + ["body"] * (len(texts) - 1)
    for exclusive in (False, True):
        result = align(document(texts, roles), document(texts, roles), exclusive=exclusive)
        for i in range(len(texts)):
            link = result.link_of("a", i)  # the best link: the identical sentence
            assert link is not None and link.b == (i,)
            assert link.kind == "strong" and link.score == 1.0


def test_best_partner_comes_first() -> None:
    a, b = document(LEAD_A, ["title", "body", "body", "body"]), document(
        LEAD_B, ["title", "body", "body", "body"])
    result = align(a, b)
    for side, n in (("a", len(a)), ("b", len(b))):
        for sid in range(n):
            links = result.links_of(side, sid)
            ranks = [(link.kind == "strong", link.score) for link in links]
            assert ranks == sorted(ranks, reverse=True)
            if links:
                assert result.best_partner(side, sid) == (
                    links[0].b if side == "a" else links[0].a)[0]


def test_the_shipped_link_model_loads_and_scores_a_paraphrase_above_an_unrelated_pair() -> None:
    import math

    from readerui.align.linkmodel import load_models
    from readerui.align.many import decide_links, pair_table
    from readerui.align.pairfeatures import FEATURE_NAMES
    from readerui.align.settings import AlignSettings

    models = load_models()
    assert "lexical" in models
    model = models["lexical"]
    assert 0 < model.link.threshold < 1 and 0 < model.kind.threshold < 1
    a = document(["The city council approved a new budget for the harbour on Tuesday.",
                  "Rain is expected across the north of the country this weekend."])
    b = document(["On Tuesday the council passed the harbour budget.",
                  "Shares in the airline fell sharply after the profit warning."])
    table = pair_table(a, b, AlignSettings(), "en")
    probability = dict(zip(table.pairs, model.link.probability(table.rows),
                           strict=True))
    assert all(math.isfinite(x) for row in table.rows for x in row)
    assert all(len(row) == len(FEATURE_NAMES) for row in table.rows)
    paraphrase = probability[(0, 0)]
    assert paraphrase >= model.link.threshold
    assert all(p < paraphrase for pair, p in probability.items() if pair != (0, 0))
    assert [(link.a, link.b) for link in decide_links(table, model)] == [((0,), (0,))]


def test_speaker_and_context_features_of_an_article_pair() -> None:
    """Short pairs get the speaker features from the speaker pass (same person across both
    accounts, or two different people), the diagonal neighbour and the document's level."""
    from readerui.align.many import pair_table
    from readerui.align.pairfeatures import FEATURE_NAMES
    from readerui.align.settings import AlignSettings

    a = document(["Mayor Daniel Lopez said the harbour tolls would be scrapped in March.",
                  "Councillor Maria Chen said the harbour tolls paid for the new ferry."])
    b = document(["The harbour tolls will go in March, Lopez said on Friday.",
                  "Chen said the tolls on the harbour had paid for a ferry."])
    col = {name: k for k, name in enumerate(FEATURE_NAMES)}
    table = pair_table(a, b, AlignSettings(), "en")
    rows = dict(zip(table.pairs, table.rows, strict=True))
    assert rows[(0, 0)][col["speaker_same"]] == 1 and rows[(0, 0)][col["speaker_clash"]] == 0
    assert rows[(0, 1)][col["speaker_clash"]] == 1 and rows[(0, 1)][col["speaker_same"]] == 0
    # (0, 0) and (1, 1) are each other's diagonal neighbours; (0, 1) has none
    assert rows[(0, 0)][col["neigh_diag"]] > 0 and rows[(0, 1)][col["neigh_diag"]] == 0
    level = [row[col["doc_rel"]] for row in table.rows]
    assert max(level) > 1 > min(level) > 0
    # Long documents skip the speaker pass (its features stay 0) and keep a linear cost.
    table = pair_table(a, b, AlignSettings(model_exhaustive_pairs=1, model_min_score=0.0),
                       "en")
    assert table.pairs
    assert all(row[col["speaker_same"]] == row[col["speaker_clash"]] == 0 for row in table.rows)


def test_a_link_model_with_an_unknown_feature_is_refused() -> None:
    import pytest

    from readerui.align.linkmodel import Logistic

    with pytest.raises(ValueError, match="unknown features"):
        Logistic.from_dict({"features": ["no_such_feature"], "mean": [0], "scale": [1],
                            "coef": [1], "intercept": 0, "threshold": 0.5})


_WITHOUT_NUMPY = r"""
import json, sys
from importlib.abc import MetaPathFinder

class Refuse(MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("numpy", "scipy"):
            raise ImportError(f"no {name} here")
        return None

sys.meta_path.insert(0, Refuse())
from readerui.align import align
from readerui.analysis import load_document
paths = sys.argv[1:]
links = [[[k.a, k.b, k.score, k.kind] for k in align(load_document(x), load_document(y)).links]
         for x, y in zip(paths[::2], paths[1::2])]
print(json.dumps({"links": links, "numpy": "numpy" in sys.modules}))
"""


def test_the_default_aligner_needs_no_numpy_and_gives_the_same_links() -> None:
    """numpy is not a dependency: with it (and scipy) impossible to import, the sample pair and
    pairs of the ingest test texts get the very links they get in this process, where numpy
    may be installed."""
    import json
    import subprocess
    import sys

    from readerui.align import align
    from readerui.analysis import load_document

    texts = SAMPLE_A.parent.parent / "tests" / "data" / "ingest"
    pairs = [(SAMPLE_A, SAMPLE_B), (texts / "wire_paste.txt", texts / "agency_paste.txt"),
             (texts / "gov_readout.txt", texts / "press_release.txt")]
    done = subprocess.run([sys.executable, "-c", _WITHOUT_NUMPY,
                           *(str(path) for pair in pairs for path in pair)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["numpy"] is False
    here = [[[list(k.a), list(k.b), k.score, k.kind]
             for k in align(load_document(x), load_document(y)).links] for x, y in pairs]
    assert out["links"] == here
    assert len(here[0]) > 10 and all(here)
