"""Coverage-guided fuzzing (atheris, libFuzzer) of the parts that take untrusted text: the
scanner (with each input reader in front of it) and the rule-expression parser.

    pip install atheris
    python fuzz/fuzz_targets.py scanner -atheris_runs=200000      # or -max_total_time=600
    python fuzz/fuzz_targets.py expression -max_total_time=300

A crash is any exception other than the documented ones (InputError for a text too large to
be one release, ExprError for an expression the parser rejects); libFuzzer writes the input
that caused it to crash-<sha1> in the current directory. `-max_len` bounds an input's size
(default 4096 bytes)."""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

with atheris.instrument_imports():
    from validator import notation, scanner
    from validator.expr import ExprError, parse
    from validator.inputs import html, markdown
    from validator.reader import Document, InputError
    from validator.rules import ROLES
    from validator.tables import find
    from validator.vocabulary import builtin

_VOCABULARY = builtin()
_LEXICONS = [scanner.lexicon(n, _VOCABULARY.nouns, _VOCABULARY.qualifiers, _VOCABULARY.joins)
             for n in (notation.ENGLISH, notation.for_locale("de_DE"),
                       notation.for_locale("sv_SE"), notation.for_locale("de_CH"))]


def scanner_target(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    which = fdp.ConsumeIntInRange(0, 2)
    lexicon = _LEXICONS[fdp.ConsumeIntInRange(0, len(_LEXICONS) - 1)]
    text = fdp.ConsumeUnicodeNoSurrogates(fdp.remaining_bytes())
    try:
        if which == 0:
            doc = Document.from_text(text)
        elif which == 1:
            doc = Document.extracted("f.md", text, text, blanked=markdown.prose(text))
        else:
            shown, origin = html.visible(text)
            doc = Document.extracted("f.html", text, shown, origin)
    except InputError:
        return
    for f in scanner.scan(doc, lexicon):
        assert 0 <= f.span.start < f.span.end <= len(doc.text), f
        assert f.span.line >= 1 and f.span.column >= 1, f
        assert f.text, f
    find(doc.text)


def expression_target(data: bytes) -> None:
    text = atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(len(data))
    try:
        check = parse(text, ROLES)
    except ExprError:
        return
    assert check.stated in ROLES
    assert check.relation in ("==", ">=", "<=")


TARGETS = {"scanner": scanner_target, "expression": expression_target}


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in TARGETS:
        sys.exit(f"usage: {sys.argv[0]} {'|'.join(TARGETS)} [libFuzzer options]")
    target = TARGETS[sys.argv.pop(1)]
    atheris.Setup(sys.argv, target)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
