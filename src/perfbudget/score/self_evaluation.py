"""Recomputing a 绩效自评表: the 预算执行率 points, every indicator's points, the total and the grade.

The form prints 分值 (weights) and 得分 (scores) at three possible levels (``ScoreLevel``): per
indicator row, per level-2 group (one 得分 for the six 数量指标 of a unit), or per level-1 group
(the 分值 50 of 产出指标 is usually printed once for the group). A *unit* is what one printed 得分
covers: a row, a level-2 group or a level-1 group. The recomputation, in the document's own scale:

* 预算执行率: rate × 分值, at most the 分值, rounded as the profile says (half-up to 2 decimals:
  85.43% × 10 = 8.54, 61.05% × 10 = 6.11);
* a unit's completion (``score/completion.py``): a row's; a group's is the mean of its rows when every
  row can be compared, else it cannot be compared;
* a unit's weight: its 分值 where the form prints one for it; else, since the form splits a group's
  分值 freely and does not print the split, the weight is inferred: a unit that reached its target
  earns its full weight, so its printed 得分 *is* its weight; the rest of the group's 分值 is shared
  equally by the units that fell short; a unit that cannot be compared has no known weight;
* a unit's points: completion × weight (rounded); where the completion or the weight is unknown,
  the printed 得分 is kept and the explanation says why;
* a group's points are the sum of its units', a part's the sum of its groups', the total the
  execution points plus the parts. With a profile that does not use the document's weights, each
  part is rescaled to the profile's weight.

Findings compare the printed figures with the recomputation in the document's own scale, cite the
printed score's line, and are made only where the recomputation does not rest on a guess.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from perfbudget.check.tolerance import parts_tolerance, ratio_tolerance
from perfbudget.model.findings import Finding, Severity
from perfbudget.model.performance import Figure, FundsLine, Indicator, ScoreLevel, SelfEvaluation
from perfbudget.read.clean import squash
from perfbudget.score.common import (
    HUNDRED,
    ZERO,
    ScoreCard,
    cells,
    compare,
    figs,
    num,
    score_tolerance,
    value_of,
)
from perfbudget.score.completion import Completion, completion, percent
from perfbudget.score.profile import Part, Profile
from perfbudget.score.tree import ScoreFigure, ScoreNode, Status, total_of

ONE = Decimal(1)


def _key(text: str | None) -> str:
    return squash(text or "")


@dataclass
class Unit:
    """What one printed 得分 covers: an indicator row, a level-2 group or a level-1 group."""

    level: ScoreLevel
    rows: list[Indicator]
    score: Figure | None = None  # the printed 得分
    weight: Figure | None = None  # a 分值 printed for this unit itself
    completion: Completion | None = None
    w: Decimal | None = None  # the weight used (document scale)
    weight_how: str = ""
    guessed: bool = False  # the weight rests on a guess (several units share what is left, or a kept
    # unit was assumed to have earned its full weight): explained, never reported
    points: Decimal | None = None  # document scale
    status: Status = Status.COMPUTED
    rule: str = ""

    @property
    def name(self) -> str:
        first = self.rows[0]
        if self.level == ScoreLevel.ROW:
            return " · ".join(x for x in (_key(first.level2), first.level3 or "") if x) or "（未命名指标）"
        label = _key(first.level2) if self.level == ScoreLevel.LEVEL2 else _key(first.level1)
        return f"{label or '（未分组）'}（{len(self.applicable)}项）"

    @property
    def applicable(self) -> list[Indicator]:
        return [r for r in self.rows if not r.not_applicable]

    @property
    def printed(self) -> Decimal | None:
        return value_of(self.score)


@dataclass
class Group:
    """A level-1 group of the form (产出指标 …) with its printed 分值."""

    name: str
    rows: list[Indicator]
    weight: Figure | None = None
    units: list[Unit] = field(default_factory=list)
    W: Decimal | None = None  # the group's weight used (document scale)
    W_how: str = ""


def _first(rows: list[Indicator], attr: str, level: ScoreLevel) -> Figure | None:
    """The first figure of ``attr`` (weight or score) printed at ``level`` among ``rows``."""
    for row in rows:
        figure = getattr(row, attr)
        if getattr(row, f"{attr}_level") == level and figure is not None and figure.value is not None:
            return figure
    return None


def _printed_any(rows: list[Indicator], attr: str, level: ScoreLevel) -> Figure | None:
    """The first figure printed (even a placeholder such as ``/``) at ``level``."""
    for row in rows:
        figure = getattr(row, attr)
        if getattr(row, f"{attr}_level") == level and figure is not None and figure.text.strip():
            return figure
    return None


def groups_of(evaluation: SelfEvaluation) -> list[Group]:
    groups: dict[str, Group] = {}
    for row in evaluation.indicators:
        key = _key(row.level1)
        groups.setdefault(key, Group(key or "（未分组）", []))
        groups[key].rows.append(row)
    for group in groups.values():
        group.weight = _first(group.rows, "weight", ScoreLevel.LEVEL1)
        group.units = _units(group)
    return list(groups.values())


def _units(group: Group) -> list[Unit]:
    units: dict[tuple, Unit] = {}
    for index, row in enumerate(group.rows):
        level = row.score_level or ScoreLevel.ROW
        if row.not_applicable and level == ScoreLevel.ROW and value_of(row.score) is None:
            continue  # a not-applicable row without a score is nothing
        key = {ScoreLevel.ROW: ("row", index), ScoreLevel.LEVEL2: ("l2", _key(row.level2))}.get(
            level, ("l1",)
        )
        unit = units.setdefault(key, Unit(level, []))
        unit.rows.append(row)
    kept: list[Unit] = []
    for unit in units.values():
        if not unit.applicable and all(value_of(r.score) is None for r in unit.rows):
            continue  # a group printed only for a not-applicable row (经济效益 ``/``)
        unit.score = _first(unit.rows, "score", unit.level) or _printed_any(unit.rows, "score", unit.level)
        if unit.level == ScoreLevel.ROW:
            row = unit.rows[0]
            unit.weight = (
                row.weight
                if row.weight_level == ScoreLevel.ROW and value_of(row.weight) is not None
                else None
            )
        elif unit.level == ScoreLevel.LEVEL2:
            unit.weight = _first(unit.rows, "weight", ScoreLevel.LEVEL2)
        else:
            unit.weight = group.weight
        kept.append(unit)
    return kept


def _unit_completion(unit: Unit, profile: Profile) -> Completion:
    rows = unit.applicable
    if not rows:
        return Completion(None, "不适用的指标行")
    if unit.level == ScoreLevel.ROW:
        return completion(rows[0], profile)
    results = [(row, completion(row, profile)) for row in rows]
    unknown = [(row, c) for row, c in results if c.share is None]
    if unknown:
        listed = "；".join(f"“{row.level3 or ''}”：{c.how}" for row, c in unknown)
        return Completion(None, f"{len(unknown)}/{len(rows)} 项无法比较（{listed}）")
    mean = sum((c.share for _, c in results), ZERO) / len(results)
    return Completion(mean, f"{len(results)} 项完成程度的平均值 {percent(mean)}")


def _weigh(group: Group, part: Part | None, alone: bool, profile: Profile) -> None:
    """The group's weight and each unit's weight, completion and points (document scale)."""
    if group.weight is not None:
        group.W, group.W_how = group.weight.value, f"表中{group.name}分值 {group.weight.text}"
    elif part is not None and alone:
        group.W, group.W_how = part.weight, f"表中未列{group.name}分值，按评分方案 {num(part.weight)}"
    elif group.units and all(u.weight is not None for u in group.units):
        group.W = sum((u.weight.value for u in group.units), ZERO)  # type: ignore[union-attr]
        group.W_how = "各指标分值之和"
    for unit in group.units:
        unit.completion = _unit_completion(unit, profile)
        if unit.weight is not None:
            unit.w, unit.weight_how = unit.weight.value, f"表中分值 {unit.weight.text}"
        elif unit.level == ScoreLevel.LEVEL1 and group.W is not None:
            unit.w, unit.weight_how = group.W, group.W_how
    known = ZERO
    short: list[Unit] = []
    kept_full = False
    for unit in group.units:
        share = unit.completion.share if unit.completion else None
        if unit.w is not None:
            known += unit.w
        elif share is not None and share >= ONE and unit.printed is not None:
            unit.w, unit.weight_how = unit.printed, "已完成，分值即其得分"
            known += unit.w
        elif share is None:
            if unit.printed is not None:
                known += unit.printed
                kept_full = True
        else:
            short.append(unit)
    if short and group.W is not None and group.W - known > 0:
        share_of = (group.W - known) / len(short)
        for unit in short:
            unit.w = share_of
            unit.weight_how = (
                f"组分值 {num(group.W)} 减去其他指标分值后平均分配（{num(profile.round(share_of))}）"
            )
            unit.guessed = kept_full or len(short) > 1
    for unit in group.units:
        _points(unit, profile)


def _points(unit: Unit, profile: Profile) -> None:
    c = unit.completion
    if c is None or c.share is None:
        unit.points, unit.status = unit.printed, Status.KEPT if unit.printed is not None else Status.MISSING
        why = c.how if c else "无法比较"
        unit.rule = (
            f"保留表中得分 {unit.score.text}：{why}" if unit.printed is not None else f"表中未列得分，{why}"
        )
        return
    if unit.w is None:
        unit.points, unit.status = unit.printed, Status.KEPT if unit.printed is not None else Status.MISSING
        unit.rule = f"{c.how}；分值未列且无法推定，保留表中得分 {unit.score.text if unit.score else '空'}"
        return
    unit.points = profile.round(c.share * unit.w)
    unit.status = Status.COMPUTED
    unit.rule = f"{c.how}；完成 {percent(c.share)} × 分值 {num(profile.round(unit.w))} = {unit.points}（{unit.weight_how}）"


# ------------------------------------------------------------------ the score card


def _name(evaluation: SelfEvaluation) -> str:
    named = evaluation.project_name if evaluation.scope == "项目" and evaluation.project_name else None
    unit = (named or evaluation.unit_name).text if (named or evaluation.unit_name) else ""
    kind = "项目绩效自评表" if evaluation.scope == "项目" else "整体绩效自评表"
    return f"“{unit}”{kind}" if unit else kind


def score_self_evaluation(evaluation: SelfEvaluation, profile: Profile, file: str = "") -> ScoreCard:
    name = _name(evaluation)
    findings: list[Finding] = []
    groups = groups_of(evaluation)
    matched: dict[str, list[Group]] = {}
    for group in groups:
        part = profile.part_for(group.name)
        matched.setdefault(part.key if part else f"?{group.name}", []).append(group)
    for group in groups:
        part = profile.part_for(group.name)
        alone = part is not None and len(matched.get(part.key, [])) == 1
        _weigh(group, part, alone, profile)

    execution, execution_doc = _execution(evaluation, profile, name, file, findings)
    parts = _parts(groups, matched, profile)
    children = [n for n in (execution, *parts) if n is not None]
    total = total_of(children)
    printed_total = value_of(evaluation.total_score)
    tree = ScoreNode(
        name=name,
        points=total,
        max=sum((c.max for c in children if c.max is not None), ZERO),
        printed=printed_total,
        status=Status.SUM,
        rule="自评得分 = 预算执行率得分 + 各类指标得分"
        + (f"；按评分方案“{profile.title}”折算" if not profile.use_document_weights else ""),
        figures=figs(("自评得分", evaluation.total_score)),
        children=children,
        line=evaluation.total_score.line if evaluation.total_score else None,
        page=evaluation.total_score.page if evaluation.total_score else None,
    )
    grade = profile.grade_of(total)
    printed_grade = evaluation.grade.text.strip('“”"') if evaluation.grade else None
    findings += _group_findings(groups, name, file)
    findings += _total_findings(evaluation, groups, execution_doc, name, file)
    findings += _budget_findings(evaluation, name, file)
    findings += _weight_findings(evaluation, groups, profile, name, file)
    findings += grade_findings(profile, evaluation.grade, evaluation.total_score, total, name, file)
    return ScoreCard(
        kind="self_evaluation",
        name=name,
        line=evaluation.line,
        page=evaluation.page,
        profile=profile.name,
        tree=tree,
        printed_total=printed_total,
        printed_grade=printed_grade,
        grade=grade,
        findings=[f for f in findings if f is not None],
    )


def execution_points(rate: Decimal, weight: Decimal, profile: Profile) -> tuple[Decimal, bool]:
    """rate (a percentage) × weight, at most the weight; whether it was capped."""
    capped = rate > HUNDRED
    return profile.round(min(rate, HUNDRED) / HUNDRED * weight), capped


def _execution(
    evaluation: SelfEvaluation, profile: Profile, name: str, file: str, findings: list[Finding]
) -> tuple[ScoreNode | None, Decimal | None]:
    """The 预算执行率 node (profile scale) and the points in the document's scale."""
    rate = evaluation.execution_rate
    printed_weight = value_of(evaluation.execution_weight)
    default = profile.execution.weight if profile.execution else None
    doc_weight = printed_weight if printed_weight is not None else default
    weight = doc_weight if profile.use_document_weights else default
    label = profile.execution.name if profile.execution else "预算执行率"
    used = figs(
        ("预算执行率", rate), ("分值", evaluation.execution_weight), ("得分", evaluation.execution_score)
    )
    printed = value_of(evaluation.execution_score)
    findings.extend(_rate_findings(evaluation, name, file))
    if weight is None:
        return None, None
    if rate is None or rate.value is None:
        status = Status.KEPT if printed is not None else Status.MISSING
        node = ScoreNode(
            name=label,
            points=printed,
            max=weight,
            printed=printed,
            status=status,
            rule="表中没有预算执行率，保留表中得分"
            if printed is not None
            else "表中没有预算执行率，也没有得分",
            figures=used,
        )
        return node, printed
    points, capped = execution_points(rate.value, weight, profile)
    shown = rate.text if rate.text.rstrip().endswith("%") else f"{rate.text}%"
    rule_text = (
        f"{label} {shown}{'（超过100%，按100%计）' if capped else ''} × 分值 {num(weight)} = {points}"
        f"（四舍五入保留{profile.decimals}位小数）"
    )
    if weight != doc_weight:
        rule_text += f"；表中分值 {num(doc_weight)}，按评分方案分值 {num(weight)} 计"
    node = ScoreNode(
        name=label,
        points=points,
        max=weight,
        printed=printed,
        status=Status.COMPUTED,
        rule=rule_text,
        figures=used,
        line=evaluation.execution_score.line if evaluation.execution_score else None,
        page=evaluation.execution_score.page if evaluation.execution_score else None,
    )
    doc_points = points
    if doc_weight is not None and doc_weight != weight:
        doc_points, _ = execution_points(rate.value, doc_weight, profile)
    if printed is not None and doc_weight is not None:
        findings.append(
            compare(
                "score.execution-score",
                Severity.ERROR,
                printed,
                doc_points,
                f"{name}：预算执行率 {rate.text} × 分值 {num(doc_weight)} = {num(doc_points)}，"
                f"表中得分为 {evaluation.execution_score.text}",  # type: ignore[union-attr]
                cells(
                    file,
                    (evaluation.execution_score, "score", "预算执行率得分"),
                    (rate, "rate", "预算执行率"),
                    (evaluation.execution_weight, "weight", "分值"),
                ),
            )
        )
    return node, doc_points


