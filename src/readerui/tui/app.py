"""The reader: two accounts side by side, kept level by their alignment.

The app only presents an :class:`~readerui.model.Analysis` (computed by
``readerui.analysis.analyse`` in a worker thread) and turns keys into calls.
"""

from __future__ import annotations

import gc
import io
import os
import time
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual import work
from textual.app import App, ComposeResult
from textual.containers import Container, Horizontal, Vertical
from textual.css.query import NoMatches
from textual.events import DeliveryComplete, DeliveryFailed, Resize
from textual.notifications import SeverityLevel
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import SelectionList, Static
from textual.worker import Worker, WorkerState

from readerui import store
from readerui.errors import ReaderError
from readerui.facets import facets
from readerui.gcpause import resume
from readerui.lifecycle import Reading
from readerui.model import ACCOUNT_SIDES, Alignment, Analysis, Annotations, Document, Link, Side
from readerui.sanitise import shown
from readerui.settings import Settings
from readerui.store import Config, Note, anchor
from readerui.tui import arrangement
from readerui.tui.accounts import Accounts, PairSource, TwoAccounts
from readerui.tui.arrangement import Arrangement
from readerui.tui.background import Analyser
from readerui.tui.bindings import Key, app_bindings
from readerui.tui.commands import ReaderCommands
from readerui.tui.differences import Differences
from readerui.tui.marks import match_spans
from readerui.tui.multi import ACCOUNT_ACTIONS, AccountsMixin
from readerui.tui.palette import chrome_backgrounds, reader_colours
from readerui.tui.quote import pair_quote, sentence_quote
from readerui.tui.reading import (
    SIDES,
    Filter,
    SearchHit,
    carried,
    matching,
    next_one_sided,
    other,
    reading_order,
)
from readerui.tui.session import Session

# The screens (search, notes, help, summary, go to, save as, speaker names) are imported when
# first opened: their widgets are not on the way to the first paint.
from readerui.tui.sync import anchor_sentence, level_row
from readerui.tui.widgets.chrome import DocHeader
from readerui.tui.widgets.footer import ReaderFooter
from readerui.tui.widgets.gutter import LinkGutter, Overview
from readerui.tui.widgets.pane import AccountPane
from readerui.tui.widgets.sidebar import Sidebar
from readerui.tui.widgets.status import StatusBar, StatusPart, filter_label, shorten

if TYPE_CHECKING:  # speaker edits are made after the analysis: imported then
    from readerui.annotate.overrides import SpeakerEdit

_READER_ACTIONS = {"search", "toggle_sync", "toggle_sidebar", "clear_filter", "summary",
                   "add_note", "notes", "export", "switch_pane", "next_one_sided",
                   "prev_one_sided", "next_match", "prev_match", "legend", "next_difference",
                   "prev_difference", "toggle_differences", "toggle_numbers", "go_to",
                   "copy_sentence", "quote_pair", "rename_speaker", "merge_speaker",
                   "drop_speaker", "undo_speaker_edit", "toggle_layout", *ACCOUNT_ACTIONS}


def screenshot_folder() -> Path:
    """Where a screenshot goes: the Downloads folder when it exists, else the current folder
    when it can be written, else the data folder."""
    try:
        from platformdirs import user_downloads_path

        downloads = user_downloads_path()
        if downloads.is_dir():
            return downloads
    except Exception:  # platformdirs may not know this system: fall back
        pass
    cwd = Path.cwd()
    if os.access(cwd, os.W_OK):
        return cwd
    return store.locations().data_dir


def _analyse(a: Document, b: Document, settings: Settings) -> Analysis:
    """The analysis engine, imported here (in the worker) so the texts paint before it loads."""
    from readerui.analysis import analyse

    return analyse(a, b, settings)


