"""The fast indented JSON writer gives exactly the standard library's text."""

from __future__ import annotations

import json
from typing import Any

import pytest

from readerui.jsontext import dumps_indented

CASES: list[Any] = [
    {}, [], "text", 3, -0.0, 1e100, None, True,
    {"a": [], "b": {}, "c": [[]], "d": [{}], "e": {"f": {"g": [1, [2, [3]]]}}},
    {"mixed": [1, 2.5, None, True, False, "é\u2028\"\\\n\x1b", float("nan"), float("inf"),
               -float("inf"), (4, 5)]},
    {"sentences": [{"id": k, "text": f"Sentence {k} “quoted”", "topics": ["x"] * (k % 3),
                    "speaker": None if k % 2 else "Ana"} for k in range(20)]},
    {1: "int key"}, {"set": {1, 2}}, {"nested": {2.5: "float key"}},
]


@pytest.mark.parametrize("value", CASES)
@pytest.mark.parametrize("indent", [0, 1, 2, 4])
def test_same_text_as_json_dumps(value: Any, indent: int) -> None:
    try:
        expected: str | None = json.dumps(value, ensure_ascii=False, indent=indent)
    except TypeError:
        expected = None
    if expected is None:
        with pytest.raises(TypeError):
            dumps_indented(value, indent)
    else:
        assert dumps_indented(value, indent) == expected


def test_the_contract_of_a_pair_is_written_as_json_dumps_writes_it() -> None:
    from pathlib import Path

    from readerui.analysis import analyse, load_document
    from readerui.exports.contract import to_contract, to_json
    from readerui.sanitise import json_inert

    root = Path(__file__).resolve().parent.parent / "sample_texts"
    analysis = analyse(load_document(root / "mfa_readout.txt"),
                       load_document(root / "xinhua_report.txt"))
    expected = json_inert(json.dumps(to_contract(analysis), ensure_ascii=False, indent=2))
    assert to_json(analysis) == expected
    assert json.loads(to_json(analysis))["links"]
