"""Figures a release states twice: as they were, or with one digit changed (PV020)."""

from __future__ import annotations

from .figures import Figure
from .typos import SPECIFIC, one_digit_apart, significant


def near_repeats(figures: tuple[Figure, ...]) -> list[tuple[Figure, Figure]]:
    """Pairs of specific figures (five or more significant digits, written alike) that differ
    in one digit other than the last, or in two swapped neighbours: "172,352,140 shares" and
    later "272,352,140 shares". Two different facts almost never look so alike; a last digit
    differs between facts often ($2.9164 and $2.9163). Then each figure stated again as it
    was, paired with the statement before it."""
    specific = [f for f in figures if significant(f) >= SPECIFIC and not f.words]
    out = []
    for i, a in enumerate(specific):
        for b in specific[i + 1:]:
            if (a.kind, a.currency, a.exponent) == (b.kind, b.currency, b.exponent) \
                    and a.value != b.value and one_digit_apart(a, b.value) \
                    and _last_digit(a) == _last_digit(b):
                out.append((a, b))
    last_seen: dict[tuple, Figure] = {}
    for f in specific:
        key = (f.kind, f.currency, f.exponent, f.value)
        if key in last_seen:
            out.append((last_seen[key], f))
        last_seen[key] = f
    return out


def _last_digit(f: Figure) -> str:
    return str(abs(f.value.scaleb(-f.exponent).to_integral_value()))[-1:]
