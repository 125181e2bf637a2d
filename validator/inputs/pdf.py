"""PDF, through pypdf (the `pdf` extra): the text of each page, line by line, each line named
"page 2, line 5". A line that does not end a sentence wraps into the next (one sentence goes
on across the break); a page's text is a paragraph of its own."""

from __future__ import annotations

import io
import re

from ..reader import Document, InputError
from .blocks import Block, assemble

EXTRA = "pip install 'placement-validator[pdf]'"
_ENDS = re.compile(r"[.!?:;]['\")\]]*\s*$")


def read(data: bytes, path: str) -> Document:
    try:
        import pypdf
    except ImportError:
        raise InputError(f"{path}: reading PDF files needs the pdf extra: {EXTRA}") from None
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except Exception as exc:  # pypdf raises many kinds for a damaged file
        raise InputError(f"{path}: not a readable PDF ({type(exc).__name__})") from None
    blocks: list[Block] = []
    for p, page in enumerate(pages, 1):
        lines = [line.rstrip() for line in page.split("\n")]
        lines = [(n, line) for n, line in enumerate(lines, 1) if line.strip()]
        for i, (n, line) in enumerate(lines):
            last = i == len(lines) - 1
            # the first line of the first page is the headline; a line ending a sentence
            # ends its paragraph
            wraps = not last and not _ENDS.search(line) and not (p == 1 and i == 0)
            blocks.append(Block(line, f"page {p}, line {n}", gap=" " if wraps else "\n\n"))
    return assemble(path, blocks)
