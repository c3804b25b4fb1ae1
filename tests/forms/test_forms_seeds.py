"""Performance forms of the four seeds: how many of each are found, and exact field values for a
spread of them (first, last, longest, most irregular).

000: 10 整体绩效目标申报表; 001: the narrative 部门整体绩效目标 and 13 项目绩效目标表; 002: 8 整体绩效自评表
and 5 绩效评价报告; 004: 1 整体支出绩效申报表 and 22 项目支出绩效目标表. The expected values were read
off the seed text (see /work/shared/docs/seed-formats.md §1); the seeds are read at test time.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfbudget.model.performance import Comparison, LabelOrigin, Period, ScoreLevel

GE, LE, EQ, GT, LT = Comparison.GE, Comparison.LE, Comparison.EQ, Comparison.GT, Comparison.LT
D = Decimal


@pytest.mark.parametrize(
    ("seed", "department", "project", "self_evaluation", "report"),
    [("000", 10, 0, 0, 0), ("001", 1, 13, 0, 0), ("002", 0, 0, 8, 5), ("004", 1, 22, 0, 0)],
)
def test_counts(seed_document, seed, department, project, self_evaluation, report):
    doc = seed_document(seed)
    assert len(doc.department_targets) == department
    assert len(doc.project_targets) == project
    assert len(doc.self_evaluations) == self_evaluation
    assert len(doc.evaluation_reports) == report


def test_forms_are_not_kept_as_generic_tables(seed_document):
    assert seed_document("000").tables == []
    assert seed_document("001").tables == []
    assert not [t for t in seed_document("002").tables if t.kind == "generic"]
    assert not [t for t in seed_document("004").tables if t.kind == "generic"]


@pytest.mark.parametrize(
    ("seed", "attribute", "counts"),
    [
        ("000", "department_targets", [37, 25, 26, 27, 43, 26, 23, 22, 26, 32]),
        ("001", "project_targets", [9, 9, 9, 9, 11, 9, 9, 9, 9, 9, 9, 9, 9]),
        ("002", "self_evaluations", [31, 26, 15, 13, 23, 16, 28, 9]),
        # 004: both halves (实施期 and 年度) of every row
        (
            "004",
            "project_targets",
            [40, 22, 22, 30, 28, 46, 28, 26, 30, 34, 26, 24, 22, 18, 32, 30, 30, 58, 26, 36, 36, 18],
        ),
    ],
)
def test_indicator_counts(seed_document, seed, attribute, counts):
    assert [len(f.indicators) for f in getattr(seed_document(seed), attribute)] == counts


# -- 000: 整体绩效目标申报表 ------------------------------------------------------------------------


def test_000_first_form(seed_document):
    form = seed_document("000").department_targets[0]
    assert form.template == "declaration" and form.year == 2021
    assert form.unit_name.text == "郑州市生态环境局机关" and form.unit_name.line == 9
    assert len(form.tasks) == 11
    assert form.tasks[4].name.text == "生态环境系统机构改革工作经费"  # printed without its leading empty cell
    assert form.tasks[5].name.text == "郑州市城市天眼项目经费"  # printed with an extra empty cell
    budget = form.budget
    assert budget.unit == "万元" and budget.unit_stated
    assert (budget.total.value, budget.fiscal.value, budget.basic.value, budget.project.value) == (
        D("6157.57"),
        D("6157.57"),
        D("717.59"),
        D("5439.98"),
    )
    assert budget.other.value is None and budget.other.line == 26  # empty, not zero
    first = form.indicators[0]
    assert (first.level1, first.level2, first.level3) == (
        "投入管理指标",
        "工作目标管理",
        "年度履职目标相关性",
    )
    assert first.level1_origin == LabelOrigin.FOLLOWING and first.level1_line == 33  # `投入管理 指标` below
    assert first.unit_column.text == "定性指标"
    rate = next(i for i in form.indicators if i.level3 == "预算执行率")
    assert (rate.target.op, rate.target.number, rate.target.unit) == (GE, D("95"), "%")  # unit from 度量单位
    # 效益指标 is printed after its first two rows (Q9)
    benefit = [i for i in form.indicators if i.level2 == "履职效益"]
    assert [i.level1_origin for i in benefit] == [
        LabelOrigin.FOLLOWING,
        LabelOrigin.FOLLOWING,
        LabelOrigin.PRINTED,
    ]
    assert {i.level1 for i in benefit} == {"效益指标"}


def test_000_form5_labels_after_their_span(seed_document):
    form = seed_document("000").department_targets[4]
    assert form.annual_goal is None  # 年度履职目标 printed empty
    by_line = {i.line: i for i in form.indicators}
    for line in (253, 254, 255):  # 产出 rows printed before 产出指标 (258), after the 绩效管理 rows
        indicator = by_line[line]
        assert (indicator.level1, indicator.level2) == ("产出指标", "履职目标和主要任务完成情况")
        assert indicator.level1_origin == indicator.level2_origin == LabelOrigin.FOLLOWING
        assert indicator.level1_line == 258 and indicator.level1_inherited
    reversed_ = by_line[249]
    assert reversed_.target_raw.text == "100%≥"
    assert (reversed_.target.op, reversed_.target.number, reversed_.target.spelling) == (
        GE,
        D("100"),
        "reversed",
    )
    assert by_line[249].level2 == "绩效管理"
    shifted = by_line[273]  # name in the first column, value in the second
    assert (shifted.level1, shifted.level3, shifted.target.number) == (
        "效益指标",
        "六五环境日活动群众普及率",
        D("60"),
    )
    assert len(form.indicators) == 43


def test_000_odd_encodings(seed_document):
    forms = seed_document("000").department_targets
    latex = {i.line: i for i in forms[5].indicators}
    assert (latex[309].target.op, latex[309].target.number, latex[309].target.spelling) == (
        LE,
        D("100"),
        "latex",
    )
    assert latex[310].target.operator_only and latex[310].target.op == GE  # `$\geq$`
    assert latex[321].target.number == D("240") and latex[321].target.unit == "次"
    assert latex[321].unit_column.text == "危废产生单位次数"
    monitor = {i.line: i for i in forms[7].indicators}
    assert (monitor[395].level1_origin, monitor[395].level1_line) == (LabelOrigin.FOLLOWING, 402)
    assert monitor[398].level2 == "预算和财务管理" and monitor[398].level2_origin == LabelOrigin.FOLLOWING
    last = forms[9]
    assert last.unit_name.text == "郑州市污染防治攻坚战领导小组办公室"
    assert len(last.tasks) == 8
    split = last.tasks[3].content  # one cell split by a page break (480 → 482), joined
    assert "污染管理方案和行业企业清单，为2021年" in split.text and split.line == 480
    assert last.budget.basic.value is None and last.budget.project.value == D("4607.8")


# -- 001: narrative target and 项目绩效目标表 -------------------------------------------------------


def test_001_narrative_target(seed_document):
    target = seed_document("001").department_targets[0]
    assert target.template == "narrative" and target.year == 2021
    assert target.overall_goal.line == 7
    assert [s.title.line for s in target.sub_goals] == [11, 14, 18, 22]
    assert target.sub_goals[2].indicators.text == "受污染耕地安全利用率、污染地块安全利用率达到95%以上。"
    assert target.sub_goals[2].indicators.line == 21 and target.sub_goals[2].goal.line == 20
    assert len(target.measures) == 5 and target.measures[0].line == 27


def test_001_first_project(seed_document):
    project = seed_document("001").project_targets[0]
    assert project.template == "description"
    assert (project.code.text, project.name.text) == ("571-0101-YBN-NFOY", "辐射环境监测工作经费")
    assert project.code.line == 40
    funding = project.funding[0]
    assert funding.period is None and funding.total.value == D("15") and funding.fiscal.value == D("15")
    assert funding.other.value is None and funding.other.text == ""  # printed as two spaces
    assert project.money_unit == "万元" and not project.money_unit_stated
    plan = project.spending_plan
    assert [f.value for f in (plan.march, plan.june, plan.october, plan.december)] == [25, 50, 75, 100]
    assert [g.ordinal for g in project.goals] == ["目标1", "目标2", "目标3"] and project.goals[2].text is None
    first, cost, last = project.indicators[0], project.indicators[3], project.indicators[-1]
    assert (first.level1, first.level2, first.level3) == ("产出指标", "数量指标", "完成数量")
    assert (first.target.op, first.target.number, first.target.unit, first.target.spelling) == (
        EQ,
        1,
        "次",
        "equals",
    )
    assert first.description.text == "完成我市辐射事故应急演练次数" and first.basis.text == "工作计划"
    assert (cost.target.op, cost.target.number, cost.target.unit, cost.target.spelling) == (
        LE,
        15,
        "万元",
        "book_title",
    )
    assert (last.level1, last.level2, last.target.op, last.target.number) == (
        "满意度指标",
        "服务对象满意度指标",
        GE,
        90,
    )
    assert last.basis.text == "历史数据"


def test_001_project5_with_eleven_indicators(seed_document):
    project = seed_document("001").project_targets[4]
    assert project.name.text == "环境监测经费" and project.title.text == "5. 环境监测经费项目绩效目标表"
    assert len(project.goals) == 4
    assert [i.level2 for i in project.indicators] == [
        "数量指标",
        "数量指标",
        "质量指标",
        "时效指标",
        "成本指标",
        "经济效益指标",
        "社会效益指标",
        "生态效益指标",
        "生态效益指标",
        "可持续性影响",
        "服务对象满意度指标",
    ]
    assert [i.level1 for i in project.indicators].count("效果指标") == 5
    second = project.indicators[1]
    assert second.level2_origin == LabelOrigin.PRINTED and second.level1_origin == LabelOrigin.INHERITED
    assert second.level1_line == 601
    assert project.indicators[9].basis is None or project.indicators[9].basis.text  # kept as printed


def test_001_last_project_and_not_applicable_rows(seed_document):
    projects = seed_document("001").project_targets
    rent = projects[11]
    assert [f.value if f else None for f in (rent.spending_plan.march, rent.spending_plan.june)] == [
        None,
        None,
    ]
    assert rent.spending_plan.october.value == 100
    na = [i for i in rent.indicators if i.not_applicable]
    assert [i.level3 for i in na] == ["此项目无经济效益", "此项目无生态效益"]
    last = projects[-1]
    assert last.code.text == "571-0601-YBN-GZGQ" and last.funding[0].total.value == D("1530.32")


# -- 002: 整体绩效自评表 and 绩效评价报告 ------------------------------------------------------------


def test_002_first_self_evaluation(seed_document):
    evaluation = seed_document("002").self_evaluations[0]
    assert evaluation.unit_name.text == "焦作市生态环境局" and evaluation.year == 2020
    assert evaluation.money_unit == "万元"
    assert len(evaluation.tasks) == 3
    task = evaluation.tasks[1]
    assert (task.budget.value, task.budget_own.value, task.actual.value, task.actual_own.value) == (
        D("283.59"),
        D("283.59"),
        D("243.001"),
        D("243.001"),
    )
    assert (evaluation.total_budget.value, evaluation.total_actual.value) == (D("3543.811"), D("3027.399"))
    assert evaluation.total_budget.line == 2823  # the 6-cell 金额合计 row
    assert (
        evaluation.execution_rate.text,
        evaluation.execution_rate.value,
        evaluation.execution_rate.unit,
    ) == ("85.43%", D("85.43"), "%")
    assert evaluation.execution_weight.value == 10 and evaluation.execution_score.value == D("8.54")
    assert [g.ordinal for g in evaluation.goals] == ["目标1", "目标2", "目标3"]
    assert evaluation.total_score.value == D("98.54") and evaluation.total_score.line == 3156
    output = [i for i in evaluation.indicators if i.level1 == "产出指标"]
    assert len(output) == 20
    assert output[0].weight.value == 50 and output[0].weight_level == ScoreLevel.LEVEL1
    assert all(i.score_level == ScoreLevel.ROW for i in evaluation.indicators)
    placeholder = next(i for i in evaluation.indicators if i.level2 == "经济效益指标")
    assert placeholder.not_applicable and placeholder.weight.value == 30  # the 效益 weight sits on it
    assert placeholder.level1 == "效益指标"
    satisfied = evaluation.indicators[-1]
    assert (satisfied.level1, satisfied.level2) == ("满意度指标", "服务对象满意度指标")  # `满意度⏎指标`
    assert (satisfied.target.op, satisfied.target.number, satisfied.actual.number) == (GE, 80, 85)


def test_002_scores_per_level2_group(seed_document):
    evaluation = seed_document("002").self_evaluations[4]  # 得分 merged per 二级指标
    assert evaluation.unit_name.text == "焦作市固废辐射环境技术中心"
    assert evaluation.execution_rate.text == "61.05%" and evaluation.execution_score.value == D("6.11")
    quantity = [i for i in evaluation.indicators if i.level2 == "数量指标"]
    assert len(quantity) == 6
    assert quantity[0].score.value == 20 and all(i.score is None for i in quantity[1:])
    assert {i.score_level for i in evaluation.indicators} == {ScoreLevel.LEVEL2}
    assert {i.weight_level for i in evaluation.indicators} == {ScoreLevel.LEVEL1}
    scores = [
        i.score.value for i in evaluation.indicators if i.score is not None and i.score.value is not None
    ]
    assert scores == [20, 10, 10, 10, 10, 10, 10, 10]
    assert evaluation.execution_score.value + sum(scores) == evaluation.total_score.value == D("96.11")


def test_002_irregular_self_evaluations(seed_document):
    evaluations = seed_document("002").self_evaluations
    third = evaluations[2]
    assert third.execution_rate.text == "97.44" and third.execution_rate.unit is None  # no % printed
    weight = [i for i in third.indicators if i.weight is not None and i.weight.value is not None]
    assert (weight[0].line, weight[0].weight.value, weight[0].weight_level) == (3704, 50, ScoreLevel.LEVEL1)
    seventh = evaluations[6]
    ascii_ops = {i.level3: i.target for i in seventh.indicators if i.target and i.target.spelling == "ascii"}
    assert {k: (t.op, t.number, t.unit) for k, t in ascii_ops.items()} == {
        "聘用人员人数": (LE, 4, "人"),
        "维修维护次数": (GE, 5, "次"),
        "检查企业家次": (GT, 2500, "家次"),
        "12369热线投诉数量": (LT, 4000, "件"),
    }
    assert seventh.indicators[0].score_level == ScoreLevel.LEVEL2
    last = evaluations[-1]
    assert last.unit_name.text == "河南省焦作生态环境监测中心"
    assert last.tasks[0].name.text == "基本支出" and len(last.tasks) == 6
    assert last.execution_rate.text == "99" and last.total_score.value == D("99.9")
    assert len(last.goals) == 1 and last.goals[0].ordinal is None


def test_002_evaluation_reports(seed_document):
    reports = seed_document("002").evaluation_reports
    assert [r.attachment for r in reports] == ["附件1", "附件2", "附件3", "附件4", "附件5"]
    assert [r.total.value if r.total else None for r in reports] == [
        D("97.63"),
        100,
        D("99.81"),
        D("91.24"),
        100,
    ]
    assert [r.summary_score.value for r in reports] == [D("97.63"), 100, D("99.81"), D("91.24"), 100]
    assert [r.grade.text if r.grade else None for r in reports] == ["优", "优", "优", "优", None]
    assert [r.evaluation_type.text for r in reports] == ["重点绩效评价"] * 3 + ["部门评价", "重点绩效评价"]
    first = reports[0]
    assert first.issuer.text == "焦作市生态环境局" and first.project == "第二次全国污染源普查项目"
    assert (
        first.budget.value,
        first.actual.value,
        first.execution_rate.value,
        first.cost_saving_rate.value,
    ) == (50, D("38.133"), D("76.27"), D("23.734"))
    assert [(d.canonical, d.points.value, d.score.value) for d in first.dimensions] == [
        ("决策", 15, 15),
        ("过程", 25, D("22.63")),
        ("产出", 30, 30),
        ("效益", 30, 30),
    ]
    rate = next(i for i in first.dimensions[1].items if i.name.text == "预算执行率")
    assert (rate.rate.value, rate.score.value, rate.score.line) == (D("76.27"), D("7.63"), 5542)
    assert sum(d.score.value for d in first.dimensions) == first.total.value
    assert [s.text for s in first.suggestions] == ["建议加强数据成果应用。"]
    third = reports[2]
    assert [d.name.text for d in third.dimensions] == [
        "决策情况分析",
        "管理情况分析",
        "产出情况分析",
        "效果情况分析",
    ]
    assert [d.score.value for d in third.dimensions] == [25, D("19.81"), 30, 25]
    funds = next(i for i in third.dimensions[1].items if i.name.text == "预算执行率")
    assert (funds.rate.value, funds.deduction.value) == (D("98.12"), D("0.19"))
    fourth = reports[3]
    assert fourth.issuer is None and fourth.title.text == "2020年度环境安全与应急管理业务保障项目绩效报告"
    assert fourth.dimensions == []
    fifth = reports[4]
    assert [d.score.value if d.score else None for d in fifth.dimensions] == [15, None, 30, 30]
    assert fifth.total.line == 5711


# -- 004: 整体支出绩效申报表 and 项目支出绩效目标表 ----------------------------------------------------


def test_004_department_form(seed_document):
    form = seed_document("004").department_targets[0]
    assert form.template == "expenditure" and form.year == 2024
    assert (form.unit_code, form.unit_name.text) == ("211", "临汾市生态环境局")
    staff = form.staffing
    assert (
        staff.internal_divisions.value,
        staff.budget_units.value,
        staff.authorized.value,
        staff.actual.value,
        staff.on_payroll.value,
        staff.other.value,
    ) == (10, 5, 309, 181, 181, 0)
    assert staff.other.line == 578 and staff.authorized.unit == "人"
    budget = form.budget
    assert budget.unit == "万元" and budget.total.value == D("7152.64")
    assert (budget.basic.value, budget.project.value) == (D("2411.64"), 4741)
    assert [line.label.text for line in budget.by_source][:3] == [
        "合计",
        "其中：一般公共预算资金",
        "政府性基金预算资金",
    ]
    assert budget.by_source[3].amount.value is None  # 国有资本经营预算 empty
    assert len(form.indicators) == 31
    by_line = {i.line: i for i in form.indicators}
    assert (by_line[602].level2, by_line[602].level3) == ("数量指标", "生态环境资料印刷")  # shifted left
    assert (by_line[609].level1, by_line[609].level2) == ("产出指标", "时效指标")  # 时效指标 in the L1 column
    assert (by_line[620].level1, by_line[620].level2) == ("满意度指标", "满意度指标")
    assert (by_line[598].target.op, by_line[598].target.number, by_line[598].target.unit) == (GE, 16, "项")


def test_004_first_project(seed_document):
    project = seed_document("004").project_targets[0]
    assert project.template == "two_period"
    assert project.name.text == "环境影响评价评估经费与企业排污权储备交易运行费"
    assert (project.department_code, project.department.text) == ("211", "临汾市生态环境局")
    assert project.attribute_kind == "经常性" and project.term.text == "99年" and project.ongoing
    assert project.money_unit == "元" and project.money_unit_stated
    term, annual = project.funding_for(Period.TERM), project.funding_for(Period.ANNUAL)
    assert term.total.text == "1,300,000" and term.total.value == 1300000 and annual.total.value == 1300000
    assert term.local.value == 1300000 and term.central.value == 0 and term.other.value is None
    assert [g.period for g in project.goals] == [Period.TERM, Period.ANNUAL]
    halves = [i.period for i in project.indicators]
    assert halves.count(Period.TERM) == halves.count(Period.ANNUAL) == 20
    by_key = {(i.period, i.line): i for i in project.indicators}
    quality = by_key[(Period.ANNUAL, 650)]  # under the sub-header row 649 `质量指标 二级指标 …`
    assert (quality.level1, quality.level2, quality.level3) == ("产出指标", "质量指标", "排污权交易成交率")
    cost = by_key[(Period.TERM, 657)]
    assert (cost.level2, cost.target.op, cost.target.number, cost.target.unit) == (
        "成本指标",
        LE,
        20,
        "元/册",
    )
    na = by_key[(Period.TERM, 662)]
    assert na.not_applicable and (na.level1, na.level2, na.level3) == ("效益指标", "经济效益指标", None)


def test_004_form18_without_title(seed_document):
    doc = seed_document("004")
    project = doc.project_targets[17]
    assert project.title is None and project.year == 2024 and project.line == 1278
    assert project.name.text == "市生态环境保护综合行政执法队办公设备购置项目"
    assert project.attribute_kind == "一次性" and project.term_years == 1 and not project.ongoing
    assert project.funding_for(Period.TERM).total.value == 351500
    assert project.funding_for(Period.ANNUAL).total.value == 350000
    assert len(project.indicators) == 58
    cost_rows = [i for i in project.indicators if i.level2 == "成本指标" and i.period == Period.TERM]
    assert len(cost_rows) == 10 and {i.level1 for i in cost_rows} == {"成本指标"}  # `成本指标→成本指标`
    annual = {i.line: i for i in project.indicators if i.period == Period.ANNUAL}
    assert annual[1307].target is None and annual[1307].level3 == "办公设备投入使用时间"  # value lost
    assert any(f.rule == "read.form-incomplete" and f.ref.line == 1278 for f in doc.findings)


def test_004_irregular_projects(seed_document):
    projects = seed_document("004").project_targets
    orphan = next(i for i in projects[1].indicators if i.line == 691)  # before any label: labels below
    assert (orphan.level1, orphan.level2) == ("产出指标", "数量指标")
    assert orphan.level1_origin == LabelOrigin.FOLLOWING and orphan.level1_line == 693
    no_output_label = projects[5].indicators[0]  # 产出指标 never printed: implied by 数量指标
    assert no_output_label.level1 == "产出指标" and no_output_label.level1_origin == LabelOrigin.VOCABULARY
    late = [i for i in projects[6].indicators if i.line in (884, 888)]  # 产出指标 printed at 890
    assert {(i.level1, i.level1_origin, i.level1_line) for i in late} == {
        ("产出指标", LabelOrigin.FOLLOWING, 890)
    }
    glued = projects[9].funding_for(Period.TERM)  # `实施期资金总额：780,000`, `其中：中央财政资金 0`
    assert glued.total.value == 780000 and glued.central.value == 0 and glued.local.value == 780000
    reordered = {(i.period, i.line): i.level3 for i in projects[10].indicators}
    assert reordered[(Period.TERM, 1044)] == "直燃机年维修维护次数"
    assert reordered[(Period.ANNUAL, 1044)] == "直燃机运行天数"
    repaired = next(i for i in projects[12].indicators if i.line == 1120 and i.period == Period.TERM)
    assert (repaired.level1, repaired.level2) == ("产出指标", "时效指标") and repaired.repairs
    weak = next(i for i in projects[14].indicators if i.line == 1198)
    assert (weak.level2, weak.level3, weak.target_raw.text) == (
        "服务对象满意度指标",
        "服务对象满意度",
        "满意",
    )
    gt = next(i for i in projects[18].indicators if i.line == 1358)
    assert (gt.target.op, gt.target.number, gt.target.unit) == (GT, 85, "%")
    split = next(i for i in projects[19].indicators if i.line == 1395 and i.period == Period.ANNUAL)
    assert (split.level3, split.target_raw.text) == ("提升培训人员职业能力", "提升")
    same = next(i for i in projects[4].indicators if i.line == 812 and i.period == Period.TERM)
    assert same.level3 == same.target_raw.text == "污染防治联动工作机制"  # value equal to the name
    last = projects[-1]
    assert (
        last.name.text == "综合事务现场督导核查项目"
        and last.implementing_unit.text == "临汾市生态环境保护综合事务中心"
    )
    truncated = next(i for i in last.indicators if i.line == 1464 and i.period == Period.ANNUAL)
    assert truncated.level3 == "全年环保督查检查"
