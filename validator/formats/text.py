"""Text output, as a linter writes it: path:line:column: RULE severity message, source, caret."""

from __future__ import annotations

from ..report import Report, Status


def render(report: Report, color: bool = False, verbose: bool = False, **_options) -> str:
    """The failures as a linter prints them (all checks with ``verbose``), then a summary."""
    red, yellow, bold, reset = (("\x1b[31m", "\x1b[33m", "\x1b[1m", "\x1b[0m") if color
                                else ("", "", "", ""))
    out: list[str] = []
    for d in report.documents:
        if d.error:
            out.append(f"{d.path}: error: {d.error.removeprefix(d.path + ': ')}")
            continue
        for c in d.checks:
            if not verbose and (c.status is not Status.FAIL or c.suppressed):
                continue
            w = c.where
            line, col = (w.line, w.column) if w else (1, 1)
            tint = red if c.severity == "error" else yellow
            label = ("suppressed" if c.suppressed else c.severity if c.status is Status.FAIL
                     else c.status.value)
            detail = c.message if c.status is not Status.SKIPPED else c.reason
            place = f" ({w.label})" if w is not None and w.label else ""
            out.append(f"{bold}{d.path}:{line}:{col}:{reset} {c.rule} {tint}{label}{reset} "
                       f"{detail}{place}")
            if c.status is Status.FAIL and not c.suppressed and w is not None \
                    and line <= len(d.source_lines):
                src = d.source_lines[line - 1].rstrip("\r")
                out.append(f"    {src}")
                out.append("    " + " " * (col - 1) + "^" * max(1, w.end - w.start))
        if d.notice:
            out.append(f"{d.path}: note: {d.notice}")
        if verbose and d.not_applied:
            out.append(f"{d.path}: note: rules not applied: " + "; ".join(
                f"{rule} (no {', '.join(roles)})" if roles
                else f"{rule} (its figures never stand together)"
                for rule, roles in d.not_applied))
        if verbose and d.unused_money:
            names = ", ".join(f"{f.text} ({f.span.line}:{f.span.column})" for f in d.unused_money)
            out.append(f"{d.path}: note: money figures no check used: {names}")
    n_checks = len(report.checks)
    n_pass = sum(c.status is Status.PASS for c in report.checks)
    n_skip = sum(c.status is Status.SKIPPED for c in report.checks)
    errors = sum(c.severity == "error" for c in report.failures)
    warnings = len(report.failures) - errors
    n_suppressed = sum(c.suppressed for c in report.checks)
    out.append(f"{len(report.documents)} document(s), {n_checks} check(s): {n_pass} passed, "
               f"{errors} error(s), {warnings} warning(s), {n_skip} skipped"
               + (f", {n_suppressed} suppressed" if n_suppressed else "")
               + (f", {len(report.errors)} not checked" if report.errors else ""))
    return "\n".join(out) + "\n"
