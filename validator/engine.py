"""Evaluating rules: bind each rule's roles to figures, compute exactly, compare by precision.

For every stated figure a rule can check, the engine tries each binding of the rule's operand
roles that the grouping allows and keeps the one that agrees best. The check then
- passes when the computed interval meets the stated one (XBRL Calculations 1.1 style);
- fails when the binding is certain (the stated figure carries the rule's own role and every
  figure stands in one sentence), or when the disagreement has the shape of a typo: changing one
  digit of one figure would make the relation hold;
- is skipped otherwise, with the reason: figures that merely sit near each other are not
  assumed to describe the same thing.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation

import attrs

from . import expr
from .figures import Figure, Interval, Kind, Qualifier
from .grouping import PER_SECURITY, Groups, Line
from .report import Check, Status
from .rules import Rule

# Which figures may stand for a role, by the roles the vocabulary gave them.
_ACCEPTS = {
    "gross": {"gross", "aggregate", "amount", "tranche", "portion"},
    "aggregate": {"aggregate", "gross", "amount", "tranche", "portion"},
    "headline": {"headline"},
    "commission": {"commission"},
    "rate": {"commission", "percent"},
    "net": {"net"},
    "expenses": {"expenses"},
    "warrants": {"warrants"},
    "fee_warrants": {"fee_warrants"},
    "outstanding": {"outstanding", "enlarged"},  # a share of the company, before or after
    "existing": {"outstanding"},  # the count before the offering
    "enlarged": {"enlarged"},
    "ownership": {"ownership"},
    "discount": {"discount"},
    "premium": {"premium"},
    "market": {"market"},
    "fraction": {"fraction"},
    "amount": {"amount"},
    "tranche": {"tranche"},
    "portion": {"portion"},
    "share": {"share"},
    "proceeds": {"gross", "net", "aggregate"},
}
# Figures the words did not name but that may still stand for a role in a sentence-scope rule.
# A binding that uses one may confirm a relation; it is never certain enough to fail one.
_LOOSE = {
    "ownership": {"percent"},
    "discount": {"percent"},
    "premium": {"percent"},
    "outstanding": {"quantity", "aggregate", "warrants"},
    "existing": {"quantity", "aggregate", "warrants", "enlarged"},
    "enlarged": {"quantity", "aggregate", "warrants", "outstanding"},
    "quantity": {"aggregate", "warrants", "outstanding", "enlarged"},
    "market": {"amount", "exercise_price"},
    "portion": {"amount", "gross", "net", "aggregate", "tranche"},
    "share": {"percent", "ownership"},
}
_KINDS = {
    "gross": Kind.MONEY, "aggregate": Kind.MONEY, "headline": Kind.MONEY,
    "commission": Kind.MONEY, "net": Kind.MONEY, "expenses": Kind.MONEY, "amount": Kind.MONEY,
    "tranche": Kind.MONEY, "rate": Kind.PERCENT, "ownership": Kind.PERCENT,
    "discount": Kind.PERCENT, "premium": Kind.PERCENT, "market": Kind.MONEY,
    "warrants": Kind.COUNT, "fee_warrants": Kind.COUNT, "outstanding": Kind.COUNT,
    "enlarged": Kind.COUNT, "existing": Kind.COUNT, "quantity": Kind.COUNT, "price": Kind.MONEY,
    "fraction": Kind.NUMBER, "portion": Kind.MONEY, "share": Kind.PERCENT,
    "proceeds": Kind.MONEY,
}
_MAX_BINDINGS = 4000
_MAX_PARTS = 12
_NEAR_MISS = Decimal("0.01")
_NEAR_SENTENCES = 4
_PARAGRAPH_SENTENCES = 4
_TIGHT = Decimal("0.0001")
_PROCEEDS = ("gross", "aggregate", "tranche")

_LOOSE_TYPO_DIGITS = 3


class _Mismatch(Exception):
    """Operands of different dimensions or currencies: the binding cannot be evaluated."""


@attrs.frozen
class Term:
    interval: Interval
    figures: tuple[Figure, ...]
    dim: tuple  # ("money", currency) | ("count",) | ("ratio",)
    line: Line | None = None
    # False for a sum of parts picked because they agree: such a binding may confirm a
    # figure, but only a typo-shaped disagreement may fail it.
    structural: bool = True
    parts: tuple = ()  # for a total: the terms it adds up, to show them in messages


def _term(f: Figure) -> Term:
    if f.kind is Kind.MONEY:
        return Term(f.operand, (f,), ("money", f.currency))
    if f.kind is Kind.COUNT:
        return Term(f.operand, (f,), ("count",))
    iv = f.operand
    if f.kind is Kind.PERCENT:
        iv = Interval(iv.low / 100, None if iv.high is None else iv.high / 100)
    return Term(iv, (f,), ("ratio",))


def _line_term(line: Line) -> Term:
    return Term(line.gross, line.figures, ("money", line.price.currency), line,
                structural=not line.loose)


def _line_operand(line: Line, f: Figure) -> Term:
    return attrs.evolve(_term(f), structural=not line.loose)


def _combine(op: str, a: Term, b: Term) -> Term:
    if op in "+-":
        if a.dim != b.dim:
            raise _Mismatch(f"{a.dim} {op} {b.dim}")
        dim = a.dim
    elif op == "*":
        dims = {a.dim[0], b.dim[0]}
        if "ratio" in dims:
            dim = b.dim if a.dim[0] == "ratio" else a.dim
        elif dims == {"count", "money"}:
            dim = a.dim if a.dim[0] == "money" else b.dim
        else:
            raise _Mismatch(f"{a.dim} * {b.dim}")
    else:
        if b.dim[0] == "ratio":
            dim = a.dim
        elif a.dim == b.dim:
            dim = ("ratio",)
        elif a.dim[0] == "money" and b.dim[0] == "count":
            dim = a.dim
        else:
            raise _Mismatch(f"{a.dim} / {b.dim}")
    iv = {"+": a.interval.__add__, "-": a.interval.__sub__, "*": a.interval.__mul__,
          "/": a.interval.__truediv__}[op](b.interval)
    return Term(iv, a.figures + b.figures, dim, structural=a.structural and b.structural)


def _compute(node: expr.Node, bind: dict[str, Term]) -> Term:
    if isinstance(node, expr.Role):
        return bind[node.name]
    if isinstance(node, expr.Sum):
        return bind[f"sum({node.role})"]
    if isinstance(node, expr.Const):
        return Term(Interval.point(node.value), (), ("ratio",))
    return _combine(node.op, _compute(node.left, bind), _compute(node.right, bind))


class Engine:
    """Evaluates rules over one document's figures and groups."""

    def __init__(self, figures: tuple[Figure, ...], groups: Groups):
        self.figures = figures
        self.groups = groups
        self._sum_cache: dict[str, list[Term]] = {}  # several rules ask for the same totals

    # -- candidates -------------------------------------------------------------------------
    def _accepts(self, role: str, f: Figure, loose: bool = False) -> bool:
        if f.kind is not _KINDS.get(role, f.kind):
            return False
        if f.role in PER_SECURITY and role not in ("price", "market"):
            return False  # a price per security is never an amount of proceeds
        if role == "market" and f.role == "price":
            return False
        names = _LOOSE.get(role, set()) if loose else _ACCEPTS.get(role, {role})
        return bool(names & set(f.roles))

    def _nearby(self, role: str, stated: Figure) -> list[Term]:
        """A sentence-scope operand: the figures for ``role`` around the stated figure; a price
        may also be the offering price stated anywhere."""
        out = []
        for f in self.figures:
            if f is stated or not _around(f, stated) or _descriptive(f):
                continue
            if self._accepts(role, f):
                out.append(_term(f))
            elif self._accepts(role, f, loose=True):
                out.append(attrs.evolve(_term(f), structural=False))
        if role == "price":
            prices = {(x.price.value, x.price.currency): x.price for x in self._distinct_lines()}
            single = len(prices) == 1
            out.extend(attrs.evolve(_term(p), structural=single) for p in prices.values()
                       if all(p not in t.figures for t in out))
        return out

    def _stated(self, role: str, near: Line | None) -> list[Figure]:
        out = [f for f in self.figures if self._accepts(role, f)]
        if near is not None:
            out = [f for f in out if _close(f, near) and f not in near.figures
                   and (not near.inferred or f.sentence == near.sentence)
                   and (f.qualifier is Qualifier.UP_TO) == near.up_to
                   and "headline" not in f.roles]
        return out

    def _operands(self, role: str, near: Line | None) -> list[Term]:
        lines = [near] if near is not None else list(self.groups.lines)
        if role == "quantity":
            return [_line_operand(x, x.quantity) for x in lines]
        if role == "price":
            return [_line_operand(x, x.price) for x in lines]
        stated = self._stated(role, near)
        if role in ("gross", "aggregate") and near is None:
            # as an input, a gross is a line's product or a figure the words call gross
            stated = [f for f in stated if {"gross", "aggregate"} & set(f.roles)]
        terms = [_term(f) for f in stated]
        if role in ("gross", "aggregate"):
            terms = [_line_term(x) for x in lines] + terms
            if near is None:
                terms.extend(self._sums(role))
        return terms

    def _distinct_lines(self) -> list[Line]:
        """Actual sales (not "up to" targets), each line once even if the release restates it."""
        seen, out = set(), []
        for x in self.groups.lines:
            key = (x.quantity.value, x.price.value, x.price.currency)
            if not x.up_to and key not in seen:
                seen.add(key)
                out.append(x)
        return out

    def _sums(self, role: str) -> list[Term]:
        """Candidate totals: all offering lines together (the structural reading), then any
        two to four parts among lines and stated amounts of one currency."""
        if role not in self._sum_cache:
            self._sum_cache[role] = self._enumerate_sums(role)
        return self._sum_cache[role]

    def _enumerate_sums(self, role: str) -> list[Term]:
        lines = self._distinct_lines()
        out = []
        if len(lines) >= 2:
            out.extend(_total([_line_term(x) for x in lines], structural=True))
        stated = [f for f in self.figures if f.kind is Kind.MONEY and self._accepts(role, f)
                  and f.role in _ACCEPTS[role]  # no commission or net as a part of a total
                  and "headline" not in f.roles]
        parts = [_line_term(x) for x in lines] + [_term(f) for f in stated]
        parts = parts[:_MAX_PARTS]
        for size in range(2, 5):
            for combo in itertools.combinations(parts, size):
                out.extend(_total(list(combo), structural=False))
        return out

    # -- evaluation -------------------------------------------------------------------------
    def evaluate(self, rules: Iterable[Rule]) -> list[Check]:
        """Every rule's checks. A figure that some relation confirms is not then called wrong
        by another rule's binding that merely sits near it: such failing bindings are set
        aside and each rule's figures are bound again without them, so a line that would have
        been spent on a confirmed figure is free for the one it really describes."""
        rules = list(rules)
        restating = {r.id for r in rules if isinstance(r.check.computed, expr.Role)}
        totalling = {r.id for r in rules if _sum_roles(r.check.computed)}
        outcomes = {r.id: self.outcomes(r) for r in rules}
        first = [c for r in rules for c in self._assign(outcomes[r.id])]
        confirmed = _confirmed(first)
        agreeing = [{f.id for f in c.figures} for c in first if c.status is Status.PASS]
        checks = []
        for r in rules:
            kept = [o for o in outcomes[r.id] if not _overruled(o.check, confirmed)
                    and not _rearranged(o.check, agreeing)]
            assigned = self._assign(kept)
            bound = {c.stated.id for c in assigned if c.stated is not None}
            for o in outcomes[r.id]:  # say why a figure lost its only bindings
                if o.stated.id not in bound and _overruled(o.check, confirmed):
                    bound.add(o.stated.id)
                    other = confirmed[o.stated.id]
                    assigned.append(attrs.evolve(
                        o.check, status=Status.SKIPPED, basis=None,
                        reason=f"{o.stated.text} agrees with {other.rule}; "
                               "this binding describes something else"))
            checks.extend(assigned)
        passing = [c for c in checks if c.status is Status.PASS and c.stated is not None]
        out = []
        for c in checks:
            if c.rule in restating and c.status is Status.PASS:
                c = _with_provenance(c, passing)
            elif c.rule in totalling and c.status is Status.PASS:
                c = _with_part_totals(c, passing)
            out.append(c)
        return out

    def missing(self, rule: Rule) -> tuple[str, ...]:
        """The roles of ``rule`` that no figure of the document can stand for."""
        roles = [rule.check.stated, *(r.removeprefix("sum(").rstrip(")")
                                      for r in rule.check.operand_roles)]
        if rule.scope == "restatement":
            return () if self.groups.restatements else ("numeral", "words")
        out = []
        for role in dict.fromkeys(roles):
            if role in ("quantity", "price") and self.groups.lines:
                continue
            if role in ("gross", "aggregate") and self.groups.lines:
                continue
            if not any(self._accepts(role, f) or self._accepts(role, f, loose=True)
                       for f in self.figures):
                out.append(role)
        return tuple(out)

    def run(self, rule: Rule) -> list[Check]:
        """One rule's checks on its own, without reconciling with other rules."""
        return self._assign(self.outcomes(rule))

    def outcomes(self, rule: Rule) -> list[_Outcome]:
        """Every evaluable binding of one rule, unassigned."""
        if rule.scope == "restatement":
            return [self._restatement(rule, w, n) for w, n in self.groups.restatements]
        if rule.scope == "sentence":
            return list(self._sentence_bindings(rule))
        if rule.scope == "line":
            return [o for line in self.groups.lines for o in self._bindings(rule, line)]
        return list(self._bindings(rule, None))

    def _bindings(self, rule: Rule, line: Line | None) -> Iterable[_Outcome]:
        """Every evaluable binding of the rule's roles, per figure it can check."""
        names = [r for r in rule.check.operand_roles if not r.startswith("sum(")]
        options = [self._operands(r, line) for r in names]
        for r in _sum_roles(rule.check.computed):
            names.append(f"sum({r})")
            options.append(self._sum_options(r))
        if any(not o for o in options):
            return  # a rule applies only where all of its roles were found
        for stated in self._stated(rule.check.stated, line):
            for combo in itertools.islice(itertools.product(*options), _MAX_BINDINGS):
                if any(stated in t.figures for t in combo):
                    continue
                figs = [f for t in combo for f in t.figures]
                if len(set(f.id for f in figs)) != len(figs):
                    continue
                bind = dict(zip(names, combo, strict=True))
                outcome = _evaluate(rule, stated, bind, line)
                if outcome is not None:
                    yield outcome

    def _sentence_bindings(self, rule: Rule) -> Iterable[_Outcome]:
        """Bindings among the figures around each figure the rule can check."""
        names = list(rule.check.operand_roles)
        role = rule.check.stated
        for stated in self.figures:
            if _descriptive(stated):
                continue
            strict = self._accepts(role, stated)
            if not strict and not self._accepts(role, stated, loose=True):
                continue
            options = [self._nearby(r, stated) for r in names]
            if any(not o for o in options):
                continue
            for combo in itertools.islice(itertools.product(*options), _MAX_BINDINGS):
                figs = [f for t in combo for f in t.figures]
                if len(set(f.id for f in figs)) != len(figs):
                    continue
                bind = dict(zip(names, combo, strict=True))
                outcome = _evaluate(rule, stated, bind, None, loose=not strict)
                # a figure the words do not name is reported only where a binding agrees or
                # a typo explains the disagreement
                if outcome is not None and (strict or outcome.check.status is not Status.SKIPPED):
                    yield outcome

    def _sum_options(self, role: str) -> list[Term]:
        if role in ("gross", "aggregate"):
            return self._sums(role)
        parts = [_term(f) for f in self._stated(role, None)]
        return _total(parts, structural=True) if len(parts) >= 2 else []

    def _assign(self, outcomes: list[_Outcome]) -> list[Check]:
        """Best outcome first; each stated figure and each line is used once per rule."""
        outcomes = sorted(outcomes, key=lambda o: o.rank)
        used_stated, used_lines, checks = set(), set(), []
        for o in outcomes:
            if o.stated.id in used_stated or (o.line is not None and o.line.index in used_lines):
                continue
            used_stated.add(o.stated.id)
            if o.line is not None:
                used_lines.add(o.line.index)
            checks.append(o.check)
        return checks

    def _restatement(self, rule: Rule, words: Figure, numeral: Figure) -> _Outcome:
        return _evaluate(rule, numeral, {"words": _term(words)}, None, certain=True)


