"""Evaluation reports: total from the dimensions, a dimension from its items, the 预算执行率 item, the
grade and the 情况说明's figure — on fictional reports shaped like 002's 附件."""

from __future__ import annotations

from decimal import Decimal

import pytest
from perfbudget_test_score import dimension, item, report

from perfbudget.score import default_profile, score_report
from perfbudget.score.tree import Status

EV = default_profile("evaluation")
D = Decimal


def _dimensions(process_score: str = "22.63", execution: str = "7.63") -> list:
    return [
        dimension(
            "决策情况分析",
            "决策",
            points="15",
            score="15",
            items=[
                item("立项依据充分性", score="2"),
                item("绩效目标", score="6"),
                item("预算编制", score="7"),
            ],
        ),
        dimension(
            "管理情况分析",
            "过程",
            points="25",
            score=process_score,
            items=[
                item("资金到位率", score="2"),
                item("预算执行率", score=execution, rate="76.27"),
                item("资金使用合规性", score="5"),
                item("组织实施", score="8"),
            ],
        ),
        dimension("产出情况分析", "产出", points="30", score="30"),
        dimension(
            "效果情况分析",
            "效益",
            points="30",
            score="30",
            items=[
                item("社会效益", points="10"),
                item("可持续影响", points="10"),
                item("满意度", points="10"),
            ],
        ),
    ]


def findings(card, rule_id):
    return [f for f in card.findings if f.rule == rule_id]


def test_a_consistent_report_recomputes_to_its_total():
    card = score_report(report(_dimensions(), total="97.63", grade="优", summary="97.63"), EV, "f.txt")
    assert card.total == D("97.63")
    assert [n.points for n in card.tree.children] == [D("15"), D("22.63"), D("30"), D("30")]
    assert card.grade == "优"
    assert [f for f in card.findings if f.severity != "info"] == []
    execution = next(n for n in card.tree.walk() if n.name == "预算执行率")
    assert execution.rule == "预算执行率 76.27% × 分值 10 = 7.63"
    assert execution.status == Status.COMPUTED


@pytest.mark.parametrize(("total", "severity"), [("97.63", None), ("97.6", "info"), ("96.63", "error")])
def test_report_total_is_the_sum_of_the_dimensions(total, severity):
    found = findings(score_report(report(_dimensions(), total=total), EV, "f.txt"), "score.report-total")
    assert [f.severity.value for f in found] == ([severity] if severity else [])
    if found:
        assert found[0].ref.line == 5537


def test_a_dimension_is_the_sum_of_its_scored_items():
    (found,) = findings(
        score_report(report(_dimensions(process_score="23.63"), total="98.63"), EV, "f.txt"),
        "score.report-dimension",
    )
    assert (found.expected, found.actual) == (D("22.63"), D("23.63"))  # 2 + 7.63 + 5 + 8
    assert "管理情况分析" in found.message
    # the items print no 分值, so the list may be short of an item: a warning, not an error
    assert found.severity.value == "warning"


def test_items_whose_points_make_up_the_dimension_must_add_up():
    dims = [
        dimension(
            "管理情况分析",
            "过程",
            points="25",
            score="23.63",
            items=[
                item("资金管理", points="10", score="9"),
                item("预算执行率", points="10", score="7.63", rate="76.27"),
                item("组织实施", points="5", score="5"),
            ],
        )
    ]
    (found,) = findings(score_report(report(dims), EV, "f.txt"), "score.report-dimension")
    assert (found.expected, found.actual, found.severity.value) == (D("21.63"), D("23.63"), "error")


def test_items_above_the_dimension_are_an_error_even_when_not_all_listed():
    dims = [dimension("管理情况分析", "过程", points="25", score="5", items=[item("资金管理", score="6")])]
    (found,) = findings(score_report(report(dims), EV, "f.txt"), "score.report-dimension")
    assert found.severity.value == "error"


def test_a_dimension_that_names_one_of_its_items_keeps_its_printed_score():
    """Prose that mentions one sub-item (预算执行率为96%，得4.8分) under a dimension scored 17.5."""
    dims = _dimensions()
    dims[1] = dimension(
        "项目过程情况", "过程", points="25", score="17.5", items=[item("预算执行率", score="4.8", rate="48")]
    )
    card = score_report(report(dims, total="92.5"), EV, "f.txt")
    process = next(n for n in card.tree.children if n.name == "过程")
    assert (process.points, process.status) == (D("17.5"), Status.KEPT)
    assert "未全部列出" in process.rule
    assert [f.severity.value for f in findings(card, "score.report-dimension")] == ["warning"]
    assert not findings(card, "score.report-total")


