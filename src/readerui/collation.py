"""Several accounts of one event read together: every pair aligned, links joined into claims.

:func:`collate` shares the work between the pairs. Each document is ingested once (by the
caller) and its language settled once; then the tasks run, in parallel processes when there
are enough sentences and more than one core:

- every pair ``(i, j)``, ``i < j``, is aligned once (the aligner's index is built per pair:
  its word weights are the pair's);
- annotation (speakers and topics) runs once per document, not once per pair: the accounts are
  annotated two at a time, (A, B), (C, D), …, so each is read once and names still resolve
  across a pair of accounts (an odd last account is annotated next to A, and only its side is
  kept).

Then speakers and topics are **merged across all accounts** (:func:`merge_annotations`): one
person is one speaker whatever each account calls them ("Aleksandr Petrov", "Alexander Petrov",
"Petrov"), judged by :class:`readerui.annotate.names.People` (same surname, given names that
match exactly, by initial or as a transliteration); a topic is one topic when two accounts name
it alike or share a term. Every pair's analysis carries the merged names, and
:func:`assemble` joins the claims (:func:`readerui.claims.join_claims`).

Importing this module is light (the engine is loaded when a collation is made). Two accounts
are analysed exactly as :func:`readerui.analysis.analyse` does (the same result,
so a two-account reading is unchanged).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from readerui.claims import join_claims
from readerui.errors import ReaderError
from readerui.model import (
    AccountSpeaker,
    AccountTopic,
    Alignment,
    Analysis,
    Annotations,
    Collation,
    Document,
    Speaker,
    Topic,
)
from readerui.settings import Settings

if TYPE_CHECKING:  # multiprocessing is imported when pairs are analysed in processes: the
    from concurrent.futures import Future  # reader imports this module before its first paint

MIN_ACCOUNTS, MAX_ACCOUNTS = 2, 8

PairKey = tuple[int, int]


def check_count(n: int) -> None:
    """Refuse fewer than 2 or more than 8 accounts (one line, ReaderError)."""
    if not MIN_ACCOUNTS <= n <= MAX_ACCOUNTS:
        raise ReaderError(f"a reading takes {MIN_ACCOUNTS} to {MAX_ACCOUNTS} accounts, "
                          f"got {n}")


def annotation_groups(n: int) -> list[tuple[int, int]]:
    """The pairs each account is annotated in: (0, 1), (2, 3), …, and (n-1, 0) when n is odd
    (there only account n-1's side is kept)."""
    groups = [(i, i + 1) for i in range(0, n - 1, 2)]
    if n % 2:
        groups.append((n - 1, 0))
    return groups


# ----- running the tasks ------------------------------------------------------------------------


def _align_task(a: Document, b: Document, settings: Settings) -> Alignment:
    from readerui.align import align

    return align(a, b, settings.align, (a.meta.lang or "en", b.meta.lang or "en"),
                 settings.exclusive)


def _annotate_task(a: Document, b: Document, settings: Settings) -> Annotations:
    from readerui.annotate import annotate

    return annotate(a, b, settings.lexicon_path, a.meta.lang or "en")


def _helper_setup(parent: int) -> None:
    """In a worker: Ctrl-C is the parent's to handle, and the worker ends with its parent."""
    from readerui.lifeline import die_with_parent, leave_ctrl_c_to_parent

    leave_ctrl_c_to_parent()
    die_with_parent(parent)


def default_workers(documents: Sequence[Document]) -> int:
    """Processes to use: one per core when the accounts are big enough to gain from it (as
    :func:`readerui.analysis.analyse` decides), else 1 (this process)."""
    import multiprocessing

    from readerui.analysis import PARALLEL_MIN_SENTENCES

    if (sum(len(d) for d in documents) < PARALLEL_MIN_SENTENCES
            or multiprocessing.current_process().daemon):  # a daemon may not have children
        return 1
    return max(1, os.cpu_count() or 1)


def _run(tasks: list[tuple[Callable[..., Any], tuple[Any, ...]]], workers: int) -> list[Any]:
    """Each task's result, in order; in ``workers`` processes when more than one."""
    if workers <= 1 or len(tasks) <= 1:
        return [function(*args) for function, args in tasks]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    context = multiprocessing.get_context("spawn")  # the reader calls this from a thread
    pool = ProcessPoolExecutor(max_workers=min(workers, len(tasks)), mp_context=context,
                               initializer=_helper_setup, initargs=(os.getpid(),))
    try:
        from readerui.lifeline import ctrl_c_held

        with ctrl_c_held():  # a Ctrl-C while the workers start is this process's, after
            pending: list[Future[Any]] = [pool.submit(function, *args)
                                          for function, args in tasks]
        try:
            results = [future.result() for future in pending]
        except BrokenProcessPool:  # a worker could not start (e.g. a script read from stdin)
            pool.shutdown(wait=False, cancel_futures=True)
            return [function(*args) for function, args in tasks]
    except BaseException:  # Ctrl-C or an error: end the workers now
        for process in list(getattr(pool, "_processes", {}).values()):
            process.kill()
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
    return results


# ----- merging speakers and topics across accounts ----------------------------------------------


@dataclass
class _Merged:
    """What is known of one merged speaker or topic while merging."""

    names: Counter[str] = field(default_factory=Counter)  # name -> sentences it names
    aliases: set[str] = field(default_factory=set)
    sentences: dict[int, set[int]] = field(default_factory=dict)
    joint: bool = False
    lexicon: bool = False
    full_names: set[str] = field(default_factory=set)  # names that are a person's full name

    def name(self) -> str:
        """A person's full name when an account gives it (one account's "Smith" does not win
        over another's "Jane Smith" by being used more), else the most used name (the longer
        one on a tie)."""
        return min(self.names, key=lambda n: (n not in self.full_names, -self.names[n],
                                              -len(n), n))


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[Any, Any] = {}

    def find(self, x: Any) -> Any:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, x: Any, y: Any) -> None:
        rx, ry = self.find(x), self.find(y)
        if rx != ry:
            self.parent[max(rx, ry, key=repr)] = min(rx, ry, key=repr)


