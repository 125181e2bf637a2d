"""The same release in text, Markdown, HTML, Word and PDF: the same checks, each located in the
original file. Every fixture is made here, from our own wording."""

import html
import sys
from pathlib import Path

import pytest

from validator import check_file
from validator.inputs import markdown
from validator.reader import InputError, read_path

HEADLINE = "Acme Mining Raises Over $4.3 Million in Private Placement"
PARAGRAPHS = [
    "TORONTO, March 3, 2025 -- Acme Mining Corp. said today that it has closed further sales "
    "in its private placement for an aggregate of $957,357. In these sales the company sold "
    "212,750 shares at $4.50 per share, paid a commission of $64,623 and received a net raise "
    "of $892,752.",
    "Together with the sales closed in February, the private placement has now brought in "
    "gross proceeds of $4,307,075. The proceeds will fund drilling.",
]
TYPO = "$957,357"  # 212,750 × $4.50 is $957,375


def verdicts(report):
    return sorted((c.rule, c.status.value, c.stated.text if c.stated else None,
                   str(c.expected)) for c in report.checks)


def write_txt(path: Path) -> Path:
    path.write_text("\n\n".join([HEADLINE, *PARAGRAPHS]) + "\n")
    return path


def write_md(path: Path) -> Path:
    path.write_text(
        f"# {HEADLINE}\n\n{PARAGRAPHS[0]}\n\n"
        "```\nold draft: 212,750 shares at $9.99 for $1\n```\n\n"
        f"{PARAGRAPHS[1]} See [the 2024 filing](https://example.com/2024/957357/1,000) "
        "and `$5,000,000`.\n")
    return path


def write_html(path: Path) -> Path:
    body = "".join(
        f'<p class="p-2025" data-x="1,000">\n{html.escape(p)}\n</p>\n' for p in PARAGRAPHS)
    body = body.replace(TYPO, "&#36;957&#44;357").replace("212,750 shares",
                                                           "212,750&nbsp;shares")
    path.write_text(
        "<html><head><title>Acme $1 million</title><style>.x{width:100px}</style>"
        "<script>var cap = 1000000;</script></head>\n<body>\n"
        f"<h1>{html.escape(HEADLINE)}</h1>\n{body}</body></html>\n")
    return path


def write_docx(path: Path) -> Path:
    docx = pytest.importorskip("docx")
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    document.add_paragraph(HEADLINE)
    first = document.add_paragraph(PARAGRAPHS[0].replace("$64,623", ""))
    # a tracked change: "$46,623" deleted, "$64,623" inserted where it stood
    run = first.runs[0]._r
    text = run.find(qn("w:t"))
    before, after = PARAGRAPHS[0].split("$64,623")
    text.text = before
    for tag, inner, value in (("w:del", "w:delText", "$46,623"), ("w:ins", "w:t", "$64,623")):
        change = OxmlElement(tag)
        change.set(qn("w:id"), "1" if tag == "w:del" else "2")
        change.set(qn("w:author"), "Editor")
        r = OxmlElement("w:r")
        t = OxmlElement(inner)
        t.text = value
        r.append(t)
        change.append(r)
        run.addnext(change)
        run = change
    tail = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = after
    t.set(qn("xml:space"), "preserve")
    tail.append(t)
    run.addnext(tail)
    document.add_paragraph(PARAGRAPHS[1])
    document.save(path)
    return path


def write_pdf(path: Path) -> Path:
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    pdf.multi_cell(0, 6, HEADLINE)
    pdf.ln(4)
    for p in PARAGRAPHS:
        pdf.multi_cell(0, 6, p.replace("--", "-"))
        pdf.ln(4)
    pdf.output(str(path))
    return path


WRITERS = {"md": write_md, "html": write_html, "docx": write_docx, "pdf": write_pdf}


@pytest.fixture
def plain(tmp_path):
    return check_file(write_txt(tmp_path / "release.txt"))


