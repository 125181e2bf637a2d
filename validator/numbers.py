"""Formatting computed values in the release's own notation; currency symbols from babel's
CLDR data."""

from __future__ import annotations

import re
from decimal import Decimal

from .figures import Figure, Kind

_PREFIX = re.compile(r"^\D*?(?=[\d.])")


def render_like(value: Decimal, like: Figure, extra_digits: int = 0) -> str:
    """``value`` written the way ``like`` is: same currency mark, full digits.

    ``extra_digits`` keeps cents (or more) where the stated figure dropped them, so that a
    difference below the stated precision stays visible. Digits are grouped in the English
    way by Python's own format specification (rounding half to even, as babel's en_US
    patterns do; loading babel's locale data for it cost every run 45 ms) and then written
    in the release's notation.
    """
    if like.kind is Kind.PERCENT:  # up to four decimals, as many as it needs
        return like.notation.write(format(value, ",.4f").rstrip("0").rstrip(".")) + "%"
    decimals = max(-like.exponent, 0) if like.exponent < 0 else 0
    if like.kind is Kind.MONEY:
        decimals = max(decimals, extra_digits)
    text = like.notation.write(format(value, f",.{decimals}f"))
    if like.kind is Kind.MONEY:
        prefix = _PREFIX.match(like.text).group() if _PREFIX.match(like.text) else ""
        if not prefix.strip() or prefix.strip()[0].isdigit():
            prefix = _symbol(like.currency)
        return f"{prefix}{text}"
    return text


def _symbol(currency: str | None) -> str:
    """How to write an amount's currency before it: "$", "£", "€", "RM", else the ISO code
    ("SEK 9,732,385.00") as babel's English data gives it."""
    if currency in (None, "$"):
        return "$"
    if currency == "MYR":
        return "RM"
    from babel.numbers import get_currency_symbol

    symbol = get_currency_symbol(currency, locale="en_US")
    return symbol if symbol[-1] in "$£€¥₹" else f"{symbol} "
