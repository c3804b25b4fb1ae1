"""The document: one source file and everything recognised in it."""

from __future__ import annotations

from pydantic import BaseModel, Field

from perfbudget.model.defaults import empty_list
from perfbudget.model.findings import Finding
from perfbudget.model.narrative import Statement
from perfbudget.model.performance import DepartmentTarget, EvaluationReport, ProjectTarget, SelfEvaluation
from perfbudget.model.source import SourceRef
from perfbudget.model.tables import Row, Table


class SourceFile(BaseModel):
    path: str
    name: str
    sha256: str
    size: int
    format: str  # "text" | "docx" | "doc" | "xlsx" | "xls" | "pdf"
    encoding: str | None = None  # text files only


class Paragraph(BaseModel):
    """A line of prose outside the tables (情况说明, 概况, 名词解释 …), as printed."""

    text: str
    line: int | None = None
    page: int | None = None
    heading: bool = False


class Document(BaseModel):
    """A disclosure or performance document.

    ``family`` is ``budget_disclosure`` (部门预算公开), ``final_account_disclosure`` (部门决算公开),
    ``performance`` (绩效目标/自评/评价) or ``unknown``; ``stage`` is 预算 or 决算.
    """

    source: SourceFile
    family: str = "unknown"
    department: str | None = None
    fiscal_year: int | None = None
    stage: str | None = None
    scope: str | None = None  # 汇总 (consolidated over the units) or 本级, where printed
    money_unit: str | None = None
    tables: list[Table] = Field(default_factory=empty_list)
    paragraphs: list[Paragraph] = Field(default_factory=empty_list)  # prose outside tables and forms
    statements: list[Statement] = Field(
        default_factory=empty_list
    )  # figures the prose states (model/narrative.py)
    findings: list[Finding] = Field(
        default_factory=empty_list
    )  # reader findings: parts that could not be placed
    department_targets: list[DepartmentTarget] = Field(default_factory=empty_list)  # 整体绩效目标
    project_targets: list[ProjectTarget] = Field(default_factory=empty_list)  # 项目绩效目标
    self_evaluations: list[SelfEvaluation] = Field(default_factory=empty_list)  # 绩效自评表
    evaluation_reports: list[EvaluationReport] = Field(default_factory=empty_list)  # 绩效评价报告

    def table(self, table_id: str) -> Table:
        for table in self.tables:
            if table.id == table_id:
                return table
        raise KeyError(table_id)

    def tables_of(self, kind: str) -> list[Table]:
        return [t for t in self.tables if t.kind == kind]

    def ref(self, table: Table, row: Row | None = None, column: str | None = None) -> SourceRef:
        """The full source reference of a table, a row or a cell."""
        line, page = table.line, table.page
        row_index = None
        if row is not None:
            # by identity: two rows printed alike are still two rows (and == compares every cell)
            row_index = next((i for i, r in enumerate(table.rows) if r is row), None)
            line, page = row.line or line, row.page or page
            cell = row.cells.get(column) if column else None
            if cell is not None:
                line, page = cell.line or line, cell.page or page
        return SourceRef(
            file=self.source.path,
            line=line,
            page=page,
            sheet=table.sheet,
            table=table.id,
            row=row_index,
            column=column,
        )
