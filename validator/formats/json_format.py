"""JSON output, schema placement-validator/report/v1."""

from __future__ import annotations

import json
import textwrap
from decimal import Decimal
from typing import TextIO

from ..figures import Figure
from ..report import Check, DocumentReport
from .tally import Tally

SCHEMA = "placement-validator/report/v1"


def _num(v: Decimal | None) -> str | None:
    if v is None:
        return None
    text = f"{v:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def figure_json(f: Figure) -> dict:
    """A figure as schema v1 writes it."""
    stated = f.stated
    return {
        "id": f.id, "text": f.text, "value": _num(f.value), "low": _num(stated.low),
        "high": _num(stated.high), "kind": f.kind.value, "currency": f.currency,
        "qualifier": f.qualifier.value, "exponent": f.exponent, "noun": f.noun,
        "role": f.role, "roles": list(f.roles), "start": f.span.start, "end": f.span.end,
        "line": f.span.line, "column": f.span.column, "location": f.span.label,
    }


def check_json(c: Check) -> dict:
    """A check as schema v1 writes it."""
    where = c.where
    return {
        "rule": c.rule, "name": c.name, "status": c.status.value, "severity": c.severity,
        "figures": [f.id for f in c.figures],
        "stated": _num(c.stated.value) if c.stated else None,
        "expected": _num(c.expected),
        "computed_low": _num(c.computed.low) if c.computed else None,
        "computed_high": _num(c.computed.high) if c.computed else None,
        "difference": _num(c.difference), "holds_by": c.holds_by, "reason": c.reason,
        "suspect": c.suspect.id if c.suspect else None, "basis": c.basis,
        "line": where.line if where else None,
        "column": where.column if where else None,
        "location": where.label if where else None,
        "message": c.message, "suppressed": c.suppressed,
    }


def document_json(d: DocumentReport) -> dict:
    """A document as schema v1 writes it."""
    out = {"path": d.path, "figures": [figure_json(f) for f in d.figures],
           "checks": [check_json(c) for c in d.checks],
           "unused_money": [f.id for f in d.unused_money],
           "not_applied": [{"rule": rule, "missing_roles": list(roles)}
                           for rule, roles in d.not_applied]}
    if d.error:
        out["error"] = d.error
    if d.notice:
        out["notice"] = d.notice
    return out


class Writer:
    """The batch as JSON, schema placement-validator/report/v1, each document written as it
    comes (a batch of any size streams) and the summary at the end."""

    def __init__(self, out: TextIO, **_options):
        self.out = out
        self.tally = Tally()
        self.out.write('{\n  "schema": ' + json.dumps(SCHEMA) + ',\n  "documents": [')

    def document(self, d: DocumentReport) -> None:
        text = json.dumps(document_json(d), indent=2, ensure_ascii=False)
        self.out.write(("," if self.tally.documents else "") + "\n"
                       + textwrap.indent(text, "    "))
        self.tally.add(d)

    def close(self) -> None:
        t = self.tally
        summary = {"documents": t.documents, "checks": t.checks, "failures": t.failures,
                   "errors": t.unreadable, "suppressed": t.suppressed}
        self.out.write(("\n  " if t.documents else "") + '],\n  "summary": '
                       + json.dumps(summary) + "\n}\n")
