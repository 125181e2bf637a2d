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

import collections
import functools
import itertools
from collections.abc import Iterable

import attrs

from . import expr
from .figures import Figure, Interval, Kind, Qualifier
from .grouping import PER_SECURITY, Groups, Line
from .judging import PROCEEDS, Outcome, assess
from .reconcile import (
    confirmations,
    overruled,
    rearranged,
    restating_wrong,
    spent,
    with_part_totals,
    with_provenance,
    without_repeats,
)
from .repeats import heading_repeats, line_repeats, near_repeats, proceeds_repeats
from .report import Check, Status
from .roletable import RuleRole, builtin_roles
from .rules import Rule
from .tables import Table, totals
from .terms import (
    Term,
    add_up,
    claimed,
    line_operand,
    line_term,
    sum_roles,
    term_of,
)
from .typos import (
    SPECIFIC,
    convincing,
    one_digit_apart,
    significant,
    tight,
    typo_suspect,
)

_MAX_BINDINGS = 4000
_MAX_PARTS = 12
_MAX_PARAGRAPH_PARTS = 4
_PICKED_SENTENCES = 6
_DOCUMENT_SENTENCES = 15  # a document-scope operand stands within this many sentences
_FAR_OPERANDS = 8  # figures beyond a sentence's neighbourhood an operand may take, nearest first
_LOOSE_TYPO_TRIES = 12  # loose bindings per figure examined for a typo, the closest first
_NEAR_SENTENCES = 4
_PARAGRAPH_SENTENCES = 4
_TRANCHES = {"first_tranche", "later_tranche"}  # vocabulary roles: which part a figure is in
_FROM_LINES = ("quantity", "price", "offered", "gross", "aggregate")  # offering lines supply them