def _rearranged(check: Check, agreeing: list[set[str]]) -> bool:
    """A failure among figures that already agree in another arrangement (13,043,774 +
    2,500,000 = 15,543,774 is no reason to fail 13,043,774 = 2,500,000 + 15,543,774)."""
    if check.status is not Status.FAIL or check.basis == "certain":
        return False
    ids = {f.id for f in check.figures}
    return any(ids <= other for other in agreeing)


def _confirmed(checks: list[Check]) -> dict[str, Check]:
    """Stated figures that a check confirms, by the check (a structural one first)."""
    out: dict[str, Check] = {}
    for c in sorted(checks, key=lambda c: c.basis != "structural"):
        if c.status is Status.PASS and c.stated is not None:
            out.setdefault(c.stated.id, c)
    return out


def _overruled(check: Check, confirmed: dict[str, Check]) -> bool:
    """A failing binding of a figure that another relation confirms describes something else,
    unless the failure is certain and the confirmation rests on loosely picked figures."""
    if check.status is not Status.FAIL or check.stated is None:
        return False
    other = confirmed.get(check.stated.id)
    return (other is not None and other.rule != check.rule
            and not (check.basis == "certain" and other.basis == "loose"))


def _with_provenance(check: Check, passing: list[Check]) -> Check:
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
    if not extra:
        return check
    return attrs.evolve(check, figures=tuple(dict.fromkeys(check.figures + tuple(extra))))


