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

MAX_BYTES = 64 * 1024 * 1024  # a file read at all (a Word file carries its images)
MAX_CHARS = 1024 * 1024  # the text of one release: a release is 2-50 KB, a filing a few 100 KB
MAX_LINE = 100_000  # characters on one line: longer is data, not prose


class InputError(Exception):
    """A document that cannot be read; the message is one line naming the problem."""


@attrs.frozen
class Document:
    """A decoded release.

    ``original`` is the release's text as written (for a Markdown or text file, the file
    itself; for HTML, Word or PDF, the text a reader sees, extracted); ``text`` is the same
    normalised (look-alike characters folded, suppression directives and non-prose blanked),
    of the same length, so offsets are shared. ``source`` is the file's text that lines and
    columns refer to; ``origin`` maps each offset of ``original`` to an offset of ``source``
    when they differ (HTML entities, tags), and ``labels`` names a source line where a line
    number alone says little ("table 1, row 2, cell 3", "page 2, line 5")."""

    path: str
    original: str
    text: str
    _line_starts: tuple[int, ...] = attrs.field(repr=False)
    source: str = attrs.field(repr=False, default=None)
    origin: tuple[int, ...] | None = attrs.field(repr=False, default=None)
    labels: tuple[str, ...] | None = attrs.field(repr=False, default=None)

    @classmethod
    def from_text(cls, text: str, path: str = "<text>") -> Document:
        """A document of plain text already decoded; ``path`` only names it."""
        return cls.extracted(path, text, text)

    @classmethod
    def extracted(cls, path: str, source: str, original: str,
                  origin: tuple[int, ...] | None = None, labels: tuple[str, ...] | None = None,
                  blanked: str | None = None) -> Document:
        """A document whose ``original`` was read out of ``source``; ``blanked`` is
        ``original`` with what is no prose (code, link targets) turned to spaces."""
        starts = [0]
        starts.extend(i + 1 for i, ch in enumerate(source) if ch == "\n")
        text = suppressions.blank((blanked if blanked is not None else original).translate(_FOLD))
        return cls(path, original, text, tuple(starts), source, origin, labels)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the source of a character offset of the text, columns
        counted in characters."""
        if self.origin is not None:  # an extracted text: its character's place in the file
            offset = self.origin[min(offset, len(self.origin) - 1)] if self.origin else 0
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def label(self, line: int, column: int | None = None) -> str | None:
        """How to name a place on a source line, where its number alone says little; a table
        row's cells are counted from the " | " that separate them ("table 1, row 2, cell 3")."""
        if self.labels is None or not 1 <= line <= len(self.labels):
            return None
        label = self.labels[line - 1]
        if column is not None and label.startswith("table "):
            label += f", cell {self.line_text(line)[:column - 1].count(' | ') + 1}"
        return label

    def line_text(self, line: int) -> str:
        """The source text of a 1-based line, without its line ending."""
        start = self._line_starts[line - 1]
        end = self._line_starts[line] - 1 if line < len(self._line_starts) else len(self.source)
        return self.source[start:end].rstrip("\r")


def bounded(doc: Document) -> Document:
    """The document, or InputError when its text is too large to be one release: checking is
    bounded in time and memory because its input is."""
    if len(doc.original) > MAX_CHARS:
        raise InputError(f"{doc.path}: {len(doc.original):,} characters of text is more than "
                         f"the {MAX_CHARS:,} a release may have; split it")
    lengths = [len(line) for line in doc.source.split("\n")]
    longest = max(lengths, default=0)
    if longest > MAX_LINE:
        raise InputError(f"{doc.path}: line {lengths.index(longest) + 1} has {longest:,} "
                         f"characters, more than the {MAX_LINE:,} of a line of prose; "
                         "not a release")
    return doc


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
    from .inputs import reader_for  # the readers of each format build on this module

    reader = reader_for(p.suffix.lower())
    if reader is not None:
        return bounded(reader(data, str(path)))
    return bounded(Document.from_text(decode(data, str(path)), str(path)))
