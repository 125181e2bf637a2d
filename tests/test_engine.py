"""Binding and judging: the behaviour that keeps false alarms rare and typos caught."""

from validator import check_text
from validator.grouping import group
from validator.reader import Document
from validator.report import Status
from validator.roles import assign
from validator.rules import builtin_rules
from validator.scanner import scan
from validator.terms import term_of
from validator.typos import one_digit_within, solve_range
from validator.vocabulary import builtin


def checks(text, rule):
    return [c for c in check_text(text).checks if c.rule == rule]


def failures(text, rule):
    return [c for c in check_text(text).failures if c.rule == rule]


def offering_lines(text):
    doc = Document.from_text(text)
    return group(assign(doc, scan(doc), builtin()), doc.text).lines


def test_respectively_pairs_quantities_and_prices_in_order():
    text = ("The company issued 10,052,737 flow-through units and 4,812,475 units for "
            "$5,360,032.\nThe flow-through units were sold at $0.38 each and the units at "
            "$0.32 each.")
    (total,) = [c for c in checks(text, "PV004") if c.stated.text == "$5,360,032"]
    assert total.status is Status.PASS
    assert {f.text for f in total.figures} >= {"10,052,737", "$0.38", "4,812,475", "$0.32"}


def test_headline_pass_carries_the_figures_that_confirm_the_exact_amount():
    text = ("Acme Raises $1.3 Million\n\nAcme sold 1,000,000 shares at $1.25 per share for "
            "gross proceeds of $1,250,000.")
    (headline,) = checks(text, "PV005")
    assert headline.status is Status.PASS
    assert {f.text for f in headline.figures} == {"$1.3 Million", "$1,250,000", "1,000,000",
                                                    "$1.25"}


def test_unnamed_percentage_confirms_and_fails_only_on_a_decisive_typo():
    text = "Acceptances came in for 29,976,175 shares of the 31,332,127 shares, about {}."
    assert [(c.status, c.basis) for c in checks(text.format("95.67%"), "PV009")] == [
        (Status.PASS, "loose")]
    assert checks(text.format("88.41%"), "PV009") == []  # unrelated, as far as words tell
    # the leading digit changed and "5.67" left standing: no coincidence
    (typo,) = checks(text.format("85.67%"), "PV009")
    assert typo.status is Status.FAIL and typo.basis == "typo"
    assert typo.stated.text == "85.67%"
    # a changed last digit is within reach of chance among figures the words do not relate
    assert checks(text.format("95.69%"), "PV009") == []


def test_named_percentage_fails_with_certain_basis():
    text = ("The 2,500,000 new shares represent 19.1 per cent of the 15,543,774 shares in issue "
            "following admission.")
    (c,) = checks(text, "PV009")
    assert c.status is Status.FAIL and c.basis == "certain"
    assert c.stated.text == "19.1 per cent"


def test_certain_failure_is_not_excused_by_loosely_picked_parts():
    # 6 million x $0.25 + $767,500 is wide enough to meet $2.33m, but the sentence says what
    # produced the $2.33m: 5,250,000 x $0.445 = $2,336,250, which rounds to $2.34m
    text = ("The company raised $767,500 from the option.\n\nIt sold 5,250,000 units at $0.445 "
            "each, which produced $2.33m.\n\nInsiders bought 6 million shares at $0.25 each.")
    (c,) = [c for c in checks(text, "PV001") if c.stated.text == "$2.33m"]
    assert c.status is Status.FAIL and c.basis == "certain"


def test_a_price_borrowed_from_another_sentence_is_never_the_typo_suspect():
    text = ("Units were sold at US$0.43 each: 2,045,231 units.\n\nFinders received 55,813 "
            "shares.\n\nInsiders paid US$29,440.45 for 68,466 units.")
    for c in check_text(text).failures:
        assert c.suspect is None or c.suspect.text != "US$0.43"


def test_a_conversion_in_parentheses_takes_the_role_of_the_amount_it_converts():
    text = ("Units were sold at US$0.43 (CA$0.602) each.\n\nThe company sold 2,045,231 units "
            "for gross proceeds of US$879,449.33 (CA$1,231,229.06).")
    passed = {c.stated.text for c in checks(text, "PV001") if c.status is Status.PASS}
    assert passed == {"US$879,449.33", "CA$1,231,229.06"}


def test_a_bare_dollar_beside_a_named_dollar_is_another_currency():
    text = ("The company raised AUD 60 million ($45.3 million) from 705,882,353 shares at "
            "AUD 0.085 each.")
    figs = {f.text: f.currency for f in check_text(text).figures}
    assert figs["AUD 60 million"] == "AUD" and figs["$45.3 million"] == "$"


def test_an_amount_not_called_proceeds_is_not_failed_on_a_borrowed_price():
    text = ("Units were sold at $0.43 each.\n\nInsiders subscribed $936,798.50 across the "
            "whole placement for 2,178,601 units.")
    assert check_text(text).failures == ()


def test_a_total_that_agrees_shows_the_amounts_stated_for_its_lines():
    text = ("The company sold 6,405,000 shares at $1.21 for $7,750,050 and 8,383,500 "
            "flow-through shares at $2.06 for $17,270,010, for total gross proceeds of "
            "$25,020,060.")
    (total,) = [c for c in checks(text, "PV004") if c.stated.text == "$25,020,060"]
    assert total.status is Status.PASS
    assert {"$7,750,050", "$17,270,010"} <= {f.text for f in total.figures}


def test_share_of_proceeds_binds_the_proceeds_nearest_to_it():
    text = ("Gross proceeds came to HK$325.9 million and net proceeds to HK$323.6 million. "
            "About 68% of the net proceeds (HK$219.2 million) will repay debt and 22% "
            "(HK$71.7 million) will fund operations.")
    found = {c.stated.text: {f.text for f in c.figures} for c in checks(text, "PV013")
             if c.status is Status.PASS}
    assert "HK$323.6 million" in found["68%"] and "HK$323.6 million" in found["22%"]


def test_a_typo_in_one_line_of_a_total_is_named():
    text = ("The tranche was 20,062,500 units at eight cents, 37,761,989 units at 8.5 cents and "
            "1,192,857 units at seven cents, for total gross proceeds of $5,698,269.06.")
    assert [c.suspect.text for c in failures(text, "PV004")] == ["20,062,500"]


def test_unnamed_counts_fail_on_a_typo_but_not_when_rearranged():
    agree = ("Existing shares: 13,043,774\nNew shares issued: 2,500,000\n"
             "Shares after the issue: 15,543,774")
    assert check_text(agree).failures == ()
    typo = agree.replace("15,543,774", "15,548,774")
    (c,) = failures(typo, "PV010")
    assert c.basis == "typo"


def test_the_one_price_and_the_one_quantity_make_a_line_however_far_apart():
    text = ("The placement raised $2.375 million in gross proceeds.\n\nThe company will use "
            "the money for research.\n\nInvestors paid $3.25 per share.\n\nIn total, roughly "
            "730,000 shares and 370,000 warrants were issued.")
    (c,) = checks(text, "PV001")
    assert c.status is Status.PASS and c.stated.text == "$2.375 million"


def test_shares_issued_at_a_deemed_price_are_no_part_of_the_cash_total():
    text = ("The company sold 10,052,737 flow-through units and 4,812,475 units for $5,360,032. "
            "The flow-through units were sold at $0.38 each and the units at $0.32 each.\n\n"
            "Finders were paid $267,542 by issuing 836,069 units at a deemed price of $0.32.")
    (total,) = [c for c in checks(text, "PV004") if c.stated.text == "$5,360,032"]
    assert total.status is Status.PASS and total.basis == "structural"
    assert "836,069" not in {f.text for f in total.figures}


def test_a_typo_in_a_short_price_is_named_when_the_total_is_specific():
    # the two lines are picked parts (the release has a third, unrelated line), so the
    # binding is loose; the exact seven-digit total still pins the typo down
    text = ("The company issued 10,052,737 flow-through units and 4,812,475 units for "
            "$5,360,032.\nThe flow-through units were sold at $0.28 each and the units at "
            "$0.32 each.\n\nInsiders bought 400,000 units at $0.50 each for $200,000.")
    (c,) = failures(text, "PV004")
    assert c.suspect.text == "$0.28"


def test_amounts_a_paragraph_names_as_proceeds_add_up_to_its_total():
    text = ("Acme Closes $12.9M Private Placement\n\nThe flow-through offering raised aggregate "
            "gross proceeds of $5.8 million. The non-flow-through units brought in gross "
            "proceeds of $7.1 million.")
    (headline,) = checks(text, "PV005")
    assert headline.status is Status.PASS and headline.basis == "structural"
    typo = text.replace("$5.8 million", "$4.8 million")
    (c,) = failures(typo, "PV005")
    assert c.suspect is not None


