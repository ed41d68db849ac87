"""Fuzzy search across both accounts; choosing a result jumps to it."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from readerui.model import Analysis
from readerui.tui.reading import SearchHit, search
from readerui.tui.screens import SCREEN_STYLES


def hit_prompt(hit: SearchHit) -> Text:
    """``A 12  sentence text`` on one line, as plain text."""
    prompt = Text(f"{hit.side.upper()} {hit.sentence + 1:>4}  ", style="bold", no_wrap=True,
                  overflow="ellipsis")
    prompt.append(" ".join(hit.text.split()))
    return prompt


class SearchScreen(ModalScreen[SearchHit | None]):
    """An input and the best matches from both panes; Enter jumps to the highlighted one."""

    CSS_PATH = SCREEN_STYLES

    BINDINGS = [
        Binding("escape", "dismiss(None)", "Close", id="close_search"),
        Binding("down", "focus_results", "Results", show=False, id="search_results"),
    ]

    def __init__(self, analysis: Analysis, query: str = "",
                 remember: Callable[[str, list[SearchHit]], None] | None = None) -> None:
        """``remember(query, hits)`` is called when the user jumps to a result."""
        super().__init__()
        self.analysis = analysis
        self.initial_query = query
        self.remember = remember
        self.hits: list[SearchHit] = []
        self._query = query

    def compose(self) -> ComposeResult:
        """Query box, result count, results."""
        with Vertical(id="search-box") as box:
            box.border_title = "Search both accounts"
            yield Input(self.initial_query, placeholder="words to find (fuzzy)…", id="search-input")
            yield Static("", id="search-count", markup=False)
            yield OptionList(id="search-results")

    def on_mount(self) -> None:
        """Show results for a query carried over from last time."""
        if self.initial_query:
            self._update(self.initial_query)

    def on_input_changed(self, event: Input.Changed) -> None:
        """Search as the user types."""
        self._update(event.value)

    def _update(self, query: str) -> None:
        self._query = query
        self.hits = search(self.analysis, query)
        results = self.query_one("#search-results", OptionList)
        results.clear_options()
        results.add_options([Option(hit_prompt(hit)) for hit in self.hits])
        if self.hits:
            results.highlighted = 0
        count = f"{len(self.hits)} matches" if query.strip() else ""
        self.query_one("#search-count", Static).update(count)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the box jumps to the highlighted (best) result."""
        results = self.query_one("#search-results", OptionList)
        if self.hits:
            self._jump(self.hits[results.highlighted or 0])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter on a result jumps to it."""
        self._jump(self.hits[event.option_index])

    def _jump(self, hit: SearchHit) -> None:
        if self.remember is not None:
            self.remember(self._query, self.hits)
        self.dismiss(hit)

    def action_focus_results(self) -> None:
        """Move from the box to the results."""
        if self.hits:
            self.query_one("#search-results", OptionList).focus()
