"""Output formats, one module each. Each has a ``Writer(out, rules=, color=, verbose=)`` that
takes the documents of a batch one by one (``document``) and finishes with ``close``, so that
a batch of any size streams; ``FORMATS[name](report)`` renders a whole Report as a string."""

from __future__ import annotations

import functools
import io
from collections.abc import Callable

from ..report import Report
from . import github, json_format, junit, sarif, text

WRITERS = {
    "text": text.Writer,
    "json": json_format.Writer,
    "sarif": sarif.Writer,
    "github": github.Writer,
    "junit": junit.Writer,
}


def render(name: str, report: Report, **options) -> str:
    """A whole report in one format, as a string."""
    out = io.StringIO()
    writer = WRITERS[name](out, **options)
    for d in report.documents:
        writer.document(d)
    writer.close()
    return out.getvalue()


FORMATS: dict[str, Callable[..., str]] = {
    name: functools.partial(render, name) for name in WRITERS}