def _rate_findings(evaluation: SelfEvaluation, name: str, file: str) -> list[Finding | None]:
    """预算执行率 = 执行数 ÷ 预算数 (金额合计), and the 执行率 of every other row of the money block."""
    rate, budget, actual = evaluation.execution_rate, evaluation.total_budget, evaluation.total_actual
    found = [execution_rate_finding(rate, budget, actual, name, file)]
    for line in evaluation.funds[1:]:
        found.append(
            execution_rate_finding(line.rate, line.budget, line.actual, f"{name}{line.label.text}", file)
        )
    return found


def execution_rate_finding(
    rate: Figure | None, budget: Figure | None, actual: Figure | None, name: str, file: str
) -> Finding | None:
    if rate is None or budget is None or actual is None:
        return None
    if rate.value is None or budget.value is None or actual.value is None or budget.value == 0:
        return None
    computed = actual.value / budget.value * HUNDRED
    tolerance = ratio_tolerance(rate.value, actual.value, budget.value)
    difference = rate.value - computed
    if abs(difference) <= tolerance:
        return None
    shown = computed.quantize(Decimal("0.01"))
    return Finding(
        rule="score.execution-rate",
        severity=Severity.ERROR,
        message=(
            f"{name}：执行数 {actual.text} ÷ 预算数 {budget.text} = {shown}%，表中预算执行率为 {rate.text}，"
            f"相差 {num(difference.quantize(Decimal('0.01')))} 个百分点（超出尾数误差 {tolerance.quantize(Decimal('0.0001'))}）"
        ),
        cells=cells(
            file, (rate, "rate", "预算执行率"), (actual, "actual", "执行数"), (budget, "budget", "预算数")
        ),
        expected=computed.quantize(Decimal("0.0001")),
        actual=rate.value,
        difference=difference.quantize(Decimal("0.0001")),
        tolerance=tolerance.quantize(Decimal("0.0001")),
    )


