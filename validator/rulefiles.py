"""Where the shipped rule files live, and the error for our own inputs that cannot be used."""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


class RuleFileError(Exception):
    """A rule, vocabulary or configuration file that cannot be used (exit code 2, not a finding).

    The message names the file (and line, where known) and the problem.
    """


def rules_dir() -> Path:
    """The shipped rules: ``validator/rules`` in an installed wheel, ``rules/`` in a checkout."""
    installed = _HERE / "rules"
    return installed if installed.is_dir() else _HERE.parent / "rules"
