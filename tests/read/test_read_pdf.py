"""The PDF reader on the fictional budget document converted by LibreOffice, and on hand-made PDFs."""

from __future__ import annotations

import pytest

from perfbudget.read import ReadError, read_file

# (line on page 1, grid, texts): text lines and table rows counted from the top of the page.
PAGE_ONE = [
    (1, None, ["青川市生态环境局2025年部门预算"]),
    (2, None, ["一、部门预算收支情况"]),
    (3, None, None),  # the summary paragraph: two printed lines (3 and 4) joined back into one
    (5, 0, ["2025年部门预算支出总表"]),
    (6, 0, ["部门名称：青川市生态环境局", "单位：万元"]),
    (7, 0, ["科目编码", "科目名称", "2025年预算数"]),
    (8, 0, ["", "", "合计", "基本支出", "项目支出"]),
    (9, 0, ["", "合计", "3,456.78", "1,234.50", "2,222.28"]),
    (10, 0, ["211", "节能环保支出", "3,456.78", "1,234.50", "2,222.28"]),
    (11, 0, ["21101", "环境保护管理事务", "1,530.12", "1,234.50", "295.62"]),
    (12, 0, ["2110101", "行政运行", "1,234.50", "1,234.50", "0.00"]),
    (13, 0, ["2110199", "其他环境保护管理事务支出", "295.62", "", "295.62"]),  # wraps in its cell
    (14, 0, ["21103", "污染防治", "1,926.66", "0.00", "1,926.66"]),
    (15, 0, ["注：本表金额保留两位小数。"]),
    (16, None, ["二、项目情况"]),
    (17, None, ["本年度安排项目2个。"]),
    (18, 1, ["项目名称", "金额\n（万元）"]),
    (19, 1, ["大气污染防治监测", "1,500.00"]),
    (20, 1, ["水环境质量改善", "426.66"]),
]


@pytest.fixture(scope="module")
def document(budget_pdf):
    return read_file(budget_pdf)


@pytest.mark.slow  # the PDF is made by LibreOffice
def test_rows_in_page_order_with_exact_cells(document, build):
    expected = [(1, line, grid, texts or [build.SUMMARY]) for line, grid, texts in PAGE_ONE]
    assert [(r.page, r.line, r.grid, r.texts) for r in document.rows] == expected


@pytest.mark.slow  # the PDF is made by LibreOffice
def test_every_cell_carries_page_and_line(document):
    for row in document.rows:
        assert all(cell.page == row.page == 1 and cell.line == row.line for cell in row.cells)


@pytest.mark.slow  # the PDF is made by LibreOffice
def test_headings_come_from_the_pdf_outline(document):
    assert [r.text for r in document.rows if r.heading] == [
        "青川市生态环境局2025年部门预算",
        "一、部门预算收支情况",
        "二、项目情况",
    ]


@pytest.mark.slow  # the PDF is made by LibreOffice
def test_same_stream_as_the_word_file(document, budget_docx):
    """LibreOffice made the PDF from the Word file: the same rows, cells and grids come back."""
    word = read_file(budget_docx)
    assert [(r.grid, r.texts, r.heading) for r in document.rows] == [
        (r.grid, r.texts, r.heading) for r in word.rows
    ]
    assert [c.indent for r in document.rows for c in r.cells] == [
        c.indent for r in word.rows for c in r.cells
    ]


@pytest.mark.slow  # the PDF is made by LibreOffice
def test_source_and_no_problems(document):
    assert document.source.format == "pdf"
    assert document.problems == []


def test_page_without_text_layer_is_a_problem(build):
    document = read_file("scan.pdf", data=build.minimal_pdf(["Budget 2025", None]))
    assert [(r.page, r.line, r.text) for r in document.rows] == [(1, 1, "Budget 2025")]
    assert [(p.page, p.message) for p in document.problems] == [
        (2, "the page has no text layer (a scanned image?)")
    ]


def test_a_ruled_box_around_a_line_is_a_one_cell_table(build):
    """pdfplumber drops one-cell tables; the reader keeps them (a table's last row on a new page)."""
    document = read_file("box.pdf", data=build.minimal_pdf(["Total 3,456.78"], box=(66, 710, 300, 736)))
    assert [(r.grid, r.texts) for r in document.rows] == [(0, ["Total 3,456.78"])]


def test_a_frame_around_the_page_is_not_a_table(build):
    document = read_file("frame.pdf", data=build.minimal_pdf(["Budget 2025"], box=(20, 20, 575, 822)))
    assert [(r.grid, r.texts) for r in document.rows] == [(None, ["Budget 2025"])]


def test_an_empty_ruled_box_gives_no_grid(build):
    document = read_file("empty-box.pdf", data=build.minimal_pdf(["Budget 2025"], box=(66, 400, 300, 430)))
    assert [(r.grid, r.texts) for r in document.rows] == [(None, ["Budget 2025"])]


def test_pdf_without_any_text_layer_is_an_error(build):
    with pytest.raises(ReadError, match=r"^scan\.pdf: the PDF has no text layer"):
        read_file("scan.pdf", data=build.minimal_pdf([None, None]))


def test_pdf_encrypted_without_user_password_reads(build):
    """Only an owner password (printing/copying restrictions): the text is readable as usual."""
    from io import BytesIO

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(BytesIO(build.minimal_pdf(["Budget 2025"]))).pages:
        writer.add_page(page)
    writer.encrypt(user_password="", owner_password="owner")
    out = BytesIO()
    writer.write(out)
    assert [r.text for r in read_file("restricted.pdf", data=out.getvalue()).rows] == ["Budget 2025"]
