"""The 部门决算公开表 as the national template prints them, in the layouts other departments use.

The documents are fictional (青川市水利局, 2024年度 决算) and built here from one set of
figures that add up across all tables: each table in both text layouts (row per line with TABs;
cell per line with a blank line between rows), with 科目编码 printed as one code or as 类 | 款 | 项
columns, and amounts in 万元 or in 元 with thousands separators.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from perfbudget.check import run_checks
from perfbudget.pipeline import load_document
from perfbudget.recognize.catalogue import kind_of_title

# ---------------------------------------------------------------------------------------------
# titles


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("收入支出决算总表", "income_expenditure_summary"),
        ("公开01表 收入支出决算总表", "income_expenditure_summary"),
        ("青川市水利局2024年度收入支出决算总表", "income_expenditure_summary"),
        ("收入支出决算总表（部门决算公开表）", "income_expenditure_summary"),
        ("收入决算表", "revenue"),
        ("附表2 收入决算表", "revenue"),
        ("收入决算表（部门决算公开表）", "revenue"),
        ("2024年度部门收入决算表", "revenue"),
        ("支出决算表", "expenditure"),
        ("表三、支出决算表", "expenditure"),
        ("云岭县人力资源和社会保障局2024年支出决算表", "expenditure"),
        ("财政拨款收入支出决算总表", "fiscal_summary"),
        ("公开04表　财政拨款收入支出决算总表（部门决算公开表）", "fiscal_summary"),
        ("一般公共预算财政拨款支出决算表", "general_budget_expenditure"),
        ("附表1 一般公共预算财政拨款支出决算表", "general_budget_expenditure"),
        ("表5 一般公共预算财政拨款支出决算表", "general_budget_expenditure"),
        ("表一一般公共预算财政拨款支出决算表", "general_budget_expenditure"),
        ("表十一般公共预算财政拨款支出决算表", "general_budget_expenditure"),
        ("一般公共预算财政拨款支出决算明细表", "general_budget_expenditure"),
        ("一般公共预算财政拨款收入支出决算表", "general_budget_expenditure"),  # the older 公开05表
        ("青川市水利局2024年度一般公共预算财政拨款支出决算明细表", "general_budget_expenditure"),
        ("一般公共预算财政拨款基本支出决算表", "basic_expenditure_economic"),
        ("一般公共预算财政拨款基本支出决算明细表", "basic_expenditure_economic"),
        ("公开06表 一般公共预算财政拨款基本支出决算明细表", "basic_expenditure_economic"),
        ("一般公共预算财政拨款“三公”经费支出决算表", "three_public"),
        ('一般公共预算财政拨款"三公"经费支出决算表', "three_public"),
        ("附件2-7 一般公共预算财政拨款“三公”经费支出决算表", "three_public"),
        ("财政拨款“三公”经费支出决算表", "three_public"),
        ("政府性基金预算财政拨款收入支出决算表", "gov_fund"),
        ("2024年度政府性基金预算财政拨款收入支出决算表", "gov_fund"),
        ("国有资本经营预算财政拨款收入支出决算表", "state_capital"),
        ("国有资本经营预算财政拨款支出决算表", "state_capital"),
        ("一般公共预算财政拨款项目支出决算表", "project_expenditure"),
        ("机关运行经费支出决算表", "admin_operating"),
        ("云岭县卫生健康委员会2024年度机关运行经费支出决算表", "admin_operating"),
        ("收入支出决算表", "income_expenditure_summary"),
        ("青川市第一中学支出决算表", "expenditure"),  # an issuer the prefix rules do not know
        # narrower tables than the generic 收入/支出 kinds: not those kinds
        ("政府采购支出决算表", None),
        ("财政专户管理资金收入支出决算表", None),
        ("上年结转支出预算表", None),  # a part of the spending, not the 支出总表
        ("结转结余支出决算表", None),
        ("对个人和家庭补助支出决算表", None),
        # not budget tables, or not titles at all
        ("政府采购情况表", None),
        ("青川市水利局2024年度政府采购情况表", None),
        ("国有资产占用情况表", None),
        ("部门决算公开表", None),
        ("收入支出决算总体情况说明", None),
        ("注：本表反映部门本年度的总收支和年末结转结余情况。", None),
        ("一般公共预算财政拨款支出决算情况说明", None),
    ],
)
def test_final_account_titles(title: str, kind: str | None) -> None:
    found = kind_of_title(title)
    assert (found.id if found else None) == kind


# ---------------------------------------------------------------------------------------------
# one fictional department's 决算 (万元), every table agreeing with the others

D = Decimal

# 功能分类: code, name, then per table the figures of that row
CLASSES = [
    ("208", "社会保障和就业支出"),
    ("20805", "行政事业单位养老支出"),
    ("2080505", "机关事业单位基本养老保险缴费支出"),
    ("213", "农林水支出"),
    ("21303", "水利"),
    ("2130301", "行政运行"),
    ("2130306", "水利工程运行与维护"),
    ("21366", "大中型水库库区基金安排的支出"),
    ("2136601", "基础设施建设和经济发展"),
    ("221", "住房保障支出"),
    ("22102", "住房改革支出"),
    ("2210201", "住房公积金"),
]
# 收入决算表: 本年收入合计 | 财政拨款收入 | 上级补助收入 | 事业收入 | 经营收入 | 附属单位上缴收入 | 其他收入
REVENUE = {
    None: ("5000", "4800", "0", "150", "0", "0", "50"),
    "208": ("120", "120", "0", "0", "0", "0", "0"),
    "20805": ("120", "120", "0", "0", "0", "0", "0"),
    "2080505": ("120", "120", "0", "0", "0", "0", "0"),
    "213": ("4790", "4590", "0", "150", "0", "0", "50"),
    "21303": ("4490", "4290", "0", "150", "0", "0", "50"),
    "2130301": ("1800", "1800", "0", "0", "0", "0", "0"),
    "2130306": ("2690", "2490", "0", "150", "0", "0", "50"),
    "21366": ("300", "300", "0", "0", "0", "0", "0"),
    "2136601": ("300", "300", "0", "0", "0", "0", "0"),
    "221": ("90", "90", "0", "0", "0", "0", "0"),
    "22102": ("90", "90", "0", "0", "0", "0", "0"),
    "2210201": ("90", "90", "0", "0", "0", "0", "0"),
}
# 支出决算表: 本年支出合计 | 基本支出 | 项目支出 | 上缴上级支出 | 经营支出 | 对附属单位补助支出
EXPENDITURE = {
    None: ("4920", "2010", "2910", "0", "0", "0"),
    "208": ("120", "120", "0", "0", "0", "0"),
    "20805": ("120", "120", "0", "0", "0", "0"),
    "2080505": ("120", "120", "0", "0", "0", "0"),
    "213": ("4710", "1800", "2910", "0", "0", "0"),
    "21303": ("4400", "1800", "2600", "0", "0", "0"),
    "2130301": ("1800", "1800", "0", "0", "0", "0"),
    "2130306": ("2600", "0", "2600", "0", "0", "0"),
    "21366": ("310", "0", "310", "0", "0", "0"),
    "2136601": ("310", "0", "310", "0", "0", "0"),
    "221": ("90", "90", "0", "0", "0", "0"),
    "22102": ("90", "90", "0", "0", "0", "0"),
    "2210201": ("90", "90", "0", "0", "0", "0"),
}
# 一般公共预算财政拨款支出决算表: 合计 | 基本支出 | 项目支出 (no 政府性基金 rows)
GENERAL_BUDGET = {
    None: ("4520", "2010", "2510"),
    "208": ("120", "120", "0"),
    "20805": ("120", "120", "0"),
    "2080505": ("120", "120", "0"),
    "213": ("4310", "1800", "2510"),
    "21303": ("4310", "1800", "2510"),
    "2130301": ("1800", "1800", "0"),
    "2130306": ("2510", "0", "2510"),
    "221": ("90", "90", "0"),
    "22102": ("90", "90", "0"),
    "2210201": ("90", "90", "0"),
}
# 政府性基金预算财政拨款收入支出决算表:
# 年初结转和结余 | 本年收入 | 本年支出 小计 | 基本支出 | 项目支出 | 年末结转和结余
GOV_FUND = {
    None: ("20", "300", "310", "0", "310", "10"),
    "213": ("20", "300", "310", "0", "310", "10"),
    "21366": ("20", "300", "310", "0", "310", "10"),
    "2136601": ("20", "300", "310", "0", "310", "10"),
}


class Layout:
    """How a document prints its tables: the text layout, the code columns, the unit."""

    def __init__(self, *, cell_per_line: bool, split_codes: bool, yuan: bool, line_numbers: bool) -> None:
        self.cell_per_line = cell_per_line
        self.split_codes = split_codes
        self.yuan = yuan
        self.line_numbers = line_numbers  # a 行次 column after the names

    @property
    def unit(self) -> str:
        return "元" if self.yuan else "万元"

    def amount(self, text: str) -> str:
        """A figure as printed: 2 decimals, thousands separators, in this layout's unit."""
        value = D(text) * (10000 if self.yuan else 1)
        return f"{value:,.2f}"

    def value(self, text: str) -> Decimal:
        return D(text) * (10000 if self.yuan else 1)

    def code_cells(self, code: str | None, name: str) -> list[str]:
        if code is None:
            return ["合计", ""] if not self.split_codes else ["合计", "", "", ""]
        if not self.split_codes:
            return [code, name]
        return (
            [code[:3], code[3:5], code[5:7], name]
            if len(code) == 7
            else ([code[:3], code[3:5], "", name] if len(code) == 5 else [code, "", "", name])
        )

    def code_header(self) -> list[list[str]]:
        """The 项目 block over the code and the name (two or three header rows), and 行次."""
        if self.split_codes:
            rows = [["项目", "", "", ""], ["科目编码", "", "", "科目名称"], ["类", "款", "项", ""]]
        else:
            rows = [["项目", ""], ["功能分类科目编码", "科目名称"]]
        if self.line_numbers:
            rows = [[*row, "行次" if n == 0 else ""] for n, row in enumerate(rows)]
        return rows

    def render(self, rows: list[list[str]]) -> str:
        if self.cell_per_line:
            return "".join("".join(f"\t{cell}\n" for cell in row) + "\n" for row in rows) + "\n"
        return "".join("\t".join(row) + "\n" for row in rows) + "\n"


