"""Generated deals: consistent ones pass; one changed digit fails, at that figure."""

from hypothesis import given, settings
from hypothesis import strategies as st

from validator import check_text
from validator.report import Status

from .strategies import continental_deals, deals


@settings(max_examples=150, deadline=None)
@given(deals())
def test_consistent_deals_pass(deal):
    text, _ = deal
    assert_line_passes(text)


def assert_line_passes(text):
    """No failure, and the offering line's gross agrees (PV001 passes)."""
    report = check_text(text)
    assert not report.failures, [c.message for c in report.failures]
    assert any(c.rule == "PV001" and c.status is Status.PASS for c in report.checks)


@settings(max_examples=150, deadline=None)
@given(deals(), st.sampled_from(["shares", "price", "gross"]), st.data())
def test_one_changed_digit_fails_at_that_figure(deal, which, data):
    text, figs = deal
    written = figs[which]
    digits = [i for i, ch in enumerate(written) if ch.isdigit() and ch != "0"]
    i = data.draw(st.sampled_from(digits))
    new = str(int(written[i]) % 9 + 1)  # 1..9, never the same digit, never a leading zero
    changed = written[:i] + new + written[i + 1:]
    at = text.index(written)
    mutated = text[:at] + changed + text[at + len(written):]
    report = check_text(mutated)
    touched = [c for c in report.failures
               if any(f.span.start <= at < f.span.end for f in c.figures)]
    assert touched, f"no failing check uses {changed!r} in: {mutated}"


@settings(max_examples=100, deadline=None)
@given(continental_deals())
def test_continental_deals_pass_and_a_changed_gross_fails(deal):
    text, gross = deal
    assert_line_passes(text)
    first = next(i for i, ch in enumerate(gross) if ch.isdigit() and ch != "0")
    changed = gross[:first] + str(int(gross[first]) % 9 + 1) + gross[first + 1:]
    assert any(c.rule == "PV001" for c in check_text(text.replace(gross, changed)).failures)
