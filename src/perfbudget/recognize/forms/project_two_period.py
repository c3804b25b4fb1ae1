"""项目支出绩效目标(申报)表 with two halves side by side: 实施期 (left) and 年度 (right).

Head rows are read by their labels: 项目名称; 主管部门及代码 (``211-…``: code and name in one cell)
and 实施单位; 项目属性 and 项目期 (``99年`` = ongoing); 项目资金 with its unit (``（元）``) and the
two totals, then one row per source (中央/省级/市县（区）/单位自筹/其他资金) holding the 实施期 and
the 年度 amount in this order (labels may be truncated, ``市县（区）财政资``, or glued to their value,
``实施期资金总额：780,000``); the text rows; 实施期目标/年度目标 and 总体目标.

Indicator rows are read by content, because their cells shift: header words are dropped, label
cells are recognised by the vocabulary, and each row is cut into its 实施期 half and its 年度 half
at the repeat of the level-3 name (or at the 年度 half's level-2 label, or after two values). The
年度 half prints no level-1 column; it takes the row's level-1 label. Both halves become
indicators, with ``period`` 实施期 or 年度.
"""

from __future__ import annotations

import re

from perfbudget.model.findings import Severity
from perfbudget.model.performance import Funding, Goal, Period, ProjectTarget
from perfbudget.read.blocks import RawCell, RawRow
from perfbudget.recognize.forms.blocks import Block
from perfbudget.recognize.forms.common import (
    CODE_NAME,
    FUNDING_SOURCES,
    Context,
    Tok,
    View,
    figure,
    key,
    money_unit_of,
    text_of,
    view,
)
from perfbudget.recognize.forms.draft import Draft, freeze
from perfbudget.recognize.forms.indicators import Collector, build
from perfbudget.recognize.forms.labels import HEADER_WORDS, STANDARD, LabelTracker, pick_labels
from perfbudget.recognize.forms.targets import PLACEHOLDERS, parse_target

FORM = "项目支出绩效目标表"
_GLUED = re.compile(r"^(\D*?)\s*[：:]?\s*([-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)$")
_TERM = re.compile(r"^(\d+)\s*年$")
_SOURCES = (
    *FUNDING_SOURCES,
    ("财政资金", "fiscal"),
)
_TEXTS = (
    ("项目概况", "overview"),
    ("立项依据", "basis"),
    ("项目设立必要性", "necessity"),
    ("设立必要性", "necessity"),
    ("保证项目实施的制度", "measures"),
    ("项目实施的制度", "measures"),
    ("项目实施计划", "plan"),
    ("资金用途", "purpose"),
)
_FOOTER = ("负责人", "经办人", "联系电话", "填报日期", "填报人")


# the source words by their first two characters, which differ from word to word: a label can
# start with only one of them, so one lookup replaces a test of every word
_SOURCE_BY_HEAD = {word[:2]: (word, name) for word, name in _SOURCES}


def _source(label: str) -> str | None:
    text = label.removeprefix("其中：").removeprefix("其中")
    found = _SOURCE_BY_HEAD.get(text[:2])
    return found[1] if found is not None and text.startswith(found[0]) else None


def _split_glued(token: Tok) -> tuple[str, str | None]:
    """``实施期资金总额：780,000`` → (``实施期资金总额``, ``780,000``); a plain label → (label, None).

    The label is a matching key (:func:`key`): ``其中:中央`` and ``其中：中央`` read alike."""
    match = _GLUED.match(token.text)
    if match and match.group(1).strip():
        return key(match.group(1)), match.group(2)
    return token.key, None