def frame(layout: Layout, title: str, label: str) -> list[list[str]]:
    return [
        [title],
        [label],
        ["部门：青川市水利局（汇总）", "2024年度", f"金额单位：{layout.unit}"],
    ]


def coded_table(
    layout: Layout, title: str, label: str, measures: list[str], figures: dict
) -> list[list[str]]:
    """A 功能分类 table: 项目 (编码, 名称) then the measure columns, a 栏次 row, 合计 and the codes."""
    header = layout.code_header()
    width = len(header[0])
    rows = frame(layout, title, label)
    rows.append(header[0] + measures)
    for extra in header[1:]:
        rows.append(extra + [""] * len(measures))
    rows.append(["栏次"] + [""] * (width - 1) + [str(n) for n in range(1, len(measures) + 1)])
    names = dict(CLASSES)
    for number, (code, figs) in enumerate(figures.items(), start=1):
        line_no = [str(number)] if layout.line_numbers else []
        rows.append(layout.code_cells(code, names.get(code, "")) + line_no + [layout.amount(f) for f in figs])
    rows.append(["注：本表反映部门本年度取得的各项收入情况。"])
    return rows


def revenue_table(layout: Layout) -> list[list[str]]:
    measures = [
        "本年收入合计",
        "财政拨款收入",
        "上级补助收入",
        "事业收入",
        "经营收入",
        "附属单位上缴收入",
        "其他收入",
    ]
    return coded_table(layout, "收入决算表", "公开02表", measures, REVENUE)


