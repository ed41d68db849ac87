"""One sanitiser for every string that reaches a terminal or an export.

Document text, file names, titles, sources and messages all pass through here, so no control
sequence (CSI, OSC such as clipboard-setting OSC 52, DCS, ...), control character or bidi
control (which can reorder what a line appears to say) gets through. Zero-width joiners inside
emoji and scripts that need them (between two non-ASCII characters) are kept.
"""

from __future__ import annotations

from readerui import lazyre as re  # patterns compiled on first use

_CONTROL_SEQUENCES = re.compile(
    r"""
      \x1b\[[0-?]*[ -/]*[@-~]                      # CSI, e.g. colours "\x1b[31m"
    | \x9b[0-?]*[ -/]*[@-~]                        # 8-bit CSI
    | (?:\x1b\]|\x9d)[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?   # OSC, ended by BEL or ST
    | (?:\x1b[PX^_]|[\x90\x98\x9e\x9f])[^\x1b\x9c\n]*(?:\x1b\\|\x9c)?  # DCS, SOS, PM, APC
    | \x1b[ -/]*[0-~]?                             # other escapes (charset selection, ...)
    """,
    re.VERBOSE,
)
_ESCAPE_START = re.compile(r"[\x1b\x90\x98\x9b\x9d\x9e\x9f]")
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# Bidi controls: embeddings, overrides, isolates, marks (U+061C, U+200E/F, U+202A-E, U+2066-9).
BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_BIDI = re.compile(f"[{BIDI}]")
_LINE_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_LINE_END_CR = re.compile(r"\r+\n")
_OTHER_BREAKS = re.compile(r"[\r\t\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")  # not "\n"
# A zero-width joiner is kept only between two non-ASCII, non-space characters (emoji such as
# 👩‍💻, Indic conjuncts); elsewhere it is an invisible character and removed.
_LONE_ZWJ = re.compile(r"(?<![^\x00-\x7f\s])\u200d|\u200d(?![^\x00-\x7f\s])")
_JSON_UNSAFE = re.compile(f"[\x7f-\x9f{BIDI}\u2028\u2029]")


def strip_controls(text: str, keep_lines: bool = False) -> str:
    """Remove terminal control sequences, control characters and bidi controls; keep newlines
    and tabs.

    Line breaks other than "\\n" (CR, CRLF, NEL, U+2028, ...) become "\\n", unless
    ``keep_lines``: then CRs at line ends are dropped and other breaks (and tabs) become spaces,
    so the lines stay as ``text.split("\\n")`` numbers them (for pre-split input).
    """
    if keep_lines:
        if "\r" in text:
            text = _LINE_END_CR.sub("\n", text).rstrip("\r")
        text = _OTHER_BREAKS.sub(" ", text)
    else:
        text = _LINE_BREAKS.sub("\n", text)
    if _ESCAPE_START.search(text):  # most texts have none: skip the slower pattern
        text = _CONTROL_SEQUENCES.sub("", text)
    text = _BIDI.sub("", text)
    return _CONTROLS.sub("", text)


def drop_lone_joiners(text: str) -> str:
    """Remove zero-width joiners that join nothing (kept inside emoji and scripts)."""
    return _LONE_ZWJ.sub("", text) if "\u200d" in text else text


def shown(text: str | None) -> str:
    """A string made safe for one line of a terminal or report (file names, titles, sources):
    no control sequences, controls or bidi controls; line breaks and tabs become spaces."""
    if not text:
        return ""
    return " ".join(drop_lone_joiners(strip_controls(text, keep_lines=True)).split("\n"))


def json_inert(text: str) -> str:
    """JSON text with C1 controls, bidi controls and line separators written as ``\\uXXXX``
    escapes: the same JSON value, but nothing in it acts on a terminal."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