def recognize(block: Block, context: Context, year: int | None) -> ProjectTarget:
    title = block.title
    project = ProjectTarget(template="two_period", title=text_of(title.filled[0]) if title else None)
    project.year, unit = block.printed_year_and_unit()
    project.year = project.year or year
    if unit:
        project.money_unit, project.money_unit_stated = unit, True
    if title is None:
        context.report(
            "read.form-incomplete",
            Severity.WARNING,
            f"{FORM}：没有标题与年度行，按表内“项目名称”行识别",
            row=block.rows[0] if block.rows else None,
        )
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
        self.last_text: str | None = None
        self.term = Funding(period=Period.TERM)
        self.annual = Funding(period=Period.ANNUAL)
        self.funding_seen = False
        self.goal_cols: tuple[int, int] | None = None
        self.trackers = (
            LabelTracker(STANDARD, context, FORM + "（实施期）"),
            LabelTracker(STANDARD, context, FORM + "（年度）", quiet=True),
        )
        self.collected = (Collector(), Collector())

    # -- rows ------------------------------------------------------------------------------
    def row(self, row: RawRow) -> None:
        v = view(row)
        first = v.first
        project = self.project
        if first.startswith(_FOOTER):
            self.phase = "footer"
            return
        if self.phase == "footer":
            self.context.unplaced(row, FORM)
            return
        if self.phase != "indicators":
            if first == "项目名称":
                project.name = self._value(v, "项目名称")
                return
            if first.startswith("主管部门"):
                self._department(v)
                return
            if first.startswith("项目属性") or v.has("项目期"):
                self._attribute(v)
                return
            if first.startswith("项目资金") or v.has("实施期资金总额", "年度资金总额"):
                self._money(v)
                return
            if self.phase == "money":
                split = [_split_glued(t) for t in v.toks]
                names = [_source(label) for label, _ in split]
                if any(names):
                    self._sources(v, split, names)
                    return
            for word, field in _TEXTS:
                if first.startswith(word):
                    self._text(v, field)
                    return
            if first.startswith("实施期目标") or (v.has("年度目标") and v.has("实施期目标")):
                self.phase = "goals"
                term, annual = v.find("实施期目标"), v.find("年度目标")
                self.goal_cols = (
                    v.toks[term].col if term is not None else 0,
                    v.toks[annual].col if annual is not None else 10**6,
                )
                return
            if first.startswith("总体目标") or first.startswith("年度绩效目标"):
                self._goals(v)
                return
            if self.phase == "goals" and not self._is_indicator_start(v):
                for token in v.toks:  # goal texts on a row of their own: the layout does not tell the period
                    self.project.goals.append(Goal(text=text_of(token)))
                return
            if (
                self.phase == "head"
                and len(v.toks) == 1
                and _TERM.match(v.toks[0].key)
                and project.term is None
            ):
                self._set_term(v.toks[0])  # 项目期 printed on the next line
                return
            if self.phase == "text" and len(v.toks) == 1 and self.last_text:
                current = getattr(project, self.last_text)
                setattr(
                    project,
                    self.last_text,
                    current.model_copy(update={"text": current.text + v.toks[0].text}),
                )
                return
            if self._is_indicator_start(v):
                self.phase = "indicators"
            else:
                self.context.unplaced(row, FORM)
                return
        self._indicator(v)

    def _value(self, v: View, label: str):
        index = v.find(label)
        for token in v.toks[(index or 0) + 1 :]:
            return text_of(token)
        return None

    def _department(self, v: View) -> None:
        index = v.find("主管部门")
        value = v.toks[index + 1] if index is not None and index + 1 < len(v.toks) else None
        if value is not None and not value.key.startswith("实施单位"):
            match = CODE_NAME.match(value.text)
            if match:
                self.project.department_code = match.group(1)
                self.project.department = text_of(value, match.group(2).strip())
            else:
                self.project.department = text_of(value)
        unit = v.after("实施单位")
        if unit is not None:
            self.project.implementing_unit = text_of(unit)

    def _attribute(self, v: View) -> None:
        attribute = v.after("项目属性")
        if attribute is not None and not attribute.key.startswith("项目期"):
            self.project.attribute = text_of(attribute)
            for kind in ("经常性", "一次性"):
                if kind in attribute.text:
                    self.project.attribute_kind = kind
        term = v.after("项目期")
        if term is not None:
            self._set_term(term)

    def _set_term(self, token: Tok) -> None:
        self.project.term = text_of(token)
        match = _TERM.match(token.key)
        if match:
            self.project.term_years = int(match.group(1))
            self.project.ongoing = self.project.term_years == 99

    def _money(self, v: View) -> None:
        self.phase = "money"
        self.funding_seen = True
        unit = money_unit_of(v.row.text)
        if unit:
            self.project.money_unit, self.project.money_unit_stated = unit, True
        for funding, word in ((self.term, "实施期资金总额"), (self.annual, "年度资金总额")):
            funding.total = self._amount_after(v, word)

    def _amount_after(self, v: View, word: str):
        for index, token in enumerate(v.toks):
            label, glued = _split_glued(token)
            if not label.startswith(word):
                continue
            if glued is not None:
                return figure(token, text=glued)
            following = v.toks[index + 1] if index + 1 < len(v.toks) else None
            if following is not None and figure(following).value is not None:
                return figure(following)
            return figure(token, text="", line=token.cell.line)
        return None

    def _sources(self, v: View, split: list[tuple[str, str | None]], names: list[str | None]) -> None:
        """``其中：中央财政资金 | 0 | 其中：中央财政资金 | 0``: first pair 实施期, second 年度.

        ``split`` and ``names`` are :func:`_split_glued` and :func:`_source` of every token."""
        pairs: list[tuple[str, object]] = []
        tokens = v.toks
        index = 0
        while index < len(tokens):
            token = tokens[index]
            glued = split[index][1]
            name = names[index]
            if name is None:
                index += 1
                continue
            if glued is not None:
                pairs.append((name, figure(token, text=glued)))
                index += 1
                continue
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            if following is not None and names[index + 1] is None:
                pairs.append((name, figure(following)))
                index += 2
            else:
                pairs.append((name, figure(token, text="", line=token.cell.line)))
                index += 1
        if len(pairs) > 2:
            self.context.unplaced(v.row, FORM)
        for funding, (name, value) in zip((self.term, self.annual), pairs, strict=False):
            setattr(funding, name, value)

    def _text(self, v: View, field: str) -> None:
        self.phase = "text"
        value = v.toks[1] if len(v.toks) > 1 else None
        if value is None:
            return
        current = getattr(self.project, field)
        if current is not None:
            self.context.report(
                "read.form-duplicate-label",
                Severity.WARNING,
                f"{FORM}：“{v.toks[0].text}”印了两次，两段文字都保留",
                row=v.row,
            )
            setattr(
                self.project, field, current.model_copy(update={"text": current.text + "\n" + value.text})
            )
        else:
            setattr(self.project, field, text_of(value))
        self.last_text = field

    def _goals(self, v: View) -> None:
        contents = v.toks[1:]
        if not contents:
            return
        term_col, annual_col = self.goal_cols or (0, 10**6)
        for token in contents:
            period = Period.ANNUAL if abs(token.col - annual_col) < abs(token.col - term_col) else Period.TERM
            if len(contents) == 2:
                period = Period.TERM if token is contents[0] else Period.ANNUAL
            self.project.goals.append(Goal(ordinal=v.toks[0].text, text=text_of(token), period=period))

    @staticmethod
    def _is_indicator_start(v: View) -> bool:
        return any(t.key in HEADER_WORDS or STANDARD.is_label(t.key) for t in v.toks)

    # -- indicator rows ----------------------------------------------------------------------
    def _indicator(self, v: View) -> None:
        kinds = STANDARD.kinds
        tokens: list[Tok] = []  # header words dropped
        is_label: list[bool] = []
        for token in v.toks:
            token_key = token.key
            if token_key not in HEADER_WORDS:
                tokens.append(token)
                is_label.append(token_key in kinds)
        if not tokens:
            return  # a header row
        split = _annual_start(tokens, is_label)
        halves = (tokens[:split], tokens[split:])
        left_labels: tuple[Tok | None, Tok | None] = (None, None)
        left_label_only = False
        row = v.row
        for side in (0, 1):
            if side == 1 and split == len(tokens) and not left_label_only:
                continue  # no 年度 half on this row
            # the label cells before the half's first content cell, then its content cells
            start, end = (0, split) if side == 0 else (split, len(tokens))
            first_content = start
            while first_content < end and is_label[first_content]:
                first_content += 1
            labels, contents = tokens[start:first_content], tokens[first_content:end]
            notes: list[str] = []
            l1, l2 = pick_labels(labels, STANDARD, notes) if labels else (None, None)
            if side == 0:
                left_labels = (l1, l2)
            else:
                l1 = left_labels[0]
                l2 = l2 or left_labels[1]
            name, value = self._name_value(labels, contents, halves, side, notes)
            if name is not None and l2 is not None and name is l2:
                l2 = None  # a weak label read as the level-3 name
                if left_labels[1] is name:
                    left_labels = (left_labels[0], None)
            indicator: Draft = build(
                row.line, row.page, name, value, Period.TERM if side == 0 else Period.ANNUAL
            )
            if notes:
                indicator.repairs.extend(notes)
            label_only = name is None and value is None
            if label_only:
                indicator.not_applicable = True
                left_label_only = left_label_only or side == 0
            self.trackers[side].place(indicator, l1, l2, name.key if name is not None else None)
            self.collected[side].add(
                indicator, prints_label=l1 is not None or l2 is not None, label_only=label_only
            )

    def _name_value(
        self, labels: list[Tok], contents: list[Tok], halves, side: int, notes: list[str]
    ) -> tuple[Tok | None, Tok | None]:
        if contents:
            contents = [t for t in contents if t.text not in PLACEHOLDERS]
        if len(contents) >= 2:
            if len(contents) > 2:
                notes.append("多余单元格未采用：" + "；".join(t.text for t in contents[2:]))
            return contents[0], contents[1]
        if len(contents) == 1:
            only = contents[0]
            if labels and labels[-1].key in STANDARD.weak:
                notes.append(f"“{labels[-1].text}”在此是三级指标名")
                return labels[-1], only
            other = halves[1 - side]
            kinds = STANDARD.kinds
            other_contents = [t for t in other if t.key not in kinds and t.text not in PLACEHOLDERS]
            if len(other_contents) >= 2:
                name, value = other_contents[0].text, other_contents[1].text
                if only.text.replace(" ", "") == (name + value).replace(" ", "") and only.text.startswith(
                    name
                ):
                    notes.append("名称与指标值粘连在一个单元格，按另一半拆开")
                    line, page = only.cell.line, only.cell.page
                    return Tok(only.col, RawCell(name, line, page), name), Tok(
                        only.col, RawCell(value, line, page), value
                    )
            target = parse_target(only.text)
            if target is not None and target.op is not None and target.qualitative is None:
                return None, only
            return only, None
        return None, None

    def finish(self) -> None:
        project = self.project
        for tracker in self.trackers:
            tracker.finish()
        project.indicators = freeze(self.collected[0].items + self.collected[1].items)
        if self.funding_seen:
            project.funding = [self.term, self.annual]


