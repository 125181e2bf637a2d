"""Settings: where they are found, which wins, and what each does to the exit code and report."""

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT
from validator import config
from validator.cli import main

TYPO = (ROOT / "examples" / "tecogen-2013-12-typo.txt").read_text()
CLEAN = (ROOT / "examples" / "tecogen-2013-12.txt").read_text()


def check(capsys, *args):
    code = main(["check", "--jobs", "1", *map(str, args)])
    return code, capsys.readouterr()


def rules_failing(capsys, *args):
    code, out = check(capsys, "--format", "json", *args)
    docs = json.loads(out.out)["documents"]
    return code, [(c["rule"], c["severity"]) for d in docs for c in d["checks"]
                  if c["status"] == "fail" and not c["suppressed"]]


@pytest.fixture
def tree(tmp_path):
    """project/ with a draft in drafts/ and one in drafts/legacy/."""
    (tmp_path / "drafts" / "legacy").mkdir(parents=True)
    (tmp_path / "drafts" / "typo.txt").write_text(TYPO)
    (tmp_path / "drafts" / "legacy" / "old.md").write_text(TYPO)
    return tmp_path


def test_select_ignore_and_prefixes(capsys, tree):
    draft = tree / "drafts" / "typo.txt"
    assert rules_failing(capsys, draft) == (1, [("PV001", "error")])
    assert rules_failing(capsys, "--ignore", "PV001", draft) == (0, [])
    assert rules_failing(capsys, "--ignore", "PV00", draft) == (0, [])
    assert rules_failing(capsys, "--select", "PV002,PV005", draft) == (0, [])
    # the longer selector wins: ignore the family, select one of it back
    assert rules_failing(capsys, "--ignore", "PV", "--select", "PV001", draft)[0] == 1


def test_severity_override_and_fail_on(capsys, tree):
    draft = tree / "drafts" / "typo.txt"
    code, failing = rules_failing(capsys, "--severity", "PV001=warning", draft)
    assert (code, failing) == (0, [("PV001", "warning")])
    assert rules_failing(capsys, "--severity", "PV001=warning", "--fail-on", "warning",
                         draft)[0] == 1


def test_nearest_config_file_applies_and_the_command_line_overrides_it(capsys, tree):
    (tree / "pyproject.toml").write_text(
        '[tool.placement-validator]\nseverity = { PV001 = "warning" }\nfail-on = "warning"\n')
    draft = tree / "drafts" / "typo.txt"
    assert rules_failing(capsys, draft) == (1, [("PV001", "warning")])
    assert rules_failing(capsys, "--fail-on", "error", draft)[0] == 0
    # a nearer placement-validator.toml wins over the pyproject.toml above it
    (tree / "drafts" / "placement-validator.toml").write_text('ignore = ["PV001"]\n')
    assert rules_failing(capsys, draft) == (0, [])
    # ... and --config names another file instead of the nearest
    other = tree / "other.toml"
    other.write_text('select = ["PV001"]\n')
    assert rules_failing(capsys, "--config", other, draft) == (1, [("PV001", "error")])


