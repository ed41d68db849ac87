"""Pilot tests: press keys in the real app and check what the panes, sidebar and screens show."""

from __future__ import annotations

import io
import time

import pytest
from rich.console import Console
from textual.content import Content
from textual.widgets import Input, OptionList, SelectionList, Static

from readerui.analysis import analyse
from readerui.errors import ReaderError
from readerui.ingest.segment import from_lines
from readerui.model import Analysis
from readerui.tui.app import ReaderApp
from readerui.tui.bindings import all_keys
from readerui.tui.screens.help import HelpScreen, help_table
from readerui.tui.screens.search import SearchScreen
from readerui.tui.screens.summary import SummaryScreen
from readerui.tui.widgets.pane import AccountPane
from readerui.tui.widgets.sidebar import Sidebar
from readerui.tui.widgets.status import StatusBar

from .helpers import big_analysis, council_analysis, council_docs, until

SIZES = [(80, 24), (160, 45)]


async def settle(pilot: object) -> None:
    """Let the app mount and show its analysis."""
    await pilot.pause()  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


def council_app(**kwargs: object) -> ReaderApp:
    analysis = council_analysis()
    return ReaderApp(analysis.a, analysis.b, analysis=analysis, **kwargs)  # type: ignore[arg-type]


def row_text(pane: AccountPane, y: int) -> str:
    return "".join(segment.text for segment in pane.render_line(y))


def sentence_text(pane: AccountPane, sid: int) -> str:
    """What the pane draws for sentence ``sid`` (it must be in view), rows joined."""
    return " ".join(row_text(pane, pane.wrapped.first_row[sid] - pane.top_row + k)[2:].strip()
                    for k in range(len(pane.wrapped.rows_of(sid))))


def status(app: ReaderApp) -> str:
    return str(app.query_one(StatusBar).render())


@pytest.mark.parametrize("size", SIZES)
async def test_the_analysis_worker_fills_both_panes(size: tuple[int, int]) -> None:
    a, b = council_docs()
    app = ReaderApp(a, b)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.analysis, Analysis)
        assert app.pane_a.kind_of(1) in {"strong", "partial", "only"}
        assert "Harbour council approves" in row_text(app.pane_a, 0)
        # B's headline, or the best partner of A's headline when the panes sync to it
        top_b = row_text(app.pane_b, 0)
        assert "Tram line to reach" in top_b or "City councillors on Tuesday" in top_b, top_b
        assert "shared: A" in status(app)


@pytest.mark.parametrize("size", SIZES)
async def test_cursor_moves_with_arrows_and_vi_keys(size: tuple[int, int]) -> None:
    app = council_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("down", "j", "j")
        assert app.pane_a.cursor == 3
        await pilot.press("up", "k")
        assert app.pane_a.cursor == 1
        await pilot.press("end")
        assert app.pane_a.cursor == len(app.doc_a) - 1
        assert app.pane_a.is_visible(app.pane_a.cursor)
        await pilot.press("home")
        assert app.pane_a.cursor == 0
        assert status(app).startswith("A 1/12")


async def test_cursor_highlights_partner_and_tab_moves_to_the_other_pane() -> None:
    app = council_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("down", "down")  # A2 is linked to B4 (reordered)
        assert set(app.pane_b.partners) == {4}
        assert app.pane_b.is_visible(4)
        assert app.pane_a.screen_row_of(2) == app.pane_b.screen_row_of(4)
        await pilot.press("tab")
        assert app.focused is app.pane_b
        assert app.pane_b.cursor == 4
        await pilot.press("down")
        assert app.pane_b.cursor == 5
        assert set(app.pane_a.partners) == {8}
        assert app.pane_a.cursor == 2  # the other pane's cursor stays put


