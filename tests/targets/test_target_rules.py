"""Every target-quality rule on small fictional forms: what it reports, and what it must not."""

from __future__ import annotations

from decimal import Decimal

import pytest
from perfbudget_test_targets import (
    complete_indicators,
    department,
    doc,
    fig,
    findings,
    ind,
    project,
)

from perfbudget.model.findings import Severity
from perfbudget.model.performance import Funding, Period

TERM, ANNUAL = Period.TERM, Period.ANNUAL


def lines(found) -> list[int | None]:
    return [f.ref.line if f.ref else None for f in found]


# ------------------------------------------------------------------ categories


def test_a_complete_project_has_every_category():
    assert findings(doc(project()), "target.categories-missing") == []


@pytest.mark.parametrize(
    ("drop", "missing"),
    [
        ("时效指标", "“时效指标”"),
        ("成本指标", "“成本指标”"),
        ("服务对象满意度指标", "“满意度指标”"),
        ("社会效益指标", "“效益指标”"),
    ],
)
def test_a_project_missing_a_category_is_reported(drop, missing):
    indicators = [i for i in complete_indicators() if i.level2 != drop]
    found = findings(doc(project(indicators)), "target.categories-missing")
    assert len(found) == 1
    assert missing in found[0].message
    assert found[0].severity == Severity.WARNING
    assert found[0].ref.line == 10  # the form's title


def test_two_missing_categories_are_one_finding():
    indicators = [i for i in complete_indicators() if i.level2 not in ("时效指标", "成本指标")]
    (found,) = findings(doc(project(indicators)), "target.categories-missing")
    assert "“时效指标”、“成本指标”" in found.message


def test_template_wordings_count_as_the_category():
    """效果指标 for 效益指标, 可持续性影响 without 指标, 成本指标 printed as a level-1 group, 服务对象满意度."""
    indicators = [
        ind("产出指标", "数量指标", "验收数量", "≥200家"),
        ind("产出指标", "质量指标", "覆盖率", "≥90%"),
        ind("产出指标", "时效指标", "及时率", "≥80%"),
        ind("成本指标", "成本指标", "平均成本", "≤0.25万元"),
        ind("效果指标", "可持续性影响", "提高企业意识", "提高"),
        ind("满意度指标", "服务对象满意度", "企业满意度", "≥70%"),
    ]
    assert findings(doc(project(indicators)), "target.categories-missing") == []


def test_a_not_applicable_row_does_not_fill_its_category():
    indicators = [i for i in complete_indicators() if i.level1 != "满意度指标"]
    indicators.append(ind("满意度指标", "服务对象满意度指标", None, None, na=True))
    (found,) = findings(doc(project(indicators)), "target.categories-missing")
    assert "“满意度指标”" in found.message


def test_each_period_of_a_two_period_form_is_checked_and_equal_gaps_are_one_finding():
    both = complete_indicators(TERM) + complete_indicators(ANNUAL)
    gap = [i for i in both if i.level2 != "时效指标"]
    (found,) = findings(doc(project(gap, template="two_period")), "target.categories-missing")
    assert "（实施期、年度）" in found.message
    annual_gap = [i for i in both if not (i.level2 == "时效指标" and i.period == ANNUAL)]
    (found,) = findings(doc(project(annual_gap, template="two_period")), "target.categories-missing")
    assert "（年度）" in found.message and "实施期" not in found.message


def test_department_declaration_template_has_its_own_categories():
    """郑州 申报表: 投入管理, free 产出 and 效益 items, 满意度 as a level-2 group of 效益指标."""
    indicators = [
        ind("投入管理指标", "预算和财务管理", "预算执行率", "≥95", unit="%"),
        ind("产出指标", "履职目标和主要任务完成情况", "运维监测站数量", "123", unit="个"),
        ind("效益指标", "履职效益", "管理水平提升程度", "明显"),
        ind("效益指标", "满意度", "服务对象满意度", "≥90", unit="%"),
    ]
    assert findings(doc(department(indicators)), "target.categories-missing") == []
    (found,) = findings(doc(department(indicators[:3])), "target.categories-missing")
    assert "“满意度指标”" in found.message
    assert "整体绩效目标" in found.message