def _with_part_totals(check: Check, passing: list[Check]) -> Check:
    """A total that agrees with its lines (6,405,000 × $1.21 + 8,383,500 × $2.06) also shows
    the amounts stated for those lines ($7,750,050, $17,270,010) when they agree too."""
    used = {f.id for f in check.figures}
    extra = [d.stated for d in passing
             if d.rule != check.rule and d.stated is not None and d.stated.id not in used
             and len(d.figures) > 2 and {f.id for f in d.figures if f is not d.stated} <= used]
    if not extra:
        return check
    return attrs.evolve(check, figures=tuple(dict.fromkeys(check.figures + tuple(extra))))


def _total(terms: list[Term], structural: bool) -> list[Term]:
    figures = [f for t in terms for f in t.figures]
    if len(set(figures)) != len(figures):
        return []
    try:
        total = terms[0]
        for t in terms[1:]:
            total = _combine("+", total, t)
    except _Mismatch:
        return []
    return [attrs.evolve(total, line=None, structural=structural, parts=tuple(terms))]


def _addends(node: expr.Node) -> list[expr.Node]:
    """The terms of a top-level sum or difference (none for a product)."""
    if isinstance(node, expr.BinOp) and node.op in "+-":
        return [*(_addends(node.left) or [node.left]), *(_addends(node.right) or [node.right])]
    return []