@pytest.mark.parametrize("side", ["a", "b"])
@pytest.mark.parametrize("size", SIZES)
async def test_page_down_keeps_the_partner_of_the_top_sentence_level(side: str,
                                                                     size: tuple[int, int]) -> None:
    analysis = big_analysis(600)
    app = ReaderApp(analysis.a, analysis.b, analysis=analysis)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        if side == "b":
            await pilot.press("tab")
        source = app.pane(side)  # type: ignore[arg-type]
        target = app.pane("b" if side == "a" else "a")
        for _ in range(3):
            await pilot.press("pagedown")
            await pilot.pause()
            assert source.top_row > 0
            anchor = app._anchor(source)
            assert anchor is not None
            partner = analysis.alignment.partners(side, anchor)[0]  # type: ignore[arg-type]
            if source.screen_row_of(anchor) >= 0:
                assert target.screen_row_of(partner) == source.screen_row_of(anchor)
            else:  # the anchor began above the view: its partner straddles the top too
                assert target.top_row in target.wrapped.rows_of(partner)


async def test_sync_off_leaves_the_other_pane_alone() -> None:
    analysis = big_analysis(600)
    app = ReaderApp(analysis.a, analysis.b, analysis=analysis)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("s", "pagedown", "pagedown")
        assert app.pane_a.top_row > 0
        assert app.pane_b.top_row == 0
        assert "sync OFF" in status(app)
        await pilot.press("s")
        assert app.pane_b.top_row > 0


@pytest.mark.parametrize("size", SIZES)
async def test_filter_by_speaker_from_the_sidebar_dims_the_rest(size: tuple[int, int]) -> None:
    app = council_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("f")
        sidebar = app.query_one(Sidebar)
        assert sidebar.display
        assert isinstance(app.focused, SelectionList)
        await pilot.press("space")  # the first speaker: Elena Ruiz (4 sentences)
        await pilot.pause()
        assert app.filter.get("speakers") == {"Elena Ruiz"}
        assert app.pane_a.kept == {2, 8}
        assert app.pane_b.kept == {4, 5}
        assert "filter: speaker Elena Ruiz" in status(app)
        assert app.pane_a.cursor == 2  # moved to the first kept sentence
        dim = app.pane_a.get_component_rich_style("account-pane--dim")
        first = app.pane_a.render_line(app.pane_a.screen_row_of(1))
        kept = app.pane_a.render_line(app.pane_a.screen_row_of(2))
        assert dim.dim  # the theme's dim style, which the sentences the filter drops wear
        assert any(seg.style and seg.style.dim for seg in first)  # (was "or dim.color is not
        # None": always true, so an undimmed line passed)
        assert not any(seg.style and seg.style.dim for seg in kept)
        await pilot.press("c")
        assert app.pane_a.kept is None and app.pane_b.kept is None
        assert not app.query_one("#speakers", SelectionList).selected
        assert "filter: none" in status(app)


async def test_filter_by_topic_and_clear() -> None:
    app = council_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        app.toggle_filter("topic", "cost")
        await pilot.pause()
        assert app.pane_a.kept == {3, 4}
        assert app.pane_b.kept == {2, 6}
        assert ("topics", "cost") in app.query_one("#topics", SelectionList).selected
        app.toggle_filter("speaker", "Tomas Berg")
        assert app.pane_a.kept == {4}
        app.toggle_filter("speaker", "Tomas Berg")
        await pilot.press("home", "right_square_bracket")
        assert app.pane_a.cursor == 3
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert app.pane_a.cursor == 4  # the last kept sentence: stays
        await pilot.press("left_square_bracket")
        assert app.pane_a.cursor == 3
        await pilot.press("c")
        assert app.pane_a.kept is None


async def test_command_palette_offers_topics() -> None:
    app = council_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"topic: ridership")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.filter.get("topics") == {"ridership"}
        assert app.pane_b.kept == {7}


async def test_sidebar_hides_on_narrow_terminals_and_follows_the_toggle() -> None:
    app = council_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        sidebar = app.query_one(Sidebar)
        assert not sidebar.display
        await pilot.resize_terminal(150, 40)
        await pilot.pause()
        assert sidebar.display
        await pilot.resize_terminal(90, 30)
        await pilot.pause()
        assert not sidebar.display
        await pilot.press("f")
        assert sidebar.display
        await pilot.press("f")
        assert not sidebar.display
        assert app.focused is app.pane_a
        await pilot.press("f", "escape")  # Esc closes the floating sidebar too
        assert not sidebar.display
        assert app.focused is app.pane_a


