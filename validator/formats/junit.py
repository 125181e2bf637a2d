"""JUnit XML, for CI dashboards: a test suite per document and a test case per rule applied
to it. A case fails when a check of its rule fails (every failing message listed), is skipped
when each of its checks was skipped, and an unreadable document is one case in error."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TextIO

from ..report import DocumentReport, Status


class Writer:
    """The batch as JUnit XML, a test suite written as each document comes (so the totals
    are on each suite, not on the root element, which JUnit leaves optional)."""

    def __init__(self, out: TextIO, **_options):
        self.out = out
        self.out.write('<?xml version="1.0" encoding="utf-8"?>\n'
                       '<testsuites name="placement-validator">\n')

    def document(self, d: DocumentReport) -> None:
        suite = ET.Element("testsuite", name=d.path)
        counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
        if d.error:
            case = ET.SubElement(suite, "testcase", classname=d.path, name="read")
            ET.SubElement(case, "error", message=d.error, type="unreadable")
            counts["tests"] += 1
            counts["errors"] += 1
        by_rule: dict[str, list] = {}
        for c in d.checks:
            by_rule.setdefault(c.rule, []).append(c)
        for rule in sorted(by_rule):
            checks = by_rule[rule]
            case = ET.SubElement(suite, "testcase", classname=d.path,
                                 name=f"{rule} {checks[0].name}")
            counts["tests"] += 1
            failed = [c for c in checks if c.counts]
            if failed:
                counts["failures"] += 1
                body = "\n".join(f"{d.path}:{c.where.line}:{c.where.column}: {c.message}"
                                 if c.where else c.message for c in failed)
                ET.SubElement(case, "failure", message=failed[0].message,
                              type=failed[0].severity).text = body
            elif all(c.status is Status.SKIPPED for c in checks):
                counts["skipped"] += 1
                ET.SubElement(case, "skipped", message=checks[0].reason or "skipped")
        for k, v in counts.items():
            suite.set(k, str(v))
        ET.indent(suite, level=1)
        self.out.write("  " + ET.tostring(suite, encoding="unicode") + "\n")

    def close(self) -> None:
        self.out.write("</testsuites>\n")