def expenditure_table(layout: Layout) -> list[list[str]]:
    measures = ["本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"]
    return coded_table(layout, "支出决算表", "公开03表", measures, EXPENDITURE)


def general_budget_table(layout: Layout) -> list[list[str]]:
    """本年支出 over 小计 | 基本支出 | 项目支出: a two-level header."""
    rows = coded_table(
        layout, "一般公共预算财政拨款支出决算明细表", "公开05表", ["本年支出", "", ""], GENERAL_BUDGET
    )
    width = len(layout.code_header()[0])
    rows[4][width:] = ["小计", "基本支出", "项目支出"]  # the header row under 本年支出
    return rows


def gov_fund_table(layout: Layout) -> list[list[str]]:
    rows = coded_table(
        layout,
        "政府性基金预算财政拨款收入支出决算表",
        "公开08表",
        ["年初结转和结余", "本年收入", "本年支出", "", "", "年末结转和结余"],
        GOV_FUND,
    )
    width = len(layout.code_header()[0])
    rows[4][width:] = ["", "", "小计", "基本支出", "项目支出", ""]
    return rows


def summary_table(layout: Layout) -> list[list[str]]:
    """收入支出决算总表: 收入 (项目 | 行次 | 金额) beside 支出 (项目 | 行次 | 金额)."""
    a = layout.amount
    income = [
        ("一、一般公共预算财政拨款收入", "1", "4500"),
        ("二、政府性基金预算财政拨款收入", "2", "300"),
        ("三、国有资本经营预算财政拨款收入", "3", "0"),
        ("四、上级补助收入", "4", "0"),
        ("五、事业收入", "5", "150"),
        ("六、经营收入", "6", "0"),
        ("七、附属单位上缴收入", "7", "0"),
        ("八、其他收入", "8", "50"),
        ("", "9", None),
        ("本年收入合计", "10", "5000"),
        ("使用非财政拨款结余", "11", "0"),
        ("年初结转和结余", "12", "230"),
        ("总计", "13", "5230"),
    ]
    spending = [
        ("八、社会保障和就业支出", "14", "120"),
        ("十二、农林水支出", "15", "4710"),
        ("十九、住房保障支出", "16", "90"),
        ("", "17", None),
        ("", "18", None),
        ("", "19", None),
        ("", "20", None),
        ("", "21", None),
        ("", "22", None),
        ("本年支出合计", "23", "4920"),
        ("结余分配", "24", "0"),
        ("年末结转和结余", "25", "310"),
        ("总计", "26", "5230"),
    ]
    rows = frame(layout, "收入支出决算总表", "公开01表")
    rows += [["收入", "", "", "支出", "", ""], ["项目", "行次", "金额", "项目", "行次", "金额"]]
    rows.append(["栏次", "", "1", "栏次", "", "2"])
    for (il, ino, iv), (sl, sno, sv) in zip(income, spending, strict=True):
        rows.append([il, ino, a(iv) if iv else "", sl, sno, a(sv) if sv else ""])
    return rows


