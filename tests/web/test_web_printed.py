"""Laying out printed tables: merged header cells, paired two-sided rows (no database)."""

from __future__ import annotations

from types import SimpleNamespace

from perfbudget.serve.web.printed import HeaderCell, header_spans, printed_rows


def spans(grid):
    return [[(c.text, c.colspan, c.rowspan) for c in row] for row in header_spans(grid)]


def test_two_level_header_with_groups():
    grid = [
        ["项目", "项目", "2024年预算数", "2024年预算数", "2024年预算数"],
        ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
    ]
    assert spans(grid) == [
        [("项目", 2, 1), ("2024年预算数", 3, 1)],
        [("科目编码", 1, 1), ("科目名称", 1, 1), ("合计", 1, 1), ("基本支出", 1, 1), ("项目支出", 1, 1)],
    ]


def test_empty_cells_below_merge_into_tall_cells():
    grid = [
        ["项目名称", "合计", "财政拨款", "财政拨款", "单位资金"],
        ["", "", "一般公共预算", "政府性基金预算", ""],
    ]
    assert spans(grid) == [
        [("项目名称", 1, 2), ("合计", 1, 2), ("财政拨款", 2, 1), ("单位资金", 1, 2)],
        [("一般公共预算", 1, 1), ("政府性基金预算", 1, 1)],
    ]


def test_equal_neighbours_under_different_parents_stay_apart():
    grid = [["收入", "收入", "支出", "支出"], ["项目", "金额", "项目", "金额"], ["", "", "", "小计"]]
    assert spans(grid) == [
        [("收入", 2, 1), ("支出", 2, 1)],
        [("项目", 1, 2), ("金额", 1, 2), ("项目", 1, 2), ("金额", 1, 1)],
        [("小计", 1, 1)],
    ]


def test_three_levels_and_repeated_text_below():
    grid = [
        ["预算数", "预算数", "预算数"],
        ["合计", "公务用车购置及运行费", "公务用车购置及运行费"],
        ["合计", "购置费", "运行费"],
    ]
    assert spans(grid) == [
        [("预算数", 3, 1)],
        [("合计", 1, 2), ("公务用车购置及运行费", 2, 1)],
        [("购置费", 1, 1), ("运行费", 1, 1)],
    ]


def test_no_header():
    assert header_spans([]) == []
    assert header_spans([["", ""]]) == [[HeaderCell("", 1, 1), HeaderCell("", 1, 1)]]


def row(index, side, line, page=None):
    return SimpleNamespace(index=index, side=side, line=line, page=page)


def test_two_sided_rows_pair_by_printed_line():
    table = SimpleNamespace(
        columns=[{"key": "name", "side": "income"}, {"key": "name", "side": "expenditure"}]
    )
    rows = [
        row(0, "income", 94),
        row(1, "expenditure", 94),
        row(2, "expenditure", 95),
        row(3, "income", 96),
        row(4, "expenditure", 96),
    ]
    printed = printed_rows(table, rows)
    assert [{k: r.index for k, r in p.items()} for p in printed] == [
        {"income": 0, "expenditure": 1},
        {"expenditure": 2},
        {"income": 3, "expenditure": 4},
    ]


def test_same_line_on_different_pdf_pages_does_not_pair():
    table = SimpleNamespace(
        columns=[{"key": "name", "side": "income"}, {"key": "name", "side": "expenditure"}]
    )
    printed = printed_rows(table, [row(0, "income", 6, page=3), row(1, "expenditure", 6, page=4)])
    assert len(printed) == 2
