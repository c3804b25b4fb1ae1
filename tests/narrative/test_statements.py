"""Statements read from the prose of the seeds: how many per concept, and a spread of exact values.

Concept ids come from recognize/narrative/concepts.toml; ``""`` counts the statements whose
wording is not in the vocabulary (or whose scope is ambiguous), which are kept but never checked.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pytest

from perfbudget.model.narrative import FigureRole, StatementKind


def _counts(document) -> dict[str, int]:
    return dict(Counter(s.concept or "" for s in document.statements))


def _one(document, line: int, kind: StatementKind, concept: str | None = None, code: str | None = None):
    found = [
        s for s in document.statements
        if s.line == line and s.kind == kind and (concept is None or s.concept == concept) and (code is None or s.code == code)
    ]  # fmt: skip
    assert len(found) == 1, [(s.kind, s.concept, s.code) for s in document.statements if s.line == line]
    return found[0]


def _figure(statement, role: FigureRole) -> tuple[Decimal, str, str]:
    figure = statement.figure(role)
    assert figure is not None, statement
    return figure.value, figure.text, figure.unit


COUNTS_002 = {
    "": 52,
    "admin_operating": 2,
    "assets.general_equipment": 1,
    "assets.special_equipment": 1,
    "assets.vehicles": 1,
    "assets.vehicles.confidential": 1,
    "assets.vehicles.emergency": 1,
    "assets.vehicles.law_enforcement": 1,
    "assets.vehicles.leaders": 1,
    "assets.vehicles.other": 1,
    "assets.vehicles.provincial_leaders": 1,
    "assets.vehicles.retired": 1,
    "assets.vehicles.special": 1,
    "expenditure.basic": 2,
    "expenditure.project": 2,
    "expenditure.year_total": 1,
    "fiscal.grand_total": 2,
    "general_budget.basic": 2,
    "general_budget.expenditure": 43,
    "gov_fund.expenditure": 1,
    "grand_total": 2,
    "income.fiscal": 2,
    "income.other": 2,
    "income.year_total": 1,
    "performance.key_evaluated": 1,
    "performance.key_evaluated.amount": 1,
    "performance.personnel": 1,
    "performance.projects": 1,
    "performance.projects.amount": 1,
    "performance.public": 1,
    "performance.self_evaluated": 1,
    "performance.self_evaluated.amount": 1,
    "performance.spending_total": 1,
    "personnel": 1,
    "procurement.goods": 1,
    "procurement.services": 1,
    "procurement.small_micro": 2,
    "procurement.sme": 2,
    "procurement.total": 1,
    "procurement.works": 1,
    "public_funds": 1,
    "state_capital.expenditure": 1,
    "three_public.abroad": 3,
    "three_public.abroad_groups": 1,
    "three_public.reception": 3,
    "three_public.reception_domestic": 1,
    "three_public.reception_domestic_groups": 1,
    "three_public.reception_domestic_visitors": 1,
    "three_public.reception_foreign": 1,
    "three_public.reception_foreign_groups": 1,
    "three_public.reception_foreign_visitors": 1,
    "three_public.total": 1,
    "three_public.vehicle_operation": 1,
    "three_public.vehicle_purchase": 1,
    "three_public.vehicles": 3,
    "three_public.vehicles_held": 1,
    "three_public.vehicles_purchased": 1,
}

COUNTS_004 = {
    "": 8,
    "admin_operating": 2,
    "assets.general_equipment": 1,
    "assets.office_area": 1,
    "assets.vehicle_quota": 1,
    "assets.vehicles": 1,
    "assets.vehicles.confidential": 1,
    "assets.vehicles.emergency": 1,
    "assets.vehicles.institution": 1,
    "assets.vehicles.law_enforcement": 1,
    "assets.vehicles.leaders": 1,
    "assets.vehicles.other": 1,
    "assets.vehicles.special": 1,
    "expenditure.basic": 2,
    "expenditure.carryover": 1,
    "expenditure.current_year": 1,
    "expenditure.grand_total": 2,
    "expenditure.project": 2,
    "expenditure.year_total": 1,
    "fiscal.carryover": 1,
    "fiscal.general_budget_total": 1,
    "fiscal.gov_fund_total": 1,
    "fiscal.grand_total": 6,
    "fiscal.income_year": 1,
    "fiscal.state_capital_total": 1,
    "general_budget.basic": 1,
    "general_budget.current": 11,
    "income.carryover": 3,
    "income.general_budget": 2,
    "income.gov_fund": 2,
    "income.grand_total": 2,
    "income.special_account": 2,
    "income.state_capital": 2,
    "income.unit_funds": 2,
    "income.year_total": 1,
    "performance.budget_units": 1,
    "performance.published_targets": 1,
    "performance.published_targets.amount": 2,
    "performance.running_projects": 2,
    "performance.running_projects.amount": 2,
    "performance.specific_projects": 2,
    "performance.specific_projects.amount": 2,
    "performance.target_projects": 1,
    "performance.target_projects.amount": 1,
    "personnel": 1,
    "procurement.goods": 1,
    "procurement.services": 1,
    "procurement.total": 1,
    "procurement.works": 1,
    "public_funds": 1,
    "three_public.abroad": 1,
    "three_public.reception": 2,
    "three_public.total": 2,
    "three_public.vehicle_operation": 1,
    "three_public.vehicle_purchase": 1,
}


def test_002_statements_per_concept(doc002):
    assert len(doc002.statements) == 166
    assert _counts(doc002) == COUNTS_002
    kinds = Counter(s.kind.value for s in doc002.statements)
    assert kinds == {
        "amount": 47,
        "change": 5,
        "completion": 15,
        "count": 44,
        "item": 28,
        "percent": 12,
        "share": 15,
    }


def test_004_statements_per_concept(doc004):
    assert len(doc004.statements) == 96
    assert _counts(doc004) == COUNTS_004
    kinds = Counter(s.kind.value for s in doc004.statements)
    assert kinds == {"amount": 56, "change": 6, "count": 21, "share": 13}


def test_001_states_no_figure(doc001):
    """001's prose states targets (达到95%以上: a bound, not a figure) and PM2.5: nothing to read."""
    assert doc001.statements == []


