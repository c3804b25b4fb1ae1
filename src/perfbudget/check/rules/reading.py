"""Reader findings: parts of a document that could not be placed. They are produced while the
document is read; the rules here document them in the catalogue."""

from __future__ import annotations

from perfbudget.check.registry import rule
from perfbudget.model.document import Document
from perfbudget.model.findings import Severity


@rule("read.unplaced-row", Severity.ERROR, "reading", "无法识别的表格行")
def unplaced_row(document: Document) -> list:
    """A table row whose cells no rule can place on the table's columns (a row of the wrong width,
    a record that is not code-name-amount). The row is kept in the finding, never guessed."""
    return []


@rule("read.table-cut-off", Severity.ERROR, "reading", "表格被截断")
def table_cut_off(document: Document) -> list:
    """A table with a title and headers but no data rows, and no note saying it has no data."""
    return []


@rule("read.problem", Severity.ERROR, "reading", "读取问题")
def read_problem(document: Document) -> list:
    """Something the file reader met and could not read (a scanned page without text, a damaged part)."""
    return []
