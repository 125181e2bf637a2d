"""The command line: parse arguments, call the library once, pick a formatter, set the exit code."""

from __future__ import annotations

import argparse
import os
import sys

from . import __version__
from .formats import FORMATS
from .notation import Notation, for_locale
from .pipeline import check_files
from .rulefiles import RuleFileError
from .rules import load_rules

EXIT_CLEAN, EXIT_FAILURES, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="placement-validator",
                                description="Check that the figures of a placement release agree.")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    c = sub.add_parser("check", help="check releases")
    c.add_argument("paths", nargs="+", metavar="PATH")
    c.add_argument("--format", choices=sorted(FORMATS), default="text")
    c.add_argument("--rules", action="append", default=[], metavar="PATH",
                   help="an extra rule file or directory (repeatable)")
    c.add_argument("--verbose", "-v", action="store_true",
                   help="also list passing and skipped checks, and unused money figures")
    c.add_argument("--no-color", action="store_true")
    c.add_argument("--locale", type=_notation, metavar="LOCALE",
                   help="read numbers as this CLDR locale writes them (de_DE: 1.234,56; "
                        "sv_SE: 1 234,56; de_CH: 1'234.56); default: each file's own habit")
    sub.add_parser("rules", help="list every rule").add_argument(
        "--rules", action="append", default=[], metavar="PATH")
    r = sub.add_parser("rule", help="explain one rule, with its examples")
    r.add_argument("id")
    r.add_argument("--rules", action="append", default=[], metavar="PATH")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        rules = load_rules(tuple(args.rules))
    except RuleFileError as exc:
        print(f"placement-validator: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.command == "rules":
        width = max((len(r.name) for r in rules), default=0)
        for rule in rules:
            print(f"{rule.id}  {rule.name:<{width}} {rule.severity:<8} {rule.summary}")
        return EXIT_CLEAN
    if args.command == "rule":
        return _explain(rules, args.id)
    report = check_files(args.paths, rules, notation=args.locale)
    color = (not args.no_color and "NO_COLOR" not in os.environ and sys.stdout.isatty())
    sys.stdout.write(FORMATS[args.format](report, color=color, verbose=args.verbose))
    for error in report.errors:
        print(f"placement-validator: error: {error}", file=sys.stderr)
    if report.errors:
        return EXIT_USAGE
    return EXIT_CLEAN if report.ok else EXIT_FAILURES


def _notation(name: str) -> Notation:
    try:
        return for_locale(name)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _explain(rules, rule_id: str) -> int:
    match = [r for r in rules if r.id == rule_id.upper() or r.name == rule_id]
    if not match:
        print(f"placement-validator: error: no rule {rule_id!r}", file=sys.stderr)
        return EXIT_USAGE
    r = match[0]
    print(f"{r.id} {r.name} ({r.severity}, {r.scope} scope)\n\n{r.summary}\n\n{r.explanation}\n")
    print(f"Check: {r.check_text}\n")
    for ex in r.examples:
        print(("Passes" if ex.holds else "Fails") + ":\n    " + ex.text.replace("\n", "\n    "))
    return EXIT_CLEAN
