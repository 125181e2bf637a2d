"""Output formats, one module each. Each has a ``Writer(out, rules=, color=, verbose=)`` that
takes the documents of a batch one by one (``document``) and finishes with ``close``, so that
a batch of any size streams; ``FORMATS[name](report)`` renders a whole Report as a string."""

from __future__ import annotations

import functools
import importlib
import io
from collections.abc import Callable

from ..report import Report

# each format's module, imported only when the format is used (start-up time of the CLI)
_MODULES = {"text": "text", "json": "json_format", "sarif": "sarif", "github": "github",
            "junit": "junit"}
NAMES = tuple(sorted(_MODULES))


def writer(name: str) -> type:
    """The ``Writer`` class of one format."""
    return importlib.import_module(f".{_MODULES[name]}", __name__).Writer


def render(name: str, report: Report, **options) -> str:
    """A whole report in one format, as a string."""
    out = io.StringIO()
    writer_ = writer(name)(out, **options)
    for d in report.documents:
        writer_.document(d)
    writer_.close()
    return out.getvalue()


FORMATS: dict[str, Callable[..., str]] = {
    name: functools.partial(render, name) for name in NAMES}
