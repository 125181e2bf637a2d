"""Judging one binding: compute the rule's relation exactly, compare it with the stated figure
at its precision, and decide pass, fail (certain, typo, near-miss) or skip, with a rank that
orders the bindings of one figure."""

from __future__ import annotations

import functools
from decimal import Decimal, InvalidOperation

import attrs

from . import expr
from .figures import Figure, Interval, Kind, Qualifier
from .grouping import Line
from .report import Check, Status
from .rules import Rule
from .terms import Mismatch, Term, addends, compute, term_of
from .typos import SPECIFIC, convincing, significant, tight, typo_suspect

_NEAR_MISS = Decimal("0.01")
_PRECISE = Decimal("0.01")
_LOWER_BOUND = Decimal("0.04")  # "over $8.54m" (8.54 to 8.64) is narrow enough to confirm
PROCEEDS = ("gross", "aggregate", "tranche")


@attrs.frozen
class Outcome:
    check: Check  # its message is rendered only once the outcome is assigned
    rank: tuple
    stated: Figure
    line: Line | None
    rule: Rule
    bind: dict[str, Term]

    @functools.cached_property  # asked several times per outcome while they are assigned
    def key(self) -> tuple:
        """One check per stated figure, and per currency of a conversion: a relation stated
        in US$ and in AUD is checked in each."""
        return (self.stated.id, frozenset(f.currency for t in self.bind.values()
                                          for f in t.figures if f.kind is Kind.MONEY))

    @property
    def structural(self) -> bool:
        """Every operand follows the release's structure (no part picked because it fits)."""
        return all(t.structural for t in self.bind.values())

    def finished(self) -> Check:
        """The check with its words: rendered only for the outcomes that are reported."""
        from .numbers import render_like

        c = self.check
        reason = None
        if c.status is Status.SKIPPED:
            best = render_like(c.expected, c.stated, extra_digits=2)
            reason = ("no binding agrees and the figures are not certainly related "
                      f"(best: {best} against {c.stated.text})")
        return attrs.evolve(c, reason=reason, message=_message(
            self.rule, c.stated, self.bind, c.expected, c.difference, c.suspect, c.status))


