"""The 部门预算公开表 of the national template as a department prints them, in both text layouts.

The department is fictional (云岭县自然资源局, 2025). Its figures are in 元 with thousands
separators and add up across all nine tables, so a consistent document must pass every check
and a figure changed in one copy must be found.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from perfbudget.check import run_checks
from perfbudget.model.document import Document
from perfbudget.model.tables import RowRole, Table
from perfbudget.pipeline import load_document

ACROSS = object()  # covered by the heading to its left (merged across)
DOWN = object()  # covered by the heading above (merged down)
Cell = str | object
EMPTY = "\u3000"  # how a PDF converter prints an empty cell


def render_rows(tables: list[tuple[list[Cell], list[list[Cell]]]]) -> str:
    """Row per line: TAB between cells; a merged cell prints once and leaves its other cells empty."""
    out: list[str] = []
    for lead, rows in tables:
        out.extend(str(line) for line in lead)
        out.extend("\t".join(c if isinstance(c, str) else "" for c in row) for row in rows)
        out.append("")
    return "\n".join(out) + "\n"


def render_cells(tables: list[tuple[list[Cell], list[list[Cell]]]]) -> str:
    """Cell per line: each cell a TAB-led line, a blank line after each row; a merged cell prints
    once and the cells it covers are left out; an empty data cell is an ideographic space."""
    out: list[str] = []
    for lead, rows in tables:
        for line in lead:
            out.extend([f"\t{line}", ""])
        for row in rows:
            out.extend(f"\t{c or EMPTY}" for c in row if isinstance(c, str))
            out.append("")
    return "\n".join(out) + "\n"


def lead(title: str) -> list[Cell]:
    return [title, "部门：云岭县自然资源局", "单位：元"]


# 部门收支总体情况表: 收入 | 本年预算 | 支出 | 本年预算, with 本年收入合计, 上年结转, 收入总计
SUMMARY = (
    lead("表1 部门收支总体情况表"),
    [
        ["收入", "本年预算", "支出", "本年预算"],
        ["一、一般公共预算拨款收入", "8,456,320.00", "一、社会保障和就业支出", "612,480.00"],
        ["二、政府性基金预算拨款收入", "1,200,000.00", "二、卫生健康支出", "245,300.00"],
        ["三、国有资本经营预算拨款收入", "", "三、城乡社区支出", "1,200,000.00"],
        ["四、事业收入", "350,000.00", "四、自然资源海洋气象等支出", "7,982,860.00"],
        ["五、其他收入", "93,680.00", "五、住房保障支出", "459,360.00"],
        ["本年收入合计", "10,100,000.00", "本年支出合计", "10,500,000.00"],
        ["上年结转", "400,000.00", "结转下年", ""],
        ["收入总计", "10,500,000.00", "支出总计", "10,500,000.00"],
    ],
)

# 部门收入总体情况表: 本年收入 by source under a two-level header, 上年结转 beside it
REVENUE = (
    lead("表2 部门收入总体情况表"),
    [
        ["科目编码", "科目名称", "合计", "本年收入", ACROSS, ACROSS, ACROSS, "上年结转"],
        [DOWN, DOWN, DOWN, "一般公共预算拨款", "政府性基金", "事业收入", "其他收入", DOWN],
        [
            "合计",
            ACROSS,
            "10,500,000.00",
            "8,456,320.00",
            "1,200,000.00",
            "350,000.00",
            "93,680.00",
            "400,000.00",
        ],
        ["208", "社会保障和就业支出", "612,480.00", "612,480.00", "", "", "", ""],
        ["20805", "行政事业单位养老支出", "612,480.00", "612,480.00", "", "", "", ""],
        ["2080505", "机关事业单位基本养老保险缴费支出", "612,480.00", "612,480.00", "", "", "", ""],
        ["210", "卫生健康支出", "245,300.00", "245,300.00", "", "", "", ""],
        ["21011", "行政事业单位医疗", "245,300.00", "245,300.00", "", "", "", ""],
        ["2101101", "行政单位医疗", "245,300.00", "245,300.00", "", "", "", ""],
        ["212", "城乡社区支出", "1,200,000.00", "", "1,200,000.00", "", "", ""],
        ["21208", "国有土地使用权出让收入安排的支出", "1,200,000.00", "", "1,200,000.00", "", "", ""],
        ["2120801", "征地和拆迁补偿支出", "1,200,000.00", "", "1,200,000.00", "", "", ""],
        [
            "220",
            "自然资源海洋气象等支出",
            "7,982,860.00",
            "7,139,180.00",
            "",
            "350,000.00",
            "93,680.00",
            "400,000.00",
        ],
        [
            "22001",
            "自然资源事务",
            "7,982,860.00",
            "7,139,180.00",
            "",
            "350,000.00",
            "93,680.00",
            "400,000.00",
        ],
        ["2200101", "行政运行", "4,286,540.00", "4,286,540.00", "", "", "", ""],
        ["2200102", "一般行政管理事务", "1,852,640.00", "1,852,640.00", "", "", "", ""],
        ["2200103", "机关服务", "1,400,000.00", "1,000,000.00", "", "", "", "400,000.00"],
        ["2200150", "事业运行", "443,680.00", "", "", "350,000.00", "93,680.00", ""],
        ["221", "住房保障支出", "459,360.00", "459,360.00", "", "", "", ""],
        ["22102", "住房改革支出", "459,360.00", "459,360.00", "", "", "", ""],
        ["2210201", "住房公积金", "459,360.00", "459,360.00", "", "", "", ""],
    ],
)

# 部门支出总体情况表
EXPENDITURE = (
    lead("表3 部门支出总体情况表"),
    [
        ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
        ["合计", ACROSS, "10,500,000.00", "6,047,360.00", "4,452,640.00"],
        ["208", "社会保障和就业支出", "612,480.00", "612,480.00", ""],
        ["20805", "行政事业单位养老支出", "612,480.00", "612,480.00", ""],
        ["2080505", "机关事业单位基本养老保险缴费支出", "612,480.00", "612,480.00", ""],
        ["210", "卫生健康支出", "245,300.00", "245,300.00", ""],
        ["21011", "行政事业单位医疗", "245,300.00", "245,300.00", ""],
        ["2101101", "行政单位医疗", "245,300.00", "245,300.00", ""],
        ["212", "城乡社区支出", "1,200,000.00", "", "1,200,000.00"],
        ["21208", "国有土地使用权出让收入安排的支出", "1,200,000.00", "", "1,200,000.00"],
        ["2120801", "征地和拆迁补偿支出", "1,200,000.00", "", "1,200,000.00"],
        ["220", "自然资源海洋气象等支出", "7,982,860.00", "4,730,220.00", "3,252,640.00"],
        ["22001", "自然资源事务", "7,982,860.00", "4,730,220.00", "3,252,640.00"],
        ["2200101", "行政运行", "4,286,540.00", "4,286,540.00", ""],
        ["2200102", "一般行政管理事务", "1,852,640.00", "", "1,852,640.00"],
        ["2200103", "机关服务", "1,400,000.00", "", "1,400,000.00"],
        ["2200150", "事业运行", "443,680.00", "443,680.00", ""],
        ["221", "住房保障支出", "459,360.00", "459,360.00", ""],
        ["22102", "住房改革支出", "459,360.00", "459,360.00", ""],
        ["2210201", "住房公积金", "459,360.00", "459,360.00", ""],
    ],
)

# 财政拨款收支总体情况表: 支出 split by budget
FISCAL = (
    lead("表4 财政拨款收支总体情况表"),
    [
        ["收入", ACROSS, "支出", ACROSS, ACROSS, ACROSS],
        ["项目", "本年预算", "项目", "合计", "一般公共预算", "政府性基金预算"],
        ["一、一般公共预算拨款", "8,456,320.00", "一、社会保障和就业支出", "612,480.00", "612,480.00", ""],
        ["二、政府性基金预算拨款", "1,200,000.00", "二、卫生健康支出", "245,300.00", "245,300.00", ""],
        ["三、国有资本经营预算拨款", "", "三、城乡社区支出", "1,200,000.00", "", "1,200,000.00"],
        ["", "", "四、自然资源海洋气象等支出", "7,539,180.00", "7,539,180.00", ""],
        ["", "", "五、住房保障支出", "459,360.00", "459,360.00", ""],
        ["本年收入合计", "9,656,320.00", "本年支出合计", "10,056,320.00", "8,856,320.00", "1,200,000.00"],
        ["上年结转", "400,000.00", "结转下年", "", "", ""],
        ["收入总计", "10,056,320.00", "支出总计", "10,056,320.00", "8,856,320.00", "1,200,000.00"],
    ],
)

# 一般公共预算支出情况表: 基本支出 split into 人员经费 | 公用经费 under a two-level header
GENERAL = (
    lead("表5 一般公共预算支出情况表"),
    [
        ["科目编码", "科目名称", "合计", "基本支出", ACROSS, "项目支出"],
        [DOWN, DOWN, DOWN, "人员经费", "公用经费", DOWN],
        ["合计", ACROSS, "8,856,320.00", "4,837,280.00", "766,400.00", "3,252,640.00"],
        ["208", "社会保障和就业支出", "612,480.00", "612,480.00", "", ""],
        ["20805", "行政事业单位养老支出", "612,480.00", "612,480.00", "", ""],
        ["2080505", "机关事业单位基本养老保险缴费支出", "612,480.00", "612,480.00", "", ""],
        ["210", "卫生健康支出", "245,300.00", "245,300.00", "", ""],
        ["21011", "行政事业单位医疗", "245,300.00", "245,300.00", "", ""],
        ["2101101", "行政单位医疗", "245,300.00", "245,300.00", "", ""],
        ["220", "自然资源海洋气象等支出", "7,539,180.00", "3,520,140.00", "766,400.00", "3,252,640.00"],
        ["22001", "自然资源事务", "7,539,180.00", "3,520,140.00", "766,400.00", "3,252,640.00"],
        ["2200101", "行政运行", "4,286,540.00", "3,520,140.00", "766,400.00", ""],
        ["2200102", "一般行政管理事务", "1,852,640.00", "", "", "1,852,640.00"],
        ["2200103", "机关服务", "1,400,000.00", "", "", "1,400,000.00"],
        ["221", "住房保障支出", "459,360.00", "459,360.00", "", ""],
        ["22102", "住房改革支出", "459,360.00", "459,360.00", "", ""],
        ["2210201", "住房公积金", "459,360.00", "459,360.00", "", ""],
    ],
)

# 一般公共预算基本支出情况表: 经济分类 codes, 人员经费 | 公用经费
BASIC = (
    lead("表6 一般公共预算基本支出情况表"),
    [
        ["部门预算支出经济分类科目", ACROSS, "本年一般公共预算基本支出", ACROSS, ACROSS],
        ["科目编码", "科目名称", "合计", "人员经费", "公用经费"],
        ["合计", ACROSS, "5,603,680.00", "4,837,280.00", "766,400.00"],
        ["301", "工资福利支出", "4,377,920.00", "4,377,920.00", ""],
        ["30101", "基本工资", "1,456,200.00", "1,456,200.00", ""],
        ["30102", "津贴补贴", "1,102,560.00", "1,102,560.00", ""],
        ["30103", "奖金", "121,350.00", "121,350.00", ""],
        ["30108", "机关事业单位基本养老保险缴费", "612,480.00", "612,480.00", ""],
        ["30110", "职工基本医疗保险缴费", "245,300.00", "245,300.00", ""],
        ["30113", "住房公积金", "459,360.00", "459,360.00", ""],
        ["30199", "其他工资福利支出", "380,670.00", "380,670.00", ""],
        ["302", "商品和服务支出", "766,400.00", "", "766,400.00"],
        ["30201", "办公费", "186,000.00", "", "186,000.00"],
        ["30207", "邮电费", "42,000.00", "", "42,000.00"],
        ["30211", "差旅费", "158,400.00", "", "158,400.00"],
        ["30228", "工会经费", "64,000.00", "", "64,000.00"],
        ["30231", "公务用车运行维护费", "96,000.00", "", "96,000.00"],
        ["30239", "其他交通费用", "220,000.00", "", "220,000.00"],
        ["303", "对个人和家庭的补助", "459,360.00", "459,360.00", ""],
        ["30302", "退休费", "459,360.00", "459,360.00", ""],
    ],
)

# 一般公共预算“三公”经费支出情况表
THREE_PUBLIC = (
    lead("表7 一般公共预算“三公”经费支出情况表"),
    [
        ["合计", "因公出国（境）费", "公务用车购置及运行费", ACROSS, ACROSS, "公务接待费"],
        [DOWN, DOWN, "小计", "公务用车购置费", "公务用车运行费", DOWN],
        ["126,000.00", "0.00", "96,000.00", "0.00", "96,000.00", "30,000.00"],
    ],
)

# 政府性基金预算支出情况表
FUND = (
    lead("表8 政府性基金预算支出情况表"),
    [
        ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
        ["合计", ACROSS, "1,200,000.00", "", "1,200,000.00"],
        ["212", "城乡社区支出", "1,200,000.00", "", "1,200,000.00"],
        ["21208", "国有土地使用权出让收入安排的支出", "1,200,000.00", "", "1,200,000.00"],
        ["2120801", "征地和拆迁补偿支出", "1,200,000.00", "", "1,200,000.00"],
    ],
)

# 国有资本经营预算支出情况表: nothing to show, and said so
STATE_CAPITAL = (
    lead("表9 国有资本经营预算支出情况表"),
    [
        ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
        ["注：本部门没有使用国有资本经营预算拨款安排的支出，故本表无数据。"],
    ],
)

TABLES = [SUMMARY, REVENUE, EXPENDITURE, FISCAL, GENERAL, BASIC, THREE_PUBLIC, FUND, STATE_CAPITAL]
KINDS = [
    "income_expenditure_summary",
    "revenue",
    "expenditure",
    "fiscal_summary",
    "general_budget_expenditure",
    "basic_expenditure_economic",
    "three_public",
    "gov_fund_expenditure",
    "state_capital",
]
LAYOUTS = {"rows": render_rows, "cells": render_cells}


def parse(tmp_path: Path, text: str, name: str = "budget.txt") -> Document:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_document(path)


def errors(doc: Document) -> list[str]:
    return [f"{f.rule}: {f.message}" for f in run_checks(doc) if f.severity == "error"]


def value(table: Table, label_or_code: str, key: str, side: str | None = None) -> Decimal | None:
    row = next(
        r for r in table.rows if (r.code == label_or_code or r.label == label_or_code) and r.side == side
    )
    return row.cells[key].value


@pytest.fixture(params=sorted(LAYOUTS))
def layout(request) -> str:
    return request.param


@pytest.fixture
def doc(tmp_path: Path, layout: str) -> Document:
    return parse(tmp_path, LAYOUTS[layout](TABLES))


def test_every_table_is_recognised(doc: Document) -> None:
    assert [t.kind for t in doc.tables] == KINDS
    assert {t.unit for t in doc.tables} == {"元"}


def test_consistent_document_has_no_errors(doc: Document) -> None:
    assert errors(doc) == []


def test_summary_sides_and_totals(doc: Document) -> None:
    table = doc.tables[0]
    assert [c.key for c in table.columns] == ["name", "total", "name", "total"]
    income = [r.label for r in table.rows if r.side == "income"]
    assert income[-3:] == ["本年收入合计", "上年结转", "收入总计"]
    assert value(table, "本年收入合计", "total", "income") == Decimal("10100000.00")
    assert value(table, "上年结转", "total", "income") == Decimal("400000.00")
    assert value(table, "收入总计", "total", "income") == Decimal("10500000.00")
    spending = [r for r in table.rows if r.side == "expenditure" and r.role == RowRole.ITEM]
    assert [r.code for r in spending[:5]] == ["208", "210", "212", "220", "221"]
    assert value(table, "四、自然资源海洋气象等支出", "total", "expenditure") == Decimal("7982860.00")


def test_revenue_by_source_under_this_years_income(doc: Document) -> None:
    table = doc.tables[1]
    assert [c.key for c in table.columns] == [
        "code",
        "name",
        "total",
        "general_budget",
        "gov_fund",
        "service_income",
        "other_income",
        "carryover",
    ]
    assert table.column("general_budget").header == ["本年收入", "一般公共预算拨款"]
    assert [r.code for r in table.rows[:4]] == [None, "208", "20805", "2080505"]
    assert table.rows[0].role == RowRole.TOTAL
    assert value(table, "合计", "carryover") == Decimal("400000.00")
    assert value(table, "2200150", "other_income") == Decimal("93680.00")
    assert value(table, "2200103", "general_budget") == Decimal("1000000.00")
    assert value(table, "2200103", "gov_fund") is None


def test_expenditure_and_fund_tables(doc: Document) -> None:
    spending, fund = doc.tables[2], doc.tables[7]
    assert [c.key for c in spending.columns] == ["code", "name", "total", "basic", "project"]
    assert value(spending, "合计", "basic") == Decimal("6047360.00")
    assert value(spending, "22001", "project") == Decimal("3252640.00")
    item = next(r for r in spending.rows if r.code == "2200101")
    assert spending.rows[item.parent].code == "22001"
    assert [r.code for r in fund.rows] == [None, "212", "21208", "2120801"]
    assert value(fund, "2120801", "project") == Decimal("1200000.00")


def test_fiscal_summary_spending_by_budget(doc: Document) -> None:
    table = doc.tables[3]
    keys = [(c.side, c.key) for c in table.columns]
    assert keys == [
        ("income", "name"),
        ("income", "total"),
        ("expenditure", "name"),
        ("expenditure", "total"),
        ("expenditure", "general_budget"),
        ("expenditure", "gov_fund"),
    ]
    assert value(table, "本年支出合计", "general_budget", "expenditure") == Decimal("8856320.00")
    assert value(table, "三、城乡社区支出", "gov_fund", "expenditure") == Decimal("1200000.00")


def test_general_budget_with_personnel_and_public_under_basic(doc: Document) -> None:
    table = doc.tables[4]
    assert [c.key for c in table.columns] == ["code", "name", "total", "personnel", "public", "project"]
    assert table.column("personnel").header == ["基本支出", "人员经费"]
    assert value(table, "合计", "personnel") == Decimal("4837280.00")
    assert value(table, "2200101", "public") == Decimal("766400.00")
    assert value(table, "2200103", "project") == Decimal("1400000.00")


def test_basic_expenditure_by_economic_class(doc: Document) -> None:
    table = doc.tables[5]
    assert [c.key for c in table.columns] == ["code", "name", "total", "personnel", "public"]
    codes = [r.code for r in table.rows]
    assert codes[:3] == [None, "301", "30101"] and codes[-2:] == ["303", "30302"]
    assert {r.code_system for r in table.rows[1:]} == {"economic"}
    by_code = {r.code: i for i, r in enumerate(table.rows)}
    assert table.rows[by_code["30239"]].parent == by_code["302"]
    assert table.rows[by_code["302"]].parent == 0
    assert value(table, "30113", "personnel") == Decimal("459360.00")
    assert value(table, "302", "public") == Decimal("766400.00")


def test_three_public_and_the_empty_table(doc: Document) -> None:
    three, empty = doc.tables[6], doc.tables[8]
    assert [c.key for c in three.columns] == [
        "total",
        "abroad",
        "vehicles",
        "vehicle_purchase",
        "vehicle_operation",
        "reception",
    ]
    assert three.rows[0].cells["vehicle_operation"].value == Decimal("96000.00")
    assert empty.declared_empty and not empty.rows


@pytest.mark.parametrize(
    ("table", "old", "new", "rule"),
    [
        # a 项 that no longer adds up to its 款
        (EXPENDITURE, ("2200102", 2), "1,852,460.00", "budget.class-sum"),
        # 人员经费 + 公用经费 ≠ 合计 in one economic class
        (BASIC, ("30201", 2), "168,000.00", "budget.personnel-plus-public"),
        # the summary's 收入总计 off by 1,000
        (SUMMARY, ("收入总计", 1), "10,501,000.00", "budget.balance"),
        # a source of income that does not add up to the row's total
        (REVENUE, ("2200150", 5), "350,100.00", "budget.column-sum"),
        # 本年收入合计 equal to the revenue table's 合计, which there includes 上年结转
        (SUMMARY, ("本年收入合计", 1), "10,500,000.00", "budget.cross-table"),
    ],
)
def test_planted_error_is_found(tmp_path: Path, layout: str, table, old, new, rule) -> None:
    label, column = old
    changed = [list(row) for row in table[1]]
    row = next(r for r in changed if r[0] == label)
    row[column] = new
    tables = [(t[0], changed) if t is table else t for t in TABLES]
    doc = parse(tmp_path, LAYOUTS[layout](tables), "planted.txt")
    assert [t.kind for t in doc.tables] == KINDS
    assert rule in {f.rule for f in run_checks(doc) if f.severity == "error"}


# 部门综合预算 tables of a local template (青川市林业局, 万元): the same spending by 功能科目 and by
# 经济科目, for all of it and for 基本支出 alone, with 专项业务经费 as its project list
def lead_local(title: str) -> list[Cell]:
    return [title, "单位名称：青川市林业局", "单位：万元"]


LOCAL_GENERAL = (
    lead_local("部门综合预算一般公共预算支出明细表（按功能科目）"),
    [
        ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
        ["合计", ACROSS, "1,286.40", "986.40", "300.00"],
        ["213", "农林水支出", "1,106.40", "806.40", "300.00"],
        ["21302", "林业和草原", "1,106.40", "806.40", "300.00"],
        ["2130201", "行政运行", "806.40", "806.40", ""],
        ["2130202", "一般行政管理事务", "300.00", "", "300.00"],
        ["221", "住房保障支出", "180.00", "180.00", ""],
        ["22102", "住房改革支出", "180.00", "180.00", ""],
        ["2210201", "住房公积金", "180.00", "180.00", ""],
    ],
)

LOCAL_ECONOMIC = (
    lead_local("部门综合预算一般公共预算支出明细表（按经济科目）"),
    [
        ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
        ["合计", ACROSS, "1,286.40", "986.40", "300.00"],
        ["301", "工资福利支出", "840.00", "840.00", ""],
        ["30101", "基本工资", "420.00", "420.00", ""],
        ["30102", "津贴补贴", "240.00", "240.00", ""],
        ["30113", "住房公积金", "180.00", "180.00", ""],
        ["302", "商品和服务支出", "296.40", "146.40", "150.00"],
        ["30201", "办公费", "46.40", "46.40", ""],
        ["30211", "差旅费", "100.00", "100.00", ""],
        ["30226", "劳务费", "150.00", "", "150.00"],
        ["310", "资本性支出", "150.00", "", "150.00"],
        ["31002", "办公设备购置", "150.00", "", "150.00"],
    ],
)

LOCAL_BASIC_FUNCTIONAL = (
    lead_local("部门综合预算一般公共预算基本支出明细表（按功能科目）"),
    [
        ["科目编码", "科目名称", "合计", "人员经费", "公用经费"],
        ["合计", ACROSS, "986.40", "840.00", "146.40"],
        ["213", "农林水支出", "806.40", "660.00", "146.40"],
        ["21302", "林业和草原", "806.40", "660.00", "146.40"],
        ["2130201", "行政运行", "806.40", "660.00", "146.40"],
        ["221", "住房保障支出", "180.00", "180.00", ""],
        ["22102", "住房改革支出", "180.00", "180.00", ""],
        ["2210201", "住房公积金", "180.00", "180.00", ""],
    ],
)

LOCAL_BASIC_ECONOMIC = (
    lead_local("部门综合预算一般公共预算基本支出明细表（按经济科目）"),
    [
        ["科目编码", "科目名称", "合计", "人员经费", "公用经费"],
        ["合计", ACROSS, "986.40", "840.00", "146.40"],
        ["301", "工资福利支出", "840.00", "840.00", ""],
        ["30101", "基本工资", "420.00", "420.00", ""],
        ["30102", "津贴补贴", "240.00", "240.00", ""],
        ["30113", "住房公积金", "180.00", "180.00", ""],
        ["302", "商品和服务支出", "146.40", "", "146.40"],
        ["30201", "办公费", "46.40", "", "46.40"],
        ["30211", "差旅费", "100.00", "", "100.00"],
    ],
)

LOCAL_PROJECTS = (
    lead_local("部门综合预算专项业务经费支出表"),
    [
        ["项目名称", "合计", "一般公共预算", "政府性基金"],
        ["合计", "300.00", "300.00", ""],
        ["国有林场森林抚育项目", "180.00", "180.00", ""],
        ["林业有害生物防治项目", "120.00", "120.00", ""],
    ],
)

LOCAL_FUND = (
    lead_local("部门综合预算政府性基金收支表"),
    [
        ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
        ["注：本部门无政府性基金预算收支，故本表为空表。"],
    ],
)

LOCAL_TABLES = [
    LOCAL_GENERAL,
    LOCAL_ECONOMIC,
    LOCAL_BASIC_FUNCTIONAL,
    LOCAL_BASIC_ECONOMIC,
    LOCAL_PROJECTS,
    LOCAL_FUND,
]
LOCAL_KINDS = [
    "general_budget_expenditure",
    "expenditure_economic",
    "basic_expenditure_functional",
    "basic_expenditure_economic",
    "project_expenditure",
    "gov_fund",
]


@pytest.fixture
def local(tmp_path: Path, layout: str) -> Document:
    return parse(tmp_path, LAYOUTS[layout](LOCAL_TABLES), "local.txt")


def test_local_tables_by_function_and_by_economic_class(local: Document) -> None:
    assert [t.kind for t in local.tables] == LOCAL_KINDS
    assert {t.unit for t in local.tables} == {"万元"}
    assert errors(local) == []
    general, economic, basic_functional, basic_economic, projects, fund = local.tables
    assert {r.code_system for r in general.rows if r.code} == {"functional"}
    assert {r.code_system for r in economic.rows if r.code} == {"economic"}
    assert {r.code_system for r in basic_functional.rows if r.code} == {"functional"}
    assert {r.code_system for r in basic_economic.rows if r.code} == {"economic"}
    by_code = {r.code: i for i, r in enumerate(economic.rows)}
    assert economic.rows[by_code["31002"]].parent == by_code["310"]
    assert value(economic, "30226", "project") == Decimal("150.00")
    assert value(basic_functional, "2130201", "public") == Decimal("146.40")
    assert [c.key for c in projects.columns] == ["name", "total", "general_budget", "gov_fund"]
    assert [r.label for r in projects.rows] == ["合计", "国有林场森林抚育项目", "林业有害生物防治项目"]
    assert [r.parent for r in projects.rows] == [None, 0, 0]
    assert fund.declared_empty and not fund.rows


@pytest.mark.parametrize(
    ("table", "old", "new", "rule"),
    [
        # an economic 款 that does not add up to its 类
        (LOCAL_ECONOMIC, ("30211", 2), "110.00", "budget.class-sum"),
        # a project that does not add up to the 专项业务经费 total
        (LOCAL_PROJECTS, ("林业有害生物防治项目", 1), "102.00", "budget.column-sum"),
        # 基本支出 by function against 基本支出 by economic class
        (LOCAL_BASIC_FUNCTIONAL, ("合计", 2), "968.40", "budget.cross-table"),
    ],
)
def test_local_planted_error_is_found(tmp_path: Path, layout: str, table, old, new, rule) -> None:
    label, column = old
    changed = [list(row) for row in table[1]]
    row = next(r for r in changed if r[0] == label)
    row[column] = new
    tables = [(t[0], changed) if t is table else t for t in LOCAL_TABLES]
    doc = parse(tmp_path, LAYOUTS[layout](tables), "planted.txt")
    assert [t.kind for t in doc.tables] == LOCAL_KINDS
    assert rule in {f.rule for f in run_checks(doc) if f.severity == "error"}


def test_subtotal_columns_under_basic_and_this_years_income(tmp_path: Path, layout: str) -> None:
    """基本支出 (小计 | 人员经费 | 公用经费) and 本年收入 (小计 | sources) beside a 合计 column: the
    合计 keeps its key, 基本支出's 小计 is the 基本支出 amount."""
    general = (
        lead("一般公共预算支出情况表"),
        [
            ["科目编码", "科目名称", "合计", "基本支出", ACROSS, ACROSS, "项目支出"],
            [DOWN, DOWN, DOWN, "小计", "人员经费", "公用经费", DOWN],
            ["合计", ACROSS, "312,000.00", "212,000.00", "162,000.00", "50,000.00", "100,000.00"],
            ["213", "农林水支出", "312,000.00", "212,000.00", "162,000.00", "50,000.00", "100,000.00"],
        ],
    )
    revenue = (
        lead("部门收入总体情况表"),
        [
            ["科目编码", "科目名称", "合计", "上年结转", "本年收入", ACROSS, ACROSS, ACROSS],
            [DOWN, DOWN, DOWN, DOWN, "小计", "一般公共预算拨款", "事业收入", "其他收入"],
            ["合计", ACROSS, "332,000.00", "20,000.00", "312,000.00", "282,000.00", "20,000.00", "10,000.00"],
            [
                "213",
                "农林水支出",
                "332,000.00",
                "20,000.00",
                "312,000.00",
                "282,000.00",
                "20,000.00",
                "10,000.00",
            ],
        ],
    )
    doc = parse(tmp_path, LAYOUTS[layout]([general, revenue]))
    spending, income = doc.tables
    assert [c.key for c in spending.columns] == [
        "code",
        "name",
        "total",
        "basic",
        "personnel",
        "public",
        "project",
    ]
    assert [c.key for c in income.columns] == [
        "code",
        "name",
        "total",
        "carryover",
        "income_year.total",
        "general_budget",
        "service_income",
        "other_income",
    ]
    assert value(spending, "213", "basic") == Decimal("212000.00")
    assert value(income, "合计", "income_year.total") == Decimal("312000.00")
    assert errors(doc) == []
    general[1][2][3] = "221,000.00"  # 基本支出 小计 ≠ 人员经费 + 公用经费, and 合计 ≠ 基本 + 项目
    rules = {f.rule for f in run_checks(parse(tmp_path, LAYOUTS[layout]([general, revenue]), "b.txt"))}
    assert {"budget.personnel-plus-public", "budget.basic-plus-project"} <= rules