def _sum_roles(node: expr.Node) -> list[str]:
    if isinstance(node, expr.Sum):
        return [node.role]
    if isinstance(node, expr.BinOp):
        return _sum_roles(node.left) + _sum_roles(node.right)
    return []


def _descriptive(f: Figure) -> bool:
    """"one warrant", "two years": a small number in words describes, it does not count."""
    return f.words and f.kind is Kind.COUNT and f.value < 10


def _around(f: Figure, stated: Figure) -> bool:
    """The neighbouring sentences, or further within one paragraph (a list of figures)."""
    gap = abs(f.sentence - stated.sentence)
    return gap <= 1 or (gap <= _PARAGRAPH_SENTENCES and f.paragraph == stated.paragraph)


def _close(f: Figure, line: Line) -> bool:
    """Within a few sentences of the line's quantity or of its price."""
    return min(abs(f.sentence - line.quantity.sentence),
               abs(f.sentence - line.price.sentence)) <= _NEAR_SENTENCES


@attrs.frozen
class _Outcome:
    check: Check
    rank: tuple
    stated: Figure
    line: Line | None


def _evaluate(rule: Rule, stated: Figure, bind: dict[str, Term], line: Line | None,
              certain: bool = False, loose: bool = False) -> _Outcome | None:
    try:
        computed = _compute(rule.check.computed, bind)
    except (_Mismatch, ZeroDivisionError, InvalidOperation, ValueError):
        return None
    if _term(stated).dim != computed.dim:
        return None
    figures = tuple(dict.fromkeys((stated, *(f for t in bind.values() for f in t.figures))))
    s_iv = stated.stated
    if stated.kind is Kind.PERCENT:  # computed as a ratio
        s_iv = Interval(s_iv.low / 100, None if s_iv.high is None else s_iv.high / 100)
    relation = rule.check.relation
    if relation == "==":
        holds = computed.interval.meets(s_iv)
    elif relation == ">=":
        holds = computed.interval.high is None or s_iv.high is None or \
            s_iv.high >= computed.interval.low
    else:
        holds = computed.interval.high is None or s_iv.low <= computed.interval.high
    scale = Decimal(100) if stated.kind is Kind.PERCENT else Decimal(1)
    expected = computed.interval.mid * scale
    difference = stated.value - expected
    sentences = {f.sentence for f in figures}
    structural = not loose and all(t.structural for t in bind.values())
    if not structural and stated.qualifier is Qualifier.OVER:
        return None  # a lower bound is met by too many sums of parts to confirm any of them
    if any(not t.structural and not _commensurate(t, stated) for t in bind.values()):
        return None
    if not structural and not all(_commensurate_part(_compute(n, bind), stated)
                                  for n in _addends(rule.check.computed)):
        return None  # "2.4 crore + 3 lakh" says nothing about "2,40,00,000"
    targets = any(f.qualifier is Qualifier.UP_TO for t in bind.values() for f in t.figures)
    if stated.kind is Kind.MONEY and (stated.qualifier is Qualifier.UP_TO) != targets \
            and not (targets and "headline" in stated.roles):
        return None  # "up to" proceeds are targets, compared only with other targets (a
        # headline may name the target without the words "up to")
    certain = certain or (stated.role == rule.check.stated and len(sentences) == 1 and structural)
    # A price stated in another sentence fails only an amount the words call proceeds:
    # "insiders subscribed $936,798.50 across the placement" may span tranches at other
    # prices. The release's one price taken for a sentence that did not state it is never
    # the typo suspect either.
    lines = [line] + [t.line for t in bind.values()]
    borrowed = {x.price for x in lines if x is not None and x.borrowed}
    assumed = {x.price for x in lines if x is not None and x.inferred}
    # Loosely bound figures earn a typo suspicion only when the relation is tight (exact
    # figures) and the suspect has enough digits that one changed digit landing on agreement
    # by chance is implausible.
    suspect = None
    if not holds and (structural or _tight(computed.interval, s_iv)):
        suspect = _typo_suspect(rule, stated, bind, [f for f in figures if f not in assumed],
                                min_significant=0 if structural else _LOOSE_TYPO_DIGITS)
    basis = None
    if holds:
        status = Status.PASS
        holds_by = ("inequality" if stated.qualifier is Qualifier.OVER
                    else "exact" if computed.interval.exact and difference == 0 else "rounding")
        basis = "structural" if structural else "loose"
    elif (certain or suspect is not None or (structural and _near_miss(stated, expected))) \
            and (not borrowed or stated.role in _PROCEEDS):
        status, holds_by = Status.FAIL, None
        basis = "certain" if certain else "typo" if suspect is not None else "near-miss"
    else:
        status, holds_by = Status.SKIPPED, None
    severity = rule.severity
    if status is Status.FAIL and _rounding_direction(stated, expected):
        severity = "warning"
    reason = None
    if status is Status.SKIPPED:
        reason = ("no binding agrees and the figures are not certainly related "
                  f"(best: {_fmt_plain(expected)} against {stated.text})")
    check = Check(
        rule=rule.id, name=rule.name, status=status, severity=severity, figures=figures,
        stated=stated, expected=expected, computed=computed.interval,
        difference=difference, holds_by=holds_by, reason=reason, suspect=suspect, basis=basis,
        message=_message(rule, stated, bind, expected, difference, suspect, status),
    )
    rel = abs(difference) / abs(expected) if expected else Decimal("Infinity")
    distance = max(f.span.end for f in figures) - min(f.span.start for f in figures)
    if status is Status.PASS:
        # every agreeing binding agrees within precision: prefer the release's structure,
        # then the figures that stand closest together
        rank = (False, not structural, distance, rel)
    else:
        rank = (True, not certain and suspect is None, rel, distance)
    return _Outcome(check, rank, stated, line)


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
    $572,044" for $1.5 million (a stated part rounded more coarsely than the total)."""
    if abs(part.interval.mid) < stated.unit:
        return False
    return not (len(part.figures) == 1 and part.figures[0].unit > stated.unit)