def test_department_expenditure_template_needs_no_cost_group():
    indicators = [i for i in complete_indicators() if i.level2 != "成本指标"]
    assert findings(doc(department(indicators, template="expenditure")), "target.categories-missing") == []


def test_a_narrative_department_target_is_not_checked():
    assert findings(doc(department([], template="narrative")), "target.categories-missing") == []


# ------------------------------------------------------------------ values and comparisons


@pytest.mark.parametrize(
    ("value", "na", "reported"),
    [
        (None, False, True),
        ("  ", False, True),
        ("≥90%", False, False),
        ("提高", False, False),
        (None, True, False),  # a not-applicable row is not an indicator
    ],
)
def test_value_missing(value, na, reported):
    row = ind("效益指标", "社会效益指标", "公众环境意识", value, na=na, line=77)
    found = findings(doc(project([*complete_indicators(), row])), "target.value-missing")
    assert lines(found) == ([77] if reported else [])


def test_value_missing_says_which_half_of_a_two_period_form():
    rows = [
        ind("满意度指标", "服务对象满意度指标", "群众满意度调查", "良好", period=TERM, line=80),
        ind("满意度指标", "服务对象满意度指标", "群众满意度调查", None, period=ANNUAL, line=80),
    ]
    (found,) = findings(doc(project(rows, template="two_period")), "target.value-missing")
    assert "群众满意度调查" in found.message and "（年度）" in found.message


@pytest.mark.parametrize(
    ("value", "reported", "says"),
    [
        ("≥", True, "只有比较符号"),
        ("100%≥", True, "不超过100%"),
        ("≥95%", False, None),
        ("≤合同价/预算数", False, None),
        ("提高", False, None),
    ],
)
def test_malformed_comparison(value, reported, says):
    row = ind("产出指标", "质量指标", "验收合格率", value, line=55)
    found = findings(doc(project([*complete_indicators(), row])), "target.malformed-comparison")
    assert lines(found) == ([55] if reported else [])
    if says:
        assert says in found[0].message


def test_converter_spellings_are_not_malformed():
    rows = [
        ind("产出指标", "质量指标", "运行率", "≥95%", line=60),
        ind("产出指标", "质量指标", "稳定率", "≥90%", line=61),
    ]
    rows[0] = rows[0].model_copy(update={"target": rows[0].target.model_copy(update={"spelling": "latex"})})
    rows[1] = rows[1].model_copy(
        update={"target": rows[1].target.model_copy(update={"spelling": "book_title"})}
    )
    assert findings(doc(project([*complete_indicators(), *rows])), "target.malformed-comparison") == []


# ------------------------------------------------------------------ rates and satisfaction


@pytest.mark.parametrize(
    ("name", "value", "reported"),
    [
        ("任务完成率", "≥105%", True),
        ("任务完成率", ">100%", True),
        ("任务完成率", "120%", True),
        ("任务完成率", "=100%", False),
        ("任务完成率", "≥100%", False),
        ("预算调整率", "≤120%", False),  # a ceiling above 100 is not impossible
        ("宣传覆盖人数增长率", "≥150%", False),  # a growth rate may exceed 100
        ("同比提升幅度", "≥110%", False),
        ("林下经济收入", "较上年增长120%", False),  # the size of a change, not a rate
        ("完成数量", "≥105个", False),  # not a percentage
        ("群众满意度", "≥105%", False),  # satisfaction has its own rule
    ],
)
def test_rate_over_100(name, value, reported):
    row = ind("产出指标", "质量指标", name, value, line=66)
    found = findings(doc(project([*complete_indicators(), row])), "target.rate-over-100")
    assert lines(found) == ([66] if reported else [])


