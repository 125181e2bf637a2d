"""HTML: the text a browser shows, with each character mapped back to the HTML source, so a
figure is reported at the line and column of the source (inside entities such as
``4,307&#44;075`` too).

Scripts, styles and the head are not shown; block elements break paragraphs, table rows
are lines and their cells are separated by " | "; entities are decoded; runs of white space
inside a paragraph read as spaces (a newline in the source does not end a sentence). An
inline suppression in an HTML comment becomes a line of its own."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from ..reader import Document, InputError, decode

_HIDDEN = {"script", "style", "head", "title", "noscript", "template", "svg", "object"}
_BLOCKS = {"address", "article", "aside", "blockquote", "body", "dd", "details", "div", "dl",
           "dt", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
           "h6", "header", "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section",
           "summary", "table", "tbody", "tfoot", "thead", "ul", "caption"}


class _Visible(HTMLParser):
    def __init__(self, source: str):
        super().__init__(convert_charrefs=False)
        self.source = source
        self.starts = [0] + [i + 1 for i, ch in enumerate(source) if ch == "\n"]
        self.out: list[str] = []
        self.origin: list[int] = []
        self.hidden = 0
        self.cells = 0  # cells so far in the current table row

    def _at(self) -> int:
        line, column = self.getpos()
        return self.starts[line - 1] + column

    def _emit(self, text: str, at: int, verbatim: bool) -> None:
        self.out.extend(text)
        self.origin.extend(range(at, at + len(text)) if verbatim else [at] * len(text))

    def _break(self, gap: str) -> None:
        """End the line (``"\n"``) or paragraph (``"\n\n"``), once."""
        tail = "".join(self.out[-2:])
        if not self.out or tail.endswith(gap):
            return
        if gap == "\n\n" and tail.endswith("\n"):
            gap = "\n"
        self._emit(gap, self._at(), verbatim=False)

    def handle_starttag(self, tag, attrs):
        if tag in _HIDDEN:
            self.hidden += 1
        elif self.hidden:
            return
        elif tag in _BLOCKS:
            self._break("\n\n")
        elif tag == "br":
            self._break("\n")
        elif tag == "tr":
            self._break("\n")
            self.cells = 0
        elif tag in ("td", "th"):
            if self.cells:
                self._emit(" | ", self._at(), verbatim=False)
            self.cells += 1

    def handle_startendtag(self, tag, attrs):
        if tag in ("br", "hr") and not self.hidden:
            self._break("\n" if tag == "br" else "\n\n")

    def handle_endtag(self, tag):
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif not self.hidden and (tag in _BLOCKS or tag == "tr"):
            self._break("\n\n" if tag in _BLOCKS else "\n")

    def handle_data(self, data):
        if not data.strip() and (not self.out or self.out[-1] in " \n"):
            return  # the source's indentation between tags
        if not self.hidden:
            shown = "".join(" " if ch.isspace() else ch for ch in data)
            self._emit(shown, self._at(), verbatim=True)

    def handle_entityref(self, name):
        if not self.hidden:
            self._emit(html.unescape(f"&{name};"), self._at(), verbatim=False)

    def handle_charref(self, name):
        if not self.hidden:
            self._emit(html.unescape(f"&#{name};"), self._at(), verbatim=False)

    def handle_comment(self, data):
        if data.strip().startswith("placement-validator:"):
            at = self._at()
            self._break("\n\n")
            self._emit(f"<!--{data}-->", at, verbatim=True)
            self._emit("\n", at, verbatim=False)


def visible(source: str, path: str = "<html>") -> tuple[str, tuple[int, ...]]:
    """The text an HTML page shows, and for each of its characters the source offset."""
    parser = _Visible(source)
    # a "<!--" never closed would make the parser search the rest of the page again at each
    # one: after the last "-->", an opener is text
    last = source.rfind("-->")
    tail = source[last + 3 if last >= 0 else 0:]
    if "<!--" in tail:
        source = source[:len(source) - len(tail)] + tail.replace("<!--", " !--")
    # html.parser raises on a malformed marked section ("<![x"): found by fuzzing; such a
    # "<![" is text (same length, so offsets hold)
    source = re.sub(r"<!\[(?!CDATA\[)", " ![", source)
    try:
        parser.feed(source)
        parser.close()
    except (AssertionError, ValueError) as exc:  # pragma: no cover - no input known to do it
        raise InputError(f"{path}: not readable as HTML ({exc})") from None
    return "".join(parser.out), tuple(parser.origin)


def read(data: bytes, path: str) -> Document:
    source = decode(data, path)
    text, origin = visible(source, path)
    return Document.extracted(path, source, text, origin)