class Engine:
    """Evaluates rules over one document's figures and groups."""

    def __init__(self, figures: tuple[Figure, ...], groups: Groups,
                 roles: dict[str, RuleRole] | None = None, tables: tuple[Table, ...] = ()):
        self.figures = figures
        self.groups = groups
        self.tables = tables
        self.roles = builtin_roles() if roles is None else roles
        self._by_id = {f.id: f for f in figures}
        self._by_sentence: dict[int, list[Figure]] = {}
        for f in figures:
            self._by_sentence.setdefault(f.sentence, []).append(f)
        self._sum_cache: dict[str, list[Term]] = {}  # several rules ask for the same totals
        self._candidate_cache: dict[str, list[tuple[Figure, bool]]] = {}
        self._digits = {f.id: significant(f) for f in figures}
        # the roles that are amounts per security: those admitting a price (rules/roles.toml)
        per_security = {*PER_SECURITY, "per_security"}
        self._per_security = {name for name, r in self.roles.items()
                              if (r.accepts | r.loosely) & per_security}

    # -- candidates -------------------------------------------------------------------------
    def _accepts(self, role: str, f: Figure, loose: bool = False) -> bool:
        """Whether ``f`` may stand for ``role`` (rules/roles.toml)."""
        if f.role in PER_SECURITY and role not in self._per_security:
            return False  # a price per security is never an amount of proceeds
        if role == "market" and f.role == "price":
            return False
        return self.roles[role].admits(f, loose)

    def _allowed(self, role: str, t: Term, stated: Figure) -> bool:
        """Whether a figure stated on its own may stand for ``role`` beside ``stated``, as the
        words of ``stated`` narrow it (rules/roles.toml ``narrowed``)."""
        r = self.roles.get(role)
        return r is None or not r.narrowed or len(t.figures) != 1 or t.line is not None \
            or r.allows(stated, t.figures[0])

    def _nearby(self, role: str, stated: Figure) -> list[Term]:
        """A sentence-scope operand: the figures for ``role`` around the stated figure; a price
        may also be the offering price stated anywhere, a quantity the release's one offering
        line or all its lines together, a count outstanding the one the release names."""
        out, far = [], []
        for f, strict in self._candidates(role):
            if f is stated or _descriptive(f):
                continue
            if not _around(f, stated):
                # beyond the neighbourhood only figures specific enough to name each other
                # ("31,332,127 ... 29,976,175 ... the 1,355,952 left over"; "73.95% of the
                # enlarged share capital" of 1,916,922,882), and only loosely
                digits = sorted((self._digits[f.id], self._digits[stated.id]))
                if digits[0] >= SPECIFIC - 1 and digits[1] >= SPECIFIC:
                    far.append(f)
                continue
            if strict or f.id == stated.aside:  # a gloss says what it stands for
                out.append(term_of(f))
            else:
                out.append(attrs.evolve(term_of(f), structural=False))
        # the nearest few: a long release would otherwise bind every pair of its figures
        far.sort(key=lambda f: abs(f.sentence - stated.sentence))
        out.extend(attrs.evolve(term_of(f), structural=False) for f in far[:_FAR_OPERANDS])
        if role == "price":
            prices = self._offering_prices
            taken = {id(t.figures[0]) for t in out}
            out.extend(attrs.evolve(term_of(p), structural=len(prices) == 1) for p in prices
                       if id(p) not in taken)
        if role == "market":  # "6.6% below the closing price of $0.071": the price follows
            out = [t if t.figures[0].span.start > stated.span.start
                   else attrs.evolve(t, structural=False) for t in out]
        if role == "per_security":  # a line's own price is PV001's to check
            prices = {id(x.price) for x in self.groups.lines}
            out = [t for t in out if id(t.figures[0]) not in prices]
        if role == "ratio":  # the deal's terms, stated within a stretch of the figure
            return [t for t in self._ratios if _plausible(t, stated)]
        if role == "quantity" and self._sole_line_figures:
            # "16 percent of them Placement shares": the release's one offering, wherever
            q = self._distinct_lines[0].quantity
            if q is not stated and all(t.figures[0] is not q for t in out):
                out.append(attrs.evolve(term_of(q), structural=False))
        if role == "outstanding" and self._sole_outstanding is not None:
            # "Antal aktier före nyemissionen: 11 678 862 aktier" in a list, several
            # paragraphs from the valuation it makes: the release's one count of its shares
            f = self._sole_outstanding
            if f is not stated and all(t.figures[0] is not f for t in out):
                out.append(attrs.evolve(term_of(f), structural=False))
        if role == "quantity" and self._lines_together is not None:
            # "the Placing Shares and Subscription Shares together represent approximately 24.0%"
            out.append(self._lines_together)
        if role == "offered":  # the number of securities the release sells, wherever stated
            counts = {x.quantity.value: x.quantity for x in self._distinct_lines}
            out = [attrs.evolve(term_of(q), structural=len(counts) == 1)
                   for q in counts.values() if q is not stated]
        return out

    def _candidates(self, role: str) -> list[tuple[Figure, bool]]:
        """The figures that may stand for ``role``, in order, each with whether the words name
        it for the role (strictly) or it may stand for it only loosely; asked for every
        stated figure of every rule, so found once per role."""
        found = self._candidate_cache.get(role)
        if found is None:
            found = self._candidate_cache[role] = [
                (f, strict) for f in self.figures
                if (strict := self._accepts(role, f)) or self._accepts(role, f, loose=True)]
        return found

    def _stated(self, role: str, near: Line | None) -> list[Figure]:
        out = [f for f, strict in self._candidates(role) if strict]
        if near is not None:
            # a figure stated beside a line of its own sentence belongs to that sentence's
            # lines ("settled a $1.5m debt by issuing 6 million shares at $0.25 each")
            out = [f for f in out if _close(f, near) and f not in near.figures
                   and (not near.borrowed or f.sentence not in self._own_lines)
                   and (not near.inferred or f.sentence == near.sentence)
                   and (f.qualifier is Qualifier.UP_TO) == near.up_to
                   and "headline" not in f.roles and not _other_tranche(f, near)
                   # the total of the lines a sentence prices together is no one line's,
                   # nor is a total the words name in a sentence of several lines ("2,000,000
                   # shares at $0.15 and 3,000,000 units at $0.10, for total gross proceeds")
                   and not (role in ("gross", "aggregate") and f.sentence == near.sentence
                            and (near.shared or ("aggregate" in f.roles and self._several(f))))]
        return out

    def _operands(self, role: str, near: Line | None) -> list[Term]:
        lines = [near] if near is not None else list(self.groups.lines)
        if role == "quantity":
            return [line_operand(x, x.quantity) for x in lines]
        if role == "price":
            return [line_operand(x, x.price) for x in lines]
        stated = self._stated(role, near)
        if role in ("gross", "aggregate") and near is None:
            # as an input, a gross is a line's product or a figure the words call gross
            # (a headline restates; it is never what another figure is checked against)
            stated = [f for f in stated if {"gross", "aggregate"} & set(f.roles)
                      and "headline" not in f.roles]
        terms = [term_of(f) for f in stated]
        if role in ("gross", "aggregate"):
            terms = [line_term(x) for x in lines] + terms
            if near is None:
                terms.extend(self._sums(role))
        return terms

    @functools.cached_property
    def _ratios(self) -> list[Term]:
        """The ratios a release states in words: in a sentence that says "for every", each
        pair of small numbers in words, either way up ("five rights shares with one warrant
        for every four shares held": 5/4, 1/4, 1/5 ...). Loose: the words do not say which
        counts they relate."""
        out = []
        for figures in self._by_sentence.values():
            if not any("every" in f.roles for f in figures):
                continue
            small = [f for f in figures if f.words and f.value == f.value.to_integral_value()
                     and 1 <= f.value < 10 and f.kind in (Kind.COUNT, Kind.NUMBER)]
            for a, b in itertools.permutations(small, 2):
                if a.value != b.value:
                    out.append(Term(Interval.point(a.value / b.value), (a, b), ("ratio",),
                                    structural=False))
        return out

    @functools.cached_property
    def _sole_line_figures(self) -> frozenset[int]:
        """The figures of the release's one offering line, when it has exactly one, and the
        gross its sentences name: "the Offering Price" or "the Offering" can then mean
        nothing else."""
        lines = self._distinct_lines
        line = lines[0] if lines else None
        # "705,882,353 shares at $0.0655 (AUD 0.085)" is one line in two currencies
        if not lines or any(x.quantity is not line.quantity or x.price.twin != line.price.id
                            for x in lines[1:]) or len(lines) > 2:
            return frozenset()
        sentences = {line.quantity.sentence, line.price.sentence}
        product = line_term(line).interval
        # ... and a gross stated elsewhere in the line's own digits ("total proceeds of
        # $328,039.79" for 2,523,383 × $0.13)
        gross = [f for f in self.figures if f.role == "gross"
                 and (f.sentence in sentences or (not f.rounded and product.meets(f.stated)))
                 and f.qualifier is not Qualifier.UP_TO]
        return frozenset(id(f) for x in lines for f in (*x.figures, *gross))

    @functools.cached_property
    def _offering_prices(self) -> list[Figure]:
        """Each price the release sells at, once (a candidate line's too: "between 2,800,000
        and 3,892,954 shares" at the release's one price are alternatives, not no sale)."""
        return list({(x.price.value, x.price.currency): x.price for x in self.groups.lines
                     if not x.up_to and not x.settlement}.values())

    @functools.cached_property
    def _sole_outstanding(self) -> Figure | None:
        """The one count the words call the shares outstanding, when the release states one
        (perhaps more than once)."""
        named = {f.value: f for f in self.figures if f.role == "outstanding"}
        return next(iter(named.values())) if len(named) == 1 else None

    @functools.cached_property
    def _lines_together(self) -> Term | None:
        """The securities of all the release's offering lines, where they are of one kind:
        a share of the company, or the count after the offering, may be of all of them."""
        lines = self._distinct_lines
        if len(lines) < 2 or len({x.quantity.noun for x in lines}) != 1:
            return None
        total = add_up([term_of(x.quantity) for x in lines], structural=True)
        return total[0] if total else None

    def _several(self, f: Figure) -> bool:
        """Whether ``f``'s sentence states two or more offering lines with their own prices."""
        return self._own_lines.get(f.sentence, 0) > 1

    @functools.cached_property
    def _own_lines(self) -> dict[int, int]:
        """The sentences that state a line's quantity and price together, with how many."""
        return dict(collections.Counter(x.sentence for x in self.groups.lines
                                        if not x.borrowed))

    @functools.cached_property
    def _distinct_lines(self) -> list[Line]:
        """Actual sales for cash (not "up to" targets, not settlements at a deemed price), each
        line once (its first statement) even if the release restates it."""
        return [same[0] for same in self._line_statements.values()]

    @functools.cached_property
    def _line_statements(self) -> dict[tuple, list[Line]]:
        """Each actual sale for cash with every statement of it (a summary's, then the
        body's), in the order the release first states them."""
        out: dict[tuple, list[Line]] = {}
        for x in self.groups.lines:
            if not x.up_to and not x.settlement and not x.candidate:
                out.setdefault(_line_key(x), []).append(x)
        return out

    def _sums(self, role: str) -> list[Term]:
        """Candidate totals: all offering lines together (the structural reading), then any
        two to four parts among lines and stated amounts of one currency."""
        if role not in self._sum_cache:
            self._sum_cache[role] = self._enumerate_sums(role)
        return self._sum_cache[role]

    def _enumerate_sums(self, role: str) -> list[Term]:
        lines = self._distinct_lines
        out = []
        if len(lines) >= 2:
            out.extend(add_up([line_term(x) for x in lines], structural=True))
        # (nor the amount of securities among the offering's own: "directors subscribed for
        # 2,000,000 of the new shares, worth £100,000")
        among = {x.sentence for x in self.groups.lines if x.among}
        stated = [f for f in self.figures if f.kind is Kind.MONEY and self._accepts(role, f)
                  and f.role in self.roles[role].accepts  # no commission or net as a part
                  and "headline" not in f.roles and f.sentence not in among]
        out.extend(self._paragraph_totals(stated))
        parts = [line_term(x) for x in lines] + [term_of(f) for f in stated]
        parts = parts[:_MAX_PARTS]
        for size in range(2, 5):
            for combo in itertools.combinations(parts, size):
                if not _counted_twice(combo):
                    out.extend(add_up(list(combo), structural=False))
        return out

    @staticmethod
    def _paragraph_totals(stated: list[Figure]) -> list[Term]:
        """The amounts a paragraph names as proceeds ("the flow-through offering raised $5.8
        million ... the non-flow-through units brought in $7.1 million") are the release's own
        parts: their sum, leaving out at most one of them (the total itself), is structural."""
        out = []
        by_paragraph: dict[tuple, dict] = {}
        for f in stated:
            if f.role in PROCEEDS and f.qualifier is not Qualifier.UP_TO:
                by_paragraph.setdefault((f.paragraph, f.currency), {}).setdefault(f.value, f)
        for named in by_paragraph.values():
            figures = list(named.values())
            if not 2 <= len(figures) <= _MAX_PARAGRAPH_PARTS + 1:
                continue
            for leave_out in [None, *figures]:
                parts = [term_of(f) for f in figures if f is not leave_out]
                if len(parts) >= 2:
                    out.extend(add_up(parts, structural=True))
        return out

    # -- evaluation -------------------------------------------------------------------------
    def evaluate(self, rules: Iterable[Rule]) -> list[Check]:
        """Every rule's checks. A figure that some relation confirms is not then called wrong
        by another rule's binding that merely sits near it: such failing bindings are set
        aside and each rule's figures are bound again without them, so a line that would have
        been spent on a confirmed figure is free for the one it really describes."""
        rules = list(rules)
        restating = {r.id for r in rules if isinstance(r.check.computed, expr.Role)}
        totalling = {r.id for r in rules if sum_roles(r.check.computed)}
        per_line = {r.id for r in rules if r.scope == "line"}
        conditional = {r.id for r in rules if r.targets}  # its offering's amount, shown
        outcomes = {r.id: self.outcomes(r) for r in rules}
        first = [c for r in rules for c in self._assign(outcomes[r.id])]
        # one statement agreeing with another ("£5.0 million" twice) says nothing about what
        # either describes: it confirms no figure against another rule's binding
        confirmed = confirmations([c for c in first
                                   if not (c.rule in restating and len(c.figures) == 2)])
        # which of two near-identical figures is wrong: the one no other relation confirms
        agreed = {f.id for c in first if c.status is Status.PASS
                  and not (c.rule in restating and len(c.figures) == 2) for f in c.figures}
        for r in rules:
            if r.scope == "repeat":
                outcomes[r.id] = self._repeats(r, agreed)
        agreeing = [{f.id for f in c.figures} for c in first if c.status is Status.PASS]
        # figures that make another exactly, in the release's own structure (11,500,000 ×
        # $0.30 = $3,450,000): no other relation's one-digit typo can be in them
        firm = frozenset(f.id for c in first if c.status is Status.PASS
                         and c.basis == "structural" and c.holds_by == "exact"
                         for f in c.figures)
        checks = []
        for r in rules:
            outcomes[r.id] = [self._trusting(r, self._firm(r, o, firm), confirmed)
                              for o in outcomes[r.id]]
            kept = [o for o in outcomes[r.id] if not overruled(o.check, confirmed, o.structural)
                    and not rearranged(o.check, agreeing)]
            assigned = self._assign(kept)
            bound = {c.stated.id for c in assigned if c.stated is not None}
            for o in outcomes[r.id]:  # say why a figure lost its only bindings
                if o.stated.id not in bound and overruled(o.check, confirmed, o.structural):
                    bound.add(o.stated.id)
                    other = confirmed[o.stated.id]
                    assigned.append(attrs.evolve(
                        o.finished(), status=Status.SKIPPED, basis=None,
                        reason=f"{o.stated.text} agrees with {other.rule}; "
                               "this binding describes something else"))
            checks.extend(assigned)
        # (a failure its operands spend on another figure is skipped before two rules' equal
        # verdicts are told apart, so that it does not hide the other rule's)
        checks = without_repeats(spent(checks), {r.id: r.check.stated for r in rules},
                                 frozenset(r.id for r in rules if r.scope == "table"))
        passing = [c for c in checks if c.status is Status.PASS and c.stated is not None]
        wrong: dict[str, Check] = {}  # the first rule's certain failure of each figure
        for c in checks:
            if c.status is Status.FAIL and c.basis == "certain" and c.stated is not None:
                wrong.setdefault(c.stated.id, c)
        by_id = {r.id: r for r in rules}
        out = []
        for c in checks:
            if c.rule in restating and c.status is Status.PASS:
                c = restating_wrong(by_id[c.rule], c, wrong) or with_provenance(c, passing)
            elif c.rule in totalling | conditional and c.status is Status.PASS:
                c = with_part_totals(c, [d for d in passing if d.rule in per_line])
            out.append(c)
        return out

    def _firm(self, rule: Rule, o: Outcome, firm: frozenset[str]) -> Outcome:
        """A typo put in a figure that an exact structural agreement confirms is looked for
        elsewhere ("11,500,000 units at $0.30 for $3,450,000" and insiders' 1,000,000 units
        for $300,000 of them: the total of both lines misses $3,450,000 because the insiders'
        units are among the others, not because "11,500,000" is mistyped)."""
        c = o.check
        if c.basis != "typo" or c.suspect is None or c.suspect.id not in firm:
            return o
        again = assess(rule, o.stated, o.bind, o.line, trusted=firm)
        if again is None:
            return o
        if again.check.status is Status.FAIL or o.stated.id in firm:
            return again
        if one_digit_apart(o.stated, c.expected):  # the one figure nothing confirms
            return attrs.evolve(o, check=attrs.evolve(c, suspect=o.stated))
        return again

    def _trusting(self, rule: Rule, o: Outcome, confirmed: dict[str, Check]) -> Outcome:
        """A structural failure that suspects its stated figure, when another rule's
        structural agreement confirms that figure: the fault is in a part, if one changed
        digit there repairs it ("AUD 37 million + AUD 13 million" for an AUD 60 million that
        705,882,353 × AUD 0.085 confirms)."""
        c = o.check
        other = confirmed.get(o.stated.id)
        if c.status is not Status.FAIL or c.suspect is not o.stated or not o.structural \
                or other is None or other.rule == rule.id or other.basis != "structural":
            return o
        again = assess(rule, o.stated, o.bind, o.line, trusted=frozenset({o.stated.id}))
        return again if again is not None and again.check.suspect is not None else o

    def missing(self, rule: Rule) -> tuple[str, ...]:
        """The roles of ``rule`` that no figure of the document can stand for."""
        roles = [rule.check.stated, *(r.removeprefix("sum(").rstrip(")")
                                      for r in rule.check.operand_roles)]
        if rule.scope == "restatement":
            return () if self.groups.restatements else ("numeral", "words")
        if rule.scope == "repeat":
            return () if self._near_repeats or self._confirmed_repeats \
                else ("repeated", "original")
        if rule.scope == "table":
            return () if self.tables else ("table_total", "table_item")
        out = []
        for role in dict.fromkeys(roles):
            if (role in _FROM_LINES and self.groups.lines) or (role == "ratio" and self._ratios):
                continue
            if not self._present(role):
                out.append(role)
        return tuple(out)

    def _present(self, role: str) -> bool:
        """Whether any figure may stand for ``role``, strictly or loosely (asked per rule)."""
        return bool(self._candidates(role))

    def outcomes(self, rule: Rule) -> list[Outcome]:
        """Every evaluable binding of one rule, unassigned."""
        if rule.scope == "restatement":
            return [self._restatement(rule, w, n) for w, n in self.groups.restatements]
        if rule.scope == "repeat":
            return []  # evaluate() binds them once it knows which figures are confirmed
        if rule.scope == "table":
            return self._table_totals(rule)
        if rule.scope == "sentence":
            found = list(self._sentence_bindings(rule))
        elif rule.scope == "line":
            found = [o for line in self.groups.lines for o in self._bindings(rule, line)]
        else:
            found = list(self._bindings(rule, None))
        barred = self._unless(rule)
        found = [self._by_twin(rule, o) for o in found if o.stated.sentence not in barred]
        return found + [m for o in found if (m := self._mirrored(rule, o)) is not None]

    def _unless(self, rule: Rule) -> set[int]:
        """The sentences whose words make the rule's relation another one (its ``unless``
        roles): a figure stated there is not checked by it."""
        if not rule.unless:
            return set()
        return {f.sentence for f in self.figures if not set(f.roles).isdisjoint(rule.unless)}

    def _mirrored(self, rule: Rule, o: Outcome) -> Outcome | None:
        """An agreement in one currency of a conversion must hold in the other too: "6.6
        percent below the closing price of $0.071 (AUD 0.091)" for $0.0655 (AUD 0.085) holds in
        AUD and not in US$. The failing twin is reported beside the agreement; a failure whose
        twin fails too is reported in both currencies (each has its own check: Outcome.key)."""
        if o.check.status is Status.SKIPPED or not o.structural:
            return None
        if o.stated.kind is Kind.MONEY and o.stated.twin is None:
            return None
        twin = _twin_binding(o.bind, self._by_id)
        if twin is None or all(twin[k] is o.bind[k] for k in twin):
            return None
        stated = self._by_id[o.stated.twin] if o.stated.kind is Kind.MONEY else o.stated
        mirrored = assess(rule, stated, twin, o.line)
        if mirrored is None or mirrored.check.status is Status.PASS:
            return None
        if o.check.status is Status.FAIL:  # failing in both currencies: each is reported
            return mirrored if mirrored.check.status is Status.FAIL else None
        return assess(rule, stated, twin, o.line, certain=True)

    def _by_twin(self, rule: Rule, o: Outcome) -> Outcome:
        """A disagreement whose twin in another currency agrees is certain: "705,882,353 shares
        at $0.0655 (AUD 0.085) ... $45.3 million (AUD 60 million)" holds in AUD, so the
        structure is right and the US$ figures disagree."""
        if o.check.status is not Status.SKIPPED or o.stated.twin is None:
            return o
        if not all(t.structural for t in o.bind.values()) \
                or not self._accepts(rule.check.stated, o.stated):
            return o
        twin = _twin_binding(o.bind, self._by_id)
        if twin is None:
            return o
        mirrored = assess(rule, self._by_id[o.stated.twin], twin, o.line)
        if mirrored is None or mirrored.check.status is not Status.PASS:
            return o
        return assess(rule, o.stated, o.bind, o.line, certain=True) or o

    def _bindings(self, rule: Rule, line: Line | None) -> Iterable[Outcome]:
        """Every evaluable binding of the rule's roles, per figure it can check."""
        names = [r for r in rule.check.operand_roles if not r.startswith("sum(")]
        options = [self._operands(r, line) for r in names]
        if "price" not in names:
            # a line is loose where its price stands far from its quantity: a rule that does
            # not take the price takes the quantity as stated ("roughly 730,000 shares and
            # 370,000 warrants" for "a warrant for .5 shares")
            options = [[attrs.evolve(t, structural=True) if r == "quantity" else t for t in o]
                       for r, o in zip(names, options, strict=True)]
        for r in sum_roles(rule.check.computed):
            names.append(f"sum({r})")
            options.append(self._sum_options(r))
        if any(not o for o in options):
            return  # a rule applies only where all of its roles were found
        sole = self._sole_line_figures
        for stated in self._stated(rule.check.stated, line):
            if _descriptive(stated):
                continue
            near = [[t if line is not None else self._restated_near(t, stated)
                     for t in o if _plausible(t, stated) and self._allowed(r, t, stated)]
                    for r, o in zip(names, options, strict=True)]
            yield from _judge(rule, stated, names, near, line, loose_stated=False, sole=sole)
        if line is None:  # figures a rule accepts only loosely: reported where they agree
            for stated in self.figures:
                if (self._accepts(rule.check.stated, stated, loose=True)
                        and not self._accepts(rule.check.stated, stated)):
                    near = [[t for t in o if _plausible(t, stated)
                             and self._allowed(r, t, stated)]
                            for r, o in zip(names, options, strict=True)]
                    yield from (o for o in _judge(rule, stated, names, near, None,
                                                  loose_stated=True)
                                if o.check.status is not Status.SKIPPED)

    @functools.cached_property
    def _restated(self) -> bool:
        """Whether the release states any line twice."""
        return any(len(same) > 1 for same in self._line_statements.values())

    def _restated_near(self, t: Term, stated: Figure) -> Term:
        """A line stated twice (in a summary, then in the body) taken where it is stated
        nearest the figure checked against it: the same amount, from the figures beside it."""
        if not self._restated or "headline" in stated.roles:
            return t
        if t.parts:
            parts = [self._restated_near(p, stated) for p in t.parts]
            if all(p is q for p, q in zip(parts, t.parts, strict=True)):
                return t
            total = add_up(parts, t.structural)
            return total[0] if total else t
        if t.line is None:
            return t
        x = t.line
        same = self._line_statements.get(_line_key(x), [x])
        best = min(same, key=lambda y: abs(y.quantity.sentence - stated.sentence))
        if best is x or abs(best.quantity.sentence - stated.sentence) >= abs(
                x.quantity.sentence - stated.sentence):
            return t
        return attrs.evolve(line_term(best), structural=t.structural)

    def _sentence_bindings(self, rule: Rule) -> Iterable[Outcome]:
        """Bindings among the figures around each figure the rule can check."""
        names = list(rule.check.operand_roles)
        role = rule.check.stated
        for stated, strict in self._candidates(role):
            if _descriptive(stated):
                continue
            options = [[t for t in self._nearby(r, stated) if self._allowed(r, t, stated)]
                       for r in names]
            if any(not o for o in options):
                continue
            # a figure glossed by the amount it stands for ("22% (HK$71.7 million)") is named
            # by that amount
            strict = strict or any(t.structural and t.figures[0].id == stated.aside
                                   for o in options for t in o)
            for outcome in _judge(rule, stated, names, options, None, loose_stated=not strict):
                # a figure the words do not name is reported only where a binding agrees or
                # a typo explains the disagreement
                if strict or outcome.check.status is not Status.SKIPPED:
                    yield outcome

    def _sum_options(self, role: str) -> list[Term]:
        if role in ("gross", "aggregate"):
            return self._sums(role)
        parts = [term_of(f) for f in self._stated(role, None) if not _descriptive(f)]
        if len(parts) == 1:
            return parts  # "the preferred shares" of a release that names one number of them
        return add_up(parts, structural=True) if len(parts) >= 2 else []

    def _assign(self, outcomes: list[Outcome]) -> list[Check]:
        """Best outcome first; each stated figure and each line is used once per rule."""
        outcomes = sorted(_borrowing(outcomes), key=lambda o: o.rank)
        used_stated, used_lines, checks = set(), set(), []
        confirmed: dict[tuple, set[int]] = {}  # figures of the agreements a figure has
        for o in outcomes:
            if o.line is not None and o.line.index in used_lines:
                continue
            if o.key in used_stated:
                # a second agreement of wholly other stated figures is a second fact
                # ("1,277,948,588 + 638,974,294" and "1,417,504,067 + 499,418,815" both make
                # 1,916,922,882); lines and totals restate each other, so they never count
                operands = _single_figures(o)
                if operands and confirmed.get(o.key) and not operands & confirmed[o.key]:
                    if o.rank[0] == 0:
                        confirmed[o.key] |= operands
                        checks.append(o.finished())
                    elif (typo := _operand_typo(o)) is not None:
                        # ... and where it fails, the confirmed figure is not the suspect:
                        # one changed digit in an operand is, convincingly
                        confirmed[o.key] |= operands
                        checks.append(typo.finished())
                continue
            used_stated.add(o.key)
            if o.check.status is Status.PASS:
                confirmed[o.key] = _single_figures(o)
            if o.line is not None:
                used_lines.add(o.line.index)
            checks.append(o.finished())
        return checks

    @functools.cached_property
    def _near_repeats(self) -> list[tuple[Figure, Figure]]:
        return near_repeats(self.figures)

    @functools.cached_property
    def _confirmed_repeats(self) -> list[tuple[Figure, Figure]]:
        """Pairs that count only when a relation confirms exactly one of the two: proceeds
        restated, and one offering line stated twice."""
        return (proceeds_repeats(self.figures) + line_repeats(self.groups.lines)
                + heading_repeats(self.groups.headings))

    def _repeats(self, rule: Rule, agreed: set[str]) -> list[Outcome]:
        """``agreed``: the figures some passing check uses."""
        out = []
        pairs = [(a, b, False) for a, b in self._near_repeats]
        pairs += [(a, b, True) for a, b in self._confirmed_repeats]
        for a, b, one_confirmed in pairs:
            if one_confirmed and (a.id in agreed) == (b.id in agreed):
                continue  # both confirmed: two facts; neither: nothing says which is right
            if a.id in agreed and b.id in agreed and a.value != b.value:
                continue  # each agrees with its own relation: two facts that look alike
            stated, original = (a, b) if b.id in agreed else (b, a)
            o = assess(rule, stated, {"original": term_of(original)}, None)
            if o is not None and o.check.status is not Status.SKIPPED:
                out.append(o)
        return out

    def _table_totals(self, rule: Rule) -> list[Outcome]:
        """Each total a table claims, against the sum of its items: the table's layout says
        what adds up, so a disagreement is certain."""
        key = rule.check.operand_roles[0]  # "sum(table_item)"
        out = []
        for table in self.tables:
            for total, items in totals(table, self.figures):
                parts = add_up([term_of(f) for f in items], structural=True)
                if parts:
                    o = assess(rule, total, {key: parts[0]}, None, certain=True)
                    if o is not None:
                        out.append(o)
        return out

    def _restatement(self, rule: Rule, words: Figure, numeral: Figure) -> Outcome:
        return assess(rule, numeral, {"words": term_of(words)}, None, certain=True)


