"""Reading releases where they are drafted and filed: one module per file format, each
turning a file's bytes into a Document whose figures point back into the file."""

from __future__ import annotations

from collections.abc import Callable

from ..reader import Document
from . import docx, html, markdown, pdf

READERS: dict[str, Callable[[bytes, str], Document]] = {
    ".md": markdown.read, ".markdown": markdown.read,
    ".html": html.read, ".htm": html.read,
    ".docx": docx.read,
    ".pdf": pdf.read,
}
