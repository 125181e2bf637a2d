"""Reconciling rules: what one rule confirms overrules another's loose failure, a check that
agrees shows the figures its agreement rests on, a restatement of a disproved figure is
measured against its relation, operands spent on one figure do not fail another, and the same
finding is reported once."""

from __future__ import annotations

import attrs

from .figures import Figure, Qualifier
from .report import Check, Status
from .rules import Rule
from .typos import SPECIFIC, convincing, significant


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
    which leaves the typo where the failure puts it; nor is any failure suspecting another
    figure there (certain or a typo) when that confirmation is structural too, or exact (parts
    written in full making the stated figure to the unit). (A picked sum that merely meets the
    figure's range is no such evidence: "A$500 commission" added to a line that makes
    A$9,999.90 alone is one part too many.)"""
    if check.status is not Status.FAIL or check.stated is None:
        return False
    other = confirmed.get(check.stated.id)
    if other is None or other.rule == check.rule:
        return False
    typo = check.basis in ("typo", "certain") and convincing(check.suspect, check.figures)
    elsewhere = structural and check.suspect is not None and check.suspect is not check.stated
    exact = other.computed is not None and other.computed.exact and other.difference == 0
    if elsewhere and (typo or other.basis == "structural" or exact):
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


def restating_wrong(rule: Rule, check: Check, wrong: dict[str, Check]) -> Check | None:
    """A restatement that agrees with a figure its own relation certainly disproves ("Raises
    $45.3M" for a body's "$45.3 million" that 705,882,353 × $0.0655 does not make) is measured
    against what that relation computes: agreeing with a wrong figure is no agreement."""
    from .numbers import render_like

    restated = [f for f in check.figures if f is not check.stated]
    if len(restated) != 1 or restated[0].id not in wrong:
        return None
    d, stated = wrong[restated[0].id], check.stated
    if d.computed is None or d.computed.meets(stated.stated):
        return None  # coarse enough to agree with both
    difference = stated.value - d.expected
    expected = (f"{restated[0].text}, which it restates, where {d.rule} computes "
                f"{render_like(d.expected, stated, extra_digits=2)}")
    return attrs.evolve(
        check, status=Status.FAIL, basis="certain", holds_by=None, suspect=None,
        figures=tuple(dict.fromkeys(check.figures + d.figures)), expected=d.expected,
        computed=d.computed, difference=difference,
        message=rule.message.format(
            expected=expected, stated=stated.text, relation=rule.check_text,
            difference=render_like(abs(difference), stated, extra_digits=2),
            computed=render_like(d.expected, stated, extra_digits=2)))


def spent(checks: list[Check]) -> list[Check]:
    """Operands that agree with one stated figure make that figure, not another: "62,695,126
    ÷ 313,475,630 = 20%" says nothing of the "5.22%" and "16.67%" beside it, which measure
    against counts the release does not state. Such failures are skipped, with the reason."""
    made: dict[tuple, Check] = {}
    for c in checks:
        if c.status is Status.PASS and c.stated is not None:
            made.setdefault((c.rule, _operand_ids(c)), c)
    out = []
    for c in checks:
        other = made.get((c.rule, _operand_ids(c))) if c.stated is not None else None
        if c.status is Status.FAIL and other is not None and other.stated is not c.stated \
                and c.basis == "certain" and c.suspect is None:  # (not a restatement typo)
            c = attrs.evolve(c, status=Status.SKIPPED, basis=None, suspect=None,
                             reason=f"its figures make {other.stated.text} ({other.rule}); "
                                    f"{c.stated.text} measures something else")
        out.append(c)
    return out


def _operand_ids(c: Check) -> frozenset[str]:
    return frozenset(f.id for f in c.figures if f is not c.stated)


def without_repeats(checks: list[Check], stated_role: dict[str, str],
                    layout: frozenset[str] = frozenset()) -> list[Check]:
    """Two rules that bind the same figures to the same verdict say it twice (PV015 on the
    amount PV001 already checks against its line): keep a ``layout`` rule (a table's total,
    which the table's layout binds), else the rule made for the stated figure's role (a
    headline's PV005), else the first."""
    def better(c: Check, other: Check) -> bool:
        if (c.rule in layout) != (other.rule in layout):
            return c.rule in layout
        return stated_role[c.rule] == c.stated.role and stated_role[other.rule] != c.stated.role

    def key(c: Check) -> tuple:
        return (c.stated.id if c.stated else None, frozenset(f.id for f in c.figures), c.status)

    best: dict[tuple, Check] = {}
    for c in checks:
        if c.status is Status.SKIPPED:
            continue
        k = key(c)
        if k not in best or better(c, best[k]):
            best[k] = c
    kept = [c for c in checks if c.status is Status.SKIPPED or best[key(c)] is c]
    # one relation read from either end (38.70 million = 193.50 million × 1/5, and 193.50
    # million = 38.70 million × 5/1) is one finding
    seen: set[tuple] = set()
    out = []
    for c in kept:
        k = (c.rule, frozenset(f.id for f in c.figures), c.status)
        if c.status is not Status.SKIPPED and k in seen:
            continue
        seen.add(k)
        out.append(c)
    return out


def pinned(checks: list[Check]) -> dict[str, Figure]:
    """Rounded figures whose breakdown, stated in full, makes exactly what they say: "the $1
    million total breaks down into $572,044 of new cash and $427,956 of debt converted" means
    $1,000,000, not anything from $500,000 to $1,500,000. Each is returned at the precision of
    its parts, for the relations that use it elsewhere (4,000 units at $250). One part must be
    specific: round parts ($500,000 + $500,000) may themselves be rounded."""
    out = {}
    for c in checks:
        stated, parts = c.stated, [f for f in c.figures if f is not c.stated]
        if c.status is not Status.PASS or stated is None or not stated.rounded \
                or stated.qualifier not in (Qualifier.EXACT, Qualifier.APPROX) \
                or c.computed is None or not c.computed.exact or len(parts) < 2 \
                or c.computed.low != stated.value or any(f.rounded for f in parts) \
                or not any(significant(f) >= SPECIFIC for f in parts):
            continue
        out[stated.id] = attrs.evolve(stated, exponent=min(0, *(f.exponent for f in parts)),
                                      qualifier=Qualifier.EXACT)
    return out
