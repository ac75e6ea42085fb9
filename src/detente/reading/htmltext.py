"""Plain text of an HTML page with the standard library's streaming parser.

The fallback when trafilatura finds no main text: libxml2 stops at 256 levels
of nesting, while :class:`html.parser.HTMLParser` keeps no tree and so has no
depth limit and no recursion.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

#: Elements whose content is never report text.
_SKIP = frozenset(
    {"script", "style", "head", "title", "noscript", "template", "svg", "nav", "footer", "form"}
)
#: Elements that end a paragraph.
_BLOCK = frozenset(
    {
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
        "table", "section", "article", "blockquote", "pre", "header", "main", "dd", "dt",
    }
)  # fmt: skip


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag in _SKIP:
            self.skipping += 1
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag: str, attrs: object) -> None:
        if tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_text(html: str) -> str:
    """The visible text of *html*, paragraphs separated by blank lines."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    text = re.sub(r" ?\n ?", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()