def _judge(rule: Rule, stated: Figure, names: list[str], options: list[list[Term]],
           line: Line | None, loose_stated: bool,
           sole: frozenset[int] = frozenset()) -> Iterable[Outcome]:
    """Evaluate every binding of ``stated``. Loose bindings that disagree are many and mostly
    meaningless: only the closest few are examined for a typo."""
    unsure = []
    for combo in itertools.islice(itertools.product(*options), _MAX_BINDINGS):
        if any(f is stated for t in combo for f in t.figures):
            continue
        figs = [id(f) for t in combo for f in claimed(t)]
        if len(set(figs)) != len(figs):
            continue
        bind = dict(zip(names, combo, strict=True))
        loose = loose_stated or not all(t.structural for t in combo)
        outcome = assess(rule, stated, bind, line, loose=loose_stated, typos=not loose,
                            sole=sole)
        if outcome is None:
            continue
        if loose and outcome.check.status is not Status.PASS:
            unsure.append(outcome)
        else:
            yield outcome
    unsure.sort(key=lambda o: o.rank)
    for o in unsure[:_LOOSE_TYPO_TRIES]:
        yield assess(rule, stated, o.bind, line, loose=loose_stated, sole=sole)
    yield from unsure[_LOOSE_TYPO_TRIES:]


