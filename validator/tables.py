"""Tables: rows of cells, as Markdown pipe tables are written and as the HTML and Word readers
render theirs ("cell | cell | cell", a row a line), with the units their headers state, and
the totals they claim.

    | Use of proceeds (US$000) | Amount |
    |---|---|
    | Drilling                 | 2,150  |
    | Working capital          | 1,850  |
    | Total                    | 4,000  |

"(US$000)", "in thousands", "'000" in a header or in the line just above the table scale its
cells by a thousand ("in millions" by a million) and give them the currency named; a row
whose first cell says "Total" claims the sum of the column's items above it (back to the
header or the previous total), and a column headed "Total" the sum of the row's items."""

from __future__ import annotations

import re
from decimal import Decimal

import attrs

from .figures import Figure, Kind
from .scanner import PREFIXES

_SEPARATOR = re.compile(r"^[\s|:\-]*-[\s|:\-]*$")
_TOTAL = re.compile(r"(?i)^\W*(?:total|aggregate|grand total|sum)\b")
_THOUSANDS = re.compile(r"(?i:\bin\s+thousands\b)|\(\s*000s?\s*\)|['’]000s?\b|\b000s\b|"
                        r"(?:[$£€]|\b[A-Z]{3}|\b[A-Z]{1,2}\$)\s?000\b")
_MILLIONS = re.compile(r"(?i:\bin\s+millions\b)|\(\s*(?i:millions?)\s*\)|"
                       r"(?:[$£€]|\b[A-Z]{3}|\b[A-Z]{1,2}\$)\s?m\b")
_CAPTION = 120  # a line above the table longer than this is prose, not its caption
# the scanner's currency prefixes ("US$", "C$", "£" ...), longest first
_CURRENCY = re.compile("(?<![A-Za-z])(?:" + "|".join(
    re.escape(p) for p in sorted(PREFIXES, key=len, reverse=True)) + ")")

@attrs.frozen
class Cell:
    start: int  # offsets of the cell's text, trimmed
    end: int
    text: str


@attrs.frozen
class Table:
    rows: tuple[tuple[Cell, ...], ...]  # the header row first; separator rows left out
    scale: int = 0  # the power of ten the cells are stated in ("in thousands": 3)
    currency: str | None = None  # the currency the units name ("US$000")

    def where(self, f: Figure) -> tuple[int, int] | None:
        """(row, column) of the cell holding ``f``, 0-based; None when it is not in a cell."""
        if not self.rows[0][0].start <= f.span.start < self.rows[-1][-1].end:
            return None  # outside the table: most figures, so rejected at once
        for r, row in enumerate(self.rows):
            for c, cell in enumerate(row):
                if cell.start <= f.span.start and f.span.end <= cell.end:
                    return r, c
        return None


def _cells(text: str, start: int) -> list[Cell]:
    """The cells of one line written "a | b | c" (with or without border pipes)."""
    parts, offset = [], start
    for piece in text.split("|"):
        stripped = piece.strip()
        lead = len(piece) - len(piece.lstrip())
        parts.append(Cell(offset + lead, offset + lead + len(stripped), stripped))
        offset += len(piece) + 1
    if parts and not parts[0].text:
        parts = parts[1:]
    if parts and not parts[-1].text:
        parts = parts[:-1]
    return parts


def find(text: str) -> tuple[Table, ...]:
    """Every table of two or more rows: consecutive lines of two or more cells."""
    tables, run, above = [], [], ""
    offset = 0
    previous = ""
    for line in text.split("\n") + [""]:
        is_row = "|" in line and len(_cells(line, offset)) >= 2
        if is_row:
            if not run:
                above = previous
            if not _SEPARATOR.match(line):
                run.append(tuple(_cells(line, offset)))
        else:
            if len(run) >= 2:
                tables.append(_with_units(tuple(run), above))
            run = []
            if line.strip():
                previous = line
        offset += len(line) + 1
    return tuple(tables)


def _with_units(rows: tuple[tuple[Cell, ...], ...], above: str) -> Table:
    caption = above if len(above.strip()) <= _CAPTION else ""
    header = " ".join([caption, *(c.text for c in rows[0])])
    scale = 6 if _MILLIONS.search(header) else 3 if _THOUSANDS.search(header) else 0
    currency = None
    if scale:
        m = _CURRENCY.search(header)
        currency = PREFIXES[m.group()] if m else None
    return Table(rows, scale, currency)


def rescale(figures: tuple[Figure, ...], tables: tuple[Table, ...]) -> tuple[Figure, ...]:
    """Figures in the cells of a table stated in thousands or millions, at their full value
    (and in the currency the units name, when the cell names none)."""
    if not any(t.scale for t in tables):
        return figures
    out = []
    for f in figures:
        table = next((t for t in tables if t.scale and t.where(f) is not None), None)
        if table is not None and f.kind in (Kind.NUMBER, Kind.MONEY) and not f.words:
            currency = f.currency or table.currency
            f = attrs.evolve(
                f, value=f.value * Decimal(10) ** table.scale,
                exponent=f.exponent + table.scale, scaled=True,
                kind=Kind.MONEY if currency else f.kind, currency=currency)
        out.append(f)
    return tuple(out)


def totals(table: Table, figures: tuple[Figure, ...]) -> list[tuple[Figure, list[Figure]]]:
    """Each total the table claims, with the items it claims to be the sum of: a "Total" row's
    cell and the column's items above it; a "Total" column's cell and the row's items."""
    grid: dict[tuple[int, int], Figure] = {}
    crowded = set()  # a cell of two figures ("212,750 at $4.50") is no item of a sum
    for f in figures:
        at = table.where(f)
        if at is not None:
            if at in grid:
                crowded.add(at)
            grid[at] = f
    for at in crowded:
        del grid[at]
    out = []
    width = max(len(r) for r in table.rows)
    first = 1  # the first item row: after the header, then after each total
    for r, row in enumerate(table.rows[1:], 1):
        if row and _TOTAL.match(row[0].text):
            for c in range(1, width):
                total = grid.get((r, c))
                items = [grid[(i, c)] for i in range(first, r) if (i, c) in grid]
                if total is not None and len(items) >= 2 and _alike(total, items):
                    out.append((total, items))
            first = r + 1
    header = table.rows[0]
    for c, cell in enumerate(header):
        if c == 0 or not _TOTAL.match(cell.text):
            continue
        for r in range(1, len(table.rows)):
            total = grid.get((r, c))
            items = [grid[(r, k)] for k in range(1, width) if k != c and (r, k) in grid
                     and not _TOTAL.match(header[k].text if k < len(header) else "")]
            if total is not None and len(items) >= 2 and _alike(total, items):
                out.append((total, items))
    return out


def _alike(total: Figure, items: list[Figure]) -> bool:
    """Items of the total's kind and currency: a percentage column is not summed into money."""
    return all((f.kind, f.currency) == (total.kind, total.currency) for f in items)
