"""Output formats: a registry of pure functions ``Report -> str``, one module each."""

from __future__ import annotations

from collections.abc import Callable

from . import github, json_format, junit, sarif, text

FORMATS: dict[str, Callable[..., str]] = {
    "text": text.render,
    "json": json_format.render,
    "sarif": sarif.render,
    "github": github.render,
    "junit": junit.render,
}
