"""绩效自评表 (整体 or 项目): unit, tasks with budget and execution, 金额合计, 预算执行率 with its
分值 and 得分, goals with what was achieved, the indicator table (预期/实际, 分值, 得分) and 自评得分.

The form's columns are taken from its header rows; 分值 and 得分 may be printed once for a merged
level-1 or level-2 group (:func:`~.labels.assign_levels` decides the level per form). Vertical
labels printed one character per line are read as one cell by the reader.

The national templates of the family (项目支出绩效自评表, 部门整体支出绩效自评表) print instead: 项目名称,
主管部门 and 实施单位 (a project form), a money block (``项目资金（万元） | 年初预算数 | 全年预算数 |
全年执行数 | 分值 | 执行率 | 得分`` over 年度资金总额 and the rows of its split, read by the header's
columns), 年度总体目标 as 预期目标 | 实际完成情况, the indicators with 年度指标值 | 实际完成值 | 分值 |
得分 | 偏差原因分析及改进措施, and 总分 with its 分值 and 得分. Signature lines end the form.

Variants of other departments: a money block split two ways side by side (``按收入性质分 | 年初预算数 |
… | 按支出性质分 | 年初预算数 | …`` over rows ``财政拨款 | … | 基本支出 | …``) gives one line per label
with its group, read by each half's own column words; a row with two label/figure groups whose
columns are not printed is reported (``read.form-funds-layout``), its figures not stored. A
年度主要任务 table may print 任务名称 | 主要内容 | 预算数 | 执行数 without a 完成情况 column. An
indicator table may print 指标性质 / 指标方向 and 度量单位 columns (:mod:`.nature`).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from perfbudget.model.findings import Severity
from perfbudget.model.performance import EvaluationTask, FundsLine, Goal, SelfEvaluation, Text
from perfbudget.read.blocks import RawCell, RawRow
from perfbudget.recognize.forms.blocks import Block
from perfbudget.recognize.forms.common import (
    Context,
    Tok,
    View,
    cell_at,
    figure,
    is_footer,
    key,
    money_unit_of,
    text_of,
    tok_at,
    view,
    year_of,
)
from perfbudget.recognize.forms.draft import Draft, freeze
from perfbudget.recognize.forms.indicators import Collector, build, is_placeholder
from perfbudget.recognize.forms.labels import STANDARD, LabelTracker, assign_levels, pick_labels
from perfbudget.recognize.forms.nature import apply_value_columns
from perfbudget.recognize.forms.targets import parse_target

FORM = "绩效自评表"
_UNIT_NAME = ("部门（单位）名称", "单位名称", "部门名称", "单位（部门）名称", "项目名称")
_ORDINAL = re.compile(r"((?:目标|任务)\s*\d+)\s*[:：]+")
_GRADE = re.compile(r"^(?:自评)?(?:等级|评价等级|自评等级|评价结果|自评结果)")
_CODE_NAME = re.compile(r"^\s*(\d{2,})\s*[-－—–]\s*(.+)$")
# the money block of the national templates: its header words and the label of the block itself
_FUNDS_HEADS = ("年初预算数", "全年预算数", "全年执行数")
_FUNDS_COLUMNS = (
    ("年初预算数", "initial"),
    ("全年预算数", "budget"),
    ("预算数", "budget"),
    ("全年执行数", "actual"),
    ("执行数", "actual"),
    ("分值", "weight"),
    ("执行率", "rate"),
    ("预算执行率", "rate"),
    ("得分", "score"),
)
_FUNDS_BLOCK = ("项目资金", "部门资金", "单位资金", "资金情况")
# the heads of a money block split two ways side by side (按收入性质分 | 按支出性质分)
_GROUP = re.compile(r"^(?:其中[:：]?)?按\S{1,8}分[:：]?$")
# the columns of a task table beside 任务名称 (a header prints at least one of them)
_TASK_COLUMNS = (
    (("主要内容", "任务内容", "工作内容"), "content"),
    (("完成情况", "实际完成情况", "任务完成情况"), "completion"),
    (("预算数", "全年预算数", "预算金额", "预算资金"), "budget"),
    (("执行数", "全年执行数", "实际支出"), "actual"),
)
_TASK_DETAILS = tuple(word for words, _ in _TASK_COLUMNS for word in words)
_GOAL_LABELS = frozenset({"年度总体目标", "总体目标", "年度目标", "绩效目标", "年度绩效目标"})
# the rows that end the money block (its rows are labels with figures only)
_AFTER_FUNDS = (
    "预期目标",
    "实际完成情况",
    "目标实际完成情况",
    "一级指标",
    "年度主要任务",
    "任务名称",
    *_GOAL_LABELS,
)
_INDICATOR_COLUMNS = (
    ("一级指标", "l1"),
    ("二级指标", "l2"),
    ("三级指标", "l3"),
    ("指标内容", "l3"),
    ("指标名称", "l3"),
    ("指标性质", "nature"),
    ("指标方向", "nature"),
    ("度量单位", "unit"),
    ("计量单位", "unit"),
    ("预期指标值", "target"),
    ("年度指标值", "target"),
    ("全年指标值", "target"),
    ("年度目标值", "target"),
    ("指标值", "target"),
    ("实际完成指标值", "actual"),
    ("实际完成值", "actual"),
    ("全年实际值", "actual"),
    ("分值", "weight"),
    ("得分", "score"),
    ("偏差原因", "deviation"),
)


def split_goals(cell: RawCell | None, context: Context) -> list[tuple[str | None, Text]]:
    """``目标1：…⏎目标2：…`` → [(``目标1``, text), …]; one unnumbered goal when there is no ordinal."""
    if cell is None:
        return []
    text = cell.text
    matches = list(_ORDINAL.finditer(text))
    if not matches:
        return [(None, Text(text=text, line=cell.line, page=cell.page))]
    goals: list[tuple[str | None, Text]] = []
    lead = text[: matches[0].start()].strip()
    if lead:
        goals.append((None, Text(text=lead, line=cell.line, page=cell.page)))
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        line = cell.line
        if context.text_lines and line is not None:
            line += text.count("\n", 0, match.start())
        body = text[match.end() : end].strip()
        goals.append((_space(match.group(1)), Text(text=body, line=line, page=cell.page)))
    return goals


def _space(ordinal: str) -> str:
    return "".join(ordinal.split())


def recognize(block: Block, context: Context, year: int | None) -> SelfEvaluation:
    title = block.title
    evaluation = SelfEvaluation(title=text_of(title.filled[0]) if title else None)
    if title is not None and "项目" in key(title.text):
        evaluation.scope = "项目"
    evaluation.year, evaluation.money_unit = block.printed_year_and_unit()
    rows = block.claim(evaluation, context.used)
    reader = _Reader(evaluation, context)
    for row in rows:
        reader.row(row)
    reader.finish()
    evaluation.year = evaluation.year or year
    return evaluation


def _second_label(v: View, label: Tok) -> Tok | None:
    """A text after the row's label that is followed by figures of its own (``基本支出 | 300``);
    a note or ``不适用`` in the last columns is not one."""
    later = [t for t in v.toks if t.col > label.col]
    for index, token in enumerate(later):
        if figure(token).value is not None or is_placeholder(token.text) or "%" in token.text:
            continue
        if any(figure(t).value is not None for t in later[index + 1 :]):
            return token
    return None


class _Group(NamedTuple):
    """One half of a money block split side by side: its head, the columns it spans, its figures'."""

    head: Text
    start: int
    end: int
    cols: dict[str, int]


