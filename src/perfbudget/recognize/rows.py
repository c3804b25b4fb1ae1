"""Data rows of a budget table: align printed cells to columns, read labels, codes and amounts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from perfbudget.model.tables import Column, Row, RowRole
from perfbudget.read.blocks import RawCell, RawRow
from perfbudget.recognize.catalogue import column_word
from perfbudget.recognize.numbers import is_amount, is_code, is_decimal_amount
from perfbudget.recognize.vocabulary import ORDINAL, has_ordinal, is_column_numbers, is_total_label

LEVELS = {3: 1, 5: 2, 7: 3}  # code length → 类, 款, 项
# 201 一般公共服务支出, 201-一般公共服务支出, [201]一般公共服务支出, 【201】…, 201一般公共服务支出
_GLUED_CODE = re.compile(
    r"^(?:[\[【〔(（](\d{3}(?:\d{2}){0,2})[\]】〕)）]\s*"
    r"|(\d{3}(?:\d{2}){0,2})(?:\s+|\s*[-－—、.．:：]\s*|(?<=^[1-5]\d\d)(?=[\u4e00-\u9fff])"
    r"|(?<=^[1-5]\d{4})(?=[\u4e00-\u9fff])|(?<=^[1-5]\d{6})(?=[\u4e00-\u9fff])))"
    r"(?![万元亿千百年月日天个人次件项%％])(\S.*)$"  # 300万元, 2024年: a quantity, not a code
)


def _glued_code(text: str) -> tuple[str, str] | None:
    """``201 一般公共服务支出``: a code printed in the name's cell, as (code, name)."""
    if not (text[:1].isdecimal() or text[:1] in "[【〔(（"):
        return None  # cheap test first
    match = _GLUED_CODE.match(text)
    if match is None:
        return None
    return match.group(1) or match.group(2), match.group(3)


def _is_year(text: str) -> bool:
    return len(text) == 4 and text.isdecimal() and "1990" <= text <= "2100"


def is_data_row(row: RawRow) -> bool:
    """A row that carries figures or a row label, as opposed to a header row."""
    texts = [c.text for c in row.cells]
    filled = [(j, t) for j, t in enumerate(texts) if t]
    if not filled or is_column_numbers(texts):
        return False
    if any(is_decimal_amount(t) for _, t in filled):
        return True
    first_index, first = filled[0]
    if len(filled) >= 2 and all(column_word(t) is not None for _, t in filled):
        return False  # every cell is a column heading (合计 | 人员经费 | 公用经费)
    if len(filled) >= 2 and all(is_amount(t) and not _is_year(t) for _, t in filled):
        return True  # whole figures only (12 | 0 | 8 | 4): the one row of a 三公 table printed across
    if is_code(first) or _glued_code(first):
        return True
    if is_total_label(first) or has_ordinal(first) or first[:1] in "①②③④⑤⑥⑦⑧⑨⑩":
        return True
    return len(filled) == 1 and first_index == 0


@dataclass
class Unplaced:
    row: RawRow
    reason: str


def align(row: RawRow, width: int, kinds: list[str]) -> list[RawCell] | None:
    """The row's cells placed on the table's columns, or ``None`` when no rule can place them.

    Short rows lost cells to merged labels (``合计`` over 编码 + 名称): amounts stay right-aligned.
    """
    cells = list(row.cells)
    if len(cells) > width:
        extra = cells[width:]
        if any(c.text for c in extra):
            return None
        cells = cells[:width]
    if len(cells) == width:
        return cells
    missing = width - len(cells)
    label_count = 0
    while label_count < width and kinds[label_count] != "measure":
        label_count += 1
    measure_count = width - label_count
    if label_count == 0 or len(cells) < measure_count or len(cells) - measure_count > label_count:
        return None
    leading = cells[: len(cells) - measure_count]
    if len(leading) + missing != label_count:
        return None
    filler = [RawCell("", c.line, c.page) for c in cells[:1]] * missing
    # the merged label keeps its text in the name column when there is one
    if leading and kinds[0] == "code" and not is_code(leading[0].text):
        placed = filler[:1] + leading + filler[1:]
    else:
        placed = leading + filler
    return placed[:label_count] + cells[len(leading) :]


# A Row's fields (and each cell a Cell's fields) while the structure passes fill them in: the
# table is validated into pydantic models once, at the end, which costs far less than building
# each model on its own and then setting attributes (a pydantic model's ``__setattr__`` is slow).
RowFields = dict[str, Any]


