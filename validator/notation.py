"""How a release writes its numbers: the decimal mark and the digit-group separator.

One convention holds for a whole document, so an ambiguous "1,250" is read by the release's
own habit ("2.044.089 Aktien zu EUR 2,40" makes it one and a quarter), not guessed per figure.
It comes from ``--locale`` (CLDR data through babel) or is detected from the text.
"""

from __future__ import annotations

import re

import attrs


@attrs.frozen
class Notation:
    """How a market writes numbers: its decimal mark and its group separator."""

    decimal: str  # "." or ","
    group: str  # ",", ".", " " (any space: the reader folds no-break spaces) or "'"

    @property
    def english(self) -> bool:
        """1,234,567.89."""
        return self == ENGLISH

    def write(self, english: str) -> str:
        """A number formatted the English way ("1,234,567.89") written in this notation."""
        if self.english:
            return english
        return english.translate({ord(","): "\0", ord("."): self.decimal}).replace(
            "\0", self.group)


ENGLISH = Notation(".", ",")
_SPACES = {"\u00a0", "\u202f", "\u2009", " "}
_APOSTROPHES = {"'", "\u2019"}


def for_locale(name: str) -> Notation:
    """The notation of a CLDR locale ("de_DE", "sv-SE", "fr_CH"); ValueError naming the
    problem for a locale babel does not know or whose notation the scanner cannot read."""
    from babel import Locale, UnknownLocaleError
    from babel.numbers import get_decimal_symbol, get_group_symbol

    try:
        locale = Locale.parse(name.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        raise ValueError(f"unknown locale {name!r} (use a CLDR name such as en_US, de_DE, "
                         "sv_SE)") from None
    decimal, group = get_decimal_symbol(locale), get_group_symbol(locale)
    group = " " if group in _SPACES else "'" if group in _APOSTROPHES else group
    if decimal not in ".," or group not in ",. '" or decimal == group:
        raise ValueError(f"{name!r} writes numbers with {decimal!r} and {group!r}, which the "
                         "scanner does not read")
    return Notation(decimal, group)


# Evidence for each convention; a pattern counts once per match.
_COMMA_DECIMAL = [
    re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3}){2,}(?![\d.])"),  # 2.044.089
    re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+,\d+(?![\d,])"),  # 1.250,50
    re.compile(r"(?<![\d.,])\d+,\d{1,2}\s?(?:€|\$|SEK|NOK|DKK|EUR|CHF|kr|Mio|Mrd|MSEK|"
               r"Millionen|Milliarden|miljoner|millions?|%)"),  # 2,50 SEK, 3,5 Mio.
    re.compile(r"(?:€|EUR|SEK|NOK|DKK|CHF)\s?\d+,\d{1,2}(?![\d,])"),  # EUR 2,40, €1,25
    re.compile(r"(?<![\d.,])0,\d+(?![\d,])"),  # 0,085: no group starts with a zero
]
_POINT_DECIMAL = [
    re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3}){2,}(?![\d,])"),  # 1,234,567
    re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+\.\d+(?![\d.])"),  # 1,250.50
    re.compile(r"(?<![\d.,])\d+\.\d{1,2}\s?(?:million|billion|%|per\s?cent)"),  # 4.3 million
]
_SPACE_GROUPS = re.compile(r"(?<![\d.,])\d{1,3}(?: \d{3}){1,}(?![\d])(?!\s?\d)")
_SPACED_MILLIONS = re.compile(r"(?<![\d.,])\d{1,3}(?: \d{3}){2,}(?![\d])(?!\s?\d)")
_APOSTROPHE_GROUPS = re.compile(r"(?<![\d.,'])\d{1,3}(?:'\d{3})+(?![\d'])")


def detect(text: str) -> Notation:
    """The convention the text's own unambiguous numbers follow; English when unsure."""
    comma = sum(len(p.findall(text)) for p in _COMMA_DECIMAL)
    point = sum(len(p.findall(text)) for p in _POINT_DECIMAL)
    spaced = len(_SPACE_GROUPS.findall(text))
    apostrophes = len(_APOSTROPHE_GROUPS.findall(text))
    if apostrophes and apostrophes >= point and not comma:
        return Notation(".", "'")
    if comma > point:
        # "2 800 000 aktier à 2,50 SEK": spaces group the digits where dots do not
        dotted = len(_COMMA_DECIMAL[0].findall(text)) + len(_COMMA_DECIMAL[1].findall(text))
        return Notation(",", " " if spaced > dotted else ".")
    if not point and _SPACED_MILLIONS.search(text):
        return Notation(",", " ")  # "11 678 862 aktier": English never groups so
    return ENGLISH
