"""Typo suspicion: which figure, with one digit changed, would make a relation hold."""

from __future__ import annotations

import operator
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation

from . import expr
from .figures import Figure, Interval, Kind
from .rules import Rule
from .terms import Mismatch, Term, compute

_TIGHT = Decimal("0.0001")
SPECIFIC = 5  # significant digits that make a figure specific
_CLEAR = 3  # significant digits that make a one-digit repair a clear typo
_DECISIVE = 25  # a loose repair's changed digit, against the range the suspect may take
_CONFIRMING = 2  # ... and the written digits it leaves standing
_PLAUSIBLE = 5  # any repair's changed digit, against the range the suspect may take
_NEARLY = Decimal("0.001")  # a one-digit figure's repair: the relation gives it this closely
_MAX_FIGURES = 30  # a binding of more figures (a total of many lines) names no typo suspect


def tight(computed: Interval, stated: Interval, tolerance: Decimal = _TIGHT) -> bool:
    """Both sides known to a part in 10,000 (or ``tolerance``) or better."""
    if computed.high is None or stated.high is None:
        return False
    width = (computed.high - computed.low) + (stated.high - stated.low)
    size = abs(stated.low + stated.high) / 2
    return size > 0 and width <= size * tolerance


def typo_suspect(rule: Rule, stated: Figure, bind: dict[str, Term],
                 figures: list[Figure], loose: bool = False, within: bool = False,
                 precise: bool = True, exact_inputs: bool = False,
                 pinned: bool = False, computed: Interval | None = None) -> Figure | None:
    """The figure that, with one digit changed, would make the relation hold.

    With ``within`` (a structural binding whose lines state quantity and price together), the
    changed figure may land anywhere in the range the stated figure's precision allows ("$4.1
    million" admits 3,079,000 → 4,079,000); otherwise it must give the written value exactly,
    since a range is easy to land in by chance for figures that may not belong together,
    unless the repair is decisive (below: "$1.375 million" for 730,000 × $3.25).

    A loose binding (figures picked because they might agree) names a suspect only when one
    changed digit landing on agreement could hardly be chance: the relation is ``precise`` (to
    a part in 10,000) and the suspect has three or more significant digits or another of its
    figures has five, or the repair leaves the suspect's last written digit standing
    ("$150,000" for $250,000 keeps its "50,000"); or the repair is decisive: the changed digit
    is worth _DECISIVE times the range the suspect could take, with two written digits left
    standing below it (73.03% written as 63.03%); or the suspect is the stated figure, the
    parts are written in full (``exact_inputs``), one of them specific, and the repair leaves
    its last digit standing ("5.4 million options" for 5,791,500 + 643,500 = 6,435,000: the
    "4" agrees). A part is not suspected so: between round totals ($1 million of parts against
    a $1.5 million goal) one changed digit of a part always lands exactly. Among round figures
    ($150,000 + $250,000 ...) a changed last digit lands on an agreement by chance far too
    often.

    A ``pinned`` stated figure is a round one that specific parts are the breakdown of
    (judging._breakdown): a repair of a part must give its written value exactly, and a
    figure of one written digit may be the suspect within one sentence (_exact_single)."""
    if len(figures) > _MAX_FIGURES:
        return None  # among so many figures one changed digit explains too much by chance
    if computed is not None and _beyond_one_digit(rule, stated, computed):
        return None
    for f in figures:
        if f is stated and any(g is not f and g.kind is f.kind and g.value == f.value
                               for g in figures):
            # the stated figure stated again among the operands (3,333,333 warrants against
            # 3,333,333 units plus 5,000,000 units): a round operand added to its twin lands
            # one digit from it by construction, no typo
            continue
        digits = len(written_digits(f))
        if digits < 2:
            if (pinned or (within and not loose)) \
                    and _exact_single(rule, stated, bind, f, figures):
                return f
            continue  # one written digit: no repair counts (one_digit_apart, repair_place)
        if loose and digits < 3 and not precise and not (f is stated and exact_inputs):
            continue  # only a decisive repair could count, and it leaves two digits standing
        exact = False
        if within and not loose:
            span = solve_range(rule, stated, bind, f)
            solved = solve(rule, stated, bind, f)
            exact = solved is not None and one_digit_apart(f, solved)
        else:
            solved = solve(rule, stated, bind, f)
            # a repair that lands only in the range must be decisive (below)
            exact = solved is not None and one_digit_apart(f, solved)
            if not exact and (solved is None or not _near_one_digit(f, solved)):
                continue
            # the repair must really hold: 250,000 ÷ 836,069 = 0.299 "rounds" to $0.30, yet
            # 836,069 × $0.30 is $250,820.70, not $250,000; a ``pinned`` stated figure (a
            # round one its specific parts are a breakdown of) means its written value
            span = (solved, solved) if pinned and exact and f is not stated \
                else solve_range(rule, stated, bind, f)
        place = None if span is None else repair_place(f, *span)
        if place is None:
            continue
        sure = decisive(f, place, span[1] - span[0])
        # a repair into the range counts where the lines state quantity and price together,
        # unless the range is so wide, against the changed digit, that any digit lands in it
        ranged = within and place >= _PLAUSIBLE * (span[1] - span[0])
        if not loose and (exact or sure or ranged):
            return f
        if loose and ((exact and precise and (convincing(f, figures) or standing(f, place)))
                      or sure):
            return f
        if loose and f is stated and exact and exact_inputs and standing(f, place) and any(
                significant(g) >= SPECIFIC for g in figures if g is not f):
            return f
    return None