def test_a_typo_in_an_exact_figure_is_found_against_a_rounded_one():
    text = "The company sold 3,079,000 units at $1.00 per unit for gross proceeds of $4.1 million."
    (c,) = check_text(text).failures
    quantity = next(f for f in c.figures if f.text == "3,079,000")
    # the midpoint repair (4,100,000) is three digits away; the range $4.1 million allows
    # (4,050,000 to 4,150,000) holds 4,079,000, one digit away
    pv001 = next(r for r in builtin_rules() if r.id == "PV001")
    price = next(f for f in c.figures if f.text == "$1.00")
    bind = {"quantity": term_of(quantity), "price": term_of(price)}
    low, high = solve_range(pv001, c.stated, bind, quantity)
    assert low <= 4_079_000 <= high and not low <= 3_079_000 <= high
    assert one_digit_within(quantity, low, high)
    assert c.suspect.text in {"3,079,000", "$4.1 million"}  # either typo would explain it


def test_a_clear_typo_outranks_a_wide_agreement_among_picked_parts():
    # $4.8M + $7.1M should be the headline's $12.9M; picked rounded parts elsewhere may
    # happen to meet $12.9M, but they do not excuse the typo in the paragraph's own parts
    text = ("Acme Closes $12.9M Private Placement\n\nThe flow-through offering raised aggregate "
            "gross proceeds of $4.8 million. The non-flow-through units brought in gross "
            "proceeds of $7.1 million.\n\nAn earlier tranche raised $2.6 million and a "
            "further $3.3 million came from insiders.")
    (c,) = failures(text, "PV005")
    assert c.basis == "typo"


def test_lines_that_share_one_stated_price_add_up_to_the_total():
    text = ("The placing and subscription raise £2.1 million; new shares will be issued at "
            "1.5 pence apiece.\nThe placing covers 130,830,001 new shares and brings in "
            "£1.96 million.\nThe subscription covers 11,733,334 new shares for £0.18 million.")
    (total,) = [c for c in checks(text, "PV004") if c.stated.text == "£2.1 million"]
    assert total.status is Status.PASS and total.basis == "structural"
    assert {"130,830,001", "11,733,334", "1.5 pence"} <= {f.text for f in total.figures}


def test_figures_of_thirty_digits_are_checked_exactly_and_reported_without_error():
    big = "999,999,999,999,999,999,999,999,999"
    agree = (f"The company sold {big} shares at $3.00 per share for gross proceeds of "
             "$2,999,999,999,999,999,999,999,999,997.")
    assert [c.status for c in checks(agree, "PV001")] == [Status.PASS]
    (c,) = check_text(agree.replace("997.", "996.")).failures  # off by one dollar in 28 digits
    assert c.difference == -1 and "(off by $1.00)" in c.message


def test_a_price_stated_alone_prices_every_quantity_of_the_next_sentence():
    text = ("The offering should raise $29.1 million.\n\nEach share goes for $2.05. The "
            "registered direct offering covers 3,609,755 shares; the private placement covers "
            "7,536,708 shares plus pre-funded warrants for another 3,069,925 shares.")
    (total,) = checks(text, "PV004")
    assert total.status is Status.PASS and total.basis == "structural"
    assert {"3,609,755", "7,536,708", "3,069,925", "$2.05"} <= {f.text for f in total.figures}


def test_attached_warrants_are_not_the_quantity_a_price_sells():
    text = ("The company sold 3,238,627 shares, each with accompanying warrants for an aggregate "
            "of 6,477,254 warrant shares, at a combined $2.022 per share for $6,548,503.79.")
    (c,) = checks(text, "PV001")
    assert c.status is Status.PASS and "3,238,627" in {f.text for f in c.figures}


def test_a_disagreement_is_certain_when_its_twin_in_another_currency_agrees():
    text = ("The placement brings in $45.3 million (AUD 60 million) via 705,882,353 new shares."
            "\n\nThe shares were priced at $0.0655 (AUD 0.085).")
    by_stated = {c.stated.text: c for c in checks(text, "PV001")}
    assert by_stated["AUD 60 million"].status is Status.PASS
    assert by_stated["$45.3 million"].status is Status.FAIL
    assert by_stated["$45.3 million"].basis == "certain"


def test_a_discount_is_certain_only_against_a_market_price_that_follows_it():
    # the 11.2% is measured against a VWAP the release does not state
    text = ("Priced at A$0.085, the placement came in 6.6 percent below the closing price of "
            "A$0.091, and 11.2 percent below the 5 day volume weighted average price.")
    assert check_text(text).failures == ()
    assert [c.status for c in checks(text, "PV011") if c.stated.text == "6.6 percent"] == [
        Status.PASS]


def test_an_agreement_in_one_currency_is_rechecked_in_the_other():
    text = ("Priced at $0.0655 (AUD 0.085), the placement came in 6.6 percent below the closing "
            "price of $0.071 (AUD 0.091).")
    results = {(c.status, c.figures[1].currency) for c in checks(text, "PV011")}
    assert results == {(Status.PASS, "AUD"), (Status.FAIL, "$")}


def test_every_offering_line_has_its_own_index():
    text = ("Each share goes for $2.05. The registered offering covers 3,609,755 shares; the "
            "placement 7,536,708 shares and 3,069,925 more shares.\n\nInsiders took 400,000 "
            "shares for $820,000.")
    lines = offering_lines(text)
    assert len(lines) == 4
    assert [x.index for x in lines] == list(range(len(lines)))


FAR = ("The rights issue offered 31,332,127 new shares.\n\nThe board thanks shareholders. "
       "The register closed on time. Trading resumes on Monday.\n\nValid acceptances came in "
       "for {} new shares.\n\nThe bookrunner will place the {} shares left over.")


def test_specific_counts_far_apart_confirm_each_other():
    (c,) = [c for c in checks(FAR.format("29,976,175", "1,355,952"), "PV010")
            if c.stated.text == "31,332,127"]
    assert c.status is Status.PASS and c.basis == "loose"
    assert {f.text for f in c.figures} == {"31,332,127", "29,976,175", "1,355,952"}


def test_a_decisive_typo_among_specific_counts_far_apart_fails():
    assert [c.stated.text for c in failures(FAR.format("29,976,175", "2,355,952"), "PV010")]
    # round counts far apart say nothing about each other
    assert not checks(FAR.format("30,000,000", "1,000,000").replace("31,332,127",
                                                                   "31,000,000"), "PV010")


def test_a_count_made_twice_from_other_figures_is_confirmed_twice():
    text = ("The company issued 638,974,294 rights shares, taking its issued shares from "
            "1,277,948,588 to 1,916,922,882 shares. The underwriter now holds 1,417,504,067 shares "
            "and the public 499,418,815 shares.")
    made = [c for c in checks(text, "PV010") if c.stated.text == "1,916,922,882"]
    assert [c.status for c in made] == [Status.PASS, Status.PASS]
    assert {frozenset(f.text for f in c.figures) for c in made} == {
        frozenset({"1,916,922,882", "638,974,294", "1,277,948,588"}),
        frozenset({"1,916,922,882", "1,417,504,067", "499,418,815"})}


def test_a_headline_agreeing_with_a_disproved_figure_fails_against_the_computation():
    body = ("\n\nAcme sold 2,000,000 shares at $1.25 per share for gross proceeds of "
            "$2.4 million.")
    (c,) = checks("Acme Raises $2.4 Million" + body, "PV005")
    assert c.status is Status.FAIL and c.basis == "certain"
    assert {"2,000,000", "$1.25", "$2.4 million"} <= {f.text for f in c.figures}
    assert "2,500,000" in c.message
    # a headline coarse enough to agree with both the figure and the computation passes
    (c,) = checks("Acme Raises $2 Million" + body, "PV005")
    assert c.status is Status.PASS


OPTION = ("The underwriters will buy 4,900,000 units at $2.05 per unit for gross proceeds of "
          "$10,045,000.{}\n\nThe warrants expire in two years. The closing is expected next "
          "week.\n\nThe underwriters may buy up to an additional 735,000 units at the offering "
          "price. If they exercise it in full, the gross proceeds will be $1,506,750.")


def test_figures_named_beside_the_stated_one_and_the_sole_line_make_a_certain_failure():
    (c,) = checks(OPTION.format(""), "PV017")
    assert c.status is Status.FAIL and c.basis == "certain"
    assert {f.text for f in c.figures} == {"$1,506,750", "735,000", "$2.05", "$10,045,000"}


def test_with_two_offering_lines_the_offering_meant_is_not_certain():
    second = " It also sold 1,000,000 flow-through units at $2.50 per unit."
    assert not failures(OPTION.format(second), "PV017")


def test_an_option_is_no_sale_and_enters_no_total():
    text = OPTION.format("").replace("$1,506,750", "$11,551,750")
    assert [c.status for c in checks(text, "PV017")] == [Status.PASS]
    assert not check_text(text).failures


def test_a_typo_in_the_sole_price_is_found_although_the_total_is_confirmed_elsewhere():
    text = ("Acme has raised AUD 60 million before expenses through the issue of 705,882,353 "
            "new shares.\n\nThe new shares were priced at AUD {}.\n\nThe first tranche raised "
            "AUD 47 million and the second tranche raised AUD 13 million.")
    assert not failures(text.format("0.085"), "PV001")
    (c,) = failures(text.format("0.075"), "PV001")
    assert c.suspect.text == "AUD 0.075"  # two digits, but 705,882,353 pins the repair down