class _Reader:
    def __init__(self, evaluation: SelfEvaluation, context: Context) -> None:
        self.evaluation = evaluation
        self.context = context
        self.phase = "head"
        self.task_cols: dict[str, int] = {}
        self.goal_cols: dict[str, int] = {}
        self.funds_cols: dict[str, int] = {}
        self.groups: list[_Group] = []  # the halves of a money block split side by side
        self.groups_reported = False
        self.columns: dict[str, int] = {}
        self.tracker = LabelTracker(STANDARD, context, FORM)
        self.collected = Collector()

    def row(self, row: RawRow) -> None:
        v = view(row)
        first = v.first
        evaluation = self.evaluation
        if self.phase == "footer" or is_footer(first):
            self._footer(row, first)
            return
        if (
            self.phase == "indicators"
            and not first.startswith(("自评得分", "总分", "合计得分", "一级指标"))
            and not _GRADE.match(first)
            and not v.has("一级指标")
        ):
            self._indicator(row)  # the common case, without the header tests below
            return
        if self.phase in ("head", "funds") and self._identity(v):
            return
        if self.phase == "funds" and any(_GROUP.match(t.key) for t in v.toks):
            self._funds_groups(v)  # before the header test: each half may repeat the column words
            return
        if (v.has(*_FUNDS_HEADS) or (first.startswith(_FUNDS_BLOCK) and v.has("预算数"))) and not v.has(
            "任务名称"
        ):
            self._funds_header(v)
            return
        if self.phase == "funds" and not v.has(*_AFTER_FUNDS):
            self._funds(v)
            return
        if len(v.toks) == 1 and self.phase == "head":
            text = v.toks[0].text
            if year_of(text) and len(text) <= 20:
                evaluation.year = evaluation.year or year_of(text)
                return
            if money_unit_of(text):
                evaluation.money_unit = evaluation.money_unit or money_unit_of(text)
                return
        if first in _UNIT_NAME and self.phase == "head":
            evaluation.unit_name = text_of(v.toks[1]) if len(v.toks) > 1 else None
            return
        if v.has("任务名称") and v.has(*_TASK_DETAILS):
            self._task_header(v)
            return
        if self.phase == "tasks" and v.has("其中") and not self._has_amount(v):
            owns = [t.col for t in v.toks if t.key.startswith("其中")]
            if owns:
                self.task_cols["budget_own"] = owns[0]
            if len(owns) > 1:
                self.task_cols["actual_own"] = owns[1]
            return
        if v.has("金额合计", "合计") and self.phase in ("tasks", "head"):
            self._totals(v)
            return
        if v.has("预算执行率"):
            self._execution(v)
            return
        if v.has("绩效目标", "预期目标") and v.has("目标实际完成情况", "实际完成情况"):
            self.phase = "goals"
            self.goal_cols = {
                "goal": v.toks[v.find("预期目标", "绩效目标")].col,
                "actual": v.toks[v.find("目标实际完成情况", "实际完成情况")].col,
            }
            return
        if v.has("一级指标") and v.has("二级指标"):
            self._indicator_header(v)
            return
        if first.startswith("自评得分") or first.startswith("总分") or first == "合计得分":
            self._total(v)
            return
        if _GRADE.match(first):
            evaluation.grade = text_of(v.toks[1]) if len(v.toks) > 1 else None
            return
        if self.phase == "tasks":
            self._task(row)
            return
        if self.phase == "goals":
            self._goals(row)
            return
        if self.phase == "indicators":
            self._indicator(row)
            return
        self.context.unplaced(row, FORM)

    def _footer(self, row: RawRow, first: str) -> None:
        """Signature lines end the form; anything else after them cannot be placed."""
        if self.phase == "footer" and not is_footer(first):
            self.context.unplaced(row, FORM)
        self.phase = "footer"

    def _identity(self, v: View) -> bool:
        """项目名称 (a project form: the 实施单位 is the unit), 主管部门 and 实施单位."""
        evaluation = self.evaluation
        if v.first == "项目名称":
            evaluation.scope = "项目"
            evaluation.project_name = text_of(v.toks[1]) if len(v.toks) > 1 else None
            return True
        if v.first.startswith("实施单位") and len(v.toks) > 1:  # printed on a row of its own
            evaluation.implementing_unit = evaluation.unit_name = text_of(v.toks[1])
            return True
        if not v.first.startswith("主管部门"):
            return False
        department = v.toks[1] if len(v.toks) > 1 and not v.toks[1].key.startswith("实施单位") else None
        if department is not None:
            match = _CODE_NAME.match(department.text)
            if match:
                evaluation.department_code = match.group(1)
                evaluation.department = text_of(department, match.group(2).strip())
            else:
                evaluation.department = text_of(department)
        unit = v.after("实施单位")
        if unit is not None:
            evaluation.implementing_unit = evaluation.unit_name = text_of(unit)
        return True

    def _funds_header(self, v: View) -> None:
        """``项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分``."""
        self.phase = "funds"
        columns: dict[str, int] = {}
        for token in v.toks:
            for word, name in _FUNDS_COLUMNS:
                if token.key.startswith(word) and name not in columns:
                    columns[name] = token.col
                    break
        self.funds_cols = columns
        unit = money_unit_of(v.row.text)
        if unit:
            self.evaluation.money_unit = self.evaluation.money_unit or unit

    def _funds_groups(self, v: View) -> None:
        """``按收入性质分 | 年初预算数 | … | 按支出性质分 | 年初预算数 | …``: the halves of the block, each
        from its head to the next, with the figure columns printed under it. A half without column
        words takes the main header's columns only when it is the first half (under them)."""
        heads = [t for t in v.toks if _GROUP.match(t.key)]
        main_label = min(self.funds_cols.values(), default=1) - 1
        groups: list[_Group] = []
        for index, head in enumerate(heads):
            end = heads[index + 1].col if index + 1 < len(heads) else 10**6
            cols: dict[str, int] = {}
            for token in v.toks:
                if head.col < token.col < end:
                    for word, name in _FUNDS_COLUMNS:
                        if token.key.startswith(word) and name not in cols:
                            cols[name] = token.col
                            break
            if not cols and index == 0 and head.col <= main_label + 1:
                cols = {n: c for n, c in self.funds_cols.items() if head.col < c < end}
            groups.append(_Group(text_of(head), head.col, end, cols))
        self.groups = groups

    def _funds_in_groups(self, v: View) -> None:
        """A row of a block split side by side: one line per half, read by that half's columns."""
        row = v.row
        for group in self.groups:
            toks = [t for t in v.toks if group.start <= t.col < group.end]
            labels = [t for t in toks if figure(t).value is None and not is_placeholder(t.text)]
            if not labels:
                continue
            label = labels[0]
            if not group.cols or len(labels) > 1:
                self._funds_unsure(v)
                continue
            shift = label.col - group.start
            line = FundsLine(label=text_of(label), group=group.head, line=row.line, page=row.page)
            for name, col in group.cols.items():
                cell = cell_at(row, col + shift)
                if cell is not None and col + shift < group.end:
                    setattr(line, name, figure(cell))
            self.evaluation.funds.append(line)

    def _funds_unsure(self, v: View) -> None:
        """Two label/figure groups on a row whose columns are not certain: reported, not stored."""
        if self.groups_reported:
            return
        self.groups_reported = True
        self.context.report(
            "read.form-funds-layout",
            Severity.WARNING,
            f"{FORM}：资金栏一行并列两组资金（如按收入性质分与按支出性质分），栏目无法确定，金额未读入："
            f"{v.row.text[:80]}",
            row=v.row,
        )

    def _funds(self, v: View) -> None:
        """A row of the money block: its label, then the figures under the header's columns (the
        label sits in the column before the first figure; a row printed one column off is shifted)."""
        if self.groups:
            self._funds_in_groups(v)
            return
        cols = self.funds_cols
        first_value = min(cols.values()) if cols else 1
        labels = [
            t
            for t in v.toks
            if t.col < first_value + 1 and figure(t).value is None and not is_placeholder(t.text)
        ]
        labels = [t for t in labels if not t.key.startswith(_FUNDS_BLOCK)] or labels[-1:]
        if not labels or not cols:
            self.context.unplaced(v.row, FORM)
            return
        label = labels[-1]
        shift = label.col - (first_value - 1)
        row = v.row
        if _second_label(v, label):
            self._funds_unsure(v)  # a second label among the figures: two groups side by side
            return
        line = FundsLine(label=text_of(label), line=row.line, page=row.page)
        for name, col in cols.items():
            cell = cell_at(row, col + shift)
            if cell is not None:
                setattr(line, name, figure(cell))
        evaluation = self.evaluation
        # the block's label (``项目资金（万元）``) may be merged down onto this row
        evaluation.money_unit = evaluation.money_unit or money_unit_of(row.text)
        evaluation.funds.append(line)
        if len(evaluation.funds) == 1:  # 年度资金总额: the totals and the 执行率 scored
            evaluation.initial_budget = line.initial
            evaluation.total_budget, evaluation.total_actual = line.budget, line.actual
            evaluation.execution_rate = line.rate
            evaluation.execution_weight, evaluation.execution_score = line.weight, line.score

    def _total(self, v: View) -> None:
        """自评得分 | 98.54; or 总分 with the 分值 (100) and the 得分 under their columns."""
        evaluation = self.evaluation
        values = v.toks[1:]
        if len(values) < 2:
            evaluation.total_score = figure(values[0]) if values else None
            return
        by_col = {t.col: t for t in values}
        weight, score = by_col.get(self.columns.get("weight", -1)), by_col.get(self.columns.get("score", -1))
        if weight is None or score is None:
            weight, score = values[0], values[1]  # shifted: 分值 then 得分, as the header orders them
        evaluation.total_weight, evaluation.total_score = figure(weight), figure(score)

    @staticmethod
    def _has_amount(v: View) -> bool:
        return any(figure(t).value is not None for t in v.toks)

    def _task_header(self, v: View) -> None:
        """``任务名称 | 完成情况 | 预算数 | 执行数``; the 年度主要任务 of a 部门整体支出绩效自评表 may
        print ``任务名称 | 主要内容 | 预算数 | 执行数`` instead, without a 完成情况 column."""
        self.phase = "tasks"
        cols = {"name": v.toks[v.find("任务名称")].col}
        for words, name in _TASK_COLUMNS:
            found = v.find(*words)
            if found is not None:
                cols[name] = v.toks[found].col
        self.task_cols = cols
        unit = money_unit_of(v.row.text)
        if unit:
            self.evaluation.money_unit = self.evaluation.money_unit or unit

    def _task(self, row: RawRow) -> None:
        cols = self.task_cols
        name = cell_at(row, cols.get("name"))
        if name is None or is_placeholder(name.text):
            if any(c.text and not is_placeholder(c.text) for c in row.cells):
                self.context.unplaced(row, FORM)
            return
        self.evaluation.tasks.append(
            EvaluationTask(
                name=text_of(name),
                content=text_of(cell_at(row, cols.get("content"))),
                completion=text_of(cell_at(row, cols.get("completion"))),
                budget=figure(cell_at(row, cols.get("budget"))),
                budget_own=figure(cell_at(row, cols.get("budget_own"))),
                actual=figure(cell_at(row, cols.get("actual"))),
                actual_own=figure(cell_at(row, cols.get("actual_own"))),
                line=row.line,
                page=row.page,
            )
        )

    def _totals(self, v: View) -> None:
        index = v.find("金额合计", "合计")
        numbers = [t for t in v.toks[index + 1 :]]
        values = [figure(t) for t in numbers]
        evaluation = self.evaluation
        if len(values) >= 4:
            evaluation.total_budget, evaluation.total_budget_own = values[0], values[1]
            evaluation.total_actual, evaluation.total_actual_own = values[2], values[3]
        elif len(values) == 2:
            evaluation.total_budget, evaluation.total_actual = values
        else:
            self.context.unplaced(v.row, FORM)
        self.phase = "after_tasks"

    def _execution(self, v: View) -> None:
        evaluation = self.evaluation
        evaluation.execution_rate = figure(v.after("预算执行率"))
        weight, score = v.after("分值"), v.after("得分")
        evaluation.execution_weight = figure(weight) if weight is not None else None
        evaluation.execution_score = figure(score) if score is not None else None
        self.phase = "after_tasks"

    def _goals(self, row: RawRow) -> None:
        goal_cell = cell_at(row, self.goal_cols.get("goal"))
        actual_cell = cell_at(row, self.goal_cols.get("actual"))
        if goal_cell is None and actual_cell is None:
            goal_cell, actual_cell = self._goal_cells(row)
        if goal_cell is None and actual_cell is None:
            return
        goals = split_goals(goal_cell, self.context)
        actuals = split_goals(actual_cell, self.context)
        evaluation = self.evaluation
        # the goals of a row paired with what was achieved, one for one (at their ordinals)
        paired = len(actuals) == len(goals)
        for index, (ordinal, text) in enumerate(goals):
            evaluation.goals.append(
                Goal(ordinal=ordinal, text=text, actual=actuals[index][1] if paired else None)
            )
        if actual_cell is not None:
            before = evaluation.goals_actual
            evaluation.goals_actual = (
                before.model_copy(update={"text": before.text + "\n" + actual_cell.text})
                if before is not None
                else text_of(actual_cell)
            )

    def _goal_cells(self, row: RawRow) -> tuple[RawCell | None, RawCell | None]:
        """Goal texts printed off their header's columns (a merged cell converted one column off):
        each goes to the nearer of the two columns; the block's own label is not a goal."""
        goal_col, actual_col = self.goal_cols.get("goal", 0), self.goal_cols.get("actual", 10**6)
        found: dict[str, RawCell] = {}
        for token in view(row).toks:
            if token.key in _GOAL_LABELS or is_placeholder(token.text):
                continue
            name = "goal" if abs(token.col - goal_col) <= abs(token.col - actual_col) else "actual"
            found.setdefault(name, token.cell)
        return found.get("goal"), found.get("actual")

    def _indicator_header(self, v: View) -> None:
        self.phase = "indicators"
        columns: dict[str, int] = {}
        for token in v.toks:
            for word, name in _INDICATOR_COLUMNS:
                if token.key.startswith(word) and name not in columns:
                    columns[name] = token.col
                    break
        self.columns = columns

    def _indicator(self, row: RawRow) -> None:
        cols = self.columns
        contents = [cell_at(row, cols.get(n)) for n in ("l3", "target", "actual")]
        l1, l2 = tok_at(row, cols.get("l1")), tok_at(row, cols.get("l2"))
        weight, score = cell_at(row, cols.get("weight")), cell_at(row, cols.get("score"))
        if not any(contents) and l1 is None and l2 is None and weight is None and score is None:
            return  # merged-cell residue: an all-empty row
        notes: list[str] = []
        l1, l2 = pick_labels(
            [t for t in (l1, l2) if t is not None and STANDARD.is_label(t.key)], STANDARD, notes
        )
        name_tok = tok_at(row, cols.get("l3"))
        indicator: Draft = build(row.line, row.page, name_tok, tok_at(row, cols.get("target")))
        actual = cell_at(row, cols.get("actual"))
        if actual is not None and not is_placeholder(actual.text):
            indicator.actual_raw = text_of(actual)
            indicator.actual = parse_target(actual.text)
        apply_value_columns(
            indicator,
            tok_at(row, cols.get("nature")),
            tok_at(row, cols.get("target")),
            tok_at(row, cols.get("unit")),
        )
        if weight is not None:
            indicator.weight = figure(weight)
        if score is not None:
            indicator.score = figure(score)
        deviation = cell_at(row, cols.get("deviation"))
        if deviation is not None and not is_placeholder(deviation.text):
            indicator.deviation_reason = text_of(deviation)
        indicator.repairs.extend(notes)
        self.tracker.place(indicator, l1, l2, name_tok.key if name_tok else None)
        label_only = name_tok is None or is_placeholder(name_tok.text)
        self.collected.add(indicator, prints_label=l1 is not None or l2 is not None, label_only=label_only)

    def finish(self) -> None:
        self.tracker.finish()
        indicators = self.collected.items
        assign_levels(indicators, "weight")
        assign_levels(indicators, "score")
        self.evaluation.indicators = freeze(indicators)
