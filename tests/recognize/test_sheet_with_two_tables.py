"""A worksheet that holds two tables one under the other, as finance offices often lay them out.

The sheet is as wide as its widest table, so the narrower one's rows end in empty cells; and the
三公 table is printed across, one row of whole figures under a two-level header.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl

from perfbudget.check import run_checks
from perfbudget.pipeline import load_document

ROWS = [
    ["青川市生态环境局2025年部门支出总表"],
    ["单位：万元"],
    ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
    [None, "合计", 300, 200, 100],
    ["211", "节能环保支出", 300, 200, 100],
    ["2110101", "行政运行", 200, 200, None],
    ["2110102", "一般行政管理事务", 100, None, 100],
    [],
    ["青川市生态环境局2025年“三公”经费支出表"],
    ["单位：万元"],
    ["合计", "因公出国（境）费", "公务用车购置及运行费", None, None, "公务接待费"],
    [None, None, "小计", "公务用车购置费", "公务用车运行费", None],
    [12, 0, 8, 0, 8, 4],
]


def workbook(tmp_path: Path, three_public_total: int = 12) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in ROWS[:-1]:
        sheet.append(row)
    sheet.append([three_public_total, *ROWS[-1][1:]])
    for merged in ("A11:A12", "B11:B12", "C11:E11", "F11:F12"):
        sheet.merge_cells(merged)
    path = tmp_path / "sheet.xlsx"
    book.save(path)
    return path


def test_both_tables_with_their_own_columns(tmp_path: Path) -> None:
    doc = load_document(workbook(tmp_path))
    spending, three_public = doc.tables
    assert spending.kind == "expenditure"
    assert [c.key for c in spending.columns] == ["code", "name", "total", "basic", "project"]
    assert three_public.kind == "three_public"
    [row] = three_public.rows
    assert {k: c.value for k, c in row.cells.items()} == {
        "total": Decimal(12),
        "abroad": Decimal(0),
        "vehicles": Decimal(8),
        "vehicle_purchase": Decimal(0),
        "vehicle_operation": Decimal(8),
        "reception": Decimal(4),
    }
    assert not [f for f in [*doc.findings, *run_checks(doc)] if f.severity == "error"]


def test_a_wrong_three_public_total_is_found(tmp_path: Path) -> None:
    # 0 + 8 + 4 = 12 (a difference of 1 could be rounding of whole figures)
    doc = load_document(workbook(tmp_path, three_public_total=20))
    assert [f for f in run_checks(doc) if f.severity == "error"]


def test_untitled_table_in_the_next_sheet_is_not_a_continuation(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    first = book.active
    first.title = "支出总表"
    for row in ROWS[:7]:
        first.append(row)
    second = book.create_sheet("附表")
    second.append(["名称", "数量", "单价", "金额", "备注"])  # as wide as the first, but no title
    second.append(["打印机", 2, 0.3, 0.6, None])
    path = tmp_path / "two_sheets.xlsx"
    book.save(path)
    doc = load_document(path)
    assert [t.kind for t in doc.tables] == ["expenditure", "generic"]
    assert len(doc.tables[0].rows) == 4
