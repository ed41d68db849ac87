"""Exports of the claims matrix: Markdown, HTML, JSON and CSV, with the notes."""

from __future__ import annotations

import csv
import io
import json

import pytest

from readerui.collation import assemble
from readerui.errors import ReaderError
from readerui.exports import COLLATION_FORMATS, format_of, render, render_collation
from readerui.exports.claims_csv import write_collation as to_claims_csv
from readerui.exports.claims_html import write_collation as to_claims_html
from readerui.exports.claims_json import write_collation as to_claims_json
from readerui.exports.claims_markdown import write_collation as to_claims_markdown
from readerui.model import Alignment, Analysis, Annotations, Collation, Link
from readerui.store.notes import Note
from test_align import document

TEXTS = [
    ["Ministers met in Geneva.", "They agreed on grain.", "A | table # <script>x</script>"],
    ["The ministers met in Geneva.", "Weather was cold.", "Grain deal agreed."],
    ["Grain deal agreed in Geneva.", "Istanbul is next.\x1b[31m", "=HYPERLINK(1)"],
]


@pytest.fixture
def collation() -> Collation:
    docs = [document(t) for t in TEXTS]

    def pair(i: int, j: int, links: tuple[Link, ...]) -> Analysis:
        return Analysis(docs[i], docs[j], Alignment(links, len(docs[i]), len(docs[j])),
                        Annotations.empty(len(docs[i]), len(docs[j])))

    pairs = {(0, 1): pair(0, 1, (Link((0,), (0,), 0.9, "strong"),
                                 Link((1,), (2,), 0.6, "strong"))),
             (0, 2): pair(0, 2, (Link((1,), (0,), 0.4, "partial"),)),
             (1, 2): pair(1, 2, (Link((2,), (0,), 0.8, "strong"),))}
    return assemble(docs, pairs)


NOTES = [Note("c", 1, "only C says so", "2026-01-01T00:00:00+00:00"),
         Note("a", 1, "", "2026-01-01T00:00:01+00:00", bookmark=True)]


def test_csv_has_one_row_per_claim_with_marks_sentences_and_notes(collation: Collation) -> None:
    rows = list(csv.DictReader(io.StringIO(to_claims_csv(collation, NOTES))))
    assert len(rows) == len(collation.claims)
    grain = next(r for r in rows if r["A_sentences"] == "2")
    assert (grain["A"], grain["B"], grain["C"], grain["accounts"]) == (
        "strong", "strong", "strong", "3")
    assert grain["B_sentences"] == "3" and grain["C_sentences"] == "1"
    assert "bookmark on A 2" in grain["notes"]
    istanbul = next(r for r in rows if r["C_sentences"] == "2")
    assert (istanbul["A"], istanbul["B"], istanbul["accounts"]) == ("", "", "1")
    assert istanbul["notes"] == "C 2: only C says so"
    assert "\x1b" not in to_claims_csv(collation, NOTES)


def test_markdown_matrix_marks_each_account_and_escapes_text(collation: Collation) -> None:
    text = to_claims_markdown(collation, NOTES)
    rows = [line for line in text.splitlines() if line.startswith("| ") and "Geneva" in line]
    assert any("| ┃ | ┃ | · |" in row for row in rows)  # the meeting: A and B only
    assert "<script>" not in text and "\\<script\\>" in text
    assert "\\|" in text  # a pipe in the text does not break the table
    assert "## Notes" in text and "only C says so (claim" in text
    assert "| A | — | 67% | 33% |" in text  # A: 2 of 3 carried by B, 1 of 3 by C


def test_html_page_is_self_contained_and_inert(collation: Collation) -> None:
    page = to_claims_html(collation, NOTES)
    assert page.startswith("<!DOCTYPE html>")
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert page.count('class="mark strong"') == sum(
        1 for c in collation.claims for k in range(3) if c.carried(k) == "strong")
    assert "only C says so" in page and "\x1b" not in page


def test_json_is_the_n_account_object_with_notes(collation: Collation) -> None:
    data = json.loads(to_claims_json(collation, NOTES))
    assert data["version"] == 2 and len(data["accounts"]) == 3
    assert len(data["claims"]) == len(collation.claims)
    on_c = next(n for n in data["notes"] if n["account"] == 2)
    assert [data["claims"][k]["carried"] for k in on_c["claims"]] == [[None, None, "strong"]]


def test_the_formats_are_in_the_export_registry_for_a_pair(collation: Collation) -> None:
    assert format_of("r.claims.csv") == "claims-csv" and format_of("r.csv") == "csv"
    assert format_of("r.claims.md") == "claims-md"
    pair = collation.pairs[(0, 1)]
    rows = list(csv.DictReader(io.StringIO(render(pair, "claims-csv", NOTES[1:]))))
    assert list(rows[0])[:4] == ["claim", "accounts", "A", "B"]
    assert sum(1 for r in rows if r["accounts"] == "2") == 2
    for name in COLLATION_FORMATS:
        assert render_collation(collation, name, NOTES)
    with pytest.raises(ReaderError, match="two accounts only"):
        render_collation(collation, "md")


def test_csv_cells_never_start_a_spreadsheet_formula(collation: Collation) -> None:
    rows = list(csv.reader(io.StringIO(to_claims_csv(collation, NOTES))))
    texts = [cell for row in rows for cell in row if "HYPERLINK" in cell]
    assert texts == ["'=HYPERLINK(1)"]
