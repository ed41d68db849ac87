"""Every key of the reader, as data, in one place.

Each binding has an ``id`` so users can remap it from the config keymap (``App.set_keymap``);
the help screen and the command palette are generated from these lists.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding, BindingType


@dataclass(frozen=True, slots=True)
class Key:
    """One action and its default keys."""

    id: str
    keys: str  # comma-separated Textual key names
    action: str
    description: str  # what the help screen and the command palette say
    group: str
    short: str = ""  # the footer's word for it; empty: not shown in the footer
    key_display: str | None = None
    footer: int = 0  # the footer's rank (1 kept first when the width is short); 0: not shown

    def binding(self) -> Binding:
        """The Textual binding for this key."""
        return Binding(self.keys, self.action, self.short or self.description,
                       show=bool(self.short), key_display=self.key_display, id=self.id,
                       tooltip=self.description)


# Keys of a focused account pane.
PANE_KEYS: tuple[Key, ...] = (
    Key("cursor_down", "down,j", "cursor_down", "Next sentence", "Move"),
    Key("cursor_up", "up,k", "cursor_up", "Previous sentence", "Move"),
    Key("page_down", "pagedown,space", "page_down", "Page down", "Move"),
    Key("page_up", "pageup", "page_up", "Page up", "Move"),
    Key("first", "home,g", "first", "First sentence", "Move"),
    Key("last", "end,G", "last", "Last sentence", "Move"),
    Key("switch_pane", "tab,shift+tab", "app.switch_pane", "Other pane", "Move", "Pane", "tab",
        footer=6),
    Key("next_one_sided", "n", "app.next_one_sided", "Next in one account only", "Jump",
        "Only-in", footer=8),
    Key("prev_one_sided", "N", "app.prev_one_sided", "Previous in one account only", "Jump"),
    Key("next_difference", "d", "app.next_difference",
        "Next difference (one-sided, partial, or the words differ)", "Jump", "Diff", footer=3),
    Key("prev_difference", "D", "app.prev_difference", "Previous difference", "Jump"),
    Key("next_match", "right_square_bracket", "app.next_match",
        "Next sentence the filter or search keeps", "Jump", "", "]"),
    Key("prev_match", "left_square_bracket", "app.prev_match",
        "Previous sentence the filter or search keeps", "Jump", "", "["),
)

# Keys of the whole reader.
APP_KEYS: tuple[Key, ...] = (
    Key("search", "slash", "search", "Search both accounts", "Jump", "Search", "/", footer=2),
    Key("toggle_sync", "s", "toggle_sync", "Sync panes on/off", "View", "Sync", footer=10),
    Key("toggle_sidebar", "f", "toggle_sidebar", "Speakers & topics (filter)", "View", "Filter",
        footer=7),
    Key("clear_filter", "c", "clear_filter", "Clear filter and search marks", "View"),
    Key("toggle_differences", "z", "toggle_differences",
        "Differences only: fold stretches both accounts carry alike", "View"),
    Key("toggle_layout", "L", "toggle_layout",
        "Layout: accounts side by side, or one above the other (automatic by width)", "View",
        "Layout", footer=12),
    Key("toggle_numbers", "number_sign", "toggle_numbers", "Sentence numbers on/off", "View",
        "", "#"),
    Key("go_to", "colon", "go_to", "Go to a sentence number (12, A12, B7)", "Jump", "", ":"),
    Key("summary", "v", "summary", "Summary view", "View", "Summary", footer=11),
    Key("add_note", "m", "add_note", "Note / bookmark this sentence", "Notes"),
    Key("notes", "M", "notes", "List notes", "Notes"),
    Key("copy", "y", "copy_sentence", "Copy the cursor sentence, with its source", "Notes"),
    Key("quote_pair", "Y", "quote_pair", "Copy the pair: A and B with sources and dates",
        "Notes"),
    Key("export", "E", "export", "Export analysis (Markdown + HTML)", "Notes"),
    Key("swap_sides", "w", "swap_sides", "Swap sides: the right-hand account goes left",
        "Accounts"),
    Key("next_right", "full_stop", "next_right", "Next account on the right", "Accounts",
        "Next acct", ".", footer=9),
    Key("prev_right", "greater_than_sign", "prev_right", "Previous account on the right",
        "Accounts", "", ">"),
    Key("next_left", "comma", "next_left", "Next account on the left", "Accounts", "", ","),
    Key("prev_left", "less_than_sign", "prev_left", "Previous account on the left", "Accounts",
        "", "<"),
    Key("pick_accounts", "a", "pick_accounts", "Accounts: pick the two shown (source, date)",
        "Accounts", "Accounts", footer=4),
    Key("claims", "C", "claims", "Claims: which account carries which claim", "Accounts",
        "Claims", footer=5),
    Key("legend", "l", "legend", "Legend: what the marks and colours mean", "View"),
    Key("help", "question_mark", "help", "Help: every key", "App", "Help", "?", footer=1),
    Key("quit", "q", "quit_reader", "Quit", "App", "Quit", footer=13),
)

# Keys of the sidebar's speaker list: the reader's corrections to the speakers.
SIDEBAR_KEYS: tuple[Key, ...] = (
    Key("rename_speaker", "r", "app.rename_speaker", "Rename the highlighted speaker", "Speakers"),
    Key("merge_speaker", "J", "app.merge_speaker", "Merge the highlighted speaker into another",
        "Speakers"),
    Key("drop_speaker", "x", "app.drop_speaker", "Highlighted speaker is not a speaker",
        "Speakers"),
    Key("undo_speaker_edit", "u", "app.undo_speaker_edit", "Undo the last speaker edit",
        "Speakers"),
)

# Keys of the account picker (a reading of several accounts).
PICKER_KEYS: tuple[Key, ...] = (
    Key("pick_right", "enter,r", "choose('b')", "Show the highlighted account on the right",
        "Account picker", "Right", "⏎/r"),
    Key("pick_left", "l", "choose('a')", "Show the highlighted account on the left",
        "Account picker", "Left"),
)

# Keys of the claims view.
CLAIMS_KEYS: tuple[Key, ...] = (
    Key("claims_down", "down,j", "down", "Next claim", "Claims view"),
    Key("claims_up", "up,k", "up", "Previous claim", "Claims view"),
    Key("claims_page_down", "pagedown,space", "page_down", "Page down", "Claims view"),
    Key("claims_page_up", "pageup", "page_up", "Page up", "Claims view"),
    Key("claims_first", "home,g", "first", "First claim", "Claims view"),
    Key("claims_last", "end,G", "last", "Last claim", "Claims view"),
    Key("open_claim", "enter", "choose", "Show the claim's sentences side by side",
        "Claims view", "Open", "⏎"),
    Key("sort_claims", "o", "sort", "Order: carried by fewest first / reading order",
        "Claims view", "Order"),
)

# Keys of the modal screens (help, summary, notes) that close them.
CLOSE_KEYS = "escape,q"


def pane_bindings() -> list[BindingType]:
    """Bindings of an account pane."""
    return [key.binding() for key in PANE_KEYS]


def app_bindings() -> list[BindingType]:
    """Bindings of the app."""
    return [key.binding() for key in APP_KEYS]


def sidebar_bindings() -> list[Binding]:
    """Bindings of the sidebar (speaker corrections)."""
    return [key.binding() for key in SIDEBAR_KEYS]


def picker_bindings() -> list[Binding]:
    """Bindings of the account picker."""
    return [key.binding() for key in PICKER_KEYS]


def claims_bindings() -> list[Binding]:
    """Bindings of the claims view's screen (the order key)."""
    return [key.binding() for key in CLAIMS_KEYS if key.id == "sort_claims"]


def claims_table_bindings() -> list[BindingType]:
    """Bindings of the claims view's table (moving, Enter)."""
    return [key.binding() for key in CLAIMS_KEYS if key.id != "sort_claims"]


def reader_keys() -> tuple[Key, ...]:
    """The keys of the reader itself (the command palette runs these), not of its screens."""
    return PANE_KEYS + APP_KEYS + SIDEBAR_KEYS


def all_keys() -> tuple[Key, ...]:
    """Every key, pane keys first, in help order."""
    return PANE_KEYS + APP_KEYS + SIDEBAR_KEYS + PICKER_KEYS + CLAIMS_KEYS