def test_a_figure_restated_word_for_word_does_not_excuse_its_line():
    text = ("Acme has raised £5.0 million through a placing.\n\nPlacing price: {} pence\n"
            "New shares issued: 2,500,000\nGross proceeds of the placing: £5.0 million")
    assert not failures(text.format("200"), "PV001")
    assert [c.suspect.text for c in failures(text.format("100"), "PV001")] == ["100 pence"]


RATIO = ("The company offered up to 193.50 million new shares with {} million warrants, on the "
         "basis of five rights shares with one warrant {} four shares held.")


def test_a_ratio_in_words_relates_counts_once():
    (c,) = checks(RATIO.format("38.70", "for every"), "PV018")
    assert c.status is Status.PASS and c.basis == "loose"
    assert {f.text for f in c.figures} == {"193.50 million", "38.70 million", "one", "five"}


def test_without_for_every_small_numbers_state_no_ratio():
    assert not checks(RATIO.format("38.70", "and"), "PV018")


def test_a_decisive_typo_against_a_ratio_in_words_fails():
    assert [c.status for c in checks(RATIO.format("28.70", "for every"), "PV018")] == [
        Status.FAIL]


def test_a_precise_percentage_finds_its_count_far_away():
    text = ("The underwriter now holds 1,417,504,067 shares, about {} of the enlarged share "
            "capital.\n\nThe board thanks shareholders. Trading resumes on Monday. The register "
            "closes on Friday.\n\nThe issue takes the company to 1,916,922,882 shares.")
    (c,) = checks(text.format("73.95%"), "PV009")
    assert c.status is Status.PASS and "1,916,922,882" in {f.text for f in c.figures}
    assert not checks(text.format("74%"), "PV009")  # two digits name nothing far away


def test_a_round_part_picked_into_a_sum_gives_no_typo_in_a_confirmed_total():
    # found by the property tests: 999,990 × A$0.01 = A$9,999.90 alone; adding the A$500.00
    # commission as a "part" misses by a round amount, which one changed digit always repairs
    text = ("The company sold 999,990 common shares at A$0.01 per unit for gross proceeds of "
            "A$9,999.90. The agent received a cash commission of 5% of the gross proceeds, "
            "being A$500.00.")
    assert not check_text(text).failures


def test_rounded_figures_whose_ranges_only_touch_disagree():
    text = ("Acme Closes First Tranche of ${} Million Placement\n\nAcme placed up to "
            "71,428,572 units at 7 cents per unit for gross proceeds of up to $5 million.")
    assert [c.status for c in checks(text.format(5), "PV005")] == [Status.PASS]
    assert Status.PASS not in [c.status for c in checks(text.format(4), "PV005")]


def test_a_typo_in_an_operand_of_a_second_fact_is_reported():
    text = ("The company issued 638,974,294 rights shares, taking its issued shares from "
            "1,277,948,588 to 1,916,922,882 shares. The underwriter now holds {} shares "
            "and the public 499,418,815 shares.")
    made = checks(text.format("2,417,504,067"), "PV010")
    assert [(c.status, c.suspect.text) for c in made if c.status is Status.FAIL] == [
        (Status.FAIL, "2,417,504,067")]
    assert [c.status for c in made if c.stated.text == "1,916,922,882"] == [
        Status.PASS, Status.FAIL]


def test_preferred_shares_are_sold_at_their_stated_value_not_at_the_common_price():
    text = ("The placement comprises 1,611,845 shares of common stock at $6.50 per share and "
            "3,415 shares of convertible preferred stock. Each preferred share has a $1,000 "
            "stated value and converts at $6.50 per share. The placement raises $13.9 million.")
    (total,) = checks(text, "PV004")
    assert total.status is Status.PASS
    assert {"3,415", "$1,000", "1,611,845"} <= {f.text for f in total.figures}


def test_of_two_figures_alike_the_one_no_relation_confirms_is_reported():
    text = ("Acme sold 2,045,231 units at $0.43 per unit for gross proceeds of $879,449.33. "
            "Subscribers took up {} units in total.")
    (c,) = failures(text.format("2,054,231"), "PV020")
    assert c.stated.text == "2,054,231" and {f.text for f in c.figures} == {"2,045,231",
                                                                           "2,054,231"}
    assert [x.status for x in checks(text.format("2,045,231"), "PV020")] == [Status.PASS]


def test_two_figures_alike_that_each_agree_with_a_relation_are_two_facts():
    text = ("The first tranche sold 1,234,567 units at $0.40 per unit for $493,826.80. The "
            "second tranche sold {} units at $0.40 per unit for $733,826.80.")
    assert not failures(text.format("1,834,567"), "PV020")
    # without its own relation the second count is the one typed wrong
    lone = text.format("1,834,567").replace(" for $733,826.80", "")
    assert [c.stated.text for c in failures(lone, "PV020")] == ["1,834,567"]


def test_specific_parts_that_make_a_round_total_exactly_confirm_it():
    text = ("The tranche raised $1 million: $572,044 was received in cash and $427,956 of "
            "debt was converted.")
    (c,) = [c for c in checks(text, "PV004") if c.status is Status.PASS]
    assert {f.text for f in c.figures} == {"$1 million", "$572,044", "$427,956"}
    # parts far below a coarse total that only round to it say nothing
    assert not [c for c in checks(text.replace("$427,956", "$407,956"), "PV004")
                if c.status is Status.PASS]


def test_a_line_and_the_amount_stating_its_gross_are_never_added_together():
    text = ("Acme Closes ${} Million Offering\n\nAcme sold 14,300,000 shares at $0.70 per share "
            "for gross proceeds of $10,010,000.")
    assert [c.status for c in checks(text.format(10), "PV005")] == [Status.PASS]
    assert Status.PASS not in {c.status for c in check_text(text.format(20)).checks
                               if c.stated is not None and c.stated.text == "$20 Million"}


def test_over_means_at_least_and_not_ten_units_more():
    text = "Acme Raises Over ${} Million\n\nAcme sold 957,125 shares at $4.50 per share."
    assert [c.status for c in checks(text.format("4.3"), "PV005")] == [Status.PASS]
    assert [c.status for c in checks(text.format("3.2"), "PV005")] != [Status.PASS]


def test_a_count_restated_rounded_agrees_or_is_a_typo():
    text = "Acme to issue {} million shares for debt\n\nAcme will issue 3,522,972 shares."
    assert [c.status for c in checks(text.format("3.52"), "PV020")] == [Status.PASS]
    assert [c.status for c in checks(text.format("2.52"), "PV020")] == [Status.FAIL]
    assert not checks(text.format("2.5"), "PV020")  # two digits name nothing


def test_a_count_of_two_digits_written_both_ways_agrees_only_when_equal():
    text = "Acme will issue {} million shares for debt. In full, 2,500,000 shares."
    assert [c.status for c in checks(text.format("2.5"), "PV020")] == [Status.PASS]
    assert not checks(text.format("3.5"), "PV020")  # two digits name no typo


SUMMARY = ("- It issued {} million charity flow-through units at 13.5 cents each and 29.9 million "
           "regular flow-through units at 10 cents.\n\nThe company issued 9.33 million "
           "flow-through units to charity buyers at 13.5 cents apiece, together with 29.9 "
           "million regular flow-through units priced at 10 cents.")


def test_a_summary_and_its_body_restate_each_other_figure_by_figure():
    assert not failures(SUMMARY.format("9.33"), "PV020")
    (c,) = failures(SUMMARY.format("8.33"), "PV020")
    assert {f.text for f in c.figures} == {"8.33 million", "9.33 million"}


def test_two_tranches_that_share_one_price_are_two_facts():
    text = ("The first tranche placed 2.45 million units at 10 cents. The second tranche "
            "placed 3.45 million units at 10 cents.")
    assert not failures(text, "PV020")


def test_a_percentage_of_the_enlarged_capital_finds_the_offerings_quantity_far_away():
    text = ("Acme placed 705,882,353 new shares at $0.0655 per share.\n\nThe shares rank "
            "equally. Settlement is on Friday. Trading resumes on Monday.\n\nAfter completion "
            "Acme will have 4,413,532,452 shares on issue, approximately {} percent of them "
            "placement shares.")
    assert [c.status for c in checks(text.format(16), "PV009")] == [Status.PASS]
    # with a second offering line the words do not say which offering is meant (both together
    # make 18.3%)
    two = text.format(16).replace("per share.", "per share and 100,000,000 flow-through shares "
                                                "at $0.08.")
    assert not [c for c in checks(two, "PV009") if c.status is Status.PASS]


def test_operands_that_make_one_percentage_do_not_fail_another_beside_it():
    text = ("The 62,695,126 new shares represent 20% of the 313,475,630 shares outstanding, "
            "and represent about 5.22% of the issued share capital and about 16.67% of the "
            "enlarged share capital.")
    assert not failures(text, "PV009")
    skipped = [c for c in checks(text, "PV009")
               if c.status is Status.SKIPPED and "measures something else" in (c.reason or "")]
    assert {c.stated.text for c in skipped} == {"5.22%", "16.67%"}
    # a restatement one digit off is still a typo
    typo = ("The 62,695,126 new shares represent 20% of the 313,475,630 shares outstanding; "
            "that is, they represent 21% of the 313,475,630 shares outstanding.")
    assert "21%" in [c.stated.text for c in failures(typo, "PV009")]


