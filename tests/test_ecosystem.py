"""The pre-commit hook and the GitHub Action run the exact commands they declare."""

import re
import shlex
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

BIN = Path(sys.executable).parent


def _field(text: str, key: str) -> str:
    m = re.search(rf"^\s*-?\s*{key}:\s*(.+)$", text, re.MULTILINE)
    assert m, f"no {key} in the file"
    return m.group(1).strip()


def _run(command: list[str]):
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT,
                          env={"PATH": f"{BIN}:/usr/bin:/bin"})


def test_pre_commit_hook_entry_checks_the_files_it_is_given():
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text()
    assert _field(hooks, "id") == "placement-validator"
    assert _field(hooks, "language") == "python"
    files = re.compile(_field(hooks, "files"))
    typo, clean = "examples/tecogen-2013-12-typo.txt", "examples/tecogen-2013-12.txt"
    assert files.search(typo) and files.search("draft.md") and not files.search("x.py")
    entry = shlex.split(_field(hooks, "entry"))
    assert _run([*entry, clean]).returncode == 0
    failed = _run([*entry, clean, typo])  # pre-commit appends the staged file names
    assert failed.returncode == 1 and "PV001 error" in failed.stdout


def test_action_runs_the_check_with_github_annotations():
    action = (ROOT / "action.yml").read_text()
    assert _field(action, "using") == "composite"
    steps = re.findall(r"^\s*run:\s*(.+)$", action, re.MULTILINE)
    check = next(s for s in steps if "placement-validator check" in s)
    inputs = {"inputs.args": "--no-color", "inputs.paths": "examples/"}
    command = re.sub(r"\$\{\{\s*([\w.]+)\s*\}\}", lambda m: inputs[m.group(1)], check)
    result = _run(["bash", "-c", command])
    assert result.returncode == 1
    (annotation,) = result.stdout.splitlines()
    assert annotation.startswith("::error file=examples/tecogen-2013-12-typo.txt,line=3,")
    install = next(s for s in steps if "pip install" in s)
    assert "github.action_path" in install  # installs the action's own checkout
