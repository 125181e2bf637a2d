"""Reading releases where they are drafted and filed: one module per file format, each
turning a file's bytes into a Document whose figures point back into the file."""

from __future__ import annotations

import importlib
from collections.abc import Callable

from ..reader import Document

# the module reading each suffix, imported only when a file of it is read
_MODULES = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html",
            ".docx": "docx", ".pdf": "pdf"}


def reader_for(suffix: str) -> Callable[[bytes, str], Document] | None:
    """The reader of files ending in ``suffix`` (lower case), or None for plain text."""
    module = _MODULES.get(suffix)
    return None if module is None else importlib.import_module(f".{module}", __name__).read
