"""An evaluated relation (a statement or a form figure against a table cell) as a finding."""

from __future__ import annotations

from typing import Protocol

from perfbudget.model.findings import Finding


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
