"""Tables: read as rows of cells in every format, scaled by their units, totals checked."""

import pytest

from validator import check_file, check_text
from validator.report import Status
from validator.tables import find

PROCEEDS_MD = """Acme closed its placement for gross proceeds of $4,307,075.

Use of proceeds (US$000):

| Purpose | Amount | Share |
|---|---|---|
| Drilling | 2,150 | 54% |
| Working capital | 1,850 | 46% |
| Total | {total} | 100% |
"""


def table_checks(report):
    return [c for c in report.checks if c.rule == "PV021"]


def test_a_total_row_is_the_sum_of_the_column_above_it():
    (ok,) = [c for c in table_checks(check_text(PROCEEDS_MD.format(total="4,000")))
             if c.stated.text == "4,000"]
    assert ok.status is Status.PASS
    (bad,) = [c for c in table_checks(check_text(PROCEEDS_MD.format(total="4,100")))
              if c.stated.text == "4,100"]
    assert bad.status is Status.FAIL and bad.basis == "certain"
    assert bad.difference == 100_000  # the table is in thousands of US dollars
    assert (bad.where.line, bad.where.column) == (9, 11)


def test_units_in_the_header_scale_the_cells_and_name_the_currency():
    report = check_text(PROCEEDS_MD.format(total="4,000"))
    drilling = next(f for f in report.figures if f.text == "2,150")
    assert (drilling.value, drilling.currency, drilling.kind.value) == (2_150_000, "USD", "money")
    share = next(f for f in report.figures if f.text == "54%")
    assert share.value == 54  # a percentage is not scaled
    assert not any(f.text.endswith("000") and "$" in f.text for f in report.figures)
    millions = check_text("Proceeds, in millions:\n\n| Class | C$ |\n|---|---|\n| Units | 4.3 |\n"
                          "| Flow-through | 1.2 |\n")
    assert [f.value for f in millions.figures] == [4_300_000, 1_200_000]


def test_a_column_headed_total_is_the_sum_of_its_row():
    text = ("| Finder | Cash | Units | Total |\n|---|---|---|---|\n"
            "| Haywood | $12,000 | $8,000 | $20,000 |\n| PI Financial | $5,000 | $2,500 | "
            "$7,000 |\n")
    checks = {c.stated.text: c for c in table_checks(check_text(text))}
    assert checks["$20,000"].status is Status.PASS
    assert checks["$7,000"].status is Status.FAIL
    assert checks["$7,000"].expected == 7500


def test_separator_rows_borders_and_prose_pipes():
    (table,) = find("Intro | not a table line alone\n\n| a | b |\n|:-|-:|\n| 1 | 2 |\n")
    assert [[c.text for c in row] for row in table.rows] == [["a", "b"], ["1", "2"]]


def test_a_table_figure_restating_the_prose_with_one_digit_changed_is_caught():
    text = ("Acme closed its placement for gross proceeds of $4,307,075.\n\n"
            "| Item | Amount |\n|---|---|\n| Gross proceeds | $4,807,075 |\n"
            "| Commission | $64,623 |\n")
    (failed,) = check_text(text).failures  # a restatement (PV015, or PV020) one digit off
    assert {f.text for f in failed.figures} == {"$4,307,075", "$4,807,075"}
    assert failed.basis == "typo"


def test_html_tables_are_tables_located_in_the_source(tmp_path):
    path = tmp_path / "release.html"
    path.write_text(
        "<html><body><p>Use of proceeds (in thousands of US$):</p>\n<table>\n"
        "<tr><th>Purpose</th><th>Amount</th></tr>\n"
        "<tr><td>Drilling</td><td>2,150</td></tr>\n"
        "<tr><td>Working capital</td><td>1,850</td></tr>\n"
        "<tr><td>Total</td><td>4,100</td></tr>\n</table></body></html>\n")
    (bad,) = [c for c in table_checks(check_file(path)) if c.status is Status.FAIL]
    line = path.read_text().split("\n")[bad.where.line - 1]
    assert line[bad.where.column - 1:].startswith("4,100")


def test_word_tables_are_tables_with_cells_named(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("Use of proceeds (US$000)")
    rows = [("Purpose", "Amount"), ("Drilling", "2,150"), ("Working capital", "1,850"),
            ("Total", "4,100")]
    table = document.add_table(rows=len(rows), cols=2)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph("The proceeds will fund drilling.")
    path = tmp_path / "release.docx"
    document.save(path)
    (bad,) = [c for c in table_checks(check_file(path)) if c.status is Status.FAIL]
    assert bad.where.label == "table 1, row 4, cell 2"
