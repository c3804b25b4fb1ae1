"""The 情况说明 as departments across the country word it, read and checked against the tables.

Two fictional disclosures of 云岭县自然资源局 (tests/fixtures/narrative/): a 2025 部门预算 (the nine
national tables, 表1–表9) and a 2024 部门决算 (公开01–09表), each followed by its 情况说明 in the
national template's wording. Every figure adds up, so neither may give an error or a warning; every
statement about a figure the tables print is read and compared; and each error planted in the
prose (a total, a share, a change on last year, a 项 amount, a completion rate) is found.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from perfbudget.check import run_checks
from perfbudget.check.rules.narrative import comparisons, mappings
from perfbudget.model.findings import Severity
from perfbudget.model.narrative import FigureRole, StatementKind
from perfbudget.pipeline import load_document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "narrative"
FILES = {"budget": FIXTURES / "budget_2025.txt", "final": FIXTURES / "final_2024.txt"}
_DOCUMENTS: dict[str, object] = {}


def document(key: str):
    """The fixture ``key`` read and recognised (cached: tests must not change it)."""
    if key not in _DOCUMENTS:
        _DOCUMENTS[key] = load_document(FILES[key])
    return _DOCUMENTS[key]


def line_of(key: str, words: str) -> int:
    """The line (from 1) of the fixture on which ``words`` are printed, once."""
    lines = [
        n for n, text in enumerate(FILES[key].read_text(encoding="utf-8").splitlines(), 1) if words in text
    ]
    assert len(lines) == 1, (words, lines)
    return lines[0]


def test_the_tables_are_the_national_ones() -> None:
    assert [t.kind for t in document("budget").tables] == [
        "income_expenditure_summary",
        "revenue",
        "expenditure",
        "fiscal_summary",
        "general_budget_expenditure",
        "basic_expenditure_economic",
        "three_public",
        "gov_fund_expenditure",
        "state_capital",
    ]
    assert [t.label for t in document("final").tables] == [f"公开0{n}表" for n in range(1, 10)]


@pytest.mark.parametrize("key", sorted(FILES))
def test_a_consistent_disclosure_has_no_finding(key: str) -> None:
    findings = [
        f"{f.rule}: {f.message}"
        for f in run_checks(document(key))
        if f.severity in (Severity.ERROR, Severity.WARNING)
    ]
    assert findings == []


@pytest.mark.parametrize("key", sorted(FILES))
def test_every_statement_about_a_table_figure_is_compared(key: str) -> None:
    doc = document(key)
    compared = {c.statement.id for c in comparisons(doc, ["narrative.amount"])}
    known = mappings()
    stated = [
        s
        for s in doc.statements
        if s.kind in (StatementKind.AMOUNT, StatementKind.COMPLETION, StatementKind.ITEM)
        and s.concept in known
        and any(doc.tables_of(selector.kind) for selector in known[s.concept].selectors)
    ]  # (机关运行经费 has a table of its own, which neither disclosure prints)
    assert len(stated) >= 30
    assert [(s.line, s.wording) for s in stated if s.id not in compared] == []
    # and every share and change (占一般公共预算项目支出总额的100%: of the table's 项目支出)
    derived = {c.statement.id for c in comparisons(doc) if c.rule != "narrative.amount"}
    loose = [
        s.line
        for s in doc.statements
        if s.kind in (StatementKind.SHARE, StatementKind.CHANGE) and s.id not in derived
    ]
    assert loose == []


D = Decimal
R = FigureRole
# (document, words on the line, kind, concept, code, figures by role)
STATEMENTS = [
    ("budget", "2025年收入总计2,900.00万元", "amount", "income.grand_total", None, {R.VALUE: "2900.00"}),
    ("budget", "2025年收入总计2,900.00万元", "amount", "expenditure.grand_total", None, {R.VALUE: "2900.00"}),
    # 收、支总计各增加: a change of the 收入总计 just stated
    ("budget", "收、支总计各增加150.00万元", "change", "income.grand_total", None,
     {R.CHANGE: "150.00", R.RATE: "5.45", R.CURRENT: "2900.00"}),
    ("budget", "2025年收入合计2,800.00万元", "share", "income.gov_fund", None,
     {R.RATE: "9.29", R.PART: "260.00", R.WHOLE: "2800.00"}),
    ("budget", "2025年支出合计2,900.00万元", "share", "expenditure.project", None,
     {R.RATE: "34.83", R.PART: "1010.00", R.WHOLE: "2900.00"}),
    ("budget", "财政拨款收、支总预算2,640.00万元", "amount", "fiscal.grand_total", None, {R.VALUE: "2640.00"}),
    ("budget", "财政拨款收、支总预算2,640.00万元", "change", "fiscal.grand_total", None,
     {R.CHANGE: "140.00", R.RATE: "5.60"}),
    ("budget", "一般公共预算当年拨款2,380.00万元，比2024年", "change", "general_budget.current", None,
     {R.CHANGE: "180.00", R.RATE: "8.18"}),
    # the class lines under the heading 一般公共预算当年拨款结构情况 are parts of that total
    ("budget", "卫生健康（类）支出65.00万元，占2.73%", "share", "general_budget.current", "210",
     {R.RATE: "2.73", R.PART: "65.00", R.WHOLE: "2380.00"}),
    # 1．类（类）款（款）项（项）2025年预算数为…，与上年相比增加…
    ("budget", "机关事业单位基本养老保险缴费支出（项）2025年预算数", "amount", "general_budget.current",
     "2080505", {R.VALUE: "160.00"}),
    ("budget", "机关事业单位基本养老保险缴费支出（项）2025年预算数", "change", "general_budget.current",
     "2080505", {R.CHANGE: "10.00", R.RATE: "6.67", R.CURRENT: "160.00"}),
    ("budget", "一般行政管理事务（项）支出650.00万元", "amount", "general_budget.current", "2200102",
     {R.VALUE: "650.00"}),
    ("budget", "2025年一般公共预算基本支出1,730.00万元", "amount", "public_funds", None, {R.VALUE: "230.00"}),
    ("budget", "2025年“三公”经费预算33.00万元", "change", "three_public.total", None,
     {R.CHANGE: "-3.00", R.RATE: "-8.33"}),
    # after a nested 其中 (公务用车购置费, 运行费), 公务接待费 is a part of the 三公 total again
    ("budget", "2025年“三公”经费预算33.00万元", "amount", "three_public.reception", None, {R.VALUE: "5.00"}),
    ("budget", "政府性基金预算拨款支出260.00万元", "amount", "gov_fund.expenditure", None, {R.VALUE: "260.00"}),
    ("budget", "机关运行经费230.00万元", "change", "admin_operating", None, {R.CHANGE: "5.00", R.RATE: "2.22"}),
    ("budget", "政府采购预算总额320.00万元", "amount", "procurement.works", None, {R.VALUE: "100.00"}),
    ("budget", "共有车辆5辆", "count", "assets.vehicles.law_enforcement", None, {R.VALUE: "3"}),
    ("final", "收、支总计均为2,750.00万元", "amount", "grand_total", None, {R.VALUE: "2750.00"}),
    ("final", "2024年度本年收入合计2,630.00万元", "share", "income.fiscal", None,
     {R.RATE: "93.16", R.PART: "2450.00", R.WHOLE: "2630.00"}),
    ("final", "2024年度本年收入合计2,630.00万元", "change", "income.year_total", None,
     {R.CHANGE: "150.00", R.RATE: "6.05"}),
    ("final", "2024年度本年支出合计2,700.00万元", "amount", "expenditure.affiliate_subsidy", None,
     {R.VALUE: "0.00"}),
    ("final", "财政拨款收、支总计均为2,570.00万元", "amount", "fiscal.grand_total", None, {R.VALUE: "2570.00"}),
    ("final", "占本年支出合计的84.44%", "share", "general_budget.expenditure", None,
     {R.RATE: "84.44", R.PART: "2280.00", R.WHOLE: "2700.00"}),
    ("final", "住房保障（类）支出100.00万元，占4.39%", "share", "general_budget.expenditure", "221",
     {R.RATE: "4.39", R.PART: "100.00", R.WHOLE: "2280.00"}),
    ("final", "完成年初预算的108.31%", "completion", "general_budget.expenditure", None,
     {R.BUDGET: "2105.00", R.ACTUAL: "2280.00", R.RATE: "108.31"}),
    ("final", "自然资源事务（款）行政运行（项）", "item", "general_budget.expenditure", "2200101",
     {R.BUDGET: "1300.00", R.ACTUAL: "1350.00", R.RATE: "103.85"}),
    ("final", "一般公共预算财政拨款基本支出1,660.00万元", "amount", "personnel", None, {R.VALUE: "1420.00"}),
    ("final", "支出预算为40.00万元，支出决算为30.00万元", "completion", "three_public.total", None,
     {R.BUDGET: "40.00", R.ACTUAL: "30.00", R.RATE: "75.00"}),
    ("final", "公务用车购置及运行费支出决算25.80万元，占86.00%", "share", "three_public.vehicles", None,
     {R.RATE: "86.00", R.PART: "25.80", R.WHOLE: "30.00"}),
    # the parts of what was spent (预算为…，支出决算为…。其中：…) are 决算 figures
    ("final", "公务用车购置支出0.00万元", "amount", "three_public.vehicle_operation", None, {R.VALUE: "25.80"}),
    ("final", "机关运行经费支出240.00万元", "change", "admin_operating", None, {R.CHANGE: "10.00", R.RATE: "4.35"}),
    ("final", "授予中小企业合同金额300.00万元", "share", "procurement.small_micro", None,
     {R.RATE: "52.63", R.PART: "200.00", R.WHOLE: "380.00"}),
]  # fmt: skip


@pytest.mark.parametrize(("key", "words", "kind", "concept", "code", "figures"), STATEMENTS)
def test_statement(key: str, words: str, kind: str, concept: str, code: str | None, figures: dict) -> None:
    line = line_of(key, words)
    found = [
        s
        for s in document(key).statements
        if s.line == line and s.kind.value == kind and s.concept == concept and s.code == code
    ]
    assert len(found) == 1, [
        (s.kind.value, s.concept, s.code) for s in document(key).statements if s.line == line
    ]
    statement = found[0]
    for role, value in figures.items():
        figure = statement.figure(role)
        assert figure is not None and figure.value == D(value), (role, statement.figures)
        assert figure.line == line or role == R.WHOLE  # a whole may be stated earlier


def test_part_scopes() -> None:
    """A 三公 part under a completion is a 决算 figure; under a budget's 三公 total it is 预算."""
    final = document("final")
    line = line_of("final", "公务用车购置支出0.00万元")
    assert {
        s.scope for s in final.statements if s.line == line and s.concept == "three_public.vehicle_purchase"
    } == {"final"}
    budget = document("budget")
    line = line_of("budget", "2025年“三公”经费预算33.00万元")
    assert {s.scope for s in budget.statements if s.line == line and s.kind == StatementKind.AMOUNT} == {
        "budget"
    }


