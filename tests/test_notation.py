"""Number notation: a document's own convention, or a CLDR locale through babel."""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from validator import check_text
from validator.cli import main
from validator.notation import ENGLISH, Notation, detect, for_locale
from validator.reader import Document
from validator.scanner import Lexicon, scan


@pytest.mark.parametrize("text, notation", [
    ("It sold 2,500,000 shares at $1.25 for $3,125,000.", ENGLISH),
    ("Es wurden 2.044.089 neue Aktien zu je EUR 2,40 ausgegeben.", Notation(",", ".")),
    ("Teckningskurs: 2,50 SEK per aktie; högst 3 892 954 aktier.", Notation(",", " ")),
    ("Le placement de 4 439 706 actions à 0,085 $ par action.", Notation(",", " ")),
    ("Der Erlös beträgt CHF 1'250'000 bei 500'000 Aktien.", Notation(".", "'")),
    ("It sold 1,250 shares.", ENGLISH),  # ambiguous alone: English
    ("Antal aktier: 11 678 862 aktier.", Notation(",", " ")),  # English never groups so
    ("On May 5 100 shares were sold for $4.3 million.", ENGLISH),
])
def test_detect_reads_the_documents_own_convention(text, notation):
    assert detect(text) == notation


@pytest.mark.parametrize("locale, notation", [
    ("en_US", ENGLISH), ("de_DE", Notation(",", ".")), ("sv_SE", Notation(",", " ")),
    ("fr-FR", Notation(",", " ")), ("de_CH", Notation(".", "'")),
])
def test_for_locale_uses_cldr_symbols(locale, notation):
    assert for_locale(locale) == notation


def test_an_unknown_locale_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["check", "--locale", "xx_YY", "whatever.txt"])
    assert exc.value.code == 2
    assert "unknown locale 'xx_YY'" in capsys.readouterr().err


@pytest.mark.parametrize("text, notation, value, currency", [
    ("zu je EUR 2,40", Notation(",", "."), "2.40", "EUR"),
    ("EUR 16.353.334,00", Notation(",", "."), "16353334.00", "EUR"),
    ("cirka 9,7 MSEK", Notation(",", " "), "9700000", "SEK"),
    ("bis zu 5 Millionen Euro", Notation(",", "."), "5000000", "EUR"),
    ("€3,5 Mio. Bruttoerlös", Notation(",", "."), "3500000", "EUR"),
    ("un montant de 784 575,06 $", Notation(",", " "), "784575.06", "$"),
    ("CHF 1'250'000.50", Notation(".", "'"), "1250000.50", "CHF"),
])
def test_figures_in_each_notation(text, notation, value, currency):
    (f,) = [f for f in scan(Document.from_text(text), Lexicon(notation)) if f.currency]
    assert f.value == Decimal(value) and f.currency == currency


def test_the_same_digits_read_by_the_documents_convention():
    german = check_text("Die Gesellschaft gibt 2.044.089 Aktien zu EUR 1,250 aus.")
    english = check_text("The company issues 2,044,089 shares at EUR 1,250 each.")
    assert [f.value for f in german.figures if f.currency] == [Decimal("1.250")]
    assert [f.value for f in english.figures if f.currency] == [Decimal("1250")]


NOTATIONS = [ENGLISH, Notation(",", "."), Notation(",", " "), Notation(".", "'")]


@settings(max_examples=200)
@given(st.text(alphabet=st.sampled_from(list("0123456789 .,'$€%MSEKmio-\n")), max_size=60),
       st.sampled_from(NOTATIONS))
def test_scanning_in_any_notation_never_raises(text, notation):
    for f in scan(Document.from_text(text), Lexicon(notation)):
        assert text[f.span.start:f.span.end] == f.text
    detect(text)


def test_messages_write_computed_values_in_the_releases_notation():
    text = ("Die Gesellschaft platziert 2.044.089 neue Aktien zum Bezugspreis von EUR 2,40 je "
            "Aktie. Der Bruttoemissionserlös beträgt EUR 4.905.831,60.")
    (c,) = check_text(text).failures
    assert "EUR 4.905.813,60" in c.message and "EUR 18,00" in c.message
    assert Notation(",", " ").write("1,234,567.89") == "1 234 567,89"
    assert Notation(".", "'").write("1,234,567.89") == "1'234'567.89"


@settings(max_examples=300)
@given(st.integers(-10**15, 10**15), st.integers(0, 8), st.integers(0, 4))
def test_computed_values_are_grouped_and_rounded_as_babels_english_data_does(n, scale, digits):
    from babel.numbers import format_decimal

    from validator.numbers import render_like

    value = Decimal(n).scaleb(-scale)
    (money,) = scan(Document.from_text(f"$1.{'5' * digits}" if digits else "$1"))
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    assert render_like(value, money) == "$" + format_decimal(
        value, format=pattern, locale="en_US", decimal_quantization=True)
    (percent,) = scan(Document.from_text("7%"))
    assert render_like(value, percent) == format_decimal(
        value, format="#,##0.####", locale="en_US") + "%"
