"""Layouts of the same table families that the seeds do not show, as other departments print them.

Each document here is fictional (青川市, 云岭县). The point is that recognition follows the
family — headers, codes, totals — and not one department's template.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from perfbudget.check import run_checks
from perfbudget.pipeline import load_document


def parse(tmp_path: Path, text: str, name: str = "doc.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_document(path)


def values(row) -> dict[str, Decimal | None]:
    return {k: c.value for k, c in row.cells.items()}


def test_codes_printed_as_class_section_item_columns(tmp_path: Path) -> None:
    doc = parse(
        tmp_path,
        "2025年部门支出总表\n\n单位：万元\n\n"
        "科目编码\t\t\t科目名称\t合计\t基本支出\t项目支出\n"
        "类\t款\t项\t\t\t\t\n"
        "\t\t\t合计\t300.00\t200.00\t100.00\n"
        "211\t\t\t节能环保支出\t300.00\t200.00\t100.00\n"
        "\t01\t\t环境保护管理事务\t300.00\t200.00\t100.00\n"
        "\t\t01\t行政运行\t200.00\t200.00\t\n"
        "\t\t02\t一般行政管理事务\t100.00\t\t100.00\n",
    )
    table = doc.tables[0]
    assert table.kind == "expenditure"
    assert [r.code for r in table.rows] == [None, "211", "21101", "2110101", "2110102"]
    assert [r.parent for r in table.rows] == [None, 0, 1, 2, 2]
    assert not [f for f in run_checks(doc) if f.severity == "error"]


def test_summary_with_one_amount_column_per_half(tmp_path: Path) -> None:
    doc = parse(
        tmp_path,
        "云岭县林业局2025年部门收支总表\n单位：万元\n"
        "收入\t\t支出\t\n"
        "项目\t预算数\t项目\t预算数\n"
        "一、一般公共预算拨款收入\t800.00\t一、一般公共服务支出\t\n"
        "二、政府性基金预算拨款收入\t\t二、农林水支出\t780.00\n"
        "三、事业收入\t20.00\t三、住房保障支出\t40.00\n"
        "本年收入合计\t820.00\t本年支出合计\t820.00\n"
        "上年结转\t\t结转下年\t\n"
        "收入总计\t820.00\t支出总计\t820.00\n",
    )
    table = doc.tables[0]
    assert table.kind == "income_expenditure_summary"
    spending = [r for r in table.rows if r.side == "expenditure"]
    assert [r.code for r in spending[:3]] == ["201", "213", "221"]  # classes resolved by name
    assert values(spending[1]) == {"total": Decimal("780.00")}
    assert not [f for f in run_checks(doc) if f.severity == "error"]


def test_summary_imbalance_is_an_error(tmp_path: Path) -> None:
    doc = parse(
        tmp_path,
        "2025年部门收支总表\n单位：万元\n收入\t\t支出\t\n项目\t预算数\t项目\t预算数\n"
        "一、一般公共预算拨款收入\t800.00\t一、农林水支出\t790.00\n"
        "本年收入合计\t800.00\t本年支出合计\t790.00\n"
        "收入总计\t800.00\t支出总计\t790.00\n",
    )
    rules = {f.rule for f in run_checks(doc) if f.severity == "error"}
    assert "budget.balance" in rules


def test_revenue_total_includes_carryover_when_printed_beside_the_sources(tmp_path: Path) -> None:
    doc = parse(
        tmp_path,
        "2025年部门收入总表\n单位：万元\n"
        "科目编码\t科目名称\t合计\t上年结转\t一般公共预算拨款收入\t事业收入\t其他收入\n"
        "合计\t\t1050.00\t50.00\t900.00\t80.00\t20.00\n"
        "213\t农林水支出\t1050.00\t50.00\t900.00\t80.00\t20.00\n",
    )
    table = doc.tables[0]
    assert [c.key for c in table.columns] == [
        "code",
        "name",
        "total",
        "carryover",
        "general_budget",
        "service_income",
        "other_income",
    ]
    assert not [f for f in run_checks(doc) if f.severity == "error"]
    broken = parse(
        tmp_path,
        (tmp_path / "doc.txt").read_text(encoding="utf-8").replace("80.00\t20.00\n213", "80.00\t25.00\n213"),
        "b.txt",
    )
    assert any(f.rule == "budget.column-sum" and f.severity == "error" for f in run_checks(broken))


def test_three_public_with_two_years_side_by_side(tmp_path: Path) -> None:
    doc = parse(
        tmp_path,
        "2025年“三公”经费支出预算表\n单位：万元\n"
        "2024年预算数\t\t\t\t\t\t2025年预算数\t\t\t\t\t\n"
        "合计\t因公出国（境）费\t公务用车购置及运行费\t\t\t公务接待费\t合计\t因公出国（境）费\t公务用车购置及运行费\t\t\t公务接待费\n"
        "\t\t小计\t公务用车购置费\t公务用车运行费\t\t\t\t小计\t公务用车购置费\t公务用车运行费\t\n"
        "12.00\t0.00\t10.00\t0.00\t10.00\t2.00\t11.50\t0.00\t9.50\t0.00\t9.50\t2.00\n",
    )
    table = doc.tables[0]
    assert table.kind == "three_public"
    keys = [c.key for c in table.columns]
    assert keys[:3] == ["budget_2024.total", "budget_2024.abroad", "budget_2024.vehicles"]
    assert keys[6] == "budget_2025.total"
    assert not [f for f in run_checks(doc) if f.severity == "error"]


def test_economic_basic_expenditure_with_codes(tmp_path: Path) -> None:
    doc = parse(
        tmp_path,
        "2025年一般公共预算基本支出表\n单位：万元\n"
        "部门预算支出经济分类科目\t\t2025年基本支出\t\t\n"
        "科目编码\t科目名称\t合计\t人员经费\t公用经费\n"
        "合计\t\t130.00\t100.00\t30.00\n"
        "301\t工资福利支出\t100.00\t100.00\t\n"
        "30101\t基本工资\t60.00\t60.00\t\n"
        "30102\t津贴补贴\t40.00\t40.00\t\n"
        "302\t商品和服务支出\t30.00\t\t30.00\n"
        "30201\t办公费\t30.00\t\t30.00\n",
    )
    table = doc.tables[0]
    assert table.kind == "basic_expenditure_economic"
    assert [r.code_system for r in table.rows[1:]] == ["economic"] * 5
    assert [r.parent for r in table.rows] == [None, 0, 1, 1, 0, 4]
    assert not [f for f in run_checks(doc) if f.severity in ("error", "warning")]


def _cells_per_line(rows: list[list[str] | None]) -> str:
    """A cell-per-line table (each cell a TAB-led line, a blank line after each row); ``None`` is
    a page break (one more blank line)."""
    return "".join("".join(f"\t{cell}\n" for cell in row or ()) + "\n" for row in rows) + "\n"


# 年初结转和结余 | 本年收入 | 本年支出 (小计, 基本支出, 项目支出) | 年末结转和结余 by 功能分类
BALANCE_COLUMNS = ["code", "name", "opening", "income_year", "total", "basic", "project", "closing"]


def test_cell_per_line_header_without_the_cells_merged_down(tmp_path: Path) -> None:
    """Text converters often leave out the empty cells under a heading merged down over two rows."""
    text = _cells_per_line(
        [
            ["政府性基金预算财政拨款收入支出决算表"],
            ["部门：青川市生态环境局", "2024年度", "单位：万元"],
            ["项目", "年初结转和结余", "本年收入", "本年支出", "年末结转和结余"],
            ["功能分类科目编码", "科目名称", "小计", "基本支出", "项目支出"],
            ["合计", "10.00", "50.00", "55.00", "5.00", "50.00", "5.00"],
            ["212", "城乡社区支出", "10.00", "50.00", "55.00", "5.00", "50.00", "5.00"],
        ]
    )
    table = parse(tmp_path, text).tables[0]
    assert [c.key for c in table.columns] == BALANCE_COLUMNS
    assert table.rows[1].cells["closing"].value == Decimal("5.00")


def test_cell_per_line_three_public_without_the_cells_merged_down(tmp_path: Path) -> None:
    items = ["合计", "因公出国（境）费", "公务用车购置及运行费", "公务接待费"]
    text = _cells_per_line(
        [
            ["一般公共预算财政拨款“三公”经费支出决算表"],
            ["预算数", "决算数"],
            items + items,
            ["小计", "公务用车购置费", "公务用车运行费"] * 2,
            [
                "12.00",
                "0.00",
                "10.00",
                "0.00",
                "10.00",
                "2.00",
                "11.00",
                "0.00",
                "9.50",
                "0.00",
                "9.50",
                "1.50",
            ],
        ]
    )
    doc = parse(tmp_path, text)
    keys = [c.key for c in doc.tables[0].columns]
    assert keys == [
        "budget.total",
        "budget.abroad",
        "budget.vehicles",
        "budget.vehicle_purchase",
        "budget.vehicle_operation",
        "budget.reception",
        "final.total",
        "final.abroad",
        "final.vehicles",
        "final.vehicle_purchase",
        "final.vehicle_operation",
        "final.reception",
    ]
    assert not [f for f in run_checks(doc) if f.severity == "error"]


def test_cell_per_line_table_goes_on_after_a_page_break(tmp_path: Path) -> None:
    header = ["科目编码", "科目名称", "合计", "基本支出", "项目支出"]
    body = _cells_per_line(
        [
            header,
            ["", "合计", "300.00", "200.00", "100.00"],
            ["211", "节能环保支出", "300.00", "200.00", "100.00"],
            ["21101", "环境保护管理事务", "300.00", "200.00", "100.00"],
            None,
            header,  # repeated at the top of the next page
            ["2110101", "行政运行", "200.00", "200.00", ""],
            ["2110102", "一般行政管理事务", "100.00", "", "100.00"],
        ]
    )
    doc = parse(
        tmp_path, f"青川市生态环境局2025年部门支出总表\n\n单位：万元\n\n{body}\n\n说明：按功能分类列示。\n"
    )
    assert [t.kind for t in doc.tables] == ["expenditure"]
    table = doc.tables[0]
    assert [r.code for r in table.rows] == [None, "211", "21101", "2110101", "2110102"]
    assert table.rows[-1].cells["project"].value == Decimal("100.00")
    assert not [f for f in run_checks(doc) if f.severity == "error"]


def test_untitled_table_after_prose_stays_apart(tmp_path: Path) -> None:
    first = _cells_per_line([["项目", "金额"], ["合计", "10.00"], ["办公费", "10.00"]])
    second = _cells_per_line([["指标", "数值"], ["完成率", "100%"]])
    doc = parse(tmp_path, f"2025年部门收入总表\n单位：万元\n\n{first}\n\n以下为附表。\n\n{second}\n")
    assert [t.kind for t in doc.tables] == ["revenue", "generic"]


def test_older_general_budget_table_with_opening_and_closing_balances(tmp_path: Path) -> None:
    header = "项目\t项目\t年初结转和结余\t本年收入\t本年支出\t本年支出\t本年支出\t年末结转和结余\n"
    header += "科目编码\t科目名称\t年初结转和结余\t本年收入\t小计\t基本支出\t项目支出\t年末结转和结余\n"
    rows = [
        "\t合计\t10.00\t300.00\t305.00\t200.00\t105.00\t5.00",
        "211\t节能环保支出\t10.00\t300.00\t305.00\t200.00\t105.00\t5.00",
        "21101\t环境保护管理事务\t10.00\t300.00\t305.00\t200.00\t105.00\t5.00",
        "2110101\t行政运行\t\t200.00\t200.00\t200.00\t\t",
        "2110102\t一般行政管理事务\t10.00\t100.00\t105.00\t\t{project}\t5.00",
    ]
    text = "青川市生态环境局一般公共预算财政拨款收入支出决算表\n公开05表\n单位：万元\n" + header
    doc = parse(tmp_path, text + "\n".join(rows).format(project="105.00") + "\n")
    (table,) = doc.tables
    assert table.kind == "general_budget_expenditure"
    assert [c.key for c in table.columns] == BALANCE_COLUMNS
    assert not run_checks(doc)
    wrong = parse(tmp_path, text + "\n".join(rows).format(project="104.00") + "\n", "wrong.txt")
    assert {f.rule for f in run_checks(wrong) if f.severity == "error"} == {
        "budget.basic-plus-project",
        "budget.class-sum",
    }


@pytest.mark.parametrize(
    "note",
    [
        "本表无数据",  # a paragraph of its own, without 注：
        "注：此表为空表",
        "说明：本部门无国有资本经营预算收支，此表为空。",
        "注：本部门无政府性基金收支，故本表以空表公开。",
        "注：本单位无此项支出。",
        "注：我单位不涉及该项支出。",
    ],
)
def test_a_table_printed_empty_says_so_in_many_words(tmp_path: Path, note: str) -> None:
    doc = parse(tmp_path, f"青川市生态环境局2025年政府性基金预算支出表\n单位：万元\n{note}\n")
    (table,) = doc.tables
    assert table.kind == "gov_fund_expenditure" and table.declared_empty and not table.rows
    assert doc.findings == []


def test_a_note_about_the_table_is_not_an_empty_table(tmp_path: Path) -> None:
    text = (
        "2025年部门收入总表\n单位：万元\n项目\t金额\n合计\t10.00\n办公费\t10.00\n"
        "说明：本部门无下属单位，本表反映机关本级收入。\n"
    )
    assert not parse(tmp_path, text).tables[0].declared_empty


def test_project_list_with_category_and_unit_columns_before_the_name(tmp_path: Path) -> None:
    text = (
        "青川市生态环境局2025年项目支出表\n单位：万元\n"
        "项目分类\t项目单位\t项目名称\t本年拨款\t一般公共预算\t政府性基金预算\t财政拨款结转结余\n"
        "\t\t合计\t300.00\t250.00\t50.00\t\n"
        "专项业务类\t青川市生态环境局\t大气污染防治\t200.00\t150.00\t50.00\t\n"
        "专项业务类\t青川市生态环境局\t水污染防治\t100.00\t100.00\t\t\n"
    )
    (table,) = parse(tmp_path, text).tables
    assert table.kind == "project_expenditure"
    assert [c.key for c in table.columns] == [
        "category",
        "unit",
        "name",
        "current_year",
        "general_budget",
        "gov_fund",
        "carryover",
    ]
    assert [r.label for r in table.rows] == ["合计", "大气污染防治", "水污染防治"]
    assert table.rows[1].cells["category"].text == "专项业务类"
    assert table.rows[1].cells["unit"].text == "青川市生态环境局"
    assert table.rows[1].cells["current_year"].value == Decimal("200.00")


def test_three_public_with_last_years_budget_beside_this_years(tmp_path: Path) -> None:
    items = ["合计", "因公出国（境）费", "公务用车购置及运行费", "", "", "公务接待费"]
    vehicles = ["", "", "小计", "公务用车购置费", "公务用车运行费", ""]
    text = (
        "青川市生态环境局2025年一般公共预算“三公”经费支出表\n单位：万元\n"
        + "\t".join(["上年预算数", "", "", "", "", "", "本年预算数", "", "", "", "", ""])
        + "\n"
        + "\t".join(items * 2)
        + "\n"
        + "\t".join(vehicles * 2)
        + "\n14.00\t0.00\t10.00\t0.00\t10.00\t4.00\t12.00\t0.00\t8.00\t0.00\t8.00\t4.00\n"
    )
    (table,) = parse(tmp_path, text).tables
    assert table.kind == "three_public"
    keys = [c.key for c in table.columns]
    assert keys[:2] == ["prior.total", "prior.abroad"] and keys[6:8] == ["budget.total", "budget.abroad"]
    assert table.rows[0].cells["budget.total"].value == Decimal("12.00")
    assert table.rows[0].cells["prior.total"].value == Decimal("14.00")


def test_a_column_of_rates_is_not_summed(tmp_path: Path) -> None:
    rows = [
        "\t合计\t290.00\t300.00\t10.00\t3.45",
        "211\t节能环保支出\t290.00\t300.00\t10.00\t3.45",
        "21101\t环境保护管理事务\t290.00\t300.00\t10.00\t3.45",
        "2110101\t行政运行\t200.00\t205.00\t5.00\t2.50",
        "2110102\t一般行政管理事务\t90.00\t95.00\t5.00\t5.56",
    ]
    text = (
        "青川市生态环境局2025年一般公共预算支出表\n单位：万元\n"
        "科目编码\t科目名称\t上年预算数\t本年预算数\t增减额\t增减率（%）\n" + "\n".join(rows) + "\n"
    )
    doc = parse(tmp_path, text)
    rate = doc.tables[0].columns[-1]
    assert rate.is_ratio and not doc.tables[0].columns[-2].is_ratio
    assert run_checks(doc) == []  # 3.45% is not 2.50% + 5.56%; the amounts all add up
    wrong = parse(tmp_path, text.replace("\t95.00\t5.00\t", "\t95.00\t6.00\t"), "wrong.txt")
    assert {f.rule for f in run_checks(wrong) if f.severity == "error"} == {"budget.class-sum"}


def test_total_printed_last_is_the_sum_of_the_classes_above_it(tmp_path: Path) -> None:
    body = [
        "211\t节能环保支出\t300.00\t200.00\t100.00",
        "2110101\t行政运行\t200.00\t200.00\t",
        "2110102\t一般行政管理事务\t100.00\t\t100.00",
        "221\t住房保障支出\t20.00\t20.00\t",
        "2210201\t住房公积金\t20.00\t20.00\t",
        "\t合计\t{total}\t{basic}\t100.00",
    ]
    text = (
        "2025年部门支出总表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
        + "\n".join(body)
        + "\n"
    )
    doc = parse(tmp_path, text.format(total="320.00", basic="220.00"))
    table = doc.tables[0]
    assert [r.parent for r in table.rows if r.code and len(r.code) == 3] == [5, 5]
    assert not [f for f in run_checks(doc) if f.severity == "error"]
    wrong = parse(tmp_path, text.format(total="321.00", basic="221.00"), "wrong.txt")
    assert {f.rule for f in run_checks(wrong) if f.severity == "error"} == {"budget.total-sum"}


@pytest.mark.parametrize(
    ("first", "second", "kind"),
    [
        ("2025年一般公共预算基本支出", "经济分类预算表", "basic_expenditure_economic"),
        ("青川市生态环境局", "2025年部门收支总表", "income_expenditure_summary"),
        ("一般公共预算财政拨款", "收入支出决算表", "general_budget_expenditure"),  # not 收入支出决算表
    ],
)
def test_a_title_wrapped_onto_two_lines(tmp_path: Path, first: str, second: str, kind: str) -> None:
    text = (
        f"{first}\n{second}\n单位：万元\n科目编码\t科目名称\t合计\n\t合计\t100.00\n"
        "211\t节能环保支出\t100.00\n"
    )
    doc = parse(tmp_path, text)
    (table,) = doc.tables
    assert (table.kind, table.title, table.line) == (kind, first + second, 1)
    assert first not in [p.text for p in doc.paragraphs]


def test_a_heading_above_a_title_stays_prose(tmp_path: Path) -> None:
    text = "二、支出预算情况\n2025年部门支出总表\n单位：万元\n科目编码\t科目名称\t合计\n\t合计\t100.00\n"
    doc = parse(tmp_path, text)
    assert [(t.kind, t.title) for t in doc.tables] == [("expenditure", "2025年部门支出总表")]
    assert "二、支出预算情况" in [p.text for p in doc.paragraphs]


def test_prose_after_a_table_that_mentions_no_data_stays_prose(tmp_path: Path) -> None:
    text = (
        "2025年部门收入总表\n单位：万元\n项目\t金额\n合计\t10.00\n办公费\t10.00\n"
        "本部门2025年无政府性基金预算，故相关表格无数据。\n"
    )
    doc = parse(tmp_path, text)
    assert not doc.tables[0].declared_empty and doc.tables[0].notes == []
    assert "本部门2025年无政府性基金预算，故相关表格无数据。" in [p.text for p in doc.paragraphs]


@pytest.mark.parametrize("marker", ["青川市生态环境局2025年部门支出总表（续）", "续表", "（续表）"])
def test_a_table_continued_under_a_repeated_title_or_a_continuation_line(tmp_path: Path, marker: str) -> None:
    header = "科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
    text = (
        "青川市生态环境局2025年部门支出总表\n单位：万元\n"
        + header
        + "\t合计\t320.00\t220.00\t100.00\n211\t节能环保支出\t300.00\t200.00\t100.00\n"
        + "2110101\t行政运行\t300.00\t200.00\t100.00\n"
        + f"{marker}\n单位：万元\n"
        + header
        + "221\t住房保障支出\t20.00\t20.00\t\n2210201\t住房公积金\t20.00\t20.00\t\n"
    )
    doc = parse(tmp_path, text)
    (table,) = doc.tables
    assert [r.code for r in table.rows] == [None, "211", "2110101", "221", "2210201"]
    assert [f for f in run_checks(doc) if f.severity == "error"] == []


@pytest.mark.parametrize(
    "lines",
    [
        # 合计, the department printed once, its projects
        ["合计\t300.00", "青川市生态环境局\t300.00", "大气污染防治\t200.00", "水污染防治\t100.00"],
        # 合计, the department, its units printed once, their projects
        [
            "合计\t300.00",
            "青川市生态环境局\t300.00",
            "青川市生态环境局机关\t200.00",
            "大气污染防治\t200.00",
            "青川市环境监测站\t100.00",
            "水质自动监测站运维经费\t100.00",
        ],
        # the department as the first row, its units printed once
        [
            "青川市生态环境局\t300.00",
            "青川市生态环境局机关\t200.00",
            "大气污染防治\t200.00",
            "青川市环境监测站\t100.00",
            "水质自动监测站运维经费\t100.00",
        ],
    ],
)
def test_project_lists_with_units_printed_once(tmp_path: Path, lines: list[str]) -> None:
    text = "青川市生态环境局2025年项目支出表\n单位：万元\n项目名称\t金额\n" + "\n".join(lines) + "\n"
    doc = parse(tmp_path, text)
    assert [f for f in run_checks(doc) if f.severity == "error"] == []
    wrong = parse(tmp_path, text.replace("大气污染防治\t200.00", "大气污染防治\t210.00"), "wrong.txt")
    assert [f.rule for f in run_checks(wrong) if f.severity == "error"]


def test_a_project_named_like_a_unit_is_still_a_project(tmp_path: Path) -> None:
    lines = ["合计\t300.00", "乡镇空气自动监测站\t100.00", "大气污染防治\t200.00"]
    text = "青川市生态环境局2025年项目支出表\n单位：万元\n项目名称\t金额\n" + "\n".join(lines) + "\n"
    doc = parse(tmp_path, text)
    assert [r.parent for r in doc.tables[0].rows] == [None, 0, 0]
    assert [f for f in run_checks(doc) if f.severity == "error"] == []


def test_a_table_by_unit_sums_its_units(tmp_path: Path) -> None:
    text = (
        "青川市生态环境局2025年部门收入总表\n单位：万元\n单位名称\t合计\t一般公共预算\t政府性基金预算\n"
        "合计\t320.00\t300.00\t20.00\n青川市生态环境局机关\t220.00\t200.00\t20.00\n"
        "青川市环境监测站\t{station}\t{station}\t\n"
    )
    doc = parse(tmp_path, text.format(station="100.00"))
    assert [r.parent for r in doc.tables[0].rows] == [None, 0, 0]
    assert [f for f in run_checks(doc) if f.severity == "error"] == []
    wrong = parse(tmp_path, text.format(station="101.00"), "wrong.txt")
    assert {f.rule for f in run_checks(wrong) if f.severity == "error"} == {"budget.total-sum"}


def test_summary_with_its_halves_one_under_the_other(tmp_path: Path) -> None:
    lines = [
        "项目\t预算数",
        "收入\t",
        "一、一般公共预算拨款收入\t300.00",
        "二、政府性基金预算拨款收入\t20.00",
        "本年收入合计\t320.00",
        "上年结转\t10.00",
        "收入总计\t330.00",
        "支出\t",
        "一、节能环保支出\t300.00",
        "二、城乡社区支出\t20.00",
        "本年支出合计\t320.00",
        "结转下年\t{carry}",
        "支出总计\t{total}",
    ]
    text = "青川市生态环境局2025年部门收支总表\n单位：万元\n" + "\n".join(lines) + "\n"
    doc = parse(tmp_path, text.format(carry="10.00", total="330.00"))
    table = doc.tables[0]
    assert [r.side for r in table.rows].count("income") == 6
    assert [r.side for r in table.rows].count("expenditure") == 6
    assert run_checks(doc) == []
    wrong = parse(tmp_path, text.format(carry="11.00", total="331.00"), "wrong.txt")
    assert {f.rule for f in run_checks(wrong) if f.severity == "error"} == {"budget.balance"}
