"""The rule expression language: a small, safe parser. Nothing is ever eval-ed.

    check   := ROLE ("==" | ">=" | "<=") sum
    sum     := product (("+" | "-") product)*
    product := factor (("*" | "/") factor)*
    factor  := ROLE | NUMBER | "sum" "(" ROLE ")" | "(" sum ")"

The left side is one role: the stated figure being checked. Names are role names only.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from decimal import Decimal
from typing import TypeVar

import attrs


class ExprError(ValueError):
    """A malformed expression; ``column`` is 1-based within the expression."""

    def __init__(self, message: str, column: int):
        super().__init__(f"column {column}: {message}")
        self.column = column


@attrs.frozen
class Role:
    name: str


@attrs.frozen
class Const:
    value: Decimal


@attrs.frozen
class Sum:
    role: str  # sum over every offering line (or figure) carrying this role


@attrs.frozen
class BinOp:
    op: str
    left: Node
    right: Node


Node = Role | Const | Sum | BinOp
T = TypeVar("T")


@attrs.frozen
class Check:
    stated: str
    relation: str  # "==", ">=", "<="
    computed: Node

    @property
    def operand_roles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(_roles(self.computed)))


@functools.cache
def monotone(node: Node) -> bool:
    """No subtraction: scaling one input by a factor below ten scales the result by less than
    ten (a changed digit keeps a figure's length, so it never scales it by ten or more)."""
    if isinstance(node, BinOp):
        return node.op != "-" and monotone(node.left) and monotone(node.right)
    return True


def _roles(node: Node):
    if isinstance(node, Role):
        yield node.name
    elif isinstance(node, Sum):
        yield f"sum({node.role})"
    elif isinstance(node, BinOp):
        yield from _roles(node.left)
        yield from _roles(node.right)


_TOKEN = re.compile(
    r"\s*(?:(?P<num>\d+(?:\.\d+)?)|(?P<name>[a-z_][a-z0-9_]*)|(?P<op>==|>=|<=|[-+*/()]))"
)


def _tokens(text: str) -> list[tuple[str, str, int]]:
    out, pos = [], 0
    while pos < len(text):
        if text[pos:].strip() == "":
            break
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            raise ExprError(f"unexpected character {text[pos:].lstrip()[:1]!r}", pos + 1)
        kind = m.lastgroup
        out.append((kind, m.group(kind), m.start(kind) + 1))
        pos = m.end()
    out.append(("end", "", len(text) + 1))
    return out


def parse(text: str, roles: frozenset[str] | set[str]) -> Check:
    """Parse a check expression; every name must be a known role."""
    toks = _tokens(text)
    i = 0

    def peek():
        return toks[i]

    def take(expected: str | None = None):
        nonlocal i
        tok = toks[i]
        if expected is not None and tok[1] != expected:
            raise ExprError(f"expected {expected!r}, found {tok[1] or 'end'!r}", tok[2])
        i += 1
        return tok

    def role(tok) -> str:
        if tok[0] != "name":
            raise ExprError(f"expected a role name, found {tok[1] or 'end'!r}", tok[2])
        if tok[1] == "sum" or tok[1] not in roles:
            raise ExprError(f"unknown role {tok[1]!r}", tok[2])
        return tok[1]

    def factor() -> Node:
        tok = take()
        if tok[0] == "num":
            return Const(Decimal(tok[1]))
        if tok[1] == "(":
            node = add()
            take(")")
            return node
        if tok[0] == "name" and tok[1] == "sum":
            take("(")
            inner = role(take())
            take(")")
            return Sum(inner)
        if tok[0] == "name" and peek()[1] == "(":
            raise ExprError(f"calls other than sum() are not allowed: {tok[1]!r}", tok[2])
        return Role(role(tok))

    def mul() -> Node:
        node = factor()
        while peek()[1] in ("*", "/"):
            op = take()[1]
            node = BinOp(op, node, factor())
        return node

    def add() -> Node:
        node = mul()
        while peek()[1] in ("+", "-"):
            op = take()[1]
            node = BinOp(op, node, mul())
        return node

    stated = role(take())
    relation = take()
    if relation[1] not in ("==", ">=", "<="):
        raise ExprError(f"expected ==, >= or <= after {stated!r}", relation[2])
    computed = add()
    if peek()[0] != "end":
        raise ExprError(f"unexpected {peek()[1]!r}", peek()[2])
    return Check(stated, relation[1], computed)


_SYMBOLS = {"*": "×", "/": "÷", "+": "+", "-": "−"}


def fold(node: Node, operand: Callable[[str], T], const: Callable[[Decimal], T],
         apply: Callable[[str, T, T], T]) -> T:
    """Evaluate ``node`` bottom up: ``operand`` gives the value bound to a role (or to
    "sum(role)"), ``const`` that of a number, ``apply`` combines two values by an operator."""
    if isinstance(node, Role):
        return operand(node.name)
    if isinstance(node, Sum):
        return operand(f"sum({node.role})")
    if isinstance(node, Const):
        return const(node.value)
    return apply(node.op, fold(node.left, operand, const, apply),
                 fold(node.right, operand, const, apply))


def render(node: Node, name, const=str) -> str:
    """The expression with each role replaced by ``name(role)`` and each number by
    ``const(value)``, in typographic operators."""
    if isinstance(node, Role):
        return name(node.name)
    if isinstance(node, Sum):
        return name(f"sum({node.role})")
    if isinstance(node, Const):
        return const(node.value)
    left, right = render(node.left, name, const), render(node.right, name, const)
    if isinstance(node.right, BinOp) and node.op in "*/-":
        right = f"({right})"
    if isinstance(node.left, BinOp) and node.op in "*/" and node.left.op in "+-":
        left = f"({left})"
    return f"{left} {_SYMBOLS[node.op]} {right}"
