"""Turn an HTML article page into plain text: the headline, then one paragraph per text block.

Uses the standard library's ``html.parser``. Navigation, header, footer, aside, forms, scripts and
styles are dropped; when the page has an ``<article>`` (or ``<main>``), only its blocks are kept,
else only the blocks from the first ``<h1>`` on.
The result is plain text with blank lines between paragraphs, which ``ingest.clean`` then cleans
like any other text (so breadcrumbs or share links left inside the article are dropped there).
"""

from __future__ import annotations

from html.parser import HTMLParser

_SKIP = frozenset({"script", "style", "nav", "header", "footer", "aside", "noscript", "form",
                   "svg", "template", "iframe", "button", "select", "figure", "menu", "dialog"})
_BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd",
                     "dt", "td", "th", "caption", "div", "section", "article", "main", "tr",
                     "ul", "ol", "table", "hr", "title"})
_BREAK = "\ue000"  # a <br> inside a block (private-use character; source newlines are spaces)
_VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed",
                   "source", "track", "wbr"})


class _ArticleParser(HTMLParser):
    """Collects text blocks, noting which lie inside <article>/<main> and which are headings."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skip_depth = 0
        self.article_depth = 0
        self.stack: list[str] = []
        self.current: list[str] = []
        self.current_tag = ""
        self.blocks: list[tuple[str, str, bool]] = []  # (tag, text, in_article)
        self.title = ""
        self.saw_article = False

    def _flush(self) -> None:
        lines = ("".join(self.current)).split(_BREAK)
        text = "\n".join(" ".join(line.split()) for line in lines if line.strip())
        if text:
            self.blocks.append((self.current_tag, text, self.article_depth > 0))
        self.current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _VOID:
            self.stack.append(tag)
        if tag in _SKIP:
            self.skip_depth += 1
        if tag in ("article", "main"):
            self.article_depth += 1
            self.saw_article = True
        if tag == "br":
            self.current.append(_BREAK)
        elif tag in _BLOCKS:
            self._flush()
            self.current_tag = tag

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.current.append(_BREAK)
        elif tag in _BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.stack:
            return
        while self.stack:
            open_tag = self.stack.pop()
            if open_tag in _BLOCKS:
                self._flush()
            if open_tag in _SKIP:
                self.skip_depth -= 1
            if open_tag in ("article", "main"):
                self.article_depth -= 1
            if open_tag == tag:
                break
        self.current_tag = self.stack[-1] if self.stack else ""

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1] == "title":
            self.title += data
            return
        if self.skip_depth == 0:
            self.current.append(data)


def html_to_text(markup: str) -> str:
    """Plain text of an HTML article: headline first, blank lines between paragraphs."""
    parser = _ArticleParser()
    try:
        parser.feed(markup)
        parser.close()
    except (AssertionError, ValueError):
        pass  # html.parser gives up on some broken markup ("<![if"): keep what it read
    parser._flush()
    blocks = parser.blocks
    first_h1 = next((i for i, (tag, _, _) in enumerate(blocks) if tag == "h1"), None)
    if parser.saw_article:
        blocks = [b for b in blocks if b[2]]
    elif first_h1 is not None:
        blocks = blocks[first_h1:]  # menus, banners and kickers stand before the headline
    headings = [text for tag, text, _ in parser.blocks if tag == "h1"]
    headline = headings[0] if headings else " ".join(parser.title.split())
    paragraphs = [text for _, text, _ in blocks if text != headline]
    return "\n\n".join([headline, *paragraphs] if headline else paragraphs) + "\n"
