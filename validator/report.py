"""Results as values: every check with its evidence, and the report of a document or a batch."""

from __future__ import annotations

from decimal import Decimal
from enum import Enum

import attrs

from .figures import Figure, Interval, Span


class Status(str, Enum):
    """The verdict of one check."""

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
    suppressed: bool = False  # a failure an inline directive accepts (suppressions.py)
    span: Span | None = None  # where a check about no figure points (an unused suppression)

    @property
    def counts(self) -> bool:
        """A failure that counts: not suppressed in the draft."""
        return self.status is Status.FAIL and not self.suppressed

    @property
    def location(self) -> Figure | None:
        """Where to point: the likely typo, else the stated figure, else the first figure."""
        return self.suspect or self.stated or (self.figures[0] if self.figures else None)

    @property
    def where(self) -> Span | None:
        """The span to report: the location's, else the check's own."""
        f = self.location
        return f.span if f is not None else self.span


@attrs.frozen
class DocumentReport:
    """Every figure and check of one document, or the one-line reason it was not checked."""

    path: str
    figures: tuple[Figure, ...]
    checks: tuple[Check, ...]
    source_lines: tuple[str, ...] = attrs.field(repr=False, default=())
    error: str | None = None  # the input could not be read: the one-line reason
    # rules that made no check at all, each with the roles no figure could stand for
    not_applied: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @property
    def failures(self) -> tuple[Check, ...]:
        """The failing checks that count: not suppressed in the draft."""
        return tuple(c for c in self.checks if c.counts)

    @property
    def ok(self) -> bool:
        """Read, and no counted failure at severity error."""
        return self.error is None and not any(c.severity == "error" for c in self.failures)

    @property
    def notice(self) -> str | None:
        """Why a readable document confirmed nothing: silence is not consistency."""
        if self.error is not None:
            return None
        if not self.figures:
            return "no figures found; nothing was checked"
        if not any(c.status is not Status.SKIPPED for c in self.checks):
            return "no rule applied to its figures; nothing was confirmed"
        return None

    @property
    def unused_money(self) -> tuple[Figure, ...]:
        """Money figures that no evaluated check used: silence is not consistency."""
        used = {f.id for c in self.checks if c.status is not Status.SKIPPED for f in c.figures}
        return tuple(f for f in self.figures if f.kind.value == "money" and f.id not in used)


@attrs.frozen
class Report:
    """The reports of a batch, in the order of its documents."""

    documents: tuple[DocumentReport, ...]

    @property
    def checks(self) -> tuple[Check, ...]:
        """Every check of every document."""
        return tuple(c for d in self.documents for c in d.checks)

    @property
    def failures(self) -> tuple[Check, ...]:
        """Every counted failure of every document."""
        return tuple(c for d in self.documents for c in d.failures)

    @property
    def figures(self) -> tuple[Figure, ...]:
        """Every figure of every document."""
        return tuple(f for d in self.documents for f in d.figures)

    @property
    def errors(self) -> tuple[str, ...]:
        """The one-line reason of each document that could not be checked."""
        return tuple(d.error for d in self.documents if d.error)

    @property
    def ok(self) -> bool:
        """Every document ok."""
        return all(d.ok for d in self.documents)
