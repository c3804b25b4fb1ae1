"""More variants of the performance forms of other departments, on small fictional forms of 青川市
(figures that add up), each in both text layouts: a row per line with TABs, and a cell per line with a
blank line between rows.

* 指标性质 / 指标方向 written as 正向 / 反向 (指标) / 定量 / 定性 beside a bare number and a 度量单位;
* ranges as targets (``1-2次``, ``3～5天``, ``90%-95%``, ``不少于2次且不超过5次``) and how they score;
* the money block of a 项目支出绩效自评表 split two ways side by side (按收入性质分 | 按支出性质分);
* a 年度主要任务 table without a 完成情况 column in a 部门整体支出绩效自评表;
* target values in more wordings (较上年提高5%, 每季度1次, 100%完成, 零事故 …)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfbudget.check import run_checks
from perfbudget.model.findings import Severity
from perfbudget.model.performance import Comparison, Indicator, Target, Text
from perfbudget.pipeline import load_document
from perfbudget.recognize.forms.targets import parse_target
from perfbudget.score import default_profile, score_document
from perfbudget.score.completion import completion

T = "\t"
D = Decimal
GE, LE, EQ, LT = Comparison.GE, Comparison.LE, Comparison.EQ, Comparison.LT


def as_rows(title: str | None, table: list[tuple[str, ...]]) -> str:
    """Layout R: one row per line, cells separated by TABs; the title and year as paragraphs."""
    head = f"{title}\n\n（2031年度）\n\n" if title else ""
    return head + "\n".join(T.join(cells) for cells in table) + "\n"


def as_cells(title: str | None, table: list[tuple[str, ...]]) -> str:
    """Layout C: every cell a line that starts with a TAB, a blank line between rows."""
    blocks = [T + title, T + "（2031年度）"] if title else []
    blocks += ["\n".join(T + cell for cell in cells) for cells in table]
    return "\n\n".join(blocks) + "\n"


LAYOUTS = pytest.mark.parametrize("layout", [as_rows, as_cells], ids=["rows", "cells"])


def parse(layout, title: str | None, table: list[tuple[str, ...]]):
    return load_document("qingchuan-2031.txt", data=layout(title, table).encode("utf-8"))


def serious(document) -> list:
    return [f for f in run_checks(document) if f.severity in (Severity.ERROR, Severity.WARNING)]


# ------------------------------------------------------------------ 项目支出绩效自评表, split money block

MONEY_HEADER = ("项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")
MONEY_TOTAL = ("", "年度资金总额", "300", "320", "304", "10", "95%", "9.5")
COLUMNS = ("年初预算数", "全年预算数", "全年执行数")
SPLIT = [
    ("", "按收入性质分", *COLUMNS, "按支出性质分", *COLUMNS),
    ("", "财政拨款", "280", "290", "276", "基本支出", "50", "50", "48"),
    ("", "其他资金", "20", "30", "28", "项目支出", "250", "270", "256"),
]
GOALS = [
    ("年度总体目标", "预期目标", "", "", "", "实际完成情况"),
    (
        "",
        "全年开展森林防火巡护120次，火情响应不超过30分钟。",
        "",
        "",
        "",
        "全年巡护126次，火情平均响应25分钟。",
    ),
]
NATURE_HEADER = (
    "绩效指标",
    "一级指标",
    "二级指标",
    "三级指标",
    "指标性质",
    "年度指标值",
    "度量单位",
    "实际完成值",
    "分值",
    "得分",
    "偏差原因分析及改进措施",
)


def nature_indicators(*, header: tuple[str, ...] = NATURE_HEADER, response: str = "25", score: str = "10"):
    """Nine indicators of 10 points each; every one reached (the range ones inside their range)."""
    return [
        header,
        ("", "产出指标", "数量指标", "防火巡护次数", "正向", "120", "次", "126", "10", "10", ""),
        ("", "", "", "防火宣传活动", "正向指标", "1-2", "次/季度", "2", "10", "10", ""),
        ("", "", "质量指标", "防火设备完好率", "正向", "90%-95%", "", "93%", "10", "10", ""),
        ("", "", "时效指标", "火情响应时间", "反向", "30", "分钟", response, "10", score, ""),
        ("", "", "成本指标", "单次巡护成本", "反向指标", "0.5", "万元", "0.48", "10", "10", ""),
        (
            "",
            "效益指标",
            "经济效益指标",
            "林下经济收入",
            "定量",
            "较上年提高5%",
            "",
            "提高6%",
            "10",
            "10",
            "",
        ),
        ("", "", "社会效益指标", "森林火灾", "定性", "零事故", "", "零事故", "10", "10", ""),
        ("", "", "可持续影响指标", "巡护制度", "定性", "长效运行", "", "长效运行", "10", "10", ""),
        ("", "满意度指标", "服务对象满意度指标", "林区群众满意度", "正向", "90", "%", "92", "10", "10", ""),
        ("总分", "", "", "", "", "", "", "", "100", "99.5", ""),
    ]


def project_form(money: list[tuple[str, ...]], **indicators) -> list[tuple[str, ...]]:
    return [
        ("项目名称", "青川市森林防火能力提升项目"),
        ("主管部门", "青川市林业局", "", "", "实施单位", "青川市森林防火指挥中心"),
        MONEY_HEADER,
        MONEY_TOTAL,
        *money,
        *GOALS,
        *nature_indicators(**indicators),
    ]


def indicator_rows(form) -> list[tuple]:
    return [
        (
            i.level3,
            i.nature.text if i.nature else None,
            i.target_raw.text,
            i.target
            and (
                i.target.op,
                i.target.number,
                i.target.upper,
                i.target.unit,
                i.target.qualitative,
                i.target.spelling,
            ),
            i.actual and (i.actual.number, i.actual.unit),
        )
        for i in form.indicators
    ]


EXPECTED_INDICATORS = [
    ("防火巡护次数", "正向", "120", (GE, 120, None, "次", None, "nature"), (126, "次")),
    ("防火宣传活动", "正向指标", "1-2", (None, 1, 2, "次/季度", None, "range"), (2, "次/季度")),
    ("防火设备完好率", "正向", "90%-95%", (None, 90, 95, "%", None, "range"), (93, "%")),
    ("火情响应时间", "反向", "30", (LE, 30, None, "分钟", None, "nature"), (25, "分钟")),
    ("单次巡护成本", "反向指标", "0.5", (LE, D("0.5"), None, "万元", None, "nature"), (D("0.48"), "万元")),
    ("林下经济收入", "定量", "较上年提高5%", (None, 5, None, "%", None, None), (6, "%")),
    ("森林火灾", "定性", "零事故", (None, None, None, None, "零事故", None), (0, None)),
    ("巡护制度", "定性", "长效运行", (None, None, None, None, "长效运行", None), (None, None)),
    ("林区群众满意度", "正向", "90", (GE, 90, None, "%", None, "nature"), (92, "%")),
]


@LAYOUTS
def test_a_money_block_split_two_ways_side_by_side(layout):
    document = parse(layout, "项目支出绩效自评表", project_form(SPLIT))
    assert [f.message for f in document.findings] == []
    (form,) = document.self_evaluations
    assert (form.scope, form.year, form.money_unit) == ("项目", 2031, "万元")
    funds = [
        (
            f.group.text if f.group else None,
            f.label.text,
            f.initial.value,
            f.budget.value,
            f.actual.value,
            f.weight and f.weight.text,
            f.rate and f.rate.text,
        )
        for f in form.funds
    ]
    assert funds == [
        (None, "年度资金总额", 300, 320, 304, "10", "95%"),
        ("按收入性质分", "财政拨款", 280, 290, 276, None, None),
        ("按支出性质分", "基本支出", 50, 50, 48, None, None),
        ("按收入性质分", "其他资金", 20, 30, 28, None, None),
        ("按支出性质分", "项目支出", 250, 270, 256, None, None),
    ]
    for group in ("按收入性质分", "按支出性质分"):  # each half adds up to the total
        lines = [f for f in form.funds if f.group and f.group.text == group]
        for attr in ("initial", "budget", "actual"):
            assert sum(getattr(f, attr).value for f in lines) == getattr(form.funds[0], attr).value
    assert form.funds[1].actual.line != form.funds[0].actual.line  # each figure keeps its own place
    assert (form.total_budget.value, form.total_actual.value, form.execution_score.value) == (
        320,
        304,
        D("9.5"),
    )
    assert serious(document) == []


@LAYOUTS
def test_a_split_half_that_does_not_add_up_is_reported(layout):
    split = [*SPLIT[:2], ("", "其他资金", "20", "30", "28", "项目支出", "250", "270", "250")]
    document = parse(layout, "项目支出绩效自评表", project_form(split))
    findings = [f for f in serious(document) if f.rule == "score.budget-sum"]
    assert [(f.expected, f.actual) for f in findings] == [(298, 304)]  # 48 + 250, 全年执行数 only
    assert "按支出性质分各项" in findings[0].message


@LAYOUTS
def test_a_split_half_without_its_column_words_is_reported_not_guessed(layout):
    """The first half sits under the main header's columns; the second has no columns of its own."""
    split = [("", "按收入性质分", "", "", "", "按支出性质分"), *SPLIT[1:]]
    document = parse(layout, "项目支出绩效自评表", project_form(split))
    (form,) = document.self_evaluations
    assert [(f.group and f.group.text, f.label.text, f.budget.value, f.actual.value) for f in form.funds] == [
        (None, "年度资金总额", 320, 304),
        ("按收入性质分", "财政拨款", 290, 276),
        ("按收入性质分", "其他资金", 30, 28),
    ]
    assert [f.rule for f in document.findings] == ["read.form-funds-layout"]
    assert "基本支出" in document.findings[0].message


