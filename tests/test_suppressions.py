"""Inline suppressions: used ones mark their failure, unused ones are reported."""

from tests.conftest import ROOT
from validator import check_text
from validator.cli import main
from validator.report import Status

TYPO = (ROOT / "examples" / "tecogen-2013-12-typo.txt").read_text()


def with_directive(directive: str, before: str = "WALTHAM") -> str:
    return TYPO.replace(before, directive + "\n" + before, 1)


def test_a_directive_suppresses_the_failure_in_the_next_paragraph():
    report = check_text(with_directive("<!-- placement-validator: ignore PV001 -->"))
    (suppressed,) = [c for c in report.checks if c.suppressed]
    assert suppressed.rule == "PV001" and suppressed.status is Status.FAIL
    assert report.ok and not report.failures


def test_the_plain_text_form_and_a_reason_after_the_ids():
    report = check_text(with_directive(
        "placement-validator: ignore PV001 agreed with counsel on 3 December"))
    assert [c.rule for c in report.checks if c.suppressed] == ["PV001"]
    assert report.ok
    # the words of a directive are no figures of the release
    assert not any(f.text in ("3", "001") for f in report.figures)


def test_a_directive_without_ids_suppresses_every_rule_there():
    report = check_text(with_directive("<!-- placement-validator: ignore -->"))
    assert report.ok and any(c.suppressed for c in report.checks)


def test_an_unused_directive_is_reported_where_it_stands():
    text = with_directive("<!-- placement-validator: ignore PV005 -->")
    report = check_text(text)
    unused = [c for c in report.checks if c.rule == "PV000"]
    assert len(unused) == 1 and unused[0].severity == "warning"
    assert unused[0].where.line == 3 and "PV005" in unused[0].message
    # the PV001 failure is not covered by a PV005 directive
    assert {c.rule for c in report.failures} == {"PV001", "PV000"}


def test_a_directive_covers_only_the_next_paragraph():
    text = with_directive("<!-- placement-validator: ignore PV001 -->",
                          before="Together with")
    report = check_text(text)
    assert any(c.rule == "PV001" and not c.suppressed for c in report.failures)
    assert any(c.rule == "PV000" for c in report.failures)


def test_a_directive_before_the_headline_leaves_it_a_headline():
    plain = check_text(TYPO)
    text = "<!-- placement-validator: ignore PV020 -->\n" + TYPO
    report = check_text(text)
    headline = [f for f in report.figures if "headline" in f.roles]
    assert [f.text for f in headline] == [f.text for f in plain.figures if "headline" in f.roles]
    assert headline


def test_unused_suppressions_fail_the_run_only_at_fail_on_warning(tmp_path, capsys):
    draft = tmp_path / "draft.md"
    draft.write_text("<!-- placement-validator: ignore PV005 -->\n"
                     + (ROOT / "examples" / "tecogen-2013-12.txt").read_text())
    assert main(["check", str(draft)]) == 0
    assert "PV000 warning unused suppression" in capsys.readouterr().out
    assert main(["check", "--fail-on", "warning", str(draft)]) == 1
    capsys.readouterr()
    assert main(["check", "--fail-on", "warning", "--ignore", "PV000", str(draft)]) == 0