# 财政拨款收支总表 as central departments print it: 一、本年收入 heads its sources, 二、上年结转 its own
CENTRAL_FISCAL = (
    lead("财政拨款收支总表"),
    [
        ["收入", ACROSS, "支出", ACROSS, ACROSS, ACROSS],
        ["项目", "预算数", "项目", "合计", "一般公共预算", "政府性基金预算"],
        ["一、本年收入", "1,150.00", "一、本年支出", "1,250.00", "1,050.00", "200.00"],
        ["（一）一般公共预算资金", "950.00", "（一）农林水支出", "1,070.00", "870.00", "200.00"],
        ["（二）政府性基金预算资金", "200.00", "（二）住房保障支出", "180.00", "180.00", ""],
        ["二、上年结转", "100.00", "二、年终结转结余", "", "", ""],
        ["（一）一般公共预算资金", "100.00", "", "", "", ""],
        ["（二）政府性基金预算资金", "", "", "", "", ""],
        ["收入总计", "1,250.00", "支出总计", "1,250.00", "1,050.00", "200.00"],
    ],
)


def test_fiscal_summary_headed_by_this_years_income(tmp_path: Path, layout: str) -> None:
    doc = parse(tmp_path, LAYOUTS[layout]([CENTRAL_FISCAL]))
    (table,) = doc.tables
    assert table.kind == "fiscal_summary"
    rows = {(r.side, r.label): i for i, r in enumerate(table.rows)}
    income_year = rows[("income", "一、本年收入")]
    carryover = rows[("income", "二、上年结转")]
    assert table.rows[income_year].role == RowRole.TOTAL
    assert table.rows[income_year].parent == table.rows[carryover].parent == rows[("income", "收入总计")]
    under_carryover = [r.label for r in table.rows if r.parent == carryover]
    assert under_carryover == ["（一）一般公共预算资金", "（二）政府性基金预算资金"]
    spending = [r for r in table.rows if r.parent == rows[("expenditure", "一、本年支出")]]
    assert [r.code for r in spending] == ["213", "221"]
    assert spending[0].cells["gov_fund"].value == Decimal("200.00")
    assert errors(doc) == []
    changed = [list(row) for row in CENTRAL_FISCAL[1]]
    changed[3][4] = "780.00"  # 农林水支出 一般公共预算: the row and 本年支出 no longer add up
    broken = parse(tmp_path, LAYOUTS[layout]([(CENTRAL_FISCAL[0], changed)]), "b.txt")
    rules = {f.rule for f in run_checks(broken) if f.severity == "error"}
    assert {"budget.total-sum", "budget.column-sum"} <= rules


