"""One list per facet (speakers, topics, places, …) with per-side counts; choosing entries
filters both panes."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.strip import Strip
from textual.widgets import Label, SelectionList, Static
from textual.widgets.selection_list import Selection

from readerui.facets import facets, kinds
from readerui.model import Analysis
from readerui.tui.bindings import sidebar_bindings
from readerui.tui.reading import Filter

NAME_WIDTH = 15
CHOSEN, UNCHOSEN = "☑", "☐"  # the glyph, not only a colour, tells chosen rows apart
HINT = "↑↓ move · space choose · c clear\ntab other list · esc back"
_BOLD = Style(bold=True)


def _prompt(name: str, in_a: int, in_b: int, letters: tuple[str, str] = ("A", "B")) -> Text:
    """``name  A3 B0  only A`` as plain text (names come from documents: never markup);
    ``letters``: the accounts on the left and right (A and B, or C and A…)."""
    shown = name if len(name) <= NAME_WIDTH else name[: NAME_WIDTH - 1] + "…"
    left, right = letters
    prompt = Text(shown.ljust(NAME_WIDTH))
    prompt.append(f" {left}{in_a:<3}{right}{in_b:<3}", style="dim")
    if in_a and not in_b:
        prompt.append(f" only {left}", style="bold")
    elif in_b and not in_a:
        prompt.append(f" only {right}", style="bold")
    return prompt


class ChoiceList(SelectionList[tuple[str, str]]):
    """A multi-choice list drawn as ``☑ name`` / ``☐ name`` (chosen rows also bold); Down on
    the last row and Up on the first ask the sidebar to move to the neighbouring list."""

    COMPONENT_CLASSES = SelectionList.COMPONENT_CLASSES | {"choice-list--chosen",
                                                           "choice-list--unchosen"}

    def _get_left_gutter_width(self) -> int:
        return 2

    def render_line(self, y: int) -> Strip:
        """A check glyph before the prompt instead of Textual's coloured toggle button."""
        line = super(SelectionList, self).render_line(y)
        index = self.scroll_offset.y + y
        if index >= self.option_count:
            return line
        chosen = self.get_option_at_index(index).value in self._selected
        base = next(iter(line)).style if len(line) else self.rich_style
        glyph = Segment((CHOSEN if chosen else UNCHOSEN) + " ",
                        (base or Style()) + self.get_component_rich_style(
                            "choice-list--chosen" if chosen else "choice-list--unchosen"))
        segments = list(line)
        if chosen:
            segments = list(Segment.apply_style(segments, post_style=_BOLD))
        return Strip([glyph, *segments])

    def action_cursor_down(self) -> None:
        """Next row; from the last one, on to the next list."""
        if self.highlighted is not None and self.highlighted >= self.option_count - 1:
            self._leave(1)
        else:
            super().action_cursor_down()

    def action_cursor_up(self) -> None:
        """Previous row; from the first one, back to the previous list."""
        if not self.highlighted:
            self._leave(-1)
        else:
            super().action_cursor_up()

    def _leave(self, step: int) -> None:
        """Move to the neighbouring non-empty list of the sidebar (no wrapping round). Focus
        moves at once, not by message, so a key typed right after lands in the new list."""
        lists = [choices for choices in self.screen.query(ChoiceList) if choices.option_count]
        where = lists.index(self) + step if self in lists else -1
        if not 0 <= where < len(lists):
            return
        target = lists[where]
        target.highlighted = 0 if step > 0 else target.option_count - 1
        self.screen.set_focus(target)


