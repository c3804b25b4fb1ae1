"""项目绩效目标表 with a 绩效指标描述 and a 指标值确定依据 column: 项目编码/项目名称, 预算规模及资金用途
(预算数, 财政资金, 其他资金, then the 资金用途 text), 资金支出计划 (cumulative % at the end of months
3, 6, 10, 12), 绩效目标 (目标1…n) and the indicator table.

The form states no money unit; when the cost indicators of the document's forms that print none are
all in 万元 (or all in 元), that unit is recorded with ``money_unit_stated`` false (see
:func:`perfbudget.recognize.forms._implied_money_unit`), else the unit stays unknown.
"""

from __future__ import annotations

import re

from perfbudget.model.performance import Funding, Goal, ProjectTarget, SpendingPlan
from perfbudget.read.blocks import RawRow
from perfbudget.recognize.forms.blocks import Block
from perfbudget.recognize.forms.common import (
    Context,
    View,
    figure,
    money_unit_of,
    text_of,
    tok_at,
    view,
    year_of,
)
from perfbudget.recognize.forms.draft import Draft, freeze
from perfbudget.recognize.forms.indicators import Collector, build, is_placeholder
from perfbudget.recognize.forms.labels import STANDARD, LabelTracker, pick_labels
from perfbudget.recognize.forms.nature import apply_value_columns

FORM = "项目绩效目标表"
_TITLE_NUMBER = re.compile(r"^\s*\d+\s*[.．、]\s*")
_TITLE_SUFFIX = re.compile(r"项目(?:支出)?绩效目标(?:申报)?表$")
_COLUMNS = (
    ("一级指标", "l1"),
    ("二级指标", "l2"),
    ("三级指标", "l3"),
    ("绩效指标描述", "description"),
    ("指标描述", "description"),
    ("指标值确定依据", "basis"),
    ("确定依据", "basis"),
    ("指标性质", "nature"),
    ("指标方向", "nature"),
    ("度量单位", "unit"),
    ("计量单位", "unit"),
    ("指标值", "target"),
)
_MONTHS = (("3月", "march"), ("6月", "june"), ("10月", "october"), ("12月", "december"))


def title_name(title: str) -> str | None:
    """``5. 环境监测经费项目绩效目标表`` → ``环境监测经费``."""
    name = _TITLE_SUFFIX.sub("", _TITLE_NUMBER.sub("", title)).strip()
    return name or None


def recognize(block: Block, context: Context, year: int | None) -> ProjectTarget:
    title = block.title
    project = ProjectTarget(template="description", title=text_of(title.filled[0]) if title else None)
    project.year, unit = block.printed_year_and_unit()
    project.year = project.year or year
    if unit:
        project.money_unit, project.money_unit_stated = unit, True
    rows = block.claim(project, context.used)
    reader = _Reader(project, context)
    for row in rows:
        reader.row(row)
    reader.finish()
    return project


