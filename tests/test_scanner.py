from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from validator.figures import Kind, Qualifier
from validator.reader import Document
from validator.scanner import scan


def figures(text):
    return scan(Document.from_text(text))


def one(text):
    found = figures(text)
    assert len(found) == 1, [f.text for f in found]
    return found[0]


@pytest.mark.parametrize("text, written, value, exponent, currency", [
    ("paid $4.50 each", "$4.50", "4.50", -2, "$"),
    ("raised US$1,234,567.89 today", "US$1,234,567.89", "1234567.89", -2, "USD"),
    ("at C$0.05 a share", "C$0.05", "0.05", -2, "CAD"),
    ("at CA$1.15 a share", "CA$1.15", "1.15", -2, "CAD"),
    ("for CAD 2,000,000 in cash", "CAD 2,000,000", "2000000", 0, "CAD"),
    ("at A$0.20 a share", "A$0.20", "0.20", -2, "AUD"),
    ("raising £1.2 million", "£1.2 million", "1200000", 5, "GBP"),
    ("raising €1,250,000", "€1,250,000", "1250000", 0, "EUR"),
    ("placed at 4p each", "4p", "0.04", -2, "GBP"),
    ("placed at 2.5 pence each", "2.5 pence", "0.025", -3, "GBP"),
    ("priced at 7 cents", "7 cents", "0.07", -2, "$"),
    ("a $15.8 Million offering", "$15.8 Million", "15800000", 5, "$"),
    ("a $2.33m tranche", "$2.33m", "2330000", 4, "$"),
    ("a $1.2bn deal", "$1.2bn", "1200000000", 8, "$"),
    ("a $250k fee", "$250k", "250000", 3, "$"),
    ("which produced $2.33m.", "$2.33m", "2330000", 4, "$"),  # a scale at a sentence's end
    ("placed at 4p.", "4p", "0.04", -2, "GBP"),
    ("at 6.03 Singapore cents each", "6.03 Singapore cents", "0.0603", -4, "SGD"),
    ("raised Rs 1,200 crore", "Rs 1,200 crore", "12000000000", 7, "INR"),
    ("worth Rs 5 lakh", "Rs 5 lakh", "500000", 5, "INR"),
    ("a $25-million placement", "$25-million", "25000000", 6, "$"),
    ("priced at C17 cents each", "C17 cents", "0.17", -2, "CAD"),
])
def test_money(text, written, value, exponent, currency):
    f = one(text)
    assert (f.text, f.value, f.exponent, f.kind, f.currency) == (
        written, Decimal(value), exponent, Kind.MONEY, currency)


@pytest.mark.parametrize("text, value", [
    ("a fee of 7% of proceeds", "7"), ("a fee of 7 per cent", "7"), ("seven percent", "7"),
    ("16.1 per cent. of the capital", "16.1"),
])
def test_percent(text, value):
    f = one(text)
    assert f.kind is Kind.PERCENT and f.value == Decimal(value)


@pytest.mark.parametrize("text, value, noun", [
    ("sold 411,000 shares", "411000", "shares"),
    ("issued 25,497,283 Units", "25497283", "units"),
    ("issued 5,250,000 flow-through (FT) units", "5250000", "units"),
    ("issued 109.09 million rights shares", "109090000", "shares"),
    ("New Ordinary Shares issued: 2,500,000", "2500000", "shares"),
    ("comprises 2,40,00,000 equity shares", "24000000", "shares"),  # Indian grouping
    ("issued 2.4 crore shares", "24000000", "shares"),
    ("Placement: 50,612,567 to be issued under listing rule 7.1", "50612567", "securities"),
    ("and 3,415 shares of convertible preferred stock", "3415", "preferred"),
    ("will receive 1,033 Convertible Preferred Shares", "1033", "preferred"),
])
def test_counts(text, value, noun):
    f = one(text)
    assert (f.kind, f.value, f.noun) == (Kind.COUNT, Decimal(value), noun)


@pytest.mark.parametrize("text, value", [
    ("one-half of one warrant", Decimal(1) / 2), ("one-third of a warrant", Decimal(1) / 3),
    ("a warrant for .5 shares", Decimal("0.5")),  # a ratio, not a count of shares
])
def test_fractions(text, value):
    f = figures(text)[0]
    assert (f.value, f.kind) == (value, Kind.NUMBER)


@pytest.mark.parametrize("text, qualifier", [
    ("raising approximately $2 million", Qualifier.APPROX),
    ("raising about $2 million", Qualifier.APPROX),
    ("raising over $4.3 million", Qualifier.OVER),
    ("raising more than $4.3 million", Qualifier.OVER),
    ("raising in excess of $4.3 million", Qualifier.OVER),
    ("raising at least $4.3 million", Qualifier.OVER),
    ("raising up to $5 million", Qualifier.UP_TO),
    ("a maximum of $5 million", Qualifier.UP_TO),
    ("the value did not exceed $2.5-million", Qualifier.UP_TO),  # a limit, not an amount
    ("less than $2.5 million", Qualifier.UP_TO),
    ("up to about S$10.3 million", Qualifier.UP_TO),
    ("to buy up to an additional 735,000 units", Qualifier.UP_TO),
    ("may sell as many as 3.2 million additional units", Qualifier.UP_TO),
    ("raising $5 million", Qualifier.EXACT),
])
def test_qualifiers(text, qualifier):
    assert one(text).qualifier is qualifier


