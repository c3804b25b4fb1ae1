"""A row that sums other rows equals their sum: 合计 = Σ 类, 类 = Σ 款, 款 = Σ 项, unit = Σ projects."""

from __future__ import annotations

from collections.abc import Iterator

from perfbudget.check.cite import cite, money, place
from perfbudget.check.comparison import sum_finding
from perfbudget.check.registry import rule
from perfbudget.model.document import Document
from perfbudget.model.findings import Finding, Severity
from perfbudget.model.tables import Row, Table


def children_of(table: Table) -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for index, row in enumerate(table.rows):
        if row.parent is not None:
            children.setdefault(row.parent, []).append(index)
    return children


def _is_classification(row: Row, parts: list[Row]) -> bool:
    return bool(row.code) and row.role != "total" and all(p.code for p in parts)


def _row_sums(document: Document, classification: bool) -> Iterator[Finding]:
    for table in document.tables:
        for parent, kids in children_of(table).items():
            row = table.rows[parent]
            parts = [table.rows[k] for k in kids]
            if _is_classification(row, parts) != classification:
                continue
            for key in dict.fromkeys(table.additive_keys(row.side) if row.side else table.additive_keys()):
                finding = _compare(document, table, row, parts, key, classification)
                if finding is not None:
                    yield finding


def _compare(document, table, row, parts, key, classification) -> Finding | None:
    total_cell = row.cells.get(key)
    values = [p.cells[key].value for p in parts if key in p.cells and p.cells[key].value is not None]
    total = total_cell.value if total_cell else None
    if total is None and not values:
        return None
    rule_id = "budget.class-sum" if classification else "budget.total-sum"
    what = {1: "其下各款", 2: "其下各项"}.get(row.level, "其下各行") if classification else "其组成各行"

    def message(got, difference, verdict) -> str:
        return (
            f"{place(table, row, key)}为 {money(total)}，{what}之和为 {money(got)}，"
            f"相差 {difference:+,}（{verdict}）"
        )

    def cells() -> list:
        cited = [cite(document, table, row, key, "total")]
        return cited + [cite(document, table, p, key, "part") for p in parts if key in p.cells]

    return sum_finding(rule_id, total, values, message, cells)


@rule("budget.total-sum", Severity.ERROR, "arithmetic", "合计行等于其组成各行之和")
def total_sum(document: Document) -> Iterator[Finding]:
    """A total row (合计, 本年收入合计, 总计, a unit in a project list, an economic class) equals the
    sum of the rows it is made of, in every amount column (not in a column of rates or shares:
    增减率, 占比, %). Differences within the rounding tolerance are reported as information."""
    return _row_sums(document, classification=False)


@rule("budget.class-sum", Severity.ERROR, "arithmetic", "类等于其下各款之和，款等于其下各项之和")
def class_sum(document: Document) -> Iterator[Finding]:
    """In a table coded by 功能分类 or 经济分类, a 类 (3 digits) equals the sum of its 款 (5 digits)
    and a 款 the sum of its 项 (7 digits), in every amount column (rates and shares left out)."""
    return _row_sums(document, classification=True)
