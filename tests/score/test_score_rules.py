"""Every scoring rule, table-driven: completion, execution points, unit weights and points, grades."""

from __future__ import annotations

from decimal import Decimal

import pytest
from perfbudget_test_score import L1, L2, ROW, evaluation, row, standard_rows

from perfbudget.score import default_profile, score_self_evaluation
from perfbudget.score.completion import completion
from perfbudget.score.self_evaluation import execution_points
from perfbudget.score.tree import Status

SE = default_profile("self_evaluation")
D = Decimal


# ------------------------------------------------------------------ completion


@pytest.mark.parametrize(
    ("target", "actual", "share"),
    [
        # quantitative: actual ÷ target, capped at 100%
        ("501个", "501个", "1"),
        ("≥90%", "85%", "0.9444444444444444444444444444"),
        ("≥80%", "95%", "1"),
        ("3部", "5部", "1"),
        ("≥50篇", "60余篇", "1"),
        ("=12次", "6次", "0.5"),
        (">2500家次", "2800家次", "1"),
        # a ceiling: reaching or staying under it is 100%, else target ÷ actual
        ("≤5%", "3%", "1"),
        ("≤5%", "10%", "0.5"),
        ("<4000件", "3132件", "1"),
        ("≤100万元", "97.797万元", "1"),
        ("≤100万元", "980000元", "1"),  # money in two units
        ("≤0次", "2次", "0"),
        # zero and dates
        ("0次", "0次", "1"),
        ("0次", "1次", None),  # which way is better is not said
        ("2020年底", "2020年底", "1"),
        ("2020年底", "2021年底", None),  # a date is not a quantity
        ("10个", "8%", None),  # units differ
        # qualitative
        ("按时发放", "按时发放", "1"),
        ("完成复创", "基本完成", "0.8"),
        ("全部纳入", "部分完成", "0.6"),
        ("提升", "未完成", "0"),
        ("获奖", "国家一等奖", None),
        ("≤5%", "零失误", None),
        ("≤合同价/预算数", "≤合同价/预算数", "1"),
        ("≥", "95%", None),  # a comparison without its number
        ("提升", "", None),  # no actual value
        ("", "95%", None),  # no target
    ],
)
def test_completion(target, actual, share):
    result = completion(row("产出指标", "数量指标", "指标", target, actual), SE)
    assert result.share == (D(share) if share is not None else None), result.how
    assert result.how


def test_a_not_applicable_row_has_no_completion():
    assert completion(row("效益指标", "经济效益指标", None, na=True), SE).share is None


def test_the_cap_is_in_the_profile():
    capped = SE.model_copy(update={"quantitative": SE.quantitative.model_copy(update={"cap": D(120)})})
    assert completion(row("产出指标", "数量指标", "指标", "3部", "5部"), capped).share == D("1.2")


# ------------------------------------------------------------------ 预算执行率


@pytest.mark.parametrize(
    ("rate", "weight", "points", "capped"),
    [
        ("85.43", "10", "8.54", False),  # 002 #1
        ("61.05", "10", "6.11", False),  # 002 #5: half-up, not half-even (6.10)
        ("97.44", "10", "9.74", False),
        ("75.84", "10", "7.58", False),
        ("89.00", "10", "8.90", False),
        ("99", "10", "9.90", False),
        ("76.27", "10", "7.63", False),  # 002 附件1
        ("120", "10", "10.00", True),  # capped at the weight
        ("0", "10", "0.00", False),
        ("85.43", "20", "17.09", False),  # another weight: 17.086 → 17.09
    ],
)
def test_execution_points(rate, weight, points, capped):
    assert execution_points(D(rate), D(weight), SE) == (D(points), capped)


def test_half_even_rounding_is_a_profile_choice():
    even = SE.model_copy(update={"rounding": "half_even"})
    assert execution_points(D("61.05"), D(10), even) == (D("6.10"), False)


@pytest.mark.parametrize(
    ("printed", "severity"),
    [("8.54", None), ("8.5", "info"), ("8.45", "error"), ("9.54", "error")],
)
def test_execution_score_finding(printed, severity):
    card = score_self_evaluation(evaluation(standard_rows(), execution=printed), SE, "f.txt")
    found = [f for f in card.findings if f.rule == "score.execution-score"]
    assert [f.severity.value for f in found] == ([severity] if severity else [])
    if found:
        assert found[0].ref.line == 34  # the printed score's line
        assert found[0].expected == D("8.54")


@pytest.mark.parametrize(
    ("rate", "budget", "actual", "reported"),
    [
        ("85.43%", "3543.811", "3027.399", False),  # 002 #1
        ("99", "1263.4", "1251.99", False),  # an integer rate: 99.10% rounds to 99
        ("89.80%", "736.3", "660.862", True),  # 002 #7: 89.75%
    ],
)
def test_execution_rate_is_actual_over_budget(rate, budget, actual, reported):
    card = score_self_evaluation(
        evaluation(standard_rows(), rate=rate, budget=budget, actual=actual), SE, "f.txt"
    )
    found = [f for f in card.findings if f.rule == "score.execution-rate"]
    assert len(found) == (1 if reported else 0)
    if found:
        assert found[0].ref.line == 30


