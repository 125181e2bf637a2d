"""Reconciling rules: what one rule confirms overrules another's loose failure, and a check
that agrees shows the figures its agreement rests on."""

from __future__ import annotations

import attrs

from .figures import Figure
from .report import Check, Status
from .typos import convincing


def rearranged(check: Check, agreeing: list[set[str]]) -> bool:
    """A failure among figures that already agree in another arrangement (13,043,774 +
    2,500,000 = 15,543,774 is no reason to fail 13,043,774 = 2,500,000 + 15,543,774)."""
    if check.status is not Status.FAIL or check.basis == "certain":
        return False
    ids = {f.id for f in check.figures}
    return any(ids <= other for other in agreeing)


def confirmations(checks: list[Check]) -> dict[str, Check]:
    """Stated figures that a check confirms, by the check (a structural one first)."""
    out: dict[str, Check] = {}
    for c in sorted(checks, key=lambda c: c.basis != "structural"):
        if c.status is Status.PASS and c.stated is not None:
            out.setdefault(c.stated.id, c)
    return out


def overruled(check: Check, confirmed: dict[str, Check], structural: bool = False) -> bool:
    """A failing binding of a figure that another relation confirms describes something else,
    unless the failure is certain, or a convincing typo (typos.convincing), and the
    confirmation rests on loosely picked figures (a figure may take part in two relations; a
    loose agreement in one does not refute a clear typo in the other). A convincing typo in
    another figure than the confirmed one, in a ``structural`` binding (the release's own
    lines and labels), is never overruled: the confirmation says the stated figure is right,
    which leaves the typo where the failure puts it. (A picked sum is no such evidence: "A$500
    commission" added to a line that makes A$9,999.90 alone is one part too many.)"""
    if check.status is not Status.FAIL or check.stated is None:
        return False
    other = confirmed.get(check.stated.id)
    if other is None or other.rule == check.rule:
        return False
    typo = check.basis == "typo" and convincing(check.suspect, check.figures)
    if typo and structural and check.suspect is not check.stated:
        return False
    return not ((check.basis == "certain" or typo) and other.basis == "loose")


def with_provenance(check: Check, passing: list[Check]) -> Check:
    """A restatement that agrees ("Raises $4.3 Million" for "$4,307,075") also rests on the
    check that confirms what it restates (212,750 × $4.50 = $4,307,075): a typo in any of those
    figures breaks the headline too. A failing restatement does not: what it restates was
    confirmed, so the fault is in the restatement itself."""
    restated = {f.id for f in check.figures if f is not check.stated}
    extra: list[Figure] = []
    for d in passing:
        if d.rule == check.rule or d.stated is None:
            continue
        inputs = {f.id for f in d.figures if f is not d.stated}
        if d.stated.id in restated or (inputs and inputs == restated):
            extra.extend(d.figures)
    return _showing(check, extra)


def with_part_totals(check: Check, passing: list[Check]) -> Check:
    """A total that agrees with its lines (6,405,000 × $1.21 + 8,383,500 × $2.06) also shows
    the amounts stated for those lines ($7,750,050, $17,270,010) when their own line checks
    (``passing``) confirm them."""
    used = {f.id for f in check.figures}
    extra = [d.stated for d in passing
             if d.rule != check.rule and d.stated is not None and d.stated.id not in used
             and len(d.figures) > 2 and {f.id for f in d.figures if f is not d.stated} <= used]
    return _showing(check, extra)


def _showing(check: Check, extra: list[Figure]) -> Check:
    """The check with ``extra`` figures added to those it lists, each once."""
    if not extra:
        return check
    return attrs.evolve(check, figures=tuple(dict.fromkeys(check.figures + tuple(extra))))
