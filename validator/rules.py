"""Rules as data: rule files are parsed and strictly validated into frozen Rule objects, once."""

from __future__ import annotations

import re
import string
import tomllib
from functools import cache
from pathlib import Path

import attrs

from . import expr
from .roletable import builtin_roles
from .rulefiles import RuleFileError, rules_dir

# Roles a rule may name: rules/roles.toml (which figures may stand for each).
ROLES = frozenset(builtin_roles())
SCOPES = ("line", "document", "sentence", "restatement", "repeat", "table")
SEVERITIES = ("error", "warning")
_KEYS = {"id", "name", "summary", "severity", "scope", "check", "message", "explanation",
         "examples", "aliases", "targets", "approximately", "unless"}
_ID = re.compile(r"^PV\d{3}$")
_NAME = re.compile(r"^[a-z]+(?:-[a-z]+)*$")
_PLACEHOLDERS = {"expected", "stated", "difference", "relation", "computed"}


@attrs.frozen
class Example:
    """A release text shipped with a rule, and whether the rule holds on it."""

    text: str
    holds: bool


@attrs.frozen
class Rule:
    """One rule, parsed from its file: the check over roles, its words and its examples."""

    id: str
    name: str
    summary: str
    severity: str
    scope: str
    check: expr.Check
    check_text: str
    message: str
    explanation: str
    examples: tuple[Example, ...]
    source: str
    # the stated figure is compared with "up to" targets although it is not one itself: a
    # total "if the over-allotment option is exercised in full"
    targets: bool = False
    # the relation an approximate stated figure must meet instead of the check's own: "<="
    # for a net "approximately C$5.5 million" after other expenses too
    approximately: str | None = None
    # vocabulary roles that, in the stated figure's sentence, say the relation is another
    # one: a commission "reduced to 3.0%" for part of the gross is no single rate's product
    unless: tuple[str, ...] = ()

    @property
    def roles(self) -> tuple[str, ...]:
        """The stated role, then the operand roles."""
        return (self.check.stated, *self.check.operand_roles)


def _line_of(text: str, key: str) -> int:
    m = re.search(rf"(?m)^\s*{re.escape(key)}\s*=", text)
    return text.count("\n", 0, m.start()) + 1 if m else 1


def parse_rule(text: str, source: str) -> Rule:
    """One rule from the text of its TOML file; every problem names the file and line."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RuleFileError(f"{source}: TOML syntax error: {exc}") from None

    def fail(key: str, problem: str):
        raise RuleFileError(f"{source}:{_line_of(text, key)}: {key}: {problem}")

    for key in data:
        if key not in _KEYS:
            fail(key, "unknown key")
    for key in ("id", "name", "summary", "severity", "scope", "check", "message", "explanation"):
        if key not in data:
            raise RuleFileError(f"{source}:1: missing required key {key!r}")
        if not isinstance(data[key], str) or not data[key].strip():
            fail(key, "must be a non-empty string")
    if not _ID.match(data["id"]):
        fail("id", f"{data['id']!r} is not of the form PV001")
    if not _NAME.match(data["name"]):
        fail("name", f"{data['name']!r} is not kebab-case")
    if data["severity"] not in SEVERITIES:
        fail("severity", f"must be one of {', '.join(SEVERITIES)}")
    if data["scope"] not in SCOPES:
        fail("scope", f"must be one of {', '.join(SCOPES)}")
    try:
        check = expr.parse(data["check"], ROLES)
    except expr.ExprError as exc:
        fail("check", str(exc))
    used = {f for _, f, _, _ in string.Formatter().parse(data["message"]) if f}
    if used - _PLACEHOLDERS:
        fail("message", f"unknown placeholder {{{sorted(used - _PLACEHOLDERS)[0]}}}")
    examples = []
    for i, ex in enumerate(data.get("examples", [])):
        if not isinstance(ex, dict) or set(ex) != {"text", "holds"}:
            fail("examples", f"example {i + 1} needs exactly `text` and `holds`")
        if not isinstance(ex["text"], str) or type(ex["holds"]) is not bool:
            fail("examples", f"example {i + 1}: text must be a string and holds a boolean")
        examples.append(Example(ex["text"], ex["holds"]))
    if {e.holds for e in examples} != {True, False}:
        fail("examples", "a rule needs at least one passing and one failing example")
    if type(data.get("targets", False)) is not bool:
        fail("targets", "must be true or false")
    if data.get("approximately") not in (None, "==", "<=", ">="):
        fail("approximately", 'must be "==", "<=" or ">="')
    unless = data.get("unless", [])
    if not isinstance(unless, list) or not all(isinstance(r, str) for r in unless):
        fail("unless", "must be a list of role names")
    return Rule(data["id"], data["name"], data["summary"].strip(), data["severity"],
                data["scope"], check, data["check"], data["message"].strip(),
                data["explanation"].strip(), tuple(examples), source,
                data.get("targets", False), data.get("approximately"), tuple(unless))


def load_rules(paths: tuple[Path, ...] = ()) -> tuple[Rule, ...]:
    """The shipped rules plus any extra rule files or directories, sorted by id."""
    files = sorted(rules_dir().glob("PV*.toml"))
    for p in paths:
        p = Path(p)
        if p.is_dir():
            files.extend(sorted(p.glob("*.toml")))
        elif p.is_file():
            files.append(p)
        else:
            raise RuleFileError(f"{p}: no such rule file or directory")
    rules: dict[str, Rule] = {}
    for f in files:
        try:
            text = f.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise RuleFileError(f"{f}: cannot read rule file ({exc})") from None
        rule = parse_rule(text, str(f))
        if rule.id in rules:
            raise RuleFileError(f"{f}:{_line_of(text, 'id')}: id: duplicate rule id {rule.id} "
                                f"(also in {rules[rule.id].source})")
        rules[rule.id] = rule
    return tuple(sorted(rules.values(), key=lambda r: r.id))


@cache
def builtin_rules() -> tuple[Rule, ...]:
    """The shipped rules, loaded once."""
    return load_rules()