def fiscal_summary_table(layout: Layout) -> list[list[str]]:
    """财政拨款收入支出决算总表: 支出 half split into the three kinds of 财政拨款."""
    a = layout.amount
    income = [
        ("一、一般公共预算财政拨款", "1", "4500"),
        ("二、政府性基金预算财政拨款", "2", "300"),
        ("三、国有资本经营预算财政拨款", "3", "0"),
        ("", "4", None),
        ("", "5", None),
        ("本年收入合计", "6", "4800"),
        ("年初财政拨款结转和结余", "7", "220"),
        ("一般公共预算财政拨款", "8", "200"),
        ("政府性基金预算财政拨款", "9", "20"),
        ("国有资本经营预算财政拨款", "10", "0"),
        ("总计", "11", "5020"),
    ]
    spending = [
        ("八、社会保障和就业支出", "12", ("120", "120", "0", "0")),
        ("十二、农林水支出", "13", ("4620", "4310", "310", "0")),
        ("十九、住房保障支出", "14", ("90", "90", "0", "0")),
        ("", "15", None),
        ("", "16", None),
        ("本年支出合计", "17", ("4830", "4520", "310", "0")),
        ("年末财政拨款结转和结余", "18", ("190", "180", "10", "0")),
        ("", "19", None),
        ("", "20", None),
        ("", "21", None),
        ("总计", "22", ("5020", "4700", "320", "0")),
    ]
    rows = frame(layout, "财政拨款收入支出决算总表", "公开04表")
    rows += [
        ["收入", "", "", "支出", "", "", "", "", ""],
        [
            "项目",
            "行次",
            "金额",
            "项目",
            "行次",
            "合计",
            "一般公共预算财政拨款",
            "政府性基金预算财政拨款",
            "国有资本经营预算财政拨款",
        ],
        ["栏次", "", "1", "栏次", "", "2", "3", "4", "5"],
    ]
    for (il, ino, iv), (sl, sno, sv) in zip(income, spending, strict=True):
        figures = [a(v) for v in sv] if sv else ["", "", "", ""]
        rows.append([il, ino, a(iv) if iv else "", sl, sno, *figures])
    return rows


