"""The role vocabulary is data: it is validated on load, and its cues decide roles."""

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from validator.figures import Kind
from validator.pipeline import check_text
from validator.reader import Document
from validator.roles import assign
from validator.rulefiles import RuleFileError
from validator.scanner import scan
from validator.vocabulary import builtin, parse_vocabulary

GOOD = """
language = "xx"
[roles.price]
kinds = ["money"]
before = ["at"]
after = ["per share"]
[roles.per_security]
kinds = ["money"]
window = 20
secondary = true
after = ["per share"]
"""


def test_builtin_english_vocabulary_loads():
    vocabulary = builtin("en")
    assert {"price", "gross", "commission", "per_security"} <= vocabulary.roles


@pytest.mark.parametrize("edit, message", [
    (("kinds = [\"money\"]\nbefore", "kinds = [\"cash\"]\nbefore"), "price"),
    (("window = 20", "window = -1"), "window must be a positive integer"),
    (("secondary = true", "secondary = \"yes\""), "secondary must be true or false"),
    (("after = [\"per share\"]\n[roles.per", "colour = 1\n[roles.per"), "unknown key 'colour'"),
    (("secondary = true", "secondary = true\noverrides = [\"nothing\"]"),
     "overrides unknown role 'nothing'"),
])
def test_bad_vocabulary_names_the_file_and_the_problem(edit, message):
    text = GOOD.replace(*edit)
    assert text != GOOD
    with pytest.raises(RuleFileError, match=message) as err:
        parse_vocabulary(text, "rules/vocabulary/xx.toml")
    assert str(err.value).startswith("rules/vocabulary/xx.toml: ")


def test_a_secondary_role_never_becomes_the_primary_one():
    vocabulary = parse_vocabulary(GOOD, "xx.toml")
    (price,) = [f for f in check_text("bought at $4.50 per share", vocabulary=vocabulary).figures
                if f.kind is Kind.MONEY]
    assert price.role == "price" and "per_security" in price.roles


def test_rule_roles_are_data_and_every_shipped_rule_names_only_them():
    from validator.roletable import builtin_roles
    from validator.rules import builtin_rules
    roles = builtin_roles()
    assert roles["gross"].kind is Kind.MONEY and "amount" in roles["gross"].accepts
    assert roles["headline"].accepts == {"headline"}  # a role accepts itself by default
    for rule in builtin_rules():
        named = {rule.check.stated, *(r.removeprefix("sum(").rstrip(")")
                                      for r in rule.check.operand_roles)}
        assert named <= set(roles), rule.id


@pytest.mark.parametrize("text, message", [
    ('[gross]\nkind = "cash"', "kind must be money, count, percent, number or any"),
    ('[gross]\nkind = "money"\naccepts = "gross"', "accepts must be a list of role names"),
    ('[gross]\nkind = "money"\ncolour = 1', "unknown key 'colour'"),
    ('[gross]\nkind = "money"\nrejects = "net"', "rejects must be a list of role names"),
    ('[gross]\nkind = "money"\nnarrowed = ["net"]', "narrowed must map roles to lists of roles"),
    ('[gross]\nkind = "money"\nnarrowed = { of_net = "net" }',
     "narrowed must map roles to lists of roles"),
    ('gross = 1', "must be a table"),
])
def test_bad_rule_roles_name_the_file_and_the_problem(text, message):
    from validator.roletable import parse_roles
    with pytest.raises(RuleFileError, match=message) as err:
        parse_roles(text, "rules/roles.toml")
    assert str(err.value).startswith("rules/roles.toml: [gross]")


@pytest.mark.parametrize("text, figure, role", [
    ("Each unit sells for $0.50.", "$0.50", "price"),
    ("Each share goes for $2.05.", "$2.05", "price"),
    ("It bought 781,250 units for a total subscription price of $250,000.", "$250,000", "gross"),
    ("It bought 781,250 units for an aggregate purchase price of $250,000.", "$250,000", "gross"),
])
def test_phrases_with_a_gap_name_the_role(text, figure, role):
    (f,) = [f for f in check_text(text).figures if f.text == figure]
    assert f.role == role


def test_every_shipped_language_is_merged_into_the_default_vocabulary():
    merged = builtin()
    assert {"en", "de", "sv", "fr"} <= set(merged.language.split("+"))
    assert ("aktier", "shares") in merged.nouns and ("bis zu", "up_to") in merged.qualifiers


@pytest.mark.parametrize("extra, message", [
    ('[nouns]\nshares = "Aktien"\n', "must be a list of phrases"),
    ('[qualifiers]\nsometimes = ["manchmal"]\n', "'sometimes' is not one of"),
    ('colour = "red"\n', "unknown key 'colour'"),
])
def test_bad_language_tables_are_rejected(extra, message):
    text = GOOD.replace('language = "xx"\n', 'language = "xx"\n' + extra)
    with pytest.raises(RuleFileError, match=message):
        parse_vocabulary(text, "xx.toml")