def _same(a: str, b: str) -> bool:
    if a == b:
        return True
    shorter, longer = (a, b) if len(a) < len(b) else (b, a)
    return len(shorter) >= 4 and longer.startswith(shorter)


def _annual_start(tokens: list[Tok], is_label: list[bool]) -> int:
    """Where an indicator row's 年度 half starts (``len(tokens)`` when it has none); ``is_label``
    tells for each token whether it is a group label."""
    contents = [i for i, flag in enumerate(is_label) if not flag]
    if not contents:  # a label-only row: the 年度 half starts where the first level-2 label repeats
        keys = [t.key for t in tokens]
        for index in range(1, len(keys)):
            if keys[index] in keys[:index] and STANDARD.kind(keys[index]) != "l1":
                return index
        return len(tokens)
    first_content = contents[0]
    first = tokens[first_content].key
    for index in contents[2:]:  # the name's repeat (the cell after a name is its value, which may equal it)
        if _same(tokens[index].key, first):
            while index > 0 and is_label[index - 1] and index - 1 > first_content:
                index -= 1  # the 年度 half's own labels before it
            return index
    for index in range(first_content + 1, len(tokens)):
        if is_label[index]:
            return index
    if len(contents) == 4:
        return contents[2]
    if len(contents) == 2 and first == tokens[contents[1]].key:
        return contents[1]  # the name printed twice, no values
    return len(tokens)
