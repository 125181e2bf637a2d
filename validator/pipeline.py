"""The pipeline, one direction: read → scan (and tables) → assign roles → group → evaluate →
report."""

from __future__ import annotations

import decimal
from collections.abc import Iterable
from pathlib import Path

from . import grouping, roles, scanner, suppressions, tables
from .engine import Engine
from .notation import Notation, detect
from .reader import Document, InputError, bounded, read_path
from .reconcile import pinned
from .report import DocumentReport, Report
from .rules import Rule, builtin_rules
from .vocabulary import Vocabulary, builtin

_PRECISION = 100
MAX_FIGURES = 400  # the releases we measure have at most a few dozen


def check_document(doc: Document, rules: tuple[Rule, ...] | None = None,
                   vocabulary: Vocabulary | None = None,
                   notation: Notation | None = None) -> DocumentReport:
    """Every check of every rule over one decoded document. Its numbers are read in
    ``notation`` (notation.for_locale), by default the one the document itself follows."""
    # Figures have at most 30 digits (scanner); products and quotients of a few of them stay
    # exact within 100 digits, where the default 28 would round them.
    with decimal.localcontext() as ctx:
        ctx.prec = _PRECISION
        return _check(doc, rules, vocabulary, notation or detect(doc.text))


def _check(doc: Document, rules: tuple[Rule, ...] | None, vocabulary: Vocabulary | None,
           notation: Notation) -> DocumentReport:
    rules = builtin_rules() if rules is None else rules
    vocabulary = vocabulary or builtin()
    lexicon = scanner.lexicon(notation, vocabulary.nouns, vocabulary.qualifiers,
                              vocabulary.joins)
    found = tables.find(doc.text)
    figures = scanner.scan(doc, lexicon, limit=MAX_FIGURES)
    if len(figures) > MAX_FIGURES:  # binding is superlinear in figures: bound the work
        raise InputError(f"{doc.path}: more than the {MAX_FIGURES:,} figures one release may "
                         "have; split it")
    figures = tables.rescale(figures, found)
    figures = roles.assign(doc, figures, vocabulary)
    engine = Engine(figures, grouping.group(figures, doc.text), tables=found)
    checks = engine.evaluate(rules)
    exact = pinned(checks)
    if exact:  # a rounded figure its stated breakdown makes exactly: check again with it
        figures = tuple(exact.get(f.id, f) for f in figures)
        engine = Engine(figures, grouping.group(figures, doc.text), tables=found)
        checks = engine.evaluate(rules)
    checks.sort(key=lambda c: (c.location.span.start if c.location else -1, c.rule))
    applied = {c.rule for c in checks}
    checks = suppressions.apply(tuple(checks), doc)
    not_applied = tuple((r.id, engine.missing(r)) for r in rules if r.id not in applied)
    return DocumentReport(doc.path, figures, checks,
                          tuple(doc.source.split("\n")), not_applied=not_applied)


def check_text(text: str, path: str = "<text>", rules: tuple[Rule, ...] | None = None,
               vocabulary: Vocabulary | None = None,
               notation: Notation | None = None) -> DocumentReport:
    """Check a release given as text; ``path`` is only used to name it in the report.
    Raises InputError for a text too large to be one release (reader.MAX_CHARS, MAX_LINE,
    MAX_FIGURES)."""
    return check_document(bounded(Document.from_text(text, path)), rules, vocabulary,
                          notation)


def check_file(path: str | Path, rules: tuple[Rule, ...] | None = None,
               vocabulary: Vocabulary | None = None,
               notation: Notation | None = None) -> DocumentReport:
    """Check one file. An unreadable file gives a report whose ``error`` says why."""
    try:
        doc = read_path(path)
        return check_document(doc, rules, vocabulary, notation)
    except InputError as exc:
        return DocumentReport(str(path), (), (), error=str(exc))
    except Exception as exc:  # a bug of ours must not take the rest of the batch down
        return DocumentReport(str(path), (), (), error=f"{path}: internal error while checking "
                              f"({type(exc).__name__}: {exc}); please report it")


def check_files(paths: Iterable[str | Path], rules: tuple[Rule, ...] | None = None,
                vocabulary: Vocabulary | None = None,
                notation: Notation | None = None) -> Report:
    """Check a batch; a bad file is reported and the others are still checked."""
    return Report(tuple(check_file(p, rules, vocabulary, notation) for p in paths))
