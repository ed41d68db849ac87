"""The life of one reading: a set of accounts (2..N inputs) opened with some options.

A :class:`Reading` owns everything that belongs to "these accounts, read this way":

- its **identity**, computed once, from the input bytes and how they are read (``lines``), never
  from what the analysis makes of them (the analysis completes metadata, e.g. a missing year):
  notes and the saved cursor/filter are filed under it, so a cache hit, a cache miss and
  ``readerui export`` all find the same ones;
- the **cache key** (identity plus settings and engine) and the one way through the cache:
  :meth:`Reading.open` (documents, or the whole analysis on a hit) and :meth:`Reading.analyse`;
- the per-reading **state** (cursor, filter, the two accounts shown) and **notes**, re-anchored
  the same way for the reader and for every export (:meth:`Reading.anchored_notes`). Accounts
  are named by letter ("a", "b", then "c" … "h"), so a two-account reading's files are as they
  always were;
- for three accounts or more, the **collation** (:meth:`Reading.collation`): every pair's
  analysis is cached as its own entry, under a key derived from the reading's cache key, through
  the same cache functions; the claims are joined again from them (cheap);
- **warnings**: store problems (a damaged file moved aside, a cache that cannot be written) are
  collected in :attr:`Reading.warnings` for the caller to show, not queued process-wide.

Nothing here needs a terminal: the CLI and the reader's session are thin users of it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

from readerui import store
from readerui.errors import InputError, ReaderError
from readerui.model import Analysis, Collation, Document, Side, account_of, side_of
from readerui.safefile import FileProblem, read_regular
from readerui.settings import Settings
from readerui.stdin import is_stdin, stdin_bytes
from readerui.store import Locations, Note, PairState
from readerui.store.atomic import collecting
from readerui.store.cache import document_bytes, inputs_key, read_entry, write_entry

SIDES: tuple[Side, ...] = ("a", "b")  # account i is side SIDES[i] (notes and state use it)
_T = TypeVar("_T")
Account = int | str  # an account by index (0, 1, …) or side letter ("a", "b", …)


def _index(account: Account) -> int:
    return account if isinstance(account, int) else account_of(account)


def pair_cache_key(key: str, i: int, j: int, n: int) -> str:
    """The cache key of pair (i, j) of an n-account reading whose cache key is ``key``."""
    return hashlib.sha256(f"readerui-collation-pair\0{key}\0{n}\0{i}\0{j}".encode()).hexdigest()
Compute = Callable[[Sequence[Document], Settings], Analysis]


def identity_of(inputs: Sequence[bytes], lines: bool) -> str:
    """The name a reading is filed under: a hash of each input's bytes, in order, and of how
    they are read (``lines`` changes which sentences there are). Settings are left out on
    purpose: another ``--lang`` or threshold must not lose the notes (they re-anchor by quote)."""
    digest = hashlib.sha256(f"readerui-reading\0lines={lines}\0{len(inputs)}\0".encode())
    for data in inputs:
        digest.update(hashlib.sha256(data).digest())
    return digest.hexdigest()[:32]


def _default_compute(documents: Sequence[Document], settings: Settings) -> Analysis:
    from readerui.analysis import analyse  # the engine: loaded only when analysing

    if len(documents) != 2:
        raise ReaderError(f"the aligner takes two accounts; this reading has {len(documents)}")
    return analyse(documents[0], documents[1], settings)


def _with_paths(pairs: dict[tuple[int, int], Analysis], paths: Sequence[str | Path]
                ) -> dict[tuple[int, int], Analysis]:
    """The pairs with each document naming its path as given (cache entries name the paths
    of whoever made them)."""
    return {(i, j): replace(p, a=replace(p.a, path=str(paths[i])),
                            b=replace(p.b, path=str(paths[j])))
            for (i, j), p in pairs.items()}


class Reading:
    """One set of accounts read with one set of options, from opening to export."""

    def __init__(self, paths: Sequence[str | Path], settings: Settings | None = None, *,
                 lines: bool = False, use_cache: bool = True,
                 where: Locations | None = None) -> None:
        """``paths``: the accounts in order (A, B, …; 2 to 8); ``where``: the store folders
        (default: the platform's, with READERUI_*_DIR overrides). Nothing is read until asked
        for."""
        if len(paths) < 2:
            raise ReaderError(f"a reading needs at least two accounts, got {len(paths)}")
        if len(paths) > 2:  # a pair is within the limits: no import of the collation for it
            from readerui.collation import check_count  # light: the engine loads when used

            check_count(len(paths))
        self.paths: tuple[str | Path, ...] = tuple(paths)
        self.settings = settings or Settings()
        self.lines = lines
        self.use_cache = use_cache
        self.where = where or store.locations()
        self.warnings: list[str] = []
        self.documents: tuple[Document, ...] | None = None
        self.analysis: Analysis | None = None
        self._inputs: tuple[bytes, ...] | None = None  # the input bytes, when regular files
        self._inputs_read = False
        self._looked_up = False  # the cache was asked already
        self._key: str | None = None
        self._state: PairState | None = None
        self._notes: tuple[Note, ...] | None = None
        self._collation: Collation | None = None

    @classmethod
    def of_documents(cls, documents: Sequence[Document], settings: Settings | None = None, *,
                     where: Locations | None = None) -> Reading:
        """A reading of documents already in memory: their content as given stands for the
        input bytes (identity and cache key)."""
        reading = cls([d.path or f"<{i}>" for i, d in enumerate(documents)], settings,
                      where=where)
        reading.documents = tuple(documents)
        reading._inputs = tuple(document_bytes(d) for d in documents)
        reading._inputs_read = True
        return reading

    # ----- identity and cache -------------------------------------------------------------------

    def _input_bytes(self) -> tuple[bytes, ...] | None:
        """Each input's bytes, read once; None when one is not a regular file within the size
        limit (a pipe would be used up here; ingest reports the real problem)."""
        if not self._inputs_read:
            self._inputs_read = True
            try:
                self._inputs = tuple(stdin_bytes(self.settings.max_size) if is_stdin(p)
                                     else read_regular(p, self.settings.max_size)
                                     for p in self.paths)
            except (FileProblem, InputError):
                self._inputs = None
        return self._inputs

    @property
    def key(self) -> str:
        """The reading's identity (notes and state are filed under it); computed once."""
        if self._key is None:
            inputs = self._input_bytes()
            if inputs is None:  # not regular files: the documents as loaded, never as analysed
                inputs = tuple(document_bytes(d) for d in self.load())
            self._key = identity_of(inputs, self.lines)
        return self._key

    @property
    def cache_key(self) -> str | None:
        """The analysis cache key (input bytes, lines, settings, engine); None: not cached."""
        inputs = self._input_bytes() if self.use_cache else None
        return None if inputs is None else inputs_key(inputs, self.settings, self.lines)

    def _collect(self, action: Callable[[], _T], fallback: _T) -> _T:
        """``action()`` with its store warnings kept here; a store failure is a warning too."""
        with collecting(self.warnings):
            try:
                return action()
            except (ReaderError, OSError) as exc:
                self.warnings.append(str(exc))
                return fallback

    def take_warnings(self) -> list[str]:
        """The warnings gathered so far (then forgotten)."""
        taken, self.warnings[:] = list(self.warnings), []
        return taken

    # ----- load and analyse ----------------------------------------------------------------------

    def cached(self) -> Analysis | None:
        """The cached analysis of these inputs and options, naming the paths as given; None on
        a miss (or without cache). A hit also sets :attr:`documents` and :attr:`analysis`."""
        key = self.cache_key
        self._looked_up = True
        if key is None:
            return None
        if len(self.paths) > 2:
            collation = self._cached_collation(key)
            return None if collation is None else self.analysis
        found = self._collect(lambda: read_entry(key, self.where), None)
        if found is None:
            return None
        documents = tuple(replace(d, path=str(p))
                          for d, p in zip((found.a, found.b), self.paths, strict=True))
        self.analysis = replace(found, a=documents[0], b=documents[1])
        self.documents = documents
        return self.analysis

    def load(self) -> tuple[Document, ...]:
        """The documents: from the cache on a hit, else read (ingest and segment). Bad input
        raises ReaderError (one line)."""
        if self.documents is None and not self._looked_up:
            self.cached()  # a hit sets the documents
        return self.ingest()

    def ingest(self) -> tuple[Document, ...]:
        """The documents read from the inputs (ingest and segment), without asking the cache
        first: what the reader paints before anything else, when the cache lookup (a digest of
        the engine and of the inputs) can wait for the worker. A later :meth:`analyse` still
        looks in the cache once; a hit replaces these documents with the analysed ones. Bad
        input raises ReaderError (one line)."""
        if self.documents is None:
            from readerui.analysis import load_document

            self.documents = tuple(load_document(p, self.settings, self.lines)
                                   for p in self.paths)
        return self.documents

    def analyse(self, compute: Compute | None = None) -> Analysis:
        """The analysis: cached, else ``compute(documents, settings)`` (default: the pipeline)
        and cached for next time. The one entry point to the analysis cache. For three
        accounts or more (and no ``compute``), the analysis of the first two accounts of the
        :meth:`collation`."""
        if self.analysis is not None:
            return self.analysis
        if len(self.paths) > 2 and compute is None:
            return self.collation().pairs[(0, 1)]
        if not self._looked_up and self.cached() is not None:
            assert self.analysis is not None
            return self.analysis
        documents = self.load()
        analysis = (compute or _default_compute)(documents, self.settings)
        key = self.cache_key
        if key is not None:
            self._collect(lambda: write_entry(key, analysis, self.where), None)
        self.analysis = analysis
        return analysis

    # ----- several accounts ----------------------------------------------------------------------

    def _pair_keys(self, key: str) -> dict[tuple[int, int], str]:
        n = len(self.paths)
        return {(i, j): pair_cache_key(key, i, j, n) for i in range(n) for j in range(i + 1, n)}

    def _cached_collation(self, key: str) -> Collation | None:
        """The collation from the cache when every pair of it is there (else None)."""
        from readerui.collation import assemble, documents_of

        pairs: dict[tuple[int, int], Analysis] = {}
        for pair, pair_key in self._pair_keys(key).items():
            found = self._collect(lambda k=pair_key: read_entry(k, self.where), None)  # type: ignore[misc]
            if found is None:
                return None
            pairs[pair] = found
        pairs = _with_paths(pairs, self.paths)
        return self._keep(assemble(documents_of(pairs, len(self.paths)), pairs))

    def _keep(self, collation: Collation) -> Collation:
        self._collation = collation
        self.documents = collation.documents
        self.analysis = collation.pairs[(0, 1)]
        return collation

    def collation(self, workers: int | None = None) -> Collation:
        """Every pair of the accounts analysed and the links joined into claims (see
        :mod:`readerui.collation`): cached, else computed (pairs in ``workers`` processes;
        default: one per core for big accounts) and cached for next time. Two accounts: the
        :meth:`analyse` result with its claims."""
        if self._collation is not None:
            return self._collation
        from readerui.collation import analyse_pairs, assemble, documents_of

        if len(self.paths) == 2:
            analysis = self.analyse()
            self._collation = assemble((analysis.a, analysis.b), {(0, 1): analysis})
            return self._collation
        key = self.cache_key
        if key is not None and not self._looked_up:
            self._looked_up = True
            found = self._cached_collation(key)
            if found is not None:
                return found
        pairs = _with_paths(analyse_pairs(self.load(), self.settings, workers), self.paths)
        if key is not None:
            for pair, pair_key in self._pair_keys(key).items():
                self._collect(lambda k=pair_key, p=pairs[pair]: write_entry(k, p, self.where),  # type: ignore[misc]
                              None)
        return self._keep(assemble(documents_of(pairs, len(self.paths)), pairs))

    def pair_analysis(self, i: int, j: int) -> Analysis:
        """The analysis of accounts i (as A) and j (as B), any two of the reading."""
        return self.collation().pair(i, j)

    def document(self, side: Account) -> Document:
        """The document of one account, by index or side letter (the analysed one when there
        is an analysis)."""
        index = _index(side)
        if self._collation is not None:
            return self._collation.documents[index]
        if self.analysis is not None and index < 2:
            return self.analysis.document(SIDES[index])
        return self.load()[index]

    # ----- what the reader keeps -----------------------------------------------------------------

    def remember(self) -> None:
        """Put this reading first in the recent list (with its titles); not one that reads
        standard input, which cannot be opened again."""
        documents = self.load()
        if any(is_stdin(path) for path in self.paths):
            return
        self._collect(lambda: store.remember_pair(
            self.paths[0], self.paths[1], self.lines,
            (documents[0].meta.title, documents[1].meta.title), where=self.where,
            more=self.paths[2:]), None)

    @property
    def state(self) -> PairState:
        """The saved cursor and filter (defaults when none, or when the file was damaged)."""
        if self._state is None:
            self._state = self._collect(
                lambda: store.state.read_pair_state(self.key, self.where), PairState())
        return self._state

    def save_state(self, side: Account, cursor: int,
                   filters: Mapping[str, Sequence[str]] | None = None,
                   shown: tuple[int, int] = (0, 1)) -> None:
        """Remember the cursor (on account ``side``), the filter (``{facet name: chosen
        names}``) and the two accounts shown for next time."""
        state = PairState(side_of(_index(side)), cursor, filters or {}, shown)

        def save() -> None:
            store.save_pair_state(self.key, state, self.where)
            self._state = state

        self._collect(save, None)

    @property
    def notes(self) -> tuple[Note, ...]:
        """The notes and bookmarks on this reading, as stored."""
        if self._notes is None:
            none: tuple[Note, ...] = ()
            self._notes = self._collect(lambda: store.load_notes(self.key, self.where), none)
        return self._notes

    def anchor(self, note: Note) -> int | None:
        """The sentence a note is on now (by its quote), or None when it is gone."""
        return store.anchor(note, self.document(note.side))

    def anchored_notes(self, analysis: Analysis | Collation | None = None) -> list[Note]:
        """The notes with their sentence re-anchored (by quote) in ``analysis`` (a pair's, or a
        collation; default: this reading's): what the reader marks and every export prints.
        Given a pair's analysis, notes on the other accounts are left out."""
        found = []
        for note in self.notes:
            account = note.account
            if isinstance(analysis, Collation):
                if account >= len(analysis.documents):
                    continue
                document = analysis.documents[account]
            elif analysis is not None:
                if account > 1:
                    continue
                document = analysis.document(SIDES[account])
            else:
                if account >= len(self.paths):
                    continue
                document = self.document(account)
            sentence = store.anchor(note, document)
            found.append(note if sentence is None else replace(note, sentence=sentence))
        return found

    def note_on(self, side: Account, sentence: int) -> Note | None:
        """The note (or bookmark) already on that sentence of an account, if any."""
        letter = side_of(_index(side))
        for note in self.notes:
            if note.side == letter and self.anchor(note) == sentence:
                return note
        return None

    def noted(self, side: Account) -> frozenset[int]:
        """Sentence ids of an account (index or side letter) that carry a note or bookmark."""
        letter = side_of(_index(side))
        return frozenset(sid for note in self.notes if note.side == letter
                         for sid in [self.anchor(note)] if sid is not None)

    def add_note(self, side: Account, sentence: int, text: str) -> Note | None:
        """Store a note (empty text: a bookmark) on a sentence, or change the one it has (one
        note per sentence); None when it could not be saved (see :attr:`warnings`)."""
        text = text.strip()
        existing = self.note_on(side, sentence)
        if existing is not None:
            note = replace(existing, text=text, bookmark=not text)
            change: Callable[[], tuple[Note, ...]] = lambda: store.update_note(  # noqa: E731
                self.key, note, self.where)
        else:
            note = store.new_note(side_of(_index(side)), self.document(side), sentence, text,
                                  bookmark=not text)
            change = lambda: store.add_note(self.key, note, self.where)  # noqa: E731
        notes = self._collect(change, None)
        if notes is None:
            return None
        self._notes = notes
        return note

    def remove_note(self, note: Note) -> None:
        """Delete a note."""
        notes = self._collect(lambda: store.remove_note(self.key, note, self.where), None)
        if notes is not None:
            self._notes = notes
