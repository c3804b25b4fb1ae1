"""The money of the target forms: funding sources add up, the spending plan climbs to 100%, a
department's 预算情况 adds up both ways and its tasks' budgets add up to their 金额合计.

A project's 资金 (``ProjectTarget.funding``, one record per period) is in the form's money unit
(``万元`` implied in 承德, ``元`` printed in 临汾); a department's 预算情况 states its unit. Sums are
compared within the rounding tolerance of ``check/tolerance.py`` (``parts_tolerance``: ½ unit of
every printed figure, a printed zero adds none; a 万元 amount printed without decimals is exact to
the cent, see ``exact``); a difference within it is information. An empty
source cell is nothing (no money from that source); a total that is not printed is not checked.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from itertools import pairwise

from perfbudget.check.cite import money
from perfbudget.check.registry import rule
from perfbudget.check.rules.targets import Form, catalogue, cited, finding
from perfbudget.check.tolerance import parts_tolerance
from perfbudget.model.document import Document
from perfbudget.model.findings import CitedCell, Finding, Severity
from perfbudget.model.performance import DepartmentBudget, Figure, FundingLine, Period, ProjectTarget

ZERO = Decimal(0)
HUNDRED = Decimal(100)

# the fields of a Funding record, as the forms label them
FUNDING_FIELDS = (
    ("total", "资金总额"),
    ("fiscal", "财政资金"),
    ("central", "中央财政资金"),
    ("provincial", "省级财政资金"),
    ("local", "市县（区）财政资金"),
    ("self_raised", "单位自筹"),
    ("other", "其他资金"),
)
_LABELS = dict(FUNDING_FIELDS)


def funding_total_in_yuan(project: ProjectTarget, period: Period | None) -> tuple[Figure, Decimal] | None:
    """The project's 资金总额 for ``period`` (or its only total), and that amount in 元."""
    funding = project.funding_for(period) or (project.funding[0] if len(project.funding) == 1 else None)
    if funding is None or funding.total is None or funding.total.value is None:
        return None
    factor = catalogue().money_units.get(project.money_unit or "万元")
    if factor is None:
        return None
    return funding.total, funding.total.value * factor


def exact(value: Decimal, unit: str) -> Decimal:
    """A budget amount as precise as its unit allows: forms print ``15`` (万元) for 15.00 and drop the
    zeros of a round amount, so a 万元 figure printed with fewer than 2 decimals is read as exact to
    the cent (元 figures to the 元). What rounding remains is that of 元 → 万元 conversion."""
    places = 0 if unit == "元" else 2
    if -value.as_tuple().exponent < places:  # type: ignore[operator]
        return value.quantize(Decimal(1).scaleb(-places))
    return value


def _sum_finding(
    document: Document,
    rule_id: str,
    what: str,
    unit: str,
    total: Figure,
    parts: list[tuple[str, Figure | None]],
) -> Finding | None:
    """``total`` against the sum of ``parts`` (label, figure); None when they agree exactly or no part
    is printed."""
    values = [p.value for _, p in parts if p is not None and p.value is not None]
    if total.value is None or not values:
        return None
    got = sum(values, ZERO)
    difference = total.value - got
    if difference == 0:
        return None
    tolerance = parts_tolerance(exact(total.value, unit), [exact(v, unit) for v in values])
    within = abs(difference) <= tolerance
    shown = " + ".join(
        f"{label} {p.text if p is not None and p.text.strip() else '空'}" for label, p in parts
    )
    verdict = f"在尾数误差 {tolerance} 以内" if within else f"超出尾数误差 {tolerance}"
    cells: list[CitedCell] = [cited(document, total, "total", label=what, column=unit)]
    cells += [cited(document, p, "part", label=label, column=unit) for label, p in parts if p is not None]
    return finding(
        rule_id,
        Severity.INFO if within else Severity.ERROR,
        f"{what} {total.text} {unit}，而 {shown} = {money(got)} {unit}，相差 {money(difference)} {unit}（{verdict}）。",
        cells,
        expected=got,
        actual=total.value,
        difference=difference,
        tolerance=tolerance,
    )


