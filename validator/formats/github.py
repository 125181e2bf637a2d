"""GitHub Actions workflow commands: each failure an annotation on the diff.

    ::error file=draft.md,line=3,col=45,endColumn=53,title=PV001 gross-equals-…::message

Values are escaped as the runner expects (``%``, CR and LF everywhere; ``:`` and ``,`` in
properties too). Suppressed failures are left out; an unreadable file is an error on it."""

from __future__ import annotations

from typing import TextIO

from ..report import DocumentReport


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


class Writer:
    """One workflow command per failure (and per unreadable file), as each document comes."""

    def __init__(self, out: TextIO, **_options):
        self.out = out

    def document(self, d: DocumentReport) -> None:
        if d.error:
            self.out.write(f"::error file={_property(d.path)},title=unreadable::"
                           f"{_data(d.error)}\n")
            return
        for c in d.failures:
            props = [f"file={_property(d.path)}"]
            if c.where is not None:
                w = c.where
                props += [f"line={w.line}", f"col={w.column}",
                          f"endColumn={w.column + max(1, w.end - w.start)}"]
            props.append(f"title={_property(f'{c.rule} {c.name}')}")
            self.out.write(f"::{c.severity} {','.join(props)}::{_data(c.message)}\n")

    def close(self) -> None:
        pass
