"""The exclusive aligner (``--exclusive``): link shapes (1:1, split, merge, n:m), reordering,
one-side-only, invariants. Many-to-many mode is in test_align_many.py."""

from __future__ import annotations

import json
from pathlib import Path

from readerui.align import AlignSettings, align_exclusive, word_diff
from readerui.align.features import canonical_number, compound_parts
from readerui.analysis import analyse_paths
from readerui.model import Alignment, Document, Sentence

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_A = ROOT / "sample_texts" / "mfa_readout.txt"
SAMPLE_B = ROOT / "sample_texts" / "xinhua_report.txt"

# Six unrelated events, each with a paraphrase: the building blocks of the test documents.
EVENTS = [
    ("The city council approved a new budget for public libraries on Monday.",
     "On Monday councillors voted through fresh funding for the city's public libraries."),
    ("Heavy snowfall closed the mountain pass and stranded hundreds of lorry drivers.",
     "Hundreds of truck drivers were stranded after heavy snow shut the mountain pass."),
    ("The football club sacked its manager after a fifth consecutive defeat.",
     "After losing five matches in a row, the club dismissed its manager."),
    ("Scientists reported a sharp decline in bee populations across northern farmland.",
     "Bee numbers on northern farmland have fallen sharply, scientists said."),
    ("The airline cancelled forty flights because of a strike by baggage handlers.",
     "Forty flights were cancelled as baggage handlers walked out on strike."),
    ("A museum in the old harbour reopened after three years of restoration work.",
     "After a three-year restoration, the harbour museum has opened its doors again."),
]


def document(texts: list[str], roles: list[str] | None = None) -> Document:
    """A Document whose sentences are ``texts``, one paragraph each."""
    roles = roles or ["body"] * len(texts)
    sentences, offset = [], 0
    for index, (text, role) in enumerate(zip(texts, roles, strict=True)):
        sentences.append(Sentence(index, index, role, text, offset, offset + len(text)))  # type: ignore[arg-type]
        offset += len(text) + 2
    return Document(None, "\n\n".join(texts), tuple(sentences))


def pairs(alignment: Alignment) -> set[tuple[int, int]]:
    """All (a, b) sentence pairs of the links."""
    return {(i, j) for link in alignment.links for i in link.a for j in link.b}


def groups(alignment: Alignment) -> set[tuple[tuple[int, ...], tuple[int, ...]]]:
    """The links as (A ids, B ids)."""
    return {(link.a, link.b) for link in alignment.links}


def assert_valid(alignment: Alignment, n_a: int, n_b: int) -> None:
    """Every sentence in at most one link, ids in range and sorted, scores in [0, 1]."""
    seen_a: set[int] = set()
    seen_b: set[int] = set()
    assert (alignment.n_a, alignment.n_b) == (n_a, n_b)
    for link in alignment.links:
        assert link.a and link.b
        assert list(link.a) == sorted(link.a) and list(link.b) == sorted(link.b)
        assert all(0 <= i < n_a for i in link.a) and all(0 <= j < n_b for j in link.b)
        assert not seen_a & set(link.a) and not seen_b & set(link.b)
        seen_a.update(link.a)
        seen_b.update(link.b)
        assert 0.0 <= link.score <= 1.0
        assert link.kind in ("strong", "partial")


def test_one_to_one_paraphrases_link_in_order() -> None:
    a = document([e[0] for e in EVENTS])
    b = document([e[1] for e in EVENTS])
    result = align_exclusive(a, b)
    assert_valid(result, 6, 6)
    assert groups(result) == {((i,), (i,)) for i in range(6)}


def test_split_sentence_links_one_to_two() -> None:
    a = document([EVENTS[0][0],
                  "The mayor said the plan would create two hundred jobs and the harbour bridge "
                  "would be repaired before winter.",
                  EVENTS[2][0]])
    b = document([EVENTS[0][1],
                  "The plan will create two hundred jobs, the mayor said.",
                  "Repairs to the harbour bridge will be finished before winter.",
                  EVENTS[2][1]])
    result = align_exclusive(a, b)
    assert_valid(result, 3, 4)
    assert ((1,), (1, 2)) in groups(result)
    assert pairs(result) == {(0, 0), (1, 1), (1, 2), (2, 3)}


def test_merged_sentences_link_two_to_one() -> None:
    a = document([EVENTS[1][0],
                  "Police said the driver of the bus was arrested.",
                  "He had been drinking before the crash, officers added.",
                  EVENTS[4][0]])
    b = document([EVENTS[1][1],
                  "Police arrested the bus driver, who had been drinking before the crash.",
                  EVENTS[4][1]])
    result = align_exclusive(a, b)
    assert_valid(result, 4, 3)
    assert ((1, 2), (1,)) in groups(result)
    assert pairs(result) == {(0, 0), (1, 1), (2, 1), (3, 2)}


