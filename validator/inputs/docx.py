"""Word (.docx), through python-docx (the `docx` extra): body paragraphs and table cells in
document order, each paragraph one line of the source and each table row one line of cells
separated by " | ", named "paragraph 3" or "table 1, row 2, cell 3".
Tracked changes read as accepted: inserted text counts, deleted text does not."""

from __future__ import annotations

import io

from ..reader import Document, InputError
from .blocks import Block, assemble

EXTRA = "pip install 'placement-validator[docx]'"


def read(data: bytes, path: str) -> Document:
    try:
        import docx
        from docx.oxml.ns import qn
    except ImportError:
        raise InputError(f"{path}: reading Word files needs the docx extra: {EXTRA}") from None
    try:
        body = docx.Document(io.BytesIO(data)).element.body
    except Exception as exc:  # python-docx raises several kinds for a broken package
        raise InputError(f"{path}: not a readable Word document ({type(exc).__name__})") \
            from None

    def text(element) -> str:
        # w:t holds shown and inserted text; deleted text is w:delText, left out
        parts = []
        for node in element.iter(qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:p")):
            if node.tag == qn("w:t"):
                parts.append(node.text or "")
            elif parts:
                parts.append(" ")
        return "".join(parts).strip()

    blocks: list[Block] = []
    paragraphs = tables = 0
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            paragraphs += 1
            blocks.append(Block(text(child), f"paragraph {paragraphs}"))
        elif child.tag == qn("w:tbl"):
            tables += 1
            # a row a line, its cells separated by " | " as tables.py reads them
            rows = [" | ".join(text(cell).replace("|", "/")
                               for cell in row.iterchildren(qn("w:tc")))
                    for row in child.iterchildren(qn("w:tr"))]
            for r, row in enumerate(rows, 1):
                blocks.append(Block(row, f"table {tables}, row {r}",
                                    gap="\n" if r < len(rows) else "\n\n"))
    return assemble(path, blocks)