async def test_resize_rewraps_and_keeps_the_cursor_in_view() -> None:
    analysis = big_analysis(200)
    app = ReaderApp(analysis.a, analysis.b, analysis=analysis)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        app.pane_a.move_cursor(40)
        await pilot.press("j")
        wide = app.pane_a.wrapped.width
        await pilot.resize_terminal(110, 24)  # side by side, without the sidebar
        await pilot.pause()
        assert app.arrangement == "side"
        assert app.pane_a.wrapped.width < wide
        assert app.pane_a.is_visible(41)
        await pilot.resize_terminal(60, 24)  # stacked, each pane at the full width
        await pilot.pause()
        assert app.arrangement == "stacked"
        assert app.pane_a.wrapped.width > 50
        assert app.pane_a.cursor == 41
        assert app.pane_a.is_visible(41)


async def test_n_and_shift_n_jump_between_one_sided_sentences() -> None:
    app = council_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        assert app.pane_a.cursor == 5
        await pilot.press("n")
        assert app.pane_a.cursor == 6
        await pilot.press("N")
        assert app.pane_a.cursor == 5
        await pilot.press("tab", "n")
        assert app.focused is app.pane_b
        assert app.pane_b.cursor == 7


async def test_search_jumps_to_the_chosen_sentence_in_either_pane() -> None:
    app = council_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"regional government confirm")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, SearchScreen)
        assert app.focused is app.pane_b
        assert app.pane_b.cursor == 8
        assert app.pane_b.is_visible(8)
        assert 8 in app.pane_b.matches  # results stay underlined until c
        await pilot.press("slash")
        assert app.screen.query_one(Input).value == "regional government confirm"
        await pilot.press("ctrl+u", *"quiet squares")  # typing q/s/v/f must not trigger keys
        assert app.is_running and app.sync_on
        assert app.screen.query_one(Input).value.endswith("quiet squares")
        await pilot.press("escape", "c")
        assert app.pane_b.matches == frozenset()


async def test_help_is_generated_from_the_bindings_and_closes() -> None:
    app = council_app(keymap={"next_one_sided": "x"})
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        console = Console(width=100, record=True)
        console.print(help_table(all_keys(), app.keymap_overrides))
        table = console.export_text()
        assert "Next in one account only" in table
        assert "Sync panes on/off" in table
        assert any(line.split()[:1] == ["x"] for line in table.splitlines())  # remapped
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("x")  # the keymap remapped n to x
        assert app.pane_a.cursor == 5


async def test_summary_view_opens_closes_and_jumps_to_one_sided_sentences() -> None:
    app = council_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("v")
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, SummaryScreen)
        assert app.focused is app.pane_a
        await pilot.press("v", "down", "down", "enter")  # the third one-sided sentence of A
        await pilot.pause()
        assert not isinstance(app.screen, SummaryScreen)
        assert app.pane_a.cursor == app.analysis.alignment.only_in("a")[2]
        await pilot.press("v", "end", "enter")  # the last one-sided sentence of B
        await pilot.pause()
        assert app.focused is app.pane_b
        assert app.pane_b.cursor == app.analysis.alignment.only_in("b")[-1]


async def test_document_markup_is_shown_literally() -> None:
    app = council_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        app.pane_a.move_cursor(10)
        await pilot.pause()
        shown = sentence_text(app.pane_a, 10)
        assert "[bold]jobs first[/bold]" in shown
        assert "[@click=app.quit]the petition[/]" in shown
        await pilot.click(AccountPane, offset=(20, app.pane_a.screen_row_of(10)))
        assert app.is_running


