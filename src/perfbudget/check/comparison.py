"""An evaluated relation (a statement or a form figure against a table cell) as a finding."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Protocol

from perfbudget.check.tolerance import sum_tolerance
from perfbudget.model.findings import CitedCell, Finding, Severity

ZERO = Decimal(0)


class Evaluated(Protocol):
    rule: str
    verdict: str  # agree | rounding | disagree
    severity: object
    message: str
    cited: list
    expected: object
    actual: object
    difference: object
    tolerance: object


def finding_of(comparison: Evaluated) -> Finding | None:
    """The finding a comparison reports, or ``None`` when the two sides agree."""
    if comparison.verdict == "agree" or comparison.severity is None:
        return None
    return Finding(
        rule=comparison.rule,
        severity=comparison.severity,
        message=comparison.message,
        cells=comparison.cited,
        expected=comparison.expected,
        actual=comparison.actual,
        difference=comparison.difference,
        tolerance=comparison.tolerance,
    )


def sum_finding(
    rule: str,
    total: Decimal | None,
    parts: list[Decimal],
    message: Callable[[Decimal, Decimal, str], str],
    cells: Callable[[], list[CitedCell]],
) -> Finding | None:
    """A printed total against the sum of its printed ``parts``: nothing when they are equal,
    information within the rounding tolerance, an error beyond it. ``message(sum, difference,
    verdict)`` words it; ``cells()`` cites the figures (built only when there is a finding)."""
    got = sum(parts, ZERO)
    actual = total if total is not None else ZERO
    difference = actual - got
    if difference == 0:
        return None
    # (an empty total is no printed figure: the parts alone say to what precision they were printed)
    tolerance = sum_tolerance(total if total is not None else got, parts)
    within = abs(difference) <= tolerance
    verdict = f"在尾数误差 {tolerance} 以内" if within else f"超出尾数误差 {tolerance}"
    return Finding(
        rule=rule,
        severity=Severity.INFO if within else Severity.ERROR,
        message=message(got, difference, verdict),
        cells=cells(),
        expected=got,
        actual=total,
        difference=difference,
        tolerance=tolerance,
    )
