"""Hypothesis strategies: consistent deals rendered in several phrasings with babel's formatting."""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_decimal
from hypothesis import strategies as st

CURRENCIES = {"USD": "US$", "CAD": "C$", "AUD": "A$", "GBP": "£", "EUR": "€"}


def money(value: Decimal, mark: str, decimals: int) -> str:
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return mark + format_decimal(value, format=pattern, locale="en_US")


def count(value: int) -> str:
    return format_decimal(value, format="#,##0", locale="en_US")


@st.composite
def deals(draw):
    """A single-line deal: (text, figures that must pass). Gross is exact to the cent."""
    shares = draw(st.integers(min_value=10_000, max_value=90_000_000))
    cents = draw(st.integers(min_value=1, max_value=2_000))
    price = Decimal(cents) / 100
    code = draw(st.sampled_from(sorted(CURRENCIES)))
    mark = CURRENCIES[code]
    gross = shares * price
    rate = draw(st.sampled_from([5, 6, 7, 8]))
    commission = gross * rate / 100
    noun = draw(st.sampled_from(["common shares", "units", "flow-through units"]))
    phrasing = draw(st.integers(min_value=0, max_value=2))
    g, p, q = money(gross, mark, 2), money(price, mark, 2), count(shares)
    c = money(commission, mark, 2)
    text = [
        f"The company sold {q} {noun} at {p} per unit for gross proceeds of {g}.",
        f"It issued {q} {noun} at a price of {p} each, raising gross proceeds of {g}.",
        f"Acme closed its private placement of {q} {noun} priced at {p} per share for gross "
        f"proceeds of {g}.",
    ][phrasing]
    text += f" The agent received a cash commission of {rate}% of the gross proceeds, being {c}."
    return text, {"shares": q, "price": p, "gross": g, "commission": c}


CONTINENTAL = {
    "de_DE": ("Die Gesellschaft platziert {q} neue Aktien zum Bezugspreis von EUR {p} je Aktie. "
              "Der Bruttoemissionserlös beträgt EUR {g}."),
    "sv_SE": ("Bolaget emitterar {q} nya aktier till en kurs av {p} SEK per aktie. "
              "Emissionslikviden uppgår till {g} SEK."),
}


@st.composite
def continental_deals(draw):
    """A deal in German or Swedish, its numbers written by babel in that locale's notation:
    (text, the gross as written)."""
    shares = draw(st.integers(min_value=10_000, max_value=90_000_000))
    price = Decimal(draw(st.integers(min_value=1, max_value=2_000))) / 100
    locale = draw(st.sampled_from(sorted(CONTINENTAL)))
    q = format_decimal(shares, format="#,##0", locale=locale)
    p = format_decimal(price, format="#,##0.00", locale=locale)
    g = format_decimal(shares * price, format="#,##0.00", locale=locale)
    return CONTINENTAL[locale].format(q=q, p=p, g=g), g
