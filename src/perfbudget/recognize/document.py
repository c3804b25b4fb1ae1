"""Recognise a whole document: its tables and what the document is (family, year, stage, unit)."""

from __future__ import annotations

import re
from collections import Counter

from perfbudget.model.document import Document, Paragraph
from perfbudget.model.findings import CitedCell, Finding, Severity
from perfbudget.model.source import SourceRef
from perfbudget.read.blocks import RawDocument, RawRow
from perfbudget.recognize.budget import build_table
from perfbudget.recognize.forms import recognize_forms
from perfbudget.recognize.issuer import SCOPE, issuer_of_title, named_in, without_scope
from perfbudget.recognize.narrative import extract_statements
from perfbudget.recognize.segment import Segment, segments

_YEAR = re.compile(r"(20\d{2})\s*年")


def recognize(raw: RawDocument) -> Document:
    document = Document(source=raw.source)
    found, prose = segments(raw.rows)
    findings: list[Finding] = []
    placed = recognize_forms(raw, document, findings)  # performance forms claim their rows
    index = 0
    headings: list[RawRow] = []
    for segment in found:
        if segment.kind is None and not _table_left(segment, placed, headings):
            continue
        index += 1
        document.tables.append(build_table(segment, f"t{index}", raw.source.path, findings))
    if headings:
        prose = _in_printed_order(raw.rows, prose, headings)
    for problem in raw.problems:
        findings.append(
            Finding(
                rule="read.problem",
                severity=Severity.ERROR,
                message=problem.message,
                cells=[CitedCell(ref=SourceRef(file=raw.source.path, line=problem.line, page=problem.page))],
            )
        )
    document.findings = findings
    new_paragraph = Paragraph.__pydantic_validator__.validate_python  # Paragraph(**fields), faster
    document.paragraphs = [
        new_paragraph({"text": row.cells[0].text, "line": row.line, "page": row.page, "heading": row.heading})
        for row in prose
        if row.cells
    ]
    _describe(document, found, prose)
    document.statements = extract_statements(document)  # the figures the prose states
    return document


def _table_left(segment: Segment, placed: set[int], headings: list[RawRow]) -> bool:
    """Keep in an untitled table only the rows no form placed; whether a table is left.

    Rows left that hold one text each (附件3, 第二部分 printed in a grid above a form or a table)
    are headings, not a table: they go to ``headings``.
    """
    left = [row for row in segment.body if id(row) not in placed and row.filled]
    if left and all(len(row.filled) == 1 for row in left):
        headings.extend(left)
        return False
    if len(left) < len(segment.body):
        segment.body = left
    return bool(left)


def _in_printed_order(rows: list[RawRow], prose: list[RawRow], headings: list[RawRow]) -> list[RawRow]:
    """The prose with the headings found in grids, in the order the file prints them, each
    heading as a paragraph of its one text."""
    position = {id(row): index for index, row in enumerate(rows)}
    merged = sorted([*prose, *headings], key=lambda row: position[id(row)])
    return [
        row if row.grid is None else RawRow(row.filled, row.line, row.page, None, row.sheet) for row in merged
    ]


def _describe(document: Document, found: list[Segment], prose) -> None:
    """Family, stage, fiscal year, department and money unit from titles and meta rows."""
    known = [s for s in found if s.kind is not None]
    titles = " ".join(s.title for s in known)
    if known:
        if "决算" in titles:
            document.family, document.stage = "final_account_disclosure", "决算"
        else:
            document.family, document.stage = "budget_disclosure", "预算"
    years = Counter(int(y) for s in known for y in _YEAR.findall(s.title))
    for segment in known:
        for row in segment.meta:
            years.update(int(y) for y in _YEAR.findall(row.text))
    if not years:
        years.update(int(y) for row in prose[:40] for y in _YEAR.findall(row.text))
    if years:
        document.fiscal_year = years.most_common(1)[0][0]
    departments = Counter(name for segment in known for name in named_in(segment.meta))
    if not departments:
        titles = [s.title for s in known] + [r.text for r in prose[:10] if r.heading]
        departments = Counter(filter(None, map(issuer_of_title, titles)))
    if departments:
        name = _named_by_prose(departments, prose) or departments.most_common(1)[0][0]
        scope = SCOPE.search(name)
        if scope:  # 焦作市生态环境局（汇总）: the department, consolidated over its units
            document.scope, name = scope.group(1), name[: scope.start()]
        document.department = name
    units = Counter(t.unit for t in document.tables if t.unit)
    if units:
        document.money_unit = units.most_common(1)[0][0]
    _describe_from_forms(document)


def _named_by_prose(departments: Counter, prose: list) -> str | None:
    """Where the tables of several units are printed, the one the document's own headings name
    (青川市生态环境局2025年部门预算情况说明) is the department."""
    if len(departments) < 2:
        return None
    bare = {without_scope(name): name for name in departments}
    for row in prose:
        name = issuer_of_title(row.text) if len(row.text) <= 40 else None
        if name is not None and without_scope(name) in bare:
            return bare[without_scope(name)]
    return None


_CODE_PREFIX = re.compile(r"^\d{2,4}\s*[-－—]\s*")


def _describe_from_forms(document: Document) -> None:
    """A document of performance forms only: its family, year and department from the forms."""
    forms = [*document.department_targets, *document.project_targets, *document.self_evaluations]
    if not forms and not document.evaluation_reports:
        return
    if document.family == "unknown":
        document.family = "performance"
    if document.fiscal_year is None:
        years = Counter(f.year for f in forms if getattr(f, "year", None))
        if years:
            document.fiscal_year = years.most_common(1)[0][0]
    if document.department is None:
        names = Counter(
            _CODE_PREFIX.sub("", p.department.text) for p in document.project_targets if p.department
        )
        if not names and len(document.department_targets) == 1:
            target = document.department_targets[0]
            if target.unit_name is not None:
                names[target.unit_name.text] += 1
        if names:
            document.department = names.most_common(1)[0][0]