class _Reader:
    def __init__(self, project: ProjectTarget, context: Context) -> None:
        self.project = project
        self.context = context
        self.phase = "head"
        self.plan_cols: dict[str, int] = {}
        self.columns: dict[str, int] = {}
        self.tracker = LabelTracker(STANDARD, context, FORM)
        self.collected = Collector()

    def row(self, row: RawRow) -> None:
        v = view(row)
        first = v.first
        project = self.project
        if self.phase == "head" and len(v.toks) == 1 and len(first) <= 20 and year_of(first):
            project.year = project.year or year_of(first)  # a year line printed as a one-cell row
            return
        if first.startswith("项目编码") or (first == "项目名称" and self.phase == "head"):
            code, name = v.after("项目编码"), v.after("项目名称")
            project.code = text_of(code) if code is not None and code.key != "项目名称" else project.code
            project.name = text_of(name) if name is not None else project.name
            return
        if first.startswith("预算规模") or (v.has("预算数") and self.phase in ("head", "budget")):
            self._budget(v)
            return
        if first.startswith("资金支出计划"):
            self.phase = "plan"
            self.plan_cols = {}
            for token in v.toks[1:]:
                for month, name in _MONTHS:
                    if token.key.startswith(month):
                        self.plan_cols[name] = token.col
            return
        if first == "绩效目标" or (
            self.phase == "goals" and v.has("目标") and v.toks[v.find("目标")].key.startswith("目标")
        ):
            self._goal(v)
            return
        if v.has("一级指标") and v.has("二级指标"):
            self.phase = "indicators"
            self.columns = {}
            for token in v.toks:
                for word, name in _COLUMNS:
                    if token.key.startswith(word) and name not in self.columns:
                        self.columns[name] = token.col
                        break
            return
        if self.phase == "budget" and len(v.toks) == 1:
            project.purpose = text_of(v.toks[0])
            self.phase = "head"
            return
        if self.phase == "plan":
            self._plan(row)
            return
        if self.phase == "indicators":
            self._indicator(row)
            return
        self.context.unplaced(row, FORM)

    def _budget(self, v: View) -> None:
        self.phase = "budget"
        unit = money_unit_of(v.row.text)
        if unit:
            self.project.money_unit, self.project.money_unit_stated = unit, True
        funding = Funding()
        for word, field in (("预算数", "total"), ("财政资金", "fiscal"), ("其他资金", "other")):
            index = v.find(word, *(f"其中：{word}",))
            if index is None:
                continue
            label = v.toks[index]
            following = v.toks[index + 1] if index + 1 < len(v.toks) else None
            # the value cell follows the label; an empty value cell is an empty figure on the label's line
            value_cell = v.row.cells[label.col + 1] if label.col + 1 < len(v.row.cells) else None
            if following is not None and following.col == label.col + 1:
                setattr(funding, field, figure(following))
            elif value_cell is not None:
                setattr(funding, field, figure(value_cell))
            else:
                setattr(funding, field, figure(label, text="", line=label.cell.line))
        self.project.funding.append(funding)

    def _plan(self, row: RawRow) -> None:
        plan = SpendingPlan(line=row.line)
        for name, col in self.plan_cols.items():
            cell = row.cells[col] if col < len(row.cells) else None
            setattr(plan, name, figure(cell) if cell is not None else None)
        self.project.spending_plan = plan
        self.phase = "head"

    def _goal(self, v: View) -> None:
        self.phase = "goals"
        index = v.find("目标")
        tokens = v.toks[index:] if index is not None else []
        if tokens and tokens[0].key == "绩效目标":
            tokens = tokens[1:]
        ordinal = (
            tokens[0] if tokens and tokens[0].key.startswith("目标") and len(tokens[0].key) <= 5 else None
        )
        body = (
            tokens[1]
            if ordinal is not None and len(tokens) > 1
            else (tokens[0] if tokens and ordinal is None else None)
        )
        self.project.goals.append(Goal(ordinal=ordinal.key if ordinal else None, text=text_of(body)))

    def _indicator(self, row: RawRow) -> None:
        cols = self.columns
        cells = {name: tok_at(row, col) for name, col in cols.items()}
        if not any(cells.values()):
            return  # the empty row under the two-row header (merged-cell residue)
        notes: list[str] = []
        labels = [t for t in (cells.get("l1"), cells.get("l2")) if t is not None]
        unknown = [t for t in labels if not STANDARD.is_label(t.key)]
        if unknown:
            notes.append("未知的指标标签：" + "、".join(t.text for t in unknown))
        l1, l2 = pick_labels([t for t in labels if STANDARD.is_label(t.key)], STANDARD, notes)
        name = cells.get("l3")
        indicator: Draft = build(row.line, row.page, name, cells.get("target"))
        apply_value_columns(indicator, cells.get("nature"), cells.get("target"), cells.get("unit"))
        description = cells.get("description")
        if description is not None and not is_placeholder(description.text):
            indicator.description = text_of(description)
        basis = cells.get("basis")
        if basis is not None and not is_placeholder(basis.text):
            indicator.basis = text_of(basis)
        indicator.repairs.extend(notes)
        self.tracker.place(indicator, l1, l2, name.key if name else None)
        label_only = name is None and cells.get("target") is None
        self.collected.add(indicator, prints_label=l1 is not None or l2 is not None, label_only=label_only)

    def finish(self) -> None:
        self.tracker.finish()
        project = self.project
        project.indicators = freeze(self.collected.items)
        if project.name is None and project.title is not None:
            name = title_name(project.title.text)
            if name:
                project.name = project.title.model_copy(update={"text": name})
