"""Results as values: every check with its evidence, and the report of a document or a batch."""

from __future__ import annotations

from decimal import Decimal
from enum import Enum

import attrs

from .figures import Figure, Interval


class Status(str, Enum):
    PASS = "pass"
    FAIL = "fail"
    SKIPPED = "skipped"


@attrs.frozen
class Check:
    """One rule applied to one binding of figures; ``figures`` lists every figure used."""

    rule: str
    name: str
    status: Status
    severity: str
    figures: tuple[Figure, ...]
    stated: Figure | None = None
    expected: Decimal | None = None  # the computed value (midpoint of its interval)
    computed: Interval | None = None
    difference: Decimal | None = None  # stated - expected
    holds_by: str | None = None  # "exact", "rounding", "inequality"
    reason: str | None = None
    message: str = ""
    suspect: Figure | None = None  # the figure a one-digit typo most likely sits in
    # why the verdict was reached: a failure is "certain" (the figures are stated together
    # and named for their roles), "typo" (one changed digit explains it) or "near-miss"
    # (within 1%); a pass is "structural" (the release's own lines and labels) or "loose"
    # (parts picked because they agree, or figures the words do not name)
    basis: str | None = None

    @property
    def location(self) -> Figure | None:
        """Where to point: the likely typo, else the stated figure, else the first figure."""
        return self.suspect or self.stated or (self.figures[0] if self.figures else None)


@attrs.frozen
class DocumentReport:
    path: str
    figures: tuple[Figure, ...]
    checks: tuple[Check, ...]
    source_lines: tuple[str, ...] = attrs.field(repr=False, default=())
    error: str | None = None  # the input could not be read: the one-line reason
    # rules that made no check at all, each with the roles no figure could stand for
    not_applied: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @property
    def failures(self) -> tuple[Check, ...]:
        return tuple(c for c in self.checks if c.status is Status.FAIL)

    @property
    def ok(self) -> bool:
        return self.error is None and not any(c.severity == "error" for c in self.failures)

    @property
    def unused_money(self) -> tuple[Figure, ...]:
        """Money figures that no evaluated check used: silence is not consistency."""
        used = {f.id for c in self.checks if c.status is not Status.SKIPPED for f in c.figures}
        return tuple(f for f in self.figures if f.kind.value == "money" and f.id not in used)


@attrs.frozen
class Report:
    documents: tuple[DocumentReport, ...]

    @property
    def checks(self) -> tuple[Check, ...]:
        return tuple(c for d in self.documents for c in d.checks)

    @property
    def failures(self) -> tuple[Check, ...]:
        return tuple(c for d in self.documents for c in d.failures)

    @property
    def figures(self) -> tuple[Figure, ...]:
        return tuple(f for d in self.documents for f in d.figures)

    @property
    def errors(self) -> tuple[str, ...]:
        return tuple(d.error for d in self.documents if d.error)

    @property
    def ok(self) -> bool:
        return all(d.ok for d in self.documents)