# ------------------------------------------------------------------ indicator units


def _unit(card, name: str):
    return next(n for n in card.tree.walk() if n.name == name)


def test_a_reached_indicator_earns_its_printed_score_as_its_weight():
    card = score_self_evaluation(evaluation(standard_rows()), SE)
    node = _unit(card, "数量指标 · 监测点位")
    assert (node.points, node.max, node.status) == (D("25.00"), D("25"), Status.COMPUTED)
    assert "已完成，分值即其得分" in node.rule


@pytest.mark.parametrize(
    ("actual", "printed", "points", "severity"),
    [
        ("90%", "10", "10.00", None),  # reached
        ("85%", "9.44", "9.44", None),  # 85 ÷ 90 × 10 = 9.44
        ("85%", "10", "9.44", "error"),  # full points for a shortfall
        ("基本完成", "8", "8.00", None),  # qualitative band 80%
        ("未完成", "5", "0.00", "error"),
    ],
)
def test_an_indicator_with_a_printed_weight_is_recomputed(actual, printed, points, severity):
    rows = [
        row(
            "产出指标", "质量指标", "数据有效率", "≥90%", actual, score=printed, weight="10", weight_level=ROW
        ),
        row("产出指标", "数量指标", "监测点位", "≥28个", "30个", score="40", weight="40", weight_level=ROW),
    ]
    card = score_self_evaluation(evaluation(rows), SE, "f.txt")
    node = _unit(card, "质量指标 · 数据有效率")
    assert node.points == D(points)
    found = [f for f in card.findings if f.rule == "score.indicator-score"]
    assert [f.severity.value for f in found] == ([severity] if severity else [])
    if found:
        assert found[0].ref.line == node.line  # the printed score


def test_a_shortfall_shares_what_the_group_weight_leaves():
    """产出 50: one indicator reached (printed 30, so weighs 30), the other at 50% weighs the 20 left."""
    rows = [
        row("产出指标", "数量指标", "监测点位", "≥28个", "28个", score="30", weight="50"),
        row("产出指标", "质量指标", "数据有效率", "≥90%", "45%", score="10"),
    ]
    card = score_self_evaluation(evaluation(rows), SE)
    node = _unit(card, "质量指标 · 数据有效率")
    assert (node.points, node.max) == (D("10.00"), D("20.00"))
    assert "平均分配" in node.rule
    assert not [f for f in card.findings if f.rule == "score.indicator-score"]


def test_an_indicator_that_cannot_be_compared_keeps_its_printed_score_and_says_why():
    rows = [row("产出指标", "质量指标", "技术报告", "获奖", "国家一等奖", score="3", weight="50")]
    node = _unit(score_self_evaluation(evaluation(rows), SE), "质量指标 · 技术报告")
    assert (node.points, node.status, node.max) == (D("3"), Status.KEPT, None)
    assert "保留表中得分 3" in node.rule and "国家一等奖" in node.rule


def test_a_score_printed_for_a_level2_group_scores_the_group():
    rows = [
        row("产出指标", "数量指标", "人员数量", "7名", "7名", score="20", score_level=L2, weight="50"),
        row("产出指标", "数量指标", "培训人数", "2人", "2人", score_level=L2),
        row("产出指标", "质量指标", "合格率", "100%", "100%", score="30", score_level=L2),
    ]
    card = score_self_evaluation(evaluation(rows), SE)
    node = _unit(card, "数量指标（2项）")
    assert (node.points, node.max, node.status) == (D("20.00"), D("20"), Status.COMPUTED)
    assert _unit(card, "产出指标").points == D("50.00")


def test_a_group_with_a_row_that_cannot_be_compared_is_kept():
    rows = [
        row("产出指标", "数量指标", "人员数量", "7名", "7名", score="20", score_level=L2, weight="50"),
        row("产出指标", "数量指标", "监管系统", "1个", "未自建系统，改用省厅系统", score_level=L2),
    ]
    node = _unit(score_self_evaluation(evaluation(rows), SE), "数量指标（2项）")
    assert node.status == Status.KEPT and "1/2 项无法比较" in node.rule


def test_a_score_for_the_whole_level1_group():
    rows = [
        row(
            "满意度指标",
            "服务对象满意度指标",
            "群众满意度",
            "≥90%",
            "81%",
            score="9",
            score_level=L1,
            weight="10",
        ),
    ]
    node = _unit(score_self_evaluation(evaluation(rows), SE), "满意度指标（1项）")
    assert (node.points, node.max) == (D("9.00"), D("10"))


def test_a_not_applicable_row_scores_nothing():
    rows = [*standard_rows(), row("效益指标", "经济效益指标", None, na=True, score="0")]
    card = score_self_evaluation(evaluation(rows, total="98.54"), SE)
    assert card.total == D("98.54")
    assert not [f for f in card.findings if f.severity != "info"]


