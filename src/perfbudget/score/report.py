"""Recomputing a 绩效评价报告: its total from its dimensions (决策/过程/产出/效益), a dimension from its
scored items, the 预算执行率 item from the rate, and the grade from the total.

A report is prose: it states a score per dimension and, sometimes, per item (``预算执行率为76.27%，
得7.63分``). The total is the sum of the dimension scores; a dimension whose items all state a score is
the sum of its items. A dimension's points (满分) are those the report prints (``决策情况分析（15分）``);
where it prints none, the sum of its items' points, else the profile's weight, is shown — but only
printed points are ever used to find fault. A dimension the report does not score is, when the total
and every other dimension are printed, what the total leaves for it (``implied``), and said so.
"""

from __future__ import annotations

from decimal import Decimal

from perfbudget.model.findings import Finding, Severity
from perfbudget.model.performance import Dimension, EvaluationReport, ScoreItem
from perfbudget.score.common import ZERO, ScoreCard, cells, compare, figs, num, value_of
from perfbudget.score.profile import Profile
from perfbudget.score.self_evaluation import execution_points, execution_rate_finding, grade_findings
from perfbudget.score.tree import ScoreNode, Status, total_of


def _name(report: EvaluationReport) -> str:
    title = report.title.text if report.title else (report.project or "绩效评价报告")
    return f"{report.attachment or ''}《{title}》"


def _is_execution(item: ScoreItem) -> bool:
    return "预算执行率" in "".join(item.name.text.split())


def score_report(report: EvaluationReport, profile: Profile, file: str = "") -> ScoreCard:
    name = _name(report)
    findings: list[Finding | None] = []
    nodes = [_dimension(d, profile, name, file, findings) for d in report.dimensions]
    _imply(report, nodes)
    if not profile.use_document_weights:
        _rescale(report, nodes, profile)
    printed_total = value_of(report.total)
    if nodes:
        points = total_of(nodes)
        status, rule = Status.SUM, "绩效评价得分 = 各维度得分之和"
        if any(n.status == Status.MISSING for n in nodes):
            rule += "（有维度既未列得分也无法推算，合计不完整）"
    else:
        points, status = printed_total, Status.KEPT if printed_total is not None else Status.MISSING
        rule = "报告未列各维度得分，保留报告所列总分" if printed_total is not None else "报告未列得分"
    tree = ScoreNode(
        name=name,
        points=points,
        max=value_of(report.total_points)
        or (sum((n.max or ZERO for n in nodes), ZERO) if nodes else profile.total),
        printed=printed_total,
        status=status,
        rule=rule,
        figures=figs(
            ("总分", report.total_points), ("绩效评价得分", report.total), ("评价等级", report.grade)
        ),
        children=nodes,
        line=report.total.line if report.total else report.line,
        page=report.total.page if report.total else report.page,
    )
    findings += _total_finding(report, name, file)
    findings += _weight_finding(report, profile, name, file)
    findings.append(execution_rate_finding(report.execution_rate, report.budget, report.actual, name, file))
    findings += grade_findings(profile, report.grade, report.total, points, name, file)
    findings.append(_summary_finding(report, name, file))
    return ScoreCard(
        kind="evaluation",
        name=name,
        line=report.line,
        page=report.page,
        profile=profile.name,
        tree=tree,
        printed_total=printed_total,
        printed_grade=report.grade.text if report.grade else None,
        grade=profile.grade_of(points),
        findings=[f for f in findings if f is not None],
    )


