"""Titles of the 部门预算公开表 as the national and the common local templates print them.

A title names the kind of table, and the kind decides which checks run: a budget table that is
not recognised is kept as a generic table and nothing in it is checked, and a form or an
explanatory table taken for a budget table would be checked against rules that do not fit it.
The header words of their columns, likewise, give the columns the keys the checks compare.
"""

from __future__ import annotations

import pytest

from perfbudget.recognize.catalogue import column_word, kind_of_title, title_core

TITLES: list[tuple[str, str | None]] = [
    # 收支总表: the national template's 总体情况表, with a label, year or issuer around it
    ("部门收支总体情况表", "income_expenditure_summary"),
    ("表1 部门收支总体情况表", "income_expenditure_summary"),
    ("表一、部门收支总体情况表", "income_expenditure_summary"),
    ("部门收支总体情况表（2024年）", "income_expenditure_summary"),
    ("青川市教育局2025年部门收支总体情况表", "income_expenditure_summary"),
    ("部门财务收支总体情况表", "income_expenditure_summary"),
    ("单位收支总体情况表", "income_expenditure_summary"),
    ("部门综合预算收支总表", "income_expenditure_summary"),
    ("2025年部门收支预算总表", "income_expenditure_summary"),
    ("收支总表", "income_expenditure_summary"),
    # 收入总表 / 支出总表
    ("部门收入总体情况表", "revenue"),
    ("单位收入总体情况表", "revenue"),
    ("部门综合预算收入总表", "revenue"),
    ("部门收入预算表", "revenue"),
    ("部门支出总体情况表", "expenditure"),
    ("单位支出总体情况表", "expenditure"),
    ("部门综合预算支出总表", "expenditure"),
    ("部门支出总表（按功能科目）", "expenditure"),
    # 财政拨款收支总表
    ("财政拨款收支总体情况表", "fiscal_summary"),
    ("部门综合预算财政拨款收支总表", "fiscal_summary"),
    ("一般公共预算拨款收支总表", "fiscal_summary"),
    # 一般公共预算支出表 (功能分类); the label's numeral does not eat the 一 of 一般
    ("一般公共预算支出情况表", "general_budget_expenditure"),
    ("表5 一般公共预算支出情况表", "general_budget_expenditure"),
    ("表一一般公共预算支出表", "general_budget_expenditure"),
    ("表十一 一般公共预算基本支出情况表", "basic_expenditure_economic"),
    ("一般公共预算支出功能分类预算表", "general_budget_expenditure"),
    ("一般公共预算支出预算表（按功能科目）", "general_budget_expenditure"),
    ("一般公共预算支出情况表（功能分类）", "general_budget_expenditure"),
    ("部门综合预算一般公共预算支出明细表（按功能科目）", "general_budget_expenditure"),
    ("部门综合预算一般公共预算支出明细表（按支出功能分类科目）", "general_budget_expenditure"),
    # 基本支出 by 经济分类
    ("一般公共预算基本支出情况表", "basic_expenditure_economic"),
    ("一般公共预算基本支出经济分类预算表", "basic_expenditure_economic"),
    ("一般公共预算财政拨款基本支出经济分类预算表", "basic_expenditure_economic"),
    ("一般公共预算基本支出表（部门经济分类）", "basic_expenditure_economic"),
    ("一般公共预算基本支出表(政府经济分类)", "basic_expenditure_economic"),
    ("一般公共预算基本支出情况表（按经济科目）", "basic_expenditure_economic"),
    ("部门综合预算一般公共预算基本支出明细表（按经济科目）", "basic_expenditure_economic"),
    ("部门综合预算一般公共预算基本支出明细表（按支出经济分类科目）", "basic_expenditure_economic"),
    # 基本支出 by 功能分类
    ("部门综合预算一般公共预算基本支出明细表（按功能科目）", "basic_expenditure_functional"),
    ("一般公共预算基本支出情况表（按功能分类）", "basic_expenditure_functional"),
    ("一般公共预算基本支出功能分类预算表", "basic_expenditure_functional"),
    # all spending by 经济分类
    ("部门预算支出经济分类预算表", "expenditure_economic"),
    ("部门支出经济分类情况表", "expenditure_economic"),
    ("财政拨款支出预算表（部门经济分类）", "expenditure_economic"),
    ("财政拨款支出预算表（部门经济分类科目）", "expenditure_economic"),
    ("部门支出总表（按部门预算经济分类）", "expenditure_economic"),
    ("支出预算分类汇总表（按政府预算经济分类）", "expenditure_economic"),
    ("一般公共预算支出经济分类预算表", "expenditure_economic"),
    ("一般公共预算支出表（政府经济分类）", "expenditure_economic"),
    ("部门综合预算一般公共预算支出明细表（按经济科目）", "expenditure_economic"),
    # 政府性基金, 国有资本经营预算
    ("政府性基金预算支出情况表", "gov_fund_expenditure"),
    ("政府性基金支出预算表", "gov_fund_expenditure"),
    ("政府性基金预算财政拨款支出表", "gov_fund_expenditure"),
    ("部门综合预算政府性基金收支表", "gov_fund"),
    ("政府性基金预算收支情况表", "gov_fund"),
    ("国有资本经营预算支出情况表", "state_capital"),
    ("国有资本经营预算财政拨款支出表", "state_capital"),
    # 三公, 机关运行经费, 项目
    ("一般公共预算“三公”经费支出情况表", "three_public"),
    ("一般公共预算“三公”经费财政拨款支出表", "three_public"),
    ("部门综合预算一般公共预算“三公”经费支出表", "three_public"),
    ("一般公共预算机关运行经费支出情况表", "admin_operating"),
    ("项目支出情况表", "project_expenditure"),
    ("一般公共预算项目支出预算表", "project_expenditure"),
    ("部门综合预算专项业务经费支出表", "project_expenditure"),
    # not budget tables: no checks of a budget table fit them
    ("政府采购预算表", None),
    ("政府采购预算明细表", None),
    ("部门综合预算政府采购（资产配置、购买服务）预算表", None),
    ("政府购买服务预算表", None),
    ("政府采购支出预算表", None),
    ("政府购买服务支出预算表", None),
    ("一般公共预算项目支出绩效目标表", None),
    ("项目支出绩效目标申报表", None),
    ("项目支出绩效目标表", None),
    ("部门整体支出绩效目标表", None),
    ("2025年部门整体支出绩效目标申报表", None),
    ("项目支出绩效自评表", None),
    ("部门预算公开表目录", None),
    ("部门收支总体情况说明", None),
    ("一般公共预算支出情况说明", None),
    ("国有资产占有使用情况表", None),
    ("部门基本情况表", None),
]


