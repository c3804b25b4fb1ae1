"""A target printed over three columns: 指标性质 / 指标方向, 指标值 and 度量单位.

The 指标性质 (or 指标方向) column says how the bare number of the 指标值 column compares: a symbol
or word (``≥``, ``不低于``) joins the number; ``正向`` / ``正向指标`` means the more the better (``≥``),
``反向`` / ``反向指标`` the less the better (``≤``); ``定性`` makes the value qualitative and ``定量``
says nothing about the comparison. A comparison printed with the value itself wins. The 度量单位
column gives the unit of a number printed without one (the target's and the actual value's).
"""

from __future__ import annotations

from perfbudget.model.performance import Comparison, Target
from perfbudget.recognize.forms.common import Tok, key, text_of
from perfbudget.recognize.forms.draft import Draft
from perfbudget.recognize.forms.targets import PLACEHOLDERS, parse_target

_MAX_UNIT = 6
# what a 指标性质 / 指标方向 cell holds (told apart from a value when a row is read by content)
NATURE_WORDS = frozenset(
    {"正向", "反向", "正向指标", "反向指标", "定量", "定性", "定量指标", "定性指标"}
    | {"≥", "≤", "＝", "=", ">", "<", "＞", "＜", "≧", "≦", "＞＝", "＜＝", ">=", "<="}
    | {"不低于", "不高于", "不少于", "不多于", "不超过", "不小于", "不大于", "大于等于", "小于等于", "等于"}
)


def is_placeholder(text: str) -> bool:
    return text in PLACEHOLDERS


def is_nature(text: str) -> bool:
    return key(text) in NATURE_WORDS


def apply_value_columns(indicator: Draft, nature: Tok | None, value: Tok | None, unit: Tok | None) -> None:
    """Record the 指标性质 and 度量单位 cells and complete the target (and the actual's unit)."""
    if nature is not None and not is_placeholder(nature.text):
        indicator.nature = text_of(nature)
    if unit is not None and not is_placeholder(unit.text):
        indicator.unit_column = text_of(unit)
    unit_text = unit.text.strip() if unit is not None else ""
    if value is not None and indicator.target is not None:
        target = with_nature(indicator.target, nature.text if nature is not None else "", value.text)
        indicator.target = with_unit(target, unit_text)
    if indicator.actual is not None:
        indicator.actual = with_unit(indicator.actual, unit_text)


def with_nature(target: Target, nature: str, value_text: str) -> Target:
    """The target completed by its 指标性质 (see the module doc); unchanged when that says nothing."""
    word = key(nature)
    if not word or is_placeholder(word):
        return target
    if word.startswith("定性"):
        if target.number is None:
            return target
        return Target(qualitative=value_text.strip())  # printed as a number, declared qualitative
    if target.op is not None or target.number is None or target.is_range:
        return target
    if word.startswith(("正向", "反向")):
        op = Comparison.GE if word.startswith("正向") else Comparison.LE
        return target.model_copy(update={"op": op, "spelling": "nature"})
    combined = parse_target(nature.strip() + value_text)  # ``≥`` or ``不低于`` and ``95``
    if combined is not None and combined.op is not None and combined.number is not None:
        return combined
    return target


def with_unit(target: Target, unit_text: str) -> Target:
    """A number printed without its unit takes the 度量单位 column's (not ``定性``, not a sentence)."""
    if (
        target.number is None
        or target.unit is not None
        or not unit_text
        or is_placeholder(unit_text)
        or unit_text.startswith("定性")
        or len(unit_text) > _MAX_UNIT
    ):
        return target
    return target.model_copy(update={"unit": "%" if unit_text == "％" else unit_text})
