"""The pair analysis as one picklable function, for running readerui over a corpus.

:func:`analyse_pair` takes two file paths and plain options and returns the JSON contract's
object (plain dicts, lists, strings and numbers: see ``shared/contract.md`` or the README). It is
a top-level function of an importable module, so multiprocessing, ``concurrent.futures``, Dask
(``client.map``, ``dask.bag.map``) or any other engine that pickles functions by reference can
send it to workers. Each call reads its own files and shares nothing with other calls; the
analysis cache is not used (a corpus is analysed once).

    from readerui.corpus import analyse_pair
    obj = analyse_pair("a.txt", "b.txt")           # the same object as 'readerui align --json'
    obj = analyse_pair("a.txt", "b.txt", lines=True, settings=Settings(lang="de"))
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from readerui.settings import Settings


def analyse_pair(path_a: str | Path, path_b: str | Path, settings: Settings | None = None,
                 lines: bool = False) -> dict[str, Any]:
    """Analyse the accounts in ``path_a`` and ``path_b`` and return the contract's JSON object.

    ``settings`` (language, size limit, alignment thresholds, topic lexicon; default
    ``Settings()``) is a frozen dataclass and pickles; ``lines`` reads pre-split input (one
    sentence a line). Paths may be ``http(s)://`` addresses, fetched as by the command line.
    Raises :class:`readerui.errors.ReaderError` (one line) when an input cannot be used. Runs in
    one process (no child processes), as a worker of a pool or cluster must.
    """
    from readerui.analysis import analyse, load_document
    from readerui.exports import to_contract

    settings = settings or Settings()
    a = load_document(path_a, settings, lines)
    b = load_document(path_b, settings, lines)
    return to_contract(analyse(a, b, settings, parallel=False))
