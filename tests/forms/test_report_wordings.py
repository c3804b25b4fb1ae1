"""An evaluation report's total and grade in the wordings reports use (fictional 青川市 reports)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfbudget.pipeline import load_document

REPORT = """附件2

青川市2024年度水质监测项目绩效评价报告

一、基本情况
水质监测项目2024年度预算资金为120.00万元，实际支出114.00万元，预算执行率为95.00%。
二、综合评价情况及评价结论
{conclusion}
三、绩效评价指标分析
（一）项目决策情况（权重20分，得分18分）
（二）项目过程情况（权重20分，得分17分）
（三）项目产出情况（权重40分，得分36分）
（四）项目效益情况（权重20分，得分17.5分）
"""


@pytest.mark.parametrize(
    "conclusion",
    [
        "经评价，该项目综合得分为88.5分，评价等级为“良”。",
        "经评价，该项目最终得分88.5分，绩效等级为良。",
        "项目总得分为88.5分，评定等级：良。",
        "该项目综合评分为88.5分，评价结果为“良好”。",
        "评分结果为88.5分，等级为良。",
    ],
)
def test_total_and_grade(conclusion: str) -> None:
    doc = load_document("report.txt", data=REPORT.format(conclusion=conclusion).encode("utf-8"))
    [report] = doc.evaluation_reports
    assert report.total.value == Decimal("88.5")
    assert report.grade.text == "良"
    assert [d.canonical for d in report.dimensions] == ["决策", "过程", "产出", "效益"]
    assert sum(d.score.value for d in report.dimensions) == Decimal("88.5")
