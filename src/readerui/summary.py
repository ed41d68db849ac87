"""The readable side-by-side summary printed by ``readerui align`` without ``--json``."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from readerui.model import Analysis, Collation, Document, Link, account_label
from readerui.sanitise import shown

_MARK = {"strong": "═", "partial": "┄"}
LEGEND = ("Links: ═ strong (the same content) · ┄ partial (one side carries part of the "
          "other) · the number is the link score (0–1) · A only / B only: no partner")


def _cell(doc: Document, ids: tuple[int, ...]) -> Text:
    """Sentences numbered from 1, as the reader shows them, as plain text (never markup)."""
    return Text("\n".join(f"{i + 1:>3} {shown(doc.sentences[i].text)}" for i in ids))


def _rows(analysis: Analysis) -> list[tuple[tuple[int, ...], Link | None, tuple[int, ...]]]:
    """Rows in A's reading order; B-only sentences placed after the B sentence before them."""
    alignment = analysis.alignment
    rows: list[tuple[tuple[int, ...], Link | None, tuple[int, ...]]] = []
    placed: set[int] = set()
    for s in analysis.a.sentences:
        link = alignment.link_of("a", s.id)
        if link is None:
            rows.append(((s.id,), None, ()))
        elif s.id == link.a[0]:
            rows.append((link.a, link, link.b))
            placed.update(link.b)
    # Each B-only sentence j goes after the last row (B-only rows placed so far included)
    # holding a B sentence below j, else at the end. Rows are taken in order of their highest
    # B id, so this is n log n, not rows x sentences.
    order = sorted((max(bs), index) for index, (_, _, bs) in enumerate(rows) if bs)
    pointer, last = 0, -1
    inserts: dict[int, list[int]] = {}
    for j in alignment.only_in("b"):  # ascending
        while pointer < len(order) and order[pointer][0] < j:
            last = max(last, order[pointer][1])
            pointer += 1
        # once one went to the end, its row is the last one below every later j
        at = len(rows) if last < 0 or len(rows) in inserts else last + 1
        inserts.setdefault(at, []).append(j)
    placed_rows: list[tuple[tuple[int, ...], Link | None, tuple[int, ...]]] = []
    for index in range(len(rows) + 1):
        placed_rows.extend(((), None, (j,)) for j in inserts.get(index, ()))
        if index < len(rows):
            placed_rows.append(rows[index])
    rows = placed_rows
    return rows


def coverage(analysis: Analysis) -> tuple[float, float]:
    """Share of A's and of B's sentences that are linked to the other account."""
    n_a, n_b = len(analysis.a), len(analysis.b)
    cov_a = analysis.alignment.carried("a", range(n_a)) / n_a if n_a else 0.0
    cov_b = analysis.alignment.carried("b", range(n_b)) / n_b if n_b else 0.0
    return cov_a, cov_b


class _Console(Console):
    """A rich Console that reports a closed output pipe as BrokenPipeError (the CLI then ends
    quietly) instead of exiting with status 1."""

    def on_broken_pipe(self) -> None:
        raise BrokenPipeError


def print_summary(analysis: Analysis, console: Console | None = None) -> None:
    """Print both accounts in aligned rows with link kinds and coverage."""
    console = console or _Console(highlight=False)
    a, b = analysis.a, analysis.b
    cov_a, cov_b = coverage(analysis)
    console.print(Text(f"A: {shown(a.meta.title or a.path)}  ({len(a)} sentences, "
                       f"{cov_a:.0%} carried by B)"))
    console.print(Text(f"B: {shown(b.meta.title or b.path)}  ({len(b)} sentences, "
                       f"{cov_b:.0%} carried by A)"))
    table = Table(show_header=True, header_style="bold", expand=True, show_lines=True)
    table.add_column("A", ratio=1)
    table.add_column("", width=7, justify="center")
    table.add_column("B", ratio=1)
    for a_ids, link, b_ids in _rows(analysis):
        if link is None:
            mark = Text("A only" if a_ids else "B only", style="yellow")
        else:
            mark = Text(f"{_MARK[link.kind]} {link.score:.2f}")
        table.add_row(_cell(a, a_ids), mark, _cell(b, b_ids))
    console.print(table)
    console.print(Text(LEGEND, style="dim"))


CLAIM_MARKS = {"strong": "┃", "partial": "╏", None: "·"}
CLAIMS_LEGEND = ("Claims: ┃ strong · ╏ partial · · absent; share: row account's sentences "
                 "carried by the column account (docs/accounts.md)")


def print_collation_summary(collation: Collation, console: Console | None = None) -> None:
    """Print a reading of several accounts: each account, how much of it every other carries,
    and one row per claim (which accounts carry it, speaker, its first sentence)."""
    console = console or _Console(highlight=False)
    n = len(collation.documents)
    labels = [account_label(k) for k in range(n)]
    for k, doc in enumerate(collation.documents):
        console.print(Text(f"{labels[k]}: {shown(doc.meta.title or doc.path or '')}  "
                           f"({len(doc)} sentences)"))
    shares = Table(show_header=True, header_style="bold", title="share carried")
    shares.add_column("")
    for label in labels:
        shares.add_column(label, justify="right")
    for i in range(n):
        shares.add_row(labels[i], *("—" if i == j else f"{collation.carried_share(i, j):.0%}"
                                    for j in range(n)))
    console.print(shares)
    table = Table(show_header=True, header_style="bold", expand=True)
    table.add_column("#", justify="right")
    for label in labels:
        table.add_column(label, justify="center", width=1)
    table.add_column("speaker")
    table.add_column("claim", ratio=1)
    for claim in collation.claims:
        first = next((m for m in claim.members if m.home), claim.members[0])
        text = collation.documents[first.account].sentences[first.sentence].text
        table.add_row(str(claim.id + 1), *(CLAIM_MARKS[claim.carried(k)] for k in range(n)),
                      Text(shown(claim.speaker or "")),
                      Text(f"{labels[first.account]} {first.sentence + 1} {shown(text)}"))
    console.print(table)
    carried = [sum(1 for c in collation.claims if len(c.accounts()) == k)
               for k in range(n, 0, -1)]
    console.print(Text(f"{len(collation.claims)} claims; carried by "
                       + ", ".join(f"{k} accounts: {count}" for k, count
                                   in zip(range(n, 0, -1), carried, strict=True))))
    console.print(Text(CLAIMS_LEGEND, style="dim"))