def test_a_percentage_of_an_amount_per_share_is_confirmed():
    text = ("The issue price stood at a discount of {} per cent, or Rs 9.29 per equity share, "
            "to the Rs 509.29 floor price.")
    assert Status.PASS in {c.status for c in checks(text.format("1.82"), "PV013")}
    assert Status.PASS not in {c.status for c in checks(text.format("2.82"), "PV013")}


def test_preferred_shares_elsewhere_are_priced_at_the_one_stated_value():
    text = ("The company sold 3,415 shares of convertible preferred stock. Each preferred share "
            "has a $1,000 stated value.\n\nThe directors also receive 1,033 Convertible "
            "Preferred Shares as repayment of ${} million of loans.")
    assert [c.status for c in checks(text.format(1), "PV001")
            if c.stated.text == "$1 million"] == [Status.PASS]
    assert Status.PASS not in {c.status for c in checks(text.format(2), "PV001")
                               if c.stated.text == "$2 million"}


def test_a_sum_in_one_currency_fails_for_certain_when_its_twin_sum_agrees():
    text = ("Acme raised $45.3 million (AUD 60 million) before expenses.\n\nThe first tranche "
            "brought in $36.2 million (AUD 47 million). The second tranche brought in "
            "$10 million (AUD 13 million).")
    failed = [c for c in failures(text, "PV004") if c.stated.text == "$45.3 million"]
    assert [c.basis for c in failed] == ["certain"]


def test_a_paragraphs_total_is_not_taken_for_a_figure_far_away():
    from validator.engine import _plausible
    from validator.reader import Document
    from validator.roles import assign
    from validator.scanner import scan
    from validator.terms import add_up
    from validator.vocabulary import builtin

    filler = " ".join(f"Item {n} is described in the circular." for n in range(20))
    doc = Document.from_text("The placement raised $150,000 and $1,266,069.66 from two "
                             f"groups.\n\n{filler}\n\nThe treasury holds $2.3 million. "
                             "The placement raised $1.4 million.")
    figures = {f.text: f for f in assign(doc, scan(doc), builtin())}
    (total,) = add_up([term_of(figures["$150,000"]), term_of(figures["$1,266,069.66"])],
                      structural=True)
    assert not _plausible(total, figures["$2.3 million"])  # twenty sentences away
    near = Document.from_text("The placement raised $150,000 and $1,266,069.66 from two "
                              "groups. In all it raised $1.4 million.")
    near_figures = {f.text: f for f in assign(near, scan(near), builtin())}
    (total,) = add_up([term_of(near_figures["$150,000"]),
                       term_of(near_figures["$1,266,069.66"])], structural=True)
    assert _plausible(total, near_figures["$1.4 million"])


def test_a_repair_into_a_range_as_wide_as_its_digit_is_chance():
    # "$6.2m" stated as "over" spans a million; $4,444,499 → $9,444,499 lands in the sum's
    # range by chance, not as a typo
    text = ("The first unit offering raised $2.33m. The second raised over $6.2m.\n\n"
            "The treasury held $4,444,499 at the year end.")
    assert not [c for c in failures(text, "PV004") if c.stated.text == "$4,444,499"]


def test_a_quantity_paired_with_an_amount_only_is_tried_at_each_of_a_few_prices():
    text = ("The company sold 10,052,737 flow-through units at $0.38 and 4,812,475 units at "
            "$0.32.\n\nThe chairman subscribed for 781,250 units for a total of {}.")
    (c,) = [c for c in checks(text.format("$250,000"), "PV001") if c.stated.text == "$250,000"]
    assert c.status is Status.PASS and "$0.32" in {f.text for f in c.figures}
    # a candidate line never enters the release's total
    total = ("The company sold 10,052,737 flow-through units at $0.38 and 4,812,475 units at "
             "$0.32, for $5,360,032 in total.\n\nThe chairman subscribed for 781,250 units "
             "for a total of $250,000.")
    assert not failures(total, "PV004")


def test_a_range_of_amounts_and_counts_gives_alternative_lines_never_a_total():
    text = ("The subscription price is $2.50 per share.\n\nThe issue will raise between $7 "
            "million and about $9.7 million, that is between 2,800,000 and 3,892,954 "
            "shares.\n\nThe company is valued at about $29 million before the issue.")
    passed = {c.stated.text for c in checks(text, "PV001") if c.status is Status.PASS}
    assert passed == {"$7 million", "$9.7 million"}
    assert not check_text(text).failures  # $7 million + $9.7 million is no total of anything


def test_a_headline_is_measured_against_the_releases_one_offering_line():
    # one offering line: the headline can restate nothing else, so even a coarse headline
    # fails for certain rather than being skipped as possibly about something else
    body = ("\n\nAcme has brought in $1 million by selling 4,000 units priced at $250 apiece "
            "to current shareholders.")
    (good,) = checks("Acme Raises $1M in Private Placement" + body, "PV005")
    assert good.status is Status.PASS
    (bad,) = checks("Acme Raises $2M in Private Placement" + body, "PV005")
    assert bad.status is Status.FAIL and bad.basis == "certain"
    assert bad.stated.text == "$2M"


def test_a_gross_restated_in_the_lines_digits_counts_as_the_lines_own():
    text = ("ACME CLOSES PLACEMENT OF $328,039\n\nAcme has closed its placement for total "
            "proceeds of $328,039.79.\n\nIt issued 2,523,383 units at a price of $0.13 per unit.")
    (headline,) = checks(text, "PV005")
    assert headline.status is Status.FAIL
    assert "$328,039.79" in {f.text for f in headline.figures}


def test_proceeds_restated_with_one_digit_changed_is_one_figure_mistyped():
    text = ("Acme has closed a $25-million bought deal.\n\nAcme sold 17.9 million units at "
            "$1.40 each for gross proceeds of $25.06 million.\n\nThe {} million placement "
            "will fund drilling.")
    assert not failures(text.format("$25"), "PV020")
    (bad,) = failures(text.format("$35"), "PV020")
    assert bad.stated.text == "$35 million"
    # two amounts that each agree with a relation of their own are two facts
    two = ("Acme sold 1,000,000 units at $1.00 for gross proceeds of $1 million and "
           "2,000,000 flow-through units at $1.00 for gross proceeds of $2 million.")
    assert not failures(two, "PV020")


def test_one_line_restated_with_its_price_mistyped():
    text = ("Acme issued 1,250,000 shares at $0.40 each.\n\nThe placement comprised 1,250,000 "
            "common shares priced at $0.50 per share, for gross proceeds of $625,000.")
    (bad,) = failures(text, "PV020")
    assert bad.stated.text == "$0.40" and {f.text for f in bad.figures} == {"$0.40", "$0.50"}
    assert not failures(text.replace("$0.40", "$0.50"), "PV020")
    # two classes of one size, each confirmed by its own gross, are two lines
    two = ("Acme issued 1,000,000 flow-through shares at $0.15 for $150,000 and 1,000,000 "
           "shares at $0.25 for $250,000.")
    assert not failures(two, "PV020")


def test_one_line_restated_with_its_quantity_mistyped_at_the_coarser_precision():
    text = ("The company issued 1.4 crore shares at Rs 500 apiece.\n\nThe issue comprises "
            "2,40,00,000 equity shares priced at Rs 500 per share, together worth Rs 1,200 "
            "crore.")
    (bad,) = failures(text, "PV020")
    assert bad.stated.text == "1.4 crore"
    assert not failures(text.replace("1.4 crore", "2.4 crore"), "PV020")


def test_a_percentage_glossed_by_its_amount_is_checked_as_a_share_of_the_proceeds():
    text = ("Net proceeds were about C$12.4 million. Orex will spend 35% (C$4.3 million) on "
            "drilling and the rest on working capital.")
    (share,) = checks(text, "PV013")
    assert (share.status, share.basis) == (Status.PASS, "structural")
    (typo,) = failures(text.replace("35%", "25%"), "PV013")
    assert typo.stated.text == "25%" and typo.basis == "typo"


def test_a_percentage_beside_an_amount_in_another_sentence_is_no_gloss():
    text = ("Net proceeds were about C$12.4 million. Orex will spend 25% on drilling. "
            "(C$4.3 million went to working capital.)")
    assert failures(text, "PV013") == []


def test_a_total_confirmed_by_its_line_puts_the_typo_in_a_part():
    text = ("Acme sold 40,000,000 shares at C$1.50 each, for gross proceeds of C$60 million.\n\n"
            "The first tranche raised C${} million. The second tranche raised C$13 million.")
    assert check_text(text.format(47)).failures == ()
    (total,) = failures(text.format(37), "PV004")
    assert total.stated.text == "C$60 million"
    assert total.suspect.text == "C$37 million" and total.basis == "typo"


def test_a_loose_repair_above_the_last_digit_is_a_typo_but_not_one_in_it():
    text = ("The two notes carry principal of {} and {} respectively, so the company "
            "received $400,000 altogether.")
    (typo,) = failures(text.format("$150,000", "$150,000"), "PV004")  # "50,000" stands
    assert typo.basis == "typo" and typo.suspect.text == "$150,000"
    # a changed last digit ("$140,000" for $150,000) lands on agreement by chance too often
    assert failures(text.format("$250,000", "$140,000"), "PV004") == []


