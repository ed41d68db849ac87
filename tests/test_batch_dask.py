"""``align --batch LIST --dask ADDRESS``: the same JSON lines as ``--batch`` alone, byte for
byte, from a Dask LocalCluster; and the corpus function that both run."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from readerui import cli

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import generate  # noqa: E402  (benchmarks/generate.py: pairs with known truth)


def write_pairs(folder: Path, count: int) -> Path:
    """``count`` generated pairs of 4-12 sentences a side, one missing file, and their list."""
    lines = []
    for i in range(count):
        pair = generate(4 + i % 9, seed=i)
        (folder / f"{i}a.txt").write_text("\n".join(pair.a) + "\n", encoding="utf-8")
        (folder / f"{i}b.txt").write_text("\n".join(pair.b) + "\n", encoding="utf-8")
        lines.append(f"{i}a.txt\t{i}b.txt")
    lines.insert(count // 2, "no-such-file.txt\t0b.txt")  # a failing pair keeps its place
    listing = folder / "pairs.tsv"
    listing.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return listing


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    """A two-worker LocalCluster in this process (threads); yields its scheduler address."""
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as local:
        yield local.scheduler_address


def test_dask_lines_equal_batch_lines_byte_for_byte(tmp_path: Path, cluster: str,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    listing = write_pairs(tmp_path, 200)
    code = cli.main(["align", "--lines", "--batch", str(listing), "--jobs", "1"])
    plain, plain_err = capsys.readouterr()
    code_dask = cli.main(["align", "--lines", "--batch", str(listing), "--dask", cluster])
    on_dask, dask_err = capsys.readouterr()
    assert code == code_dask == 1  # the missing file
    assert dask_err == plain_err
    assert on_dask.encode("utf-8") == plain.encode("utf-8")
    objects = [json.loads(line) for line in plain.splitlines()]
    assert len(objects) == 201
    assert "error" in objects[100] and "no-such-file.txt" in objects[100]["a_path"]
    assert sum("error" in obj for obj in objects) == 1
    firsts = [obj["a"]["sentences"][0]["text"] for obj in objects if "error" not in obj]
    assert len(set(firsts)) > 150  # in order and not one pair repeated


def test_the_window_keeps_order_when_it_is_small(tmp_path: Path, cluster: str,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    from readerui import batch_dask

    listing = write_pairs(tmp_path, 12)
    cli.main(["align", "--lines", "--batch", str(listing), "--jobs", "1"])
    plain, _ = capsys.readouterr()
    monkeypatch.setattr(batch_dask, "WINDOW", 3)
    cli.main(["align", "--lines", "--batch", str(listing), "--dask", cluster])
    assert capsys.readouterr().out == plain


def test_a_task_that_raises_is_one_line(cluster: str) -> None:
    from readerui.batch_dask import dask_map
    from readerui.errors import ReaderError

    def fragile(n: int) -> int:
        if n == 2:
            raise RuntimeError("worker lost")
        return n * 10

    assert list(dask_map(fragile, [0, 1, 2, 3], cluster, failed=lambda n, e: -n)) == \
        [0, 10, -2, 30]
    with pytest.raises(ReaderError, match=r"pair 3 of the list failed on the cluster"):
        list(dask_map(fragile, [0, 1, 2, 3], cluster))


def test_dask_local_starts_worker_processes(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    listing = write_pairs(tmp_path, 3)
    args = ["align", "--lines", "--batch", str(listing)]
    plain = subprocess.run([sys.executable, "-m", "readerui", *args], capture_output=True,
                           text=True, timeout=300)
    local = subprocess.run([sys.executable, "-m", "readerui", *args, "--dask", "local",
                            "--jobs", "2"], capture_output=True, text=True, timeout=300)
    assert local.returncode == plain.returncode == 1
    assert local.stdout == plain.stdout and len(local.stdout.splitlines()) == 4
    assert local.stderr == plain.stderr  # no Dask log lines


def test_unreachable_scheduler_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("distributed")
    import socket

    from readerui import batch_dask

    monkeypatch.setattr(batch_dask, "CONNECT_TIMEOUT", "2s")

    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    listing = write_pairs(tmp_path, 1)
    code = cli.main(["align", "--lines", "--batch", str(listing), "--dask",
                     f"tcp://127.0.0.1:{port}"])
    out, err = capsys.readouterr()
    assert code == 1 and out == "" and err.count("\n") == 1
    assert "cannot reach the Dask scheduler" in err


def test_dask_without_batch_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        cli.main(["align", "--dask", "local", "a.txt", "b.txt"])
    assert stop.value.code == 2
    assert "--dask works with --batch LIST" in capsys.readouterr().err


def test_analyse_pair_is_the_contract_object_and_pickles(tmp_path: Path) -> None:
    import pickle

    from readerui.corpus import analyse_pair

    listing = write_pairs(tmp_path, 1)
    a, b = tmp_path / "0a.txt", tmp_path / "0b.txt"
    assert pickle.loads(pickle.dumps(analyse_pair)) is analyse_pair
    obj = analyse_pair(a, b, lines=True)
    assert json.loads(json.dumps(obj)) == obj  # plain JSON values only
    assert [s["text"] for s in obj["a"]["sentences"]] == a.read_text().splitlines()
    assert obj["links"] and listing.is_file()


def test_the_docs_dask_bag_script_prints_the_batch_lines(
        tmp_path: Path, cluster: str, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    import re
    import runpy

    text = (ROOT / "docs" / "corpus.md").read_text(encoding="utf-8")
    (script,) = [block for block in re.findall(r"```python\n(.*?)```", text, re.DOTALL)
                 if "dask.bag" in block]
    (tmp_path / "bag_align.py").write_text(script, encoding="utf-8")
    folder = tmp_path / "pairs"
    folder.mkdir()
    listing = write_pairs(folder, 6)
    listing.write_text("\n".join(line for line in listing.read_text().splitlines()
                                 if "no-such-file" not in line) + "\n")
    cli.main(["align", "--lines", "--batch", str(listing), "--jobs", "1"])
    batch_lines, _ = capsys.readouterr()
    monkeypatch.setattr(sys, "argv", ["bag_align.py", str(listing), cluster])
    runpy.run_path(str(tmp_path / "bag_align.py"), run_name="__main__")
    assert capsys.readouterr().out == batch_lines


def test_without_the_dask_extra_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if not installed
    listing = write_pairs(tmp_path, 1)
    code = cli.main(["align", "--lines", "--batch", str(listing), "--dask", "local"])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    assert err == "readerui: error: --dask needs Dask: pip install 'readerui[dask]'\n"