def _unit_node(unit: Unit, factor: Decimal, profile: Profile) -> ScoreNode:
    points = unit.points
    rule_text = unit.rule
    if points is not None and factor != ONE:
        points = profile.round(points * factor)
        rule_text += f"；按评分方案折算 × {num(profile.round(factor * 100))}% = {num(points)}"
    used: list[ScoreFigure] = []
    for row in unit.rows:
        label = row.level3 or _key(row.level2)
        used += figs(
            (f"{label} 预期指标值", row.target_raw),
            (f"{label} 实际完成值", row.actual_raw),
        )
    used += figs(("分值", unit.weight), ("得分", unit.score))
    return ScoreNode(
        name=unit.name,
        points=points,
        max=profile.round(unit.w * factor) if unit.w is not None else None,
        printed=unit.printed,
        status=unit.status,
        rule=rule_text,
        figures=used,
        line=unit.score.line if unit.score else unit.rows[0].line,
        page=unit.score.page if unit.score else unit.rows[0].page,
    )


def _group_node(group: Group, factor: Decimal, profile: Profile) -> ScoreNode:
    children = [_unit_node(u, factor, profile) for u in group.units]
    printed = [u.printed for u in group.units if u.printed is not None]
    return ScoreNode(
        name=group.name,
        points=total_of(children),
        max=profile.round(group.W * factor) if group.W is not None else None,
        printed=sum(printed, ZERO) if printed else None,
        status=Status.SUM,
        rule=f"各指标得分之和；{group.W_how or '分值未列'}",
        figures=figs(("分值", group.weight)),
        children=children,
        line=group.weight.line if group.weight else None,
        page=group.weight.page if group.weight else None,
    )


