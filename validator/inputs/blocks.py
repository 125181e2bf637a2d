"""Documents assembled from blocks of text (Word paragraphs and table cells, PDF lines): the
source has one block a line, so that a line number is a block number, and the text read
puts a blank line between paragraphs, as the prose reader expects."""

from __future__ import annotations

import attrs

from ..reader import Document


@attrs.frozen
class Block:
    text: str  # one line: breaks inside a block are read as spaces
    label: str  # "paragraph 3", "table 1, row 2, cell 3", "page 2, line 5"
    joins_next: bool = False  # a PDF line wrapped into the next: one sentence goes on


def assemble(path: str, blocks: list[Block]) -> Document:
    source_parts, original, origin = [], [], []
    offset = 0
    for i, b in enumerate(blocks):
        line = b.text.replace("\r", " ").replace("\n", " ")
        source_parts.append(line)
        original.append(line)
        origin.extend(range(offset, offset + len(line)))
        offset += len(line)
        if i < len(blocks) - 1:
            gap = " " if b.joins_next else "\n\n"
            original.append(gap)
            origin.extend([offset] * len(gap))  # the source's line break
            offset += 1
    source = "\n".join(source_parts)
    return Document.extracted(path, source, "".join(original), tuple(origin),
                              tuple(b.label for b in blocks))