# (document, printed words, planted words, rule, words the message must contain)
PLANTED = [
    ("budget", "2025年收入总计2,900.00万元", "2025年收入总计2,950.00万元", "narrative.amount",
     ["收入总计", "2,950.00", "2,900.00"]),
    ("budget", "事业收入160.00万元，占5.71%", "事业收入160.00万元，占6.71%", "narrative.share", ["6.71%", "5.71%"]),
    ("budget", "增加180.00万元，增长8.18%", "增加180.00万元，增长8.81%", "narrative.change", ["8.81%", "8.18%"]),
    ("budget", "行政运行（项）支出1,400.00万元", "行政运行（项）支出1,450.00万元", "narrative.amount",
     ["1,450.00", "1,400.00"]),
    ("budget", "自然资源海洋气象等（类）支出2,050.00万元，占86.13%",
     "自然资源海洋气象等（类）支出2,050.00万元，占68.13%", "narrative.share", ["68.13%", "86.13%"]),
    ("budget", "“三公”经费预算33.00万元", "“三公”经费预算35.00万元", "narrative.amount", ["35.00", "33.00"]),
    ("budget", "增加5.00万元，增长2.22%", "增加5.00万元，下降2.22%", "narrative.change", ["增加", "下降"]),
    ("budget", "政府采购服务预算150.00万元", "政府采购服务预算160.00万元", "narrative.parts", ["320.00", "330.00"]),
    ("budget", "执法执勤用车3辆", "执法执勤用车4辆", "narrative.parts", ["5", "6"]),
    ("final", "收、支总计均为2,750.00万元", "收、支总计均为2,760.00万元", "narrative.amount", ["2,760.00", "2,750.00"]),
    ("final", "财政拨款收入2,450.00万元，占93.16%", "财政拨款收入2,450.00万元，占91.36%", "narrative.share",
     ["91.36%", "93.16%"]),
    ("final", "本年支出合计增加140.00万元，增长5.47%", "本年支出合计增加140.00万元，增长5.74%", "narrative.change",
     ["5.74%", "5.47%"]),
    ("final", "支出决算为1,350.00万元，完成年初预算的103.85%", "支出决算为1,380.00万元，完成年初预算的103.85%",
     "narrative.amount", ["1,380.00", "1,350.00"]),
    ("final", "完成年初预算的124.00%", "完成年初预算的142.00%", "narrative.completion", ["142.00%", "124.00%"]),
    ("final", "完成预算的75.88%", "完成预算的78.55%", "narrative.completion", ["78.55%", "75.88%"]),
    ("final", "人员经费1,420.00万元", "人员经费1,402.00万元", "narrative.amount", ["1,402.00", "1,420.00"]),
    ("final", "占政府采购支出总额的78.95%", "占政府采购支出总额的87.95%", "narrative.share", ["87.95%", "78.95%"]),
    ("final", "占一般公共预算项目支出总额的100%", "占一般公共预算项目支出总额的90%", "narrative.share",
     ["90%", "100.00%", "620.00"]),
    ("final", "各增加170.00万元，增长7.08%", "各增加170.00万元，增长7.80%", "narrative.change", ["7.80%", "7.08%"]),
]  # fmt: skip