def test_codes_split_under_the_code_heading(tmp_path: Path, layout: str) -> None:
    """科目编码 over 类 | 款 (| 项): in a cell-per-line header the cells merged down beside them are
    left out, and the split code columns still go under 科目编码, not under an amount heading."""
    economic = (
        lead("财政拨款支出预算表（部门经济分类）"),
        [
            ["科目编码", ACROSS, "科目名称", "合计", "基本支出", "项目支出"],
            ["类", "款", DOWN, DOWN, DOWN, DOWN],
            ["", "", "合计", "296.40", "146.40", "150.00"],
            ["301", "", "工资福利支出", "100.00", "100.00", ""],
            ["", "01", "基本工资", "100.00", "100.00", ""],
            ["302", "", "商品和服务支出", "196.40", "46.40", "150.00"],
            ["", "01", "办公费", "46.40", "46.40", ""],
            ["", "26", "劳务费", "150.00", "", "150.00"],
        ],
    )
    functional = (
        lead("部门支出总体情况表"),
        [
            ["科目编码", ACROSS, ACROSS, "科目名称", "合计", "基本支出", "项目支出"],
            ["类", "款", "项", DOWN, DOWN, DOWN, DOWN],
            ["", "", "", "合计", "296.40", "146.40", "150.00"],
            ["213", "", "", "农林水支出", "296.40", "146.40", "150.00"],
            ["", "02", "", "林业和草原", "296.40", "146.40", "150.00"],
            ["", "", "01", "行政运行", "146.40", "146.40", ""],
            ["", "", "02", "一般行政管理事务", "150.00", "", "150.00"],
        ],
    )
    doc = parse(tmp_path, LAYOUTS[layout]([economic, functional]))
    assert [t.kind for t in doc.tables] == ["expenditure_economic", "expenditure"]
    by_economic, by_function = doc.tables
    assert [c.key for c in by_economic.columns][:3] == ["code_class", "code_section", "name"]
    assert [r.code for r in by_economic.rows] == [None, "301", "30101", "302", "30201", "30226"]
    assert {r.code_system for r in by_economic.rows if r.code} == {"economic"}
    assert [r.code for r in by_function.rows] == [None, "213", "21302", "2130201", "2130202"]
    assert value(by_economic, "30226", "project") == Decimal("150.00")
    assert errors(doc) == []