Item = tuple[str, tuple[str, ...], dict[int, tuple[int, ...]], bool]  # name, aliases, ids, flag


def _merge_speakers(groups: Sequence[Sequence[Item]], people_rules: bool = True
                    ) -> list[_Merged]:
    """Speakers of several annotation groups merged into people (see the module's notes);
    without ``people_rules``, only speakers of the same name (case aside) are one."""
    from readerui.annotate.names import People, parse_name

    union = _UnionFind()
    people = People()
    singles: list[tuple[tuple[int, int], str]] = []
    for g, items in enumerate(groups):
        for k, (name, aliases, _, joint) in enumerate(items):
            union.find((g, k))
            union.union((g, k), ("name", name.casefold()))
            if joint or not people_rules:
                continue
            for form in (name, *aliases):
                parsed = parse_name(form)
                if parsed is not None and parsed.surname_only:
                    # "Smith", "Ms. Smith": the one person of that surname, if there is one
                    singles.append(((g, k), parsed.words[-1]))
                elif parsed is None or parsed.kind != "person":
                    union.union((g, k), ("name", form.casefold()))  # an organisation, a role
                else:
                    union.union((g, k), ("person", people.add_full_name(parsed.words)))
    for node, word in singles:
        found = people.candidates(word)
        if len({union.find(("person", p)) for p in found}) == 1:  # one person only: that one
            union.union(node, ("person", found[0]))
    merged = _collect(groups, union)
    if people_rules:
        for entry in merged:
            entry.full_names = {name for name in entry.names
                                if (parsed := parse_name(name)) is not None
                                and parsed.kind == "person" and not parsed.surname_only}
    return merged


def _merge_topics(groups: Sequence[Sequence[Item]], by_terms: bool = True) -> list[_Merged]:
    """Topics of several annotation groups merged: one name, or a shared term (case aside;
    without ``by_terms``, the name only)."""
    union = _UnionFind()
    for g, items in enumerate(groups):
        for k, (name, terms, _, _) in enumerate(items):
            union.find((g, k))
            for form in (name, *terms) if by_terms else (name,):
                union.union((g, k), ("term", form.casefold()))
    return _collect(groups, union)


def _collect(groups: Sequence[Sequence[Item]], union: _UnionFind) -> list[_Merged]:
    merged: dict[Any, _Merged] = {}
    for g, items in enumerate(groups):
        for k, (name, aliases, ids, flag) in enumerate(items):
            entry = merged.setdefault(union.find((g, k)), _Merged())
            entry.names[name] += sum(len(v) for v in ids.values()) or 1
            entry.aliases.update(aliases)
            entry.joint = entry.joint or flag
            entry.lexicon = entry.lexicon or flag
            for account, sentences in ids.items():
                entry.sentences.setdefault(account, set()).update(sentences)
    return list(merged.values())


