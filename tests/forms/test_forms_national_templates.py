"""The performance forms as the national templates print them, on small fictional forms of 云岭县
(figures that add up), each in both text layouts: a row per line with TABs, and a cell per line with a
blank line between rows. 项目支出绩效自评表 and 部门整体支出绩效自评表 (money block with 年初预算数 /
全年预算数 / 全年执行数 / 分值 / 执行率 / 得分, 预期目标 / 实际完成情况, indicators with 年度指标值 / 实际完成值
/ 分值 / 得分 / 偏差原因, 总分), the one-period 项目支出绩效目标表 (with and without 指标性质 / 度量单位 /
指标值说明 columns) and the 部门整体支出绩效目标表; then the spellings of target values."""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfbudget.check import run_checks
from perfbudget.model.findings import Severity
from perfbudget.model.performance import Comparison, LabelOrigin, Period, ScoreLevel
from perfbudget.pipeline import load_document
from perfbudget.recognize.forms.targets import parse_target
from perfbudget.score import default_profile, score_document
from perfbudget.score.completion import completion

T = "\t"
D = Decimal
GE, LE, EQ = Comparison.GE, Comparison.LE, Comparison.EQ


def as_rows(title: str | None, table: list[tuple[str, ...]]) -> str:
    """Layout R: one row per line, cells separated by TABs; the title and year as paragraphs."""
    head = f"{title}\n\n（2030年度）\n\n" if title else ""
    return head + "\n".join(T.join(cells) for cells in table) + "\n"


def as_cells(title: str | None, table: list[tuple[str, ...]]) -> str:
    """Layout C: every cell a line that starts with a TAB, a blank line between rows."""
    blocks = [T + title, T + "（2030年度）"] if title else []
    blocks += ["\n".join(T + cell for cell in cells) for cells in table]
    return "\n\n".join(blocks) + "\n"


LAYOUTS = pytest.mark.parametrize("layout", [as_rows, as_cells], ids=["rows", "cells"])


def parse(layout, title: str | None, table: list[tuple[str, ...]]):
    return load_document("yunling-2030.txt", data=layout(title, table).encode("utf-8"))


def serious(document) -> list:
    return [f for f in run_checks(document) if f.severity in (Severity.ERROR, Severity.WARNING)]


# ------------------------------------------------------------------ 项目支出绩效自评表

GOALS = "目标1：完成12处供水工程维修改造。目标2：全年水质检测24次。"
ACHIEVED = "目标1：完成12处供水工程维修改造。目标2：全年水质检测20次。"
REASON = "两次检测因设备检修推迟，已增配备用设备"
INDICATOR_HEADER = (
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "分值",
    "得分",
    "偏差原因分析及改进措施",
)