@rule("target.funding-sum", Severity.ERROR, "arithmetic", "项目资金总额 = 各资金来源之和")
def funding_sum(document: Document) -> Iterator[Finding]:
    """A project's money adds up in every period: 预算数 = 财政资金 + 其他资金 (承德), 实施期/年度资金总额
    = 中央 + 省级 + 市县（区）财政资金 + 单位自筹 + 其他资金 (临汾). Where a form prints 财政资金 and
    its split by level, 财政资金 = 中央 + 省级 + 市县 too. Amounts are compared in the form's unit;
    an empty source is nothing."""
    for project in document.project_targets:
        form = Form("project", project)
        unit = project.money_unit or "万元"
        for funding in project.funding:
            if funding.total is None:
                continue
            when = f"（{funding.period.value}）" if funding.period is not None else ""
            levels = [(_LABELS[f], getattr(funding, f)) for f in ("central", "provincial", "local")]
            rest = [(_LABELS[f], getattr(funding, f)) for f in ("self_raised", "other")]
            fiscal = ("财政资金", funding.fiscal)
            sources = [fiscal, *rest] if funding.fiscal is not None else [*levels, *rest]
            found = _sum_finding(
                document, "target.funding-sum", f"{form.name}{when}资金总额", unit, funding.total, sources
            )
            if found is not None:
                yield found
            if funding.fiscal is not None and any(f is not None and f.value is not None for _, f in levels):
                found = _sum_finding(
                    document, "target.funding-sum", f"{form.name}{when}财政资金", unit, funding.fiscal, levels
                )
                if found is not None:
                    yield found


def _is_total_line(line: FundingLine) -> bool:
    return "合计" in "".join(line.label.text.split()) or "总额" in line.label.text


def _line_parts(lines: list[FundingLine]) -> list[tuple[str, Figure | None]]:
    return [(line.label.text.removeprefix("其中：").removeprefix("其中:"), line.amount) for line in lines]


@rule(
    "target.basic-plus-project",
    Severity.ERROR,
    "arithmetic",
    "部门预算总额 = 基本支出 + 项目支出 = 各资金来源之和",
)
def basic_plus_project(document: Document) -> Iterator[Finding]:
    """A department's 预算情况 adds up both ways: 部门预算总额 = 财政性资金 + 其他资金 = 基本支出 +
    项目支出 (郑州 申报表); where the form lists the budget by source and by direction (临汾 整体支出
    申报表), each list's 合计 is the sum of its lines and the two 合计 are equal."""
    for target in document.department_targets:
        budget = target.budget
        if budget is None:
            continue
        yield from _department_budget(document, Form("department", target), budget)


def _department_budget(document: Document, form: Form, budget: DepartmentBudget) -> Iterator[Finding]:
    unit = budget.unit or "万元"
    rule_id = "target.basic-plus-project"
    checks: list[Finding | None] = []
    if budget.total is not None:
        if budget.fiscal is not None or budget.other is not None:
            parts = [("财政性资金", budget.fiscal), ("其他资金", budget.other)]
            checks.append(
                _sum_finding(document, rule_id, f"{form.name}部门预算总额", unit, budget.total, parts)
            )
        if budget.basic is not None or budget.project is not None:
            parts = [("基本支出", budget.basic), ("项目支出", budget.project)]
            checks.append(
                _sum_finding(document, rule_id, f"{form.name}部门预算总额", unit, budget.total, parts)
            )
    totals: list[tuple[str, Figure]] = []
    for name, lines in (("按资金来源", budget.by_source), ("按资金方向", budget.by_direction)):
        if not lines:
            continue
        head = [line for line in lines if _is_total_line(line)]
        rest = [line for line in lines if not _is_total_line(line)]
        total = head[0].amount if head else budget.total
        if total is None or total.value is None:
            continue
        totals.append((name, total))
        checks.append(
            _sum_finding(document, rule_id, f"{form.name}{name}合计", unit, total, _line_parts(rest))
        )
    if len(totals) == 2:
        (left_name, left), (right_name, right) = totals
        checks.append(
            _sum_finding(
                document, rule_id, f"{form.name}{left_name}合计", unit, left, [(f"{right_name}合计", right)]
            )
        )
    yield from (f for f in checks if f is not None)