@dataclass(frozen=True)
class MergedNames:
    """Speakers and topics merged across accounts, with each sentence's merged names."""

    speakers: tuple[AccountSpeaker, ...]
    topics: tuple[AccountTopic, ...]
    speaker_names: tuple[tuple[str | None, ...], ...]
    topic_names: tuple[tuple[tuple[str, ...], ...], ...]
    cues: tuple[tuple[str | None, ...], ...]


def merge_annotations(sizes: Sequence[int],
                      groups: Sequence[tuple[tuple[int, int], Annotations, bool]],
                      rules: bool = True) -> MergedNames:
    """Merge the annotations of several groups: ``(accounts (i, j), annotations of i as A and
    j as B, keep_b)``; each account is taken from the first group holding it (B's side only
    when ``keep_b``). Without ``rules`` only equal names merge (for annotations that carry
    merged names already)."""
    n = len(sizes)
    owner: dict[int, tuple[int, str]] = {}
    for g, ((i, j), _, keep_b) in enumerate(groups):
        owner.setdefault(i, (g, "a"))
        if keep_b:
            owner.setdefault(j, (g, "b"))
    missing = [i for i in range(n) if i not in owner]
    if missing:
        raise ValueError(f"accounts without annotations: {missing}")

    def kept(g: int, accounts: tuple[int, int], a_ids: tuple[int, ...], b_ids: tuple[int, ...]
             ) -> dict[int, tuple[int, ...]]:
        ids = {}
        for account, side, found in ((accounts[0], "a", a_ids), (accounts[1], "b", b_ids)):
            if owner.get(account) == (g, side) and found:
                ids[account] = found
        return ids

    speaker_items = [[(s.name, s.aliases, kept(g, acc, s.a, s.b), s.joint)
                      for s in ann.speakers] for g, (acc, ann, _) in enumerate(groups)]
    topic_items = [[(t.name, t.terms, kept(g, acc, t.a, t.b), t.origin == "lexicon")
                    for t in ann.topics] for g, (acc, ann, _) in enumerate(groups)]
    people = [m for m in _merge_speakers(speaker_items, rules) if m.sentences]
    topics = [m for m in _merge_topics(topic_items, rules) if m.sentences]

    def spread(entries: list[_Merged]) -> tuple[list[str], list[tuple[tuple[int, ...], ...]]]:
        names = [e.name() for e in entries]
        return names, [tuple(tuple(sorted(e.sentences.get(i, ()))) for i in range(n))
                       for e in entries]

    speaker_of: list[list[str | None]] = [[None] * size for size in sizes]
    topics_of: list[list[list[str]]] = [[[] for _ in range(size)] for size in sizes]
    names, ids = spread(people)
    for name, per_account in zip(names, ids, strict=True):
        for account, sentences in enumerate(per_account):
            for s in sentences:
                speaker_of[account][s] = name
    t_names, t_ids = spread(topics)
    for name, per_account in zip(t_names, t_ids, strict=True):
        for account, sentences in enumerate(per_account):
            for s in sentences:
                topics_of[account][s].append(name)
    cues: list[tuple[str | None, ...]] = []
    for account in range(n):
        g, side = owner[account]
        annotations = groups[g][1]
        found = annotations.cue_a if side == "a" else annotations.cue_b
        cues.append(tuple(found) if len(found) == sizes[account] else (None,) * sizes[account])
    order = sorted(range(len(people)), key=lambda k: (-sum(map(len, ids[k])), names[k]))
    t_order = sorted(range(len(topics)), key=lambda k: (-sum(map(len, t_ids[k])), t_names[k]))
    return MergedNames(
        tuple(AccountSpeaker(names[k], tuple(sorted((set(people[k].names) | people[k].aliases)
                                                    - {names[k]})),
                             ids[k], people[k].joint) for k in order),
        tuple(AccountTopic(t_names[k], tuple(sorted(set(topics[k].names) | topics[k].aliases)),
                           t_ids[k], "lexicon" if topics[k].lexicon else "auto")
              for k in t_order),
        tuple(tuple(names) for names in speaker_of),
        tuple(tuple(tuple(names) for names in sentence_topics) for sentence_topics in topics_of),
        tuple(cues))


def pair_annotations(merged: MergedNames, i: int, j: int) -> Annotations:
    """The annotations of accounts i (as A) and j (as B) in the merged names."""
    speakers = tuple(Speaker(s.name, s.aliases, s.sentences[i], s.sentences[j], s.joint)
                     for s in merged.speakers if s.sentences[i] or s.sentences[j])
    topics = tuple(Topic(t.name, t.terms, t.sentences[i], t.sentences[j], t.origin)
                   for t in merged.topics if t.sentences[i] or t.sentences[j])
    return Annotations(speakers, topics, merged.speaker_names[i], merged.speaker_names[j],
                       merged.topic_names[i], merged.topic_names[j], merged.cues[i],
                       merged.cues[j])