class ReaderApp(AccountsMixin, App[int]):
    """Two accounts side by side: cursor, partners, sync, filters, search, summary."""

    TITLE = "readerui"
    CSS_PATH = "styles/reader.tcss"
    BINDINGS = app_bindings()
    COMMANDS = App.COMMANDS | {ReaderCommands}

    def __init__(self, a: Document, b: Document, settings: Settings | None = None, *,
                 analysis: Analysis | None = None,
                 keymap: Mapping[str, str] | None = None,
                 config: Config | None = None,
                 reading: Reading | None = None,
                 collation: PairSource | None = None,
                 remember: bool = False) -> None:
        """``analysis``, when given, is shown as is (no worker); ``keymap`` remaps binding ids;
        ``config``, when the caller has read it already, is not read (nor reported) again;
        ``reading`` owns the pair's identity, cache, state and notes (default: a reading of
        ``a`` and ``b`` as given); ``collation``, when given, is a reading of 2..8 accounts
        whose first two are shown (no worker); ``remember``: file the reading in the recent
        list (in the worker, after the first paint)."""
        super().__init__()
        if collation is not None:
            a, b = collation.documents[0], collation.documents[1]
            analysis = collation.pair(0, 1)
        self.accounts: Accounts | None = None if collation is None else Accounts(collation)
        self.layouts_kept = {}  # each account's wrapped layouts while it is off screen
        reading = reading or Reading.of_documents(
            (a, b) if collation is None else collation.documents, settings)
        self.doc_a, self.doc_b = a, b
        self.settings = settings or Settings()
        self.analysis: Analysis | None = None
        self.analysis_error: str | None = None
        self.sync_on = True
        self.filter = Filter()
        self.session: Session = Session.open(reading, config)
        self.keymap_overrides: dict[str, str] = {**self.session.config.keymap, **(keymap or {})}
        self.last_query = ""
        self._hits: list[SearchHit] = []  # the last search's results, in reading order
        self._hit_index = -1  # the one the cursor was last taken to (-1: none yet)
        self._restored = Filter()  # the filter brought back from the last session
        self._restored_told_until = 0.0  # while its toast ("press c to clear it") shows
        self._given_analysis = analysis
        self._remember = remember
        # a reading of three or more accounts: the worker collates them (every pair, claims)
        self._collating = collation is None and len(reading.paths) > 2
        self._shares = (0.0, 0.0)  # share of A / of B the other account carries
        self._started = time.monotonic()
        self._ticker: Timer | None = None
        self._syncing = False
        self._chrome_due = False  # a chrome redraw is queued (see _refresh_chrome)
        self._sidebar_choice: bool | None = None  # None: follow the terminal width
        self._arrangement_choice: Arrangement | None = None  # None: follow the width
        self.differences: Differences | None = None  # what differs (counted in a worker)
        self.differences_only = False  # fold the stretches both accounts carry alike
        self._analyser = Analyser(a, b, self.settings, lambda: _analyse(a, b, self.settings))
        self.pane_a: AccountPane = AccountPane(a, "a", id="pane-a")
        self.pane_b: AccountPane = AccountPane(b, "b", id="pane-b")

    def tell(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
             timeout: float | None = None) -> None:
        """A notification of ours. It may carry file names, error and note text, so it is shown
        as plain text, never markup; Textual's own notifications (``notify``) keep theirs."""
        if title and message.startswith(title):
            title = ""  # "Copied" over "Copied A 3 to …": a row of the text for nothing
        message = "\n".join(shown(line) for line in message.split("\n"))  # the one sanitiser:
        self.notify(message, title=shown(title), severity=severity,  # no escapes, no bidi
                    timeout=timeout, markup=False)

    def get_css_variables(self) -> dict[str, str]:
        """The theme's variables plus the reader's own colours (distinct in 256 colours)."""
        variables = super().get_css_variables()
        variables.update(chrome_backgrounds(variables, self.console.color_system))
        variables.update(reader_colours(variables, self.console.color_system))
        return variables

    # ----- building -------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        """Sidebar, then each account's column (header over overview and pane) with the link
        gutter between them; status, footer. ``arrangement`` stacks the columns when narrow."""
        # Arranged for the terminal's width from the start: a class changed after mounting
        # restyles every widget under it, a cost paid before the first paint.
        width = self.size.width
        sidebar = Sidebar(id="sidebar")
        sidebar.set_class(not arrangement.sidebar_by_default(width), "-narrow")
        sidebar.display = self._sidebar_shown(width)
        stacked = arrangement.choose(width, sidebar.display, self._arrangement_choice) \
            == arrangement.STACKED
        headers = DocHeader(self.doc_a, "a", id="header-a"), DocHeader(self.doc_b, "b",
                                                                      id="header-b")
        for header in headers:
            header.compact = stacked
        with Horizontal(id="body"):
            yield sidebar
            with Container(id="panes", classes="-stacked" if stacked else ""):
                with Vertical(id="column-a", classes="account-column"):
                    yield headers[0]
                    with Horizontal(classes="account-row"):
                        yield Overview(self.pane_a, id="overview-a")
                        yield self.pane_a
                with Vertical(id="column-gap"):
                    yield Static("", id="header-gap")
                    yield LinkGutter(self.pane_a, self.pane_b, id="gutter")
                with Vertical(id="column-b", classes="account-column"):
                    yield headers[1]
                    with Horizontal(classes="account-row"):
                        yield self.pane_b
                        yield Overview(self.pane_b, id="overview-b")
        yield StatusBar(id="status")
        several = self._collating or (self.accounts is not None and self.accounts.count > 2)
        yield ReaderFooter(several_accounts=several)

    def on_mount(self) -> None:
        """Focus pane A, apply the keymap, start the analysis."""
        for pane in (self.pane_a, self.pane_b):
            pane.on_scrolled = self._pane_scrolled
            pane.on_cursor = self._cursor_moved
            pane.on_resized = lambda _pane: self._relevel()
        if self.keymap_overrides:
            self.set_keymap(self.keymap_overrides)
        theme = self.session.theme()
        if theme in self.available_themes:
            self.theme = theme
        elif theme:
            self.session.warnings.append(f"config: unknown theme {theme!r}; using the default")
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        self._show_warnings()
        self.pane_a.focus()
        self._layout_sidebar(self.size.width)
        # The collector paused for the start-up (by the command line) is back after the first
        # frame, before the analysis starts.
        self.call_after_refresh(resume)
        if self._given_analysis is not None:
            self.call_after_refresh(self._show_analysis, self._given_analysis)
        else:
            self._started = time.monotonic()
            self._ticker = self.set_interval(1, self._refresh_chrome)
            # After the first paint: the engine's import and work must not delay the texts.
            self.call_after_refresh(self.run_worker, self._analyse, name="analyse", thread=True,
                                    exit_on_error=False)
        self._refresh_chrome()

    def exit(self, result: int | None = None, return_code: int = 0,
             message: object = None) -> None:
        """Stop a running analysis (every way out of the app comes through here), then exit."""
        self._analyser.stop()
        super().exit(result, return_code, message)  # type: ignore[arg-type]

    def _file_in_recent(self) -> None:
        """File the reading in the recent list, once: in the worker (not before the first
        paint: it is a locked read-merge-write), or on the way out if the worker never ran."""
        if self._remember:
            self._remember = False
            self.session.remember()

    def on_unmount(self) -> None:
        """Stop a running analysis; file the reading in the recent list if the worker did not;
        let the collector see this app's objects again."""
        self._analyser.stop()
        self._file_in_recent()
        gc.unfreeze()

    def _theme_changed(self, theme: object) -> None:
        """A theme picked in the palette is kept for the next runs."""
        name = getattr(theme, "name", None)
        if isinstance(name, str) and name != self.session.theme():
            self.session.remember_theme(name)
            self._show_warnings()

    def _analyse(self) -> Analysis | PairSource:
        self._file_in_recent()
        if self._collating:
            return self.session.collate()  # every pair and the claims, through the cache
        analysis = self.session.analyse(self._analyser.run)  # through the reading's cache
        facets(analysis)  # the facets (places read every sentence) here, off the UI thread
        return analysis

    def _show_warnings(self) -> None:
        for warning in self.session.warnings:
            self.tell(warning, title="readerui", severity="warning", timeout=8)
        self.session.warnings.clear()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Show the analysis when it is ready, or say clearly why it failed."""
        if event.worker.name != "analyse":
            return
        if event.state in (WorkerState.SUCCESS, WorkerState.ERROR, WorkerState.CANCELLED) \
                and self._ticker is not None:
            self._ticker.stop()
        if event.state == WorkerState.SUCCESS and isinstance(event.worker.result, Analysis):
            self._show_analysis(event.worker.result)
        elif event.state == WorkerState.SUCCESS and self._collating:
            self.accounts = Accounts(event.worker.result)  # type: ignore[arg-type]
            self._show_analysis(self.accounts.analysis())
        elif event.state == WorkerState.ERROR:
            error = event.worker.error
            if isinstance(error, ReaderError):
                self.analysis_error = str(error)
            else:
                self.analysis_error = f"{type(error).__name__}: {error}"
            self.tell(f"Analysis failed: {self.analysis_error}. The texts are shown unaligned.",
                        title="readerui", severity="error", timeout=10)
            self.query_one(Sidebar).show_unavailable("none: the analysis failed")
            self._refresh_chrome()

    def _show_analysis(self, analysis: Analysis) -> None:
        if self.accounts is None:
            self.accounts = Accounts(TwoAccounts(analysis))
        self.query_one(ReaderFooter).show_accounts(self.accounts.count > 2)
        self.restore_shown(self.session.state.shown)  # the accounts shown last time
        self._present(self.accounts.analysis())
        self._restore(self.analysis)  # type: ignore[arg-type]
        self._show_warnings()  # e.g. the analysis could not be cached
        # The documents, layouts and analysis live as long as the app: keep the garbage
        # collector from rescanning millions of them (pauses of 100+ ms at 10k sentences).
        gc.freeze()

    def _present(self, analysis: Analysis) -> None:
        """Show the analysis of the pair on screen in panes, headers, sidebar, notes."""
        self._engine_analysis = analysis
        analysis = self.session.with_speaker_edits(analysis)
        self.analysis = analysis
        self._shares = (carried(analysis, "a", range(len(analysis.a))).share,
                        carried(analysis, "b", range(len(analysis.b))).share)
        for pane in (self.pane_a, self.pane_b):
            pane.set_analysis(analysis)
        self.query_one("#overview-a", Overview).set_analysis(analysis)
        self.query_one("#overview-b", Overview).set_analysis(analysis)
        self.query_one(LinkGutter).analysis = analysis
        for side, header_id in zip(SIDES, ("#header-a", "#header-b"), strict=True):
            header = self.query_one(header_id, DocHeader)
            header.document = analysis.document(side)
            header.meta = analysis.meta(side)  # the analysis may complete the date's year
            header.coverage = self._shares[0 if side == "a" else 1]
            header.letter, header.other_letter = self.letter(side), self.letter(other(side))
            header.refresh_text()
        sidebar = self.query_one(Sidebar)
        sidebar.letters = (self.letter("a"), self.letter("b"))
        sidebar.set_analysis(analysis)
        self.differences = Differences(analysis, self.settings.lang)
        self._count_differences(self.differences)
        self._refresh_notes()

    @work(thread=True, exclusive=True, group="differences", exit_on_error=False)
    def _count_differences(self, differences: Differences) -> None:
        """Classify every sentence off the UI thread (word diffs of every strong link take
        seconds at 10k sentences); then show the counts and, if asked for, the folds."""
        differences.complete()
        self.call_from_thread(self._differences_counted, differences)

    def _differences_counted(self, differences: Differences) -> None:
        if differences is not self.differences:
            return
        if self.differences_only:
            self._apply_folds()
        self._refresh_chrome()

    def _apply_folds(self) -> None:
        """Fold the alike stretches of both panes (or unfold), keeping the cursor in view."""
        differences = self.differences
        for pane in (self.pane_a, self.pane_b):
            runs = differences.alike_runs(pane.side) if differences is not None else None
            pane.set_folds(runs or () if self.differences_only else ())
        self._cursor_moved(self.focused_pane)

    def _restore(self, analysis: Analysis) -> None:
        """Put the cursor and filter back where they were when this pair was last closed."""
        state = self.session.state
        chosen = self.session.restored_filter(analysis)
        pane = self.pane(self.session.pane_side(state.cursor_side) or "a")
        if pane is self.pane_b:
            self.pane_b.focus()
            self.pane_a.active, self.pane_b.active = False, True
        if chosen.active:
            self.query_one(Sidebar).show_filter(chosen)
            self._restored = chosen
            self.tell(f"Filter kept from your last session: {filter_label(chosen)}. "
                      "Press c to clear it.", title="Filter", timeout=8)
            self._restored_told_until = time.monotonic() + 8
        self.filter = chosen
        if 0 < state.cursor_id < len(pane.document):
            pane.move_cursor(state.cursor_id)
        self._apply_filter(chosen, follow=False)
        self._cursor_moved(pane)

    def _refresh_notes(self) -> None:
        for pane in (self.pane_a, self.pane_b):
            pane.noted = self.session.noted(pane.side)
            pane.refresh()

    # ----- state helpers ----------------------------------------------------------------------

    @property
    def focused_pane(self) -> AccountPane:
        """The pane the cursor keys act on (the last focused one)."""
        return self.pane_b if self.pane_b.active else self.pane_a

    def pane(self, side: Side) -> AccountPane:
        """Pane A or B."""
        return self.pane_a if side == "a" else self.pane_b

    def keys_of(self, key: Key) -> str:
        """The keys bound to ``key`` now (the user's keymap wins over the default)."""
        return self.keymap_overrides.get(key.id, key.keys)

    def _refresh_chrome(self) -> None:
        """Repaint the gutter and overviews and rewrite the status bar, once, before the next
        frame: a synced key asks three times (the cursor, then each pane's scroll), and each
        time cost a status rewrite and a view computation for each overview."""
        if not self._chrome_due:
            self._chrome_due = True
            self.call_next(self._flush_chrome)

    def _flush_chrome(self) -> None:
        """Draw the chrome now if a redraw is queued (for calls from outside the app's message
        loop, e.g. a test or script, whose queued redraw could come a frame late)."""
        if self._chrome_due:
            self._chrome_due = False
            self._draw_chrome()

    def _maybe_label(self, pane: AccountPane) -> tuple[str, str] | None:
        """The status field for a cursor on a sentence that is maybe in one account only (full
        and short forms): ``only in A? closest in B: 12 (weak match, Tab)``; None otherwise."""
        if self.analysis is None:
            return None
        alignment = self.analysis.alignment
        if alignment.links_of(pane.side, pane.cursor):
            return None
        near = alignment.near_of(pane.side, pane.cursor)
        if near is None:
            return None
        mine, theirs = self.letter(pane.side), self.letter(other(pane.side))
        return (f"only in {mine}? closest in {theirs}: {near.other + 1} (weak match, Tab)",
                f"{mine} only? {theirs}{near.other + 1} Tab")

    def _draw_chrome(self) -> None:
        try:
            gutter = self.query_one("#gutter", Widget)
        except NoMatches:  # the reader's screen is gone (quitting)
            return
        gutter.refresh()
        for widget_id in ("#overview-a", "#overview-b"):
            self.query_one(widget_id, Overview).refresh_view()
        focused = self.focused_pane
        parts: list[StatusPart] = []
        for pane in (self.pane_a, self.pane_b):
            place = pane.cursor if pane is focused else self._shown_sentence(pane)
            label = f"{self.letter(pane.side)} {place + 1}/{len(pane.document)}"
            parts.append(StatusPart(label, style="bold" if pane is focused else ""))
        maybe = self._maybe_label(focused)
        if maybe is not None:
            parts.append(StatusPart(*maybe, style="bold"))
        parts.append(StatusPart("sync on" if self.sync_on else "sync OFF", "sync" if self.sync_on
                                else "SYNC OFF", "" if self.sync_on else "bold"))
        if self.last_query:
            found = f" {self._hit_index + 1}/{len(self._hits)}" if self._hit_index >= 0 \
                else f" {len(self._hits)} found"
            parts.append(StatusPart(f"search “{self.last_query}”{found}",
                                    f"/{shorten(self.last_query, 12)}{found}", "bold"))
        restored = " (restored)" if self.filter.active and self.filter == self._restored else ""
        parts.append(StatusPart(f"filter{restored}: {filter_label(self.filter)}",
                                f"filter{'*' if restored else ''}: {filter_label(self.filter, 9)}",
                                "bold" if self.filter.active else ""))
        # after the filter: a toast in the corner must not cover the filter
        if self.differences is not None:
            step = self.differences.place(focused.side, focused.cursor)
            folded = " folded" if self.differences_only else ""
            if step is None:
                parts.append(StatusPart(f"diff …{folded}", f"Δ…{folded}", drop=True))
            else:
                index, total = step
                where = f"{index}/{total}" if index else f"–/{total}"
                parts.append(StatusPart(f"diff {where}{folded}", f"Δ{where}{folded}", drop=True))
        if self.analysis is not None:
            share_a, share_b = self._shares
            parts.append(StatusPart(f"shared: {self.letter('a')} {share_a:.0%} "
                                    f"{self.letter('b')} {share_b:.0%}", "", drop=True))
        elif self.analysis_error:
            parts.append(StatusPart("analysis failed (texts unaligned)", "unaligned", "bold"))
        else:
            seconds = int(time.monotonic() - self._started)
            text = f"aligning… {seconds} s" if seconds else "aligning…"
            parts.append(StatusPart(text, text, "italic"))
        self.query_one(StatusBar).show(parts)
        self.query_one("#header-a").set_class(focused is self.pane_a, "-active")
        self.query_one("#header-b").set_class(focused is self.pane_b, "-active")

    def _shown_sentence(self, pane: AccountPane) -> int:
        """Where the unfocused pane is: the lit partner of the other cursor, else (sync has
        levelled it, or the user scrolled it) its top sentence, else its own cursor."""
        if pane.partners:
            return min(pane.partners)
        if not len(pane.document) or not pane.size.height:
            return pane.cursor
        top = pane.top_sentence()
        return pane.cursor if top is None or pane.is_visible(pane.cursor) else top

    # ----- sync -------------------------------------------------------------------------------

    def _anchor(self, pane: AccountPane) -> int | None:
        """The sentence that keeps ``pane`` and the other pane level (see ``sync``)."""
        assert self.analysis is not None
        return anchor_sentence(self.analysis.alignment, pane)

    def _level(self, source: AccountPane, sid: int) -> None:
        """Scroll the other pane so the partner of ``sid`` sits level with it (guarded)."""
        assert self.analysis is not None
        target = self.pane(other(source.side))
        row = level_row(self.analysis.alignment, source, target, sid)
        if row is None:
            return
        self._syncing = True
        try:
            target.scroll_rows(row)
        finally:
            self._syncing = False

    def _pane_scrolled(self, pane: AccountPane) -> None:
        """Keep the other pane level by alignment (guarded: the echo does not sync back)."""
        if not self._syncing and self.sync_on and self.analysis is not None:
            anchor = self._anchor(pane)
            if anchor is not None:
                self._level(pane, anchor)
        self._refresh_chrome()

    def _cursor_moved(self, pane: AccountPane) -> None:
        """Highlight the cursor's partners and word differences; jump to far partners."""
        analysis = self.analysis
        target = self.pane(other(pane.side))
        if analysis is None:
            self._refresh_chrome()
            return
        alignment = analysis.alignment
        links = alignment.links_of(pane.side, pane.cursor)
        # Every partner of the cursor's sentence, with the kind of the link that joins them; the
        # cursor's own side shows the other members of its groups (a sentence split in two).
        theirs = alignment.partner_kinds(pane.side, pane.cursor)
        mine: dict[int, str] = {}
        for link in links:
            for sid in (link.a if pane.side == "a" else link.b):
                mine.setdefault(sid, link.kind)
        mine.pop(pane.cursor, None)
        # what was lit before: only those rows and the newly lit ones are repainted
        before = {p: {*p.partners, *p.diff} for p in (pane, target)}
        pane.partners = mine
        target.partners = theirs
        diff_a: dict[int, list[tuple[int, int]]] = {}
        diff_b: dict[int, list[tuple[int, int]]] = {}
        if links:
            # the words of the cursor's side that none of its partners carry, and the reverse
            own = tuple(sorted({pane.cursor, *mine}))
            other_ids = tuple(sorted(theirs))
            union = Link(own, other_ids, 0.0, links[0].kind) if pane.side == "a" else \
                Link(other_ids, own, 0.0, links[0].kind)
            try:
                from readerui.align import word_diff  # loaded with the analysis, not before

                spans = word_diff(analysis.a, analysis.b, union, self.settings.lang,
                                  self.settings.align)
            except Exception:  # a word-diff failure must not break reading
                spans = None
            if spans is not None:
                for found, store in ((spans.a, diff_a), (spans.b, diff_b)):
                    for span in found:
                        store.setdefault(span.sentence, []).append((span.start, span.end))
        self.pane_a.diff = {k: tuple(sorted(v)) for k, v in diff_a.items()}
        self.pane_b.diff = {k: tuple(sorted(v)) for k, v in diff_b.items()}
        if self.sync_on and theirs and not self._syncing and not pane.paging:  # best partner
            self._level(pane, pane.cursor)
        for lit in (pane, target):
            lit.refresh_sentences({lit.cursor, *before[lit], *lit.partners, *lit.diff})
        self.show_also_in(pane)
        self._refresh_chrome()

    # ----- filter -----------------------------------------------------------------------------

    def _apply_filter(self, chosen: Filter, follow: bool = True) -> None:
        """Dim what ``chosen`` leaves out; ``follow`` moves the cursor to a kept sentence."""
        self.filter = chosen
        if self.analysis is not None:
            for pane in (self.pane_a, self.pane_b):
                pane.kept = matching(self.analysis, pane.side, chosen)
                pane.refresh()
            pane = self.focused_pane
            if follow and pane.kept and pane.cursor not in pane.kept:
                after = [sid for sid in pane.kept if sid >= pane.cursor]
                pane.move_cursor(min(after) if after else min(pane.kept))
        self._refresh_chrome()

    def on_sidebar_filter_changed(self, event: Sidebar.FilterChanged) -> None:
        """The sidebar's ticks changed."""
        self._apply_filter(event.chosen)

    def toggle_filter(self, kind: str, name: str) -> None:
        """Add a value of a facet (``kind``: "speakers" or "speaker", "places", …) to the
        filter, or remove it (command palette, tests)."""
        chosen = self.filter.toggled(kind, name)
        self.query_one(Sidebar).show_filter(chosen)
        self._apply_filter(chosen)
        self._flush_chrome()

    def action_clear_filter(self) -> None:
        """Show every sentence again (and drop search highlights)."""
        self.last_query = ""
        self._hits, self._hit_index = [], -1
        for pane in (self.pane_a, self.pane_b):
            pane.matches = frozenset()
            pane.match_spans = {}
        self.query_one(Sidebar).show_filter(Filter())
        self._apply_filter(Filter())
        if time.monotonic() < self._restored_told_until:  # done as it says: not left showing
            self._restored_told_until = 0.0
            self.clear_notifications()

    # ----- layout -----------------------------------------------------------------------------

    def _layout_sidebar(self, width: int) -> None:
        """Show the sidebar or not (the user's choice, else by width), then arrange the
        accounts in the columns it leaves (it takes columns; it never covers the text)."""
        sidebar = self.query_one(Sidebar)
        sidebar.display = self._sidebar_shown(width)
        sidebar.set_class(not arrangement.sidebar_by_default(width), "-narrow")
        self._arrange(width)

    def _sidebar_shown(self, width: int) -> bool:
        """Whether the sidebar shows in ``width`` columns: the user's choice, else by width."""
        return self._sidebar_choice if self._sidebar_choice is not None \
            else arrangement.sidebar_by_default(width)

    def _arrange(self, width: int | None = None) -> None:
        """Put the accounts side by side or one above the other."""
        width = self.size.width if width is None else width
        shown = self.query_one(Sidebar).display
        chosen = arrangement.choose(width, shown, self._arrangement_choice)
        arrangement.apply(self.query_one("#panes"), chosen)  # the panes' resize re-levels

    def _relevel(self) -> None:
        """After the panes changed size: level the other pane by the cursor's partner when the
        cursor is in view (else by the first linked sentence in view)."""
        pane = self.focused_pane
        if len(pane.document) and pane.is_visible(pane.cursor):
            self._cursor_moved(pane)
        else:
            self._pane_scrolled(pane)

    @property
    def arrangement(self) -> Arrangement:
        """``side`` (the accounts side by side) or ``stacked`` (A above B)."""
        return arrangement.STACKED if self.query_one("#panes").has_class("-stacked") \
            else arrangement.SIDE

    def action_toggle_layout(self) -> None:
        """Accounts side by side, or one above the other (kept until pressed again)."""
        self._arrangement_choice = arrangement.flipped(self.arrangement)
        self._arrange()
        self.tell("Accounts " + ("one above the other" if self._arrangement_choice ==
                                 arrangement.STACKED else "side by side") + ".", timeout=2)

    def on_resize(self, event: Resize) -> None:
        """Hide the sidebar on narrow terminals unless the user asked for it; re-arrange and
        re-level the panes."""
        self._layout_sidebar(event.size.width)

    def action_toggle_sidebar(self) -> None:
        """Show and focus the sidebar (speakers, topics, places, …), or hide it."""
        sidebar = self.query_one(Sidebar)
        in_sidebar = self.focused is not None and sidebar in self.focused.ancestors_with_self
        if sidebar.display and (in_sidebar or self._sidebar_choice is not False):
            if in_sidebar or not sidebar.display:
                self._sidebar_choice = False
                sidebar.display = False
                self.focused_pane.focus()
            else:
                sidebar.focus_first()
        else:
            self._sidebar_choice = True
            sidebar.display = True
            sidebar.focus_first()
        self._arrange()
        self.call_after_refresh(self._refresh_chrome)

    def on_sidebar_left(self, event: Sidebar.Left) -> None:
        """Esc in the sidebar: back to the active pane; on a narrow terminal the sidebar
        closes (giving its columns back to the text)."""
        sidebar = self.query_one(Sidebar)
        if sidebar.has_class("-narrow"):
            self._sidebar_choice = None
            sidebar.display = False
            self._arrange()
        self.focused_pane.focus()

    def on_descendant_focus(self) -> None:
        """The focused pane becomes the active one; repaint headers and status."""
        if isinstance(self.focused, AccountPane):
            self.pane_a.active = self.focused is self.pane_a
            self.pane_b.active = self.focused is self.pane_b
            self.pane_a.refresh()
            self.pane_b.refresh()
        self._refresh_chrome()

    # ----- actions ----------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Reader actions work (and show in the footer) only on the reader screen itself."""
        return action not in _READER_ACTIONS or self.screen is self.screen_stack[0]

    def run_reader_action(self, action: str) -> None:
        """Run an action by name for the command palette (pane actions go to the focused pane)."""
        pane_actions = {"cursor_down", "cursor_up", "page_down", "page_up", "first", "last"}
        if action in pane_actions:
            self.call_later(self.focused_pane.run_action, action)
        else:
            self.call_later(self.run_action, action)

    def action_switch_pane(self) -> None:
        """Focus the other pane; its cursor goes to the partner of this one's (if any), or for a
        sentence maybe in one account only, to its closest candidate there."""
        source = self.focused_pane
        target = self.pane(other(source.side))
        partners: tuple[int, ...] = ()
        if self.analysis is not None:
            alignment = self.analysis.alignment
            partners = alignment.partners(source.side, source.cursor)
            near = alignment.near_of(source.side, source.cursor)
            if not partners and near is not None:
                partners = (near.other,)
        target.focus()
        if partners:
            target.move_cursor(partners[0])
        elif not target.is_visible(target.cursor):
            target.move_cursor(target.top_sentence() or 0, scroll=False)
        else:
            self._cursor_moved(target)

    def _jump_one_sided(self, step: int) -> None:
        pane = self.focused_pane
        if self.analysis is None:
            self.tell("Still aligning…", timeout=2)
            return
        found = next_one_sided(self.analysis, pane.side, pane.cursor, step)
        if found is None:
            where = "after" if step > 0 else "before"
            self.tell(f"No sentence only in {self.letter(pane.side)} {where} this one.", timeout=2)
            return
        self._land(pane, found)

    def action_next_one_sided(self) -> None:
        """Next sentence of this pane that the other account lacks."""
        self._jump_one_sided(1)

    def action_prev_one_sided(self) -> None:
        """Previous sentence of this pane that the other account lacks."""
        self._jump_one_sided(-1)

    def _jump_difference(self, step: int) -> None:
        pane = self.focused_pane
        if self.differences is None:
            self.tell("Still aligning…", timeout=2)
            return
        found = self.differences.step(pane.side, pane.cursor, step)
        if found is None:
            where = "after" if step > 0 else "before"
            self.tell(f"No difference in {self.letter(pane.side)} {where} this one.", timeout=2)
            return
        self._land(pane, found)

    def action_next_difference(self) -> None:
        """Next sentence of this pane that differs from the other account."""
        self._jump_difference(1)

    def action_prev_difference(self) -> None:
        """Previous sentence of this pane that differs from the other account."""
        self._jump_difference(-1)

    def action_toggle_differences(self) -> None:
        """Fold (or unfold) the stretches both accounts carry alike."""
        self.differences_only = not self.differences_only
        if self.differences is None or self.differences.all("a") is None:
            if self.differences_only:
                self.tell("Counting the differences; the alike stretches fold when done.",
                          timeout=3)
        else:
            self._apply_folds()
        self._refresh_chrome()

    def action_toggle_numbers(self) -> None:
        """Show or hide sentence numbers in both panes."""
        on = not self.pane_a.numbers
        for pane in (self.pane_a, self.pane_b):
            pane.set_numbers(on)
        self.call_after_refresh(self._pane_scrolled, self.focused_pane)

    def action_go_to(self) -> None:
        """Ask for a sentence number (``12``, ``A12``, ``B7``) and jump there."""
        from readerui.tui.screens.goto import GoTo

        self.push_screen(GoTo(self.focused_pane.side, {"a": len(self.doc_a),
                                                       "b": len(self.doc_b)},
                              {side: self.letter(side) for side in ("a", "b")}), self._go_to)

    def _land(self, pane: AccountPane, sid: int) -> None:
        """A jump: cursor on ``sid`` with context above it, its partner (levelled by sync)
        fully in view too."""
        tall = 0
        if self.analysis is not None and self.sync_on:
            target = self.pane(other(pane.side))
            partner = self.analysis.alignment.best_partner(pane.side, sid)
            if partner is not None:
                tall = len(target.wrapped.rows_of(partner))
        pane.move_cursor(sid, jump=True, tall=tall)

    def _jump_match(self, step: int) -> None:
        if self._hits:
            self._step_hit(step)
            return
        pane = self.focused_pane
        wanted = pane.kept if pane.kept is not None else pane.matches
        if not wanted:
            self.tell("No filter or search results to step through (f, /).", timeout=2)
            return
        ahead = [sid for sid in wanted if (sid - pane.cursor) * step > 0]
        if not ahead:
            self.tell("No more matches this way.", timeout=2)
            return
        self._land(pane, min(ahead) if step > 0 else max(ahead))

    def _step_hit(self, step: int) -> None:
        """The next or previous search result, across both panes in reading order."""
        index = self._hit_index + step
        if self._hit_index < 0:
            index = 0 if step > 0 else len(self._hits) - 1
        if not 0 <= index < len(self._hits):
            self.tell("No more results this way.", timeout=2)
            return
        self._hit_index = index
        hit = self._hits[index]
        self._go_to((hit.side, hit.sentence))
        self._refresh_chrome()

    def action_next_match(self) -> None:
        """Next sentence the filter keeps (or, without a filter, the last search found)."""
        self._jump_match(1)

    def action_prev_match(self) -> None:
        """Previous sentence the filter keeps (or the last search found)."""
        self._jump_match(-1)

    def action_toggle_sync(self) -> None:
        """Turn alignment sync on or off (on: level the other pane at once)."""
        self.sync_on = not self.sync_on
        if self.sync_on and self.analysis is not None:
            self._pane_scrolled(self.focused_pane)
        self._refresh_chrome()

    def _searchable(self) -> Analysis:
        if self.analysis is not None:
            return self.analysis
        return Analysis(self.doc_a, self.doc_b, Alignment((), len(self.doc_a), len(self.doc_b)),
                        Annotations.empty(len(self.doc_a), len(self.doc_b)))

    def action_search(self) -> None:
        """Fuzzy search both accounts; Enter jumps to the chosen sentence."""
        from readerui.tui.screens.search import SearchScreen

        self.push_screen(SearchScreen(self._searchable(), self.last_query, self._remember_search),
                         self._jumped)

    def _remember_search(self, query: str, hits: list[SearchHit]) -> None:
        """Mark every result in the panes (until ``c``) and offer the query next time."""
        self.last_query = query
        self._hits = reading_order(self._searchable(), hits)
        self._hit_index = -1
        for pane in (self.pane_a, self.pane_b):
            pane.matches = frozenset(hit.sentence for hit in hits if hit.side == pane.side)
            pane.match_spans = {hit.sentence: match_spans(query, pane.document.sentences[
                hit.sentence].text) for hit in hits if hit.side == pane.side}
            pane.refresh()

    def _jumped(self, hit: SearchHit | None) -> None:
        if hit is not None:
            self._hit_index = self._hits.index(hit) if hit in self._hits else -1
            self._go_to((hit.side, hit.sentence))
            self._refresh_chrome()

    def action_help(self) -> None:
        """Show every key."""
        from readerui.tui.screens.help import HelpScreen

        self.push_screen(HelpScreen(self.keymap_overrides))

    def action_legend(self) -> None:
        """Show what the marks and colours mean."""
        from readerui.tui.screens.help import LegendScreen

        self.push_screen(LegendScreen())

    def action_summary(self) -> None:
        """Show the coverage summary."""
        if self.analysis is None:
            self.tell("Still aligning…" if not self.analysis_error else self.analysis_error,
                        timeout=3)
            return
        from readerui.tui.screens.summary import SummaryScreen

        self.push_screen(SummaryScreen(self.analysis, self.accounts), self._go_to)

    def _go_to(self, place: tuple[Side, int] | None) -> None:
        """Focus the pane of ``place`` and put its cursor on that sentence."""
        if place is None:
            return
        side, sid = place
        pane = self.pane(side)
        pane.focus()
        self._land(pane, sid)

    def action_quit_reader(self) -> None:
        """Remember the cursor and filter, then quit with status 0."""
        pane = self.focused_pane
        self.session.save(pane.side, pane.cursor, self.filter)
        self.exit(0, return_code=0)

    def action_add_note(self) -> None:
        """Ask for a note (empty: bookmark) on the cursor sentence and store it."""
        pane = self.focused_pane
        if not len(pane.document):
            return
        side, sid = pane.side, pane.cursor

        def save(text: str | None) -> None:
            if text is None:
                return
            note = self.session.add_note(side, sid, text)
            self._show_warnings()
            if note is not None:
                self._refresh_notes()
                what = "Bookmark" if note.bookmark else "Note"
                self.tell(f"{what} saved on {self.letter(side)} {sid + 1}.", timeout=2)

        existing = self.session.note_on(side, sid)
        from readerui.tui.screens.notes import NoteInput

        self.push_screen(NoteInput(pane.document.sentences[sid].text,
                                   existing.text if existing is not None else ""), save)

    def action_notes(self) -> None:
        """List every note of the reading (of accounts off screen too); Enter jumps to one,
        bringing its account onto a pane when it is not shown."""
        def remove(note: Note) -> tuple[Note, ...]:
            self.session.remove_filed_note(note)
            self._refresh_notes()
            return self.session.all_notes

        def jump(note: Note | None) -> None:
            self._show_warnings()
            if note is None:
                return
            side = self.session.pane_side(note.side)
            if side is None and self.accounts is not None:  # an account off screen
                self._show_noted_account(note)
                return
            if side is None:
                return
            pane = self.pane(side)
            sid = anchor(note, pane.document)
            if sid is None:
                self.tell("That note's sentence is no longer in the text.", timeout=3)
                return
            pane.focus()
            self._land(pane, sid)

        from readerui.tui.screens.notes import NotesScreen

        self.push_screen(NotesScreen(self.session.all_notes, remove), jump)

    def _show_noted_account(self, note: Note) -> None:
        """Put the account of ``note`` (filed by account letter) in the pane that is not
        focused, and the cursor on the note's sentence."""
        accounts = self.accounts
        assert accounts is not None
        account = ACCOUNT_SIDES.index(cast(Side, note.side))
        sid = anchor(note, accounts.documents[account])
        if sid is None:
            self.tell("That note's sentence is no longer in the text.", timeout=3)
            return
        kept = accounts.account(self.focused_pane.side)
        pair = (kept, account) if self.focused_pane.side == "a" else (account, kept)
        self.show_pair(pair, (account, sid))

    def action_copy_sentence(self) -> None:
        """Copy the cursor sentence (labelled with account, source, date)."""
        pane = self.focused_pane
        if len(pane.document):
            meta = self.analysis.meta(pane.side) if self.analysis is not None else None
            self._copy(sentence_quote(pane.document, pane.side, [pane.cursor], meta,
                                      self.letter(pane.side)),
                       f"{self.letter(pane.side)} {pane.cursor + 1}")

    def action_quote_pair(self) -> None:
        """Copy the cursor sentence and its partners, A then B, each with source and date."""
        pane = self.focused_pane
        if not len(pane.document):
            return
        if self.analysis is None:
            self.tell("Still aligning…", timeout=2)
            return
        self._copy(pair_quote(self.analysis, pane.side, pane.cursor,
                              {side: self.letter(side) for side in ("a", "b")}),
                   f"the pair of {self.letter(pane.side)} {pane.cursor + 1}")

    def _copy(self, text: str, what: str) -> None:
        """To the terminal's clipboard (OSC 52: works over SSH where the terminal allows it)
        and to a file in the data folder (for terminals that do not)."""
        self.copy_to_clipboard(text)
        try:
            path = store.locations().data_dir / "clipboard.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            store.atomic_write(path, text + "\n")
            where = f"and to {path}"
        except (ReaderError, OSError) as exc:
            where = f"(the file copy failed: {exc})"
        self.tell(f"Copied {what} to the clipboard (OSC 52, if your terminal allows it) {where}.",
                  title="Copied", timeout=6)

    def action_export(self) -> None:
        """Ask where to save the Markdown report (HTML goes beside it), then write both off the
        UI thread (rendering a large pair takes seconds); in a browser, deliver both files."""
        analysis = self.analysis
        if analysis is None:
            self.tell("Still aligning…", timeout=2)
            return
        # the short name alone, so it shows whole in an 80-column box; the folder is said above
        default = self.session.export_name(analysis)
        folder = Path.cwd()

        def chosen(path: str | None) -> None:
            if path:
                self.tell("Exporting…", timeout=2)
                target = Path(path).expanduser()
                self._export(analysis, target if self.is_web else folder / target)

        if self.is_web:
            explain = "Markdown report; both reports are downloaded by your browser."
        else:
            explain = (f"Markdown report, in {shown(str(folder))} unless you type a folder; "
                       "the HTML report goes beside it.")
        from readerui.tui.screens.saveas import SaveAs

        self.push_screen(SaveAs("Export", default, explain), chosen)

    @work(thread=True, exclusive=True, group="export")
    def _export(self, analysis: Analysis, target: Path) -> None:
        try:
            if self.is_web:
                stem = target.name.removesuffix(".md")
                for suffix, text in self.session.render_export(analysis,
                                                               self.settings.lang).items():
                    self.call_from_thread(self.deliver_text, io.StringIO(text),
                                          save_filename=stem + suffix, open_method="download",
                                          name="readerui-export")
                return
            written = self.session.export(analysis, self.settings.lang, target)
        except (ReaderError, OSError) as exc:
            self.call_from_thread(self.tell, f"Export failed: {exc}", severity="error",
                                  timeout=8)
            return
        self.call_from_thread(self.tell, "Exported:\n" + "\n".join(map(str, written)),
                              timeout=8)

    def deliver_screenshot(self, filename: str | None = None, path: str | None = None,
                           time_format: str | None = None) -> str | None:
        """Save an SVG of the screen to a folder that exists (Downloads, else the current
        folder, else the data folder) and say where; in a browser, deliver it."""
        name = filename or time.strftime(time_format or "readerui-%Y%m%d-%H%M%S") + ".svg"
        folder = None if self.is_web else Path(path) if path else screenshot_folder()
        return self.deliver_text(io.StringIO(self.export_screenshot()), save_directory=folder,
                                 save_filename=name, open_method="browser",
                                 mime_type="image/svg+xml", name="readerui-screenshot")

    def on_delivery_complete(self, event: DeliveryComplete) -> None:
        """Say where a screenshot or export went (as plain text: paths are not markup)."""
        if event.name in ("readerui-screenshot", "readerui-export"):
            what = "Screenshot" if event.name == "readerui-screenshot" else "Export"
            where = f" to {event.path}" if event.path is not None else ""
            self.tell(f"{what} saved{where}.", title=what, timeout=6)

    def on_delivery_failed(self, event: DeliveryFailed) -> None:
        """Say why a screenshot or export could not be saved."""
        if event.name in ("readerui-screenshot", "readerui-export"):
            what = "Screenshot" if event.name == "readerui-screenshot" else "Export"
            self.tell(f"{what} failed: {event.exception}", title=what, severity="error",
                      timeout=8)

    def on_selection_list_selection_highlighted(
            self, event: SelectionList.SelectionHighlighted[str]) -> None:
        """Keep the status bar fresh while moving in the sidebar."""
        if self.query("#status"):  # not once the reader's screen is gone (quitting as the
            self._refresh_chrome()  # analysis arrives: the sidebar's event comes too late)

    # ----- speaker corrections (pure logic in readerui.annotate.overrides) ------------------

    def _highlighted_speaker(self) -> str | None:
        name = self.query_one(Sidebar).highlighted_speaker()
        if name is None:
            self.notify("Highlight a speaker in the sidebar first (f).", timeout=3)
        return name

    def action_rename_speaker(self, name: str | None = None) -> None:
        """Ask for a new name for a speaker (the highlighted one in the sidebar)."""
        name = name or self._highlighted_speaker()
        if name is None or self.analysis is None:
            return
        others = [s.name for s in self.analysis.annotations.speakers if s.name != name]
        from readerui.tui.screens.speaker_edit import SpeakerNameInput

        self.push_screen(SpeakerNameInput(f"Rename {name} (Enter saves, Esc cancels)", name,
                                          others),
                         lambda new: self._edit_typed("rename", name, new))

    def action_merge_speaker(self, name: str | None = None) -> None:
        """Ask which speaker a speaker (the highlighted one) is merged into."""
        name = name or self._highlighted_speaker()
        if name is None or self.analysis is None:
            return
        others = [s.name for s in self.analysis.annotations.speakers if s.name != name]
        from readerui.tui.screens.speaker_edit import SpeakerNameInput

        self.push_screen(SpeakerNameInput(f"Merge {name} into which speaker?", "", others),
                         lambda into: self._edit_typed("merge", name, into))

    def action_drop_speaker(self, name: str | None = None) -> None:
        """Mark a speaker (the highlighted one) as not a speaker: its sentences are narration."""
        name = name or self._highlighted_speaker()
        if name is not None:
            from readerui.annotate.overrides import SpeakerEdit

            self.edit_speakers(SpeakerEdit("drop", name))

    def _edit_typed(self, op: str, name: str, typed: str | None) -> None:
        from readerui.annotate.overrides import SpeakerEdit, clean_name

        target = clean_name(typed or "")
        if not target or target == name:
            return
        known = {s.name for s in self.analysis.annotations.speakers} if self.analysis else set()
        if op == "merge" and target not in known:
            self.notify(f"No speaker is called {target!r}.", severity="warning", timeout=4)
            return
        self.edit_speakers(SpeakerEdit("merge" if op == "merge" else "rename", name, target))

    def edit_speakers(self, edit: SpeakerEdit) -> None:
        """Apply and save one speaker correction (palette, sidebar keys, tests)."""
        if self.analysis is None:
            return
        if edit.name not in {s.name for s in self.analysis.annotations.speakers}:
            return
        if self.session.add_speaker_edit(edit):
            self._reannotate()
            self._flush_chrome()
            self.notify(f"{edit.describe()}. u in the sidebar undoes it.", timeout=4)
        self._show_warnings()

    def action_undo_speaker_edit(self) -> None:
        """Take back the last speaker correction."""
        undone = self.session.undo_speaker_edit()
        self._show_warnings()
        if undone is None:
            self.notify("No speaker edit to undo.", timeout=2)
            return
        self._reannotate()
        self.notify(f"Undone: {undone.describe()}.", timeout=3)

    def _reannotate(self) -> None:
        """Show the engine's analysis again with the current corrections (panes, sidebar,
        filter, summary and exports all read ``self.analysis``)."""
        engine = getattr(self, "_engine_analysis", None)
        if engine is None:
            return
        self.analysis = analysis = self.session.with_speaker_edits(engine)
        for pane in (self.pane_a, self.pane_b):
            pane.set_analysis(analysis)
        sidebar = self.query_one(Sidebar)
        sidebar.set_analysis(analysis)
        chosen = self.filter.keeping(analysis)  # a renamed or merged speaker is gone
        sidebar.show_filter(chosen)
        self._apply_filter(chosen, follow=False)
