"""How far an indicator reached its target: a share between 0 and 1, or ``None`` when the printed
figures do not allow a comparison — never a guess.

* quantitative (both the target and the actual value are numbers in the same unit): actual ÷
  target for a target to reach (``≥95%``, ``=1次``, ``501个``), target ÷ actual for a ceiling
  (``≤5%``, ``<4000件``: reaching or staying under it is 100%), capped at the profile's ``cap``;
  a date (``2020年底``) is reached when the actual is the same date; a range (``1-2次``,
  ``90%-95%``) is reached by an actual inside it (below it: actual ÷ lower bound; above it: upper
  bound ÷ actual); a change against a baseline (``较上年提高5%``) compares only with an actual
  change in the same direction (``提高6%``);
* qualitative: an actual equal to the target (``按时发放`` → ``按时发放``) is 达成; an actual that is
  exactly one of the profile's band words (``基本完成``) is that band; anything else (``国家一等奖``
  for ``获奖``) cannot be compared; nor can a zero in words and a rate (``零失误`` for ``≤5%``).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from perfbudget.model.performance import Comparison, Indicator, Target
from perfbudget.score.profile import Profile

ZERO, ONE, HUNDRED = Decimal(0), Decimal(1), Decimal(100)
_MONEY = {"元": Decimal(1), "千元": Decimal(1000), "万元": Decimal(10000), "亿元": Decimal(100000000)}
_LOWER = (Comparison.LE, Comparison.LT)


@dataclass(frozen=True)
class Completion:
    share: Decimal | None  # 0…cap/100; None: cannot be compared
    how: str  # the comparison in words, with the figures


def _key(text: str | None) -> str:
    return "".join((text or "").split()).strip('。.，,；;“”"‘’「」')  # ``“优良”`` is ``优良``


def percent(share: Decimal) -> str:
    return f"{(share * HUNDRED).quantize(Decimal('0.01'))}%"


def _unit(target: Target) -> str:
    return "".join((target.unit or "").split())


def _same_scale(target: Target, actual: Target) -> tuple[Decimal, Decimal] | None:
    """The two numbers in one unit, or None when the units differ (``个`` and ``%``)."""
    a, b = _unit(target), _unit(actual)
    assert target.number is not None and actual.number is not None
    if a == b or not a or not b:
        return target.number, actual.number
    if a in _MONEY and b in _MONEY:
        return target.number * _MONEY[a], actual.number * _MONEY[b]
    return None


def _count_and_rate(target: Target, actual: Target) -> bool:
    """``零失误`` (a count in words) beside ``≤5%`` (a rate): not the same measure."""
    rates = ("%", "‰")
    return (target.subject is not None and _unit(actual) in rates) or (
        actual.subject is not None and _unit(target) in rates
    )


def _is_date(target: Target) -> bool:
    return target.number is not None and target.number >= 1900 and "年" in _unit(target)


def completion(indicator: Indicator, profile: Profile) -> Completion:
    target, actual = indicator.target, indicator.actual
    target_text = indicator.target_raw.text if indicator.target_raw else ""
    actual_text = indicator.actual_raw.text if indicator.actual_raw else ""
    if indicator.not_applicable:
        return Completion(None, "不适用的指标行")
    if not _key(target_text) or target is None:
        return Completion(None, "没有预期指标值，无法比较")
    if not _key(actual_text) or actual is None:
        return Completion(None, "没有实际完成值，无法比较")
    if target.number is not None and actual.number is not None and not target.operator_only:
        if target.change is not None and (actual.change is None or actual.is_decrease != target.is_decrease):
            return Completion(
                None, f"目标“{target_text}”是较基期的变化，实际“{actual_text}”不是同向的变化，无法比较"
            )
        if _count_and_rate(target, actual):
            return Completion(None, f"实际“{actual_text}”与目标“{target_text}”一为件数、一为比率，无法比较")
        if target.is_range:
            return _within(target, actual, target_text, actual_text, profile)
        return _quantitative(target, actual, target_text, actual_text, profile)
    if _key(actual_text) == _key(target_text):
        return Completion(ONE, f"实际“{actual_text}”与目标一致：达成")
    band = profile.band_of(actual_text)
    if band is not None:
        return Completion(band.share / HUNDRED, f"实际“{actual_text}”：{band.name}（{band.share}%）")
    return Completion(
        None,
        f"实际“{actual_text}”与目标“{target_text}”无法按数值比较，也不是完成程度用语"
        f"（{'/'.join(b.name for b in profile.bands) or '无'}）",
    )


def _quantitative(
    target: Target, actual: Target, target_text: str, actual_text: str, profile: Profile
) -> Completion:
    cap = profile.quantitative.cap / HUNDRED
    scaled = _same_scale(target, actual)
    if scaled is None:
        return Completion(None, f"实际“{actual_text}”与目标“{target_text}”单位不同，无法比较")
    goal, got = scaled
    if _is_date(target):
        if goal == got and _unit(target) == _unit(actual):
            return Completion(ONE, f"实际“{actual_text}”与目标“{target_text}”相同：按期完成")
        return Completion(None, f"实际“{actual_text}”与目标“{target_text}”是日期，无法按比例计算")
    if target.op in _LOWER:
        reached = got < goal if target.op == Comparison.LT else got <= goal
        if reached:
            return Completion(ONE, f"实际 {actual_text} 未超过目标 {target_text}（越低越好）：完成")
        if goal <= 0:
            return Completion(ZERO, f"实际 {actual_text} 超过目标 {target_text}：完成 0%")
        share = min(goal / got, cap)
        return Completion(
            share, f"目标 {target_text} ÷ 实际 {actual_text} = {percent(goal / got)}（越低越好）"
        )
    if goal <= 0:
        if got == goal or (target.op in (Comparison.GE, Comparison.GT) and got >= goal):
            return Completion(ONE, f"实际 {actual_text}，目标 {target_text}：完成")
        return Completion(None, f"目标为 {target_text}，实际 {actual_text}：无法按比例计算")
    ratio = got / goal
    share = min(ratio, cap)
    capped = "（封顶）" if ratio > cap else ""
    return Completion(share, f"实际 {actual_text} ÷ 目标 {target_text} = {percent(ratio)}{capped}")


def _within(
    target: Target, actual: Target, target_text: str, actual_text: str, profile: Profile
) -> Completion:
    """A range: inside it is reached; outside, the distance to the nearer bound as a share."""
    scaled = _same_scale(target, actual)
    assert target.number is not None and target.upper is not None
    if scaled is None:
        return Completion(None, f"实际“{actual_text}”与目标“{target_text}”单位不同，无法比较")
    low, got = scaled
    high = low / target.number * target.upper if target.number else target.upper  # same scale as low
    if low <= got <= high:
        return Completion(ONE, f"实际 {actual_text} 在目标区间 {target_text} 之内：完成")
    if got > high:
        share = min(high / got, profile.quantitative.cap / HUNDRED)
        return Completion(
            share,
            f"实际 {actual_text} 高于目标区间 {target_text} 的上限：上限 ÷ 实际 = {percent(high / got)}",
        )
    if low <= 0:
        return Completion(None, f"目标区间为 {target_text}，实际 {actual_text}：无法按比例计算")
    return Completion(
        min(got / low, ONE),
        f"实际 {actual_text} 低于目标区间 {target_text} 的下限：实际 ÷ 下限 = {percent(got / low)}",
    )