def basic_economic_table(layout: Layout) -> list[list[str]]:
    """人员经费 | 公用经费 as (科目编码, 科目名称, 决算数) triples, three to a printed row."""
    a = layout.amount
    triples = [
        (
            ("301", "工资福利支出", "1650"),
            ("302", "商品和服务支出", "240"),
            ("307", "债务利息及费用支出", "0"),
        ),
        (("30101", "基本工资", "700"), ("30201", "办公费", "100"), ("310", "资本性支出", "20")),
        (("30102", "津贴补贴", "500"), ("30211", "差旅费", "60"), ("31002", "办公设备购置", "20")),
        (("30108", "机关事业单位基本养老保险缴费", "120"), ("30217", "公务接待费", "5"), None),
        (("30113", "住房公积金", "90"), ("30229", "福利费", "75"), None),
        (("30199", "其他工资福利支出", "240"), None, None),
        (("303", "对个人和家庭的补助", "100"), None, None),
        (("30302", "退休费", "100"), None, None),
    ]
    rows = frame(layout, "一般公共预算财政拨款基本支出决算表", "公开06表")
    rows.append(["人员经费", "", "", "公用经费", "", "", "", "", ""])
    rows.append(["科目编码", "科目名称", "决算数"] * 3)
    for row in triples:
        cells: list[str] = []
        for triple in row:
            cells += [triple[0], triple[1], a(triple[2])] if triple else ["", "", ""]
        rows.append(cells)
    rows.append(["人员经费合计", "", a("1750"), "公用经费合计", "", a("260"), "", "", ""])
    return rows


def three_public_table(layout: Layout) -> list[list[str]]:
    """年初预算数 and 决算数, each over 合计 | 因公出国（境）费 | 公务用车购置及运行费 (…) | 公务接待费."""
    a = layout.amount
    items = ["合计", "因公出国（境）费", "公务用车购置及运行费", "", "", "公务接待费"]
    rows = frame(layout, "一般公共预算财政拨款“三公”经费支出决算表", "公开07表")
    rows += [
        ["年初预算数", "", "", "", "", "", "决算数", "", "", "", "", ""],
        items + items,
        ["", "", "小计", "公务用车购置费", "公务用车运行费", ""] * 2,
        [str(n) for n in range(1, 13)],
        [a(v) for v in ("30", "5", "20", "0", "20", "5", "26.5", "3", "18.5", "0", "18.5", "5")],
    ]
    return rows


TABLES = [
    summary_table,
    revenue_table,
    expenditure_table,
    fiscal_summary_table,
    general_budget_table,
    basic_economic_table,
    three_public_table,
    gov_fund_table,
]

LAYOUTS = {
    "rows-wanyuan-codes": Layout(cell_per_line=False, split_codes=False, yuan=False, line_numbers=False),
    "rows-yuan-class-columns": Layout(cell_per_line=False, split_codes=True, yuan=True, line_numbers=True),
    "cells-wanyuan-class-columns": Layout(
        cell_per_line=True, split_codes=True, yuan=False, line_numbers=False
    ),
    "cells-yuan-codes-line-numbers": Layout(
        cell_per_line=True, split_codes=False, yuan=True, line_numbers=True
    ),
}


def document(layout: Layout) -> str:
    parts = ["青川市水利局2024年度部门决算\n\n第二部分 2024年度部门决算表\n\n"]
    parts += [layout.render(build(layout)) for build in TABLES]
    return "".join(parts)