def assess(rule: Rule, stated: Figure, bind: dict[str, Term], line: Line | None,
              certain: bool = False, loose: bool = False, typos: bool = True,
              sole: frozenset[int] = frozenset(),
              trusted: frozenset[str] = frozenset()) -> Outcome | None:
    try:
        computed = compute(rule.check.computed, bind)
    except (Mismatch, ZeroDivisionError, InvalidOperation, ValueError):
        return None
    if term_of(stated).dim != computed.dim:
        return None
    figures = tuple(dict.fromkeys((stated, *(f for t in bind.values() for f in t.figures))))
    s_iv = stated.stated
    if stated.kind is Kind.PERCENT:  # computed as a ratio
        s_iv = Interval(s_iv.low / 100, None if s_iv.high is None else s_iv.high / 100)
    relation = rule.check.relation
    if stated.qualifier is Qualifier.APPROX and rule.approximately:
        relation = rule.approximately
    structural = not loose and all(t.structural for t in bind.values())
    if relation == "==":
        holds = computed.interval.meets(s_iv) and not _unrounded(stated, computed.interval) \
            and (structural or not _rounds_up(computed.interval, s_iv))
    elif relation == ">=":
        holds = computed.interval.high is None or s_iv.high is None or \
            s_iv.high >= computed.interval.low
    else:
        holds = computed.interval.high is None or s_iv.low <= computed.interval.high
    scale = Decimal(100) if stated.kind is Kind.PERCENT else Decimal(1)
    expected = computed.interval.mid * scale
    difference = stated.value - expected
    lines = [line] + [t.line for t in bind.values()]
    referred = {id(x.price): x for x in lines if x is not None and x.referred}
    sentences = {referred[id(f)].sentence_of(f) if id(f) in referred else f.sentence
                 for f in figures}
    if not structural and (computed.interval.high is None or (
            stated.qualifier is Qualifier.OVER and not tight(s_iv, s_iv, _LOWER_BOUND))):
        return None  # a wide lower bound is met by too many sums of parts to confirm any
    # parts make exactly what is written ($572,044 + $427,956 for "$1 million"): no chance
    exact = computed.interval.exact and computed.interval.low * (
        100 if stated.kind is Kind.PERCENT else 1) == stated.value
    # specific parts that make a round figure exactly ($472,044 + $427,956 = $900,000) are a
    # breakdown of something round: measured against the round figure, even a coarser one
    breakdown = exact or _breakdown(stated, computed.interval, s_iv, figures)
    if not breakdown and any(not t.structural and not _commensurate(t, stated)
                         for t in bind.values()):
        return None
    if not structural and not breakdown and not all(
            _commensurate_part(compute(n, bind), stated) for n in addends(rule.check.computed)):
        return None  # "2.4 crore + 3 lakh" says nothing about "2,40,00,000"
    targets = any(f.qualifier is Qualifier.UP_TO for t in bind.values() for f in t.figures)
    if stated.kind is Kind.MONEY and (stated.qualifier is Qualifier.UP_TO) != targets \
            and not (targets and ("headline" in stated.roles or rule.targets)):
        return None  # "up to" proceeds are targets, compared only with other targets (a
        # headline may name the target without the words "up to", and a total "if the
        # option is exercised in full" is one)
    # certain: the stated figure is named for the rule's role and the binding is structural,
    # with every figure in one sentence, or the figures named beside it in the sentences on
    # either side and the rest from the release's one offering line; a headline, or the
    # gross its sentences name, measured against that one line (it can mean nothing else)
    named = [f for f in figures if f is not stated and id(f) not in sole]
    beside = bool(sole) and bool(named) and any(id(f) in sole for f in figures) \
        and all(abs(f.sentence - stated.sentence) <= 1 for f in named)
    whole = ("headline" in stated.roles or id(stated) in sole) and bool(sole) and all(
        f is stated or id(f) in sole for f in figures)
    certain = certain or (stated.role == rule.check.stated and structural
                          and (len(sentences) == 1 or beside or whole))
    # A price stated in another sentence fails only an amount the words call proceeds:
    # "insiders subscribed $936,798.50 across the placement" may span tranches at other
    # prices. The release's one price taken for a sentence that did not state it is not the
    # typo suspect either, unless the release has no other line for it to belong to.
    borrowed = {x.price for x in lines if x is not None and x.borrowed
                and any(x.price is f for f in figures)}
    assumed = {x.price for x in lines if x is not None and x.inferred and id(x.price) not in sole}
    suspect = None
    if typos and not holds:
        suspect = typo_suspect(rule, stated, bind, [f for f in figures if f not in assumed
                                                    and f.id not in trusted],
                               loose=not structural, within=not borrowed,
                               precise=tight(computed.interval, s_iv) or breakdown,
                               exact_inputs=computed.interval.exact, pinned=breakdown,
                               computed=computed.interval if len(figures) == 1 + sum(
                                   len(t.figures) for t in bind.values()) else None)
        if loose and not convincing(suspect, figures):
            # a figure the words do not name for the rule's role, among round ones: one
            # changed digit lands on agreement by chance ("2,500,000" as 5,000,000 + 2,500,000
            # with "2" for "7")
            suspect = None
    basis = None
    if holds:
        status = Status.PASS
        holds_by = ("inequality" if stated.qualifier is Qualifier.OVER
                    else "exact" if computed.interval.exact and difference == 0 else "rounding")
        basis = "structural" if structural else "loose"
    elif (certain or suspect is not None or (structural and _near_miss(stated, expected))) \
            and (not borrowed or stated.role in PROCEEDS):
        status, holds_by = Status.FAIL, None
        basis = "certain" if certain else "typo" if suspect is not None else "near-miss"
    else:
        status, holds_by = Status.SKIPPED, None
    severity = rule.severity
    if status is Status.FAIL and _rounding_direction(stated, expected):
        severity = "warning"
    check = Check(
        rule=rule.id, name=rule.name, status=status, severity=severity, figures=figures,
        stated=stated, expected=expected, computed=computed.interval,
        difference=difference, holds_by=holds_by, reason=None, suspect=suspect, basis=basis,
    )
    rel = abs(difference) / abs(expected) if expected else Decimal("Infinity")
    distance = max(f.span.end for f in figures) - min(f.span.start for f in figures)
    if status is Status.PASS:
        # every agreeing binding agrees within precision: prefer the release's structure,
        # then a total computed from its lines over one from amounts stated for them, then
        # the figures that stand closest together
        # (a loose agreement counts as strong when it is precise to 1%, or makes exactly what
        # is written from a specific part, as "$572,044 + $427,956" makes "$1 million": wide
        # picked sums of rounded parts agree with almost anything)
        restated_parts = sum(1 for t in bind.values() for p in t.parts if p.line is None)
        strong = structural or tight(computed.interval, s_iv, _PRECISE) or (exact and any(
            significant(f) >= SPECIFIC for f in figures if f is not stated))
        # (and then the operands nearest the stated figure: of two "6 per cent", the one
        # beside the broker warrants)
        near = sum(abs(f.span.start - stated.span.start) for f in figures)
        rank = (0 if strong else 2, not structural, restated_parts, distance, rel, near)
    else:
        # a certain failure, or a clear typo, outranks an agreement among picked figures; of
        # two, the one a typo explains comes first (the other may be another figure's relation)
        strong = certain or convincing(suspect, figures)
        rank = (1 if strong else 3, suspect is None, rel, distance)
    return Outcome(check, rank, stated, line, rule, bind)


