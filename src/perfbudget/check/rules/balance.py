"""收入总计 = 支出总计 in the summary tables."""

from __future__ import annotations

from collections.abc import Iterator

from perfbudget.check.cite import cite, money
from perfbudget.check.registry import rule
from perfbudget.check.tolerance import equal_tolerance
from perfbudget.model.document import Document
from perfbudget.model.findings import Finding, Severity
from perfbudget.model.tables import Row, RowRole, Table


def grand_total(table: Table, side: str) -> Row | None:
    rows = [r for r in table.rows if r.side == side and r.role == RowRole.TOTAL and "总计" in r.label]
    return rows[-1] if rows else None


@rule("budget.balance", Severity.ERROR, "arithmetic", "收入总计 = 支出总计")
def balance(document: Document) -> Iterator[Finding]:
    """In a two-sided summary table (收支总表, 财政拨款收支总表), the income grand total equals the
    expenditure grand total."""
    for table in document.tables:
        income, spending = grand_total(table, "income"), grand_total(table, "expenditure")
        if income is None or spending is None:
            continue
        a, b = income.value("total"), spending.value("total")
        if a is None or b is None or a == b:
            continue
        tolerance = equal_tolerance(a, b)
        within = abs(a - b) <= tolerance
        yield Finding(
            rule="budget.balance",
            severity=Severity.INFO if within else Severity.ERROR,
            message=f"《{table.title}》收入总计 {money(a)} 与支出总计 {money(b)} 不等，相差 {a - b:+,}",
            cells=[
                cite(document, table, income, "total", "left"),
                cite(document, table, spending, "total", "right"),
            ],
            expected=b,
            actual=a,
            difference=a - b,
            tolerance=tolerance,
        )
