"""The pipeline: files -> Documents -> Alignment + Annotations -> Analysis."""

from __future__ import annotations

import multiprocessing
import os
import re
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from readerui import ingest, segment
from readerui.align import align
from readerui.annotate import annotate
from readerui.language import AUTO, detect_language, resolve
from readerui.model import Analysis, Document
from readerui.settings import Settings


def load_document(path: str | Path, settings: Settings | None = None,
                  lines: bool = False) -> Document:
    """Read one account; ``lines`` means pre-split input (one sentence a line, no cleaning)."""
    settings = settings or Settings()
    if lines:
        doc = segment.from_lines(ingest.read_text(path, settings.max_size), str(path))
        return with_language(doc, settings.lang)
    clean = ingest.load(path, settings.max_size)
    lang = resolve(settings.lang, clean.text)
    doc = segment.segment(clean, lang)
    return replace(doc, meta=replace(doc.meta, lang=lang))


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


def complete_year(doc: Document, other: Document) -> Document:
    """Give a year to a date stated without one ("March 30") from the other account of the event.

    Two accounts of one event are written within days of each other, so when ``doc`` says only
    month and day and ``other`` has a full date less than a week apart, the year is ``other``'s.
    """
    month_day = _MONTH_DAY.fullmatch(doc.meta.date or "")
    full = _FULL_DATE.fullmatch(other.meta.date or "")
    if not month_day or not full:
        return doc
    try:
        anchor = date(int(full[1]), int(full[2]), int(full[3]))
    except ValueError:
        return doc
    for year in (anchor.year, anchor.year - 1, anchor.year + 1):
        try:
            candidate = date(year, int(month_day[1]), int(month_day[2]))
        except ValueError:
            continue
        if abs(candidate - anchor) <= timedelta(days=_SAME_EVENT_DAYS):
            return replace(doc, meta=replace(doc.meta, date=candidate.isoformat()))
    return doc


# From this many sentences (both accounts together) annotation runs in a second process while
# the aligner runs in this one: the two stages are independent and each takes seconds there.
PARALLEL_MIN_SENTENCES = 4000


def analyse(a: Document, b: Document, settings: Settings | None = None,
            parallel: bool = True) -> Analysis:
    """Align and annotate two documents (large pairs on two cores unless ``parallel`` is off)."""
    settings = settings or Settings()
    a, b = with_language(a, settings.lang), with_language(b, settings.lang)
    a, b = complete_year(a, b), complete_year(b, a)
    langs = (a.meta.lang or "en", b.meta.lang or "en")
    lang = langs[0]  # annotation rules follow account A's language
    if (parallel and len(a) + len(b) >= PARALLEL_MIN_SENTENCES and (os.cpu_count() or 1) > 1
            and not multiprocessing.current_process().daemon):  # a daemon may not have children
        # "spawn": the reader calls this from a worker thread, and forking a threaded process
        # can copy a held lock into the child.
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
            pending = pool.submit(annotate, a, b, settings.lexicon_path, lang)
            alignment = align(a, b, settings.align, langs, settings.exclusive)
            try:
                annotations = pending.result()
            except BrokenProcessPool:  # the child could not start (e.g. a script read from stdin)
                annotations = annotate(a, b, settings.lexicon_path, lang)
    else:
        alignment = align(a, b, settings.align, langs, settings.exclusive)
        annotations = annotate(a, b, settings.lexicon_path, lang)
    return Analysis(a, b, alignment, annotations)


def analyse_paths(path_a: str | Path, path_b: str | Path, settings: Settings | None = None,
                  lines: bool = False) -> Analysis:
    """Load both files and analyse them."""
    a = load_document(path_a, settings, lines)
    b = load_document(path_b, settings, lines)
    return analyse(a, b, settings)