def test_reordered_content_is_found() -> None:
    a = document([e[0] for e in EVENTS])
    order = [3, 4, 5, 0, 1, 2]
    b = document([EVENTS[k][1] for k in order])
    result = align_exclusive(a, b)
    assert_valid(result, 6, 6)
    assert pairs(result) == {(k, position) for position, k in enumerate(order)}


def test_one_side_only_sentences_stay_unlinked() -> None:
    a = document([EVENTS[0][0], EVENTS[1][0], EVENTS[2][0], EVENTS[3][0]])
    b = document([EVENTS[0][1], EVENTS[2][1], EVENTS[3][1], EVENTS[5][1]])
    result = align_exclusive(a, b)
    assert_valid(result, 4, 4)
    assert pairs(result) == {(0, 0), (2, 1), (3, 2)}
    assert result.only_in("a") == (1,)
    assert result.only_in("b") == (3,)


def test_identical_documents_are_all_strong_one_to_one() -> None:  # incl. two headlines
    texts = ["Library budget approved", *(e[0] for e in EVENTS), *(e[1] for e in EVENTS)]
    roles = ["title"] + ["body"] * 12
    result = align_exclusive(document(texts, roles), document(texts, roles))
    assert_valid(result, 13, 13)
    assert groups(result) == {((i,), (i,)) for i in range(13)}
    assert all(link.kind == "strong" and link.score == 1.0 for link in result.links)


def test_no_shared_content_gives_no_links() -> None:
    a = document(["Alpha beta gamma delta.", "Epsilon zeta eta theta."])
    b = document(["Iota kappa lambda mu.", "Nu xi omicron pi rho."])
    assert align_exclusive(a, b).links == ()


def test_empty_documents_give_no_links() -> None:
    assert align_exclusive(document([]), document([EVENTS[0][0]])).links == ()
    assert align_exclusive(document([EVENTS[0][0]]), document([])).links == ()


def test_headlines_link_only_to_each_other() -> None:
    a = document(["Library budget approved", EVENTS[0][0], EVENTS[1][0]],
                 ["title", "body", "body"])
    b = document(["Council backs library funding", EVENTS[0][1], EVENTS[1][1]],
                 ["title", "body", "body"])
    result = align_exclusive(a, b)
    assert_valid(result, 3, 3)
    assert pairs(result) == {(0, 0), (1, 1), (2, 2)}


def test_spelling_and_hyphen_variants_count_as_shared() -> None:
    a = document(["Foreign Minister Sergey Ivanov called for a de-escalation and a multi-polar "
                  "order.", EVENTS[2][0]])
    b = document(["Sergei Ivanov urged deescalation and multipolarity.", EVENTS[2][1]])
    result = align_exclusive(a, b)
    assert pairs(result) == {(0, 0), (1, 1)}
    assert result.links[0].kind == "partial"  # B carries only part of A's sentence


def test_german_pair_aligns_with_german_stemming() -> None:
    a = document([
        "Die Regierung hat am Dienstag ein neues Klimaschutzgesetz beschlossen.",
        "Der Verkehrsminister kündigte höhere Investitionen in die Bahn an.",
        "Umweltverbände kritisierten die Pläne als unzureichend.",
        "Das Gesetz soll im Herbst in Kraft treten.",
    ])
    b = document([
        "Umweltverbände halten die Pläne der Regierung für unzureichend.",
        "Am Dienstag beschloss die Regierung das neue Klimaschutzgesetz.",
        "In Kraft treten soll das Gesetz im Herbst.",
        "Die Opposition kündigte eine Klage vor dem Verfassungsgericht an.",
    ])
    result = align_exclusive(a, b, None, "de")
    assert_valid(result, 4, 4)
    assert pairs(result) == {(0, 1), (2, 0), (3, 2)}


def test_thresholds_are_settings() -> None:
    a = document([e[0] for e in EVENTS])
    b = document([e[1] for e in EVENTS])
    strict = AlignSettings(link_threshold=0.99, reorder_threshold=0.99, gap_threshold=0.99,
                           containment_threshold=1.01)
    assert align_exclusive(a, b, strict).links == ()