def test_a_figure_beside_a_line_of_its_own_sentence_is_not_lent_to_another_line():
    text = ("Acme sold 10,000,000 units at $0.40 each.\n\n"
            "Acme also issued agent warrants to buy 120,000 common shares at $0.25 per share, "
            "exercisable for two years after closing. Directors of the company bought "
            "6,050,000 Units, which carry the hold period too.\n\n"
            "Separately, Acme settled a {} debt owed to a driller by issuing 6 million common "
            "shares at $0.25 each.")
    assert [(c.status, c.basis) for c in checks(text.format("$1.5m"), "PV001")
            if c.stated.text == "$1.5m"] == [(Status.PASS, "structural")]
    # 10,000,000 × $0.25 (a price borrowed from the warrants) would make $2.5m by chance
    (typo,) = failures(text.format("$2.5m"), "PV001")
    assert {f.text for f in typo.figures} == {"$2.5m", "6 million", "$0.25"}


def test_the_gross_named_beside_the_releases_one_line_fails_for_certain():
    # the price is stated elsewhere, but it is the release's one offering line and its gross
    text = ("Acme Placement\n\nTranche 1: {} new shares to be issued at once, raising ~A$1.2 "
            "million; investors in it may also join the rights offer.\n\nOffer Price\nThe "
            "offer price is A$0.04 per New Share, a 20% discount to the last close.")
    assert failures(text.format("30,412,567"), "PV001") == []
    (c,) = failures(text.format("20,412,567"), "PV001")
    assert c.basis == "certain"


def test_a_certain_failure_of_a_part_is_not_overruled_by_the_total_it_disproves():
    # C$60 million agrees with its tranches, so the line's price is what is wrong
    text = ("Acme raised C$60 million before costs through the placement of 40,000,000 new "
            "shares.\n\nPriced at C${}, the placement came in 5.1 percent below the last "
            "close.\n\nTwo tranches:\n- Tranche one: C$47 million, settling on Monday\n"
            "- Tranche two: the remaining C$13 million, which needs shareholder approval")
    assert failures(text.format("1.50"), "PV001") == []
    (c,) = failures(text.format("1.40"), "PV001")
    assert c.suspect.text == "C$1.40"


def test_a_shortfall_in_the_headline_and_a_take_up_in_the_body_make_the_whole_offer():
    text = ("Orex rights issue undersubscribed by {}\n\nWhen the offer closed on Friday, "
            "acceptances and excess applications came to about 71.25% of the rights shares.")
    assert [c.status for c in checks(text.format("28.75%"), "PV022")] == [Status.PASS]
    (c,) = failures(text.format("38.75%"), "PV022")
    assert c.stated.text == "38.75%"
    assert "100% − 71.25% = 28.75%" in c.message  # the constant written as a percentage


def test_of_equally_good_bindings_the_operands_nearest_the_stated_figure_win():
    text = ("Acme closed its placement of 20,000,000 units at $0.50 per unit for gross "
            "proceeds of $10,000,000.\n\nFees of 7 per cent in cash and 7 per cent in warrants "
            "have been paid, totalling $700,000 and 1,400,000 broker warrants.")
    (c,) = checks(text, "PV008")
    rate = next(f for f in c.figures if f.text == "7 per cent")
    assert text[rate.span.end:].startswith(" in warrants")


PINNED = ("Acme has raised $2 million so far in its private placement.\n\nThe first tranche "
          "consisted of {} units priced at $250 apiece.\n\nThe $2 million total for the "
          "tranche breaks down into {} of new cash and {} of existing debt converted.")


def test_a_rounded_figure_its_exact_breakdown_makes_is_exact_for_other_relations():
    assert check_text(PINNED.format("8,000", "$1,236,517", "$763,483")).failures == ()
    # 7,000 × $250 = $1,750,000 rounds to "$2 million", but its breakdown says $2,000,000
    (c,) = failures(PINNED.format("7,000", "$1,236,517", "$763,483"), "PV001")
    assert c.stated.text == "$2 million" and c.stated.unit == 1


def test_round_parts_pin_nothing():
    # $1,500,000 + $500,000 may themselves be rounded: "$2 million" keeps its precision
    assert failures(PINNED.format("7,000", "$1,500,000", "$500,000"), "PV001") == []


def test_an_exact_breakdown_keeps_a_typo_in_a_line_from_being_overruled():
    # the breakdown confirms "$2 million" only loosely (its parts are picked), but exactly:
    # a price one digit off in the line that should make it is still the typo
    (c,) = failures(PINNED.format("8,000", "$1,236,517", "$763,483").replace("$250", "$150"),
                    "PV001")
    assert c.suspect.text == "$150"


def test_an_amount_and_its_breakdown_are_never_added_together():
    # "$4M" is not "$2 million" plus the $1,236,517 and $763,483 that make it up
    text = "Acme Raises $4M in Private Placement\n\n" + PINNED.format(
        "8,000", "$1,236,517", "$763,483")
    (c,) = failures(text, "PV005")
    assert c.stated.text == "$4M"


def test_a_subscription_at_one_of_two_prices_uses_its_offering_statement_not_a_deemed_one():
    text = ("Acme sold 2,000,000 flow-through units at $0.45 per FT Unit and 3,000,000 units "
            "at $0.30 per Unit.\n\nAcme also settled a debt of $60,000 by issuing 200,000 "
            "Units at a deemed price of $0.30/Unit.\n\nA company controlled by the chairman "
            "subscribed for 500,000 Units for a total subscription price of $150,000.")
    (c,) = [c for c in checks(text, "PV001") if c.stated.text == "$150,000"]
    price = next(f for f in c.figures if f.text == "$0.30")
    assert text[price.span.end:].startswith(" per Unit")


def test_a_percentage_wrong_in_both_currencies_of_a_conversion_fails_in_each():
    text = ("Acme placed 100,000,000 new shares at $0.0655 (AUD 0.085) each.\n\nPriced at "
            "$0.0655 (AUD 0.085), the placement came in 6.6 percent below the closing price of "
            "$0.071 (AUD {}).")
    # right in AUD, wrong in dollars: the dollar relation fails beside the agreement
    assert [{f.currency for f in c.figures if f.currency} for c in failures(
        text.format("0.091"), "PV011")] == [{"$"}]
    both = failures(text.format("0.081"), "PV011")
    assert sorted(sorted(f.currency for f in c.figures if f.currency) for c in both) == [
        ["$", "$"], ["AUD", "AUD"]]


def test_a_line_stated_in_a_summary_and_in_the_body_is_taken_where_the_total_is():
    text = ("Orex Closes $3.1M Placement\n\n"
            "- Orex has closed its placement, bringing in approximately C$3.1 million\n"
            "- It issued 8.2 million flow-through units at 15 cents each and 19.0 million "
            "units at 10 cents\n- Every unit holds one share and half of one warrant\n"
            "- The money will fund drilling at the Orex gold project\n\n"
            "Orex has completed a private placement that raised approximately C$3.1 million "
            "for drilling.\n\nThe company issued a total of 8.2 million flow-through units at "
            "a price of 15 cents apiece, together with 19.0 million units priced at 10 cents.")
    body = text.rindex("C$3.1 million")
    (c,) = [c for c in checks(text, "PV004") if c.stated.span.start == body]
    assert c.status is Status.PASS
    assert all(f.span.start > body for f in c.figures if f is not c.stated)


def test_a_price_beside_a_count_that_is_no_sale_is_not_lent_to_the_next_sentence():
    text = ("Acme sold 10,000,000 units at $0.40 each.\n\nAcme also issued agent warrants to "
            "buy 120,000 common shares at $0.25 per share, exercisable for two years. "
            "Directors of the company bought 6,050,000 Units.")
    lines = offering_lines(text)
    assert [(x.quantity.text, x.price.text) for x in lines] == [("10,000,000", "$0.40")]


def test_a_quantity_at_the_defined_issue_price_is_stated_with_it():
    text = ("Acme will issue new shares at 2.5 pence each (the \"Issue Price\").\n\n"
            "A placing of 80,000,000 new Ordinary Shares at the Issue Price raises £2 million. "
            "A subscription raises £{} million from 12,345,678 new Ordinary Shares{}.")
    assert not failures(text.format("0.3", " at the Issue Price"), "PV001")
    # £0.2 million for £308,642: certain where the words name the price, not where the
    # release's one price is merely assumed
    (c,) = failures(text.format("0.2", " at the Issue Price"), "PV001")
    assert c.basis == "certain" and c.stated.text == "£0.2 million"
    assert not failures(text.format("0.2", ""), "PV001")


def test_a_cover_headings_count_and_the_bodys_one_digit_apart_is_one_mistyped():
    text = ("PROSPECTUS SUPPLEMENT\n\n4,000,000 Shares of Common Stock\n\nAcme is offering "
            "{} shares of its common stock.\n\nIts shares trade on the Nasdaq as \"ACME\"."
            "\n\nOffering price: per share $2.50; total $10,000,000")
    assert not failures(text.format("4,000,000"), "PV020")
    (c,) = failures(text.format("3,000,000"), "PV020")
    assert c.stated.text == "3,000,000"
    # a heading's count beside a count of other securities is no restatement
    other = text.replace("shares of its common stock", "warrants").format("3,000,000")
    assert not failures(other, "PV020")


