"""What the reader keeps between runs, through ``readerui.store``: config (keymap, theme),
the cursor and filter per pair, notes/bookmarks, exports.

Every store problem becomes a one-line warning for the user; the reader never stops for one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from readerui import store
from readerui.annotate.overrides import SpeakerEdit, apply_speaker_edits, edits_from_json
from readerui.errors import ReaderError
from readerui.export import check_output, to_html, to_markdown
from readerui.model import Analysis, Document, Side
from readerui.settings import Settings
from readerui.store import Config, Note, PairState, prefs
from readerui.tui.reading import Filter


@dataclass
class Session:
    """The store-backed state of one reading session of documents ``a`` and ``b``."""

    a: Document
    b: Document
    config: Config = field(default_factory=Config)
    key: str = ""
    state: PairState = field(default_factory=PairState)
    notes: tuple[Note, ...] = ()
    speaker_edits: tuple[SpeakerEdit, ...] = ()  # the reader's speaker corrections, in order
    warnings: list[str] = field(default_factory=list)

    @classmethod
    def open(cls, a: Document, b: Document, config: Config | None = None) -> Session:
        """Read config (unless the caller already has it), the pair's last state and its notes.

        Problems become warnings; those of a ``config`` passed in were reported by the caller.
        """
        session = cls(a, b)
        try:
            if config is None:
                config = store.load_config()
                session.warnings.extend(config.warnings)
            session.config = config
            session.key = store.pair_key(a, b)
            session.state = store.load_pair_state(session.key)
            session.notes = store.load_notes(session.key)
            session.speaker_edits = edits_from_json(store.load_speaker_edits(session.key))
        except (ReaderError, OSError) as exc:
            session.warnings.append(str(exc))
        session.warnings.extend(store.take_warnings())
        return session

    def analyse(self, settings: Settings,
                compute: Callable[[Document, Document, Settings], Analysis]) -> Analysis:
        """``compute(a, b, settings)`` through the analysis cache (recomputed on cache trouble)."""
        try:
            return store.cached_analysis(self.a, self.b, settings, compute)
        except (store.StoreError, OSError):  # an unusable cache must not stop the reading
            return compute(self.a, self.b, settings)

    def restored_filter(self, analysis: Analysis) -> Filter:
        """The last filter of this pair, keeping only names the analysis still has."""
        speakers = {s.name for s in analysis.annotations.speakers}
        topics = {t.name for t in analysis.annotations.topics}
        return Filter(frozenset(self.state.filter_speakers) & speakers,
                      frozenset(self.state.filter_topics) & topics)

    def save(self, side: Side, cursor: int, chosen: Filter) -> None:
        """Remember the cursor and filter for next time."""
        if not self.key:
            return
        state = PairState(side, cursor, tuple(sorted(chosen.speakers)),
                          tuple(sorted(chosen.topics)), self.state.notes)
        try:
            store.save_pair_state(self.key, state)
            self.state = state
        except (ReaderError, OSError) as exc:
            self.warnings.append(str(exc))

    def with_speaker_edits(self, analysis: Analysis) -> Analysis:
        """``analysis`` with the reader's speaker corrections applied."""
        if not self.speaker_edits:
            return analysis
        return replace(analysis, annotations=apply_speaker_edits(analysis.annotations,
                                                                 self.speaker_edits))

    def _store_speaker_edits(self, edits: tuple[SpeakerEdit, ...]) -> bool:
        try:
            if self.key:
                store.save_speaker_edits(self.key, [e.to_json() for e in edits])
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
        document = self.a if side == "a" else self.b
        for note in self.notes:
            if note.side == side and store.anchor(note, document) == sentence:
                return note
        return None

    def add_note(self, side: Side, sentence: int, text: str) -> Note | None:
        """Store a note (empty text: a bookmark) on a sentence, or change the one it has (one
        note per sentence); None when it could not be saved."""
        document = self.a if side == "a" else self.b
        text = text.strip()
        existing = self.note_on(side, sentence)
        try:
            if existing is not None:
                note = replace(existing, text=text, bookmark=not text)
                self.notes = store.update_note(self.key, note)
            else:
                note = store.new_note(side, document, sentence, text, bookmark=not text)
                self.notes = store.add_note(self.key, note)
        except (ReaderError, OSError) as exc:
            self.warnings.append(str(exc))
            return None
        return note

    def remove_note(self, note: Note) -> None:
        """Delete a note."""
        try:
            self.notes = store.remove_note(self.key, note)
        except (ReaderError, OSError) as exc:
            self.warnings.append(str(exc))

    def theme(self) -> str:
        """The theme to start with: the last one picked in the palette, else config's."""
        try:
            return prefs.chosen_theme(self.config.theme) or self.config.theme
        except (ReaderError, OSError) as exc:
            self.warnings.append(str(exc))
            return self.config.theme

    def remember_theme(self, theme: str) -> None:
        """Keep the theme picked in the palette for the next runs."""
        try:
            prefs.remember_theme(theme, self.config.theme)
        except (ReaderError, OSError) as exc:
            self.warnings.append(str(exc))

    def noted(self, side: Side) -> frozenset[int]:
        """Sentence ids of ``side`` that carry a note or bookmark (re-anchored by quote)."""
        document = self.a if side == "a" else self.b
        found = set()
        for note in self.notes:
            if note.side == side:
                sid = store.anchor(note, document)
                if sid is not None:
                    found.add(sid)
        return frozenset(found)

    def export_name(self, analysis: Analysis) -> str:
        """A short file name for the report: ``<title A>-vs-<title B>.md``."""
        def slug(side: Side) -> str:
            doc = analysis.document(side)
            title = doc.meta.title or Path(doc.path or side).stem
            return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:30].strip("-") or side
        return f"{slug('a')}-vs-{slug('b')}.md"

    def render_export(self, analysis: Analysis, lang: str) -> dict[str, str]:
        """The Markdown and HTML reports (with notes), by suffix."""
        return {".md": to_markdown(analysis, self.notes, lang),
                ".html": to_html(analysis, self.notes, lang)}

    def export(self, analysis: Analysis, lang: str, target: Path | None = None) -> list[Path]:
        """Write the Markdown report to ``target`` (default: the current folder, a short name)
        and the HTML one beside it; returns the files written."""
        target = target or Path.cwd() / self.export_name(analysis)
        if target.suffix.lower() in (".md", ".html", ".htm"):
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
