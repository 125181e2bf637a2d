"""Terms: the values a rule's expression computes with, each carrying the figures it rests on.

A term is an interval (exact, or the precision a figure was written at), the figures behind it
and its dimension (money in a currency, a count, a ratio), so that money is never added to a
count, nor dollars to pounds.
"""

from __future__ import annotations

import attrs

from . import expr
from .figures import Figure, Interval, Kind
from .grouping import Line


class Mismatch(Exception):
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


def term_of(f: Figure) -> Term:
    if f.kind is Kind.MONEY:
        return Term(f.operand, (f,), ("money", f.currency))
    if f.kind is Kind.COUNT:
        return Term(f.operand, (f,), ("count",))
    iv = f.operand
    if f.kind is Kind.PERCENT:
        iv = Interval(iv.low / 100, None if iv.high is None else iv.high / 100)
    return Term(iv, (f,), ("ratio",))


def line_term(line: Line) -> Term:
    return Term(line.gross, line.figures, ("money", line.price.currency), line,
                structural=not line.loose)


def line_operand(line: Line, f: Figure) -> Term:
    return attrs.evolve(term_of(f), structural=not line.loose)


def combine(op: str, a: Term, b: Term) -> Term:
    if op in "+-":
        if a.dim != b.dim:
            raise Mismatch(f"{a.dim} {op} {b.dim}")
        dim = a.dim
    elif op == "*":
        dims = {a.dim[0], b.dim[0]}
        if "ratio" in dims:
            dim = b.dim if a.dim[0] == "ratio" else a.dim
        elif dims == {"count", "money"}:
            dim = a.dim if a.dim[0] == "money" else b.dim
        else:
            raise Mismatch(f"{a.dim} * {b.dim}")
    else:
        if b.dim[0] == "ratio":
            dim = a.dim
        elif a.dim == b.dim:
            dim = ("ratio",)
        elif a.dim[0] == "money" and b.dim[0] == "count":
            dim = a.dim
        else:
            raise Mismatch(f"{a.dim} / {b.dim}")
    iv = {"+": a.interval.__add__, "-": a.interval.__sub__, "*": a.interval.__mul__,
          "/": a.interval.__truediv__}[op](b.interval)
    return Term(iv, a.figures + b.figures, dim, structural=a.structural and b.structural)


def compute(node: expr.Node, bind: dict[str, Term]) -> Term:
    return expr.fold(node, bind.__getitem__,
                     lambda v: Term(Interval.point(v), (), ("ratio",)), combine)


def claimed(t: Term) -> list[Figure]:
    """The figures a term uses up: a line's price may be shared by several lines ("130,830,001
    placing shares and 11,733,334 subscription shares, both at the 1.5p Issue Price")."""
    if t.parts:
        return [f for p in t.parts for f in claimed(p)]
    if t.line is not None:
        return [t.line.quantity]
    return list(t.figures)


def add_up(terms: list[Term], structural: bool) -> list[Term]:
    figures = [id(f) for t in terms for f in claimed(t)]
    if len(set(figures)) != len(figures):
        return []
    try:
        total = terms[0]
        for t in terms[1:]:
            total = combine("+", total, t)
    except Mismatch:
        return []
    return [attrs.evolve(total, line=None, structural=structural, parts=tuple(terms))]


def addends(node: expr.Node) -> list[expr.Node]:
    """The terms of a top-level sum or difference (none for a product)."""
    if isinstance(node, expr.BinOp) and node.op in "+-":
        return [*(addends(node.left) or [node.left]), *(addends(node.right) or [node.right])]
    return []


def sum_roles(node: expr.Node) -> list[str]:
    if isinstance(node, expr.Sum):
        return [node.role]
    if isinstance(node, expr.BinOp):
        return sum_roles(node.left) + sum_roles(node.right)
    return []
