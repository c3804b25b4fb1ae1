"""The Word reader on the fictional budget document (tests/fixtures/build.py)."""

from __future__ import annotations

import pytest

from perfbudget.read import read_file

# (line, texts) of every table row; ``line`` counts body paragraphs (empty ones too) and table rows.
EXPENDITURE_TABLE = [
    (5, ["2025年部门预算支出总表"]),  # merged over all five columns: printed once
    (6, ["部门名称：青川市生态环境局", "单位：万元"]),
    (7, ["科目编码", "科目名称", "2025年预算数"]),
    (8, ["", "", "合计", "基本支出", "项目支出"]),  # lower half of the vertical merges: empty
    (9, ["", "合计", "3,456.78", "1,234.50", "2,222.28"]),
    (10, ["211", "节能环保支出", "3,456.78", "1,234.50", "2,222.28"]),
    (11, ["21101", "环境保护管理事务", "1,530.12", "1,234.50", "295.62"]),
    (12, ["2110101", "行政运行", "1,234.50", "1,234.50", "0.00"]),
    (13, ["2110199", "其他环境保护管理事务支出", "295.62", "", "295.62"]),
    (14, ["21103", "污染防治", "1,926.66", "0.00", "1,926.66"]),
    (15, ["注：本表金额保留两位小数。"]),  # holds a bookmark, which prints nothing
]
PROJECT_TABLE = [
    (18, ["项目名称", "金额\n（万元）"]),  # a cell of two paragraphs
    (19, ["大气污染防治监测", "1,500.00"]),
    (20, ["水环境质量改善", "426.66"]),
]


@pytest.fixture(scope="module")
def document(budget_docx):
    return read_file(budget_docx)


def test_paragraphs_with_lines_and_heading_styles(document, build):
    paragraphs = [(r.line, r.text, r.heading) for r in document.rows if r.is_paragraph]
    assert paragraphs == [
        (1, "青川市生态环境局2025年部门预算", True),
        (2, "一、部门预算收支情况", True),
        (3, build.SUMMARY, False),
        # line 4 is the empty paragraph: it takes a number but gives no row
        (16, "二、项目情况", True),
        (17, "本年度安排项目2个。", False),
    ]


def test_table_rows_cells_and_grids(document):
    table_rows = [(r.grid, r.line, r.texts) for r in document.rows if not r.is_paragraph]
    expected = [(0, line, texts) for line, texts in EXPENDITURE_TABLE]
    expected += [(1, line, texts) for line, texts in PROJECT_TABLE]
    assert table_rows == expected


def test_every_cell_carries_its_rows_line(document):
    for row in document.rows:
        assert all(cell.line == row.line for cell in row.cells)
        assert row.page is None and row.sheet is None


def test_leading_blanks_become_indent(document):
    names = {r.cells[1].text: r.cells[1].indent for r in document.rows if r.grid == 0 and len(r.cells) == 5}
    assert names["节能环保支出"] == 0
    assert names["环境保护管理事务"] == 2
    assert names["行政运行"] == 4


def test_rows_come_in_reading_order(document):
    lines = [r.line for r in document.rows]
    assert lines == sorted(lines)
    assert len(set(lines)) == len(lines)


def test_source_describes_the_file(document, budget_docx):
    assert document.source.format == "docx"
    assert document.source.name == budget_docx.name
    assert document.problems == []


def test_a_picture_is_reported_not_dropped(build, tmp_path):
    path = build.docx_with_picture(tmp_path, build.tiny_png())
    document = read_file(path)
    assert [r.text for r in document.rows] == ["青川市生态环境局2025年部门预算"]
    assert [(p.line, p.message) for p in document.problems] == [(2, "a picture or chart is not read")]
