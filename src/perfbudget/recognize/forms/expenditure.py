"""整体支出绩效(目标)申报表 of a department: 部门基本信息 (name with its code, counts of divisions,
units and staff as label/value pairs), 部门职责, 部门战略目标, 年度预算情况 (two parallel lists, by
source and by direction, money in the header's unit), 年度工作任务, 年度绩效目标 and the indicator
table (一级/二级/三级指标, 指标值 with the unit inside the value). Indicator rows are read by content
(cells shift sideways)."""

from __future__ import annotations

import re

from perfbudget.model.performance import DepartmentBudget, DepartmentTarget, FundingLine, Staffing
from perfbudget.read.blocks import RawRow
from perfbudget.recognize.forms.blocks import Block
from perfbudget.recognize.forms.common import Context, View, figure, money_unit_of, text_of, view, year_of
from perfbudget.recognize.forms.draft import freeze
from perfbudget.recognize.forms.indicators import Collector, token_row
from perfbudget.recognize.forms.labels import STANDARD, LabelTracker

FORM = "整体支出绩效申报表"
_CODE_NAME = re.compile(r"^\s*(\d{2,})\s*[-－—–]\s*(.+)$")
_STAFF = (
    ("内设职能部门数", "internal_divisions"),
    ("内设机构数", "internal_divisions"),
    ("所属预算单位", "budget_units"),
    ("核定的人员编制数", "authorized"),
    ("人员编制数", "authorized"),
    ("编制数", "authorized"),
    ("实际在职人员总数", "actual"),
    ("实有人数", "actual"),
    ("其中：在编人员数", "on_payroll"),
    ("在编人员数", "on_payroll"),
    ("其他人员数", "other"),
)
_TEXTS = (
    ("部门职责", "duties"),
    ("部门战略目标", "strategic_goal"),
    ("战略目标", "strategic_goal"),
    ("年度工作任务", "annual_tasks"),
    ("年度绩效目标", "annual_goal"),
    ("年度履职目标", "annual_goal"),
)


def recognize(block: Block, context: Context, year: int | None) -> DepartmentTarget:
    title = block.title
    target = DepartmentTarget(template="expenditure", title=text_of(title.filled[0]) if title else None)
    target.year = year_of(title.text) if title else None
    for row in block.meta:
        target.year = target.year or year_of(row.text)
    target.year = target.year or year
    rows = block.claim(target, context.used)
    tracker = LabelTracker(STANDARD, context, FORM)
    collected = Collector()
    phase = "head"
    budget_cols: tuple[int, int, int, int] | None = None
    for row in rows:
        v = view(row)
        if phase != "indicators" and v.has("一级指标") and v.has("二级指标"):
            phase = "indicators"
            continue
        if phase == "indicators":
            token_row(v, STANDARD, tracker, collected)
            continue
        if v.has("部门名称"):
            _name(target, v)
            if len(v.toks) <= 3:
                continue
        if v.has("按资金来源", "按资金方向"):
            phase = "budget"
            budget_cols = _budget_header(target, v)
            continue
        if _staff(target, v):
            phase = "head"
            continue
        if _text(target, v):
            phase = "head"
            continue
        if phase == "budget" and budget_cols is not None:
            _budget_row(target, row, budget_cols)
            continue
        if v.find("部门名称") is None:
            context.unplaced(row, FORM)
    tracker.finish()
    target.indicators = freeze(collected.items)
    return target


def _name(target: DepartmentTarget, v: View) -> None:
    value = v.after("部门名称")
    if value is None:
        return
    match = _CODE_NAME.match(value.text)
    if match:
        target.unit_code = match.group(1)
        target.unit_name = text_of(value, match.group(2).strip())
    else:
        target.unit_name = text_of(value)


def _staff(target: DepartmentTarget, v: View) -> bool:
    found = False
    for index, token in enumerate(v.toks):
        for word, field in _STAFF:
            if token.key.startswith(word):
                if target.staffing is None:
                    target.staffing = Staffing()
                following = v.toks[index + 1] if index + 1 < len(v.toks) else None
                value = following if following is not None and figure(following).value is not None else None
                setattr(
                    target.staffing,
                    field,
                    figure(value) if value is not None else figure(token, text="", line=token.cell.line),
                )
                found = True
                break
    return found


def _text(target: DepartmentTarget, v: View) -> bool:
    for index, token in enumerate(v.toks):
        for word, field in _TEXTS:
            if token.key.startswith(word) and index + 1 < len(v.toks):
                setattr(target, field, text_of(v.toks[index + 1]))
                return True
    return False


def _budget_header(target: DepartmentTarget, v: View) -> tuple[int, int, int, int]:
    budget = target.budget = target.budget or DepartmentBudget()
    unit = money_unit_of(v.row.text)
    if unit:
        budget.unit, budget.unit_stated = unit, True
    source = v.find("按资金来源")
    direction = v.find("按资金方向")
    source_col = v.toks[source].col if source is not None else 1
    direction_col = v.toks[direction].col if direction is not None else source_col + 2
    return source_col, source_col + 1, direction_col, direction_col + 1


def _budget_row(target: DepartmentTarget, row: RawRow, cols: tuple[int, int, int, int]) -> None:
    budget = target.budget
    cells = row.cells
    for label_col, amount_col, lines in (
        (cols[0], cols[1], budget.by_source),
        (cols[2], cols[3], budget.by_direction),
    ):
        label = cells[label_col] if label_col < len(cells) else None
        if label is None or not label.text:
            continue
        amount = cells[amount_col] if amount_col < len(cells) else None
        lines.append(FundingLine(label=text_of(label), amount=figure(amount) if amount is not None else None))
        if amount is None:
            continue
        for word, field in (("合计", "total"), ("基本支出", "basic"), ("项目支出", "project")):
            if word in label.text and getattr(budget, field) is None:
                setattr(budget, field, figure(amount))
