"""A budget or final-account disclosure table from its segment: headers, rows, structure."""

from __future__ import annotations

from operator import attrgetter

from perfbudget.model.findings import CitedCell, Finding, Severity
from perfbudget.model.source import SourceRef
from perfbudget.model.tables import Column, RowRole, Table
from perfbudget.read.blocks import RawCell, RawRow
from perfbudget.read.clean import squash
from perfbudget.recognize import structure
from perfbudget.recognize.headers import build_header, label_columns, table_width
from perfbudget.recognize.inferred_codes import infer_functional_codes
from perfbudget.recognize.issuer import table_issuer
from perfbudget.recognize.numbers import is_code, parse_amount
from perfbudget.recognize.references import (
    class_code_by_name,
    economic_group,
    functional_code_by_name,
    is_economic_class_name,
)
from perfbudget.recognize.rows import (
    Placed,
    RowFields,
    align,
    build_row,
    is_data_row,
    join_split_codes,
    side_columns,
)
from perfbudget.recognize.segment import Segment
from perfbudget.recognize.vocabulary import HEADER_UNIT, UNIT, is_column_numbers, is_total_label

_text = attrgetter("text")
_new_table = Table.__pydantic_validator__.validate_python  # the whole table, rows and cells, in one call


def build_table(segment: Segment, table_id: str, file: str, findings: list[Finding]) -> Table:
    kind = segment.kind
    first = segment.title_row or (segment.body[0] if segment.body else None)
    # the table's fields; rows and cells stay plain data until the table is validated at the end
    table = {
        "id": table_id,
        "kind": kind.id if kind else "generic",
        "kind_name": kind.name if kind else "未识别的表格",
        "title": segment.title,
        "label": segment.label,
        "unit": _unit(segment),
        "issuer": table_issuer(segment.title, segment.meta),
        "notes": [n.text for n in segment.notes],
        "declared_empty": segment.declared_empty,
        "line": first.line if first else None,
        "page": first.page if first else None,
        "sheet": first.sheet if first else None,
    }
    body: list[RawRow] = []
    body_texts: list[list[str]] = []
    for r in segment.body:
        texts = list(map(_text, r.cells))
        if any(texts):
            body.append(r)
            body_texts.append(texts)
    if kind is None:
        _generic(table, body)
        return _new_table(table)
    start = next((i for i, r in enumerate(body) if is_data_row(r)), len(body))
    header_rows = [
        r for r, texts in zip(body[:start], body_texts[:start], strict=True) if not is_column_numbers(texts)
    ]
    repeated = {tuple(r.texts) for r in header_rows}
    # a header printed again at the top of a page is not data
    data_rows: list[RawRow] = []
    data_texts: list[list[str]] = []
    for r, texts in zip(body[start:], body_texts[start:], strict=True):
        if not is_column_numbers(texts) and not (repeated and tuple(texts) in repeated):
            data_rows.append(r)
            data_texts.append(texts)
    if kind.rows == "economic" and _is_triples(header_rows):
        _economic_triples(table, header_rows, data_rows, file, findings)
        return _new_table(table)
    width = table_width(data_rows, header_rows)
    # each printed figure is read once, for telling label columns apart and for the rows
    amounts = [[parse_amount(t) if t else None for t in texts] for texts in data_texts]
    is_label = label_columns(data_texts, amounts, width)
    header = build_header(header_rows, width, is_label)
    table["columns"] = header.columns
    table["header_rows"] = header.rows
    sides = sorted({c.side for c in header.columns}, key=lambda s: (s != "income", s or ""))
    layouts = [side_columns(header.columns, header.kinds, side) for side in sides]
    placed: list[Placed] = []
    for raw, row_amounts in zip(data_rows, amounts, strict=True):
        cells = align(raw, width, header.kinds)
        if cells is None:
            findings.append(
                _unplaced(
                    raw, table, file, f"该行有 {len(raw.cells)} 个单元格，表格为 {width} 列，无法对应到列"
                )
            )
            continue
        if len(raw.cells) < width:  # a short row's cells were moved: their figures move with them
            row_amounts = [parse_amount(c.text) if c.text else None for c in cells]
        for layout in layouts:
            # a coded row gets the kind's code system
            built = build_row(cells, row_amounts, layout, raw, kind.code_system)
            if built is not None:
                placed.append(built)
    join_split_codes(placed)
    for item in placed:
        if item.row["code"] and not item.row["code_system"]:
            item.row["code_system"] = kind.code_system
    if kind.rows == "coded" and kind.code_system == "functional":
        infer_functional_codes(placed, functional_code_by_name)  # a table printed by name only
    table["rows"] = rows = _structure(kind.rows, placed)
    if not rows and not segment.declared_empty:
        findings.append(_cut_off(table, file))
    return _new_table(table)


def _structure(organisation: str, placed: list[Placed]) -> list[RowFields]:
    if organisation == "two_sided":
        return structure.two_sided(placed, class_code_by_name)
    if organisation == "named":
        return structure.named(placed)
    if organisation == "projects" and not _functional_codes(placed):
        return structure.projects(placed)  # (a 项目支出决算表 may list 功能分类 codes instead)
    if organisation == "economic":
        if any(p.row["code"] for p in placed):
            for item in placed:
                if item.row["code"]:
                    item.row["code_system"] = "economic"
            return structure.coded(placed)
        return structure.economic_names(placed, is_economic_class_name)
    return structure.coded(placed)


def _functional_codes(placed: list[Placed]) -> bool:
    """Rows coded 类/款/项 (3, 5, 7 digits) from a 类 down, not rows named by project."""
    codes = [p.row["code"] for p in placed if p.row["code"]]
    return bool(codes) and len(codes[0]) == 3 and all(c.isdigit() and len(c) in (3, 5, 7) for c in codes)


