"""The form recognizers on small fictional forms of each family (not seed text): the traps of the
family — labels printed after their span, fixed-template rows, shifted cells, placeholders, merged
group scores, halves out of order, missing titles — in the smallest documents that show them."""

from __future__ import annotations

from decimal import Decimal

from perfbudget.model.performance import Comparison, LabelOrigin, Period, ScoreLevel
from perfbudget.pipeline import load_document

T = "\t"


def parse(text: str):
    return load_document("form.txt", data=text.encode("utf-8"))


def rows(*cells_per_row: tuple[str, ...]) -> str:
    return "\n".join(T.join(cells) for cells in cells_per_row) + "\n"


def test_declaration_form_labels_and_template():
    text = "附件1\n\n# 部门（单位）整体绩效目标申报表\n\n（2030年度）\n\n" + rows(
        ("部门（单位）名称", "示例市某中心", ""),
        ("年度履职目标", "做好示例工作", ""),
        ("年度主要任务", "任务名称", "主要内容"),
        ("", "甲任务", "甲的内容"),
        ("乙任务", "乙的内容", ""),  # no leading empty cell
        ("", "...", ""),
        ("预算情况", "部门预算总额(万元)", "", "120.5", ""),
        ("", "1、资金来源:(1)财政性资金", "", "120.5", ""),
        ("", "(2)其他资金", "", "", ""),
        ("", "2、资金结构:(1)基本支出", "", "20.5", ""),
        ("", "(2)项目支出", "", "100", ""),
        ("一级指标", "二级指标", "三级指标", "指标值", "度量单位"),
        ("", "工作目标管理", "年度履职目标相关性", "相关", "定性指标"),
        ("", "", "预算执行率", r"$\geq 95$", "%"),  # a template item under its own group
        ("投入管理 指标", "预算和财务管理", "预算调整率", "≤5", "%"),  # L1 printed after its span
        ("", "绩效管理", "绩效监控完成率", "100%≥", "%"),
        ("", "", "示例产出数量", "12", "个"),  # not a template item: belongs to the group below
        ("一级指标", "二级指标", "三级指标", "指标值", "度量单位"),  # page-break repeat
        ("产出指标", "履职目标和主要任务完成情况", "示例完成率", "≥90", "%"),
        ("", "", "...", "", ""),
        ("履职效益", "", "示例效益", "明显", "定性指标"),  # L2 in the L1 column, L1 after it
        ("效益指标", "", "示例影响", "促进", "定性指标"),
        ("", "满意度", "服务对象满意度", "≥90", "%"),
    )
    doc = parse(text)
    assert doc.tables == [] and doc.family == "performance"
    (form,) = doc.department_targets
    assert form.year == 2030 and form.unit_name.text == "示例市某中心"
    assert [t.name.text for t in form.tasks] == ["甲任务", "乙任务"]
    assert form.budget.total.value == Decimal("120.5") and form.budget.other.value is None
    assert form.budget.unit == "万元"
    names = [i.level3 for i in form.indicators]
    assert names == [
        "年度履职目标相关性",
        "预算执行率",
        "预算调整率",
        "绩效监控完成率",
        "示例产出数量",
        "示例完成率",
        "示例效益",
        "示例影响",
        "服务对象满意度",
    ]
    by_name = {i.level3: i for i in form.indicators}
    rate = by_name["预算执行率"]
    assert rate.level2 == "预算和财务管理" and rate.level2_origin == LabelOrigin.FOLLOWING
    assert rate.level1 == "投入管理指标" and rate.level1_origin == LabelOrigin.FOLLOWING
    assert (rate.target.op, rate.target.number, rate.target.unit) == (Comparison.GE, 95, "%")
    extra = by_name["示例产出数量"]
    assert (extra.level1, extra.level2, extra.level1_origin) == (
        "产出指标",
        "履职目标和主要任务完成情况",
        LabelOrigin.FOLLOWING,
    )
    benefit = by_name["示例效益"]
    assert (benefit.level1, benefit.level1_origin) == ("效益指标", LabelOrigin.FOLLOWING)
    assert by_name["服务对象满意度"].level1 == "效益指标"