# ------------------------------------------------------------------ groups and totals


@pytest.mark.parametrize(
    ("scores", "message"),
    [
        (("25", "25"), None),
        (("30", "25"), "超过分值"),  # 55 > 50
        (("20", "20"), "各项指标均已完成"),  # 40 < 50 and nothing fell short
    ],
)
def test_group_scores_against_the_group_weight(scores, message):
    card = score_self_evaluation(evaluation(standard_rows(output_scores=scores)), SE, "f.txt")
    found = [f for f in card.findings if f.rule == "score.indicator-score"]
    assert len(found) == (1 if message else 0)
    if message:
        assert message in found[0].message
        assert found[0].cells[0].role == "weight"


def test_points_lost_on_an_indicator_that_cannot_be_compared_are_not_a_finding():
    rows = standard_rows()
    rows[1] = row("产出指标", "质量指标", "技术报告", "获奖", "省级三等奖", score="20")
    card = score_self_evaluation(evaluation(rows), SE)
    assert not [f for f in card.findings if f.rule == "score.indicator-score"]


@pytest.mark.parametrize(
    ("total", "severity"), [("98.54", None), ("98.5", "info"), ("99.54", "error"), (None, None)]
)
def test_total_is_execution_plus_indicator_scores(total, severity):
    card = score_self_evaluation(evaluation(standard_rows(), total=total), SE, "f.txt")
    found = [f for f in card.findings if f.rule == "score.total"]
    assert [f.severity.value for f in found] == ([severity] if severity else [])
    assert card.total == D("98.54")
    if found:
        assert found[0].ref.line == 900


def test_weights_add_up_to_the_scheme_total():
    rows = standard_rows()
    rows[3] = row("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "96%", score="5", weight="5")
    found = [
        f for f in score_self_evaluation(evaluation(rows), SE, "f.txt").findings if f.rule == "score.weights"
    ]
    assert len(found) == 1 and "10 + 50 + 30 + 5" in found[0].message


@pytest.mark.parametrize(
    ("total", "grade"),
    [
        ("95", "优"),
        ("90", "优"),
        ("89.99", "良"),
        ("80", "良"),
        ("79.5", "中"),
        ("60", "中"),
        ("59.99", "差"),
    ],
)
def test_grade_thresholds(total, grade):
    assert SE.grade_of(D(total)) == grade


@pytest.mark.parametrize(
    ("printed", "reported"), [("优", False), ("“优”", False), ("良", True), ("合格", False)]
)
def test_a_printed_grade_against_the_printed_total(printed, reported):
    card = score_self_evaluation(evaluation(standard_rows(), total="98.54", grade=printed), SE, "f.txt")
    found = [f for f in card.findings if f.rule == "score.grade"]
    assert len(found) == (1 if reported else 0)
    if found:
        assert found[0].ref.line == 901


def test_amounts_add_up_over_the_tasks():
    from perfbudget_test_score import fig

    from perfbudget.model.performance import EvaluationTask

    tasks = [
        EvaluationTask(budget=fig("956.13"), actual=fig("937.78")),
        EvaluationTask(budget=fig("283.59"), actual=fig("243.001")),
        EvaluationTask(budget=fig("2304.091"), actual=fig("1846.618")),
    ]
    good = evaluation(standard_rows(), budget="3543.811", actual="3027.399", tasks=tasks)
    assert not [f for f in score_self_evaluation(good, SE).findings if f.rule == "score.budget-sum"]
    bad = evaluation(standard_rows(), budget="3553.811", actual="3027.399", tasks=tasks)
    (found,) = [f for f in score_self_evaluation(bad, SE, "f.txt").findings if f.rule == "score.budget-sum"]
    assert found.difference == D("10.000") and found.ref.line == 20


def test_two_shortfalls_share_the_rest_as_a_guess_and_are_not_reported():
    """The form may have split the 20 points left 15/5: an equal split is explained, never a finding."""
    rows = [
        row("产出指标", "数量指标", "监测点位", "≥28个", "28个", score="30", weight="50"),
        row("产出指标", "质量指标", "数据有效率", "≥90%", "45%", score="7.5"),
        row("产出指标", "时效指标", "报告及时率", "≥90%", "45%", score="2.5"),
    ]
    card = score_self_evaluation(evaluation(rows), SE, "f.txt")
    node = _unit(card, "质量指标 · 数据有效率")
    assert (node.points, node.max) == (D("5.00"), D("10.00"))
    assert not [f for f in card.findings if f.rule == "score.indicator-score"]


def test_the_only_shortfall_gets_what_is_left_and_is_reported():
    rows = [
        row("产出指标", "数量指标", "监测点位", "≥28个", "28个", score="30", weight="50"),
        row("产出指标", "质量指标", "数据有效率", "≥90%", "45%", score="20"),
    ]
    (found,) = [
        f
        for f in score_self_evaluation(evaluation(rows), SE, "f.txt").findings
        if f.rule == "score.indicator-score"
    ]
    assert (found.expected, found.actual) == (D("10.00"), D("20"))