def test_002_values_keep_their_printed_precision(doc002):
    total = _one(doc002, 2704, StatementKind.AMOUNT, "grand_total")
    assert _figure(total, FigureRole.VALUE) == (Decimal("17730.57"), "17,730.57", "万元")
    health = _one(doc002, 2715, StatementKind.AMOUNT, "general_budget.expenditure", "210")
    assert _figure(health, FigureRole.VALUE) == (Decimal("146.6"), "146.6", "万元")
    assert str(health.figure(FigureRole.VALUE).value) == "146.6"  # not 146.60
    energy = _one(doc002, 2715, StatementKind.AMOUNT, code="211")
    assert _figure(energy, FigureRole.VALUE) == (Decimal("9261.57"), "9261.57", "万元")
    assert energy.wording == "节能环保（类）支出"


def test_002_shares_changes_and_completions(doc002):
    other = _one(doc002, 2706, StatementKind.SHARE, "income.other")
    assert _figure(other, FigureRole.RATE)[0] == Decimal("0.00")
    assert other.figure(FigureRole.PART).value == Decimal("11.82")
    assert other.figure(FigureRole.WHOLE).value == Decimal("13202.51")  # the 收入合计 the list breaks down
    share = _one(doc002, 2713, StatementKind.SHARE)
    assert share.whole_concept == "expenditure.year_total" and share.whole_wording == "支出合计"
    growth = _one(doc002, 2704, StatementKind.CHANGE)
    assert growth.concept == "grand_total"
    assert growth.figure(FigureRole.CHANGE).value == Decimal("5448.86")
    assert growth.figure(FigureRole.RATE).value == Decimal("44.37")
    assert growth.figure(FigureRole.CURRENT).value == Decimal("17730.57")
    fall = _one(doc002, 5478, StatementKind.CHANGE, "admin_operating")
    assert fall.figure(FigureRole.CHANGE).value == Decimal("-21.09")  # 减少 is negative
    assert fall.figure(FigureRole.RATE).value == Decimal("-6.66")  # 下降 too
    three = _one(doc002, 2750, StatementKind.COMPLETION, "three_public.total")
    assert [three.figure(r).value for r in (FigureRole.BUDGET, FigureRole.ACTUAL, FigureRole.RATE)] == [
        Decimal("80.92"), Decimal("54.96"), Decimal("67.92"),
    ]  # fmt: skip


def test_002_per_item_lines(doc002):
    items = [s for s in doc002.statements if s.kind == StatementKind.ITEM]
    assert len(items) == 28
    assert all(s.concept == "general_budget.expenditure" and s.code and len(s.code) == 7 for s in items)
    first = items[0]
    assert first.path == ["教育支出", "进修及培训", "培训支出"] and first.code == "2050803"
    assert [first.figure(r).value for r in (FigureRole.BUDGET, FigureRole.ACTUAL, FigureRole.RATE)] == [
        Decimal("9.65"), Decimal("5.07"), Decimal("52.54"),
    ]  # fmt: skip
    renamed = next(s for s in items if s.line == 2720)
    assert renamed.code == "2080599"  # resolved through the older name of the 项
    bare = next(s for s in items if s.line == 2737)
    assert bare.figure(FigureRole.RATE).value == Decimal("109.82")  # printed without %
    no_rate = [s for s in items if s.figure(FigureRole.RATE) is None]
    assert len(no_rate) == 16  # 14 lines with 年初预算为0万元 and 2 more state no completion rate


