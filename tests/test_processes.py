"""Batches that meet hanging pairs, killed workers and Ctrl-C; a closed output pipe; children
that die with their parent; temporary files of killed writers; config values checked."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from readerui import store
from readerui.store.atomic import clean_stale_temps

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_A = ROOT / "sample_texts" / "mfa_readout.txt"
SAMPLE_B = ROOT / "sample_texts" / "xinhua_report.txt"
DEADLINE = 120.0


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "readerui", *args]


def big_pair(folder: Path, sentences: int) -> tuple[str, str]:
    """A pair that takes a while: ``sentences`` distinct sentences a side. The tests that stop
    one mid-way use sizes far beyond what they need, so a faster engine, or an idle machine,
    does not finish the work before the test's signal arrives."""
    subjects = ["The minister", "The council", "Officials", "The court", "Farmers", "The bank"]
    objects = ["the budget", "the harbour plan", "fuel taxes", "the inquiry", "night flights"]
    lines_a = [f"{subjects[i % 6]} discussed {objects[i % 5]} worth {i} million on day {i}."
               for i in range(sentences)]
    lines_b = [f"{subjects[i % 6]} debated {objects[i % 5]} worth {i} million on day {i}."
               for i in range(sentences)]
    a, b = folder / "big_a.txt", folder / "big_b.txt"
    a.write_text("\n".join(lines_a) + "\n")
    b.write_text("\n".join(lines_b) + "\n")
    return a.name, b.name


def small_pairs(folder: Path, count: int) -> list[tuple[str, str]]:
    pairs = []
    for i in range(count):
        a, b = folder / f"s{i}_a.txt", folder / f"s{i}_b.txt"
        a.write_text(f"The mayor opened bridge number {i} on Monday.\n")
        b.write_text(f"Bridge number {i} was opened by the mayor on Monday.\n")
        pairs.append((a.name, b.name))
    return pairs


def answered_paths(stdout: str) -> list[str]:
    """The A path each output line answers (an analysis or an error line)."""
    paths = []
    for line in stdout.splitlines():
        obj = json.loads(line)
        paths.append(obj["a_path"] if "error" in obj else obj["a"]["path"])
    return paths