@pytest.mark.parametrize(("title", "expected"), TITLES)
def test_kind_of_budget_template_title(title: str, expected: str | None) -> None:
    kind = kind_of_title(title)
    assert (kind.id if kind else None) == expected


@pytest.mark.parametrize(
    ("title", "core"),
    [
        ("部门收支总体情况表", "部门收支总体情况表"),  # 部门 is not an issuer ending in 部
        ("青川市委宣传部2025年部门收支总表", "部门收支总表"),
        ("青川市财政局部门收入总体情况表", "部门收入总体情况表"),
        ("部门综合预算收支总表", "部门综合预算收支总表"),
    ],
)
def test_title_core_keeps_the_word_department(title: str, core: str) -> None:
    assert title_core(title) == core


@pytest.mark.parametrize(
    ("header", "key"),
    [
        ("年初结转和结余", "opening"),
        ("年初结转结余", "opening"),  # without 和, as some templates print it
        ("年末结转结余", "closing"),
        ("财政拨款（补助）", "fiscal_grant"),
        ("财政拨款(补助)收入", "fiscal_grant"),
        ("财政补助收入", "fiscal_grant"),
        ("纳入专户管理的非税收入", "special_account"),
        ("上年结余", "carryover"),
        ("本年支出合计", "total"),
        ("用事业基金弥补收支差额", None),  # a row of the summary, not a column word
    ],
)
def test_header_words_of_other_templates(header: str, key: str | None) -> None:
    word = column_word(header)
    assert (word.key if word else None) == key
