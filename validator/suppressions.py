"""Inline suppressions: a known and accepted exception, written in the draft itself.

    <!-- placement-validator: ignore PV005 -->        Markdown and HTML (plain text too)
    placement-validator: ignore PV005, PV020          a line of its own, in plain text

A directive applies to the next paragraph: the lines after it up to the next blank line.
Without rule ids it suppresses every rule there; an id may be a prefix ("PV00"); words after
the ids are a reason, for the reader ("ignore PV005 agreed with counsel"). A suppressed
failure stays in the report, marked, and no longer counts; a directive that suppresses no
failure is itself reported, as PV000 unused-suppression (a warning), so that stale exceptions
do not pile up."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import attrs

from .figures import Span
from .report import Check, Status
from .settings import SELECTOR

if TYPE_CHECKING:  # the reader blanks directives with this module's pattern
    from .reader import Document

UNUSED = "PV000"
UNUSED_NAME = "unused-suppression"

# (the rest of the line is taken greedily and its "-->" cut off after: a lazy group before
# optional spaces would re-scan a long line of spaces once per character)
_DIRECTIVE = re.compile(
    r"^[ \t]*(?:<!--[ \t]*)?placement-validator:[ \t]*ignore\b(?P<ids>[^\n]*)$",
    re.MULTILINE)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


@attrs.frozen
class Suppression:
    """One directive: where it is written, the rule ids (or prefixes) it names (empty: all),
    and the lines of the paragraph it covers."""

    span: Span
    rules: tuple[str, ...]
    first_line: int
    last_line: int

    def covers(self, check: Check) -> bool:
        """Whether the directive accepts this check (its rule, in its paragraph)."""
        where = check.where
        return (where is not None and self.first_line <= where.line <= self.last_line
                and (not self.rules or any(check.rule.startswith(r) for r in self.rules)))


def blank(text: str) -> str:
    """The text with every directive line turned to spaces, offsets unchanged: a directive is
    no part of the release (a first-line directive must not hide the headline)."""
    return _DIRECTIVE.sub(lambda m: " " * len(m.group()), text)


def find(doc: Document) -> tuple[Suppression, ...]:
    """Every directive of a document, with the source lines of the paragraph it covers."""
    text = doc.original
    out = []
    for m in _DIRECTIVE.finditer(text):
        ids = []
        for word in re.split(r"[\s,]+", m.group("ids").strip().removesuffix("-->").strip()):
            if not SELECTOR.match(word.upper()):
                break  # the rest is the reason, for the reader
            ids.append(word)
        # the next paragraph: from the first line with text after the directive to the
        # next blank line
        start = m.end()
        while start < len(text) and text[start].isspace():
            start += 1
        gap = _BLANK_LINE.search(text, start)
        end = max(start, (gap.start() if gap else len(text)) - 1)
        line, column = doc.position(m.start())
        first = doc.position(min(start, len(text) - 1))[0] if text else line
        last = doc.position(min(end, len(text) - 1))[0] if text else line
        out.append(Suppression(Span(m.start(), m.end(), line, column, doc.label(line)),
                               tuple(i.upper() for i in ids), first, max(first, last)))
    return tuple(out)


def apply(checks: tuple[Check, ...], doc: Document) -> tuple[Check, ...]:
    """The checks with the failures a directive covers marked as suppressed, then one PV000
    warning per directive that covered none."""
    directives = find(doc)
    if not directives:
        return checks
    used: set[int] = set()
    out = []
    for c in checks:
        if c.status is Status.FAIL:
            hits = [i for i, s in enumerate(directives) if s.covers(c)]
            if hits:
                used.update(hits)
                c = attrs.evolve(c, suppressed=True)
        out.append(c)
    for i, s in enumerate(directives):
        if i not in used:
            named = ", ".join(s.rules) if s.rules else "any rule"
            out.append(Check(
                rule=UNUSED, name=UNUSED_NAME, status=Status.FAIL, severity="warning",
                figures=(), span=s.span,
                message=f"unused suppression: no failure of {named} in the paragraph it "
                        f"covers (lines {s.first_line}-{s.last_line}); remove it"))
    return tuple(out)