@pytest.mark.parametrize("kind", sorted(WRITERS))
def test_each_format_reports_what_the_text_reports(tmp_path, plain, kind):
    report = check_file(WRITERS[kind](tmp_path / f"release.{kind}"))
    assert report.error is None
    assert verdicts(report) == verdicts(plain)
    (failure,) = report.failures
    assert failure.rule == "PV001" and failure.stated.text == TYPO


def _located(report):
    (failure,) = report.failures
    return failure.where


def test_markdown_reports_the_files_own_line_and_column(tmp_path):
    path = write_md(tmp_path / "release.md")
    where = _located(check_file(path))
    line = path.read_text().split("\n")[where.line - 1]
    assert line[where.column - 1:].startswith(TYPO)


def test_markdown_code_links_and_inline_code_are_not_prose():
    text = ("Sold 10 shares.\n\n```\n212,750 shares at $9.99\n```\n\n"
            "[filing](https://x.com/957357) `$5,000,000` ![chart](img/2,000.png)")
    prose = markdown.prose(text)
    assert len(prose) == len(text) and prose.count("\n") == text.count("\n")
    assert "9.99" not in prose and "957357" not in prose and "5,000,000" not in prose
    assert "2,000" not in prose and "[filing]" in prose and "Sold 10 shares." in prose


def test_html_reports_the_source_line_and_column_inside_entities(tmp_path):
    path = write_html(tmp_path / "release.html")
    report = check_file(path)
    where = _located(report)
    line = path.read_text().split("\n")[where.line - 1]
    assert line[where.column - 1:].startswith("&#36;957&#44;357")
    shares = next(f for f in report.figures if f.text == "212,750")
    line = path.read_text().split("\n")[shares.span.line - 1]
    assert line[shares.span.column - 1:].startswith("212,750&nbsp;shares")
    # nothing from the head, scripts, styles or attributes
    assert not {"$1 million", "1000000", "1,000"} & {f.text for f in report.figures}


def test_word_reports_paragraphs_and_reads_tracked_changes_as_accepted(tmp_path):
    report = check_file(write_docx(tmp_path / "release.docx"))
    where = _located(report)
    assert (where.line, where.label) == (2, "paragraph 2")
    texts = {f.text for f in report.figures}
    assert "$64,623" in texts and "$46,623" not in texts


def test_word_tables_are_read_cell_by_cell(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph(HEADLINE)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Shares sold", "Price"
    table.cell(1, 0).text, table.cell(1, 1).text = "212,750", "$4.50"
    path = tmp_path / "table.docx"
    document.save(path)
    report = check_file(path)
    price = next(f for f in report.figures if f.text == "$4.50")
    assert price.span.label == "table 1, row 2, cell 2"


def test_pdf_reports_page_and_line(tmp_path):
    path = write_pdf(tmp_path / "release.pdf")
    report = check_file(path)
    where = _located(report)
    assert where.label.startswith("page 1, line ")
    doc = read_path(path)
    assert TYPO in doc.line_text(where.line)


@pytest.mark.parametrize("suffix, module, extra", [
    (".docx", "docx", "docx"), (".pdf", "pypdf", "pdf")])
def test_a_missing_extra_says_which_to_install(tmp_path, monkeypatch, suffix, module, extra):
    path = tmp_path / f"release{suffix}"
    path.write_bytes(b"PK\x03\x04 not really")
    monkeypatch.setitem(sys.modules, module, None)  # as if it were not installed
    with pytest.raises(InputError) as err:
        read_path(path)
    assert str(err.value) == (f"{path}: reading {'Word' if extra == 'docx' else 'PDF'} files "
                              f"needs the {extra} extra: pip install "
                              f"'placement-validator[{extra}]'")


@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
def test_a_broken_file_is_one_clear_line(tmp_path, suffix):
    path = tmp_path / f"broken{suffix}"
    path.write_bytes(b"this is not what the name says")
    report = check_file(path)
    assert report.error is not None and "\n" not in report.error
    assert report.error.startswith(f"{path}: not a readable")
