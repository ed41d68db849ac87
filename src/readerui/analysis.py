"""The pipeline: files -> Documents -> Alignment + Annotations -> Analysis."""

from __future__ import annotations

import os
import re
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from readerui.ingest import load as ingest
from readerui.ingest import segment
from readerui.ingest.repair import repair_mojibake
from readerui.language import AUTO, detect_language, resolve
from readerui.model import Analysis, Document
from readerui.settings import Settings


def load_document(path: str | Path, settings: Settings | None = None,
                  lines: bool = False) -> Document:
    """Read one account; ``lines`` means pre-split input (one sentence a line, no cleaning)."""
    settings = settings or Settings()
    limit = settings.max_sentences
    if lines:
        repair = repair_mojibake(ingest.read_text(path, settings.max_size))
        ingest.check_sentence_estimate(repair.text, str(path), limit, lines=True)
        doc = segment.from_lines(repair.text, str(path))
        if repair.note:
            doc = replace(doc, meta=replace(doc.meta, repaired=repair.note))
        doc = with_language(doc, settings.lang)
    else:
        clean = ingest.load(path, settings.max_size, limit)
        lang = resolve(settings.lang, clean.text)
        doc = segment.segment(clean, lang)
        doc = replace(doc, meta=replace(doc.meta, lang=lang))
    if len(doc) > limit:
        raise ingest.too_many_sentences(str(path), len(doc), limit)
    return doc


def with_language(doc: Document, given: str) -> Document:
    """``doc`` with its language set: ``given``, or (for ``auto``) the one it already has or
    the one detected from its text."""
    if given != AUTO:
        lang = given
    else:
        lang = doc.meta.lang or detect_language(" ".join(s.text for s in doc.sentences))
    return doc if doc.meta.lang == lang else replace(doc, meta=replace(doc.meta, lang=lang))


def language_warning(analysis: Analysis) -> str | None:
    """A warning when the two accounts are in different languages (words then rarely meet)."""
    lang_a, lang_b = analysis.a.meta.lang, analysis.b.meta.lang
    if lang_a and lang_b and lang_a != lang_b:
        return (f"the accounts seem to be in different languages (A: {lang_a}, B: {lang_b}); "
                f"links will be few (--lang CODE sets one language for both)")
    return None


_FULL_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_MONTH_DAY = re.compile(r"--(\d{2})-(\d{2})")
_SAME_EVENT_DAYS = 7


def complete_year(given: str | None, other: str | None) -> str | None:
    """A date stated without a year ("--03-30", from "March 30") given the other account's year.

    Two accounts of one event are written within days of each other, so when ``given`` says only
    month and day and ``other`` is a full date less than a week apart, the year is ``other``'s.
    Anything else is returned as it is. The result is metadata of the analysis
    (:attr:`Analysis.dates`): the documents keep what they said.
    """
    month_day = _MONTH_DAY.fullmatch(given or "")
    full = _FULL_DATE.fullmatch(other or "")
    if not month_day or not full:
        return given
    try:
        anchor = date(int(full[1]), int(full[2]), int(full[3]))
    except ValueError:
        return given
    for year in (anchor.year, anchor.year - 1, anchor.year + 1):
        try:
            candidate = date(year, int(month_day[1]), int(month_day[2]))
        except ValueError:
            continue
        if abs(candidate - anchor) <= timedelta(days=_SAME_EVENT_DAYS):
            return candidate.isoformat()
    return given


# From this many sentences (both accounts together) annotation runs in a second process while
# the aligner runs in this one: the two stages are independent and each takes seconds there.
PARALLEL_MIN_SENTENCES = 4000


def _helper_setup(parent: int) -> None:
    """In the annotation helper process: Ctrl-C is the parent's to handle (no traceback from
    the helper), and the helper ends with its parent.

    The helper runs one task and ends, and the parent waits for its end: the cyclic collector
    stays off (reading the documents sent to it walked the heap over and over), and once its
    work and multiprocessing's own clean-up are done it leaves without freeing its heap object
    by object (~0.3 s at 10,000 sentences a side). Its exit status is never read (a helper that
    dies while working is a broken pool, whatever its status).
    """
    import atexit
    import gc

    from readerui.lifeline import die_with_parent, leave_ctrl_c_to_parent

    leave_ctrl_c_to_parent()
    die_with_parent(parent)
    gc.disable()
    atexit.register(_leave_now)


def _leave_now() -> None:
    """End the helper at once (its output flushed), skipping the interpreter's tear-down."""
    import sys

    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(0)


def _is_daemon() -> bool:
    """Whether this process is a multiprocessing daemon (one that may not have children)."""
    import multiprocessing

    return multiprocessing.current_process().daemon


def analyse(a: Document, b: Document, settings: Settings | None = None,
            parallel: bool = True) -> Analysis:
    """Align and annotate two documents (large pairs on two cores unless ``parallel`` is off)."""
    from readerui.align import align  # the engine is imported when first needed, not with the
    from readerui.annotate import annotate  # documents (the reader paints them before)

    settings = settings or Settings()
    a, b = with_language(a, settings.lang), with_language(b, settings.lang)
    dates = (complete_year(a.meta.date, b.meta.date), complete_year(b.meta.date, a.meta.date))
    langs = (a.meta.lang or "en", b.meta.lang or "en")
    lang = langs[0]  # annotation rules follow account A's language
    if (parallel and len(a) + len(b) >= PARALLEL_MIN_SENTENCES and (os.cpu_count() or 1) > 1
            and not _is_daemon()):  # a daemon may not have children
        # imported for big pairs only: a short pair does not pay for the process pool's modules
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        # "spawn": the reader calls this from a worker thread, and forking a threaded process
        # can copy a held lock into the child.
        context = multiprocessing.get_context("spawn")
        pool = ProcessPoolExecutor(max_workers=1, mp_context=context,
                                   initializer=_helper_setup, initargs=(os.getpid(),))
        try:
            from readerui.lifeline import ctrl_c_held

            with ctrl_c_held():  # a Ctrl-C while the helper starts is this process's, after
                pending = pool.submit(annotate, a, b, settings.lexicon_path, lang)
            alignment = align(a, b, settings.align, langs, settings.exclusive)
            try:
                annotations = pending.result()
            except BrokenProcessPool:  # the child could not start (e.g. a script read from stdin)
                annotations = annotate(a, b, settings.lexicon_path, lang)
        except BaseException:  # Ctrl-C or an error here: end the helper now, do not wait for it
            for process in list(getattr(pool, "_processes", {}).values()):
                process.kill()
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        pool.shutdown()
    else:
        alignment = align(a, b, settings.align, langs, settings.exclusive)
        annotations = annotate(a, b, settings.lexicon_path, lang)
    return Analysis(a, b, alignment, annotations, dates)


def analyse_paths(path_a: str | Path, path_b: str | Path, settings: Settings | None = None,
                  lines: bool = False) -> Analysis:
    """Load both files and analyse them."""
    a = load_document(path_a, settings, lines)
    b = load_document(path_b, settings, lines)
    return analyse(a, b, settings)
