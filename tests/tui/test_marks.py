"""Search marks the words it matched, not whole sentences."""

from __future__ import annotations

from readerui.tui.app import ReaderApp
from readerui.tui.marks import match_spans

from .helpers import council_analysis


def _marked(text: str, spans: tuple[tuple[int, int], ...]) -> list[str]:
    return [text[start:end] for start, end in spans]


def test_each_query_word_is_marked_where_a_word_starts_with_it() -> None:
    text = "The Trams of the regional government run; a tram-line was confirmed."
    assert _marked(text, match_spans("tram confirm", text)) == ["Trams", "tram", "confirmed"]
    assert match_spans("harbour", text) == ()  # nothing like it
    assert _marked(text, match_spans("regoinal", text)) == ["regional"]  # a typo: fuzzy, widened


async def test_a_search_marks_only_the_matched_words_in_the_pane() -> None:
    analysis = council_analysis()
    app = ReaderApp(analysis.a, analysis.b, analysis=analysis)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"regional government")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        pane = app.pane_b
        sid = pane.cursor
        text = pane.document.sentences[sid].text
        assert "regional government" in text.lower()
        match = pane._style("match")
        marked, plain = [], []
        for row in pane.wrapped.rows_of(sid):
            for segment in pane.render_line(row - pane.top_row):
                if not segment.text.strip():
                    continue
                style = segment.style
                is_marked = style is not None and bool(style.underline) and \
                    style.color == (pane.base_style + match).color
                (marked if is_marked else plain).append(segment.text.strip())
        assert " ".join(marked).lower() == "regional government"
        assert plain  # the rest of the sentence is not marked
        await pilot.press("c")
        assert pane.match_spans == {}


async def test_one_sided_text_is_italic_without_colour(monkeypatch: object) -> None:
    monkeypatch.setenv("NO_COLOR", "1")  # type: ignore[attr-defined]
    analysis = council_analysis()
    app = ReaderApp(analysis.a, analysis.b, analysis=analysis)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        pane = app.pane_a
        only = next(sid for sid in range(len(pane.document)) if pane.kind_of(sid) == "only")
        linked = next(sid for sid in range(1, len(pane.document)) if pane.kind_of(sid) == "strong")
        assert pane._style("only-text").italic
        app._go_to(("a", only))
        await pilot.press("j")  # the cursor off it: its own style
        await pilot.pause()
        row = pane.wrapped.first_row[only] - pane.top_row
        words = [s for s in pane.render_line(row) if s.text.strip() and s.text != "▪"]
        assert words and all(s.style is not None and s.style.italic for s in words)
        app._go_to(("a", linked + 1 if linked + 1 != only else linked + 2))
        await pilot.pause()
        row = pane.wrapped.first_row[linked] - pane.top_row
        words = [s for s in pane.render_line(row)[2:] if s.text.strip()] if 0 <= row < 20 else []
        assert all(not (s.style and s.style.italic) for s in words)


async def test_y_copies_the_sentence_and_shift_y_the_pair_to_clipboard_and_file() -> None:
    from readerui import store

    analysis = council_analysis()
    app = ReaderApp(analysis.a, analysis.b, analysis=analysis)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("tab", "g", "j")  # B 2, linked to A 2
        await pilot.press("y")
        copied = app.clipboard
        text_b = " ".join(analysis.b.sentences[1].text.split())
        assert copied.startswith("B") and copied.endswith(f" 2: “{text_b}”")
        saved = store.locations().data_dir / "clipboard.txt"
        assert saved.read_text(encoding="utf-8") == copied + "\n"
        await pilot.press("Y")
        first, second = app.clipboard.split("\n")
        text_a = " ".join(analysis.a.sentences[1].text.split())
        assert first.startswith("A") and first.endswith(f" 2: “{text_a}”")
        assert second == copied
        assert saved.read_text(encoding="utf-8") == app.clipboard + "\n"
        shown = [n.message for n in app._notifications]
        assert any("clipboard" in m and str(saved) in m for m in shown)