def _parts(groups: list[Group], matched: dict[str, list[Group]], profile: Profile) -> list[ScoreNode]:
    nodes: list[ScoreNode] = []
    for part in profile.parts:
        members = matched.get(part.key, [])
        doc_weight = sum((g.W for g in members if g.W is not None), ZERO)
        if not members:
            nodes.append(
                ScoreNode(
                    name=part.name,
                    points=ZERO,
                    max=part.weight,
                    status=Status.MISSING,
                    rule=f"表中没有{part.name}，不得分",
                )
            )
            continue
        factor = ONE
        if not profile.use_document_weights and doc_weight > 0:
            factor = part.weight / doc_weight
        group_nodes = [_group_node(g, factor, profile) for g in members]
        how = (
            "各指标得分之和"
            if factor == ONE
            else f"表中分值 {num(doc_weight)} 折算为评分方案分值 {num(part.weight)}"
        )
        if len(group_nodes) == 1:
            node = group_nodes[0]
            node.name = part.name if node.name == part.name or factor != ONE else node.name
            node.rule = f"{how}；{node.rule}" if factor != ONE else node.rule
            if factor != ONE:
                node.max = part.weight
            nodes.append(node)
        else:
            nodes.append(
                ScoreNode(
                    name=part.name,
                    points=total_of(group_nodes),
                    max=part.weight if factor != ONE else sum((g.max or ZERO for g in group_nodes), ZERO),
                    status=Status.SUM,
                    rule=f"{'、'.join(g.name for g in members)}之和；{how}",
                    children=group_nodes,
                )
            )
    for key, members in matched.items():
        if key.startswith("?"):
            for group in members:
                node = _group_node(group, ONE, profile)
                node.rule = f"评分方案未列此类指标，按表中分值计；{node.rule}"
                nodes.append(node)
    return nodes


