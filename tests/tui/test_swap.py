"""Analysis.swapped: A and B exchanged, purely (documents, link ids, annotations per side)."""

from __future__ import annotations

from textual.widgets import SelectionList

from readerui.model import Alignment, Analysis, Annotations, Link
from readerui.tui.app import ReaderApp
from readerui.tui.widgets.chrome import DocHeader
from readerui.tui.widgets.status import StatusBar

from .helpers import council_analysis


def test_swapped_twice_is_the_original() -> None:
    analysis = council_analysis()
    once = analysis.swapped()
    assert once != analysis
    assert once.swapped() == analysis


def test_documents_and_link_ids_are_exchanged() -> None:
    analysis = council_analysis()
    swapped = analysis.swapped()
    assert swapped.a is analysis.b and swapped.b is analysis.a
    assert (swapped.alignment.n_a, swapped.alignment.n_b) == (analysis.alignment.n_b,
                                                              analysis.alignment.n_a)
    for mine, theirs in zip(analysis.alignment.links, swapped.alignment.links, strict=True):
        assert (theirs.a, theirs.b) == (mine.b, mine.a)
        assert (theirs.kind, theirs.score) == (mine.kind, mine.score)
    # the lookups follow: A 2's partners become B 2's partners
    assert swapped.alignment.partners("b", 2) == analysis.alignment.partners("a", 2)
    assert swapped.alignment.only_in("a") == analysis.alignment.only_in("b")


def test_annotations_per_side_are_exchanged() -> None:
    analysis = council_analysis()
    notes, swapped = analysis.annotations, analysis.swapped().annotations
    assert swapped.speaker_a == notes.speaker_b and swapped.speaker_b == notes.speaker_a
    assert swapped.topics_a == notes.topics_b and swapped.topics_b == notes.topics_a
    by_name = {s.name: s for s in swapped.speakers}
    for speaker in notes.speakers:
        assert (by_name[speaker.name].a, by_name[speaker.name].b) == (speaker.b, speaker.a)
    topics = {t.name: t for t in swapped.topics}
    for topic in notes.topics:
        assert (topics[topic.name].a, topics[topic.name].b) == (topic.b, topic.a)
    assert swapped.speaker_of("b", 4) == notes.speaker_of("a", 4)


def test_exclusive_flag_and_cues_survive() -> None:
    analysis = council_analysis()
    alignment = Alignment((Link((0,), (1,), 0.5, "partial"),), 3, 2, exclusive=True)
    annotations = Annotations((), (), (None,) * 3, (None,) * 2, ((),) * 3, ((),) * 2,
                              cue_a=("verb:said", None, None), cue_b=(None, None))
    small = Analysis(analysis.a, analysis.b, alignment, annotations)
    swapped = small.swapped()
    assert swapped.alignment.exclusive
    assert swapped.annotations.cue_b == ("verb:said", None, None)
    assert swapped.annotations.cue_a == (None, None)
    assert swapped.swapped() == small


# ----- swap sides in the reader ---------------------------------------------------------------


def _header(app: ReaderApp, side: str) -> str:
    return str(app.query_one(f"#header-{side}", DocHeader).render())


def status_text(app: ReaderApp) -> str:
    return str(app.query_one(StatusBar).render())


async def _settle(pilot: object) -> None:
    await pilot.pause()  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


async def test_w_swaps_sides_and_the_cursor_filter_notes_and_marks_follow() -> None:
    analysis = council_analysis()
    app = ReaderApp(analysis.a, analysis.b, analysis=analysis)
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot)
        await pilot.press("down", "down")  # A 3 (id 2), linked to B 5 (id 4)
        app.session.add_note("a", 2, "check the figure")
        app._refresh_notes()
        app.toggle_filter("speaker", "Elena Ruiz")
        await pilot.pause()
        assert app.pane_a.cursor == 2 and set(app.pane_b.partners) == {4}
        left_doc, right_doc = app.pane_a.document, app.pane_b.document
        await pilot.press("w")
        await _settle(pilot)
        # the documents changed places, and the headers say which account is where
        assert app.pane_a.document is right_doc and app.pane_b.document is left_doc
        assert _header(app, "a").lstrip().startswith("B") and \
            _header(app, "b").lstrip().startswith("A")
        # the cursor stays on its sentence, now in the right-hand pane, which has the focus
        assert app.focused is app.pane_b and app.pane_b.cursor == 2
        assert set(app.pane_a.partners) == {4}
        # the analysis is the mirror: B's sentence 4 is now on the left
        assert app.analysis is not None and app.analysis.a is right_doc
        assert app.pane_a.kind_of(4) == "strong"
        # the note and the filter follow the account
        assert 2 in app.pane_b.noted and not app.pane_a.noted
        assert app.filter.get("speakers") == {"Elena Ruiz"}
        assert app.pane_b.kept == frozenset({2, 8}) and app.pane_a.kept == frozenset({4, 5})
        # the sidebar's counts name the accounts where they now are: B's on the left
        speakers = app.query_one("#speakers", SelectionList)
        prompts = [str(speakers.get_option_at_index(i).prompt)
                   for i in range(speakers.option_count)]
        union = next(p for p in prompts if p.startswith("transport union"))
        assert "B0" in union and "A2" in union and union.rstrip().endswith("only A")
        # the status bar names the accounts by letter, the focused one first in bold
        assert status_text(app).startswith("B ")
        await pilot.press("w")
        await _settle(pilot)
        assert app.pane_a.document is left_doc and app.focused is app.pane_a
        assert app.pane_a.cursor == 2 and 2 in app.pane_a.noted


async def test_a_note_added_after_a_swap_is_filed_under_its_account() -> None:
    analysis = council_analysis()
    app = ReaderApp(analysis.a, analysis.b, analysis=analysis)
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot)
        await pilot.press("w")
        await _settle(pilot)
        await pilot.press("tab")  # the left pane: account B
        await _settle(pilot)
        assert app.focused is app.pane_a
        note = app.session.add_note("a", 3, "left pane, account B")
        assert note is not None and note.side == "a"  # by pane side
        stored = app.session.reading.notes
        assert [n.side for n in stored] == ["b"]  # filed under the account
        assert stored[0].quote == analysis.b.sentences[3].text


async def test_the_shares_in_the_status_bar_follow_the_swap() -> None:
    analysis = council_analysis()
    app = ReaderApp(analysis.a, analysis.b, analysis=analysis)
    async with app.run_test(size=(160, 45)) as pilot:
        await _settle(pilot)
        share_a = analysis.alignment.carried("a", range(len(analysis.a))) / len(analysis.a)
        share_b = analysis.alignment.carried("b", range(len(analysis.b))) / len(analysis.b)
        assert share_a != share_b
        assert f"shared: A {share_a:.0%} B {share_b:.0%}" in status_text(app)
        await pilot.press("w")
        await _settle(pilot)
        assert f"shared: B {share_b:.0%} A {share_a:.0%}" in status_text(app)
