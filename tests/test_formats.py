"""The machine-readable formats, each read back the way its consumer reads it."""

import json
import os
import re
import xml.etree.ElementTree as ET

import jsonschema
import pytest

from tests.conftest import ROOT
from validator.cli import main
from validator.rules import builtin_rules

SARIF_SCHEMA = ROOT.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"
TYPO = ROOT / "examples" / "tecogen-2013-12-typo.txt"
CLEAN = ROOT / "examples" / "tecogen-2013-12.txt"


def output(capsys, *args):
    code = main(["check", "--jobs", "1", *map(str, args)])
    return code, capsys.readouterr()


@pytest.fixture
def sarif_schema():
    if not SARIF_SCHEMA.is_file():
        # shared/ is beside the checkout in CI, where the schema must be found
        (pytest.fail if os.environ.get("CI") else pytest.skip)(
            f"the official SARIF schema is not at {SARIF_SCHEMA}")
    return json.loads(SARIF_SCHEMA.read_text())


def test_sarif_is_valid_against_the_official_schema(capsys, sarif_schema, tmp_path):
    missing = tmp_path / "missing.txt"
    code, out = output(capsys, "--format", "sarif", TYPO, CLEAN, missing)
    assert code == 2
    data = json.loads(out.out)
    validator = jsonschema.validators.validator_for(sarif_schema)(sarif_schema)
    assert not [e.message for e in validator.iter_errors(data)]
    (run,) = data["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert {r["id"] for r in rules} >= {r.id for r in builtin_rules()}
    (result,) = run["results"]
    assert result["ruleId"] == "PV001" and result["level"] == "error"
    assert rules[result["ruleIndex"]]["id"] == "PV001"
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["snippet"]["text"]) == (3, "$957,357")
    assert region["endColumn"] - region["startColumn"] == len("$957,357")
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == str(TYPO)
    # the unreadable file is a notification, and the run says it did not fully succeed
    (invocation,) = run["invocations"]
    assert not invocation["executionSuccessful"]
    assert "missing.txt: no such file" in invocation["toolExecutionNotifications"][0][
        "message"]["text"]


def test_sarif_marks_a_suppressed_failure_in_source(capsys, sarif_schema, tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text(TYPO.read_text().replace(
        "WALTHAM", "<!-- placement-validator: ignore PV001 -->\nWALTHAM", 1))
    code, out = output(capsys, "--format", "sarif", draft)
    assert code == 0
    data = json.loads(out.out)
    validator = jsonschema.validators.validator_for(sarif_schema)(sarif_schema)
    assert not list(validator.iter_errors(data))
    (result,) = data["runs"][0]["results"]
    assert result["suppressions"] == [{"kind": "inSource"}]


_COMMAND = re.compile(r"^::(?P<level>error|warning|notice) (?P<props>[^:]*)::(?P<message>.*)$")


def _unescape(text):
    return (text.replace("%0A", "\n").replace("%0D", "\r").replace("%3A", ":")
            .replace("%2C", ",").replace("%25", "%"))


def parse_github(text):
    out = []
    for line in text.splitlines():
        m = _COMMAND.match(line)
        assert m, f"not a workflow command: {line!r}"
        props = dict(p.split("=", 1) for p in m.group("props").split(","))
        out.append((m.group("level"), {k: _unescape(v) for k, v in props.items()},
                    _unescape(m.group("message"))))
    return out


def test_github_annotations_parse_back_to_the_failures(capsys, tmp_path):
    odd = tmp_path / "a, b: 100%.txt"  # every character the runner needs escaped
    odd.write_text(TYPO.read_text())
    code, out = output(capsys, "--format", "github", odd, CLEAN)
    assert code == 1
    (annotation,) = parse_github(out.out)
    level, props, message = annotation
    assert level == "error"
    assert props["file"] == str(odd)
    assert (props["line"], props["col"]) == ("3", "215")
    assert int(props["endColumn"]) - int(props["col"]) == len("$957,357")
    assert props["title"] == "PV001 gross-equals-quantity-times-price"
    assert message.startswith("gross ≠ quantity × price") and "off by $18.00" in message


def test_github_reports_an_unreadable_file_as_an_error_on_it(capsys, tmp_path):
    code, out = output(capsys, "--format", "github", tmp_path / "gone.txt")
    assert code == 2
    ((level, props, message),) = parse_github(out.out)
    assert level == "error" and props["file"].endswith("gone.txt") and "no such file" in message


def test_junit_has_a_case_per_document_and_rule(capsys, tmp_path):
    code, out = output(capsys, "--format", "junit", TYPO, CLEAN, tmp_path / "gone.txt")
    assert code == 2
    root = ET.fromstring(out.out)
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [str(TYPO), str(CLEAN), str(tmp_path / "gone.txt")]
    typo_cases = {c.get("name").split()[0]: c for c in suites[0].findall("testcase")}
    assert typo_cases["PV001"].find("failure") is not None
    assert "$957,357" in typo_cases["PV001"].find("failure").get("message")
    assert all(c.find("failure") is None for c in suites[1].findall("testcase"))
    assert suites[2].find("testcase/error") is not None
    assert sum(int(s.get("failures")) for s in suites) == 1
    assert sum(int(s.get("errors")) for s in suites) == 1
    assert all(int(s.get("tests")) == len(s.findall("testcase")) for s in suites)


def test_output_file_gets_the_format_and_the_terminal_the_text_summary(capsys, tmp_path):
    target = tmp_path / "report.json"
    code, out = output(capsys, "--format", "json", "--output", target, TYPO)
    assert code == 1
    assert json.loads(target.read_text())["summary"]["failures"] == 1
    assert "PV001 error" in out.out and "1 document(s)" in out.out
    assert not out.out.lstrip().startswith("{")


def test_statistics_count_failures_per_rule(capsys, tmp_path):
    for i in range(3):
        (tmp_path / f"d{i}.txt").write_text(TYPO.read_text())
    code, out = output(capsys, "--statistics", tmp_path)
    assert code == 1
    first, last = out.out.splitlines()
    assert first.split() == ["3", "PV001", "gross-equals-quantity-times-price"]
    assert last.startswith("3 failure(s) in 3 document(s)")
