"""Indicator rows read by content rather than by column: label cells first, then the level-3
name, the value and (where the form has one) the 度量单位. Used where rows are shifted sideways."""

from __future__ import annotations

from perfbudget.model.performance import Period
from perfbudget.recognize.forms.common import Tok, View, text_of
from perfbudget.recognize.forms.draft import Draft
from perfbudget.recognize.forms.labels import HEADER_WORDS, LabelTracker, Vocabulary, pick_labels
from perfbudget.recognize.forms.nature import is_nature, with_nature
from perfbudget.recognize.forms.targets import PLACEHOLDERS, parse_target

# what a 度量单位 cell holds (a separate column; values carry their unit inline elsewhere)
UNIT_WORDS = frozenset(
    {
        "%",
        "％",
        "定性指标",
        "定性",
        "个",
        "次",
        "套",
        "小时",
        "项",
        "批",
        "台",
        "天",
        "人",
        "家",
        "份",
        "元",
        "万元",
        "年",
        "月",
        "日",
        "公里",
        "吨",
        "辆",
        "场",
        "期",
        "篇",
        "条",
        "件",
        "处",
        "座",
        "亩",
        "平方米",
        "立方米",
        "人次",
        "家次",
        "册",
        "本",
        "部",
        "名",
        "分钟",
        "秒",
        "户",
        "期次",
        "km",
        "m",
        "t",
    }
)
_NOT_APPLICABLE = ("本项目无", "此项目无", "该项目无", "无此项", "不适用")


def is_placeholder(text: str) -> bool:
    return text in PLACEHOLDERS


def split_labels(toks: list[Tok], vocab: Vocabulary) -> tuple[list[Tok], list[Tok]]:
    """Header words dropped; the label cells before the first content cell; the content cells."""
    labels: list[Tok] = []
    contents: list[Tok] = []
    kinds = vocab.kinds
    for token in toks:
        token_key = token.key
        if token_key in HEADER_WORDS:
            continue
        if not contents and token_key in kinds:
            labels.append(token)
        else:
            contents.append(token)
    return labels, contents


def not_applicable_name(text: str) -> bool:
    return text.startswith(_NOT_APPLICABLE)


def build(
    row_line: int | None,
    row_page: int | None,
    name: Tok | None,
    value: Tok | None,
    period: Period | None = None,
) -> Draft:
    """An indicator from its name and value cells (either may be missing)."""
    indicator = Draft(row_line, row_page, period)
    if name is not None and name.text not in PLACEHOLDERS:
        indicator.level3 = name.text
    if value is not None and value.text not in PLACEHOLDERS:
        indicator.target_raw = text_of(value)
        indicator.target = parse_target(value.text)
    if indicator.target_raw is None and (indicator.level3 is None or not_applicable_name(indicator.level3)):
        indicator.not_applicable = True
    return indicator


def with_unit_column(indicator: Draft, unit: Tok) -> None:
    """Keep the 度量单位 cell; a bare number takes its unit from it (``≥100`` + ``%``)."""
    indicator.unit_column = text_of(unit)
    target = indicator.target
    text = unit.text.strip()
    if (
        target is not None
        and target.number is not None
        and target.unit is None
        and text in UNIT_WORDS
        and not text.startswith("定性")
    ):
        indicator.target = target.model_copy(update={"unit": "%" if text == "％" else text})


class Collector:
    """Indicators of one form (one half), with label-only rows held until the next row tells
    whether they head a group (dropped) or stand for a group that does not apply (kept)."""

    def __init__(self) -> None:
        self.items: list[Draft] = []
        self._held: Draft | None = None

    def add(self, indicator: Draft, prints_label: bool, label_only: bool = False) -> None:
        if self._held is not None:
            held = self._held
            heads_group = not prints_label or held.level2 is None
            if heads_group and held.weight is None and held.score is None:
                self.items.remove(held)  # it headed the group this row belongs to
            self._held = None
        self.items.append(indicator)
        if label_only:
            self._held = indicator


def token_row(
    v: View,
    vocab: Vocabulary,
    tracker: LabelTracker,
    collected: Collector,
    unit_col: int | None = None,
    unit_column: bool = False,
    nature_column: bool = False,
) -> None:
    """One indicator row read by content: labels, then name, value and (``unit_column``) 度量单位;
    with ``nature_column`` the 指标性质 / 指标方向 cell is told by its words (``正向``, ``定性``, ``≥``)."""
    labels, contents = split_labels(v.toks, vocab)
    if contents and is_placeholder(contents[0].text) and not labels:
        return  # ``...`` placeholder rows
    if not labels and len(contents) == 1 and collected.items and v.row.page is not None:
        previous = collected.items[-1]
        if previous.page is not None and previous.page != v.row.page and previous.level3:
            previous.level3 += contents[0].text  # a name cell split by a page break (PDF)
            previous.repairs.append("名称单元格跨页断开，已接续")
            return
    notes: list[str] = []
    l1, l2 = pick_labels(labels, vocab, notes)
    name = contents[0] if contents else None
    value = unit = nature = None
    rest = contents[1:]
    if nature_column:
        natures = [t for t in rest[:-1] if is_nature(t.text)]  # before the value (a last 定性指标 is a unit)
        if natures:
            nature = natures[0]
            rest = [t for t in rest if t is not nature]
    if len(rest) == 1:
        if unit_column and rest[0].text.strip() in UNIT_WORDS:
            unit = rest[0]
        else:
            value = rest[0]
            if unit_col is not None and value.col >= unit_col:
                notes.append("指标值印在度量单位栏")
    elif len(rest) >= 2:
        value = rest[0]
        if unit_column:
            unit, extra = rest[1], rest[2:]
        else:
            extra = rest[1:]
        if extra:
            notes.append("多余单元格未采用：" + "；".join(t.text for t in extra))
    indicator = build(v.row.line, v.row.page, name, value)
    if nature is not None:
        indicator.nature = text_of(nature)
        if indicator.target is not None and value is not None:
            indicator.target = with_nature(indicator.target, nature.text, value.text)
    if unit is not None:
        with_unit_column(indicator, unit)
    indicator.repairs.extend(notes)
    if not contents:
        indicator.not_applicable = True
    tracker.place(indicator, l1, l2, name.key if name is not None else None)
    collected.add(indicator, prints_label=bool(labels), label_only=not contents)
