"""The figures of a release: what was written, where, its exact value and its interval."""

from __future__ import annotations

from decimal import Decimal
from enum import Enum

import attrs

from .notation import ENGLISH, Notation


class Kind(str, Enum):
    """What a figure measures."""

    MONEY = "money"
    COUNT = "count"  # a number of securities
    PERCENT = "percent"
    NUMBER = "number"  # anything else, including ratios such as "one-half"


class Qualifier(str, Enum):
    """How a figure is qualified in the words before it."""

    EXACT = "exact"  # as written: rounded only at its last written digit
    APPROX = "approximately"
    OVER = "over"  # over, more than, in excess of, at least: a lower bound
    UP_TO = "up to"  # a target or maximum, never an actual


@attrs.frozen
class Interval:
    """A closed interval of exact decimals; ``high is None`` means unbounded above."""

    low: Decimal
    high: Decimal | None

    @classmethod
    def point(cls, value: Decimal) -> Interval:
        """The interval of one exact value."""
        return cls(value, value)

    @property
    def exact(self) -> bool:
        """A single value."""
        return self.high == self.low

    def meets(self, other: Interval) -> bool:
        """True when the two intervals share at least one value. Two ranges of rounding that
        only touch share none: "$4 million" covers [3.5, 4.5) and "$5 million" [4.5, 5.5)."""
        if self.width and other.width:
            below = self.high is not None and self.high <= other.low
            above = other.high is not None and other.high <= self.low
        else:
            below = self.high is not None and self.high < other.low
            above = other.high is not None and other.high < self.low
        return not (below or above)

    @property
    def width(self) -> Decimal | None:
        """high - low; None when unbounded."""
        return None if self.high is None else self.high - self.low

    def __add__(self, other: Interval) -> Interval:
        high = None if self.high is None or other.high is None else self.high + other.high
        return Interval(self.low + other.low, high)

    def __sub__(self, other: Interval) -> Interval:
        if other.high is None:
            raise ValueError("cannot subtract an unbounded interval")
        high = None if self.high is None else self.high - other.low
        return Interval(self.low - other.high, high)

    def __mul__(self, other: Interval) -> Interval:
        return _corners(self, other, lambda a, b: a * b)

    def __truediv__(self, other: Interval) -> Interval:
        if other.low <= 0 <= (other.high if other.high is not None else other.low):
            raise ZeroDivisionError("interval divisor contains zero")
        return _corners(self, other, lambda a, b: a / b)

    @property
    def mid(self) -> Decimal:
        """The midpoint; the low end when unbounded above."""
        return self.low if self.high is None else (self.low + self.high) / 2


def _corners(a: Interval, b: Interval, op) -> Interval:
    if a.high is None or b.high is None:
        # Unbounded operands only appear for "over" figures, which are non-negative amounts.
        lows = [op(a.low, b.low)]
        return Interval(min(lows), None)
    values = [op(x, y) for x in (a.low, a.high) for y in (b.low, b.high)]
    return Interval(min(values), max(values))


@attrs.frozen
class Span:
    """Where a figure sits: character offsets into the decoded text and 1-based line/column."""

    start: int
    end: int
    line: int
    column: int
    # where a line number says little (Word, PDF): "table 1, row 2, cell 3", "page 2, line 5"
    label: str | None = None


@attrs.frozen(cache_hash=True)  # figures are hashed in every binding's sets
class Figure:
    """One number as written in the release.

    ``value`` is the exact number used in arithmetic: money in major units of its currency
    ("4p" is 0.04 GBP), percentages as written ("7%" is 7), counts and plain numbers as is.
    ``exponent`` is the power of ten of the last written digit ("$4.3 million" has 5, "$4.50"
    has -2): the precision the figure was stated at.
    """

    id: str
    text: str
    span: Span
    value: Decimal
    exponent: int
    kind: Kind
    currency: str | None = None  # ISO 4217 code, or "$" for a dollar of unstated country
    qualifier: Qualifier = Qualifier.EXACT
    noun: str | None = None  # the security a count counts ("shares", "units", "warrants")
    words: bool = False  # written in words ("one-half", "seven percent")
    scaled: bool = False  # written with a scale word ("$4.3 million", "$2.33m")
    # Filled in by the roles stage: the primary role, every role whose cue was found (nearest
    # first), and the sentence and paragraph the figure stands in.
    role: str | None = None
    roles: tuple[str, ...] = ()
    cue_distance: int | None = None
    sentence: int = -1
    paragraph: int = -1
    # the same amount in another currency, written beside it: "US$0.43 (CA$0.602)"
    twin: str | None = None
    # a figure of another kind glossing it in parentheses: "22% (HK$71.7 million)"
    aside: str | None = None
    # how the release writes numbers (notation.py): computed values are shown the same way
    notation: Notation = ENGLISH

    @property
    def stated(self) -> Interval:
        """The interval this figure claims when it is the figure being checked."""
        if self.qualifier is Qualifier.OVER:
            # "over $8.54m", "more than $4 million": at least the figure, and less than ten
            # units of its last digit more; a writer says "over $5 million" of $5.2 million
            return Interval(self.value, self.value + 10 * self.unit)
        half = Decimal(5).scaleb(self.exponent - 1)
        return Interval(self.value - half, self.value + half)

    @property
    def operand(self) -> Interval:
        """The interval this figure contributes when it is an input to a computation.

        A figure written in full digits is exact as an input; a rounded one ("$4.3 million",
        "approximately 2 million") stands for everything that rounds to it.
        """
        if self.rounded:
            return self.stated
        return Interval.point(self.value)

    @property
    def rounded(self) -> bool:
        """Written with a scale word, or qualified as approximate or as a bound."""
        return self.qualifier is not Qualifier.EXACT or (
            self.scaled and self.exponent > 0 and not self.words)

    @property
    def unit(self) -> Decimal:
        """One unit of the last written digit."""
        return Decimal(1).scaleb(self.exponent)
