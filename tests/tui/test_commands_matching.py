"""Which palette entries a query finds by the starts of words."""

from readerui.tui.commands import words_start_with


def test_every_query_word_must_begin_a_word() -> None:
    assert words_start_with("Filter by speaker: Paul Ryan", "ryan")
    assert words_start_with("Filter by speaker: Paul Ryan", "ryan filt")
    assert not words_start_with("Filter by topic: Maryland", "ryan")
    assert not words_start_with("Filter by topic: Maryland", "")
    assert words_start_with("Filter by topic: Maryland", "MARY")