def _exact_single(rule: Rule, stated: Figure, bind: dict[str, Term], f: Figure,
                  figures: list[Figure]) -> bool:
    """A figure of one written digit repaired by another digit that makes the relation hold
    exactly (or to within a part in a thousand: 982,000,000 of 4,910,609,920 shares is 19.998%,
    "approximately 20%", not "10%"), every figure of it stated in one sentence ("350,000 shares
    at $1 ... $700,000", "the $2 million total breaks down into $613,250 and $386,750"): any
    digit is one change away, so only such agreement within one sentence is evidence; or,
    across sentences, an operand of a relation whose stated figure the words name for it,
    among figures of two or more significant digits ("5 per cent in warrants" for 1,500,000
    broker warrants of 25,000,000 units), beside a specific one (439,556 finder's shares and
    439,556 warrants "equal to 4%" and "3%" of the same units), or repaired to the value another
    of its figures states for the same role (1.5 million shares "at C$1" and 350,000 more
    "priced at $2" against the $3.7 million they raised: C$2)."""
    one_sentence = len({g.sentence for g in figures}) == 1
    if not one_sentence and (f is stated or stated.role != rule.check.stated):
        return False
    solved = solve(rule, stated, bind, f)
    if solved is None:
        return False
    digit = solved.scaleb(-f.exponent)
    whole = digit.to_integral_value()
    repaired = whole.scaleb(f.exponent)
    if not 1 <= whole <= 9 or repaired == f.value or abs(digit - whole) > whole * _NEARLY:
        return False
    if one_sentence:
        return True
    others = [g for g in figures if g is not f]
    digits = [significant(g) for g in others]
    return min(digits) >= 2 or max(digits) >= SPECIFIC \
        or any(g.role == f.role and g.value == repaired for g in others)


def _beyond_one_digit(rule: Rule, stated: Figure, computed: Interval) -> bool:
    """A cheap bound before solving: one changed digit keeps a figure within a factor of ten
    of itself, so in a relation without subtraction (expr.monotone), each figure counted once,
    a stated figure ten times the computed result or more (or less than a tenth) has no
    one-digit repair. Most failing bindings are such unrelated figures. (The caller passes
    ``computed`` only when no figure stands in the binding twice.)"""
    if computed.high is None or computed.low <= 0 or not expr.monotone(rule.check.computed):
        return False
    s = stated.stated
    scale = Decimal(100) if stated.kind is Kind.PERCENT else Decimal(1)
    low, high = s.low / scale, None if s.high is None else s.high / scale
    return computed.high * 10 < low or (high is not None and computed.low > high * 10)


def standing(f: Figure, place: Decimal) -> bool:
    """A repair above a figure's last written digit, which stands and agrees: "Rs 390" for
    Rs 490 keeps its "90". A last digit lands on agreement by chance too often to count."""
    return _digits_below(f, place) >= 1


