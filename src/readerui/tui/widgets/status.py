"""The status bar: where each pane is, sync, search, filter and coverage, on one line that
keeps its most useful fields (in short forms) on narrow terminals."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.widgets import Static

from readerui.tui.reading import Filter


def shorten(text: str, width: int) -> str:
    """``text`` cut to ``width`` cells with an ellipsis."""
    return text if len(text) <= width else text[: max(1, width - 1)] + "…"


@dataclass(frozen=True, slots=True)
class StatusPart:
    """One field of the status bar: its full and short forms (``short`` empty and ``drop``:
    left out when the line is too narrow)."""

    text: str
    short: str = ""
    style: str = ""
    drop: bool = False


_BAR = " │ "


def fit_parts(parts: list[StatusPart], width: int) -> list[tuple[str, str]]:
    """The fields that fit ``width``, giving up the least first: droppable fields with no short
    form (e.g. coverage, repeated in the headers) go, then fields take their short forms (from
    the right), then the other droppable fields go (from the right). A field once dropped stays
    dropped, so a long filter never pushes a shorter field out while it could itself shrink."""
    texts = [part.text for part in parts]

    def size() -> int:
        shown = [text for text in texts if text]
        return sum(len(text) for text in shown) + len(_BAR) * max(0, len(shown) - 1)

    for index in reversed(range(len(parts))):
        if size() <= width:
            break
        if parts[index].drop and not parts[index].short:
            texts[index] = ""
    for index in reversed(range(len(parts))):
        if size() <= width:
            break
        if parts[index].short and texts[index]:
            texts[index] = parts[index].short
    for index in reversed(range(len(parts))):
        if size() <= width:
            break
        if parts[index].drop:
            texts[index] = ""
    return [(text, part.style) for text, part in zip(texts, parts, strict=True) if text]


class StatusBar(Static):
    """One line: position in each pane, sync, search, filter, coverage (plain text)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self._shown: tuple[list[StatusPart], int] | None = None
        self._parts: list[StatusPart] = []

    def show(self, parts: list[StatusPart]) -> None:
        """Show the fields separated by thin bars, in short forms when the line is narrow."""
        self._parts = list(parts)
        width = max(20, self.content_region.width or self.app.size.width - 2)
        if self._shown == (self._parts, width):
            return
        self._shown = (self._parts, width)
        line = Text(no_wrap=True, overflow="ellipsis")
        for index, (text, style) in enumerate(fit_parts(parts, width)):
            if index:
                line.append(_BAR, style="dim")
            line.append(text, style=style)
        self.update(line, layout=False)  # one fixed line: no need to lay the screen out again

    def on_resize(self) -> None:
        """Refit the fields to the new width."""
        self.show(self._parts)


def filter_label(chosen: Filter, cut: int = 0) -> str:
    """The filter with its logic: ``speaker X or Y AND topic Z`` (a sentence is kept when it has
    a chosen value of each facet with choices), facets in their order; ``cut`` > 0 shortens
    names to that width and writes the logic as ``X|Y & Z``."""
    if not chosen.active:
        return "none"
    groups = []
    for kind, names in chosen.items():
        ordered = sorted(names)
        if cut:
            shown = "|".join(shorten(name, cut) for name in ordered[:2])
            groups.append(shown + (f"+{len(ordered) - 2}" if len(ordered) > 2 else ""))
        else:
            groups.append(f"{kind.one} " + " or ".join(ordered))
    return (" & " if cut else " AND ").join(groups)
