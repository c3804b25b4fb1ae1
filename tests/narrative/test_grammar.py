"""The statement reader on invented sentences of the 情况说明 family (not taken from the seeds)."""

from __future__ import annotations

from decimal import Decimal

from perfbudget.model.document import Document, Paragraph, SourceFile
from perfbudget.model.narrative import FigureRole, StatementKind
from perfbudget.recognize.narrative import extract_statements


def _read(*texts: str, stage: str = "决算", department: str | None = "示例市某某局") -> list:
    paragraphs = [Paragraph(text=t, line=10 + 2 * i) for i, t in enumerate(texts)]
    document = Document(
        source=SourceFile(path="x.txt", name="x.txt", sha256="0" * 64, size=0, format="text"),
        stage=stage, department=department, paragraphs=paragraphs,
    )  # fmt: skip
    return extract_statements(document)


def _values(statements, role=FigureRole.VALUE) -> list[tuple[str | None, str]]:
    return [(s.concept, s.figure(role).text) for s in statements if s.figure(role) is not None]


def test_bounds_thresholds_and_ordinals_are_not_statements():
    found = _read(
        "单位价值50万元以上通用设备3台（套），满意度≥90%，第2次会议，覆盖率达到95%以上，约120万元。"
    )
    assert [(s.kind, s.concept, s.figure(FigureRole.VALUE).text) for s in found] == [
        (StatementKind.COUNT, "assets.general_equipment", "3")
    ]


def test_a_list_of_parts_and_its_shares():
    found = _read(
        "2023年度支出合计500.00万元，其中：基本支出100.00万元，占20.00%；项目支出400.00万元，占80.00%。"
    )
    total, basic, basic_share, project, project_share = found
    assert (total.concept, basic.concept, project.concept) == (
        "expenditure.year_total", "expenditure.basic", "expenditure.project",
    )  # fmt: skip
    assert basic.part_of == project.part_of == total.id
    assert basic_share.kind == StatementKind.SHARE and basic_share.about == basic.id
    assert basic_share.figure(FigureRole.WHOLE).value == Decimal("500.00")
    assert project_share.figure(FigureRole.PART).value == Decimal("400.00")


def test_a_bare_part_has_no_concept():
    """基本支出 alone may be all funds or 一般公共预算 only: not mapped, never checked."""
    found = _read("其中基本支出100.00万元，项目支出400.00万元。")
    assert [s.concept for s in found] == [None, None]
    assert [s.wording for s in found] == ["基本支出", "项目支出"]


def test_the_whole_of_a_list_decides_which_concept_a_part_is():
    found = _read(
        "2023年度一般公共预算财政拨款基本支出300.00万元，其中：人员经费250.00万元，公用经费50.00万元。"
    )
    assert [s.concept for s in found] == ["general_budget.basic", "personnel", "public_funds"]
    found = _read(
        "纳入预算绩效管理的支出总额为800.00万元，其中人员经费支出250.00万元，公用经费支出50.00万元。"
    )
    assert [s.concept for s in found] == [
        "performance.spending_total",
        "performance.personnel",
        "performance.public",
    ]


def test_changes_keep_their_sign():
    found = _read("2023年度机关运行经费支出90.00万元，较上年度减少10.00万元，下降10.00%。")
    amount, change = found
    assert change.kind == StatementKind.CHANGE and change.about == amount.id
    assert change.figure(FigureRole.CHANGE).value == Decimal("-10.00")
    assert change.figure(FigureRole.RATE).value == Decimal("-10.00")
    assert change.figure(FigureRole.CURRENT).value == Decimal("90.00")


def test_completion_with_and_without_percent_sign():
    found = _read(
        "1．节能环保支出（类）环境保护管理事务（款）行政运行（项）。年初预算为200.00万元，支出决算为190.00万元，完成年初预算的95.5。"
    )
    (item,) = found
    assert item.kind == StatementKind.ITEM and item.code == "2110101"
    assert item.path == ["节能环保支出", "环境保护管理事务", "行政运行"]
    assert [item.figure(r).text for r in (FigureRole.BUDGET, FigureRole.ACTUAL, FigureRole.RATE)] == [
        "200.00",
        "190.00",
        "95.5",
    ]


def test_a_completion_rate_turns_the_amount_before_it_into_the_actual():
    found = _read("“三公”经费支出决算中，公务接待费支出决算3.00万元，完成预算的50.00%，占30.00%。")
    completion, share = found
    assert completion.kind == StatementKind.COMPLETION and completion.concept == "three_public.reception"
    assert completion.scope == "final" and completion.figure(FigureRole.ACTUAL).value == Decimal("3.00")
    assert share.whole_concept == "three_public.total"  # the sentence is about the 三公 total


def test_scope_of_three_public_figures():
    (stated,) = _read("公务用车运行维护费预算为12.00万元。")
    assert stated.scope == "budget" and stated.concept == "three_public.vehicle_operation"
    (bare,) = _read("公务用车运行支出12.00万元。")
    assert bare.scope is None  # a final account's 三公 figure that says neither 预算 nor 决算


def test_variant_spellings():
    found = _read("2023年度收入合计100.00万元，其中：财政拨款收入99.00万元，其它收入1.00万元。")
    assert [s.concept for s in found] == ["income.year_total", "income.fiscal", "income.other"]
    found = _read("因公出国(境)费0万元，公务接待费2.5万元。", stage="预算")
    assert _values(found) == [("three_public.abroad", "0"), ("three_public.reception", "2.5")]


def test_amounts_in_yuan_and_counts():
    found = _read("共有车辆5辆，其中：特种专业技术用车2辆，其他用车3辆；办公用房建筑总面积1200.5平方米。")
    assert _values(found) == [
        ("assets.vehicles", "5"), ("assets.vehicles.special", "2"), ("assets.vehicles.other", "3"),
        ("assets.office_area", "1200.5"),
    ]  # fmt: skip
    assert [s.figure(FigureRole.VALUE).unit for s in found] == ["辆", "辆", "辆", "平方米"]


def test_a_sentence_split_by_a_page_break_is_read_whole():
    found = _read(
        "2023年度政府采购支出总额300.00万元，其中：政府采购货物支出100.00万",
        "元、政府采购服务支出200.00万元。",
    )
    assert _values(found) == [
        ("procurement.total", "300.00"), ("procurement.goods", "100.00"), ("procurement.services", "200.00"),
    ]  # fmt: skip
    assert [s.figure(FigureRole.VALUE).line for s in found] == [10, 10, 12]


def test_classes_under_the_expenditure_they_break_down():
    found = _read(
        "2023年度一般公共预算财政拨款支出100.00万元，主要用于以下方面：教育（类）支出10.00万元，占10.00%；其他支出（类）90.00万元，占90.00%。"
    )
    classes = [s for s in found if s.kind == StatementKind.AMOUNT and s.code]
    assert [(s.code, s.concept) for s in classes] == [
        ("205", "general_budget.expenditure"),
        ("229", "general_budget.expenditure"),
    ]


def test_prose_without_figures():
    assert _read("主要职责是负责生态环境保护工作。", "PM2.5平均浓度持续改善，优良天数比例达到80%以上。") == []