def test_an_amount_net_of_expenses_is_never_the_gross_of_a_line():
    text = ("Acme placed {} new shares at 30 pence each, raising gross proceeds of about £1.5 "
            "million (about £1.2 million net of expenses).")
    assert not failures(text.format("5,000,000"), "PV001")
    # 4,000,000 × 30p makes the net figure exactly, which is no gross
    assert [c.stated.text for c in failures(text.format("4,000,000"), "PV001")] == [
        "£1.5 million"]


def test_cash_and_warrant_fees_stated_in_parallel_pair_in_order():
    text = ("Acme sold 10,000,000 units at $0.40 for gross proceeds of $4,000,000. Agents were "
            "paid {} per cent in cash and 5 per cent in warrants, totalling {} and 500,000 "
            "broker warrants.")
    checks_ok = check_text(text.format("7", "$280,000")).checks
    (cash,) = [c for c in checks_ok if c.rule == "PV003"]
    assert cash.status is Status.PASS and [f.text for f in cash.figures][:2] == [
        "$280,000", "7 per cent"]
    (warrants,) = [c for c in checks_ok if c.rule == "PV008"]
    assert warrants.status is Status.PASS and "5 per cent" in [f.text for f in warrants.figures]
    # the amount beside the broker warrants is the cash fee, whatever "totalling" says
    assert [c.stated.text for c in failures(text.format("7", "$380,000"), "PV003")] == [
        "$380,000"]
    assert [c.stated.text for c in failures(text.format("6", "$280,000"), "PV003")] == [
        "$280,000"]


def test_a_rate_the_words_give_to_warrants_is_never_the_cash_commissions():
    text = ("Acme sold 10,000,000 units at $0.40 for gross proceeds of $4,000,000. Agents were "
            "paid 6 per cent in cash and {} per cent in warrants, totalling $240,000 and "
            "600,000 broker warrants.")
    assert not check_text(text.format("6")).failures
    # the warrants' 5 per cent is wrong: the cash 6 per cent does not stand in for it
    assert [c.rule for c in check_text(text.format("5")).failures] == ["PV008"]


def test_one_rate_for_cash_and_warrants_confirms_both():
    text = ("Acme sold 10,000,000 units at $0.40 for gross proceeds of $4,000,000. It paid the "
            "agent a cash commission and broker warrants, each equal to 7% of the units sold: "
            "$280,000 and 700,000 broker warrants.")
    assert {c.rule: c.status for c in check_text(text).checks
            if c.rule in ("PV003", "PV008")} == {"PV003": Status.PASS, "PV008": Status.PASS}


def test_an_issue_price_is_its_face_value_plus_its_premium():
    text = ("Acme allotted 1,50,000 equity shares of face value Rs 2 each at Rs 125 per share "
            "(including a premium of Rs {} per share).")
    assert [c.status for c in checks(text.format(123), "PV027")] == [Status.PASS]
    (c,) = failures(text.format(113), "PV027")
    assert c.basis == "certain" and c.stated.text == "Rs 125"
    # the premium is an amount per share, never the proceeds of a line
    assert not failures(text.format(123), "PV001")


def test_fee_shares_and_warrants_stand_in_the_ratio_of_their_rates():
    text = ("Acme sold 3,000,000 units at $0.50. Its finder earned shares equal to 5% and "
            "warrants equal to {}% of the units its purchasers bought.\n\nIn all the finder "
            "received 61,275 finder's shares and 61,275 finder's warrants.")
    assert [c.status for c in checks(text.format(5), "PV028")] == [Status.PASS]
    # a one-digit rate beside specific counts: the rate is the typo
    (c,) = failures(text.format(4), "PV028")
    assert c.basis == "typo" and c.suspect.text == "4%"
    # the finder's shares are paid, never sold: no offering line of their own
    assert not failures(text.format(5), "PV001") and not failures(text.format(5), "PV004")


def test_an_amount_the_words_call_a_commission_is_no_lines_gross():
    # $240,000 = 800,000 × $0.30: one changed digit of the insiders' 400,000 would make the
    # commission their gross, which it never is
    text = ("Acme sold 12,000,000 units at $0.25. Insiders bought 400,000 shares at $0.30."
            "\n\nIts agents were paid 8 per cent in cash and 8 per cent in warrants: $240,000 "
            "and 960,000 broker warrants.")
    assert not check_text(text).failures


def test_insiders_units_among_the_offerings_are_no_typo_in_its_confirmed_line():
    # 11,500,000 × $0.30 makes $3,450,000 exactly; the insiders' 1,000,000 units are among
    # them, so a total of both lines is no evidence that "11,500,000" is mistyped
    text = ("Gamma Gold has closed its placement of 11,500,000 units at a price of $0.30 per "
            "unit for gross proceeds of $3,450,000. Insiders purchased 1,000,000 units for "
            "$300,000.")
    assert not check_text(text).failures


def test_a_figure_confirmed_exactly_elsewhere_leaves_the_typo_in_the_stated_one():
    # $5.17 is confirmed by 3,000,000 × $5.17 = $15,510,000: "$4.50" is the figure nothing
    # confirms, and the one a changed digit repairs
    text = ("Acme offers 3,000,000 shares.\n\nOffering price: per share $4.50; total "
            "$16,500,000\nAgent fees: per share $0.33; total $990,000\nProceeds to us: per "
            "share $5.17; total $15,510,000")
    found = [c for c in check_text(text).failures if c.rule == "PV016"]
    assert found and {c.suspect.text for c in found} == {"$4.50"}


def test_an_amount_the_proceeds_will_fund_is_no_total_of_the_lines():
    text = ("Zeta Energy issued 2,000,000 flow-through shares at $0.50 per share for $1,000,000 "
            "and 1,500,000 units at $0.40 per unit for $600,000, for aggregate gross proceeds of "
            "$1,600,000. Proceeds will fund the drill program ($1.2 million) and working "
            "capital.")
    assert not check_text(text).failures
    (use,) = [f for f in check_text(text).figures if f.text == "$1.2 million"]
    assert use.role == "use"


def test_an_approximate_net_may_be_less_than_gross_less_commission_never_more():
    text = ("Kappa sold 12,000,000 shares at C$0.50 for gross proceeds of C$6,000,000, paying a "
            "cash commission of C$360,000. Net proceeds of approximately C${} million will fund "
            "exploration.")
    assert not failures(text.format("5.5"), "PV002")  # other expenses too
    assert [c.stated.text for c in failures(text.format("6.5"), "PV002")] == [
        "C$6.5 million"]
    exact = text.replace("approximately ", "")
    assert failures(exact.format("5.5"), "PV002")


def test_quantities_priced_in_each_case_are_lines_whose_total_the_sentence_states():
    text = ("Lambda plc has raised £{} million through a placing of 60,000,000 new ordinary "
            "shares and a subscription for 5,000,000 new ordinary shares, in each case at 5 "
            "pence per share.")
    assert [c.status for c in checks(text.format("3.25"), "PV004")] == [Status.PASS]
    assert not check_text(text.format("3.25")).failures
    assert [c.rule for c in check_text(text.format("3.75")).failures] == ["PV004"]


def test_pre_funded_warrants_sell_at_their_own_price_not_their_exercise_price():
    text = ("Nu Pharma priced 4,000,000 shares at $8.00 and, to certain investors, pre-funded "
            "warrants to purchase 1,000,000 shares at $7.999 per pre-funded warrant, the "
            "offering price less the $0.001 exercise price. Gross proceeds will be "
            "approximately ${} million.")
    assert not check_text(text.format("40.0")).failures
    assert [c.status for c in checks(text.format("40.0"), "PV004")] == [Status.PASS]
    assert failures(text.format("30.0"), "PV004")


def test_securities_among_the_offerings_own_are_no_further_sale():
    text = ("Upsilon plc - Fundraise of £2.4 million\n\nUpsilon plc has raised gross proceeds "
            "of £2.4 million through the issue of 48,000,000 new ordinary shares at 5p per "
            "share. Directors subscribed for {} of the new shares, worth £100,000.")
    assert not check_text(text.format("2,000,000")).failures
    # the directors' own line is still checked
    assert [c.rule for c in check_text(text.format("3,000,000")).failures] == ["PV001"]


def test_an_amount_the_words_call_expenses_is_no_commission():
    text = ("Omega Health sold 2,777,778 shares at $4.50 per share for gross proceeds of "
            "approximately $12.5 million. Net proceeds, after placement agent fees of 7.0% and "
            "estimated offering expenses of $250,000, are expected to be approximately $11.4 "
            "million.")
    assert not check_text(text).failures


def test_securities_among_the_offerings_own_are_none_however_their_price_is_found():
    # the restated price in the next sentence pairs with the directors' count as a list would
    text = ("Sigma Metals plc: Placing to raise £1.5 million\n\n"
            "Sigma Metals plc raised £1.5 million through a placing of 30,000,000 new ordinary "
            "shares at 5 pence per share. Directors subscribed for {} of the Placing Shares, "
            "worth £150,000. The Placing Price of 5 pence is a discount of 8% to the last "
            "closing price.")
    assert not check_text(text.format("3,000,000")).failures
    assert [c.rule for c in check_text(text.format("4,000,000")).failures] == ["PV001"]