def _tight(computed: Interval, stated: Interval) -> bool:
    """Both sides known to a part in 10,000 or better."""
    if computed.high is None or stated.high is None:
        return False
    width = (computed.high - computed.low) + (stated.high - stated.low)
    size = abs(stated.low + stated.high) / 2
    return size > 0 and width <= size * _TIGHT


def _typo_suspect(rule: Rule, stated: Figure, bind: dict[str, Term],
                  figures: list[Figure], min_significant: int) -> Figure | None:
    """The figure that, with one digit changed, would make the relation hold."""
    for f in figures:
        solved = _solve(rule, stated, bind, f)
        if solved is not None and _one_digit_apart(f, solved, min_significant):
            return f
    return None


def _solve(rule: Rule, stated: Figure, bind: dict[str, Term], target: Figure) -> Decimal | None:
    """The value ``target`` would need for the relation to hold exactly (others as written)."""
    def value(x: Decimal) -> Decimal:
        def sub(t: Term) -> Term:
            if target not in t.figures:
                return attrs.evolve(t, interval=Interval.point(t.interval.mid))
            if t.parts:  # a total: recompute it with the target replaced in its part
                total = sum((sub(p).interval.mid for p in t.parts), Decimal(0))
                return attrs.evolve(t, interval=Interval.point(total))
            if len(t.figures) == 1:
                iv = Interval.point(x / 100 if target.kind is Kind.PERCENT else x)
                return attrs.evolve(t, interval=iv)
            # a line term: recompute its product with the target replaced
            q, p = t.figures
            qv = x if target is q else q.value
            pv = x if target is p else p.value
            return attrs.evolve(t, interval=Interval.point(qv * pv))
        return _compute(rule.check.computed, {k: sub(t) for k, t in bind.items()}).interval.mid

    try:
        if target is stated:  # the stated figure should be what the others compute
            v = _compute(rule.check.computed, {
                k: attrs.evolve(t, interval=Interval.point(t.interval.mid)) for k, t in bind.items()
            }).interval.mid
            return v * 100 if stated.kind is Kind.PERCENT else v
        goal = stated.value / 100 if stated.kind is Kind.PERCENT else stated.value
        f0, f1 = value(Decimal(0)), value(Decimal(1))
        if f1 != f0:
            x = (goal - f0) / (f1 - f0)
            if x > 0 and abs(value(x) - goal) <= abs(goal) * Decimal("1e-9"):
                return x
        g1, g2 = value(Decimal(1)), value(Decimal(2))  # target in a denominator: affine in 1/x
        a = (g1 - g2) * 2
        b = g1 - a
        if a:
            u = (goal - b) / a
            if u > 0 and abs(value(1 / u) - goal) <= abs(goal) * Decimal("1e-9"):
                return 1 / u
    except (_Mismatch, ZeroDivisionError, InvalidOperation, ValueError, KeyError):
        return None
    return None