def _line_key(x: Line) -> tuple:
    """What makes two statements one line: the same quantity at the same price."""
    return (x.quantity.value, x.price.value, x.price.currency)


def _counted_twice(parts: tuple[Term, ...]) -> bool:
    """A line and an amount that states its gross (14,300,000 × $0.70 and "$10,010,000") are
    one amount: a sum of both counts it twice; so are a line, or an amount, and amounts
    written in full that make it exactly (4,000 × $250, or "$1 million", and "$572,044 of new
    cash and $427,956 of debt")."""
    lines = [p for p in parts if p.line is not None]
    stated = [p.figures[0] for p in parts if p.line is None and len(p.figures) == 1]
    if any(x.interval.meets(f.stated) for x in lines for f in stated):
        return True
    wholes = [(None, x.interval.low) for x in lines if x.interval.exact]
    wholes += [(f, f.value) for f in stated]
    exact = [f for f in stated if not f.rounded]
    return any(sum(f.value for f in combo) == value
               for whole, value in wholes for size in range(2, len(exact) + 1)
               for combo in itertools.combinations([f for f in exact if f is not whole], size))


def _borrowing(outcomes: list[Outcome]) -> list[Outcome]:
    """A figure whose own sentence states the relation in full and disagrees, while operands
    from another sentence agree with it, is mistyped if those operands agree with their own
    sentence's statement of the relation: they describe that statement, not this one ("the
    495,000,000 Placing Shares come to approximately 10.08%" of 4,910,609,920; in the next
    sentence "982,000,000 ... approximately 10% of the 4,910,609,920 Shares" is wrong, whatever
    495,000,000 gives). Such an agreement is weak, and the certain disagreement outranks it."""
    owners: dict[int, set[str]] = {}  # a figure: the stated figures of its sentence it agrees with
    disagreeing = set()  # stated figures whose own sentence's figures certainly disagree
    for o in outcomes:
        if o.check.status is Status.PASS and o.structural:
            for t in o.bind.values():
                for f in t.figures:
                    if f.sentence == o.stated.sentence:
                        owners.setdefault(id(f), set()).add(o.stated.id)
        elif o.check.status is Status.FAIL and o.check.basis == "certain" and all(
                f.sentence == o.stated.sentence for f in o.check.figures):
            disagreeing.add(o.stated.id)
    if not owners or not disagreeing:
        return outcomes
    out = []
    for o in outcomes:
        if o.rank[0] == 0 and o.stated.id in disagreeing and any(
                f.sentence != o.stated.sentence and owners.get(id(f), set()) - {o.stated.id}
                for t in o.bind.values() for f in t.figures):
            o = attrs.evolve(o, rank=(2, *o.rank[1:]))
        out.append(o)
    return out