@LAYOUTS
def test_side_by_side_rows_without_a_split_header_are_reported_not_guessed(layout):
    document = parse(layout, "项目支出绩效自评表", project_form(SPLIT[1:]))
    (form,) = document.self_evaluations
    assert [f.label.text for f in form.funds] == ["年度资金总额"]  # no figure in a wrong column
    assert [f.rule for f in document.findings] == ["read.form-funds-layout"]


@LAYOUTS
def test_a_note_in_the_last_column_is_not_a_second_group(layout):
    money = [
        ("", "其中：财政拨款", "280", "290", "276", "—", "95.17%", "—"),
        ("", "其他资金", "20", "30", "28", "—", "93.33%", "不适用"),
    ]
    document = parse(layout, "项目支出绩效自评表", project_form(money))
    assert [f.message for f in document.findings] == []
    (form,) = document.self_evaluations
    assert [(f.label.text, f.actual.value, f.score.text) for f in form.funds[1:]] == [
        ("其中：财政拨款", 276, "—"),
        ("其他资金", 28, "不适用"),
    ]
    assert serious(document) == []


# ------------------------------------------------------------------ 指标性质 / 指标方向, ranges, wordings


@LAYOUTS
@pytest.mark.parametrize("column", ["指标性质", "指标方向"])
def test_nature_column_gives_the_comparison(layout, column):
    header = tuple(column if c == "指标性质" else c for c in NATURE_HEADER)
    document = parse(layout, "项目支出绩效自评表", project_form(SPLIT, header=header))
    (form,) = document.self_evaluations
    assert indicator_rows(form) == EXPECTED_INDICATORS
    assert form.indicators[6].target.qualitative == form.indicators[6].target_raw.text  # kept as printed