def test_pyproject_without_our_table_is_passed_over(tree):
    (tree / "pyproject.toml").write_text('[tool.placement-validator]\nfail-on = "warning"\n')
    (tree / "drafts" / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert config.find(tree / "drafts" / "typo.txt") == tree / "pyproject.toml"


def test_per_file_ignores_are_relative_to_the_config_file(capsys, tree):
    (tree / "placement-validator.toml").write_text(
        '[per-file-ignores]\n"drafts/legacy/*" = ["PV001"]\n')
    code, out = check(capsys, "--format", "json", tree / "drafts")
    docs = {os.path.basename(d["path"]): d for d in json.loads(out.out)["documents"]}
    assert set(docs) == {"typo.txt", "old.md"}
    assert any(c["rule"] == "PV001" and c["status"] == "fail" for c in docs["typo.txt"]["checks"])
    assert not any(c["rule"] == "PV001" for c in docs["old.md"]["checks"])
    assert code == 1


def test_config_command_shows_each_setting_and_its_source(capsys, tree):
    (tree / "pyproject.toml").write_text(
        '[tool.placement-validator]\nignore = ["PV016"]\nlocale = "de_DE"\n')
    assert main(["config", str(tree / "drafts")]) == 0
    out = capsys.readouterr().out
    assert f"configuration file: {tree / 'pyproject.toml'}" in out
    lines = {line.split()[0]: line for line in out.splitlines()[1:]}
    assert "PV016" in lines["ignore"] and str(tree / "pyproject.toml") in lines["ignore"]
    assert "de_DE" in lines["locale"]
    assert lines["fail-on"].endswith("(default)") and " error " in lines["fail-on"]


@pytest.mark.parametrize("text, message", [
    ("select = [\n", "invalid TOML"),
    ("selekt = []\n", "unknown setting 'selekt'"),
    ('select = ["PV999"]\n', "unknown rule PV999 in select"),
    ('select = ["foo"]\n', "'FOO' is not a rule id or prefix"),
    ('fail-on = "info"\n', "fail-on must be error or warning"),
    ('locale = "xx_YY"\n', "xx_YY"),
])
def test_a_bad_config_is_a_clear_error_and_other_files_are_still_checked(
        capsys, tmp_path, text, message):
    bad, good = tmp_path / "bad", tmp_path / "good"
    bad.mkdir()
    good.mkdir()
    (bad / "placement-validator.toml").write_text(text)
    (bad / "a.txt").write_text(CLEAN)
    (good / "b.txt").write_text(TYPO)
    code, out = check(capsys, "--format", "json", bad / "a.txt", good / "b.txt")
    assert code == 2
    docs = json.loads(out.out)["documents"]
    assert message in docs[0]["error"] and "\n" not in docs[0]["error"]
    assert any(c["status"] == "fail" for c in docs[1]["checks"])
    assert "Traceback" not in out.err


def test_directories_are_walked_for_included_files_and_excludes_skip(capsys, tree):
    (tree / "drafts" / "notes.csv").write_text(TYPO)
    (tree / "drafts" / "node_modules").mkdir()
    (tree / "drafts" / "node_modules" / "x.txt").write_text(TYPO)
    code, out = check(capsys, "--format", "json", tree)
    paths = [os.path.relpath(d["path"], tree) for d in json.loads(out.out)["documents"]]
    assert paths == ["drafts/typo.txt", "drafts/legacy/old.md"]  # a directory's files first
    code, out = check(capsys, "--format", "json", "--exclude", "legacy", "--include", "*.txt",
                      tree)
    paths = [os.path.relpath(d["path"], tree) for d in json.loads(out.out)["documents"]]
    assert paths == ["drafts/typo.txt"]
    empty = tree / "empty"
    empty.mkdir()
    code, out = check(capsys, empty)
    assert code == 2 and "no files matching *.txt *.md *.html *.htm" in out.out


def test_stdin_is_read_for_a_dash():
    result = subprocess.run([sys.executable, "-m", "validator", "check", "-"], input=TYPO,
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stdout.startswith("<stdin>:3:215: PV001 error")


def test_jobs_give_the_serial_output_in_the_same_order(tmp_path):
    for i in range(6):
        (tmp_path / f"d{i}.txt").write_text(TYPO if i % 2 else CLEAN)
    outputs = []
    for jobs in ("1", "2"):
        result = subprocess.run([sys.executable, "-m", "validator", "check", "--format", "json",
                                 "--jobs", jobs, str(tmp_path)], capture_output=True, text=True)
        assert result.returncode == 1
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1]
    assert [os.path.basename(d["path"]) for d in json.loads(outputs[0])["documents"]] == \
        [f"d{i}.txt" for i in range(6)]


def _on_a_terminal(*args, env=None):
    """Run the CLI with stdout and stderr on a pseudo-terminal; what it wrote there."""
    import pty
    main_fd, child_fd = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "validator", *map(str, args)],
                            stdout=child_fd, stderr=child_fd,
                            env={**os.environ, **(env or {})})
    os.close(child_fd)
    chunks = []
    while True:
        try:
            data = os.read(main_fd, 65536)
        except OSError:  # the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    proc.wait()
    os.close(main_fd)
    return proc.returncode, b"".join(chunks).decode()


