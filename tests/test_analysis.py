"""The pipeline's own rules (the stages have their own tests)."""

from __future__ import annotations

import pytest

from readerui.analysis import complete_year
from readerui.model import Document, Metadata


def doc(date: str | None) -> Document:
    return Document(None, "", (), Metadata(date=date))


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
    assert complete_year(doc(mine), doc(other)).meta.date == expected


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