@LAYOUTS
def test_a_consistent_form_with_ranges_and_natures_scores_as_printed(layout):
    """9.5 + 9 × 10 = 99.5: every indicator reached, the ranges by an actual inside them."""
    document = parse(layout, "项目支出绩效自评表", project_form(SPLIT))
    (card,) = score_document(document)
    assert card.tree.points == card.printed_total == D("99.5")
    assert card.findings == [] and serious(document) == []


@LAYOUTS
def test_a_ceiling_from_the_nature_column_is_scored_as_one(layout):
    """反向 30 分钟 with 40 分钟 achieved: 30 ÷ 40 × 10 = 7.5, so a printed 10 is reported."""
    document = parse(layout, "项目支出绩效自评表", project_form(SPLIT, response="40", score="10"))
    findings = [f for f in serious(document) if f.rule == "score.indicator-score"]
    assert len(findings) == 1 and "火情响应时间" in findings[0].message
    ok = parse(layout, "项目支出绩效自评表", project_form(SPLIT, response="40", score="7.5"))
    assert [f for f in serious(ok) if f.rule == "score.indicator-score"] == []


TARGET_HEAD = [
    ("项目名称", "青川市林区道路养护项目"),
    ("主管部门及代码", "412-青川市林业局", "", "实施单位", "青川市林区道路养护站"),
    ("项目资金（万元）", "年度资金总额", "90"),
    ("", "其中：财政拨款", "80"),
    ("", "其他资金", "10"),
    ("年度总体目标", "目标1：养护林区道路45公里。"),
]