def decisive(f: Figure, place: Decimal, width: Decimal) -> bool:
    """A repair of ``f`` at ``place`` into a range ``width`` wide that chance could hardly
    give: the changed digit worth _DECISIVE times the range (and a unit of ``f``), with two
    written digits left standing below it."""
    return place >= _DECISIVE * (width + f.unit) and _digits_below(f, place) >= _CONFIRMING


def _near_one_digit(f: Figure, solved: Decimal) -> bool:
    """Whether ``solved`` is within a decisive margin of ``f`` with one digit changed: a
    cheap test before the range is solved."""
    d = solved - f.value
    if not d:
        return False
    for place in (Decimal(1).scaleb(d.copy_abs().adjusted()),
                  Decimal(1).scaleb(d.copy_abs().adjusted() + 1)):
        k = (d / place).to_integral_value()
        if 1 <= abs(k) <= 9 and abs(d - k * place) <= place / _DECISIVE:
            return True
    return False


def solve_range(rule: Rule, stated: Figure, bind: dict[str, Term],
                target: Figure) -> tuple[Decimal, Decimal] | None:
    """The values ``target`` could take for the relation to hold, given the precision the
    stated figure was written at ("$4.1 million": anything from 4,050,000 to 4,150,000)."""
    scale = Decimal(100) if stated.kind is Kind.PERCENT else Decimal(1)
    half = target.unit / 2
    if target is stated:
        try:
            computed = compute(rule.check.computed, bind).interval
        except (Mismatch, ZeroDivisionError, InvalidOperation, ValueError):
            return None
        if computed.high is None:
            return None
        return computed.low * scale - half, computed.high * scale + half
    if stated.stated.high is None:
        return None
    ends = [solve(rule, stated, bind, target, goal=g / scale)
            for g in (stated.stated.low, stated.stated.high)]
    if None in ends:
        return None
    return min(ends), max(ends)  # an operand enters as written: no rounding of its own


def _digits_below(f: Figure, place: Decimal) -> int:
    """Significant digits ``f`` was written with below ``place``: the digits a repair there
    leaves standing, whose agreement is the evidence ("63.03%" → 73.03% keeps "3.03")."""
    below = f.value.copy_abs() % place
    return len(written_digits(f, below).rstrip("0")) if below else 0


def convincing(suspect: Figure | None, figures: tuple[Figure, ...] | list[Figure]) -> bool:
    """A typo suspect that outweighs agreements among loosely picked figures: a clear one, or
    any whose repair a specific figure of the same relation confirms (705,882,353 × AUD 0.075
    against AUD 60 million: AUD 0.085 makes it exactly)."""
    return clear(suspect) or (suspect is not None and any(
        significant(g) >= SPECIFIC for g in figures if g is not suspect))


def clear(suspect: Figure | None) -> bool:
    """A suspect of three or more significant digits: a changed digit that lands on agreement
    is then a typo, not a coincidence."""
    return suspect is not None and significant(suspect) >= _CLEAR


def significant(f: Figure) -> int:
    """Digits written other than trailing zeros: "$250,000" has two, "$1,784,809.81" nine."""
    return len(written_digits(f).strip("0"))


def written_digits(f: Figure, value: Decimal | None = None) -> str:
    """The digits of ``value`` (by default the figure's own) at the precision the figure was
    written to: "$4.1 million" → "41"; "" when they cannot be written."""
    try:
        v = abs(f.value if value is None else value).scaleb(-f.exponent)
        return str(int(v.to_integral_value(ROUND_HALF_EVEN)))
    except (InvalidOperation, ValueError, OverflowError):
        return ""


