"""GitHub Actions workflow commands: each failure an annotation on the diff.

    ::error file=draft.md,line=3,col=45,endColumn=53,title=PV001 gross-equals-…::message

Values are escaped as the runner expects (``%``, CR and LF everywhere; ``:`` and ``,`` in
properties too). Suppressed failures are left out; an unreadable file is an error on it."""

from __future__ import annotations

from ..report import Report, Status


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report, **_options) -> str:
    """One workflow command per failure (and per unreadable file)."""
    out = []
    for d in report.documents:
        if d.error:
            out.append(f"::error file={_property(d.path)},title=unreadable::{_data(d.error)}")
            continue
        for c in d.checks:
            if c.status is not Status.FAIL or c.suppressed:
                continue
            props = [f"file={_property(d.path)}"]
            if c.where is not None:
                w = c.where
                props += [f"line={w.line}", f"col={w.column}",
                          f"endColumn={w.column + max(1, w.end - w.start)}"]
            props.append(f"title={_property(f'{c.rule} {c.name}')}")
            out.append(f"::{c.severity} {','.join(props)}::{_data(c.message)}")
    return "\n".join(out) + ("\n" if out else "")