@dataclass(slots=True)
class Placed:
    """A logical row with the printed hints the structure pass needs."""

    row: RowFields
    indent: int
    code_parts: tuple[str, str, str] | None = None  # 类, 款, 项 printed in three columns


@dataclass(frozen=True, slots=True)
class SideColumns:
    """The columns of one side of a table (all of them in a one-sided table), worked out once
    per table so that each printed row is read without looking at the other side's columns."""

    side: str | None
    columns: tuple[tuple[int, str, str], ...]  # (position, key, kind)


def side_columns(columns: list[Column], kinds: list[str], side: str | None) -> SideColumns:
    return SideColumns(
        side,
        tuple(
            (j, c.key, kind) for j, (c, kind) in enumerate(zip(columns, kinds, strict=True)) if c.side == side
        ),
    )


def build_row(
    cells: list[RawCell],
    amounts: list[Decimal | None],
    layout: SideColumns,
    raw: RawRow,
    code_system: str | None = None,
) -> Placed | None:
    """One logical row from the cells of one side of a printed row; ``None`` if it is blank.

    ``amounts`` holds each cell's figure (``parse_amount``); ``code_system`` is recorded on a row
    that has a code (``None``: leave it unset)."""
    label = code = label_key = ""
    label_cell = None
    parts: dict[str, str] | None = None
    indent = 0
    values: dict[str, dict] = {}
    for j, key, kind in layout.columns:
        cell = cells[j]
        text = cell.text
        if kind == "measure":
            values[key] = {"text": text, "value": amounts[j], "line": cell.line, "page": cell.page}
        elif kind == "code":
            if key == "code":
                code = text
            else:
                if parts is None:
                    parts = {}
                parts[key.rsplit(".", 1)[-1]] = text
        elif kind == "name":
            if not label:
                label, indent, label_key, label_cell = text, cell.indent, key, cell
            elif text:
                if key == "name" and label_key != "name":  # 项目名称 after 项目分类 or 项目单位: the label
                    values[label_key] = {"text": label, "line": label_cell.line, "page": label_cell.page}
                    label, indent, label_key, label_cell = text, cell.indent, key, cell
                else:
                    values[key] = {"text": text, "line": cell.line, "page": cell.page}
        else:  # line_no
            values[key] = {"text": text, "line": cell.line, "page": cell.page}
    if parts and not label:
        # 合计 printed across the 类 | 款 | 项 columns, its name column left empty
        for part, text in parts.items():
            if text and not text.strip().isdigit():
                label, parts[part] = text, ""
                break
    if code and not is_code(code):
        glued = _glued_code(code)
        if glued:
            code, label = glued[0], label or glued[1]
        else:
            label, code = (code if not label else f"{code} {label}"), ""
    if not code and label:
        glued = _glued_code(label)
        if glued:
            code, label = glued
    if not (label or code or _any_value(values) or (parts and any(parts.values()))):
        return None
    # the side's first printed cell
    first = next((cells[j] for j, _, _ in layout.columns if cells[j].text), None)
    if first is None:
        first = cells[layout.columns[0][0]] if layout.columns else cells[0]
    total = bool(label) and is_total_label(label)
    row = {
        "label": label,
        "code": code or None,
        "code_system": code_system if code else None,
        "level": 0 if total else (LEVELS.get(len(code)) if code else None),
        "role": RowRole.TOTAL if total else RowRole.ITEM,
        "side": layout.side,
        "parent": None,
        "line": first.line if first.line is not None else raw.line,
        "page": first.page if first.page is not None else raw.page,
        "cells": values,
    }
    split = (
        (parts.get("code_class", ""), parts.get("code_section", ""), parts.get("code_item", ""))
        if parts
        else None
    )
    return Placed(row, indent, split)


def _any_value(values: dict[str, dict]) -> bool:
    return any(cell.get("value") is not None for cell in values.values())


def join_split_codes(placed: list[Placed]) -> None:
    """Codes printed as 类 | 款 | 项: join them, taking a blank 类/款 from the rows above."""
    current_class = current_section = ""
    for item in placed:
        if item.code_parts is None or item.row["role"] == RowRole.TOTAL:
            continue
        lei, kuan, xiang = (p.strip() for p in item.code_parts)
        if lei:
            current_class, current_section = lei, ""
        if kuan:
            current_section = kuan
        if not (lei or kuan or xiang):
            continue
        code = current_class + (current_section if (kuan or xiang) else "") + (xiang if xiang else "")
        if is_code(code):
            item.row["code"] = code
            item.row["level"] = {3: 1, 5: 2, 7: 3}.get(len(code))


def ordinal_label(row: Row) -> bool:
    return bool(ORDINAL.match(row.label))
