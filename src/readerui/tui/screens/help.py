"""The help screen, generated from the key bindings (and the user's keymap)."""

from __future__ import annotations

from collections.abc import Mapping

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.keys import key_to_character
from textual.screen import ModalScreen
from textual.widgets import Static

from readerui.facets import kinds
from readerui.tui.bindings import CLOSE_KEYS, Key, all_keys
from readerui.tui.screens import SCREEN_STYLES
from readerui.tui.widgets.pane import MARKERS

_NAMES = {
    "down": "↓", "up": "↑", "left": "←", "right": "→", "pagedown": "PgDn", "pageup": "PgUp",
    "home": "Home", "end": "End", "tab": "Tab", "shift+tab": "Shift+Tab", "space": "Space",
    "slash": "/", "question_mark": "?", "escape": "Esc", "enter": "Enter",
    "right_square_bracket": "]", "left_square_bracket": "[",
}


def filter_logic() -> str:
    """How the sidebar's lists combine, naming the facets in their order."""
    chosen = " AND ".join(f"any chosen {kind.one}" for kind in kinds())
    return f"The filter keeps a sentence that has {chosen} (choices in one list are OR'd)."

LEGEND: tuple[tuple[str, str], ...] = (
    (MARKERS["strong"], "the other account carries this sentence (strong link)"),
    (MARKERS["partial"], "the other account carries part of it (partial link)"),
    (MARKERS["only"], "only this account says it"),
    (MARKERS["maybe"], "maybe only this account: the other's closest sentence is a weak match "
                       "(Tab goes to it)"),
    ("bold", "words the partner sentence does not have (cursor and partner)"),
    ("─┐└", "gutter: which rows of A and B are linked"),
    ("↑ ↓", "gutter: the partner is scrolled away above / below"),
    ("*", "a note or bookmark on the sentence"),
    ("▐ ▌", "overview: the part in view; its colour shows how much is shared"),
)


def key_label(keys: str) -> str:
    """Readable form of a comma-separated key list, e.g. ``"down,j"`` -> ``"↓ j"``."""
    labels = []
    for key in keys.split(","):
        key = key.strip()
        if key in _NAMES:
            labels.append(_NAMES[key])
        elif key.startswith("ctrl+"):
            labels.append("Ctrl+" + key[5:])
        else:  # "number_sign" is what a user types as "#"
            character = key_to_character(key)
            labels.append(character if character and character.isprintable() else key)
    return " ".join(labels)


def help_table(keys: tuple[Key, ...], keymap: Mapping[str, str]) -> Table:
    """A table of every key by group; ``keymap`` (id -> keys) overrides the defaults."""
    table = Table.grid(padding=(0, 2))
    table.add_column(justify="right", style="bold", no_wrap=True)
    table.add_column()
    groups: dict[str, list[Key]] = {}  # each group once, where it first comes in the table
    for key in keys:
        groups.setdefault(key.group, []).append(key)
    for index, (group, members) in enumerate(groups.items()):
        if index:
            table.add_row("", "")
        table.add_row("", Text(group, style="bold underline"))
        for key in members:
            table.add_row(Text(key_label(keymap.get(key.id, key.keys))), Text(key.description))
    table.add_row("", "")
    table.add_row("Ctrl+p", "Command palette: actions, " + ", ".join(k.name for k in kinds()))
    table.add_row("Esc q", "Close this help")
    table.add_row("", "")
    table.add_row("", Text("Filter", style="bold underline"))
    table.add_row("", filter_logic())
    table.add_row("", "")
    table.add_row("", Text("Marks", style="bold underline"))
    for glyph, meaning in LEGEND:
        table.add_row(glyph, meaning)
    return table


class HelpScreen(ModalScreen[None]):
    """Every key of the reader."""

    CSS_PATH = SCREEN_STYLES

    BINDINGS = [Binding(CLOSE_KEYS + ",question_mark", "dismiss", "Close", id="close_help")]

    def __init__(self, keymap: Mapping[str, str] | None = None) -> None:
        super().__init__()
        self.keymap = dict(keymap or {})

    def compose(self) -> ComposeResult:
        """The generated key table in a scrollable box."""
        with VerticalScroll(id="help-box") as box:
            box.border_title = "Keys"
            box.border_subtitle = "↑↓ scroll · Esc closes"
            yield Static(help_table(all_keys(), self.keymap), id="help-table")


def legend_table() -> Table:
    """The marks and the reader's colours, each drawn as the panes draw it."""
    table = Table.grid(padding=(0, 2))
    table.add_column(no_wrap=True)
    table.add_column()
    table.add_row(Text(" cursor ", style="bold reverse"), "the sentence the keys act on")
    table.add_row(Text(" partner ", style="underline"),
                  "its partner(s) in the other account (highlighted)")
    table.add_row(Text("▪ tinted"), "found in this account only (light tint)")
    for glyph, meaning in LEGEND:
        table.add_row(glyph, meaning)
    table.add_row("☑ ☐", "sidebar: chosen / not chosen")
    return table


class LegendScreen(ModalScreen[None]):
    """A compact legend of the marks and colours."""

    CSS_PATH = SCREEN_STYLES

    BINDINGS = [Binding(CLOSE_KEYS + ",l", "dismiss", "Close", id="close_legend")]

    def compose(self) -> ComposeResult:
        """The legend in a small box."""
        with VerticalScroll(id="legend-box") as box:
            box.border_title = "Legend"
            box.border_subtitle = "Esc closes"
            yield Static(legend_table(), id="legend-table")
