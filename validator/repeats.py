"""Figures a release states twice: as they were, or with one digit changed (PV020)."""

from __future__ import annotations

from .figures import Figure, Interval, Kind, Qualifier
from .typos import (
    SPECIFIC,
    decisive,
    one_digit_apart,
    repair_place,
    significant,
    written_digits,
)

_ROUNDED_DIGITS = 3  # "3.52 million": a rounded restatement specific enough to compare
_SHARED = 2  # figures two sentences must both state to be read as restating each other
_PROCEEDS = {"gross", "aggregate", "headline"}


def near_repeats(figures: tuple[Figure, ...]) -> list[tuple[Figure, Figure]]:
    """Pairs of specific figures (five or more significant digits, written alike) that differ
    in one digit other than the last, or in two swapped neighbours: "172,352,140 shares" and
    later "272,352,140 shares". Two different facts almost never look so alike; a last digit
    differs between facts often ($2.9164 and $2.9163). Then each figure stated again as it
    was, paired with the statement before it, and each count restated rounded."""
    specific = [f for f in figures if significant(f) >= SPECIFIC and not f.words]
    out = []
    for i, a in enumerate(specific):
        for b in specific[i + 1:]:
            if (a.kind, a.currency, a.exponent) == (b.kind, b.currency, b.exponent) \
                    and a.value != b.value and one_digit_apart(a, b.value) \
                    and _last_digit(a) == _last_digit(b):
                out.append((a, b))
    # less specific figures (three or four digits) when their sentences restate each other,
    # sharing two other figures ("9.33 million ... at 13.5 cents and 29.9 million ..." in a
    # summary, then in the body)
    alike = [f for f in figures if _ROUNDED_DIGITS <= significant(f) < SPECIFIC and not f.words]
    for i, a in enumerate(alike):
        for b in alike[i + 1:]:
            if (a.kind, a.currency, a.exponent, a.noun) == (b.kind, b.currency, b.exponent,
                                                           b.noun) \
                    and a.sentence != b.sentence and a.value != b.value \
                    and one_digit_apart(a, b.value) and _last_digit(a) == _last_digit(b) \
                    and _shared(figures, a, b) >= _SHARED:
                out.append((a, b))
    last_seen: dict[tuple, Figure] = {}
    for f in specific:
        key = (f.kind, f.currency, f.exponent, f.value)
        if key in last_seen:
            out.append((last_seen[key], f))
        last_seen[key] = f
    # a specific count restated rounded ("to issue 3.52 million shares" for 3,522,972): the
    # rounding agrees, or is one figure mistyped when one digit repairs it decisively (money
    # restated rounded is PV005's and PV015's); a count of two significant digits written
    # both ways ("2.4 crore shares", "2,40,00,000 shares") only where the two are equal
    rounded = [f for f in figures if f.rounded and significant(f) >= 2
               and f.qualifier is not Qualifier.UP_TO and f.kind is not Kind.MONEY]
    full = [f for f in figures if not f.words and not f.rounded and f.kind is not Kind.MONEY]
    for a in rounded:
        for b in specific if significant(a) >= _ROUNDED_DIGITS else full:
            if (a.kind, a.currency, a.noun) == (b.kind, b.currency, b.noun) \
                    and a.exponent > b.exponent and a is not b and (
                        _restates(a, b) if significant(a) >= _ROUNDED_DIGITS
                        else a.value == b.value):
                out.append((b, a))
    return out


def proceeds_repeats(figures: tuple[Figure, ...]) -> list[tuple[Figure, Figure]]:
    """Pairs of amounts the words both call the proceeds ("Raises $25M", "the $25-million
    placement"), of one currency and precision, that differ in one digit: however coarse,
    one of them is the other mistyped when a relation confirms one and none the other
    (the engine decides that; tranches of one deal differ by more than a digit, or are
    each confirmed by a line of their own)."""
    named = [f for f in figures if f.kind is Kind.MONEY and not f.words
             and set(f.roles) & _PROCEEDS and f.qualifier is not Qualifier.UP_TO]
    out = []
    for i, a in enumerate(named):
        for b in named[i + 1:]:
            if (a.currency, a.exponent, a.qualifier) != (b.currency, b.exponent, b.qualifier) \
                    or a.value == b.value:
                continue
            single = len(written_digits(a)) == 1 == len(written_digits(b))
            if single or (one_digit_apart(a, b.value) and _last_digit(a) == _last_digit(b)):
                out.append((a, b))
    return out


def line_repeats(lines) -> list[tuple[Figure, Figure]]:
    """One offering line stated twice with one figure mistyped: two lines of
    the same quantity whose prices are one digit apart ("2.4 crore shares at Rs 400 apiece"
    ... "2,40,00,000 equity shares ... priced at Rs 500"), or of the same price whose
    quantities are, at the coarser one's precision. Which of the two is wrong the engine
    decides as for proceeds: the one no relation confirms, when the other is confirmed. Only
    lines stated in one sentence count: a price borrowed from the next may be an exercise price."""
    stated = [x for x in lines if not x.borrowed and not x.candidate and not x.up_to]
    out = []
    for i, a in enumerate(stated):
        for b in stated[i + 1:]:
            if a.sentence == b.sentence:
                continue  # one sentence's lines are several ("..., in each case at 5 pence")
            if a.quantity.stated.meets(b.quantity.stated) and a.price.value != b.price.value \
                    and (a.price.currency, a.price.exponent) == (b.price.currency,
                                                                b.price.exponent) \
                    and one_digit_apart(a.price, b.price.value):
                out.append((a.price, b.price))
            elif a.price.value == b.price.value and a.price.currency == b.price.currency \
                    and a.quantity.value != b.quantity.value:
                coarse, fine = sorted((a.quantity, b.quantity), key=lambda f: -f.exponent)
                if not coarse.stated.meets(Interval.point(fine.value)) \
                        and one_digit_apart(coarse, fine.value):
                    out.append((coarse, fine))
    return out


def heading_repeats(headings) -> list[tuple[Figure, Figure]]:
    """A heading's count and the same securities counted in the body, one digit apart (any two
    one-digit counts are): which of the two is wrong the engine decides as for proceeds."""
    return [(h, f) for h, f in headings
            if h.value != f.value and (h.exponent, h.currency) == (f.exponent, f.currency)
            and (one_digit_apart(h, f.value)
                 or len(written_digits(h)) == 1 == len(written_digits(f)))]


def _restates(rounded: Figure, exact: Figure) -> bool:
    """``exact`` rounds to ``rounded``, or does once one digit of ``rounded`` is changed
    decisively (the changed digit worth 25 times the rounding, two digits standing)."""
    if rounded.stated.meets(Interval.point(exact.value)):
        return True
    low, high = exact.value - rounded.unit / 2, exact.value + rounded.unit / 2
    place = repair_place(rounded, low, high)
    return place is not None and decisive(rounded, place, high - low)


def _shared(figures: tuple[Figure, ...], a: Figure, b: Figure) -> int:
    """How many other figures of two or more digits the sentences of ``a`` and ``b`` both
    state, alike."""
    def others(f: Figure) -> set[tuple]:
        return {(g.kind, g.currency, g.value) for g in figures
                if g.sentence == f.sentence and g is not f and significant(g) >= 2}
    return len(others(a) & others(b))


def _last_digit(f: Figure) -> str:
    return written_digits(f)[-1:]