def test_an_exercise_price_is_no_amount_per_security_sold():
    # 4,000,000 × $2.75 would make the net exactly: a chance the agent's warrants must not give
    text = ("Tau Bio sold 4,000,000 shares at $3.00 per share for gross proceeds of $12.0 "
            "million. The placement agent receives warrants to purchase 200,000 shares at an "
            "exercise price of $3.75 per share. Net proceeds, after the agent's fee of $840,000 "
            "and expenses of $160,000, are expected to be approximately $11.0 million.")
    assert not checks(text, "PV014")
    # a fee stated per share and in total is still checked
    fees = ("Tau Bio sold 4,000,000 shares at $3.00 per share. Placement agent fees: per share "
            "$0.21; total {}")
    assert checks(fees.format("$840,000"), "PV014")[0].status is Status.PASS
    assert checks(fees.format("$640,000"), "PV014")[0].status is Status.FAIL


_TOP_UP = ("With the option exercised in full, up to 450,000,000 Placing Shares would come to "
           "approximately {} of the 2,000,000,000 Shares now in issue and approximately 18.37% "
           "of the 2,450,000,000 Shares then in issue.")


def test_of_two_certain_disagreements_the_one_a_typo_explains_is_reported():
    # 450,000,000 ÷ 2,450,000,000 = 18.37% is the other percentage's relation, not this one's
    assert not failures(_TOP_UP.format("22.5%"), "PV009")
    [c] = failures(_TOP_UP.format("12.5%"), "PV009")
    assert [f.text for f in c.figures] == ["12.5%", "450,000,000", "2,000,000,000"]
    assert c.suspect.text == "12.5%"


def test_operands_another_sentence_states_its_own_relation_with_do_not_excuse_a_figure():
    # "12.5%" is that sentence's share, not this one's: 450,000,000 of 2,000,000,000 is 22.5%
    before = ("Against the 2,000,000,000 Shares in issue, the 250,000,000 Placing Shares come "
              "to approximately 12.5%. ")
    assert not failures(before + _TOP_UP.format("22.5%"), "PV009")
    [c] = failures(before + _TOP_UP.format("12.5%"), "PV009")
    assert "450,000,000" in c.message
    premium = ("The 1,000,000 equity shares, face value Rs 10 each, were issued at Rs 250 per "
               "share (of which Rs {} is premium). The discount of the Rs 250 issue price (Rs "
               "240 premium included) to the Rs 262.50 floor price is Rs 12.50 per share.")
    assert not check_text(premium.format("240")).failures
    [c] = failures(premium.format("140"), "PV027")
    assert "Rs 140" in c.message


def test_a_one_digit_figure_is_the_suspect_where_its_relation_gives_another_digit_closely():
    # 399,900,000 ÷ 2,000,000,000 = 19.995%: "approximately 20%", within a part in a thousand
    text = ("Up to 399,900,000 Placing Shares would come to approximately {} of the "
            "2,000,000,000 Shares now in issue and approximately 16.66% of the 2,399,900,000 "
            "Shares then in issue.")
    assert not failures(text.format("20%"), "PV009")
    [c] = failures(text.format("10%"), "PV009")
    assert c.suspect.text == "10%" and "2,000,000,000" in c.message


def test_a_one_digit_price_is_the_suspect_where_the_repair_is_another_lines_price():
    text = ("Delta Gold closed a $5.8 million financing.\n\nAt a price of ${} per flow-through "
            "share, it issued 2.5 million flow-through shares. A participation right added "
            "400,000 flow-through shares priced at $2, taking total proceeds to $5.8 million.")
    assert not check_text(text.format("2")).failures
    [c] = failures(text.format("3"), "PV004")
    assert c.suspect.text == "$3"


def test_an_amount_the_words_call_a_goal_is_no_gross():
    text = ("Acme Bio is targeting $1.5 million and has closed a first tranche of 4,000 units "
            "priced at $250 apiece.")
    assert not check_text(text).failures
    goal = ("Acme Bio has brought in {} so far, against a $1.5 million goal, by selling units."
            "\n\nThe first tranche consisted of 4,000 units priced at $250 apiece.")
    [c] = checks(goal.format("$1 million"), "PV001")
    assert c.status is Status.PASS and c.stated.text == "$1 million"


def test_picked_parts_confirm_a_rounded_figure_only_where_their_value_rounds_half_up_to_it():
    # 4,000 × $250 + "$1.5 million" = $2.5 million: "$3 million", not "$2 million"
    text = ("Acme Corp has raised ${} million from its placing.\n\nThe first tranche was 4,000 "
            "units at $250 each. A second tranche brought in $1.5 million.")
    [c] = [c for c in checks(text.format("3"), "PV004") if c.status is Status.PASS]
    assert c.basis == "loose"
    assert not [c for c in checks(text.format("2"), "PV004") if c.status is Status.PASS]


def test_an_amount_of_another_tranche_is_no_gross_of_the_line():
    text = ("Acme Corp closed the first tranche of its private placement, issuing 4,000 units at "
            "$250 each. A second tranche of $1.5 million is expected to close next month.")
    assert not check_text(text).failures
    # an amount of the same tranche still is
    same = ("Acme Corp closed the first tranche of its private placement, issuing 4,000 units at "
            "$250 each. The first tranche raised ${}.")
    assert [c.status for c in checks(same.format("1,000,000"), "PV001")] == [Status.PASS]
    assert [c.status for c in checks(same.format("1,500,000"), "PV001")] == [Status.FAIL]


def test_a_rule_without_the_price_takes_the_quantity_of_a_line_priced_far_away_as_stated():
    # the line pairs "$2.40 per share" with the one count two sentences on: loose for a
    # gross, but the warrants depend on the count alone
    text = ("Kappa Labs raised $984,000 in a private placement.\n\nBuyers paid $2.40 per share, "
            "a premium to the market. Every share purchased came with a warrant for .5 shares, "
            "exercisable at $3 per share. In all, about 410,000 shares and {} warrants were "
            "issued.")
    [c] = checks(text.format("205,000"), "PV007")
    assert c.status is Status.PASS and c.basis == "structural"
    [c] = failures(text.format("105,000"), "PV007")
    assert c.expected == 205000


_TOGETHER = ("Helios Solar plc has raised approximately £6.0 million by a placing of 100,000,000 "
             "new ordinary shares and a subscription for 20,000,000 new ordinary shares, in each "
             "case at 5 pence per share.\n\nThe Placing Shares and Subscription Shares together "
             "represent approximately {}% of the existing issued share capital of 500,000,000 "
             "ordinary shares. On Admission, the enlarged issued share capital will be {} "
             "ordinary shares.")


def test_a_share_of_the_company_may_be_of_all_the_offerings_lines_together():
    assert not check_text(_TOGETHER.format("24.0", "620,000,000")).failures
    assert [c.status for c in checks(_TOGETHER.format("24.0", "620,000,000"), "PV009")] \
        == [Status.PASS]
    assert [c.rule for c in check_text(_TOGETHER.format("34.0", "620,000,000")).failures] \
        == ["PV009"]
    assert [c.rule for c in check_text(_TOGETHER.format("24.0", "630,000,000")).failures] \
        == ["PV010"]


def test_a_commission_rate_is_a_percentage_the_words_give_the_commission():
    text = ("Solis Energy ASA has raised NOK 250 million through a private placement of "
            "12,500,000 new shares at a subscription price of NOK 20.00, a discount of "
            "approximately 4.8 per cent to the closing price of NOK 21.00.\n\nThe new shares "
            "represent 20 per cent of the share capital after the placement. Net proceeds, "
            "after fees of approximately NOK {} million, will be approximately NOK 240 million.")
    assert not check_text(text.format("10")).failures
    # a rate the words give the fee is checked against it
    fee = ("Solis Energy ASA has raised NOK 250 million through a private placement of "
           "12,500,000 new shares at NOK 20.00 per share. The managers receive a fee of 4 per "
           "cent of the gross proceeds, or NOK {} million.")
    assert [c.status for c in checks(fee.format("10"), "PV003")] == [Status.PASS]
    assert [c.status for c in checks(fee.format("12"), "PV003")] == [Status.FAIL]


def test_a_net_price_per_share_is_the_net_proceeds_over_the_shares_sold():
    text = ("Lotus Holdings will place 40,000,000 new shares at HK$1.20 per Placing Share. The "
            "net proceeds of approximately HK$46.8 million represent a net price of approximately "
            "HK${} per Placing Share.")
    [c] = checks(text.format("1.17"), "PV029")
    assert c.status is Status.PASS
    # the net price is no offering price: the line is 40,000,000 × HK$1.20 alone
    assert [x.price.text for x in offering_lines(text.format("1.17"))] == ["HK$1.20"]
    [c] = failures(text.format("1.27"), "PV029")
    assert c.suspect.text == "HK$1.27"
    zh = ("公司將配售40,000,000股配售股份，配售價每股1.20港元。"
          "所得款項淨額約46.8百萬港元，淨價約為{}港元。")
    assert [c.status for c in checks(zh.format("1.17"), "PV029")] == [Status.PASS]
    assert [c.status for c in checks(zh.format("1.27"), "PV029")] == [Status.FAIL]


