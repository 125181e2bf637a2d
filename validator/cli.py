"""The command line: parse arguments, gather the batch and its settings, check it, pick a
formatter, set the exit code (0 clean, 1 failures at or above --fail-on, 2 usage or input
errors)."""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from . import __version__, batch, config, formats
from .notation import for_locale
from .rulefiles import RuleFileError
from .rules import load_rules
from .settings import SEVERITIES

EXIT_CLEAN, EXIT_FAILURES, EXIT_USAGE = 0, 1, 2


def _list(text: str) -> list[str]:
    return [t.strip() for t in text.split(",") if t.strip()]


def _severity(text: str) -> tuple[str, str]:
    rule, _, level = text.partition("=")
    if not level or level not in SEVERITIES:
        raise argparse.ArgumentTypeError(f"{text!r}: expected RULE=error or RULE=warning")
    return rule.strip().upper(), level


def _locale(name: str) -> str:
    try:
        for_locale(name)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return name


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="placement-validator",
                                description="Check that the figures of a placement release agree.")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    c = sub.add_parser("check", help="check releases")
    c.add_argument("paths", nargs="+", metavar="PATH",
                   help="files, directories (walked for --include), or - for stdin")
    c.add_argument("--format", choices=formats.NAMES, default="text")
    c.add_argument("--output", "-o", metavar="FILE",
                   help="write the report to FILE; the terminal still gets the text summary")
    c.add_argument("--select", type=_list, action="extend", metavar="RULES",
                   help="report only these rule ids or prefixes (comma-separated)")
    c.add_argument("--ignore", type=_list, action="extend", metavar="RULES",
                   help="do not report these rule ids or prefixes (comma-separated)")
    c.add_argument("--severity", type=_severity, action="append", metavar="RULE=LEVEL",
                   help="override a rule's severity: PV005=error (repeatable)")
    c.add_argument("--fail-on", choices=SEVERITIES,
                   help="lowest severity that makes the exit code 1 (default: error)")
    c.add_argument("--rules", action="append", metavar="PATH",
                   help="an extra rule file or directory (repeatable)")
    c.add_argument("--include", type=_list, action="extend", metavar="GLOBS",
                   help="file names to check in directories (default: *.txt,*.md,*.html,*.htm)")
    c.add_argument("--exclude", type=_list, action="extend", metavar="GLOBS",
                   help="files or directories to skip in directories")
    c.add_argument("--config", type=Path, metavar="FILE",
                   help="use this configuration file instead of the nearest one")
    c.add_argument("--locale", type=_locale, metavar="LOCALE",
                   help="read numbers as this CLDR locale writes them (de_DE: 1.234,56; "
                        "sv_SE: 1 234,56; de_CH: 1'234.56); default: each file's own habit")
    c.add_argument("--statistics", action="store_true",
                   help="print the number of failures per rule instead of each failure")
    c.add_argument("--jobs", "-j", type=int, default=os.cpu_count() or 1, metavar="N",
                   help="worker processes (default: all cores); output order is unchanged")
    c.add_argument("--verbose", "-v", action="store_true",
                   help="also list passing, skipped and suppressed checks, and unused money")
    c.add_argument("--no-color", action="store_true")

    r = sub.add_parser("rules", help="list every rule")
    r.add_argument("--rules", action="append", default=[], metavar="PATH")
    r = sub.add_parser("rule", help="explain one rule, with its examples")
    r.add_argument("id")
    r.add_argument("--rules", action="append", default=[], metavar="PATH")
    s = sub.add_parser("config", help="show the settings in force and where each came from")
    s.add_argument("path", nargs="?", default=".", type=Path,
                   help="the file or directory whose settings to show (default: .)")
    s.add_argument("--config", type=Path, metavar="FILE")
    return p


def _overrides(args: argparse.Namespace) -> dict[str, Any]:
    """The settings the command line gives, spelt as in a configuration file."""
    out: dict[str, Any] = {}
    for name in ("select", "ignore", "include", "exclude", "rules", "locale", "fail_on"):
        value = getattr(args, name, None)
        if value is not None:
            out[name.replace("_", "-")] = value
    if args.severity:
        out["severity"] = dict(args.severity)
    return out


