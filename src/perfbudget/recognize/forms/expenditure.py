"""整体支出绩效(目标)申报表 of a department: 部门基本信息 (name with its code, counts of divisions,
units and staff as label/value pairs), 部门职责, 部门战略目标, 年度预算情况 (two parallel lists, by
source and by direction, money in the header's unit), 年度工作任务, 年度绩效目标 and the indicator
table (一级/二级/三级指标, 指标值 with the unit inside the value, or beside it in a 度量单位 column and
with a 指标性质 / 指标方向 column where a department prints them). Indicator rows are read by content
(cells shift sideways).

The national 部门整体支出绩效目标表 of the same family prints 部门（单位）名称, a 年度主要任务 table
(任务名称 | 主要内容 | 预算金额 split into 总额 | 财政拨款 | 其他资金, closed by 金额合计, which is the
department's budget), 年度总体目标 and the indicators; its tasks are read by the header's columns."""

from __future__ import annotations

import re

from perfbudget.model.performance import DepartmentBudget, DepartmentTarget, FundingLine, Staffing, Task
from perfbudget.read.blocks import RawRow
from perfbudget.recognize.forms.blocks import Block
from perfbudget.recognize.forms.common import (
    Context,
    View,
    cell_at,
    figure,
    is_footer,
    money_unit_of,
    text_of,
    view,
    year_of,
)
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
_UNIT_NAME = ("部门名称", "部门（单位）名称", "单位名称", "单位（部门）名称")
# the 年度主要任务 table of the 部门整体支出绩效目标表: 任务名称 | 主要内容 | 预算金额 (总额 | 财政拨款 | 其他资金)
_TASK_COLUMNS = (
    ("任务名称", "name"),
    ("主要内容", "content"),
    ("预算金额", "budget"),
    ("预算数", "budget"),
    ("总额", "budget"),
    ("其中：财政拨款", "fiscal"),
    ("财政拨款", "fiscal"),
    ("其他资金", "other"),
)
_TASK_HEADS = ("总额", "财政拨款", "其中：财政拨款", "其他资金", "预算金额")
_TEXTS = (
    ("部门职责", "duties"),
    ("部门战略目标", "strategic_goal"),
    ("战略目标", "strategic_goal"),
    ("年度工作任务", "annual_tasks"),
    ("年度绩效目标", "annual_goal"),
    ("年度总体目标", "annual_goal"),
    ("年度履职目标", "annual_goal"),
)


def recognize(block: Block, context: Context, year: int | None) -> DepartmentTarget:
    title = block.title
    target = DepartmentTarget(template="expenditure", title=text_of(title.filled[0]) if title else None)
    target.year, unit = block.printed_year_and_unit()
    target.year = target.year or year
    if unit:
        target.budget = DepartmentBudget(unit=unit, unit_stated=True)
    rows = block.claim(target, context.used)
    tracker = LabelTracker(STANDARD, context, FORM)
    collected = Collector()
    phase = "head"
    budget_cols: tuple[int, int, int, int] | None = None
    task_cols: dict[str, int] = {}
    nature_column = unit_column = False
    for row in rows:
        v = view(row)
        if phase == "footer" or is_footer(v.first):
            if phase == "footer" and not is_footer(v.first):
                context.unplaced(row, FORM)  # anything after the signature lines
            phase = "footer"
            continue
        if phase != "indicators" and v.has("一级指标") and v.has("二级指标"):
            phase = "indicators"
            nature_column = v.has("指标性质", "指标方向")  # columns of some departments' forms
            unit_column = v.has("度量单位", "计量单位")
            continue
        if phase == "indicators":
            token_row(v, STANDARD, tracker, collected, unit_column=unit_column, nature_column=nature_column)
            continue
        if phase == "head" and len(v.toks) == 1 and _head_line(target, v.toks[0].text):
            continue
        if v.has(*_UNIT_NAME):
            _name(target, v)
            if len(v.toks) <= 3:
                continue
        if v.has("任务名称") or (v.first == "年度主要任务" and phase != "tasks"):
            phase = "tasks"
            task_cols = _task_header(target, v, task_cols)
            continue
        if phase == "tasks" and _is_task_subheader(v):
            task_cols = _task_header(target, v, task_cols)
            continue
        if phase == "tasks" and not v.has(*(word for word, _ in _TEXTS)):
            _task(target, row, v, task_cols, context)
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
        if v.find(*_UNIT_NAME) is None:
            context.unplaced(row, FORM)
    tracker.finish()
    target.indicators = freeze(collected.items)
    return target


def _name(target: DepartmentTarget, v: View) -> None:
    value = v.after(*_UNIT_NAME)
    if value is None:
        return
    match = _CODE_NAME.match(value.text)
    if match:
        target.unit_code = match.group(1)
        target.unit_name = text_of(value, match.group(2).strip())
    else:
        target.unit_name = text_of(value)


def _head_line(target: DepartmentTarget, text: str) -> bool:
    """A year (``（2030年度）``) or unit line printed as a one-cell row of the table."""
    if len(text) <= 20 and year_of(text):
        target.year = year_of(text)
        return True
    unit = money_unit_of(text)
    if unit and len(text) <= 12:
        target.budget = target.budget or DepartmentBudget()
        target.budget.unit, target.budget.unit_stated = unit, True
        return True
    return False


def _is_task_subheader(v: View) -> bool:
    """``总额 | 财政拨款 | 其他资金`` under ``预算金额（万元）``: header words only."""
    return bool(v.toks) and all(t.key.startswith(_TASK_HEADS) for t in v.toks)


def _task_header(target: DepartmentTarget, v: View, cols: dict[str, int]) -> dict[str, int]:
    """The columns of the 年度主要任务 table (its second header row adds to the first)."""
    cols = dict(cols)
    for token in v.toks:
        for word, name in _TASK_COLUMNS:
            if token.key.startswith(word):
                cols[name] = token.col  # (a sub-header's 总额 replaces the span's 预算金额)
                break
    unit = money_unit_of(v.row.text)
    if unit:
        budget = target.budget = target.budget or DepartmentBudget()
        budget.unit, budget.unit_stated = unit, True
    return cols


def _task(target: DepartmentTarget, row: RawRow, v: View, cols: dict[str, int], context: Context) -> None:
    """A task row (name, content, 总额/财政拨款/其他资金) or the 金额合计 row (the department's budget)."""
    total = v.find("金额合计", "合计")
    if total is not None:
        budget = target.budget = target.budget or DepartmentBudget()
        for name, field in (("budget", "total"), ("fiscal", "fiscal"), ("other", "other")):
            cell = cell_at(row, cols.get(name))
            if cell is not None:
                setattr(budget, field, figure(cell))
        return
    name = cell_at(row, cols.get("name"))
    if name is None or "name" not in cols:
        context.unplaced(row, FORM)
        return
    target.tasks.append(
        Task(
            name=text_of(name),
            content=text_of(cell_at(row, cols.get("content"))),
            budget=_figure(row, cols.get("budget")),
            fiscal=_figure(row, cols.get("fiscal")),
            other=_figure(row, cols.get("other")),
            line=row.line,
            page=row.page,
        )
    )


def _figure(row: RawRow, col: int | None):
    cell = cell_at(row, col)
    return figure(cell) if cell is not None else None


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
