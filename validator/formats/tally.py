"""Counts over a batch, kept while its documents stream by (the summary lines need them)."""

from __future__ import annotations

import attrs

from ..report import DocumentReport, Status


@attrs.define
class Tally:
    documents: int = 0
    checks: int = 0
    passed: int = 0
    skipped: int = 0
    errors: int = 0  # counted failures at severity error
    warnings: int = 0
    suppressed: int = 0
    unreadable: int = 0

    def add(self, d: DocumentReport) -> None:
        self.documents += 1
        self.unreadable += d.error is not None
        for c in d.checks:
            self.checks += 1
            self.passed += c.status is Status.PASS
            self.skipped += c.status is Status.SKIPPED
            self.suppressed += c.suppressed
        for c in d.failures:
            if c.severity == "error":
                self.errors += 1
            else:
                self.warnings += 1

    @property
    def failures(self) -> int:
        return self.errors + self.warnings