# ------------------------------------------------------------------ findings


def _group_findings(groups: list[Group], name: str, file: str) -> list[Finding | None]:
    out: list[Finding | None] = []
    for group in groups:
        for unit in group.units:
            out.append(_unit_finding(unit, group, name, file))
        out.append(_group_sum_finding(group, name, file))
    return out


def _unit_finding(unit: Unit, group: Group, name: str, file: str) -> Finding | None:
    """A unit recomputed from its completion and a weight that is printed, or inferred without a
    guess (the only unit short of its target, in a group where every other unit could be compared),
    against its printed 得分."""
    if unit.status != Status.COMPUTED or unit.printed is None or unit.points is None or unit.score is None:
        return None
    if unit.guessed:
        return None
    row = unit.applicable[0] if unit.applicable else unit.rows[0]
    return compare(
        "score.indicator-score",
        Severity.ERROR,
        unit.printed,
        unit.points,
        f"{name}：{group.name}“{unit.name}”重算应得 {num(unit.points)} 分（{unit.rule}），表中得分为 {unit.score.text}",
        cells(
            file,
            (unit.score, "score", f"{unit.name} 得分"),
            (row.target_raw, "target", "预期指标值"),
            (row.actual_raw, "actual", "实际完成指标值"),
            (unit.weight or group.weight, "weight", "分值"),
        ),
    )


