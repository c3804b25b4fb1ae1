"""A total column equals the sum of the columns printed under the same heading:
合计 = 基本支出 + 项目支出 (+ …), 合计 = 人员经费 + 公用经费, 合计 = Σ 资金来源, per row."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from perfbudget.check.cite import cite, money, place
from perfbudget.check.comparison import sum_finding
from perfbudget.check.registry import rule
from perfbudget.model.document import Document
from perfbudget.model.findings import Finding, Severity
from perfbudget.model.tables import Column, Table
from perfbudget.read.clean import squash

_TOTAL_HEADER = re.compile(r"合计|小计|总计")
SPENDING_TYPES = {"basic", "project", "remit_upper", "operating_expenditure", "affiliate_subsidy"}


@dataclass
class _Node:
    columns: list[Column] = field(default_factory=list)  # leaves directly under this heading
    children: dict[str, _Node] = field(default_factory=dict)


@dataclass(frozen=True)
class ColumnSum:
    side: str | None
    total: str
    parts: tuple[tuple[str, ...], ...]  # each part: one column, or the leaves of a sub-heading


def column_sums(table: Table) -> list[ColumnSum]:
    """The column relations a table's headers imply (the same for every row)."""
    roots: dict[str | None, _Node] = {}
    for column in table.columns:
        if not column.measure or not column.header or column.is_ratio:
            continue
        node = roots.setdefault(column.side, _Node())
        for heading in column.header[:-1]:
            node = node.children.setdefault(squash(heading), _Node())
        node.columns.append(column)
    sums: list[ColumnSum] = []
    for side, root in roots.items():
        _collect(root, sums, side)
    return sums


def _collect(node: _Node, sums: list[ColumnSum], side: str | None) -> None:
    totals = [c for c in node.columns if _TOTAL_HEADER.search(squash(c.header[-1]))]
    if len(totals) == 1:
        parts = [(c.key,) for c in node.columns if c is not totals[0]]
        parts += [_represent(child) for child in node.children.values()]
        parts = [p for p in parts if p]
        if parts:
            sums.append(ColumnSum(side, totals[0].key, tuple(parts)))
    for child in node.children.values():
        _collect(child, sums, side)


def _represent(node: _Node) -> tuple[str, ...]:
    """A sub-heading counts by its own 小计 column, or by all its leaves."""
    totals = [c for c in node.columns if _TOTAL_HEADER.search(squash(c.header[-1]))]
    if len(totals) == 1:
        return (totals[0].key,)
    leaves = [c.key for c in node.columns]
    for child in node.children.values():
        leaves.extend(_represent(child))
    return tuple(leaves)


def _rule_for(parts: set[str]) -> str:
    tails = {p.split(".")[-1] for p in parts}
    if tails and tails <= SPENDING_TYPES:
        return "budget.basic-plus-project"
    if tails == {"personnel", "public"}:
        return "budget.personnel-plus-public"
    return "budget.column-sum"


def _check(document: Document, wanted: str) -> Iterator[Finding]:
    for table in document.tables:
        for relation in column_sums(table):
            keys = {k for part in relation.parts for k in part}
            if _rule_for(keys) != wanted:
                continue
            for row in table.rows:
                if row.side != relation.side:
                    continue
                finding = _compare(document, table, row, relation, keys, wanted)
                if finding is not None:
                    yield finding


def _compare(document, table, row, relation: ColumnSum, keys, rule_id) -> Finding | None:
    total_cell = row.cells.get(relation.total)
    if total_cell is None:
        return None
    values = [row.cells[k].value for k in keys if k in row.cells and row.cells[k].value is not None]
    total = total_cell.value
    if total is None and not values:
        return None
    names = "、".join(
        (c.header[-1] if (c := table.column(k, row.side)) and c.header else k) for k in sorted(keys)
    )

    def message(got, difference, verdict) -> str:
        return (
            f"{place(table, row, relation.total)}为 {money(total)}，{names}之和为 {money(got)}，"
            f"相差 {difference:+,}（{verdict}）"
        )

    def cells() -> list:
        cited = [cite(document, table, row, relation.total, "total")]
        return cited + [cite(document, table, row, k, "part") for k in sorted(keys) if k in row.cells]

    return sum_finding(rule_id, total, values, message, cells)


@rule("budget.basic-plus-project", Severity.ERROR, "arithmetic", "合计 = 基本支出 + 项目支出")
def basic_plus_project(document: Document) -> Iterator[Finding]:
    """In every row of an expenditure table, the total equals 基本支出 + 项目支出 (plus 上缴上级支出,
    经营支出 and 对附属单位补助支出 where the table has them)."""
    return _check(document, "budget.basic-plus-project")


@rule("budget.personnel-plus-public", Severity.ERROR, "arithmetic", "基本支出合计 = 人员经费 + 公用经费")
def personnel_plus_public(document: Document) -> Iterator[Finding]:
    """In the basic-expenditure table, each row's total equals 人员经费 + 公用经费."""
    return _check(document, "budget.personnel-plus-public")


@rule("budget.column-sum", Severity.ERROR, "arithmetic", "合计列等于同一表头下各列之和")
def column_sum(document: Document) -> Iterator[Finding]:
    """A 合计/小计 column equals the sum of the columns printed under the same heading: income by
    source, 财政拨款 by budget, 三公经费 by item, 合计 = 当年预算安排 + 上年结转安排, and so on."""
    return _check(document, "budget.column-sum")
