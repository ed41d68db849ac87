"""The pipeline's own rules (the stages have their own tests)."""

from __future__ import annotations

import json

import pytest

from readerui.analysis import complete_year


@pytest.mark.parametrize(
    ("mine", "other", "expected"),
    [
        ("--03-30", "2022-03-30", "2022-03-30"),
        ("--03-31", "2022-03-30", "2022-03-31"),
        ("--12-31", "2023-01-02", "2022-12-31"),  # across new year
        ("--01-02", "2022-12-30", "2023-01-02"),
        ("--06-01", "2022-03-30", "--06-01"),  # months apart: not the same event, leave it
        ("--02-30", "2022-03-01", "--02-30"),  # no such day
        ("2021-05-05", "2022-03-30", "2021-05-05"),  # full dates are kept
        ("--03-30", None, "--03-30"),
        (None, "2022-03-30", None),
    ],
)
def test_complete_year(mine: str | None, other: str | None, expected: str | None) -> None:
    assert complete_year(mine, other) == expected


def test_a_completed_year_is_the_analysis_metadata_and_the_documents_stay_as_loaded() -> None:
    from readerui.analysis import analyse, load_document
    from readerui.exports import to_contract
    from readerui.samples import sample_paths

    loaded = [load_document(path) for path in sample_paths()]
    analysis = analyse(*loaded)
    assert (analysis.a, analysis.b) == tuple(loaded)  # nothing rewritten
    given = [doc.meta.date for doc in loaded]
    shown = [analysis.date(side) for side in ("a", "b")]
    assert any(d and d.startswith("--") for d in given), "one account gives no year"
    assert all(d and not d.startswith("--") for d in shown)  # the analysis completed it
    assert [analysis.meta(side).date for side in ("a", "b")] == shown
    contract = to_contract(analysis)
    assert [contract["a"]["date"], contract["b"]["date"]] == shown


def test_parallel_analysis_equals_serial(monkeypatch) -> None:
    """Annotating in a second process gives the same analysis as doing it all in this one."""
    from pathlib import Path

    from readerui import analysis
    from readerui.exports import to_contract

    root = Path(__file__).resolve().parents[1]
    a = analysis.load_document(root / "sample_texts" / "mfa_readout.txt")
    b = analysis.load_document(root / "sample_texts" / "xinhua_report.txt")
    monkeypatch.setattr(analysis, "PARALLEL_MIN_SENTENCES", 2)
    parallel = analysis.analyse(a, b)
    serial = analysis.analyse(a, b, parallel=False)
    assert to_contract(parallel) == to_contract(serial)
    assert parallel.annotations.speakers, "the child process really annotated"


def test_several_accounts_complete_a_year_without_rewriting_the_documents() -> None:
    from readerui.analysis import load_document
    from readerui.collation import collate
    from readerui.exports.registry import render_collation
    from readerui.samples import sample_paths

    loaded = [load_document(path) for path in sample_paths()]
    loaded.append(loaded[0])  # a third account: the sample's first again
    collation = collate(loaded, workers=1)
    given = [doc.meta.date for doc in loaded]
    assert [doc.meta.date for doc in collation.documents] == given  # nothing rewritten
    missing = next(k for k, d in enumerate(given) if d and d.startswith("--"))
    completed = collation.meta(missing).date
    assert completed and not completed.startswith("--") and completed.endswith(given[missing][2:])
    assert collation.pair(0, 2).meta("a").date == collation.meta(0).date
    exported = json.loads(render_collation(collation, "claims-json"))
    assert [a["date"] for a in exported["accounts"]] == [collation.meta(k).date
                                                       for k in range(3)]
