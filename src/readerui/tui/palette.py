"""The reader's own colours (cursor, partner, one-sided tint), worked out from the theme so that
they stay apart in 256-colour terminals (tmux, most SSH sessions) as well as in true colour.

Textual's theme colours are blends that look distinct in true colour, but a 256-colour terminal
rounds nearby blends to the same palette entry: the cursor, partner highlight, sidebar and status
bar all turned one navy. Here each reader colour is snapped to a palette entry that differs from
the others and from the backgrounds around it.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from rich.color import Color as RichColor
from rich.color import ColorSystem
from rich.color_triplet import ColorTriplet
from textual.color import Color

# name -> (blend target variable, first blend factor); the factor grows until the colour is
# distinct in 256 colours
_COLOURS: dict[str, tuple[str, str, float]] = {
    "reader-cursor": ("background", "primary", 0.45),
    "reader-partner": ("background", "primary", 0.20),
    "reader-only-text": ("foreground", "warning", 0.30),
}
_BACKGROUNDS = ("background", "surface", "panel")


def _index(colour: Color) -> int:
    """The xterm-256 palette entry a 256-colour terminal shows for ``colour``."""
    rich = RichColor.from_rgb(colour.r, colour.g, colour.b).downgrade(ColorSystem.EIGHT_BIT)
    return rich.number if rich.number is not None else 0


@cache
def _entry(index: int) -> Color:
    triplet: ColorTriplet = RichColor.from_ansi(index).get_truecolor()
    return Color(triplet.red, triplet.green, triplet.blue)


# Backgrounds the chrome is painted with (the panes, the sidebar, the status bar, the footer)
# and their lighter and darker steps.
_CHROME = ("background", "surface", "panel", "footer-background")


@cache
def _palette() -> tuple[tuple[int, int, int, int], ...]:
    """(index, red, green, blue) of the xterm-256 entries 16-255, worked out once."""
    return tuple((index, entry.r, entry.g, entry.b)
                 for index in range(16, 256) for entry in (_entry(index),))


@cache
def _nearest_rgb(red: int, green: int, blue: int) -> int:
    best, best_distance = 16, float("inf")
    for index, r, g, b in _palette():
        distance = (r - red) ** 2 + (g - green) ** 2 + (b - blue) ** 2
        if distance < best_distance:
            best, best_distance = index, distance
    return best


def _nearest_entry(colour: Color) -> int:
    """The xterm-256 entry (16-255: the terminal's own first 16 vary) nearest ``colour`` in RGB
    distance. Rich's downgrade rounds each channel to the colour cube instead, which turns a
    dark slate (textual-dark's panel, #242F38) into saturated navy #00005F. The palette is
    worked out once and each colour's entry kept (the reader asks for ~20 before its first
    paint, and again when the theme changes)."""
    return _nearest_rgb(colour.r, colour.g, colour.b)


def chrome_backgrounds(variables: Mapping[str, str], depth: str | None) -> dict[str, str]:
    """With ``depth`` ``256``: the theme's opaque background variables (``background``,
    ``surface``, ``panel``, ``footer-background`` and their ``-lighten-N`` / ``-darken-N``
    steps) replaced by their nearest palette entries, so a dark slate stays a dark grey instead
    of turning navy; otherwise nothing changes (an empty dict)."""
    if depth != "256":
        return {}
    found: dict[str, str] = {}
    for name, value in variables.items():
        if name.split("-lighten-")[0].split("-darken-")[0] not in _CHROME:
            continue
        try:
            colour = Color.parse(value)
        except Exception:  # not a colour (the theme may set other kinds of values)
            continue
        if colour.a < 1:
            continue
        found[name] = _entry(_nearest_entry(colour)).hex
    return found


def reader_colours(variables: Mapping[str, str], depth: str | None) -> dict[str, str]:
    """CSS variables ``reader-cursor``, ``reader-partner`` and ``reader-only-text`` for the
    theme ``variables``; with ``depth`` ``256`` or ``standard`` they are palette entries, each
    different from the others and from the theme's backgrounds."""
    def colour(name: str) -> Color:
        return Color.parse(variables[name])

    found: dict[str, str] = {}
    if depth not in ("256", "standard"):
        for name, (base, target, factor) in _COLOURS.items():
            found[name] = colour(base).blend(colour(target), factor).hex
        return found
    taken = {_index(colour(name)) for name in _BACKGROUNDS if name in variables}
    for name, (base, target, factor) in _COLOURS.items():
        start, end = colour(base), colour(target)
        avoid = taken if name != "reader-only-text" else {_index(start)}
        chosen = _index(start.blend(end, factor))
        step = factor
        while chosen in avoid and step < 1.0:
            step = min(1.0, step + 0.05)
            chosen = _index(start.blend(end, step))
        found[name] = _entry(chosen).hex
        if name != "reader-only-text":
            taken.add(chosen)
    return found