@rule("target.task-sum", Severity.ERROR, "arithmetic", "年度主要任务金额合计 = 各任务预算之和")
def task_sum(document: Document) -> Iterator[Finding]:
    """Where a department's form prints a budget for each 年度主要任务 (部门整体支出绩效目标表: 总额,
    财政拨款, 其他资金), the 金额合计 of each column is the sum of the tasks'. Compared in the form's
    unit; an empty task cell is nothing."""
    for target in document.department_targets:
        budget = target.budget
        if budget is None or not any(t.budget is not None for t in target.tasks):
            continue
        form = Form("department", target)
        unit = budget.unit or "万元"
        for field, label in (("total", "总额"), ("fiscal", "财政拨款"), ("other", "其他资金")):
            total = getattr(budget, field)
            if total is None:
                continue
            task_field = "budget" if field == "total" else field
            parts = [(t.name.text if t.name else "任务", getattr(t, task_field)) for t in target.tasks]
            found = _sum_finding(
                document, "target.task-sum", f"{form.name}年度主要任务金额合计（{label}）", unit, total, parts
            )
            if found is not None:
                yield found


@rule(
    "target.spending-plan", Severity.ERROR, "target", "资金支出计划：累计进度不递减、不超过100%、年底达到100%"
)
def spending_plan(document: Document) -> Iterator[Finding]:
    """A project's 资金支出计划 gives the cumulative share of the money spent by the end of March, June,
    October and December: it never decreases, never exceeds 100%, and reaches 100% at 12月底. An
    early quarter may be left empty (nothing planned yet); a plan left entirely empty is not
    checked. A plan that stops short of 100% at 12月底 is a warning (the rest of the money is not
    planned within the year); a decrease or a share above 100% is an error."""
    months = (("march", "3月底"), ("june", "6月底"), ("october", "10月底"), ("december", "12月底"))
    for project in document.project_targets:
        plan = project.spending_plan
        if plan is None:
            continue
        form = Form("project", project)
        points = [(label, getattr(plan, field)) for field, label in months]
        printed = [(label, f) for label, f in points if f is not None and f.value is not None]
        if not printed:
            continue

        def cell(label: str, figure: Figure | None) -> CitedCell:
            where = figure if figure is not None and figure.line is not None else None
            return cited(
                document,
                where,
                "plan",
                label=f"资金支出计划{label}",
                column="%",
                text=figure.text if figure is not None else "",
            )

        for (before_label, before), (label, figure) in pairwise(printed):
            if figure.value < before.value:
                yield finding(
                    "target.spending-plan",
                    Severity.ERROR,
                    f"{form.name}的资金支出计划{label}累计 {figure.text}% 低于{before_label}的 {before.text}%："
                    "累计支出进度不应递减。",
                    [cell(label, figure), cell(before_label, before)],
                    expected=before.value,
                    actual=figure.value,
                )
        for label, figure in printed:
            if figure.value > HUNDRED:
                yield finding(
                    "target.spending-plan",
                    Severity.ERROR,
                    f"{form.name}的资金支出计划{label}累计 {figure.text}%，超过100%。",
                    [cell(label, figure)],
                    expected=HUNDRED,
                    actual=figure.value,
                )
        december = plan.december
        if december is None or december.value is None:
            yield finding(
                "target.spending-plan",
                Severity.WARNING,
                f"{form.name}的资金支出计划未填12月底的累计进度：年底累计支出计划应达到100%。",
                [cell("12月底", december)]
                if december is not None
                else [cell(printed[-1][0], printed[-1][1])],
            )
        elif december.value < HUNDRED:
            yield finding(
                "target.spending-plan",
                Severity.WARNING,
                f"{form.name}的资金支出计划12月底累计 {december.text}%，未达到100%：年底应计划支出全部资金。",
                [cell("12月底", december)],
                expected=HUNDRED,
                actual=december.value,
            )
