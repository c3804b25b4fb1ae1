"""整体绩效目标申报表 of a department or unit: 部门（单位）名称, 年度履职目标, 年度主要任务 (任务名称,
主要内容), 预算情况 (five fixed lines, money in the unit printed in the first line's label) and the
indicator table 一级/二级/三级指标, 指标值, 度量单位, whose 投入管理 part is a fixed template.

Rows are read by content: cells shift sideways (a task name without its leading empty cell, an
extra empty column, a value printed in the 度量单位 column), the page-break header and label
repeats (``投入管理 指标``) are labels, not data, and ``...`` rows are placeholders.
"""

from __future__ import annotations

from perfbudget.model.performance import DepartmentBudget, DepartmentTarget, Task
from perfbudget.read.blocks import RawRow
from perfbudget.recognize.forms.blocks import Block
from perfbudget.recognize.forms.common import Context, Tok, figure, money_unit_of, text_of, view
from perfbudget.recognize.forms.draft import freeze
from perfbudget.recognize.forms.indicators import Collector, is_placeholder, token_row
from perfbudget.recognize.forms.labels import DECLARATION, LabelTracker

FORM = "整体绩效目标申报表"
_UNIT_NAME = ("部门（单位）名称", "单位名称", "部门名称", "单位（部门）名称")
_BUDGET = (
    ("总额", "total"),
    ("财政性资金", "fiscal"),
    ("财政资金", "fiscal"),
    ("其他资金", "other"),
    ("基本支出", "basic"),
    ("项目支出", "project"),
)


def _budget_label(tokens: list[Tok]) -> tuple[int, str] | None:
    for index, token in enumerate(tokens):
        for word, field in _BUDGET:
            if word in token.key:
                return index, field
    return None


def recognize(block: Block, context: Context, year: int | None) -> DepartmentTarget:
    target = DepartmentTarget(
        template="declaration", title=text_of(block.title.cells[0]) if block.title else None
    )
    target.year = block.printed_year_and_unit()[0] or year
    tracker = LabelTracker(DECLARATION, context, FORM)
    collected = Collector()
    phase = "head"
    name_col = content_col = unit_col = None
    nature_column = False
    rows = [r for r in block.rows if r.filled]
    target.line = (block.title.line if block.title else rows[0].line) if rows or block.title else None
    target.end_line = rows[-1].line if rows else target.line
    for row in block.rows:
        context.used.add(id(row))
    for row in rows:
        v = view(row)
        first = v.first
        if first in _UNIT_NAME:
            target.unit_name = text_of(v.toks[1]) if len(v.toks) > 1 else None
            continue
        if first == "年度履职目标":
            target.annual_goal = text_of(v.toks[1]) if len(v.toks) > 1 else None
            continue
        if first == "年度主要任务" or (phase == "head" and v.has("任务名称")):
            phase = "tasks"
            found = v.find("任务名称")
            name_col = v.toks[found].col if found is not None else 1
            found = v.find("主要内容")
            content_col = v.toks[found].col if found is not None else name_col + 1
            continue
        if v.has("一级指标") and v.has("三级指标"):
            phase = "indicators"
            found = v.find("度量单位")
            unit_col = v.toks[found].col if found is not None else unit_col
            nature_column = v.has("指标性质", "指标方向")
            continue
        if (
            phase in ("head", "tasks", "budget")
            and (first == "预算情况" or phase == "budget")
            and _budget(target, v, row)
        ):
            phase = "budget"
            continue
        if phase == "tasks":
            _task(target, v, row, name_col or 1, content_col or 2, context)
            continue
        if phase == "indicators":
            token_row(
                v,
                DECLARATION,
                tracker,
                collected,
                unit_col=unit_col,
                unit_column=True,
                nature_column=nature_column,
            )
            continue
        context.unplaced(row, FORM)
    tracker.finish()
    target.indicators = freeze(collected.items)
    return target


def _budget(target: DepartmentTarget, v, row: RawRow) -> bool:
    tokens = [t for t in v.toks if t.key != "预算情况"]
    found = _budget_label(tokens)
    if found is None:
        return False
    index, field = found
    label = tokens[index]
    if target.budget is None:
        target.budget = DepartmentBudget()
    budget = target.budget
    unit = money_unit_of(label.text)
    if unit and budget.unit is None:
        budget.unit, budget.unit_stated = unit, True
    value = tokens[index + 1] if index + 1 < len(tokens) else None
    if value is not None:
        setattr(budget, field, figure(value))
    else:
        setattr(budget, field, figure(label, text="", line=row.line))
    return True


def _task(
    target: DepartmentTarget, v, row: RawRow, name_col: int, content_col: int, context: Context
) -> None:
    tokens = [t for t in v.toks if not is_placeholder(t.text)]
    if not tokens:
        return  # a placeholder row (``...``)
    if len(tokens) == 1 and tokens[0].col >= content_col and target.tasks:
        task = target.tasks[-1]  # a content cell split by a page break
        if task.content is not None:
            task.content = task.content.model_copy(update={"text": task.content.text + tokens[0].text})
        else:
            task.content = text_of(tokens[0])
        return
    if len(tokens) > 2:
        context.unplaced(row, FORM)
        return
    target.tasks.append(
        Task(
            name=text_of(tokens[0]),
            content=text_of(tokens[1]) if len(tokens) > 1 else None,
            line=row.line,
            page=row.page,
        )
    )
