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
