"""The 8 整体绩效自评表 and 5 评价报告 of seed 002, recomputed and compared with the printed figures.

Every figure below was read on the seed line it cites (guide §3 R17–R21, §4). The findings are the
ones verified by reading the lines: 002 #7 prints 预算执行率 89.80% for 660.862 ÷ 736.3 = 89.75%
(4773-4780); 002 #8 prints 自评得分 99.9 although 9.9 + 产出 (10 + 10 + 10 + 10) + 效益 (10 + 10 + 10) +
满意度 10 = 89.9, the 产出 rows adding up to 40 of their 分值 50 with every indicator reached
(5212-5300, 5462).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfbudget.check import run_checks
from perfbudget.score import load_profile, score_document
from perfbudget.score.tree import Status

D = Decimal

# unit, line of 自评得分, printed 预算执行率, execution points (recomputed = printed), printed total, recomputed total
SELF_EVALUATIONS = [
    ("焦作市生态环境局", 3156, "85.43%", "8.54", "98.54", "98.54"),
    ("焦作市环境信息中心", 3563, "89.00%", "8.90", "98.9", "98.90"),
    ("焦作市环境宣传教育中心", 3801, "97.44", "9.74", "99.74", "99.74"),
    ("焦作市机动车排污监控中心", 4039, "75.84", "7.58", "97.58", "97.58"),
    ("焦作市固废辐射环境技术中心", 4429, "61.05%", "6.11", "96.11", "96.11"),
    ("焦作市环境安全管理与应急中心", 4696, "97.44%", "9.74", "99.74", "99.74"),
    ("焦作市环境监察支队", 5083, "89.80%", "8.98", "98.98", "98.98"),
    ("河南省焦作生态环境监测中心", 5462, "99", "9.90", "99.9", "89.90"),
]


@pytest.fixture(scope="module")
def cards(doc002):
    return score_document(doc002)


@pytest.mark.parametrize(("index", "expected"), list(enumerate(SELF_EVALUATIONS)))
def test_self_evaluation_recomputed(cards, index, expected):
    unit, line, rate, execution, printed, recomputed = expected
    card = cards[index]
    assert card.kind == "self_evaluation" and unit in card.name
    assert card.tree.line == line
    assert card.printed_total == D(printed)
    assert card.total == D(recomputed)
    node = card.tree.children[0]
    assert node.name == "预算执行率"
    assert node.points == D(execution) == node.printed
    assert node.rule.startswith(
        f"预算执行率 {rate if rate.endswith('%') else rate + '%'} × 分值 10 = {execution}"
    )
    assert [c.name for c in card.tree.children[1:]] == ["产出指标", "效益指标", "满意度指标"]
    assert [c.max for c in card.tree.children[1:]] == [D(50), D(30), D(10)]


def test_the_first_self_evaluation_explains_98_54(cards):
    """98.54 = 8.54 + 50 + 30 + 10 (guide R20)."""
    tree = cards[0].tree
    assert [c.points for c in tree.children] == [D("8.54"), D(50), D(30), D(10)]
    assert tree.points == D("98.54") == tree.printed
    output = tree.children[1]
    assert len(output.children) == 20  # one unit per indicator row
    kept = [n for n in output.children if n.status == Status.KEPT]
    assert [n.name for n in kept] == [
        "质量指标 · 符合全国文明单位创建标准",
        "质量指标 · 第二次污染源普查技术报告",
        "质量指标 · 涉及我局的法律事务办理失误率",
        "成本指标 · 预算资金控制范围内",
    ]
    assert all("保留表中得分" in n.rule for n in kept)
    first = output.children[0]
    assert "实际 501个 ÷ 目标 501个 = 100.00%" in first.rule and first.line == 2877


def test_level2_scores_are_scored_per_group(cards):
    """#5 prints one 得分 per 二级指标 (20 for the six 数量 rows at 4150); #7 10/10/10/20."""
    output = cards[4].tree.children[1]
    assert [(c.name, c.points) for c in output.children] == [
        ("数量指标（6项）", D(20)),
        ("质量指标（6项）", D(10)),
        ("时效指标（3项）", D(10)),
        ("成本指标（3项）", D(10)),
    ]
    assert output.children[0].line == 4150
    assert [c.points for c in cards[6].tree.children[1].children] == [D(10), D(10), D(10), D(20)]


