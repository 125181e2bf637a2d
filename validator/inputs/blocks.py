"""Documents assembled from blocks of text (Word paragraphs and table rows, PDF lines): the
source has one block a line, so that a line number is a block number, and the text read
puts a blank line between paragraphs, as the prose reader expects, a line break between the
rows of a table, and a space where a PDF line wraps into the next."""

from __future__ import annotations

import attrs

from ..reader import Document


@attrs.frozen
class Block:
    text: str  # one line: breaks inside a block are read as spaces
    label: str  # "paragraph 3", "table 1, row 2", "page 2, line 5"
    gap: str = "\n\n"  # what separates it from the next block in the text read


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
            original.append(b.gap)
            origin.extend([offset] * len(b.gap))  # the source's line break
            offset += 1
    source = "\n".join(source_parts)
    return Document.extracted(path, source, "".join(original), tuple(origin),
                              tuple(b.label for b in blocks))
