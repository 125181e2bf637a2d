"""Configuration, found as ruff and Vale find theirs: the nearest `placement-validator.toml`, or
`pyproject.toml` with a `[tool.placement-validator]` table, in the checked file's directory or
above it (`--config FILE` names one instead). Command-line flags override the file, the file
overrides the defaults, and every setting remembers where its value came from.

    [tool.placement-validator]
    select = ["PV"]
    ignore = ["PV016"]
    severity = { PV005 = "error", PV020 = "warning" }
    rules = ["house-rules/"]
    locale = "en_CA"
    include = ["*.txt", "*.md"]
    exclude = ["archive"]
    fail-on = "warning"
    [tool.placement-validator.per-file-ignores]
    "legacy/*.md" = ["PV005"]
"""

from __future__ import annotations

import functools
import tomllib
from pathlib import Path
from typing import Any

import attrs

from .rulefiles import RuleFileError
from .settings import SELECTOR, SEVERITIES, Settings

NAME = "placement-validator.toml"
TABLE = "placement-validator"
_KEYS = ("select", "ignore", "severity", "rules", "locale", "include", "exclude",
         "per-file-ignores", "fail-on")


def find(start: Path) -> Path | None:
    """The nearest configuration file at or above ``start`` (a file or a directory). In one
    directory `placement-validator.toml` wins over `pyproject.toml`; a pyproject.toml without
    our table is passed over."""
    start = start.resolve()
    here = start if start.is_dir() else start.parent
    for d in (here, *here.parents):
        own = d / NAME
        if own.is_file():
            return own
        pyproject = d / "pyproject.toml"
        if pyproject.is_file() and TABLE in _read(pyproject).get("tool", {}):
            return pyproject
    return None


def _read(path: Path) -> dict[str, Any]:
    try:
        stat = path.stat()
    except OSError as exc:
        raise RuleFileError(f"{path}: cannot read configuration ({exc.strerror})") from None
    return _parse(path, stat.st_mtime_ns, stat.st_size)


@functools.cache
def _parse(path: Path, _mtime: int, _size: int) -> dict[str, Any]:
    """A file's TOML, read once per version of it (a batch walks up to one file often)."""
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise RuleFileError(f"{path}: invalid TOML ({exc})") from None
    except OSError as exc:
        raise RuleFileError(f"{path}: cannot read configuration ({exc.strerror})") from None


def table(path: Path) -> dict[str, Any]:
    """Our table of a configuration file: the whole of placement-validator.toml, or
    `[tool.placement-validator]` of a pyproject.toml."""
    data = _read(path.resolve())
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get(TABLE, {})
    if not isinstance(data, dict):
        raise RuleFileError(f"{path}: [tool.{TABLE}] must be a table")
    return data


def values(raw: dict[str, Any], origin: str, root: Path) -> dict[str, Any]:
    """Settings fields from a table of configuration (a file's, or the command line's, in the
    same spelling), validated; ``origin`` names the place in messages."""
    out: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in _KEYS:
            raise RuleFileError(f"{origin}: unknown setting {key!r} "
                                f"(known: {', '.join(_KEYS)})")
        field = key.replace("-", "_")
        if key in ("select", "ignore"):
            out[field] = _selectors(value, origin, key)
        elif key in ("include", "exclude"):
            out[field] = _strings(value, origin, key)
        elif key == "rules":
            out[field] = tuple(str((root / p).resolve()) for p in _strings(value, origin, key))
        elif key == "severity":
            if not isinstance(value, dict):
                raise RuleFileError(f"{origin}: severity must be a table of rule = severity")
            for rule, level in value.items():
                _selectors([rule], origin, "severity")
                if level not in SEVERITIES:
                    raise RuleFileError(f"{origin}: severity of {rule} must be error or "
                                        f"warning, not {level!r}")
            out[field] = tuple(value.items())
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise RuleFileError(f"{origin}: per-file-ignores must be a table of "
                                    "glob = [rules]")
            out[field] = tuple((g, _selectors(v, origin, f"per-file-ignores {g!r}"))
                               for g, v in value.items())
        elif key == "locale":
            if not isinstance(value, str):
                raise RuleFileError(f"{origin}: locale must be a string such as \"de_DE\"")
            out[field] = value
        elif key == "fail-on":
            if value not in SEVERITIES:
                raise RuleFileError(f"{origin}: fail-on must be error or warning, not {value!r}")
            out[field] = value
    return out


def _strings(value: Any, origin: str, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RuleFileError(f"{origin}: {key} must be a list of strings")
    return tuple(value)


def _selectors(value: Any, origin: str, key: str) -> tuple[str, ...]:
    out = tuple(s.upper() for s in _strings(value, origin, key))
    for s in out:
        if not SELECTOR.match(s):
            raise RuleFileError(f"{origin}: {key}: {s!r} is not a rule id or prefix "
                                "(PV001, PV00, PV)")
    return out


def resolve(start: Path, overrides: dict[str, Any], config: Path | None = None) -> Settings:
    """The settings for a file or directory: defaults, then its configuration file (``config``
    if given, else the nearest one), then ``overrides`` (Settings fields, from the command
    line)."""
    path = config if config is not None else find(start)
    fields: dict[str, Any] = {}
    sources: dict[str, str] = {}
    if path is not None:
        from_file = values(table(path), str(path), path.parent)
        fields.update(from_file)
        sources.update((k, str(path)) for k in from_file)
        fields["root"] = str(path.parent)
    fields.update(overrides)
    sources.update((k, "command line") for k in overrides)
    return Settings(**fields, sources=tuple(sources.items()))


def describe(settings: Settings, config: Path | None) -> str:
    """The settings in force, one per line, each with where it came from."""
    lines = [f"configuration file: {config if config is not None else '(none found)'}"]
    for field in attrs.fields(Settings):
        if field.name in ("sources", "root"):
            continue
        value = getattr(settings, "excluded" if field.name == "exclude" else field.name)
        if isinstance(value, tuple) and value and isinstance(value[0], tuple):
            shown = ", ".join(f"{k} = {v if isinstance(v, str) else ' '.join(v)}"
                              for k, v in value)
        elif isinstance(value, tuple):
            shown = ", ".join(value) if value else "(all)" if field.name == "select" else "-"
        else:
            shown = "-" if value is None else str(value)
        lines.append(f"{field.name.replace('_', '-'):<17} {shown:<40} "
                     f"({settings.source(field.name)})")
    return "\n".join(lines) + "\n"
