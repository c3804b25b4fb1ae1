"""Fictional self-evaluations and evaluation reports built as model objects, and the seeds.

Test modules import the builders with ``from perfbudget_test_score import row, evaluation …``
(``tests`` is not a package). ``t()`` is a parsed value (the recognizer's parsing is tested in
tests/forms); line numbers are made up but distinct, so that citations can be asserted.
"""

from __future__ import annotations

import itertools
import re
import sys
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest

from perfbudget.model.document import Document, SourceFile
from perfbudget.model.performance import (
    Comparison,
    Dimension,
    EvaluationReport,
    EvaluationTask,
    Figure,
    Indicator,
    ScoreItem,
    ScoreLevel,
    SelfEvaluation,
    Target,
    Text,
)

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
SEED_002 = SEEDS / "002_9f956185b7f0ed40.txt"
OPS = {"≥": Comparison.GE, "≤": Comparison.LE, "=": Comparison.EQ, ">": Comparison.GT, "<": Comparison.LT}
ROW, L2, L1 = ScoreLevel.ROW, ScoreLevel.LEVEL2, ScoreLevel.LEVEL1
_lines = itertools.count(1000)


def t(text: str) -> Target | None:
    if not text.strip():
        return None
    m = re.fullmatch(r"([≥≤=><]?)(\d+(?:\.\d+)?)(余)?(.*)", text)
    if m:
        op = OPS.get(m.group(1)) if m.group(1) else None
        return Target(
            op=op, number=Decimal(m.group(2)), unit=m.group(4) or None, approximate=bool(m.group(3))
        )
    if text in OPS:
        return Target(op=OPS[text], operator_only=True)
    m = re.fullmatch(r"([≥≤=><])(.+)", text)
    if m:
        return Target(op=OPS[m.group(1)], qualitative=m.group(2))
    return Target(qualitative=text)


def fig(text: str | None, line: int | None = None) -> Figure | None:
    if text is None:
        return None
    from perfbudget.recognize.numbers import parse_amount

    value = parse_amount(text.rstrip("%"))
    return Figure(
        text=text,
        value=value,
        unit="%" if text.endswith("%") else None,
        line=line if line is not None else next(_lines),
    )


def row(
    l1: str,
    l2: str,
    l3: str | None,
    target: str = "",
    actual: str = "",
    *,
    score: str | None = None,
    score_level: ScoreLevel = ROW,
    weight: str | None = None,
    weight_level: ScoreLevel = L1,
    na: bool = False,
    line: int | None = None,
) -> Indicator:
    line = line if line is not None else next(_lines)
    return Indicator(
        level1=l1,
        level2=l2,
        level3=l3,
        target_raw=Text(text=target, line=line) if target else None,
        target=t(target),
        actual_raw=Text(text=actual, line=line) if actual else None,
        actual=t(actual),
        weight=fig(weight, line + 6) if weight is not None else None,
        weight_level=weight_level,
        score=fig(score, line + 7) if score is not None else None,
        score_level=score_level,
        not_applicable=na,
        line=line,
    )


def evaluation(
    indicators: list[Indicator],
    *,
    rate: str | None = "85.43%",
    weight: str | None = "10",
    execution: str | None = "8.54",
    total: str | None = None,
    grade: str | None = None,
    budget: str | None = None,
    actual: str | None = None,
    tasks: list[EvaluationTask] | None = None,
    unit: str = "青川市生态环境局",
) -> SelfEvaluation:
    return SelfEvaluation(
        unit_name=Text(text=unit, line=10),
        money_unit="万元",
        tasks=tasks or [],
        total_budget=fig(budget, 20),
        total_actual=fig(actual, 22),
        execution_rate=fig(rate, 30),
        execution_weight=fig(weight, 32),
        execution_score=fig(execution, 34),
        indicators=indicators,
        total_score=fig(total, 900),
        grade=Text(text=grade, line=901) if grade else None,
        line=5,
        end_line=900,
    )


def standard_rows(*, output_scores=("25", "25"), outcome="30", satisfaction="10") -> list[Indicator]:
    """产出 50 (two indicators), 效益 30, 满意度 10, every target reached."""
    return [
        row("产出指标", "数量指标", "监测点位", "≥28个", "30个", score=output_scores[0], weight="50"),
        row("产出指标", "质量指标", "数据有效率", "≥90%", "95%", score=output_scores[1]),
        row("效益指标", "社会效益指标", "公众环境意识", "提高", "提高", score=outcome, weight="30"),
        row("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "96%", score=satisfaction, weight="10"),
    ]


def item(
    name: str,
    *,
    points: str | None = None,
    score: str | None = None,
    rate: str | None = None,
    deduction: str | None = None,
    line: int = 5542,
) -> ScoreItem:
    return ScoreItem(
        name=Text(text=name, line=line),
        points=fig(points, line),
        score=fig(score, line),
        rate=fig(rate, line),
        deduction=fig(deduction, line),
    )


def dimension(
    name: str,
    canonical: str,
    *,
    points: str | None = None,
    score: str | None = None,
    items: list[ScoreItem] | None = None,
    line: int | None = None,
) -> Dimension:
    line = line if line is not None else next(_lines)
    return Dimension(
        name=Text(text=name, line=line),
        canonical=canonical,
        points=fig(points, line),
        score=fig(score, line + 1),
        items=items or [],
    )


def report(
    dimensions: list[Dimension],
    *,
    total: str | None = None,
    points: str | None = "100",
    grade: str | None = None,
    summary: str | None = None,
    budget: str | None = None,
    actual: str | None = None,
    rate: str | None = None,
) -> EvaluationReport:
    return EvaluationReport(
        attachment="附件9",
        title=Text(text="青川市水质监测项目绩效评价报告", line=5520),
        dimensions=dimensions,
        total_points=fig(points, 5537),
        total=fig(total, 5537),
        grade=Text(text=grade, line=5537) if grade else None,
        summary_score=fig(summary, 5467),
        budget=fig(budget, 5527),
        actual=fig(actual, 5527),
        execution_rate=fig(rate, 5542),
        line=5520,
        end_line=5548,
    )


def document(*forms: SelfEvaluation | EvaluationReport) -> Document:
    return Document(
        source=SourceFile(
            path="qingchuan-2024.txt", name="qingchuan-2024.txt", sha256="0", size=0, format="text"
        ),
        family="performance",
        self_evaluations=[f for f in forms if isinstance(f, SelfEvaluation)],
        evaluation_reports=[f for f in forms if isinstance(f, EvaluationReport)],
    )


@cache
def _seed_002() -> Document:
    from perfbudget.pipeline import load_document

    return load_document(SEED_002)


@pytest.fixture(scope="session")
def doc002() -> Document:
    if not SEED_002.exists():
        pytest.skip(f"seed not found at {SEED_002}")
    return _seed_002()


sys.modules["perfbudget_test_score"] = sys.modules[__name__]