@pytest.mark.parametrize("text, noun, qualifier", [
    ("Ausgegeben werden bis zu 2.044.089 neue Inhaber-Stückaktien.", "shares", "up to"),
    ("Antal aktier före nyemissionen: cirka 11 678 862 aktier.", "shares", "approximately"),
    ("La tranche comprend 4 439 706 actions ordinaires.", "shares", "exact"),
])
def test_other_languages_name_counts_and_qualify_them(text, noun, qualifier):
    (count,) = [f for f in check_text(text).figures if f.kind is Kind.COUNT]
    assert count.noun == noun and count.qualifier.value == qualifier


GERMAN = ("Die Gesellschaft platziert 2.044.089 neue Aktien zum Bezugspreis von EUR 2,40 je "
          "Aktie. Der Bruttoemissionserlös beträgt EUR {}.")


def test_a_german_release_is_checked_like_an_english_one():
    (ok,) = [c for c in check_text(GERMAN.format("4.905.813,60")).checks if c.rule == "PV001"]
    assert ok.status.value == "pass"
    (bad,) = [c for c in check_text(GERMAN.format("4.905.831,60")).failures]
    assert bad.rule == "PV001" and bad.stated.text == "EUR 4.905.831,60"


def test_chinese_figures_are_read_beside_chinese_characters():
    report = check_text("公司同意發行62,695,126股H股。預計可籌得總額約為10.34億港元。")
    count, money = report.figures
    assert count.kind is Kind.COUNT and count.noun == "shares" and count.value == 62695126
    assert money.currency == "HKD" and money.value == 1034000000
    assert money.qualifier.value == "approximately" and "gross" in money.roles


def test_a_chinese_discount_is_checked():
    text = "配售價定為每股配售股份16.5港元。以收市價19.14港元計算，折讓約{}。"
    (ok,) = [c for c in check_text(text.format("13.79%")).checks if c.rule == "PV011"]
    assert ok.status.value == "pass"
    assert [c.rule for c in check_text(text.format("23.79%")).failures] == ["PV011"]


def test_at_least_and_at_most_are_qualifiers_not_a_price_cue():
    report = check_text("The issue will raise at least $7 million and at most $9.7 million.")
    low, high = [f for f in report.figures if f.currency]
    # (the lower bound of the range is its minimum, as written: test_scanner)
    assert low.qualifier.value == "exact" and "price" not in low.roles
    assert high.qualifier.value == "up to" and "price" not in high.roles


def test_two_counts_joined_in_another_language_share_the_noun():
    report = check_text("Emissionen omfattar mellan 2 800 000 och 3 892 954 aktier.")
    assert [f.noun for f in report.figures] == ["shares", "shares"]


def _phrases():
    merged = builtin()
    return sorted({p for v in merged.languages for c in v.cues for side in c.phrases
                   for p in side if "*" not in p})


def _cue_texts():
    """Texts of cue phrases of every language beside figures, the cue before or after."""
    pairs = st.lists(st.tuples(st.sampled_from(_phrases()),
                               st.sampled_from(["$1,250,000", "4,000,000 shares", "7%",
                                                "SEK 2,50", "16.5港元", "EUR 3,5 Mio."])),
                     min_size=1, max_size=6)
    return pairs.map(lambda ps: " ".join(f"{cue} {figure}." if i % 2 else f"{figure} {cue}."
                                         for i, (cue, figure) in enumerate(ps)))


@settings(max_examples=150, deadline=None)
@given(_cue_texts())
def test_leaving_out_languages_a_text_cannot_match_changes_no_role(text):
    merged = builtin()
    doc = Document.from_text(text)
    figures = scan(doc)
    whole = attrs.evolve(merged, languages=())  # every language's cues
    assert assign(doc, figures, merged) == assign(doc, figures, whole)


@settings(max_examples=150, deadline=None)
@given(_cue_texts())
def test_the_first_text_read_with_only_its_own_phrases_gets_the_same_roles(text):
    merged = builtin()
    merged.for_text("")  # read before: shares its patterns of every phrase
    # a vocabulary not yet read reads its first text with that text's phrases only
    assert attrs.evolve(merged).for_text(text).cues != merged.for_text(text).cues
    doc = Document.from_text(text)
    figures = scan(doc)
    assert assign(doc, figures, attrs.evolve(merged)) == assign(doc, figures, merged)


def test_an_english_release_compiles_only_english_cues():
    merged = builtin()
    text = "Acme sold 1,000,000 shares at $1.00 each, paying a commission of $70,000."
    assert merged.for_text(text).language == "en"
    assert "de" in merged.for_text(text + " Der Bruttoemissionserlös beträgt EUR 1,0 Mio.").language


def test_a_rise_cue_needs_a_verb_so_up_to_is_no_share_price_rise():
    (target,) = [f for f in scan_roles("The placement raises up to $5,000,000 for drilling.")
                 if f.text == "$5,000,000"]
    assert "rise" not in target.roles
    (rise,) = [f for f in scan_roles("The stock was up 1.5 cents or 4.2 per cent at 37.5 cents.")
               if f.text == "1.5 cents"]
    assert "rise" in rise.roles


def scan_roles(text):
    doc = Document.from_text(text)
    return assign(doc, scan(doc), builtin())


