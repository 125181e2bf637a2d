"""Text output, as a linter writes it: path:line:column: RULE severity message, source, caret."""

from __future__ import annotations

from typing import TextIO

from ..report import DocumentReport, Status
from .tally import Tally


class Writer:
    """The failures of each document as a linter prints them (every check with ``verbose``),
    written as the document comes; a summary line at the end."""

    def __init__(self, out: TextIO, color: bool = False, verbose: bool = False, **_options):
        self.out, self.verbose = out, verbose
        self.red, self.yellow, self.bold, self.reset = (
            ("\x1b[31m", "\x1b[33m", "\x1b[1m", "\x1b[0m") if color else ("", "", "", ""))
        self.tally = Tally()

    def document(self, d: DocumentReport) -> None:
        self.tally.add(d)
        self.out.writelines(line + "\n" for line in self._lines(d))

    def _lines(self, d: DocumentReport):
        verbose = self.verbose
        if d.error:
            yield f"{d.path}: error: {d.error.removeprefix(d.path + ': ')}"
            return
        for c in d.checks:
            if not verbose and not c.counts:
                continue
            w = c.where
            line, col = (w.line, w.column) if w else (1, 1)
            tint = self.red if c.severity == "error" else self.yellow
            label = ("suppressed" if c.suppressed else c.severity if c.status is Status.FAIL
                     else c.status.value)
            detail = c.message if c.status is not Status.SKIPPED else c.reason
            place = f" ({w.label})" if w is not None and w.label else ""
            yield (f"{self.bold}{d.path}:{line}:{col}:{self.reset} {c.rule} "
                   f"{tint}{label}{self.reset} {detail}{place}")
            if c.counts and w is not None and line <= len(d.source_lines):
                yield "    " + d.source_lines[line - 1].rstrip("\r")
                yield "    " + " " * (col - 1) + "^" * max(1, w.end - w.start)
        if d.notice:
            yield f"{d.path}: note: {d.notice}"
        if verbose and d.not_applied:
            yield f"{d.path}: note: rules not applied: " + "; ".join(
                f"{rule} (no {', '.join(roles)})" if roles
                else f"{rule} (its figures never stand together)"
                for rule, roles in d.not_applied)
        if verbose and d.unused_money:
            names = ", ".join(f"{f.text} ({f.span.line}:{f.span.column})" for f in d.unused_money)
            yield f"{d.path}: note: money figures no check used: {names}"

    def close(self) -> None:
        t = self.tally
        self.out.write(f"{t.documents} document(s), {t.checks} check(s): {t.passed} passed, "
                       f"{t.errors} error(s), {t.warnings} warning(s), {t.skipped} skipped"
                       + (f", {t.suppressed} suppressed" if t.suppressed else "")
                       + (f", {t.unreadable} not checked" if t.unreadable else "") + "\n")
