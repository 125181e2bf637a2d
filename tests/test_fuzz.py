"""Fuzzing with hypothesis: arbitrary text, mixtures of figures and keywords, and mutations of
real releases never raise (beyond the documented InputError for an oversized text) and always
give a report valid against JSON schema v1 and SARIF 2.1.0. The coverage-guided fuzz target
for the scanner and the rule-expression parser is fuzz/fuzz_targets.py (README)."""

import json

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import ROOT
from tests.strategies import deals
from validator import InputError, check_text
from validator.formats import FORMATS
from validator.report import Report
from validator.rules import builtin_rules

REPORT_SCHEMA = json.loads((ROOT / "schemas" / "report-v1.schema.json").read_text())
_REPORT = jsonschema.Draft202012Validator(REPORT_SCHEMA)
_SARIF_PATH = ROOT.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"
_SARIF = (jsonschema.Draft4Validator(json.loads(_SARIF_PATH.read_text()))
          if _SARIF_PATH.is_file() else None)
RULES = builtin_rules()
EXAMPLES = [p.read_text() for p in sorted((ROOT / "examples").glob("*.txt"))]

KEYWORDS = ["shares", "units", "at", "per share", "for gross proceeds of", "commission of",
            "net proceeds of", "approximately", "over", "up to", "in aggregate", "total",
            "one-half of one warrant", "representing", "% of the issued and outstanding",
            "Raises", "\n", "\n\n", ".", ",", "(", ")", "|", "<!-- placement-validator: "
            "ignore PV001 -->", "tranche", "finder's fee", "million", "per cent", "C$", "US$",
            "£", "€", "p", "pence", "Mio.", "crore", "1,250", "2,5", "1.234.567"]
NUMBERS = st.one_of(
    st.integers(min_value=0, max_value=10**12).map(lambda n: f"{n:,}"),
    st.decimals(min_value=0, max_value=10**6, places=2).map(lambda d: f"${d}"),
    st.integers(min_value=0, max_value=100).map(lambda n: f"{n}%"),
    st.from_regex(r"[0-9][0-9,. ']{0,14}[0-9]", fullmatch=True),
)


def assert_valid(text: str) -> None:
    try:
        report = check_text(text, path="fuzz.txt", rules=RULES)
    except InputError as exc:  # documented: a text too large to be one release
        assert "\n" not in str(exc)
        return
    batch = Report((report,))
    data = json.loads(FORMATS["json"](batch))
    errors = [e.message for e in _REPORT.iter_errors(data)]
    assert not errors, errors[:3]
    for c in report.checks:
        assert c.status.value in ("pass", "fail", "skipped")
        if c.where is not None:
            assert c.where.line >= 1 and c.where.column >= 1
    if _SARIF is not None:
        sarif = json.loads(FORMATS["sarif"](batch, rules=RULES))
        assert not [e.message for e in _SARIF.iter_errors(sarif)][:3]
    for name in ("text", "github", "junit"):
        assert isinstance(FORMATS[name](batch, rules=RULES), str)


FUZZ = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(st.text(max_size=400))
def test_arbitrary_text(text):
    assert_valid(text)


@FUZZ
@given(st.lists(st.one_of(st.sampled_from(KEYWORDS), NUMBERS, st.text(max_size=8)),
                max_size=40).map(" ".join))
def test_mixtures_of_figures_and_keywords(text):
    assert_valid(text)


@st.composite
def mutations(draw):
    text = draw(st.sampled_from(EXAMPLES) | deals().map(lambda d: d[0]))
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        i = draw(st.integers(min_value=0, max_value=max(0, len(text) - 1)))
        op = draw(st.sampled_from(["delete", "insert", "replace", "duplicate"]))
        piece = draw(st.sampled_from(KEYWORDS) | NUMBERS | st.text(max_size=3))
        if op == "delete":
            text = text[:i] + text[i + draw(st.integers(1, 20)):]
        elif op == "insert":
            text = text[:i] + piece + text[i:]
        elif op == "replace":
            text = text[:i] + piece + text[i + len(piece):]
        else:
            text = text[:i] + text[i:i + 200] + text[i:]
    return text


@FUZZ
@given(mutations())
def test_mutations_of_real_releases(text):
    assert_valid(text)


@pytest.mark.parametrize("text", EXAMPLES)
def test_the_examples_give_valid_reports(text):
    assert_valid(text)
