"""The ``readerui align`` command as scripts and other tools use it (real subprocesses)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_A = ROOT / "sample_texts" / "mfa_readout.txt"
SAMPLE_B = ROOT / "sample_texts" / "xinhua_report.txt"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real command line in a fresh interpreter."""
    return subprocess.run([sys.executable, "-m", "readerui", *args], capture_output=True,
                          text=True, cwd=cwd or ROOT, env={**os.environ, "COLUMNS": "100"},
                          timeout=120)


def check_contract(obj: dict) -> None:
    """Assert the object has the contract's shape and invariants."""
    assert obj["version"] == 2
    for side in ("a", "b"):
        doc = obj[side]
        for key in ("path", "title", "date", "source", "lang", "sentences"):
            assert key in doc
        for index, s in enumerate(doc["sentences"]):
            assert s["id"] == index
            assert s["role"] in {"title", "body", "dateline"}
            assert isinstance(s["paragraph"], int) and s["paragraph"] >= 0
            assert isinstance(s["text"], str) and s["text"].strip() == s["text"] and s["text"]
            assert s["speaker"] is None or isinstance(s["speaker"], str)
            assert all(isinstance(t, str) for t in s["topics"])
        paragraphs = [s["paragraph"] for s in doc["sentences"]]
        assert paragraphs == sorted(paragraphs)
    seen: set[tuple[int, int]] = set()
    for link in obj["links"]:
        assert link["kind"] in {"strong", "partial"}
        assert 0.0 <= link["score"] <= 1.0
        assert link["a"] and link["b"]
        for side in ("a", "b"):
            n = len(obj[side]["sentences"])
            assert all(0 <= i < n for i in link[side])
        pairs = {(i, j) for i in link["a"] for j in link["b"]}
        assert not seen & pairs, f"a pair of sentences is in two links: {seen & pairs}"
        seen |= pairs
    for speaker in obj["speakers"]:
        assert isinstance(speaker["name"], str) and isinstance(speaker["aliases"], list)
    for topic in obj["topics"]:
        assert isinstance(topic["name"], str) and isinstance(topic["terms"], list)
        for side in ("a", "b"):
            n = len(obj[side]["sentences"])
            assert all(0 <= i < n for i in topic[side])
            for i in topic[side]:
                assert topic["name"] in obj[side]["sentences"][i]["topics"]


def test_align_json_on_the_sample_pair_by_default() -> None:
    result = run("align", "--json")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    obj = json.loads(result.stdout)
    check_contract(obj)
    assert Path(obj["a"]["path"]).name == "mfa_readout.txt"
    assert Path(obj["b"]["path"]).name == "xinhua_report.txt"
    assert obj["links"], "the sample accounts share content"


def test_align_json_with_explicit_paths_matches_default(tmp_path: Path) -> None:
    explicit = json.loads(run("align", "--json", str(SAMPLE_A), str(SAMPLE_B)).stdout)
    default = json.loads(run("align", "--json").stdout)
    for side in ("a", "b"):
        explicit[side].pop("path")
        default[side].pop("path")
    assert explicit == default


def test_align_summary_is_readable_text() -> None:
    result = run("align")
    assert result.returncode == 0, result.stderr
    assert "A only" in result.stdout or "B only" in result.stdout
    assert "\x1b" not in result.stdout  # no colour codes when piped