def test_colour_only_on_a_terminal_and_never_with_no_color(tmp_path):
    draft = tmp_path / "typo.txt"
    draft.write_text(TYPO)
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    code, out = _on_a_terminal("check", draft, env=env)
    assert code == 1 and "\x1b[31m" in out
    assert "\x1b[" not in _on_a_terminal("check", "--no-color", draft, env=env)[1]
    assert "\x1b[" not in _on_a_terminal("check", draft, env={"NO_COLOR": "1"})[1]
    piped = subprocess.run([sys.executable, "-m", "validator", "check", str(draft)],
                           capture_output=True, text=True)
    assert "\x1b[" not in piped.stdout


def test_a_long_batch_on_a_terminal_shows_progress(tmp_path):
    for i in range(25):
        (tmp_path / f"d{i:02}.txt").write_text(CLEAN)
    code, out = _on_a_terminal("check", "--jobs", "1", "--no-color", tmp_path)
    assert code == 0 and "25/25 checked" in out and "1/25 checked" in out
    few = tmp_path / "few"
    few.mkdir()
    (few / "a.txt").write_text(CLEAN)
    assert "checked" not in _on_a_terminal("check", few)[1].replace("check(s)", "")


def test_a_locale_from_the_configuration_reads_the_numbers(capsys, tmp_path):
    text = "Acme sold 1.500 shares at EUR 2 for EUR 3.000.\n"
    draft = tmp_path / "draft.txt"
    draft.write_text(text)
    code, out = check(capsys, "--format", "json", draft)
    values = [f["value"] for f in json.loads(out.out)["documents"][0]["figures"]]
    (tmp_path / "placement-validator.toml").write_text('locale = "de_DE"\n')
    code, out = check(capsys, "--format", "json", draft)
    german = [f["value"] for f in json.loads(out.out)["documents"][0]["figures"]]
    assert values[0] == "1.5" and german == ["1500", "2", "3000"]


def test_extra_rule_directories_from_the_configuration_are_loaded(capsys, tmp_path):
    house = tmp_path / "house"
    house.mkdir()
    (house / "PV101.toml").write_text('''id = "PV101"
name = "commission-at-most-five-percent"
summary = "The house caps a commission at 5% of the gross."
severity = "warning"
scope = "line"
check = "commission <= 0.05 * gross"
message = "commission over the cap — {expected} at most, but the release states {stated}"
explanation = "Our house rule."
[[examples]]
holds = true
text = "It sold 100,000 shares at $1.00 per share for $100,000, paying a commission of $5,000."
[[examples]]
holds = false
text = "It sold 100,000 shares at $1.00 per share for $100,000, paying a commission of $7,000."
''')
    draft = tmp_path / "draft.txt"
    draft.write_text("It sold 100,000 shares at $1.00 per share for $100,000, paying a "
                     "commission of $7,000.\n")
    assert rules_failing(capsys, draft) == (0, [])
    (tmp_path / "placement-validator.toml").write_text('rules = ["house"]\n')
    assert rules_failing(capsys, draft) == (0, [("PV101", "warning")])
    # ... and a rule directory that does not exist is a clear error on the file
    (tmp_path / "placement-validator.toml").write_text('rules = ["nowhere"]\n')
    code, out = check(capsys, draft)
    assert code == 2 and "nowhere: no such rule file or directory" in out.out
