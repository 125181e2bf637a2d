"""SARIF 2.1.0: the format code scanning reads, so failures show inline on a pull request.

Rule metadata goes in ``tool.driver.rules``; each failure is a result with a physical location
(the file as given, and a region in lines and columns counted in code points); a suppressed
failure carries an in-source suppression; an unreadable file is a tool notification."""

from __future__ import annotations

import json
import textwrap
from typing import TextIO
from urllib.parse import quote

from .. import __version__
from ..report import DocumentReport, Status
from ..rules import Rule
from ..suppressions import UNUSED, UNUSED_NAME

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFO_URI = "https://pypi.org/project/placement-validator/"
_UNUSED_RULE = {
    "id": UNUSED, "name": UNUSED_NAME,
    "shortDescription": {"text": "An inline suppression that suppresses no failure."},
    "defaultConfiguration": {"level": "warning"},
}


def _uri(path: str) -> str:
    return quote(path.replace("\\", "/"), safe="/:")


def _descriptor(rule: Rule) -> dict:
    return {
        "id": rule.id, "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": " ".join(rule.explanation.split()) or rule.summary},
        "help": {"text": f"{rule.summary}\nCheck: {rule.check_text}\n"
                         f"Run `placement-validator rule {rule.id}` for examples."},
        "defaultConfiguration": {"level": rule.severity},
    }


class Writer:
    """The batch as one SARIF run: the rule metadata first, each document's results as it
    comes, the notifications (unreadable files) at the end."""

    def __init__(self, out: TextIO, rules: tuple[Rule, ...] = (), **_options):
        self.out = out
        descriptors = [_descriptor(r) for r in rules] + [_UNUSED_RULE]
        self.index = {d["id"]: i for i, d in enumerate(descriptors)}
        self.notes: list[dict] = []
        self.results = 0
        driver = {"name": "placement-validator", "version": __version__,
                  "informationUri": INFO_URI, "rules": descriptors}
        # the run's members before its results, which follow as the documents come
        self.out.write('{\n  "$schema": ' + json.dumps(SCHEMA_URI) + ',\n  "version": "2.1.0",'
                       '\n  "runs": [\n    {\n' + _member("tool", {"driver": driver})
                       + ",\n" + _member("columnKind", "unicodeCodePoints")
                       + ',\n      "results": [')

    def document(self, d: DocumentReport) -> None:
        if d.error:
            self.notes.append({"level": "error", "message": {"text": d.error},
                               "locations": [{"physicalLocation": {
                                   "artifactLocation": {"uri": _uri(d.path)}}}]})
            return
        for c in d.checks:
            if c.status is Status.FAIL:
                text = json.dumps(self._result(d, c), indent=2, ensure_ascii=False)
                self.out.write(("," if self.results else "") + "\n"
                               + textwrap.indent(text, "        "))
                self.results += 1

    def _result(self, d: DocumentReport, c) -> dict:
        location: dict = {"artifactLocation": {"uri": _uri(d.path)}}
        w = c.where
        if w is not None:
            end = w.column + max(1, w.end - w.start)
            region = {"startLine": w.line, "startColumn": w.column, "endLine": w.line,
                      "endColumn": end}
            location["region"] = region
            if w.line <= len(d.source_lines):  # the figure, and its line around it
                line = d.source_lines[w.line - 1].rstrip("\r")
                region["snippet"] = {"text": line[w.column - 1:end - 1]}
                location["contextRegion"] = {"startLine": w.line, "endLine": w.line,
                                             "snippet": {"text": line}}
        result = {"ruleId": c.rule, "level": c.severity, "message": {"text": c.message},
                  "locations": [{"physicalLocation": location}]}
        if c.rule in self.index:
            result["ruleIndex"] = self.index[c.rule]
        if c.suppressed:
            result["suppressions"] = [{"kind": "inSource"}]
        return result

    def close(self) -> None:
        invocations = [{"executionSuccessful": not self.notes,
                        "toolExecutionNotifications": self.notes}]
        self.out.write(("\n      " if self.results else "") + "],\n"
                       + _member("invocations", invocations) + "\n    }\n  ]\n}\n")


def _member(key: str, value) -> str:
    """``"key": value`` as a member of the run object (indented six spaces)."""
    text = json.dumps(value, indent=2, ensure_ascii=False)
    return f"      {json.dumps(key)}: " + textwrap.indent(text, "      ").lstrip()