@LAYOUTS
def test_one_period_target_with_words_in_the_nature_column(layout):
    table = [
        *TARGET_HEAD,
        ("绩效指标", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"),
        ("", "产出指标", "数量指标", "养护道路长度", "正向指标", "45", "公里"),
        ("", "", "", "路况巡查", "正向", "不少于2次且不超过5次", ""),
        ("", "", "时效指标", "塌方清理时限", "反向", "3～5", "天"),
        ("", "", "质量指标", "养护合格率", "定量", "95", "%"),
        ("", "", "成本指标", "每公里养护成本", "反向指标", "2", "万元"),
        ("", "效益指标", "社会效益指标", "林区通行条件", "定性", "明显改善", ""),
        ("", "满意度指标", "服务对象满意度指标", "林区群众满意度", "正向", "≥90", "%"),
    ]
    document = parse(layout, "项目支出绩效目标表", table)
    assert [f.message for f in document.findings] == []
    (form,) = document.project_targets
    rows = [
        (
            i.level3,
            i.nature.text,
            i.target_raw.text,
            (i.target.op, i.target.number, i.target.upper, i.target.unit),
        )
        for i in form.indicators
    ]
    assert rows == [
        ("养护道路长度", "正向指标", "45", (GE, 45, None, "公里")),
        ("路况巡查", "正向", "不少于2次且不超过5次", (None, 2, 5, "次")),
        ("塌方清理时限", "反向", "3～5", (None, 3, 5, "天")),
        ("养护合格率", "定量", "95", (None, 95, None, "%")),  # 定量 says nothing of the comparison
        ("每公里养护成本", "反向指标", "2", (LE, 2, None, "万元")),
        ("林区通行条件", "定性", "明显改善", (None, None, None, None)),
        ("林区群众满意度", "正向", "≥90", (GE, 90, None, "%")),  # the printed comparison wins
    ]
    assert form.indicators[5].target.qualitative == "明显改善"
    assert serious(document) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1-2次", (None, 1, 2, "次", "range")),
        ("3～5天", (None, 3, 5, "天", "range")),
        ("3至5天", (None, 3, 5, "天", "range")),
        ("90%-95%", (None, 90, 95, "%", "range")),
        ("10—15个工作日", (None, 10, 15, "个工作日", "range")),
        ("3-5天以内", (None, 3, 5, "天", "range")),
        ("不少于2次且不超过5次", (None, 2, 5, "次", "range_words")),
        ("≥2次且≤5次", (None, 2, 5, "次", "range_words")),
        ("100%完成", (None, 100, None, "%", None)),
        ("≥1次/年", (GE, 1, None, "次/年", "symbol")),
        ("每季度1次", (None, 1, None, "次/季度", None)),
        ("每年至少2次", (GE, 2, None, "次/年", "word")),
        ("＜5%", (LT, 5, None, "%", "fullwidth")),
        ("<=5%", (LE, 5, None, "%", "ascii")),
    ],
)
def test_target_wordings(text, expected):
    target = parse_target(text)
    assert (target.op, target.number, target.upper, target.unit, target.spelling) == expected
    assert target.qualitative is None