def test_002_counts_and_parts(doc002):
    vehicles = _one(doc002, 5482, StatementKind.COUNT, "assets.vehicles")
    assert _figure(vehicles, FigureRole.VALUE) == (Decimal(29), "29", "辆")
    parts = [s for s in doc002.statements if s.part_of == vehicles.id]
    assert (
        sum(s.figure(FigureRole.VALUE).value for s in parts if s.concept.startswith("assets.vehicles.")) == 29
    )
    equipment = _one(doc002, 5482, StatementKind.COUNT, "assets.general_equipment")
    assert _figure(equipment, FigureRole.VALUE) == (Decimal(21), "21", "台(套)")
    # 单位价值50万元以上: a threshold, not an amount
    assert not [s for s in doc002.statements if s.line == 5482 and s.kind == StatementKind.AMOUNT]


def test_002_three_public_scope(doc002):
    """A 三公 figure of a final account is 预算 or 决算 only when the sentence says so, or when it is
    a part of what was spent (``预算为…，支出决算为…。其中：`` then the parts on lines of their own)."""
    stated = _one(doc002, 2752, StatementKind.COMPLETION, "three_public.reception")
    assert stated.scope == "final"
    part = _one(doc002, 2757, StatementKind.AMOUNT, "three_public.vehicle_operation")
    assert part.scope == "final"
    assert part.part_of == _one(doc002, 2755, StatementKind.COMPLETION, "three_public.vehicles").id


def test_004_values(doc004):
    carry = [
        s for s in doc004.statements if s.concept == "income.carryover" and s.kind == StatementKind.AMOUNT
    ]
    assert [s.figure(FigureRole.VALUE).text for s in carry] == ["4,814.45", "4,814.46"]
    spending = _one(doc004, 507, StatementKind.AMOUNT, "expenditure.year_total")
    assert _figure(spending, FigureRole.VALUE) == (Decimal("11967.1"), "11967.1", "万元")
    project = _one(doc004, 507, StatementKind.AMOUNT, "expenditure.project")
    assert project.part_of == spending.id  # 项目支出 as a part of the total: checked against 支出总表
    growth = _one(doc004, 495, StatementKind.CHANGE, "income.grand_total")  # the total, not 上年结转
    assert growth.figure(FigureRole.RATE).value == Decimal("178.91")
    classes = [s for s in doc004.statements if s.line == 511 and s.code]
    assert [(s.code, s.concept) for s in classes] == [
        ("208", "fiscal.grand_total"), ("210", "fiscal.grand_total"), ("211", "fiscal.grand_total"),
        ("212", "fiscal.grand_total"), ("221", "fiscal.grand_total"),
    ]  # fmt: skip
    area = _one(doc004, 1483, StatementKind.COUNT, "assets.office_area")
    assert _figure(area, FigureRole.VALUE) == (Decimal("1441.3"), "1441.3", "平方米")


def test_004_ambiguous_scope_is_left_unmapped(doc004):
    """基本支出/项目支出 under a whole the vocabulary does not know (部门预算资金) may be 本年 or with
    上年结转: no concept, so never checked."""
    bare = [s for s in doc004.statements if s.line == 562 and s.kind == StatementKind.AMOUNT]
    assert [s.concept for s in bare] == [None, None, None, None]
    share = _one(doc004, 566, StatementKind.SHARE)
    assert share.whole_concept is None  # 占部门（单位）项目支出总额的100%: 本年 or with 上年结转?


def test_004_page_split_sentence_keeps_both_lines(doc004):
    """A sentence the page break split (与上年预算数相 / 同；…) is one passage; each figure keeps its line."""
    purchase = _one(doc004, 544, StatementKind.AMOUNT, "three_public.vehicle_purchase")
    assert purchase.figure(FigureRole.VALUE).line == 544
    operation = _one(doc004, 540, StatementKind.AMOUNT, "three_public.vehicle_operation")
    assert operation.part_of == purchase.part_of is not None


@pytest.mark.parametrize("key", ["002", "004"])
def test_statements_serialise(key, request):
    """Statements are part of the interchange format (JSON round trip)."""
    from perfbudget.model.document import Document

    document = request.getfixturevalue(f"doc{key}")
    again = Document.model_validate_json(document.model_dump_json())
    assert again.statements == document.statements