def children_of(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def cpu_ticks(pid: int) -> int:
    """User plus system CPU time of a process, in clock ticks (0 when it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0
    return int(fields[11]) + int(fields[12])


def test_a_pair_over_the_time_limit_gets_an_error_line_and_the_batch_goes_on(
        tmp_path: Path) -> None:
    pairs = small_pairs(tmp_path, 2)
    # far beyond 2 s on any machine (6,000 sentences came within it once the engine got faster)
    pairs.insert(1, big_pair(tmp_path, 24000))
    listing = tmp_path / "pairs.tsv"
    listing.write_text("".join(f"{a}\t{b}\n" for a, b in pairs))
    for jobs in ("1", "2"):
        result = subprocess.run(command("align", "--lines", "--batch", str(listing), "--jobs",
                                        jobs, "--timeout", "2"),
                                capture_output=True, text=True, timeout=DEADLINE)
        assert result.returncode == 1
        assert answered_paths(result.stdout) == [str(tmp_path / a) for a, _ in pairs]
        errors = [json.loads(line) for line in result.stdout.splitlines()]
        assert "error" in errors[1] and "within 2 s" in errors[1]["error"]
        assert "error" not in errors[0] and "error" not in errors[2]
        assert "Traceback" not in result.stderr


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="finds the workers through /proc")
def test_a_killed_worker_answers_its_pair_and_every_pair_is_answered_in_order(
        tmp_path: Path) -> None:
    pairs = [big_pair(tmp_path, 20000), *small_pairs(tmp_path, 29)]
    listing = tmp_path / "pairs.tsv"
    listing.write_text("".join(f"{a}\t{b}\n" for a, b in pairs))
    process = subprocess.Popen(command("align", "--lines", "--batch", str(listing), "--jobs",
                                       "2"), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)
    deadline = time.monotonic() + DEADLINE
    busy = None
    while busy is None and time.monotonic() < deadline and process.poll() is None:
        # the worker on the big pair: the one that has used a second of CPU
        busy = next((pid for pid in children_of(process.pid) if cpu_ticks(pid) >= 100), None)
        time.sleep(0.05)
    assert busy is not None, "no worker got busy"
    os.kill(busy, signal.SIGKILL)
    stdout, stderr = process.communicate(timeout=DEADLINE)
    assert answered_paths(stdout) == [str(tmp_path / a) for a, _ in pairs]
    assert "Traceback" not in stderr
    killed = [json.loads(line) for line in stdout.splitlines() if '"error"' in line]
    assert killed and all("killed" in k["error"] or "ended" in k["error"] for k in killed)
    assert killed[0]["a_path"] == str(tmp_path / pairs[0][0])


def test_ctrl_c_ends_a_batch_cleanly(tmp_path: Path) -> None:
    pairs = [big_pair(tmp_path, 12000)] * 3
    listing = tmp_path / "pairs.tsv"
    listing.write_text("".join(f"{a}\t{b}\n" for a, b in pairs))
    process = subprocess.Popen(command("align", "--lines", "--batch", str(listing), "--jobs",
                                       "2"), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, start_new_session=True)
    deadline = time.monotonic() + DEADLINE
    while time.monotonic() < deadline and len(children_of(process.pid)) < 2:
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGINT)  # as a terminal's Ctrl-C: the whole group
    _, stderr = process.communicate(timeout=DEADLINE)
    assert process.returncode == 130
    assert "Traceback" not in stderr and stderr.strip() == "readerui: interrupted"
    deadline = time.monotonic() + DEADLINE  # the workers end with their parent
    while time.monotonic() < deadline and children_of(process.pid):
        time.sleep(0.05)
    assert children_of(process.pid) == []


@pytest.mark.parametrize("args", [["align"], ["align", "--json"], ["export"]])
def test_a_closed_output_pipe_ends_quietly(args: list[str]) -> None:
    script = (f"{' '.join(map(str, command(*args)))} {SAMPLE_A} {SAMPLE_B} | head -c 10 "
              ">/dev/null; echo ${PIPESTATUS[0]}")
    result = subprocess.run(["bash", "-c", script], capture_output=True, text=True,
                            timeout=DEADLINE)
    assert result.stdout.strip() in ("0", "141")
    assert result.stderr == ""


def test_a_child_dies_with_its_parent(tmp_path: Path) -> None:
    """The reader's analysis child (and batch workers) end when the parent is killed."""
    pid_file = tmp_path / "child.pid"
    parent_code = f"""
import multiprocessing, os, sys, time
from readerui.lifeline import die_with_parent

def child(parent):
    die_with_parent(parent)
    open({str(pid_file)!r}, "w").write(str(os.getpid()))
    time.sleep(600)

if __name__ == "__main__":
    context = multiprocessing.get_context("spawn")
    context.Process(target=child, args=(os.getpid(),)).start()
    time.sleep(600)
"""
    script = tmp_path / "parent.py"
    script.write_text(parent_code)
    parent = subprocess.Popen([sys.executable, str(script)])
    deadline = time.monotonic() + DEADLINE
    while not pid_file.exists() or not pid_file.read_text():
        assert time.monotonic() < deadline, "the child never started"
        time.sleep(0.05)
    child = int(pid_file.read_text())
    parent.kill()
    parent.wait()
    while time.monotonic() < deadline:
        try:
            os.kill(child, 0)
        except ProcessLookupError:
            break
        stat = Path(f"/proc/{child}/stat")
        if stat.exists() and stat.read_text().rsplit(")", 1)[1].split()[0] == "Z":
            break  # a zombie waiting for its reaper: it has ended
        time.sleep(0.05)
    else:
        os.kill(child, signal.SIGKILL)
        pytest.fail("the child outlived its parent")


def test_temporary_files_of_killed_writers_are_removed_on_start(tmp_path: Path) -> None:
    state = store.locations().state_dir
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = state / f".recent.json.{dead.pid}-abc123.tmp"
    live = state / f".recent.json.{os.getpid()}-def456.tmp"
    old = state / ".recent.json.xyz.tmp"
    for path in (stale, live, old):
        path.write_text("half written")
    os.utime(old, (0, 0))
    result = subprocess.run(command("--recent"), capture_output=True, text=True,
                            timeout=DEADLINE)
    assert result.returncode == 0
    assert not stale.exists() and not old.exists() and live.exists()
    assert clean_stale_temps([state]) == []


def test_unknown_lang_in_config_is_one_warning_naming_the_key() -> None:
    config_file = store.locations().config_file
    config_file.write_text('lang = "zz"\n')
    config = store.load_config()
    assert len(config.warnings) == 1 and "'lang'" in config.warnings[0]
    config_file.write_text('lang = "auto"\n')
    assert store.load_config().warnings == ()
    config_file.write_text('lang = "de"\nmax_sentences = 0\n')
    warnings = store.load_config().warnings
    assert len(warnings) == 1 and "'max_sentences'" in warnings[0]


def test_ctrl_c_ends_a_big_align_without_tracebacks_from_its_helper(tmp_path: Path) -> None:
    """A big pair is annotated in a helper process; Ctrl-C reaches both, only one line shows."""
    a, b = big_pair(tmp_path, 20000)
    process = subprocess.Popen(command("align", "--lines", "--no-cache", str(tmp_path / a),
                                       str(tmp_path / b)), stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + DEADLINE
    while time.monotonic() < deadline and not any(cpu_ticks(pid) >= 5  # starting up
                                                   for pid in children_of(process.pid)):
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGINT)
    _, stderr = process.communicate(timeout=DEADLINE)
    assert process.returncode == 130
    assert stderr.strip() == "readerui: interrupted"