def _error(message: str) -> int:
    print(f"placement-validator: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = _parser().parse_args(argv)
    config_file = getattr(args, "config", None)
    if config_file is not None and not config_file.is_file():
        return _error(f"{config_file}: no such configuration file")
    try:
        if args.command in ("rules", "rule"):
            rules = load_rules(tuple(args.rules))
            return _list_rules(rules) if args.command == "rules" else _explain(rules, args.id)
        if args.command == "config":
            settings = config.resolve(args.path, {}, config_file)
            sys.stdout.write(config.describe(settings, config_file or config.find(args.path)))
            return EXIT_CLEAN
        # the command line's settings are validated as a file's are, before any file is read
        overrides = config.values(_overrides(args), "command line", Path.cwd())
        batch.rules(tuple(overrides.get("rules", ())))  # fail at start-up (kept for the run)
    except RuleFileError as exc:
        return _error(str(exc))
    return _check(args, overrides)


def _check(args: argparse.Namespace, overrides: dict[str, Any]) -> int:
    jobs = batch.collect(args.paths, overrides, args.config)
    rules = batch.rules_of(jobs)
    color = not args.no_color and "NO_COLOR" not in os.environ and sys.stdout.isatty()
    writers = []
    report_file = None
    if args.output:
        try:
            report_file = open(args.output, "w", encoding="utf-8")  # noqa: SIM115
        except OSError as exc:
            return _error(f"{args.output}: cannot write the report ({exc.strerror})")
        writers.append(formats.writer(args.format)(report_file, rules=rules,
                                                   verbose=args.verbose))
    if not args.statistics:  # the terminal gets the format, or the text summary beside a file
        name = "text" if args.output else args.format
        writers.append(formats.writer(name)(sys.stdout, rules=rules, color=color,
                                            verbose=args.verbose and not args.output))
    counts: Counter = Counter()
    errors, failing = [], False
    try:
        for job, d in zip(jobs, batch.reports(jobs, max(1, args.jobs),
                                              batch.terminal_progress(len(jobs))),
                          strict=True):
            for w in writers:
                w.document(d)
            if d.error:
                errors.append(d.error)
            failing |= any(job.settings is not None and job.settings.fails(c.severity)
                           for c in d.failures)
            counts.update((c.rule, c.name) for c in d.failures)
        for w in writers:
            w.close()
    except BrokenPipeError:  # "| head": the reader has what it wanted
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - no flush error at exit
        return EXIT_FAILURES if failing else EXIT_CLEAN
    except OSError as exc:
        return _error(f"{args.output or '<stdout>'}: cannot write the report ({exc.strerror})")
    finally:
        if report_file is not None:
            report_file.close()
    if args.statistics:
        sys.stdout.write(_statistics(counts, len(jobs)))
    if args.format != "text" or args.output or args.statistics:  # else listed on stdout
        for error in errors:
            print(f"placement-validator: error: {error}", file=sys.stderr)
    if errors:
        return EXIT_USAGE
    return EXIT_FAILURES if failing else EXIT_CLEAN


def _statistics(counts: Counter, documents: int) -> str:
    """Failures per rule, most frequent first, as ruff --statistics prints them."""
    lines = [f"{n:>6}  {rule}  {name}" for (rule, name), n in
             sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    lines.append(f"{sum(counts.values())} failure(s) in {documents} document(s)")
    return "\n".join(lines) + "\n"


def _list_rules(rules) -> int:
    width = max((len(r.name) for r in rules), default=0)
    for rule in rules:
        print(f"{rule.id}  {rule.name:<{width}} {rule.severity:<8} {rule.summary}")
    return EXIT_CLEAN


def _explain(rules, rule_id: str) -> int:
    match = [r for r in rules if r.id == rule_id.upper() or r.name == rule_id]
    if not match:
        return _error(f"no rule {rule_id!r}")
    r = match[0]
    print(f"{r.id} {r.name} ({r.severity}, {r.scope} scope)\n\n{r.summary}\n\n{r.explanation}\n")
    print(f"Check: {r.check_text}\n")
    for ex in r.examples:
        print(("Passes" if ex.holds else "Fails") + ":\n    " + ex.text.replace("\n", "\n    "))
    return EXIT_CLEAN