def solve(rule: Rule, stated: Figure, bind: dict[str, Term], target: Figure,
          goal: Decimal | None = None) -> Decimal | None:
    """The value ``target`` would need for the relation to give ``goal`` (by default the
    stated figure as written) exactly, the other figures as written.

    Works on midpoints as plain decimals: the binding's dimensions were checked when it was
    computed, and this runs for every failing binding, so it must be cheap."""
    base = {k: t.interval.mid for k, t in bind.items()}
    holders = [k for k, t in bind.items() if any(f is target for f in t.figures)]

    def value(x: Decimal) -> Decimal:
        values = dict(base)
        for k in holders:
            values[k] = _with(bind[k], target, x)
        return _arithmetic(rule.check.computed, values)

    try:
        if target is stated:  # the stated figure should be what the others compute
            v = _arithmetic(rule.check.computed, base)
            return v * 100 if stated.kind is Kind.PERCENT else v
        if goal is None:
            goal = stated.value / 100 if stated.kind is Kind.PERCENT else stated.value
        f1 = value(Decimal(1))
        try:
            f0 = value(Decimal(0))
        except (ZeroDivisionError, InvalidOperation):
            f0 = f1  # the target divides: not linear in it
        if f1 != f0:
            x = (goal - f0) / (f1 - f0)
            if x > 0 and abs(value(x) - goal) <= abs(goal) * Decimal("1e-9"):
                return x
        g1, g2 = f1, value(Decimal(2))  # target in a denominator: affine in 1/x
        a = (g1 - g2) * 2
        b = g1 - a
        if a:
            u = (goal - b) / a
            if u > 0 and abs(value(1 / u) - goal) <= abs(goal) * Decimal("1e-9"):
                return 1 / u
    except (ZeroDivisionError, InvalidOperation, ValueError, KeyError):
        return None
    return None


def _with(t: Term, target: Figure, x: Decimal) -> Decimal:
    """The midpoint of ``t`` with ``target`` written as ``x``."""
    if all(f is not target for f in t.figures):
        return t.interval.mid
    if t.parts:  # a total: change only the part that holds the target
        part = next(p for p in t.parts if any(f is target for f in p.figures))
        return t.interval.mid - part.interval.mid + _with(part, target, x)
    if len(t.figures) == 1:
        return x / 100 if target.kind is Kind.PERCENT else x
    a, b = t.figures
    if t.line is None:  # a ratio in words: "one ... for every two"
        return (x if target is a else a.value) / (x if target is b else b.value)
    return (x if target is a else a.value) * (x if target is b else b.value)  # a line


_OPERATIONS = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv}


def _arithmetic(node: expr.Node, values: dict[str, Decimal]) -> Decimal:
    return expr.fold(node, values.__getitem__, lambda v: v, lambda op, a, b: _OPERATIONS[op](a, b))


def one_digit_within(f: Figure, low: Decimal, high: Decimal) -> bool:
    """True when changing one written digit of ``f`` (or swapping two neighbours) gives a value
    in [low, high], in a figure of at least two written digits."""
    return repair_place(f, low, high) is not None


def repair_place(f: Figure, low: Decimal, high: Decimal) -> Decimal | None:
    """The place value of the digit whose change (or swap with its right neighbour) brings
    ``f`` into [low, high], the highest such place; None when no one-digit change does."""
    written = written_digits(f)
    if len(written) < 2 or low <= f.value <= high:
        return None
    for position, v in _variants(written):
        if low <= Decimal(v).scaleb(f.exponent) <= high:
            return Decimal(1).scaleb(len(written) - 1 - position + f.exponent)
    return None


def _variants(digits: str):
    """(position, digits) for each one-digit change, then each swap of neighbours, the
    leftmost first."""
    for i, d in enumerate(digits):
        for c in "0123456789":
            if c != d and not (i == 0 and c == "0"):
                yield i, digits[:i] + c + digits[i + 1:]
    for i in range(len(digits) - 1):
        if digits[i] != digits[i + 1] and not (i == 0 and digits[i + 1] == "0"):
            yield i, digits[:i] + digits[i + 1] + digits[i] + digits[i + 2:]


def one_digit_apart(f: Figure, solved: Decimal) -> bool:
    """True when the written digits of ``f`` and ``solved`` (at f's precision) differ by one
    substituted digit or two swapped neighbours, in a figure of at least two written digits."""
    written, wanted = written_digits(f), written_digits(f, solved)
    if len(written) < 2 or len(written) != len(wanted) or written == wanted:
        return False
    diff = [i for i, (a, b) in enumerate(zip(written, wanted, strict=True)) if a != b]
    if len(diff) == 1:
        return True
    return (len(diff) == 2 and diff[1] == diff[0] + 1
            and written[diff[0]] == wanted[diff[1]] and written[diff[1]] == wanted[diff[0]])