def test_the_one_count_stated_twice_is_taken_where_it_stands_nearest_the_price():
    text = ("Lotus Holdings agreed to issue 40,000,000 placing shares. The placing agent is "
            "Kowloon Securities.\n\nThe placing price is HK$1.20 per share.\n\nThe gross "
            "proceeds will be HK$48.0 million. The board meets in May. Dealings resume on "
            "Monday. The register closes on Friday.\n\nThe 40,000,000 placing shares are 10% "
            "of the 400,000,000 shares in issue.")
    [line] = offering_lines(text)
    assert line.quantity.span.start == text.index("40,000,000")


def test_a_share_of_the_enlarged_capital_counts_the_new_shares_in_it():
    text = ("The 25,000,000 Placing Shares represent approximately 12.5% of the 200,000,000 "
            "existing Shares and approximately {} of the issued share capital as enlarged by "
            "the Placing.")
    assert [c.status for c in checks(text.format("11.11%"), "PV030")] == [Status.PASS]
    [c] = failures(text.format("12.11%"), "PV030")
    assert c.suspect.text == "12.11%"
    zh = ("上述25,000,000股配售股份相等於現有已發行股份（即200,000,000股）的12.5%；"
          "按配售完成後擴大的股份數目計算，則約佔{}。")
    assert [c.status for c in checks(zh.format("11.11%"), "PV030")] == [Status.PASS]
    assert [c.status for c in checks(zh.format("12.11%"), "PV030")] == [Status.FAIL]


def test_a_pre_money_valuation_is_the_one_count_outstanding_at_the_offer_price():
    text = ("Offer price: $2.50 per share.\n\nOffer size: between 2,000,000 and 3,000,000 "
            "shares.\n\nShares outstanding before the offer: 12,000,000 shares.\n\nLock-up: "
            "twelve months.\n\nValuation: approximately ${} million (pre-money).")
    [c] = checks(text.format("30"), "PV026")
    assert c.status is Status.PASS and [f.text for f in c.figures][1:] == ["12,000,000", "$2.50"]
    # the count stands far from the valuation: a loose binding, failed only on a clear typo
    assert not failures(text.format("40"), "PV026")


def test_a_share_of_the_capital_as_enlarged_is_not_measured_against_the_count_before():
    # 100,000,000 ÷ 600,000,000 would make 16.67% too: no reason to suspect 120,000,000
    text = ("The 120,000,000 Placing Shares represent approximately 20.00% of the existing "
            "issued share capital of 600,000,000 Shares and approximately 16.67% of the issued "
            "share capital of the Company as enlarged by the issue of the Placing Shares.")
    assert not check_text(text).failures
    assert [c.status for c in checks(text, "PV030")] == [Status.PASS]


def test_a_percentage_of_the_gross_proceeds_is_measured_against_no_net():
    text = ("Harbor Bio sold 4,000,000 shares at $3.00 per share, for gross proceeds of $12.0 "
            "million. The shares were priced at-the-market.\n\nThe placement agent receives a "
            "cash fee equal to {} of the gross "
            "proceeds, or $840,000. Net proceeds, after the fee and estimated expenses of "
            "$160,000, are expected to be approximately $11.0 million.")
    assert not check_text(text.format("7.0%")).failures
    assert [c.rule for c in check_text(text.format("8.0%")).failures] == ["PV003"]
    # and a share of the net proceeds against no gross
    net = ("Net proceeds came to HK$300.0 million, from gross proceeds of HK$310.0 million; "
           "about {} of the net proceeds (HK$219.2 million) will repay borrowings.")
    [c] = checks(net.format("73%"), "PV013")
    assert c.status is Status.PASS and "HK$300.0 million" in c.message


def test_net_proceeds_after_the_commission_and_other_costs_stated_with_it():
    text = ("Borealis Metals closed a placement of 10,000,000 units at $0.40 per unit for gross "
            "proceeds of $4,000,000. The gross proceeds, after deducting finder's fees of "
            "$240,000 and other costs of $60,000, leave net proceeds of {} for exploration.")
    assert not check_text(text.format("$3,700,000")).failures
    assert [c.status for c in checks(text.format("$3,700,000"), "PV031")] == [Status.PASS]
    # (wrong either way: PV002 reports it too)
    assert {c.rule for c in check_text(text.format("$3,600,000")).failures} == {"PV002", "PV031"}


def test_a_capital_increase_is_the_new_shares_at_the_nominal_value():
    text = ("Nordic Wind AB issues 10,000,000 new shares at SEK 15.00 per share, each with a "
            "nominal value of SEK 0.05. Through the issue, the share capital increases by SEK "
            "{}.")
    [c] = checks(text.format("500,000"), "PV032")
    assert c.status is Status.PASS
    [c] = failures(text.format("600,000"), "PV032")
    assert "10,000,000 × SEK 0.05" in c.message
    # a no-par share's notional share of the capital, in German
    de = ("Ausgegeben werden 2.000.000 neue Aktien, auf die jeweils EUR 1,00 des Grundkapitals "
          "entfällt. Das Grundkapital erhöht sich damit um EUR {}.")
    assert [c.status for c in checks(de.format("2.000.000,00"), "PV032")] == [Status.PASS]
    assert [c.status for c in checks(de.format("2.100.000,00"), "PV032")] == [Status.FAIL]


def test_amounts_beside_quantities_priced_in_each_case_do_not_end_the_list():
    # "(£2.0 million)" is no price: all three quantities are at 5 pence
    text = ("Blue Lagoon Energy plc has raised approximately £{} million, comprising a placing "
            "of 40,000,000 new shares (£2.0 million), a subscription for 5,000,000 new shares "
            "(£250,000) and a retail offer of 10,000,000 new shares (£500,000), in each case at "
            "5 pence per share.")
    assert len(offering_lines(text.format("2.75"))) == 3
    assert not check_text(text.format("2.75")).failures
    assert [c.rule for c in check_text(text.format("3.75")).failures] == ["PV004"]


def test_a_fee_paid_in_cash_and_options_sells_nothing():
    text = ("Kestrel Energy will place 40,000,000 shares at A$0.20 per share to raise A$8 "
            "million.\n\nThe lead manager will receive a 6% fee on funds raised, being "
            "A$480,000, and 5,000,000 options.")
    assert [x.quantity.text for x in offering_lines(text)] == ["40,000,000"]
    assert not check_text(text).failures


def test_a_small_number_in_words_is_no_quantity_sold():
    # "four shares held" is the entitlement, not the line the price belongs to
    text = ("Greenfield Agritech offered one new share for every four shares held at 2 cents "
            "per share. Valid acceptances were received for 150,000,000 shares (A${} million).")
    assert [x.quantity.text for x in offering_lines(text.format("3.0"))] == ["150,000,000"]
    assert [c.status for c in checks(text.format("3.0"), "PV001")] == [Status.PASS]
    assert [c.status for c in checks(text.format("4.0"), "PV001")] == [Status.FAIL]


def test_a_commission_reduced_for_part_of_the_gross_is_checked_at_both_rates():
    text = ("Arrow Energy sold 23,000,000 shares at C$0.45 per share for gross proceeds of "
            "C$10,350,000.\n\nThe agents received a cash commission of C${}, representing 6.0% "
            "of the gross proceeds, other than C$900,000 of proceeds from president's list "
            "purchasers, on which a reduced commission of 3.0% was paid.")
    assert not check_text(text.format("594,000")).failures
    assert not checks(text.format("594,000"), "PV003")  # the single rate is no relation here
    [c] = check_text(text.format("564,000")).failures
    assert c.rule == "PV033"


def test_a_figure_stated_again_as_an_operand_is_no_typo_of_their_sum():
    # 2,222,222 warrants for 2,222,222 HD units: 4,000,000 + 2,222,222 is one digit from it
    text = ("Goldcliff closed a placement of 4,000,000 flow-through units at $0.12 per FT unit "
            "and 2,222,222 hard-dollar units at $0.09 per HD unit. In total, 2,000,000 and "
            "2,222,222 warrants were issued with the FT and HD units respectively.")
    assert not check_text(text).failures


def test_quantities_priced_respectively_share_the_sentences_amount():
    text = ("Quantum Rail sold 2,500,000 shares of common stock and pre-funded warrants to "
            "purchase 1,000,000 shares at a price of $2.43 per share and $2.429 per pre-funded "
            "warrant, for gross proceeds of approximately US${} million.")
    assert not check_text(text.format("8.5")).failures
    assert [c.rule for c in check_text(text.format("9.5")).failures] == ["PV004"]


def test_a_total_the_words_name_beside_several_lines_is_no_one_lines_gross():
    text = ("Copperline closed a placement of 2,000,000 flow-through shares at $0.15 and "
            "3,000,000 non-flow-through units at $0.10, for total gross proceeds of ${}.")
    assert not check_text(text.format("600,000")).failures
    assert [c.rule for c in check_text(text.format("700,000")).failures] == ["PV004"]
    # a line's own amount right after it is still its gross
    own = ("Copperline sold 2,000,000 flow-through shares at $0.15 for $300,000 and 3,000,000 "
           "units at $0.10 for ${}.")
    assert [c.status for c in checks(own.format("300,000"), "PV001")] == [Status.PASS] * 2
