"""Command palette (ctrl+p): every action, filtering by any value of any facet (speaker,
topic, place, …), and the speaker corrections."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from typing import Protocol

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

from readerui.facets import FacetValue, facets
from readerui.model import Analysis
from readerui.tui.bindings import Key, reader_keys


class CommandHost(Protocol):
    """What the palette needs of the app (the app imports this module, not the reverse)."""

    analysis: Analysis | None

    def run_reader_action(self, action: str) -> None: ...
    def keys_of(self, key: Key) -> str: ...
    def toggle_filter(self, kind: str, name: str) -> None: ...
    def action_rename_speaker(self, name: str | None = None) -> None: ...
    def action_merge_speaker(self, name: str | None = None) -> None: ...
    def action_drop_speaker(self, name: str | None = None) -> None: ...
    def call_later(self, callback: Callable[..., object], *args: object,
                   **kwargs: object) -> bool: ...


def _highlight(matcher: Matcher, text: str) -> Content:
    """``text`` with the matched letters styled; unlike ``Matcher.highlight`` it never parses
    markup (speaker and topic names come from documents)."""
    content = Content(text)
    score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    if score:
        for offset in offsets:
            if not text[offset].isspace():
                content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


def facets_named(analysis: Analysis, name: str) -> tuple[FacetValue, ...]:
    """The values of the facet called ``name`` (none when it is not registered)."""
    return next((facet.values for facet in facets(analysis) if facet.name == name), ())


class ReaderCommands(Provider):
    """Actions from the key bindings, one entry per value of each facet, and the speaker
    corrections."""

    def _entries(self) -> list[tuple[str, Callable[[], object], str]]:
        from readerui.tui.screens.help import key_label  # the screens load when first used

        app: CommandHost = self.app  # type: ignore[assignment]
        entries: list[tuple[str, Callable[[], object], str]] = []
        for key in reader_keys():
            entries.append((key.description,
                            partial(app.run_reader_action, key.action.removeprefix("app.")),
                            f"key: {key_label(app.keys_of(key))}"))
        if app.analysis is not None:
            for facet in facets(app.analysis):  # every facet's values, in the one ordering
                for value in facet.values:
                    counts = f"A {len(value.a)} · B {len(value.b)} sentences"
                    entries.append((f"Filter by {facet.one}: {value.name}",
                                    partial(app.toggle_filter, facet.name, value.name), counts))
            for speaker in facets_named(app.analysis, "speakers"):
                counts = f"A {len(speaker.a)} · B {len(speaker.b)} sentences"
                for label, action in (("Rename speaker", app.action_rename_speaker),
                                      ("Merge speaker into another", app.action_merge_speaker),
                                      ("Not a speaker", app.action_drop_speaker)):
                    entries.append((f"{label}: {speaker.name}",
                                    partial(app.call_later, action, speaker.name), counts))
        return entries

    async def discover(self) -> Hits:
        """Everything, before the user types."""
        for text, command, help_text in self._entries():
            yield DiscoveryHit(Content(text), command, text=text, help=help_text)

    async def search(self, query: str) -> Hits:
        """Entries whose words start with the query's words ("ryan" finds "Paul Ryan", not
        "Maryland"); when no entry does, entries fuzzily matching ``query``."""
        matcher = self.matcher(query)
        entries = self._entries()
        by_words = [entry for entry in entries if words_start_with(entry[0], query)]
        for text, command, help_text in by_words or entries:
            score = matcher.match(text)
            if by_words:
                score = max(score, 0.5)  # query words out of order still match
            if score > 0:
                yield Hit(score, _highlight(matcher, text), command, text=text, help=help_text)


def _words(text: str) -> list[str]:
    """The lower-case words of ``text`` (letters and digits)."""
    return re.findall(r"\w+", text.casefold())


def words_start_with(text: str, query: str) -> bool:
    """Whether every word of ``query`` begins some word of ``text``."""
    wanted = _words(query)
    words = _words(text)
    return bool(wanted) and all(any(word.startswith(part) for word in words) for part in wanted)