@pytest.mark.parametrize(("key", "printed", "planted", "rule", "words"), PLANTED)
def test_planted_error_is_found(
    tmp_path: Path, key: str, printed: str, planted: str, rule: str, words: list[str]
) -> None:
    text = FILES[key].read_text(encoding="utf-8")
    assert text.count(printed) == 1, printed
    path = tmp_path / FILES[key].name
    path.write_text(text.replace(printed, planted), encoding="utf-8")
    line = line_of(key, printed)
    errors = [f for f in run_checks(load_document(path)) if f.severity == Severity.ERROR and f.rule == rule]
    assert errors, f"{rule} not found"
    assert any(f.ref is not None and f.ref.line == line for f in errors), [f.ref for f in errors]
    message = " ".join(f.message for f in errors)
    for word in words:
        assert word in message, (word, message)


# ------------------------------------------------------------------ sentences of the same family


def _read(*texts: str, stage: str = "预算") -> list:
    """Statements of paragraphs; a paragraph that starts with （ is a heading."""
    from perfbudget.model.document import Document, Paragraph, SourceFile
    from perfbudget.recognize.narrative import extract_statements

    paragraphs = [Paragraph(text=t, line=10 + 2 * i, heading=t.startswith("（")) for i, t in enumerate(texts)]
    doc = Document(
        source=SourceFile(path="x.txt", name="x.txt", sha256="0" * 64, size=0, format="text"),
        stage=stage, department="云岭县某某局", paragraphs=paragraphs,
    )  # fmt: skip
    return extract_statements(doc)