class Sidebar(Vertical):
    """One multi-choice list per facet (ids: the facet names); the chosen entries form the
    filter. The facets come from :mod:`readerui.facets`: a new facet gets its list here."""

    BINDINGS = [Binding("escape", "leave", "Back to the text", id="leave_sidebar"),
                *sidebar_bindings()]

    class Left(Message):
        """The user wants to go back to the text."""

    class FilterChanged(Message):
        """The user chose or unchose an entry."""

        def __init__(self, chosen: Filter) -> None:
            super().__init__()
            self.chosen = chosen

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._quiet = False
        self._known = Filter()  # the filter the app already has (SelectedChanged arrives late)
        self.letters = ("A", "B")  # the accounts on the left and right, for the counts
        self._built = False  # the lists are mounted

    def compose(self) -> ComposeResult:
        """The lists, when the sidebar shows from the start; a hidden one (a narrow terminal)
        gets them right after the first paint (see ``build``): mounting and styling a list per
        facet is a fair share of what stands before the texts show."""
        if self.display:
            self._built = True
            yield from self._parts()

    def _parts(self) -> ComposeResult:
        """A heading, a list and an empty-list note per facet, then a hint."""
        for kind in kinds():
            yield Label(kind.title, classes="sidebar-heading")
            yield ChoiceList(id=kind.name)
            yield Static("waiting for the analysis…", id=f"{kind.name}-empty",
                         classes="sidebar-empty", markup=False)
        yield Static(HINT, classes="sidebar-hint", markup=False)

    def on_mount(self) -> None:
        """Build the lists after the first paint if they are not there yet."""
        if not self._built:
            self.call_after_refresh(self.build)

    def build(self) -> None:
        """Mount the lists now if they are not yet (every method that reads them calls this:
        they can be queried at once, before their own mount events)."""
        if not self._built:
            self._built = True
            self.mount_all(self._parts())

    def set_analysis(self, analysis: Analysis) -> None:
        """Fill the lists, each facet's values in the facets' one ordering (most sentences
        first, then by name)."""
        self.build()
        for facet in facets(analysis):
            self._fill(f"#{facet.name}", [(facet.name, v.name, len(v.a), len(v.b))
                                         for v in facet.values], f"no {facet.name} found")
        self._share_height()

    def on_resize(self) -> None:
        """Share the new height between the lists."""
        self._share_height()

    def _share_height(self) -> None:
        """Give each list the rows it needs while they fit; when they do not, the short lists
        keep theirs and the long ones share the rest evenly, so every heading stays in view
        (a long topic list must not push the places out of the sidebar)."""
        lists = [choices for choices in self.query(ChoiceList) if choices.display]
        if not self.display or not self.size.height:  # hidden: the style sheet's heights, until
            for choices in lists:                    # it is shown (and resized) again
                choices.styles.height = None
            return
        fixed = sum(child.outer_size.height for child in self.children
                    if child.display and not isinstance(child, ChoiceList))
        left = max(len(lists), self.size.height - fixed)
        for position, choices in enumerate(sorted(lists, key=lambda c: c.option_count)):
            rows = max(1, min(choices.option_count, left // (len(lists) - position)))
            choices.styles.height = rows
            left -= rows

    def _fill(self, selector: str, rows: list[tuple[str, str, int, int]], empty: str) -> None:
        options = self.query_one(selector, SelectionList)
        self._quiet = True
        options.clear_options()
        options.add_options([Selection(_prompt(name, in_a, in_b, self.letters), (kind, name))
                             for kind, name, in_a, in_b in rows])
        note = self.query_one(f"{selector}-empty", Static)
        note.update(empty if not rows else "")
        note.display = not rows
        options.display = bool(rows)
        if rows and options.highlighted is None:
            options.highlighted = 0
        self._quiet = False

    def show_unavailable(self, reason: str) -> None:
        """Say why there is nothing to choose from."""
        self.build()
        for kind in kinds():
            self.query_one(f"#{kind.name}-empty", Static).update(reason)

    def show_filter(self, chosen: Filter) -> None:
        """Tick exactly the entries of ``chosen`` (without announcing a change)."""
        self.build()
        self._known = chosen
        self._quiet = True
        for kind in kinds():
            options = self.query_one(f"#{kind.name}", SelectionList)
            options.deselect_all()
            for name in chosen.get(kind.name):
                options.select((kind.name, name))
        self._quiet = False

    def highlighted_speaker(self) -> str | None:
        """The speaker under the highlight of the speaker list, if any."""
        self.build()
        options = self.query_one("#speakers", SelectionList)
        if not options.option_count or options.highlighted is None:
            return None
        kind, name = options.get_option_at_index(options.highlighted).value
        return name if kind == "speakers" else None

    def current(self) -> Filter:
        """The filter the ticked entries make."""
        self.build()
        return Filter({kind.name: {name for _, name in
                                   self.query_one(f"#{kind.name}", SelectionList).selected}
                       for kind in kinds()})

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged[str]) -> None:
        """Announce the new filter."""
        event.stop()
        chosen = self.current()
        if not self._quiet and chosen != self._known:
            self._known = chosen
            self.post_message(self.FilterChanged(chosen))

    def action_leave(self) -> None:
        """Esc: back to the panes (the app decides which one and whether to hide)."""
        self.post_message(self.Left())

    def focus_first(self) -> None:
        """Focus the first list that has entries (the speakers, usually)."""
        self.build()
        lists = [choices for choices in self.query(ChoiceList) if choices.option_count]
        target = lists[0] if lists else self.query_one(ChoiceList)
        if target.option_count and target.highlighted is None:
            target.highlighted = 0
        target.focus()