# ----- the collation ----------------------------------------------------------------------------


def _names_from_pairs(n: int, pairs: Mapping[PairKey, Analysis]) -> MergedNames:
    """The merged names as the pairs carry them (each account's from its first pair)."""
    groups = []
    for (i, j), analysis in sorted(pairs.items()):
        groups.append(((i, j), analysis.annotations, True))
    return merge_annotations([_size(i, pairs) for i in range(n)], groups, rules=False)


def _size(account: int, pairs: Mapping[PairKey, Analysis]) -> int:
    for (i, j), analysis in pairs.items():
        if account in (i, j):
            return len(analysis.a if account == i else analysis.b)
    return 0


def assemble(documents: Sequence[Document], pairs: Mapping[PairKey, Analysis]) -> Collation:
    """The collation of analysed pairs (their annotations already merged): claims joined, the
    merged speakers and topics gathered from the pairs."""
    n = len(documents)
    names = _names_from_pairs(n, pairs)
    claims = join_claims(n, pairs, speakers=names.speaker_names, topics=names.topic_names)
    return Collation(tuple(documents), dict(sorted(pairs.items())), claims, names.speakers,
                     names.topics, names.speaker_names, names.topic_names)


def prepare(documents: Sequence[Document], settings: Settings
            ) -> tuple[tuple[Document, ...], tuple[str | None, ...]]:
    """Each document with its language settled once, and each account's date as the analysis
    reads it: a missing year taken from the first other account with a full date within a week
    (the documents keep their own dates; the pairs' analyses carry these)."""
    from readerui.analysis import complete_year, with_language

    docs = tuple(with_language(d, settings.lang) for d in documents)
    dates = []
    for k, doc in enumerate(docs):
        date = doc.meta.date
        for other in docs[:k] + docs[k + 1:]:
            date = complete_year(date, other.meta.date)
        dates.append(date)
    return docs, tuple(dates)


def analyse_pairs(documents: Sequence[Document], settings: Settings | None = None,
                  workers: int | None = None) -> dict[PairKey, Analysis]:
    """Every pair's analysis, annotations in the merged names (see the module's notes)."""
    from readerui.analysis import analyse  # the engine: loaded when first needed

    settings = settings or Settings()
    check_count(len(documents))
    if len(documents) == 2:
        return {(0, 1): analyse(documents[0], documents[1], settings,
                                parallel=workers is None or workers > 1)}
    docs, dates = prepare(documents, settings)
    n = len(docs)
    keys = [(i, j) for i in range(n) for j in range(i + 1, n)]
    groups = annotation_groups(n)
    tasks: list[tuple[Callable[..., Any], tuple[Any, ...]]] = [
        (_annotate_task, (docs[i], docs[j], settings)) for i, j in groups]
    tasks += [(_align_task, (docs[i], docs[j], settings)) for i, j in keys]
    results = _run(tasks, default_workers(docs) if workers is None else workers)
    annotated = results[:len(groups)]
    merged = merge_annotations([len(d) for d in docs],
                               [(g, ann, g[1] > g[0]) for g, ann in zip(groups, annotated,
                                                                        strict=True)])
    return {(i, j): Analysis(docs[i], docs[j], alignment, pair_annotations(merged, i, j),
                             (dates[i], dates[j]))
            for (i, j), alignment in zip(keys, results[len(groups):], strict=True)}


def collate(documents: Sequence[Document], settings: Settings | None = None,
            workers: int | None = None) -> Collation:
    """Read 2 to 8 accounts together: every pair aligned (in ``workers`` processes; default:
    one per core when the accounts are big enough), speakers and topics merged, claims joined.
    Raises ReaderError (one line) for fewer than 2 or more than 8 accounts."""
    pairs = analyse_pairs(documents, settings, workers)
    n = len(documents)
    return assemble(documents_of(pairs, n), pairs)


def documents_of(pairs: Mapping[PairKey, Analysis], n: int) -> tuple[Document, ...]:
    """The documents of a set of pair analyses (account 0 from pair (0, 1), the others as B of
    their pair with account 0)."""
    return tuple([pairs[(0, 1)].a] + [pairs[(0, j)].b for j in range(1, n)])

