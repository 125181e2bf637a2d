import json
import subprocess
import sys

import pytest

from validator.cli import main
from validator.rules import builtin_rules


def run(*args):
    return subprocess.run([sys.executable, "-m", "validator", *args], capture_output=True,
                          text=True)


def test_shipped_example_is_clean(examples_dir, capsys):
    assert main(["check", str(examples_dir / "tecogen-2013-12.txt")]) == 0
    assert "0 error(s)" in capsys.readouterr().out


def test_typo_is_located_with_expected_value_and_difference(examples_dir, capsys):
    path = examples_dir / "tecogen-2013-12-typo.txt"
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    line = next(x for x in out.splitlines() if "PV001" in x)
    assert line.startswith(f"{path}:3:")
    assert "212,750 × $4.50 = $957,375.00" in line
    assert "states $957,357 (off by $18.00)" in line
    assert "^^^^^^^^" in out  # a caret under the figure


def test_json_schema_v1(examples_dir, capsys):
    assert main(["check", "--format", "json", str(examples_dir / "tecogen-2013-12-typo.txt")]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == "placement-validator/report/v1"
    doc = data["documents"][0]
    ids = {f["id"] for f in doc["figures"]}
    for f in doc["figures"]:
        assert {"id", "text", "value", "low", "high", "kind", "currency", "role", "start", "end",
                "line", "column"} <= set(f)
    failed = [c for c in doc["checks"] if c["status"] == "fail"]
    assert [c["rule"] for c in failed] == ["PV001"]
    assert failed[0]["expected"] == "957375" and failed[0]["stated"] == "957357"
    assert failed[0]["difference"] == "-18"
    assert set(failed[0]["figures"]) <= ids
    assert data["summary"] == {"documents": 1, "checks": len(doc["checks"]), "failures": 1,
                               "errors": 0, "suppressed": 0}


def test_bad_file_is_one_line_error_and_batch_continues(examples_dir, tmp_path):
    binary = tmp_path / "logo.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Raising \xa3 1 million".encode("latin-1"))
    good = examples_dir / "tecogen-2013-12.txt"
    result = run("check", "--format", "json", str(tmp_path / "missing.txt"), str(binary),
                 str(latin), str(good))
    assert result.returncode == 2
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 3 and "Traceback" not in result.stderr
    assert "missing.txt: no such file" in errors[0]
    assert "logo.png: binary file" in errors[1]
    assert "latin.txt: not valid UTF-8" in errors[2]
    docs = json.loads(result.stdout)["documents"]
    assert docs[3]["path"] == str(good) and docs[3]["checks"]


def test_bad_rule_file_is_a_usage_error(tmp_path):
    (tmp_path / "bad.toml").write_text('id = "PV999"\n')
    result = run("check", "--rules", str(tmp_path), "x.txt")
    assert result.returncode == 2
    assert "missing required key" in result.stderr and "Traceback" not in result.stderr


def test_rules_and_rule_commands(capsys):
    assert main(["rules"]) == 0
    listing = capsys.readouterr().out
    assert listing.count("\n") >= 8 and "PV001" in listing
    assert main(["rule", "PV001"]) == 0
    text = capsys.readouterr().out
    assert "gross == quantity * price" in text and "Passes:" in text and "Fails:" in text


@pytest.mark.parametrize("args", [["check"], ["nonsense"]])
def test_usage_errors_exit_2(args):
    assert run(*args).returncode == 2


def test_rules_that_made_no_check_are_listed_with_the_roles_they_lacked(examples_dir, capsys):
    main(["check", "--format", "json", str(examples_dir / "tecogen-2013-12.txt")])
    doc = json.loads(capsys.readouterr().out)["documents"][0]
    not_applied = {x["rule"]: x["missing_roles"] for x in doc["not_applied"]}
    checked = {c["rule"] for c in doc["checks"]}
    assert not_applied["PV003"] == ["rate"]  # the release states no commission rate
    assert not checked & set(not_applied)
    assert checked | set(not_applied) == {r.id for r in builtin_rules()}


def test_a_plain_text_run_imports_only_what_it_uses(examples_dir):
    # start-up time: other formats, readers and the process pool load on demand
    code = ("import sys; from validator.cli import main; "
            f"main(['check', {str(examples_dir / 'tecogen-2013-12.txt')!r}]); "
            "print(sorted(m for m in sys.modules if m.startswith(("
            "'concurrent.futures.process', 'html.parser', "
            "'validator.formats.sarif', 'validator.formats.junit', 'validator.inputs.'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.splitlines()[-1] == "[]", out.stderr