def test_lines_input_is_taken_as_is(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("The council approved the budget.\nIt takes effect in May.\n\nHome > News\n")
    b.write_text("The budget was approved by the council.\n\nNothing else happened here.\n")
    result = run("align", "--json", "--lines", str(a), str(b))
    assert result.returncode == 0, result.stderr
    obj = json.loads(result.stdout)
    check_contract(obj)
    assert [s["text"] for s in obj["a"]["sentences"]] == [
        "The council approved the budget.", "It takes effect in May.", "Home > News"]
    assert [s["paragraph"] for s in obj["a"]["sentences"]] == [0, 0, 1]
    assert [s["paragraph"] for s in obj["b"]["sentences"]] == [0, 1]
    assert any(link["a"] == [0] and link["b"] == [0] for link in obj["links"])


def make_bad_inputs(tmp_path: Path) -> dict[str, Path]:
    binary = tmp_path / "image.bin"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.txt"
    blank.write_text("  \n\n\t \n")
    big = tmp_path / "big.txt"
    big.write_text("A sentence that repeats. " * 200)
    folder = tmp_path / "folder"
    folder.mkdir()
    return {"missing": tmp_path / "nope.txt", "directory": folder, "binary": binary,
            "empty": empty, "blank": blank, "too large": big}


@pytest.mark.parametrize("kind", ["missing", "directory", "binary", "empty", "blank", "too large"])
def test_bad_input_gives_one_line_and_nonzero_exit(tmp_path: Path, kind: str) -> None:
    bad = make_bad_inputs(tmp_path)[kind]
    good = tmp_path / "good.txt"
    good.write_text("A short account that is fine.\n")
    extra = ["--max-size", "1k"] if kind == "too large" else []
    for args in (["align", "--json", *extra, str(bad), str(good)],
                 ["align", *extra, str(good), str(bad)]):
        result = run(*args)
        assert result.returncode != 0
        assert result.stdout == ""
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, result.stderr
        assert "Traceback" not in result.stderr
        assert lines[0].startswith("readerui: error:")
        assert bad.name in lines[0]


def test_reader_refuses_bad_input_before_starting_the_ui(tmp_path: Path) -> None:
    bad = make_bad_inputs(tmp_path)["binary"]
    result = run(str(bad), str(SAMPLE_B))
    assert result.returncode != 0 and result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1


def test_wrong_argument_count_is_one_line() -> None:
    result = run("align", str(SAMPLE_A))
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "two files" in result.stderr


def test_inputs_are_never_written(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_bytes(SAMPLE_A.read_bytes())
    b.write_bytes(SAMPLE_B.read_bytes())
    before = [(p.read_bytes(), p.stat().st_mtime_ns) for p in (a, b)]
    assert run("align", "--json", str(a), str(b)).returncode == 0
    assert run("align", str(a), str(b)).returncode == 0
    assert [(p.read_bytes(), p.stat().st_mtime_ns) for p in (a, b)] == before


def test_batch_prints_one_object_per_pair_in_order(tmp_path: Path) -> None:
    texts = {
        "x1.txt": "The mayor opened the new bridge on Monday.\nTraffic will start next week.\n",
        "y1.txt": "On Monday the new bridge was opened by the mayor.\n",
        "x2.txt": "Rain is expected over the weekend.\n",
        "y2.txt": "Forecasters expect rain this weekend.\nTemperatures will fall.\n",
        "x3.txt": "Shares rose three percent.\n",
        "y3.txt": "Stocks climbed by three percent.\n",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text)
    listing = tmp_path / "pairs.tsv"
    listing.write_text("x1.txt\ty1.txt\n# a comment\nx2.txt\ty2.txt\n\nx3.txt\ty3.txt\n")
    result = run("align", "--lines", "--batch", str(listing), "--jobs", "2", cwd=Path("/"))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    objects = [json.loads(line) for line in lines]
    for obj in objects:
        check_contract(obj)
    assert [Path(o["a"]["path"]).name for o in objects] == ["x1.txt", "x2.txt", "x3.txt"]
    assert len(objects[1]["b"]["sentences"]) == 2


def test_batch_reports_a_failing_pair_on_its_line(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text("One sentence here.\n")
    listing = tmp_path / "pairs.tsv"
    listing.write_text("ok.txt\tok.txt\nok.txt\tmissing.txt\n")
    result = run("align", "--lines", "--batch", str(listing))
    assert result.returncode == 1
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert "error" not in first and "missing.txt" in second["error"]
    assert len(result.stderr.strip().splitlines()) == 1


def test_batch_with_malformed_line_is_one_line_error(tmp_path: Path) -> None:
    listing = tmp_path / "pairs.tsv"
    listing.write_text("only-one-column.txt\n")
    result = run("align", "--batch", str(listing))
    assert result.returncode != 0 and result.stdout == ""
    assert "pairs.tsv:1" in result.stderr


@pytest.mark.parametrize("size", ["inf", "nan", "9999999999999G", "0", "-5", "abc"])
def test_impossible_sizes_are_one_line_errors(size: str) -> None:
    result = run("align", "--max-size", size, str(SAMPLE_A), str(SAMPLE_B))
    assert result.returncode == 2 and result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_input_from_a_pipe_is_read_once(tmp_path: Path) -> None:
    """A pipe (bash's <(...)) can be read only once: the cache must not use it up."""
    script = ('readerui align --json <(echo "The mayor opened the bridge.") '
              '<(echo "The bridge was opened by the mayor.")')
    result = subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=120,
                            env=os.environ.copy())
    assert result.returncode == 0, result.stderr
    obj = json.loads(result.stdout)
    assert [link["a"] for link in obj["links"]] == [[0]]


def test_an_endless_device_is_refused_quickly() -> None:
    result = run("align", "/dev/zero", str(SAMPLE_B))
    assert result.returncode == 1 and "/dev/zero" in result.stderr


def test_control_characters_in_a_file_name_do_not_reach_the_terminal(tmp_path: Path) -> None:
    result = run("align", str(SAMPLE_A), str(tmp_path / "x\x1b[31m\nred.txt"))
    assert result.returncode == 1
    assert "\x1b" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_batch_counts_failures_by_outcome_not_by_text(tmp_path: Path) -> None:
    (tmp_path / "error").write_text('"error" is a word this account uses.\n')
    listing = tmp_path / "pairs.tsv"
    listing.write_text("error\terror\n")
    result = run("align", "--lines", "--batch", str(listing))
    assert result.returncode == 0, result.stderr
    assert "error" not in json.loads(result.stdout)


def test_jobs_must_be_positive(tmp_path: Path) -> None:
    result = run("align", "--batch", str(tmp_path / "x"), "--jobs", "-3")
    assert result.returncode == 2 and "--jobs" in result.stderr


def test_export_does_not_create_missing_folders(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "report.html"
    result = run("export", str(SAMPLE_A), str(SAMPLE_B), "-o", str(target))
    assert result.returncode != 0 and len(result.stderr.strip().splitlines()) == 1
    assert not target.parent.exists()


def test_align_summary_has_a_legend_of_its_link_glyphs() -> None:
    result = run("align")
    assert result.returncode == 0, result.stderr
    legend = " ".join(result.stdout.strip().splitlines()[-3:])  # wrapped to the width
    assert "═ strong" in legend and "┄ partial" in legend