def _operand_typo(o: Outcome) -> Outcome | None:
    """A failing binding with the typo put in an operand rather than in the stated figure,
    when one changed digit in an operand explains it convincingly; None otherwise."""
    if o.check.status is not Status.FAIL or o.check.basis != "typo" \
            or significant(o.stated) < SPECIFIC:
        return None
    operands = [f for t in o.bind.values() for f in t.figures]
    computed = o.check.computed
    suspect = typo_suspect(o.rule, o.stated, o.bind, operands, loose=not o.structural,
                           within=False, precise=computed is not None
                           and tight(computed, o.stated.stated))
    if suspect is None or not convincing(suspect, (o.stated, *operands)):
        return None
    return attrs.evolve(o, check=attrs.evolve(o.check, suspect=suspect))


def _single_figures(o: Outcome) -> set[int]:
    """The operands of a binding made only of figures as stated (no line, no total), else an
    empty set."""
    if o.line is not None or any(t.line is not None or t.parts for t in o.bind.values()):
        return set()
    return {id(f) for t in o.bind.values() for f in t.figures}


def _twin_binding(bind: dict[str, Term], by_id: dict[str, Figure]) -> dict[str, Term] | None:
    """The binding with each money figure replaced by its twin in another currency; None
    when a money figure has no twin (the relation cannot be mirrored)."""
    out = {}
    for k, t in bind.items():
        if t.parts:  # a total of stated amounts, each with its twin
            if any(p.line is not None or p.parts or len(p.figures) != 1
                   or p.figures[0].twin is None for p in t.parts):
                return None
            twins = add_up([term_of(by_id[p.figures[0].twin]) for p in t.parts],
                           structural=t.structural)
            if not twins:
                return None
            out[k] = twins[0]
            continue
        if t.line is not None:
            q, p = t.figures
            if p.twin is None:
                return None
            tp = by_id[p.twin]
            out[k] = Term(q.operand * tp.operand, (q, tp), ("money", tp.currency))
        elif t.figures and t.figures[0].kind is Kind.MONEY:
            f = t.figures[0]
            if f.twin is None:
                return None
            out[k] = term_of(by_id[f.twin])
        else:
            out[k] = t
    return out