def _brief(statements) -> list[tuple]:
    return [
        (s.kind.value, s.concept, s.code, *(str(f.value) for f in s.figures if f.role != R.CURRENT))
        for s in statements
    ]


def test_the_structure_named_before_a_colon() -> None:
    found = _read("一般公共预算当年拨款结构情况：社会保障和就业（类）支出160.00万元，占6.72%。")
    assert _brief(found) == [
        ("amount", "general_budget.current", "208", "160.00"),
        ("share", "general_budget.current", "208", "6.72", "160.00"),
    ]


def test_a_heading_that_names_no_total_gives_no_concept() -> None:
    found = _read("（二）政府采购情况", "社会保障和就业（类）支出160.00万元，占6.72%。")
    assert [s.concept for s in found] == [None, None]


def test_the_total_budget_and_its_change() -> None:
    found = _read("2025年收、支总预算均为2,900.00万元。与上年相比，收、支总预算各减少150.00万元，下降4.92%。")
    assert _brief(found) == [
        ("amount", "grand_total", None, "2900.00"),
        ("change", "grand_total", None, "-150.00", "-4.92"),
    ]
    assert found[1].about == found[0].id


def test_item_lines_in_the_budget_wordings() -> None:
    found = _read(
        "（三）一般公共预算当年拨款具体使用情况",
        "1.一般公共服务(类)政府办公厅(室)及相关机构事务(款)行政运行(项)：2025年预算数为120.00万元，"
        "比上年增加20.00万元，增长20.00%，主要原因是人员增加。",
        "2．社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）"
        "预算40.00万元，与上年相比减少5.00万元，下降11.11%。",
    )
    assert _brief(found) == [
        ("amount", "general_budget.current", "2010301", "120.00"),
        ("change", "general_budget.current", "2010301", "20.00", "20.00"),
        ("amount", "general_budget.current", "2080506", "40.00"),
        ("change", "general_budget.current", "2080506", "-5.00", "-11.11"),
    ]
    assert {s.scope for s in found} == {"budget"}