def _one_digit_apart(f: Figure, solved: Decimal, min_significant: int = 0) -> bool:
    """True when the written digits of ``f`` and ``solved`` (at f's precision) differ by one
    substituted digit or two swapped neighbours, in a figure of at least two written digits
    and at least ``min_significant`` digits other than trailing zeros."""
    try:
        written = str(int(f.value.scaleb(-f.exponent).to_integral_value(ROUND_HALF_EVEN)))
        wanted = str(int(solved.scaleb(-f.exponent).to_integral_value(ROUND_HALF_EVEN)))
    except (InvalidOperation, ValueError, OverflowError):
        return False
    if len(written) < 2 or len(written.strip("0")) < min_significant:
        return False  # "$250,000" carries two digits of information
    if len(written) != len(wanted) or written == wanted:
        return False
    diff = [i for i, (a, b) in enumerate(zip(written, wanted, strict=True)) if a != b]
    if len(diff) == 1:
        return True
    return (len(diff) == 2 and diff[1] == diff[0] + 1
            and written[diff[0]] == wanted[diff[1]] and written[diff[1]] == wanted[diff[0]])


def _fmt_plain(v: Decimal) -> str:
    return f"{v.normalize():f}" if v == v.to_integral_value() else f"{v:f}"


def _message(rule: Rule, stated: Figure, bind: dict[str, Term], expected: Decimal,
             difference: Decimal, suspect: Figure | None, status: Status) -> str:
    from .numbers import render_like

    def show(t: Term) -> str:
        if t.parts:
            return "(" + " + ".join(show(p).strip("()") for p in t.parts) + ")"
        if t.line is not None:
            return f"({t.figures[0].text} × {t.figures[1].text})"
        return t.figures[0].text

    def name(role: str) -> str:
        return show(bind[role]) if role in bind else role

    computed_text = expr.render(rule.check.computed, name)
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