def _breakdown(stated: Figure, computed: Interval, s_iv: Interval,
               figures: tuple[Figure, ...]) -> bool:
    """Specific parts that make a round figure exactly ($472,044 + $427,956 = $900,000) are
    the breakdown of something round, to be measured against the round figure they meet
    ("$1 million") or, within one sentence, one they miss at its own precision ("the $2
    million total breaks down into ...")."""
    if not _unrounded(stated, computed) or not any(
            significant(f) >= SPECIFIC for f in figures if f is not stated):
        return False
    return computed.meets(s_iv) or (
        len({f.sentence for f in figures}) == 1 and not computed.low % stated.unit)


def _rounds_up(computed: Interval, s_iv: Interval) -> bool:
    """A result whose midpoint lies on or beyond the upper edge of a rounded figure's range,
    which a writer rounds up: $1 million + "$1.5 million" is "$3 million", not "$2 million".
    (Structural bindings need only overlap the range; parts picked because they fit get no
    benefit of the doubt. A midpoint below the range is not held against them: rounded parts
    make wide results, "roughly 730,000" × $3.25 for "$2.375 million".)"""
    return computed.high is not None and s_iv.high is not None and computed.mid >= s_iv.high


def _unrounded(stated: Figure, computed: Interval) -> bool:
    """An exact result that is no rounding of the stated figure: figures written in full make
    exactly $900,000, which no writer rounds to "$1 million" (it has no more significant
    digits than the stated figure, so rounding would not shorten it)."""
    if not computed.exact or stated.qualifier is not Qualifier.EXACT or stated.kind is Kind.PERCENT:
        return False
    value = computed.low
    if value == stated.value or not value:
        return False
    return len(value.normalize().as_tuple().digits) <= significant(stated)


def _near_miss(stated: Figure, expected: Decimal) -> bool:
    """Within 1% yet outside the stated precision: the same figure, wrongly rounded or typed."""
    return expected != 0 and abs(stated.value - expected) <= abs(expected) * _NEAR_MISS


def _rounding_direction(stated: Figure, expected: Decimal) -> bool:
    """A rounded figure one unit off in its last digit: truncated rather than rounded."""
    if not stated.rounded or stated.qualifier is Qualifier.OVER:
        return False
    return abs(stated.value - expected) < stated.unit


def _commensurate(total: Term, stated: Figure) -> bool:
    """Picked parts say something about a total only at its precision."""
    return all(_commensurate_part(p, stated) for p in total.parts)


def _commensurate_part(part: Term, stated: Figure) -> bool:
    """Not "S$10 million + 0.2 cent" (a part below the total's precision), nor "$1 million +
    $572,044" for $1.5 million (a stated part rounded more coarsely than the total); "Rs 500 +
    Rs 9.29" is exact, written in whole rupees."""
    if abs(part.interval.mid) < stated.unit:
        return False
    return not (len(part.figures) == 1 and part.figures[0].rounded
                and part.figures[0].unit > stated.unit)


def _message(rule: Rule, stated: Figure, bind: dict[str, Term], expected: Decimal,
             difference: Decimal, suspect: Figure | None, status: Status) -> str:
    from .numbers import render_like

    def show(t: Term) -> str:
        if t.parts:
            return "(" + " + ".join(show(p).strip("()") for p in t.parts) + ")"
        if t.line is not None:
            return f"({t.figures[0].text} × {t.figures[1].text})"
        if len(t.figures) == 2:  # a ratio in words
            return f"({t.figures[0].text} ÷ {t.figures[1].text})"
        return t.figures[0].text

    def name(role: str) -> str:
        return show(bind[role]) if role in bind else role

    # a number in a relation among percentages is one too: "100% − 71.25%", not "1 − 71.25%"
    const = (lambda v: render_like(v * 100, stated)) if stated.kind is Kind.PERCENT else str
    computed_text = expr.render(rule.check.computed, name, const)
    values = {
        "expected": f"{computed_text} = {render_like(expected, stated, extra_digits=2)}",
        "stated": stated.text,
        "difference": render_like(abs(difference), stated, extra_digits=2),
        "relation": rule.check_text,
        "computed": render_like(expected, stated, extra_digits=2),
    }
    if status is Status.PASS:  # the rule's template describes a discrepancy
        return f"{rule.check_text}: {values['expected']} agrees with {stated.text}"
    text = rule.message.format(**values)
    if suspect is not None and suspect is not stated:
        text += f"; a one-digit typo in {suspect.text} would explain it"
    return text