def _dimension(
    dimension: Dimension, profile: Profile, name: str, file: str, findings: list[Finding | None]
) -> ScoreNode:
    label = dimension.canonical or dimension.name.text
    part = profile.part_for(dimension.canonical, dimension.name.text)
    printed = value_of(dimension.score)
    maximum, max_how = _maximum(dimension, part.weight if part else None)
    items = [_item(item, profile, name, file, findings) for item in dimension.items]
    used = figs(("分值", dimension.points), ("得分", dimension.score))
    where = dimension.score or dimension.name
    scored = bool(dimension.items) and all(item.score is not None for item in dimension.items)
    listed = sum((i.score.value for i in dimension.items if i.score and i.score.value is not None), ZERO)
    # prose may name only some sub-items: unless their 分值 show the list is whole, item scores that
    # fall short of the dimension's may be a list cut short rather than a wrong sum
    partial = scored and printed is not None and listed < printed and not _complete(dimension)
    if partial:
        points, status, children = printed, Status.KEPT, []
        rule = f"{dimension.name.text}：报告所列得分；所列小项得分之和 {num(listed)} 少于该项得分，小项或未全部列出；{max_how}"
        used += [f for item in dimension.items for f in figs((f"{item.name.text} 得分", item.score))]
        findings.append(
            _items_finding(
                Severity.WARNING,
                f"{name}：{dimension.name.text}得分 {dimension.score.text}，"  # type: ignore[union-attr]
                f"而所列各小项得分之和为 {num(listed)}（报告未列各小项分值，小项或未全部列出）",
                dimension,
                printed,  # type: ignore[arg-type]
                listed,
                label,
                file,
            )
        )
    elif scored:
        points, status = total_of(items), Status.SUM
        rule = f"{dimension.name.text}：各小项得分之和；{max_how}"
        children = items
        if printed is not None:
            findings.append(
                _items_finding(
                    Severity.ERROR,
                    f"{name}：{dimension.name.text}得分 {dimension.score.text}，"  # type: ignore[union-attr]
                    f"而各小项得分之和为 {num(listed)}",
                    dimension,
                    printed,
                    listed,
                    label,
                    file,
                )
            )
    elif printed is not None:
        points, status, children = printed, Status.KEPT, []
        why = "各小项未全部列出得分，无法逐项重算" if dimension.items else "报告未列各小项得分"
        rule = f"{dimension.name.text}：报告所列得分；{why}；{max_how}"
        used += [
            f
            for item in dimension.items
            for f in figs((f"{item.name.text} 得分", item.score), (f"{item.name.text} 分值", item.points))
        ]
    else:
        points, status, children = None, Status.MISSING, []
        rule = f"{dimension.name.text}：报告未列得分"
    ceiling = value_of(dimension.points)
    if printed is not None and ceiling is not None and printed > ceiling:
        findings.append(
            Finding(
                rule="score.report-dimension",
                severity=Severity.ERROR,
                message=f"{name}：{dimension.name.text}得分 {dimension.score.text} 超过其分值 {dimension.points.text}。",  # type: ignore[union-attr]
                cells=cells(
                    file,
                    (dimension.score, "score", f"{label}得分"),
                    (dimension.points, "points", f"{label}分值"),
                ),
                expected=ceiling,
                actual=printed,
                difference=printed - ceiling,
            )
        )
    return ScoreNode(
        name=label,
        points=points,
        max=maximum,
        printed=printed,
        status=status,
        rule=rule,
        figures=used,
        children=children,
        line=where.line,
        page=where.page,
    )


_ASSUMED = "（报告未列该项分值，按评分方案）"


def _items_finding(
    severity: Severity,
    message: str,
    dimension: Dimension,
    printed: Decimal,
    listed: Decimal,
    label: str,
    file: str,
) -> Finding | None:
    """A dimension's printed score against the sum of its listed items' scores."""
    return compare(
        "score.report-dimension",
        severity,
        printed,
        listed,
        message,
        cells(
            file,
            (dimension.score, "total", f"{label}得分"),
            *((i.score, "part", i.name.text) for i in dimension.items),
        ),
    )


def _complete(dimension: Dimension) -> bool:
    """The sub-items listed make up the whole dimension: their printed 分值 add up to its 分值.

    Without 分值 for the dimension and every item, a report's prose may list only some items."""
    total = value_of(dimension.points)
    item_points = [value_of(i.points) for i in dimension.items]
    if total is None or any(p is None for p in item_points):
        return False
    return sum(item_points, ZERO) == total  # type: ignore[arg-type]


def _maximum(dimension: Dimension, weight: Decimal | None) -> tuple[Decimal | None, str]:
    if dimension.points is not None and dimension.points.value is not None:
        return dimension.points.value, f"分值 {dimension.points.text}（报告所列）"
    printed = value_of(dimension.score)
    item_points = [
        i.points.value for i in dimension.items if i.points is not None and i.points.value is not None
    ]
    if item_points and (printed is None or sum(item_points, ZERO) >= printed):
        total = sum(item_points, ZERO)
        return total, f"分值 {num(total)}（报告未列，按各小项分值合计）"
    if weight is not None and (printed is None or weight >= printed):
        return weight, f"分值 {num(weight)}（报告未列，按评分方案）"
    return None, "分值未列"