def test_budget_wordings_of_the_fund_budgets() -> None:
    found = _read("2025年政府性基金预算拨款支出260.00万元；国有资本经营预算拨款支出0.00万元。")
    assert [s.concept for s in found] == ["gov_fund.expenditure", "state_capital.expenditure"]


def test_scale_of_this_years_grant_in_other_word_orders() -> None:
    found = _read(
        "（一）一般公共预算当年拨款规模变化情况",
        "2025年当年一般公共预算拨款2,380.00万元，与2024年相比增加180.00万元，增长8.18%。",
    )
    assert _brief(found) == [
        ("amount", "general_budget.current", None, "2380.00"),
        ("change", "general_budget.current", None, "180.00", "8.18"),
    ]


def test_three_public_budget_stated_as_a_budget_figure() -> None:
    found = _read("2025年一般公共预算“三公”经费预算数为33.00万元，比2024年预算减少3.00万元，下降8.33%。")
    assert _brief(found) == [
        ("amount", "three_public.total", None, "33.00"),
        ("change", "three_public.total", None, "-3.00", "-8.33"),
    ]
    assert [s.scope for s in found] == ["budget", "budget"]


@pytest.mark.parametrize(
    "sentence",
    [
        "2025年部门支出预算2,900.00万元，其中：基本支出1,890.00万元，占65.17%；项目支出1,010.00万元，占34.83%。",
        "本部门2025年支出预算2,900.00万元，其中：基本支出1,890.00万元，占65.17%；项目支出1,010.00万元，占34.83%。",
    ],
)
def test_the_departments_spending_without_its_name(sentence: str) -> None:
    found = _read(sentence)
    assert _brief(found) == [
        ("amount", "expenditure.year_total", None, "2900.00"),
        ("amount", "expenditure.basic", None, "1890.00"),
        ("share", "expenditure.basic", None, "65.17", "1890.00", "2900.00"),
        ("amount", "expenditure.project", None, "1010.00"),
        ("share", "expenditure.project", None, "34.83", "1010.00", "2900.00"),
    ]


def test_three_public_parts_in_parentheses() -> None:
    found = _read(
        "2025年“三公”经费财政拨款预算33.00万元，其中：因公出国（境）费0.00万元，公务接待费5.00万元，"
        "公务用车购置及运行费28.00万元（其中，公务用车购置费0.00万元，公务用车运行费28.00万元）。"
    )
    assert [(s.concept, s.scope, s.part_of) for s in found] == [
        ("three_public.total", "budget", None),
        ("three_public.abroad", "budget", "s1"),
        ("three_public.reception", "budget", "s1"),
        ("three_public.vehicles", "budget", "s1"),
        ("three_public.vehicle_purchase", "budget", "s4"),
        ("three_public.vehicle_operation", "budget", "s4"),
    ]
