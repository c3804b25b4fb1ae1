"""The text reader on the fictional document in both layouts and every supported encoding."""

from __future__ import annotations

import pytest

from perfbudget.read import read_file

# Layout R: one table row per line. (line, grid, heading, texts)
ROW_PER_LINE = [
    (1, None, True, ["青川市生态环境局2025年部门预算"]),
    (2, None, True, ["一、部门预算收支情况"]),
    (3, None, False, None),  # the summary
    (5, None, False, ["2025年部门预算支出总表"]),  # a line without TAB is a paragraph
    (6, 0, False, ["部门名称：青川市生态环境局", "单位：万元"]),
    (7, 0, False, ["科目编码", "科目名称", "2025年预算数"]),
    (8, 0, False, ["", "", "合计", "基本支出", "项目支出"]),
    (9, 0, False, ["", "合计", "3,456.78", "1,234.50", "2,222.28"]),
    (10, 0, False, ["211", "节能环保支出", "3,456.78", "1,234.50", "2,222.28"]),
    (11, 0, False, ["21101", "环境保护管理事务", "1,530.12", "1,234.50", "295.62"]),
    (12, 0, False, ["2110101", "行政运行", "1,234.50", "1,234.50", "0.00"]),
    (13, 0, False, ["2110199", "其他环境保护管理事务支出", "295.62", "", "295.62"]),
    (14, 0, False, ["21103", "污染防治", "1,926.66", "0.00", "1,926.66"]),
    (15, None, False, ["注：本表金额保留两位小数。"]),
    (16, None, True, ["二、项目情况"]),
    (17, None, False, ["本年度安排项目2个。"]),
    (18, 1, False, ["项目名称", "金额（万元）"]),
    (19, 1, False, ["大气污染防治监测", "1,500.00"]),
    (20, 1, False, ["水环境质量改善", "426.66"]),
]
# Layout C: one cell per line; a row starts at the line of its first cell.
CELL_PER_LINE = [
    (1, None, False, ["青川市生态环境局2025年部门预算"]),
    (2, None, False, ["一、部门预算收支情况"]),
    (3, None, False, None),
    (5, 0, False, ["2025年部门预算支出总表"]),
    (7, 0, False, ["部门名称：青川市生态环境局", "单位：万元"]),
    (10, 0, False, ["科目编码", "科目名称", "2025年预算数"]),
    (14, 0, False, ["", "", "合计", "基本支出", "项目支出"]),
    (20, 0, False, ["", "合计", "3,456.78", "1,234.50", "2,222.28"]),
    (26, 0, False, ["211", "节能环保支出", "3,456.78", "1,234.50", "2,222.28"]),
    (32, 0, False, ["21101", "环境保护管理事务", "1,530.12", "1,234.50", "295.62"]),
    (38, 0, False, ["2110101", "行政运行", "1,234.50", "1,234.50", "0.00"]),
    (44, 0, False, ["2110199", "其他环境保护管理事务支出", "295.62", "", "295.62"]),
    (50, 0, False, ["21103", "污染防治", "1,926.66", "0.00", "1,926.66"]),
    (56, 0, False, ["注：本表金额保留两位小数。"]),
    (59, None, False, ["二、项目情况"]),
    (60, None, False, ["本年度安排项目2个。"]),
    (61, 1, False, ["项目名称", "金额\n（万元）"]),  # a TAB-less line continues the cell
    (65, 1, False, ["大气污染防治监测", "1,500.00"]),
    (68, 1, False, ["水环境质量改善", "426.66"]),
]
ENCODINGS = [("utf-8", "utf-8"), ("utf-8-sig", "utf-8"), ("gb18030", "gb18030"), ("utf-16", "utf-16")]


@pytest.mark.parametrize(("layout", "expected"), [("R", ROW_PER_LINE), ("C", CELL_PER_LINE)])
def test_layout_rows_cells_and_lines(build, layout, expected):
    document = read_file(f"budget-{layout}.txt", data=build.budget_text(layout).encode("utf-8"))
    rows = [(r.line, r.grid, r.heading, r.texts) for r in document.rows]
    assert rows == [
        (line, grid, heading, texts or [build.SUMMARY]) for line, grid, heading, texts in expected
    ]
    for row in document.rows:
        assert all(cell.line is not None and cell.page is None for cell in row.cells)


@pytest.mark.parametrize("layout", ["R", "C"])
def test_leading_blanks_become_indent(build, layout):
    document = read_file("budget.txt", data=build.budget_text(layout).encode("utf-8"))
    names = {r.cells[1].text: r.cells[1].indent for r in document.rows if r.grid == 0 and len(r.cells) == 5}
    assert (names["节能环保支出"], names["环境保护管理事务"], names["行政运行"]) == (0, 2, 4)


@pytest.mark.parametrize("layout", ["R", "C"])
@pytest.mark.parametrize(("encoding", "detected"), ENCODINGS)
def test_every_encoding_gives_identical_rows(build, tmp_path, layout, encoding, detected):
    text = build.budget_text(layout)
    reference = read_file("utf8.txt", data=text.encode("utf-8")).rows
    path = tmp_path / f"budget-{encoding}.txt"
    path.write_bytes(build.encode_text(text, encoding))
    document = read_file(path)
    assert document.rows == reference
    assert document.source.encoding == detected


def test_windows_line_ends_give_identical_rows(build):
    text = build.budget_text("R")
    reference = read_file("lf.txt", data=text.encode("utf-8")).rows
    assert read_file("crlf.txt", data=text.replace("\n", "\r\n").encode("utf-8")).rows == reference