def test_sample_pair_through_the_pipeline_reaches_f1_088(gold: dict) -> None:
    # 0.93 with the hand-set pair rule; 0.889 with the learned scorer, whose threshold is chosen
    # by cross-validation over the BASIL pairs and this one (benchmarks/README.md).
    analysis = analyse_paths(SAMPLE_A, SAMPLE_B)  # many-to-many, against the updated gold

    def to_gold(document: Document, entries: list[dict]) -> dict[int, int]:
        index = {" ".join(e["text"].split()): e["i"] for e in entries}
        return {s.id: index[key] for s in document.sentences
                if (key := " ".join(s.text.split())) in index}

    map_a = to_gold(analysis.a, gold["a"])
    map_b = to_gold(analysis.b, gold["b"])
    found = {(map_a.get(i, -1), map_b.get(j, -1)) for i, j in pairs(analysis.alignment)}
    truth = {(link["a"], link["b"]) for link in gold["links"]}
    hits = len(found & truth)
    precision, recall = hits / len(found), hits / len(truth)
    f1 = 2 * precision * recall / (precision + recall)
    assert f1 >= 0.88, (precision, recall, sorted(found - truth), sorted(truth - found))


def test_word_diff_marks_the_words_the_other_side_lacks() -> None:
    a = document(["The council approved the library budget on Monday."])
    b = document(["On Monday the council rejected the library budget and the harbour plan."])
    link = align_exclusive(a, b).links[0]
    diff = word_diff(a, b, link)
    words_a = [a.sentences[s.sentence].text[s.start:s.end] for s in diff.a]
    words_b = [b.sentences[s.sentence].text[s.start:s.end] for s in diff.b]
    assert words_a == ["approved"]
    assert words_b == ["rejected", "harbour plan"]


def test_word_diff_spans_a_group_and_ignores_moved_and_variant_words() -> None:
    a = document(["Sergey Ivanov arrived in the capital.", "He met the president."])
    b = document(["The president met Sergei Ivanov, who had arrived in the capital by train."])
    link = align_exclusive(a, b).links[0]
    assert link.a == (0, 1)
    diff = word_diff(a, b, link)
    assert diff.a == ()
    assert [b.sentences[0].text[s.start:s.end] for s in diff.b] == ["train"]


def test_gold_files_align_without_errors() -> None:
    for path in sorted((ROOT / "benchmarks" / "gold").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        a = document([e["text"] for e in gold["a"]], [e["role"] for e in gold["a"]])
        b = document([e["text"] for e in gold["b"]], [e["role"] for e in gold["b"]])
        assert_valid(align_exclusive(a, b, None, gold.get("lang", "en")), len(a), len(b))


def test_numbers_match_across_separator_conventions() -> None:
    assert canonical_number("4,000") == canonical_number("4.000") == "4000"
    assert canonical_number("6,2") == canonical_number("6.2") == "6.2"
    assert canonical_number("1,234,567") == "1234567"
    assert canonical_number("2024") == "2024"


def test_german_compounds_share_their_parts() -> None:
    parts = compound_parts({"klimaschutzgesetz", "gesetz", "arbeitszeit", "zeit", "arbeit"})
    assert parts == {"klimaschutzgesetz": ["gesetz"], "arbeitszeit": ["arbeit", "zeit"]}
    a = document(["Die Gewerkschaft der Lokführer streikt seit Montag.", EVENTS[0][0]])
    b = document(["Die Lokführergewerkschaft hat einen Streik begonnen.", EVENTS[0][1]])
    assert align_exclusive(a, b, None, "de").link_of("a", 0) is not None


def test_word_diff_knows_compound_parts() -> None:
    a = document(["Die Gewerkschaft der Lokführer streikt seit Montag."])
    b = document(["Die Lokführergewerkschaft streikt seit Dienstag."])
    link = align_exclusive(a, b, None, "de").links[0]
    diff = word_diff(a, b, link, "de")
    assert [a.sentences[0].text[s.start:s.end] for s in diff.a] == ["Montag"]
    assert [b.sentences[0].text[s.start:s.end] for s in diff.b] == ["Dienstag"]


def test_number_words_meet_digits() -> None:
    from readerui.align.features import word_features
    from readerui.tokens import normalise

    assert word_features("twelve", "en")[0] == word_features("12", "en")[0]
    assert word_features(normalise("zwölf"), "de")[0] == "12"
    assert word_features("one", "en")[0] == "one"  # "one of them" is not a count
    a = document(["Workers rejected a plan for twelve-hour shifts at the depot.",
                  "The weather was mild."])
    b = document(["The rail depot staff said no to 12-hour shifts.", "Sales rose sharply."])
    assert (0, 0) in pairs(align_exclusive(a, b))


def test_an_acronym_meets_its_expansion() -> None:
    from readerui.align.features import _expansions

    assert _expansions("backed by the American Civil Liberties Union of Ohio", {"ACLU"}) == {
        "ACLU"}
    assert _expansions("backed by the American Civil Liberties Union", {"ECB"}) == set()
    a = document(["The lawsuit was backed by the American Civil Liberties Union.",
                  "Snow fell overnight in the hills."])
    b = document(["Rain is forecast for Tuesday.", "The ACLU welcomed the lawsuit's outcome."])
    assert (0, 1) in pairs(align_exclusive(a, b))