def project_self_evaluation(*, score_2: str = "8.33", carried: str = "18", total: str = "97.83"):
    """9.5 (228 ÷ 240 = 95% × 10) + 15 + 8.33 (20 ÷ 24 × 10) + 10 + 5 + 10 + 15 + 15 + 10 = 97.83."""
    return [
        ("项目名称", "云岭县农村供水保障项目"),
        ("主管部门", "云岭县水务局", "", "", "实施单位", "云岭县农村供水管理站"),
        ("项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"),
        ("", "年度资金总额", "200", "240", "228", "10", "95%", "9.5"),
        ("", "其中：当年财政拨款", "200", "220", "210", "—", "95.45%", "—"),
        ("", "上年结转资金", "0", "20", carried, "—", "90%", "—"),
        ("", "其他资金", "0", "0", "0", "—", "—", "—"),
        ("年度总体目标", "预期目标", "", "", "", "实际完成情况"),
        ("", GOALS, "", "", "", ACHIEVED),
        ("绩效指标", *INDICATOR_HEADER),
        ("", "产出指标", "数量指标", "维修改造供水工程", "≥12处", "12处", "15", "15", ""),
        ("", "", "", "水质检测次数", "≥24次", "20次", "10", score_2, REASON),
        ("", "", "质量指标", "水质达标率", "≥95%", "97%", "10", "10", ""),
        ("", "", "时效指标", "工程完工及时率", "100%", "100%", "5", "5", ""),
        ("", "", "成本指标", "单处改造成本", "≤20万元", "19万元", "10", "10", ""),
        ("", "效益指标", "经济效益指标", "", "", "", "", "", ""),
        ("", "", "社会效益指标", "受益人口", "≥3万人", "3.2万人", "15", "15", ""),
        ("", "", "可持续影响指标", "工程运行年限", "≥10年", "10年", "15", "15", ""),
        ("", "满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "93%", "10", "10", ""),
        ("总分", "", "", "", "", "", "100", total, ""),
    ]


@LAYOUTS
def test_project_self_evaluation_every_field(layout):
    document = parse(layout, "项目支出绩效自评表", project_self_evaluation())
    assert document.tables == [] and document.project_targets == []
    assert [f.message for f in document.findings] == []
    (form,) = document.self_evaluations
    assert (form.scope, form.year, form.money_unit) == ("项目", 2030, "万元")
    assert form.project_name.text == "云岭县农村供水保障项目"
    assert (form.department.text, form.implementing_unit.text) == ("云岭县水务局", "云岭县农村供水管理站")
    assert form.unit_name.text == "云岭县农村供水管理站"
    # the money block, row by row, and the totals it gives
    funds = [
        (f.label.text, f.initial.value, f.budget.value, f.actual.value, f.rate.value, f.rate.text)
        for f in form.funds
    ]
    assert funds == [
        ("年度资金总额", 200, 240, 228, 95, "95%"),
        ("其中：当年财政拨款", 200, 220, 210, D("95.45"), "95.45%"),
        ("上年结转资金", 0, 20, 18, 90, "90%"),
        ("其他资金", 0, 0, 0, None, "—"),
    ]
    assert [(f.weight.text, f.score.text) for f in form.funds[1:]] == [("—", "—")] * 3
    assert (form.initial_budget.value, form.total_budget.value, form.total_actual.value) == (200, 240, 228)
    assert (form.execution_rate.value, form.execution_weight.value, form.execution_score.value) == (
        95,
        10,
        D("9.5"),
    )
    # goals: 预期目标 and 实际完成情况 paired at their ordinals
    assert [(g.ordinal, g.text.text, g.actual.text) for g in form.goals] == [
        ("目标1", "完成12处供水工程维修改造。", "完成12处供水工程维修改造。"),
        ("目标2", "全年水质检测24次。", "全年水质检测20次。"),
    ]
    assert form.goals_actual.text == ACHIEVED
    # indicators: labels printed once over their rows, every value in its field
    rows = [
        (
            i.level1,
            i.level2,
            i.level3,
            i.target and (i.target.op, i.target.number, i.target.unit),
            i.actual and (i.actual.number, i.actual.unit),
            i.weight and i.weight.value,
            i.score and i.score.value,
            i.deviation_reason and i.deviation_reason.text,
        )
        for i in form.indicators
    ]
    assert rows == [
        ("产出指标", "数量指标", "维修改造供水工程", (GE, 12, "处"), (12, "处"), 15, 15, None),
        ("产出指标", "数量指标", "水质检测次数", (GE, 24, "次"), (20, "次"), 10, D("8.33"), REASON),
        ("产出指标", "质量指标", "水质达标率", (GE, 95, "%"), (97, "%"), 10, 10, None),
        ("产出指标", "时效指标", "工程完工及时率", (None, 100, "%"), (100, "%"), 5, 5, None),
        ("产出指标", "成本指标", "单处改造成本", (LE, 20, "万元"), (19, "万元"), 10, 10, None),
        ("效益指标", "经济效益指标", None, None, None, None, None, None),
        ("效益指标", "社会效益指标", "受益人口", (GE, 3, "万人"), (D("3.2"), "万人"), 15, 15, None),
        ("效益指标", "可持续影响指标", "工程运行年限", (GE, 10, "年"), (10, "年"), 15, 15, None),
        ("满意度指标", "服务对象满意度指标", "受益群众满意度", (GE, 90, "%"), (93, "%"), 10, 10, None),
    ]
    second = form.indicators[1]
    assert (second.level1_origin, second.level2_origin) == (LabelOrigin.INHERITED, LabelOrigin.INHERITED)
    assert second.level1_line == form.indicators[0].level1_line
    assert [i.not_applicable for i in form.indicators].count(True) == 1
    assert {i.weight_level for i in form.indicators if i.weight} == {ScoreLevel.ROW}
    assert (form.total_weight.value, form.total_score.value) == (100, D("97.83"))


@LAYOUTS
def test_a_consistent_project_self_evaluation_scores_as_printed(layout):
    document = parse(layout, "项目支出绩效自评表", project_self_evaluation())
    (card,) = score_document(document)
    assert card.name == "“云岭县农村供水保障项目”项目绩效自评表"
    assert card.tree.points == card.printed_total == D("97.83")
    assert card.grade == "优" and card.findings == []
    assert serious(document) == []


@LAYOUTS
def test_an_inconsistent_project_self_evaluation_is_reported(layout):
    """A score that does not follow from its completion, a total that is not the sum, a carried-over
    amount that breaks both the 执行率 of its row and the sum of the block."""
    document = parse(
        layout, "项目支出绩效自评表", project_self_evaluation(score_2="9", carried="16", total="97")
    )
    rules = sorted(f.rule for f in serious(document))
    assert rules == [
        "score.budget-sum",  # 210 + 16 + 0 ≠ 228
        "score.execution-rate",  # 16 ÷ 20 ≠ 90%
        "score.indicator-score",  # 20 ÷ 24 × 10 = 8.33, not 9
        "score.total",  # 9.5 + 88.67 ≠ 97
    ]


def test_two_untitled_project_self_evaluations_are_two_forms():
    table = project_self_evaluation()
    second = [tuple(c.replace("农村供水保障", "水源地保护") for c in row) for row in table]
    document = parse(as_rows, None, table + second)
    assert [f.project_name.text for f in document.self_evaluations] == [
        "云岭县农村供水保障项目",
        "云岭县水源地保护项目",
    ]
    assert document.project_targets == [] and all(len(f.indicators) == 9 for f in document.self_evaluations)


def test_cells_printed_off_their_columns():
    """The block label merged down and printed on the first money row, a money row without its
    leading empty cell, the goal label printed on the row of the goals, 总分 with its two figures
    shifted left."""
    table = project_self_evaluation()
    table[2] = ("", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")
    table[3] = ("项目资金（万元）", *table[3][1:])
    table[5] = table[5][1:]  # 上年结转资金 one column to the left
    table[7] = ("", "预期目标", "", "", "", "实际完成情况")
    table[8] = ("年度总体目标", GOALS, "", "", "", ACHIEVED)
    table[-1] = ("总分", "100", "97.83")
    document = parse(as_cells, "项目支出绩效自评表", table)
    (form,) = document.self_evaluations
    assert form.money_unit == "万元"
    assert [(f.label.text, f.actual.value) for f in form.funds] == [
        ("年度资金总额", 228),
        ("其中：当年财政拨款", 210),
        ("上年结转资金", 18),
        ("其他资金", 0),
    ]
    assert form.funds[2].rate.value == 90
    assert [g.text.text for g in form.goals] == ["完成12处供水工程维修改造。", "全年水质检测24次。"]
    assert (form.total_weight.value, form.total_score.value) == (100, D("97.83"))
    assert serious(document) == []


# ------------------------------------------------------------------ 部门整体支出绩效自评表

DEPARTMENT_SELF_EVALUATION = [
    ("部门名称", "云岭县水务局"),
    ("部门资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"),
    ("", "年度资金总额", "1,250.00", "1,310.00", "1,244.50", "10", "95.00%", "9.5"),
    ("", "其中：基本支出", "850.00", "860.00", "853.10", "—", "99.20%", "—"),
    ("", "项目支出", "400.00", "450.00", "391.40", "—", "86.98%", "—"),
    ("年度总体目标", "预期目标", "", "", "", "实际完成情况"),
    (
        "",
        "保障全县水利工程安全运行，河湖水质稳定达标。",
        "",
        "",
        "",
        "水利工程安全运行，两处断面水质未达标。",
    ),
    ("年度绩效指标", *INDICATOR_HEADER),
    ("", "产出指标", "数量指标", "水利工程巡查次数", "≥48次", "52次", "20", "20", ""),
    ("", "", "质量指标", "水利工程安全运行率", "100%", "100%", "15", "15", ""),
    ("", "", "时效指标", "防汛物资到位时间", "≤ 24小时", "20小时", "15", "15", ""),
    ("", "效益指标", "社会效益指标", "农村供水保障率", "不低于95%", "96%", "15", "15", ""),
    ("", "", "生态效益指标", "河湖水质达标率", "95%以上", "93%", "15", "14.68", "两处断面受上游来水影响"),
    ("", "满意度指标", "服务对象满意度指标", "群众满意度", "“优良”", "优良", "10", "10", ""),
    ("总分", "", "", "", "", "", "100", "99.18", ""),
]


@LAYOUTS
@pytest.mark.parametrize("title", ["部门整体支出绩效自评表", None])
def test_department_self_evaluation(layout, title):
    """9.5 + 20 + 15 + 15 + 15 + 14.68 (93 ÷ 95 × 15) + 10 = 99.18; with or without its title."""
    document = parse(layout, title, DEPARTMENT_SELF_EVALUATION)
    (form,) = document.self_evaluations
    assert (form.scope, form.unit_name.text, form.project_name, form.money_unit) == (
        "整体",
        "云岭县水务局",
        None,
        "万元",
    )
    assert form.year == (2030 if title else None)
    assert [(f.label.text, f.budget.value, f.actual.value) for f in form.funds] == [
        ("年度资金总额", 1310, D("1244.50")),
        ("其中：基本支出", 860, D("853.10")),
        ("项目支出", 450, D("391.40")),
    ]
    assert (form.initial_budget.value, form.execution_rate.value, form.execution_score.value) == (
        1250,
        95,
        D("9.5"),
    )
    assert form.goals[0].text.text.startswith("保障全县") and form.goals_actual.text.startswith("水利工程")
    by_name = {i.level3: i for i in form.indicators}
    assert len(by_name) == 6
    water = by_name["河湖水质达标率"]
    assert (water.target.op, water.target.number, water.actual.number, water.score.value) == (
        GE,
        95,
        93,
        D("14.68"),
    )
    assert water.deviation_reason.text == "两处断面受上游来水影响"
    assert by_name["群众满意度"].target.qualitative == "优良"
    (card,) = score_document(document)
    assert card.tree.points == card.printed_total == D("99.18") and card.findings == []
    assert serious(document) == []


# ------------------------------------------------------------------ 项目支出绩效目标表 (one period)

PROJECT_HEAD = [
    ("项目名称", "云岭县河道保洁项目"),
    ("主管部门及代码", "305-云岭县水务局", "", "实施单位", "云岭县河道管理所"),
    ("项目资金（万元）", "年度资金总额", "150"),
    ("", "其中：财政拨款", "120"),
    ("", "其他资金", "30"),
    ("年度总体目标", "目标1：完成全县86公里河道日常保洁。目标2：垃圾清运及时率100%。"),
]
PROJECT_INDICATORS = [
    ("绩效指标", "一级指标", "二级指标", "三级指标", "指标值"),
    ("", "产出指标", "数量指标", "河道保洁长度", "≥86公里"),
    ("", "", "", "保洁频次", "不少于2次/周"),
    ("", "", "质量指标", "保洁验收合格率", "95%以上"),
    ("", "", "时效指标", "垃圾清运时限", "≤ 30天"),
    ("", "", "成本指标", "每公里保洁成本", "1.74万元以内"),
    ("", "效益指标", "社会效益指标", "河道环境", "有所提升"),
    ("", "", "生态效益指标", "河道水质", "达标"),
    ("", "满意度指标", "服务对象满意度指标", "沿河群众满意度", "“优良”"),
]


def check_project_head(form):
    assert (form.template, form.year, form.money_unit, form.money_unit_stated) == (
        "one_period",
        2030,
        "万元",
        True,
    )
    assert (form.name.text, form.department.text, form.department_code) == (
        "云岭县河道保洁项目",
        "云岭县水务局",
        "305",
    )
    assert form.implementing_unit.text == "云岭县河道管理所"
    (funding,) = form.funding
    assert (funding.period, funding.total.value, funding.fiscal.value, funding.other.value) == (
        Period.ANNUAL,
        150,
        120,
        30,
    )
    assert [(g.ordinal, g.text.text, g.period) for g in form.goals] == [
        ("目标1", "完成全县86公里河道日常保洁。", Period.ANNUAL),
        ("目标2", "垃圾清运及时率100%。", Period.ANNUAL),
    ]


@LAYOUTS
@pytest.mark.parametrize("title", ["项目支出绩效目标表", "项目绩效目标申报表", None])
def test_one_period_project_target(layout, title):
    document = parse(layout, title, PROJECT_HEAD + PROJECT_INDICATORS)
    assert document.self_evaluations == [] and document.tables == []
    (form,) = document.project_targets
    if title is None:
        form = form.model_copy(update={"year": 2030})  # nothing prints the year
    check_project_head(form)
    rows = [
        (
            i.level1,
            i.level2,
            i.level3,
            i.target_raw.text,
            i.target.op,
            i.target.number,
            i.target.unit,
            i.period,
        )
        for i in form.indicators
    ]
    assert rows == [
        ("产出指标", "数量指标", "河道保洁长度", "≥86公里", GE, 86, "公里", Period.ANNUAL),
        ("产出指标", "数量指标", "保洁频次", "不少于2次/周", GE, 2, "次/周", Period.ANNUAL),
        ("产出指标", "质量指标", "保洁验收合格率", "95%以上", GE, 95, "%", Period.ANNUAL),
        ("产出指标", "时效指标", "垃圾清运时限", "≤ 30天", LE, 30, "天", Period.ANNUAL),
        ("产出指标", "成本指标", "每公里保洁成本", "1.74万元以内", LE, D("1.74"), "万元", Period.ANNUAL),
        ("效益指标", "社会效益指标", "河道环境", "有所提升", None, None, None, Period.ANNUAL),
        ("效益指标", "生态效益指标", "河道水质", "达标", None, None, None, Period.ANNUAL),
        ("满意度指标", "服务对象满意度指标", "沿河群众满意度", "“优良”", None, None, None, Period.ANNUAL),
    ]
    assert form.indicators[1].level2_origin == LabelOrigin.INHERITED
    assert form.indicators[-1].target.qualitative == "优良"
    assert serious(document) == []


@LAYOUTS
def test_one_period_project_target_with_nature_unit_and_note_columns(layout):
    table = [
        *PROJECT_HEAD,
        ("绩效指标", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "指标值说明"),
        ("", "产出指标", "数量指标", "河道保洁长度", "≥", "86", "公里", "全县河道总长"),
        ("", "", "质量指标", "保洁验收合格率", "不低于", "95", "%", ""),
        ("", "", "时效指标", "垃圾清运频次", "＝", "1", "次/日", ""),
        ("", "", "成本指标", "每公里保洁成本", "≤", "1.74", "万元", "150万元÷86公里"),
        ("", "效益指标", "社会效益指标", "河道环境", "定性", "有所提升", "", ""),
        ("", "满意度指标", "服务对象满意度指标", "沿河群众满意度", "≥", "90", "%", ""),
    ]
    document = parse(layout, "项目支出绩效目标表", table)
    (form,) = document.project_targets
    check_project_head(form)
    rows = [
        (
            i.level3,
            i.nature.text,
            i.target_raw.text,
            i.unit_column.text if i.unit_column else None,
            (i.target.op, i.target.number, i.target.unit, i.target.qualitative),
            i.value_note.text if i.value_note else None,
        )
        for i in form.indicators
    ]
    assert rows == [
        ("河道保洁长度", "≥", "86", "公里", (GE, 86, "公里", None), "全县河道总长"),
        ("保洁验收合格率", "不低于", "95", "%", (GE, 95, "%", None), None),
        ("垃圾清运频次", "＝", "1", "次/日", (EQ, 1, "次/日", None), None),
        ("每公里保洁成本", "≤", "1.74", "万元", (LE, D("1.74"), "万元", None), "150万元÷86公里"),
        ("河道环境", "定性", "有所提升", None, (None, None, None, "有所提升"), None),
        ("沿河群众满意度", "≥", "90", "%", (GE, 90, "%", None), None),
    ]
    assert serious(document) == []


# ------------------------------------------------------------------ 部门整体支出绩效目标表

DEPARTMENT_TARGET = [
    ("部门（单位）名称", "云岭县水务局"),
    ("年度主要任务", "任务名称", "主要内容", "预算金额（万元）"),
    ("", "", "", "总额", "财政拨款", "其他资金"),
    ("", "水利工程运行维护", "全县水利工程日常巡查与维护", "600", "560", "40"),
    ("", "农村供水保障", "农村供水工程维修改造", "450", "450", "0"),
    ("", "河道保洁", "河道日常保洁", "150", "120", "30"),
    ("", "金额合计", "", "1200", "1130", "70"),
    ("年度总体目标", "保障全县水利工程安全运行，河湖水质稳定达标。"),
    ("年度绩效指标", "一级指标", "二级指标", "三级指标", "指标值"),
    ("", "产出指标", "数量指标", "水利工程巡查次数", "≥48次"),
    ("", "", "质量指标", "水利工程安全运行率", "100%"),
    ("", "", "时效指标", "防汛物资到位时间", "≤ 24小时"),
    ("", "", "成本指标", "河道保洁每公里成本", "1.75万元以内"),
    ("", "效益指标", "社会效益指标", "农村供水保障率", "不低于95%"),
    ("", "", "生态效益指标", "河湖水质", "有所提升"),
    ("", "满意度指标", "服务对象满意度指标", "群众满意度", "＞＝90%"),
]


@LAYOUTS
@pytest.mark.parametrize(
    "title", ["部门整体支出绩效目标表", "部门（单位）整体支出绩效目标申报表（2030年度）", None]
)
def test_department_expenditure_target(layout, title):
    document = parse(layout, title, DEPARTMENT_TARGET)
    assert document.tables == [] and [f.message for f in document.findings] == []
    (form,) = document.department_targets
    assert (form.template, form.year, form.unit_name.text) == (
        "expenditure",
        2030 if title else None,
        "云岭县水务局",
    )
    assert form.annual_goal.text == "保障全县水利工程安全运行，河湖水质稳定达标。"
    tasks = [(t.name.text, t.content.text, t.budget.value, t.fiscal.value, t.other.value) for t in form.tasks]
    assert tasks == [
        ("水利工程运行维护", "全县水利工程日常巡查与维护", 600, 560, 40),
        ("农村供水保障", "农村供水工程维修改造", 450, 450, 0),
        ("河道保洁", "河道日常保洁", 150, 120, 30),
    ]
    budget = form.budget
    assert (budget.unit, budget.total.value, budget.fiscal.value, budget.other.value) == (
        "万元",
        1200,
        1130,
        70,
    )
    assert sum(t.budget.value for t in form.tasks) == budget.total.value
    targets = [(i.level1, i.level2, i.level3, i.target.op, i.target.number) for i in form.indicators]
    assert targets == [
        ("产出指标", "数量指标", "水利工程巡查次数", GE, 48),
        ("产出指标", "质量指标", "水利工程安全运行率", None, 100),
        ("产出指标", "时效指标", "防汛物资到位时间", LE, 24),
        ("产出指标", "成本指标", "河道保洁每公里成本", LE, D("1.75")),
        ("效益指标", "社会效益指标", "农村供水保障率", GE, 95),
        ("效益指标", "生态效益指标", "河湖水质", None, None),
        ("满意度指标", "服务对象满意度指标", "群众满意度", GE, 90),
    ]
    assert serious(document) == []


# ------------------------------------------------------------------ target values written other ways


@pytest.mark.parametrize(
    ("printed", "op", "number", "unit", "qualitative"),
    [
        ("≥95%", GE, "95", "%", None),
        ("不低于95%", GE, "95", "%", None),
        ("＞＝95", GE, "95", None, None),
        ("95%以上", GE, "95", "%", None),
        ("95%（含）以上", GE, "95", "%", None),
        ("≥95%（含）", GE, "95", "%", None),
        ("大于等于95%", GE, "95", "%", None),
        ("大于或等于95%", GE, "95", "%", None),
        ("≥=95%", GE, "95", "%", None),
        ("≤ 30天", LE, "30", "天", None),
        ("小于等于30天", LE, "30", "天", None),
        ("30个工作日内", LE, "30", "个工作日", None),
        ("100万元以内", LE, "100", "万元", None),
        ("100万元之内", LE, "100", "万元", None),
        ("控制在100万元以内", LE, "100", "万元", None),
        ("等于100%", EQ, "100", "%", None),
        ("“优良”", None, None, None, "优良"),
        ('"良好"', None, None, None, "良好"),
        ("达标", None, None, None, "达标"),
        ("有所提升", None, None, None, "有所提升"),
    ],
)
def test_target_spellings(printed, op, number, unit, qualitative):
    target = parse_target(printed)
    assert (target.op, target.number, target.unit, target.qualitative) == (
        op,
        D(number) if number is not None else None,
        unit,
        qualitative,
    )


@pytest.mark.parametrize(
    ("target", "actual", "share"),
    [
        ("“优良”", "优良", "1"),  # quotes are not part of the value
        ("达标", "达标", "1"),
        ("有所提升", "有所提升", "1"),
        ("30个工作日内", "25个工作日", "1"),
        ("控制在100万元以内", "80万元", "1"),
        ("大于等于95%", "76%", "0.8"),
    ],
)
def test_completion_of_those_spellings(target, actual, share):
    """The scoring compares them as written: a ceiling is reached below it, a qualitative value by
    the same words."""
    from perfbudget.model.performance import Indicator, Text

    indicator = Indicator(
        level1="产出指标",
        level3="示例指标",
        target_raw=Text(text=target),
        target=parse_target(target),
        actual_raw=Text(text=actual),
        actual=parse_target(actual),
    )
    assert completion(indicator, default_profile("self_evaluation")).share == D(share)


@LAYOUTS
def test_provincial_variants_of_the_same_family(layout):
    """A money block with 预算数 / 执行数 only, the goals headed 绩效目标 / 目标实际完成情况, the value
    headers spelt 全年指标值 / 全年实际值, and a one-period target whose second goal has a row of its own."""
    table = project_self_evaluation()
    table[9] = (
        "绩效指标",
        "一级指标",
        "二级指标",
        "三级指标",
        "全年指标值",
        "全年实际值",
        "分值",
        "得分",
        "偏差原因",
    )
    table[2] = ("项目资金（万元）", "", "预算数", "执行数", "分值", "执行率", "得分")
    table[3:7] = [
        ("", "年度资金总额", "240", "228", "10", "95%", "9.5"),
        ("", "其中：财政资金", "220", "210", "—", "95.45%", "—"),
        ("", "其他资金", "20", "18", "—", "90%", "—"),
    ]
    table[6] = ("年度总体目标", "绩效目标", "", "", "", "目标实际完成情况")
    document = parse(layout, "项目绩效自评表", table)
    (form,) = document.self_evaluations
    assert [(f.label.text, f.initial, f.budget.value, f.actual.value) for f in form.funds] == [
        ("年度资金总额", None, 240, 228),
        ("其中：财政资金", None, 220, 210),
        ("其他资金", None, 20, 18),
    ]
    assert (form.execution_rate.value, form.execution_score.value) == (95, D("9.5"))
    assert [g.ordinal for g in form.goals] == ["目标1", "目标2"] and form.goals_actual.text == ACHIEVED
    assert [(i.target_raw.text, i.actual_raw.text) for i in form.indicators[:2]] == [
        ("≥12处", "12处"),
        ("≥24次", "20次"),
    ]
    assert form.indicators[1].deviation_reason.text == REASON
    (card,) = score_document(document)
    assert card.tree.points == card.printed_total == D("97.83") and serious(document) == []

    head = [
        *PROJECT_HEAD[:5],
        ("年度总体目标", "目标1：完成全县86公里河道日常保洁。"),
        ("", "目标2：垃圾清运及时率100%。"),
    ]
    document = parse(layout, "项目支出绩效目标表", head + PROJECT_INDICATORS)
    (target,) = document.project_targets
    check_project_head(target)
    assert len(target.indicators) == 8 and document.findings == []


FOOTER = ("填报人：王五", "", "联系电话：0888-1234567", "", "填报日期：2031年1月15日")


@LAYOUTS
def test_signature_lines_are_not_indicators(layout):
    evaluation = parse(layout, "项目支出绩效自评表", [*project_self_evaluation(), FOOTER])
    targets = parse(layout, "项目支出绩效目标表", [*PROJECT_HEAD, *PROJECT_INDICATORS, FOOTER])
    department = parse(layout, "部门整体支出绩效目标表", [*DEPARTMENT_TARGET, FOOTER])
    assert len(evaluation.self_evaluations[0].indicators) == 9
    assert len(targets.project_targets[0].indicators) == 8
    assert len(department.department_targets[0].indicators) == 7
    assert [f.rule for d in (evaluation, targets, department) for f in d.findings] == []
    after = parse(
        layout,
        "项目支出绩效自评表",
        [*project_self_evaluation(), FOOTER, ("", "产出指标", "数量指标", "某指标")],
    )
    assert [f.rule for f in after.findings] == ["read.form-unplaced-row"]


def test_weights_printed_per_row_must_add_up_to_the_total():
    table = project_self_evaluation()
    table[10] = ("", "产出指标", "数量指标", "维修改造供水工程", "≥12处", "12处", "10", "10", "")  # 15 → 10
    table[-1] = ("总分", "", "", "", "", "", "100", "92.83", "")
    document = parse(as_rows, "项目支出绩效自评表", table)
    assert [f.rule for f in serious(document)] == ["score.weights"]
    assert "= 95" in serious(document)[0].message


@LAYOUTS
def test_one_goal_per_row_and_the_units_on_rows_of_their_own(layout):
    table = project_self_evaluation()
    table[1:2] = [("主管部门", "云岭县水务局"), ("实施单位", "云岭县农村供水管理站")]
    goal_rows = [
        ("", "目标1：完成12处供水工程维修改造。", "", "", "", "完成12处。"),
        ("", "目标2：全年水质检测24次。", "", "", "", "检测20次。"),
    ]
    table[9:10] = goal_rows
    document = parse(layout, "项目支出绩效自评表", table)
    (form,) = document.self_evaluations
    assert (form.department.text, form.implementing_unit.text) == ("云岭县水务局", "云岭县农村供水管理站")
    assert [(g.ordinal, g.text.text, g.actual.text) for g in form.goals] == [
        ("目标1", "完成12处供水工程维修改造。", "完成12处。"),
        ("目标2", "全年水质检测24次。", "检测20次。"),
    ]
    assert form.goals_actual.text == "完成12处。\n检测20次。"
    assert document.findings == [] and len(form.indicators) == 9

    head = [*PROJECT_HEAD]
    head[1:2] = [("主管部门及代码", "305-云岭县水务局"), ("实施单位", "云岭县河道管理所")]
    document = parse(layout, "项目支出绩效目标表", head + PROJECT_INDICATORS)
    check_project_head(document.project_targets[0])
    assert document.findings == []


def test_money_that_does_not_add_up_in_the_target_forms():
    project = [*PROJECT_HEAD]
    project[4] = ("", "其他资金", "20")  # 120 + 20 ≠ 150
    department = [*DEPARTMENT_TARGET]
    department[5] = ("", "河道保洁", "河道日常保洁", "160", "130", "30")  # 600 + 450 + 160 ≠ 1200
    found = serious(parse(as_rows, "项目支出绩效目标表", project + PROJECT_INDICATORS))
    assert [f.rule for f in found] == ["target.funding-sum"]
    found = serious(parse(as_cells, "部门整体支出绩效目标表", department))
    assert sorted(f.rule for f in found) == ["target.task-sum", "target.task-sum"]  # 总额 and 财政拨款
