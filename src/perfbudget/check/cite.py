"""Building citations: the cells a finding points at, with their place in the source."""

from __future__ import annotations

from perfbudget.model.document import Document
from perfbudget.model.findings import CitedCell
from perfbudget.model.tables import Row, Table


def cite(document: Document, table: Table, row: Row, column: str, role: str = "") -> CitedCell:
    cell = row.cells.get(column)
    col = table.column(column, row.side)
    header = "/".join(col.header) if col and col.header else column
    return CitedCell(
        ref=document.ref(table, row, column),
        text=cell.text if cell else "",
        value=cell.value if cell else None,
        role=role,
        row_label=row.label or (row.code or ""),
        column_header=header,
    )


def place(table: Table, row: Row, column: str | None = None) -> str:
    """``《支出总表》“节能环保支出”行“基本支出”列`` — how a finance officer names a cell."""
    text = f"《{table.title}》"
    label = row.label or row.code or ""
    if row.code and row.label:
        label = f"{row.code} {row.label}"
    if label:
        text += f"“{label}”行"
    if column:
        col = table.column(column, row.side)
        if col and col.header:
            text += f"“{col.header[-1]}”列"
    return text


def money(value) -> str:
    return "空" if value is None else f"{value:,}"