@pytest.mark.parametrize(
    ("text", "baseline", "change", "number", "op"),
    [
        ("较上年提高5%", "较上年", "提高", 5, None),
        ("较上年增长10%", "较上年", "增长", 10, None),
        ("同比下降3%", "同比", "下降", 3, None),
        ("同比增长不低于2.5%", "同比", "增长", D("2.5"), GE),
    ],
)
def test_changes_against_a_baseline(text, baseline, change, number, op):
    target = parse_target(text)
    assert (target.baseline, target.change, target.number, target.unit, target.op) == (
        baseline,
        change,
        number,
        "%",
        op,
    )
    assert target.is_decrease == (change == "下降")


@pytest.mark.parametrize(
    ("text", "subject"), [("零事故", "事故"), ("无重大投诉", "重大投诉"), ("零安全事故", "安全事故")]
)
def test_zero_targets(text, subject):
    target = parse_target(text)
    assert (target.number, target.subject, target.unit, target.qualitative) == (0, subject, None, None)


@pytest.mark.parametrize(
    "text", ["无障碍", "无害化处理", "按时完成", "无", "2031-06", "2031年6-8月", "5-3天"]
)
def test_not_ranges_nor_zeros(text):
    target = parse_target(text)
    assert (target.number, target.upper, target.qualitative) == (None, None, text)


def _indicator(target: str, actual: str) -> Indicator:
    return Indicator(
        level3="示例指标",
        target_raw=Text(text=target),
        target=parse_target(target),
        actual_raw=Text(text=actual),
        actual=parse_target(actual),
    )


@pytest.mark.parametrize(
    ("target", "actual", "share"),
    [
        ("1-2次", "1次", D(1)),
        ("1-2次", "2次", D(1)),
        ("90%-95%", "93%", D(1)),
        ("90%-95%", "81%", D("0.9")),  # below: actual ÷ lower bound
        ("3～5天", "10天", D("0.5")),  # above: upper bound ÷ actual
        ("较上年提高5%", "提高4%", D("0.8")),
        ("较上年提高5%", "下降1%", None),  # not a change in the target's direction
        ("同比下降4%", "下降5%", D(1)),
        ("较上年提高5%", "105%", None),  # not a change: cannot be compared
        ("零事故", "0起", D(1)),
        ("零事故", "零事故", D(1)),
        ("≤5%", "零失误", None),  # a count beside a rate
    ],
)
def test_completion_of_ranges_changes_and_zeros(target, actual, share):
    result = completion(_indicator(target, actual), default_profile("self_evaluation"))
    assert result.share == share
    assert result.how  # every result says how it was reached


def test_a_range_keeps_both_bounds_in_decimal():
    target = parse_target("1.5-2.5万元")
    assert target == Target(number=D("1.5"), upper=D("2.5"), unit="万元", spelling="range")
    assert isinstance(target.number, Decimal) and isinstance(target.upper, Decimal) and target.is_range


# ------------------------------------------------------------------ 部门整体支出绩效自评表, tasks