def _item(
    item: ScoreItem, profile: Profile, name: str, file: str, findings: list[Finding | None]
) -> ScoreNode:
    printed = value_of(item.score)
    used = figs(("分值", item.points), ("得分", item.score), ("比率", item.rate), ("扣分", item.deduction))
    node = ScoreNode(
        name=item.name.text,
        points=printed,
        max=value_of(item.points),
        printed=printed,
        status=Status.KEPT if printed is not None else Status.MISSING,
        rule="报告所列得分" if printed is not None else "报告未列得分",
        figures=used,
        line=(item.score or item.name).line,
        page=(item.score or item.name).page,
    )
    if _is_execution(item) and item.rate is not None and item.rate.value is not None and profile.execution:
        # the report's own 分值 for the item when it prints one; else the scoring profile's
        printed_weight = value_of(item.points)
        weight = printed_weight if printed_weight is not None else profile.execution.weight
        severity = Severity.ERROR
        points, capped = execution_points(item.rate.value, weight, profile)
        node.rule = f"预算执行率 {num(item.rate.value)}%{'（按100%计）' if capped else ''} × 分值 {num(weight)} = {points}"
        if printed is not None:
            node.points, node.status = points, Status.COMPUTED
            findings.append(
                compare(
                    "score.execution-score",
                    severity,
                    printed,
                    points,
                    f"{name}：预算执行率 {item.rate.text}% × 分值 {num(weight)}{_ASSUMED if printed_weight is None else ''}"
                    f" = {num(points)}，报告所列得分为 {item.score.text}",  # type: ignore[union-attr]
                    cells(file, (item.score, "score", "预算执行率得分"), (item.rate, "rate", "预算执行率")),
                )
            )
        elif item.deduction is not None and item.deduction.value is not None:
            expected = weight - points
            node.rule += f"，扣 {num(expected)} 分"
            findings.append(
                compare(
                    "score.execution-score",
                    severity,
                    item.deduction.value,
                    expected,
                    f"{name}：预算执行率 {item.rate.text}% × 分值 {num(weight)}{_ASSUMED if printed_weight is None else ''}"
                    f" = {num(points)}，应扣 {num(expected)} 分，"
                    f"报告所列扣分为 {item.deduction.text}",
                    cells(
                        file, (item.deduction, "score", "预算执行率扣分"), (item.rate, "rate", "预算执行率")
                    ),
                )
            )
    return node


def _imply(report: EvaluationReport, nodes: list[ScoreNode]) -> None:
    """A dimension the report does not score: the printed total less every other dimension."""
    missing = [n for n in nodes if n.points is None]
    total = value_of(report.total)
    if len(missing) != 1 or total is None:
        return
    node = missing[0]
    rest = total_of([n for n in nodes if n is not node])
    node.points, node.status = total - rest, Status.IMPLIED
    node.rule += f"；按报告总分推算：{num(total)} − 其他维度 {num(rest)} = {num(node.points)}（推算，未核对）"


def _rescale(report: EvaluationReport, nodes: list[ScoreNode], profile: Profile) -> None:
    for node in nodes:
        part = profile.part_for(node.name)
        if part is None or node.points is None or not node.max:
            continue
        factor = part.weight / node.max
        node.points = profile.round(node.points * factor)
        node.rule += f"；按评分方案分值 {num(part.weight)} 折算（× {num(part.weight)}/{num(node.max)}）"
        node.max = part.weight
        node.children = []  # the items stay in the report's own scale; their figures are kept


def _total_finding(report: EvaluationReport, name: str, file: str) -> list[Finding | None]:
    """The total equals the sum of the dimension scores, where every dimension is scored."""
    if report.total is None or report.total.value is None or not report.dimensions:
        return []
    scores = [d.score for d in report.dimensions]
    if any(s is None or s.value is None for s in scores):
        return []
    got = sum((s.value for s in scores), ZERO)  # type: ignore[union-attr]
    shown = " + ".join(s.text for s in scores)  # type: ignore[union-attr]
    return [
        compare(
            "score.report-total",
            Severity.ERROR,
            report.total.value,
            got,
            f"{name}：绩效评价得分 {report.total.text}，而各维度得分 {shown} = {num(got)}",
            cells(
                file,
                (report.total, "total", "绩效评价得分"),
                *((s, "part", d.name.text) for s, d in zip(scores, report.dimensions, strict=True)),
            ),
        )
    ]


def _weight_finding(report: EvaluationReport, profile: Profile, name: str, file: str) -> list[Finding | None]:
    """The dimension points the report prints add up to its total points (100)."""
    points = [d.points for d in report.dimensions]
    if not points or any(p is None or p.value is None for p in points) or not profile.use_document_weights:
        return []
    got = sum((p.value for p in points), ZERO)  # type: ignore[union-attr]
    expected = value_of(report.total_points) or profile.total
    if got == expected:
        return []
    return [
        Finding(
            rule="score.weights",
            severity=Severity.WARNING,
            message=f"{name}：各维度分值之和 {num(got)}，不等于总分 {num(expected)}。",
            cells=cells(file, *((p, "weight", "分值") for p in points)),
            expected=expected,
            actual=got,
            difference=got - expected,
        )
    ]


def _summary_finding(report: EvaluationReport, name: str, file: str) -> Finding | None:
    """The score the 情况说明 announces is the report's total."""
    if report.summary_score is None or report.summary_score.value is None or report.total is None:
        return None
    if report.total.value is None:
        return None
    return compare(
        "score.report-summary",
        Severity.ERROR,
        report.summary_score.value,
        report.total.value,
        f"{name}：情况说明所述绩效评价得分 {report.summary_score.text}，报告所列得分为 {report.total.text}",
        cells(
            file, (report.summary_score, "summary", "情况说明所述得分"), (report.total, "total", "报告得分")
        ),
    )