@pytest.mark.parametrize("text", [
    "On December 27, 2016 the board met.",
    "Call 781-466-6444 for details.",
    "relying on Section 4(a)(2) and Rule 506(b)",
    "under Multilateral Instrument 61-101",
    "Commission File No. 333-193467",
    "filed on Form S-3 in Q4 2025",
    "the Phase 2b trial",
    "visit www.example.com/2013/09 or mail ir@example.com",
    "write to 2500.investors@example.com, 9:00-17:00",
    "closing at 11:00 a.m. on 3 May 2028",
    "the 9,000-metre drill program",
])
def test_distractors_are_not_figures(text):
    assert [f.text for f in figures(text)] == []


def test_a_count_shares_the_noun_of_the_count_it_is_paired_with():
    found = figures("issued shares went from 1,277,948,588 to 1,916,922,882 shares; it issued "
                    "102,820 and 2,000 Broker Warrants")
    assert [(f.text, f.noun) for f in found] == [
        ("1,277,948,588", "shares"), ("1,916,922,882", "shares"), ("102,820", "warrants"),
        ("2,000", "warrants")]


def test_an_approximate_round_figure_is_rounded_at_its_last_non_zero_digit():
    assert one("roughly 730,000 shares").exponent == 4
    assert one("730,000 shares").exponent == 0
    assert one("about 16.1 per cent").exponent == -1


def test_a_price_before_a_parenthesis_is_no_time_of_day():
    assert [f.text for f in figures("priced at US$0.43 (CA$0.602) each")] == ["US$0.43",
                                                                              "CA$0.602"]
    assert figures("closed at 11.00 (UK time)") == ()


def test_spans_locate_figures_in_the_original_text():
    text = "Title line\nSold 1,000\u00a0shares at $2.00 per share."
    doc = Document.from_text(text)
    found = scan(doc)
    assert [(f.text, f.span.line, f.span.column) for f in found] == [
        ("1,000", 2, 6), ("$2.00", 2, 22)]
    for f in found:
        assert text[f.span.start:f.span.end] == f.text


def test_typographic_spaces_and_signs_are_tolerated():
    f = one("gross proceeds of\u202fUS$\u00a01,000")
    assert f.value == Decimal(1000) and f.currency == "USD"


def test_bare_dollar_takes_the_documents_one_named_dollar():
    found = figures("Units at C$0.50 each raised $1,000,000.")
    assert [f.currency for f in found] == ["CAD", "CAD"]


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_scanning_never_raises(text):
    for f in scan(Document.from_text(text)):
        assert text[f.span.start:f.span.end] == f.text


def test_a_nominal_value_between_count_and_noun_keeps_the_noun():
    f = scan(Document.from_text("an issue of up to 193.50 million new 15 sen shares"))[0]
    assert f.kind is Kind.COUNT and f.noun == "shares" and f.value == Decimal("193500000")


def test_an_amount_written_before_shares_counts_them():
    # a stray currency symbol: the noun says what the figure measures
    f = figures("it sold a further $480,000 Class-A shares at $1.50")[0]
    assert f.kind is Kind.COUNT and f.currency is None and f.value == Decimal(480000)
    # an amount of shares, a scaled amount and a nominal value stay money
    for text in ("$2,000,000 of shares", "$2 million common shares offering",
                 "$250,000 in shares", "$1,000 debentures"):
        assert one(text).kind is Kind.MONEY, text


@pytest.mark.parametrize("text, qualifiers, exponents", [
    # one approximation qualifies the round counts joined to it
    ("roughly 730,000 shares and 370,000 warrants were issued",
     [Qualifier.APPROX, Qualifier.APPROX], [4, 4]),
    ("about 1,200,000 units and 600,000 broker warrants",
     [Qualifier.APPROX, Qualifier.APPROX], [5, 5]),
    # a count written to the unit is no rounding
    ("approximately 2,000,000 shares and 1,234,567 warrants",
     [Qualifier.APPROX, Qualifier.EXACT], [6, 0]),
    # nor a count beside an unqualified one
    ("2,000,000 shares and 1,000,000 warrants", [Qualifier.EXACT, Qualifier.EXACT], [0, 0]),
    # nor a count that is not joined to it
    ("roughly 730,000 shares were issued, with 370,000 warrants",
     [Qualifier.APPROX, Qualifier.EXACT], [4, 0]),
])
def test_an_approximation_qualifies_the_round_counts_joined_to_it(text, qualifiers, exponents):
    found = figures(text)
    assert [f.qualifier for f in found] == qualifiers
    assert [f.exponent for f in found] == exponents


def test_the_lower_bound_of_a_stated_range_is_a_figure_as_written():
    low, high = figures("raising at least $7 million and at most $9.7 million")
    assert (low.qualifier, high.qualifier) == (Qualifier.EXACT, Qualifier.UP_TO)
    # alone, "at least" is a lower bound
    assert one("raising at least $7 million").qualifier is Qualifier.OVER
