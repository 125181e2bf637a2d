"""ReDoS and scaling: each pattern of the reading stages, and the whole scan, over adversarial
inputs at growing sizes. Prints the time for n and 8n characters and their ratio: a linear
pattern gives about 8, a quadratic one about 64. Run: python bench/redos.py [n]"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from validator import notation, roles, scanner, suppressions, tables  # noqa: E402
from validator.inputs import html, markdown  # noqa: E402
from validator.reader import Document  # noqa: E402
from validator.vocabulary import builtin  # noqa: E402

INPUTS = {
    "digits": "9",
    "commas": "1,",
    "dots": "1.",
    "dollars": "$",
    "spaces": " ",
    "punctuation": ".,;:-_/#()",
    "at-signs": "a@",
    "parens": "(1)",
    "pipes": "| 1 |",
    "words": "shares at per ",
    "money": "$1,000,000 ",
    "html": "<p>&#36;1&nbsp;",
    "comments": "<!-- ",
    "backticks": "`",
    "directive": "placement-validator: ignore PV001" + " " * 40,
}


def patterns():
    vocabulary = builtin()
    english = scanner.lexicon(notation.ENGLISH, vocabulary.nouns, vocabulary.qualifiers,
                              vocabulary.joins)
    german = scanner.lexicon(notation.for_locale("de_DE"), vocabulary.nouns,
                             vocabulary.qualifiers, vocabulary.joins)
    yield "token (English)", lambda t: sum(1 for _ in scanner._token(notation.ENGLISH).finditer(t))
    yield "token (de_DE)", lambda t: sum(1 for _ in scanner._token(german.notation).finditer(t))
    yield "masks", lambda t: scanner._MASKS.sub("", t)
    yield "e-mail masks", lambda t: scanner._EMAILS.sub("", t)
    yield "number words", lambda t: sum(1 for _ in scanner._WORD_NUMBER.finditer(t))
    yield "directives", lambda t: suppressions.blank(t)
    yield "markdown prose", markdown.prose
    yield "html visible text", html.visible
    yield "tables", tables.find
    yield "sentences", roles.sentences
    yield "scan (English)", lambda t: scanner.scan(Document.from_text(t), english)
    yield "scan (de_DE)", lambda t: scanner.scan(Document.from_text(t), german)


def timed(fn, text: str) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        fn(text)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    worst = 0.0
    print(f"{'pattern':<20} {'input':<12} {'n s':>9} {'8n s':>9} {'ratio':>6}")
    for name, fn in patterns():
        for label, unit in INPUTS.items():
            small = (unit * (n // len(unit) + 1))[:n]
            large = (unit * (8 * n // len(unit) + 1))[:8 * n]
            a, b = timed(fn, small), timed(fn, large)
            ratio = b / a if a > 1e-6 else 0.0
            worst = max(worst, ratio if a > 1e-4 else 0.0)
            flag = "  <- superlinear" if ratio > 16 and a > 1e-4 else ""
            print(f"{name:<20} {label:<12} {a:9.4f} {b:9.4f} {ratio:6.1f}{flag}")
    print(f"worst ratio for 8x the input: {worst:.1f} (linear: about 8)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
