"""Tables as printed: multi-level column headers, rows with classification codes, cells."""

from __future__ import annotations

import re
from decimal import Decimal
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from perfbudget.model.defaults import empty_dict, empty_list


class Cell(BaseModel):
    """One printed cell.

    ``text`` is the cell as printed (whitespace normalised); ``value`` is its number when it is
    a measure: ``None`` means the cell was empty (or held a placeholder such as ``□``), which
    is not the same as a printed zero.
    """

    model_config = ConfigDict(frozen=True)

    text: str = ""
    value: Decimal | None = None
    line: int | None = None
    page: int | None = None

    @property
    def is_empty(self) -> bool:
        return self.value is None


_RATIO = re.compile(r"率|比例|比重|占比|百分比|[%％]")


class Column(BaseModel):
    """A leaf column. ``header`` is the header path from the top header row down to the leaf."""

    model_config = ConfigDict(frozen=True)

    key: str
    header: list[str]
    side: str | None = None
    measure: bool = True

    @property
    def is_ratio(self) -> bool:
        """A rate or share (增减率, 执行率, 占比, a header in %): its figures do not add up."""
        return any(_RATIO.search(text) for text in self.header)


class RowRole(StrEnum):
    TOTAL = "total"  # 合计, 总计, 本年收入合计 …
    GROUP = "group"  # a row that sums rows below it (类, 款, a unit in a project list)
    ITEM = "item"  # a leaf row
    NOTE = "note"  # a row that carries no figures (a label-only line)


class Row(BaseModel):
    """A logical row.

    ``code`` is the classification code as printed (功能分类 3/5/7 digits, 经济分类 3/5 digits,
    收入分类); where a row is named but not coded (``一、一般公共服务支出``) and the name resolves
    in the reference data, ``code`` holds that code and ``code_inferred`` is true.
    """

    label: str
    code: str | None = None
    code_system: str | None = None  # "functional" | "economic" | "government_economic" | "revenue"
    code_inferred: bool = False
    level: int | None = None  # 1 类, 2 款, 3 项 (by code length); 0 for totals
    role: RowRole = RowRole.ITEM
    side: str | None = None  # "income" | "expenditure" in two-sided tables
    group: str | None = None  # e.g. "人员经费"/"公用经费" in the basic-expenditure table
    parent: int | None = None  # index of the row this row is a part of (a total, a 类, a unit)
    line: int | None = None
    page: int | None = None
    cells: dict[str, Cell] = Field(default_factory=empty_dict)

    def value(self, key: str) -> Decimal | None:
        cell = self.cells.get(key)
        return None if cell is None else cell.value


class Table(BaseModel):
    """A recognised table: its standard kind, its title as printed, headers and rows."""

    id: str
    kind: str  # standard kind id, e.g. "expenditure_summary"; "generic" when unknown
    kind_name: str  # the kind's standard Chinese name
    title: str  # as printed
    label: str | None = None  # 公开01表, 预算公开表1, 表一 …
    unit: str | None = None  # 万元, 元
    issuer: str | None = None  # whom it is printed for, where it says (部门：…, or before its title)
    columns: list[Column] = Field(default_factory=empty_list)
    header_rows: list[list[str]] = Field(default_factory=empty_list)
    rows: list[Row] = Field(default_factory=empty_list)
    notes: list[str] = Field(default_factory=empty_list)
    declared_empty: bool = False  # printed as 本表无数据
    line: int | None = None
    page: int | None = None
    sheet: str | None = None

    def column(self, key: str, side: str | None = None) -> Column | None:
        """The column with this key (on this side of a two-sided table, when given)."""
        fallback = None
        for column in self.columns:
            if column.key == key:
                if side is None or column.side == side:
                    return column
                fallback = fallback or column
        return fallback

    def measure_keys(self, side: str | None = None) -> list[str]:
        return [c.key for c in self.columns if c.measure and (side is None or c.side == side)]

    def additive_keys(self, side: str | None = None) -> list[str]:
        """The amount columns whose figures add up (rates and shares left out)."""
        return [
            c.key for c in self.columns if c.measure and not c.is_ratio and (side is None or c.side == side)
        ]

    def find_rows(self, label: str, side: str | None = None) -> list[Row]:
        return [r for r in self.rows if r.label == label and (side is None or r.side == side)]