SCORE_FINDINGS = [
    ("score.execution-rate", 4780),  # #7: 89.80% printed, 660.862 ÷ 736.3 = 89.75%
    ("score.indicator-score", 5218),  # #8: 产出 rows add up to 40 of 50, every indicator reached
    ("score.total", 5462),  # #8: 99.9 printed, 9.9 + 80 = 89.9
]


def test_the_score_findings_of_002_are_the_verified_ones(doc002):
    found = [f for f in run_checks(doc002) if f.rule.startswith("score.")]
    assert sorted((f.rule, f.ref.line) for f in found) == sorted(SCORE_FINDINGS)
    assert all(f.severity == "error" for f in found)
    total = next(f for f in found if f.rule == "score.total")
    assert (total.actual, total.expected) == (D("99.9"), D("89.9"))


# attachment, total, dimension scores, grade
REPORTS = [
    ("附件1", "97.63", ["15", "22.63", "30", "30"], "优"),
    ("附件2", "100", ["15", "25", "30", "30"], "优"),
    ("附件3", "99.81", ["25", "19.81", "30", "25"], "优"),
    ("附件4", "91.24", [], "优"),
    ("附件5", "100", ["15", "25", "30", "30"], "优"),
]


@pytest.mark.parametrize(("index", "expected"), list(enumerate(REPORTS)))
def test_reports_total_is_the_sum_of_the_dimensions(cards, index, expected):
    attachment, total, dims, grade = expected
    card = cards[8 + index]
    assert card.kind == "evaluation" and card.name.startswith(attachment)
    assert card.printed_total == card.total == D(total)
    assert [c.points for c in card.tree.children] == [D(x) for x in dims]
    assert card.grade == grade
    assert [f for f in card.findings if f.severity != "info"] == []


def test_report_details(cards):
    first = cards[8].tree
    process = first.children[1]
    assert process.status == Status.SUM  # 22.63 = 2 + 7.63 + 5 + 4 + 4
    assert (
        next(c for c in process.children if c.name == "预算执行率").rule
        == "预算执行率 76.27% × 分值 10 = 7.63"
    )
    third = cards[10].tree  # 附件3 scores 25 / 20 / 30 / 25 by its own items
    assert [third.children[i].max for i in (0, 2, 3)] == [D(25), D(30), D(25)]
    fifth = cards[12].tree  # 附件5 prints no 管理 score: what the total leaves, said so
    assert fifth.children[1].status == Status.IMPLIED and "推算" in fifth.children[1].rule
    assert cards[11].tree.status == Status.KEPT  # 附件4 prints no dimension scores


def test_the_20_40_40_profile_on_002(doc002):
    cards = score_document(doc002, self_evaluation=load_profile("self-evaluation-20-40-40"))
    # #1: 85.43% × 20 = 17.09, 产出 50/50 → 40, 效益 30 + 满意度 10 → 40
    assert cards[0].total == D("97.09")
    # #5: 61.05% × 20 = 12.21
    assert cards[4].total == D("92.21")
    # #8: 99% × 20 = 19.80, 产出 printed 40 of 50 → 32, 效益 + 满意度 40
    assert cards[7].total == D("91.80")
    assert cards[8].total == D("97.63")  # the reports keep the national evaluation profile


def test_units_that_cannot_be_compared_keep_their_printed_score(cards):
    """docs/scoring.md: 25 units of the 8 自评表 keep their printed 得分, each saying why."""
    kept = [n for card in cards[:8] for n in card.tree.walk() if n.status == Status.KEPT]
    assert len(kept) == 25
    assert all(n.rule.startswith("保留表中得分") for n in kept)
