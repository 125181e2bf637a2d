import re

import pytest

from validator import check_text
from validator.expr import ExprError, parse
from validator.report import Status
from validator.rulefiles import RuleFileError
from validator.rules import ROLES, builtin_rules, load_rules, parse_rule

RULES = builtin_rules()
EXAMPLES = [pytest.param(rule, ex, id=f"{rule.id}-{'pass' if ex.holds else 'fail'}{i}")
            for rule in RULES for i, ex in enumerate(rule.examples)]


@pytest.mark.parametrize("rule, example", EXAMPLES)
def test_rule_examples(rule, example):
    """Each rule's own examples: a passing one is checked and passes, a failing one fails."""
    checks = [c for c in check_text(example.text).checks if c.rule == rule.id]
    evaluated = [c for c in checks if c.status is not Status.SKIPPED]
    assert evaluated, f"{rule.id} was not evaluated on its own example"
    failed = [c for c in evaluated if c.status is Status.FAIL]
    if example.holds:
        assert not failed, [c.message for c in failed]
    else:
        assert failed, f"{rule.id} did not fail on its failing example"


def test_rules_have_unique_ids_and_kebab_names():
    assert len({r.id for r in RULES}) == len(RULES)
    assert all(r.name == r.name.lower() and " " not in r.name for r in RULES)


@pytest.mark.parametrize("expression", [
    "gross == quantity * price", "net == gross - commission", "aggregate == sum(gross)",
    "commission == rate * (gross)", "gross >= quantity * price",
])
def test_expressions_parse(expression):
    assert parse(expression, ROLES).stated in ROLES


@pytest.mark.parametrize("expression, problem", [
    ("gross == shares * price", "unknown role 'shares'"),
    ("gross == __import__('os')", "unexpected character \"'\""),
    ("gross == quantity.real", "unexpected character '.'"),
    ("gross == len(quantity)", "calls other than sum() are not allowed"),
    ("gross == [q for q in quantity]", "unexpected character '['"),
    ("gross == quantity *", "expected a role name"),
    ("gross = quantity", "unexpected character '='"),
    ("gross == (quantity * price", "expected ')'"),
])
def test_bad_expressions_are_rejected(expression, problem):
    with pytest.raises(ExprError, match=re.escape(problem)):
        parse(expression, ROLES)


GOOD = '''id = "PV900"
name = "test-rule"
summary = "s"
severity = "error"
scope = "line"
check = "gross == quantity * price"
message = "m {expected}"
explanation = "e"
[[examples]]
holds = true
text = "a"
[[examples]]
holds = false
text = "b"
'''


@pytest.mark.parametrize("change, problem", [
    (('check = "gross == quantity * price"', 'check = "gross == shares * price"'),
     r"x\.toml:6: check: column 10: unknown role 'shares'"),
    (('id = "PV900"', 'id = "X1"'), r"x\.toml:1: id: 'X1' is not of the form PV001"),
    (('severity = "error"', 'severity = "fatal"'), r"x\.toml:4: severity"),
    (('name = "test-rule"', 'name = "Test Rule"'), r"x\.toml:2: name: .* not kebab-case"),
    (('message = "m {expected}"', 'message = "m {nope}"'), r"unknown placeholder \{nope\}"),
    (('holds = true', 'holds = 1'), r"holds a boolean"),
    (('scope = "line"', 'scope = "line"\ncolour = "red"'), r"x\.toml:6: colour: unknown key"),
    (('summary = "s"', 'summary = '), r"x\.toml: TOML syntax error"),
    (('scope = "line"', 'scope = "line"\ntargets = "yes"'), r"x\.toml:6: targets: must be true"),
    (('scope = "line"', 'scope = "line"\napproximately = "<"'),
     r"x\.toml:6: approximately: must be"),
    (('scope = "line"', 'scope = "line"\nunless = "reduced_rate"'),
     r"x\.toml:6: unless: must be a list of role names"),
])
def test_bad_rule_files_name_file_and_line(change, problem):
    with pytest.raises(RuleFileError, match=problem):
        parse_rule(GOOD.replace(*change), "x.toml")


def test_duplicate_rule_id_is_an_error(tmp_path):
    (tmp_path / "dup.toml").write_text(GOOD.replace("PV900", "PV001"))
    with pytest.raises(RuleFileError, match="duplicate rule id PV001"):
        load_rules((tmp_path,))


def test_extra_rule_directory_is_loaded(tmp_path):
    (tmp_path / "extra.toml").write_text(GOOD)
    assert "PV900" in {r.id for r in load_rules((tmp_path,))}