def test_a_face_value_is_no_offering_price():
    found = scan_roles("It issued 2,000,000 shares, face value Rs 10 each, at Rs 45 apiece.")
    (face,) = [f for f in found if f.text == "Rs 10"]
    assert face.role == "nominal" and "price" not in face.roles


def test_a_word_cut_by_a_cues_window_is_no_cue():
    # the 25 characters before the amount begin inside "increased": "eased" is no fall (with
    # every phrase compiled, as for any text after a vocabulary's first)
    builtin().for_text("")
    (f,) = scan_roles("Acme's stake increased to, now after that $1,250,000.")
    assert "fall" not in f.roles
    (g,) = scan_roles("Acme's stake then eased to after all $1,250,000.")
    assert "fall" in g.roles


def test_an_amount_called_the_issue_price_is_the_price():
    found = scan_roles("It is a 12% discount of the $0.44 issue price to the $0.50 close.")
    (price,) = [f for f in found if f.text == "$0.44"]
    assert price.role == "price"


def test_a_range_minimum_in_another_language_is_checked_as_written():
    # "at least 6 MSEK and at most about 8.4 MSEK, that is between 2,400,000 and 3,360,000 shares"
    text = ("Teckningskurs: 2,50 SEK per aktie.\n\nEmissionsvolym: Minst {} MSEK och högst "
            "cirka 8,4 MSEK före emissionskostnader, dvs. mellan 2 400 000 och 3 360 000 aktier.")
    passed = [c for c in check_text(text.format("6")).checks if c.status.value == "pass"]
    assert any(c.stated.text == "6 MSEK" for c in passed)
    assert not any(c.stated.text == "5 MSEK" and c.status.value == "pass"
                   for c in check_text(text.format("5")).checks)


def test_a_swedish_pre_money_valuation_is_checked():
    text = ("Teckningskurs: 2,50 SEK per aktie. Inget courtage tas ut.\n\nEmissionsvolym: "
            "Minst 5 MSEK och högst 7,5 MSEK, dvs. mellan 2 000 000 och 3 000 000 aktier.\n\n"
            "Teckningstid: 1 – 15 april.\n\nAntal aktier före nyemissionen: 12 000 000 "
            "aktier.\n\nNotering: Aktien noteras i maj.\n\nVärdering: Cirka 30 MSEK "
            "(pre-money).")
    [c] = [c for c in check_text(text).checks if c.rule == "PV026"]
    assert c.status.value == "pass"


@pytest.mark.parametrize("text, figure, role", [
    ("The net proceeds (after deducting the placing commission and other expenses) are "
     "estimated to be approximately HK$29.2 million.", "HK$29.2 million", "net"),
    # the words in parentheses still name what stands inside them
    ("The net proceeds (after a commission of HK$0.8 million) are HK$29.2 million.",
     "HK$0.8 million", "commission"),
])
def test_an_aside_in_parentheses_names_nothing_outside_it(text, figure, role):
    (f,) = [f for f in check_text(text).figures if f.text == figure]
    assert f.role == role


@pytest.mark.parametrize("text, figure, role", [
    ("Net proceeds, after the agent's fee of $840,000 and expenses of $160,000, are expected "
     "to be approximately $11.0 million.", "$11.0 million", "net"),
    ("Net proceeds, after the agent's fee of $840,000 and expenses of $160,000, are expected "
     "to be approximately $11.0 million.", "$840,000", "commission"),
    # no aside: the words before the comma name another figure
    ("Gross proceeds were $12.0 million, and the company will pay $840,000 in fees.",
     "$840,000", "commission"),
])
def test_an_aside_with_figures_of_its_own_leaves_the_subject_to_the_figure_after_it(
        text, figure, role):
    (f,) = [f for f in check_text(text).figures if f.text == figure]
    assert f.role == role


def test_a_language_file_groups_quantities_with_prices_too():
    # "in each case at": the price of both quantities, whose total the sentence states
    text = ("Die Gesellschaft platziert 1.000.000 neue Aktien bei Investoren und 500.000 neue "
            "Aktien bei Vorständen, jeweils zu EUR 2,40 je Aktie, für insgesamt EUR {}.")
    assert not check_text(text.format("3.600.000,00")).failures
    assert [c.rule for c in check_text(text.format("3.800.000,00")).failures] == ["PV004"]


@pytest.mark.parametrize("text, figure, role", [
    # pre-funded warrants "to purchase" are sold at a price, not exercised at it ...
    ("It sold 2,500,000 shares and pre-funded warrants to purchase 1,000,000 shares at a price "
     "of $2.43 per share and $2.429 per pre-funded warrant.", "$2.43", "price"),
    # ... unless the words name an exercise price
    ("The investor received pre-funded warrants to purchase up to 1,000,000 shares at an "
     "exercise price of $0.0001 per share.", "$0.0001", "exercise_price"),
    ("Warrants to purchase 500,000 shares at a price of $0.50 per share were issued.", "$0.50",
     "exercise_price"),
])
def test_a_role_whose_overrider_is_overridden_keeps_its_own_overrides(text, figure, role):
    (f,) = [f for f in check_text(text).figures if f.text == figure]
    assert f.role == role