def _group_sum_finding(group: Group, name: str, file: str) -> Finding | None:
    """A group's printed 得分 add up to more than its 分值, or to less although every unit reached
    its target (the missing points are nobody's)."""
    if group.weight is None or group.W is None:
        return None
    printed = [u.printed for u in group.units if u.printed is not None]
    if not printed:
        return None
    got = sum(printed, ZERO)
    tolerance = score_tolerance(group.W)
    all_full = all(
        u.completion is not None
        and u.completion.share is not None
        and u.completion.share >= ONE
        and u.printed is not None
        for u in group.units
    )
    scores = [u.score for u in group.units if u.score is not None]
    cited = cells(
        file, (group.weight, "weight", f"{group.name}分值"), *((s, "score", "得分") for s in scores)
    )
    if got > group.W + tolerance:
        return Finding(
            rule="score.indicator-score",
            severity=Severity.ERROR,
            message=f"{name}：{group.name}各指标得分合计 {num(got)} 分，超过分值 {group.weight.text} 分。",
            cells=cited,
            expected=group.W,
            actual=got,
            difference=got - group.W,
            tolerance=tolerance,
        )
    if all_full and got < group.W - tolerance:
        return Finding(
            rule="score.indicator-score",
            severity=Severity.ERROR,
            message=(
                f"{name}：{group.name}的各项指标均已完成，重算应得满分 {group.weight.text} 分，"
                f"而各指标得分合计只有 {num(got)} 分，少 {num(group.W - got)} 分且未说明扣分原因。"
            ),
            cells=cited,
            expected=group.W,
            actual=got,
            difference=got - group.W,
            tolerance=tolerance,
        )
    return None


