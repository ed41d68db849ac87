"""The reader's session: a thin view of a :class:`~readerui.lifecycle.Reading` (identity, cache,
cursor and filter, notes) plus what only the reader has: config (keymap, theme), exports.

Every store problem becomes a one-line warning for the user; the reader never stops for one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, cast

from readerui import store
from readerui.errors import ReaderError
from readerui.exports import FORMATS, READER_FORMATS, check_output, render
from readerui.lifecycle import Reading
from readerui.model import ACCOUNT_SIDES, Analysis, Collation, Document, Side
from readerui.store import Config, Note, PairState, prefs
from readerui.tui.reading import Filter

if TYPE_CHECKING:  # the speaker edits' module is imported when a pair has edits
    from readerui.annotate.overrides import SpeakerEdit


@dataclass
class Session:
    """The reader's view of one :class:`~readerui.lifecycle.Reading` (which owns identity,
    cache, state and notes), plus the reader's own preferences (config, theme)."""

    reading: Reading
    config: Config = field(default_factory=Config)
    speaker_edits: tuple[SpeakerEdit, ...] = ()  # the reader's speaker corrections, in order
    warnings: list[str] = field(default_factory=list)
    # the accounts on screen (left, right): notes and the cursor are filed by account (letter
    # ``a``, ``b``, ``c``…), the panes are sides ``a`` (left) and ``b`` (right)
    shown: tuple[int, int] = (0, 1)

    def stored_side(self, side: Side) -> Side:
        """The account letter notes are filed under for what pane ``side`` shows."""
        return ACCOUNT_SIDES[self.shown[0 if side == "a" else 1]]  # type: ignore[return-value]

    def pane_side(self, stored: str) -> Side | None:
        """The pane showing the account notes call ``stored``, or None when it is not shown."""
        for side, account in zip(("a", "b"), self.shown, strict=True):
            if ACCOUNT_SIDES[account] == stored:
                return side  # type: ignore[return-value]
        return None

    def _to_pane(self, note: Note) -> Note | None:
        side = self.pane_side(note.side)
        return None if side is None else replace(note, side=side)

    @classmethod
    def open(cls, reading: Reading, config: Config | None = None) -> Session:
        """Read config (unless the caller already has it), the reading's last state and notes.

        Problems become warnings; those of a ``config`` passed in were reported by the caller.
        """
        session = cls(reading)
        if config is None:
            with store.atomic.collecting(session.warnings):
                config = store.load_config(where=reading.where)
            session.warnings.extend(config.warnings)
        session.config = config
        reading.state, reading.notes  # noqa: B018 - read both now: their warnings show at start
        session.warnings.extend(reading.take_warnings())
        try:
            with store.atomic.collecting(session.warnings):
                stored = store.load_speaker_edits(reading.key, reading.where)
            if stored:  # most pairs have none: no import of the edits' module on the way to
                from readerui.annotate.overrides import edits_from_json  # the first frame

                session.speaker_edits = edits_from_json(stored)
        except (ReaderError, OSError) as exc:
            session.warnings.append(str(exc))
        return session

    @property
    def a(self) -> Document:
        """Account A (as analysed, once there is an analysis)."""
        return self.reading.document("a")

    @property
    def b(self) -> Document:
        """Account B."""
        return self.reading.document("b")

    @property
    def key(self) -> str:
        """The reading's identity (notes and state are filed under it)."""
        return self.reading.key

    @property
    def state(self) -> PairState:
        """The saved cursor and filter."""
        return self.reading.state

    @property
    def notes(self) -> tuple[Note, ...]:
        """The notes on the two accounts on screen, by pane side (``a`` left, ``b`` right)."""
        return tuple(note for stored in self.reading.notes
                     for note in [self._to_pane(stored)] if note is not None)

    @property
    def all_notes(self) -> tuple[Note, ...]:
        """Every note of the reading, on screen or not, filed by account letter (``a``, ``b``,
        ``c``…: ``note.side`` is the account's letter here, not a pane side)."""
        return self.reading.notes

    def remove_filed_note(self, note: Note) -> None:
        """Delete a note as :attr:`all_notes` gives it (by account letter)."""
        self.reading.remove_note(note)
        self._gather()

    def _gather(self) -> None:
        self.warnings.extend(self.reading.take_warnings())

    def remember(self) -> None:
        """File the reading first in the recent list (problems become warnings)."""
        try:
            self.reading.remember()
        finally:
            self._gather()

    def analyse(self, compute: Callable[[], Analysis]) -> Analysis:
        """``compute()`` through the reading's cache (the one entry point)."""
        try:
            return self.reading.analyse(lambda documents, settings: compute())
        finally:
            self._gather()

    def collate(self) -> Collation:
        """The collation of a reading of three or more accounts (every pair aligned, the
        claims joined), through the reading's cache."""
        try:
            return self.reading.collation()
        finally:
            self._gather()

    def restored_filter(self, analysis: Analysis) -> Filter:
        """The last filter of this pair, keeping only names the analysis still has."""
        return Filter(dict(self.state.filters)).keeping(analysis)

    def save(self, side: Side, cursor: int, chosen: Filter) -> None:
        """Remember the cursor (on the account pane ``side`` shows) and filter for next time."""
        self.reading.save_state(self.stored_side(side), cursor, chosen.as_dict(), self.shown)
        self._gather()

    def with_speaker_edits(self, analysis: Analysis) -> Analysis:
        """``analysis`` with the reader's speaker corrections applied."""
        if not self.speaker_edits:
            return analysis
        from readerui.annotate.overrides import apply_speaker_edits

        return replace(analysis, annotations=apply_speaker_edits(analysis.annotations,
                                                                 self.speaker_edits))

    def _store_speaker_edits(self, edits: tuple[SpeakerEdit, ...]) -> bool:
        try:
            with store.atomic.collecting(self.warnings):
                store.save_speaker_edits(self.key, [e.to_json() for e in edits],
                                         self.reading.where)
        except (ReaderError, OSError) as exc:
            self.warnings.append(str(exc))
            return False
        self.speaker_edits = edits
        return True

    def add_speaker_edit(self, edit: SpeakerEdit) -> bool:
        """Keep a speaker correction (saved with the pair); False when it could not be saved."""
        return self._store_speaker_edits((*self.speaker_edits, edit))

    def undo_speaker_edit(self) -> SpeakerEdit | None:
        """Forget the last speaker correction; it is returned (None when there was none)."""
        if not self.speaker_edits:
            return None
        last = self.speaker_edits[-1]
        return last if self._store_speaker_edits(self.speaker_edits[:-1]) else None

    def note_on(self, side: Side, sentence: int) -> Note | None:
        """The note (or bookmark) already on that sentence, if any."""
        found = self.reading.note_on(self.stored_side(side), sentence)
        return None if found is None else self._to_pane(found)

    def add_note(self, side: Side, sentence: int, text: str) -> Note | None:
        """Store a note (empty text: a bookmark) on a sentence, or change the one it has (one
        note per sentence); None when it could not be saved."""
        note = self.reading.add_note(self.stored_side(side), sentence, text)
        self._gather()
        return None if note is None else self._to_pane(note)

    def remove_note(self, note: Note) -> None:
        """Delete a note (``note`` by pane side, as :attr:`notes` gives it)."""
        self.reading.remove_note(replace(note, side=self.stored_side(cast(Side, note.side))))
        self._gather()

    def theme(self) -> str:
        """The theme to start with: the last one picked in the palette, else config's."""
        try:
            with store.atomic.collecting(self.warnings):
                return (prefs.chosen_theme(self.config.theme, self.reading.where)
                        or self.config.theme)
        except (ReaderError, OSError) as exc:
            self.warnings.append(str(exc))
            return self.config.theme

    def remember_theme(self, theme: str) -> None:
        """Keep the theme picked in the palette for the next runs."""
        try:
            with store.atomic.collecting(self.warnings):
                prefs.remember_theme(theme, self.config.theme, self.reading.where)
        except (ReaderError, OSError) as exc:
            self.warnings.append(str(exc))

    def noted(self, side: Side) -> frozenset[int]:
        """Sentence ids of ``side`` that carry a note or bookmark (re-anchored by quote)."""
        return self.reading.noted(self.stored_side(side))

    def export_name(self, analysis: Analysis) -> str:
        """A short file name for the report: ``<title A>-vs-<title B>.md``, each title cut
        after whole words within 20 characters (the name shows whole in an 80-column box)."""
        def slug(side: Side) -> str:
            doc = analysis.document(side)
            title = doc.meta.title or Path(doc.path or side).stem
            words = [w for w in re.split(r"[^a-z0-9]+", title.lower()) if w]
            kept: list[str] = []
            for word in words:
                if kept and len("-".join([*kept, word])) > 20:
                    break
                kept.append(word[:20])
            return "-".join(kept) or side
        return f"{slug('a')}-vs-{slug('b')}.md"

    def render_export(self, analysis: Analysis, lang: str) -> dict[str, str]:
        """The reader's reports (:data:`~readerui.exports.READER_FORMATS`, with notes
        re-anchored as ``readerui export`` does), by suffix."""
        notes = [note if sentence is None else replace(note, sentence=sentence)
                 for note in self.notes
                 for sentence in [store.anchor(note, analysis.document(cast(Side, note.side)))]]
        settings = replace(self.reading.settings, lang=lang)
        return {FORMATS[name].suffixes[0]: render(analysis, name, notes, settings)
                for name in READER_FORMATS}

    def export(self, analysis: Analysis, lang: str, target: Path | None = None) -> list[Path]:
        """Write the Markdown report to ``target`` (default: the current folder, a short name)
        and the HTML one beside it; returns the files written."""
        target = target or Path.cwd() / self.export_name(analysis)
        if target.suffix.lower() in {s for name in READER_FORMATS
                                     for s in FORMATS[name].suffixes}:
            target = target.with_suffix("")
        target.parent.mkdir(parents=True, exist_ok=True)
        texts = {target.parent / (target.name + suffix): text
                 for suffix, text in self.render_export(analysis, lang).items()}
        inputs = [p for p in (analysis.a.path, analysis.b.path) if p]
        for path in texts:  # never onto an input, a device, FIFO or folder (checked first)
            check_output(path, inputs)
        written = []
        for path, text in texts.items():
            store.atomic_write(path, text, mode=0o644)  # readable by all, like `export -o`
            written.append(path)
        return written
