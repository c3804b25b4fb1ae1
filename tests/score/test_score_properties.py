"""Property: a total equals the sum of its explained parts — for random profiles and random forms.

Every node of a score tree that has children gives exactly the sum of its children's points; the
execution points never exceed their weight; the engine never fails on a form, whatever it prints.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from perfbudget_test_score import L1, L2, ROW, dimension, evaluation, item, report, row

from perfbudget.score import score_report, score_self_evaluation
from perfbudget.score.profile import Band, Execution, Grade, Part, Profile
from perfbudget.score.tree import ScoreNode

LABELS = ("产出", "效益", "满意", "效果", "成本")
GROUPS = ("产出指标", "效益指标", "满意度指标", "投入管理指标")
LEVEL2 = {
    "产出指标": ("数量指标", "质量指标", "时效指标"),
    "效益指标": ("社会效益指标", "生态效益指标"),
    "满意度指标": ("服务对象满意度指标",),
    "投入管理指标": ("预算和财务管理",),
}
TARGETS = ("≥90%", "100%", "≤5%", "<4000件", "3个", "501个", "按时发放", "提升", "2020年底", "", "≥")
ACTUALS = (
    "95%",
    "85%",
    "100%",
    "3%",
    "10%",
    "3132件",
    "2个",
    "501个",
    "按时发放",
    "基本完成",
    "未完成",
    "国家一等奖",
    "2020年底",
    "",
    "60余篇",
)

weights = st.integers(min_value=0, max_value=60).map(Decimal)
scores = st.one_of(st.none(), st.sampled_from(["0", "2", "3", "5", "7.5", "10", "12.5", "20", "/", "—"]))


@st.composite
def profiles(draw, kind: str = "self_evaluation") -> Profile:
    parts = draw(
        st.lists(
            st.tuples(weights, st.lists(st.sampled_from(LABELS), min_size=1, max_size=2, unique=True)),
            min_size=1,
            max_size=4,
        )
    )
    return Profile(
        name="random",
        kind=kind,
        title="随机方案",
        use_document_weights=draw(st.booleans()),
        decimals=draw(st.integers(min_value=0, max_value=3)),
        rounding=draw(st.sampled_from(["half_up", "half_even"])),
        execution=Execution(weight=draw(weights)),
        parts=tuple(
            Part(key=f"p{i}", name=f"部分{i}", weight=w, labels=tuple(labels))
            for i, (w, labels) in enumerate(parts)
        ),
        bands=(
            Band(name="达成", share=Decimal(100), words=("完成",)),
            Band(name="基本", share=Decimal(80), words=("基本完成",)),
        ),
        grades=(Grade(name="优", min=Decimal(90)), Grade(name="差", min=Decimal(0))),
    )


@st.composite
def indicators(draw):
    rows = []
    for group in draw(st.lists(st.sampled_from(GROUPS), min_size=0, max_size=4, unique=True)):
        level = draw(st.sampled_from([ROW, ROW, L2, L1]))
        group_weight = draw(st.one_of(st.none(), st.sampled_from(["10", "30", "50"])))
        for index in range(draw(st.integers(min_value=1, max_value=5))):
            rows.append(
                row(
                    group,
                    draw(st.sampled_from(LEVEL2[group])),
                    f"指标{index}",
                    draw(st.sampled_from(TARGETS)),
                    draw(st.sampled_from(ACTUALS)),
                    score=draw(scores),
                    score_level=level,
                    weight=group_weight
                    if index == 0
                    else draw(st.one_of(st.none(), st.sampled_from(["2", "5"]))),
                    weight_level=L1 if index == 0 else ROW,
                    na=draw(st.booleans()) and draw(st.booleans()),
                )
            )
    return rows


def assert_sums(node: ScoreNode) -> None:
    if node.children:
        assert node.points == sum((c.points or 0 for c in node.children), Decimal(0)), node.name
    for child in node.children:
        assert_sums(child)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    profile=profiles(),
    rows=indicators(),
    rate=st.one_of(st.none(), st.sampled_from(["85.43%", "61.05%", "99", "120%", "0"])),
    weight=st.one_of(st.none(), st.sampled_from(["10", "20"])),
    total=st.one_of(st.none(), st.sampled_from(["98.54", "100", "60"])),
)
def test_a_self_evaluation_total_is_the_sum_of_its_parts(profile, rows, rate, weight, total):
    card = score_self_evaluation(
        evaluation(rows, rate=rate, weight=weight, execution="8", total=total), profile, "f.txt"
    )
    assert_sums(card.tree)
    execution = next((c for c in card.tree.children if c.name == "预算执行率"), None)
    if execution is not None and execution.points is not None and execution.status == "computed":
        assert execution.points <= execution.max
    assert all(f.rule.startswith("score.") for f in card.findings)


dimensions = st.lists(
    st.tuples(
        st.sampled_from(
            [
                ("决策情况分析", "决策"),
                ("管理情况分析", "过程"),
                ("产出情况分析", "产出"),
                ("效果情况分析", "效益"),
            ]
        ),
        st.one_of(st.none(), st.sampled_from(["15", "25", "30"])),
        st.one_of(st.none(), st.sampled_from(["15", "22.63", "30", "19.81"])),
        st.lists(
            st.tuples(
                st.sampled_from(["立项", "预算执行率", "产出数量", "满意度"]),
                st.one_of(st.none(), st.sampled_from(["2", "10"])),
                st.one_of(st.none(), st.sampled_from(["2", "7.63", "9"])),
                st.one_of(st.none(), st.sampled_from(["76.27", "98.12", "120"])),
            ),
            max_size=4,
        ),
    ),
    max_size=4,
)


@settings(max_examples=150, deadline=None)
@given(
    profile=profiles("evaluation"),
    dims=dimensions,
    total=st.one_of(st.none(), st.sampled_from(["97.63", "100"])),
)
def test_a_report_total_is_the_sum_of_its_parts(profile, dims, total):
    built = [
        dimension(
            name,
            canonical,
            points=points,
            score=score,
            items=[item(n, points=p, score=s, rate=r) for n, p, s, r in items],
        )
        for (name, canonical), points, score, items in dims
    ]
    card = score_report(report(built, total=total), profile, "f.txt")
    assert_sums(card.tree)
