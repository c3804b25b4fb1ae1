"""Fictional target forms built as model objects (青川市 is a fictional city), and the seeds.

Test modules import the builders with ``from perfbudget_test_targets import ind, t, doc …``.
``ind()`` builds an indicator row; ``t()`` a parsed target value (the recognizer's parsing is tested
in tests/forms); ``doc()`` a document holding the forms. Line numbers are made up but distinct, so
that a finding's citation can be asserted.
"""

from __future__ import annotations

import itertools
import sys
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest

from perfbudget.model.document import Document, SourceFile
from perfbudget.model.performance import (
    Comparison,
    DepartmentBudget,
    DepartmentTarget,
    Figure,
    Funding,
    Indicator,
    Period,
    ProjectTarget,
    SpendingPlan,
    Target,
    Text,
)

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
FILES = {
    "000": "000_1ada149e73a82e54.txt",
    "001": "001_95ede21d7572d968.txt",
    "002": "002_9f956185b7f0ed40.txt",
    "004": "004_3dbcf6bf71888e95.txt",
}
OPS = {"≥": Comparison.GE, "≤": Comparison.LE, "=": Comparison.EQ, ">": Comparison.GT, "<": Comparison.LT}
_lines = itertools.count(100)


def t(text: str, *, unit: str | None = None, spelling: str | None = None) -> Target:
    """A parsed value: ``≥95%``, ``≤15万元``, ``501个``, ``100%≥`` (reversed), ``≥`` (operator only),
    or a qualitative text."""
    import re

    m = re.fullmatch(r"(\d+(?:\.\d+)?)(%)(≥|≤)", text)
    if m:
        return Target(op=OPS[m.group(3)], number=Decimal(m.group(1)), unit="%", spelling="reversed")
    m = re.fullmatch(r"([≥≤=><]?)(\d+(?:\.\d+)?)(.*)", text)
    if m:
        op = OPS.get(m.group(1)) if m.group(1) else None
        return Target(
            op=op,
            number=Decimal(m.group(2)),
            unit=m.group(3) or unit,
            spelling=spelling or ("symbol" if op else None),
        )
    if text in OPS:
        return Target(op=OPS[text], operator_only=True, spelling="symbol")
    return Target(qualitative=text)


def ind(
    l1: str | None,
    l2: str | None,
    l3: str | None,
    value: str | None = None,
    *,
    period: Period | None = None,
    line: int | None = None,
    description: str | None = None,
    na: bool = False,
    unit: str | None = None,
) -> Indicator:
    line = line if line is not None else next(_lines)
    return Indicator(
        level1=l1,
        level2=l2,
        level3=l3,
        description=Text(text=description, line=line) if description else None,
        target_raw=Text(text=value, line=line) if value is not None else None,
        target=t(value, unit=unit) if value else None,
        period=period,
        not_applicable=na,
        line=line,
    )


def fig(text: str, line: int | None = None) -> Figure:
    from perfbudget.recognize.numbers import parse_amount

    return Figure(text=text, value=parse_amount(text), line=line if line is not None else next(_lines))


def complete_indicators(period: Period | None = None) -> list[Indicator]:
    """A project's indicators with every required category, all well formed."""
    return [
        ind("产出指标", "数量指标", "监测点位", "≥28个", period=period),
        ind("产出指标", "质量指标", "数据有效率", "≥90%", period=period),
        ind("产出指标", "时效指标", "报告按时提交率", "=100%", period=period),
        ind("产出指标", "成本指标", "监测成本", "≤15万元", period=period),
        ind("效益指标", "社会效益指标", "公众环境意识", "提高", period=period),
        ind("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", period=period),
    ]


def project(
    indicators: list[Indicator] | None = None,
    *,
    name: str = "青川市水质监测经费",
    template: str = "description",
    funding: list[Funding] | None = None,
    money_unit: str = "万元",
    term_years: int | None = None,
    ongoing: bool = False,
    spending_plan: SpendingPlan | None = None,
    line: int = 10,
) -> ProjectTarget:
    return ProjectTarget(
        template=template,
        title=Text(text=f"{name}项目绩效目标表", line=line),
        name=Text(text=name, line=line + 1),
        money_unit=money_unit,
        funding=funding
        if funding is not None
        else [Funding(total=fig("15"), fiscal=fig("15"), other=fig(""))],
        term_years=term_years,
        ongoing=ongoing,
        spending_plan=spending_plan,
        indicators=indicators if indicators is not None else complete_indicators(),
        line=line,
        end_line=9999,
    )


def department(
    indicators: list[Indicator] | None = None,
    *,
    template: str = "declaration",
    budget: DepartmentBudget | None = None,
    unit: str = "青川市生态环境局",
) -> DepartmentTarget:
    return DepartmentTarget(
        template=template,
        title=Text(text="市级部门（单位）整体绩效目标申报表", line=5),
        unit_name=Text(text=unit, line=9),
        budget=budget,
        indicators=indicators or [],
        line=5,
        end_line=9999,
    )


def doc(*forms: ProjectTarget | DepartmentTarget) -> Document:
    return Document(
        source=SourceFile(path="qingchuan.txt", name="qingchuan.txt", sha256="0", size=0, format="text"),
        family="performance",
        project_targets=[f for f in forms if isinstance(f, ProjectTarget)],
        department_targets=[f for f in forms if isinstance(f, DepartmentTarget)],
    )


def findings(document: Document, rule_id: str):
    from perfbudget.check import RULES, all_rules

    all_rules()
    return list(RULES[rule_id].check(document))


@cache
def _seed(key: str) -> Document:
    from perfbudget.pipeline import load_document

    return load_document(SEEDS / FILES[key])


@pytest.fixture(scope="session")
def seed():
    if not SEEDS.is_dir():
        pytest.skip(f"seed documents not found at {SEEDS}")
    return _seed


# the test modules import the builders by this name (``tests`` is not a package)
sys.modules["perfbudget_test_targets"] = sys.modules[__name__]
