"""Page numbers that a PDF's header or footer leaves between the lines of a text conversion.

They are page furniture: a table that runs across a page break stays one table, and the page
number is neither a row nor a paragraph. The documents are fictional (青川市生态环境局).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfbudget.check import run_checks
from perfbudget.pipeline import load_document
from perfbudget.read import read_file

ROWS = [
    ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
    ["", "合计", "300.00", "200.00", "100.00"],
    ["211", "节能环保支出", "300.00", "200.00", "100.00"],
    ["21101", "环境保护管理事务", "300.00", "200.00", "100.00"],
    ["2110101", "行政运行", "200.00", "200.00", ""],
    ["2110102", "一般行政管理事务", "100.00", "", "100.00"],
]
HEAD = "青川市生态环境局2025年部门支出总表\n单位：万元\n"
MARKS = ["- 5 -", "— 12 —", "第5页", "第 5 页 共 20 页", "第5页，共20页", "5/20", "  －5－  "]


def row_per_line(mark: str) -> str:
    lines = ["\t".join(r) for r in ROWS]
    return HEAD + "\n".join([*lines[:4], "", mark, "", lines[0], *lines[4:]]) + "\n"


def cell_per_line(mark: str) -> str:
    rows = ["\n".join("\t" + c for c in r) for r in ROWS]
    return HEAD + "\n" + "\n\n".join(rows[:4]) + f"\n\n{mark}\n\n" + "\n\n".join(rows[4:]) + "\n"


@pytest.mark.parametrize("layout", [row_per_line, cell_per_line])
@pytest.mark.parametrize("mark", MARKS)
def test_a_table_across_a_page_break_stays_whole(layout, mark: str) -> None:
    doc = load_document("paged.txt", data=layout(mark).encode("utf-8"))
    [table] = doc.tables
    assert [r.code for r in table.rows] == [None, "211", "21101", "2110101", "2110102"]
    assert table.rows[4].cells["project"].value == Decimal("100.00")
    assert not doc.paragraphs
    assert not [f for f in [*doc.findings, *run_checks(doc)] if f.severity == "error"]


def test_page_marks_are_not_rows(tmp_path) -> None:
    path = tmp_path / "marks.txt"
    path.write_text(row_per_line("第 5 页 共 20 页"), encoding="utf-8")
    texts = [r.texts for r in read_file(path).rows]
    assert ["第 5 页 共 20 页"] not in texts
    assert len(texts) == 2 + len(ROWS) + 1  # title, unit, the rows and the repeated header


@pytest.mark.parametrize("text", ["2025/2026", "第5页内容见附件", "- 5 - 项", "附表5-1"])
def test_lines_that_only_look_like_page_marks_are_kept(tmp_path, text: str) -> None:
    path = tmp_path / "prose.txt"
    path.write_text(f"正文。\n{text}\n", encoding="utf-8")
    assert [r.texts for r in read_file(path).rows] == [["正文。"], [text]]
