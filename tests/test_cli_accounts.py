"""`readerui align A B C …` and `readerui export A B C …`: the N-account JSON object, the claims
exports; two accounts print exactly the contract object they always did."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from readerui.analysis import analyse, load_document
from readerui.collation import collate
from readerui.exports import to_json
from test_cli import ROOT, SAMPLE_A, SAMPLE_B, run

TEXTS = [
    "Talks in Geneva\n\nThe foreign ministers of the two countries met in Geneva on Monday.\n"
    "They agreed to reopen the grain corridor next month.\nThe weather was cold.\n",
    "Ministers meet in Geneva\n\nTwo foreign ministers held talks in Geneva on Monday.\n"
    "The grain corridor is to reopen next month, they agreed.\nA new round is planned.\n",
    "Geneva meeting\n\nThe grain corridor will reopen next month after talks in Geneva.\n"
    "Observers were sceptical.\n",
]
DATA_PAIR = (ROOT / "tests" / "data" / "ingest" / "gov_readout.txt",
             ROOT / "tests" / "data" / "ingest" / "agency_paste.txt")


@pytest.fixture
def three(tmp_path: Path) -> list[str]:
    paths = []
    for name, text in zip("xyz", TEXTS, strict=True):
        path = tmp_path / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


@pytest.mark.parametrize("pair", [(SAMPLE_A, SAMPLE_B), DATA_PAIR], ids=["sample", "data"])
def test_two_accounts_print_the_contract_object_byte_for_byte(pair: tuple[Path, Path]) -> None:
    # the two-account output is the contract object of the two-account pipeline, exactly: not
    # the N-account shape, and the same bytes whether or not it passes through a collation
    result = run("align", "--no-cache", str(pair[0]), str(pair[1]), "--json")
    assert result.returncode == 0, result.stderr
    a, b = load_document(pair[0]), load_document(pair[1])
    direct = to_json(analyse(a, b)) + "\n"
    assert result.stdout == direct
    assert to_json(collate([a, b]).pairs[(0, 1)]) + "\n" == direct
    assert set(json.loads(result.stdout)) >= {"version", "a", "b", "links"}


def test_three_accounts_print_the_n_account_object(three: list[str]) -> None:
    result = run("align", "--lines", *three, "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["version"] == 2 and "a" not in data
    assert [a["label"] for a in data["accounts"]] == ["A", "B", "C"]
    assert [a["path"] for a in data["accounts"]] == three
    assert [(p["a"], p["b"]) for p in data["pairs"]] == [(0, 1), (0, 2), (1, 2)]
    for pair in data["pairs"]:
        for link in pair["links"]:
            assert set(link) == {"a", "b", "score", "kind"}
            assert all(0 <= i < len(data["accounts"][pair["a"]]["sentences"]) for i in link["a"])
    homes = sorted((m["account"], m["sentence"]) for c in data["claims"] for m in c["members"]
                   if m["home"])
    every = sorted((k, s["id"]) for k, acc in enumerate(data["accounts"])
                   for s in acc["sentences"])
    assert homes == every  # each sentence is the home of exactly one claim
    grain = next(c for c in data["claims"] if any(
        "grain" in data["accounts"][m["account"]]["sentences"][m["sentence"]]["text"]
        for m in c["members"]))
    assert None not in grain["carried"]  # all three carry the reopening


def test_three_accounts_readable_summary(three: list[str]) -> None:
    result = run("align", "--lines", *three)
    assert result.returncode == 0, result.stderr
    assert "share carried" in result.stdout and "claims; carried by 3 accounts" in result.stdout


def test_nine_accounts_are_refused_in_one_line(three: list[str]) -> None:
    result = run("align", *(three * 3), "--json")
    assert result.returncode == 2 and result.stdout == ""
    assert "2 to 8" in result.stderr and "Traceback" not in result.stderr


def test_export_of_three_accounts_writes_the_claims_matrix(three: list[str],
                                                           tmp_path: Path) -> None:
    target = tmp_path / "out.claims.csv"
    result = run("export", "--lines", *three, "-o", str(target))
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert rows and {"A", "B", "C", "claim", "notes"} <= set(rows[0])
    refused = run("export", "--lines", *three, "-f", "md")
    assert refused.returncode != 0 and refused.stdout == ""
    assert "two accounts only" in refused.stderr and len(refused.stderr.splitlines()) == 1
    markdown = run("export", "--lines", *three)
    assert markdown.returncode == 0 and markdown.stdout.startswith("# Claims of 3 accounts")
