"""Reading a release: decode bytes, normalise look-alike characters, map offsets to lines."""

from __future__ import annotations

import bisect
from pathlib import Path

import attrs

from . import suppressions

# One character for one character, so offsets into the normalised text are offsets into the
# decoded original: spaces and signs that real documents carry, folded to their plain form.
_FOLD = str.maketrans({
    "\u00a0": " ",  # no-break space
    "\u202f": " ",  # narrow no-break space (French and Swiss grouping)
    "\u2009": " ",  # thin space
    "\u2007": " ",  # figure space
    "\u2212": "-",  # minus sign
    "\u2018": "'",  # curly apostrophes, also used as group separators in Swiss notation
    "\u2019": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\ufeff": " ",  # a stray BOM inside the text
})

MAX_BYTES = 64 * 1024 * 1024


class InputError(Exception):
    """A document that cannot be read; the message is one line naming the problem."""


@attrs.frozen
class Document:
    """A decoded release. ``text`` is normalised (look-alike characters folded, suppression
    directives blanked) but has the original's length and offsets."""

    path: str
    original: str
    text: str
    _line_starts: tuple[int, ...] = attrs.field(repr=False)

    @classmethod
    def from_text(cls, text: str, path: str = "<text>") -> Document:
        """A document of text already decoded; ``path`` only names it."""
        starts = [0]
        starts.extend(i + 1 for i, ch in enumerate(text) if ch == "\n")
        return cls(path, text, suppressions.blank(text.translate(_FOLD)), tuple(starts))

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset, columns counted in characters."""
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def line_text(self, line: int) -> str:
        """The original text of a 1-based line, without its line ending."""
        start = self._line_starts[line - 1]
        end = self._line_starts[line] - 1 if line < len(self._line_starts) else len(self.original)
        return self.original[start:end].rstrip("\r")


def decode(data: bytes, path: str) -> str:
    """UTF-8, with or without a byte-order mark. Anything else is refused with a clear reason."""
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: binary file (contains NUL bytes), not a text release")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "save the release as UTF-8"
        ) from None


def read_path(path: str | Path) -> Document:
    """Read and decode one file into a Document, or raise InputError."""
    p = Path(path)
    try:
        if p.is_dir():
            raise InputError(f"{path}: is a directory")
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{path}: {size} bytes is larger than the {MAX_BYTES} byte limit")
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    text = decode(data, str(path))
    return Document.from_text(text, str(path))
