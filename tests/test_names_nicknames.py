"""The nickname tables read from the ``nicknames`` package's data are the package's own."""

from __future__ import annotations

import pytest

from readerui.annotate import wordlists


def test_tables_match_the_package() -> None:
    nicknames = pytest.importorskip("nicknames")
    namer = nicknames.NickNamer()
    tables = wordlists._nickname_tables()
    assert tables is not None
    mine_nick, mine_canon = tables
    assert mine_nick == {k: frozenset(v) for k, v in namer.nickname_lookup.items()}
    assert mine_canon == {k: frozenset(v) for k, v in namer.canonical_lookup.items()}


def test_given_name_forms_as_the_package_gives_them() -> None:
    nicknames = pytest.importorskip("nicknames")
    namer = nicknames.NickNamer()
    for name in ("Bill", "william", "NICK", "Kate", "Zbigniew", "  Al "):
        key = name.casefold()
        expected = frozenset({key} | namer.canonicals_of(key) | namer.nicknames_of(key))
        assert wordlists.given_name_forms(name) == expected
    assert "william" in wordlists.given_name_forms("Bill")


def test_searched_forms_are_the_tables_forms() -> None:
    """The first lookups search the list's text: for every name the tables know, and names
    they do not, the search finds what the tables map the name to."""
    tables = wordlists._nickname_tables()
    text = wordlists._nickname_text()
    if tables is None or text is None:
        pytest.skip("the nicknames package is missing or its list needs the tables")
    nicknames, canonicals = tables
    for name in {*nicknames, *canonicals, "", "zzqx", "a,b", "bill\nwill"}:
        expected = canonicals.get(name, frozenset()) | nicknames.get(name, frozenset())
        assert wordlists._searched_forms(text, name) == expected, name


def test_forms_past_the_searched_lookups_come_from_the_tables() -> None:
    """Past the searched lookups the tables answer, with the same forms."""
    if wordlists._nickname_tables() is None:
        pytest.skip("the nicknames package is missing")
    wordlists.given_name_forms.cache_clear()
    seen = {name: wordlists.given_name_forms(name) for name in ("Bill", "Kate", "Al")}
    wordlists._lookups = wordlists._SEARCHED_LOOKUPS  # the next lookup uses the tables
    wordlists.given_name_forms.cache_clear()
    try:
        assert {name: wordlists.given_name_forms(name) for name in seen} == seen
    finally:
        wordlists.given_name_forms.cache_clear()
