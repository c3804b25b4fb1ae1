"""Indicator group labels: the vocabulary of level-1/level-2 names and the tracker that fills them.

Level-1 and level-2 cells are merged vertically in the printed forms, so a converted row usually
carries them only on the first row of the span. Forward-fill is not enough: the label may be
printed in the middle or after its span (page breaks), the fixed 投入管理 template places its
level-3 items under known level-2 groups, and a level-2 name implies its level-1 group. The
:class:`LabelTracker` records for every indicator where its labels came from
(:class:`~perfbudget.model.performance.LabelOrigin`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from perfbudget.model.findings import Severity
from perfbudget.model.performance import LabelOrigin, ScoreLevel
from perfbudget.recognize.forms.common import Context, Tok
from perfbudget.recognize.forms.draft import Draft

PRINTED, INHERITED = LabelOrigin.PRINTED, LabelOrigin.INHERITED
FOLLOWING, VOCABULARY = LabelOrigin.FOLLOWING, LabelOrigin.VOCABULARY

_OUTPUT, _EFFECT, _RESULT = "产出指标", "效益指标", "效果指标"
_SATISFACTION, _COST, _INPUT = "满意度指标", "成本指标", "投入管理指标"
_BENEFIT_PARENTS = (_EFFECT, _RESULT)


@dataclass(frozen=True)
class Vocabulary:
    """Label names (matching keys) of one form family.

    ``parents`` maps a level-2 name to the level-1 names it may sit under (first = default);
    ``template`` maps the level-3 items of a fixed template to their level-2 group;
    ``template_groups`` are the level-2 groups that hold template items only; ``weak`` are
    level-2 names that also occur as level-3 names (read as level 3 when a half-row has a single
    content cell after them).
    """

    level1: frozenset[str]
    parents: dict[str, tuple[str, ...]]
    template: dict[str, str] = field(default_factory=dict)
    template_groups: frozenset[str] = frozenset()
    prefer_level2: frozenset[str] = frozenset()
    weak: frozenset[str] = frozenset()
    kinds: dict[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        kinds: dict[str, str] = {}
        for name in self.level1:
            kinds[name] = "both" if name in self.parents else "l1"
        for name in self.parents:
            kinds.setdefault(name, "l2")
        object.__setattr__(self, "kinds", kinds)  # name → kind, for the lookups of every row

    def kind(self, name: str) -> str | None:
        """``"l1"``, ``"l2"``, ``"both"`` or ``None``."""
        return self.kinds.get(name)

    def is_label(self, name: str) -> bool:
        return name in self.kinds


_STANDARD_PARENTS: dict[str, tuple[str, ...]] = {
    "数量指标": (_OUTPUT,),
    "质量指标": (_OUTPUT,),
    "时效指标": (_OUTPUT,),
    "成本指标": (_OUTPUT, _COST),
    "经济成本指标": (_COST,),
    "社会成本指标": (_COST,),
    "生态环境成本指标": (_COST,),
    "经济效益指标": _BENEFIT_PARENTS,
    "社会效益指标": _BENEFIT_PARENTS,
    "生态效益指标": _BENEFIT_PARENTS,
    "可持续影响指标": _BENEFIT_PARENTS,
    "可持续性影响指标": _BENEFIT_PARENTS,
    "可持续性影响": _BENEFIT_PARENTS,
    "可持续影响": _BENEFIT_PARENTS,
    "可持续发展指标": _BENEFIT_PARENTS,
    "服务对象满意度指标": (_SATISFACTION,),
    "服务对象满意度": (_SATISFACTION,),
    "满意度指标": (_SATISFACTION,),
}

STANDARD = Vocabulary(
    level1=frozenset({_OUTPUT, _EFFECT, _RESULT, _SATISFACTION, _COST}),
    parents=_STANDARD_PARENTS,
    prefer_level2=frozenset({_COST}),
    weak=frozenset({"服务对象满意度", "可持续影响", "可持续性影响"}),
)

# 整体绩效目标申报表: a fixed 投入管理 template (19 items) before free 产出/效益 items.
_INPUT_TEMPLATE = {
    "工作目标管理": ("年度履职目标相关性", "工作任务科学性", "绩效指标合理性"),
    "预算和财务管理": (
        "预算编制完整性",
        "专项资金细化率",
        "预算执行率",
        "预算调整率",
        "结转结余率",
        "三公经费控制率",
        "政府采购执行率",
        "决算真实性",
        "资金使用合规性",
        "管理制度健全性",
        "预决算信息公开性",
        "资产管理规范性",
    ),
    "绩效管理": ("绩效监控完成率", "绩效自评完成率", "部门绩效评价完成率", "评价结果应用率"),
}

DECLARATION = Vocabulary(
    level1=frozenset({_INPUT, _OUTPUT, _EFFECT, _SATISFACTION}),
    parents={
        "工作目标管理": (_INPUT,),
        "预算和财务管理": (_INPUT,),
        "绩效管理": (_INPUT,),
        "履职目标和主要任务完成情况": (_OUTPUT,),
        "履职效益": (_EFFECT,),
        "满意度": (_EFFECT, _SATISFACTION),
    },
    template={item: group for group, items in _INPUT_TEMPLATE.items() for item in items},
    template_groups=frozenset(_INPUT_TEMPLATE),
)

# header words of indicator tables (never labels, never content)
HEADER_WORDS = frozenset(
    {
        "一级指标",
        "二级指标",
        "三级指标",
        "指标值",
        "度量单位",
        "绩效指标",
        "绩效",
        "指标",
        "^指标",
        "绩效指标描述",
        "指标值确定依据",
        "指标内容",
        "预期指标值",
        "实际完成指标值",
        "实际完成值",
        "分值",
        "得分",
        "年度绩效指标完成情况",
        "年度绩效指标",
        "偏差原因分析及改进措施",
        "偏差原因",
    }
)


def pick_labels(labels: list[Tok], vocab: Vocabulary, notes: list[str]) -> tuple[Tok | None, Tok | None]:
    """Level-1 and level-2 tokens among the label cells of one (half-)row."""
    if not labels:
        return None, None  # the common case: a row that prints no group label
    kinds = vocab.kinds
    unique: list[Tok] = []
    for token in labels:
        if unique and unique[-1].key == token.key and kinds.get(token.key) != "both":
            continue  # printed twice side by side (merged-cell residue)
        unique.append(token)
    l1: Tok | None = None
    l2: Tok | None = None
    for index, token in enumerate(unique):
        kind = kinds.get(token.key)
        if kind == "both":
            followed = index + 1 < len(unique)
            if l1 is None and followed:
                kind = "l1"
            else:
                kind = "l2" if token.key in vocab.prefer_level2 or l1 is not None else "l1"
        if kind == "l1":
            if l1 is None and l2 is None:
                l1 = token
            else:
                notes.append(f"多余的一级指标标签“{token.text}”未采用")
        elif kind == "l2":
            if l2 is not None:
                notes.append(f"多余的二级指标标签“{l2.text}”未采用")
            l2 = token
    return l1, l2


@dataclass(slots=True)
class _State:
    name: str | None = None
    line: int | None = None
    origin: LabelOrigin | None = None  # of the state itself: PRINTED or VOCABULARY


class LabelTracker:
    """Fills level-1/level-2 labels of the indicators of one form (one half of a two-period form)."""

    def __init__(self, vocab: Vocabulary, context: Context, form: str, quiet: bool = False) -> None:
        self.vocab = vocab
        self.quiet = quiet  # no findings (the second half of a two-period row reports through the first)
        self.context = context
        self.form = form
        self.l1 = _State()
        self.l2 = _State()
        self.seen_l1: list[str] = []
        self.pending: list[tuple[Draft, str | None, int | None, str | None, int | None]] = []
        self.await_l1: list[Draft] = []
        self.await_l2: list[Draft] = []

    # -- helpers -------------------------------------------------------------------------
    def _parent(self, l2: str) -> str | None:
        parents = self.vocab.parents.get(l2)
        if not parents:
            return None
        for name in reversed(self.seen_l1):
            if name in parents:
                return name
        return parents[0]

    def _set_l1(self, name: str | None, line: int | None, origin: LabelOrigin | None) -> None:
        state = self.l1  # changed in place: nothing keeps a state once the row is placed
        if name != state.name:
            self.await_l1 = []
        state.name, state.line, state.origin = name, line, origin
        if origin is PRINTED and name and name not in self.seen_l1:
            self.seen_l1.append(name)

    def _set_l2(self, name: str | None, line: int | None, origin: LabelOrigin | None) -> None:
        state = self.l2
        if name != state.name:
            self.await_l2 = []
        state.name, state.line, state.origin = name, line, origin

    def _printed_l1(self, name: str, line: int | None) -> None:
        if self.await_l1 and self.l1.name == name:
            for indicator in self.await_l1:
                indicator.level1_origin, indicator.level1_line = FOLLOWING, line
            self.await_l1 = []
        self._set_l1(name, line, PRINTED)

    def _printed_l2(self, name: str, line: int | None) -> None:
        if self.await_l2 and self.l2.name == name:
            for indicator in self.await_l2:
                indicator.level2_origin, indicator.level2_line = FOLLOWING, line
            self.await_l2 = []
        self._set_l2(name, line, PRINTED)

    # -- placing one row -----------------------------------------------------------------
    # (origins are LabelOrigin members or None, compared with ``is``)
    def place(self, indicator: Draft, l1: Tok | None, l2: Tok | None, l3_key: str | None) -> None:
        """Set the labels of ``indicator`` from the label cells printed on its row (or not)."""
        vocab = self.vocab
        above1, above2 = self.l1, self.l2
        # level 2: printed, from the fixed template, inherited, or not known yet
        l2_name: str | None
        if l2 is not None:
            l2_name, l2_line, l2_origin = l2.key, l2.cell.line, PRINTED
        else:
            group = vocab.template.get(l3_key) if l3_key is not None else None
            if group is not None:
                l2_name = group
                if above2.name == group:
                    l2_line, l2_origin = above2.line, INHERITED if above2.origin is PRINTED else VOCABULARY
                else:
                    l2_line, l2_origin = None, VOCABULARY
            elif l1 is None and (
                (above1.name is None and above2.name is None)
                or (above2.name in vocab.template_groups and not indicator.not_applicable)
            ):
                # no group above fits this row: its labels come after it (printed after the span)
                self.pending.append((indicator, above1.name, above1.line, above2.name, above2.line))
                return
            else:
                l2_name, l2_line = above2.name, above2.line
                l2_origin = None if l2_name is None else INHERITED if above2.origin is PRINTED else VOCABULARY
        # level 1: printed (checked against the level 2), implied by the level 2, or inherited
        parents = vocab.parents.get(l2_name) if l2_name is not None else None
        if l1 is not None:
            l1_name, l1_line, l1_origin = l1.key, l1.cell.line, PRINTED
            if parents and l1_name not in parents:
                if l2 is not None:
                    repaired = self._parent(l2.key)
                    message = f"一级指标“{l1.text}”与二级指标“{l2.text}”不符，按指标体系改为“{repaired}”"
                    indicator.repairs.append(message)
                    if not self.quiet:
                        self.context.report(
                            "read.form-label-repaired",
                            Severity.INFO,
                            f"{self.form}：{message}",
                            line=l1.cell.line,
                            text=l1.text,
                        )
                    l1_name, l1_line, l1_origin = repaired, None, VOCABULARY
                else:
                    l2_name, l2_line, l2_origin = None, None, None  # a new group: the old level 2 ends
        elif parents and above1.name not in parents:
            l1_name, l1_line, l1_origin = self._parent(l2_name), None, VOCABULARY
        else:
            l1_name, l1_line = above1.name, above1.line
            l1_origin = None if l1_name is None else INHERITED if above1.origin is PRINTED else VOCABULARY
        # the state for the rows below; labels printed after rows that were given them by vocabulary
        if l1_origin is PRINTED:
            self._printed_l1(l1_name, l1_line)
        elif l1_origin is VOCABULARY and above1.name != l1_name:
            self._set_l1(l1_name, None, VOCABULARY)
        if l2_origin is PRINTED:
            self._printed_l2(l2_name, l2_line)
        elif (l2_origin is VOCABULARY and above2.name != l2_name) or l2_name is None:
            self._set_l2(l2_name, None, l2_origin)
        indicator.level1, indicator.level1_line, indicator.level1_origin = l1_name, l1_line, l1_origin
        indicator.level2, indicator.level2_line, indicator.level2_origin = l2_name, l2_line, l2_origin
        if l1_origin is VOCABULARY:
            self.await_l1.append(indicator)
        if l2_origin is VOCABULARY:
            self.await_l2.append(indicator)
        if self.pending and (l1 is not None or l2 is not None):
            for waiting, *_ in self.pending:
                waiting.level1, waiting.level1_line = l1_name, l1_line
                waiting.level1_origin = FOLLOWING if l1_name is not None else None
                waiting.level2, waiting.level2_line = l2_name, l2_line
                waiting.level2_origin = FOLLOWING if l2_name is not None else None
                waiting.repairs.append("组标签印在本组各行之后，按其后的标签归组")
            self.pending = []

    def finish(self) -> None:
        """Rows still waiting for a label below: keep the group above, and say so."""
        for indicator, l1_name, l1_line, l2_name, l2_line in self.pending:
            indicator.level1, indicator.level1_line = l1_name, l1_line
            indicator.level1_origin = INHERITED if l1_name else None
            indicator.level2, indicator.level2_line = l2_name, l2_line
            indicator.level2_origin = INHERITED if l2_name else None
            indicator.repairs.append("其后没有组标签，沿用上方的组")
        self.pending = []


def assign_levels(indicators: Iterable[Draft], attribute: str) -> None:
    """Decide at which level ``weight``/``score`` figures are recorded: per row, per level-2 group
    or per level-1 group (merged cells), the finest level consistent with the printed cells."""
    rows = list(indicators)
    value_of = (lambda i: i.weight) if attribute == "weight" else (lambda i: i.score)
    groups: list[list[Draft]] = []
    for indicator in rows:
        if groups and groups[-1][0].level1 == indicator.level1:
            groups[-1].append(indicator)
        else:
            groups.append([indicator])

    def printed(items: list[Draft]) -> list[Draft]:
        return [i for i in items if (f := value_of(i)) is not None and f.value is not None]

    def fits(level: ScoreLevel, group: list[Draft]) -> bool:
        if level == ScoreLevel.ROW:
            applicable = [i for i in group if not i.not_applicable]
            return bool(applicable) and all(
                (f := value_of(i)) is not None and f.value is not None for i in applicable
            )
        if level == ScoreLevel.LEVEL1:
            return len(printed(group)) == 1
        subgroups: list[list[Draft]] = []
        for indicator in group:
            if subgroups and subgroups[-1][0].level2 == indicator.level2:
                subgroups[-1].append(indicator)
            else:
                subgroups.append([indicator])
        return all(
            len(printed(sub)) == 1 or (not printed(sub) and all(i.not_applicable for i in sub))
            for sub in subgroups
        )

    with_values = [g for g in groups if printed(g)]
    if not with_values:
        return
    order = (ScoreLevel.ROW, ScoreLevel.LEVEL2, ScoreLevel.LEVEL1)
    form_level = next((lvl for lvl in order if all(fits(lvl, g) for g in with_values)), None)
    for group in with_values:
        level = form_level or next((lvl for lvl in order if fits(lvl, group)), ScoreLevel.ROW)
        for indicator in group:
            if attribute == "weight":
                indicator.weight_level = level
            else:
                indicator.score_level = level