def test_two_period_forms_with_and_without_title():
    head = rows(
        ("项目名称", "", "示例项目", "", ""),
        ("主管部门及代码", "", "123-示例局", "", "实施单位", "", "示例中心"),
        ("项目属性", "", "一次性项目（1年结束）", "", "项目期", "", "1年"),
        ("项目资金（元）", "", "实施期资金总额：12,000", "", "年度资金总额：10,000"),
        ("", "", "其中：中央财政资金", "", "0", "", "其中：中央财政资金", "", "0"),
        ("", "", "市县（区）财政资", "", "12,000", "", "市县（区）财政资金", "", "10,000"),
        ("", "", "其他资金", "", "", "", "其他资金", "", ""),
        ("项目概况", "", "示例概况"),
        ("实施期目标", "", "", "", "年度目标"),
        ("总体目标", "", "完成示例", "", "", "", "完成示例（年度）"),
        ("绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "二级指标", "三级指标", "指标值"),
        ("", "", "数量指标", "甲数量", "≥3个", "数量指标", "乙数量", "≥2个"),  # halves out of order
        ("", "", "", "乙数量", "≥2个", "", "甲数量", "≥3个"),
        (
            "绩效指标",
            "产出指标",
            "质量指标",
            "合格率",
            "≥95%",
            "质量指标",
            "合格率",
            "≥95%",
        ),  # L1 after its span
        ("", "效益指标", "经济效益指标", "", "", "经济效益指标", "", ""),  # a group that does not apply
        ("", "", "社会效益指标", "示例影响", "提升", "社会效益指标", "示例影响", "提升"),
        (
            "满意度指标",
            "服务对象满意度指标",
            "用户满意度",
            "≥90%",
            "服务对象满意度指标",
            "用户满意度",
            "≥90%",
        ),
        ("负责人：", "经办人：", "", "填报日期：", "20300101120000"),
    )
    text = "# 某市项目支出绩效目标申报表\n\n（2030年度）\n\n" + head + head.replace("示例项目", "第二个项目")
    doc = parse(text)
    first, second = doc.project_targets
    assert first.title.text == "某市项目支出绩效目标申报表" and second.title is None
    assert second.name.text == "第二个项目" and second.year == 2030
    assert any(f.rule == "read.form-incomplete" for f in doc.findings)
    assert (first.department_code, first.department.text, first.implementing_unit.text) == (
        "123",
        "示例局",
        "示例中心",
    )
    assert first.money_unit == "元" and first.term_years == 1 and not first.ongoing
    term, annual = first.funding_for(Period.TERM), first.funding_for(Period.ANNUAL)
    assert (term.total.value, annual.total.value, term.local.value, annual.local.value) == (
        12000,
        10000,
        12000,
        10000,
    )
    assert term.other.value is None and annual.central.value == 0
    indicators = {(i.period, i.level3): i for i in first.indicators if i.level3}
    assert indicators[(Period.ANNUAL, "乙数量")].line == indicators[(Period.TERM, "甲数量")].line
    quantity = indicators[(Period.TERM, "甲数量")]
    assert (quantity.level1, quantity.level1_origin) == ("产出指标", LabelOrigin.FOLLOWING)
    na = [i for i in first.indicators if i.not_applicable]
    assert [(i.period, i.level2) for i in na] == [
        (Period.TERM, "经济效益指标"),
        (Period.ANNUAL, "经济效益指标"),
    ]
    assert len(first.indicators) == 12


SELF_EVALUATION = """\
\t整体绩效自评表

\t（2030年度）

\t金额单位：万元

\t部门（单位）名称
\t示例中心

\t年度
主要
任务
\t任务名称
\t完成情况
\t预算数
\t
\t执行数
\t

\t
\t
\t
\t
\t其中：本级财政资金
\t
\t其中：本级财政资金

\t
\t任务1：示例
\t完成
\t10
\t10
\t9
\t9

\t
\t金额合计（万元）
\t10
\t10
\t9
\t9

\t预算执行情况
\t预算执行率（%）
\t90.00%
\t分值
\t10
\t得分
\t9

\t年
度
指
标
\t一级指标
\t二级指标
\t指标内容
\t预期指标值
\t实际完成指标值
\t分值
\t得分

\t
\t产出指标
\t数量指标
\t甲
\t≥2个
\t3个
\t
\t30

\t
\t
\t
\t乙
\t1次
\t1次
\t60
\t

\t
\t
\t质量指标
\t丙
\t100%
\t100%
\t
\t30

\t
\t效益指标
\t经济效益
指标
\t/
\t/
\t/
\t30
\t/

\t
\t
\t社会效益指标
\t丁
\t提升
\t提升
\t
\t30

\t自评得分
\t99
"""


def test_self_evaluation_group_scores():
    doc = parse(SELF_EVALUATION)
    (evaluation,) = doc.self_evaluations
    assert (
        evaluation.unit_name.text == "示例中心"
        and evaluation.year == 2030
        and evaluation.money_unit == "万元"
    )
    assert evaluation.tasks[0].actual_own.value == 9 and evaluation.total_actual.value == 9
    assert evaluation.execution_rate.value == 90 and evaluation.execution_score.value == 9
    assert [i.level3 for i in evaluation.indicators] == ["甲", "乙", "丙", None, "丁"]
    assert {i.score_level for i in evaluation.indicators} == {ScoreLevel.LEVEL2}  # 30 per 二级指标
    assert {i.weight_level for i in evaluation.indicators} == {ScoreLevel.LEVEL1}  # 60 on the 2nd row
    placeholder = evaluation.indicators[3]
    assert (
        placeholder.not_applicable and placeholder.level2 == "经济效益指标" and placeholder.weight.value == 30
    )
    assert evaluation.indicators[0].actual.number == 3
    assert evaluation.total_score.value == 99
    assert doc.tables == []


def test_evaluation_report_and_its_summary():
    text = (
        "\n".join(
            [
                "（三）重点绩效评价结果。",
                "我部门选取了2030年度示例监测项目开展重点绩效评价。评价结果是完成了目标。绩效评价得分为96.5分。",
                "附件1",
                "示例市某中心",
                "示例监测项目绩效评价报告",
                "一、基本情况",
                "本项目共申请资金20万元，全年使用资金18万元，成本节约率10%。",
                "二、综合评价",
                "1.决策情况分析（20分）",
                "立项依据充分，得10分；绩效目标明确，得10分。决策情况分析合计得分20分。",
                "2.过程情况分析（30分）",
                "预算执行率为90%，得9分；资金管理计20分。过程情况分析合计得分26.5分。",
                "3.产出情况分析（30分）",
                "产出情况分析合计得分30分。",
                "4.效益情况分析（20分）",
                "效益情况分析合计得分20分。",
                "本项目绩效评价得分96.5分，评价结果为“优”。",
                "三、存在的问题和建议",
                "资料归档不及时。",
                "建议加强档案管理。",
            ]
        )
        + "\n"
    )
    doc = parse(text)
    (report,) = doc.evaluation_reports
    assert report.attachment == "附件1" and report.issuer.text == "示例市某中心"
    assert report.project == "示例监测项目" and report.evaluation_type.text == "重点绩效评价"
    assert report.summary_score.value == Decimal("96.5") and report.total.value == Decimal("96.5")
    assert report.grade.text == "优"
    assert (report.budget.value, report.actual.value, report.cost_saving_rate.value) == (20, 18, 10)
    assert [(d.canonical, d.points.value, d.score.value) for d in report.dimensions] == [
        ("决策", 20, 20),
        ("过程", 30, Decimal("26.5")),
        ("产出", 30, 30),
        ("效益", 20, 20),
    ]
    rate = next(i for i in report.dimensions[1].items if i.name.text == "预算执行率")
    assert (rate.rate.value, rate.score.value) == (90, 9)
    assert [p.text for p in report.problems] == ["资料归档不及时。"]
    assert [s.text for s in report.suggestions] == ["建议加强档案管理。"]
