"""The same figure printed in two tables of one document agrees (relations kept as data)."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

from perfbudget.check.cite import cite, money, place
from perfbudget.check.comparison import sum_finding
from perfbudget.check.registry import rule
from perfbudget.check.rules.columns import column_sums
from perfbudget.model.document import Document
from perfbudget.model.findings import CitedCell, Finding, Severity
from perfbudget.model.tables import Row, RowRole, Table
from perfbudget.recognize.issuer import without_scope
from perfbudget.recognize.vocabulary import strip_ordinal

ZERO = Decimal(0)
_CATALOGUE = Path(__file__).parent.parent / "catalogue" / "cross.toml"


@dataclass(frozen=True)
class Relation:
    id: str
    title: str
    left: dict
    right: tuple[dict, ...]


@cache
def relations() -> tuple[Relation, ...]:
    data = tomllib.loads(_CATALOGUE.read_text(encoding="utf-8"))
    return tuple(Relation(r["id"], r["title"], r["left"], tuple(r["right"])) for r in data["relation"])


def _tables(tables: list[Table], selector: dict) -> list[Table]:
    found = []
    for table in tables:
        if table.kind != selector["kind"]:
            continue
        if "title_has" in selector and selector["title_has"] not in table.title:
            continue
        if "title_lacks" in selector and selector["title_lacks"] in table.title:
            continue
        if table.declared_empty and not table.rows:
            continue
        found.append(table)
    return found if selector.get("every_table") else found[:1]


def _rows(table: Table, selector: dict) -> list[Row]:
    side = selector.get("side")
    rows = [r for r in table.rows if side is None or r.side == side]
    which = selector["row"]
    totals = [r for r in rows if r.role == RowRole.TOTAL]
    if which == "total":
        return [next((r for r in totals if r.parent is None), totals[0])] if totals else []
    if which == "year_total":
        return (
            [next((r for r in totals if r.parent is not None or "本年" in r.label), totals[0])]
            if totals
            else []
        )
    if which == "roots":
        return [r for r in totals if r.parent is None]
    if which.startswith("label:"):
        pattern = re.compile(which[6:])
        return [r for r in rows if pattern.search(strip_ordinal(r.label))][:1]
    raise ValueError(f"unknown row selector {which}")


def _classes(table: Table, selector: dict) -> dict[str, Row]:
    side = selector.get("side")
    return {
        r.code: r
        for r in table.rows
        if (side is None or r.side == side) and r.code and len(r.code) == 3 and r.role != RowRole.TOTAL
    }


def _without(table: Table, selector: dict) -> str | None:
    """The ``without`` column where this table's header makes it a part of the selected figure
    (合计 over 本年收入 and 上年结转): that part is taken off; a column printed beside the
    figure (上年结转 next to 本年收入/合计) is not in it and stays."""
    column = selector.get("without")
    if column is None or table.column(column) is None:
        return None
    for relation in column_sums(table):
        if relation.total == selector["column"] and any(column in part for part in relation.parts):
            return column
    return None


def _value(row: Row, column: str) -> Decimal | None:
    cell = row.cells.get(column)
    return cell.value if cell else None


def _finding(
    document, relation, left_table, left_row, column, right_cells, right_values, left_value
) -> Finding | None:
    parts = [v for v in right_values if v is not None]
    others = "；".join(
        f"{'减' + c.column_header if c.role == 'less' else c.row_label}（{c.ref.where()}）{money(c.value)}"
        for c in right_cells
    )

    def message(got, difference, verdict) -> str:
        return (
            f"{relation.title}：{place(left_table, left_row, column)}为 {money(left_value)}，"
            f"而另表为 {money(got)}（{others}），相差 {difference:+,}（{verdict}）"
        )

    def cells() -> list[CitedCell]:
        return [cite(document, left_table, left_row, column, "left"), *right_cells]

    # (with no figure on the other side, the tolerance is that of the figure itself)
    return sum_finding("budget.cross-table", left_value, parts or [ZERO], message, cells)


def _check_relation(document: Document, relation: Relation, tables: list[Table]) -> Iterator[Finding]:
    left_tables = _tables(tables, relation.left)
    if not left_tables:
        return
    left_table = left_tables[0]
    column = relation.left["column"]
    if left_table.column(column) is None:
        return
    if relation.left["row"] == "classes":
        right = relation.right[0]
        right_tables = _tables(tables, right)
        if not right_tables or right_tables[0].column(right["column"]) is None:
            return
        theirs = _classes(right_tables[0], right)
        for code, row in _classes(left_table, relation.left).items():
            other = theirs.get(code)
            if other is None:
                continue
            cell = cite(document, right_tables[0], other, right["column"], "right")
            finding = _finding(
                document,
                relation,
                left_table,
                row,
                column,
                [cell],
                [_value(other, right["column"])],
                _value(row, column),
            )
            if finding:
                yield finding
        return
    left_rows = _rows(left_table, relation.left)
    if not left_rows:
        return
    right_cells: list[CitedCell] = []
    right_values: list[Decimal | None] = []
    for selector in relation.right:
        chosen = _tables(tables, selector)
        if not chosen:
            return
        for table in chosen:
            if table.column(selector["column"]) is None:
                return
            rows = _rows(table, selector)
            if not rows:
                return
            less = _without(table, selector)
            for row in rows:
                right_cells.append(cite(document, table, row, selector["column"], "right"))
                right_values.append(_value(row, selector["column"]))
                if less is not None and (taken := _value(row, less)) is not None:
                    right_cells.append(cite(document, table, row, less, "less"))
                    right_values.append(-taken)
    left_value = (
        sum((v for r in left_rows if (v := _value(r, column)) is not None), ZERO)
        if len(left_rows) > 1
        else _value(left_rows[0], column)
    )
    if left_value is None and all(v is None for v in right_values):
        return
    finding = _finding(
        document, relation, left_table, left_rows[0], column, right_cells, right_values, left_value
    )
    if finding:
        yield finding


@rule("budget.cross-table", Severity.ERROR, "cross-table", "同一数字在不同表中一致")
def cross_table(document: Document) -> Iterator[Finding]:
    """A figure that two tables of one document both print (本年收入合计 in the summary and the
    revenue table, each class's spending, 基本支出 and the economic breakdown, project totals …)
    agrees between them. The pairs are listed in ``check/catalogue/cross.toml``. A document that
    prints the tables of several units (each set headed 单位名称：…) is checked unit by unit."""
    for tables in _by_issuer(document.tables):
        for relation in relations():
            yield from _check_relation(document, relation, tables)


def _by_issuer(tables: list[Table]) -> list[list[Table]]:
    """The tables of each unit the document prints tables for, in order; a table that names no
    one belongs to the unit named last before it (the first unit, before any is named)."""
    same = _same_unit({t.issuer for t in tables if t.issuer})
    groups: dict[str | None, list[Table]] = {}
    current = None
    for table in tables:
        current = same.get(table.issuer, table.issuer) or current
        groups.setdefault(current, []).append(table)
    if len(groups) <= 1 or (len(groups) == 2 and None in groups):
        return [tables]
    unnamed = groups.pop(None, [])
    first = next(iter(groups))
    groups[first] = unnamed + groups[first]
    return list(groups.values())


def _same_unit(issuers: set[str]) -> dict[str, str]:
    """A name printed without its scope (焦作市生态环境局) stands for the one printed with it
    (焦作市生态环境局（汇总）) when there is only one such."""
    scoped: dict[str, list[str]] = {}
    for issuer in issuers:
        bare = without_scope(issuer)
        if bare != issuer:
            scoped.setdefault(bare, []).append(issuer)
    return {bare: names[0] for bare, names in scoped.items() if len(names) == 1 and bare in issuers}