def department_form(task_header: tuple[str, ...], tasks: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """9.5 + 20 + 20 + 20 + 20 + 10 = 99.5."""
    return [
        ("部门名称", "青川市林业局"),
        ("部门资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"),
        ("", "年度资金总额", "1,000.00", "1,100.00", "1,045.00", "10", "95.00%", "9.5"),
        ("", "其中：基本支出", "600.00", "620.00", "615.00", "—", "99.19%", "—"),
        ("", "项目支出", "400.00", "480.00", "430.00", "—", "89.58%", "—"),
        task_header,
        *tasks,
        ("年度总体目标", "预期目标", "", "", "", "实际完成情况"),
        (
            "",
            "全市森林覆盖率稳定，全年无重大森林火灾。",
            "",
            "",
            "",
            "森林覆盖率稳定，全年未发生重大森林火灾。",
        ),
        (
            "年度绩效指标",
            "一级指标",
            "二级指标",
            "三级指标",
            "年度指标值",
            "实际完成值",
            "分值",
            "得分",
            "偏差原因分析及改进措施",
        ),
        ("", "产出指标", "数量指标", "造林面积", "≥1500亩", "1520亩", "20", "20", ""),
        ("", "", "时效指标", "有害生物监测频次", "每季度1次", "4次/年", "20", "20", ""),
        ("", "效益指标", "社会效益指标", "森林火灾", "零事故", "零事故", "20", "20", ""),
        ("", "", "生态效益指标", "森林覆盖率", "较上年提高0.5%", "提高0.6%", "20", "20", ""),
        ("", "满意度指标", "服务对象满意度指标", "林农满意度", "≥90%", "93%", "10", "10", ""),
        ("总分", "", "", "", "", "", "100", "99.5", ""),
    ]


TASKS = [
    ("", "森林防火", "巡护与防火设施维护", "300.00", "290.00"),
    ("", "林业有害生物防治", "松材线虫病监测与除治", "180.00", "140.00"),
]


@LAYOUTS
def test_department_tasks_without_a_completion_column(layout):
    header = ("年度主要任务", "任务名称", "主要内容", "预算数", "执行数")
    document = parse(layout, "部门整体支出绩效自评表", department_form(header, TASKS))
    assert [f.message for f in document.findings] == []
    (form,) = document.self_evaluations
    assert (form.scope, form.unit_name.text, form.year) == ("整体", "青川市林业局", 2031)
    tasks = [(t.name.text, t.content.text, t.completion, t.budget.value, t.actual.value) for t in form.tasks]
    assert tasks == [
        ("森林防火", "巡护与防火设施维护", None, 300, 290),
        ("林业有害生物防治", "松材线虫病监测与除治", None, 180, 140),
    ]
    assert form.tasks[1].line > form.tasks[0].line
    assert [f.label.text for f in form.funds] == ["年度资金总额", "其中：基本支出", "项目支出"]
    assert [g.text.text for g in form.goals] == ["全市森林覆盖率稳定，全年无重大森林火灾。"]
    assert len(form.indicators) == 5
    (card,) = score_document(document)
    assert card.tree.points == card.printed_total == D("99.5")
    assert card.findings == [] and serious(document) == []


@LAYOUTS
def test_department_tasks_with_names_only(layout):
    header = ("年度主要任务", "任务名称", "主要内容")
    tasks = [row[:3] for row in TASKS]
    document = parse(layout, "部门整体支出绩效自评表", department_form(header, tasks))
    assert [f.message for f in document.findings] == []
    (form,) = document.self_evaluations
    assert [(t.name.text, t.content.text, t.budget) for t in form.tasks] == [
        ("森林防火", "巡护与防火设施维护", None),
        ("林业有害生物防治", "松材线虫病监测与除治", None),
    ]
    assert serious(document) == []


# ------------------------------------------------------------------ 指标性质 in the other target forms

DEPARTMENT_TARGET = [
    ("部门（单位）名称", "青川市林业局"),
    ("年度主要任务", "任务名称", "主要内容", "预算金额（万元）"),
    ("", "", "", "总额", "财政拨款", "其他资金"),
    ("", "森林防火", "巡护与防火设施维护", "300", "280", "20"),
    ("", "林业有害生物防治", "松材线虫病监测与除治", "180", "180", "0"),
    ("", "金额合计", "", "480", "460", "20"),
    ("年度总体目标", "全年无重大森林火灾，松材线虫病疫情得到控制。"),
    ("年度绩效指标", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"),
    ("", "产出指标", "数量指标", "防火巡护次数", "正向", "120", "次"),
    ("", "", "时效指标", "火情响应时间", "反向", "30", "分钟"),
    ("", "", "质量指标", "疫木除治率", "", "≥95", "%"),  # no nature printed: the value's own ``≥``
    ("", "效益指标", "社会效益指标", "森林火灾", "定性", "零事故", ""),
    ("", "满意度指标", "服务对象满意度指标", "林农满意度", "正向指标", "90", "%"),
]
DEPARTMENT_TARGETS = [
    ("防火巡护次数", "正向", (GE, 120, "次", None)),
    ("火情响应时间", "反向", (LE, 30, "分钟", None)),
    ("疫木除治率", None, (GE, 95, "%", None)),
    ("森林火灾", "定性", (None, None, None, "零事故")),
    ("林农满意度", "正向指标", (GE, 90, "%", None)),
]


def target_rows(form) -> list[tuple]:
    return [
        (
            i.level3,
            i.nature.text if i.nature else None,
            (i.target.op, i.target.number, i.target.unit, i.target.qualitative),
        )
        for i in form.indicators
    ]


@LAYOUTS
def test_department_expenditure_target_with_nature_and_unit_columns(layout):
    """Its indicators are read by content: the 指标性质 cell is told by its words."""
    document = parse(layout, "部门整体支出绩效目标表", DEPARTMENT_TARGET)
    assert [f.message for f in document.findings] == []
    (form,) = document.department_targets
    assert target_rows(form) == DEPARTMENT_TARGETS
    assert [i.repairs for i in form.indicators] == [[]] * 5  # no cell left over
    assert sum(t.budget.value for t in form.tasks) == form.budget.total.value
    assert serious(document) == []


def test_declaration_with_a_direction_column():
    table = [
        ("部门（单位）名称", "青川市林业局"),
        ("年度履职目标", "保护森林资源，防控森林火灾。"),
        ("一级指标", "二级指标", "三级指标", "指标方向", "指标值", "度量单位"),
        ("产出指标", "履职目标和主要任务完成情况", "防火巡护次数", "正向", "120", "次"),
        ("", "", "火情响应时间", "反向指标", "30", "分钟"),
        ("效益指标", "履职效益", "森林资源保护", "定性", "明显改善", "定性指标"),
        ("", "", "生态环境质量", "", "持续向好", "定性指标"),  # no direction printed
    ]
    document = parse(as_rows, "部门（单位）整体绩效目标申报表", table)
    (form,) = document.department_targets
    assert form.template == "declaration"
    assert target_rows(form) == [
        ("防火巡护次数", "正向", (GE, 120, "次", None)),
        ("火情响应时间", "反向指标", (LE, 30, "分钟", None)),
        ("森林资源保护", "定性", (None, None, None, "明显改善")),
        ("生态环境质量", None, (None, None, None, "持续向好")),
    ]
    assert [i.unit_column.text for i in form.indicators[2:]] == ["定性指标", "定性指标"]


@LAYOUTS
def test_description_project_target_with_nature_and_unit_columns(layout):
    table = [
        ("项目编码", "412031000001", "项目名称", "青川市古树名木保护项目"),
        ("绩效目标", "目标1：完成全市古树名木挂牌保护。"),
        (
            "一级指标",
            "二级指标",
            "三级指标",
            "绩效指标描述",
            "指标性质",
            "指标值",
            "度量单位",
            "指标值确定依据",
        ),
        ("产出指标", "数量指标", "挂牌古树数量", "全年挂牌保护古树", "正向", "320", "株", "普查结果"),
        ("", "质量指标", "复壮成活率", "复壮古树成活比例", "正向", "90", "%", "技术规程"),
        ("", "时效指标", "挂牌完成时限", "全部挂牌完成的时间", "反向", "6", "个月", "工作计划"),
        ("", "成本指标", "单株复壮成本", "单株古树复壮平均成本", "反向", "0.12", "万元", "往年标准"),
        ("效益指标", "生态效益指标", "古树保存状况", "古树长势", "定性", "良好", "", "专家评估"),
        ("", "社会效益指标", "公众保护意识", "群众保护古树意识", "定性", "明显增强", "", "问卷调查"),
        ("满意度指标", "服务对象满意度指标", "周边群众满意度", "问卷满意比例", "正向", "90", "%", "往年调查"),
    ]
    document = parse(layout, "项目绩效目标表", table)
    assert [f.message for f in document.findings] == []
    (form,) = document.project_targets
    assert (form.template, form.name.text) == ("description", "青川市古树名木保护项目")
    assert target_rows(form) == [
        ("挂牌古树数量", "正向", (GE, 320, "株", None)),
        ("复壮成活率", "正向", (GE, 90, "%", None)),
        ("挂牌完成时限", "反向", (LE, 6, "个月", None)),
        ("单株复壮成本", "反向", (LE, D("0.12"), "万元", None)),
        ("古树保存状况", "定性", (None, None, None, "良好")),
        ("公众保护意识", "定性", (None, None, None, "明显增强")),
        ("周边群众满意度", "正向", (GE, 90, "%", None)),
    ]
    assert form.year == 2031 and form.indicators[0].basis.text == "普查结果"
    assert serious(document) == []


# ------------------------------------------------------------------ a form saved as a worksheet

PROJECT_ROWS = [
    ("项目编码", "412031000002", "项目名称", "青川市林业有害生物防治项目"),
    ("预算规模及资金用途", "预算数", "60", "其中：财政资金", "60", "其他资金", ""),
    ("绩效目标", "目标1：完成松材线虫病疫木清理。"),
    ("一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"),
    ("产出指标", "数量指标", "疫木清理数量", "全年清理疫木株数", "≥5000株", "防治方案"),
    ("效益指标", "生态效益指标", "疫情扩散势头", "疫区面积变化", "得到遏制", "监测结果"),
]


def test_a_form_saved_as_a_worksheet_with_its_heading_rows(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for heading in ("附件2", "项目绩效目标表", "（2031年度）", "单位：万元"):
        sheet.append([heading])  # one-cell rows of the grid above the form
    for row in PROJECT_ROWS:
        sheet.append(list(row))
    path = tmp_path / "form.xlsx"
    book.save(path)
    document = load_document(path)
    (form,) = document.project_targets
    assert (form.year, form.money_unit, form.money_unit_stated) == (2031, "万元", True)
    assert form.name.text == "青川市林业有害生物防治项目"
    assert [i.level3 for i in form.indicators] == ["疫木清理数量", "疫情扩散势头"]
    assert document.tables == []  # the form's rows are not kept a second time as a table
    assert "附件2" in [p.text for p in document.paragraphs]
    assert [f.message for f in document.findings] == []


def test_heading_rows_of_forms_in_two_worksheets_keep_their_order(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    for number, sheet in enumerate((book.active, book.create_sheet("表二")), start=1):
        for heading in (f"附件{number}", "项目绩效目标表", "（2031年度）"):
            sheet.append([heading])
        for row in PROJECT_ROWS:
            sheet.append(list(row))
    path = tmp_path / "forms.xlsx"
    book.save(path)
    document = load_document(path)
    assert len(document.project_targets) == 2 and document.tables == []
    assert [p.text for p in document.paragraphs] == ["附件1", "附件2"]


@pytest.mark.parametrize("marker", ["项目绩效目标表（续）", "续表"])
@LAYOUTS
def test_a_form_continued_after_a_page_break_is_one_form(layout, marker):
    head, tail = PROJECT_ROWS[:5], PROJECT_ROWS[5:]
    text = layout("项目绩效目标表", head) + (f"{marker}\n" if layout is as_rows else f"\t{marker}\n\n")
    text += layout(None, [PROJECT_ROWS[3], *tail])  # the indicator header printed again
    document = load_document("qingchuan-2031.txt", data=text.encode("utf-8"))
    (form,) = document.project_targets
    assert [i.level3 for i in form.indicators] == ["疫木清理数量", "疫情扩散势头"]
    assert [f.message for f in document.findings] == []