def test_the_execution_item_is_scored_by_its_printed_points():
    dims = _dimensions()
    dims[1].items[1] = item("预算执行率", points="5", score="3.81", rate="76.27")
    assert not findings(score_report(report(dims), EV, "f.txt"), "score.execution-score")  # 76.27% × 5
    dims[1].items[1] = item("预算执行率", points="5", score="7.63", rate="76.27")
    (found,) = findings(score_report(report(dims), EV, "f.txt"), "score.execution-score")
    assert (found.severity.value, found.expected) == ("error", D("3.81"))
    assert "分值 5 =" in found.message


def test_a_dimension_above_its_points():
    dims = _dimensions()
    dims[2] = dimension("产出情况分析", "产出", points="30", score="32")
    found = findings(score_report(report(dims, total="99.63"), EV, "f.txt"), "score.report-dimension")
    assert any("超过其分值" in f.message for f in found)


@pytest.mark.parametrize(("printed", "severity"), [("7.63", None), ("7.6", "info"), ("7.36", "error")])
def test_the_execution_item_is_rate_times_ten(printed, severity):
    dims = _dimensions(execution=printed)
    found = findings(score_report(report(dims), EV, "f.txt"), "score.execution-score")
    assert [f.severity.value for f in found] == ([severity] if severity else [])


@pytest.mark.parametrize(("deduction", "severity"), [("0.19", None), ("0.29", "error")])
def test_the_execution_item_as_a_deduction(deduction, severity):
    """附件3: 预算执行率为98.12%，按规定扣0.19分."""
    dims = [
        dimension(
            "管理情况分析",
            "过程",
            score="19.81",
            items=[
                item("资金管理", points="9.81"),
                item("预算执行率", rate="98.12", deduction=deduction),
                item("组织实施", points="10"),
            ],
        )
    ]
    found = findings(score_report(report(dims), EV, "f.txt"), "score.execution-score")
    assert [f.severity.value for f in found] == ([severity] if severity else [])


def test_a_report_with_its_own_points_is_scored_by_them():
    """附件3 scores 25 / 20 / 30 / 25 without printing the points: no fault is found by the profile's 15/25/30/30."""
    dims = [
        dimension(
            "决策情况分析",
            "决策",
            score="25",
            items=[item("立项", points="10"), item("绩效目标", points="10"), item("资金投入", points="5")],
        ),
        dimension("管理情况分析", "过程", score="19.81"),
        dimension("产出情况分析", "产出", score="30"),
        dimension("效果情况分析", "效益", score="25"),
    ]
    card = score_report(report(dims, total="99.81", grade="优"), EV, "f.txt")
    assert card.total == D("99.81")
    assert [f for f in card.findings if f.severity != "info"] == []
    decision = card.tree.children[0]
    assert decision.max == D(25) and "按各小项分值合计" in decision.rule
    assert card.tree.children[1].max == D(25)  # not printed: the profile's weight, not a fault


def test_an_unscored_dimension_is_implied_by_the_total_and_said_so():
    dims = [
        dimension("决策情况分析", "决策", score="15"),
        dimension("管理情况分析", "过程"),
        dimension("产出情况分析", "产出", score="30"),
        dimension("效果情况分析", "效益", score="30"),
    ]
    card = score_report(report(dims, total="100"), EV, "f.txt")
    process = card.tree.children[1]
    assert (process.points, process.status) == (D(25), Status.IMPLIED)
    assert "推算" in process.rule
    assert card.total == D(100)
    assert findings(card, "score.report-total") == []


def test_a_report_without_dimensions_keeps_its_total():
    card = score_report(report([], total="91.24", grade="优"), EV)
    assert (card.total, card.tree.status) == (D("91.24"), Status.KEPT)


@pytest.mark.parametrize(("grade", "reported"), [("优", False), ("良", True)])
def test_report_grade(grade, reported):
    found = findings(
        score_report(report(_dimensions(), total="97.63", grade=grade), EV, "f.txt"), "score.grade"
    )
    assert len(found) == (1 if reported else 0)


@pytest.mark.parametrize(("summary", "reported"), [("97.63", False), ("97.36", True)])
def test_the_summary_announces_the_report_total(summary, reported):
    found = findings(
        score_report(report(_dimensions(), total="97.63", summary=summary), EV, "f.txt"),
        "score.report-summary",
    )
    assert len(found) == (1 if reported else 0)
    if found:
        assert found[0].ref.line == 5467


def test_report_execution_rate_is_actual_over_budget():
    ok = score_report(report(_dimensions(), budget="50", actual="38.133", rate="76.27"), EV, "f.txt")
    assert findings(ok, "score.execution-rate") == []
    bad = score_report(report(_dimensions(), budget="50", actual="38.133", rate="78.27"), EV, "f.txt")
    assert len(findings(bad, "score.execution-rate")) == 1


def test_printed_points_that_do_not_add_up_to_100():
    dims = _dimensions()
    dims[0] = dimension("决策情况分析", "决策", points="20", score="15")
    found = findings(score_report(report(dims, total="97.63"), EV, "f.txt"), "score.weights")
    assert len(found) == 1 and found[0].actual == D(105)