def _is_triples(header_rows: list[RawRow]) -> bool:
    return any(sum(1 for c in r.cells if squash(c.text) in ("科目编码", "编码")) >= 2 for r in header_rows)


def _economic_triples(
    table: dict, header_rows: list[RawRow], data_rows: list[RawRow], file: str, findings: list[Finding]
) -> None:
    """基本支出决算表: each printed row holds several (编码, 名称, 金额) records side by side."""
    leaf = next(
        r for r in header_rows if sum(1 for c in r.cells if squash(c.text) in ("科目编码", "编码")) >= 2
    )
    triple_starts = [j for j, c in enumerate(leaf.cells) if squash(c.text) in ("科目编码", "编码")]
    amount_header = (
        leaf.cells[triple_starts[0] + 2].text if len(leaf.cells) > triple_starts[0] + 2 else "金额"
    )
    table["columns"] = [
        Column(key="code", header=[leaf.cells[triple_starts[0]].text], measure=False),
        Column(key="name", header=[leaf.cells[triple_starts[0] + 1].text], measure=False),
        Column(key="total", header=[amount_header]),
    ]
    table["header_rows"] = [[c.text for c in r.cells] for r in header_rows]
    rows: list[RowFields] = []
    group_totals: dict[str, int] = {}
    for raw in data_rows:
        cells = raw.cells
        if len(cells) >= 3 * len(triple_starts) - 2 and any(is_code(c.text) for c in cells):
            for start in triple_starts:
                triple = cells[start : start + 3]
                if len(triple) < 3 or not (triple[0].text or triple[1].text or triple[2].text):
                    continue
                code, name, amount = triple
                if not is_code(code.text):
                    findings.append(_unplaced(raw, table, file, f"经济分类编码“{code.text}”无法识别"))
                    continue
                rows.append(_economic_row(code, name, amount, raw))
            continue
        # a footer row: 人员经费合计 | x | 公用经费合计 | y
        filled = [c for c in cells if c.text]
        pairs = list(zip(filled[0::2], filled[1::2], strict=False))
        if pairs and all(
            is_total_label(label.text) and parse_amount(value.text) is not None for label, value in pairs
        ):
            for label, value in pairs:
                row = {
                    "label": label.text,
                    "code": None,
                    "role": RowRole.TOTAL,
                    "parent": None,
                    "level": 0,
                    "line": label.line,
                    "page": label.page,
                    "group": label.text.replace("合计", "") or None,
                    "cells": {"total": _cell(value)},
                }
                group_totals[row["group"] or ""] = len(rows)
                rows.append(row)
            continue
        findings.append(_unplaced(raw, table, file, "该行不是“编码、名称、金额”的组合，也不是合计行"))
    table["rows"] = structure.economic_coded(rows, group_totals)


def _economic_row(code_cell: RawCell, name: RawCell, amount: RawCell, raw: RawRow) -> RowFields:
    code = code_cell.text
    return {
        "label": name.text,
        "code": code,
        "code_system": "economic",
        "level": 1 if len(code) == 3 else 2,
        "role": RowRole.ITEM,
        "group": economic_group(code),
        "parent": None,
        "line": code_cell.line if code_cell.line is not None else raw.line,
        "page": code_cell.page if code_cell.page is not None else raw.page,
        "cells": {"total": _cell(amount)},
    }


def _cell(raw: RawCell) -> dict:
    """A :class:`Cell`'s fields for a printed amount."""
    return {"text": raw.text, "value": parse_amount(raw.text), "line": raw.line, "page": raw.page}


def _generic(table: dict, body: list[RawRow]) -> None:
    """A table of a kind we do not know: kept as printed, columns by position."""
    width = max((len(r.cells) for r in body), default=0)
    table["columns"] = [Column(key=f"c{j + 1}", header=[], measure=False) for j in range(width)]
    table["rows"] = [
        {
            "label": raw.cells[0].text if raw.cells else "",
            "line": raw.line,
            "page": raw.page,
            # an empty cell of an unknown table carries nothing worth keeping
            "cells": {f"c{j + 1}": _cell(c) for j, c in enumerate(raw.cells) if c.text},
        }
        for raw in body
    ]


def _unit(segment: Segment) -> str | None:
    for row in segment.meta:
        for cell in row.filled:
            match = UNIT.search(squash(cell.text))
            if match:
                return match.group(1)
    for row in segment.body[:4]:  # no meta row: a unit printed in the header (合计（万元）)
        for cell in row.cells:
            if cell.text[-1:] in "）)" and (match := HEADER_UNIT.search(squash(cell.text))):
                return match.group(1)
    return None


def _unplaced(raw: RawRow, table: dict, file: str, reason: str) -> Finding:
    text = " | ".join(c.text for c in raw.cells)
    return Finding(
        rule="read.unplaced-row",
        severity=Severity.ERROR,
        message=f"《{table['title']}》中有一行无法识别：{reason}。原文：{text[:120]}",
        cells=[
            CitedCell(
                ref=SourceRef(file=file, line=raw.line, page=raw.page, sheet=raw.sheet, table=table["id"]),
                text=text,
            )
        ],
    )


def _cut_off(table: dict, file: str) -> Finding:
    title = table["title"]
    return Finding(
        rule="read.table-cut-off",
        severity=Severity.ERROR,
        message=f"《{title}》只有标题和表头，没有数据行，也没有注明“本表无数据”：表格可能被截断",
        cells=[
            CitedCell(
                ref=SourceRef(
                    file=file, line=table["line"], page=table["page"], sheet=table["sheet"], table=table["id"]
                ),
                text=title,
            )
        ],
    )
