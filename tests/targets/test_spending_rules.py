"""The money of target forms: funding sources, a department's 预算情况, the spending plan."""

from __future__ import annotations

from decimal import Decimal

import pytest
from perfbudget_test_targets import department, doc, fig, findings, project

from perfbudget.model.findings import Severity
from perfbudget.model.performance import DepartmentBudget, Funding, FundingLine, Period, SpendingPlan, Text


@pytest.mark.parametrize(
    ("total", "fiscal", "other", "severity"),
    [
        ("15", "15", "", None),  # 承德: 其他资金 left blank
        ("39.5", "39.5", "0", None),
        ("15", "10", "4", Severity.ERROR),
        ("100.00", "60.00", "39.99", Severity.INFO),  # one cent: rounding
        ("100.00", "60.00", "39.90", Severity.ERROR),
    ],
)
def test_budget_equals_fiscal_plus_other(total, fiscal, other, severity):
    form = project(funding=[Funding(total=fig(total, line=46), fiscal=fig(fiscal), other=fig(other))])
    found = findings(doc(form), "target.funding-sum")
    assert [f.severity for f in found] == ([severity] if severity else [])
    if severity:
        assert found[0].ref.line == 46
        assert found[0].difference == Decimal(total) - Decimal(fiscal) - (Decimal(other) if other else 0)


def test_yuan_funding_by_level_in_every_period():
    good = Funding(
        period=Period.TERM,
        total=fig("1,300,000"),
        central=fig("0"),
        provincial=fig("0"),
        local=fig("1,300,000"),
        self_raised=fig("0"),
        other=fig(""),
    )
    bad = Funding(
        period=Period.ANNUAL,
        total=fig("1,300,000", line=630),
        central=fig("0"),
        provincial=fig("0"),
        local=fig("1,290,000"),
        self_raised=fig("0"),
        other=fig(""),
    )
    found = findings(
        doc(project(money_unit="元", funding=[good, bad], template="two_period")), "target.funding-sum"
    )
    assert len(found) == 1
    assert found[0].severity == Severity.ERROR
    assert "（年度）" in found[0].message and "元" in found[0].message
    assert found[0].difference == Decimal("10000")


def test_fiscal_money_equals_its_levels():
    funding = Funding(
        total=fig("100"), fiscal=fig("100", line=12), central=fig("20"), provincial=fig("30"), local=fig("40")
    )
    (found,) = findings(doc(project(funding=[funding])), "target.funding-sum")
    assert "财政资金" in found.message and found.ref.line == 12


def test_an_unprinted_total_is_not_checked():
    funding = Funding(total=fig(""), fiscal=fig("10"))
    assert findings(doc(project(funding=[funding])), "target.funding-sum") == []


def _five_lines(
    total="6157.57", fiscal="6157.57", other="", basic="717.59", spent="5439.98"
) -> DepartmentBudget:
    return DepartmentBudget(
        unit="万元",
        total=fig(total, line=24),
        fiscal=fig(fiscal),
        other=fig(other),
        basic=fig(basic),
        project=fig(spent),
    )


@pytest.mark.parametrize(
    ("budget", "count"),
    [
        (_five_lines(), 0),
        (_five_lines(total="412.1825", fiscal="412.1825", basic="92.1825", spent="320"), 0),
        (_five_lines(basic="700.00"), 1),  # 基本 + 项目 ≠ 总额
        (_five_lines(fiscal="6000"), 1),  # 财政性 + 其他 ≠ 总额
    ],
)
def test_department_budget_adds_up_both_ways(budget, count):
    found = findings(doc(department(budget=budget)), "target.basic-plus-project")
    assert len(found) == count
    assert all(f.ref.line == 24 and f.severity == Severity.ERROR for f in found)


def _lines(*pairs: tuple[str, str]) -> list[FundingLine]:
    return [
        FundingLine(label=Text(text=label, line=582 + i), amount=fig(value, line=582 + i))
        for i, (label, value) in enumerate(pairs)
    ]


def test_budget_by_source_and_by_direction():
    good = DepartmentBudget(
        unit="万元",
        total=fig("7152.64"),
        basic=fig("2411.64"),
        project=fig("4741"),
        by_source=_lines(
            ("合计", "7152.64"),
            ("其中：一般公共预算资金", "5607.46"),
            ("政府性基金预算资金", "1545.18"),
            ("国有资本经营预算", ""),
        ),
        by_direction=_lines(("合计", "7152.64"), ("其中：基本支出", "2411.64"), ("项目支出", "4741")),
    )
    assert findings(doc(department(budget=good, template="expenditure")), "target.basic-plus-project") == []
    bad = good.model_copy(
        update={
            "by_source": _lines(
                ("合计", "7152.64"), ("一般公共预算资金", "5607.46"), ("政府性基金预算资金", "1500.18")
            )
        }
    )
    (found,) = findings(doc(department(budget=bad, template="expenditure")), "target.basic-plus-project")
    assert "按资金来源合计" in found.message
    unequal = good.model_copy(
        update={"by_direction": _lines(("合计", "7150.64"), ("基本支出", "2409.64"), ("项目支出", "4741"))}
    )
    found = findings(doc(department(budget=unequal, template="expenditure")), "target.basic-plus-project")
    assert any("按资金方向合计" in f.message for f in found)


def _plan(*values: str) -> SpendingPlan:
    march, june, october, december = (fig(v, line=62 + i) for i, v in enumerate(values))
    return SpendingPlan(march=march, june=june, october=october, december=december, line=61)


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (("25", "50", "75", "100"), []),
        (("", "50", "75", "100"), []),
        (("", "", "100", "100"), []),
        (("", "", "", ""), []),  # nothing planned: not checked
        (("50", "40", "75", "100"), [(Severity.ERROR, 63)]),  # decreases
        (("25", "50", "110", "110"), [(Severity.ERROR, 64), (Severity.ERROR, 65)]),  # above 100
        (("25", "50", "75", "90"), [(Severity.WARNING, 65)]),  # short of 100 at 12月底
        (("25", "50", "75", ""), [(Severity.WARNING, 65)]),
    ],
)
def test_spending_plan(values, expected):
    found = findings(doc(project(spending_plan=_plan(*values))), "target.spending-plan")
    assert [(f.severity, f.ref.line) for f in found] == expected
