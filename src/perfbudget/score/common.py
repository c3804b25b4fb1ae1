"""What the self-evaluation and report scorers share: the score card, citations, tolerances."""

from __future__ import annotations

from decimal import Decimal

from pydantic import BaseModel, Field

from perfbudget.check.tolerance import HALF, unit_of
from perfbudget.model.findings import CitedCell, Finding, Severity
from perfbudget.model.performance import Figure, Text
from perfbudget.model.source import SourceRef
from perfbudget.score.tree import ScoreFigure, ScoreNode

ZERO, HUNDRED = Decimal(0), Decimal(100)


class ScoreCard(BaseModel):
    """One scored form: the explanation tree, the totals and grades printed and recomputed, and the
    findings where the document's own figures disagree with the recomputation."""

    kind: str  # self_evaluation | evaluation
    name: str
    line: int | None = None
    page: int | None = None
    profile: str
    tree: ScoreNode
    printed_total: Decimal | None = None
    printed_grade: str | None = None
    grade: str | None = None  # the profile's grade of the recomputed total
    findings: list[Finding] = Field(default_factory=list)

    @property
    def total(self) -> Decimal | None:
        return self.tree.points


def value_of(figure: Figure | None) -> Decimal | None:
    """A printed figure's value (``None`` when it is not printed or is a placeholder)."""
    return figure.value if figure is not None else None


def fig(label: str, figure: Figure | Text | None) -> ScoreFigure | None:
    if figure is None:
        return None
    return ScoreFigure(
        label=label,
        text=figure.text,
        value=getattr(figure, "value", None),
        line=figure.line,
        page=figure.page,
    )


def figs(*pairs: tuple[str, Figure | Text | None]) -> list[ScoreFigure]:
    return [f for f in (fig(label, figure) for label, figure in pairs) if f is not None]


def cite(file: str, figure: Figure | Text | None, role: str, label: str = "") -> CitedCell | None:
    if figure is None:
        return None
    return CitedCell(
        ref=SourceRef(file=file, line=figure.line, page=figure.page),
        text=figure.text,
        value=getattr(figure, "value", None),
        role=role,
        row_label=label,
    )


def cells(file: str, *items: tuple[Figure | Text | None, str, str]) -> list[CitedCell]:
    return [c for c in (cite(file, figure, role, label) for figure, role, label in items) if c is not None]


def score_tolerance(printed: Decimal) -> Decimal:
    """A printed score is rounded to its printed decimals: ½ unit of its last digit, and never less
    than ½ of 0.01 (scores are computed to 2 decimals)."""
    return max(HALF * unit_of([printed]), Decimal("0.005"))


def num(value: Decimal | None) -> str:
    """A score as the documents print it: ``8.54``, ``50``, ``7.5``."""
    if value is None:
        return "空"
    if value == value.to_integral_value():
        return str(value.quantize(Decimal(1)))
    return f"{value.normalize():f}"


def compare(
    rule: str,
    severity: Severity,
    printed: Decimal,
    expected: Decimal,
    message: str,
    cited: list[CitedCell],
    tolerance: Decimal | None = None,
) -> Finding | None:
    """A finding when ``printed`` differs from ``expected``: at ``severity`` beyond the tolerance,
    as information within it; nothing when they are equal."""
    difference = printed - expected
    if difference == 0:
        return None
    tolerance = score_tolerance(printed) if tolerance is None else tolerance
    within = abs(difference) <= tolerance
    verdict = f"在尾数误差 {tolerance} 以内" if within else f"超出尾数误差 {tolerance}"
    return Finding(
        rule=rule,
        severity=Severity.INFO if within else severity,
        message=f"{message}（{verdict}）",
        cells=cited,
        expected=expected,
        actual=printed,
        difference=difference,
        tolerance=tolerance,
    )
