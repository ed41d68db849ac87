"""readerui.lazyre: patterns compiled on first use behave as ``re.compile``'s."""

from __future__ import annotations

import re

from readerui import lazyre


def test_not_compiled_until_used() -> None:
    pattern = lazyre.compile(r"(?P<word>\w+)'s\b", lazyre.IGNORECASE)
    assert isinstance(pattern, lazyre.LazyPattern)
    assert pattern._compiled is None
    assert pattern.pattern == r"(?P<word>\w+)'s\b"  # without compiling
    assert pattern._compiled is None
    match = pattern.search("It was Ortiz's call")
    assert match is not None and match.group("word") == "Ortiz"
    assert pattern._compiled is not None


def test_same_results_as_re() -> None:
    source, flags = r"(\d+)\s*(km|mi)\b", re.IGNORECASE
    lazy, eager = lazyre.compile(source, flags), re.compile(source, flags)
    text = "5 km, then 12 MI and 3mi, not 4 miles"
    assert lazy.findall(text) == eager.findall(text)
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in eager.finditer(text)]
    assert lazy.sub(r"\2:\1", text) == eager.sub(r"\2:\1", text)
    assert lazy.subn("x", text) == eager.subn("x", text)
    assert lazy.split(text) == eager.split(text)
    assert lazy.match(text) is not None and lazy.fullmatch("5 km") is not None
    assert lazy.search(text, 3) is not None and lazy.search(text, 3).span() == (11, 16)
    assert (lazy.flags, lazy.groups, lazy.groupindex) == (eager.flags, eager.groups,
                                                          eager.groupindex)


def test_compiled_once_and_methods_are_the_compiled_patterns() -> None:
    pattern = lazyre.compile("ab+")
    assert pattern.search("xabb") is not None
    compiled = pattern._compiled
    assert pattern.compiled() is compiled
    assert pattern.search.__self__ is compiled  # later calls go straight to the pattern


def test_identity_keys_and_module_functions() -> None:
    first, second = lazyre.compile("a"), lazyre.compile("a")
    assert first != second and len({first: 1, second: 2}) == 2
    assert lazyre.sub(r"\s+", " ", "a  b") == "a b"  # re's own functions
    assert lazyre.escape("a.b") == re.escape("a.b")


def test_bad_pattern_fails_on_first_use() -> None:
    pattern = lazyre.compile("(unclosed")
    try:
        pattern.search("x")
    except re.error:
        pass
    else:
        raise AssertionError("a bad pattern must raise re.error when first used")


def test_every_engine_pattern_compiles() -> None:
    """A mistake in a pattern shows here, not only when a text first needs the pattern."""
    import importlib
    import pkgutil

    import readerui

    checked = 0
    for info in pkgutil.walk_packages(readerui.__path__, "readerui."):
        if info.name.endswith("__main__") or info.name.startswith(
                ("readerui.tui", "readerui.web", "readerui.batch_dask")):
            continue
        try:
            module = importlib.import_module(info.name)
        except ModuleNotFoundError as missing:  # a module of an optional extra (numpy, …)
            if (missing.name or "").startswith("readerui"):
                raise
            continue
        for value in list(vars(module).values()):
            if isinstance(value, lazyre.LazyPattern):
                value.compiled()
                checked += 1
    assert checked > 100