def _total_findings(
    evaluation: SelfEvaluation, groups: list[Group], execution_doc: Decimal | None, name: str, file: str
) -> list[Finding | None]:
    """自评得分 = 预算执行率得分 + Σ 指标得分, as printed (a part the form does not print counts as
    recomputed)."""
    total = evaluation.total_score
    if total is None or total.value is None:
        return []
    execution = value_of(evaluation.execution_score)
    if execution is None:
        execution = execution_doc
    if execution is None:
        return []
    units = [u for g in groups for u in g.units]
    if any(u.printed is None and u.points is None for u in units):
        return []
    indicator_sum = sum(((u.printed if u.printed is not None else u.points) or ZERO for u in units), ZERO)
    expected = execution + indicator_sum
    scores = [u.score for u in units if u.score is not None]
    return [
        compare(
            "score.total",
            Severity.ERROR,
            total.value,
            expected,
            f"{name}：自评得分 {total.text}，而预算执行率得分 {num(execution)} + 各指标得分 {num(indicator_sum)} "
            f"= {num(expected)}",
            cells(
                file,
                (total, "total", "自评得分"),
                (evaluation.execution_score, "part", "预算执行率得分"),
                *((s, "part", "得分") for s in scores),
            ),
        )
    ]


_TASK_SUMS = (
    ("budget", "预算数"),
    ("budget_own", "预算数（其中本级财政资金）"),
    ("actual", "执行数"),
    ("actual_own", "执行数（其中本级财政资金）"),
)
_FUNDS_SUMS = (("initial", "年初预算数"), ("budget", "全年预算数"), ("actual", "全年执行数"))


def _budget_findings(evaluation: SelfEvaluation, name: str, file: str) -> list[Finding | None]:
    """金额合计 = Σ 各任务, for 预算数, 执行数 and their 其中本级财政资金 (not beside a money block,
    whose 年度主要任务 are the main tasks only); 年度资金总额 = Σ the rows under it (当年财政拨款 +
    上年结转资金 + 其他资金) where the block is one split of the total, or Σ each printed group
    (按收入性质分, 按支出性质分) of a block split side by side."""
    out: list[Finding | None] = []
    unit = evaluation.money_unit or "万元"
    sums: list[tuple[str, str, str, Figure | None, list[Figure | None]]] = []
    if evaluation.tasks and not evaluation.funds:  # beside a money block the tasks are the main ones only
        for attr, label in _TASK_SUMS:
            total = getattr(evaluation, f"total_{attr}")
            sums.append((label, "金额合计", "各任务", total, [getattr(t, attr) for t in evaluation.tasks]))
    for what, parts in _splits(evaluation):
        head = evaluation.funds[0]
        for attr, label in _FUNDS_SUMS:
            parts_of = [getattr(p, attr) for p in parts]
            sums.append((label, head.label.text, what, getattr(head, attr), parts_of))
    for label, total_name, what, total, parts in sums:
        values = [p.value for p in parts if p is not None and p.value is not None]
        if total is None or total.value is None or not values:
            continue
        got = sum(values, ZERO)
        difference = total.value - got
        if difference == 0:
            continue
        tolerance = parts_tolerance(total.value, values)
        within = abs(difference) <= tolerance
        verdict = f"在尾数误差 {tolerance} 以内" if within else f"超出尾数误差 {tolerance}"
        out.append(
            Finding(
                rule="score.budget-sum",
                severity=Severity.INFO if within else Severity.ERROR,
                message=(
                    f"{name}：{total_name}{label} {total.text} {unit}，{what}之和 {num(got)} {unit}，"
                    f"相差 {num(difference)} {unit}（{verdict}）"
                ),
                cells=cells(
                    file, (total, "total", f"{total_name}{label}"), *((p, "part", label) for p in parts)
                ),
                expected=got,
                actual=total.value,
                difference=difference,
                tolerance=tolerance,
            )
        )
    return out