@pytest.mark.parametrize(
    ("l2", "name", "value", "reported"),
    [
        ("服务对象满意度指标", "群众满意度", "≥100%", True),
        ("服务对象满意度指标", "群众满意度", "=100%", True),
        ("服务对象满意度指标", "群众满意度", "100%", True),
        ("满意度", "检测机构满意度", "≥100", True),  # unit from the 度量单位 column
        ("服务对象满意度指标", "群众满意度", "≥95%", False),
        ("服务对象满意度指标", "群众满意度", "满意度高", False),
        ("服务对象满意度指标", "群众满意度", "≤100%", False),
        (
            "服务对象满意度指标",
            "人员到位率",
            "100%",
            False,
        ),  # filed under 满意度 but not a satisfaction measure
    ],
)
def test_satisfaction_100(l2, name, value, reported):
    row = ind("满意度指标", l2, name, value, line=88, unit="%" if value.endswith(("100", "95")) else None)
    found = findings(doc(project([*complete_indicators(), row])), "target.satisfaction-100")
    assert lines(found) == ([88] if reported else [])


# ------------------------------------------------------------------ cost


@pytest.mark.parametrize(
    ("l2", "name", "value", "kind"),
    [
        ("成本指标", "项目成本", "不超预算", "文字"),
        ("成本指标", "预算（成本）控制率", "≤100%", "比率"),
        ("成本指标", "运维次数成本", "≤3次", "非金额数值"),
        ("成本指标", "项目成本", "≤15万元", None),
        ("成本指标", "每册资料印刷费", "≤20元/册", None),
        ("成本指标", "对自然生态环境可能造成的负面影响", "无", None),
        ("社会成本指标", "社会影响", "无", None),
        ("成本指标", "项目成本", None, None),  # reported by target.value-missing
        ("质量指标", "合格率", "≥95%", None),  # not a cost indicator
    ],
)
def test_cost_without_amount(l2, name, value, kind):
    row = ind("产出指标", l2, name, value, line=91)
    found = findings(doc(project([*complete_indicators(), row])), "target.cost-without-amount")
    assert lines(found) == ([91] if kind else [])
    if kind:
        assert f"是{kind}而不是金额" in found[0].message


@pytest.mark.parametrize(
    ("value", "reported"),
    [
        ("≥10000元", True),
        (">5000元", True),
        ("≥200元/本", True),
        ("≤10000元", False),
        ("10000元", False),
        ("≥95%", False),
    ],
)
def test_cost_direction(value, reported):
    row = ind("产出指标", "成本指标", "评估报告平均成本", value, line=92)
    found = findings(doc(project([*complete_indicators(), row])), "target.cost-direction")
    assert lines(found) == ([92] if reported else [])


def test_a_floor_on_a_non_cost_indicator_is_not_a_cost_direction():
    row = ind("产出指标", "数量指标", "发放补助金额", "≥4000元", line=93)
    assert findings(doc(project([*complete_indicators(), row])), "target.cost-direction") == []


@pytest.mark.parametrize(
    ("unit", "total", "name", "value", "reported"),
    [
        ("元", "520,300", "年服务费", "≤526000元", True),
        ("万元", "150", "各项经费成本控制", "≤200万元", True),
        ("元", "2,137,200", "不超过项目资金", "≤213.72万元", False),  # the same amount in 万元
        ("元", "2,137,200", "不超过项目资金", "≤213.73万元", True),
        ("元", "9,062,580", "项目总投资成本", "≤54000000元", False),  # the whole project over several years
        ("元", "800,000", "每次运维成本", "≤900000元/次", False),  # a unit cost
        ("元", "800,000", "运维费", "≥900000元", False),  # a floor: target.cost-direction
    ],
)
def test_cost_over_funding(unit, total, name, value, reported):
    row = ind("产出指标", "成本指标", name, value, line=94)
    form = project(
        [*complete_indicators(), row], money_unit=unit, funding=[Funding(total=fig(total, line=20))]
    )
    found = findings(doc(form), "target.cost-over-funding")
    assert lines(found) == ([94] if reported else [])
    if reported:
        assert found[0].cells[1].ref.line == 20  # the funding total is cited too
        assert total in found[0].message


