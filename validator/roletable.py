"""The roles a rule may name, and which figures may stand for each: rules/roles.toml, as data."""

from __future__ import annotations

import tomllib
from functools import cache

import attrs

from .figures import Figure, Kind
from .rulefiles import RuleFileError, rules_dir

_KEYS = {"kind", "accepts", "loosely", "rejects", "narrowed"}


@attrs.frozen
class RuleRole:
    name: str
    kind: Kind | None  # None: any kind
    accepts: frozenset[str]  # vocabulary roles that make a figure stand for this role
    loosely: frozenset[str] = frozenset()  # ... only to confirm a relation
    rejects: frozenset[str] = frozenset()  # primary roles that name something else
    # a role of the checked figure that leaves only figures of the listed roles: "7.0% of the
    # gross proceeds" is measured against no net
    narrowed: tuple[tuple[str, frozenset[str]], ...] = ()

    def allows(self, stated: Figure, f: Figure) -> bool:
        """Whether ``f`` may stand for this role beside ``stated``, as its words narrow it
        to figures of the listed primary roles."""
        return all(key not in stated.roles or f.role in allowed for key, allowed in self.narrowed)

    def admits(self, f: Figure, loose: bool = False) -> bool:
        if self.kind is not None and f.kind is not self.kind:
            return False
        if loose:  # (asked of every figure for every role: no set built per call)
            return not self.loosely.isdisjoint(f.roles)
        return f.role not in self.rejects and not self.accepts.isdisjoint(f.roles)


def parse_roles(text: str, source: str) -> dict[str, RuleRole]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RuleFileError(f"{source}: {exc}") from None
    out = {}
    for name, table in data.items():
        if not isinstance(table, dict):
            raise RuleFileError(f"{source}: [{name}] must be a table")
        unknown = set(table) - _KEYS
        if unknown:
            raise RuleFileError(f"{source}: [{name}] unknown key {sorted(unknown)[0]!r}")
        kind = table.get("kind")
        if kind != "any":
            try:
                kind = Kind(kind)
            except ValueError:
                raise RuleFileError(f"{source}: [{name}] kind must be money, count, percent, "
                                    "number or any") from None
        lists = {}
        for key in ("accepts", "loosely", "rejects"):
            value = table.get(key, [name] if key == "accepts" else [])
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise RuleFileError(f"{source}: [{name}] {key} must be a list of role names")
            lists[key] = frozenset(value)
        narrowed = table.get("narrowed", {})
        if not isinstance(narrowed, dict) or not all(
                isinstance(v, list) and all(isinstance(r, str) for r in v)
                for v in narrowed.values()):
            raise RuleFileError(f"{source}: [{name}] narrowed must map roles to lists of roles")
        out[name] = RuleRole(name, None if kind == "any" else kind, lists["accepts"],
                             lists["loosely"], lists["rejects"],
                             tuple((k, frozenset(v)) for k, v in narrowed.items()))
    return out


@cache
def builtin_roles() -> dict[str, RuleRole]:
    path = rules_dir() / "roles.toml"
    return parse_roles(path.read_text(encoding="utf-8"), "rules/roles.toml")
