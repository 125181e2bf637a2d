"""The role vocabulary: cue phrases per role, loaded and validated from rules/vocabulary/*.toml."""

from __future__ import annotations

import functools
import re
import tomllib

import attrs

from .figures import Kind
from .rulefiles import RuleFileError, rules_dir

_ROLE_KEYS = {"kinds", "window", "before", "after", "overrides", "secondary"}


@attrs.frozen
class Cues:
    role: str
    kinds: frozenset[Kind]
    window: int
    before: re.Pattern | None  # matches the last cue before a figure (searched in its left text)
    after: re.Pattern | None  # matches a cue that starts right after a figure
    overrides: frozenset[str] = frozenset()
    secondary: bool = False  # a role added beside the primary one, never the primary itself


@attrs.frozen
class Vocabulary:
    language: str
    cues: tuple[Cues, ...]

    @property
    def roles(self) -> frozenset[str]:
        return frozenset(c.role for c in self.cues)

    @functools.cached_property
    def secondary(self) -> frozenset[str]:
        """Roles added beside a figure's primary role, never primary themselves."""
        return frozenset(c.role for c in self.cues if c.secondary)

    @functools.cached_property
    def overrides(self) -> dict[str, frozenset[str]]:
        """For each role, the roles a figure loses when that role's cue is found."""
        return {c.role: c.overrides for c in self.cues}


def _phrase(p: str) -> str:
    words = [r"(?:\S+\s+){0,3}?" if w == "*" else re.escape(w) for w in p.split()]
    out = ""
    for i, w in enumerate(words):
        out += w
        if i < len(words) - 1 and not w.endswith("?"):
            out += r"\s+"
    return out


def _compile(phrases: list[str], anchored_end: bool) -> re.Pattern | None:
    if not phrases:
        return None
    alts = "|".join(_phrase(p) for p in sorted(phrases, key=len, reverse=True))
    if anchored_end:
        return re.compile(rf"(?i)\b(?:{alts})\b")
    return re.compile(rf"(?i)\s*\(?(?:{alts})\b")


def parse_vocabulary(text: str, source: str) -> Vocabulary:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RuleFileError(f"{source}: {exc}") from None
    roles = data.get("roles")
    if not isinstance(roles, dict) or not isinstance(data.get("language"), str):
        raise RuleFileError(f"{source}: needs `language` and [roles.NAME] tables")
    cues = []
    for name, table in roles.items():
        unknown = set(table) - _ROLE_KEYS
        if unknown:
            raise RuleFileError(f"{source}: [roles.{name}] unknown key {sorted(unknown)[0]!r}")
        try:
            kinds = frozenset(Kind(k) for k in table.get("kinds", []))
        except ValueError as exc:
            raise RuleFileError(f"{source}: [roles.{name}] {exc}") from None
        window = table.get("window", 60)
        if type(window) is not int or window <= 0:
            raise RuleFileError(f"{source}: [roles.{name}] window must be a positive integer")
        for key in ("before", "after"):
            if not all(isinstance(p, str) and p.strip() for p in table.get(key, [])):
                raise RuleFileError(f"{source}: [roles.{name}] {key} must be a list of phrases")
        secondary = table.get("secondary", False)
        if type(secondary) is not bool:
            raise RuleFileError(f"{source}: [roles.{name}] secondary must be true or false")
        cues.append(Cues(name, kinds, window, _compile(table.get("before", []), True),
                         _compile(table.get("after", []), False),
                         frozenset(table.get("overrides", [])), secondary))
    names = {c.role for c in cues}
    for c in cues:
        if c.overrides - names:
            raise RuleFileError(f"{source}: [roles.{c.role}] overrides unknown role "
                                f"{sorted(c.overrides - names)[0]!r}")
    return Vocabulary(data["language"], tuple(cues))


@functools.cache
def builtin(language: str = "en") -> Vocabulary:
    path = rules_dir() / "vocabulary" / f"{language}.toml"
    return parse_vocabulary(path.read_text(encoding="utf-8"), f"rules/vocabulary/{language}.toml")