def _splits(evaluation: SelfEvaluation) -> list[tuple[str, list[FundsLine]]]:
    """The splits of the total that add up to it: each printed group (按收入性质分, 按支出性质分) of
    a block split side by side, or the rows under the total when they are one split."""
    grouped: dict[str, list[FundsLine]] = {}
    for line in evaluation.funds[1:]:
        if line.group is not None:
            grouped.setdefault(line.group.text, []).append(line)
    if grouped:
        return [(f"{name}各项", lines) for name, lines in grouped.items() if len(lines) >= 2]
    if _one_split(evaluation):
        return [("其下各项", evaluation.funds[1:])]
    return []


def _one_split(evaluation: SelfEvaluation) -> bool:
    """The money block is the total and one split of it: at least two rows under the total, none
    nested (a second ``其中``) and no second split (``按支出性质分``)."""
    parts = evaluation.funds[1:]
    if len(parts) < 2:
        return False
    labels = [_key(p.label.text) for p in parts]
    return sum(label.startswith("其中") for label in labels) <= 1 and not any(
        label.startswith("按") or "其中" in label[2:] for label in labels
    )


def _weight_findings(
    evaluation: SelfEvaluation, groups: list[Group], profile: Profile, name: str, file: str
) -> list[Finding | None]:
    """The printed 分值 (预算执行率 and every level-1 group, or each indicator of a group that prints
    them per row, as the national templates do) add up to the scheme's total (100)."""
    weights: list[Figure | None] = [evaluation.execution_weight]
    for group in groups:
        if not group.units:
            continue
        if group.weight is None and all(u.weight is not None for u in group.units):
            weights += [u.weight for u in group.units]
        else:
            weights.append(group.weight)
    if not profile.use_document_weights or any(w is None or w.value is None for w in weights):
        return []
    got = sum((w.value for w in weights), ZERO)  # type: ignore[union-attr]
    if got == profile.total:
        return []
    shown = " + ".join(w.text for w in weights)  # type: ignore[union-attr]
    return [
        Finding(
            rule="score.weights",
            severity=Severity.WARNING,
            message=f"{name}：各项分值之和 {shown} = {num(got)}，不等于评分方案的总分 {num(profile.total)}。",
            cells=cells(file, *((w, "weight", "分值") for w in weights)),
            expected=profile.total,
            actual=got,
            difference=got - profile.total,
        )
    ]


def grade_findings(
    profile: Profile,
    grade: object,
    printed_total: Figure | None,
    recomputed: Decimal | None,
    name: str,
    file: str,
) -> list[Finding | None]:
    """The printed grade (优/良/中/差) is the grade of the printed total by the profile's thresholds."""
    if grade is None:
        return []
    word = grade.text.strip('“”"「」')  # type: ignore[attr-defined]
    total = value_of(printed_total)
    basis = total if total is not None else recomputed
    expected = profile.grade_of(basis)
    known = {g.name for g in profile.grades}
    if expected is None or word not in known or word == expected:
        return []
    return [
        Finding(
            rule="score.grade",
            severity=Severity.ERROR,
            message=(
                f"{name}：得分 {num(basis)} 按评分等级（{profile.thresholds()}）应为“{expected}”，"
                f"表中评价等级为“{word}”。"
            ),
            cells=cells(file, (grade, "grade", "评价等级"), (printed_total, "total", "得分")),  # type: ignore[arg-type]
            actual=basis,
        )
    ]
