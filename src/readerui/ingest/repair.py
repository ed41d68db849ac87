"""Mojibake repair: text that was UTF-8, decoded somewhere on its way as Windows-1252 or
Latin-1 ("CafÃ©", "â€œquotedâ€\x9d", "Ð¡ÐµÑ€Ð³ÐµÐ¹"), put back as it was written.

The repair itself is ftfy's (``fix_encoding``), line by line, so a document whose mojibake is in
a pasted part only is repaired there and left alone elsewhere. ftfy costs ~0.05-0.2 s to import,
so it is imported only when a cheap scan finds a sequence mojibake leaves behind: a lead byte of
UTF-8 (Â..ô) read as one character, followed by a continuation byte read as one (U+0080..U+00BF,
or the Windows-1252 characters at 0x80..0x9F). Clean text, the usual case, never loads it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A UTF-8 lead byte (0xC2..0xF4) decoded as Latin-1/Windows-1252, then a continuation byte
# (0x80..0xBF) decoded the same way: its Latin-1 character, its Windows-1252 one, or a C1 control
# (the bytes Windows-1252 leaves undefined, kept by a "sloppy" decoder).
_CP1252_HIGH = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
MOJIBAKE_HINT = re.compile(f"[\u00c2-\u00f4][\u0080-\u00bf{_CP1252_HIGH}]")
_NAMES = {"sloppy-windows-1252": "Windows-1252", "windows-1252": "Windows-1252",
          "latin-1": "Latin-1", "utf-8": "UTF-8", "macroman": "MacRoman",
          "cp437": "code page 437"}


@dataclass(frozen=True, slots=True)
class Repair:
    """What :func:`repair_mojibake` did: the text, and a one-line account (None: nothing)."""

    text: str
    note: str | None


def looks_broken(text: str) -> bool:
    """True when ``text`` holds a sequence mojibake leaves (cheap: ASCII text is skipped at
    once, other text costs one regex search, ~15 ms a MB)."""
    return not text.isascii() and MOJIBAKE_HINT.search(text) is not None


def repair_mojibake(text: str) -> Repair:
    """``text`` with its mojibake repaired (by ftfy, line by line), and a note saying how many
    lines were repaired and how they had been misread."""
    if not looks_broken(text):
        return Repair(text, None)
    from ftfy import fix_encoding_and_explain  # only for text that looks broken

    lines = text.split("\n")
    repaired = 0
    readings: dict[str, None] = {}  # how the lines had been misread, in order, once each
    for index, line in enumerate(lines):
        if not looks_broken(line):
            continue
        fixed = fix_encoding_and_explain(line)
        if fixed.text != line:
            lines[index] = fixed.text
            repaired += 1
            readings[_misreading([(step.action, step.parameter)
                                  for step in fixed.explanation or []])] = None
    if not repaired:
        return Repair(text, None)
    how = "; ".join(reading for reading in readings if reading)
    note = (f"mojibake repaired in {repaired} line{'s' if repaired != 1 else ''}"
            + (f" ({how})" if how else ""))
    return Repair("\n".join(lines), note)


def _misreading(steps: list[tuple[str, str]]) -> str:
    """ftfy's explanation as words: [('encode', 'sloppy-windows-1252'), ('decode', 'utf-8')]
    becomes "UTF-8 read as Windows-1252"."""
    encoded = [_NAMES.get(arg, arg) for step, arg in steps if step == "encode"]
    decoded = [_NAMES.get(arg, arg) for step, arg in steps if step == "decode"]
    if len(encoded) == 1 and len(decoded) == 1:
        return f"{decoded[0]} read as {encoded[0]}"
    return ", ".join(f"{step} {arg}" for step, arg in steps if step in ("encode", "decode"))
