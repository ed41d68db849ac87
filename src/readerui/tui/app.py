"""PLACEHOLDER reader app (being replaced under issue 5)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Footer, Static

from readerui.model import Document
from readerui.settings import Settings


class ReaderApp(App[int]):
    """Two accounts side by side."""

    BINDINGS = [("q", "quit", "Quit")]

    def __init__(self, a: Document, b: Document, settings: Settings | None = None) -> None:
        super().__init__()
        self.doc_a, self.doc_b = a, b
        self.settings = settings or Settings()

    def compose(self) -> ComposeResult:
        yield Static(f"{len(self.doc_a)} / {len(self.doc_b)} sentences", markup=False)
        yield Footer()
