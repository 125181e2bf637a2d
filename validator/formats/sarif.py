"""SARIF 2.1.0: the format code scanning reads, so failures show inline on a pull request.

Rule metadata goes in ``tool.driver.rules``; each failure is a result with a physical location
(the file as given, and a region in lines and columns counted in code points); a suppressed
failure carries an in-source suppression; an unreadable file is a tool notification."""

from __future__ import annotations

import json
from urllib.parse import quote

from .. import __version__
from ..report import Report, Status
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


def render(report: Report, rules: tuple[Rule, ...] = (), **_options) -> str:
    """The batch as one SARIF run; ``rules`` gives the rule metadata."""
    descriptors = [_descriptor(r) for r in rules] + [_UNUSED_RULE]
    index = {d["id"]: i for i, d in enumerate(descriptors)}
    results, notes = [], []
    for d in report.documents:
        if d.error:
            notes.append({"level": "error", "message": {"text": d.error},
                          "locations": [{"physicalLocation": {
                              "artifactLocation": {"uri": _uri(d.path)}}}]})
            continue
        for c in d.checks:
            if c.status is not Status.FAIL:
                continue
            region = {}
            if c.where is not None:
                w = c.where
                end = w.column + max(1, w.end - w.start)
                region = {"startLine": w.line, "startColumn": w.column,
                          "endLine": w.line, "endColumn": end}
            location = {"artifactLocation": {"uri": _uri(d.path)}}
            if region:
                location["region"] = region
                if w.line <= len(d.source_lines):  # the figure, and its line around it
                    line = d.source_lines[w.line - 1].rstrip("\r")
                    region["snippet"] = {"text": line[w.column - 1:end - 1]}
                    location["contextRegion"] = {"startLine": w.line, "endLine": w.line,
                                                 "snippet": {"text": line}}
            result = {"ruleId": c.rule, "level": c.severity,
                      "message": {"text": c.message},
                      "locations": [{"physicalLocation": location}]}
            if c.rule in index:
                result["ruleIndex"] = index[c.rule]
            if c.suppressed:
                result["suppressions"] = [{"kind": "inSource"}]
            results.append(result)
    run = {
        "tool": {"driver": {"name": "placement-validator", "version": __version__,
                            "informationUri": INFO_URI, "rules": descriptors}},
        "columnKind": "unicodeCodePoints",
        "results": results,
        "invocations": [{"executionSuccessful": not notes,
                         "toolExecutionNotifications": notes}],
    }
    data = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
