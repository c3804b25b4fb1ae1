"""The Excel reader on the fictional budget workbook, and the number formats it prints with."""

from __future__ import annotations

import pytest

from perfbudget.read import read_file
from perfbudget.read.xlsx import format_number

# (worksheet row, texts): every row as wide as the sheet's used columns (A–E).
EXPENDITURE_SHEET = [
    (1, ["2025年部门预算支出总表", "", "", "", ""]),  # merged A1:E1: the value in A1 only
    (2, ["部门名称：青川市生态环境局", "", "", "", "单位：万元"]),
    (3, ["科目编码", "科目名称", "2025年预算数", "", ""]),  # A3:A4, B3:B4 and C3:E3 merged
    (4, ["", "", "合计", "基本支出", "项目支出"]),
    (5, ["", "合计", "3,456.78", "1234.50", "2222.28"]),  # `#,##0.00` then `0.00`
    (6, ["211", "节能环保支出", "3,456.78", "1234.50", "2222.28"]),
    (7, ["21101", "环境保护管理事务", "1,530.12", "1234.50", "295.62"]),
    (8, ["2110101", "行政运行", "1,234.50", "1234.50", "0.00"]),  # a zero prints 0.00
    (9, ["2110199", "其他环境保护管理事务支出", "295.62", "", "295.62"]),  # an empty cell
    (10, ["21103", "污染防治", "1,926.66", "0.00", "1926.66"]),
    # row 11 is empty and skipped
    (12, ["注：本表金额保留两位小数。", "", "", "", ""]),
]
PROJECT_SHEET = [
    (1, ["项目名称", "金额（万元）", "个数"]),
    (2, ["大气污染防治监测", "1,500.00", "1"]),  # General integer: 1, not 1.0
    (3, ["水环境质量改善", "426.66", "1"]),
]


@pytest.fixture(scope="module")
def workbook(budget_xlsx):
    return read_file(budget_xlsx)


def test_each_worksheet_is_one_grid_of_printed_rows(workbook):
    rows = [(r.grid, r.sheet, r.line, r.texts) for r in workbook.rows]
    expected = [(0, "支出总表", line, texts) for line, texts in EXPENDITURE_SHEET]
    expected += [(1, "项目", line, texts) for line, texts in PROJECT_SHEET]
    assert rows == expected  # the empty sheet 空表 gives no grid


def test_cells_carry_the_worksheet_row(workbook):
    for row in workbook.rows:
        assert all(cell.line == row.line and cell.page is None for cell in row.cells)
        assert not row.is_paragraph


def test_leading_blanks_become_indent(workbook):
    names = {r.cells[1].text: r.cells[1].indent for r in workbook.rows if r.sheet == "支出总表"}
    assert (names["节能环保支出"], names["环境保护管理事务"], names["行政运行"]) == (0, 2, 4)


def test_a_chartsheet_is_reported(workbook):
    assert [p.message for p in workbook.problems] == ["sheet '图表' is a chart; its figures are not read"]


def test_a_formula_without_saved_result_is_reported(build, tmp_path):
    document = read_file(build.xlsx_with_uncalculated_formula(tmp_path))
    assert [r.texts for r in document.rows] == [["基本支出", "1234.5"], ["项目支出", "2222.28"], ["合计", ""]]
    assert [(p.line, p.message) for p in document.problems] == [
        (3, "表一!B3: formula without a saved result")
    ]


@pytest.mark.parametrize(
    ("value", "number_format", "printed"),
    [
        (13190.69, "#,##0.00", "13,190.69"),
        (5607.46, "0.00", "5607.46"),
        (1, "General", "1"),
        (126, "0", "126"),
        (0, "#,##0.00", "0.00"),
        (8.25, "#,##0.00", "8.25"),
        (2.675, "0.00", "2.68"),  # half up on the decimal value, as Excel shows it
        (0.1 + 0.2, "General", "0.3"),  # never a float repr
        (97.7971, "General", "97.7971"),
        (20231031105036, "0", "20231031105036"),
        (-1234.5, "#,##0.00", "-1,234.50"),
        (-1234.5, "#,##0.00;(#,##0.00)", "(1,234.50)"),
        (0.256, "0.0%", "25.6%"),
        (1500000, '#,##0,"千"', "1,500千"),
        (3.5, "[$¥-804]#,##0.00", "¥3.50"),
        (12345, "0.00E+00", "1.23E+04"),
        # the accounting format Chinese templates use: zero prints as a dash
        (0, '_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * "-"??_ ;_ @_ ', "-"),
        (1234.5, '_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * "-"??_ ;_ @_ ', "1,234.50"),
    ],
)
def test_number_formats_print_as_excel_shows_them(value, number_format, printed):
    assert format_number(value, number_format).strip() == printed
