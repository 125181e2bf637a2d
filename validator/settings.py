"""Settings in force for a check, and what they do to a document's report: which rules are
reported (select, ignore, per-file ignores) and at which severity. Where the values come from
(defaults, a configuration file, the command line) is config.py's business."""

from __future__ import annotations

import fnmatch
import re
from pathlib import Path

import attrs

from .report import DocumentReport

SEVERITIES = ("error", "warning")
SELECTOR = re.compile(r"^PV\d{0,3}$")  # a rule id or a prefix of one: PV001, PV00, PV
DEFAULT_INCLUDE = ("*.txt", "*.md", "*.html", "*.htm")
DEFAULT_EXCLUDE = (".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__")


def _matches(rule: str, selectors: tuple[str, ...]) -> str | None:
    """The longest selector (a rule id or a prefix of one) that ``rule`` starts with."""
    hits = [s for s in selectors if rule.startswith(s)]
    return max(hits, key=len) if hits else None


@attrs.frozen
class Settings:
    """The settings of one check. Rule selectors are ids or prefixes ("PV00" is PV001–PV009);
    where ``select`` and ``ignore`` both match a rule, the longer selector wins, as in ruff.
    ``root`` is the directory that relative paths (extra rules, per-file ignores) are taken
    from: the configuration file's. ``sources`` says where each value came from."""

    select: tuple[str, ...] = ()  # empty: every rule
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()  # (selector, "error" | "warning")
    rules: tuple[str, ...] = ()  # extra rule files or directories
    locale: str | None = None  # None: each file's own notation
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()  # added to DEFAULT_EXCLUDE, which always applies
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (glob, selectors)
    fail_on: str = "error"
    root: str = "."
    sources: tuple[tuple[str, str], ...] = ()  # (setting, where its value came from)

    @property
    def excluded(self) -> tuple[str, ...]:
        """What a directory walk skips: version control and environments, then ``exclude``."""
        return DEFAULT_EXCLUDE + self.exclude

    def source(self, name: str) -> str:
        """Where the setting's value came from: "default", a file's path, "command line"."""
        return dict(self.sources).get(name, "default")

    def enabled(self, rule: str, path: str | None = None) -> bool:
        """Whether failures of ``rule`` are reported (for the file at ``path``)."""
        if rule.startswith("PV000"):  # an unused suppression: reported unless ignored by id
            return _matches(rule, self.ignore) is None
        chosen = _matches(rule, self.select) if self.select else ""
        if chosen is None:
            return False
        ignored = _matches(rule, self.ignore + self._file_ignores(path))
        return ignored is None or len(chosen) > len(ignored)

    def severity_of(self, rule: str, default: str) -> str:
        """The severity a failure of ``rule`` is reported at (the longest selector wins)."""
        over = dict(self.severity)
        chosen = _matches(rule, tuple(over))
        return default if chosen is None else over[chosen]

    def fails(self, severity: str) -> bool:
        """Whether a failure of this severity makes the exit code 1 (``fail_on``)."""
        return self.fail_on == "warning" or severity == "error"

    def _file_ignores(self, path: str | None) -> tuple[str, ...]:
        if path is None or not self.per_file_ignores:
            return ()
        p = Path(path)
        try:  # patterns are relative to the configuration file's directory
            relative = p.resolve().relative_to(Path(self.root).resolve())
        except (ValueError, OSError):
            relative = p
        out: list[str] = []
        for pattern, selectors in self.per_file_ignores:
            if fnmatch.fnmatch(relative.as_posix(), pattern) or fnmatch.fnmatch(p.name, pattern):
                out.extend(selectors)
        return tuple(out)

    def apply(self, report: DocumentReport) -> DocumentReport:
        """The report as these settings show it: unselected rules left out, severities set."""
        checks = tuple(attrs.evolve(c, severity=self.severity_of(c.rule, c.severity))
                       for c in report.checks if self.enabled(c.rule, report.path))
        not_applied = tuple((r, roles) for r, roles in report.not_applied
                            if self.enabled(r, report.path))
        return attrs.evolve(report, checks=checks, not_applied=not_applied)