def parse(tmp_path: Path, text: str, name: str = "doc.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_document(path)


@pytest.fixture(params=list(LAYOUTS), ids=list(LAYOUTS))
def layout(request) -> Layout:
    return LAYOUTS[request.param]


def test_every_table_is_recognised(tmp_path: Path, layout: Layout) -> None:
    doc = parse(tmp_path, document(layout))
    assert [t.kind for t in doc.tables] == [
        "income_expenditure_summary",
        "revenue",
        "expenditure",
        "fiscal_summary",
        "general_budget_expenditure",
        "basic_expenditure_economic",
        "three_public",
        "gov_fund",
    ]
    assert {t.unit for t in doc.tables} == {layout.unit}


def table_of(doc, kind: str):
    return next(t for t in doc.tables if t.kind == kind)


def test_labels_and_units_are_kept(tmp_path: Path, layout: Layout) -> None:
    doc = parse(tmp_path, document(layout))
    assert [t.label for t in doc.tables] == [f"公开0{n}表" for n in range(1, 9)]
    assert {t.unit for t in doc.tables} == {layout.unit}


@pytest.mark.parametrize(("kind", "figures"), [("revenue", REVENUE), ("expenditure", EXPENDITURE)])
def test_coded_rows_and_columns(tmp_path: Path, layout: Layout, kind: str, figures: dict) -> None:
    table = table_of(parse(tmp_path, document(layout)), kind)
    names = dict(CLASSES)
    assert [r.code for r in table.rows] == list(figures)
    assert [r.label for r in table.rows] == ["合计", *(names[c] for c in list(figures)[1:])]
    assert [r.parent for r in table.rows[:4]] == [None, 0, 1, 2]
    measures = table.measure_keys()
    if kind == "revenue":
        assert measures == [
            "total",
            "fiscal_grant",
            "upper_subsidy",
            "service_income",
            "operating_income",
            "affiliate_remit",
            "other_income",
        ]
    else:
        assert measures == [
            "total",
            "basic",
            "project",
            "remit_upper",
            "operating_expenditure",
            "affiliate_subsidy",
        ]
    assert bool(table.column("line_no")) == layout.line_numbers
    for row in table.rows:  # every printed figure, to the cent
        assert [row.value(k) for k in measures] == [layout.value(f) for f in figures[row.code]]


def test_two_level_headers(tmp_path: Path, layout: Layout) -> None:
    doc = parse(tmp_path, document(layout))
    general = table_of(doc, "general_budget_expenditure")
    assert general.measure_keys() == ["total", "basic", "project"]  # 本年支出 over 小计 | 基本支出 | 项目支出
    assert general.rows[0].value("project") == layout.value("2510")
    fund = table_of(doc, "gov_fund")
    assert fund.measure_keys() == ["opening", "income_year", "total", "basic", "project", "closing"]
    assert [r.code for r in fund.rows] == [None, "213", "21366", "2136601"]
    assert fund.rows[3].value("closing") == layout.value("10")
    three = table_of(doc, "three_public")
    items = ["total", "abroad", "vehicles", "vehicle_purchase", "vehicle_operation", "reception"]
    assert three.measure_keys() == [f"budget.{k}" for k in items] + [f"final.{k}" for k in items]
    assert three.rows[0].value("final.vehicle_operation") == layout.value("18.5")
    assert three.rows[0].value("budget.abroad") == layout.value("5")


def test_summaries_side_by_side(tmp_path: Path, layout: Layout) -> None:
    doc = parse(tmp_path, document(layout))
    summary = table_of(doc, "income_expenditure_summary")
    spending = [r for r in summary.rows if r.side == "expenditure" and r.code]
    assert [(r.code, r.value("total")) for r in spending] == [
        ("208", layout.value("120")),
        ("213", layout.value("4710")),
        ("221", layout.value("90")),
    ]
    opening = summary.find_rows("年初结转和结余", side="income")[0]
    assert opening.value("total") == layout.value("230")
    assert summary.rows[opening.parent].label == "总计"

    fiscal = table_of(doc, "fiscal_summary")
    assert fiscal.measure_keys("expenditure") == ["total", "general_budget", "gov_fund", "state_capital"]
    carry = fiscal.find_rows("年初财政拨款结转和结余", side="income")[0]
    parts = [r for r in fiscal.rows if r.parent == fiscal.rows.index(carry)]
    assert [(r.label, r.value("total")) for r in parts] == [
        ("一般公共预算财政拨款", layout.value("200")),
        ("政府性基金预算财政拨款", layout.value("20")),
        ("国有资本经营预算财政拨款", layout.value("0")),
    ]
    year = fiscal.find_rows("本年支出合计", side="expenditure")[0]
    assert year.value("gov_fund") == layout.value("310")


def test_basic_expenditure_triples(tmp_path: Path, layout: Layout) -> None:
    table = table_of(parse(tmp_path, document(layout)), "basic_expenditure_economic")
    by_code = {r.code: r for r in table.rows if r.code}
    assert by_code["30217"].value("total") == layout.value("5")
    assert table.rows[by_code["30217"].parent].code == "302"
    assert table.rows[by_code["310"].parent].label == "公用经费合计"
    assert table.rows[by_code["303"].parent].label == "人员经费合计"


def errors(doc) -> list[str]:
    return [f"{f.rule}: {f.message}" for f in run_checks(doc) if f.severity == "error"]


def test_a_consistent_final_account_has_no_errors(tmp_path: Path, layout: Layout) -> None:
    assert errors(parse(tmp_path, document(layout))) == []


@pytest.mark.parametrize(
    ("figures", "key", "changed", "rule"),
    [
        (EXPENDITURE, "2130306", ("2610", "0", "2610", "0", "0", "0"), "budget.class-sum"),
        (REVENUE, "2080505", ("120", "110", "0", "0", "0", "0", "0"), "budget.column-sum"),
        (GENERAL_BUDGET, None, ("4530", "2010", "2520"), "budget.total-sum"),
    ],
    ids=["expenditure-item", "revenue-column", "general-budget-total"],
)
def test_a_planted_error_is_found(
    tmp_path: Path, layout: Layout, monkeypatch, figures: dict, key: str | None, changed: tuple, rule: str
) -> None:
    monkeypatch.setitem(figures, key, changed)
    found = errors(parse(tmp_path, document(layout)))
    assert any(f.startswith(rule) for f in found), found


# ---------------------------------------------------------------------------------------------
# single tables as other departments print them, in both text layouts


@pytest.fixture(params=[False, True], ids=["row-per-line", "cell-per-line"])
def text_layout(request) -> Layout:
    return Layout(cell_per_line=request.param, split_codes=False, yuan=False, line_numbers=False)


def one_table(tmp_path: Path, text_layout: Layout, rows: list[list[str]]):
    doc = parse(tmp_path, text_layout.render(rows))
    assert len(doc.tables) == 1
    return doc, doc.tables[0]


def test_summary_with_final_amount_columns_dashes_and_closing_parts(
    tmp_path: Path, text_layout: Layout
) -> None:
    rows = [
        ["云岭县农业农村局2024年度收入支出决算总表（部门决算公开表）"],
        ["部门：云岭县农业农村局", "2024年度", "单位：元"],
        ["收入", "", "", "支出", "", ""],
        ["项目", "行次", "决算数", "项目", "行次", "决算数"],
        ["一、一般公共预算财政拨款收入", "1", "3,000,000.00", "一、一般公共服务支出", "32", "-"],
        ["二、政府性基金预算财政拨款收入", "2", "-", "二、农林水支出", "33", "2,900,000.00"],
        ["三、事业收入", "3", "100,000.00", "三、住房保障支出", "34", "150,000.00"],
        ["本年收入合计", "4", "3,100,000.00", "本年支出合计", "35", "3,050,000.00"],
        ["使用非财政拨款结余", "5", "-", "结余分配", "36", "-"],
        ["年初结转和结余", "6", "50,000.00", "年末结转和结余", "37", "100,000.00"],
        ["", "", "", "其中：基本支出结转", "38", "20,000.00"],
        ["", "", "", "项目支出结转和结余", "39", "80,000.00"],
        ["总计", "7", "3,150,000.00", "总计", "40", "3,150,000.00"],
    ]
    doc, table = one_table(tmp_path, text_layout, rows)
    assert (table.kind, table.unit) == ("income_expenditure_summary", "元")
    closing = table.find_rows("年末结转和结余", side="expenditure")[0]
    parts = [r.label for r in table.rows if r.parent == table.rows.index(closing)]
    assert parts == ["其中：基本支出结转", "项目支出结转和结余"]
    assert [r.code for r in table.rows if r.side == "expenditure" and r.code] == ["201", "213", "221"]
    assert table.find_rows("一、一般公共服务支出")[0].value("total") is None  # printed "-"
    assert errors(doc) == []
    rows[11][5] = "90,000.00"
    assert any(e.startswith("budget.total-sum") for e in errors(one_table(tmp_path, text_layout, rows)[0]))


def test_basic_expenditure_over_personnel_and_public(tmp_path: Path, text_layout: Layout) -> None:
    rows = [
        ["一般公共预算财政拨款支出决算表"],
        ["公开05表"],
        ["部门：青川市水利局", "2024年度", "金额单位：万元"],
        ["项目", "", "本年支出", "", "", ""],
        ["科目编码", "科目名称", "合计", "基本支出", "", "项目支出"],
        ["", "", "", "人员经费", "公用经费", ""],
        ["栏次", "", "1", "2", "3", "4"],
        ["合计", "", "300.00", "180.00", "20.00", "100.00"],
        ["213", "农林水支出", "300.00", "180.00", "20.00", "100.00"],
        ["21303", "水利", "300.00", "180.00", "20.00", "100.00"],
        ["2130301", "行政运行", "200.00", "180.00", "20.00", ""],
        ["2130306", "水利工程运行与维护", "100.00", "", "", "100.00"],
    ]
    doc, table = one_table(tmp_path, text_layout, rows)
    assert table.kind == "general_budget_expenditure"
    assert [c.key for c in table.columns] == ["code", "name", "total", "personnel", "public", "project"]
    assert table.columns[3].header == ["本年支出", "基本支出", "人员经费"]
    assert [r.code for r in table.rows] == [None, "213", "21303", "2130301", "2130306"]
    assert table.rows[3].value("public") == D("20.00")
    assert table.rows[4].value("personnel") is None
    assert errors(doc) == []


def test_budget_beside_final_over_basic_and_project(tmp_path: Path, text_layout: Layout) -> None:
    rows = [
        ["公开05表 一般公共预算财政拨款支出决算表"],
        ["部门：青川市水利局", "2024年度", "金额单位：万元"],
        ["项目", "", "年初预算数", "", "", "决算数", "", ""],
        ["科目编码", "科目名称", "小计", "基本支出", "项目支出", "小计", "基本支出", "项目支出"],
        ["合计", "", "310.00", "200.00", "110.00", "300.00", "200.00", "100.00"],
        ["213", "农林水支出", "310.00", "200.00", "110.00", "300.00", "200.00", "100.00"],
        ["21303", "水利", "310.00", "200.00", "110.00", "300.00", "200.00", "100.00"],
        ["2130301", "行政运行", "200.00", "200.00", "", "200.00", "200.00", ""],
        ["2130306", "水利工程运行与维护", "110.00", "", "110.00", "100.00", "", "100.00"],
    ]
    doc, table = one_table(tmp_path, text_layout, rows)
    assert table.label == "公开05表"  # printed before the title on the same line
    assert table.measure_keys() == [
        "budget.total",
        "budget.basic",
        "budget.project",
        "final.total",
        "final.basic",
        "final.project",
    ]
    assert table.rows[4].value("budget.project") == D("110.00")
    assert table.rows[4].value("final.project") == D("100.00")
    assert errors(doc) == []
    rows[8][7] = "90.00"
    assert errors(one_table(tmp_path, text_layout, rows)[0])


def test_three_public_printed_as_numbered_rows(tmp_path: Path, text_layout: Layout) -> None:
    rows = [
        ["财政拨款“三公”经费支出决算表"],
        ["部门：青川市水利局", "2024年度", "金额单位：元"],
        ["项目", "年初预算数", "决算数"],
        ["合计", "300,000.00", "265,000.00"],
        ["1.因公出国（境）费", "50,000.00", "30,000.00"],
        ["2.公务用车购置及运行费", "200,000.00", "185,000.00"],
        ["其中：（1）公务用车购置费", "0.00", "0.00"],
        ["（2）公务用车运行费", "200,000.00", "185,000.00"],
        ["3.公务接待费", "50,000.00", "50,000.00"],
    ]
    doc, table = one_table(tmp_path, text_layout, rows)
    assert table.kind == "three_public"
    assert table.measure_keys() == ["budget.total", "final.total"]
    assert [r.parent for r in table.rows] == [None, 0, 0, 2, 2, 0]
    assert table.rows[4].value("final.total") == D("185000.00")
    assert errors(doc) == []
    rows[7][2] = "175,000.00"
    assert any(e.startswith("budget.total-sum") for e in errors(one_table(tmp_path, text_layout, rows)[0]))


def test_admin_operating_and_coded_project_expenditure(tmp_path: Path, text_layout: Layout) -> None:
    rows = [
        ["云岭县卫生健康委员会2024年度机关运行经费支出决算表"],
        ["部门：云岭县卫生健康委员会", "2024年度", "金额单位：元"],
        ["项目", "行次", "决算数"],
        ["合计", "1", "2,600,000.00"],
        ["1.办公费", "2", "1,000,000.00"],
        ["2.差旅费", "3", "600,000.00"],
        ["3.公务接待费", "4", "50,000.00"],
        ["4.其他", "5", "950,000.00"],
    ]
    projects = [
        ["一般公共预算财政拨款项目支出决算表"],
        ["部门：云岭县卫生健康委员会", "2024年度", "金额单位：元"],
        ["项目", "", "本年支出"],
        ["科目编码", "科目名称", ""],
        ["合计", "", "2,510,000.00"],
        ["210", "卫生健康支出", "2,510,000.00"],
        ["21004", "公共卫生", "2,510,000.00"],
        ["2100408", "基本公共卫生服务", "1,510,000.00"],
        ["2100409", "重大公共卫生服务", "1,000,000.00"],
    ]
    doc = parse(tmp_path, text_layout.render(rows) + "\n" + text_layout.render(projects))
    admin, spending = doc.tables
    assert (admin.kind, spending.kind) == ("admin_operating", "project_expenditure")
    assert [r.parent for r in admin.rows] == [None, 0, 0, 0, 0]
    assert admin.rows[2].value("total") == D("600000.00")
    assert [r.code for r in spending.rows] == [None, "210", "21004", "2100408", "2100409"]
    assert [r.parent for r in spending.rows] == [None, 0, 1, 2, 2]
    assert errors(doc) == []
