"""Findings: what a check or a reader has to say about a document, with citations."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from pydantic import BaseModel, Field

from perfbudget.model.defaults import empty_list
from perfbudget.model.source import SourceRef


class Severity(StrEnum):
    ERROR = "error"  # a figure is wrong or a part could not be read
    WARNING = "warning"  # probably wrong, or cannot be verified
    INFO = "info"  # within tolerance (rounding) or worth knowing

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


class CitedCell(BaseModel):
    """A cell a finding points at: where it is, what it says and what role it plays."""

    ref: SourceRef
    text: str = ""
    value: Decimal | None = None
    role: str = ""  # "total", "part", "left", "right" …
    row_label: str = ""
    column_header: str = ""


class Finding(BaseModel):
    rule: str
    severity: Severity
    message: str
    cells: list[CitedCell] = Field(default_factory=empty_list)
    expected: Decimal | None = None
    actual: Decimal | None = None
    difference: Decimal | None = None
    tolerance: Decimal | None = None

    @property
    def ref(self) -> SourceRef | None:
        return self.cells[0].ref if self.cells else None
