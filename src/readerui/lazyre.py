"""The ``re`` module with patterns compiled on first use, for modules that build many patterns.

A module that writes ``from readerui import lazyre as re`` keeps its ``re.compile(...)`` lines
as they are; each returns a :class:`LazyPattern` that compiles the same pattern with the same
flags the first time it is used. Compiling is most of what importing the speech-cue rules
costs (Python's regular-expression compiler is pure Python, ~0.3 ms for a long pattern), and a
short text uses only some of the patterns. Everything else here is ``re``'s own.
"""

from __future__ import annotations

import re as _re
from re import (
    ASCII,
    DOTALL,
    IGNORECASE,
    MULTILINE,
    UNICODE,
    VERBOSE,
    A,
    I,
    M,
    Match,
    Pattern,
    RegexFlag,
    S,
    U,
    X,
    error,
    escape,
    findall,
    finditer,
    fullmatch,
    match,
    purge,
    search,
    split,
    sub,
    subn,
)
from typing import Any, cast

__all__ = [
    "ASCII",
    "DOTALL",
    "IGNORECASE",
    "MULTILINE",
    "UNICODE",
    "VERBOSE",
    "A",
    "I",
    "LazyPattern",
    "M",
    "Match",
    "Pattern",
    "RegexFlag",
    "S",
    "U",
    "X",
    "compile",
    "error",
    "escape",
    "findall",
    "finditer",
    "fullmatch",
    "match",
    "purge",
    "search",
    "split",
    "sub",
    "subn",
]

# The compiled pattern's methods, set on a LazyPattern once it has compiled (an instance
# attribute shadows the class's method of the same name, so later calls go straight to them).
_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class LazyPattern:
    """A pattern compiled the first time one of its methods or attributes is used.

    ``pattern`` is there without compiling. Two lazy patterns are equal only when they are the
    same object (they are module constants, compared and hashed by identity).
    """

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self._flags = flags
        self._compiled: Pattern[str] | None = None

    def compiled(self) -> Pattern[str]:
        """The compiled pattern (compiled now if it was not yet)."""
        compiled = self._compiled
        if compiled is None:
            compiled = _re.compile(self.pattern, self._flags)
            for name in _METHODS:
                setattr(self, name, getattr(compiled, name))
            self._compiled = compiled
        return compiled

    def __getattr__(self, name: str) -> Any:  # flags, groups, groupindex
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"lazyre.compile({self.pattern!r}, {self._flags!r})"

    def search(self, *args: Any, **kwargs: Any) -> Any:
        """``Pattern.search`` (compiles first)."""
        return self.compiled().search(*args, **kwargs)

    def match(self, *args: Any, **kwargs: Any) -> Any:
        """``Pattern.match`` (compiles first)."""
        return self.compiled().match(*args, **kwargs)

    def fullmatch(self, *args: Any, **kwargs: Any) -> Any:
        """``Pattern.fullmatch`` (compiles first)."""
        return self.compiled().fullmatch(*args, **kwargs)

    def finditer(self, *args: Any, **kwargs: Any) -> Any:
        """``Pattern.finditer`` (compiles first)."""
        return self.compiled().finditer(*args, **kwargs)

    def findall(self, *args: Any, **kwargs: Any) -> Any:
        """``Pattern.findall`` (compiles first)."""
        return self.compiled().findall(*args, **kwargs)

    def sub(self, *args: Any, **kwargs: Any) -> Any:
        """``Pattern.sub`` (compiles first)."""
        return self.compiled().sub(*args, **kwargs)

    def subn(self, *args: Any, **kwargs: Any) -> Any:
        """``Pattern.subn`` (compiles first)."""
        return self.compiled().subn(*args, **kwargs)

    def split(self, *args: Any, **kwargs: Any) -> Any:
        """``Pattern.split`` (compiles first)."""
        return self.compiled().split(*args, **kwargs)


def compile(pattern: str, flags: int | RegexFlag = 0) -> Pattern[str]:
    """``re.compile``, deferred to the pattern's first use (typed as the pattern it stands
    for: it has the same methods and attributes)."""
    return cast(Pattern[str], LazyPattern(pattern, int(flags)))

