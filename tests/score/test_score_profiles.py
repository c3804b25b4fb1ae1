"""Profiles are data: the national ones as the documents state them, the 20/40/40 example, and a
profile written here in a test, all scoring without a change of code."""

from __future__ import annotations

from decimal import Decimal

import pytest
from perfbudget_test_score import evaluation, row, standard_rows

from perfbudget.score import (
    available_profiles,
    default_profile,
    load_profile,
    parse_profile,
    score_self_evaluation,
)

D = Decimal


def test_the_national_profiles():
    se = default_profile("self_evaluation")
    assert se.execution.weight == 10
    assert [(p.name, p.weight) for p in se.parts] == [("产出指标", 50), ("效益指标", 30), ("满意度指标", 10)]
    assert se.total == 100
    ev = default_profile("evaluation")
    assert [(p.name, p.weight) for p in ev.parts] == [("决策", 15), ("过程", 25), ("产出", 30), ("效益", 30)]
    assert ev.total == 100
    assert ev.thresholds() == "优 ≥ 90，良 ≥ 80，中 ≥ 60，差 ≥ 0"
    assert {"national-self-evaluation", "national-evaluation", "self-evaluation-20-40-40"} <= set(
        available_profiles()
    )


def test_the_20_40_40_example_rescales_each_part():
    """预算执行率 85.43% × 20 = 17.09; 产出 48 of 50 → 38.40 of 40; 效益 30 + 满意度 10 → 40 of 40."""
    profile = load_profile("self-evaluation-20-40-40")
    assert profile.total == 100 and not profile.use_document_weights
    rows = standard_rows(output_scores=("25", "23"))
    rows[1] = row(
        "产出指标", "质量指标", "技术报告", "获奖", "省级三等奖", score="23"
    )  # kept: cannot be compared
    national = score_self_evaluation(evaluation(rows), default_profile("self_evaluation"))
    local = score_self_evaluation(evaluation(rows), profile)
    assert national.total == D("8.54") + 48 + 30 + 10
    execution, output, outcome = local.tree.children
    assert (execution.points, execution.max) == (D("17.09"), D(20))
    assert (output.points, output.max) == (D("38.40"), D(40))
    assert (outcome.points, outcome.max) == (D("40.00"), D(40))
    assert local.total == D("95.49")
    assert "折算" in output.rule
    assert [g.name for g in outcome.children] == ["效益指标", "满意度指标"]
    assert local.findings == national.findings  # findings are always in the document's own scale


def test_a_profile_written_as_data_scores_without_code():
    text = """
name = "test-30-35-35"
kind = "self_evaluation"
title = "测试方案：30/35/35，等级 85/70/50"
use_document_weights = false

[execution]
weight = 30

[[part]]
key = "output"
name = "产出"
weight = 35
labels = ["产出"]

[[part]]
key = "rest"
name = "效益与满意度"
weight = 35
labels = ["效益", "满意"]

[[band]]
name = "达成"
share = 100
words = ["达成"]

[[band]]
name = "较好"
share = 90
words = ["较好"]

[[grade]]
name = "A"
min = 85

[[grade]]
name = "B"
min = 70

[[grade]]
name = "C"
min = 0
"""
    profile = parse_profile(text)
    rows = standard_rows()
    rows[3] = row(
        "满意度指标",
        "服务对象满意度指标",
        "群众评价",
        "达成",
        "较好",
        score="10",
        weight="10",
        weight_level=rows[3].weight_level,
    )
    card = score_self_evaluation(evaluation(rows), profile)
    # 85.43% × 30 = 25.63; 产出 50/50 → 35; 效益 30 + 满意度 (band 较好 90% of 10 = 9) → 39 of 40 → 34.13
    assert [c.points for c in card.tree.children] == [D("25.63"), D("35.00"), D("34.13")]
    assert card.total == D("94.76") and card.grade == "A"


@pytest.mark.parametrize(
    ("change", "error"),
    [('kind = "budget"', "kind must be one of"), ('rounding = "up"', "rounding must be one of")],
)
def test_a_bad_profile_is_refused(change, error):
    base = 'name = "x"\nkind = "self_evaluation"\ntitle = "x"\n'
    key = change.split(" = ")[0]
    text = "\n".join(line for line in base.splitlines() if not line.startswith(key)) + "\n" + change + "\n"
    with pytest.raises(ValueError, match=error):
        parse_profile(text)


def test_an_unknown_profile_names_the_known_ones():
    with pytest.raises(ValueError, match="national-self-evaluation"):
        load_profile("no-such-profile")