async def test_our_notifications_are_plain_and_textuals_keep_their_markup() -> None:
    """A path or an error can hold brackets: never parsed as markup (an unbalanced tag raised);
    Textual's own messages (``Press [b]ctrl+q[/b]``) still render their markup."""
    app = council_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.tell("Export failed: /home/[/odd]/[@click=app.quit]x")
        app.notify("Press [b]ctrl+q[/b] to quit the app", title="Do you want to quit?")
        for _ in range(100):  # notifications arrive a few frames later (poll)
            await pilot.pause(0.02)
            if len(app._notifications) == 2:
                break
        ours, textuals = list(app._notifications)
        assert not ours.markup and textuals.markup
        assert str(Content.from_markup(textuals.message)) == "Press ctrl+q to quit the app"
        assert app.is_running


async def test_q_quits_with_status_zero() -> None:
    app = council_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_a_failing_analysis_is_a_message_not_a_traceback(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> None:
        raise ReaderError("the aligner could not run")

    monkeypatch.setattr("readerui.analysis.analyse", broken)
    a, b = council_docs()
    app = ReaderApp(a, b)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.analysis is None
        assert app.analysis_error == "the aligner could not run"
        assert "analysis failed" in status(app)
        await pilot.press("down")
        assert app.pane_a.cursor == 1  # reading still works


async def test_link_gutter_connects_each_visible_pair_and_points_to_hidden_partners() -> None:
    app = council_app()
    async with app.run_test(size=(100, 24)) as pilot:  # side by side
        await settle(pilot)
        gutter = app.query_one("#gutter")
        rows = ["".join(seg.text for seg in gutter.render_line(y))
                for y in range(gutter.size.height)]
        alignment = app.analysis.alignment
        checked = 0
        for link in alignment.links:
            a_row, b_row = app.pane_a.screen_row_of(link.a[0]), app.pane_b.screen_row_of(link.b[0])
            a_in = 0 <= a_row < gutter.size.height
            b_in = 0 <= b_row < gutter.size.height
            if a_in and b_in:
                assert rows[a_row][0] in "─┄", (link, rows[a_row])
                assert rows[b_row][2] in "─┄", (link, rows[b_row])
                if a_row == b_row:
                    assert rows[a_row][1] in "─┄"
                checked += 1
            elif a_in:
                assert rows[a_row][0] in "↑↓"
                checked += 1
        assert checked >= 3


async def test_overview_marks_the_part_in_view() -> None:
    analysis = big_analysis(600)
    app = ReaderApp(analysis.a, analysis.b, analysis=analysis)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        overview = app.query_one("#overview-a")

        def bars() -> list[int]:
            return [y for y in range(overview.size.height)
                    if "".join(s.text for s in overview.render_line(y)).strip()]

        assert bars() == [0]
        await pilot.press("end")
        await pilot.pause()
        assert bars() == [overview.size.height - 1]
        await pilot.click("#overview-a", offset=(0, overview.size.height // 2))
        await pilot.pause()
        assert 250 <= app.pane_a.cursor <= 350  # about half way through 600 sentences
        assert bars() == [overview.size.height // 2]


async def test_big_pairs_are_analysed_in_a_child_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("readerui.tui.background.PROCESS_THRESHOLD", 0)
    a, b = council_docs()
    app = ReaderApp(a, b)
    assert app._analyser.uses_process
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)  # the analysis starts after the first paint
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert app.analysis is not None
        assert app.analysis.alignment == analyse(a, b).alignment


async def test_quitting_during_a_long_analysis_is_immediate(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("readerui.tui.background.PROCESS_THRESHOLD", 0)
    analysis = big_analysis(3000)
    app = ReaderApp(analysis.a, analysis.b)
    started = time.monotonic()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "aligning" in status(app)
        await pilot.press("q")
    assert app.return_code == 0
    assert time.monotonic() - started < 8
    process = app._analyser._process
    assert process is None or not process.is_alive()


@pytest.mark.parametrize("texts", [("One sentence only.\n", "\n"), ("\n", "\n")],
                         ids=["one-side-empty", "both-empty"])
async def test_empty_documents_and_tiny_terminals_do_not_crash(texts: tuple[str, str]) -> None:
    a, b = from_lines(texts[0], "a.txt"), from_lines(texts[1], "b.txt")
    app = ReaderApp(a, b)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await settle(pilot)
        await pilot.press("j", "pagedown", "end", "tab", "j", "n", "N", "tab", "v", "escape",
                          "f", "space", "c", "m", "escape", "slash", "escape")
        await pilot.resize_terminal(30, 8)
        await pilot.press("pagedown", "k")
        assert app.is_running
        assert app.analysis_error is None


async def test_word_differences_of_the_cursor_pair_are_marked() -> None:
    app = council_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("j", "j")  # A2 "Mayor Elena Ruiz said" <-> B4 "told reporters"

        def diff_words(pane: AccountPane, sid: int) -> set[str]:
            text = pane.document.sentences[sid].text
            return {text[start:end] for start, end in pane.diff.get(sid, ())}

        def bold_words(pane: AccountPane, sid: int) -> set[str]:
            rows = range(len(pane.wrapped.rows_of(sid)))
            return {segment.text.strip() for k in rows
                    for segment in pane.render_line(pane.screen_row_of(sid) + k)
                    if segment.style and segment.style.bold and segment.text.strip()}

        assert "residents" in diff_words(app.pane_a, 2)
        assert "people" in diff_words(app.pane_b, 4)
        assert "commuting" not in diff_words(app.pane_a, 2)  # shared words stay plain
        # the cursor sentence is bold as a whole; the partner only on its differing words
        assert diff_words(app.pane_b, 4) <= bold_words(app.pane_b, 4)
        assert not any("commuting" in word for word in bold_words(app.pane_b, 4))


async def test_help_names_keys_as_typed_and_lists_each_group_once() -> None:
    app = council_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen), "help open")
        console = Console(width=120, record=True, file=io.StringIO())
        console.print(app.screen.query_one("#help-table", Static).content)
        lines = [line.strip() for line in console.export_text().splitlines()]
        assert not any(name in line for line in lines for name in ("number_sign", "colon",
                                                                   "full_stop", "comma"))
        assert any(line.startswith("#") and "Sentence numbers" in line for line in lines)
        assert any(line.startswith(":") and "Go to a sentence" in line for line in lines)
        headings = [line for line in lines if line in {key.group for key in all_keys()}]
        assert headings and len(headings) == len(set(headings)), headings


async def test_summary_wraps_one_sided_sentences_under_their_text_not_their_number() -> None:
    app = council_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await until(pilot, lambda: isinstance(app.screen, SummaryScreen), "summary open")
        listed = app.screen.query_one(OptionList)
        await until(pilot, lambda: listed.size.height > 3, "the list laid out")
        lines = [listed.render_line(y).text for y in range(listed.size.height)]
        numbered = [y for y, line in enumerate(lines) if line.lstrip().startswith("A ")
                    and line.split()[1].isdigit()]
        wrapped = [lines[y + 1] for y in numbered if y + 1 < len(lines)
                   and lines[y + 1].strip() and not lines[y + 1].lstrip().startswith("A ")]
        assert wrapped, lines  # a long one-sided sentence took two rows
        indent = lines[numbered[0]].index(lines[numbered[0]].split()[2])  # where its text starts
        assert all(line[:indent].strip() == "" for line in wrapped), wrapped


async def test_palette_prefers_entries_whose_words_start_with_the_query() -> None:
    from textual.command import CommandList

    app = council_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"cost")  # a word of one topic, letters in order in "construction"

        def prompts() -> list[str]:
            results = app.screen.query_one(CommandList)
            return [str(results.get_option_at_index(i).prompt).split("\n")[0]
                    for i in range(results.option_count)]

        await until(pilot, lambda: any("cost" in text for text in prompts()))
        assert "Filter by topic: cost" in prompts()
        assert not any("construction" in text for text in prompts())
        await pilot.press(*" topic")  # query words in any order still match
        await until(pilot, lambda: prompts() == ["Filter by topic: cost"])
