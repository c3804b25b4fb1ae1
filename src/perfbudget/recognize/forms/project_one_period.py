"""项目支出绩效目标表 / 项目绩效目标申报表 of the national one-period layout: the budget year only.

Head rows are read by their labels: 项目名称; 主管部门(及代码) (``305-…``: code and name in one cell)
and 实施单位; 项目资金 with its unit, 年度资金总额 and one row per source (其中：财政拨款, 其他资金 …;
a value may be glued to its label, ``年度资金总额：150``); 年度总体目标 (split at ``目标1：``…).

The indicator table is read by the header's columns: 一级指标 | 二级指标 | 三级指标 | 指标值, and
where the template has them 指标性质 or 指标方向 (``≥``, ``正向``, ``反向``, ``定性``: the comparison
is printed apart from the number, :mod:`.nature`), 度量单位 (the unit printed apart), 指标值说明, 绩效指标描述, 指标值确定依据. Level-1 and
level-2 cells are merged over their rows and printed once (:class:`~.labels.LabelTracker`).
Indicators and the funding are of the period 年度.
"""

from __future__ import annotations

import re

from perfbudget.model.findings import Severity
from perfbudget.model.performance import Funding, Goal, Period, ProjectTarget
from perfbudget.read.blocks import RawRow
from perfbudget.recognize.forms.blocks import Block
from perfbudget.recognize.forms.common import (
    CODE_NAME,
    FUNDING_SOURCES,
    Context,
    Tok,
    View,
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
from perfbudget.recognize.forms.labels import STANDARD, LabelTracker, pick_labels
from perfbudget.recognize.forms.nature import apply_value_columns
from perfbudget.recognize.forms.self_evaluation import split_goals

FORM = "项目支出绩效目标表"
_GLUED = re.compile(r"^(\D+?)\s*[：:]?\s*([-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)$")
_SOURCES = (
    ("年度资金总额", "total"),
    ("资金总额", "total"),
    ("财政拨款", "fiscal"),
    ("财政资金", "fiscal"),
    *FUNDING_SOURCES,
)
_GOAL_LABELS = ("年度总体目标", "年度绩效目标", "总体目标", "年度目标", "绩效目标")
_TEXTS = (
    ("项目概况", "overview"),
    ("立项依据", "basis"),
    ("项目设立必要性", "necessity"),
    ("资金用途", "purpose"),
    ("项目实施计划", "plan"),
)
_COLUMNS = (  # longer header words first: 指标值说明 and 指标值确定依据 before 指标值
    ("一级指标", "l1"),
    ("二级指标", "l2"),
    ("三级指标", "l3"),
    ("指标性质", "nature"),
    ("指标方向", "nature"),
    ("指标值说明", "value_note"),
    ("指标值确定依据", "basis"),
    ("绩效指标描述", "description"),
    ("指标描述", "description"),
    ("年度指标值", "target"),
    ("指标值", "target"),
    ("度量单位", "unit"),
    ("计量单位", "unit"),
)


def is_one_period(rows: list[RawRow]) -> bool:
    """The head of a 项目绩效目标表 without a 实施期 half: 年度资金总额 or 年度总体目标 alone."""
    for row in rows:
        text = key(row.text)
        if "实施期" in text:
            return False
        if "一级指标" in text:
            break
    return True


def recognize(block: Block, context: Context, year: int | None) -> ProjectTarget:
    title = block.title
    project = ProjectTarget(template="one_period", title=text_of(title.filled[0]) if title else None)
    project.year, unit = block.printed_year_and_unit()
    if unit:
        project.money_unit, project.money_unit_stated = unit, True
    rows = block.claim(project, context.used)
    reader = _Reader(project, context)
    for row in rows:
        reader.row(row)
    reader.finish()
    project.year = project.year or year
    return project


class _Reader:
    def __init__(self, project: ProjectTarget, context: Context) -> None:
        self.project = project
        self.context = context
        self.phase = "head"
        self.funding = Funding(period=Period.ANNUAL)
        self.funding_seen = False
        self.columns: dict[str, int] = {}
        self.tracker = LabelTracker(STANDARD, context, FORM)
        self.collected = Collector()

    def row(self, row: RawRow) -> None:
        v = view(row)
        first = v.first
        project = self.project
        if is_footer(first):
            self.phase = "footer"
            return
        if self.phase == "footer":
            self.context.unplaced(row, FORM)  # anything after the signature lines
            return
        if self.phase == "indicators":
            self._indicator(row)
            return
        if v.has("一级指标") and v.has("二级指标"):
            self._header(v)
            return
        if self.phase == "head" and len(v.toks) == 1 and len(first) <= 20 and year_of(first):
            project.year = project.year or year_of(first)  # a year line printed as a one-cell row
            return
        if first == "项目名称":
            project.name = text_of(v.toks[1]) if len(v.toks) > 1 else None
            return
        if first.startswith("主管部门"):
            self._department(v)
            return
        if first.startswith("实施单位") and len(v.toks) > 1:  # printed on a row of its own
            project.implementing_unit = text_of(v.toks[1])
            return
        if first.startswith("项目资金"):
            self._start_money(v)
            return
        if self.phase == "money" and self._money(v):
            return
        if first.startswith(_GOAL_LABELS):
            self._goals(v)
            return
        for word, field in _TEXTS:
            if first.startswith(word) and len(v.toks) > 1:
                setattr(project, field, text_of(v.toks[1]))
                return
        if self.phase == "goals" and len(v.toks) == 1:
            self._goal_texts(v.toks)  # a goal on a row of its own, under the label's merged cell
            return
        if all(is_placeholder(t.text) for t in v.toks):
            return  # a row of placeholders
        self.context.unplaced(row, FORM)

    # -- head ------------------------------------------------------------------------------
    def _department(self, v: View) -> None:
        value = v.toks[1] if len(v.toks) > 1 and not v.toks[1].key.startswith("实施单位") else None
        if value is not None:
            match = CODE_NAME.match(value.text)
            if match:
                self.project.department_code = match.group(1)
                self.project.department = text_of(value, match.group(2).strip())
            else:
                self.project.department = text_of(value)
        unit = v.after("实施单位")
        if unit is not None:
            self.project.implementing_unit = text_of(unit)

    def _start_money(self, v: View) -> None:
        self.phase = "money"
        self.funding_seen = True
        unit = money_unit_of(v.toks[0].text)
        if unit:
            self.project.money_unit, self.project.money_unit_stated = unit, True
        self._money(v)

    def _money(self, v: View) -> bool:
        """The label/amount pairs of a money row (``其中：财政拨款 | 120``); whether it held one."""
        found = False
        tokens = v.toks
        for index, token in enumerate(tokens):
            label, glued = _split_glued(token)
            field = _source(label)
            if field is None:
                continue
            found = True
            if glued is not None:
                setattr(self.funding, field, figure(token, text=glued))
                continue
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            if following is not None and _source(_split_glued(following)[0]) is None:
                setattr(self.funding, field, figure(following))
            else:  # the amount cell is empty
                setattr(self.funding, field, figure(token, text="", line=token.cell.line))
        return found

    def _goals(self, v: View) -> None:
        self.phase = "goals"
        self._goal_texts(v.toks[1:])

    def _goal_texts(self, tokens: list[Tok]) -> None:
        for token in tokens:
            for ordinal, text in split_goals(token.cell, self.context):
                self.project.goals.append(Goal(ordinal=ordinal, text=text, period=Period.ANNUAL))

    # -- indicators ------------------------------------------------------------------------
    def _header(self, v: View) -> None:
        self.phase = "indicators"
        columns: dict[str, int] = {}
        for token in v.toks:
            for word, name in _COLUMNS:
                if token.key.startswith(word) and name not in columns:
                    columns[name] = token.col
                    break
        self.columns = columns
        if "target" not in columns or "l3" not in columns:
            self.context.report(
                "read.form-incomplete",
                Severity.WARNING,
                f"{FORM}：指标表头缺少“三级指标”或“指标值”栏，指标按列位置读取",
                row=v.row,
            )

    def _indicator(self, row: RawRow) -> None:
        cols = self.columns
        cells = {name: tok_at(row, col) for name, col in cols.items()}
        if not any(cells.values()):
            return  # merged-cell residue
        if all(t is None or t.key in _HEADER_WORDS for t in cells.values()):
            return  # the header repeated after a page break
        notes: list[str] = []
        labels = [t for t in (cells.get("l1"), cells.get("l2")) if t is not None]
        l1, l2 = pick_labels([t for t in labels if STANDARD.is_label(t.key)], STANDARD, notes)
        unknown = [t for t in labels if not STANDARD.is_label(t.key)]
        if unknown:
            notes.append("未知的指标标签：" + "、".join(t.text for t in unknown))
        name, value = cells.get("l3"), cells.get("target")
        indicator: Draft = build(row.line, row.page, name, value, Period.ANNUAL)
        apply_value_columns(indicator, cells.get("nature"), value, cells.get("unit"))
        for field in ("value_note", "basis", "description"):
            token = cells.get(field)
            if token is not None and not is_placeholder(token.text):
                setattr(indicator, field, text_of(token))
        indicator.repairs.extend(notes)
        self.tracker.place(indicator, l1, l2, name.key if name else None)
        label_only = name is None and value is None
        self.collected.add(indicator, prints_label=l1 is not None or l2 is not None, label_only=label_only)

    def finish(self) -> None:
        self.tracker.finish()
        self.project.indicators = freeze(self.collected.items)
        if self.funding_seen:
            self.project.funding = [self.funding]


_HEADER_WORDS = frozenset(word for word, _ in _COLUMNS) | {"绩效指标"}


def _split_glued(token: Tok) -> tuple[str, str | None]:
    """``年度资金总额：150`` → (``年度资金总额``, ``150``); a plain label → (its key, None)."""
    match = _GLUED.match(token.text)
    if match and match.group(1).strip():
        return key(match.group(1)), match.group(2)
    return token.key, None


def _source(label: str) -> str | None:
    text = label.removeprefix("其中：").removeprefix("其中")
    for word, field in _SOURCES:
        if text.startswith(word):
            return field
    return None