def test_cost_over_funding_compares_each_period_with_its_own_funding():
    rows = [
        ind("产出指标", "成本指标", "年服务费", "≤520000元", period=TERM, line=95),
        ind("产出指标", "成本指标", "年服务费", "≤520000元", period=ANNUAL, line=95),
    ]
    funding = [Funding(period=TERM, total=fig("600,000")), Funding(period=ANNUAL, total=fig("500,000"))]
    (found,) = findings(
        doc(project(rows, money_unit="元", funding=funding, template="two_period")),
        "target.cost-over-funding",
    )
    assert "（年度）" in found.message and found.expected == Decimal("500000")


# ------------------------------------------------------------------ duplicates and periods


def test_the_same_indicator_twice_is_reported_once_with_both_lines():
    rows = [
        ind("产出指标", "数量指标", "确保辖区环境安全", "不出现重大环境事件", line=368),
        ind("效益指标", "社会效益指标", "确保辖区环境安全", "不出现重大环境事件", line=371),
    ]
    (found,) = findings(doc(project([*complete_indicators(), *rows])), "target.duplicate-indicator")
    assert [c.ref.line for c in found.cells] == [368, 371]
    assert "2次" in found.message


@pytest.mark.parametrize(
    ("second", "reported"),
    [
        ({"description": "实际监测重点企业家数/计划监测家数"}, False),  # same short name, other indicator
        ({"value": "≥90%"}, False),  # other value
        ({}, True),
    ],
)
def test_duplicates_need_the_same_name_description_and_value(second, reported):
    first = ind("产出指标", "数量指标", "完成率", "≥95%", description="断面实际监测数/计划监测数", line=604)
    other = ind(
        "产出指标",
        "数量指标",
        "完成率",
        second.get("value", "≥95%"),
        description=second.get("description", "断面实际监测数/计划监测数"),
        line=611,
    )
    found = findings(doc(project([*complete_indicators(), first, other])), "target.duplicate-indicator")
    assert len(found) == (1 if reported else 0)


def test_the_two_halves_of_a_row_are_not_duplicates():
    rows = complete_indicators(TERM) + complete_indicators(ANNUAL)
    rows = [r.model_copy(update={"line": 500 + i % 6}) for i, r in enumerate(rows)]
    assert findings(doc(project(rows, template="two_period")), "target.duplicate-indicator") == []


def _two_period(
    term_total: str, annual_total: str, *, years: int | None = 1, ongoing: bool = False, annual_value="≥95%"
):
    rows = [
        ind("产出指标", "质量指标", "验收合格率", "≥95%", period=TERM, line=1305),
        ind("产出指标", "质量指标", "验收合格率", annual_value, period=ANNUAL, line=1305),
    ]
    funding = [
        Funding(period=TERM, total=fig(term_total, line=1281), local=fig(term_total, line=1284)),
        Funding(period=ANNUAL, total=fig(annual_total, line=1281), local=fig(annual_total, line=1284)),
    ]
    return project(
        rows, template="two_period", money_unit="元", funding=funding, term_years=years, ongoing=ongoing
    )


def test_a_one_year_project_whose_halves_differ_in_money_is_one_finding():
    (found,) = findings(doc(_two_period("351,500", "350,000")), "target.period-mismatch")
    assert "351,500" in found.message and "350,000" in found.message
    assert {c.ref.line for c in found.cells} == {1281, 1284}
    assert found.difference == Decimal("-1500")


@pytest.mark.parametrize(("years", "ongoing"), [(99, True), (3, False), (None, False)])
def test_halves_may_differ_when_the_project_is_not_one_year(years, ongoing):
    assert (
        findings(
            doc(_two_period("351,500", "350,000", years=years, ongoing=ongoing)), "target.period-mismatch"
        )
        == []
    )


def test_a_one_year_project_whose_indicator_values_differ():
    (found,) = findings(doc(_two_period("350,000", "350,000", annual_value="≥98%")), "target.period-mismatch")
    assert "“≥95%”" in found.message and "“≥98%”" in found.message


def test_a_value_missing_in_one_half_is_not_a_period_mismatch():
    form = _two_period("350,000", "350,000")
    form.indicators[1] = ind("产出指标", "质量指标", "验收合格率", None, period=ANNUAL, line=1305)
    assert findings(doc(form), "target.period-mismatch") == []
    assert len(findings(doc(form), "target.value-missing")) == 1