def _plausible(t: Term, stated: Figure) -> bool:
    """Parts picked only because they might add up are looked for near the total they would
    make, and any other operand (a paragraph's own total too) within a long stretch of it (a
    headline may gather its figures from anywhere; the total of all lines is the release's
    own)."""
    if "headline" in stated.roles or (t.structural and t.parts
                                      and all(p.line is not None for p in t.parts)):
        return True
    reach = _PICKED_SENTENCES if t.parts and not t.structural else _DOCUMENT_SENTENCES
    return any(abs(f.sentence - stated.sentence) <= reach for f in t.figures)


def _descriptive(f: Figure) -> bool:
    """"one warrant", "two years": a small number in words describes, it does not count."""
    return f.words and f.kind is Kind.COUNT and f.value < 10


def _around(f: Figure, stated: Figure) -> bool:
    """The neighbouring sentences, or further within one paragraph (a list of figures)."""
    gap = abs(f.sentence - stated.sentence)
    return gap <= 1 or (gap <= _PARAGRAPH_SENTENCES and f.paragraph == stated.paragraph)


def _other_tranche(f: Figure, line: Line) -> bool:
    """The words put ``f`` in another tranche than the line: "A second tranche of $1.5
    million" is no gross of "the first tranche ... 4,000 units at $250 each"."""
    def tranches(g: Figure) -> set[str]:
        return set(g.roles) & _TRANCHES

    mine = tranches(f)
    theirs = tranches(line.quantity) | tranches(line.price)
    return len(mine) == 1 and len(theirs) == 1 and mine != theirs


def _close(f: Figure, line: Line) -> bool:
    """Within a few sentences of the line's quantity or of its price."""
    return min(abs(f.sentence - line.quantity.sentence),
               abs(f.sentence - line.price.sentence)) <= _NEAR_SENTENCES
